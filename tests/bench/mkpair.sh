#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# mkpair.sh - two versions of an agreement-like .docx for the diff
# benchmarks: SCALE x 60 sections of ten numbered clauses (about 60 pages,
# 25 000 words at SCALE 1) and a contributions table every ten sections.
#
#   sh tests/bench/mkpair.sh SCALE OLD.docx NEW.docx
#
# The new version plants, deterministically, about five edits per section
# (some 300 at SCALE 1): a word replaced in one clause in eight, an amount
# changed, a clause deleted or inserted (renumbering the rest of its
# section), a clause moved to the next section, a table cell changed.
# Clause numbers are typed in the text ("4.2 Parterna ...") as older
# agreements do; every 60 sections start a new chapter (a heading of
# its own) so that numbers stay short.  Only awk and zip are used.
set -eu
scale=$1
old=$2
new=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klpair.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

body() {
	awk -v sections=$((scale * 60)) -v variant="$1" '
	function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648
		return seed / 2147483648 }
	function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s)
		return s }
	function para(style, text) {
		printf "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>" \
		    "<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>\n",
		    style, esc(text) }
	function cell(t) { return "<w:tc><w:p><w:r><w:t xml:space=\"preserve\">" \
		    t "</w:t></w:r></w:p></w:tc>" }
	function clause_text(s, c,   n, i, t, k) {
		seed = s * 7919 + c * 104729
		n = 25 + int(rnd() * 30)
		t = "Parterna ska"
		for (i = 0; i < n; i++) {
			k = int(rnd() * nw) + 1
			t = t " " w[k]
		}
		if (c % 4 == 0)
			t = t " med " sprintf("%d %03d 000", 1 + (s + c) % 9,
			    (s * 37 + c) % 1000) " kronor per år"
		return t " enligt punkt " c " i avsnitt " s "."
	}
	function h(s, c) { return ((s * 131 + c * 71) * 2654435761) % 1000 }
	BEGIN {
		nw = split("kommun region samverkan utveckling länet invånare " \
		    "näringsliv kompetens infrastruktur kultur hälsa vård omsorg " \
		    "utbildning arbetsmarknad företag planering bostäder " \
		    "kollektivtrafik digitalisering bredband energi klimat miljö " \
		    "besöksnäring turism inlandet kusten strategi uppföljning " \
		    "finansiering bidrag medel ansvar roll delegation nämnd beslut " \
		    "insatser åtgärder resurser gemensamt årligen särskilt " \
		    "tillsammans regionala kommunala statliga europeiska hållbar " \
		    "jämställd attraktiv tillgänglig långsiktig effektiv", w, " ")
		print "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
		print "<w:document xmlns:w=\"http://schemas.openxmlformats.org/" \
		    "wordprocessingml/2006/main\"><w:body>"
		carry = ""
		for (s = 1; s <= sections; s++) {
			title = "Avsnitt " s " om " w[(s % nw) + 1]
			if (variant && s % 7 == 3)
				title = title " och " w[((s + 5) % nw) + 1]
			sn = (s - 1) % 60 + 1	# typed numbers stay short
			if (sn == 1)
				para("Heading1", "Kapitel " int((s - 1) / 60) + 1)
			para("Heading2", sn ". " title)
			num = 0
			if (carry != "") {
				num++
				para("Normal", sn "." num " " carry)
				carry = ""
			}
			for (c = 1; c <= 10; c++) {
				t = clause_text(s, c)
				r = h(s, c)
				if (variant) {
					if (r < 25 && c > 1)
						continue	# deleted
					if (r >= 25 && r < 40 && s < sections) {
						carry = t	# moved on
						continue
					}
					if (r >= 40 && r < 165)	# a word replaced
						sub(/ska /, "bör ", t)
					if (c % 4 == 0 && r >= 165 && r < 300)
						sub(/000 kronor/, "500 kronor", t)
				}
				num++
				para("Normal", sn "." num " " t)
				if (variant && r >= 300 && r < 325) {
					num++
					para("Normal", sn "." num " Parterna ska " \
					    "därutöver samverka om " w[(r % nw) + 1] \
					    " och " w[((r + 3) % nw) + 1] " i hela länet.")
				}
			}
			if (s % 10 == 0) {
				printf "<w:tbl>"
				printf "<w:tr>%s%s</w:tr>", cell("Kommun"), cell("Bidrag (kr)")
				for (k = 1; k <= 15; k++) {
					v = 100000 + ((s * 13 + k * 7) % 50) * 10000
					if (variant && k == (s / 10) % 15 + 1)
						v += 25000
					printf "<w:tr>%s%s</w:tr>", cell("Kommun " k),
					    cell(sprintf("%d %03d", int(v / 1000), v % 1000))
				}
				print "</w:tbl>"
			}
		}
		print "<w:sectPr/></w:body></w:document>"
	}'
}

pack() {
	d=$tmp/$1
	mkdir -p "$d/_rels" "$d/word/_rels"
	cat >"$d/[Content_Types].xml" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
X
	cat >"$d/_rels/.rels" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
X
	cat >"$d/word/_rels/document.xml.rels" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
X
	cat >"$d/word/styles.xml" <<'X'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>
X
	body "$2" >"$d/word/document.xml"
	(cd "$d" && zip -qX -r "$tmp/$1.docx" '[Content_Types].xml' _rels word)
}

pack old 0
pack new 1
cp "$tmp/old.docx" "$old"
cp "$tmp/new.docx" "$new"
