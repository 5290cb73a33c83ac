/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf/paragraphs.c - the body lines of every page as paragraph records,
 * the same records the .docx reader makes.
 *
 * A line continues the paragraph above it unless something says it does
 * not: a change of font size or weight, more space above it than between
 * the lines of a paragraph, a line above that ended early (the first word
 * of this line would have fitted there: the author broke the line, not
 * the layout), a list label at its start after a line that ended a
 * sentence, or an indent that differs from the paragraph's.  A page or
 * column break is no reason by itself: a paragraph that runs over it is
 * joined again.  Lines cut into two or more cells are table rows (a
 * label's cell, "4.2" or "–", does not count); a table that runs over a
 * page repeats its first row there, which is dropped.
 *
 * Headings are short paragraphs in a larger or bolder font; the level is
 * the rank of their size (a size used once, the largest, on the first
 * page, is the title: a paragraph, as the .docx's Title style).  Typed
 * clause numbers stay in the text, as plain text has them: klsplit's
 * rules make them labels.
 */
#include <math.h>
#include <stdlib.h>

#include "pdf/pdf.h"

typedef struct block {
	ld_buf text;
	ld_buf refs;
	double size;
	int bold;
	const char *font;
	int kind;		/* LDIFF_PARA_* */
	int level;
	int page;
	size_t nlines;
	char where[48];
} block;

typedef struct builder {
	const ld_pdf *pdf;
	ld_hyphen *hy;
	block *v;
	size_t n, cap;
	block *open;		/* the paragraph lines are added to */
	const ld_pdf_line *last;	/* its last line */
	int last_page;
	double pitch;		/* line to line, body size, in a paragraph */
	double *right;		/* per page: where body lines end */
	/* tables */
	int table, row;
	size_t row_cells;
	char *head;		/* the first row's text, to drop repeats */
	const ld_pdf_line *last_row;
	double row_bottom;	/* y0 of its last line */
	size_t row_first;	/* index of the last row's first cell block */
	int in_table;
} builder;

static block *
new_block(builder *b, int kind, const ld_pdf_line *ln, int page)
{
	block *k;

	if (b->n == b->cap) {
		block *v = ld_grow(b->v, &b->cap, 256, sizeof *v);

		if (v == NULL)
			return NULL;
		b->v = v;
	}
	k = &b->v[b->n++];
	memset(k, 0, sizeof *k);
	ld_buf_init(&k->text);
	ld_buf_init(&k->refs);
	k->kind = kind;
	k->size = ln->size;
	k->bold = ln->bold;
	k->font = ln->font;
	k->page = page;
	return k;
}

static int
add_refs(block *k, const char *refs)
{
	if (*refs == '\0')
		return 0;
	if (k->refs.len > 0)
		ld_buf_addc(&k->refs, ' ');
	return ld_buf_adds(&k->refs, refs);
}

/* ---- what a line looks like ------------------------------------------ */

static size_t
first_word_len(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0' && s[n] != ' ')
		n++;
	return n;
}

/* Would the first word of ln have fitted at the end of prev, after a
 * space?  Then the line above was ended on purpose. */
static int
ended_early(const builder *b, const ld_pdf_line *prev, int page,
    const ld_pdf_line *ln)
{
	return b->right[page] - prev->x1 > ln->first_w + 0.6 * prev->size;
}

static int
is_bullet(const char *s, size_t n)
{
	static const char *const bullets[] = { "–", "-", "•", "·", "▪", "◦",
	    "*", "o", "—", "", "" };
	size_t i;

	for (i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
		if (strlen(bullets[i]) == n && memcmp(bullets[i], s, n) == 0)
			return 1;
	return 0;
}

/* "4", "4.2", "4.2.", "4.2.1", "a)", "(a)", "1)", "§ 3", "§3". */
static int
is_number_label(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (n >= 2 && memcmp(s, "§", 2) == 0) {
		for (i = 2; i < n && s[i] == ' '; i++)
			;
		return i < n && s[i] >= '0' && s[i] <= '9';
	}
	if (n == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')')
		return 1;
	if (n >= 3 && s[0] == '(' && s[n - 1] == ')')
		return 1;
	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '.' && !(s[i] == ')' && i == n - 1))
			return 0;
	}
	return digits > 0 && digits <= 8;
}

static int
is_label(const char *s, size_t n)
{
	return is_bullet(s, n) || is_number_label(s, n);
}

/* The line opens with a list label and a word: "– en", "4.2 Parterna". */
static int
starts_label(const char *s)
{
	size_t n = first_word_len(s);

	if (n >= 2 && memcmp(s, "§", 2) == 0)
		return 1;
	if (s[n] != ' ')
		return 0;
	if (is_bullet(s, n))
		return 1;
	/* "2 000 invånare" at a line's start is no label: a number label
	 * has a period or a parenthesis. */
	return is_number_label(s, n) && (memchr(s, '.', n) != NULL ||
	    memchr(s, ')', n) != NULL);
}

/* Could a list item end here: a sentence, a lead-in, or an item of
 * a list whose items end in commas ("– en hållbar utveckling,"). */
static int
ends_item(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && strchr(".:;!?,", s[n - 1]) != NULL;
}

/* Cells that make a table row: a leading label cell is no column. */
static size_t
row_cells(const ld_pdf_line *ln)
{
	if (ln->ncells >= 2 && is_label(ln->cells[0].text,
	    strlen(ln->cells[0].text)))
		return ln->ncells - 1;
	return ln->ncells;
}

/* ---- joining lines ----------------------------------------------------- */

/* Start of the last word of b (after the last space). */
static size_t
last_word_start(const ld_buf *b)
{
	size_t i = b->len;

	while (i > 0 && b->data[i - 1] != ' ')
		i--;
	return i;
}

static int
is_letter_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Append the next line of a paragraph, undoing the layout's hyphen. */
static int
append_line(builder *b, block *k, const char *text)
{
	ld_buf *t = &k->text;

	if (t->len >= 3 && memcmp(t->data + t->len - 2, "\xC2\xAD", 2) == 0) {
		t->len -= 2;	/* a soft hyphen: always the layout's */
		t->data[t->len] = '\0';
		return ld_buf_adds(t, text);
	}
	if (t->len >= 2 && t->data[t->len - 1] == '-' &&
	    is_letter_byte((unsigned char)t->data[t->len - 2]) &&
	    is_letter_byte((unsigned char)*text)) {
		size_t w = last_word_start(t);
		int how = ld_hyphen_join(b->hy, t->data + w, t->len - 1 - w,
		    text, first_word_len(text));

		if (how == LD_HY_JOIN) {
			t->len--;
			t->data[t->len] = '\0';
		} else if (how == LD_HY_SPACE) {
			ld_buf_addc(t, ' ');
		}
		return ld_buf_adds(t, text);
	}
	if (t->len > 0)
		ld_buf_addc(t, ' ');
	return ld_buf_adds(t, text);
}

/* Does ln (on page) carry on the open paragraph? */
static int
continues(const builder *b, const ld_pdf_line *ln, int page)
{
	const ld_pdf_line *p = b->last;
	double pitch = ln->y0 - p->y0;

	if (fabs(ln->size - p->size) > 0.6 || ln->bold != p->bold ||
	    ln->font != p->font)
		return 0;
	if (ended_early(b, p, b->last_page, ln))
		return 0;
	if (starts_label(ln->text) && ends_item(p->text))
		return 0;
	if (page != b->last_page || pitch < 0)
		return 1;	/* over a page or column break */
	if (pitch > b->pitch * (p->size / b->pdf->body_size) * 1.3 + 0.5)
		return 0;
	return b->open->nlines < 2 || fabs(ln->x0 - p->x0) < 1.5 * ln->size;
}

static int
add_paragraph_line(builder *b, const ld_pdf_line *ln, int page)
{
	if (b->open == NULL || !continues(b, ln, page)) {
		b->open = new_block(b, LDIFF_PARA_PARAGRAPH, ln, page);
		if (b->open == NULL)
			return LDIFF_ENOMEM;
	}
	b->open->nlines++;
	b->last = ln;
	b->last_page = page;
	if (append_line(b, b->open, ln->text) != 0 ||
	    add_refs(b->open, ln->refs) != 0)
		return LDIFF_ENOMEM;
	return 0;
}

/* ---- tables ------------------------------------------------------------ */

static int
row_text_is_head(const builder *b, const ld_pdf_line *ln)
{
	return b->head != NULL && strcmp(b->head, ln->text) == 0;
}

static int
add_row(builder *b, const ld_pdf_line *ln, int page)
{
	size_t cells = row_cells(ln), skip = ln->ncells - cells, i;

	b->open = NULL;
	if (!b->in_table || cells != b->row_cells) {
		b->table++;
		b->row = 0;
		b->row_cells = cells;
		b->head = ln->text;
	} else if (row_text_is_head(b, ln)) {
		return 0;	/* the heading row, repeated on a new page */
	}
	b->in_table = 1;
	b->row++;
	b->last_row = ln;
	b->row_bottom = ln->y0;
	b->row_first = b->n;
	for (i = 0; i < cells; i++) {
		block *k = new_block(b, LDIFF_PARA_CELL, ln, page);

		if (k == NULL)
			return LDIFF_ENOMEM;
		snprintf(k->where, sizeof k->where, "t%d.r%d.c%zu", b->table,
		    b->row, i + 1);
		k->nlines = 1;
		if (i == 0 && skip > 0)
			append_line(b, k, ln->cells[0].text);
		if (append_line(b, k, ln->cells[i + skip].text) != 0)
			return LDIFF_ENOMEM;
	}
	return add_refs(&b->v[b->n - 1], ln->refs);
}

/* A line just under a row, inside one of its columns (from where the
 * cell starts to where the next one does): that cell's text goes on. */
static block *
cell_continued(builder *b, const ld_pdf_line *ln)
{
	const ld_pdf_line *r = b->last_row;
	size_t skip, i;
	double end;

	if (!b->in_table || r == NULL || ln->ncells != 1 ||
	    ln->y0 < b->row_bottom || ln->y0 - b->row_bottom > 1.3 * b->pitch ||
	    starts_label(ln->text))
		return NULL;
	skip = r->ncells - row_cells(r);
	for (i = skip; i < r->ncells; i++) {
		end = i + 1 < r->ncells ? r->cells[i + 1].x0 : 1e9;
		if (fabs(r->cells[i].x0 - ln->x0) < 2.0 && ln->x1 < end - 2.0)
			return &b->v[b->row_first + i - skip];
	}
	return NULL;
}

/* ---- pages ------------------------------------------------------------- */

/* A line of justified text with few words, spread so wide that load.c
 * cut it into cells: "la     kompetensförsörjningsplane-".  It goes on
 * the open paragraph (continues(): face, pitch, indent), it reaches the
 * right margin as the line above it does (full, or stretched too; or
 * the line above is one word broken at a hyphen, which cannot stretch), and justification spreads
 * the space evenly: every gap is wide, so every cell is one word, and
 * the gaps are equal.  A table's row has columns of their own widths. */
static int
stretched(const builder *b, const ld_pdf_line *ln, int page)
{
	const ld_pdf_line *p = b->last;
	double tol = 0.2 * ln->size, gmin = 1e9, gmax = 0, g;
	size_t i;

	if (b->in_table || b->open == NULL || p == NULL ||
	    b->open->kind != LDIFF_PARA_PARAGRAPH ||
	    fabs(ln->x1 - b->right[page]) > tol ||
	    (fabs(p->x1 - b->right[b->last_page]) > tol &&
	    p->text[strlen(p->text) - 1] != '-') ||
	    !continues(b, ln, page))
		return 0;
	for (i = 0; i < ln->ncells; i++) {
		if (strchr(ln->cells[i].text, ' ') != NULL)
			return 0;
		if (i == 0)
			continue;
		g = ln->cells[i].x0 - ln->cells[i - 1].x1;
		gmin = g < gmin ? g : gmin;
		gmax = g > gmax ? g : gmax;
	}
	return gmax - gmin < tol;
}

static int
add_body_line(builder *b, const ld_pdf_line *ln, int page)
{
	block *cell;

	if (row_cells(ln) >= 2 && !stretched(b, ln, page))
		return add_row(b, ln, page);
	if ((cell = cell_continued(b, ln)) != NULL) {
		b->row_bottom = ln->y0;
		return append_line(b, cell, ln->text);
	}
	b->in_table = 0;
	return add_paragraph_line(b, ln, page);
}

static int
by_position(const void *a, const void *b)
{
	const ld_pdf_line *x = *(const ld_pdf_line *const *)a;
	const ld_pdf_line *y = *(const ld_pdf_line *const *)b;

	if (fabs(x->y0 - y->y0) > 2.0)
		return x->y0 < y->y0 ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* The page's footnotes, top to bottom; a mark opens the next one. */
static int
add_notes(builder *b, block **notes, size_t *nn, size_t *ncap,
    const ld_pdf_page *pg)
{
	const ld_pdf_line *v[512];
	block *k = *nn > 0 ? &(*notes)[*nn - 1] : NULL;
	size_t n = 0, i;

	for (i = 0; i < pg->n && n < 512; i++)
		if (pg->lines[i].role == LD_PL_NOTE)
			v[n++] = &pg->lines[i];
	qsort(v, n, sizeof v[0], by_position);
	for (i = 0; i < n; i++) {
		if (v[i]->note_mark != 0 || k == NULL) {
			if (*nn == *ncap) {
				block *g = ld_grow(*notes, ncap, 16, sizeof *g);

				if (g == NULL)
					return LDIFF_ENOMEM;
				*notes = g;
			}
			k = &(*notes)[(*nn)++];
			memset(k, 0, sizeof *k);
			ld_buf_init(&k->text);
			ld_buf_init(&k->refs);
			k->kind = LDIFF_PARA_FOOTNOTE;
			snprintf(k->where, sizeof k->where, "fn:%d",
			    v[i]->note_mark);
		}
		if (*v[i]->text != '\0' && append_line(b, k, v[i]->text) != 0)
			return LDIFF_ENOMEM;
	}
	return 0;
}

/* ---- headers and footers ---------------------------------------------- */

/* A page's header (or footer) lines as one text: each different shape
 * once, as the .docx has each header part once ("Sida 1 av 8" stands
 * for them all).  They are records of their own kind: kltext --headers
 * shows them, the diff leaves them out. */
static int
add_furniture(block **v, size_t *n, size_t *cap, const ld_pdf *pdf,
    int role)
{
	char shape[512], seen[8][512];
	size_t p, i, nseen = 0, k;
	ld_buf t;
	int r = 0;

	ld_buf_init(&t);
	for (p = 0; p < pdf->npages && r == 0 && nseen < 8; p++) {
		ld_buf_reset(&t);
		for (i = 0; i < pdf->pages[p].n; i++)
			if (pdf->pages[p].lines[i].role == role) {
				if (t.len > 0)
					ld_buf_addc(&t, ' ');
				ld_buf_adds(&t, pdf->pages[p].lines[i].text);
			}
		if (t.len == 0)
			continue;
		ld_pdf_shape(ld_buf_str(&t), shape, sizeof shape);
		for (k = 0; k < nseen && strcmp(seen[k], shape) != 0; k++)
			;
		if (k < nseen)
			continue;
		memcpy(seen[nseen++], shape, sizeof shape);
		if (*n == *cap) {
			block *g = ld_grow(*v, cap, 16, sizeof *g);

			if (g == NULL) {
				r = LDIFF_ENOMEM;
				break;
			}
			*v = g;
		}
		memset(&(*v)[*n], 0, sizeof **v);
		ld_buf_init(&(*v)[*n].text);
		ld_buf_init(&(*v)[*n].refs);
		(*v)[*n].kind = role == LD_PL_HEADER ? LDIFF_PARA_HEADER :
		    LDIFF_PARA_FOOTER;
		snprintf((*v)[*n].where, sizeof (*v)[*n].where, "%s:%zu",
		    role == LD_PL_HEADER ? "hdr" : "ftr", nseen);
		r = ld_buf_adds(&(*v)[(*n)++].text, ld_buf_str(&t));
	}
	ld_buf_free(&t);
	return r;
}

/* ---- measures of the whole document ------------------------------------ */

/* Where full body lines end, per page (the rightmost body-size line;
 * the document's, on a page with none). */
static int
measure_right(builder *b)
{
	const ld_pdf *pdf = b->pdf;
	double all = 0;
	size_t p, i;

	b->right = ld_calloc(pdf->npages + 1, sizeof *b->right);
	if (b->right == NULL)
		return LDIFF_ENOMEM;
	for (p = 0; p < pdf->npages; p++)
		for (i = 0; i < pdf->pages[p].n; i++) {
			const ld_pdf_line *ln = &pdf->pages[p].lines[i];

			if (ln->role == LD_PL_BODY && ln->ncells == 1 &&
			    fabs(ln->size - pdf->body_size) < 0.6 &&
			    ln->x1 > b->right[p])
				b->right[p] = ln->x1;
		}
	for (p = 0; p < pdf->npages; p++)
		all = b->right[p] > all ? b->right[p] : all;
	for (p = 0; p < pdf->npages; p++)
		if (b->right[p] < all * 0.8)
			b->right[p] = all;
	return 0;
}

/* The usual distance from one body line to the next: the most common. */
static void
measure_pitch(builder *b)
{
	int count[400] = { 0 }, best = 0, k;
	size_t p, i;

	for (p = 0; p < b->pdf->npages; p++) {
		const ld_pdf_page *pg = &b->pdf->pages[p];

		for (i = 1; i < pg->n; i++) {
			double d = pg->lines[i].y0 - pg->lines[i - 1].y0;

			if (fabs(pg->lines[i].size - b->pdf->body_size) > 0.6 ||
			    d <= 0 || d >= 200)
				continue;
			k = (int)(d * 2 + 0.5);
			count[k]++;
		}
	}
	for (k = 1; k < 400; k++)
		if (count[k] > count[best])
			best = k;
	b->pitch = best > 0 ? best / 2.0 : b->pdf->body_size * 1.2;
}

/* The document's words for hyphen.c, but not the piece before a line-end
 * hyphen: "Regi-" must not make "Regi" a word of the document. */
static int
learn_words(builder *b)
{
	ld_buf t;
	size_t p, i;
	int r = 0;

	ld_buf_init(&t);
	for (p = 0; p < b->pdf->npages && r == 0; p++)
		for (i = 0; i < b->pdf->pages[p].n && r == 0; i++) {
			ld_buf_reset(&t);
			ld_buf_adds(&t, b->pdf->pages[p].lines[i].text);
			if (t.len > 0 && t.data[t.len - 1] == '-') {
				t.len = last_word_start(&t);
				t.data[t.len] = '\0';
			}
			r = t.oom ? LDIFF_ENOMEM : ld_hyphen_learn(b->hy,
			    ld_buf_str(&t));
		}
	ld_buf_free(&t);
	return r != 0 ? LDIFF_ENOMEM : 0;
}

/* ---- headings ---------------------------------------------------------- */

/* Short, and set apart: larger, bolder, or in another face than the body
 * (LibreOffice's headings keep the body's size but not its face). */
static int
looks_like_heading(const ld_pdf *pdf, const block *k)
{
	if (k->kind != LDIFF_PARA_PARAGRAPH || k->nlines > 3 ||
	    k->text.len > 200 || k->text.len == 0 ||
	    k->size < pdf->body_size * 0.95)
		return 0;
	return k->size > pdf->body_size * 1.08 || k->bold ||
	    k->font != pdf->body_font;
}

/* Components of a typed number at the start: "5.2. Kultur" 2, else 1. */
static int
number_depth(const char *s)
{
	int depth = 0;

	while (*s >= '0' && *s <= '9') {
		while (*s >= '0' && *s <= '9')
			s++;
		depth++;
		if (*s != '.')
			break;
		s++;
	}
	return depth > 0 ? depth : 1;
}

static int
size_key(double size)
{
	return (int)fmin(fmax(size * 2 + 0.5, 0), 199);
}

static int
numbered(const block *k)
{
	return k->text.len > 0 && k->text.data[0] >= '0' &&
	    k->text.data[0] <= '9';
}

/* Where the headings start: when most of them are numbered, what looks
 * like a heading before the first numbered one is the title page (the
 * .docx's Title and Subtitle are paragraphs too). */
static size_t
first_heading(const builder *b)
{
	size_t i, first = b->n, nums = 0, all = 0;

	for (i = 0; i < b->n; i++) {
		if (!looks_like_heading(b->pdf, &b->v[i]))
			continue;
		all++;
		if (numbered(&b->v[i])) {
			nums++;
			first = first < i ? first : i;
		}
	}
	return nums * 3 >= all * 2 && first < b->n ? first : 0;
}

/* Heading levels by size rank, largest first (a size used once, the
 * largest, on the first page, is the title).  Headings all of one size
 * take the depth of their typed number instead: "5.2. Kultur" is 2. */
static void
assign_headings(builder *b)
{
	int uses[200] = { 0 }, level[200] = { 0 }, k, next = 1, sizes = 0;
	size_t i, from = first_heading(b);

	for (i = from; i < b->n; i++)
		if (looks_like_heading(b->pdf, &b->v[i]))
			uses[size_key(b->v[i].size)]++;
	for (k = 199; k >= 0; k--) {
		if (uses[k] == 0)
			continue;
		if (next == 1 && uses[k] == 1) {
			level[k] = -1;
			continue;
		}
		level[k] = next < 9 ? next++ : 9;
		sizes++;
	}
	for (i = from; i < b->n; i++) {
		block *v = &b->v[i];

		k = size_key(v->size);
		if (!looks_like_heading(b->pdf, v) || level[k] == 0 ||
		    (level[k] == -1 && v->page == 0))
			continue;
		v->kind = LDIFF_PARA_HEADING;
		v->level = level[k] > 0 ? level[k] : 1;
		if (sizes <= 1)
			v->level = number_depth(v->text.data);
		if (v->level > 9)
			v->level = 9;
	}
}

/* ---- records ----------------------------------------------------------- */

static int
emit(ldiff_doc *d, const block *k, ldiff_error *err)
{
	ldiff_para *p;
	int code = 0;

	if (k->text.oom || k->refs.oom)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	if (k->text.len == 0)
		return 0;
	if (k->text.len > d->limits.max_para_bytes)
		return ld_error(err, LDIFF_ELIMIT, _("a paragraph exceeds "
		    "--max-paragraph"));
	if ((p = ld_doc_add(d, &code)) == NULL && code == LDIFF_ELIMIT)
		return ld_error(err, code, _("more than %zu paragraphs"),
		    d->limits.max_paras);
	if (p == NULL)
		return ld_error(err, code, NULL);
	p->kind = (ldiff_para_kind)k->kind;
	p->level = k->level;
	p->text = ld_utf8_nfc(d->arena, k->text.data, k->text.len);
	p->where = ld_arena_strdup(d->arena, k->where);
	p->refs = ld_arena_strdup(d->arena, ld_buf_str(&k->refs));
	if (p->text == NULL)
		return ld_error(err, LDIFF_EUTF8, _("invalid UTF-8 in the "
		    "text layer"));
	if (p->where == NULL || p->refs == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	return 0;
}

static void
free_blocks(block *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ld_buf_free(&v[i].text);
		ld_buf_free(&v[i].refs);
	}
	ld_free(v);
}

static int
build(builder *b, block **notes, size_t *nn, size_t *ncap)
{
	size_t p, i;
	int r = 0;

	for (p = 0; p < b->pdf->npages && r == 0; p++) {
		const ld_pdf_page *pg = &b->pdf->pages[p];

		for (i = 0; i < pg->n && r == 0; i++)
			if (pg->lines[i].role == LD_PL_BODY &&
			    *pg->lines[i].text != '\0')
				r = add_body_line(b, &pg->lines[i], (int)p);
		if (r == 0)
			r = add_notes(b, notes, nn, ncap, pg);
	}
	return r;
}

int
ld_pdf_paragraphs(ldiff_doc *d, const ld_pdf *pdf, ldiff_error *err)
{
	builder b = { 0 };
	block *notes = NULL;
	size_t nn = 0, ncap = 0, i;
	int r;

	b.pdf = pdf;
	r = ld_hyphen_new(&b.hy);
	if (r == 0)
		r = measure_right(&b);
	if (r == 0)
		r = learn_words(&b);
	if (r == 0) {
		measure_pitch(&b);
		r = build(&b, &notes, &nn, &ncap);
	}
	if (r == 0)
		r = add_furniture(&notes, &nn, &ncap, pdf, LD_PL_HEADER);
	if (r == 0)
		r = add_furniture(&notes, &nn, &ncap, pdf, LD_PL_FOOTER);
	if (r != 0)
		r = ld_error(err, r, NULL);
	else
		assign_headings(&b);
	for (i = 0; i < b.n && r == 0; i++)
		r = emit(d, &b.v[i], err);
	for (i = 0; i < nn && r == 0; i++)
		r = emit(d, &notes[i], err);
	free_blocks(b.v, b.n);
	free_blocks(notes, nn);
	ld_free(b.right);
	ld_hyphen_free(b.hy);
	return r;
}
