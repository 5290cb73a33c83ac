/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * align.c - which clause of the old version became which of the new:
 * the stages in order, and their pairs turned into links.
 *
 * The idea: clauses are matched in stages, from the surest evidence to the
 * weakest, each stage working only on what the earlier ones left:
 *
 *   0. table rows pair by their key cell (the municipality's name), not by
 *      position: a row added in the middle shifts nothing;
 *   1. identical text keys (whatever the numbers) pair up, Heckel/patience
 *      style: keys unique on both sides are anchors, the longest increasing
 *      run of anchors is kept, equal neighbours are extended and the gaps
 *      between anchors are done again, so repeated identical clauses pair
 *      in order;
 *   2. between two matched clauses, the rest is aligned in order by
 *      similarity (align_sim.c) with a dynamic program that maximises the
 *      summed similarity of pairs above the threshold; a gap too large for
 *      the full table takes candidate pairs from shared rare terms (an
 *      inverted index) and keeps the best increasing chain of them;
 *   3. what is still unmatched: identical or similar clauses elsewhere are
 *      moves, one old clause like the concatenation of two or three
 *      consecutive new ones is a split (and the reverse a merge);
 *   4. every pair that is not on the heaviest increasing chain of all pairs
 *      is a move; the rest is deleted or inserted.
 *
 * Work is bounded: the full table only for gaps up to DP_CAP cells and
 * DP_WORK_CAP bag terms merged, the candidate search reads at most
 * POSTING_CAP postings per clause, the anchor recursion stops at
 * ANCHOR_DEPTH.
 *
 * The items and stage 0 are in align_items.c, stage 1 in align_anchor.c,
 * stage 2 in align_ordered.c, stage 3 in align_moves.c; stage 4 and the
 * driver here.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/align.h"

/* ---- stage 4: moves off the chain, and the links in reading order ---- */

struct unit_ent {
	size_t old;		/* first old item, or the deleted one */
	long nw;		/* first new item, -1 for a deletion */
	long grp;		/* group, -1 */
	int moved;
};

/* Pairs and groups in old order, with the heaviest increasing chain of
 * their new positions; entries off the chain are moves. */
static int
mark_moves(struct ctx *c, struct unit_ent *u, size_t nu)
{
	struct chain *e;
	size_t i;
	int rc;

	e = ld_reallocarray(NULL, nu + 1, sizeof *e);
	if (e == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < nu; i++) {
		const struct item *o = &c->s[0].it[u[i].old];

		e[i].x = (size_t)u[i].nw;
		e[i].w = u[i].grp < 0 && o->stage <= 2 ? W_ORDERED : 1;
	}
	rc = ld_al_heaviest_chain(e, nu, c->s[1].n);
	for (i = 0; rc == 0 && i < nu; i++)
		u[i].moved = !e[i].on;
	ld_free(e);
	return rc;
}

struct sortlink {
	size_t major, minor;
	ld_link l;
};

static int
cmp_sortlink(const void *pa, const void *pb)
{
	const struct sortlink *a = pa, *b = pb;

	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	return a->minor < b->minor ? -1 : a->minor > b->minor;
}

static void
link_from_group(struct ctx *c, const struct group *g, ld_link *l)
{
	size_t k;

	memset(l, 0, sizeof *l);
	l->op = g->merge ? LDIFF_OP_MERGED : LDIFF_OP_SPLIT;
	l->similarity = g->sim;
	if (g->merge) {
		for (k = 0; k < g->nparts; k++)
			l->old[k] = c->s[0].it[g->part[k]].ci;
		l->nold = g->nparts;
		l->new[0] = c->s[1].it[g->one].ci;
		l->nnew = 1;
	} else {
		l->old[0] = c->s[0].it[g->one].ci;
		l->nold = 1;
		for (k = 0; k < g->nparts; k++)
			l->new[k] = c->s[1].it[g->part[k]].ci;
		l->nnew = g->nparts;
	}
}

/* The link of a pair or group: a pair off the chain is a move; on it,
 * equal keys are equal (diff_new.c tells typography from sameness). */
static void
link_from_entry(struct ctx *c, const struct unit_ent *e, ld_link *l)
{
	const struct item *o = &c->s[0].it[e->old];
	const struct item *nw = &c->s[1].it[e->nw];

	if (e->grp >= 0) {
		link_from_group(c, &c->groups[e->grp], l);
		return;
	}
	memset(l, 0, sizeof *l);
	l->old[0] = o->ci;
	l->nold = 1;
	l->new[0] = nw->ci;
	l->nnew = 1;
	l->similarity = o->sim;
	l->op = e->moved ? LDIFF_OP_MOVED : ld_al_same_key(o, nw) ?
	    LDIFF_OP_EQUAL : LDIFF_OP_CHANGED;
}

/* The pairs and groups as chain entries, in old order. */
static size_t
collect_entries(struct ctx *c, struct unit_ent *u)
{
	size_t i, nu = 0;

	for (i = 0; i < c->s[0].n; i++) {
		const struct item *o = &c->s[0].it[i];

		if (o->match >= 0) {
			u[nu++] = (struct unit_ent){ i, o->match, -1, 0 };
		} else if (o->group >= 0) {
			const struct group *g = &c->groups[o->group];

			if (g->merge && g->part[0] != i)
				continue;	/* one entry per group */
			u[nu++] = (struct unit_ent){ i, (long)(g->merge ?
			    g->one : g->part[0]), o->group, 0 };
		}
	}
	return nu;
}

/* Where a link stands in the new document's reading order: after the
 * new clause it holds; a deleted clause just after the new position of
 * the closest earlier old clause that stayed in order. */
static int
order_links(struct ctx *c, struct unit_ent *u, size_t nu,
    struct sortlink *sl, size_t *nsl)
{
	size_t i, k = 0, n = 0, after = 0;
	long *ent_of_old;

	ent_of_old = ld_reallocarray(NULL, c->s[0].n + 1, sizeof *ent_of_old);
	if (ent_of_old == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < c->s[0].n; i++)
		ent_of_old[i] = -1;
	for (i = 0; i < nu; i++)
		ent_of_old[u[i].old] = (long)i;
	for (i = 0; i < c->s[0].n; i++) {
		const struct item *o = &c->s[0].it[i];
		long e = ent_of_old[i];

		if (e >= 0 && !u[e].moved) {
			size_t last = (size_t)u[e].nw;

			if (u[e].grp >= 0 && !c->groups[u[e].grp].merge)
				last = c->groups[u[e].grp].part[
				    c->groups[u[e].grp].nparts - 1];
			after = 2 * last + 3;
		}
		if (o->match >= 0 || o->group >= 0)
			continue;
		memset(&sl[n].l, 0, sizeof sl[n].l);
		sl[n].l.op = LDIFF_OP_DELETED;
		sl[n].l.old[0] = o->ci;
		sl[n].l.nold = 1;
		sl[n].major = after ? after : 1;
		sl[n++].minor = i;
	}
	for (k = 0; k < nu; k++, n++) {
		sl[n].major = 2 * (size_t)u[k].nw + 2;
		sl[n].minor = 0;
		link_from_entry(c, &u[k], &sl[n].l);
	}
	for (i = 0; i < c->s[1].n; i++) {
		const struct item *it = &c->s[1].it[i];

		if (it->match >= 0 || it->group >= 0)
			continue;
		memset(&sl[n].l, 0, sizeof sl[n].l);
		sl[n].l.op = LDIFF_OP_INSERTED;
		sl[n].l.new[0] = it->ci;
		sl[n].l.nnew = 1;
		sl[n].major = 2 * i + 2;
		sl[n++].minor = 0;
	}
	ld_free(ent_of_old);
	*nsl = n;
	return 0;
}

/* Without move detection a pair off the chain is a deletion and an
 * insertion. */
static void
drop_moves(struct ctx *c, struct unit_ent *u, size_t *nu)
{
	size_t i, k = 0;

	for (i = 0; i < *nu; i++) {
		if (u[i].moved && u[i].grp < 0) {
			ld_al_unpair(c, u[i].old);
			continue;
		}
		u[k] = u[i];
		u[k++].moved = u[i].moved && u[i].grp < 0;
	}
	*nu = k;
}

static int
make_links(struct ctx *c, ld_arena *out, ld_link **links, size_t *nlinks)
{
	struct unit_ent *u;
	struct sortlink *sl = NULL;
	size_t nu, nsl = 0, i;
	int rc = LDIFF_ENOMEM;

	u = ld_reallocarray(NULL, c->s[0].n + 1, sizeof *u);
	if (u == NULL)
		return rc;
	nu = collect_entries(c, u);
	if ((rc = mark_moves(c, u, nu)) != 0)
		goto out;
	if (!c->opts->detect_moves)
		drop_moves(c, u, &nu);
	rc = LDIFF_ENOMEM;
	sl = ld_reallocarray(NULL, c->s[0].n + c->s[1].n + 1, sizeof *sl);
	if (sl == NULL || (rc = order_links(c, u, nu, sl, &nsl)) != 0)
		goto out;
	qsort(sl, nsl, sizeof *sl, cmp_sortlink);
	rc = LDIFF_ENOMEM;
	*links = ld_arena_alloc(out, (nsl + 1) * sizeof **links);
	if (*links == NULL)
		goto out;
	for (i = 0; i < nsl; i++)
		(*links)[i] = sl[i].l;
	*nlinks = nsl;
	rc = 0;
out:
	ld_free(u);
	ld_free(sl);
	return rc;
}

int
ld_align(ld_arena *ar, const ldiff_clauses *a, const ldiff_clauses *b,
    const ldiff_diff_opts *o, ld_link **links, size_t *nlinks,
    ld_align_stats *st, ldiff_error *err)
{
	struct ctx c;
	size_t i, body = 0;
	int rc;

	memset(&c, 0, sizeof c);
	*links = NULL;
	*nlinks = 0;
	/* Items, keys and bags live only while aligning: their own arena,
	 * freed before the caller builds its units. */
	if ((c.ar = ld_arena_new()) == NULL)
		return ld_error(err, LDIFF_ENOMEM, _("aligning clauses: %s"),
		    ldiff_strerror(LDIFF_ENOMEM));
	c.opts = o;
	c.st = st;
	c.s[0].cs = a;
	c.s[1].cs = b;
	for (i = 0; i < a->n; i++)
		body += ld_al_kind_class(a->cl[i].kind) != CL_NONE;
	for (i = 0; i < b->n; i++)
		body += ld_al_kind_class(b->cl[i].kind) != CL_NONE;
	if ((rc = ld_lexicon_new(&c.lx)) != 0 ||
	    (rc = ld_al_side_items(&c, &c.s[0], body == 0)) != 0 ||
	    (rc = ld_al_side_items(&c, &c.s[1], body == 0)) != 0 ||
	    (rc = ld_al_words_alloc(&c)) != 0 ||
	    (rc = ld_al_compute_keys(&c)) != 0 ||
	    (rc = ld_al_build_bags(&c, 1)) != 0 ||
	    (rc = ld_al_stage_rows(&c)) != 0 ||
	    (rc = ld_al_stage_identical(&c)) != 0 ||
	    (rc = ld_al_build_bags(&c, 0)) != 0 ||
	    (rc = ld_al_stage_ordered(&c)) != 0 ||
	    (rc = ld_al_stage_leftovers(&c)) != 0)
		goto out;
	ld_al_free_words(&c);		/* the links need no words: less at the peak */
	rc = make_links(&c, ar, links, nlinks);
out:
	ld_al_free_words(&c);
	ld_free(c.groups);
	ld_arena_free(c.ar);
	if (rc != 0)
		return ld_error(err, rc, _("aligning clauses: %s"),
		    ldiff_strerror(rc));
	return 0;
}
