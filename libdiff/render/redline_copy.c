/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * redline_copy.c - the redline's document part: NEW's own
 * word/document.xml, streamed and copied node by node, with the diff's
 * revisions put in where its clauses stand.
 *
 * The idea: the reader numbered every w:p of the part (ldiff_para.xml_p,
 * kept by the clause as ldiff_clause.xml_p), and the copy counts them the
 * same way, so each body paragraph and table row of NEW meets its clause
 * and unit without reading the text again.  Everything between them -
 * section breaks, bookmarks, content controls, empty paragraphs - is
 * copied as it stands.  Per region (redline_region.c captures it):
 *   equal                copied as it is
 *   inserted             every run in w:ins, the mark (or row) inserted
 *   moved                every run in w:moveTo inside a move range
 *   changed, one to one  word edits at their offsets (redline_emit.c),
 *                        when the region's text is the clause's (a typed
 *                        number may come before it); else the old text
 *                        deleted before the runs, all inserted
 *   split, merged        the old paragraphs deleted before the first new
 *                        one (rebuilt from clause text with OLD's style
 *                        and numbering), the new ones inserted
 *   rows                 a changed row with its cells intact gets word
 *                        edits in its cells; otherwise the old row,
 *                        rebuilt, is deleted before NEW's, inserted
 * Deleted clauses and the places moved clauses left are written from the
 * clause text (render_docx.c) before the next unit that NEW has; inside a
 * table only rows can stand, so a deleted paragraph waits for the table's
 * end.
 */
#include <stdlib.h>
#include <string.h>

#include "render/redline.h"

#define RL_WHOLE ((size_t)-1)

/* ---- which unit a w:p belongs to ------------------------------------- */

static int
build_map(struct rl *r)
{
	size_t i, k, max = 0;

	for (i = r->lo; i < r->hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(r->w->d, i);

		for (k = 0; k < u->n_new; k++)
			if (u->new_cl[k]->xml_p > max)
				max = u->new_cl[k]->xml_p;
	}
	r->nmap = max + 1;
	r->unit_of = ld_calloc(r->nmap, sizeof *r->unit_of);
	r->k_of = ld_calloc(r->nmap, sizeof *r->k_of);
	if (r->unit_of == NULL || r->k_of == NULL)
		return LDIFF_ENOMEM;
	for (i = r->lo; i < r->hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(r->w->d, i);

		if (!dw_unit_in_body(u))
			continue;
		for (k = 0; k < u->n_new; k++) {
			size_t p = u->new_cl[k]->xml_p;

			if (p > 0 && r->unit_of[p] == 0) {
				r->unit_of[p] = i + 1;
				r->k_of[p] = k;
			}
		}
	}
	return 0;
}

/* The unit of w:p number p, or RL_WHOLE. */
static size_t
unit_at(const struct rl *r, size_t p)
{
	return p < r->nmap && r->unit_of[p] > 0 ? r->unit_of[p] - 1 :
	    RL_WHOLE;
}

/* ---- what NEW does not have: deletions and the places moves left -------- */

/* OLD's rows, deleted; inside NEW's table, or in a table of their own. */
static void
deleted_rows(struct rl *r, const ldiff_unit *u, size_t i, int mark)
{
	struct dw *w = r->w;
	size_t k, cols = 1;

	if (r->tables == 0)
		dw_table_open(w, i, i + 1);
	else {
		for (k = 0; k < u->n_old; k++)
			if (dw_cells(u->old_cl[k]) > cols)
				cols = dw_cells(u->old_cl[k]);
		w->cols = cols;
	}
	w->cell_style = u->old_cl[0]->style_id;
	for (k = 0; k < u->n_old; k++)
		dw_row_cells(w, u->old_cl[k], mark);
	if (r->tables == 0)
		dw_table_close(w);
	w->cols = 0;
}

/* Can what goes after unit j (LD_SLOT_TOP: before the first) stand
 * here?  In a table only rows can. */
static int
fits(const struct rl *r, size_t j)
{
	const struct dw *w = r->w;
	size_t m;

	if (r->tables == 0)
		return 1;
	if (j != LD_SLOT_TOP) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, j);

		if (u->n_new == 0 && dw_unit_in_body(u) && !dw_unit_is_row(u))
			return 0;
	}
	for (m = w->mk; m < w->nmv && w->mv[m].after == j; m++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, w->mv[m].unit);

		if (dw_unit_in_body(u) && !dw_unit_is_row(u))
			return 0;
	}
	return 1;
}

/* The places moved clauses left, after unit `after`. */
static void
moves_after(struct rl *r, size_t after)
{
	struct dw *w = r->w;
	size_t k;

	while (w->mk < w->nmv && w->mv[w->mk].after == after) {
		size_t j = w->mv[w->mk++].unit;
		const ldiff_unit *u = ldiff_diff_unit(w->d, j);

		if (!dw_unit_in_body(u))
			continue;
		if (dw_unit_is_row(u)) {
			deleted_rows(r, u, j, MARK_DEL);
			continue;
		}
		for (k = 0; k < u->n_old; k++)
			dw_whole_para(w, u->old_cl[k], MARK_MOVE_FROM,
			    k == 0 ? (long)w->move_name[j] : 0);
	}
}

static void
deleted_unit(struct rl *r, const ldiff_unit *u, size_t i)
{
	size_t k;

	if (u->n_new > 0 || !dw_unit_in_body(u))
		return;
	if (dw_unit_is_row(u)) {
		deleted_rows(r, u, i, MARK_DEL);
		return;
	}
	for (k = 0; k < u->n_old; k++)
		dw_whole_para(r->w, u->old_cl[k], MARK_DEL, 0);
}

/* Write what stands before unit `upto` (RL_WHOLE: everything left), as
 * far as it can stand here. */
static void
place_until(struct rl *r, size_t upto)
{
	if (!r->top_moves) {
		if (!fits(r, LD_SLOT_TOP))
			return;
		moves_after(r, LD_SLOT_TOP);
		r->top_moves = 1;
	}
	while (r->done < r->hi && (upto == RL_WHOLE || r->done < upto)) {
		if (!fits(r, r->done))
			return;
		deleted_unit(r, ldiff_diff_unit(r->w->d, r->done), r->done);
		moves_after(r, r->done);
		r->done++;
	}
}

/* ---- the revisions of one region -------------------------------------- */

/* Where the clause text starts in the region's text (after a typed
 * number), or RL_WHOLE when the region does not end in it (trailing
 * white space aside). */
static size_t
text_base(const struct rl *r, const char *clause)
{
	size_t n = r->text.len, c = strlen(clause);
	const char *t = r->text.data;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (c > n || (c > 0 && memcmp(t + n - c, clause, c) != 0))
		return RL_WHOLE;
	return n - c;
}

static int
label_changed(const struct dw *w, const ldiff_unit *u)
{
	return dw_typed_label(w, u->new_cl[0]) &&
	    strcmp(u->old_cl[0]->label, u->new_cl[0]->label) != 0;
}

/* The old label (when typed) and text, deleted at the start. */
static int
old_text_deleted(const struct dw *w, struct rl_ops *o, const ldiff_clause *c)
{
	int e = 0;

	if (dw_typed_label(w, c)) {
		e = rl_ops_del(o, 0, c->label, strlen(c->label));
		if (e == 0)
			e = rl_ops_del(o, 0, " ", 1);
	}
	return e != 0 ? e : rl_ops_del(o, 0, c->text, strlen(c->text));
}

/* The unit's word edits as spans of the region's text from base. */
static int
edit_ops(struct rl_ops *o, const ldiff_unit *u, size_t base)
{
	size_t i, pos = base;
	int e = 0;

	for (i = 0; i < u->n_edits && e == 0; i++) {
		const ldiff_edit *d = &u->edits[i];
		size_t nl = strlen(d->new_text);

		if (d->op == LDIFF_EDIT_EQUAL) {
			pos += nl;
			continue;
		}
		if (d->op != LDIFF_EDIT_INSERT)
			e = rl_ops_del(o, pos, d->old_text,
			    strlen(d->old_text));
		if (e == 0 && d->op != LDIFF_EDIT_DELETE)
			e = rl_ops_ins(o, pos, pos + nl);
		pos += nl;
	}
	return e;
}

/* A LF or TAB inside a change would move a cell or paragraph boundary. */
static int
row_edits_fit(const ldiff_unit *u)
{
	size_t i;

	if (!dw_cells_intact(u, (size_t)-1))
		return 0;
	for (i = 0; i < u->n_edits; i++)
		if (u->edits[i].op != LDIFF_EDIT_EQUAL &&
		    (strchr(u->edits[i].old_text, '\n') ||
		    strchr(u->edits[i].new_text, '\n')))
			return 0;
	return 1;
}

static int
one_to_one(struct rl *r, struct rl_ops *o, const ldiff_unit *u, int row)
{
	size_t base = text_base(r, u->new_cl[0]->text);
	int e;

	if (base == RL_WHOLE || (row && !row_edits_fit(u))) {
		if (row) {
			deleted_rows(r, u, 0, MARK_DEL);
			o->trmark = MARK_INS;
			o->wrap = MARK_INS;
			return 0;
		}
		o->wrap = MARK_INS;
		return old_text_deleted(r->w, o, u->old_cl[0]);
	}
	if (!row && label_changed(r->w, u)) {
		if ((e = rl_ops_ins(o, 0, base)) != 0 ||
		    (e = rl_ops_del(o, 0, u->old_cl[0]->label,
		    strlen(u->old_cl[0]->label))) != 0 ||
		    (e = rl_ops_del(o, 0, " ", 1)) != 0)
			return e;
	}
	return edit_ops(o, u, base);
}

/* The revisions of the region of unit i's k-th new clause; before it,
 * what the unit replaced when its paragraphs cannot carry that. */
static int
region_ops(struct rl *r, struct rl_ops *o, size_t i, size_t k, int row)
{
	const ldiff_unit *u = ldiff_diff_unit(r->w->d, i);
	size_t m;

	if (u->op == LDIFF_OP_EQUAL && u->n_edits == 0 &&
	    (row || u->n_old != 1 || !label_changed(r->w, u)))
		return 0;
	if (u->op == LDIFF_OP_INSERTED || (u->op == LDIFF_OP_MOVED && row)) {
		o->wrap = o->pmark = MARK_INS;
		o->trmark = row ? MARK_INS : 0;
		return 0;
	}
	if (u->op == LDIFF_OP_MOVED) {
		o->wrap = o->pmark = MARK_MOVE_TO;
		o->move = k == 0 ? (long)r->w->move_name[i] : 0;
		return 0;
	}
	if (u->n_old == 1 && u->n_new == 1)
		return one_to_one(r, o, u, row);
	if (k == 0 && row)
		deleted_rows(r, u, i, MARK_DEL);
	else if (k == 0)
		for (m = 0; m < u->n_old; m++)
			dw_whole_para(r->w, u->old_cl[m], MARK_DEL, 0);
	o->wrap = o->pmark = MARK_INS;
	o->trmark = row ? MARK_INS : 0;
	return 0;
}

/* A body paragraph (row 0) or table row (row 1) of NEW. */
static int
region(struct rl *r, int row)
{
	size_t p = r->p_seen + (row ? 1 : 0), i, k;
	struct rl_ops o;
	int e;

	if ((e = rl_capture(r, row)) != 0)
		return e;
	i = unit_at(r, p);
	place_until(r, i);
	rl_ops_init(&o);
	if (i != RL_WHOLE) {
		k = r->k_of[p];
		if ((e = region_ops(r, &o, i, k, row)) != 0) {
			rl_ops_free(&o);
			return ld_error(r->err, e, NULL);
		}
	}
	rl_emit(r, &o);
	rl_ops_free(&o);
	return 0;
}

/* ---- the part ---------------------------------------------------------- */

static int copy_children(struct rl *r);

static int
is_w(struct rl *r, const char *name)
{
	return ld_xml_ns(r->x) == LD_NS_W &&
	    strcmp(ld_xml_name(r->x), name) == 0;
}

/* An element outside the regions: its tags copied, its content walked. */
static int
container(struct rl *r)
{
	char q[256];
	int empty = ld_xml_empty(r->x), e;

	if (strlen(ld_xml_qname(r->x)) >= sizeof q)
		return 1;
	strcpy(q, ld_xml_qname(r->x));
	if ((e = ld_xml_write_start(r->x, &r->w->x)) != 0)
		return ld_error(r->err, e, NULL);
	if ((e = copy_children(r)) != 0)
		return e;
	if (!empty)
		ld_buf_printf(&r->w->x, "</%s>", q);
	return 0;
}

static int
copy_start(struct rl *r)
{
	int e;

	if (is_w(r, "p"))
		return region(r, 0);
	if (is_w(r, "tr") && r->tables > 0)
		return region(r, 1);
	if (is_w(r, "tbl")) {
		if (r->tables == 0)
			place_until(r, unit_at(r, r->p_seen + 1));
		r->tables++;
		e = container(r);
		r->tables--;
		return e;
	}
	if (is_w(r, "sectPr") && r->tables == 0)
		place_until(r, RL_WHOLE);
	if (is_w(r, "body")) {
		if ((e = container(r)) != 0)
			return e;
		return 0;
	}
	if (ld_xml_ns(r->x) == LD_NS_W && (is_w(r, "ins") ||
	    is_w(r, "del") || is_w(r, "moveTo") || is_w(r, "moveFrom") ||
	    strstr(ld_xml_name(r->x), "Range") != NULL ||
	    is_w(r, "sectPr")))
		return rl_copy_element(r, &r->w->x);
	return container(r);
}

static int
copy_children(struct rl *r)
{
	int t, e;

	for (;;) {
		if ((t = rl_next(r)) < 0)
			return t;
		if (t == 0 || t == LD_XML_END) {
			if (r->top == 1 && r->tables == 0)
				place_until(r, RL_WHOLE);	/* </w:body> */
			return 0;
		}
		if (t == LD_XML_TEXT) {
			const char *s = ld_xml_text(r->x);

			ld_docx_xml_text(&r->w->x, s, strlen(s));
			continue;
		}
		if ((e = copy_start(r)) != 0)
			return e;
	}
}

/* The root: w:document in the prefix w: (our revisions use it). */
static int
copy_part(struct rl *r)
{
	int t;

	ld_buf_adds(&r->w->x, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n");
	if ((t = rl_next(r)) < 0)
		return t;
	if (t != LD_XML_START || ld_xml_ns(r->x) != LD_NS_W ||
	    strcmp(ld_xml_qname(r->x), "w:document") != 0)
		return 1;
	return container(r);
}

int
dw_copy_document(struct dw *w, const void *docx, size_t len,
    const char *name, ldiff_error *err)
{
	struct rl r;
	ld_pkg *p = NULL;
	int e;

	memset(&r, 0, sizeof r);
	r.w = w;
	r.err = err;
	ld_buf_init(&r.s);
	ld_buf_init(&r.text);
	ld_buf_reset(&w->x);
	if ((e = dw_pair_units(w, &r.lo, &r.hi)) != 0 ||
	    (e = build_map(&r)) != 0) {
		rl_free(&r);
		return ld_error(err, e, NULL);
	}
	r.done = r.lo;
	e = ld_pkg_open_mem(&p, docx, len, NULL, err);
	if (e == 0)
		e = ld_xml_open(&r.x, p, name, err);
	if (e == 0)
		e = copy_part(&r);
	if (e == 0 && w->x.oom)
		e = ld_error(err, LDIFF_ENOMEM, NULL);
	if (e == 0)
		ld_buf_adds(&w->x, "\n");
	ld_xml_close(r.x);
	ld_pkg_close(p);
	rl_free(&r);
	if (e == 1)
		ld_buf_reset(&w->x);
	return e;
}
