#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's git recipe on a real repository: two commits of one
# agreement (2023-2026, then the proposal 2027-2030), textconv through
# kltext --plain for git diff / git log -p, and git difftool running
# kldiff, with what git does with kldiff's exit status.
. "$KL_ROOT/tests/lib/tap.sh"

command -v git >/dev/null 2>&1 || skip_all "git is not installed"
A=$KL_ROOT/corpus/samverkan-2023-2026.docx
B=$KL_ROOT/corpus/samverkan-2027-2030.docx
D=$KL_ROOT/corpus/samverkan-2027-2030-utkast.docx
[ -f "$A" ] && [ -f "$B" ] && [ -f "$D" ] ||
    skip_all "corpus/ has no agreements yet"

# A repository of its own, no user or system configuration.
export HOME="$TMP" GIT_CONFIG_NOSYSTEM=1 GIT_PAGER=cat PAGER=cat
export GIT_AUTHOR_NAME=Region GIT_AUTHOR_EMAIL=region@example.org
export GIT_COMMITTER_NAME=Region GIT_COMMITTER_EMAIL=region@example.org
R=$TMP/repo
git init -q "$R" && cd "$R" || exit 1
# The tools as the README has them on PATH (under KL_WRAP: through kl).
mkdir "$TMP/bin"
for t in kltext kldiff; do
	printf '#!/bin/sh\nexec %s "%s/%s" "$@"\n' "${KL_WRAP:-}" "$KL_BIN" "$t" \
	    >"$TMP/bin/$t"
	chmod +x "$TMP/bin/$t"
done
PATH=$TMP/bin:$PATH

# The recipe, as README.md writes it.
echo '*.docx diff=klausul' >>.gitattributes
git config diff.klausul.textconv 'kltext --plain'
git config difftool.kldiff.cmd \
    'kldiff -L "a/$MERGED" -L "b/$MERGED" "$LOCAL" "$REMOTE"'
git config alias.kldiff 'difftool -y -t kldiff'
ok "the README's recipe is in README.md" grep -qF \
    "git config diff.klausul.textconv 'kltext --plain'" "$KL_ROOT/README.md"

cp "$A" avtal.docx
git add .gitattributes avtal.docx && git commit -qm "Överenskommelse 2023–2026"
cp "$B" avtal.docx
git commit -qam "Förslag 2027–2030"
is "$(git rev-list --count HEAD)" 2 "two commits of avtal.docx"

# ---- git diff and git log -p through textconv ------------------------------
git diff HEAD~1 -- avtal.docx >"$TMP/diff" 2>"$TMP/diff.err"
is "$?:$(cat "$TMP/diff.err")" "0:" "git diff HEAD~1 runs the textconv"
like "$(cat "$TMP/diff")" '^-7\.5\. Av de gemensamma medlen avsätts 1 250 000 kronor' \
    "git diff: the old clause 7.5 as text"
like "$(cat "$TMP/diff")" '^\+7\.5\. Av de gemensamma medlen avsätts 1 500 000 kronor' \
    "git diff: the new clause 7.5 as text"
like "$(cat "$TMP/diff")" '^\+.*Civil beredskap' \
    "git diff: the new section on civil preparedness"
is "$(grep -c 'Binary files' "$TMP/diff")" 0 "git diff: no 'Binary files differ'"
diag "git diff HEAD~1 (excerpt):"
grep -m 4 '^[-+]7\.[35]' "$TMP/diff" | sed 's/^/#   /'

git diff --word-diff HEAD~1 -- avtal.docx >"$TMP/wdiff"
like "$(cat "$TMP/wdiff")" 'avsätts 1 \[-250-\]\{\+500\+\} 000 kronor' \
    "git diff --word-diff: the changed digits of the amount"
git log -p -- avtal.docx >"$TMP/log"
like "$(cat "$TMP/log")" '^\+7\.5\. Av de gemensamma medlen avsätts 1 500 000' \
    "git log -p: the change as text"
like "$(cat "$TMP/log")" '^\+.*Region Västerbotten' \
    "git log -p: the first commit's text too"
ok "git show works with the textconv" git show HEAD

# ---- git difftool running kldiff ---------------------------------------
git difftool -y -x kldiff HEAD~1 HEAD >"$TMP/dt" 2>"$TMP/dt.err"
is "$?:$(cat "$TMP/dt.err")" "0:" \
    "git difftool -y -x kldiff exits 0 (git ignores the tool's 1)"
like "$(cat "$TMP/dt")" '^  7\.5 → 7\.5  changed \(amount\)$' \
    "git difftool -x kldiff: a clause-level diff"
like "$(cat "$TMP/dt")" '^  5\.2\.3 → 5\.4\.6  moved' \
    "git difftool -x kldiff: the moved clause"

git kldiff HEAD~1 -- avtal.docx >"$TMP/alias" 2>"$TMP/alias.err"
is "$?:$(cat "$TMP/alias.err")" "0:" "git kldiff (the README's alias) runs"
is "$(head -n 2 "$TMP/alias")" "--- a/avtal.docx
+++ b/avtal.docx" "git kldiff: versions labelled as git does"
like "$(cat "$TMP/alias")" 'amount: 1 250 000 kr → 1 500 000 kr' \
    "git kldiff: the amount change"
LC_ALL= LANG=sv_SE.UTF-8 git kldiff HEAD~1 -- avtal.docx >"$TMP/alias.sv"
like "$(cat "$TMP/alias.sv")" '^  7\.5 → 7\.5  ändrad \(belopp\)$' \
    "git kldiff under LANG=sv_SE.UTF-8: Swedish labels"

# --trust-exit-code: kldiff's 1 ("differences") is a failure to git.
git difftool --trust-exit-code -y -x kldiff HEAD~1 HEAD >/dev/null \
    2>"$TMP/trust.err"
rc=$?
ok "--trust-exit-code: a difference makes git difftool fail" test "$rc" -ne 0
diag "git difftool --trust-exit-code exit status $rc: $(cat "$TMP/trust.err")"
# As a yes/no question: the draft with its tracked changes rejected is
# the 2023-2026 text, so nothing of substance changed.
cp "$D" avtal.docx
git commit -qam "Utkast med spårade ändringar"
git difftool --trust-exit-code -y \
    -x 'kldiff -q --substantive --changes=reject' HEAD~2 HEAD -- avtal.docx \
    >"$TMP/q" 2>&1
is "$?:$(cat "$TMP/q")" "0:" \
    "--trust-exit-code with kldiff -q: 0 when nothing of substance changed"
git difftool --trust-exit-code -y \
    -x 'kldiff -q --substantive' HEAD~2 HEAD -- avtal.docx >/dev/null 2>&1
ok "--trust-exit-code with kldiff -q: not 0 when something did" \
    test $? -ne 0

done_testing
