/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * diff_new.c - building a diff of two or more versions.
 *
 * For each consecutive pair the aligner (align.c) says which clauses go
 * together; each group becomes a unit carrying the word-level edits of
 * its texts (ld_text_diff), its classes and whether it is substantive.
 * Then three things that need more than one unit:
 *
 *   - lineage: pair k's new clauses continue the lineage of pair k-1's,
 *     so one clause keeps one number from the first version to the last;
 *   - table cells: a number in a column whose header speaks of money
 *     ("kr", "belopp", "bidrag" ...) is an amount, in kronor;
 *   - the substitution summary: the same replacement ("2023-2026" ->
 *     "2027-2030") made in many clauses is reported once with its count.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"

#define NO_LINEAGE SIZE_MAX

struct build {
	ldiff_diff *d;
	size_t **lin;		/* per version, per clause */
	size_t next;		/* next lineage number */
	size_t *joins;		/* pairs of lineages a merge made one */
	size_t njoins, joincap;
};

/* Room for `more` units (on the heap: an arena would keep every copy a
 * growing array leaves behind). */
static int
reserve_units(ldiff_diff *d, size_t more)
{
	ldiff_unit *p;

	if (more > SIZE_MAX / sizeof *p - d->n)
		return LDIFF_ENOMEM;
	while (d->cap < d->n + more) {
		if ((p = ld_grow(d->units, &d->cap, 64, sizeof *p)) == NULL)
			return LDIFF_ENOMEM;
		d->units = p;
	}
	return 0;
}

static int
push_unit(ldiff_diff *d, const ldiff_unit *u)
{
	int rc;

	if (d->n == d->cap && (rc = reserve_units(d, 1)) != 0)
		return rc;
	d->units[d->n++] = *u;
	return 0;
}

/* The label as shown, without a trailing period or spaces. */
static size_t
label_len(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	return n;
}

static int
labels_differ(const ldiff_clause *a, const ldiff_clause *b)
{
	size_t na = label_len(a->label), nb = label_len(b->label);

	return na != nb || memcmp(a->label, b->label, na) != 0;
}

/* Texts of several clauses joined by a space (one clause: itself). */
static const char *
joined(ld_arena *a, const ldiff_clause *const *cl, size_t n)
{
	ld_buf b;
	const char *s;
	size_t i;

	if (n == 1)
		return cl[0]->text;
	ld_buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			ld_buf_addc(&b, ' ');
		ld_buf_adds(&b, cl[i]->text);
	}
	s = b.oom ? NULL : ld_arena_strdup(a, ld_buf_str(&b));
	ld_buf_free(&b);
	return s;
}

/* One link's clauses and texts and, when it needs one, its word diff.
 * Every link of a pair is planned before any unit is made, so that the
 * word diffs, most of the work, can run side by side. */
struct pending {
	const ldiff_clause **oc, **nc;
	const char *ot, *nt;
	int need;		/* a word diff is wanted */
	int rc;			/* of ld_text_diff */
	ld_textdiff td;
};

struct word_diffs {
	struct pending *p;
	size_t *todo;		/* the links that need a word diff */
	ld_arena *arena[LD_MAX_THREADS];	/* one per worker */
	long max_cost;
};

static void
word_diff_task(void *ctx, size_t task, size_t worker)
{
	struct word_diffs *w = ctx;
	struct pending *p = &w->p[w->todo[task]];

	p->rc = ld_text_diff(w->arena[worker], p->ot, p->nt, w->max_cost,
	    &p->td);
}

/* The word diffs of every planned link that needs one; their edits end
 * up in the diff's arena. */
static int
run_word_diffs(ldiff_diff *d, struct pending *p, size_t n)
{
	struct word_diffs w;
	size_t i, ntodo = 0, bytes = 0, threads = 1;
	int rc = 0;

	memset(&w, 0, sizeof w);
	w.p = p;
	w.max_cost = d->opts.max_cost;
	if ((w.todo = ld_reallocarray(NULL, n + 1, sizeof *w.todo)) == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < n; i++)
		if (p[i].need) {
			w.todo[ntodo++] = i;
			bytes += strlen(p[i].ot) + strlen(p[i].nt);
		}
	if (d->opts.threads > 1 && bytes >= LD_PARALLEL_MIN_BYTES)
		threads = d->opts.threads < LD_MAX_THREADS ?
		    (size_t)d->opts.threads : LD_MAX_THREADS;
	for (i = 0; i < threads && rc == 0; i++)
		if ((w.arena[i] = ld_arena_new()) == NULL)
			rc = LDIFF_ENOMEM;
	if (rc == 0)
		ld_parallel(ntodo, threads, word_diff_task, &w);
	for (i = 0; i < threads; i++)
		ld_arena_adopt(d->arena, w.arena[i]);
	ld_free(w.todo);
	return rc;
}

/* A planned word diff, taken into its unit. */
static int
take_word_diff(ldiff_diff *d, ldiff_unit *u, const struct pending *p)
{
	if (p->rc != 0)
		return p->rc;
	d->stats.text_diffs++;
	d->stats.text_work += p->td.work;
	u->edits = p->td.edits;
	u->n_edits = p->td.n;
	u->cls = p->td.cls;
	u->substantive = p->td.substantive;
	u->similarity = p->td.similarity;
	return 0;
}

/* A whole clause inserted or deleted: one edit holding its text. */
static int
whole_edit(ldiff_diff *d, ldiff_unit *u, const char *text, int insert)
{
	ldiff_edit *e = ld_arena_alloc(d->arena, sizeof *e);

	if (e == NULL)
		return LDIFF_ENOMEM;
	e->op = insert ? LDIFF_EDIT_INSERT : LDIFF_EDIT_DELETE;
	e->old_text = insert ? "" : text;
	e->new_text = insert ? text : "";
	e->cls = LDIFF_CLASS_WORDING;
	u->edits = e;
	u->n_edits = 1;
	u->cls = LDIFF_CLASS_WORDING;
	u->substantive = 1;
	u->similarity = 0;
	return 0;
}

/* The same text (NFC by contract) from sources in different Unicode
 * normal forms (NFC -> NFD: "å" becomes "a" and a combining ring): a
 * typography change with no word edits, never substantive by itself. */
static void
normal_form(ldiff_unit *u)
{
	if (u->n_old != 1 || u->n_new != 1 ||
	    ((u->old_cl[0]->flags ^ u->new_cl[0]->flags) &
	    LDIFF_CLF_NOT_NFC) == 0)
		return;
	if (u->op == LDIFF_OP_EQUAL)
		u->op = LDIFF_OP_CHANGED;
	u->cls |= LDIFF_CLASS_TYPOGRAPHY;
}

/* Does a unit of this op with these texts get a word diff? */
static int
needs_word_diff(int op, const char *ot, const char *nt)
{
	switch (op) {
	case LDIFF_OP_INSERTED:
	case LDIFF_OP_DELETED:
		return 0;
	case LDIFF_OP_EQUAL:
	case LDIFF_OP_MOVED:
		return strcmp(ot, nt) != 0;	/* same key, other bytes */
	default:
		return 1;
	}
}

/* Edits, classes and the substantive flag of a unit, by its op. */
static int
unit_content(ldiff_diff *d, ldiff_unit *u, const struct pending *p)
{
	int rc = 0;

	switch (u->op) {
	case LDIFF_OP_INSERTED:
		return whole_edit(d, u, p->nt, 1);
	case LDIFF_OP_DELETED:
		return whole_edit(d, u, p->ot, 0);
	case LDIFF_OP_EQUAL:
	case LDIFF_OP_MOVED:
		if (!p->need) {
			u->similarity = 1;
			u->substantive = u->op == LDIFF_OP_MOVED;
			if (labels_differ(u->old_cl[0], u->new_cl[0]) &&
			    u->op == LDIFF_OP_EQUAL)
				u->cls = LDIFF_CLASS_RENUMBER;
			normal_form(u);
			return 0;
		}
		/* the same key, other bytes: typography */
		rc = take_word_diff(d, u, p);
		if (rc == 0 && u->op == LDIFF_OP_EQUAL) {
			u->op = LDIFF_OP_CHANGED;
			if (labels_differ(u->old_cl[0], u->new_cl[0]))
				u->cls |= LDIFF_CLASS_RENUMBER;
		}
		break;
	default:
		rc = take_word_diff(d, u, p);
		break;
	}
	if (rc != 0)
		return rc;
	if (u->op == LDIFF_OP_CHANGED && u->cls == 0 &&
	    strcmp(p->ot, p->nt) != 0)
		u->cls = LDIFF_CLASS_WORDING;
	/* a clause that moves or splits changes the structure a reader
	 * relies on, whatever its words */
	if (u->op == LDIFF_OP_MOVED || u->op == LDIFF_OP_SPLIT ||
	    u->op == LDIFF_OP_MERGED)
		u->substantive = 1;
	return 0;
}

/* ---- table rows: amounts by column header ------------------------- */

static int
has_word(const char *hay, size_t n, const char *w)
{
	size_t k = strlen(w), i;

	for (i = 0; i + k <= n; i++) {
		size_t j;

		for (j = 0; j < k; j++) {
			char c = hay[i + j];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != w[j])
				break;
		}
		if (j == k)
			return 1;
	}
	return 0;
}

/* Kronor per unit of the header cell col of a table's header row, or 0
 * when that column is not money. */
static double
column_money(const ldiff_clause *hdr, size_t col)
{
	const char *p, *section = hdr->section;
	size_t n;

	if (col >= hdr->n_cells)
		return 0;
	p = hdr->text + hdr->cells[col].off;
	n = hdr->cells[col].len;
	if (has_word(p, n, "mnkr") || has_word(p, n, "mkr") ||
	    has_word(p, n, "miljoner"))
		return 1e6;
	if (has_word(p, n, "tkr") || has_word(p, n, "tusen"))
		return 1e3;
	if (has_word(p, n, "kr") || has_word(p, n, "belopp") ||
	    has_word(p, n, "bidrag") || has_word(p, n, "sek") ||
	    has_word(p, n, "kostnad") || has_word(p, n, "avgift"))
		return 1;
	/* a financing table whose header says nothing: whole kronor */
	if (section != NULL && (has_word(section, strlen(section),
	    "finansiering") || has_word(section, strlen(section), "bidrag")))
		return -1;
	return 0;
}

/* The first row of the table holding row ci of clause set cs. */
static const ldiff_clause *
header_row(const ldiff_clauses *cs, size_t ci)
{
	while (ci > 0 && cs->cl[ci - 1].kind == LDIFF_CL_ROW)
		ci--;
	return &cs->cl[ci];
}

/* The number in an edit's text, white space around it (a cell's TAB
 * included: cleanup widens edits over it) left out; *lead counts the
 * bytes before it. */
static int
cell_number(const char *s, double *v, size_t *lead)
{
	const char *t = s;
	size_t n;

	for (; *t == ' ' || *t == '\t'; t++)
		;
	*lead = (size_t)(t - s);
	n = strlen(t);
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	return n > 0 && ld_parse_swedish_number(t, n, v) == 0;
}

/* A number edit in a money column becomes an amount in kronor; at is
 * where the edit's new text begins in row's. */
static void
cell_amount(ldiff_edit *e, const ldiff_clause *hdr, const ldiff_clause *row,
    size_t at)
{
	double ov, nv, mult;
	size_t lo, ln;

	if (e->op != LDIFF_EDIT_REPLACE ||
	    !(e->cls & (LDIFF_CLASS_NUMBER | LDIFF_CLASS_AMOUNT)) ||
	    !cell_number(e->old_text, &ov, &lo) ||
	    !cell_number(e->new_text, &nv, &ln))
		return;
	mult = column_money(hdr, ld_row_cell_at(row, at + ln));
	if (mult == 0 || (mult < 0 && (ov < 1000 || nv < 1000)))
		return;
	if (mult < 0)
		mult = 1;
	e->cls = (e->cls & ~LDIFF_CLASS_NUMBER) | LDIFF_CLASS_AMOUNT;
	e->has_values = 1;
	e->old_value = ov * mult;
	e->new_value = nv * mult;
}

static void
row_amounts(const ldiff_clauses *to, size_t ci, ldiff_unit *u)
{
	const ldiff_clause *hdr = header_row(to, ci), *row = u->new_cl[0];
	ldiff_edit *e = (ldiff_edit *)u->edits;
	size_t i, at = 0;	/* the new texts of the edits spell the row */
	unsigned cls = 0;

	if (hdr == row)
		return;
	for (i = 0; i < u->n_edits; i++) {
		cell_amount(&e[i], hdr, row, at);
		cls |= e[i].cls;
		at += strlen(e[i].new_text);
	}
	u->cls = (u->cls & LDIFF_CLASS_RENUMBER) | cls;
}

/* Kronor of one cell [s, s+n) of column col, or 0 when the column is
 * not money or the cell holds no number. */
static int
cell_kronor(const ldiff_clause *hdr, size_t col, const char *s, size_t n,
    double *v)
{
	double mult;

	while (n > 0 && *s == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || ld_parse_swedish_number(s, n, v) != 0 ||
	    (mult = column_money(hdr, col)) == 0 ||
	    (mult < 0 && *v < 1000))
		return 0;
	*v *= mult < 0 ? 1 : mult;
	return 1;
}

static ldiff_edit *
add_piece(ldiff_diff *d, ldiff_edit *e, size_t *n, const char *s,
    size_t len, int insert)
{
	const char *t = ld_arena_strndup(d->arena, s, len);

	if (t == NULL)
		return NULL;
	e += (*n)++;
	memset(e, 0, sizeof *e);
	e->op = insert ? LDIFF_EDIT_INSERT : LDIFF_EDIT_DELETE;
	e->old_text = insert ? "" : t;
	e->new_text = insert ? t : "";
	e->cls = LDIFF_CLASS_WORDING;
	return e;
}

/* A row inserted or deleted whole: its money cells become edits of their
 * own, class amount, with the value on the side that has it (the other
 * side 0); the cells between stay wording.  The edits still spell the
 * row.  Rows without a money cell keep their one edit. */
static int
whole_row_amounts(ldiff_diff *d, ldiff_unit *u, const ldiff_clauses *cs,
    size_t ci)
{
	int insert = u->op == LDIFF_OP_INSERTED;
	const ldiff_clause *row = &cs->cl[ci], *hdr = header_row(cs, ci);
	const char *s = row->text, *start = s, *p;
	ldiff_edit *e;
	size_t n = 0, col;
	unsigned cls = 0;
	double v;

	if (hdr == row)
		return 0;
	e = ld_arena_alloc(d->arena, (2 * row->n_cells + 3) * sizeof *e);
	if (e == NULL)
		return LDIFF_ENOMEM;
	for (col = 0; col < row->n_cells; col++) {
		size_t len = row->cells[col].len;
		ldiff_edit *x;

		p = s + row->cells[col].off;
		if (cell_kronor(hdr, col, p, len, &v)) {
			if (p > start && add_piece(d, e, &n, start,
			    (size_t)(p - start), insert) == NULL)
				return LDIFF_ENOMEM;
			if ((x = add_piece(d, e, &n, p, len, insert)) == NULL)
				return LDIFF_ENOMEM;
			x->cls = LDIFF_CLASS_AMOUNT;
			x->has_values = 1;
			x->old_value = insert ? 0 : v;
			x->new_value = insert ? v : 0;
			start = p + len;
		}
	}
	if (n == 0)
		return 0;
	if (*start != '\0' && add_piece(d, e, &n, start, strlen(start),
	    insert) == NULL)
		return LDIFF_ENOMEM;
	for (col = 0; col < n; col++)
		cls |= e[col].cls;
	u->edits = e;
	u->n_edits = n;
	u->cls = cls;
	return 0;
}

/* ---- units of one version pair ------------------------------------ */

static size_t
lineage_of(struct build *b, size_t v, size_t ci)
{
	if (b->lin[v][ci] == NO_LINEAGE)
		b->lin[v][ci] = b->next++;
	return b->lin[v][ci];
}

static int
join(struct build *b, size_t x, size_t y)
{
	if (b->njoins == b->joincap) {
		size_t *p = ld_grow(b->joins, &b->joincap, 16, 2 * sizeof *p);

		if (p == NULL)
			return LDIFF_ENOMEM;
		b->joins = p;
	}
	b->joins[2 * b->njoins] = x;
	b->joins[2 * b->njoins + 1] = y;
	b->njoins++;
	return 0;
}

static size_t
find_root(size_t *up, size_t x)
{
	size_t r = x, t;

	while (up[r] != r)
		r = up[r];
	while (up[x] != r) {	/* path compression */
		t = up[x];
		up[x] = r;
		x = t;
	}
	return r;
}

/* Lineages a merge joined become one, numbered by the oldest, so every
 * unit of either shows in one history.  Near-linear (union-find). */
static int
apply_joins(struct build *b)
{
	ldiff_diff *d = b->d;
	size_t *up, i;

	if (b->njoins == 0)
		return 0;
	if ((up = ld_reallocarray(NULL, b->next, sizeof *up)) == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < b->next; i++)
		up[i] = i;
	for (i = 0; i < b->njoins; i++) {
		size_t x = find_root(up, b->joins[2 * i]);
		size_t y = find_root(up, b->joins[2 * i + 1]);

		if (x < y)
			up[y] = x;
		else
			up[x] = y;
	}
	for (i = 0; i < d->n; i++)
		d->units[i].lineage = find_root(up, d->units[i].lineage);
	ld_free(up);
	return 0;
}

/* A link's clauses and texts, and whether it needs a word diff. */
static int
plan_link(ldiff_diff *d, size_t from, const ld_link *l, struct pending *p)
{
	const ldiff_clauses *a = d->ver[from], *c = d->ver[from + 1];
	size_t k;

	p->oc = ld_arena_alloc(d->arena, (l->nold + 1) * sizeof *p->oc);
	p->nc = ld_arena_alloc(d->arena, (l->nnew + 1) * sizeof *p->nc);
	if (p->oc == NULL || p->nc == NULL)
		return LDIFF_ENOMEM;
	for (k = 0; k < l->nold; k++)
		p->oc[k] = &a->cl[l->old[k]];
	for (k = 0; k < l->nnew; k++)
		p->nc[k] = &c->cl[l->new[k]];
	p->ot = l->nold ? joined(d->arena, p->oc, l->nold) : "";
	p->nt = l->nnew ? joined(d->arena, p->nc, l->nnew) : "";
	if (p->ot == NULL || p->nt == NULL)
		return LDIFF_ENOMEM;
	p->need = needs_word_diff(l->op, p->ot, p->nt);
	return 0;
}

static int
unit_from_link(struct build *b, size_t from, const ld_link *l,
    const struct pending *p)
{
	ldiff_diff *d = b->d;
	const ldiff_clauses *a = d->ver[from], *c = d->ver[from + 1];
	ldiff_unit u;
	size_t k;
	int rc;

	memset(&u, 0, sizeof u);
	u.op = l->op;
	u.from = from;
	u.to = from + 1;
	u.old_cl = p->oc;
	u.n_old = l->nold;
	u.new_cl = p->nc;
	u.n_new = l->nnew;
	if ((rc = unit_content(d, &u, p)) != 0)
		return rc;
	if (u.n_old == 1 && u.n_new == 1 &&
	    p->nc[0]->kind == LDIFF_CL_ROW && u.n_edits > 0)
		row_amounts(c, l->new[0], &u);
	else if (u.op == LDIFF_OP_INSERTED && u.n_new == 1 &&
	    p->nc[0]->kind == LDIFF_CL_ROW)
		rc = whole_row_amounts(d, &u, c, l->new[0]);
	else if (u.op == LDIFF_OP_DELETED && u.n_old == 1 &&
	    p->oc[0]->kind == LDIFF_CL_ROW)
		rc = whole_row_amounts(d, &u, a, l->old[0]);
	if (rc != 0)
		return rc;
	u.lineage = l->nold ? lineage_of(b, from, l->old[0]) : b->next++;
	for (k = 0; k < l->nnew; k++)
		b->lin[from + 1][l->new[k]] = u.lineage;
	/* the other clauses of a merge had a history too: theirs goes on
	 * in the merged clause */
	for (k = 1; k < l->nold; k++)
		if (b->lin[from][l->old[k]] != NO_LINEAGE &&
		    (rc = join(b, b->lin[from][l->old[k]], u.lineage)) != 0)
			return rc;
	return push_unit(d, &u);
}

/* Units from the links of pair `from`: plan each, run the word diffs,
 * then make the units in link order. */
static int
units_from_links(struct build *b, size_t from, const ld_link *links,
    size_t nlinks)
{
	struct pending *p = ld_calloc(nlinks + 1, sizeof *p);
	size_t i;
	int rc = p == NULL ? LDIFF_ENOMEM : 0;

	for (i = 0; rc == 0 && i < nlinks; i++)
		rc = plan_link(b->d, from, &links[i], &p[i]);
	if (rc == 0)
		rc = run_word_diffs(b->d, p, nlinks);
	if (rc == 0)
		rc = reserve_units(b->d, nlinks);
	for (i = 0; rc == 0 && i < nlinks; i++)
		rc = unit_from_link(b, from, &links[i], &p[i]);
	ld_free(p);
	return rc;
}

/* ---- the substitution summary ---------------------------------------- */

struct sub {
	const char *o, *n;
	unsigned cls;
	size_t first;
};

static int
cmp_sub(const void *pa, const void *pb)
{
	const struct sub *a = pa, *b = pb;
	int r;

	if ((r = strcmp(a->o, b->o)) != 0)
		return r;
	if ((r = strcmp(a->n, b->n)) != 0)
		return r;
	return a->first < b->first ? -1 : a->first > b->first;
}

static int
cmp_subst_out(const void *pa, const void *pb)
{
	const ldiff_subst *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return 0;
}

static int
collect_subs(ldiff_diff *d, size_t u0, struct sub **out, size_t *nout)
{
	size_t i, j, n = 0, cap = 0;
	struct sub *s = NULL;

	for (i = u0; i < d->n; i++)
		for (j = 0; j < d->units[i].n_edits; j++) {
			const ldiff_edit *e = &d->units[i].edits[j];

			if (e->op != LDIFF_EDIT_REPLACE || e->cls == 0 ||
			    (e->cls & LDIFF_CLASS_TYPOGRAPHY))
				continue;
			if (n == cap) {
				struct sub *p;

				p = ld_grow(s, &cap, 64, sizeof *p);
				if (p == NULL) {
					ld_free(s);
					return LDIFF_ENOMEM;
				}
				s = p;
			}
			/* n is the entry's own index: assign, then count
			 * (n++ inside the initialiser is unsequenced). */
			s[n] = (struct sub){ e->old_text, e->new_text,
			    e->cls, n };
			n++;
		}
	*out = s;
	*nout = n;
	return 0;
}

static int
push_subst(ldiff_diff *d, const ldiff_subst *x)
{
	if (d->nsubst == d->substcap) {
		ldiff_subst *p = ld_arena_grow(d->arena, d->substs,
		    &d->substcap, 16, sizeof *p);

		if (p == NULL)
			return LDIFF_ENOMEM;
		d->substs = p;
	}
	d->substs[d->nsubst++] = *x;
	return 0;
}

/* Replacements of units [u0, n) made at least twice, most frequent
 * first. */
static int
summarise(ldiff_diff *d, size_t from, size_t u0)
{
	struct sub *s;
	size_t n, i, j, s0 = d->nsubst;
	int rc;

	if ((rc = collect_subs(d, u0, &s, &n)) != 0)
		return rc;
	if (n > 1)
		qsort(s, n, sizeof *s, cmp_sub);
	for (i = 0; i < n && rc == 0; i = j) {
		unsigned cls = 0;

		for (j = i; j < n && strcmp(s[j].o, s[i].o) == 0 &&
		    strcmp(s[j].n, s[i].n) == 0; j++)
			cls |= s[j].cls;
		if (j - i >= 2)
			rc = push_subst(d, &(ldiff_subst){ from, from + 1,
			    s[i].o, s[i].n, j - i, cls });
	}
	ld_free(s);
	if (rc == 0 && d->nsubst - s0 > 1)
		qsort(d->substs + s0, d->nsubst - s0, sizeof *d->substs,
		    cmp_subst_out);
	return rc;
}

/* ---- the entry point ------------------------------------------------- */

static int
diff_pair(struct build *b, size_t from, ldiff_error *err)
{
	ldiff_diff *d = b->d;
	ld_arena *tmp = ld_arena_new();	/* the links, while units are made */
	ld_link *links;
	size_t nlinks, u0 = d->n;
	int rc;

	if (tmp == NULL)
		return ld_error(err, LDIFF_ENOMEM, "%s",
		    ldiff_strerror(LDIFF_ENOMEM));
	rc = ld_align(tmp, d->ver[from], d->ver[from + 1], &d->opts,
	    &links, &nlinks, &d->stats, err);
	if (rc != 0) {
		ld_arena_free(tmp);
		return rc;	/* err says what */
	}
	rc = units_from_links(b, from, links, nlinks);
	ld_arena_free(tmp);
	if (rc != 0)
		return ld_error(err, rc, _("comparing %s with %s: %s"),
		    d->names[from], d->names[from + 1], ldiff_strerror(rc));
	if ((rc = summarise(d, from, u0)) != 0)
		return ld_error(err, rc, "%s", ldiff_strerror(rc));
	return 0;
}

static int
setup(ldiff_diff *d, const ldiff_clauses *const *versions,
    const char *const *names, size_t n, const ldiff_diff_opts *o)
{
	size_t i;

	if (o != NULL)
		d->opts = *o;
	else
		ldiff_diff_opts_init(&d->opts);
	if (!(d->opts.min_similarity >= 0 && d->opts.min_similarity <= 1))
		d->opts.min_similarity = 0.5;
	if (d->opts.threads == 0)
		d->opts.threads = (int)ldiff_processors();
	d->nver = n;
	d->ver = ld_arena_alloc(d->arena, n * sizeof *d->ver);
	d->names = ld_arena_alloc(d->arena, n * sizeof *d->names);
	if (d->ver == NULL || d->names == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < n; i++) {
		d->ver[i] = versions[i];
		d->names[i] = names != NULL && names[i] != NULL ?
		    ld_arena_strdup(d->arena, names[i]) :
		    ld_arena_printf(d->arena, "version %zu", i + 1);
		if (d->names[i] == NULL)
			return LDIFF_ENOMEM;
	}
	return 0;
}

int
ldiff_diff_new(ldiff_diff **out, const ldiff_clauses *const *versions,
    const char *const *names, size_t n, const ldiff_diff_opts *o,
    ldiff_error *err)
{
	struct build b;
	ldiff_diff *d;
	size_t i, k;
	int rc;

	if (out == NULL)
		return ld_error(err, LDIFF_EINVAL, _("no place for the diff"));
	*out = NULL;
	if (versions == NULL || n < 2)
		return ld_error(err, LDIFF_EINVAL,
		    _("at least two versions are needed to compare"));
	for (i = 0; i < n; i++)
		if (versions[i] == NULL)
			return ld_error(err, LDIFF_EINVAL,
			    _("version %zu is missing"), i + 1);
	/* version 1 is every field there is: setup() copies them all */
	if (o != NULL && (rc = ld_check_version(err, "ldiff_diff_opts",
	    o->version, LDIFF_DIFF_OPTS_VERSION)) != 0)
		return rc;
	memset(&b, 0, sizeof b);
	d = ld_calloc(1, sizeof *d);
	if (d == NULL || (d->arena = ld_arena_new()) == NULL) {
		ld_free(d);
		return ld_error(err, LDIFF_ENOMEM, "%s",
		    ldiff_strerror(LDIFF_ENOMEM));
	}
	b.d = d;
	b.next = 1;
	rc = setup(d, versions, names, n, o);
	if (rc == 0 && (b.lin = ld_arena_alloc(d->arena,
	    n * sizeof *b.lin)) == NULL)
		rc = LDIFF_ENOMEM;
	for (i = 0; rc == 0 && i < n; i++) {
		b.lin[i] = ld_arena_alloc(d->arena,
		    (versions[i]->n + 1) * sizeof **b.lin);
		if (b.lin[i] == NULL)
			rc = LDIFF_ENOMEM;
		for (k = 0; rc == 0 && k < versions[i]->n; k++)
			b.lin[i][k] = NO_LINEAGE;
	}
	if (rc != 0) {
		rc = ld_error(err, rc, "%s", ldiff_strerror(rc));
		goto fail;
	}
	for (i = 0; i + 1 < n; i++)
		if ((rc = diff_pair(&b, i, err)) != 0)
			goto fail;
	if ((rc = apply_joins(&b)) != 0) {
		rc = ld_error(err, rc, "%s", ldiff_strerror(rc));
		goto fail;
	}
	ld_free(b.joins);
	*out = d;
	return 0;
fail:
	ld_free(b.joins);
	ldiff_diff_free(d);
	return rc;
}
