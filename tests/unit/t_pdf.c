/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_pdf.c - the PDF reader: what a line-end hyphen is, what a page number
 * looks like, and whole PDFs written here byte by byte (so each holds
 * exactly the layout a rule is about): paragraphs joined over a page
 * break, running header and footer dropped, a footnote moved to the
 * notes, a table's rows, a scan refused, the page limit.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "pdf/pdf.h"
#include "tap.h"

/* ---- hyphens ----------------------------------------------------------- */

static int
join(ld_hyphen *h, const char *l, const char *r)
{
	return ld_hyphen_join(h, l, strlen(l), r, strlen(r));
}

static void
test_hyphen(void)
{
	ld_hyphen *h = NULL;

	ok(ld_hyphen_new(&h) == 0, "a hyphen lexicon");
	ld_hyphen_learn(h, "Regionen har utvecklingsansvaret i länet.");
	ld_hyphen_learn(h, "Samhällsomvandling berör kompetens- och "
	    "utbildningsfrågor i Västerbottens kommuner.");
	ld_hyphen_learn(h, "Kommunerna och regionen.");
	is_int(join(h, "utvecklings", "ansvaret"), LD_HY_JOIN,
	    "utvecklings- ansvaret: the word occurs whole: joined");
	is_int(join(h, "Samhälls", "omvandlingen"), LD_HY_JOIN,
	    "Samhälls- omvandlingen: a word of its stem occurs: joined");
	is_int(join(h, "kompetens", "och"), LD_HY_SPACE,
	    "kompetens- och: a shared compound part keeps hyphen and space");
	is_int(join(h, "hälso", "eller"), LD_HY_SPACE,
	    "hälso- eller: so does one before eller");
	is_int(join(h, "Västerbottens", "kommunerna"), LD_HY_KEEP,
	    "Västerbottens- kommunerna: a name's compound keeps its hyphen");
	is_int(join(h, "EU", "stöd"), LD_HY_KEEP, "EU- stöd: kept");
	is_int(join(h, "Region", "Västerbotten"), LD_HY_KEEP,
	    "a capital after the hyphen: kept");
	is_int(join(h, "2023", "2026"), LD_HY_KEEP, "digits: kept");
	is_int(join(h, "Regi", "on"), LD_HY_JOIN,
	    "Regi- on: a capital, but no word of the document: joined");
	is_int(join(h, "Väs", "terbottens-kommunerna"), LD_HY_JOIN,
	    "Väs- terbottens-kommunerna: the word up to the author's hyphen");
	is_int(join(h, "Västerbottens-kom", "munerna"), LD_HY_JOIN,
	    "Västerbottens-kom- munerna: the word after the author's hyphen");
	is_int(join(h, "kollektiv", "trafiken"), LD_HY_JOIN,
	    "lower case both sides, unknown: read as the layout's hyphen");
	ld_hyphen_free(h);
}

static void
test_page_numbers(void)
{
	static const char *const yes[] = { "Sida 3 av 12", "sida 3 av 12",
	    "3 (12)", "3", "- 3 -", "3/12", "Page 3 of 12", "Sida 3" };
	static const char *const no[] = { "3 kap.", "Sida", "2023–2026",
	    "1.1 Parterna", "Sida 3 av tolv" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ok(ld_pdf_is_page_number(yes[i]), yes[i]);
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		ok(!ld_pdf_is_page_number(no[i]), no[i]);
}

/* ---- PDFs written here --------------------------------------------------- */

/* A PDF of n pages, each a content stream using /F1 (Helvetica). */
static char *
make_pdf(const char *const *pages, size_t n, size_t *len)
{
	ld_buf b, kids;
	size_t off[64], nobj = 0, i;

	ld_buf_init(&b);
	ld_buf_init(&kids);
	ld_buf_adds(&b, "%PDF-1.4\n");
#define OBJ(...) (off[nobj++] = b.len, \
	ld_buf_printf(&b, "%zu 0 obj\n", nobj), ld_buf_printf(&b, __VA_ARGS__), \
	ld_buf_adds(&b, "\nendobj\n"))
	OBJ("<< /Type /Catalog /Pages 2 0 R >>");
	for (i = 0; i < n; i++)
		ld_buf_printf(&kids, "%zu 0 R ", 4 + 2 * i);
	OBJ("<< /Type /Pages /Kids [%s] /Count %zu >>", ld_buf_str(&kids), n);
	OBJ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
	    "/Encoding /WinAnsiEncoding >>");
	for (i = 0; i < n; i++) {
		OBJ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
		    "/Resources << /Font << /F1 3 0 R >> >> /Contents %zu 0 R >>",
		    5 + 2 * i);
		OBJ("<< /Length %zu >>\nstream\n%s\nendstream", strlen(pages[i]),
		    pages[i]);
	}
#undef OBJ
	{
		size_t xref = b.len;

		ld_buf_printf(&b, "xref\n0 %zu\n0000000000 65535 f \n", nobj + 1);
		for (i = 0; i < nobj; i++)
			ld_buf_printf(&b, "%010zu 00000 n \n", off[i]);
		ld_buf_printf(&b, "trailer\n<< /Size %zu /Root 1 0 R >>\n"
		    "startxref\n%zu\n%%%%EOF\n", nobj + 1, xref);
	}
	ld_buf_free(&kids);
	*len = b.len;
	return b.data;
}

#define LINE(x, y, size, text) \
	"BT /F1 " #size " Tf " #x " " #y " Td (" text ") Tj ET\n"
#define HEADER LINE(72, 800, 9, "Avtal om samverkan")
#define FOOTER(n) LINE(270, 40, 9, "Sida " #n " av 2")

static ldiff_doc *
read_pdf(const char *const *pages, size_t n, const ldiff_extract_opts *o,
    ldiff_error *err)
{
	ldiff_doc *d = NULL;
	size_t len;
	char *pdf = make_pdf(pages, n, &len);

	memset(err, 0, sizeof *err);
	ldiff_doc_from_pdf_mem(&d, pdf, len, o, err);
	ld_free(pdf);
	return d;
}

/* The text of the paragraphs of one kind, joined by " | ". */
static char *
texts(const ldiff_doc *d, ldiff_para_kind kind)
{
	ld_buf b;
	size_t i;

	ld_buf_init(&b);
	for (i = 0; d != NULL && i < ldiff_doc_count(d); i++) {
		const ldiff_para *p = ldiff_doc_para(d, i);

		if (p->kind != kind)
			continue;
		if (b.len > 0)
			ld_buf_adds(&b, " | ");
		ld_buf_adds(&b, p->text);
	}
	ld_buf_addc(&b, '\0');
	return b.data;
}

static void
test_pages(void)
{
	static const char *const pages[] = {
		HEADER
		LINE(72, 700, 11, "1.1 Parterna ska gemensamt verka for en hallbar")
		LINE(72, 687, 11, "utveckling i hela lanet och samverka om alla de")
		LINE(72, 674, 11, "fragor som ror lanets utveckling och framtid i")
		FOOTER(1),
		HEADER
		LINE(72, 760, 11, "samtliga kommuner.")
		LINE(72, 740, 11, "1.2 Avtalet galler i fyra ar.")
		FOOTER(2)
	};
	ldiff_error err;
	ldiff_doc *d = read_pdf(pages, 2, NULL, &err);
	char *body = texts(d, LDIFF_PARA_PARAGRAPH);
	char *hdr = texts(d, LDIFF_PARA_HEADER), *ftr = texts(d, LDIFF_PARA_FOOTER);

	ok(d != NULL, "two pages read");
	is_str(body, "1.1 Parterna ska gemensamt verka for en hallbar "
	    "utveckling i hela lanet och samverka om alla de fragor som ror "
	    "lanets utveckling och framtid i samtliga kommuner. | "
	    "1.2 Avtalet galler i fyra ar.",
	    "a paragraph over the page break is one; header and footer out");
	is_str(hdr, "Avtal om samverkan", "the running header, once");
	is_str(ftr, "Sida 1 av 2", "the page-number footer, once");
	free(body);
	free(hdr);
	free(ftr);
	ldiff_doc_free(d);
}

static void
test_notes_and_table(void)
{
	static const char *const pages[] = {
		LINE(72, 700, 11, "Enligt lag ska regionen samverka.")
		"BT /F1 7 Tf 300 705 Td (1) Tj ET\n"
		LINE(72, 680, 11, "Part")
		LINE(300, 680, 11, "Bidrag")
		LINE(72, 667, 11, "Umea kommun")
		LINE(300, 667, 11, "100 000")
		LINE(72, 640, 11, "Efter tabellen.")
		"BT /F1 7 Tf 72 105 Td (1) Tj ET\n"
		LINE(78, 100, 11, "Jfr prop. 2009/10:156.")
	};
	ldiff_error err;
	ldiff_doc *d = read_pdf(pages, 1, NULL, &err);
	char *notes = texts(d, LDIFF_PARA_FOOTNOTE);
	char *cells = texts(d, LDIFF_PARA_CELL);
	char *body = texts(d, LDIFF_PARA_PARAGRAPH);
	size_t i;

	is_str(notes, "Jfr prop. 2009/10:156.", "the footnote is a note");
	is_str(body, "Enligt lag ska regionen samverka. | Efter tabellen.",
	    "the mark is off the body text");
	is_str(cells, "Part | Bidrag | Umea kommun | 100 000",
	    "a table's cells, row by row");
	for (i = 0; d != NULL && i < ldiff_doc_count(d); i++) {
		const ldiff_para *p = ldiff_doc_para(d, i);

		if (strcmp(p->text, "100 000") == 0)
			is_str(p->where, "t1.r2.c2", "a cell's place");
		if (p->kind == LDIFF_PARA_PARAGRAPH && i == 0)
			is_str(p->refs, "fn:1", "the body names its note");
	}
	free(notes);
	free(cells);
	free(body);
	ldiff_doc_free(d);
}

static void
test_refusals(void)
{
	static const char *const scan[] = { "0 0 m 100 100 l S\n" };
	static const char *const three[] = { LINE(72, 700, 11, "Ett."),
	    LINE(72, 700, 11, "Tva."), LINE(72, 700, 11, "Tre.") };
	ldiff_extract_opts o;
	ldiff_error err;
	ldiff_doc *d;

	d = read_pdf(scan, 1, NULL, &err);
	ok(d == NULL, "a page with no text: no document");
	is_int(err.code, LDIFF_ENOTEXT, "a scan: LDIFF_ENOTEXT");
	ok(strstr(err.msg, "run OCR first") != NULL, "and says what to do");
	ldiff_extract_opts_init(&o);
	o.limits.max_pages = 2;
	d = read_pdf(three, 3, &o, &err);
	ok(d == NULL && err.code == LDIFF_ELIMIT, "3 pages over --max-pages 2");
	ok(strstr(err.msg, "--max-pages") != NULL, "the message names it");
	o.limits.max_pages = 3;
	d = read_pdf(three, 3, &o, &err);
	ok(d != NULL, "3 pages within 3");
	ldiff_doc_free(d);
	d = NULL;
	memset(&err, 0, sizeof err);
	ok(ldiff_doc_from_pdf_mem(&d, "%PDF-1.4\n%%EOF\n", 15, NULL, &err) ==
	    LDIFF_EPDF && d == NULL, "a damaged PDF: LDIFF_EPDF");
}

int
main(void)
{
	test_hyphen();
	test_page_numbers();
	test_pages();
	test_notes_and_table();
	test_refusals();
	return done_testing();
}
