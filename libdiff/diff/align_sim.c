/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * align_sim.c - how alike two clauses are.
 *
 * A clause becomes a bag of Swedish terms (stem.c): each term carries its
 * weight times its count, the term ids sorted so that two bags meet in one
 * merge pass.  Similarity is the weighted Dice coefficient
 *
 *   2 * sum_t min(a_t, b_t) / (sum a + sum b)
 *
 * which is 1 for the same words in any order and falls with every word
 * one side has and the other lacks; stop words and numbers weigh less, so
 * "2023-2026" -> "2027-2030" or a changed "och" hardly moves it.
 * Containment (shared over one side's total) tells whether a clause is a
 * part of another: the pieces of a split are each contained in the old
 * clause.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"

static void
sort_small(uint32_t *t, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		uint32_t x = t[i];

		for (j = i; j > 0 && t[j - 1] > x; j--)
			t[j] = t[j - 1];
		t[j] = x;
	}
}

/* Term ids in ascending order: insertion for the short lists most
 * clauses give, else a radix sort of 8 bits a pass, as many passes as
 * the largest id needs (qsort's calls cost more than the sorting). */
static int
sort_terms(uint32_t *t, size_t n)
{
	uint32_t *tmp, *a = t, *b, *x, max = 0;
	size_t count[256], i, sum;
	unsigned shift;

	if (n <= 32) {
		sort_small(t, n);
		return 0;
	}
	for (i = 0; i < n; i++)
		max = t[i] > max ? t[i] : max;
	if ((tmp = ld_reallocarray(NULL, n, sizeof *tmp)) == NULL)
		return LDIFF_ENOMEM;
	b = tmp;
	for (shift = 0; shift < 32 && (max >> shift) != 0; shift += 8) {
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[a[i] >> shift & 255]++;
		for (i = 0, sum = 0; i < 256; i++) {
			size_t c = count[i];

			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			b[count[a[i] >> shift & 255]++] = a[i];
		x = a;
		a = b;
		b = x;
	}
	if (a != t)
		memcpy(t, a, n * sizeof *t);
	ld_free(tmp);
	return 0;
}

int
ld_bag_of(ld_arena *ar, ld_lexicon *lx, const uint32_t *words,
    size_t nwords, ld_bag *out)
{
	uint32_t *t;
	size_t i, k = 0;

	memset(out, 0, sizeof *out);
	if (nwords == 0)
		return 0;
	t = ld_reallocarray(NULL, nwords, sizeof *t);
	if (t == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < nwords; i++) {
		long term = ld_lexicon_term(lx, words[i]);

		if (term < 0) {
			ld_free(t);
			return (int)term;
		}
		t[i] = (uint32_t)term;
	}
	if (sort_terms(t, nwords) != 0) {
		ld_free(t);
		return LDIFF_ENOMEM;
	}
	out->term = ld_arena_alloc(ar, nwords * sizeof *out->term);
	out->w = ld_arena_alloc(ar, nwords * sizeof *out->w);
	if (out->term == NULL || out->w == NULL) {
		ld_free(t);
		return LDIFF_ENOMEM;
	}
	for (i = 0; i < nwords; i++) {
		double w = ld_lexicon_weight(lx, (long)t[i]);

		if (k > 0 && out->term[k - 1] == t[i]) {
			out->w[k - 1] += w;
		} else {
			out->term[k] = t[i];
			out->w[k++] = w;
		}
		out->total += w;
	}
	out->n = k;
	ld_free(t);
	return 0;
}

/* Sum over shared terms of the smaller weight. */
static double
shared_weight(const ld_bag *a, const ld_bag *b)
{
	size_t i = 0, j = 0;
	double s = 0;

	while (i < a->n && j < b->n) {
		if (a->term[i] < b->term[j]) {
			i++;
		} else if (a->term[i] > b->term[j]) {
			j++;
		} else {
			s += a->w[i] < b->w[j] ? a->w[i] : b->w[j];
			i++;
			j++;
		}
	}
	return s;
}

double
ld_bag_similarity(const ld_bag *a, const ld_bag *b)
{
	double t = a->total + b->total;

	if (t <= 0)
		return 1.0;	/* two texts without words: alike */
	return 2.0 * shared_weight(a, b) / t;
}

double
ld_bag_containment(const ld_bag *a, const ld_bag *b)
{
	if (b->total <= 0)
		return 0;
	return shared_weight(a, b) / b->total;
}

int
ld_bag_union(ld_arena *ar, const ld_bag *a, const ld_bag *b, ld_bag *out)
{
	size_t i = 0, j = 0, k = 0, cap = a->n + b->n;

	memset(out, 0, sizeof *out);
	if (cap == 0)
		return 0;
	out->term = ld_arena_alloc(ar, cap * sizeof *out->term);
	out->w = ld_arena_alloc(ar, cap * sizeof *out->w);
	if (out->term == NULL || out->w == NULL)
		return LDIFF_ENOMEM;
	while (i < a->n || j < b->n) {
		if (j == b->n || (i < a->n && a->term[i] < b->term[j])) {
			out->term[k] = a->term[i];
			out->w[k++] = a->w[i++];
		} else if (i == a->n || b->term[j] < a->term[i]) {
			out->term[k] = b->term[j];
			out->w[k++] = b->w[j++];
		} else {
			out->term[k] = a->term[i];
			out->w[k++] = a->w[i++] + b->w[j++];
		}
	}
	out->n = k;
	out->total = a->total + b->total;
	return 0;
}
