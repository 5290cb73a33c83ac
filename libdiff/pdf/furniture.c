/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf/furniture.c - what is on the pages but not in the agreement:
 * running headers and footers, page numbers, and footnotes.
 *
 * A running header is the same text at the same height on most pages;
 * "Sida 3 av 12" and "Sida 4 av 12" are the same once digits are folded.
 * So a line near the top or the bottom of a page is furniture when its
 * folded text recurs at that height on at least half the pages (two at
 * least), and a page number ("Sida N av M", "N (M)", a bare number) is
 * furniture near the top or bottom even on a one-page document.  The
 * agreement's title repeated as a running header stays in the body on
 * page one: it stands lower there.
 *
 * Footnotes are the foot of a page from the mark of a note the page
 * refers to (a raised number in the body, "länet.¹"): not the font size,
 * which Word and LibreOffice styles may leave at the body's.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>

#include "pdf/pdf.h"

/* Header and footer bands: this share of the page at the top and bottom. */
#define BAND 0.14
/* Two lines are at the same height within this many points. */
#define SAME_Y 4.0
/* A note's mark alone on its line is set at most this share of the body
 * size. */
#define NOTE_RATIO 0.8

/* The text with every run of digits as '#', letters lowercased (ASCII),
 * spaces squeezed, into buf. */
void
ld_pdf_shape(const char *s, char *buf, size_t size)
{
	size_t o = 0;

	for (; *s != '\0' && o + 2 < size; s++) {
		if (isdigit((unsigned char)*s)) {
			while (isdigit((unsigned char)s[1]))
				s++;
			buf[o++] = '#';
		} else if (*s == ' ') {
			if (o > 0 && buf[o - 1] != ' ')
				buf[o++] = ' ';
		} else {
			buf[o++] = (char)tolower((unsigned char)*s);
		}
	}
	while (o > 0 && buf[o - 1] == ' ')
		o--;
	buf[o] = '\0';
}

int
ld_pdf_is_page_number(const char *s)
{
	static const char *const shapes[] = {
		"#", "- # -", "– # –", "— # —", "# (#)", "#/#", "# / #",
		"# av #", "sida #", "sida # av #", "sida # (#)", "sid. #",
		"s. #", "page #", "page # of #", "# of #", "[#]"
	};
	char buf[64];
	size_t i;

	ld_pdf_shape(s, buf, sizeof buf);
	for (i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
		if (strcmp(buf, shapes[i]) == 0)
			return 1;
	return 0;
}

static int
in_top_band(const ld_pdf_page *pg, const ld_pdf_line *ln)
{
	return ln->y1 < pg->height * BAND;
}

static int
in_bottom_band(const ld_pdf_page *pg, const ld_pdf_line *ln)
{
	return ln->y0 > pg->height * (1 - BAND);
}

/* A line in the header or footer band: its shape, and its height in
 * SAME_Y steps.  Sorted, equal shapes at equal heights stand together,
 * and how many pages have one is counted once for all: a document of
 * many pages costs n log n, not n squared. */
typedef struct band_line {
	char *shape;
	long step;
	size_t page;
	ld_pdf_line *ln;
	size_t pages;		/* pages with this shape at this step */
} band_line;

static int
by_shape(const void *a, const void *b)
{
	const band_line *x = a, *y = b;
	int c = strcmp(x->shape, y->shape);

	if (c != 0)
		return c;
	if (x->step != y->step)
		return x->step < y->step ? -1 : 1;
	return x->page < y->page ? -1 : x->page > y->page;
}

/* Pages with the shape of v[i] at its step: counted over its group. */
static void
count_pages(band_line *v, size_t n)
{
	size_t i = 0, j, k, pages;

	while (i < n) {
		pages = 1;
		for (j = i + 1; j < n && v[j].step == v[i].step &&
		    strcmp(v[j].shape, v[i].shape) == 0; j++)
			pages += v[j].page != v[j - 1].page;
		for (k = i; k < j; k++)
			v[k].pages = pages;
		i = j;
	}
}

/* Pages at step `step` with `shape`, found by bisection. */
static size_t
pages_at(const band_line *v, size_t n, const char *shape, long step)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(v[mid].shape, shape);

		if (c < 0 || (c == 0 && v[mid].step < step))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].step == step && strcmp(v[lo].shape,
	    shape) == 0 ? v[lo].pages : 0;
}

/* The lines of every page's bands, sorted and counted. */
static int
band_lines(ld_pdf *pdf, band_line **out, size_t *n)
{
	band_line *v = NULL;
	size_t cap = 0, p, i;
	char buf[256];

	*n = 0;
	for (p = 0; p < pdf->npages; p++)
		for (i = 0; i < pdf->pages[p].n; i++) {
			ld_pdf_page *pg = &pdf->pages[p];
			ld_pdf_line *ln = &pg->lines[i];

			if (!in_top_band(pg, ln) && !in_bottom_band(pg, ln))
				continue;
			if (*n == cap) {
				band_line *g = ld_grow(v, &cap, 64, sizeof *g);

				if (g == NULL) {
					ld_free(v);
					return LDIFF_ENOMEM;
				}
				v = g;
			}
			ld_pdf_shape(ln->text, buf, sizeof buf);
			v[*n].shape = ld_arena_strdup(pdf->arena, buf);
			v[*n].step = lround(ln->y0 / SAME_Y);
			v[*n].page = p;
			v[*n].ln = ln;
			if (v[(*n)++].shape == NULL) {
				ld_free(v);
				return LDIFF_ENOMEM;
			}
		}
	if (*n > 0)
		qsort(v, *n, sizeof *v, by_shape);
	count_pages(v, *n);
	*out = v;
	return 0;
}

/* On how many pages a line of this shape stands at about this height
 * (its step and the two beside it). */
static size_t
recurrence(const band_line *v, size_t n, const band_line *b)
{
	return b->pages + pages_at(v, n, b->shape, b->step - 1) +
	    pages_at(v, n, b->shape, b->step + 1);
}

static int
digits_only(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int referenced(const ld_pdf_page *pg, int n);

static void
mark_running(ld_pdf *pdf, band_line *v, size_t n)
{
	size_t i, need = pdf->npages / 2 > 2 ? pdf->npages / 2 : 2;

	for (i = 0; i < n; i++) {
		ld_pdf_page *pg = &pdf->pages[v[i].page];
		ld_pdf_line *ln = v[i].ln;

		if (digits_only(ln->text) && ln->size < pdf->body_size &&
		    referenced(pg, atoi(ln->text)))
			continue;	/* a footnote's mark, not a page number */
		if (ld_pdf_is_page_number(ln->text) ||
		    (pdf->npages >= 2 && recurrence(v, n, &v[i]) >= need))
			ln->role = in_top_band(pg, ln) ? LD_PL_HEADER :
			    LD_PL_FOOTER;
	}
}

/* Does a body line of the page refer to note n ("fn:n" in its refs)? */
static int
referenced(const ld_pdf_page *pg, int n)
{
	char key[32];
	size_t i, k;

	k = (size_t)snprintf(key, sizeof key, "fn:%d", n);
	for (i = 0; i < pg->n; i++) {
		const char *r = pg->lines[i].refs;

		while ((r = strstr(r, key)) != NULL) {
			if (r[k] == '\0' || r[k] == ' ')
				return 1;
			r += k;
		}
	}
	return 0;
}

/* The note a line opens: a raised number at its start, or a small
 * number alone on its line (poppler gives a note's mark apart). */
static int
mark_of(const ld_pdf *pdf, const ld_pdf_line *ln)
{
	if (ln->note_mark != 0)
		return ln->note_mark;
	if (digits_only(ln->text) && strlen(ln->text) < 5 &&
	    ln->size < pdf->body_size * NOTE_RATIO)
		return atoi(ln->text);
	return 0;
}

/* A small number alone: the mark of the note line beside it. */
static void
attach_mark(ld_pdf_page *pg, ld_pdf_line *mark, int n)
{
	size_t i;

	for (i = 0; i < pg->n; i++) {
		ld_pdf_line *ln = &pg->lines[i];

		if (ln->role == LD_PL_NOTE && ln != mark &&
		    ln->x0 >= mark->x1 - 1 && mark->y0 < ln->y1 &&
		    mark->y1 > ln->y0 && ln->note_mark == 0) {
			ln->note_mark = n;
			mark->text[0] = '\0';
			mark->ncells = 0;
			return;
		}
	}
}

/* The notes of a page run from the highest mark of a note the page
 * refers to, down to the footer. */
static void
mark_notes(const ld_pdf *pdf, ld_pdf_page *pg)
{
	double top = pg->height;
	size_t i;
	int m;

	for (i = 0; i < pg->n; i++) {
		const ld_pdf_line *ln = &pg->lines[i];

		if (ln->role == LD_PL_BODY && ln->y0 > pg->height * 0.3 &&
		    (m = mark_of(pdf, ln)) != 0 && referenced(pg, m) &&
		    ln->y0 < top)
			top = ln->y0;
	}
	for (i = 0; i < pg->n; i++)
		if (pg->lines[i].role == LD_PL_BODY &&
		    pg->lines[i].y0 >= top - 2)
			pg->lines[i].role = LD_PL_NOTE;
	for (i = 0; i < pg->n; i++)
		if (pg->lines[i].role == LD_PL_NOTE &&
		    pg->lines[i].note_mark == 0 &&
		    (m = mark_of(pdf, &pg->lines[i])) != 0)
			attach_mark(pg, &pg->lines[i], m);
}

int
ld_pdf_furniture(ld_pdf *pdf)
{
	band_line *v = NULL;
	size_t n = 0, p;

	if (band_lines(pdf, &v, &n) != 0)
		return LDIFF_ENOMEM;
	mark_running(pdf, v, n);
	ld_free(v);
	for (p = 0; p < pdf->npages; p++)
		mark_notes(pdf, &pdf->pages[p]);
	return 0;
}
