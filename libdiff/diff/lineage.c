/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lineage.c - the units of a diff grouped by the clause they follow.
 *
 * Over three or more versions each clause has a lineage: the units, one
 * per consecutive pair, that carry it from version to version.  A
 * renderer's history table wants one row per lineage that changed, in
 * reading order.  So: unit indexes are sorted by lineage (then unit), the
 * runs of one lineage are the groups, and each group is keyed by where
 * its clause stands in the latest version that has it (0 at the top, 1
 * at the end), a deleted clause where it used to stand.  Two sorts, so
 * n log n in the units.
 */
#include <stdlib.h>

#include "diff/diff.h"


struct lin {
	size_t lineage, idx;
};

static int
cmp_lineage(const void *a, const void *b)
{
	const struct lin *x = a, *y = b;

	if (x->lineage != y->lineage)
		return x->lineage < y->lineage ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
cmp_group(const void *a, const void *b)
{
	const ld_lineage *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Where clause c stands in version v, 0 at the top, 1 at the end: the
 * clauses of one version are stored in reading order. */
static double
reading_position(const ldiff_diff *d, size_t v, const ldiff_clause *c)
{
	const ldiff_clauses *cs = ldiff_diff_version(d, v);
	size_t n = cs != NULL ? ldiff_clauses_count(cs) : 0;
	const ldiff_clause *first = n > 0 ? ldiff_clauses_get(cs, 0) : NULL;

	if (first == NULL || c < first || c >= first + n)
		return 1;
	return ((double)(c - first) + 0.5) / (double)n;
}

/* The key of the lineage of units[s..e): its clause in the latest
 * version that has it. */
static double
lineage_key(const ldiff_diff *d, const size_t *units, size_t s, size_t e)
{
	const ldiff_clause *c = NULL;
	size_t i, v = 0;

	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, units[i]);

		if (u->n_new > 0 && (c == NULL || u->to >= v)) {
			c = u->new_cl[0];
			v = u->to;
		} else if (u->n_old > 0 && (c == NULL || u->from > v)) {
			c = u->old_cl[0];
			v = u->from;
		}
	}
	return c != NULL ? reading_position(d, v, c) : 1;
}

/* Unit indexes sorted by lineage, then by unit. */
static int
units_by_lineage(const ldiff_diff *d, size_t n, size_t *units)
{
	struct lin *l = ld_reallocarray(NULL, n ? n : 1, sizeof *l);
	size_t i;

	if (l == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < n; i++) {
		l[i].lineage = ldiff_diff_unit(d, i)->lineage;
		l[i].idx = i;
	}
	qsort(l, n, sizeof *l, cmp_lineage);
	for (i = 0; i < n; i++)
		units[i] = l[i].idx;
	ld_free(l);
	return 0;
}

int
ld_lineages(const ldiff_diff *d, unsigned hide, size_t **unitsp,
    ld_lineage **groupsp, size_t *ng)
{
	size_t n = ldiff_diff_count(d), i, s, k = 0;
	size_t *units = ld_reallocarray(NULL, n ? n : 1, sizeof *units);
	ld_lineage *g = ld_reallocarray(NULL, n ? n : 1, sizeof *g);
	int r = LDIFF_ENOMEM;

	*unitsp = NULL;
	*groupsp = NULL;
	*ng = 0;
	if (units == NULL || g == NULL ||
	    (r = units_by_lineage(d, n, units)) != 0)
		goto fail;
	for (s = 0; s < n; s = i) {
		size_t lin = ldiff_diff_unit(d, units[s])->lineage;
		int change = 0;

		for (i = s; i < n &&
		    ldiff_diff_unit(d, units[i])->lineage == lin; i++)
			change |= ld_unit_shown_change(ldiff_diff_unit(d, units[i]),
			    hide);
		if (!change)
			continue;
		g[k].start = s;
		g[k].end = i;
		g[k].key = lineage_key(d, units, s, i);
		k++;
	}
	qsort(g, k, sizeof *g, cmp_group);
	*unitsp = units;
	*groupsp = g;
	*ng = k;
	return 0;
fail:
	ld_free(units);
	ld_free(g);
	return r;
}
