/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_wordml.c - the WordprocessingML walker on generated fixtures: runs,
 * fields, content controls, AlternateContent, tables, tracked changes in
 * the three views, paragraph-mark joins, notes, comments, headers.
 */
#include "tap.h"
#include "mkdocx.h"

#define P(x) "<w:p>" x "</w:p>"
#define R(x) "<w:r>" x "</w:r>"
#define T(x) "<w:t xml:space=\"preserve\">" x "</w:t>"

static void
check_body(const char *body, ldiff_changes_mode mode, const char *want,
    const char *name)
{
	ldiff_doc *d = mk_body(body, mode);

	is_str(mk_all(d), want, name);
	ldiff_doc_free(d);
}

static void
test_runs(void)
{
	check_body(P(R(T("\xc3\x96ver")) R(T("enskommelse"))),
	    LDIFF_CHANGES_ACCEPT, "\xc3\x96verenskommelse",
	    "runs split mid-word join with no space");
	check_body(P(R(T("a") "<w:tab/>" T("b") "<w:br/>" T("c") "<w:cr/>"
	    T("d") "<w:br w:type=\"page\"/>" T("e"))),
	    LDIFF_CHANGES_ACCEPT, "a\tb\nc\nde",
	    "tab, line break, carriage return; page break adds nothing");
	check_body(P(R(T("EU") "<w:noBreakHyphen/>" T("st\xc3\xb6") \
	    "<w:softHyphen/>" T("d"))), LDIFF_CHANGES_ACCEPT,
	    "EU\xe2\x80\x91st\xc3\xb6\xc2\xad" "d",
	    "noBreakHyphen U+2011, softHyphen U+00AD");
	check_body(P(R("<w:sym w:font=\"Symbol\" w:char=\"F061\"/>"
	    "<w:sym w:font=\"Symbol\" w:char=\"F0B3\"/>"
	    "<w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/>")),
	    LDIFF_CHANGES_ACCEPT, "\xce\xb1\xe2\x89\xa5\xe2\x9c\x93",
	    "w:sym in Symbol and Wingdings mapped to Unicode");
	check_body(P(R(T("a\xcc\x88r")) ), LDIFF_CHANGES_ACCEPT,
	    "\xc3\xa4r", "text is NFC");
	check_body(P(R("<w:rPr><w:tab/></w:rPr>" T("x")))
	    P("<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs>"
	    "</w:pPr>" R(T("y"))), LDIFF_CHANGES_ACCEPT, "x|y",
	    "tab stops in properties are not text");
	check_body(P(R(T("kept"))) P("") P(R(T("  "))) P(R(T("also"))),
	    LDIFF_CHANGES_ACCEPT, "kept|also", "empty paragraphs dropped");
	check_body(P(R(T("f\xc3\xb6re"))) "<w:altChunk r:id=\"rIdX\"/>"
	    P(R(T("efter"))), LDIFF_CHANGES_ACCEPT, "f\xc3\xb6re|efter",
	    "altChunk (imported HTML/RTF) has no text to give; the rest is read");
	check_body(P(R(T("dold")) "<w:r><w:rPr><w:vanish/></w:rPr>"
	    "<w:instrText>x</w:instrText></w:r>"), LDIFF_CHANGES_ACCEPT,
	    "dold", "run properties are never text");
	check_body(P("<w:hyperlink r:id=\"x\">" R(T("link")) "</w:hyperlink>"
	    "<w:smartTag>" R(T(" smart")) "</w:smartTag>"
	    "<w:customXml>" R(T(" custom")) "</w:customXml>"),
	    LDIFF_CHANGES_ACCEPT, "link smart custom",
	    "hyperlink, smartTag, customXml are transparent");
}

static void
test_fields(void)
{
	check_body(P(R("<w:fldChar w:fldCharType=\"begin\"/>")
	    R("<w:instrText> REF _Ref1 \\h </w:instrText>")
	    R("<w:fldChar w:fldCharType=\"separate\"/>") R(T("4.2"))
	    R("<w:fldChar w:fldCharType=\"end\"/>") R(T(" ok"))),
	    LDIFF_CHANGES_ACCEPT, "4.2 ok",
	    "complex field: result kept, instruction never");
	check_body(P(R("<w:fldChar w:fldCharType=\"begin\"/>")
	    R("<w:instrText>IF </w:instrText>")
	    R("<w:fldChar w:fldCharType=\"begin\"/>")
	    R("<w:instrText>PAGE</w:instrText>")
	    R("<w:fldChar w:fldCharType=\"separate\"/>") R(T("7"))
	    R("<w:fldChar w:fldCharType=\"end\"/>")
	    R("<w:instrText> = 1 \"a\" \"b\"</w:instrText>")
	    R("<w:fldChar w:fldCharType=\"separate\"/>") R(T("b"))
	    R("<w:fldChar w:fldCharType=\"end\"/>")),
	    LDIFF_CHANGES_ACCEPT, "b",
	    "nested field inside an instruction is not shown");
	check_body(P(R(T("see ")) "<w:fldSimple w:instr=\"PAGE\">" R(T("3"))
	    "</w:fldSimple>"), LDIFF_CHANGES_ACCEPT, "see 3",
	    "fldSimple shows its result");
}

static void
test_sdt_ac(void)
{
	check_body("<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val=\"x\"/>"
	    "</w:placeholder><w:text/></w:sdtPr><w:sdtContent>"
	    P(R(T("content"))) "</w:sdtContent></w:sdt>"
	    P("<w:sdt><w:sdtPr><w:alias w:val=\"Namn\"/></w:sdtPr>"
	    "<w:sdtContent>" R(T("inline")) "</w:sdtContent></w:sdt>"),
	    LDIFF_CHANGES_ACCEPT, "content|inline",
	    "block and inline sdt: content only");
	check_body(P(R(T("before "))
	    "<mc:AlternateContent><mc:Choice Requires=\"wps\">"
	    R(T("choice")) "</mc:Choice><mc:Fallback>" R(T("fallback"))
	    "</mc:Fallback></mc:AlternateContent>" R(T(" after"))),
	    LDIFF_CHANGES_ACCEPT, "before choice after",
	    "AlternateContent: one branch, never both");
	check_body(P(R(T("anchor "))
	    R("<w:pict><v:shape><v:textbox><w:txbxContent>"
	    P(R(T("box one"))) P(R(T("box two")))
	    "</w:txbxContent></v:textbox></v:shape></w:pict>")
	    R(T("text"))) P(R(T("next"))),
	    LDIFF_CHANGES_ACCEPT, "anchor text|box one|box two|next",
	    "text-box paragraphs follow their anchor paragraph");
}

static void
test_tables(void)
{
	ldiff_doc *d;
	const char *body =
	    "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/>"
	    "</w:tblGrid>"
	    "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>"
	    P(R(T("wide"))) "</w:tc><w:tc><w:tcPr><w:vMerge "
	    "w:val=\"restart\"/></w:tcPr>" P(R(T("tall"))) "</w:tc></w:tr>"
	    "<w:tr><w:tc>" P(R(T("a"))) P(R(T("a2"))) "</w:tc><w:tc>"
	    "<w:tbl><w:tr><w:tc>" P(R(T("inner"))) "</w:tc></w:tr></w:tbl>"
	    P("") "</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr>"
	    P(R(T("hidden"))) "</w:tc></w:tr></w:tbl>"
	    "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>"
	    "<w:tc>" P(R(T("second"))) "</w:tc></w:tr></w:tbl>";

	d = mk_body(body, LDIFF_CHANGES_ACCEPT);
	is_str(mk_all(d), "wide|tall|a|a2|inner|second",
	    "table cells in order; vMerge continuation gives nothing");
	if (d != NULL && ldiff_doc_count(d) == 6) {
		is_str(ldiff_doc_para(d, 0)->where, "t1.r1.c1", "gridSpan cell");
		is_str(ldiff_doc_para(d, 1)->where, "t1.r1.c3",
		    "cell after a span counts grid columns");
		is_str(ldiff_doc_para(d, 2)->where, "t1.r2.c1", "row 2");
		is_str(ldiff_doc_para(d, 3)->where, "t1.r2.c1",
		    "two paragraphs of one cell share where");
		is_str(ldiff_doc_para(d, 4)->where, "t1.r2.c2/t1.r1.c1",
		    "nested table");
		is_str(ldiff_doc_para(d, 5)->where, "t2.r1.c2",
		    "second table, gridBefore");
		is_int(ldiff_doc_para(d, 0)->kind, LDIFF_PARA_CELL,
		    "kind cell");
	}
	ldiff_doc_free(d);
}

/* ins, del, moveFrom, moveTo in one paragraph. */
#define REVS P(R(T("Avtalet ")) \
	"<w:del w:id=\"1\" w:author=\"A\">" \
	"<w:r><w:delText>g\xc3\xa4ller</w:delText></w:r></w:del>" \
	"<w:ins w:id=\"2\" w:author=\"A\">" R(T("upph\xc3\xb6r")) "</w:ins>" \
	R(T(" nu.")) "<w:moveFrom w:id=\"3\">" R(T(" Flytt.")) \
	"</w:moveFrom>" "<w:moveTo w:id=\"4\">" R(T(" Hit.")) "</w:moveTo>")

static void
test_revisions(void)
{
	ldiff_doc *d;

	check_body(REVS, LDIFF_CHANGES_ACCEPT,
	    "Avtalet upph\xc3\xb6r nu. Hit.", "accept: ins and moveTo kept");
	check_body(REVS, LDIFF_CHANGES_REJECT,
	    "Avtalet g\xc3\xa4ller nu. Flytt.",
	    "reject: delText and moveFrom kept");
	check_body(REVS, LDIFF_CHANGES_MARKUP,
	    "Avtalet [-g\xc3\xa4ller-]{+upph\xc3\xb6r+} nu.[< Flytt.<]{> "
	    "Hit.>}", "markup: both, marked");
	d = mk_body(REVS P(R(T("plain"))), LDIFF_CHANGES_ACCEPT);
	ok(d && (ldiff_doc_para(d, 0)->flags & LDIFF_PF_HAS_REVISIONS),
	    "HAS_REVISIONS set");
	ok(d && ldiff_doc_para(d, 1)->flags == 0, "no flags without changes");
	ldiff_doc_free(d);
}

#define MARK(x) "<w:pPr><w:rPr>" x "</w:rPr></w:pPr>"
/* First paragraph's mark deleted: it joins the second under accept. */
#define JOIN_DEL P(MARK("<w:del w:id=\"1\"/>") R(T("Parterna ska "))) \
	P(R(T("samverka.")))
/* A wholly inserted paragraph. */
#define WHOLE_INS P(R(T("Ett."))) \
	P(MARK("<w:ins w:id=\"1\"/>") "<w:ins w:id=\"2\">" R(T("Nytt.")) \
	"</w:ins>") P(R(T("Tv\xc3\xa5.")))
/* A wholly deleted paragraph. */
#define WHOLE_DEL P(R(T("Ett."))) \
	P(MARK("<w:del w:id=\"1\"/>") "<w:del w:id=\"2\"><w:r><w:delText>" \
	"Gammalt.</w:delText></w:r></w:del>") P(R(T("Tv\xc3\xa5.")))

static void
test_marks(void)
{
	ldiff_doc *d;

	check_body(JOIN_DEL, LDIFF_CHANGES_ACCEPT, "Parterna ska samverka.",
	    "accept: deleted paragraph mark joins with the next");
	d = mk_body(JOIN_DEL P(R(T("Sist."))), LDIFF_CHANGES_ACCEPT);
	ok(d && ldiff_doc_count(d) == 2 &&
	    (ldiff_doc_para(d, 0)->flags & LDIFF_PF_HAS_REVISIONS) &&
	    ldiff_doc_para(d, 1)->flags == 0,
	    "the joined paragraph has revisions, the one after has none");
	ldiff_doc_free(d);
	check_body(JOIN_DEL, LDIFF_CHANGES_REJECT, "Parterna ska |samverka.",
	    "reject: the mark stays");
	check_body(WHOLE_INS, LDIFF_CHANGES_ACCEPT,
	    "Ett.|Nytt.|Tv\xc3\xa5.", "accept: inserted paragraph kept");
	check_body(WHOLE_INS, LDIFF_CHANGES_REJECT, "Ett.|Tv\xc3\xa5.",
	    "reject: inserted paragraph gone, no empty join");
	check_body(WHOLE_DEL, LDIFF_CHANGES_ACCEPT, "Ett.|Tv\xc3\xa5.",
	    "accept: deleted paragraph gone");
	check_body(WHOLE_DEL, LDIFF_CHANGES_REJECT,
	    "Ett.|Gammalt.|Tv\xc3\xa5.", "reject: deleted paragraph back");
	d = mk_body(WHOLE_INS, LDIFF_CHANGES_MARKUP);
	ok(d && ldiff_doc_count(d) == 3 &&
	    (ldiff_doc_para(d, 1)->flags & LDIFF_PF_INSERTED),
	    "markup: INSERTED flag on the new paragraph");
	ldiff_doc_free(d);
	d = mk_body(WHOLE_DEL, LDIFF_CHANGES_MARKUP);
	ok(d && ldiff_doc_count(d) == 3 &&
	    (ldiff_doc_para(d, 1)->flags & LDIFF_PF_DELETED) &&
	    !(ldiff_doc_para(d, 0)->flags & LDIFF_PF_DELETED),
	    "markup: DELETED flag on the old paragraph only");
	ldiff_doc_free(d);
}

static void
test_notes(void)
{
	struct mk_doc md;
	ldiff_error err;
	ldiff_doc *d;

	memset(&md, 0, sizeof md);
	md.body = P(R(T("Text")) R("<w:footnoteReference w:id=\"2\"/>")
	    "<w:commentRangeStart w:id=\"0\"/>" R(T(" mer"))
	    R("<w:commentReference w:id=\"0\"/>"))
	    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH\"/>"
	    "</w:sectPr>";
	md.footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\">"
	    P(R("<w:separator/>")) "</w:footnote>"
	    "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\">"
	    P(R("<w:continuationSeparator/>")) "</w:footnote>"
	    "<w:footnote w:id=\"2\">" P(R("<w:footnoteRef/>") R(T(" Not.")))
	    "</w:footnote>";
	md.comments = "<w:comment w:id=\"0\" w:author=\"X\">"
	    P(R(T("Kommentar"))) "</w:comment>";
	md.header = P(R(T("Sidhuvud")));
	d = mk_extract(&md, LDIFF_CHANGES_ACCEPT, &err);
	if (d == NULL)
		diag("%s", err.msg);
	is_str(mk_all(d), "Text mer| Not.|Kommentar|Sidhuvud",
	    "body, footnotes (separators skipped), comments, header");
	if (d != NULL && ldiff_doc_count(d) == 4) {
		is_str(ldiff_doc_para(d, 0)->refs, "fn:2 cm:0", "refs");
		is_int(ldiff_doc_para(d, 1)->kind, LDIFF_PARA_FOOTNOTE,
		    "footnote kind");
		is_str(ldiff_doc_para(d, 1)->where, "fn:2", "footnote where");
		is_int(ldiff_doc_para(d, 2)->kind, LDIFF_PARA_COMMENT,
		    "comment kind");
		is_str(ldiff_doc_para(d, 2)->where, "cm:0", "comment where");
		is_int(ldiff_doc_para(d, 3)->kind, LDIFF_PARA_HEADER,
		    "header kind");
		is_str(ldiff_doc_para(d, 3)->where, "hdr:default",
		    "header where from sectPr");
	}
	ldiff_doc_free(d);
}

int
main(void)
{
	plan_no_plan();
	test_runs();
	test_fields();
	test_sdt_ac();
	test_tables();
	test_revisions();
	test_marks();
	test_notes();
	return done_testing();
}
