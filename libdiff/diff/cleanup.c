/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cleanup.c - make a minimal token diff read like an edit a person made.
 *
 * The idea (diff-match-patch's diff_cleanupSemantic and
 * diff_cleanupSemanticLossless, on tokens instead of characters): a
 * minimal diff happily keeps a lone space, "och" or "att" as an equality
 * between two changed phrases, and a person then reads four fragments
 * where there is one rewrite.  So, in order:
 *
 *   1. an equality between two edits that is only white space, or no
 *      longer (in characters) than the larger side of the edit on each of
 *      its sides, is absorbed: the three runs become one edit.  After a
 *      merge the equality before is looked at again, as in dmp.  One
 *      exception keeps classes apart: an equality holding a word is kept
 *      next to an edit of numbers only ("2023–2026 och 1 250 000" keeps
 *      its "och", so the period and the amount stay two edits), and
 *      one departure from dmp: between two pure insertions (or two pure
 *      deletions) a word equality stays, since "{+i samverkan med+} ta
 *      fram {+och fastställa+}" says more than one big replacement;
 *   2. a pure insertion or deletion slides over repeated tokens to where
 *      it starts with a word and ends with white space ("a {+z +}b", not
 *      "a{+ z+} b");
 *   3. equalities left empty are dropped and the edits around them join;
 *      step 1 runs again, since a slide may leave a lone space between
 *      two edits;
 *   4. white space that both sides of an edit begin or end with moves out
 *      into the neighbouring equality, even when that leaves one side
 *      empty: ", inom ramen för sitt ansvar, " -> " " is a deletion.
 */
#include <string.h>

#include "diff/textdiff.h"

static size_t
chars(const ld_side *s, size_t t0, size_t t1)
{
	return s->cum[t1] - s->cum[t0];
}

static int
all_space(const ld_side *s, size_t t0, size_t t1)
{
	size_t i;

	for (i = t0; i < t1; i++)
		if (!s->t[i].space)
			return 0;
	return 1;
}

/* Only numbers, dates and year ranges (and white space) on both sides. */
static int
valueish(const ld_side *a, const ld_side *b, const ld_run *r)
{
	size_t i, vals = 0;

	for (i = r->a0; i < r->a1; i++) {
		if (ld_is_value(&a->t[i]))
			vals++;
		else if (!a->t[i].space)
			return 0;
	}
	for (i = r->b0; i < r->b1; i++) {
		if (ld_is_value(&b->t[i]))
			vals++;
		else if (!b->t[i].space)
			return 0;
	}
	return vals > 0;
}

/* Sizes and flags of the runs, once: merges then only add them up. */
static void
measure(const ld_side *a, const ld_side *b, ld_run *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t x = chars(a, r[i].a0, r[i].a1);
		size_t y = chars(b, r[i].b0, r[i].b1);

		r[i].size = x > y ? x : y;
		r[i].flag = r[i].op == LD_RUN_EQ ?
		    all_space(a, r[i].a0, r[i].a1) : valueish(a, b, &r[i]);
	}
}

static int
pure_kind(const ld_run *r)
{
	return r->a0 == r->a1 ? 1 : r->b0 == r->b1 ? 2 : 0;
}

/* Absorb equality r[1] between edits r[0] and r[2]? */
static int
absorb(const ld_run *r)
{
	int k;

	if (r[1].flag)
		return 1;	/* only white space */
	if (r[0].flag || r[2].flag)
		return 0;	/* keep words next to a value edit */
	k = pure_kind(&r[0]);
	if (k != 0 && k == pure_kind(&r[2]))
		return 0;	/* two insertions (deletions) read best apart */
	return r[1].size <= r[0].size && r[1].size <= r[2].size;
}

/* Step 1, as a stack: runs are pushed in order; whenever the top three
 * are edit, equality, edit and the equality should go, they become one
 * edit, and the equality below is looked at again.  Linear. */
static void
absorb_equalities(ld_run *r, size_t *n)
{
	size_t i, top = 0;

	for (i = 0; i < *n; i++) {
		r[top++] = r[i];
		while (top >= 3 && r[top - 1].op == LD_RUN_EDIT &&
		    r[top - 2].op == LD_RUN_EQ && top - 2 > 0 &&
		    absorb(&r[top - 3])) {
			ld_run *e = &r[top - 3];

			e->flag = e->flag && r[top - 1].flag && r[top - 2].flag;
			e->size += r[top - 2].size + r[top - 1].size;
			e->a1 = r[top - 1].a1;
			e->b1 = r[top - 1].b1;
			top -= 2;
		}
	}
	*n = top;
}

/* How well a pure edit of tokens [e0, e1) of side s reads. */
static int
slide_score(const ld_side *s, size_t e0, size_t e1)
{
	int sc = 0;

	if (!s->t[e0].space)
		sc += 2;
	if (s->t[e1 - 1].space)
		sc += 1;
	if (e0 == 0 || s->t[e0 - 1].space)
		sc += 1;
	return sc;
}

/* Step 2 for one pure edit r[1] between equalities r[0] and r[2], on the
 * side x whose range is non-empty (y is the other side's position). */
static void
slide_one(const ld_side *x, size_t *xe0, size_t *xe1, size_t *xp0,
    size_t *xq1, size_t *yp, size_t *yp0, size_t *yq1)
{
	size_t e0 = *xe0, e1 = *xe1, y = *yp, best0, besty;
	int best;

	/* leftmost position */
	while (e0 > *xp0 && y > *yp0 && x->t[e0 - 1].id == x->t[e1 - 1].id)
		e0--, e1--, y--;
	best = slide_score(x, e0, e1);
	best0 = e0;
	besty = y;
	while (e1 < *xq1 && y < *yq1 && x->t[e0].id == x->t[e1].id) {
		int sc;

		e0++, e1++, y++;
		sc = slide_score(x, e0, e1);
		if (sc > best) {
			best = sc;
			best0 = e0;
			besty = y;
		}
	}
	*xe1 = best0 + (*xe1 - *xe0);
	*xe0 = best0;
	*yp = besty;
}

static void
slide_edits(const ld_side *a, const ld_side *b, ld_run *r, size_t n)
{
	size_t i;

	for (i = 1; i + 1 < n; i += 2) {
		ld_run *p = &r[i - 1], *e = &r[i], *q = &r[i + 1];

		if (e->b0 == e->b1 && e->a0 < e->a1) {
			slide_one(a, &e->a0, &e->a1, &p->a0, &q->a1, &e->b0,
			    &p->b0, &q->b1);
			e->b1 = e->b0;
		} else if (e->a0 == e->a1 && e->b0 < e->b1) {
			slide_one(b, &e->b0, &e->b1, &p->b0, &q->b1, &e->a0,
			    &p->a0, &q->a1);
			e->a1 = e->a0;
		} else
			continue;
		p->a1 = e->a0;
		p->b1 = e->b0;
		q->a0 = e->a1;
		q->b0 = e->b1;
	}
}

/* Step 3: shared leading / trailing white space leaves the edit. */
static void
trim_spaces(const ld_side *a, const ld_side *b, ld_run *r, size_t n)
{
	size_t i;

	for (i = 1; i + 1 < n; i += 2) {
		ld_run *e = &r[i];

		while (e->a1 > e->a0 && e->b1 > e->b0 &&
		    e->a1 - e->a0 + e->b1 - e->b0 > 2 &&
		    a->t[e->a1 - 1].space && b->t[e->b1 - 1].space) {
			e->a1--, e->b1--;
			r[i + 1].a0--, r[i + 1].b0--;
		}
		while (e->a1 > e->a0 && e->b1 > e->b0 &&
		    e->a1 - e->a0 + e->b1 - e->b0 > 2 &&
		    a->t[e->a0].space && b->t[e->b0].space) {
			e->a0++, e->b0++;
			r[i - 1].a1++, r[i - 1].b1++;
		}
	}
}

/* Step 4: drop empty inner equalities, joining the edits around them. */
static void
drop_empty(ld_run *r, size_t *n)
{
	size_t i, top = 0;

	for (i = 0; i < *n; i++) {
		if (r[i].op == LD_RUN_EDIT && top >= 2 &&
		    r[top - 1].a0 == r[top - 1].a1 &&
		    r[top - 2].op == LD_RUN_EDIT) {
			r[top - 2].a1 = r[i].a1;
			r[top - 2].b1 = r[i].b1;
			top--;
			continue;
		}
		r[top++] = r[i];
	}
	*n = top;
}

void
ld_cleanup_runs(const ld_side *a, const ld_side *b, ld_run *r, size_t *n)
{
	measure(a, b, r, *n);
	absorb_equalities(r, n);
	slide_edits(a, b, r, *n);
	drop_empty(r, n);
	/* a slide can leave a lone space between two edits: once more */
	measure(a, b, r, *n);
	absorb_equalities(r, n);
	trim_spaces(a, b, r, *n);
}
