/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_paper.c - the committee papers as text, Markdown and HTML.
 *
 * The facts are paper_rows.c's (the rows of the parallel layout, cut into
 * segments) and paper_say.c's (the sentences of the list of changes); this
 * file only lays them out.  Text: the layout as two columns side by side,
 * wrapped at the width (80 when none is given), the changed words in
 * wdiff's [-…-]{+…+}; the list as headings and dashes.  Markdown: a table
 * (deleted ~~…~~, new **…**, the clauses of a cell separated by <br>) for
 * an e-mail or a wiki, and a list.  HTML: one self-contained page, the
 * table's header row repeated on every printed page (thead), <del> and
 * <ins>.  A provision that is new has an empty left cell, one deleted
 * "Utgår" on the right; a moved one stands where it now is, with a note
 * of where it came from; the changes that are not of content close the
 * table in one row.  Everything is built in a buffer and written once.
 */
#include <string.h>

#include "render/paper.h"

#define DEFAULT_WIDTH 80

struct pw {
	ld_buf b;		/* the whole output */
	ld_buf cell;		/* scratch: one cell as text */
	const ldiff_diff *d;
	ldiff_paper_format fmt;
	ldiff_render_opts o;
	int sv;
};

/* ---- escaping ------------------------------------------------------------ */

static void
put_html(ld_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '<': ld_buf_adds(b, "&lt;"); break;
		case '>': ld_buf_adds(b, "&gt;"); break;
		case '&': ld_buf_adds(b, "&amp;"); break;
		case '"': ld_buf_adds(b, "&quot;"); break;
		case '\t': ld_buf_adds(b, LD_CELL_SEP); break;
		default: ld_buf_addc(b, s[i]);
		}
	}
}

static void
put_md(ld_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\t') {
			ld_buf_adds(b, " \\| ");
			continue;
		}
		if (s[i] == '\n') {
			ld_buf_addc(b, ' ');
			continue;
		}
		if (strchr("\\`*_~|<>[]#", s[i]) != NULL)
			ld_buf_addc(b, '\\');
		ld_buf_addc(b, s[i]);
	}
}

static void
put_plain(ld_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\t')
			ld_buf_adds(b, LD_CELL_SEP);
		else
			ld_buf_addc(b, s[i] == '\n' ? ' ' : s[i]);
	}
}

static void
put_esc(struct pw *w, ld_buf *b, const char *s, size_t n)
{
	if (w->fmt == LDIFF_PAPER_HTML)
		put_html(b, s, n);
	else if (w->fmt == LDIFF_PAPER_MARKDOWN)
		put_md(b, s, n);
	else
		put_plain(b, s, n);
}

static void
put_esc_s(struct pw *w, ld_buf *b, const char *s)
{
	put_esc(w, b, s, strlen(s));
}

/* ---- one cell ------------------------------------------------------------ */

/* The marks of a changed piece in each format: open, close. */
static const char *const marks[3][2][2] = {
	[LDIFF_PAPER_TEXT] = { { "[-", "-]" }, { "{+", "+}" } },
	[LDIFF_PAPER_MARKDOWN] = { { "~~", "~~" }, { "**", "**" } },
	[LDIFF_PAPER_HTML] = { { "<del>", "</del>" }, { "<ins>", "</ins>" } },
};

/* What stays outside the marks at the ends of a changed piece: spaces,
 * and in Markdown also the punctuation, since an emphasis that opens
 * before a space, or between a letter and a comma, is no emphasis. */
static int
outside_marks(const struct pw *w, char c)
{
	return c == ' ' || (w->fmt == LDIFF_PAPER_MARKDOWN &&
	    strchr(",.;:", c) != NULL);
}

static void
put_marked(struct pw *w, ld_buf *b, const ld_seg *g)
{
	const char *const *m = marks[w->fmt][g->kind == LD_SEG_INS];
	size_t lead = 0, end = g->len;

	while (lead < end && outside_marks(w, g->s[lead]))
		lead++;
	while (end > lead && outside_marks(w, g->s[end - 1]))
		end--;
	put_esc(w, b, g->s, lead);
	if (end > lead) {
		ld_buf_adds(b, m[0]);
		put_esc(w, b, g->s + lead, end - lead);
		ld_buf_adds(b, m[1]);
	}
	put_esc(w, b, g->s + end, g->len - end);
}

/* The break between two clauses of a cell. */
static const char *
cell_break(const struct pw *w)
{
	return w->fmt == LDIFF_PAPER_TEXT ? "\n" : "<br>";
}

/* "5.2.3 Parterna ska …" with the marks, into b. */
static void
put_cell(struct pw *w, ld_buf *b, const ld_cell *c, const char *num)
{
	size_t i;

	if (num[0] != '\0') {
		put_esc_s(w, b, num);
		ld_buf_addc(b, ' ');
	}
	for (i = 0; i < c->n; i++) {
		const ld_seg *g = &c->seg[i];

		if (g->kind == LD_SEG_BREAK) {
			ld_buf_adds(b, cell_break(w));
			if (g->len > 0) {
				put_esc(w, b, g->s, g->len);
				ld_buf_addc(b, ' ');
			}
		} else if (g->kind == LD_SEG_TEXT)
			put_esc(w, b, g->s, g->len);
		else
			put_marked(w, b, g);
	}
}

/* The note of a moved provision: "(Flyttad från punkt 5.2.3.)" */
static void
put_moved_note(struct pw *w, ld_buf *b, const ld_prow *r)
{
	ld_buf t;

	ld_buf_init(&t);
	ld_paper_moved_note(&t, r, w->sv);
	ld_buf_adds(b, cell_break(w));
	if (w->fmt == LDIFF_PAPER_HTML)
		ld_buf_adds(b, "<em>");
	put_esc_s(w, b, ld_buf_str(&t));
	if (w->fmt == LDIFF_PAPER_HTML)
		ld_buf_adds(b, "</em>");
	ld_buf_free(&t);
}

/* One side of a row into b: the provision, "Utgår" for one deleted,
 * nothing for one that is new. */
static void
put_side(struct pw *w, ld_buf *b, const ld_prow *r, int new_side)
{
	const ld_cell *c = new_side ? &r->new : &r->old;

	if (new_side && c->empty)
		put_esc_s(w, b, ld_paper_label(P_DELETED_CELL, w->sv));
	else if (!c->empty)
		put_cell(w, b, c, new_side ? r->new_num : r->old_num);
	if (new_side && ld_paper_has_note(r))
		put_moved_note(w, b, r);
}

/* ---- text: two columns --------------------------------------------------- */

static size_t
columns(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

#define ENDASH_UTF8 "\xe2\x80\x93"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The space of "1 900 000" or of the dash line "– – –" at i: no place
 * to wrap. */
static int
inside_number(const char *s, size_t i, size_t len)
{
	if (i >= 3 && i + 3 < len && memcmp(s + i - 3, ENDASH_UTF8, 3) == 0 &&
	    memcmp(s + i + 1, ENDASH_UTF8, 3) == 0)
		return 1;
	return i > 0 && i + 1 < len && is_digit(s[i - 1]) && is_digit(s[i + 1]);
}

/* The lines of s wrapped at width columns: each line as [off, len). */
struct line {
	size_t off, len;
};

static size_t
wrap_lines(const char *s, size_t width, struct line *ln, size_t max)
{
	size_t n = 0, start = 0, len = strlen(s);

	while (start <= len && n < max) {
		size_t end = start, last_space = 0, cols = 0;

		while (end < len && s[end] != '\n') {
			size_t k = 1;

			while (end + k < len && ((unsigned char)s[end + k] &
			    0xc0) == 0x80)
				k++;
			if (cols + 1 > width && last_space > start)
				break;
			if (s[end] == ' ' && !inside_number(s, end, len))
				last_space = end;
			cols++;
			end += k;
		}
		if (end < len && s[end] != '\n' && last_space > start)
			end = last_space;
		ln[n].off = start;
		ln[n].len = end - start;
		n++;
		if (end >= len)
			break;
		start = end + 1;	/* the space or newline */
	}
	return n;
}

static void
pad(ld_buf *b, size_t cols, size_t width)
{
	while (cols++ < width)
		ld_buf_addc(b, ' ');
}

static void
text_rule(struct pw *w, size_t col)
{
	size_t i;

	for (i = 0; i < col; i++)
		ld_buf_adds(&w->b, "\xe2\x94\x80");
	ld_buf_adds(&w->b, "\xe2\x94\x80\xe2\x94\xbc\xe2\x94\x80");
	for (i = 0; i < col; i++)
		ld_buf_adds(&w->b, "\xe2\x94\x80");
	ld_buf_addc(&w->b, '\n');
}

/* Two texts side by side, each wrapped in its column. */
static int
text_pair(struct pw *w, const char *l, const char *r, size_t col)
{
	size_t cap = strlen(l) + strlen(r) + 2, nl, nr, i;
	struct line *a = ld_reallocarray(NULL, cap, sizeof *a);
	struct line *b = ld_reallocarray(NULL, cap, sizeof *b);

	if (a == NULL || b == NULL) {
		ld_free(a);
		ld_free(b);
		return LDIFF_ENOMEM;
	}
	nl = wrap_lines(l, col, a, cap);
	nr = wrap_lines(r, col, b, cap);
	for (i = 0; i < nl || i < nr; i++) {
		size_t used = 0;

		if (i < nl) {
			ld_buf_add(&w->b, l + a[i].off, a[i].len);
			used = columns(l + a[i].off, a[i].len);
		}
		pad(&w->b, used, col);
		ld_buf_adds(&w->b, " \xe2\x94\x82");
		if (i < nr) {
			ld_buf_addc(&w->b, ' ');
			ld_buf_add(&w->b, r + b[i].off, b[i].len);
		}
		ld_buf_addc(&w->b, '\n');
	}
	ld_free(a);
	ld_free(b);
	return 0;
}

static int
text_row(struct pw *w, const ld_prow *r, size_t col)
{
	ld_buf l;
	int rc;

	ld_buf_init(&l);
	put_side(w, &l, r, 0);
	ld_buf_reset(&w->cell);
	put_side(w, &w->cell, r, 1);
	rc = text_pair(w, ld_buf_str(&l), ld_buf_str(&w->cell), col);
	text_rule(w, col);
	ld_buf_free(&l);
	return rc;
}

/* ---- the layout ------------------------------------------------------------ */

static void
md_row(struct pw *w, const ld_prow *r)
{
	ld_buf_adds(&w->b, "| ");
	put_side(w, &w->b, r, 0);
	ld_buf_adds(&w->b, " | ");
	put_side(w, &w->b, r, 1);
	ld_buf_adds(&w->b, " |\n");
}

static void
html_row(struct pw *w, const ld_prow *r)
{
	ld_buf_adds(&w->b, "<tr><td>");
	put_side(w, &w->b, r, 0);
	ld_buf_adds(&w->b, "</td><td>");
	put_side(w, &w->b, r, 1);
	ld_buf_adds(&w->b, "</td></tr>\n");
}

static void
table_head(struct pw *w, size_t col)
{
	const char *o = ld_paper_label(P_OLD_COL, w->sv);
	const char *n = ld_paper_label(P_NEW_COL, w->sv);

	if (w->fmt == LDIFF_PAPER_HTML)
		ld_buf_printf(&w->b, "<table><thead><tr><th>%s</th><th>%s</th>"
		    "</tr></thead><tbody>\n", o, n);
	else if (w->fmt == LDIFF_PAPER_MARKDOWN)
		ld_buf_printf(&w->b, "| %s | %s |\n| --- | --- |\n", o, n);
	else {
		ld_buf_adds(&w->b, o);
		pad(&w->b, columns(o, strlen(o)), col);
		ld_buf_printf(&w->b, " \xe2\x94\x82 %s\n", n);
		text_rule(w, col);
	}
}

/* The closing row: what the table does not reprint. */
static void
table_end(struct pw *w, const char *minor, size_t col)
{
	if (w->fmt == LDIFF_PAPER_HTML) {
		if (minor != NULL) {
			ld_buf_adds(&w->b, "<tr class=\"minor\"><td colspan=\"2\">");
			put_esc_s(w, &w->b, minor);
			ld_buf_adds(&w->b, "</td></tr>\n");
		}
		ld_buf_adds(&w->b, "</tbody></table>\n");
	} else if (w->fmt == LDIFF_PAPER_MARKDOWN) {
		if (minor != NULL) {
			ld_buf_adds(&w->b, "| ");
			put_esc_s(w, &w->b, minor);
			ld_buf_adds(&w->b, " | |\n");
		}
	} else if (minor != NULL) {
		ld_buf l;
		struct line *ln;
		size_t n, i, cap = strlen(minor) + 1;

		ld_buf_init(&l);
		ln = ld_reallocarray(NULL, cap, sizeof *ln);
		n = ln != NULL ? wrap_lines(minor, 2 * col + 3, ln, cap) : 0;
		for (i = 0; i < n; i++) {
			ld_buf_add(&w->b, minor + ln[i].off, ln[i].len);
			ld_buf_addc(&w->b, '\n');
		}
		ld_free(ln);
		ld_buf_free(&l);
	}
}

static int
parallel_pair(struct pw *w, size_t pair, size_t col)
{
	ld_playout l;
	size_t i;
	int r;

	if ((r = ld_paper_layout(w->d, pair, &w->o, &l)) != 0)
		return r;
	table_head(w, col);
	for (i = 0; i < l.n && r == 0; i++) {
		if (w->fmt == LDIFF_PAPER_HTML)
			html_row(w, &l.rows[i]);
		else if (w->fmt == LDIFF_PAPER_MARKDOWN)
			md_row(w, &l.rows[i]);
		else
			r = text_row(w, &l.rows[i], col);
	}
	table_end(w, l.sum.minor, col);
	ld_paper_layout_free(&l);
	return r;
}

/* ---- the list of changes -------------------------------------------------- */

static void
text_sentence(struct pw *w, const char *s)
{
	size_t width = w->o.width > 4 ? (size_t)w->o.width - 4 : (size_t)-1;
	size_t cap = strlen(s) + 1, n, i;
	struct line *ln = ld_reallocarray(NULL, cap, sizeof *ln);

	if (ln == NULL) {
		w->b.oom = 1;
		return;
	}
	n = wrap_lines(s, width, ln, cap);
	for (i = 0; i < n; i++) {
		ld_buf_adds(&w->b, i == 0 ? "  \xe2\x80\x93 " : "    ");
		ld_buf_add(&w->b, s + ln[i].off, ln[i].len);
		ld_buf_addc(&w->b, '\n');
	}
	ld_free(ln);
}

static void
summary_group(struct pw *w, const ld_pgroup *g)
{
	size_t k;

	if (w->fmt == LDIFF_PAPER_HTML) {
		ld_buf_adds(&w->b, "<h3>");
		put_esc_s(w, &w->b, g->heading);
		ld_buf_adds(&w->b, "</h3>\n<ul>\n");
	} else if (w->fmt == LDIFF_PAPER_MARKDOWN) {
		ld_buf_adds(&w->b, "\n### ");
		put_esc_s(w, &w->b, g->heading);
		ld_buf_adds(&w->b, "\n\n");
	} else
		ld_buf_printf(&w->b, "\n%s\n", g->heading);
	for (k = 0; k < g->n; k++) {
		if (w->fmt == LDIFF_PAPER_HTML) {
			ld_buf_adds(&w->b, "<li>");
			put_esc_s(w, &w->b, g->sent[k]);
			ld_buf_adds(&w->b, "</li>\n");
		} else if (w->fmt == LDIFF_PAPER_MARKDOWN) {
			ld_buf_adds(&w->b, "- ");
			put_esc_s(w, &w->b, g->sent[k]);
			ld_buf_addc(&w->b, '\n');
		} else
			text_sentence(w, g->sent[k]);
	}
	if (w->fmt == LDIFF_PAPER_HTML)
		ld_buf_adds(&w->b, "</ul>\n");
}

static int
summary_pair(struct pw *w, size_t pair)
{
	ld_psummary sum;
	size_t i;
	int r = ld_paper_summary(w->d, pair, w->sv, w->o.hide, &sum);

	if (r != 0)
		return r;
	for (i = 0; i < sum.n; i++)
		summary_group(w, &sum.g[i]);
	if (sum.n == 0) {
		ld_buf_adds(&w->b, w->fmt == LDIFF_PAPER_HTML ? "<p>" : "\n");
		ld_buf_adds(&w->b, ld_paper_label(P_NO_CHANGES, w->sv));
		ld_buf_adds(&w->b, w->fmt == LDIFF_PAPER_HTML ? "</p>\n" :
		    "\n");
	}
	ld_paper_summary_free(&sum);
	return 0;
}

/* ---- the page ------------------------------------------------------------- */

static const char css[] =
"body{font-family:Georgia,'Times New Roman',serif;margin:2em auto;"
"max-width:60em;padding:0 1em;line-height:1.4}"
"table{border-collapse:collapse;width:100%}"
"th,td{border:1px solid #888;padding:.4em .6em;vertical-align:top;"
"text-align:left;width:50%}"
"thead{display:table-header-group}"
"del{color:#a00;text-decoration:line-through}"
"ins{color:#060;text-decoration:underline}"
"tr.minor td{font-style:italic}"
"@media print{body{margin:0;max-width:none}tr{break-inside:avoid}}";

static void
page_open(struct pw *w, ldiff_paper paper)
{
	ld_buf t;

	ld_buf_init(&t);
	ld_paper_title(&t, w->d, ldiff_diff_versions(w->d) - 2,
	    paper == LDIFF_PAPER_PARALLEL ? P_PARALLEL : P_SUMMARY, w->sv);
	ld_buf_printf(&w->b, "<!DOCTYPE html>\n<html lang=\"%s\"><head>"
	    "<meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-"
	    "Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'"
	    "\"><title>", w->sv ? "sv" : "en");
	put_html(&w->b, w->o.title != NULL ? w->o.title : ld_buf_str(&t),
	    strlen(w->o.title != NULL ? w->o.title : ld_buf_str(&t)));
	ld_buf_printf(&w->b, "</title><style>%s</style></head><body>\n", css);
	ld_buf_free(&t);
}

static void
pair_title(struct pw *w, ldiff_paper paper, size_t pair)
{
	ld_buf t;

	ld_buf_init(&t);
	ld_paper_title(&t, w->d, pair, paper == LDIFF_PAPER_PARALLEL ?
	    P_PARALLEL : P_SUMMARY, w->sv);
	if (w->fmt == LDIFF_PAPER_HTML)
		ld_buf_adds(&w->b, "<h2>");
	else if (w->fmt == LDIFF_PAPER_MARKDOWN)
		ld_buf_adds(&w->b, "## ");
	put_esc_s(w, &w->b, ld_buf_str(&t));
	ld_buf_adds(&w->b, w->fmt == LDIFF_PAPER_HTML ? "</h2>\n" : "\n");
	if (w->fmt != LDIFF_PAPER_HTML && paper == LDIFF_PAPER_PARALLEL)
		ld_buf_addc(&w->b, '\n');
	ld_buf_free(&t);
}

int
ldiff_render_paper(const ldiff_diff *d, ldiff_paper paper,
    ldiff_paper_format fmt, FILE *out, const ldiff_render_opts *o)
{
	struct pw w;
	size_t first, last, p, col;
	int r = 0;

	if (d == NULL || out == NULL || ldiff_diff_versions(d) < 2 ||
	    (unsigned)fmt > LDIFF_PAPER_HTML ||
	    (unsigned)paper > LDIFF_PAPER_SUMMARY ||
	    (o != NULL && ld_check_render_opts(o) != 0))
		return LDIFF_EINVAL;
	memset(&w, 0, sizeof w);
	ld_render_opts_full(o, &w.o);
	w.d = d;
	w.fmt = fmt;
	w.sv = ld_paper_swedish(&w.o);
	ld_buf_init(&w.b);
	ld_buf_init(&w.cell);
	col = ((w.o.width >= 40 ? (size_t)w.o.width : DEFAULT_WIDTH) - 3) / 2;
	if (fmt == LDIFF_PAPER_HTML)
		page_open(&w, paper);
	ld_paper_pairs(d, w.o.all_pairs, &first, &last);
	for (p = first; p <= last && r == 0; p++) {
		if (p > first)
			ld_buf_addc(&w.b, '\n');
		pair_title(&w, paper, p);
		r = paper == LDIFF_PAPER_PARALLEL ? parallel_pair(&w, p, col) :
		    summary_pair(&w, p);
	}
	if (fmt == LDIFF_PAPER_HTML)
		ld_buf_adds(&w.b, "</body></html>\n");
	if (r == 0 && (w.b.oom || w.cell.oom))
		r = LDIFF_ENOMEM;
	if (r == 0)
		r = ld_fwrite_all(out, w.b.data, w.b.len);
	if (r == 0 && fflush(out) != 0)
		r = LDIFF_EIO;
	ld_buf_free(&w.b);
	ld_buf_free(&w.cell);
	return r;
}
