/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_numbering.c - list labels as Word computes them: number formats,
 * counters shared per abstractNum, restarts, overrides, isLgl, bullets,
 * numbering through styles, and counting only the paragraphs of the view.
 */
#include "tap.h"
#include "mkdocx.h"
#include "docx/docx.h"

static void
fmt_is(const char *fmt, long n, const char *want)
{
	ld_buf b;
	char name[96];

	ld_buf_init(&b);
	ld_num_format(&b, fmt, n);
	snprintf(name, sizeof name, "%s %ld -> %s", fmt, n, want);
	is_str(ld_buf_str(&b), want, name);
	ld_buf_free(&b);
}

static void
test_formats(void)
{
	fmt_is("decimal", 7, "7");
	fmt_is("decimalZero", 5, "05");
	fmt_is("decimalZero", 12, "12");
	fmt_is("lowerLetter", 1, "a");
	fmt_is("lowerLetter", 26, "z");
	fmt_is("lowerLetter", 27, "aa");
	fmt_is("lowerLetter", 28, "bb");
	fmt_is("lowerLetter", 53, "aaa");
	fmt_is("upperLetter", 3, "C");
	fmt_is("lowerRoman", 4, "iv");
	fmt_is("lowerRoman", 9, "ix");
	fmt_is("upperRoman", 1994, "MCMXCIV");
	fmt_is("upperRoman", 0, "0");
	fmt_is("none", 3, "");
	fmt_is("ordinal", 2, "2");
	fmt_is("cardinalText", 2, "2");
}

#define LVL(i, start, fmt, text, extra) "<w:lvl w:ilvl=\"" #i "\">" \
	"<w:start w:val=\"" #start "\"/><w:numFmt w:val=\"" fmt "\"/>" \
	"<w:lvlText w:val=\"" text "\"/>" extra "</w:lvl>"

static const char *numbering =
    "<w:abstractNum w:abstractNumId=\"0\">"
    LVL(0, 1, "decimal", "%1.", "")
    LVL(1, 1, "decimal", "%1.%2.", "")
    LVL(2, 1, "lowerLetter", "%3)", "")
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\">"
    LVL(0, 1, "upperRoman", "%1.", "")
    LVL(1, 1, "decimal", "%1.%2", "<w:isLgl/>")
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"2\">"
    LVL(0, 1, "decimal", "%1", "")
    LVL(1, 1, "decimal", "%1.%2", "<w:lvlRestart w:val=\"0\"/>")
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"3\">"
    LVL(0, 1, "bullet", "\xef\x82\xb7", "")
    LVL(1, 1, "bullet", "o", "")
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"4\"><w:numStyleLink "
    "w:val=\"Lista\"/></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/>"
    "</w:lvlOverride></w:num>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\">"
    LVL(0, 1, "lowerRoman", "(%1)", "") "</w:lvlOverride></w:num>"
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"2\"/></w:num>"
    "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/></w:num>"
    "<w:num w:numId=\"8\"><w:abstractNumId w:val=\"4\"/></w:num>";

static const char *styles =
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Klausul\">"
    "<w:name w:val=\"Klausul\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/>"
    "<w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"numbering\" w:styleId=\"Lista\">"
    "<w:name w:val=\"Lista\"/><w:pPr><w:numPr><w:numId w:val=\"6\"/>"
    "</w:numPr></w:pPr></w:style>";

#define NP(num, lvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl \
	"\"/><w:numId w:val=\"" #num "\"/></w:numPr></w:pPr><w:r><w:t>" \
	text "</w:t></w:r></w:p>"

static void
labels_are(const char *body, ldiff_changes_mode mode, const char *want,
    const char *name)
{
	struct mk_doc md;
	ldiff_error err;
	ldiff_doc *d;

	memset(&md, 0, sizeof md);
	md.body = body;
	md.numbering = numbering;
	md.styles = styles;
	d = mk_extract(&md, mode, &err);
	if (d == NULL)
		diag("%s", err.msg);
	is_str(mk_all(d), want, name);
	ldiff_doc_free(d);
}

static void
test_counters(void)
{
	labels_are(NP(1, 0, "a") NP(1, 1, "b") NP(1, 1, "c") NP(1, 0, "d")
	    NP(1, 1, "e") NP(1, 2, "f"), LDIFF_CHANGES_ACCEPT,
	    "1. a|1.1. b|1.2. c|2. d|2.1. e|a) f",
	    "levels count and deeper levels restart");
	labels_are(NP(1, 0, "a") NP(2, 0, "b") NP(1, 0, "c"),
	    LDIFF_CHANGES_ACCEPT, "1. a|2. b|3. c",
	    "numIds sharing an abstractNum share counters");
	labels_are(NP(1, 0, "a") NP(1, 0, "b") NP(3, 0, "c") NP(3, 0, "d"),
	    LDIFF_CHANGES_ACCEPT, "1. a|2. b|10. c|11. d",
	    "startOverride restarts the level on first use");
	labels_are(NP(4, 0, "a") NP(4, 0, "b"), LDIFF_CHANGES_ACCEPT,
	    "(i) a|(ii) b", "a full lvl override changes the format");
	labels_are(NP(5, 0, "a") NP(5, 1, "b") NP(5, 0, "c") NP(5, 1, "d"),
	    LDIFF_CHANGES_ACCEPT, "I. a|1.1 b|II. c|2.1 d",
	    "isLgl shows every level decimal");
	labels_are(NP(6, 0, "a") NP(6, 1, "b") NP(6, 0, "c") NP(6, 1, "d"),
	    LDIFF_CHANGES_ACCEPT, "1 a|1.1 b|2 c|2.2 d",
	    "lvlRestart 0: the level never restarts");
	labels_are(NP(7, 0, "a") NP(7, 1, "b"), LDIFF_CHANGES_ACCEPT,
	    "\xe2\x80\xa2 a|o b", "Symbol bullet U+F0B7 -> U+2022, o stays");
	labels_are(NP(8, 0, "a") NP(8, 1, "b"), LDIFF_CHANGES_ACCEPT,
	    "1 a|1.1 b", "numStyleLink takes the style's list");
	labels_are(NP(1, 3, "a"), LDIFF_CHANGES_ACCEPT, "a",
	    "an undefined level gives no label");
	labels_are(NP(99, 0, "a"), LDIFF_CHANGES_ACCEPT, "a",
	    "an unknown numId gives no label");
}

static void
test_styles_and_views(void)
{
	const char *del =
	    NP(1, 0, "a")
	    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"
	    "</w:numPr><w:rPr><w:del w:id=\"1\"/></w:rPr></w:pPr>"
	    "<w:del w:id=\"2\"><w:r><w:delText>gone</w:delText></w:r></w:del>"
	    "</w:p>" NP(1, 0, "c");
	const char *st =
	    "<w:p><w:pPr><w:pStyle w:val=\"Klausul\"/></w:pPr><w:r><w:t>x"
	    "</w:t></w:r></w:p>"
	    "<w:p><w:pPr><w:pStyle w:val=\"Klausul\"/><w:numPr><w:numId "
	    "w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>y</w:t></w:r></w:p>"
	    "<w:p><w:pPr><w:pStyle w:val=\"Klausul\"/><w:numPr><w:ilvl "
	    "w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>z</w:t></w:r></w:p>";

	const char *chg =
	    NP(1, 0, "a")
	    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"
	    "</w:numPr><w:pPrChange w:id=\"5\" w:author=\"A\"><w:pPr>"
	    "<w:pStyle w:val=\"Normal\"/></w:pPr></w:pPrChange></w:pPr>"
	    "<w:r><w:t>b</w:t></w:r></w:p>";

	labels_are(del, LDIFF_CHANGES_ACCEPT, "1. a|2. c",
	    "accept: a deleted paragraph is not counted");
	labels_are(del, LDIFF_CHANGES_REJECT, "1. a|2. gone|3. c",
	    "reject: it is");
	labels_are(st, LDIFF_CHANGES_ACCEPT, "1.1. x|y|a) z",
	    "numbering through the style; numId 0 cancels; direct ilvl");
	labels_are(chg, LDIFF_CHANGES_ACCEPT, "1. a|2. b",
	    "accept: numbering given by a formatting change");
	labels_are(chg, LDIFF_CHANGES_MARKUP, "1. a|2. b",
	    "markup: the new formatting");
	labels_are(chg, LDIFF_CHANGES_REJECT, "1. a|b",
	    "reject: the paragraph as it was formatted (pPrChange)");
}

static void
test_record_fields(void)
{
	struct mk_doc md;
	ldiff_error err;
	ldiff_doc *d;

	memset(&md, 0, sizeof md);
	md.body = NP(1, 0, "a") NP(1, 1, "b");
	md.numbering = numbering;
	d = mk_extract(&md, LDIFF_CHANGES_ACCEPT, &err);
	ok(d != NULL && ldiff_doc_count(d) == 2, "two items");
	if (d != NULL && ldiff_doc_count(d) == 2) {
		const ldiff_para *p = ldiff_doc_para(d, 1);

		is_int(p->kind, LDIFF_PARA_ITEM, "kind item");
		is_int(p->level, 2, "level ilvl+1");
		is_int(p->num_id, 1, "num_id");
		is_int(p->ilvl, 1, "ilvl");
	}
	ldiff_doc_free(d);
}

int
main(void)
{
	plan_no_plan();
	test_formats();
	test_counters();
	test_styles_and_views();
	test_record_fields();
	return done_testing();
}
