#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What a Swedish reviewer of the corpus asked for in the human output:
# table rows named "rad Umeå kommun" (not the id "row:Umeå kommun", which
# stays in --json), a rate in per cent changed in percentage points,
# clauses whose only change is a substitution told "throughout" gathered
# into one line per section.
. "$KL_ROOT/tests/lib/tap.sh"

C=$KL_ROOT/corpus
[ -f "$C/samverkan-2027-2030.docx" ] || skip_all "corpus missing"
A=$C/samverkan-2019-2022.docx
B=$C/samverkan-2023-2026.docx
N=$C/samverkan-2027-2030.docx

sv=$(kl kldiff --lang=sv "$B" "$N")
en=$(kl kldiff --lang=en "$B" "$N")
st=$(kl kldiff --lang=sv --stat "$B" "$N")
js=$(kl kldiff --json "$B" "$N")
ok "no 'row:' in the Swedish text" sh -c "! printf '%s' \"\$1\" | grep -q 'row:'" - "$sv"
like "$sv" "  rad Skellefteå kommun → rad Skellefteå kommun  ändrad" \
    "Swedish: a table row is 'rad NAME'"
like "$en" "  row Skellefteå kommun → row Skellefteå kommun  changed" \
    "English: a table row is 'row NAME'"
like "$st" "  rad Skellefteå kommun  1 900 000 kr → 2 150 000 kr" \
    "--stat amounts: 'rad NAME'"
like "$js" '"id":"row:Skellefteå kommun"' "--json ids stay as they are"

# Underskrifter: 16 signature lines changed only by "2022 → 2026", which
# the header already tells throughout: one line, not 16 entries
like "$sv" "  genomgående: \\[-2022-\\] → \\{\\+2026\\+\\} \\(16 gånger, period\\)" \
    "the period shift is told at the top"
like "$sv" "
Underskrifter
  16 klausuler: endast periodändring \\[-2022-\\] → \\{\\+2026\\+\\}: Underskrifter/¶2, Underskrifter/¶3," \
    "Swedish: the 16 clauses gathered on one line with their numbers"
is "$(printf '%s\n' "$sv" | grep -c '^  Underskrifter/¶[0-9]* → ')" 0 \
    "no signature line listed on its own"
like "$en" "  16 clauses: only the period change \\[-2022-\\] → \\{\\+2026\\+\\}: " \
    "English: '16 clauses: only the period change'"
like "$sv" "  2 klausuler: endast periodändring \\[-2019–2022-\\] → \\{\\+2023–2026\\+\\}: 2.2, 2.6" \
    "Bakgrund: the two clauses of the other substitution"
u=$(kl kldiff --lang=sv -u "$B" "$N")
is "$(printf '%s\n' "$u" | grep -c '^  Underskrifter/¶[0-9]* → Underskrifter/¶[0-9]*  ändrad (period)$')" 16 \
    "--unchanged lists each of them in full"

# 7.3 "räknas upp årligen med 2,5 procent": a rate, in percentage points
like "$sv" "    tal: 2,5 % → 3 % \\(\\+0,5 procentenheter\\)" \
    "Swedish: a rate changes in procentenheter"
like "$en" "    number: 2,5 % → 3 % \\(\\+0,5 percentage points\\)" \
    "English: a rate changes in percentage points"
like "$sv" "    tal: 275 000 → 278 000 \\(\\+3 000, \\+1,1 %\\)" \
    "a number that is no rate keeps its relative change"
like "$js" '"new":"3","class":\["number"\],"old_value":2.5,"new_value":3' \
    "--json keeps the values"

kl kldiff --html "$A" "$B" "$N" >"$TMP/r.html"
is "$(sed 's/data-[a-z-]*="[^"]*"//g' "$TMP/r.html" | grep -c 'row:')" 0 \
    "HTML: no 'row:' a reader sees"
like "$(cat "$TMP/r.html")" 'data-new-id="row:Skellefteå kommun"' \
    "HTML: the data-*-id attributes keep the ids"
like "$(cat "$TMP/r.html")" '>rad Skellefteå kommun<' "HTML: 'rad NAME'"
nb=$(printf '\302\240')
like "$(cat "$TMP/r.html")" "<li>Taländring: 2${nb}% → 2,5${nb}% \\(\\+0,5 procentenheter\\)</li>" \
    "HTML: a rate changes in procentenheter"

# The page's list of changed amounts is --stat's, line for line, per pair
html_amounts() {
	sed -n 's/.*<ul class="amts">\(.*\)<\/ul>.*/\1/p' "$1" |
	    sed 's/<\/li>/\n/g' | sed 's/<[^>]*>//g; s/\xc2\xa0/ /g;
	    s/\xe2\x88\x92/-/g; /^$/d; s/: /  /'
}
stat_amounts() {
	awk '/^belopp:$/ { on = 1; next } on && /^  [^ ]/ { sub(/^  /, ""); print; next } { on = 0 }' "$1"
}
kl kldiff --stat --lang=sv "$A" "$B" "$N" >"$TMP/r.stat"
html_amounts "$TMP/r.html" >"$TMP/h.am"
stat_amounts "$TMP/r.stat" >"$TMP/s.am"
ok "--stat lists amounts ($(wc -l <"$TMP/s.am"))" test -s "$TMP/s.am"
ok "HTML: the summary lists the changed amounts of --stat" \
    cmp -s "$TMP/h.am" "$TMP/s.am"

done_testing
