#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff --docx: the new version with every difference as a tracked
# change.  Accepting every change must give NEW's text and rejecting every
# change OLD's: checked with our own reader (kltext --changes), with
# pandoc (--track-changes=accept/reject, word agreement >= 99.5 % with
# kltext --plain) and with LibreOffice (converts it, shows the deleted
# text, keeps the changes as changes).  Readers not installed are skipped.
. "$KL_ROOT/tests/lib/tap.sh"

C=$KL_ROOT/corpus
G=$KL_ROOT/tests/golden/kldiff
AGREE=$KL_ROOT/tests/helpers/wordagree.pl
DATE=2026-11-28T09:00:00Z
[ -f "$C/samverkan-2027-2030.docx" ] || skip_all "corpus missing"
V1=$C/samverkan-2019-2022.docx
V2=$C/samverkan-2023-2026.docx
V3=$C/samverkan-2027-2030.docx

# body FILE [ARG...]: label and text of each body paragraph, as --plain
# writes them but without note reference marks: the redline keeps no
# note references (render_docx writes the text of the clauses only).
body() {
	_f=$1
	shift
	kl kltext "$@" "$_f" | awk -F '\t' 'NR > 1 &&
	    $1 !~ /^(footnote|endnote|comment|header|footer)$/ {
		print ($3 != "" ? $3 " " : "") $8 }'
}

# accept_reject NAME OLD NEW REDLINE: our reader gives NEW and OLD back
accept_reject() {
	body "$2" >"$TMP/old.txt"
	body "$3" >"$TMP/new.txt"
	body "$4" --changes=accept >"$TMP/acc.txt"
	body "$4" --changes=reject >"$TMP/rej.txt"
	ok "$1: accept all = NEW (kltext)" cmp -s "$TMP/acc.txt" "$TMP/new.txt"
	ok "$1: reject all = OLD (kltext)" cmp -s "$TMP/rej.txt" "$TMP/old.txt"
}

kl kldiff --docx --date=$DATE -o "$TMP/r23.docx" "$V2" "$V3"
is "$?" 1 "--docx: exit 1 on differences"
accept_reject "2023 -> 2027" "$V2" "$V3" "$TMP/r23.docx"
kl kldiff --docx --date=$DATE -o "$TMP/r12.docx" "$V1" "$V2"
accept_reject "2019 -> 2023" "$V1" "$V2" "$TMP/r12.docx"
kl kldiff --docx --date=$DATE -o "$TMP/r123.docx" "$V1" "$V2" "$V3"
ok "three versions: the redline of the last pair" \
    cmp -s "$TMP/r123.docx" "$TMP/r23.docx"
kl kldiff --docx --date=$DATE "$V2" "$V3" >"$TMP/pipe.docx"
ok "to a pipe: the same package" cmp -s "$TMP/pipe.docx" "$TMP/r23.docx"
kl kldiff --docx --date=$DATE -o "$TMP/again.docx" "$V2" "$V3"
ok "the same bytes on every run (fixed --date)" \
    cmp -s "$TMP/again.docx" "$TMP/r23.docx"

# the package: NEW's parts kept, the revisions as Word writes them
if command -v unzip >/dev/null 2>&1; then
	parts_new=$(unzip -Z1 "$V3" | sort | tr '\n' ' ')
	parts_red=$(unzip -Z1 "$TMP/r23.docx" | sort | tr '\n' ' ')
	is "$parts_red" "$parts_new" "every part of NEW's package is kept"
	for p in word/styles.xml word/numbering.xml; do
		unzip -p "$V3" $p >"$TMP/a.xml"
		unzip -p "$TMP/r23.docx" $p >"$TMP/b.xml"
		ok "$p copied unchanged" cmp -s "$TMP/a.xml" "$TMP/b.xml"
	done
	unzip -p "$TMP/r12.docx" word/document.xml >"$TMP/doc12.xml"
	unzip -p "$TMP/r23.docx" word/document.xml >"$TMP/doc.xml"
	if command -v xmllint >/dev/null 2>&1; then
		ok "document.xml is well-formed" xmllint --noout "$TMP/doc.xml"
	else
		skip "xmllint not installed"
	fi
	doc=$(cat "$TMP/doc.xml")
	like "$doc" '<w:del w:id="[0-9]+" w:author="kldiff" w:date="2026-11-28T09:00:00Z"><w:r><w:delText xml:space="preserve">' \
	    "deletions: w:del with w:delText, author and date"
	# NEW's own runs and paragraph properties are kept: the run's w:rPr
	# repeated inside the w:ins, NEW's w:bidi and w:jc before the mark
	like "$doc" '<w:ins w:id="[0-9]+" w:author="kldiff" w:date="2026-11-28T09:00:00Z"><w:r><w:rPr></w:rPr><w:t' \
	    "insertions: w:ins around NEW's run, its properties kept"
	like "$doc" '<w:pPr><w:pStyle w:val="Klausul"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="[0-9]+"/></w:numPr><w:bidi w:val="0"/><w:jc w:val="left"/><w:rPr><w:ins ' \
	    "an inserted clause: NEW's style, numbering and an inserted mark"
	like "$doc" '<w:pStyle w:val="Heading1"/>' "headings keep NEW's styles"
	like "$doc" '<w:tr><w:trPr><w:ins ' "an inserted table row"
	like "$doc" '</w:body></w:document>' "one body, closed"
	like "$doc" '<w:sectPr' "NEW's section properties kept"
	# a range's end repeats its start's id; every other id is unique
	ids=$(grep -o '<w:[A-Za-z]* w:id="[0-9]*"' "$TMP/doc12.xml" |
	    grep -v 'RangeEnd' | sed 's/.* //' | sort | uniq -d | wc -l)
	is "$ids" 0 "revision ids are unique"
	from=$(grep -o '<w:moveFromRangeStart [^>]*w:name="move[0-9]*"' "$TMP/doc12.xml" |
	    sed 's/.*w:name=//' | sort | tr '\n' ' ')
	to=$(grep -o '<w:moveToRangeStart [^>]*w:name="move[0-9]*"' "$TMP/doc12.xml" |
	    sed 's/.*w:name=//' | sort | tr '\n' ' ')
	is "$to" "$from" "moves: every moveFrom range has its moveTo (by name)"
	like "$from" 'move1' "moves: the corpus has a moved clause"
	like "$(cat "$TMP/doc12.xml")" '<w:moveFrom w:id="[0-9]+" w:author="kldiff"[^>]*><w:r><w:t' \
	    "moved-from text is w:moveFrom with w:t"
	kl kldiff --docx --date=$DATE --author='Granskare <Anna & Per>' \
	    -o "$TMP/au.docx" "$V2" "$V3"
	like "$(unzip -p "$TMP/au.docx" word/document.xml)" \
	    'w:author="Granskare &lt;Anna &amp; Per&gt;"' "--author, escaped"
	kl kldiff --docx --date=$DATE --title='Remiss <2027> & svar' \
	    -o "$TMP/ti.docx" "$V2" "$V3"
	is "$(unzip -p "$TMP/ti.docx" docProps/core.xml | grep -c '<dc:title>Remiss &lt;2027&gt; &amp; svar</dc:title>')" 1 \
	    "--title: NEW's title replaced, escaped"
	kl kldiff --docx --date=$DATE --title=Remiss -o "$TMP/tp.docx" \
	    "$G/a.in" "$G/b.in"
	is "$(unzip -p "$TMP/tp.docx" docProps/core.xml | grep -c '<dc:title>Remiss</dc:title>')" 1 \
	    "--title: in our own package too"
else
	skip "unzip not installed" 20
fi

# the small fixture: the whole document part pinned (golden)
if command -v unzip >/dev/null 2>&1; then
	kl kldiff --docx --date=$DATE -o "$TMP/ab.docx" "$G/a.in" "$G/b.in"
	unzip -p "$TMP/ab.docx" word/document.xml >"$TMP/ab.xml"
	golden "$TMP/ab.xml" "$G/a-b.document.xml" \
	    "a.in -> b.in: word/document.xml (golden)"
	is "$(unzip -Z1 "$TMP/ab.docx" | tr '\n' ' ')" \
	    "[Content_Types].xml _rels/.rels word/_rels/document.xml.rels word/styles.xml docProps/core.xml word/document.xml " \
	    "a plain package of our own for clause streams"
else
	skip "unzip not installed" 2
fi

# clause streams: a package of our own, numbers typed
kl klsplit "$V2" >"$TMP/v2.cl"
kl klsplit "$V3" >"$TMP/v3.cl"
kl kldiff --docx --date=$DATE -o "$TMP/plain.docx" "$TMP/v2.cl" "$TMP/v3.cl"
is "$?" 1 "clause streams: a redline too"
accept_reject "clause streams" "$V2" "$V3" "$TMP/plain.docx"
# hostile text stays text
printf 'Avtalet gäller.\nParterna ska samverka.\n' >"$TMP/h1.txt"
printf 'Avtalet <w:p/> & "gäller" \001\002.\nParterna ska ]]> samverka.\n' \
    >"$TMP/h2.txt"
kl kldiff --docx --date=$DATE -o "$TMP/h.docx" "$TMP/h1.txt" "$TMP/h2.txt"
is "$?" 1 "hostile text: a redline"
kl kltext --plain --changes=accept "$TMP/h.docx" >"$TMP/h.txt"
is "$?" 0 "hostile text: the redline reads back"
like "$(cat "$TMP/h.txt")" 'Avtalet <w:p/> & "gäller" \.' \
    "markup in the text stays text, control characters dropped"
kl kldiff --docx --date=yesterday -o "$TMP/bad.docx" "$G/a.in" "$G/b.in" \
    2>"$TMP/err"
is "$?" 2 "--date Word cannot read: exit 2"
is "$(cat "$TMP/err")" "kldiff: --date 'yesterday' is not a date and time Word reads (such as 2026-11-28T09:00:00Z)" \
    "and the message says why"
ok "and no file is left" test ! -e "$TMP/bad.docx"
kl kldiff --docx -o /nonexistent/dir/r.docx "$V2" "$V3" 2>"$TMP/err"
is "$?" 2 "an unwritable -o: exit 2"
like "$(cat "$TMP/err")" '^kldiff: ' "and a message"

# pandoc reads it: accept gives NEW, reject OLD (>= 99.5 % of the words),
# pandoc reading both sides: the redline is NEW's own document, so its
# footnote references and table layout are NEW's too
if command -v pandoc >/dev/null 2>&1 &&
    perl -MAlgorithm::Diff -e 1 2>/dev/null; then
	for pair in "r23 $V2 $V3" "r12 $V1 $V2"; do
		set -- $pair
		pandoc -s -t markdown --wrap=none "$2" -o "$TMP/old.txt"
		pandoc -s -t markdown --wrap=none "$3" -o "$TMP/new.txt"
		pandoc -s --track-changes=accept -t markdown --wrap=none \
		    "$TMP/$1.docx" -o "$TMP/pa.md"
		pandoc -s --track-changes=reject -t markdown --wrap=none \
		    "$TMP/$1.docx" -o "$TMP/pr.md"
		a=$(perl "$AGREE" -l 99.5 "$TMP/pa.md" "$TMP/new.txt")
		is "$?" 0 "$1: pandoc accept vs NEW: $a % of words agree"
		r=$(perl "$AGREE" -l 99.5 "$TMP/pr.md" "$TMP/old.txt")
		is "$?" 0 "$1: pandoc reject vs OLD: $r % of words agree"
	done
	# the measure itself fails on the wrong text
	perl "$AGREE" -l 99.5 "$TMP/pa.md" "$TMP/old.txt" >/dev/null 2>&1
	is "$?" 1 "word agreement tells OLD from NEW"
else
	skip "pandoc or Algorithm::Diff not installed" 5
fi

# LibreOffice converts it, shows the deleted text, keeps the changes
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 &&
    command -v unzip >/dev/null 2>&1; then
	mkdir -p "$TMP/lo"
	HOME=$TMP/lo soffice --headless -env:UserInstallation=file://$TMP/lo/profile \
	    --convert-to pdf --outdir "$TMP/lo" "$TMP/r23.docx" >"$TMP/lo.log" 2>&1
	ok "LibreOffice converts the redline to PDF" test -s "$TMP/lo/r23.pdf"
	is "$(grep -ci 'error' "$TMP/lo.log")" 0 "without complaint"
	pdftotext "$TMP/lo/r23.pdf" "$TMP/lo/r23.txt"
	pdf=$(tr -s ' \n' '  ' <"$TMP/lo/r23.txt")
	like "$pdf" '2022/1184' "the PDF shows deleted text (old Dnr)"
	like "$pdf" '2026/0873' "and inserted text (new Dnr)"
	HOME=$TMP/lo soffice --headless -env:UserInstallation=file://$TMP/lo/profile \
	    --convert-to odt --outdir "$TMP/lo" "$TMP/r23.docx" >/dev/null 2>&1
	n=$(unzip -p "$TMP/lo/r23.odt" content.xml | grep -o '<text:changed-region' | wc -l)
	nrev=$(grep -o '<w:\(ins\|del\) ' "$TMP/doc.xml" | wc -l)
	[ "$n" -gt 50 ]
	is "$?" 0 "LibreOffice keeps them as tracked changes ($n regions for $nrev revisions)"
else
	skip "soffice, pdftotext or unzip not installed" 5
fi

done_testing
