/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_docx.c - the committee papers as a Word document.
 *
 * A paper is a document of its own, not an edit of the agreement, so the
 * package is ours (docx_pack.c): A4 portrait, styles for a title, headings
 * and a bulleted list, and the body font of the agreement itself when its
 * .docx is given (its Normal style's w:rFonts and w:sz, else its document
 * defaults), so the paper looks like the papers it goes with.
 *
 * The parallel layout is one real Word table (w:tbl) of two equal
 * columns, "Nuvarande lydelse" | "Föreslagen lydelse", whose header row
 * repeats on every page (w:tblHeader) and whose rows do not break across
 * pages (w:cantSplit); each clause of a cell is a paragraph that begins
 * with its number; deleted words are struck through and new words
 * underlined, or both plain with --unmarked; the changes not reprinted
 * close the table in one row across both columns.  The list of changes is
 * a heading per section and a bulleted paragraph per sentence.  The rows
 * and sentences are paper_rows.c's and paper_say.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "docx/docx.h"
#include "render/docx_pack.h"
#include "render/paper.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/"
#define CT_DOC "application/vnd.openxmlformats-officedocument." \
	"wordprocessingml."
#define PAGE_W 11906		/* A4 in twips */
#define PAGE_H 16838
#define MARGIN 1417		/* 2,5 cm */
#define COL_W ((PAGE_W - 2 * MARGIN) / 2)
#define FONT_MAX 64

struct font {
	char name[FONT_MAX];
	int half_points;
};

struct xw {
	ld_buf x;		/* word/document.xml */
	const ldiff_diff *d;
	ldiff_render_opts o;
	int sv;
};

/* ---- the agreement's body font ------------------------------------------ */

/* The value of attr="..." inside the element that starts at el, when the
 * element (up to its '>') has it. */
static int
attr_in(const char *el, const char *attr, char *out, size_t size)
{
	const char *end = strchr(el, '>'), *a = strstr(el, attr), *q;
	size_t n;

	if (end == NULL || a == NULL || a > end || a[strlen(attr)] != '"')
		return 0;
	a += strlen(attr) + 1;
	if ((q = strchr(a, '"')) == NULL || q > end)
		return 0;
	n = (size_t)(q - a) < size - 1 ? (size_t)(q - a) : size - 1;
	memcpy(out, a, n);
	out[n] = '\0';
	return n > 0;
}

/* The font and size inside [from, to) of styles.xml. */
static void
font_in(const char *from, const char *to, struct font *f)
{
	const char *p;
	char sz[16];

	if (from == NULL || to == NULL)
		return;
	if ((p = strstr(from, "<w:rFonts ")) != NULL && p < to &&
	    f->name[0] == '\0')
		attr_in(p, "w:ascii=", f->name, sizeof f->name);
	if ((p = strstr(from, "<w:sz ")) != NULL && p < to &&
	    f->half_points == 0 && attr_in(p, "w:val=", sz, sizeof sz))
		f->half_points = (int)strtol(sz, NULL, 10);
}

static void
styles_font(const char *s, struct font *f)
{
	const char *normal = strstr(s, "w:styleId=\"Normal\"");
	const char *defs = strstr(s, "<w:docDefaults");

	font_in(normal, normal != NULL ? strstr(normal, "</w:style>") : NULL,
	    f);
	font_in(defs, defs != NULL ? strstr(defs, "</w:docDefaults>") : NULL,
	    f);
}

/* NEW's styles.xml, read under the default limits; a package without one
 * (or unreadable) leaves the default font. */
static void
body_font(const void *docx, size_t len, struct font *f)
{
	ld_pkg *p = NULL;
	ld_part *pt = NULL;
	ld_buf b;
	char tmp[8192];
	long n = 0;

	strcpy(f->name, "Times New Roman");
	f->half_points = 0;
	if (docx == NULL || ld_pkg_open_mem(&p, docx, len, NULL, NULL) != 0)
		goto out;
	ld_buf_init(&b);
	if (ld_part_open(&pt, p, "word/styles.xml", NULL) == 0) {
		while ((n = ld_part_read(pt, tmp, sizeof tmp, NULL)) > 0)
			ld_buf_add(&b, tmp, (size_t)n);
		ld_part_close(pt);
	}
	if (n == 0 && !b.oom && b.len > 0) {
		f->name[0] = '\0';
		styles_font(ld_buf_str(&b), f);
		if (f->name[0] == '\0')
			strcpy(f->name, "Times New Roman");
	}
	ld_buf_free(&b);
	ld_pkg_close(p);
out:
	if (f->half_points < 16 || f->half_points > 48)
		f->half_points = 22;
}

/* ---- the fixed parts --------------------------------------------------- */

static const char types_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Types xmlns=\"" PKG_NS "content-types\"><Default Extension=\"rels\" "
"ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
"<Override PartName=\"/word/document.xml\" ContentType=\"" CT_DOC
"document.main+xml\"/><Override PartName=\"/word/styles.xml\" "
"ContentType=\"" CT_DOC "styles+xml\"/><Override PartName=\"/word/"
"numbering.xml\" ContentType=\"" CT_DOC "numbering+xml\"/><Override "
"PartName=\"/docProps/core.xml\" ContentType=\"application/vnd."
"openxmlformats-package.core-properties+xml\"/></Types>\n";

static const char rels_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"" PKG_NS "relationships\"><Relationship Id=\"rId1\" "
"Type=\"" R_NS "/officeDocument\" Target=\"word/document.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"" PKG_NS "relationships/metadata/"
"core-properties\" Target=\"docProps/core.xml\"/></Relationships>\n";

static const char doc_rels_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"" PKG_NS "relationships\"><Relationship Id=\"rId1\" "
"Type=\"" R_NS "/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" "
"Type=\"" R_NS "/numbering\" Target=\"numbering.xml\"/></Relationships>\n";

/* One bulleted list: an en dash, indented. */
static const char numbering_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<w:numbering xmlns:w=\"" W_NS "\"><w:abstractNum w:abstractNumId=\"0\">"
"<w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start "
"w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\""
"\xe2\x80\x93\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"357\" "
"w:hanging=\"357\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
"<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>\n";

#define HEADING(id, name, size) \
"<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" \
name "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>" \
"<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" " \
"w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"" size "\"/>" \
"</w:rPr></w:style>"

static int
styles_part(ld_docx_parts *op, const struct font *f, int sv)
{
	ld_buf *b = ld_docx_part_add(op, "word/styles.xml");

	if (b == NULL)
		return LDIFF_ENOMEM;
	ld_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:styles xmlns:w=\"" W_NS "\">"
	    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"");
	ld_docx_xml_text(b, f->name, strlen(f->name));
	ld_buf_adds(b, "\" w:hAnsi=\"");
	ld_docx_xml_text(b, f->name, strlen(f->name));
	ld_buf_adds(b, "\" w:cs=\"");
	ld_docx_xml_text(b, f->name, strlen(f->name));
	ld_buf_printf(b, "\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
	    "<w:lang w:val=\"%s\"/></w:rPr></w:rPrDefault><w:pPrDefault>"
	    "<w:pPr><w:spacing w:after=\"80\"/></w:pPr></w:pPrDefault>"
	    "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" "
	    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
	    "</w:style>", f->half_points, f->half_points, sv ? "sv-SE" :
	    "en-GB");
	ld_buf_adds(b, HEADING("Title", "Title", "32") HEADING("Heading2",
	    "heading 2", "26") "<w:style w:type=\"paragraph\" w:styleId="
	    "\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val="
	    "\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
	    "</w:pPr></w:style><w:style w:type=\"table\" w:styleId=\"Table\">"
	    "<w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
	    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/>"
	    "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	    "</w:style></w:styles>\n");
	return b->oom ? LDIFF_ENOMEM : 0;
}

static int
core_part(ld_docx_parts *op, const char *title)
{
	ld_buf *b = ld_docx_part_add(op, "docProps/core.xml");

	if (b == NULL)
		return LDIFF_ENOMEM;
	ld_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"" PKG_NS
	    "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/"
	    "elements/1.1/\"><dc:title>");
	ld_docx_xml_text(b, title, strlen(title));
	ld_buf_adds(b, "</dc:title></cp:coreProperties>\n");
	return b->oom ? LDIFF_ENOMEM : 0;
}

/* ---- runs and paragraphs ------------------------------------------------- */

/* A run of text; how: 0 plain, LD_SEG_DEL struck, LD_SEG_INS underlined,
 * 'b' bold, 'i' italic. */
static void
run(struct xw *w, const char *s, size_t len, int how)
{
	if (len == 0)
		return;
	ld_buf_adds(&w->x, "<w:r>");
	if (how == LD_SEG_DEL)
		ld_buf_adds(&w->x, "<w:rPr><w:strike/></w:rPr>");
	else if (how == LD_SEG_INS)
		ld_buf_adds(&w->x, "<w:rPr><w:u w:val=\"single\"/></w:rPr>");
	else if (how == 'b')
		ld_buf_adds(&w->x, "<w:rPr><w:b/></w:rPr>");
	else if (how == 'i')
		ld_buf_adds(&w->x, "<w:rPr><w:i/></w:rPr>");
	ld_buf_adds(&w->x, "<w:t xml:space=\"preserve\">");
	while (len > 0) {
		const char *tab = memchr(s, '\t', len);
		size_t k = tab != NULL ? (size_t)(tab - s) : len;

		ld_docx_xml_text(&w->x, s, k);
		if (tab == NULL)
			break;
		ld_buf_adds(&w->x, " | ");
		s += k + 1;
		len -= k + 1;
	}
	ld_buf_adds(&w->x, "</w:t></w:r>");
}

static void para(struct xw *w, const char *style, const char *s, int how);

/* A space inside "1 900 000 kr" or "2,5 %": no place for Word to break
 * a line in a sentence of ours. */
static int
binds(const char *s, size_t i)
{
	char a = i > 0 ? s[i - 1] : ' ', b = s[i + 1];

	return a >= '0' && a <= '9' && ((b >= '0' && b <= '9') || b == '%' ||
	    (b == 'k' && s[i + 2] == 'r'));
}

/* A sentence of the paper, its numbers held together by no-break
 * spaces (U+00A0). */
static void
sentence_para(struct xw *w, const char *style, const char *s, int how)
{
	ld_buf t;
	size_t i;

	ld_buf_init(&t);
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == ' ' && binds(s, i))
			ld_buf_adds(&t, "\xc2\xa0");
		else
			ld_buf_addc(&t, s[i]);
	}
	para(w, style, ld_buf_str(&t), how);
	if (t.oom)
		w->x.oom = 1;
	ld_buf_free(&t);
}

static void
para(struct xw *w, const char *style, const char *s, int how)
{
	ld_buf_adds(&w->x, "<w:p>");
	if (style != NULL)
		ld_buf_printf(&w->x, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
		    style);
	run(w, s, strlen(s), how);
	ld_buf_adds(&w->x, "</w:p>");
}

/* ---- the parallel layout --------------------------------------------------- */

static void
cell_open(struct xw *w, int span)
{
	ld_buf_printf(&w->x, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>",
	    span * COL_W);
	if (span > 1)
		ld_buf_printf(&w->x, "<w:gridSpan w:val=\"%d\"/>", span);
	ld_buf_adds(&w->x, "</w:tcPr>");
}

/* The clauses of a cell, a paragraph each, the number first. */
/* A run of the agreement's text with the spaces inside its amounts
 * ("1 900 000", "500 000 kr") made no-break spaces, as the paper's own
 * sentences have them; before: the last character of the run before. */
static void
bound_run(struct xw *w, const char *s, size_t len, int how, char before)
{
	ld_buf t;
	size_t i;

	ld_buf_init(&t);
	for (i = 0; i < len; i++) {
		char a = i > 0 ? s[i - 1] : before;
		char b = i + 1 < len ? s[i + 1] : '\0';
		char c = i + 2 < len ? s[i + 2] : '\0';

		if (s[i] == ' ' && a >= '0' && a <= '9' && ((b >= '0' &&
		    b <= '9') || b == '%' || (b == 'k' && c == 'r')))
			ld_buf_adds(&t, "\xc2\xa0");
		else
			ld_buf_addc(&t, s[i]);
	}
	run(w, ld_buf_str(&t), t.len, how);
	if (t.oom)
		w->x.oom = 1;
	ld_buf_free(&t);
}

static void
cell_paras(struct xw *w, const ld_cell *c, const char *num)
{
	size_t i;
	char last = ' ';

	ld_buf_adds(&w->x, "<w:p>");
	if (num[0] != '\0') {
		run(w, num, strlen(num), 0);
		run(w, " ", 1, 0);
	}
	for (i = 0; i < c->n; i++) {
		const ld_seg *g = &c->seg[i];

		if (g->kind != LD_SEG_BREAK) {
			bound_run(w, g->s, g->len, g->kind == LD_SEG_TEXT ? 0 :
			    g->kind, last);
			if (g->len > 0)
				last = g->s[g->len - 1];
			continue;
		}
		ld_buf_adds(&w->x, "</w:p><w:p>");
		if (g->len > 0) {
			run(w, g->s, g->len, 0);
			run(w, " ", 1, 0);
		}
	}
	ld_buf_adds(&w->x, "</w:p>");
}

static void
side_cell(struct xw *w, const ld_prow *r, int new_side)
{
	const ld_cell *c = new_side ? &r->new : &r->old;

	cell_open(w, 1);
	if (new_side && c->empty)
		para(w, NULL, ld_paper_label(P_DELETED_CELL, w->sv), 'i');
	else if (c->empty)
		para(w, NULL, "", 0);
	else
		cell_paras(w, c, new_side ? r->new_num : r->old_num);
	if (new_side && ld_paper_has_note(r)) {
		ld_buf t;

		ld_buf_init(&t);
		ld_paper_moved_note(&t, r, w->sv);
		para(w, NULL, ld_buf_str(&t), 'i');
		ld_buf_free(&t);
	}
	ld_buf_adds(&w->x, "</w:tc>");
}

static void
table_open(struct xw *w)
{
	ld_buf_printf(&w->x, "<w:tbl><w:tblPr><w:tblStyle w:val=\"Table\"/>"
	    "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
	    "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
	    "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" "
	    "w:noVBand=\"1\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/>"
	    "<w:gridCol w:w=\"%d\"/></w:tblGrid>", 2 * COL_W, COL_W, COL_W);
	ld_buf_adds(&w->x, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
	    "</w:trPr>");
	cell_open(w, 1);
	para(w, NULL, ld_paper_label(P_OLD_COL, w->sv), 'b');
	ld_buf_adds(&w->x, "</w:tc>");
	cell_open(w, 1);
	para(w, NULL, ld_paper_label(P_NEW_COL, w->sv), 'b');
	ld_buf_adds(&w->x, "</w:tc></w:tr>");
}

static int
parallel_pair(struct xw *w, size_t pair)
{
	ld_prow *rows;
	ld_psummary sum;
	size_t n, i;
	int r;

	if ((r = ld_paper_rows(w->d, pair, ld_paper_how(&w->o), &rows,
	    &n)) != 0)
		return r;
	if ((r = ld_paper_summary(w->d, pair, w->sv, w->o.hide, &sum)) != 0) {
		ld_paper_rows_free(rows, n);
		return r;
	}
	table_open(w);
	for (i = 0; i < n; i++) {
		ld_buf_adds(&w->x, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		side_cell(w, &rows[i], 0);
		side_cell(w, &rows[i], 1);
		ld_buf_adds(&w->x, "</w:tr>");
	}
	if (sum.minor != NULL) {
		ld_buf_adds(&w->x, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		cell_open(w, 2);
		sentence_para(w, NULL, sum.minor, 'i');
		ld_buf_adds(&w->x, "</w:tc></w:tr>");
	}
	ld_buf_adds(&w->x, "</w:tbl>");
	ld_paper_rows_free(rows, n);
	ld_paper_summary_free(&sum);
	return 0;
}

/* ---- the list of changes --------------------------------------------------- */

static int
summary_pair(struct xw *w, size_t pair)
{
	ld_psummary sum;
	size_t i, k;
	int r = ld_paper_summary(w->d, pair, w->sv, w->o.hide, &sum);

	if (r != 0)
		return r;
	for (i = 0; i < sum.n; i++) {
		para(w, "Heading2", sum.g[i].heading, 0);
		for (k = 0; k < sum.g[i].n; k++)
			sentence_para(w, "ListBullet", sum.g[i].sent[k], 0);
	}
	if (sum.n == 0)
		para(w, NULL, ld_paper_label(P_NO_CHANGES, w->sv), 0);
	ld_paper_summary_free(&sum);
	return 0;
}

/* ---- the package ----------------------------------------------------------- */

static int
document(struct xw *w, ldiff_paper paper)
{
	size_t first, last, p;
	int r = 0;

	ld_buf_adds(&w->x, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:document xmlns:w=\"" W_NS "\" "
	    "xmlns:r=\"" R_NS "\"><w:body>");
	ld_paper_pairs(w->d, w->o.all_pairs, &first, &last);
	for (p = first; p <= last && r == 0; p++) {
		ld_buf t;

		ld_buf_init(&t);
		ld_paper_title(&t, w->d, p, paper == LDIFF_PAPER_PARALLEL ?
		    P_PARALLEL : P_SUMMARY, w->sv);
		para(w, "Title", ld_buf_str(&t), 0);
		ld_buf_free(&t);
		r = paper == LDIFF_PAPER_PARALLEL ? parallel_pair(w, p) :
		    summary_pair(w, p);
		/* Word wants a paragraph between two tables and after one */
		ld_buf_adds(&w->x, "<w:p/>");
	}
	ld_buf_printf(&w->x, "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
	    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" "
	    "w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>"
	    "</w:body></w:document>\n", PAGE_W, PAGE_H, MARGIN, MARGIN, MARGIN,
	    MARGIN);
	return r != 0 ? r : w->x.oom ? LDIFF_ENOMEM : 0;
}

static int
build(struct xw *w, ldiff_paper paper, const struct font *f, FILE *out,
    ldiff_error *err)
{
	ld_docx_parts op;
	ld_buf t, *doc;
	int r;

	memset(&op, 0, sizeof op);
	ld_buf_init(&t);
	if (w->o.title != NULL)
		ld_buf_adds(&t, w->o.title);
	else
		ld_paper_title(&t, w->d, ldiff_diff_versions(w->d) - 2,
		    paper == LDIFF_PAPER_PARALLEL ? P_PARALLEL : P_SUMMARY,
		    w->sv);
	r = ld_docx_part_adds(&op, "[Content_Types].xml", types_xml);
	if (r == 0)
		r = ld_docx_part_adds(&op, "_rels/.rels", rels_xml);
	if (r == 0)
		r = ld_docx_part_adds(&op, "word/_rels/document.xml.rels",
		    doc_rels_xml);
	if (r == 0)
		r = ld_docx_part_adds(&op, "word/numbering.xml", numbering_xml);
	if (r == 0)
		r = styles_part(&op, f, w->sv);
	if (r == 0)
		r = core_part(&op, ld_buf_str(&t));
	if (r == 0)
		r = document(w, paper);
	if (r == 0 && (doc = ld_docx_part_add(&op, "word/document.xml")) ==
	    NULL)
		r = LDIFF_ENOMEM;
	if (r == 0) {
		*doc = w->x;	/* the parts own it now */
		ld_buf_init(&w->x);
		r = ld_docx_write_zip(&op, out, err);
	} else
		ld_error(err, r, NULL);
	ld_docx_parts_free(&op);
	ld_buf_free(&t);
	return r;
}

int
ldiff_render_paper_docx(const ldiff_diff *d, ldiff_paper paper,
    const void *new_docx, size_t new_len, FILE *out,
    const ldiff_render_opts *o, ldiff_error *err)
{
	struct xw w;
	struct font f;
	int r;

	if (d == NULL || out == NULL || ldiff_diff_versions(d) < 2 ||
	    (unsigned)paper > LDIFF_PAPER_SUMMARY ||
	    (o != NULL && ld_check_render_opts(o) != 0))
		return ld_error(err, LDIFF_EINVAL, NULL);
	memset(&w, 0, sizeof w);
	ld_render_opts_full(o, &w.o);
	w.d = d;
	w.sv = ld_paper_swedish(&w.o);
	ld_buf_init(&w.x);
	body_font(new_docx, new_len, &f);
	r = build(&w, paper, &f, out, err);
	ld_buf_free(&w.x);
	if (r == 0 && (fflush(out) != 0 || ferror(out)))
		r = ld_error(err, LDIFF_EIO, NULL);
	return r;
}
