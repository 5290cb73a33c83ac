#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff text output: golden files for two and three versions, Swedish
# labels, hiding, colour (--color, NO_COLOR, a terminal).
. "$KL_ROOT/tests/lib/tap.sh"

G=$KL_ROOT/tests/golden/kldiff
cd "$G" || exit 1
ESC=$(printf '\033')

kl kldiff a.in b.in >"$TMP/ab.txt"
golden "$TMP/ab.txt" "$G/a-b.txt" "two versions: readable text"
kl kldiff a.in b.in c.in >"$TMP/abc.txt"
golden "$TMP/abc.txt" "$G/a-b-c.txt" "three versions: pairs and lineage"
kl kldiff --lang=sv a.in b.in c.in >"$TMP/abc.sv.txt"
golden "$TMP/abc.sv.txt" "$G/a-b-c.sv.txt" "three versions in Swedish"
kl kldiff --substantive --hide-period a.in b.in >"$TMP/ab.S.txt"
golden "$TMP/ab.S.txt" "$G/a-b.substantive.txt" \
    "--substantive --hide-period"

# What each option changes, checked on its own.
ab=$(cat "$TMP/ab.txt")
like "$ab" "^  2\.1 → 2\.1  changed \(amount\)$" "a changed amount"
like "$ab" "amount: 1 250 000 kr → 1 300 000 kr \(\+50 000 kr, \+4,0 %\)" \
    "the amount's difference in Swedish form"
like "$ab" "^  – → 2\.2  inserted$" "an inserted clause"
like "$ab" "^  2\.5 → –  deleted$" "a deleted clause"
like "$ab" "^  2\.4 → 2\.5, 2\.6  split" "a split clause"
like "$ab" "^  3\.4 → 3\.3  moved" "a moved clause with both numbers"
like "$ab" "^  renumbered, text unchanged: 2\.2 → 2\.3$" \
    "renumbered clauses on one line"
like "$ab" "throughout: \[-2019–2022-\] → \{\+2023–2026\+\} \(2 times, period\)" \
    "the period shift summarised once, with its count"
like "$ab" "^  1\.2 → 1\.2  changed \(typography\)$" "typography shown"
is "$(printf '%s\n' "$ab" | grep -c '^  1\.1 ')" 0 "unchanged clauses hidden"
out=$(kl kldiff --unchanged a.in b.in)
like "$out" "^  1\.1 → 1\.1  unchanged$" "--unchanged shows them"
out=$(kl kldiff --hide-typography a.in b.in)
is "$(printf '%s\n' "$out" | grep -c '1\.2 → 1\.2')" 0 "--hide-typography"
out=$(kl kldiff --hide-renumbering a.in b.in)
is "$(printf '%s\n' "$out" | grep -c 'renumbered, text unchanged')" 0 \
    "--hide-renumbering"
like "$out" "3\.4 → 3\.3  moved" "--hide-renumbering keeps moves"
out=$(kl kldiff --hide-period a.in b.in)
is "$(printf '%s\n' "$out" | grep -c 'throughout\|(period)')" 0 \
    "--hide-period: no period changes listed"
is "$(printf '%s\n' "$out" | grep -c '2\.3 → 2\.4')" 0 \
    "--hide-period: a clause whose only change is the period is hidden"
out=$(kl kldiff --lang=sv a.in b.in)
like "$out" "^  2\.1 → 2\.1  ändrad \(belopp\)$" "--lang=sv"
like "$out" "omnumrerade, oförändrad text: 2\.2 → 2\.3" "--lang=sv: renumbered"
out=$(LC_ALL= LC_MESSAGES= LANG=sv_SE.UTF-8 kl kldiff a.in b.in)
like "$out" "^  2\.1 → 2\.1  ändrad \(belopp\)$" \
    "LANG=sv_SE.UTF-8: Swedish labels, installed locale or not"
out=$(LC_ALL=C.UTF-8 LANG=sv_SE.UTF-8 kl kldiff a.in b.in)
like "$out" "^  2\.1 → 2\.1  changed \(amount\)$" "LC_ALL wins over LANG"
out=$(LC_ALL= LC_MESSAGES= LANG=sv_SE.UTF-8 kl kldiff --lang=en a.in b.in)
like "$out" "^  2\.1 → 2\.1  changed \(amount\)$" "--lang wins over LANG"
out=$(kl kldiff --label=2019 --label=2023 a.in b.in)
like "$out" "^--- 2019$" "--label names the versions"

# Wrapping: clause text within the width, words and markers kept whole.
kl kldiff --width=60 a.in b.in c.in >"$TMP/w60.txt"
golden "$TMP/w60.txt" "$G/a-b-c.w60.txt" "--width=60: wrapped clause text"
over=$(perl -CSD -ne 'chomp; print "$.: $_\n" if /^    / && !/^    (amount|number):/ &&
	length($_) > 60 && /^    \S+ \S/' "$TMP/w60.txt")
is "$over" "" "--width=60: no breakable line passes 60 columns"
is "$(tr -d '\n ' <"$TMP/w60.txt")" "$(kl kldiff a.in b.in c.in | tr -d '\n ')" \
    "--width=60: the same text as one line per clause, but for line breaks"
is "$(kl kldiff --width=0 a.in b.in)" "$(cat "$TMP/ab.txt")" \
    "--width=0: one line per clause"
kl kldiff --width=12 a.in b.in >/dev/null 2>&1
is "$?" 2 "--width below 20: exit 2"
if command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null >/dev/null 2>&1; then
	out=$(COLUMNS=50 LINES=20 script -qec "stty cols 50 2>/dev/null; ${KL_WRAP:-} $KL_BIN/kldiff --color=never a.in b.in" /dev/null |
	    tr -d '\r')
	over=$(printf '%s\n' "$out" | perl -CSD -ne 'chomp; print "$_\n" if
	    /^    / && !/^    (amount|number):/ && length($_) > 50 && /^    \S+ \S/')
	is "$over" "" "a terminal of 50 columns: wrapped to it"
else
	skip "script(1) missing: no pseudo-terminal"
fi

# Colour: explicit, NO_COLOR, a terminal.
out=$(kl kldiff --color=always a.in b.in)
like "$out" "${ESC}\[9;31m1 250 000${ESC}\[0m${ESC}\[4;32m1 300 000${ESC}\[0m" \
    "--color=always: red strike-through old, green underlined new"
is "$(printf '%s\n' "$out" | grep -c '\[-\|{+')" 0 \
    "--color=always: no wdiff markers"
out=$(NO_COLOR=1 kl kldiff --color=always a.in b.in)
like "$out" "$ESC" "--color=always wins over NO_COLOR"
is "$(kl kldiff a.in b.in | grep -c "$ESC")" 0 "a pipe: no colour"
is "$(kl kldiff --color=never a.in b.in | grep -c "$ESC")" 0 "--color=never"
if command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null >/dev/null 2>&1; then
	K="${KL_WRAP:-} $KL_BIN/kldiff"
	out=$(env -u NO_COLOR script -qec "$K a.in b.in" /dev/null)
	like "$out" "$ESC\[9;31m" "a terminal: colour by default"
	out=$(NO_COLOR=1 script -qec "$K a.in b.in" /dev/null)
	is "$(printf '%s\n' "$out" | grep -c "$ESC")" 0 \
	    "a terminal with NO_COLOR: no colour"
	like "$out" "\[-1 250 000-\]" "a terminal with NO_COLOR: wdiff markers"
else
	skip "script(1) missing: no pseudo-terminal"
	skip "script(1) missing: no pseudo-terminal"
	skip "script(1) missing: no pseudo-terminal"
fi

# Table rows: the cells joined by " | ", the difference of the number.
printf '#klausul-clauses 1\nrow:Umeå\t\trow\t1\t\tFinansiering\tUmeå kommun\\t3 275 000\n' \
    >"$TMP/r1.in"
sed 's/3 275 000/3 450 000/' "$TMP/r1.in" >"$TMP/r2.in"
out=$(kl kldiff "$TMP/r1.in" "$TMP/r2.in")
like "$out" "^    Umeå kommun \| \[-3 275 000-\]\{\+3 450 000\+\}$" \
    "a table row: cells joined by |"
like "$out" "number: 3 275 000 → 3 450 000 \(\+175 000, \+5,3 %\)" \
    "a table row: the number's difference (no kr in the row)"

# An invisible typography change is made visible: ␣ space, ⍽ no-break.
printf '#klausul-clauses 1\n1\t\tclause\t1\t1.\tA\tEnligt lag (2017:612) gäller.\n' \
    >"$TMP/t1.in"
printf '#klausul-clauses 1\n1\t\tclause\t1\t1.\tA\tEnligt lag\302\240(2017:612) gäller.\n' \
    >"$TMP/t2.in"
out=$(kl kldiff "$TMP/t1.in" "$TMP/t2.in")
like "$out" "^    Enligt lag\[-␣-\]\{\+⍽\+\}\(2017:612\) gäller\.$" \
    "a space become a no-break space is shown"

# Control characters of a hostile document never reach the terminal.
printf '#klausul-clauses 1\n1\t\tclause\t1\t1.\tA\tText.\n' >"$TMP/e1.in"
printf '#klausul-clauses 1\n1\t\tclause\t1\t1.\tA\tText \033]0;owned\007 här.\n' \
    >"$TMP/e2.in"
out=$(kl kldiff "$TMP/e1.in" "$TMP/e2.in")
is "$(printf '%s\n' "$out" | grep -c "$ESC")" 0 "ESC in a clause is neutralised"

done_testing
