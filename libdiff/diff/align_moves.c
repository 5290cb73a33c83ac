/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * align_moves.c - stage 3 of the alignment: what is still unmatched.
 *
 * The idea: a clause left over on both sides that is identical or alike
 * (MOVE_MIN) is a move; one old clause like the concatenation of two or
 * three consecutive new ones is a split, and the reverse a merge
 * (GROUP_MIN, each part PART_MIN contained, and the group covering
 * GROUP_GAIN more than its best single part).
 */
#include <stdlib.h>
#include <string.h>

#include "diff/align.h"

/* ---- stage 3: leftovers: moves, splits, merges ----------------------- */

/* Unmatched, ungrouped items of one side of the given classes. */
static size_t
leftovers(struct ctx *c, int side, size_t *out, int rows)
{
	size_t i, n = 0;

	for (i = 0; i < c->s[side].n; i++) {
		struct item *it = &c->s[side].it[i];

		if (it->match < 0 && it->group < 0 &&
		    (it->cls == CL_ROW) == rows)
			out[n++] = i;
	}
	return n;
}

/* Identical keys left over: moved as they stand. */
static int
moves_identical(struct ctx *c, size_t *lo, size_t *ln)
{
	size_t na = leftovers(c, 0, lo, 0), nb = leftovers(c, 1, ln, 0);
	struct kent *e;
	size_t n = 0, i, j;

	e = ld_reallocarray(NULL, na + nb + 1, sizeof *e);
	if (e == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < na; i++, n++)
		e[n] = ld_al_kent_of(c->s[0].it[lo[i]].khash,
		    c->s[0].it[lo[i]].key, 0, lo[i]);
	for (i = 0; i < nb; i++, n++)
		e[n] = ld_al_kent_of(c->s[1].it[ln[i]].khash,
		    c->s[1].it[ln[i]].key, 1, ln[i]);
	if (ld_al_group_keys(e, n) != 0) {
		ld_free(e);
		return LDIFF_ENOMEM;
	}
	for (i = 0; i < n; i = j) {
		size_t no = 0, a;

		for (j = i; j < n && e[j].h == e[i].h &&
		    strcmp(e[j].k, e[i].k) == 0; j++)
			no += e[j].side == 0;
		for (a = 0; a < no && no + a < j - i; a++)
			if (c->s[0].it[e[i + a].i].cls ==
			    c->s[1].it[e[i + no + a].i].cls)
				ld_al_pair(c, e[i + a].i, e[i + no + a].i, 3, 1.0);
	}
	ld_free(e);
	return 0;
}

struct cpair {
	size_t o, n;
	double s;
};

static int
cmp_cpair(const void *pa, const void *pb)
{
	const struct cpair *a = pa, *b = pb;

	if (a->s != b->s)
		return a->s > b->s ? -1 : 1;
	if (a->o != b->o)
		return a->o < b->o ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

/* Similar leftovers: the most alike pairs first, each clause once. */
static int
moves_similar(struct ctx *c, size_t *lo, size_t *ln)
{
	size_t na = leftovers(c, 0, lo, 0), nb = leftovers(c, 1, ln, 0);
	size_t i, k, np = 0, cand[CAND_K];
	struct tindex ix;
	struct cpair *p;
	int rc;

	if (na == 0 || nb == 0)
		return 0;
	if ((rc = ld_al_index_build(c, 1, ln, nb, &ix)) != 0)
		return rc;
	p = ld_reallocarray(NULL, na * CAND_K + 1, sizeof *p);
	if (p == NULL) {
		ld_al_index_free(&ix);
		return LDIFF_ENOMEM;
	}
	for (i = 0; i < na; i++) {
		struct item *x = &c->s[0].it[lo[i]];
		size_t nc = ld_al_index_query(c, &ix, &x->bag, cand);

		for (k = 0; k < nc; k++) {
			struct item *y = &c->s[1].it[ln[cand[k]]];
			double v;

			if (x->cls != y->cls || x->cls == CL_SECTION)
				continue;
			if ((v = ld_al_sim(c, x, y)) >= MOVE_MIN)
				p[np++] = (struct cpair){ lo[i], ln[cand[k]], v };
		}
	}
	qsort(p, np, sizeof *p, cmp_cpair);
	for (i = 0; i < np; i++)
		if (c->s[0].it[p[i].o].match < 0 &&
		    c->s[1].it[p[i].n].match < 0)
			ld_al_pair(c, p[i].o, p[i].n, 3, p[i].s);
	ld_free(p);
	ld_al_index_free(&ix);
	return 0;
}

/* May item y (on the parts side) be a part of a group around x? */
static int
part_ok(const struct item *x, const struct item *y, long yi)
{
	if (y->cls != CL_BODY || y->group >= 0)
		return 0;
	return y->match < 0 || x->match == yi;
}

/* Is y too long to be a part of x?  x holds at most x's total of y, so
 * a short x is no union of long parts: no need to compare them. */
static int
too_long(const struct item *x, const struct item *y)
{
	return x->bag.total < PART_MIN * y->bag.total * (1 - 1e-9);
}

/* The best window of 2-3 consecutive parts-side items around item j
 * for x; returns its similarity (0 when none qualifies). */
static double
best_window(struct ctx *c, int d, const struct item *x, size_t j,
    size_t *w0, size_t *wn)
{
	struct side *ps = &c->s[!d];
	double best = 0;
	size_t len, st;

	for (len = 2; len <= LD_LINK_MAX; len++)
		for (st = j + 1 >= len ? j + 1 - len : 0; st <= j; st++) {
			ld_bag u, acc;
			double single = 0, v;
			size_t k;
			int okw = st + len <= ps->n;

			for (k = st; okw && k < st + len; k++) {
				const struct item *y = &ps->it[k];

				if (!part_ok(x, y, (long)k) || too_long(x, y) ||
				    ld_bag_containment(&x->bag, &y->bag) <
				    PART_MIN)
					okw = 0;
			}
			if (!okw)
				continue;
			acc = ps->it[st].bag;
			for (k = st + 1; k < st + len; k++) {
				if (ld_bag_union(c->ar, &acc, &ps->it[k].bag,
				    &u) != 0)
					return -1;
				acc = u;
			}
			/* how much of x one part covers, and all of them */
			for (k = st; k < st + len; k++) {
				double s1 = ld_bag_containment(&ps->it[k].bag,
				    &x->bag);

				if (s1 > single)
					single = s1;
			}
			c->st->sim_calls += len + 1;
			v = ld_bag_similarity(&x->bag, &acc);
			if (v >= GROUP_MIN && ld_bag_containment(&acc,
			    &x->bag) >= single + GROUP_GAIN && v > best) {
				best = v;
				*w0 = st;
				*wn = len;
			}
		}
	return best;
}

static int
add_group(struct ctx *c, int d, size_t one, size_t w0, size_t wn, double v)
{
	struct group *g;
	size_t k;

	if (c->ngroups == c->capgroups) {
		g = ld_grow(c->groups, &c->capgroups, 16, sizeof *g);
		if (g == NULL)
			return LDIFF_ENOMEM;
		c->groups = g;
	}
	if (c->s[d].it[one].match >= 0) {
		if (d == 0)
			ld_al_unpair(c, one);
		else
			ld_al_unpair(c, (size_t)c->s[1].it[one].match);
	}
	g = &c->groups[c->ngroups];
	g->merge = d;
	g->one = one;
	g->nparts = wn;
	g->sim = v;
	c->s[d].it[one].group = (long)c->ngroups;
	for (k = 0; k < wn; k++) {
		g->part[k] = w0 + k;
		c->s[!d].it[w0 + k].group = (long)c->ngroups;
	}
	c->ngroups++;
	return 0;
}

/* Splits (d 0: one old clause, several new) or merges (d 1). */
static int
groups(struct ctx *c, int d, size_t *all)
{
	struct side *os = &c->s[d], *ps = &c->s[!d];
	struct tindex ix;
	size_t i, k, n = 0, cand[CAND_K + 1];
	int rc;

	for (i = 0; i < ps->n; i++)
		all[n++] = i;
	if ((rc = ld_al_index_build(c, !d, all, n, &ix)) != 0)
		return rc;
	for (i = 0; i < os->n && rc == 0; i++) {
		struct item *x = &os->it[i];
		size_t nc, w0 = 0, wn = 0, bw0 = 0, bwn = 0;
		double best = 0, v;

		if (x->cls != CL_BODY || x->group >= 0 || (x->match >= 0 &&
		    (x->stage != 2 || x->sim >= 0.95)))
			continue;
		nc = ld_al_index_query(c, &ix, &x->bag, cand);
		if (x->match >= 0)
			cand[nc++] = (size_t)x->match;
		for (k = 0; k < nc; k++) {
			if (too_long(x, &ps->it[all[cand[k]]]))
				continue;	/* every window holds it */
			v = best_window(c, d, x, all[cand[k]], &w0, &wn);
			if (v < 0) {
				rc = LDIFF_ENOMEM;
				break;
			}
			if (v > best) {
				best = v;
				bw0 = w0;
				bwn = wn;
			}
		}
		if (rc == 0 && best > 0)
			rc = add_group(c, d, i, bw0, bwn, best);
	}
	ld_al_index_free(&ix);
	return rc;
}

int
ld_al_stage_leftovers(struct ctx *c)
{
	size_t *lo, *ln;
	int rc = LDIFF_ENOMEM;

	lo = ld_reallocarray(NULL, c->s[0].n + c->s[1].n + 1, sizeof *lo);
	ln = ld_reallocarray(NULL, c->s[0].n + c->s[1].n + 1, sizeof *ln);
	if (lo == NULL || ln == NULL)
		goto out;
	if (c->opts->detect_moves) {
		if ((rc = moves_identical(c, lo, ln)) != 0 ||
		    (rc = moves_similar(c, lo, ln)) != 0)
			goto out;
	}
	if ((rc = groups(c, 0, lo)) != 0 || (rc = groups(c, 1, lo)) != 0)
		goto out;
	rc = ld_al_for_each_gap(c, ld_al_positional_gap);
out:
	ld_free(lo);
	ld_free(ln);
	return rc;
}
