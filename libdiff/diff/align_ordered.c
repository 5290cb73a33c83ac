/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * align_ordered.c - stage 2 of the alignment: between two matched
 * clauses, the rest pairs in order by similarity.
 *
 * The idea: a gap small enough (DP_CAP cells, DP_WORK_CAP bag terms) gets
 * the full dynamic program that maximises the summed similarity of pairs
 * above the threshold; a larger one takes candidate pairs from shared
 * rare terms (an inverted index, POSTING_CAP postings per clause) and
 * keeps the heaviest increasing chain of them.  What is left in a gap of
 * one clause per side, or of headings in equal number, pairs by position.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/align.h"

/* ---- stage 2: ordered alignment by similarity ------------------------ */

/* The full table: maximise the summed similarity of pairs at or above
 * the threshold, in order.  a[] and b[] are item indexes. */
static int
gap_table(struct ctx *c, const size_t *a, size_t na, const size_t *b,
    size_t nb)
{
	double *s, *score, thr = c->opts->min_similarity;
	size_t i, j, w = nb + 1;
	int rc = LDIFF_ENOMEM;

	s = ld_reallocarray(NULL, na * nb + 1, sizeof *s);
	score = ld_calloc((na + 1) * w, sizeof *score);
	if (s == NULL || score == NULL)
		goto out;
	c->st->dp_cells += na * nb;
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++) {
			struct item *x = &c->s[0].it[a[i]], *y = &c->s[1].it[b[j]];

			s[i * nb + j] = x->cls == y->cls ? ld_al_sim(c, x, y) : 0;
		}
	for (i = 1; i <= na; i++)
		for (j = 1; j <= nb; j++) {
			double m = score[(i - 1) * w + j], v = s[(i - 1) * nb + j - 1];

			if (score[i * w + j - 1] > m)
				m = score[i * w + j - 1];
			if (v >= thr && score[(i - 1) * w + j - 1] + v > m)
				m = score[(i - 1) * w + j - 1] + v;
			score[i * w + j] = m;
		}
	for (i = na, j = nb; i > 0 && j > 0;) {
		double v = s[(i - 1) * nb + j - 1];

		if (v >= thr && score[i * w + j] ==
		    score[(i - 1) * w + j - 1] + v) {
			ld_al_pair(c, a[i - 1], b[j - 1], 2, v);
			i--;
			j--;
		} else if (score[i * w + j] == score[(i - 1) * w + j]) {
			i--;
		} else {
			j--;
		}
	}
	rc = 0;
out:
	ld_free(s);
	ld_free(score);
	return rc;
}



void
ld_al_index_free(struct tindex *ix)
{
	ld_free(ix->start);
	ld_free(ix->post);
	ld_free(ix->acc);
	ld_free(ix->touched);
	memset(ix, 0, sizeof *ix);
}

int
ld_al_index_build(struct ctx *c, int side, const size_t *list, size_t n,
    struct tindex *ix)
{
	size_t i, j, total = 0;

	memset(ix, 0, sizeof *ix);
	ix->nterms = ld_lexicon_nterms(c->lx);
	ix->start = ld_calloc(ix->nterms + 2, sizeof *ix->start);
	ix->acc = ld_calloc(n + 1, sizeof *ix->acc);
	ix->touched = ld_calloc(n + 1, sizeof *ix->touched);
	if (ix->start == NULL || ix->acc == NULL || ix->touched == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		const ld_bag *bg = &c->s[side].it[list[i]].bag;

		for (j = 0; j < bg->n; j++)
			ix->start[bg->term[j] + 2]++;
		total += bg->n;
	}
	for (i = 2; i <= ix->nterms + 1; i++)
		ix->start[i] += ix->start[i - 1];
	ix->post = ld_reallocarray(NULL, total + 1, sizeof *ix->post);
	if (ix->post == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		const ld_bag *bg = &c->s[side].it[list[i]].bag;

		for (j = 0; j < bg->n; j++)
			ix->post[ix->start[bg->term[j] + 1]++] = (uint32_t)i;
	}
	return 0;
fail:
	ld_al_index_free(ix);
	return LDIFF_ENOMEM;
}

static int
cmp_rare(const void *pa, const void *pb)
{
	const struct rare *a = pa, *b = pb;

	if (a->df != b->df)
		return a->df < b->df ? -1 : 1;
	return a->term < b->term ? -1 : a->term > b->term;
}

/* The CAND_K touched items of most weight into out, heaviest first (the
 * earlier touched first among equals), in one pass: a query can touch
 * hundreds of items, and selecting the maximum CAND_K times over them
 * cost more than the rest of the query. */
static size_t
heaviest(const struct tindex *ix, size_t nt, size_t *out)
{
	size_t i, k, nout = 0;

	for (i = 0; i < nt; i++) {
		size_t p = ix->touched[i];
		double w = ix->acc[p];

		if (w <= 0 || (nout == CAND_K && w <= ix->acc[out[nout - 1]]))
			continue;
		k = nout < CAND_K ? nout++ : CAND_K - 1;
		for (; k > 0 && ix->acc[out[k - 1]] < w; k--)
			out[k] = out[k - 1];
		out[k] = p;
	}
	return nout;
}

/* The few rarest terms in order (insertion: at most RARE_TERMS of them,
 * once per query, where qsort's call cost more than the sorting). */
static void
sort_rare(struct rare *r, size_t nr)
{
	size_t i, j;

	for (i = 1; i < nr; i++) {
		struct rare x = r[i];

		for (j = i; j > 0 && cmp_rare(&r[j - 1], &x) > 0; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
}

/* Is r[0..nr) the query answered last?  Many clauses can share their
 * indexed terms (a long list of "Stycke N om samverkan." against a
 * text that says "om" and "samverkan"): those are answered once. */
static int
same_query(const struct tindex *ix, const struct rare *r, size_t nr)
{
	size_t i;

	if (!ix->has_last || nr != ix->nlast)
		return 0;
	for (i = 0; i < nr; i++)
		if (r[i].term != ix->last[i].term || r[i].w != ix->last[i].w)
			return 0;
	return 1;
}

/* Up to CAND_K list positions sharing the most weight of q's rarest
 * terms, into out[]; returns how many. */
size_t
ld_al_index_query(struct ctx *c, struct tindex *ix, const ld_bag *q, size_t *out)
{
	struct rare r[RARE_TERMS];
	size_t nr = 0, i, j, nt = 0, read = 0, nout = 0;

	for (i = 0; i < q->n; i++) {
		size_t df;

		if (q->term[i] >= ix->nterms)
			continue;
		df = ix->start[q->term[i] + 1] - ix->start[q->term[i]];
		if (df == 0)
			continue;
		if (nr < RARE_TERMS) {
			r[nr++] = (struct rare){ df, q->term[i], q->w[i] };
		} else {	/* replace the most frequent kept term */
			size_t m = 0;

			for (j = 1; j < nr; j++)
				if (r[j].df > r[m].df)
					m = j;
			if (df < r[m].df)
				r[m] = (struct rare){ df, q->term[i], q->w[i] };
		}
	}
	sort_rare(r, nr);
	if (same_query(ix, r, nr)) {
		memcpy(out, ix->last_out, ix->nlast_out * sizeof *out);
		return ix->nlast_out;
	}
	for (i = 0; i < nr && read < POSTING_CAP; i++)
		for (j = ix->start[r[i].term]; j < ix->start[r[i].term + 1] &&
		    read < POSTING_CAP; j++, read++) {
			uint32_t p = ix->post[j];

			if (ix->acc[p] == 0)
				ix->touched[nt++] = p;
			ix->acc[p] += r[i].w;
		}
	c->st->candidates += read;
	nout = heaviest(ix, nt, out);
	for (i = 0; i < nt; i++)
		ix->acc[ix->touched[i]] = 0;
	memcpy(ix->last, r, nr * sizeof *r);
	ix->nlast = nr;
	memcpy(ix->last_out, out, nout * sizeof *out);
	ix->nlast_out = nout;
	ix->has_last = 1;
	return nout;
}

/* A gap too large for the table: candidates from the index, then the
 * heaviest increasing chain of candidate pairs. */
static int
gap_sparse(struct ctx *c, const size_t *a, size_t na, const size_t *b,
    size_t nb)
{
	struct tindex ix;
	struct chain *e = NULL;
	size_t *ea = NULL, ne = 0, i, k, cand[CAND_K];
	int rc;

	if ((rc = ld_al_index_build(c, 1, b, nb, &ix)) != 0)
		return rc;
	e = ld_reallocarray(NULL, na * CAND_K + 1, sizeof *e);
	ea = ld_reallocarray(NULL, na * CAND_K + 1, sizeof *ea);
	rc = LDIFF_ENOMEM;
	if (e == NULL || ea == NULL)
		goto out;
	for (i = 0; i < na; i++) {
		struct item *x = &c->s[0].it[a[i]];
		size_t nc = ld_al_index_query(c, &ix, &x->bag, cand);

		/* candidates of one old clause in decreasing new position,
		 * so that the chain takes at most one of them */
		for (k = 0; k < nc; k++) {
			size_t m, t;

			for (m = k + 1; m < nc; m++)
				if (cand[m] > cand[k]) {
					t = cand[m];
					cand[m] = cand[k];
					cand[k] = t;
				}
		}
		for (k = 0; k < nc; k++) {
			struct item *y = &c->s[1].it[b[cand[k]]];
			double v;

			if (y->cls != x->cls)
				continue;
			v = ld_al_sim(c, x, y);
			if (v < c->opts->min_similarity)
				continue;
			e[ne].x = cand[k];
			e[ne].w = v;
			ea[ne++] = i;
		}
	}
	if ((rc = ld_al_heaviest_chain(e, ne, nb)) != 0)
		goto out;
	for (i = 0; i < ne; i++)
		if (e[i].on)
			ld_al_pair(c, a[ea[i]], b[e[i].x], 2, e[i].w);
out:
	ld_al_index_free(&ix);
	ld_free(e);
	ld_free(ea);
	return rc;
}


static int
is_ordered_pair(const struct item *it)
{
	return it->match >= 0 && it->stage <= 2;
}

int
ld_al_for_each_gap(struct ctx *c, gap_fn fn)
{
	struct side *so = &c->s[0], *sn = &c->s[1];
	size_t *a, *b, i = 0, j = 0, na, nb;
	int rc = 0;

	a = ld_reallocarray(NULL, so->nfree + 1, sizeof *a);
	b = ld_reallocarray(NULL, sn->nfree + 1, sizeof *b);
	if (a == NULL || b == NULL) {
		rc = LDIFF_ENOMEM;
		goto out;
	}
	while (rc == 0 && (i <= so->nfree && j <= sn->nfree)) {
		size_t oi = i, nj;

		while (oi < so->nfree && !is_ordered_pair(&so->it[so->free[oi]]))
			oi++;
		nj = oi < so->nfree ?
		    sn->it[so->it[so->free[oi]].match].fpos : sn->nfree;
		for (na = 0; i < oi; i++)
			if (so->it[so->free[i]].match < 0 &&
			    so->it[so->free[i]].group < 0)
				a[na++] = so->free[i];
		for (nb = 0; j < nj && j < sn->nfree; j++)
			if (sn->it[sn->free[j]].match < 0 &&
			    sn->it[sn->free[j]].group < 0)
				b[nb++] = sn->free[j];
		if (na > 0 && nb > 0)
			rc = fn(c, a, na, b, nb);
		i = oi + 1;
		j = nj + 1;
	}
out:
	ld_free(a);
	ld_free(b);
	return rc;
}

/* The full table computes every similarity of the gap, each costing
 * the two bags' sizes: a gap of long clauses takes the index instead. */
static int
ordered_gap(struct ctx *c, const size_t *a, size_t na, const size_t *b,
    size_t nb)
{
	double terms_a = 0, terms_b = 0;
	size_t i;

	for (i = 0; i < na; i++)
		terms_a += (double)c->s[0].it[a[i]].bag.n;
	for (i = 0; i < nb; i++)
		terms_b += (double)c->s[1].it[b[i]].bag.n;
	if (na * nb <= DP_CAP && terms_a * (double)nb + terms_b * (double)na <=
	    DP_WORK_CAP)
		return gap_table(c, a, na, b, nb);
	return gap_sparse(c, a, na, b, nb);
}

int
ld_al_stage_ordered(struct ctx *c)
{
	return ld_al_for_each_gap(c, ordered_gap);
}

/* What stays unmatched between two ordered pairs is, when it is one
 * clause on each side, the same clause rewritten (above a low floor);
 * headings there pair in order when both sides have as many. */
#define REWRITE_MIN 0.15

int
ld_al_positional_gap(struct ctx *c, const size_t *a, size_t na, const size_t *b,
    size_t nb)
{
	size_t i, j, sa = 0, sb = 0;

	for (i = 0; i < na; i++)
		sa += c->s[0].it[a[i]].cls == CL_SECTION;
	for (j = 0; j < nb; j++)
		sb += c->s[1].it[b[j]].cls == CL_SECTION;
	if (sa == sb && sa > 0) {
		for (i = 0, j = 0; i < na && j < nb; i++, j++) {
			while (i < na && c->s[0].it[a[i]].cls != CL_SECTION)
				i++;
			while (j < nb && c->s[1].it[b[j]].cls != CL_SECTION)
				j++;
			if (i < na && j < nb)
				ld_al_pair(c, a[i], b[j], 2, ld_al_sim(c, &c->s[0].it[a[i]],
				    &c->s[1].it[b[j]]));
		}
	}
	if (na - sa == 1 && nb - sb == 1) {
		for (i = 0; c->s[0].it[a[i]].cls == CL_SECTION; i++)
			;
		for (j = 0; c->s[1].it[b[j]].cls == CL_SECTION; j++)
			;
		if (c->s[0].it[a[i]].cls == c->s[1].it[b[j]].cls) {
			double v = ld_al_sim(c, &c->s[0].it[a[i]], &c->s[1].it[b[j]]);

			if (v >= REWRITE_MIN)
				ld_al_pair(c, a[i], b[j], 2, v);
		}
	}
	return 0;
}
