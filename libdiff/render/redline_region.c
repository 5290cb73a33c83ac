/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * redline_region.c - reading NEW's document part for the redline: the
 * nodes as they stand, in the accept view of NEW's own revisions, and one
 * paragraph or table row at a time captured as a list of items (markup,
 * runs, text) so that redline_emit.c can cut runs where the diff says.
 *
 * The idea: the copy must count w:p exactly as the reader (docx/wordml.c)
 * does, so that ldiff_clause.xml_p finds the clause's paragraph: every
 * w:p, but none in a second branch of mc:AlternateContent.  NEW's own
 * tracked changes are accepted while copying (w:ins and w:moveTo
 * unwrapped, w:del and w:moveFrom dropped, formatting changes dropped),
 * so that no revision of ours lands inside one of NEW's; a deleted
 * paragraph mark or row, or a cell revision, would change the structure
 * and is left to the rebuild (return 1).  The region's text is built as
 * the reader builds it: w:t, TAB for w:tab, LF for w:br and w:cr, the
 * hyphens and symbols; between cells a TAB and between a cell's
 * paragraphs a LF, as clause/ joins a row.
 */
#include <stdlib.h>
#include <string.h>

#include "render/redline.h"

enum { ACT_KEEP, ACT_DROP, ACT_UNWRAP, ACT_REBUILD };

static int
frame_kind(struct rl *r, int ns, const char *n, int up)
{
	if (ns == LD_NS_MC && (strcmp(n, "Choice") == 0 ||
	    strcmp(n, "Fallback") == 0)) {
		if (r->nac > 0 && r->nac <= 64 && r->ac[r->nac - 1])
			return F_HIDDEN;
		if (r->nac > 0 && r->nac <= 64)
			r->ac[r->nac - 1] = 1;
		return F_OTHER;
	}
	if (ns == LD_NS_MC && strcmp(n, "AlternateContent") == 0) {
		if (r->nac < 64)
			r->ac[r->nac] = 0;
		r->nac++;
		return F_OTHER;
	}
	if (ns != LD_NS_W)
		return F_OTHER;
	if (strcmp(n, "p") == 0)
		return F_P;
	if (strcmp(n, "r") == 0)
		return F_R;
	if (strcmp(n, "pPr") == 0)
		return F_PPR;
	if (strcmp(n, "rPr") == 0)
		return up == F_PPR ? F_PRPR : F_RRPR;
	if (strcmp(n, "tr") == 0)
		return F_TR;
	if (strcmp(n, "trPr") == 0)
		return F_TRPR;
	if (strcmp(n, "tc") == 0)
		return F_TC;
	return F_OTHER;
}

static int
push(struct rl *r, int kind)
{
	if (r->top == r->capframe) {
		unsigned char *v = ld_grow(r->frame, &r->capframe, 64, 1);

		if (v == NULL)
			return ld_error(r->err, LDIFF_ENOMEM, NULL);
		r->frame = v;
	}
	r->frame[r->top++] = (unsigned char)kind;
	if (kind == F_HIDDEN)
		r->hidden++;
	return 0;
}

static void
pop(struct rl *r)
{
	int ns = ld_xml_ns(r->x);

	if (r->top == 0)
		return;
	if (r->frame[--r->top] == F_HIDDEN)
		r->hidden--;
	if (ns == LD_NS_MC && strcmp(ld_xml_name(r->x),
	    "AlternateContent") == 0 && r->nac > 0)
		r->nac--;
}

int
rl_next(struct rl *r)
{
	int t = ld_xml_next(r->x, r->err), up, kind, e;

	if (t == LD_XML_START) {
		up = r->top > 0 ? r->frame[r->top - 1] : F_OTHER;
		kind = frame_kind(r, ld_xml_ns(r->x), ld_xml_name(r->x), up);
		if (kind == F_P && r->hidden == 0)
			r->p_seen++;
		if ((e = push(r, kind)) != 0)
			return e;
	} else if (t == LD_XML_END)
		pop(r);
	return t;
}

int
rl_parent(const struct rl *r)
{
	return r->top >= 2 ? r->frame[r->top - 2] : F_OTHER;
}

/* What the accept view does with the current element. */
static int
rev_action(struct rl *r)
{
	const char *n = ld_xml_name(r->x);
	int up = rl_parent(r);
	size_t len = strlen(n);

	if (ld_xml_ns(r->x) != LD_NS_W)
		return ACT_KEEP;
	if (strcmp(n, "ins") == 0 || strcmp(n, "moveTo") == 0)
		return up == F_PRPR || up == F_TRPR || up == F_RRPR ?
		    ACT_DROP : ACT_UNWRAP;
	if (strcmp(n, "del") == 0 || strcmp(n, "moveFrom") == 0)
		return up == F_PRPR || up == F_TRPR ? ACT_REBUILD : ACT_DROP;
	if (strcmp(n, "cellIns") == 0 || strcmp(n, "cellDel") == 0 ||
	    strcmp(n, "cellMerge") == 0)
		return ACT_REBUILD;
	if ((len > 6 && strcmp(n + len - 6, "Change") == 0) ||
	    strncmp(n, "moveFromRange", 13) == 0 ||
	    strncmp(n, "moveToRange", 11) == 0 ||
	    strcmp(n, "delText") == 0 || strcmp(n, "delInstrText") == 0)
		return ACT_DROP;
	return ACT_KEEP;
}

/* Read past the current element, counting the w:p inside. */
static int
drop(struct rl *r)
{
	int depth = 1, t;

	while (depth > 0) {
		if ((t = rl_next(r)) < 0)
			return t;
		if (t == 0)
			return ld_error(r->err, LDIFF_EXML, NULL);
		depth += t == LD_XML_START ? 1 : t == LD_XML_END ? -1 : 0;
	}
	return 0;
}

typedef int child_fn(struct rl *r, void *ctx);

/* The children of the current element, until its end. */
static int
children(struct rl *r, child_fn *on_start, child_fn *on_text, void *ctx)
{
	int t, e;

	for (;;) {
		if ((t = rl_next(r)) < 0)
			return t;
		if (t == 0)
			return ld_error(r->err, LDIFF_EXML, NULL);
		if (t == LD_XML_END)
			return 0;
		e = t == LD_XML_START ? on_start(r, ctx) : on_text(r, ctx);
		if (e != 0)
			return e;
	}
}

static int
copy_text(struct rl *r, void *ctx)
{
	const char *s = ld_xml_text(r->x);

	ld_docx_xml_text(ctx, s, strlen(s));
	return 0;
}

static int
copy_start(struct rl *r, void *ctx)
{
	return rl_copy_element(r, ctx);
}

/* The accept view's verdict, applied: 2 when the element is kept (the
 * caller copies it), else what was done. */
static int
accept_view(struct rl *r, child_fn *on_start, child_fn *on_text, void *ctx)
{
	switch (rev_action(r)) {
	case ACT_DROP:
		return drop(r);
	case ACT_UNWRAP:
		return children(r, on_start, on_text, ctx);
	case ACT_REBUILD:
		return 1;
	default:
		return 2;
	}
}

/* Start tag, children by on_start / on_text, end tag. */
static int
element(struct rl *r, ld_buf *out, child_fn *on_start, child_fn *on_text,
    void *ctx)
{
	char q[256];
	int empty = ld_xml_empty(r->x), e;

	if (strlen(ld_xml_qname(r->x)) >= sizeof q)
		return 1;
	strcpy(q, ld_xml_qname(r->x));
	if ((e = ld_xml_write_start(r->x, out)) != 0)
		return ld_error(r->err, e, NULL);
	if ((e = children(r, on_start, on_text, ctx)) != 0)
		return e;
	if (!empty) {
		ld_buf_adds(out, "</");
		ld_buf_adds(out, q);
		ld_buf_addc(out, '>');
	}
	return 0;
}

int
rl_copy_element(struct rl *r, ld_buf *out)
{
	int e = accept_view(r, copy_start, copy_text, out);

	return e != 2 ? e : element(r, out, copy_start, copy_text, out);
}

/* ---- capturing a region ------------------------------------------------ */

struct cap {
	int row_level;		/* cells here are the region row's */
	size_t ntc;		/* cells of the row so far */
	size_t npara;		/* paragraphs of the cell so far */
	int top;		/* the region's own paragraph */
	int mark_done;		/* RI_PMARK / RI_TRMARK placed */
	int body_done;		/* RI_BODY placed */
	size_t run;		/* the open run's item */
};

static struct rl_item *
item(struct rl *r, int type, int sub)
{
	struct rl_item *v;

	if (r->nit == r->capit) {
		v = ld_grow(r->it, &r->capit, 64, sizeof *v);
		if (v == NULL)
			return NULL;
		r->it = v;
	}
	v = &r->it[r->nit++];
	memset(v, 0, sizeof *v);
	v->type = type;
	v->sub = sub;
	v->a = v->t = r->s.len;
	return v;
}

/* An item whose markup is the current element, copied. */
static int
raw_element(struct rl *r, int type, const char *text, size_t tlen)
{
	struct rl_item *v = item(r, type, 0);
	int e;

	if (v == NULL)
		return ld_error(r->err, LDIFF_ENOMEM, NULL);
	if ((e = rl_copy_element(r, &r->s)) != 0)
		return e;
	v = &r->it[r->nit - 1];
	v->alen = r->s.len - v->a;
	v->t = r->s.len;
	ld_buf_add(&r->s, text, tlen);
	v->tlen = tlen;
	ld_buf_add(&r->text, text, tlen);
	return 0;
}

static int
simple(struct rl *r, int type, int sub, const char *text)
{
	struct rl_item *v = item(r, type, sub);

	if (v == NULL)
		return ld_error(r->err, LDIFF_ENOMEM, NULL);
	ld_buf_adds(&r->s, text);
	v->tlen = strlen(text);
	if (type == RI_SEP)
		ld_buf_adds(&r->text, text);
	return 0;
}

/* Markup between items: start and end tags, white space. */
static int
raw_text(struct rl *r, void *ctx)
{
	struct rl_item *v = item(r, RI_RAW, 0);
	const char *s = ld_xml_text(r->x);

	LD_UNUSED(ctx);
	if (v == NULL)
		return ld_error(r->err, LDIFF_ENOMEM, NULL);
	ld_docx_xml_text(&r->s, s, strlen(s));
	v->alen = r->s.len - v->a;
	return 0;
}

static int
raw_tag(struct rl *r, const char *tag)
{
	struct rl_item *v = item(r, RI_RAW, 0);

	if (v == NULL)
		return ld_error(r->err, LDIFF_ENOMEM, NULL);
	ld_buf_adds(&r->s, tag);
	v->alen = r->s.len - v->a;
	return 0;
}

static int cap_node(struct rl *r, void *ctx);

/* The current start tag as an item, written open even when empty (the
 * caller then writes the end tag from q, "</w:p>"). */
static int
tag_item(struct rl *r, char *q, size_t qsize)
{
	struct rl_item *v;
	int e;

	if (strlen(ld_xml_qname(r->x)) + 3 >= qsize)
		return 1;
	snprintf(q, qsize, "</%s>", ld_xml_qname(r->x));
	if ((v = item(r, RI_RAW, 0)) == NULL)
		return ld_error(r->err, LDIFF_ENOMEM, NULL);
	if ((e = ld_xml_write_start(r->x, &r->s)) != 0)
		return ld_error(r->err, e, NULL);
	if (ld_xml_empty(r->x)) {
		r->s.len -= 2;
		ld_buf_addc(&r->s, '>');
	}
	r->it[r->nit - 1].alen = r->s.len - r->it[r->nit - 1].a;
	return 0;
}

/* A container copied with its children captured by fn. */
static int
cap_with(struct rl *r, struct cap *c, child_fn *fn)
{
	char q[256];
	int e;

	if ((e = tag_item(r, q, sizeof q)) != 0 ||
	    (e = children(r, fn, raw_text, c)) != 0)
		return e;
	return raw_tag(r, q);
}

/* ---- runs ---- */

static int
run_text(struct rl *r, void *ctx)
{
	const char *s = ld_xml_text(r->x);
	size_t n = strlen(s);

	LD_UNUSED(ctx);
	ld_buf_add(&r->s, s, n);
	ld_buf_add(&r->text, s, n);
	r->it[r->nit - 1].tlen += n;
	return 0;
}

static int
no_child(struct rl *r, void *ctx)
{
	LD_UNUSED(ctx);
	return drop(r);
}

static int
ignore_text(struct rl *r, void *ctx)
{
	LD_UNUSED(r);
	LD_UNUSED(ctx);
	return 0;
}

static int
w_t(struct rl *r)
{
	if (item(r, RI_TEXT, 0) == NULL)
		return ld_error(r->err, LDIFF_ENOMEM, NULL);
	return children(r, no_child, run_text, NULL);
}

/* The text the reader gives a w:sym, UTF-8. */
static void
sym_text(struct rl *r, ld_buf *b)
{
	char hex[16], font[64];
	long cp;

	if (!ld_xml_attr(r->x, LD_NS_W, "char", hex, sizeof hex))
		return;
	if (!ld_xml_attr(r->x, LD_NS_W, "font", font, sizeof font))
		font[0] = '\0';
	cp = strtol(hex, NULL, 16);
	if (cp > 0 && cp <= 0x10FFFF)
		ld_utf8_encode(b, wm_symbol(font, (int32_t)cp));
}

/* The text of a run's child, as the reader has it; 0 none (a drawing, a
 * field character, a page break ...). */
static void
child_text(struct rl *r, const char *n, ld_buf *b)
{
	char type[32];

	if (strcmp(n, "tab") == 0 || strcmp(n, "ptab") == 0)
		ld_buf_addc(b, '\t');
	else if (strcmp(n, "cr") == 0)
		ld_buf_addc(b, '\n');
	else if (strcmp(n, "br") == 0 && !(ld_xml_attr(r->x, LD_NS_W,
	    "type", type, sizeof type) && (strcmp(type, "page") == 0 ||
	    strcmp(type, "column") == 0)))
		ld_buf_addc(b, '\n');
	else if (strcmp(n, "softHyphen") == 0)
		ld_buf_adds(b, "\xc2\xad");
	else if (strcmp(n, "noBreakHyphen") == 0)
		ld_buf_adds(b, "\xe2\x80\x91");
	else if (strcmp(n, "sym") == 0)
		sym_text(r, b);
}

static int
run_child(struct rl *r, void *ctx)
{
	struct cap *c = ctx;
	const char *n = ld_xml_name(r->x);
	ld_buf t;
	int e;

	if (ld_xml_ns(r->x) == LD_NS_W && strcmp(n, "rPr") == 0) {
		size_t start = r->s.len;

		if ((e = rl_copy_element(r, &r->s)) != 0)
			return e;
		r->it[c->run].t = start;
		r->it[c->run].tlen = r->s.len - start;
		return 0;
	}
	if (ld_xml_ns(r->x) == LD_NS_W && strcmp(n, "t") == 0)
		return w_t(r);
	if (rev_action(r) != ACT_KEEP)
		return accept_view(r, run_child, ignore_text, ctx);
	ld_buf_init(&t);
	if (ld_xml_ns(r->x) == LD_NS_W)
		child_text(r, n, &t);
	e = t.oom ? ld_error(r->err, LDIFF_ENOMEM, NULL) :
	    raw_element(r, t.len > 0 ? RI_CHAR : RI_ZERO, t.data, t.len);
	ld_buf_free(&t);
	return e;
}

static int
cap_run(struct rl *r, struct cap *c)
{
	struct rl_item *v = item(r, RI_RUN, 0);
	struct cap rc = *c;
	int e;

	if (v == NULL)
		return ld_error(r->err, LDIFF_ENOMEM, NULL);
	rc.run = r->nit - 1;
	ld_buf_adds(&r->s, "<w:r>");
	v->alen = r->s.len - v->a;
	if ((e = children(r, run_child, ignore_text, &rc)) != 0)
		return e;
	return item(r, RI_RUNEND, 0) != NULL ? 0 :
	    ld_error(r->err, LDIFF_ENOMEM, NULL);
}

/* ---- paragraph and row properties ---- */

static int
prpr_child(struct rl *r, void *ctx)
{
	return cap_node(r, ctx);
}

static int
ppr_child(struct rl *r, void *ctx)
{
	struct cap *c = ctx;
	const char *n = ld_xml_name(r->x);
	char q[256];
	int e, w = ld_xml_ns(r->x) == LD_NS_W;

	if (w && strcmp(n, "rPr") == 0 && !c->mark_done) {
		c->mark_done = 1;
		if ((e = tag_item(r, q, sizeof q)) != 0 ||
		    (e = simple(r, RI_PMARK, 0, "")) != 0 ||
		    (e = children(r, prpr_child, raw_text, c)) != 0)
			return e;
		return raw_tag(r, q);
	}
	if (w && !c->mark_done && (strcmp(n, "sectPr") == 0 ||
	    strcmp(n, "pPrChange") == 0)) {
		c->mark_done = 1;
		if ((e = simple(r, RI_PMARK, 1, "")) != 0)
			return e;
	}
	return cap_node(r, ctx);
}

/* The region paragraph's w:pPr, with the place of the mark's revision. */
static int
cap_ppr(struct rl *r, struct cap *c)
{
	char q[256];
	int e;

	if ((e = tag_item(r, q, sizeof q)) != 0 ||
	    (e = children(r, ppr_child, raw_text, c)) != 0)
		return e;
	if (!c->mark_done) {
		c->mark_done = 1;
		if ((e = simple(r, RI_PMARK, 1, "")) != 0)
			return e;
	}
	return raw_tag(r, q);
}

static int
cap_trpr(struct rl *r, struct cap *c)
{
	char q[256];
	int e;

	if ((e = tag_item(r, q, sizeof q)) != 0 ||
	    (e = children(r, cap_node, raw_text, c)) != 0)
		return e;
	c->mark_done = 1;
	if ((e = simple(r, RI_TRMARK, 0, "")) != 0)
		return e;
	return raw_tag(r, q);
}

/* ---- paragraphs and rows ---- */

static int cap_para(struct rl *r, int top);

static int
is_w(struct rl *r, const char *name)
{
	return ld_xml_ns(r->x) == LD_NS_W &&
	    strcmp(ld_xml_name(r->x), name) == 0;
}

static int
cap_node(struct rl *r, void *ctx)
{
	struct cap *c = ctx, inner;
	int e;

	if (rev_action(r) != ACT_KEEP)
		return accept_view(r, cap_node, raw_text, ctx);
	if (is_w(r, "r"))
		return cap_run(r, c);
	if (is_w(r, "p")) {
		if (c->npara++ > 0 && (e = simple(r, RI_SEP, 0, "\n")) != 0)
			return e;
		return cap_para(r, 0);
	}
	if (is_w(r, "tc") && c->row_level) {
		if (c->ntc++ > 0 && (e = simple(r, RI_SEP, 0, "\t")) != 0)
			return e;
		memset(&inner, 0, sizeof inner);
		return cap_with(r, &inner, cap_node);
	}
	if (is_w(r, "trPr") && c->row_level)
		return cap_trpr(r, c);
	if (ld_xml_ns(r->x) == LD_NS_MC || ld_xml_empty(r->x))
		return raw_element(r, RI_RAW, "", 0);
	inner = *c;
	inner.row_level = 0;
	inner.top = 0;
	return cap_with(r, &inner, cap_node);
}

static int
para_child(struct rl *r, void *ctx)
{
	struct cap *c = ctx;
	int e;

	if (c->body_done)
		return cap_node(r, ctx);
	c->body_done = 1;
	if (is_w(r, "pPr")) {
		if ((e = cap_ppr(r, c)) != 0)
			return e;
		return simple(r, RI_BODY, 0, "");
	}
	if ((e = simple(r, RI_PMARK, 2, "")) != 0 ||
	    (e = simple(r, RI_BODY, 0, "")) != 0)
		return e;
	c->mark_done = 1;
	return cap_node(r, ctx);
}

static int
cap_para(struct rl *r, int top)
{
	struct cap inner;
	char q[256];
	int e;

	memset(&inner, 0, sizeof inner);
	inner.top = top;
	if ((e = tag_item(r, q, sizeof q)) != 0 ||
	    (e = children(r, top ? para_child : cap_node, raw_text,
	    &inner)) != 0)
		return e;
	if (top && !inner.body_done && ((e = simple(r, RI_PMARK, 2, "")) != 0
	    || (e = simple(r, RI_BODY, 0, "")) != 0))
		return e;
	if ((e = simple(r, RI_PEND, top, "")) != 0)
		return e;
	return raw_tag(r, q);
}

static int
row_child(struct rl *r, void *ctx)
{
	struct cap *c = ctx;
	int e;

	if (!c->mark_done && !is_w(r, "trPr") && !is_w(r, "tblPrEx")) {
		c->mark_done = 1;
		if ((e = simple(r, RI_TRMARK, 1, "")) != 0)
			return e;
	}
	return cap_node(r, ctx);
}

int
rl_capture(struct rl *r, int row)
{
	struct cap c;
	char q[256];
	int e;

	r->nit = 0;
	ld_buf_reset(&r->s);
	ld_buf_reset(&r->text);
	memset(&c, 0, sizeof c);
	if (!row)
		e = cap_para(r, 1);
	else {
		c.row_level = 1;
		if ((e = tag_item(r, q, sizeof q)) != 0 ||
		    (e = children(r, row_child, raw_text, &c)) != 0)
			return e;
		if (!c.mark_done && (e = simple(r, RI_TRMARK, 1, "")) != 0)
			return e;
		e = raw_tag(r, q);
	}
	if (e == 0 && (r->s.oom || r->text.oom))
		e = ld_error(r->err, LDIFF_ENOMEM, NULL);
	return e;
}

void
rl_free(struct rl *r)
{
	ld_free(r->frame);
	ld_free(r->it);
	ld_buf_free(&r->s);
	ld_buf_free(&r->text);
	ld_free(r->unit_of);
	ld_free(r->k_of);
}
