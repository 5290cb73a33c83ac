/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf/load.c - a PDF's text as lines with box and font, page by page,
 * through poppler-glib.
 *
 * poppler already puts the glyphs in reading order (its text layout finds
 * columns and blocks) and gives one box per character of that text, and
 * font attributes per range of characters.  This file pairs them up and
 * turns poppler's lines into ld_pdf_line: cut where a gap is too wide to
 * be a space (table columns, a list label's tab), raised small digits
 * taken off as footnote marks, and put together again where poppler split
 * one baseline into several lines (the cells of a table row).
 *
 * poppler has no allocation hooks, so its memory cannot be capped from
 * here; what can be bounded is bounded before the work is done: what the
 * streams inflate to and how deep the syntax nests (scan.c, before
 * poppler sees the bytes), the page count (limits.max_pages) before any
 * page is parsed, and the text kept (limits.max_total_bytes) page by
 * page.  poppler keeps global state (its
 * GlobalParams, font caches), so documents are read one at a time even
 * when kldiff reads its versions in threads.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include <poppler.h>

#include "pdf/pdf.h"

/* A raised digit this much smaller than its line is a footnote mark. */
#define SUP_RATIO 0.8
/* A gap this many font sizes wide separates two cells, never two words. */
#define CELL_GAP 1.8

typedef struct glyph {
	const char *p;		/* its UTF-8 bytes in the page text */
	int nb;
	double x0, y0, x1, y1;
	double size;
	int bold;
	const char *font;	/* poppler's, valid while the page is */
	int sup;		/* a raised footnote digit */
} glyph;

static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

/* Faces whose name says bold: "Arial-BoldMT", "DejaVuSans-Bold",
 * "Calibri,Bold", "Garamond-Semibold". */
static int
bold_face(const char *name)
{
	static const char *const marks[] = { "Bold", "bold", "Black",
	    "Heavy", "Semibold", "SemiBold", "Demi" };
	size_t i;

	for (i = 0; name != NULL && i < sizeof marks / sizeof marks[0]; i++)
		if (strstr(name, marks[i]) != NULL)
			return 1;
	return 0;
}

static int
is_space(const glyph *g)
{
	return g->nb == 1 && (*g->p == ' ' || *g->p == '\t');
}

static int
is_digit(const glyph *g)
{
	return g->nb == 1 && *g->p >= '0' && *g->p <= '9';
}

/* The font size most of the glyphs have (in half points), and whether
 * most are bold. */
static double
modal_size(const glyph *g, size_t n, int *bold)
{
	int count[200] = { 0 };
	size_t i, nbold = 0, nink = 0;
	int best = 0, k;

	for (i = 0; i < n; i++) {
		if (is_space(&g[i]))
			continue;
		k = (int)(g[i].size * 2 + 0.5);
		count[k < 0 ? 0 : k > 199 ? 199 : k]++;
		nbold += g[i].bold != 0;
		nink++;
	}
	for (k = 1; k < 200; k++)
		if (count[k] > count[best])
			best = k;
	*bold = nink > 0 && nbold * 2 > nink;
	return best / 2.0;
}

/* Mark raised digits set smaller than the line: "länet.¹" */
static void
mark_superscripts(glyph *g, size_t n, double size)
{
	double base = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_space(&g[i]) && g[i].size >= size * SUP_RATIO &&
		    g[i].y1 > base)
			base = g[i].y1;
	for (i = 0; i < n; i++)
		g[i].sup = is_digit(&g[i]) && g[i].size < size * SUP_RATIO &&
		    g[i].y1 < base - 0.15 * size;
}

/* Ligatures out ("ﬁ" -> "fi"): the words must match the .docx's. */
static int
add_glyph_text(ld_buf *b, const glyph *g)
{
	static const char *const lig[] = { "ff", "fi", "fl", "ffi", "ffl",
	    "ft", "st" };
	int32_t cp;

	ld_utf8_decode(g->p, (size_t)g->nb, &cp);
	if (cp >= 0xFB00 && cp <= 0xFB06)
		return ld_buf_adds(b, lig[cp - 0xFB00]);
	if (cp < 0)
		return ld_buf_add(b, "\xEF\xBF\xBD", 3);
	return ld_buf_add(b, g->p, (size_t)g->nb);
}

typedef struct line_builder {
	ld_arena *arena;
	ld_buf cell, refs;
	ld_pdf_cell cells[64];
	size_t ncells;
	double cx0, cx1;
	int open;		/* a cell has text */
} line_builder;

static int
end_cell(line_builder *lb)
{
	if (!lb->open)
		return 0;
	if (lb->ncells == sizeof lb->cells / sizeof lb->cells[0]) {
		/* More columns than a table has: the rest is one cell. */
		lb->ncells--;
	}
	lb->cells[lb->ncells].text = ld_arena_strdup(lb->arena,
	    ld_buf_str(&lb->cell));
	lb->cells[lb->ncells].x0 = lb->cx0;
	lb->cells[lb->ncells].x1 = lb->cx1;
	if (lb->cells[lb->ncells].text == NULL)
		return LDIFF_ENOMEM;
	lb->ncells++;
	ld_buf_reset(&lb->cell);
	lb->open = 0;
	return 0;
}

/* The footnote number of the raised digits g[*i...], consumed. */
static long
take_number(const glyph *g, size_t n, size_t *i)
{
	long v = 0;

	for (; *i < n && g[*i].sup; (*i)++)
		if (v < 100000)
			v = v * 10 + (*g[*i].p - '0');
	(*i)--;
	return v;
}

/* The cells of g[0..n): text between wide gaps, spaces squeezed. */
static int
build_cells(line_builder *lb, const glyph *g, size_t n, double size,
    long *mark)
{
	double last_x1 = 0;
	int space = 0, r;
	size_t i;

	for (i = 0; i < n; i++) {
		if (g[i].sup) {
			long v = take_number(g, n, &i);

			if (lb->ncells == 0 && !lb->open)
				*mark = v;
			else if (ld_buf_printf(&lb->refs, "%sfn:%ld",
			    lb->refs.len ? " " : "", v) != 0)
				return LDIFF_ENOMEM;
			continue;
		}
		if (is_space(&g[i])) {
			space = 1;
			continue;
		}
		if (lb->open && g[i].x0 - last_x1 > CELL_GAP * size) {
			if ((r = end_cell(lb)) != 0)
				return r;
		} else if (lb->open && space) {
			ld_buf_addc(&lb->cell, ' ');
		}
		if (!lb->open)
			lb->cx0 = g[i].x0;
		lb->open = 1;
		space = 0;
		if (add_glyph_text(&lb->cell, &g[i]) != 0)
			return LDIFF_ENOMEM;
		lb->cx1 = last_x1 = g[i].x1;
	}
	r = end_cell(lb);
	return r != 0 ? r : lb->cell.oom || lb->refs.oom ? LDIFF_ENOMEM : 0;
}

static ld_pdf_line *
page_push(ld_pdf_page *pg, size_t *cap)
{
	ld_pdf_line *v = pg->lines;

	if (pg->n == *cap && (v = ld_grow(v, cap, 64, sizeof *v)) == NULL)
		return NULL;
	pg->lines = v;
	memset(&v[pg->n], 0, sizeof v[0]);
	return &v[pg->n++];
}

static int
join_text(ld_arena *a, ld_pdf_line *ln)
{
	ld_buf b;
	size_t i;
	int r = 0;

	ld_buf_init(&b);
	for (i = 0; i < ln->ncells; i++) {
		if (i > 0)
			ld_buf_addc(&b, ' ');
		ld_buf_adds(&b, ln->cells[i].text);
	}
	ln->text = ld_arena_strdup(a, ld_buf_str(&b));
	if (b.oom || ln->text == NULL)
		r = LDIFF_ENOMEM;
	ld_buf_free(&b);
	return r;
}

/* The width of the first word (a label, or what a line above could
 * have held), and its face. */
static double
first_word(const glyph *g, size_t n, const char **font)
{
	size_t i = 0;
	double x0;

	while (i < n && (is_space(&g[i]) || g[i].sup))
		i++;
	if (i == n)
		return 0;
	x0 = g[i].x0;
	*font = g[i].font;
	while (i + 1 < n && !is_space(&g[i + 1]))
		i++;
	return g[i].x1 - x0;
}

/* Faces are few: one copy each in the arena, compared by pointer. */
static const char *
intern_font(ld_pdf *pdf, const char *name)
{
	size_t i;

	if (name == NULL)
		name = "";
	for (i = 0; i < pdf->nfonts; i++)
		if (strcmp(pdf->fonts[i], name) == 0)
			return pdf->fonts[i];
	if (pdf->nfonts == sizeof pdf->fonts / sizeof pdf->fonts[0])
		return "";
	pdf->fonts[pdf->nfonts] = ld_arena_strdup(pdf->arena, name);
	return pdf->fonts[pdf->nfonts] != NULL ? pdf->fonts[pdf->nfonts++] :
	    NULL;
}

/* One line of poppler's, g[0..n), appended to pg unless blank. */
static int
add_line(ld_pdf *pdf, ld_pdf_page *pg, size_t *cap, line_builder *lb,
    glyph *g, size_t n)
{
	ld_pdf_line *ln;
	long mark = 0;
	size_t i;
	int bold, r;
	double size = modal_size(g, n, &bold);

	if (size <= 0)
		return 0;
	mark_superscripts(g, n, size);
	lb->ncells = 0;
	lb->open = 0;
	ld_buf_reset(&lb->cell);
	ld_buf_reset(&lb->refs);
	if ((r = build_cells(lb, g, n, size, &mark)) != 0)
		return r;
	if (lb->ncells == 0 && mark == 0)
		return 0;
	if ((ln = page_push(pg, cap)) == NULL)
		return LDIFF_ENOMEM;
	ln->size = size;
	ln->bold = bold;
	ln->first_w = first_word(g, n, &ln->font);
	if ((ln->font = intern_font(pdf, ln->font)) == NULL)
		return LDIFF_ENOMEM;
	ln->note_mark = (int)mark;
	ln->x0 = ln->y0 = 1e9;
	for (i = 0; i < n; i++) {
		if (is_space(&g[i]))
			continue;
		ln->x0 = g[i].x0 < ln->x0 ? g[i].x0 : ln->x0;
		ln->y0 = g[i].y0 < ln->y0 ? g[i].y0 : ln->y0;
		ln->x1 = g[i].x1 > ln->x1 ? g[i].x1 : ln->x1;
		ln->y1 = g[i].y1 > ln->y1 ? g[i].y1 : ln->y1;
	}
	ln->ncells = lb->ncells;
	ln->cells = ld_arena_alloc(pdf->arena, (lb->ncells + 1) *
	    sizeof *ln->cells);
	ln->refs = ld_arena_strdup(pdf->arena, ld_buf_str(&lb->refs));
	if (ln->cells == NULL || ln->refs == NULL)
		return LDIFF_ENOMEM;
	memcpy(ln->cells, lb->cells, lb->ncells * sizeof *ln->cells);
	if ((r = join_text(pdf->arena, ln)) != 0)
		return r;
	pdf->text_bytes += strlen(ln->text) + 1;
	return 0;
}

/* Same baseline, side by side: two cells of one table row that poppler
 * gave as two lines. */
static int
same_row(const ld_pdf_line *a, const ld_pdf_line *b)
{
	double top = a->y0 > b->y0 ? a->y0 : b->y0;
	double bottom = a->y1 < b->y1 ? a->y1 : b->y1;
	double ha = a->y1 - a->y0, hb = b->y1 - b->y0;

	double big = a->size > b->size ? a->size : b->size;

	/* A note's small mark beside its text is left for furniture.c. */
	if (fabs(a->size - b->size) > 0.2 * big)
		return 0;
	return a->note_mark == 0 && b->note_mark == 0 &&
	    bottom - top > 0.6 * (ha < hb ? ha : hb) &&
	    (b->x0 >= a->x1 || b->x1 <= a->x0);
}

/* Append b's cells to a (or put them before, when b is left of a). */
static int
merge_row(ld_arena *ar, ld_pdf_line *a, const ld_pdf_line *b)
{
	size_t n = a->ncells + b->ncells;
	ld_pdf_cell *v = ld_arena_alloc(ar, (n + 1) * sizeof *v);
	const ld_pdf_line *first = b->x1 <= a->x0 ? b : a;
	const ld_pdf_line *second = first == a ? b : a;

	if (v == NULL)
		return LDIFF_ENOMEM;
	memcpy(v, first->cells, first->ncells * sizeof *v);
	memcpy(v + first->ncells, second->cells, second->ncells * sizeof *v);
	a->cells = v;
	a->ncells = n;
	a->x0 = a->x0 < b->x0 ? a->x0 : b->x0;
	a->x1 = a->x1 > b->x1 ? a->x1 : b->x1;
	a->y0 = a->y0 < b->y0 ? a->y0 : b->y0;
	a->y1 = a->y1 > b->y1 ? a->y1 : b->y1;
	if (*b->refs != '\0')
		a->refs = ld_arena_printf(ar, "%s%s%s", a->refs,
		    *a->refs ? " " : "", b->refs);
	return a->refs == NULL ? LDIFF_ENOMEM : join_text(ar, a);
}

/* A cell, not a column of text: narrower than this share of the page. */
#define CELL_WIDTH 0.4
/* How far ahead a cell of the same row is looked for: poppler reads a
 * table's columns as blocks, so the row's next cell comes after the
 * column's other cells. */
#define ROW_LOOKAHEAD 40

static int
narrow(const ld_pdf_page *pg, const ld_pdf_line *ln)
{
	return ln->x1 - ln->x0 < pg->width * CELL_WIDTH;
}

/* The lines that share line i's baseline, merged into it; the lines
 * merged are emptied (ncells 0).  Next to each other in poppler's order
 * any two are merged; further apart only narrow ones, never two columns
 * of running text that happen to share baselines. */
static int
gather_row(ld_arena *ar, ld_pdf_page *pg, size_t i)
{
	ld_pdf_line *a = &pg->lines[i];
	size_t j, end = i + ROW_LOOKAHEAD < pg->n ? i + ROW_LOOKAHEAD : pg->n;
	int r;

	for (j = i + 1; j < end; j++) {
		ld_pdf_line *b = &pg->lines[j];

		if (b->ncells == 0 || !same_row(a, b))
			continue;
		if (j > i + 1 && !(narrow(pg, a) && narrow(pg, b)))
			continue;
		if ((r = merge_row(ar, a, b)) != 0)
			return r;
		b->ncells = 0;
	}
	return 0;
}

static int
merge_rows(ld_arena *ar, ld_pdf_page *pg)
{
	size_t i, out = 0;
	int r;

	for (i = 0; i < pg->n; i++)
		if (pg->lines[i].ncells > 0 &&
		    (r = gather_row(ar, pg, i)) != 0)
			return r;
	for (i = 0; i < pg->n; i++)
		if (pg->lines[i].ncells > 0 || pg->lines[i].note_mark != 0)
			pg->lines[out++] = pg->lines[i];
	pg->n = out;
	return 0;
}

/* The glyphs of a page: poppler's text, its boxes, its font ranges. */
static glyph *
page_glyphs(const char *text, const PopplerRectangle *rect, guint nrect,
    GList *attrs, size_t *n)
{
	size_t cap = (size_t)g_utf8_strlen(text, -1), i = 0;
	glyph *g = ld_calloc(cap + 1, sizeof *g);
	const char *p = text;

	if (g == NULL)
		return NULL;
	for (; *p != '\0' && i < cap; i++) {
		const char *next = g_utf8_next_char(p);
		PopplerTextAttributes *at;

		while (attrs != NULL &&
		    ((PopplerTextAttributes *)attrs->data)->end_index < (int)i)
			attrs = attrs->next;
		at = attrs != NULL ? attrs->data : NULL;
		g[i].p = p;
		g[i].nb = (int)(next - p);
		if (i < nrect) {
			g[i].x0 = rect[i].x1;
			g[i].y0 = rect[i].y1;
			g[i].x1 = rect[i].x2;
			g[i].y1 = rect[i].y2;
		}
		if (at != NULL && at->start_index <= (int)i) {
			g[i].size = at->font_size;
			g[i].bold = bold_face(at->font_name);
			g[i].font = at->font_name;
		}
		p = next;
	}
	*n = i;
	return g;
}

/* Does glyph g start another baseline than the full-size glyph last
 * (poppler may put two rows of a table on one line)?  Small glyphs are
 * left out: a raised footnote mark stays on its line. */
static int
new_baseline(const glyph *g, const glyph *last)
{
	if (last == NULL || is_space(g) || g->size < last->size * SUP_RATIO)
		return 0;
	return fabs(g->y1 - last->y1) > 0.6 * last->size;
}

static int
split_lines(ld_pdf *pdf, ld_pdf_page *pg, glyph *g, size_t n)
{
	line_builder lb = { 0 };
	const glyph *last = NULL;
	size_t start = 0, i, cap = 0;
	int r = 0;

	lb.arena = pdf->arena;
	ld_buf_init(&lb.cell);
	ld_buf_init(&lb.refs);
	for (i = 0; i <= n && r == 0; i++) {
		int eol = i == n || (g[i].nb == 1 && *g[i].p == '\n');

		if (!eol && !new_baseline(&g[i], last)) {
			if (!is_space(&g[i]) && (last == NULL ||
			    g[i].size >= last->size * SUP_RATIO))
				last = &g[i];
			continue;
		}
		r = add_line(pdf, pg, &cap, &lb, g + start, i - start);
		start = eol ? i + 1 : i;
		last = eol ? NULL : &g[i];
	}
	ld_buf_free(&lb.cell);
	ld_buf_free(&lb.refs);
	return r != 0 ? r : merge_rows(pdf->arena, pg);
}

static int
load_page(ld_pdf *pdf, PopplerPage *page, ld_pdf_page *pg)
{
	PopplerRectangle *rect = NULL;
	guint nrect = 0;
	GList *attrs;
	char *text;
	glyph *g;
	size_t n = 0;
	int r;

	poppler_page_get_size(page, &pg->width, &pg->height);
	text = poppler_page_get_text(page);
	if (text == NULL)
		return 0;
	if (!poppler_page_get_text_layout(page, &rect, &nrect))
		nrect = 0;
	attrs = poppler_page_get_text_attributes(page);
	g = page_glyphs(text, rect, nrect, attrs, &n);
	r = g == NULL ? LDIFF_ENOMEM : split_lines(pdf, pg, g, n);
	ld_free(g);
	poppler_page_free_text_attributes(attrs);
	g_free(rect);
	g_free(text);
	return r;
}

/* The face of the body text: the face most lines open with. */
static const char *
body_font(const ld_pdf *pdf)
{
	size_t count[sizeof pdf->fonts / sizeof pdf->fonts[0]] = { 0 };
	size_t p, i, f, best = 0;

	for (p = 0; p < pdf->npages; p++)
		for (i = 0; i < pdf->pages[p].n; i++)
			for (f = 0; f < pdf->nfonts; f++)
				if (pdf->pages[p].lines[i].font == pdf->fonts[f])
					count[f] += strlen(
					    pdf->pages[p].lines[i].text);
	for (f = 1; f < pdf->nfonts; f++)
		if (count[f] > count[best])
			best = f;
	return pdf->nfonts > 0 ? pdf->fonts[best] : "";
}

/* The size of the body text: the font size of most glyphs. */
static double
body_size(const ld_pdf *pdf)
{
	double weight[200] = { 0 };
	size_t p, i;
	int k, best = 0;

	for (p = 0; p < pdf->npages; p++)
		for (i = 0; i < pdf->pages[p].n; i++) {
			const ld_pdf_line *ln = &pdf->pages[p].lines[i];

			k = (int)(ln->size * 2 + 0.5);
			weight[k < 0 ? 0 : k > 199 ? 199 : k] +=
			    (double)strlen(ln->text);
		}
	for (k = 1; k < 200; k++)
		if (weight[k] > weight[best])
			best = k;
	return best / 2.0;
}

static int
open_document(PopplerDocument **doc, GBytes *bytes, ldiff_error *err)
{
	GError *ge = NULL;
	int r;

	*doc = poppler_document_new_from_bytes(bytes, NULL, &ge);
	if (*doc != NULL)
		return 0;
	if (ge != NULL && g_error_matches(ge, POPPLER_ERROR,
	    POPPLER_ERROR_ENCRYPTED))
		r = ld_error(err, LDIFF_EENCRYPTED, _("an encrypted PDF: "
		    "open it with its password and save it without one"));
	else
		r = ld_error(err, LDIFF_EPDF, _("a damaged PDF (%s)"),
		    ge != NULL ? ge->message : "unknown");
	if (ge != NULL)
		g_error_free(ge);
	return r;
}

static int
load_pages(ld_pdf *pdf, PopplerDocument *doc, const ldiff_limits *lim,
    ldiff_error *err)
{
	int n = poppler_document_get_n_pages(doc), i, r;
	size_t max_pages = lim->version >= 2 ? lim->max_pages : LD_MAX_PAGES;

	if (n <= 0)
		return ld_error(err, LDIFF_EPDF, _("no page of the PDF can be read"));
	if ((size_t)n > max_pages)
		return ld_error(err, LDIFF_ELIMIT, _("%d pages exceed "
		    "--max-pages (%zu)"), n, max_pages);
	pdf->pages = ld_calloc((size_t)n, sizeof *pdf->pages);
	if (pdf->pages == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	for (i = 0; i < n; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);

		if (page == NULL)
			return ld_error(err, LDIFF_EPDF,
			    _("page %d cannot be read"), i + 1);
		r = load_page(pdf, page, &pdf->pages[i]);
		g_object_unref(page);
		pdf->npages = (size_t)i + 1;
		if (r != 0)
			return ld_error(err, r, NULL);
		if (pdf->text_bytes > lim->max_total_bytes)
			return ld_error(err, LDIFF_ELIMIT, _("text of %d pages "
			    "exceeds --max-total-size"), i + 1);
	}
	return 0;
}

int
ld_pdf_load(ld_pdf *pdf, const void *data, size_t len,
    const ldiff_limits *lim, ldiff_error *err)
{
	PopplerDocument *doc = NULL;
	GBytes *bytes;
	int r;

	memset(pdf, 0, sizeof *pdf);
	if ((pdf->arena = ld_arena_new()) == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	if (len > INT32_MAX)
		return ld_error(err, LDIFF_ELIMIT, _("a PDF over 2 GiB"));
	if ((r = ld_pdf_scan(data, len, lim, err)) != 0)
		return r;
	bytes = g_bytes_new_static(data, len);
	pthread_mutex_lock(&poppler_lock);
	r = open_document(&doc, bytes, err);
	if (r == 0)
		r = load_pages(pdf, doc, lim, err);
	if (doc != NULL)
		g_object_unref(doc);
	pthread_mutex_unlock(&poppler_lock);
	g_bytes_unref(bytes);
	if (r == 0 && pdf->text_bytes == 0)
		r = ld_error(err, LDIFF_ENOTEXT, _("no text layer: run OCR "
		    "first, e.g. ocrmypdf"));
	pdf->body_size = r == 0 ? body_size(pdf) : 0;
	pdf->body_font = r == 0 ? body_font(pdf) : "";
	return r;
}

void
ld_pdf_free(ld_pdf *pdf)
{
	size_t i;

	for (i = 0; i < pdf->npages; i++)
		ld_free(pdf->pages[i].lines);
	ld_free(pdf->pages);
	ld_arena_free(pdf->arena);
	memset(pdf, 0, sizeof *pdf);
}
