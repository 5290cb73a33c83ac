#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Lineage through splits and merges over three versions: every clause of
# a split goes on in its lineage (7.2 -> 7.2+7.3 -> 7.2+7.3, and 7.3's
# later change is in that history); the clauses a merge joins bring
# their own history into the merged clause's.  Text, HTML and JSON.
. "$KL_ROOT/tests/lib/tap.sh"

H='#klausul-clauses 1'
row() { printf '%s\t%s\tclause\t2\t%s.\t%s\t%s\n' "$1" "${1%%.*}" "$1" "$2" "$3"; }
A='Bidragen beräknas utifrån antalet invånare den 31 december 2021 enligt Statistiska centralbyråns befolkningsstatistik.'
B='Bidragen räknas upp årligen med 2,5 procent från och med år 2024.'
B3='Bidragen räknas upp årligen med 3 procent från och med år 2028.'
X='Regionen fakturerar kommunerna sitt bidrag i januari varje år och kommunerna betalar inom trettio dagar.'
Y='Fakturan ska ange bidragets storlek och den befolkningssiffra som bidraget bygger på.'
Y2='Fakturan ska ange bidragets storlek och den befolkningssiffra som bidraget grundar sig på.'
Z='Parterna ska årligen följa upp hur medlen har använts.'
F=Finansiering
U=Uppföljning

# 7.2 split in v2; in v3 7.2 stays, 7.3 changes.
{ echo "$H"; row 7.1 $F "$X"; row 7.2 $F "$A $B"; } >"$TMP/s1.tsv"
{ echo "$H"; row 7.1 $F "$X"; row 7.2 $F "$A"; row 7.3 $F "$B"; } >"$TMP/s2.tsv"
{ echo "$H"; row 7.1 $F "$X"; row 7.2 $F "$A"; row 7.3 $F "$B3"; } >"$TMP/s3.tsv"
# 8.2 changes in v2; 8.1 and 8.2 merge in v3.
{ echo "$H"; row 8.1 $U "$X"; row 8.2 $U "$Y"; row 8.3 $U "$Z"; } >"$TMP/m1.tsv"
{ echo "$H"; row 8.1 $U "$X"; row 8.2 $U "$Y2"; row 8.3 $U "$Z"; } >"$TMP/m2.tsv"
{ echo "$H"; row 8.1 $U "$X $Y2"; row 8.2 $U "$Z"; } >"$TMP/m3.tsv"

cd "$TMP" || exit 1
kl kldiff --lang=en --color=never -w 0 s1.tsv s2.tsv s3.tsv >s.txt
is "$?" 1 "split: exit 1"
like "$(sed -n '/^Lineage/,$p' s.txt)" \
    '7\.2 +→ 7\.2\+7\.3 +→ 7\.2\+7\.3  +split in s2\.tsv, changed in s3\.tsv' \
    "text: both parts of the split go on, 7.3's change in the history"
kl kldiff --html --lang=en s1.tsv s2.tsv s3.tsv >s.html
like "$(sed -n '/id="lineage"/,/<\/section>/p' s.html)" \
    '>7\.2</a><span class="st">[^<]*</span><br><a href="#u[0-9]*">7\.3</a><span class="st">Changed' \
    "html: the history cell of v3 has 7.2 and the changed 7.3"

kl kldiff --lang=en --color=never -w 0 m1.tsv m2.tsv m3.tsv >m.txt
like "$(sed -n '/^Lineage/,$p' m.txt)" \
    '8\.1\+8\.2 +→ 8\.1\+8\.2 +→ 8\.1  +changed in m2\.tsv, merged in m3\.tsv' \
    "text: a merge joins the histories of its clauses"
kl kldiff --json m1.tsv m2.tsv m3.tsv >m.jsonl
n=$(grep -e '"id":"8\.1"' -e '"id":"8\.2","kind":"clause","text":"Fakturan' m.jsonl |
    grep -o '"lineage":[0-9]*' | sort -u | wc -l)
is "$n" 1 "json: one lineage for 8.1, 8.2 and what they merged into"

done_testing
