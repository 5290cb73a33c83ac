/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_seqdiff.c - the token-sequence diff: valid on random input, minimal
 * when not capped (checked against a dynamic-programming LCS), and bounded
 * work on pathological input (counted in steps, never wall time). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

/* The kept elements of a and b must pair up equal, in order. */
static int
valid(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    const char *ca, const char *cb, size_t *kept)
{
	size_t i = 0, j = 0, k = 0;

	for (;;) {
		while (i < na && ca[i])
			i++;
		while (j < nb && cb[j])
			j++;
		if (i == na || j == nb)
			break;
		if (a[i] != b[j])
			return 0;
		i++, j++, k++;
	}
	while (i < na && ca[i])
		i++;
	while (j < nb && cb[j])
		j++;
	*kept = k;
	return i == na && j == nb;
}

static size_t
lcs_len(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t *row = calloc(nb + 1, sizeof *row), i, j, r;

	for (i = 1; i <= na; i++) {
		size_t diag = 0;

		for (j = 1; j <= nb; j++) {
			size_t up = row[j];

			if (a[i - 1] == b[j - 1])
				row[j] = diag + 1;
			else if (row[j - 1] > row[j])
				row[j] = row[j - 1];
			diag = up;
		}
	}
	r = row[nb];
	free(row);
	return r;
}

static void
test_small(void)
{
	uint32_t a[] = { 1, 2, 3, 4, 5 }, b[] = { 1, 3, 4, 6, 5 };
	char ca[5], cb[5];
	ld_seqstats st;

	is_int(ld_seqdiff(a, 5, b, 5, 0, ca, cb, &st), 0, "small diff runs");
	ok(!ca[0] && ca[1] && !ca[2] && !ca[3] && !ca[4], "2 deleted");
	ok(!cb[0] && !cb[1] && !cb[2] && cb[3] && !cb[4], "6 inserted");
	is_int(ld_seqdiff(a, 0, b, 5, 0, ca, cb, NULL), 0, "empty old");
	ok(cb[0] && cb[1] && cb[2] && cb[3] && cb[4], "all inserted");
	is_int(ld_seqdiff(a, 5, b, 0, 0, ca, cb, NULL), 0, "empty new");
	ok(ca[0] && ca[1] && ca[2] && ca[3] && ca[4], "all deleted");
	is_int(ld_seqdiff(a, 5, a, 5, 0, ca, cb, &st), 0, "same");
	ok(memchr(ca, 1, 5) == NULL && memchr(cb, 1, 5) == NULL,
	    "nothing changed");
}

/* Random pairs: b is a with random edits; alphabet small so there are
 * many spurious matches. */
static void
test_random(void)
{
	int t, bad_valid = 0, bad_min = 0, runs = 400;

	for (t = 0; t < runs; t++) {
		size_t na = rnd(300), nb = 0, i, kept;
		uint32_t *a = malloc((na + 1) * sizeof *a);
		uint32_t *b = malloc((2 * na + 10) * sizeof *b);
		char *ca = malloc(na + 1), *cb = malloc(2 * na + 10);
		unsigned alpha = 2 + rnd(30);
		ld_seqstats st;

		for (i = 0; i < na; i++)
			a[i] = rnd(alpha);
		for (i = 0; i < na; i++) {
			unsigned r = rnd(10);

			if (r == 0)
				continue;	/* delete */
			if (r == 1)
				b[nb++] = rnd(alpha);	/* insert */
			b[nb++] = r == 2 ? rnd(alpha) : a[i];
		}
		ld_seqdiff(a, na, b, nb, 0, ca, cb, &st);
		if (!valid(a, na, b, nb, ca, cb, &kept))
			bad_valid++;
		else if (!st.capped && kept != lcs_len(a, na, b, nb))
			bad_min++;
		free(a), free(b), free(ca), free(cb);
	}
	is_int(bad_valid, 0, "400 random pairs: every diff valid");
	is_int(bad_min, 0, "uncapped diffs are minimal (LCS by DP)");
}

/* A tiny cap forces the cut path: still valid. */
static void
test_cap(void)
{
	size_t n = 3000, i, kept;
	uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
	char *ca = malloc(n), *cb = malloc(n);
	ld_seqstats st;

	for (i = 0; i < n; i++) {
		a[i] = rnd(4);
		b[i] = rnd(4);
	}
	ld_seqdiff(a, n, b, n, 10, ca, cb, &st);
	ok(st.capped, "cap 10 on random input cuts the search");
	ok(valid(a, n, b, n, ca, cb, &kept), "capped diff is valid");
	diag("cap 10: kept %zu of %zu, work %ld", kept, n, st.work);
	free(a), free(b), free(ca), free(cb);
}

static void
test_pathological(void)
{
	size_t n = 100000, i, kept;
	uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
	char *ca = malloc(n), *cb = malloc(n);
	ld_seqstats st;

	/* every token changed */
	for (i = 0; i < n; i++) {
		a[i] = (uint32_t)i;
		b[i] = (uint32_t)(n + i);
	}
	ld_seqdiff(a, n, b, n, 0, ca, cb, &st);
	ok(valid(a, n, b, n, ca, cb, &kept) && kept == 0,
	    "all changed: valid, nothing kept");
	ok(st.work == 0, "all changed: no search at all");
	diag("all changed (2 x %zu): work %ld", n, st.work);

	/* 10 000 identical tokens, one changed in the middle */
	for (i = 0; i < 10000; i++)
		a[i] = b[i] = 7;
	b[5000] = 8;
	ld_seqdiff(a, 10000, b, 10000, 0, ca, cb, &st);
	ok(valid(a, 10000, b, 10000, ca, cb, &kept) && kept == 9999,
	    "10 000 identical tokens: minimal");
	ok(st.work <= 4, "10 000 identical: trimming leaves ~no work");
	diag("10 000 identical, 1 changed: work %ld", st.work);

	/* 10 000 identical against 10 000 identical shifted by runs */
	for (i = 0; i < 10000; i++) {
		a[i] = 7;
		b[i] = (i % 50 == 0) ? 9 : 7;
	}
	ld_seqdiff(a, 10000, b, 10000, 0, ca, cb, &st);
	ok(valid(a, 10000, b, 10000, ca, cb, &kept),
	    "identical tokens with 200 replacements: valid");
	ok(st.work <= st.budget + 20000L * st.max_cost,
	    "identical tokens: work within budget + one split");
	diag("10 000 identical, 200 changed: work %ld budget %ld kept %zu",
	    st.work, st.budget, kept);

	/* two unrelated sequences over a 3-letter alphabet: worst case */
	for (i = 0; i < n; i++) {
		a[i] = rnd(3);
		b[i] = rnd(3);
	}
	ld_seqdiff(a, n, b, n, 0, ca, cb, &st);
	ok(valid(a, n, b, n, ca, cb, &kept), "random 2 x 100 000: valid");
	ok(st.capped, "random 2 x 100 000: capped");
	ok(st.work <= st.budget + 2 * (long)n * st.max_cost,
	    "random 2 x 100 000: work bounded by budget + one split");
	ok(st.work <= 64L * 2 * (long)n * 2, "work linear in the input");
	diag("random 2 x %zu over 3 ids: work %ld (budget %ld, cap %ld), "
	    "kept %zu", n, st.work, st.budget, st.max_cost, kept);
	free(a), free(b), free(ca), free(cb);
}

static void
test_oom(void)
{
	uint32_t a[] = { 1, 2, 3 }, b[] = { 3, 2, 1 };
	char ca[3], cb[3];
	int k, fails = 0;

	for (k = 0; k < 12; k++) {
		ld_alloc_fail_after(k);
		if (ld_seqdiff(a, 3, b, 3, 0, ca, cb, NULL) == LDIFF_ENOMEM)
			fails++;
		ld_alloc_fail_after(-1);
	}
	ok(fails > 0, "allocation failures are reported as ENOMEM");
}

int
main(void)
{
	test_small();
	test_random();
	test_cap();
	test_pathological();
	test_oom();
	return done_testing();
}
