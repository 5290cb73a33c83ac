/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_faithful.c - what a reader sees, on generated fixtures in Word's and
 * LibreOffice's forms: drop caps, note reference marks, hidden text,
 * imported content (w:altChunk), revision authors and dates, paragraph
 * marks inserted or deleted alone; and the records that carry them.
 */
#include "tap.h"
#include "mkdocx.h"

#define P(x) "<w:p>" x "</w:p>"
#define R(x) "<w:r>" x "</w:r>"
#define T(x) "<w:t xml:space=\"preserve\">" x "</w:t>"
#define PPR(x) "<w:pPr>" x "</w:pPr>"
#define RPR(x) "<w:rPr>" x "</w:rPr>"
#define INS(a, x) "<w:ins w:id=\"1\" w:author=\"" a "\" " \
	"w:date=\"2024-03-01T10:00:00Z\">" x "</w:ins>"
#define DEL(a, x) "<w:del w:id=\"2\" w:author=\"" a "\" " \
	"w:date=\"2024-03-02T11:00:00Z\">" x "</w:del>"
#define DT(x) "<w:delText xml:space=\"preserve\">" x "</w:delText>"
#define UMEA "Ume\xc3\xa5 kommun"
#define PILCROW "\xc2\xb6"

static ldiff_doc *
extract(struct mk_doc *md, ldiff_changes_mode mode)
{
	ldiff_error err;
	ldiff_doc *d = mk_extract(md, mode, &err);

	if (d == NULL)
		diag("extraction failed: %s", err.msg);
	return d;
}

static void
check_body(const char *body, ldiff_changes_mode mode, const char *want,
    const char *name)
{
	ldiff_doc *d = mk_body(body, mode);

	is_str(mk_all(d), want, name);
	ldiff_doc_free(d);
}

/* ---- 1. drop caps ------------------------------------------------------ */

static void
test_drop_caps(void)
{
	/* Word: the letter in a framed paragraph of its own. */
	check_body(P(PPR("<w:keepNext/><w:framePr w:dropCap=\"drop\" "
	    "w:lines=\"3\" w:wrap=\"around\" w:vAnchor=\"text\" "
	    "w:hAnchor=\"text\"/><w:textAlignment w:val=\"baseline\"/>"
	    RPR("<w:position w:val=\"-7\"/><w:sz w:val=\"122\"/>"))
	    R(RPR("<w:position w:val=\"-7\"/><w:sz w:val=\"122\"/>") T("D")))
	    P(R(T("rop cap."))) P(R(T("Next."))), LDIFF_CHANGES_ACCEPT,
	    "Drop cap.|Next.", "Word's drop cap joins the paragraph it opens");
	check_body(P(PPR("<w:framePr w:dropCap=\"margin\" w:lines=\"2\"/>")
	    R(T("\xc3\x85"))) P(R(T("rhus."))), LDIFF_CHANGES_MARKUP,
	    "\xc3\x85rhus.", "a drop cap in the margin, in markup too");
	check_body(P(PPR("<w:framePr w:w=\"2000\" w:hAnchor=\"page\"/>")
	    R(T("Ram"))) P(R(T("Text"))), LDIFF_CHANGES_ACCEPT, "Ram|Text",
	    "a frame that is no drop cap is a paragraph of its own");
	check_body(P(PPR("<w:framePr w:dropCap=\"none\"/>") R(T("A")))
	    P(R(T("B"))), LDIFF_CHANGES_ACCEPT, "A|B",
	    "w:dropCap=\"none\" joins nothing");
	/* LibreOffice 7.4 writes its drop cap as the paragraph's first run
	 * (see tests/fixtures/lo-dropcap.docx). */
	check_body(P(PPR("<w:pStyle w:val=\"Normal\"/>") R(T("D"))
	    R(T("rop cap paragraph text."))), LDIFF_CHANGES_ACCEPT,
	    "Drop cap paragraph text.", "LibreOffice's drop cap form");
	check_body("<w:tbl><w:tr><w:tc>" P(PPR("<w:framePr "
	    "w:dropCap=\"drop\"/>") R(T("X"))) "</w:tc><w:tc>" P(R(T("y")))
	    "</w:tc></w:tr></w:tbl>", LDIFF_CHANGES_ACCEPT, "X|y",
	    "a drop cap never joins across a cell");
}

/* ---- 2. note reference marks -------------------------------------------- */

static const char *
marks(const ldiff_para *p)
{
	static char buf[256];
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; p != NULL && i < p->n_note_refs && o < 200; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%zu=%s",
		    i ? " " : "", p->note_refs[i].off, p->note_refs[i].mark);
	return buf;
}

static void
test_note_marks(void)
{
	struct mk_doc md;
	ldiff_doc *d;

	memset(&md, 0, sizeof md);
	md.body = P(R(T("Ouch")) R("<w:footnoteReference w:id=\"3\"/>")
	    R(T(".")) R("<w:footnoteReference w:id=\"5\"/>")
	    R("<w:endnoteReference w:id=\"2\"/>"))
	    P(R("<w:footnoteReference w:customMarkFollows=\"1\" "
	    "w:id=\"7\"/>" T("*")) R(T(" custom")));
	md.footnotes = "<w:footnote w:id=\"3\">" P(R("<w:footnoteRef/>")
	    R(T(" Tre."))) "</w:footnote><w:footnote w:id=\"5\">"
	    P(R("<w:footnoteRef/>") R(T(" Fem."))) P(R(T("Andra stycket.")))
	    "</w:footnote><w:footnote w:id=\"7\">" P(R(T("Egen.")))
	    "</w:footnote>";
	md.endnotes = "<w:endnote w:id=\"2\">" P(R(T("Slut."))) "</w:endnote>";
	d = extract(&md, LDIFF_CHANGES_ACCEPT);
	is_str(mk_all(d), "Ouch.|* custom| Tre.| Fem.|Andra stycket.|Egen.|"
	    "Slut.", "the text holds no note marks");
	if (d != NULL && ldiff_doc_count(d) == 7) {
		const ldiff_para *p = ldiff_doc_para(d, 0);

		is_str(marks(p), "4=1 5=2 5=i",
		    "marks in order of the body; endnotes lower roman");
		is_str(p->refs, "fn:3 fn:5 en:2", "refs keep the ids");
		is_str(marks(ldiff_doc_para(d, 1)), "",
		    "a custom mark is its own text, and is not counted");
		is_str(ldiff_doc_para(d, 2)->note, "1", "footnote id 3 is 1");
		is_str(ldiff_doc_para(d, 2)->where, "fn:3", "... where fn:3");
		is_str(ldiff_doc_para(d, 4)->note, "2",
		    "each paragraph of a note has its mark");
		is_str(ldiff_doc_para(d, 5)->note, "",
		    "a custom-marked note has no number");
		is_str(ldiff_doc_para(d, 6)->note, "i", "endnote i");
	}
	ldiff_doc_free(d);

	md.settings = "<w:footnotePr><w:numFmt w:val=\"lowerLetter\"/>"
	    "<w:numStart w:val=\"3\"/></w:footnotePr>"
	    "<w:endnotePr><w:numFmt w:val=\"decimal\"/></w:endnotePr>";
	d = extract(&md, LDIFF_CHANGES_ACCEPT);
	is_str(marks(d ? ldiff_doc_para(d, 0) : NULL), "4=c 5=d 5=1",
	    "settings.xml: footnotes from c, decimal endnotes");
	ldiff_doc_free(d);

	memset(&md, 0, sizeof md);
	md.body = P(R(T("a")) DEL("X", R("<w:footnoteReference w:id=\"1\"/>"))
	    R(T("b")) R("<w:footnoteReference w:id=\"2\"/>"));
	d = extract(&md, LDIFF_CHANGES_ACCEPT);
	is_str(marks(d ? ldiff_doc_para(d, 0) : NULL), "2=1",
	    "a deleted reference is not counted in the accept view");
	ldiff_doc_free(d);
	d = extract(&md, LDIFF_CHANGES_REJECT);
	is_str(marks(d ? ldiff_doc_para(d, 0) : NULL), "1=1 2=2",
	    "... and is in the reject view");
	ldiff_doc_free(d);
}

/* ---- 3. hidden text ------------------------------------------------------ */

static void
test_hidden(void)
{
	struct mk_doc md;
	ldiff_doc *d;

	memset(&md, 0, sizeof md);
	md.styles = "<w:style w:type=\"character\" w:styleId=\"Dold\">"
	    "<w:name w:val=\"Dold\"/>" RPR("<w:vanish/>") "</w:style>"
	    "<w:style w:type=\"character\" w:styleId=\"DoldBas\">"
	    "<w:name w:val=\"Dold bas\"/><w:basedOn w:val=\"Dold\"/>"
	    "</w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"DoltStycke\">"
	    "<w:name w:val=\"Dolt stycke\"/>" RPR("<w:vanish/>") "</w:style>";
	md.body = P(R(T("Syns")) R(RPR("<w:vanish/>") T(" dold\xc3\xa5"))
	    R(RPR("<w:vanish w:val=\"0\"/>") T(" syns"))
	    R(RPR("<w:rStyle w:val=\"Dold\"/>") T("xx"))
	    R(RPR("<w:rStyle w:val=\"DoldBas\"/>") T("y")))
	    P(PPR("<w:pStyle w:val=\"DoltStycke\"/>") R(T("helt dolt"))
	    R(RPR("<w:vanish w:val=\"false\"/>") T("men inte detta")))
	    P(PPR(RPR("<w:vanish/>")) R(T("Dolt stycketecken")));
	d = extract(&md, LDIFF_CHANGES_ACCEPT);
	is_str(mk_all(d), "Syns syns|men inte detta|Dolt stycketecken",
	    "hidden runs, character styles (and their bases), paragraph "
	    "styles left out; w:val=0 shows");
	if (d != NULL && ldiff_doc_count(d) == 3) {
		is_int(ldiff_doc_para(d, 0)->hidden_chars, 9,
		    "hidden characters counted (\" dold\xc3\xa5\" 6, xx, y)");
		is_int(ldiff_doc_para(d, 1)->hidden_chars, 9,
		    "... in a hidden paragraph style");
		is_int(ldiff_doc_para(d, 2)->hidden_chars, 0,
		    "a hidden paragraph mark hides no text");
	}
	ldiff_doc_free(d);
	check_body(P(R(T("a")) R(RPR("<w:vanish/>") T("b"))),
	    LDIFF_CHANGES_MARKUP, "a", "hidden text is left out in markup");
}

/* ---- 4. altChunk ---------------------------------------------------------- */

#define CHUNK_REL(id, target) "<Relationship Id=\"" id "\" Type=\"" \
	MK_RELTYPE "aFChunk\" Target=\"" target "\"/>"

static const char *
warnings(const ldiff_doc *d)
{
	static char buf[2048];
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; d != NULL && i < ldiff_doc_warning_count(d) && o < 1800;
	    i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s",
		    i ? "\n" : "", ldiff_doc_warning(d, i));
	return buf;
}

static char *
file_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = malloc(1 << 16);

	*len = 0;
	if (f != NULL && b != NULL)
		*len = fread(b, 1, 1 << 16, f);
	if (f != NULL)
		fclose(f);
	return b;
}

static void
test_altchunk(void)
{
	struct mk_part parts[6];
	struct mk_doc md, inner;
	ldiff_doc *d;
	char *nested;
	size_t nlen;
	char path[300];

	memset(&inner, 0, sizeof inner);
	inner.body = P(PPR("<w:pStyle w:val=\"Rubrik1\"/>") R(T("Inre rubrik")))
	    P(R(T("Inre text.")));
	inner.styles = "<w:style w:type=\"paragraph\" w:styleId=\"Rubrik1\">"
	    "<w:name w:val=\"heading 1\"/></w:style>";
	snprintf(path, sizeof path, "%s.inner", mk_path());
	ok(mk_docx(path, &inner) == 0, "nested package written");
	nested = file_bytes(path, &nlen);
	unlink(path);

	parts[0] = (struct mk_part){ "word/chunk.txt",
	    "\xEF\xBB\xBFRad ett\r\nRad tv\xc3\xa5\n", 0 };
	parts[1] = (struct mk_part){ "word/chunk.htm", "<html><head><title>T"
	    "</title><style>p{}</style></head><body><h2>Rubrik</h2><p>Ett "
	    "&amp; tv\xc3\xa5&nbsp;&#229;r<br>ny rad</p><!-- <p>nej</p> -->"
	    "<script>x()</script><p>Sista</p></body></html>", 0 };
	parts[2] = (struct mk_part){ "word/chunk.docx", nested, nlen };
	parts[3] = (struct mk_part){ "word/chunk.rtf", "{\\rtf1 text}", 0 };
	parts[4] = (struct mk_part){ "word/chunk.mht", "MIME-Version: 1.0\r\n"
	    "Content-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
	    "Content-Type: text/html; charset=\"utf-8\"\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
	    "<html><body><p>Webb=C3=A5r=\r\nkiv</p></body></html>\r\n--b--\r\n",
	    0 };
	memset(&md, 0, sizeof md);
	md.body = P(R(T("F\xc3\xb6re")))
	    "<w:altChunk r:id=\"rIdA1\"/><w:altChunk r:id=\"rIdA2\"/>"
	    "<w:altChunk r:id=\"rIdA3\"/><w:altChunk r:id=\"rIdA4\"/>"
	    "<w:altChunk r:id=\"rIdA5\"/><w:altChunk r:id=\"rIdNone\"/>"
	    "<w:tbl><w:tr><w:tc><w:altChunk r:id=\"rIdA1\"/>" P("")
	    "</w:tc></w:tr></w:tbl>" P(R(T("Efter")));
	md.extra_rels = CHUNK_REL("rIdA1", "chunk.txt")
	    CHUNK_REL("rIdA2", "chunk.htm") CHUNK_REL("rIdA3", "chunk.docx")
	    CHUNK_REL("rIdA4", "chunk.rtf") CHUNK_REL("rIdA5", "chunk.mht");
	md.extra = parts;
	md.nextra = 5;
	d = extract(&md, LDIFF_CHANGES_ACCEPT);
	is_str(mk_all(d), "F\xc3\xb6re|Rad ett|Rad tv\xc3\xa5|Rubrik|"
	    "Ett & tv\xc3\xa5\xc2\xa0\xc3\xa5r|ny rad|Sista|Inre rubrik|"
	    "Inre text.|Webb\xc3\xa5rkiv|Rad ett|Rad tv\xc3\xa5|Efter",
	    "text, HTML, a nested .docx and MHTML read where they stand");
	if (d != NULL && ldiff_doc_count(d) == 13) {
		is_int(ldiff_doc_para(d, 3)->kind, LDIFF_PARA_HEADING,
		    "an HTML h2 is a heading");
		is_int(ldiff_doc_para(d, 3)->level, 2, "... of level 2");
		is_int(ldiff_doc_para(d, 7)->kind, LDIFF_PARA_HEADING,
		    "the nested package's heading is one");
		is_int(ldiff_doc_para(d, 10)->kind, LDIFF_PARA_CELL,
		    "a chunk in a cell gives cell paragraphs");
		is_str(ldiff_doc_para(d, 10)->where, "t1.r1.c1", "... there");
	}
	is_str(warnings(d), "word/document.xml: imported content "
	    "word/chunk.rtf could not be read (an RTF document, which kltext "
	    "cannot read); left out\nword/document.xml: imported content "
	    "(w:altChunk r:id=\"rIdNone\") is not in the package; left out",
	    "RTF and a missing part are warnings, not silence");
	ldiff_doc_free(d);
	free(nested);
}

/* ---- 5. authors and dates ------------------------------------------------- */

static const char *
revs(const ldiff_para *p)
{
	static char buf[1024];
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; p != NULL && i < p->n_revs && o < 900; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s=%s@%s",
		    i ? " " : "", p->revs[i].kind, p->revs[i].author,
		    p->revs[i].date);
	return buf;
}

static void
test_authors(void)
{
	struct mk_doc md;
	ldiff_doc *d;

	memset(&md, 0, sizeof md);
	md.body = P(R(T("Avtalet g\xc3\xa4ller ")) DEL(UMEA, R(DT("2023")))
	    INS(UMEA, R(T("2027"))) R(T(" och ")) INS("Anna Berg", R(T("mer"))))
	    P(R(T("Orörd.")));
	d = extract(&md, LDIFF_CHANGES_ACCEPT);
	is_str(revs(d ? ldiff_doc_para(d, 0) : NULL),
	    "del=" UMEA "@2024-03-02T11:00:00Z ins=" UMEA
	    "@2024-03-01T10:00:00Z ins=Anna Berg@2024-03-01T10:00:00Z",
	    "every revision's author and date, the accept view included");
	is_str(revs(d ? ldiff_doc_para(d, 1) : NULL), "",
	    "a paragraph with none has none");
	ldiff_doc_free(d);
	md.authors = 1;
	d = extract(&md, LDIFF_CHANGES_MARKUP);
	is_str(mk_text(d, 0), "Avtalet g\xc3\xa4ller [-2023-|" UMEA "]{+2027+|"
	    UMEA "} och {+mer+|Anna Berg}", "markup names the authors");
	ldiff_doc_free(d);
	md.body = P(INS("A", R(T("x"))) INS("B", R(T("y"))) INS("A", R(T("z"))));
	d = extract(&md, LDIFF_CHANGES_MARKUP);
	is_str(mk_text(d, 0), "{+x+|A}{+y+|B}{+z+|A}",
	    "a change of author closes the mark");
	ldiff_doc_free(d);
	md.authors = 0;
	d = extract(&md, LDIFF_CHANGES_MARKUP);
	is_str(mk_text(d, 0), "{+xyz+}", "without authors, one mark");
	ldiff_doc_free(d);

	memset(&md, 0, sizeof md);
	md.body = P(R(T("Text")) R("<w:commentReference w:id=\"0\"/>"));
	md.comments = "<w:comment w:id=\"0\" w:author=\"" UMEA "\" "
	    "w:date=\"2024-05-06T07:08:09Z\" w:initials=\"UK\">"
	    P(R(T("Kommentar"))) "</w:comment>";
	d = extract(&md, LDIFF_CHANGES_ACCEPT);
	is_str(revs(d ? ldiff_doc_para(d, 1) : NULL), "comment=" UMEA
	    "@2024-05-06T07:08:09Z", "a comment carries its author and date");
	ldiff_doc_free(d);
}

/* ---- 6. paragraph marks inserted or deleted alone -------------------------- */

static void
test_pilcrow(void)
{
	/* Word's form of a split: the first paragraph's mark inserted. */
	const char *split = P(PPR(RPR(INS(UMEA, ""))) R(T("F\xc3\xb6rsta. ")))
	    P(R(T("Andra.")));
	/* A join: the first paragraph's mark deleted. */
	const char *join = P(PPR(RPR(DEL(UMEA, ""))) R(T("Ett stycke")))
	    P(R(T(" som forts\xc3\xa4tter.")));
	struct mk_doc md;
	ldiff_doc *d;

	check_body(split, LDIFF_CHANGES_MARKUP, "F\xc3\xb6rsta. {+" PILCROW
	    "+}|Andra.", "markup: an inserted paragraph break is shown");
	check_body(split, LDIFF_CHANGES_ACCEPT, "F\xc3\xb6rsta. |Andra.",
	    "accept: split");
	check_body(split, LDIFF_CHANGES_REJECT, "F\xc3\xb6rsta. Andra.",
	    "reject: joined");
	check_body(join, LDIFF_CHANGES_MARKUP, "Ett stycke[-" PILCROW
	    "-]| som forts\xc3\xa4tter.",
	    "markup: a deleted paragraph break is shown");
	check_body(join, LDIFF_CHANGES_ACCEPT, "Ett stycke som forts\xc3\xa4tter.",
	    "accept: joined");
	check_body(P(PPR(RPR(INS("X", ""))) INS("X", R(T("Ny hel."))))
	    P(PPR(RPR(DEL("X", ""))) DEL("X", R(DT("Gammal hel.")))),
	    LDIFF_CHANGES_MARKUP, "{+Ny hel.+}|[-Gammal hel.-]",
	    "a paragraph inserted or deleted whole shows no extra mark");
	check_body(P(PPR(RPR(INS("X", ""))) R(T("a")) INS("X", R(T("b")))),
	    LDIFF_CHANGES_MARKUP, "a{+b" PILCROW "+}",
	    "the break joins the insertion before it");
	memset(&md, 0, sizeof md);
	md.body = split;
	md.authors = 1;
	d = extract(&md, LDIFF_CHANGES_MARKUP);
	is_str(mk_all(d), "F\xc3\xb6rsta. {+" PILCROW "+|" UMEA "}|Andra.",
	    "the break's author");
	is_str(revs(d ? ldiff_doc_para(d, 0) : NULL), "ins-mark=" UMEA
	    "@2024-03-01T10:00:00Z", "recorded as ins-mark");
	ldiff_doc_free(d);
}

/* ---- the records ------------------------------------------------------------ */

static char *
written(const ldiff_doc *d, ldiff_format fmt, unsigned plain)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return NULL;
	if (ldiff_doc_write(d, f, fmt, plain) != 0)
		fprintf(f, "(write failed)");
	fclose(f);
	return buf;
}

static void
test_records(void)
{
	struct mk_doc md;
	ldiff_doc *d, *back = NULL;
	ldiff_error err;
	char *tsv, *tsv2, *json, *json2, *plain;

	memset(&md, 0, sizeof md);
	md.body = P(R(T("Ouch")) R("<w:footnoteReference w:id=\"3\"/>")
	    R(T(".")) R(RPR("<w:vanish/>") T("dolt"))
	    INS("A;b=c,d%", R(T(" ny"))) R("<w:commentReference w:id=\"0\"/>"))
	    P(R(T("Vanlig.")));
	md.footnotes = "<w:footnote w:id=\"3\">" P(R("<w:footnoteRef/>")
	    R(T(" Not."))) "</w:footnote>";
	md.comments = "<w:comment w:id=\"0\" w:author=\"K\" "
	    "w:date=\"2024-05-06T07:08:09Z\">" P(R(T("Kommentar")))
	    P(R(T("Andra"))) "</w:comment>";
	d = extract(&md, LDIFF_CHANGES_ACCEPT);
	tsv = written(d, LDIFF_FMT_TSV, 0);
	is_str(tsv, "#klausul-paragraphs 1\n"
	    "paragraph\t0\t\t\t\tfn:3 cm:0\trev\tOuch. ny\thidden=4;ref=4,1;"
	    "ins=A%3Bb%3Dc%2Cd%25,2024-03-01T10:00:00Z\n"
	    "paragraph\t0\t\t\t\t\t\tVanlig.\n"
	    "footnote\t0\t\t\tfn:3\t\t\t Not.\tnote=1\n"
	    "comment\t0\t\t\tcm:0\t\t\tKommentar\t"
	    "comment=K,2024-05-06T07:08:09Z\n"
	    "comment\t0\t\t\tcm:0\t\t\tAndra\tcomment=K,2024-05-06T07:08:09Z\n",
	    "TSV: a ninth field only where there is something to say");
	plain = written(d, LDIFF_FMT_PLAIN, LDIFF_PLAIN_NOTES |
	    LDIFF_PLAIN_COMMENTS);
	is_str(plain, "Ouch1. ny\nVanlig.\n[footnote 1]  Not.\n"
	    "[cm:0] K, 2024-05-06: Kommentar\n[cm:0] Andra\n",
	    "plain: marks in the text, notes by their mark, comment by line");
	if (ldiff_doc_from_records(&back, tsv, strlen(tsv), NULL, &err) != 0)
		diag("%s", err.msg);
	tsv2 = written(back, LDIFF_FMT_TSV, 0);
	is_str(tsv2, tsv, "TSV read and written again: the same bytes");
	json = written(d, LDIFF_FMT_JSON, 0);
	ldiff_doc_free(back);
	back = NULL;
	if (ldiff_doc_from_records(&back, json, strlen(json), NULL, &err) != 0)
		diag("%s", err.msg);
	json2 = written(back, LDIFF_FMT_JSON, 0);
	is_str(json2, json, "JSON read and written again: the same bytes");
	ok(json != NULL && strstr(json, "\"hidden_chars\":4") != NULL &&
	    strstr(json, "\"note_refs\":[{\"at\":4,\"mark\":\"1\"}]") != NULL &&
	    strstr(json, "\"revisions\":[{\"kind\":\"ins\",\"author\":"
	    "\"A;b=c,d%\",\"date\":\"2024-03-01T10:00:00Z\"}]") != NULL,
	    "JSON: hidden_chars, note_refs, revisions");
	free(tsv);
	free(tsv2);
	free(json);
	free(json2);
	free(plain);
	ldiff_doc_free(back);
	ldiff_doc_free(d);

	/* What an older writer wrote is still read, and what a newer one
	 * adds is left alone. */
	tsv = "#klausul-paragraphs 1\nparagraph\t0\t\t\t\t\t\tA\n"
	    "paragraph\t0\t\t\t\t\t\tB\tfuture=x;hidden=2\n";
	ok(ldiff_doc_from_records(&back, tsv, strlen(tsv), NULL, &err) == 0 &&
	    ldiff_doc_count(back) == 2 &&
	    ldiff_doc_para(back, 1)->hidden_chars == 2,
	    "eight fields or nine; unknown items skipped");
	ldiff_doc_free(back);
	back = NULL;
	tsv = "#klausul-paragraphs 1\nparagraph\t0\t\t\t\t\t\tB\thidden\n";
	ok(ldiff_doc_from_records(&back, tsv, strlen(tsv), NULL, &err) ==
	    LDIFF_ERECORD, "a malformed ninth field is refused");
	ldiff_doc_free(back);
}

int
main(void)
{
	plan_no_plan();
	test_drop_caps();
	test_note_marks();
	test_hidden();
	test_altchunk();
	test_authors();
	test_pilcrow();
	test_records();
	return done_testing();
}
