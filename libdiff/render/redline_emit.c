/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * redline_emit.c - a captured paragraph or row of NEW written back with
 * the revisions of the diff put in.
 *
 * The idea: a region's items are written in order, and a cursor walks
 * the region's text beside them.  A run is opened lazily, so that where
 * the state changes (plain -> inserted) inside a run the run is closed
 * and opened again with the same w:rPr, inside a w:ins when the text is
 * inserted.  Deleted text goes in at its offset as a run of its own
 * (w:del, w:delText) with the properties of the run it stands in or
 * after.  Content without text (a drawing, a field character, a note
 * reference) is inserted only when the text on both sides of it is, or
 * the whole region is.  Paragraph-mark and row revisions go into the
 * places the capture marked (RI_PMARK, RI_TRMARK).
 */
#include <stdlib.h>
#include <string.h>

#include "render/redline.h"

void
rl_ops_init(struct rl_ops *o)
{
	memset(o, 0, sizeof *o);
	ld_buf_init(&o->dtext);
}

void
rl_ops_free(struct rl_ops *o)
{
	ld_free(o->ins);
	ld_free(o->del);
	ld_buf_free(&o->dtext);
}

int
rl_ops_ins(struct rl_ops *o, size_t from, size_t to)
{
	if (to <= from)
		return 0;
	if (o->nins > 0 && o->ins[2 * o->nins - 1] == from) {
		o->ins[2 * o->nins - 1] = to;	/* joins the last span */
		return 0;
	}
	if (o->nins == o->capins) {
		size_t *v = ld_grow(o->ins, &o->capins, 16, 2 * sizeof *v);

		if (v == NULL)
			return LDIFF_ENOMEM;
		o->ins = v;
	}
	o->ins[2 * o->nins] = from;
	o->ins[2 * o->nins + 1] = to;
	o->nins++;
	return 0;
}

int
rl_ops_del(struct rl_ops *o, size_t at, const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (o->ndel == o->capdel) {
		struct rl_del *v = ld_grow(o->del, &o->capdel, 16, sizeof *v);

		if (v == NULL)
			return LDIFF_ENOMEM;
		o->del = v;
	}
	o->del[o->ndel].at = at;
	o->del[o->ndel].off = o->dtext.len;
	o->del[o->ndel].len = len;
	o->ndel++;
	return ld_buf_add(&o->dtext, s, len);
}

/* Where the writer stands. */
struct em {
	struct rl *r;
	const struct rl_ops *o;
	ld_buf *x;
	size_t pos;		/* offset into the region's text */
	size_t ki, kd;		/* next inserted span, next deletion */
	const struct rl_item *run;	/* the open run's item, or NULL */
	const struct rl_item *last;	/* the last run's, for deletions */
	int open, wrap;		/* a w:r written; inside which revision */
	long range;		/* the open move range's id */
};

static const char *
str(const struct em *e, size_t off)
{
	return e->r->s.data + off;
}

static void
close_run(struct em *e)
{
	if (!e->open)
		return;
	ld_buf_adds(e->x, "</w:r>");
	if (e->wrap != MARK_NONE)
		ld_buf_printf(e->x, "</%s>", dw_mark_el[e->wrap]);
	e->open = 0;
}

static void
open_run(struct em *e, int wrap)
{
	if (e->open && e->wrap == wrap)
		return;
	close_run(e);
	if (wrap != MARK_NONE) {
		ld_buf_printf(e->x, "<%s", dw_mark_el[wrap]);
		dw_rev_attrs(e->r->w);
		ld_buf_adds(e->x, ">");
	}
	if (e->run != NULL) {
		ld_buf_add(e->x, str(e, e->run->a), e->run->alen);
		ld_buf_add(e->x, str(e, e->run->t), e->run->tlen);
	} else
		ld_buf_adds(e->x, "<w:r>");
	e->open = 1;
	e->wrap = wrap;
}

/* Deleted text: TAB and LF as Word marks them. */
static void
deleted_run(struct em *e, const char *s, size_t len)
{
	const struct rl_item *p = e->run != NULL ? e->run : e->last;
	size_t i, start = 0;

	ld_buf_adds(e->x, "<w:del");
	dw_rev_attrs(e->r->w);
	ld_buf_adds(e->x, "><w:r>");
	if (p != NULL)
		ld_buf_add(e->x, str(e, p->t), p->tlen);
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '\t' && s[i] != '\n')
			continue;
		if (i > start) {
			ld_buf_adds(e->x, "<w:delText xml:space=\"preserve\">");
			ld_docx_xml_text(e->x, s + start, i - start);
			ld_buf_adds(e->x, "</w:delText>");
		}
		if (i < len)
			ld_buf_adds(e->x, s[i] == '\t' ? "<w:tab/>" : "<w:br/>");
		start = i + 1;
	}
	ld_buf_adds(e->x, "</w:r></w:del>");
}

/* Every deletion at or before the cursor. */
static void
deletions(struct em *e, int all)
{
	while (e->kd < e->o->ndel && (all || e->o->del[e->kd].at <= e->pos)) {
		const struct rl_del *d = &e->o->del[e->kd++];

		close_run(e);
		deleted_run(e, e->o->dtext.data + d->off, d->len);
	}
}

/* The revision of the text at the cursor, and how far it reaches. */
static int
state_at(struct em *e, size_t *reach)
{
	const struct rl_ops *o = e->o;
	size_t end = (size_t)-1;

	while (e->ki < o->nins && o->ins[2 * e->ki + 1] <= e->pos)
		e->ki++;
	if (e->kd < o->ndel)
		end = o->del[e->kd].at;
	if (o->wrap != MARK_NONE) {
		*reach = end;
		return o->wrap;
	}
	if (e->ki < o->nins && o->ins[2 * e->ki] <= e->pos) {
		*reach = o->ins[2 * e->ki + 1] < end ? o->ins[2 * e->ki + 1] :
		    end;
		return MARK_INS;
	}
	if (e->ki < o->nins && o->ins[2 * e->ki] < end)
		end = o->ins[2 * e->ki];
	*reach = end;
	return MARK_NONE;
}

/* Content without text: inserted when inserted text surrounds it. */
static int
zero_state(struct em *e)
{
	const struct rl_ops *o = e->o;
	size_t k;

	if (o->wrap != MARK_NONE)
		return o->wrap;
	for (k = 0; k < o->nins; k++)
		if (o->ins[2 * k] < e->pos && e->pos < o->ins[2 * k + 1])
			return MARK_INS;
	return MARK_NONE;
}

static void
text_item(struct em *e, const struct rl_item *it)
{
	size_t i = 0, reach, n;
	int st;

	while (i < it->tlen) {
		deletions(e, 0);
		st = state_at(e, &reach);
		n = it->tlen - i;
		if (reach > e->pos && reach - e->pos < n)
			n = reach - e->pos;
		open_run(e, st);
		ld_buf_adds(e->x, "<w:t xml:space=\"preserve\">");
		ld_docx_xml_text(e->x, str(e, it->t + i), n);
		ld_buf_adds(e->x, "</w:t>");
		i += n;
		e->pos += n;
	}
}

static void
char_item(struct em *e, const struct rl_item *it)
{
	size_t reach;

	deletions(e, 0);
	open_run(e, state_at(e, &reach));
	ld_buf_add(e->x, str(e, it->a), it->alen);
	e->pos += it->tlen;
}

/* The mark's revision: inside w:rPr (0), in one (1), in a w:pPr (2). */
static void
mark(struct em *e, int rev, int sub, const char *in, const char *pr)
{
	if (rev == MARK_NONE)
		return;
	if (sub >= 2)
		ld_buf_printf(e->x, "<%s>", pr);
	if (sub >= 1)
		ld_buf_printf(e->x, "<%s>", in);
	ld_buf_printf(e->x, "<%s", dw_mark_el[rev]);
	dw_rev_attrs(e->r->w);
	ld_buf_adds(e->x, "/>");
	if (sub >= 1)
		ld_buf_printf(e->x, "</%s>", in);
	if (sub >= 2)
		ld_buf_printf(e->x, "</%s>", pr);
}

static void
move_range(struct em *e, int start)
{
	struct dw *w = e->r->w;

	if (e->o->move <= 0)
		return;
	if (!start) {
		ld_buf_printf(e->x, "<w:moveToRangeEnd w:id=\"%ld\"/>",
		    e->range);
		return;
	}
	e->range = w->id++;
	ld_buf_printf(e->x, "<w:moveToRangeStart w:id=\"%ld\" w:author=\"",
	    e->range);
	ld_docx_xml_text(e->x, w->author, strlen(w->author));
	ld_buf_printf(e->x, "\" w:date=\"%s\" w:name=\"move%ld\"/>", w->date,
	    e->o->move);
}

static void
one_item(struct em *e, const struct rl_item *it)
{
	switch (it->type) {
	case RI_RUN:
		close_run(e);
		e->run = e->last = it;
		break;
	case RI_RUNEND:
		close_run(e);
		e->run = NULL;
		break;
	case RI_TEXT:
		text_item(e, it);
		break;
	case RI_CHAR:
		char_item(e, it);
		break;
	case RI_ZERO:
		open_run(e, zero_state(e));
		ld_buf_add(e->x, str(e, it->a), it->alen);
		break;
	case RI_SEP:
		e->pos += it->tlen;
		break;
	case RI_PEND:
		deletions(e, it->sub);
		close_run(e);
		if (it->sub)
			move_range(e, 0);
		break;
	case RI_PMARK:
		mark(e, e->o->pmark, it->sub, "w:rPr", "w:pPr");
		break;
	case RI_BODY:
		move_range(e, 1);
		break;
	case RI_TRMARK:
		mark(e, e->o->trmark, it->sub, "w:trPr", "w:trPr");
		break;
	default:
		close_run(e);
		ld_buf_add(e->x, str(e, it->a), it->alen);
		break;
	}
}

void
rl_emit(struct rl *r, const struct rl_ops *o)
{
	struct em e;
	size_t i;

	memset(&e, 0, sizeof e);
	e.r = r;
	e.o = o;
	e.x = &r->w->x;
	for (i = 0; i < r->nit; i++)
		one_item(&e, &r->it[i]);
	if (o->dtext.oom)
		e.x->oom = 1;
}
