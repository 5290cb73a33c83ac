/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_docx.c - the committee papers as a Word document.
 *
 * A paper is a document of its own, not an edit of the agreement, so the
 * package is ours (docx_doc.c): A4 portrait, styles for a title, headings
 * and a bulleted list, and the body font of the agreement itself when its
 * .docx is given, so the paper looks like the papers it goes with.
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
#include <string.h>

#include "render/docx_pack.h"
#include "render/paper.h"

#define COL_W ((LD_DOCX_A4_W - 2 * LD_DOCX_MARGIN) / 2)

struct xw {
	ld_buf x;		/* word/document.xml */
	const ldiff_diff *d;
	ldiff_render_opts o;
	int sv;
};

/* ---- runs and paragraphs ------------------------------------------------- */

/* A run of text; how: LD_RUN_*. */
static void
run(struct xw *w, const char *s, size_t len, int how)
{
	ld_docx_run(&w->x, s, len, how);
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
	ld_docx_para(&w->x, style, s, how);
}

/* ---- the parallel layout --------------------------------------------------- */

static void
cell_open(struct xw *w, int span)
{
	ld_docx_cell_open(&w->x, span * COL_W, span, NULL);
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
			bound_run(w, g->s, g->len, g->kind == LD_SEG_DEL ?
			    LD_RUN_STRIKE : g->kind == LD_SEG_INS ?
			    LD_RUN_UNDERLINE : LD_RUN_PLAIN, last);
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
		para(w, NULL, ld_paper_label(P_DELETED_CELL, w->sv), LD_RUN_ITALIC);
	else if (c->empty)
		para(w, NULL, "", 0);
	else
		cell_paras(w, c, new_side ? r->new_num : r->old_num);
	if (new_side && ld_paper_has_note(r)) {
		ld_buf t;

		ld_buf_init(&t);
		ld_paper_moved_note(&t, r, w->sv);
		para(w, NULL, ld_buf_str(&t), LD_RUN_ITALIC);
		ld_buf_free(&t);
	}
	ld_buf_adds(&w->x, "</w:tc>");
}

static void
table_open(struct xw *w)
{
	const int widths[2] = { COL_W, COL_W };
	const char *heads[2];

	heads[0] = ld_paper_label(P_OLD_COL, w->sv);
	heads[1] = ld_paper_label(P_NEW_COL, w->sv);
	ld_docx_table_open(&w->x, widths, heads, 2);
}

static int
parallel_pair(struct xw *w, size_t pair)
{
	ld_playout l;
	size_t i;
	int r;

	if ((r = ld_paper_layout(w->d, pair, &w->o, &l)) != 0)
		return r;
	table_open(w);
	for (i = 0; i < l.n; i++) {
		ld_buf_adds(&w->x, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		side_cell(w, &l.rows[i], 0);
		side_cell(w, &l.rows[i], 1);
		ld_buf_adds(&w->x, "</w:tr>");
	}
	if (l.sum.minor != NULL) {
		ld_buf_adds(&w->x, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		cell_open(w, 2);
		sentence_para(w, NULL, l.sum.minor, LD_RUN_ITALIC);
		ld_buf_adds(&w->x, "</w:tc></w:tr>");
	}
	ld_buf_adds(&w->x, "</w:tbl>");
	ld_paper_layout_free(&l);
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

	ld_docx_document_open(&w->x);
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
	ld_docx_document_close(&w->x, 0);
	return r != 0 ? r : w->x.oom ? LDIFF_ENOMEM : 0;
}

static int
build(struct xw *w, ldiff_paper paper, const ld_docx_font *f, FILE *out,
    ldiff_error *err)
{
	ld_buf t;
	int r;

	ld_buf_init(&t);
	if (w->o.title != NULL)
		ld_buf_adds(&t, w->o.title);
	else
		ld_paper_title(&t, w->d, ldiff_diff_versions(w->d) - 2,
		    paper == LDIFF_PAPER_PARALLEL ? P_PARALLEL : P_SUMMARY,
		    w->sv);
	r = t.oom ? LDIFF_ENOMEM : document(w, paper);
	if (r == 0)
		r = ld_docx_write_document(&w->x, f, w->sv, ld_buf_str(&t), out,
		    err);
	else
		ld_error(err, r, NULL);
	ld_buf_free(&t);
	return r;
}

int
ldiff_render_paper_docx(const ldiff_diff *d, ldiff_paper paper,
    const void *new_docx, size_t new_len, FILE *out,
    const ldiff_render_opts *o, ldiff_error *err)
{
	struct xw w;
	ld_docx_font f;
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
	ld_docx_body_font(new_docx, new_len, &f);
	r = build(&w, paper, &f, out, err);
	ld_buf_free(&w.x);
	if (r == 0 && (fflush(out) != 0 || ferror(out)))
		r = ld_error(err, LDIFF_EIO, NULL);
	return r;
}
