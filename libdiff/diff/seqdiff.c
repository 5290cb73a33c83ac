/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * seqdiff.c - the difference of two sequences of token ids.
 *
 * The idea (Myers 1986, "An O(ND) difference algorithm", and git's xdiff):
 * look for the middle snake of the edit graph from both ends at once,
 * split the problem there and recurse, so memory stays linear.  Before
 * any search, the common prefix and suffix are trimmed and every element
 * that does not occur on the other side at all is marked changed and left
 * out, which makes "everything changed" cost nothing.
 *
 * Work is bounded twice over:
 *   - per split, a cost cap (xdiff's mxcost: the square root of the
 *     number of diagonals, at least 256): past it the furthest-reaching
 *     diagonal is taken as the split, and long snakes found on the way
 *     are used early (xdiff's heuristic); the diff stays valid, maybe not
 *     minimal;
 *   - in total, a budget of diagonal visits and snake steps linear in the
 *     input: once spent, every box still to be done is marked changed
 *     whole (after trimming its common ends), so no input can make this
 *     slower than linear times a constant.
 * Recursion is on the first half only (the second is a loop) and a depth
 * guard turns pathological nesting into whole boxes too.
 */
#include <limits.h>
#include <string.h>

#include "diff/diff.h"

#define SNAKE_CNT 20	/* a snake this long is a good place to split */
#define HEUR_MIN_COST 256	/* no snake heuristic below this cost */
#define K_HEUR 4
#define MAX_COST_MIN 256
#define BUDGET_PER_ELEM 64
#define BUDGET_MIN 1000000L
#define MAX_DEPTH 2000

struct ctx {
	const uint32_t *a, *b;
	char *ca, *cb;		/* changed marks, same index as a and b */
	long *kvdf, *kvdb;	/* furthest reach per diagonal, fwd / bwd */
	long mxcost, budget, work;
	int capped;
};

struct split {
	long i1, i2;
	int min_lo, min_hi;	/* halves still want a minimal diff */
};

static long
isqrt(long n)
{
	long r = 1;

	while (r * r < n)
		r++;
	return r;
}

/* The cost cap was reached: split on the diagonal that got furthest,
 * forward or backward. */
static void
split_at_best(const struct ctx *x, long off1, long lim1, long off2,
    long lim2, long fmin, long fmax, long bmin, long bmax, struct split *s)
{
	long d, i1, i2, fbest = -1, fbest1 = -1, bbest = LONG_MAX,
	    bbest1 = LONG_MAX;

	for (d = fmax; d >= fmin; d -= 2) {
		i1 = x->kvdf[d] < lim1 ? x->kvdf[d] : lim1;
		i2 = i1 - d;
		if (lim2 < i2) {
			i1 = lim2 + d;
			i2 = lim2;
		}
		if (fbest < i1 + i2) {
			fbest = i1 + i2;
			fbest1 = i1;
		}
	}
	for (d = bmax; d >= bmin; d -= 2) {
		i1 = x->kvdb[d] > off1 ? x->kvdb[d] : off1;
		i2 = i1 - d;
		if (i2 < off2) {
			i1 = off2 + d;
			i2 = off2;
		}
		if (i1 + i2 < bbest) {
			bbest = i1 + i2;
			bbest1 = i1;
		}
	}
	if ((lim1 + lim2) - bbest < fbest - (off1 + off2)) {
		s->i1 = fbest1;
		s->i2 = fbest - fbest1;
		s->min_lo = 1;
		s->min_hi = 0;
	} else {
		s->i1 = bbest1;
		s->i2 = bbest - bbest1;
		s->min_lo = 0;
		s->min_hi = 1;
	}
}

/* xdiff's heuristic: a diagonal that advanced far and ends in a snake of
 * SNAKE_CNT is a good split even if not the middle snake.  Forward. */
static int
good_fwd(const struct ctx *x, long off1, long lim1, long off2, long lim2,
    long fmin, long fmax, long fmid, long ec, struct split *s)
{
	long d, best = 0;

	for (d = fmax; d >= fmin; d -= 2) {
		long dd = d > fmid ? d - fmid : fmid - d;
		long i1 = x->kvdf[d], i2 = i1 - d, k;
		long v = (i1 - off1) + (i2 - off2) - dd;

		if (v > K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 &&
		    i1 < lim1 && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
			for (k = 1; x->a[i1 - k] == x->b[i2 - k]; k++)
				if (k == SNAKE_CNT) {
					best = v;
					s->i1 = i1;
					s->i2 = i2;
					break;
				}
		}
	}
	if (best > 0) {
		s->min_lo = 1;
		s->min_hi = 0;
	}
	return best > 0;
}

static int
good_bwd(const struct ctx *x, long off1, long lim1, long off2, long lim2,
    long bmin, long bmax, long bmid, long ec, struct split *s)
{
	long d, best = 0;

	for (d = bmax; d >= bmin; d -= 2) {
		long dd = d > bmid ? d - bmid : bmid - d;
		long i1 = x->kvdb[d], i2 = i1 - d, k;
		long v = (lim1 - i1) + (lim2 - i2) - dd;

		if (v > K_HEUR * ec && v > best && off1 < i1 &&
		    i1 <= lim1 - SNAKE_CNT && off2 < i2 &&
		    i2 <= lim2 - SNAKE_CNT) {
			for (k = 0; x->a[i1 + k] == x->b[i2 + k]; k++)
				if (k == SNAKE_CNT - 1) {
					best = v;
					s->i1 = i1;
					s->i2 = i2;
					break;
				}
		}
	}
	if (best > 0) {
		s->min_lo = 0;
		s->min_hi = 1;
	}
	return best > 0;
}

/* One forward step of cost ec; 1 when the paths met (s set). */
static int
step_fwd(struct ctx *x, long off1, long lim1, long off2, long lim2,
    long fmin, long fmax, long bmin, long bmax, int odd, int *snake,
    struct split *s)
{
	long d, i1, i2, prev;

	for (d = fmax; d >= fmin; d -= 2) {
		if (x->kvdf[d - 1] >= x->kvdf[d + 1])
			i1 = x->kvdf[d - 1] + 1;
		else
			i1 = x->kvdf[d + 1];
		prev = i1;
		i2 = i1 - d;
		while (i1 < lim1 && i2 < lim2 && x->a[i1] == x->b[i2]) {
			i1++;
			i2++;
		}
		x->work += 1 + (i1 - prev);
		if (i1 - prev > SNAKE_CNT)
			*snake = 1;
		x->kvdf[d] = i1;
		if (odd && bmin <= d && d <= bmax && x->kvdb[d] <= i1) {
			s->i1 = i1;
			s->i2 = i2;
			s->min_lo = s->min_hi = 1;
			return 1;
		}
	}
	LD_UNUSED(off1);
	LD_UNUSED(off2);
	return 0;
}

static int
step_bwd(struct ctx *x, long off1, long off2, long fmin, long fmax,
    long bmin, long bmax, int odd, int *snake, struct split *s)
{
	long d, i1, i2, prev;

	for (d = bmax; d >= bmin; d -= 2) {
		if (x->kvdb[d - 1] < x->kvdb[d + 1])
			i1 = x->kvdb[d - 1];
		else
			i1 = x->kvdb[d + 1] - 1;
		prev = i1;
		i2 = i1 - d;
		while (i1 > off1 && i2 > off2 && x->a[i1 - 1] == x->b[i2 - 1]) {
			i1--;
			i2--;
		}
		x->work += 1 + (prev - i1);
		if (prev - i1 > SNAKE_CNT)
			*snake = 1;
		x->kvdb[d] = i1;
		if (!odd && fmin <= d && d <= fmax && i1 <= x->kvdf[d]) {
			s->i1 = i1;
			s->i2 = i2;
			s->min_lo = s->min_hi = 1;
			return 1;
		}
	}
	return 0;
}

/* Find where to split the box [off1,lim1) x [off2,lim2): the middle snake,
 * or a good or best-reaching diagonal once the cost passes the cap. */
static void
find_split(struct ctx *x, long off1, long lim1, long off2, long lim2,
    int need_min, struct split *s)
{
	long dmin = off1 - lim2, dmax = lim1 - off2;
	long fmid = off1 - off2, bmid = lim1 - lim2;
	long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid, ec;
	int odd = (fmid - bmid) & 1;

	x->kvdf[fmid] = off1;
	x->kvdb[bmid] = lim1;
	for (ec = 1;; ec++) {
		int snake = 0;

		if (fmin > dmin)
			x->kvdf[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			x->kvdf[++fmax + 1] = -1;
		else
			--fmax;
		if (step_fwd(x, off1, lim1, off2, lim2, fmin, fmax, bmin,
		    bmax, odd, &snake, s))
			return;
		if (bmin > dmin)
			x->kvdb[--bmin - 1] = LONG_MAX;
		else
			++bmin;
		if (bmax < dmax)
			x->kvdb[++bmax + 1] = LONG_MAX;
		else
			--bmax;
		if (step_bwd(x, off1, off2, fmin, fmax, bmin, bmax, odd,
		    &snake, s))
			return;
		if (need_min && x->work <= x->budget)
			continue;
		if (snake && ec > HEUR_MIN_COST &&
		    (good_fwd(x, off1, lim1, off2, lim2, fmin, fmax, fmid,
		    ec, s) || good_bwd(x, off1, lim1, off2, lim2, bmin, bmax,
		    bmid, ec, s)))
			return;
		if (ec >= x->mxcost || x->work > x->budget) {
			x->capped = 1;
			split_at_best(x, off1, lim1, off2, lim2, fmin, fmax,
			    bmin, bmax, s);
			return;
		}
	}
}

static void
mark(char *c, long from, long to)
{
	if (to > from)
		memset(c + from, 1, (size_t)(to - from));
}

/* Compare a[off1,lim1) with b[off2,lim2), marking what changed. */
static void
compare(struct ctx *x, long off1, long lim1, long off2, long lim2,
    int need_min, int depth)
{
	for (;;) {
		struct split s;

		while (off1 < lim1 && off2 < lim2 && x->a[off1] == x->b[off2]) {
			off1++;
			off2++;
		}
		while (off1 < lim1 && off2 < lim2 &&
		    x->a[lim1 - 1] == x->b[lim2 - 1]) {
			lim1--;
			lim2--;
		}
		if (off1 == lim1 || off2 == lim2 || x->work > x->budget ||
		    depth > MAX_DEPTH) {
			if (off1 < lim1 && off2 < lim2)
				x->capped = 1;
			mark(x->ca, off1, lim1);
			mark(x->cb, off2, lim2);
			return;
		}
		find_split(x, off1, lim1, off2, lim2, need_min, &s);
		compare(x, off1, s.i1, off2, s.i2, s.min_lo, depth + 1);
		off1 = s.i1;
		off2 = s.i2;
		need_min = s.min_hi;
	}
}

/* Leave out what has no partner on the other side: it is changed for
 * sure.  ids[] gets the kept elements, idx[] their original indexes. */
static long
keep_matched(const uint32_t *x, size_t nx, const unsigned char *other,
    uint32_t *ids, long *idx, char *chg)
{
	size_t i;
	long k = 0;

	for (i = 0; i < nx; i++) {
		if (other != NULL && !other[x[i]]) {
			chg[i] = 1;
			continue;
		}
		ids[k] = x[i];
		idx[k++] = (long)i;
	}
	return k;
}

/* Presence flags of the ids of x, when ids are small enough to index. */
static unsigned char *
presence(const uint32_t *x, size_t nx, uint32_t maxid)
{
	unsigned char *p = ld_calloc((size_t)maxid + 1, 1);
	size_t i;

	if (p != NULL)
		for (i = 0; i < nx; i++)
			p[x[i]] = 1;
	return p;
}

static uint32_t
max_id(const uint32_t *x, size_t n, uint32_t m)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (x[i] > m)
			m = x[i];
	return m;
}

/* The diff proper over the kept elements; marks mapped back. */
static int
run(struct ctx *x, const uint32_t *a, size_t na, const uint32_t *b,
    size_t nb, char *chg_a, char *chg_b, long max_cost)
{
	uint32_t maxid = max_id(b, nb, max_id(a, na, 0));
	unsigned char *pa = NULL, *pb = NULL;
	uint32_t *ka = NULL, *kb = NULL;
	long *ia = NULL, *ib = NULL, *kvd = NULL, n1, n2, ndiags, i;
	char *ca = NULL, *cb = NULL;
	int rc = LDIFF_ENOMEM;

	if ((size_t)maxid <= 4 * (na + nb) + 4096) {
		pa = presence(a, na, maxid);
		pb = presence(b, nb, maxid);
		if (pa == NULL || pb == NULL)
			goto out;
	}
	ka = ld_reallocarray(NULL, na + 1, sizeof *ka);
	kb = ld_reallocarray(NULL, nb + 1, sizeof *kb);
	ia = ld_reallocarray(NULL, na + 1, sizeof *ia);
	ib = ld_reallocarray(NULL, nb + 1, sizeof *ib);
	ca = ld_calloc(na + 1, 1);
	cb = ld_calloc(nb + 1, 1);
	if (!ka || !kb || !ia || !ib || !ca || !cb)
		goto out;
	n1 = keep_matched(a, na, pb, ka, ia, chg_a);
	n2 = keep_matched(b, nb, pa, kb, ib, chg_b);
	ndiags = n1 + n2 + 3;
	kvd = ld_reallocarray(NULL, 2 * (size_t)ndiags + 2, sizeof *kvd);
	if (kvd == NULL)
		goto out;
	x->a = ka;
	x->b = kb;
	x->ca = ca;
	x->cb = cb;
	x->kvdf = kvd + n2 + 1;
	x->kvdb = x->kvdf + ndiags;
	x->mxcost = max_cost > 0 ? max_cost : isqrt(ndiags);
	if (max_cost <= 0 && x->mxcost < MAX_COST_MIN)
		x->mxcost = MAX_COST_MIN;
	compare(x, 0, n1, 0, n2, 0, 0);
	for (i = 0; i < n1; i++)
		chg_a[ia[i]] = ca[i];
	for (i = 0; i < n2; i++)
		chg_b[ib[i]] = cb[i];
	rc = 0;
out:
	ld_free(pa);
	ld_free(pb);
	ld_free(ka);
	ld_free(kb);
	ld_free(ia);
	ld_free(ib);
	ld_free(ca);
	ld_free(cb);
	ld_free(kvd);
	return rc;
}

int
ld_seqdiff(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    long max_cost, char *chg_a, char *chg_b, ld_seqstats *st)
{
	struct ctx x;
	int rc;

	memset(&x, 0, sizeof x);
	if (na > 0)
		memset(chg_a, 0, na);
	if (nb > 0)
		memset(chg_b, 0, nb);
	if (na + nb > LONG_MAX / (2 * BUDGET_PER_ELEM))
		return LDIFF_ENOMEM;
	x.budget = BUDGET_PER_ELEM * (long)(na + nb);
	if (x.budget < BUDGET_MIN)
		x.budget = BUDGET_MIN;
	rc = run(&x, a, na, b, nb, chg_a, chg_b, max_cost);
	if (st != NULL) {
		st->max_cost = x.mxcost;
		st->budget = x.budget;
		st->work = x.work;
		st->capped = x.capped;
	}
	return rc;
}
