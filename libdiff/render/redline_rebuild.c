/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * redline_rebuild.c - redline paragraphs written anew from clause text:
 * what NEW's own part cannot carry (deleted clauses, the places moved
 * clauses left, the old side of a split, merge or rewritten row), and the
 * whole body when there is no NEW package to copy (clause streams) or
 * NEW holds a construct the copy does not take (redline_copy.c).
 *
 * Each clause becomes a paragraph with the style and numbering of the
 * paragraph it came from (ldiff_clause.style_id, num_id, ilvl), so numbers
 * and headings look as in its version.  In our own package (no NEW) the
 * numbers are typed and Heading 1-3 serve.  The units map to
 * WordprocessingML revisions:
 *   inserted  runs in w:ins, the paragraph mark inserted (w:pPr/w:rPr/w:ins)
 *   deleted   runs in w:del with w:delText, the mark deleted
 *   changed   word-level w:ins / w:del runs from the unit's edits
 *   split     one old paragraph into several: the new marks inserted
 *   merged    several old paragraphs into one: the old marks deleted
 *   moved     w:moveTo at the new place, w:moveFrom where the clause stood,
 *             both named "moveN" inside move range marks
 *   rows      a changed row with its cells intact gets word-level changes
 *             per cell, else the old row is deleted and the new one
 *             inserted (w:trPr/w:del, w:trPr/w:ins); a moved row is
 *             deleted where it stood and inserted where it went (Word has
 *             no moved rows)
 * The edits are cut into paragraphs by walking the offsets of both joined
 * texts (diff_new.c joins the clauses of a split or merge with one space):
 * a new clause boundary ends a paragraph with an inserted mark, an old one
 * with a deleted mark, both together with a plain one.
 */
#include <stdlib.h>
#include <string.h>

#include "render/redline.h"

/* ---- XML pieces ------------------------------------------------------- */

void
dw_rev_attrs(struct dw *w)
{
	ld_buf_printf(&w->x, " w:id=\"%ld\" w:author=\"", w->id++);
	ld_docx_xml_text(&w->x, w->author, strlen(w->author));
	ld_buf_printf(&w->x, "\" w:date=\"%s\"", w->date);
}

const char *const dw_mark_el[] = {
	NULL, "w:ins", "w:del", "w:moveFrom", "w:moveTo"
};

/* One run of text; a TAB becomes w:tab, a newline w:br.  Deleted and
 * moved-from text is w:delText / w:t as Word writes it. */
static void
run(struct dw *w, const char *s, size_t len, int deleted)
{
	const char *t = deleted ? "w:delText" : "w:t";
	size_t i, start = 0;

	if (len == 0)
		return;
	ld_buf_adds(&w->x, "<w:r>");
	for (i = start; i <= len; i++) {
		if (i < len && s[i] != '\t' && s[i] != '\n')
			continue;
		if (i > start) {
			ld_buf_printf(&w->x, "<%s xml:space=\"preserve\">", t);
			ld_docx_xml_text(&w->x, s + start, i - start);
			ld_buf_printf(&w->x, "</%s>", t);
		}
		if (i < len)
			ld_buf_adds(&w->x, s[i] == '\t' ? "<w:tab/>" :
			    "<w:br/>");
		start = i + 1;
	}
	ld_buf_adds(&w->x, "</w:r>");
}

/* A run inside a revision element: w:ins, w:del, w:moveFrom, w:moveTo. */
static void
rev_run(struct dw *w, int mark, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (mark == MARK_NONE) {
		run(w, s, len, 0);
		return;
	}
	ld_buf_printf(&w->x, "<%s", dw_mark_el[mark]);
	dw_rev_attrs(w);
	ld_buf_adds(&w->x, ">");
	run(w, s, len, mark == MARK_DEL);
	ld_buf_printf(&w->x, "</%s>", dw_mark_el[mark]);
}

/* ---- paragraphs ------------------------------------------------------- */

/* The style of a clause: its own, or in our package one by kind. */
static void
para_style(struct dw *w, const ldiff_clause *c)
{
	if (c->style_id != NULL && c->style_id[0] != '\0' && !w->plain) {
		ld_buf_adds(&w->x, "<w:pStyle w:val=\"");
		ld_docx_xml_text(&w->x, c->style_id, strlen(c->style_id));
		ld_buf_adds(&w->x, "\"/>");
	} else if (c->kind == LDIFF_CL_SECTION)
		ld_buf_printf(&w->x, "<w:pStyle w:val=\"Heading%d\"/>",
		    c->level >= 1 && c->level <= 3 ? c->level : 3);
	if (c->num_id > 0 && !w->plain)
		ld_buf_printf(&w->x, "<w:numPr><w:ilvl w:val=\"%d\"/>"
		    "<w:numId w:val=\"%d\"/></w:numPr>",
		    c->ilvl >= 0 && c->ilvl <= 8 ? c->ilvl : 0, c->num_id);
}

/* The end of a w:pPr: the paragraph mark's revision, if any, then the
 * close tag. */
static void
close_ppr(struct dw *w, int mark)
{
	if (mark != MARK_NONE) {
		ld_buf_printf(&w->x, "<w:rPr><%s", dw_mark_el[mark]);
		dw_rev_attrs(w);
		ld_buf_adds(&w->x, "/></w:rPr>");
	}
	ld_buf_adds(&w->x, "</w:pPr>");
}

static void
para_open(struct dw *w, const ldiff_clause *c, int mark)
{
	ld_buf_adds(&w->x, "<w:p><w:pPr>");
	para_style(w, c);
	close_ppr(w, mark);
}

/* Close a paragraph opened without a mark, giving it one now: the mark
 * of a split or merge is only known at the cut.  Paragraph marks live in
 * w:pPr, so the paragraph is reopened there. */
static void
para_close_mark(struct dw *w, size_t ppr_end, int mark)
{
	ld_buf tail;

	if (mark != MARK_NONE) {
		ld_buf_init(&tail);
		ld_buf_add(&tail, w->x.data + ppr_end, w->x.len - ppr_end);
		w->x.len = ppr_end - strlen("</w:pPr>");
		ld_buf_printf(&w->x, "<w:rPr><%s", dw_mark_el[mark]);
		dw_rev_attrs(w);
		ld_buf_adds(&w->x, "/></w:rPr></w:pPr>");
		ld_buf_add(&w->x, tail.data, tail.len);
		if (tail.oom)
			w->x.oom = 1;
		ld_buf_free(&tail);
	}
	ld_buf_adds(&w->x, "</w:p>");
}

/* The number typed before the text when numbering does not make it. */
int
dw_typed_label(const struct dw *w, const ldiff_clause *c)
{
	return c->label[0] != '\0' && (w->plain || c->num_id <= 0) &&
	    c->kind != LDIFF_CL_ROW;
}

static void
label_run(struct dw *w, const ldiff_clause *c, int mark)
{
	ld_buf b;

	if (!dw_typed_label(w, c))
		return;
	ld_buf_init(&b);
	ld_buf_adds(&b, c->label);
	ld_buf_addc(&b, ' ');
	if (b.oom)
		w->x.oom = 1;
	else
		rev_run(w, mark, b.data, b.len);
	ld_buf_free(&b);
}

/* A whole clause as one paragraph, inserted, deleted, moved or plain. */
void
dw_whole_para(struct dw *w, const ldiff_clause *c, int mark, long move)
{
	const char *el = mark == MARK_MOVE_FROM ? "moveFrom" : "moveTo";
	long rid = 0;

	para_open(w, c, mark);
	if (move > 0) {
		rid = w->id++;
		ld_buf_printf(&w->x, "<w:%sRangeStart w:id=\"%ld\" "
		    "w:author=\"", el, rid);
		ld_docx_xml_text(&w->x, w->author, strlen(w->author));
		ld_buf_printf(&w->x, "\" w:date=\"%s\" w:name=\"move%ld\"/>",
		    w->date, move);
	}
	label_run(w, c, mark);
	rev_run(w, mark, c->text, strlen(c->text));
	if (move > 0)
		ld_buf_printf(&w->x, "<w:%sRangeEnd w:id=\"%ld\"/>", el, rid);
	ld_buf_adds(&w->x, "</w:p>");
}

/* The same text, the typed number maybe changed (renumbered). */
static void
same_text_para(struct dw *w, const ldiff_clause *o, const ldiff_clause *c)
{
	para_open(w, c, MARK_NONE);
	if (dw_typed_label(w, c) && strcmp(o->label, c->label) != 0) {
		label_run(w, o, MARK_DEL);
		label_run(w, c, MARK_INS);
	} else
		label_run(w, c, MARK_NONE);
	rev_run(w, MARK_NONE, c->text, strlen(c->text));
	ld_buf_adds(&w->x, "</w:p>");
}

/* ---- edits cut into paragraphs ------------------------------------------ */

struct cut {
	const ldiff_unit *u;
	size_t on, nn;		/* current old / new clause */
	size_t oo, no;		/* offsets into the joined texts */
	size_t ob, nb;		/* next old / new boundary, or SIZE_MAX */
	size_t ppr_end;		/* where the open paragraph's pPr ends */
	int at_new, at_old;	/* the last cut was at a new / old boundary */
};

/* A boundary lies after clause k's text and the joining space. */
static size_t
boundary(const ldiff_clause *const *cl, size_t n, size_t k, size_t *start)
{
	if (k + 1 >= n)
		return (size_t)-1;
	*start += strlen(cl[k]->text) + 1;
	return *start;
}

static void
cut_open(struct dw *w, struct cut *c)
{
	const ldiff_unit *u = c->u;
	const ldiff_clause *cl = u->n_new > 0 ? u->new_cl[c->nn] :
	    u->old_cl[c->on];

	para_open(w, cl, MARK_NONE);
	c->ppr_end = w->x.len;
	if (c->nn == 0 && c->on == 0 && u->n_new > 0 && u->n_old > 0 &&
	    dw_typed_label(w, u->new_cl[0]) && strcmp(u->old_cl[0]->label,
	    u->new_cl[0]->label) != 0) {
		label_run(w, u->old_cl[0], MARK_DEL);
		label_run(w, u->new_cl[0], MARK_INS);
	} else if (c->on == 0 && c->nn == 0 && u->n_new > 0)
		label_run(w, u->new_cl[0], MARK_NONE);
	else if (c->nn > 0 && c->at_new)
		label_run(w, u->new_cl[c->nn], MARK_INS);	/* split */
	else if (c->on > 0 && c->at_old)
		label_run(w, u->old_cl[c->on], MARK_DEL);	/* merge */
}

/* A paragraph ends here: which boundaries were reached decides its mark. */
static void
cut_break(struct dw *w, struct cut *c, size_t *ostart, size_t *nstart)
{
	int at_old = c->oo == c->ob, at_new = c->no == c->nb;
	int mark = at_old && at_new ? MARK_NONE : at_new ? MARK_INS :
	    MARK_DEL;

	para_close_mark(w, c->ppr_end, mark);
	if (at_old) {
		c->on++;
		c->ob = boundary(c->u->old_cl, c->u->n_old, c->on, ostart);
	}
	if (at_new) {
		c->nn++;
		c->nb = boundary(c->u->new_cl, c->u->n_new, c->nn, nstart);
	}
	c->at_new = at_new;
	c->at_old = at_old;
	cut_open(w, c);
}

/* A chunk that ends at a boundary ends with the joining space: a
 * separator on the side(s) that break there, so it is left out there and
 * kept as a change on a side that does not break (a split removes the
 * space between two sentences, a merge puts one in). */
static void
sep_run(struct dw *w, const struct cut *c, int mark, const char *s,
    size_t n, int adv_old, int adv_new)
{
	int at_old = adv_old && c->oo + n == c->ob;
	int at_new = adv_new && c->no + n == c->nb;

	if ((!at_old && !at_new) || s[n - 1] != ' ') {
		rev_run(w, mark, s, n);
		return;
	}
	rev_run(w, mark, s, n - 1);
	if (mark == MARK_NONE && at_new && !at_old)
		rev_run(w, MARK_DEL, " ", 1);
	else if (mark == MARK_NONE && at_old && !at_new)
		rev_run(w, MARK_INS, " ", 1);
}

/* Emit text of one edit side, advancing the old and/or new offset, and
 * cutting at every boundary it crosses. */
static void
cut_text(struct dw *w, struct cut *c, const char *s, int mark,
    size_t *ostart, size_t *nstart)
{
	size_t len = strlen(s), i = 0;
	int adv_old = mark != MARK_INS, adv_new = mark != MARK_DEL;

	while (i < len) {
		size_t n = len - i;

		if (adv_old && c->ob != (size_t)-1 && c->ob - c->oo < n)
			n = c->ob - c->oo;
		if (adv_new && c->nb != (size_t)-1 && c->nb - c->no < n)
			n = c->nb - c->no;
		sep_run(w, c, mark, s + i, n, adv_old, adv_new);
		i += n;
		if (adv_old)
			c->oo += n;
		if (adv_new)
			c->no += n;
		if ((adv_old && c->oo == c->ob) || (adv_new && c->no == c->nb))
			cut_break(w, c, ostart, nstart);
	}
}

static void
edits_paras(struct dw *w, const ldiff_unit *u)
{
	struct cut c;
	size_t i, ostart = 0, nstart = 0;

	memset(&c, 0, sizeof c);
	c.u = u;
	c.ob = boundary(u->old_cl, u->n_old, 0, &ostart);
	c.nb = boundary(u->new_cl, u->n_new, 0, &nstart);
	cut_open(w, &c);
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (e->op == LDIFF_EDIT_EQUAL) {
			cut_text(w, &c, e->new_text, MARK_NONE, &ostart,
			    &nstart);
			continue;
		}
		if (e->op != LDIFF_EDIT_INSERT)
			cut_text(w, &c, e->old_text, MARK_DEL, &ostart,
			    &nstart);
		if (e->op != LDIFF_EDIT_DELETE)
			cut_text(w, &c, e->new_text, MARK_INS, &ostart,
			    &nstart);
	}
	ld_buf_adds(&w->x, "</w:p>");
}

/* ---- tables ---------------------------------------------------------------- */

int
dw_unit_is_row(const ldiff_unit *u)
{
	const ldiff_clause *c = u->n_new > 0 ? u->new_cl[0] :
	    u->n_old > 0 ? u->old_cl[0] : NULL;

	return c != NULL && c->kind == LDIFF_CL_ROW;
}

size_t
dw_cells(const ldiff_clause *c)
{
	return c->n_cells > 0 ? c->n_cells : 1;
}

void
dw_table_open(struct dw *w, size_t lo, size_t hi)
{
	size_t i, cols = 1, k;

	for (i = lo; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (!dw_unit_is_row(u))
			break;
		for (k = 0; k < u->n_new; k++)
			if (dw_cells(u->new_cl[k]) > cols)
				cols = dw_cells(u->new_cl[k]);
		for (k = 0; k < u->n_old; k++)
			if (dw_cells(u->old_cl[k]) > cols)
				cols = dw_cells(u->old_cl[k]);
	}
	if (cols > 63)
		cols = 63;	/* Word's limit */
	w->cols = cols;
	ld_buf_adds(&w->x, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" "
	    "w:type=\"auto\"/><w:tblBorders>");
	{
		static const char *const side[] = { "top", "left", "bottom",
		    "right", "insideH", "insideV" };

		for (k = 0; k < 6; k++)
			ld_buf_printf(&w->x, "<w:%s w:val=\"single\" "
			    "w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>",
			    side[k]);
	}
	ld_buf_adds(&w->x, "</w:tblBorders><w:tblLook w:val=\"04A0\"/>"
	    "</w:tblPr><w:tblGrid>");
	for (k = 0; k < cols; k++)
		ld_buf_printf(&w->x, "<w:gridCol w:w=\"%zu\"/>",
		    GRID_TWIPS / cols);
	ld_buf_adds(&w->x, "</w:tblGrid>");
}

void
dw_table_close(struct dw *w)
{
	if (w->cols == 0)
		return;
	/* Word wants a paragraph between a table and what follows */
	ld_buf_adds(&w->x, "</w:tbl><w:p/>");
	w->cols = 0;
}

static void
row_open(struct dw *w, int mark)
{
	ld_buf_adds(&w->x, "<w:tr>");
	if (mark != MARK_NONE) {
		ld_buf_printf(&w->x, "<w:trPr><%s", dw_mark_el[mark]);
		dw_rev_attrs(w);
		ld_buf_adds(&w->x, "/></w:trPr>");
	}
}

/* A cell's paragraph takes the style of the row's first paragraph in
 * NEW (a header row stays a header row). */
static void
cell_open(struct dw *w, int mark)
{
	const char *st = w->cell_style;
	int styled = st != NULL && st[0] != '\0' && !w->plain;

	ld_buf_printf(&w->x, "<w:tc><w:tcPr><w:tcW w:w=\"%zu\" "
	    "w:type=\"dxa\"/></w:tcPr><w:p>", GRID_TWIPS / w->cols);
	if (mark == MARK_NONE && !styled)
		return;
	ld_buf_adds(&w->x, "<w:pPr>");
	if (styled) {
		ld_buf_adds(&w->x, "<w:pStyle w:val=\"");
		ld_docx_xml_text(&w->x, st, strlen(st));
		ld_buf_adds(&w->x, "\"/>");
	}
	close_ppr(w, mark);
}

/* The cells of a row; the cells beyond the grid join the last. */
void
dw_row_cells(struct dw *w, const ldiff_clause *c, int mark)
{
	size_t k, n = dw_cells(c), len = strlen(c->text);

	row_open(w, mark == MARK_DEL || mark == MARK_INS ? mark : MARK_NONE);
	for (k = 0; k < n; k++) {
		size_t off = c->n_cells > 0 ? c->cells[k].off : 0;
		int last = k + 1 == n || k + 1 >= w->cols;

		cell_open(w, mark);
		rev_run(w, mark, c->text + off, last ? len - off :
		    c->cells[k].len);
		ld_buf_adds(&w->x, "</w:p></w:tc>");
		if (last) {
			k++;
			break;
		}
	}
	for (; k < w->cols; k++) {
		cell_open(w, mark);
		ld_buf_adds(&w->x, "</w:p></w:tc>");
	}
	ld_buf_adds(&w->x, "</w:tr>");
}

/* Does [at, at+len) of c's text reach over a cell boundary (hold the
 * TAB between two cells)?  A clause that is not a row has one cell. */
static int
crosses(const ldiff_clause *c, size_t at, size_t len)
{
	if (c->n_cells == 0)
		return memchr(c->text + at, '\t', len) != NULL;
	return ld_row_cell_at(c, at) != ld_row_cell_at(c, at + len);
}

/* The cells survive when no change reaches over a cell boundary.  The
 * edits spell both texts, so each one's place in them is counted. */
int
dw_cells_intact(const ldiff_unit *u, size_t cols)
{
	size_t i, ao = 0, an = 0;

	if (u->n_old != 1 || u->n_new != 1 ||
	    dw_cells(u->new_cl[0]) != dw_cells(u->old_cl[0]) ||
	    dw_cells(u->new_cl[0]) > cols)
		return 0;
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];
		size_t lo = strlen(e->old_text), ln = strlen(e->new_text);

		if (e->op != LDIFF_EDIT_EQUAL &&
		    (crosses(u->old_cl[0], ao, lo) ||
		    crosses(u->new_cl[0], an, ln)))
			return 0;
		ao += lo;
		an += ln;
	}
	return 1;
}

/* Word-level changes cell by cell (dw_cells_intact: only equal text
 * reaches from one cell into the next). */
static void
row_edits(struct dw *w, const ldiff_unit *u)
{
	const ldiff_clause *row = u->new_cl[0];
	size_t i, k = 0, at = 0;	/* the cell open; where the edit is */

	row_open(w, MARK_NONE);
	cell_open(w, MARK_NONE);
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];
		size_t end = at + strlen(e->new_text);

		if (e->op != LDIFF_EDIT_EQUAL) {
			if (e->op != LDIFF_EDIT_INSERT)
				rev_run(w, MARK_DEL, e->old_text,
				    strlen(e->old_text));
			if (e->op != LDIFF_EDIT_DELETE)
				rev_run(w, MARK_INS, e->new_text,
				    end - at);
			at = end;
			continue;
		}
		/* the next cell begins after the TAB, inside this edit */
		while (k + 1 < row->n_cells && row->cells[k + 1].off <= end) {
			size_t tab = row->cells[k + 1].off - 1;

			rev_run(w, MARK_NONE, row->text + at, tab - at);
			ld_buf_adds(&w->x, "</w:p></w:tc>");
			cell_open(w, MARK_NONE);
			k++;
			at = tab + 1;
		}
		rev_run(w, MARK_NONE, row->text + at, end - at);
		at = end;
	}
	ld_buf_adds(&w->x, "</w:p></w:tc>");
	for (k++; k < w->cols; k++) {
		cell_open(w, MARK_NONE);
		ld_buf_adds(&w->x, "</w:p></w:tc>");
	}
	ld_buf_adds(&w->x, "</w:tr>");
}

static void
row_unit(struct dw *w, const ldiff_unit *u)
{
	size_t k;

	w->cell_style = u->n_new > 0 ? u->new_cl[0]->style_id :
	    u->old_cl[0]->style_id;
	if (u->op == LDIFF_OP_EQUAL && u->n_edits == 0) {
		for (k = 0; k < u->n_new; k++)
			dw_row_cells(w, u->new_cl[k], MARK_NONE);
		return;
	}
	if (u->n_edits > 0 && u->op != LDIFF_OP_INSERTED &&
	    u->op != LDIFF_OP_DELETED && dw_cells_intact(u, w->cols)) {
		row_edits(w, u);
		return;
	}
	for (k = 0; k < u->n_old; k++)
		dw_row_cells(w, u->old_cl[k], MARK_DEL);
	for (k = 0; k < u->n_new; k++)
		dw_row_cells(w, u->new_cl[k], MARK_INS);
}

/* ---- units -------------------------------------------------------------- */

/* Footnotes, headers, footers and comments are not body paragraphs. */
int
dw_unit_in_body(const ldiff_unit *u)
{
	const ldiff_clause *c = u->n_new > 0 ? u->new_cl[0] :
	    u->n_old > 0 ? u->old_cl[0] : NULL;

	return c != NULL && c->kind != LDIFF_CL_NOTE &&
	    c->kind != LDIFF_CL_OTHER && c->kind != LDIFF_CL_SENTENCE;
}

static void
body_unit(struct dw *w, const ldiff_unit *u, size_t i, size_t hi)
{
	size_t k;

	if (dw_unit_is_row(u)) {
		if (w->cols == 0)
			dw_table_open(w, i, hi);
		row_unit(w, u);
		return;
	}
	dw_table_close(w);
	switch (u->op) {
	case LDIFF_OP_INSERTED:
		for (k = 0; k < u->n_new; k++)
			dw_whole_para(w, u->new_cl[k], MARK_INS, 0);
		return;
	case LDIFF_OP_DELETED:
		for (k = 0; k < u->n_old; k++)
			dw_whole_para(w, u->old_cl[k], MARK_DEL, 0);
		return;
	case LDIFF_OP_MOVED:
		for (k = 0; k < u->n_new; k++)
			dw_whole_para(w, u->new_cl[k], MARK_MOVE_TO,
			    k == 0 ? (long)w->move_name[i] : 0);
		return;
	default:
		break;
	}
	if (u->n_edits > 0)
		edits_paras(w, u);
	else if (u->n_old == 1 && u->n_new == 1)
		same_text_para(w, u->old_cl[0], u->new_cl[0]);
	else
		for (k = 0; k < u->n_new; k++)
			dw_whole_para(w, u->new_cl[k], MARK_NONE, 0);
}

/* Where a moved clause stood: its old text, moved from.  A moved table
 * row is a deleted row here and an inserted one at its new place (Word
 * has no moved rows). */
static void
moved_from(struct dw *w, const ldiff_unit *u, size_t i)
{
	size_t k;

	if (dw_unit_is_row(u)) {
		if (w->cols == 0)
			dw_table_open(w, i, i + 1);
		w->cell_style = u->old_cl[0]->style_id;
		for (k = 0; k < u->n_old; k++)
			dw_row_cells(w, u->old_cl[k], MARK_DEL);
		return;
	}
	dw_table_close(w);
	for (k = 0; k < u->n_old; k++)
		dw_whole_para(w, u->old_cl[k], MARK_MOVE_FROM,
		    k == 0 ? (long)w->move_name[i] : 0);
}

/* The moved-from paragraphs of the place after unit `after`: the places
 * come in order, so a cursor over the sorted moves finds them. */
void
dw_moves_after(struct dw *w, size_t after)
{
	while (w->mk < w->nmv && w->mv[w->mk].after == after) {
		size_t j = w->mv[w->mk++].unit;
		const ldiff_unit *u = ldiff_diff_unit(w->d, j);

		if (dw_unit_in_body(u))
			moved_from(w, u, j);
	}
}

static void
moved_rows_as_changes(struct dw *w, size_t lo, size_t hi)
{
	size_t i;

	for (i = lo; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		w->move_name[i] = 0;
		if (u->op == LDIFF_OP_MOVED && !dw_unit_is_row(u))
			w->move_name[i] = (size_t)++w->move;
	}
}

int
dw_pair_units(struct dw *w, size_t *lo, size_t *hi)
{
	size_t nver = ldiff_diff_versions(w->d), n = ldiff_diff_count(w->d);
	size_t pair = nver >= 2 ? nver - 2 : 0;
	int r;

	for (*lo = 0; *lo < n && ldiff_diff_unit(w->d, *lo)->from < pair;
	    (*lo)++)
		;
	for (*hi = *lo; *hi < n && ldiff_diff_unit(w->d, *hi)->from == pair;
	    (*hi)++)
		;
	ld_free(w->mv);
	w->mv = NULL;
	w->nmv = w->mk = 0;
	w->move = 0;
	if ((r = ld_moved_slots(w->d, pair, w->slot)) != 0 ||
	    (r = ld_moves_by_place(w->d, pair, w->slot, *lo, *hi,
	    &w->mv, &w->nmv)) != 0)
		return r;
	moved_rows_as_changes(w, *lo, *hi);
	return 0;
}

/* The body rebuilt from the clauses' text, unit by unit. */
int
dw_rebuilt_body(struct dw *w)
{
	size_t lo, hi, i;
	int r;

	if ((r = dw_pair_units(w, &lo, &hi)) != 0)
		return r;
	dw_moves_after(w, LD_SLOT_TOP);
	for (i = lo; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (dw_unit_in_body(u)) {
			if (u->op == LDIFF_OP_MOVED && dw_unit_is_row(u)) {
				ldiff_unit tmp = *u;

				tmp.op = LDIFF_OP_INSERTED;
				tmp.n_old = 0;
				body_unit(w, &tmp, i, hi);
			} else
				body_unit(w, u, i, hi);
		}
		dw_moves_after(w, i);
	}
	dw_table_close(w);
	return 0;
}

