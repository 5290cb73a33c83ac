#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# review.t - behaviour found wrong in review of the finished modules: each
# case failed before its fix.
. "$KL_ROOT/tests/lib/tap.sh"

# --- an input over the size limit is refused before it is read ------------
# A sparse file far larger than memory: the limit must be told, not an
# allocation failure, and nothing of it read.
if truncate -s 64G "$TMP/huge.txt" 2>/dev/null; then
	kl klsplit --max-total-size=1K "$TMP/huge.txt" >"$TMP/out" 2>"$TMP/err"
	is "$?" 2 "a 64 GiB input over --max-total-size=1K: exit 2"
	like "$(cat "$TMP/err")" "huge.txt: input larger than 1024 bytes" \
	    "a 64 GiB input: the limit is named"
else
	skip "truncate cannot make a sparse file here"
	skip "truncate cannot make a sparse file here"
fi
head -c 2000 /dev/zero | tr '\0' 'a' >"$TMP/2k.txt"
kl klsplit --max-total-size=1K "$TMP/2k.txt" >"$TMP/out" 2>"$TMP/err"
is "$?" 2 "a 2000-byte input over 1K: exit 2"
like "$(cat "$TMP/err")" "2k.txt: input larger than 1024 bytes" \
    "a 2000-byte input: the limit is named"
kl klsplit --max-total-size=1K - <"$TMP/2k.txt" >"$TMP/out" 2>"$TMP/err"
like "$(cat "$TMP/err")" "input larger than 1024 bytes" \
    "the same on standard input"
head -c 1024 /dev/zero | tr '\0' 'a' >"$TMP/1k.txt"
kl klsplit --max-total-size=1K "$TMP/1k.txt" >"$TMP/out" 2>"$TMP/err"
is "$?" 0 "an input of exactly 1K is read"

# The same limit in kltext (standard input) and kldiff, as in klsplit.
kl kltext --max-total-size=1K - <"$TMP/2k.txt" >"$TMP/out" 2>"$TMP/err"
like "$(cat "$TMP/err")" "^kltext: \\(standard input\\): input larger than 1024 bytes" \
    "kltext --max-total-size=1K on standard input"
kl kldiff --max-total-size=1K "$TMP/1k.txt" "$TMP/2k.txt" >"$TMP/out" 2>"$TMP/err"
like "$(cat "$TMP/err")" "^kldiff: .*2k.txt: input larger than 1024 bytes" \
    "kldiff --max-total-size=1K"

# --- a reader that goes away ends kldiff as it ends the other tools -------
# (killed by SIGPIPE, status 141, quietly), not with 2, "trouble", which a
# script must not confuse with a damaged input.
awk 'BEGIN { print "#klausul-clauses 1";
	for (i = 1; i <= 3000; i++)
		printf "%d\t\tclause\t1\t%d.\tAvsnitt\tKlausul %d gäller %d kr per år.\n", i, i, i, i * 1000 }' >"$TMP/big1.in"
# each clause changed its own way: one substitution throughout would be
# told once and its clauses gathered into one line (render_text)
sed 's/gäller \([0-9]*\) kr/gäller \1 kr (\1)/' "$TMP/big1.in" >"$TMP/big2.in"
for f in "" --json --html; do
	# shellcheck disable=SC2086
	{ kl kldiff $f "$TMP/big1.in" "$TMP/big2.in" 2>"$TMP/err"
	    echo $? >"$TMP/rc"; } | head -n 1 >/dev/null
	is "$(cat "$TMP/rc")" 141 "kldiff $f | head -1: ended by SIGPIPE (141)"
	is "$(cat "$TMP/err")" "" "kldiff $f | head -1: no message"
done

# --- wrapping a clause of many edits and few spaces -----------------------
# Each edit looked ahead over every edit after it to the next space: a
# 40 000-word clause with no space took minutes at --width=80.  The guard
# is a hang guard, far above the few tenths of a second it takes now.
HANG=60
case ${KL_BUILD:-} in *asan*|*tsan*) HANG=300 ;; esac
[ -n "${KL_WRAP:-}" ] && HANG=600
awk 'BEGIN { printf "#klausul-clauses 1\n1\t\tclause\t1\t1.\tAvsnitt\t";
	for (i = 1; i < 40000; i++) printf "aaaaa."; print "aaaaa" }' >"$TMP/w1.in"
tr '.' ',' <"$TMP/w1.in" | sed 's/^1,/1./; s/\t1,\t/\t1.\t/' >"$TMP/w2.in"
timeout $HANG "$KL_BIN/kldiff" --width=80 "$TMP/w1.in" "$TMP/w2.in" \
    >"$TMP/wrap.txt" 2>"$TMP/err"
is "$?" 1 "--width=80 on 40 000 edits without a space: done (no hang)"
is "$(grep -c '\[-\.-\]{+,+}' "$TMP/wrap.txt")" 1 \
    "the clause is one line: no space to wrap at"
kl kldiff --width=0 "$TMP/w1.in" "$TMP/w2.in" >"$TMP/nowrap.txt"
ok "and the same as without wrapping" cmp "$TMP/wrap.txt" "$TMP/nowrap.txt"

# --- --width=20, the narrowest width kldiff takes, wraps ----------------
printf '#klausul-clauses 1\n1\t\tclause\t1\t1.\tAvsnitt\tParterna ska gemensamt verka för att arbetsgivare i hela länet kan rekrytera den kompetens de behöver.\n' >"$TMP/n1.in"
sed 's/verka/arbeta/' "$TMP/n1.in" >"$TMP/n2.in"
kl kldiff --width=20 "$TMP/n1.in" "$TMP/n2.in" >"$TMP/w20.txt"
# Lines wrap at spaces only: a line past 20 columns is one word.
is "$(perl -CSD -ne 'print if /^    / && length($_) - 1 > 20 && /^    \S*\s\S/' \
    "$TMP/w20.txt")" "" "--width=20: no line past 20 columns but one word"
is "$(grep -c '^    ' "$TMP/w20.txt")" 9 "--width=20: the clause on 9 lines"

# --- a full disk: one message that says what failed, the same in each tool,
# whether the output fails while written (big) or when flushed (small).
awk 'BEGIN { print "#klausul-paragraphs 1";
	for (i = 1; i <= 3000; i++)
		printf "paragraph\t0\t%d.\t\t\t\t\tKlausul %d gäller %d kr per år.\n", i, i, i * 1000 }' >"$TMP/paras.in"
head -n 3 "$TMP/paras.in" >"$TMP/paras-small.in"
head -n 3 "$TMP/big1.in" >"$TMP/small1.in"
head -n 3 "$TMP/big2.in" >"$TMP/small2.in"
if [ -w /dev/full ]; then
	for size in big small; do
		for t in kltext kldiff; do
			if [ $t = kldiff ] && [ $size = big ]; then
				a="$TMP/big1.in $TMP/big2.in"
			elif [ $t = kldiff ]; then
				a="$TMP/small1.in $TMP/small2.in"
			elif [ $size = big ]; then
				a="- <$TMP/paras.in"
			else
				a="- <$TMP/paras-small.in"
			fi
			eval "kl $t $a" >/dev/full 2>"$TMP/err"
			is "$?" 2 "$t >/dev/full ($size): exit 2"
			is "$(cat "$TMP/err")" \
			    "$t: write error: No space left on device" \
			    "$t >/dev/full ($size): one message, the reason"
			eval "kl $t -o /dev/full $a" 2>"$TMP/err"
			is "$(cat "$TMP/err")" \
			    "$t: /dev/full: No space left on device" \
			    "$t -o /dev/full ($size): the file and the reason"
		done
	done
else
	skip "no /dev/full"
fi

done_testing
