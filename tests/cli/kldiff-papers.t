#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff-papers.t - the committee papers: the parallel layout (--parallel)
# and the list of changes (--summary) of corpus 2023-2026 -> 2027-2030.
#
# Golden files in text, Markdown and the text of the .docx; the Word
# document's structure (a real table, its header row repeated, A4, NEW's
# body font); every planted substantive change of the truth file is a row
# of the layout and no non-substantive one is; and the options compose:
# --unmarked, --substantive, -L, -o, three versions and --all-pairs, and
# the same papers from klsplit streams as from the .docx files.
. "$KL_ROOT/tests/lib/tap.sh"

C=$KL_ROOT/corpus
A=$C/samverkan-2023-2026.docx
B=$C/samverkan-2027-2030.docx
O=$C/samverkan-2019-2022.docx
T=$C/truth/2023-2026_2027-2030.tsv
G=$KL_ROOT/tests/golden/kldiff
[ -f "$A" ] && [ -f "$B" ] && [ -f "$O" ] && [ -f "$T" ] ||
    skip_all "corpus/ has no agreements yet"
command -v unzip >/dev/null 2>&1 || skip_all "unzip not installed"
export NO_COLOR=1

# The text of a .docx paper: a line per paragraph, a TAB between cells.
docx_text() {
	unzip -p "$1" word/document.xml |
	    sed -e 's,</w:p>,&\n,g; s,</w:tc>,\t,g; s,<[^>]*>,,g' |
	    sed -e 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g' |
	    sed -e 's/^\t*//; /^$/d'
}

# ---- golden: text, Markdown, .docx ------------------------------------------
for p in parallel summary; do
	kl kldiff --$p --lang=sv "$A" "$B" >"$TMP/$p.txt"
	is "$?" 1 "--$p: exit 1 (differences shown)"
	golden "$TMP/$p.txt" "$G/samverkan.$p.txt" "--$p: text"
	kl kldiff --$p --markdown --lang=sv "$A" "$B" >"$TMP/$p.md"
	golden "$TMP/$p.md" "$G/samverkan.$p.md" "--$p --markdown"
	kl kldiff --$p --docx --lang=sv -o "$TMP/$p.docx" "$A" "$B"
	docx_text "$TMP/$p.docx" >"$TMP/$p.docx.txt"
	golden "$TMP/$p.docx.txt" "$G/samverkan.$p.docx.txt" "--$p --docx: text"
done
kl kldiff --summary --lang=en "$A" "$B" >"$TMP/summary.en.txt"
golden "$TMP/summary.en.txt" "$G/samverkan.summary.en.txt" "--summary --lang=en"
# The older pair: a split (7.2 -> 7.2, 7.3), renumbered clauses, rows.
kl kldiff --summary --lang=sv "$O" "$A" >"$TMP/summary-2019.txt"
golden "$TMP/summary-2019.txt" "$G/samverkan-2019.summary.txt" \
    "--summary 2019-2022 -> 2023-2026"
like "$(cat "$TMP/summary-2019.txt")" 'I punkt 7\.3 höjs procentsatsen' \
    "a split: a value is told in the clause it is in now"

# ---- the Word table ----------------------------------------------------------
x=$(unzip -p "$TMP/parallel.docx" word/document.xml)
like "$x" '<w:tbl>' "--parallel --docx: a Word table"
like "$x" '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' \
    "--parallel --docx: the header row repeats on every page"
like "$x" '<w:pgSz w:w="11906" w:h="16838"/>' "--parallel --docx: A4"
like "$x" '<w:strike/>.*<w:u w:val="single"/>' \
    "--parallel --docx: deleted words struck, new words underlined"
like "$(unzip -p "$TMP/parallel.docx" word/styles.xml)" \
    'w:ascii="Liberation Serif"' "--parallel --docx: NEW's body font"
like "$(unzip -p "$TMP/summary.docx" word/document.xml)" \
    "Sorsele kommuns bidrag sänks med $(printf '5\302\240000\302\240kr')" \
    "--summary --docx: no line break inside an amount (no-break spaces)"
like "$x" "$(printf '1\302\240900\302\240000')" \
    "--parallel --docx: no line break inside an amount of the agreement's text"
kl kldiff --parallel --docx --unmarked -o "$TMP/plain.docx" "$A" "$B"
x=$(unzip -p "$TMP/plain.docx" word/document.xml)
is "$(printf '%s' "$x" | grep -c '<w:strike/>\|<w:u ')" 0 \
    "--unmarked --docx: no word marked"

# ---- every planted substantive change is a row, no other one is ------------
# The Markdown rows' cells begin with the clause number of their version;
# a table row's with its first cell.
kl kldiff --parallel --markdown --lang=sv "$A" "$B" >"$TMP/rows.md"
perl -CSD -ne '
	next unless /^\| / && !/^\| (Nuvarande|---)/;
	chomp;
	my ($l, $r) = /^\| (.*?) (?<!\\)\| (.*) \|$/ or next;
	for my $side ([$l, "old"], [$r, "new"]) {
		for my $cell (split /<br>/, $side->[0]) {
			$cell =~ /^(\S+)/ and print "$side->[1]\t$1\n";
			$cell =~ /^(.*?) \\\|/ and print "$side->[1]\t$1\n";
		}
	}
' "$TMP/rows.md" >"$TMP/rows"
has_row() {	# SIDE ID
	case $2 in
	row:*) grep -qxF -e "$1	${2#row:}" -e "$1	${2#row:} kommun" \
	    "$TMP/rows" ;;
	*) grep -qxF "$1	$2" "$TMP/rows" ;;
	esac
}
while IFS='	' read -r kind old new snip_old snip_new note; do
	case $kind in kind | \#*) continue ;; esac
	case $kind in
	period | typography | renumbered)
		id=$new
		[ "$id" = - ] && id=$old
		case $id in *' '*) id=$(printf '%s' "$id" | cut -c1-20) ;; esac
		if has_row new "$id"; then r=1; else r=0; fi
		_tap_result $r "no row for $kind $old -> $new" ;;
	*)
		side=new id=${new%%+*}
		[ "$new" = - ] && side=old id=${old%%+*}
		has_row "$side" "$id"
		_tap_result $? "a row for $kind $old -> $new" ;;
	esac
done <"$T"
is "$(grep -c '^| Överenskommelse' "$TMP/rows.md")" 0 \
    "no row for the title's period shift"

# ---- options compose ---------------------------------------------------------
kl kldiff --parallel --unmarked --lang=sv "$A" "$B" >"$TMP/u.txt"
is "$(grep -c '\[-\|{+' "$TMP/u.txt")" 0 "--unmarked: no marks in the text"
like "$(cat "$TMP/u.txt")" '│ Utgår' "--unmarked: a deleted provision still says Utgår"
kl kldiff --parallel --substantive --lang=sv "$A" "$B" >"$TMP/s.txt"
like "$(sed -n '/^Ändringar som inte/,$p' "$TMP/s.txt" | tr '\n' ' ')" 'Avtalsperioden' \
    "--substantive: the period shift is still told"
is "$(grep -c 'typografiska\|nya nummer' "$TMP/s.txt")" 0 \
    "--substantive: typography and renumbering left out of the closing row"
kl kldiff --summary -L utkast -L förslag --lang=sv "$A" "$B" >"$TMP/l.txt"
is "$(head -n 1 "$TMP/l.txt")" "Ändringsförteckning – Överenskommelse om samverkan för regional utveckling i Västerbottens län 2027–2030 (förslag jämfört med utkast)" \
    "-L names the versions in the title, after the document's name"
kl kldiff --summary --lang=sv -o "$TMP/o.txt" "$A" "$B"
golden "$TMP/o.txt" "$G/samverkan.summary.txt" "-o FILE writes the same list"
kl klsplit "$A" >"$TMP/a.tsv"
kl klsplit "$B" >"$TMP/b.tsv"
kl kldiff --summary --lang=sv -L "$A" -L "$B" "$TMP/a.tsv" "$TMP/b.tsv" \
    >"$TMP/streams.txt"
# A stream holds its text in NFC: 5.5.2, NFD in the .docx, is no
# typography change there.
grep -v typografiska "$G/samverkan.summary.txt" >"$TMP/want.txt"
grep -v typografiska "$TMP/streams.txt" >"$TMP/got.txt"
golden "$TMP/got.txt" "$TMP/want.txt" \
    "--summary of klsplit streams is that of the .docx files"
kl kldiff --summary --lang=sv "$O" "$A" "$B" >"$TMP/three.txt"
golden "$TMP/three.txt" "$G/samverkan.summary.txt" \
    "three versions: the list of the last pair"
kl kldiff --summary --all-pairs --lang=sv "$O" "$A" "$B" >"$TMP/all.txt"
is "$(grep -c '^Ändringsförteckning' "$TMP/all.txt")" 2 \
    "--all-pairs: a list for each pair"
like "$(head -n 1 "$TMP/all.txt")" '2023–2026 jämfört med 2019–2022$' \
    "--all-pairs: the first pair first"
kl kldiff --parallel --html --lang=sv "$A" "$B" >"$TMP/p.html"
like "$(cat "$TMP/p.html")" '<thead><tr><th>Nuvarande lydelse</th><th>Föreslagen lydelse</th>' \
    "--parallel --html: the table's header"
like "$(cat "$TMP/p.html")" '<del>275 000</del>.*<ins>278 000</ins>' \
    "--parallel --html: <del> and <ins>"
kl kldiff --markdown "$A" "$B" >/dev/null 2>"$TMP/err"
is "$?" 2 "--markdown without a paper: a usage error"
kl kldiff --summary --json "$A" "$B" >/dev/null 2>"$TMP/err"
is "$?" 2 "--summary --json: a usage error"
kl kldiff --summary "$A" "$A" >"$TMP/same.txt"
is "$?" 0 "--summary of one version twice: exit 0"
like "$(cat "$TMP/same.txt")" 'Inga ändringar|No changes' \
    "--summary of one version twice: says there is none"

# ---- a draft and the proposal of one period ---------------------------------
U=$C/samverkan-2027-2030-utkast.docx
if [ -f "$U" ]; then
	kl kldiff --summary --lang=sv "$A" "$U" "$B" >"$TMP/draft.txt"
	is "$(head -n 1 "$TMP/draft.txt")" \
	    "Ändringsförteckning – Överenskommelse om samverkan för regional utveckling i Västerbottens län 2027–2030 (samverkan-2027-2030.docx jämfört med samverkan-2027-2030-utkast.docx)" \
	    "the same period on both sides: the title names the files"
	like "$(cat "$TMP/draft.txt")" '– Punkt 5\.4\.4 flyttas och blir punkt 5\.4\.6\.' \
	    "a move inside a renamed section is no move to another section"
else
	skip "no draft"
	skip "no draft"
fi

# ---- Swedish of amounts: genitive, noun of the column, numbers in words -----
# A table of fees: the noun comes from the column's header ("Avgift"),
# its definite plural is "avgifterna"; a name ending in s takes no s in
# the genitive ("Akademiska Hus avgift").
fees() {	# VERSION: rows of Avgift per party
	printf '#klausul-clauses 1\n'
	printf '3\t\tsection\t1\t3.\tAvgifter\tAvgifter\n'
	printf '3.1\t3\tclause\t2\t3.1.\tAvgifter\tParterna betalar en avgift per år.\n'
	printf 'row:Part\t3\trow\t0\t\tAvgifter\tPart\\tAvgift (kronor)\n'
	printf 'row:Umeå kommun\t3\trow\t0\t\tAvgifter\tUmeå kommun\\t%s\n' "$1"
	printf 'row:Akademiska Hus\t3\trow\t0\t\tAvgifter\tAkademiska Hus\\t%s\n' "$2"
	printf 'row:Lycksele kommun\t3\trow\t0\t\tAvgifter\tLycksele kommun\\t%s\n' "$3"
}
fees "100 000" "50 000" "20 000" >"$TMP/f1.tsv"
fees "120 000" "45 000" "30 000" >"$TMP/f2.tsv"
is "$(kl kldiff --summary --lang=sv "$TMP/f1.tsv" "$TMP/f2.tsv" | grep "– Avgift\|– Akadem")" \
    "$(printf '%s\n' "  – Avgifterna höjs för Umeå kommun med 20 000 kr till 120 000 kr och för Lycksele kommun med 10 000 kr till 30 000 kr." \
    "  – Akademiska Hus avgift sänks med 5 000 kr till 45 000 kr.")" \
    "amounts: the column's noun, each change with the new amount, the genitive of a name ending in s"
fees "100 000" "50 000" "20 000" >"$TMP/f3.tsv"
printf 'row:Norsjö kommun\t3\trow\t0\t\tAvgifter\tNorsjö kommun\\t5 000\n' >>"$TMP/f3.tsv"
is "$(kl kldiff --summary --lang=sv "$TMP/f1.tsv" "$TMP/f3.tsv" | grep rad)" \
    "  – I tabellen i punkt 3.1 införs en ny rad, ”Norsjö kommun”, med 5 000 kr." \
    "amounts: a new row in the table of the clause before it, with its amount"
is "$(kl kldiff --summary --lang=sv "$TMP/f3.tsv" "$TMP/f1.tsv" | grep rad)" \
    "  – I tabellen i punkt 3.1 utgår raden ”Norsjö kommun” med 5 000 kr." \
    "amounts: a deleted row"

# ---- a bullet and a paragraph: told as an amendment tells them ---------------
bullets() {	# with a second bullet when $1 is set
	printf '#klausul-clauses 1\n'
	printf '6\t\tsection\t1\t6.\tAnsvar\tAnsvar\n'
	printf '6.1\t6\tclause\t2\t6.1.\tAnsvar\tRegionen ska\n'
	printf '6.1/•1\t6.1\tbullet\t3\t–\tAnsvar\tleda arbetet,\n'
	[ -n "$1" ] && printf '6.1/•2\t6.1\tbullet\t3\t–\tAnsvar\tföra protokoll.\n'
	printf '6.2\t6\tclause\t2\t6.2.\tAnsvar\tKommunerna ska delta.\n'
}
bullets >"$TMP/b1.tsv"
bullets x >"$TMP/b2.tsv"
is "$(kl kldiff --summary --lang=sv "$TMP/b1.tsv" "$TMP/b2.tsv" | grep '–')" \
    "  – En ny andra strecksats införs i punkt 6.1." "a new bullet"
is "$(kl kldiff --summary --lang=sv "$TMP/b2.tsv" "$TMP/b1.tsv" | grep '–')" \
    "  – Andra strecksatsen i punkt 6.1 utgår." "a deleted bullet"
printf 'Den första.\n' >"$TMP/p1.txt"
printf 'Den första.\nDen andra.\nDen tredje.\n' >"$TMP/p2.txt"
is "$(kl kldiff --summary --lang=sv "$TMP/p1.txt" "$TMP/p2.txt" | grep '–')" \
    "$(printf '  – Ett nytt andra stycke införs.\n  – Ett nytt tredje stycke införs.')" \
    "new paragraphs, from plain text"

# ---- wording: present tense, whole words, a negation told as one -----------
says() {	# OLD-TEXT NEW-TEXT: the list's sentences for clause 3.4
	printf '#klausul-clauses 1\n3\t\tsection\t1\t3.\tAnsvar\tAnsvar\n' >"$TMP/w1.tsv"
	cp "$TMP/w1.tsv" "$TMP/w2.tsv"
	printf '3.4\t3\tclause\t2\t3.4.\tAnsvar\t%s\n' "$1" >>"$TMP/w1.tsv"
	printf '3.4\t3\tclause\t2\t3.4.\tAnsvar\t%s\n' "$2" >>"$TMP/w2.tsv"
	kl kldiff --summary --lang=sv "$TMP/w1.tsv" "$TMP/w2.tsv" | grep '  – '
}
is "$(says 'Kostnader för resor till möten ersätts ej.' \
    'Kostnader för resor till möten ersätts.')" \
    "  – I punkt 3.4 stryks ”ej”, så att meningen inte längre är nekande." \
    "a struck negation: said to turn the sentence"
is "$(says 'Parterna får överlåta avtalet till annan part.' \
    'Parterna får inte överlåta avtalet till annan part.')" \
    "  – I punkt 3.4 läggs ”inte” till, så att meningen blir nekande." \
    "an added negation: said to turn the sentence"
is "$(says 'Ingen part får ensam ändra avtalet och ej heller säga upp det.' \
    'Ingen part får ensam ändra avtalet och heller säga upp det.')" \
    "  – I punkt 3.4 stryks ”ej”, ett nekande ord." \
    "a struck negation in a sentence still negative: no more than that"
is "$(says 'Insatserna gäller industri och fossilfri stålproduktion i länet.' \
    'Insatserna gäller industri, gruvnäring och förnybar energi i länet.')" \
    "  – I punkt 3.4 ersätts ”industri och fossilfri stålproduktion” med ”industri, gruvnäring och förnybar energi”." \
    "a phrase after a comma: quoted with the word before it, in the present tense"
is "$(says 'Frågan bereds i delegationen för social välfärd.' \
    'Frågan bereds i delegationen för social välfärd och hälsa.')" \
    "  – I punkt 3.4 ersätts ”välfärd” med ”välfärd och hälsa”." \
    "two words added: quoted with the word before them"

# ---- a long provision: its unchanged sentences as "– – –" ------------------
longp() {	# the third sentence of 4.2 and all of 4.3
	printf '#klausul-clauses 1\n'
	printf '4\t\tsection\t1\t4.\tSamverkan\tSamverkan\n'
	printf '4.2\t4\tclause\t2\t4.2.\tSamverkan\tParterna möts varje år. Mötet leds av regionen. Kommunerna betalar %s av kostnaden. Protokoll förs av regionen. Det skickas till alla parter.\n' "$1"
	printf '4.3\t4\tclause\t2\t4.3.\tSamverkan\tAvtalet gäller i %s år. Det kan sägas upp.\n' "$2"
}
longp hälften fyra >"$TMP/l1.tsv"
longp "en tredjedel" fem >"$TMP/l2.tsv"
D='– – –'
kl kldiff --parallel --markdown --lang=sv "$TMP/l1.tsv" "$TMP/l2.tsv" >"$TMP/long.md"
is "$(grep '^| 4\.2' "$TMP/long.md")" \
    "| 4.2 $D Kommunerna betalar ~~hälften~~ av kostnaden. $D | 4.2 $D Kommunerna betalar **en tredjedel** av kostnaden. $D |" \
    "a long provision: the changed sentence, $D for the unchanged before and after"
is "$(grep '^| 4\.3' "$TMP/long.md")" \
    "| 4.3 Avtalet gäller i ~~fyra~~ år. $D | 4.3 Avtalet gäller i **fem** år. $D |" \
    "a provision of two sentences: its unchanged one as $D too (one practice)"
# A provision that ends where its list goes on, a merge that changed no
# word, a table, the text before the first heading: each says what it is.
kl kldiff --parallel --lang=sv "$A" "$B" >"$TMP/p2.txt"
like "$(grep -A1 'och EU, samt' "$TMP/p2.txt" | tr '\n' ' ')" "$D" \
    "a row that ends inside a list: closed by $D"
like "$(tr '\n' ' ' <"$TMP/p2.txt" | tr -s ' ')" \
    'Nuvarande punkterna 8\.5\.1 och 8\.5\.2 .*slås samman; texten är .*oförändrad\.' \
    "a merge that changed no word: noted"
kl kldiff --parallel --markdown --lang=sv "$A" "$B" >"$TMP/p2.md"
is "$(grep -c '^| 7\.1 – – –<br>Part \\| Årligt bidrag (kronor)<br>Skellefteå' "$TMP/p2.md")" 1 \
    "a table: one row under the clause that introduces it, with its header"
is "$(grep -c '^| Skellefteå\|^| Summa' "$TMP/p2.md")" 0 "a table: no row of its own per table row"
like "$(grep -m1 '^| Inledningen: Dnr RV' "$TMP/p2.md")" 'Inledningen: Dnr RV \*\*2026' \
    "the text before the first heading: labelled"
kl kldiff --parallel --markdown --whole --lang=sv "$TMP/l1.tsv" "$TMP/l2.tsv" >"$TMP/whole.md"
is "$(grep -c "$D" "$TMP/whole.md")" 0 "--whole: no $D"
like "$(grep '^| 4\.2' "$TMP/whole.md")" '^\| 4\.2 Parterna möts varje år\..*Det skickas till alla parter\. \|' \
    "--whole: the long provision whole"
kl kldiff --parallel --docx --lang=sv -o "$TMP/long.docx" "$TMP/l1.tsv" "$TMP/l2.tsv"
like "$(docx_text "$TMP/long.docx")" "4\.2 $D Kommunerna betalar hälften av kostnaden\. $D" \
    "--docx: the same rows"
kl kldiff --parallel --docx --whole --lang=sv -o "$TMP/whole.docx" "$TMP/l1.tsv" "$TMP/l2.tsv"
is "$(docx_text "$TMP/whole.docx" | grep -c "$D")" 0 "--docx --whole: no $D"
kl kldiff --summary --whole "$TMP/l1.tsv" "$TMP/l2.tsv" >/dev/null 2>&1
is "$?" 2 "--whole goes with --parallel"

# ---- språkvård: told in the closing group, never a row ----------------------
L=$KL_ROOT/corpus/lang
if [ -f "$L/avtal-2019.txt" ]; then
	kl kldiff --summary --lang=sv "$L/avtal-2019.txt" "$L/avtal-2027.txt" \
	    >"$TMP/lang.txt"
	like "$(tail -n 1 "$TMP/lang.txt")" \
	    '^  – Språkliga ändringar görs i punkterna [0-9., ]+ och [0-9.]+: ”skall” ersätts med ”ska” \(två ställen\), ”dvs\.” med ”det vill säga”, .*, ”5 §” med ”§ 5”, .*, ”sex” med ”6”, ”\(3\)” stryks och ”har” läggs till\.$' \
	    "language changes: gathered in one sentence at the end, every one named, no judgement"
	# No rewrite is quoted as a change of wording (3.3: "resp." ->
	# "respektive" between two changed rates; 2.2: "tillse", "enl."
	# beside "skall" -> "bör"; 4.1: "fr.o.m.").
	sed -n '/^Övriga/q;p' "$TMP/lang.txt" >"$TMP/lang-body.txt"
	is "$(head -n 1 "$TMP/lang.txt")" \
	    "Ändringsförteckning – Avtal om gemensam upphandling av kollektivtrafik (avtal-2027.txt jämfört med avtal-2019.txt)" \
	    "no period in the versions: the title names the document, then the files"
	is "$(grep -c 'resp\.\|tillse\|enl\|fr\.o\.m\|ska”' "$TMP/lang-body.txt")" 0 \
	    "language changes: no rewrite quoted as wording"
	like "$(cat "$TMP/lang-body.txt")" 'I punkt 2\.2 ersätts ”Regionen skall” med ”Regionen bör”\.' \
	    "language changes: the wording beside them still quoted"
	like "$(cat "$TMP/lang-body.txt")" 'I punkt 3\.3 ändras procentsatserna från 40 respektive 60 procent till 45 respektive 55 procent\.' \
	    "40 resp. 60 procent: two rates in one sentence"
	like "$(cat "$TMP/lang-body.txt")" 'I punkt 4\.1 ersätts ”den 1 januari 2020 t\.o\.m\. den 31 december 2022” med ”2028-01-01 till och med 2030-12-31”\.' \
	    "dates changed with their words: quoted, not \"får ny lydelse\""
	kl kldiff --summary --lang=en "$L/avtal-2019.txt" "$L/avtal-2027.txt" \
	    >"$TMP/lang.en.txt"
	like "$(tail -n 1 "$TMP/lang.en.txt")" \
	    '^  – Language changes are made in clauses .*: “skall” is replaced by “ska” \(two places\), “dvs\.” by “det vill säga”' \
	    "language changes in English"
	kl kldiff --parallel --markdown --lang=sv "$L/avtal-2019.txt" \
	    "$L/avtal-2027.txt" >"$TMP/lang.md"
	is "$(grep -c '^| [0-9]' "$TMP/lang.md")" 4 \
	    "language changes: only the four changes of substance are rows"
	kl kldiff --summary --hide-language --lang=sv "$L/avtal-2019.txt" \
	    "$L/avtal-2027.txt" >"$TMP/lang-h.txt"
	is "$(grep -c 'Språkliga' "$TMP/lang-h.txt")" 0 \
	    "--hide-language leaves them out"
else
	for i in 1 2 3 4 5 6 7 8 9; do skip "corpus/lang not here"; done
fi

done_testing
