/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_rows.c - which changes a committee paper lists, and the two cells
 * of each.
 *
 * A parallelluppställning reprints every provision whose content changed
 * and nothing else: a clause only renumbered, only retyped (quotes, no-break
 * spaces), only modernised in language (skall -> ska), or whose only change
 * is the shift of the agreement period is told once at the end, not
 * reprinted.  So a unit is a row when its clause
 * came, went, moved, was split or merged, or has an edit of a class outside
 * ld_paper_minor_classes().  The cells are cut from the unit's edits: the
 * old cell is the equal, deleted and replaced-old text, the new cell the
 * equal, inserted and replaced-new text.  The clauses of a split or merge
 * were joined with one space for the word diff (diff_new.c); where a side
 * crosses such a boundary its cell gets a break and the next clause's
 * number, so "8.2.1 ... 8.2.2 ..." reads as two provisions in one cell.
 *
 * A long provision of which only a part changed is not reprinted whole:
 * as in a bill, the unchanged sentences before the first change and
 * after the last are left out of both cells and stand as "– – –"
 * ("4.2 – – – Parterna ska ... – – –"), unless LD_PAPER_WHOLE.  Only
 * whole sentences are left out, and only where both versions have the
 * same sentence boundary and the same text there.
 */
#include <stdlib.h>
#include <string.h>

#include "clause/clause.h"
#include "render/paper.h"

unsigned
ld_paper_minor_classes(void)
{
	return LDIFF_CLASS_TYPOGRAPHY | LDIFF_CLASS_RENUMBER |
	    LDIFF_CLASS_PERIOD | LDIFF_CLASS_LANGUAGE;
}

int
ld_paper_is_row(const ldiff_unit *u)
{
	switch (u->op) {
	case LDIFF_OP_EQUAL:
		return 0;
	case LDIFF_OP_CHANGED:
		return (u->cls & ~ld_paper_minor_classes()) != 0;
	default:
		return 1;
	}
}

void
ld_paper_pairs(const ldiff_diff *d, int all, size_t *first, size_t *last)
{
	size_t nv = ldiff_diff_versions(d);

	*last = nv >= 2 ? nv - 2 : 0;
	*first = all ? 0 : *last;
}

const char *
ld_paper_number(const ldiff_clause *c)
{
	if (c->kind == LDIFF_CL_ROW || c->kind == LDIFF_CL_BULLET ||
	    c->label[0] == '\0')
		return "";
	return c->id;
}

static const char *const ordinal_sv[] = { "första", "andra", "tredje",
    "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde" };
static const char *const ordinal_en[] = { "first", "second", "third",
    "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth" };

const char *
ld_paper_ordinal(long k, int sv)
{
	if (k < 1 || k > 10)
		return NULL;
	return sv ? ordinal_sv[k - 1] : ordinal_en[k - 1];
}

/* The position after the last '•' or '¶' of an id ("6.1/•4" -> 4). */
long
ld_paper_position(const char *id, const char *mark)
{
	const char *p = NULL, *q = id;

	while ((q = strstr(q, mark)) != NULL)
		p = q++;
	return p != NULL ? strtol(p + strlen(mark), NULL, 10) : 0;
}

static void
bullet_name(ld_buf *b, const ldiff_clause *c, int sv)
{
	long k = ld_paper_position(c->id, "\xe2\x80\xa2");

	if (k >= 1 && k <= 10)
		ld_buf_printf(b, sv ? "%s strecksatsen i punkt %s" :
		    "the %s indent of clause %s",
		    sv ? ordinal_sv[k - 1] : ordinal_en[k - 1], c->parent);
	else
		ld_buf_printf(b, sv ? "strecksats %ld i punkt %s" :
		    "indent %ld of clause %s", k, c->parent);
}

/* An unnumbered paragraph as Swedish refers to one: "tredje stycket". */
static void
paragraph_name(ld_buf *b, long k, int sv)
{
	if (k >= 1 && k <= 10)
		ld_buf_printf(b, sv ? "%s stycket" : "the %s paragraph",
		    sv ? ordinal_sv[k - 1] : ordinal_en[k - 1]);
	else
		ld_buf_printf(b, sv ? "stycke %ld" : "paragraph %ld", k);
}

void
ld_paper_clause_name(ld_buf *b, const ldiff_clause *c, int sv)
{
	switch (c->kind) {
	case LDIFF_CL_ROW:
		ld_buf_printf(b, sv ? "raden \xe2\x80\x9d%s\xe2\x80\x9d" :
		    "the row \xe2\x80\x9c%s\xe2\x80\x9d",
		    strncmp(c->id, "row:", 4) == 0 ? c->id + 4 : c->id);
		return;
	case LDIFF_CL_BULLET:
		bullet_name(b, c, sv);
		return;
	case LDIFF_CL_SECTION:
		ld_buf_printf(b, sv ? "avsnitt %s" : "section %s", c->id);
		return;
	default:
		break;
	}
	if (ld_paper_number(c)[0] != '\0')
		ld_buf_printf(b, sv ? "punkt %s" : "clause %s", c->id);
	else {
		paragraph_name(b, ld_paper_position(c->id, "\xc2\xb6"), sv);
		/* "tredje stycket" alone names no place a reader can find */
		if (c->section[0] == '\0')
			ld_buf_adds(b, sv ? " i inledningen" :
			    " of the introduction");
		else
			ld_buf_printf(b, sv ? " under rubriken %s" :
			    " under the heading %s", c->section);
	}
}

int
ld_paper_has_note(const ld_prow *r)
{
	return r->moved_from != NULL || r->same_text;
}

/* "8.5.1 och 8.5.2" */
static void
put_numbers(ld_buf *b, const ldiff_clause *const *cl, size_t n, int sv)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			ld_buf_adds(b, i + 1 < n ? ", " : sv ? " och " : " and ");
		ld_buf_adds(b, ld_paper_number(cl[i])[0] != '\0' ?
		    ld_paper_number(cl[i]) : cl[i]->id);
	}
}

/* "(Nuvarande punkterna 8.5.1 och 8.5.2 slås samman; texten är
 * oförändrad.)": the layout shows the text twice, so it says so. */
static void
same_text_note(ld_buf *b, const ldiff_unit *u, int sv)
{
	int merged = u->op == LDIFF_OP_MERGED;

	ld_buf_adds(b, sv ? (u->n_old > 1 ? "(Nuvarande punkterna " :
	    "(Nuvarande punkt ") : u->n_old > 1 ? "(Current clauses " :
	    "(Current clause ");
	put_numbers(b, u->old_cl, u->n_old, sv);
	if (merged)
		ld_buf_adds(b, sv ? " slås samman" : " are merged");
	else {
		ld_buf_adds(b, sv ? " delas i punkterna " :
		    " is split into clauses ");
		put_numbers(b, u->new_cl, u->n_new, sv);
	}
	ld_buf_adds(b, sv ? "; texten är oförändrad.)" :
	    "; the text is unchanged.)");
}

void
ld_paper_moved_note(ld_buf *b, const ld_prow *r, int sv)
{
	const ldiff_clause *o = r->moved_from, *c = r->u->new_cl[0];

	if (o == NULL) {
		if (r->same_text)
			same_text_note(b, r->u, sv);
		return;
	}
	if (strcmp(o->id, c->id) == 0)
		ld_buf_adds(b, c->kind == LDIFF_CL_ROW ?
		    (sv ? "(Flyttad inom tabellen.)" : "(Moved within the table.)")
		    : (sv ? "(Flyttad inom avsnittet.)" :
		    "(Moved within the section.)"));
	else {
		ld_buf_adds(b, sv ? "(Flyttad från " : "(Moved from ");
		ld_paper_clause_name(b, o, sv);
		ld_buf_adds(b, ".)");
	}
}

const ldiff_clause *
ld_paper_section_clause(const ldiff_diff *d, size_t v, const char *section)
{
	const ldiff_clauses *cs = ldiff_diff_version(d, v);
	size_t i, n = cs != NULL ? ldiff_clauses_count(cs) : 0;

	for (i = 0; i < n; i++) {
		const ldiff_clause *c = ldiff_clauses_get(cs, i);

		if (c->kind == LDIFF_CL_SECTION && strcmp(c->section,
		    section) == 0)
			return c;
	}
	return NULL;
}

/* ---- cells ------------------------------------------------------------- */

static int
cell_add(ld_cell *c, int kind, const char *s, size_t len)
{
	if (len == 0 && kind != LD_SEG_BREAK)
		return 0;
	if (c->n == c->cap) {
		ld_seg *ns = ld_grow(c->seg, &c->cap, 8, sizeof *ns);

		if (ns == NULL)
			return LDIFF_ENOMEM;
		c->seg = ns;
	}
	c->seg[c->n].kind = kind;
	c->seg[c->n].s = s;
	c->seg[c->n].len = len;
	c->n++;
	return 0;
}

/* One side of a unit being cut: its clauses, where the next boundary
 * (the joining space) lies in the joined text, and how far we are. */
struct side {
	ld_cell *cell;
	const ldiff_clause *const *cl;
	size_t n, k;		/* clauses, the clause we are in */
	size_t off, bound;	/* offset in the joined text, next boundary */
};

static void
side_init(struct side *s, ld_cell *cell, const ldiff_clause *const *cl,
    size_t n)
{
	s->cell = cell;
	s->cl = cl;
	s->n = n;
	s->k = 0;
	s->off = 0;
	s->bound = n > 1 ? strlen(cl[0]->text) : (size_t)-1;
}

/* Text of one kind on a side, broken at clause boundaries. */
static int
side_put(struct side *s, int kind, const char *t, size_t len)
{
	int r = 0;

	while (r == 0 && len > 0) {
		size_t take = len;

		if (s->off + take > s->bound)
			take = s->bound - s->off;
		r = cell_add(s->cell, kind, t, take);
		s->off += take;
		t += take;
		len -= take;
		if (s->off == s->bound && len > 0) {
			/* the joining space starts the next clause */
			s->k++;
			r = cell_add(s->cell, LD_SEG_BREAK,
			    ld_paper_number(s->cl[s->k]), strlen(
			    ld_paper_number(s->cl[s->k])));
			s->off++;
			t++;
			len--;
			s->bound = s->k + 1 < s->n ? s->off +
			    strlen(s->cl[s->k]->text) : (size_t)-1;
		}
	}
	return r;
}

static int
cut_edits(const ldiff_unit *u, ld_prow *row, int unmarked)
{
	struct side o, n;
	size_t i;
	int r = 0;

	side_init(&o, &row->old, u->old_cl, u->n_old);
	side_init(&n, &row->new, u->new_cl, u->n_new);
	for (i = 0; i < u->n_edits && r == 0; i++) {
		const ldiff_edit *e = &u->edits[i];
		int del = unmarked || e->op == LDIFF_EDIT_EQUAL ? LD_SEG_TEXT :
		    LD_SEG_DEL;
		int ins = del == LD_SEG_TEXT ? LD_SEG_TEXT : LD_SEG_INS;

		if (e->op != LDIFF_EDIT_INSERT)
			r = side_put(&o, del, e->old_text, strlen(e->old_text));
		if (r == 0 && e->op != LDIFF_EDIT_DELETE)
			r = side_put(&n, ins, e->new_text, strlen(e->new_text));
	}
	return r;
}

/* A side without edits: its clauses, a break between them. */
static int
whole_side(ld_cell *cell, const ldiff_clause *const *cl, size_t n)
{
	size_t k;
	int r = 0;

	cell->empty = n == 0;
	for (k = 0; k < n && r == 0; k++) {
		const char *num = ld_paper_number(cl[k]);

		if (k > 0)
			r = cell_add(cell, LD_SEG_BREAK, num, strlen(num));
		if (r == 0)
			r = cell_add(cell, LD_SEG_TEXT, cl[k]->text,
			    strlen(cl[k]->text));
	}
	return r;
}

#define CONTEXT_DASHES "\xe2\x80\x93 \xe2\x80\x93 \xe2\x80\x93"

/* A bullet is no provision of its own: its cell begins as a bill prints
 * one, with the number of the clause it belongs to and a dash line for
 * the words not reprinted ("6.1 – – –"), then the bullet ("– ..."). */
static int
bullet_lead(ld_cell *cell, const ldiff_clause *const *cl, size_t n,
    const char **num)
{
	int r;

	if (n == 0 || cl[0]->kind != LDIFF_CL_BULLET)
		return 0;
	*num = cl[0]->parent;
	r = cell_add(cell, LD_SEG_TEXT, CONTEXT_DASHES,
	    strlen(CONTEXT_DASHES));
	if (r == 0)
		r = cell_add(cell, LD_SEG_BREAK, "", 0);
	if (r == 0)
		r = cell_add(cell, LD_SEG_TEXT, cl[0]->label, strlen(
		    cl[0]->label));
	return r != 0 ? r : cell_add(cell, LD_SEG_TEXT, " ", 1);
}

/* ---- the parts not reprinted ------------------------------------------- */

/* A provision of this many sentences or more is shortened. */
#define MIN_SENTENCES 2

/* Is off the start (end: the end) of one of the n sentences sp? */
static int
at_boundary(const ldiff_span *sp, size_t n, size_t off, int end)
{
	size_t k;

	for (k = 0; k < n; k++)
		if ((end ? sp[k].off + sp[k].len : sp[k].off) == off)
			return 1;
	return 0;
}

/* How much of the old text (from its start: *head, from its end: *tail)
 * is unchanged whole sentences, the same in the new text. */
static int
elided_ends(const ldiff_unit *u, size_t *head, size_t *tail)
{
	const char *ot = u->old_cl[0]->text, *nt = u->new_cl[0]->text;
	size_t ol = strlen(ot), nl = strlen(nt), eh = 0, et = 0, i, k;
	ldiff_span *os = NULL, *ns = NULL;
	size_t no = 0, nn = 0;

	*head = *tail = 0;
	for (i = 0; i < u->n_edits && u->edits[i].op == LDIFF_EDIT_EQUAL; i++)
		eh += strlen(u->edits[i].old_text);
	for (k = u->n_edits; k > i && u->edits[k - 1].op == LDIFF_EDIT_EQUAL;
	    k--)
		et += strlen(u->edits[k - 1].old_text);
	if (ld_clause_sentences(u->old_cl[0], &os, &no) != 0 ||
	    ld_clause_sentences(u->new_cl[0], &ns, &nn) != 0) {
		free(os);
		return LDIFF_ENOMEM;
	}
	if (no >= MIN_SENTENCES && nn >= MIN_SENTENCES) {
		/* the last sentence start at or before the first change */
		for (k = no; k-- > 1; )
			if (os[k].off <= eh && os[k].off <= nl &&
			    at_boundary(ns, nn, os[k].off, 0) &&
			    memcmp(ot, nt, os[k].off) == 0) {
				*head = os[k].off;
				break;
			}
		/* the first sentence end at or after the last change */
		for (k = 0; k + 1 < no; k++) {
			size_t end = os[k].off + os[k].len, len = ol - end;

			if (end < ol - et || end < *head || len > nl)
				continue;
			if (at_boundary(ns, nn, nl - len, 1) &&
			    memcmp(ot + end, nt + nl - len, len) == 0)
				*tail = len;
			break;
		}
	}
	free(os);
	free(ns);
	return 0;
}

/* The cell without its first head and last tail bytes of text, a dash
 * line where they were. */
static int
cell_elide(ld_cell *c, size_t head, size_t tail)
{
	ld_cell out;
	size_t i, pos = 0, total = 0;
	int r = 0;

	memset(&out, 0, sizeof out);
	for (i = 0; i < c->n; i++)
		total += c->seg[i].len;
	if (head + tail >= total)
		return 0;
	if (head > 0)
		r = cell_add(&out, LD_SEG_TEXT, CONTEXT_DASHES " ",
		    strlen(CONTEXT_DASHES) + 1);
	for (i = 0; i < c->n && r == 0; i++) {
		const ld_seg *g = &c->seg[i];
		size_t lo = pos > head ? pos : head;
		size_t hi = pos + g->len < total - tail ? pos + g->len :
		    total - tail;

		if (lo < hi)
			r = cell_add(&out, g->kind, g->s + (lo - pos), hi - lo);
		pos += g->len;
	}
	if (r == 0 && tail > 0)
		r = cell_add(&out, LD_SEG_TEXT, " " CONTEXT_DASHES,
		    strlen(CONTEXT_DASHES) + 1);
	if (r != 0) {
		ld_free(out.seg);
		return r;
	}
	ld_free(c->seg);
	c->seg = out.seg;
	c->n = out.n;
	c->cap = out.cap;
	return 0;
}

/* A changed provision of one clause on each side, long enough, with
 * unchanged sentences at its ends: both cells without them. */
static int
elide(const ldiff_unit *u, ld_prow *row)
{
	size_t head, tail;
	int r;

	if (u->n_old != 1 || u->n_new != 1 || u->n_edits == 0 ||
	    u->old_cl[0]->kind == LDIFF_CL_ROW ||
	    u->old_cl[0]->kind == LDIFF_CL_BULLET ||
	    u->new_cl[0]->kind == LDIFF_CL_BULLET)
		return 0;
	if ((r = elided_ends(u, &head, &tail)) != 0 || (head == 0 &&
	    tail == 0))
		return r;
	/* the ends are the same text on both sides: the same lengths */
	if ((r = cell_elide(&row->old, head, tail)) != 0)
		return r;
	return cell_elide(&row->new, head, tail);
}

/* The label of an unnumbered provision: "Inledningen:" for the text
 * before the first heading, which a reader would otherwise not place. */
static const char *
unnumbered_label(const ldiff_clause *c, unsigned how)
{
	if (c->kind != LDIFF_CL_CLAUSE || c->section[0] != '\0' ||
	    ld_paper_number(c)[0] != '\0')
		return ld_paper_number(c);
	return (how & LD_PAPER_SV) ? "Inledningen:" : "Introduction:";
}

/* A split or merge whose words did not change. */
static int
no_word_changed(const ldiff_unit *u)
{
	size_t i;

	if (u->op != LDIFF_OP_SPLIT && u->op != LDIFF_OP_MERGED)
		return 0;
	for (i = 0; i < u->n_edits; i++)
		if (u->edits[i].op != LDIFF_EDIT_EQUAL)
			return 0;
	return 1;
}

/* A cell that ends where its list goes on ("Parterna ska bl.a.:", "...
 * och EU, samt"): a dash line below for the part not reprinted. */
static int
close_list(ld_cell *c)
{
	const ld_seg *g = c->n > 0 ? &c->seg[c->n - 1] : NULL;
	size_t n = g != NULL ? g->len : 0;
	const char *t = g != NULL ? g->s : "";
	int r;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		n--;
	if (g == NULL || g->kind == LD_SEG_BREAK || n == 0 || !(t[n - 1] ==
	    ':' || t[n - 1] == ',' || t[n - 1] == ';' || (n >= 4 &&
	    strncmp(t + n - 4, "samt", 4) == 0) || (n >= 4 && strncmp(t + n -
	    4, " och", 4) == 0)))
		return 0;
	if ((r = cell_add(c, LD_SEG_BREAK, "", 0)) != 0)
		return r;
	return cell_add(c, LD_SEG_TEXT, CONTEXT_DASHES, strlen(CONTEXT_DASHES));
}

static int
make_row(const ldiff_unit *u, ld_prow *row, unsigned how)
{
	int r;

	memset(row, 0, sizeof *row);
	row->u = u;
	row->old_num = u->n_old > 0 ? unnumbered_label(u->old_cl[0], how) : "";
	row->new_num = u->n_new > 0 ? unnumbered_label(u->new_cl[0], how) : "";
	if (u->op == LDIFF_OP_MOVED && u->n_old > 0)
		row->moved_from = u->old_cl[0];
	row->same_text = no_word_changed(u);
	if ((r = bullet_lead(&row->old, u->old_cl, u->n_old,
	    &row->old_num)) != 0 || (r = bullet_lead(&row->new, u->new_cl,
	    u->n_new, &row->new_num)) != 0)
		return r;
	if (u->n_old == 0 || u->n_new == 0 || u->n_edits == 0) {
		r = whole_side(&row->old, u->old_cl, u->n_old);
		return r != 0 ? r : whole_side(&row->new, u->new_cl, u->n_new);
	}
	if ((r = cut_edits(u, row, (how & LD_PAPER_UNMARKED) != 0)) != 0)
		return r;
	if (!(how & LD_PAPER_WHOLE) && (r = elide(u, row)) != 0)
		return r;
	if ((r = close_list(&row->old)) != 0)
		return r;
	return close_list(&row->new);
}

unsigned
ld_paper_how(const ldiff_render_opts *o)
{
	return (o->unmarked ? LD_PAPER_UNMARKED : 0) |
	    (o->whole ? LD_PAPER_WHOLE : 0) |
	    (o->lang == NULL || strncmp(o->lang, "en", 2) != 0 ?
	    LD_PAPER_SV : 0);
}

void
ld_paper_rows_free(ld_prow *rows, size_t n)
{
	size_t i;

	for (i = 0; rows != NULL && i < n; i++) {
		ld_free(rows[i].old.seg);
		ld_free(rows[i].new.seg);
	}
	ld_free(rows);
}

/* ---- a table in one row -------------------------------------------------- */

/* The clause of a row of the layout on its new side, else its old. */
static const ldiff_clause *
row_clause(const ld_prow *r)
{
	return r->u->n_new > 0 ? r->u->new_cl[0] : r->u->old_cl[0];
}

/* The header row of the table of row c in version v, and the number of
 * the clause right before the table ("7.1", which introduces it) or "". */
static const ldiff_clause *
table_head(const ldiff_diff *d, size_t v, const ldiff_clause *c,
    const char **num)
{
	const ldiff_clauses *cs = ldiff_diff_version(d, v);
	const ldiff_clause *first = ldiff_clauses_get(cs, 0);
	size_t n = ldiff_clauses_count(cs), i;

	*num = "";
	if (first == NULL || c < first || c >= first + n)
		return NULL;
	for (i = (size_t)(c - first); i > 0 && first[i - 1].kind ==
	    LDIFF_CL_ROW; i--)
		;
	if (i > 0 && ld_paper_number(&first[i - 1])[0] != '\0')
		*num = ld_paper_number(&first[i - 1]);
	return &first[i];
}

/* One side of the rows [a, b) of a table as one cell: "– – –" for the
 * clause's text, the header row, then each changed row of that side. */
static int
table_side(const ldiff_diff *d, size_t v, ld_prow *rows, size_t a,
    size_t b, int new_side, ld_cell *out, const char **num)
{
	const ldiff_clause *c = NULL, *h;
	size_t k, i;
	int r = 0;

	memset(out, 0, sizeof *out);
	for (k = a; k < b && c == NULL; k++) {
		const ldiff_unit *u = rows[k].u;

		if (new_side ? u->n_new > 0 : u->n_old > 0)
			c = new_side ? u->new_cl[0] : u->old_cl[0];
	}
	if (c == NULL) {
		out->empty = 1;
		*num = "";
		return 0;
	}
	h = table_head(d, v, c, num);
	r = cell_add(out, LD_SEG_TEXT, CONTEXT_DASHES, strlen(CONTEXT_DASHES));
	if (r == 0 && h != NULL && h != c && (r = cell_add(out, LD_SEG_BREAK,
	    "", 0)) == 0)
		r = cell_add(out, LD_SEG_TEXT, h->text, strlen(h->text));
	for (k = a; k < b && r == 0; k++) {
		const ld_cell *src = new_side ? &rows[k].new : &rows[k].old;

		r = cell_add(out, LD_SEG_BREAK, "", 0);
		if (src->empty)
			continue;	/* an empty line: the rows stay level */
		for (i = 0; i < src->n && r == 0; i++)
			r = cell_add(out, src->seg[i].kind, src->seg[i].s,
			    src->seg[i].len);
	}
	return r;
}

/* The rows of one table, next to each other, as one row under the
 * number of the clause that introduces it, with the table's header: a
 * table is one provision, not six. */
static int
merge_tables(const ldiff_diff *d, size_t pair, ld_prow *rows, size_t *n)
{
	size_t a, b, k, out = 0;
	ld_cell oc, nc;
	const char *on, *nn;

	for (a = 0; a < *n; a = b) {
		b = a + 1;
		if (row_clause(&rows[a])->kind == LDIFF_CL_ROW)
			while (b < *n && row_clause(&rows[b])->kind ==
			    LDIFF_CL_ROW && strcmp(row_clause(&rows[b])->section,
			    row_clause(&rows[a])->section) == 0)
				b++;
		if (row_clause(&rows[a])->kind != LDIFF_CL_ROW) {
			rows[out++] = rows[a];
			continue;
		}
		if (table_side(d, pair, rows, a, b, 0, &oc, &on) != 0 ||
		    table_side(d, pair + 1, rows, a, b, 1, &nc, &nn) != 0) {
			ld_free(oc.seg);
			return LDIFF_ENOMEM;
		}
		for (k = a; k < b; k++) {
			ld_free(rows[k].old.seg);
			ld_free(rows[k].new.seg);
		}
		rows[out] = rows[a];
		rows[out].old = oc;
		rows[out].new = nc;
		rows[out].old_num = on;
		rows[out].new_num = nn;
		rows[out].moved_from = NULL;	/* within its table: layout */
		out++;
	}
	*n = out;
	return 0;
}

int
ld_paper_rows(const ldiff_diff *d, size_t pair, unsigned how,
    ld_prow **rows, size_t *n)
{
	size_t i, k = 0, nu = ldiff_diff_count(d);
	ld_prow *r = ld_calloc(nu + 1, sizeof *r);

	*rows = r;
	*n = 0;
	if (r == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < nu; i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);

		if (u->from != pair || !ld_paper_is_row(u))
			continue;
		if (make_row(u, &r[k++], how) != 0) {
			ld_paper_rows_free(r, k);
			*rows = NULL;
			return LDIFF_ENOMEM;
		}
	}
	if (merge_tables(d, pair, r, &k) != 0) {
		ld_paper_rows_free(r, k);
		*rows = NULL;
		return LDIFF_ENOMEM;
	}
	*n = k;
	return 0;
}
