#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The review page in a real browser (Debian's chromium, headless, driven
# through the DevTools protocol by tests/browser/review.js): what the page
# shows is what --json and --stat say, the filters hide what they promise
# when clicked, inline view shows deletions, a phone gets one column, and
# the page requests nothing but itself.  Screenshots of the corpus
# comparison at 1280 and 390 px go to tests/artifacts/ (or $KL_ARTIFACTS).
. "$KL_ROOT/tests/lib/tap.sh"

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
[ -n "$CHROMIUM" ] || skip_all "chromium not installed"
command -v node >/dev/null 2>&1 || skip_all "node not installed"
perl -MJSON::PP -e 1 2>/dev/null || skip_all "perl with JSON::PP missing"
export CHROMIUM
C=$KL_ROOT/corpus
[ -f "$C/samverkan-2027-2030.docx" ] || skip_all "corpus missing"
ART=${KL_ARTIFACTS:-$KL_ROOT/tests/artifacts}
mkdir -p "$ART" 2>/dev/null || ART=$TMP
CHECK=$KL_ROOT/tests/helpers/htmlcheck.pl
REVIEW=$KL_ROOT/tests/browser/review.js

set -- "$C/samverkan-2019-2022.docx" "$C/samverkan-2023-2026.docx" \
    "$C/samverkan-2027-2030.docx"
kl kldiff --html "$@" >"$ART/review.html"
kl kldiff --json "$@" >"$TMP/r.jsonl"
kl kldiff --stat --lang=en "$@" >"$TMP/r.stat"
node "$REVIEW" "$ART/review.html" "$ART" >"$TMP/dom.json"
is "$?" 0 "chromium opened the page"

ok "every --json unit is an article in the DOM" \
    perl "$CHECK" units "$TMP/dom.json" "$TMP/r.jsonl"
ok "the summary shows the counts of --stat" \
    perl "$CHECK" stats "$TMP/dom.json" "$TMP/r.stat"

# one number from the report: q 'filters.start.eq'
q() {
	json_at "$1" "$TMP/dom.json"
}
n_equal=$(grep -c '"op":"equal","old":\[[^]]*\],"new":\[[^]]*\],"substantive":false,"class":\[\]' "$TMP/r.jsonl")
n_units=$(wc -l <"$TMP/r.jsonl" | tr -d ' ')
n_ns=$(q filters.start.ns)

is "$(q filters.start.eq)" 0 "at first: unchanged clauses hidden"
is "$(q filters.start.all)" "$((n_units - n_equal))" \
    "at first: every change shown"
[ "$n_ns" -gt 0 ]
is "$?" 0 "the corpus has non-substantive changes to hide ($n_ns)"
is "$(q filters.with_equal.eq)" "$n_equal" \
    "click 'unchanged': all $n_equal unchanged clauses shown"
is "$(q filters.with_equal.all)" "$n_units" "then every unit is shown"
is "$(q filters.substantive.ns)" 0 \
    "click 'non-substantive': typography and renumbering gone"
is "$(q filters.substantive.all)" "$((n_units - n_ns))" \
    "and nothing else"
is "$(q filters.no_period.pe)" 0 "click 'period': period shifts gone"
is "$(q filters.start.del_in_new)" 0 \
    "side by side: the new column shows no deletions"
is "$(q inline.old_cols)" 0 "inline: the old column is gone"
[ "$(q inline.del_in_new)" -gt 0 ]
is "$?" 0 "inline: deletions shown in the text"
is "$(q parallel_before.rows)" 0 "the parallel layout is hidden until chosen"
kl kldiff --parallel --all-pairs --markdown "$@" >"$TMP/par.md"
n_par=$(grep -c '^| ' "$TMP/par.md")
n_head=$(grep -c '^| \(Nuvarande\|Current\|---\)' "$TMP/par.md")
is "$(q parallel.rows)" "$((n_par - n_head))" \
    "click 'Parallelluppställning': every row of --parallel shown"
is "$(q parallel.articles)" 0 "and the units hidden"
is "$(q print.controls)" 0 "printed: no filter controls"
is "$(q print.articles)" "$(q filters.start.all)" \
    "printed: the changes on screen"
is "$(q print.lineage)" true "printed: the lineage table"
is "$(q phone.columns)" 1 "390 px: one column"
is "$(q phone.overflow)" false "390 px: no sideways scrolling"
is "$(q phone.secsCut)" 0 "390 px: the tables by section fit, no column cut"
is "$(q requests)" 2 "two page loads, two requests"
is "$(perl -MJSON::PP -e 'local $/; my $r = JSON::PP->new->decode(<STDIN>);
    print scalar grep { !/^file:.*review\.html$/ } @{$r->{requests}}' \
    <"$TMP/dom.json")" 0 "no request other than the page itself"
for f in review-1280.png review-390.png; do
	[ -s "$ART/$f" ]
	is "$?" 0 "screenshot $f"
done

# a page opened with --substantive starts with the filter on
kl kldiff --html --substantive "$@" >"$TMP/s.html"
node "$REVIEW" "$TMP/s.html" >"$TMP/dom.json"
is "$(q filters.start.ns)" 0 "--substantive: no non-substantive change shown"
is "$(q filters.start.all)" "$((n_units - n_equal - n_ns))" \
    "--substantive: every other change shown"

done_testing
