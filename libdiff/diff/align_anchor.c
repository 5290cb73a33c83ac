/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * align_anchor.c - stage 1 of the alignment: identical clauses anchor it.
 *
 * The idea (Heckel, patience diff): a text key that occurs once on each
 * side is an anchor; the heaviest increasing chain of anchors is kept,
 * equal neighbours are extended from them, and the gaps between anchors
 * are done again the same way (to ANCHOR_DEPTH), so repeated identical
 * clauses pair in order.  The heaviest-chain routine is shared with the
 * later stages.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/align.h"

/* ---- heaviest increasing chain -------------------------------------- */


/* Entries come ordered on the first axis (strictly increasing); mark the
 * heaviest subsequence strictly increasing in x (x < xmax).  A Fenwick
 * tree of prefix maxima gives O(k log xmax). */
int
ld_al_heaviest_chain(struct chain *e, size_t k, size_t xmax)
{
	double *best, *dp;
	long *arg, *prev;
	size_t i, top = 0;
	int rc = LDIFF_ENOMEM;

	best = ld_calloc(xmax + 1, sizeof *best);
	arg = ld_calloc(xmax + 1, sizeof *arg);
	dp = ld_calloc(k + 1, sizeof *dp);
	prev = ld_calloc(k + 1, sizeof *prev);
	if (best == NULL || arg == NULL || dp == NULL || prev == NULL)
		goto out;
	for (i = 0; i <= xmax; i++)
		arg[i] = -1;
	for (i = 0; i < k; i++) {
		double m = 0;
		long a = -1;
		size_t p;

		for (p = e[i].x; p > 0; p -= p & -p)	/* max over [0, x) */
			if (best[p] > m) {
				m = best[p];
				a = arg[p];
			}
		dp[i] = m + e[i].w;
		prev[i] = a;
		for (p = e[i].x + 1; p <= xmax; p += p & -p)
			if (dp[i] > best[p]) {
				best[p] = dp[i];
				arg[p] = (long)i;
			}
		if (dp[i] > dp[top])
			top = i;
		e[i].on = 0;
	}
	if (k > 0) {
		long t;

		for (t = (long)top; t >= 0; t = prev[t])
			e[t].on = 1;
	}
	rc = 0;
out:
	ld_free(best);
	ld_free(arg);
	ld_free(dp);
	ld_free(prev);
	return rc;
}

/* ---- stage 1: identical keys ----------------------------------------- */

static int anchor_gap(struct ctx *, size_t, size_t, size_t, size_t, int);

/* Match equal keys at both ends of a gap of the free lists. */
static void
strip_equal_ends(struct ctx *c, size_t *o0, size_t *o1, size_t *n0,
    size_t *n1)
{
	struct side *so = &c->s[0], *sn = &c->s[1];

	while (*o0 < *o1 && *n0 < *n1 && ld_al_same_key(&so->it[so->free[*o0]],
	    &sn->it[sn->free[*n0]])) {
		ld_al_pair(c, so->free[*o0], sn->free[*n0], 1, 1.0);
		(*o0)++;
		(*n0)++;
	}
	while (*o0 < *o1 && *n0 < *n1 && ld_al_same_key(&so->it[so->free[*o1 - 1]],
	    &sn->it[sn->free[*n1 - 1]])) {
		ld_al_pair(c, so->free[*o1 - 1], sn->free[*n1 - 1], 1, 1.0);
		(*o1)--;
		(*n1)--;
	}
}

/* Keys unique on both sides of the gap: anchors (old pos, new pos) in
 * old order, into *out (ld_malloc'd). */
static int
unique_anchors(struct ctx *c, size_t o0, size_t o1, size_t n0, size_t n1,
    struct chain **out, size_t **opos, size_t *nout)
{
	struct kent *e;
	size_t n = 0, i, j, k = 0;

	*out = NULL;
	*opos = NULL;
	*nout = 0;
	e = ld_reallocarray(NULL, (o1 - o0) + (n1 - n0) + 1, sizeof *e);
	*out = ld_reallocarray(NULL, (o1 - o0) + 1, sizeof **out);
	*opos = ld_reallocarray(NULL, (o1 - o0) + 1, sizeof **opos);
	if (e == NULL || *out == NULL || *opos == NULL) {
		ld_free(e);
		return LDIFF_ENOMEM;
	}
	for (i = o0; i < o1; i++, n++) {
		struct item *it = &c->s[0].it[c->s[0].free[i]];

		e[n] = ld_al_kent_of(it->khash, it->key, 0, i);
	}
	for (i = n0; i < n1; i++, n++) {
		struct item *it = &c->s[1].it[c->s[1].free[i]];

		e[n] = ld_al_kent_of(it->khash, it->key, 1, i);
	}
	c->st->anchor_items += n;
	if (ld_al_group_keys(e, n) != 0) {
		ld_free(e);
		return LDIFF_ENOMEM;
	}
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && e[j].h == e[i].h &&
		    strcmp(e[j].k, e[i].k) == 0; j++)
			;
		if (j - i == 2 && e[i].side == 0 && e[i + 1].side == 1 &&
		    c->s[0].it[c->s[0].free[e[i].i]].cls ==
		    c->s[1].it[c->s[1].free[e[i + 1].i]].cls) {
			(*opos)[k] = e[i].i;
			(*out)[k].x = e[i + 1].i - n0;
			(*out)[k++].w = 1;
		}
	}
	ld_free(e);
	*nout = k;
	return 0;
}

static int
cmp_anchor_old(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;

	return a[0] < b[0] ? -1 : a[0] > b[0];
}

/* Sort anchors (opos[i], e[i]) by old position. */
static int
sort_anchors(struct chain *e, size_t *opos, size_t k)
{
	size_t (*t)[2] = ld_reallocarray(NULL, k + 1, sizeof *t), i;

	if (t == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < k; i++) {
		t[i][0] = opos[i];
		t[i][1] = e[i].x;
	}
	qsort(t, k, sizeof *t, cmp_anchor_old);
	for (i = 0; i < k; i++) {
		opos[i] = t[i][0];
		e[i].x = t[i][1];
		e[i].w = 1;
	}
	ld_free(t);
	return 0;
}

/* Pair the chain's anchors and do every gap between them again. */
static int
anchor_gap(struct ctx *c, size_t o0, size_t o1, size_t n0, size_t n1,
    int depth)
{
	struct chain *e = NULL;
	size_t *opos = NULL, k, i, po, pn;
	int rc;

	strip_equal_ends(c, &o0, &o1, &n0, &n1);
	if (o0 == o1 || n0 == n1 || depth > ANCHOR_DEPTH)
		return 0;
	rc = unique_anchors(c, o0, o1, n0, n1, &e, &opos, &k);
	if (rc == 0 && k > 0)
		rc = sort_anchors(e, opos, k);
	if (rc == 0 && k > 0)
		rc = ld_al_heaviest_chain(e, k, n1 - n0);
	if (rc != 0 || k == 0)
		goto out;
	po = o0;
	pn = n0;
	for (i = 0; i < k && rc == 0; i++) {
		if (!e[i].on)
			continue;
		ld_al_pair(c, c->s[0].free[opos[i]], c->s[1].free[n0 + e[i].x], 1,
		    1.0);
		rc = anchor_gap(c, po, opos[i], pn, n0 + e[i].x, depth + 1);
		po = opos[i] + 1;
		pn = n0 + e[i].x + 1;
	}
	if (rc == 0)
		rc = anchor_gap(c, po, o1, pn, n1, depth + 1);
out:
	ld_free(e);
	ld_free(opos);
	return rc;
}

/* The free lists: unmatched items of the ordered classes (not rows). */
static void
make_free_lists(struct ctx *c)
{
	size_t k, i;

	for (k = 0; k < 2; k++) {
		struct side *s = &c->s[k];

		s->nfree = 0;
		for (i = 0; i < s->n; i++)
			if (s->it[i].cls != CL_ROW && s->it[i].match < 0) {
				s->it[i].fpos = s->nfree;
				s->free[s->nfree++] = i;
			}
	}
}

int
ld_al_stage_identical(struct ctx *c)
{
	make_free_lists(c);
	return anchor_gap(c, 0, c->s[0].nfree, 0, c->s[1].nfree, 0);
}
