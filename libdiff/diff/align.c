/*
 * align.c - which clause of the old version became which of the new.
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
 */
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"

enum { CL_SECTION, CL_BODY, CL_ROW, CL_NOTE, CL_NONE };

#define DP_CAP 62500		/* cells of the full similarity table */
#define DP_WORK_CAP 2e7		/* bag terms merged to fill it */
#define ANCHOR_DEPTH 24
#define CAND_K 8		/* candidates kept per clause */
#define POSTING_CAP 512		/* postings read per clause */
#define RARE_TERMS 24		/* rarest terms of a clause looked up */
#define MOVE_MIN 0.6		/* leftovers this alike are a move */
#define GROUP_MIN 0.7		/* a split/merge group this alike */
#define GROUP_GAIN 0.1		/* ... covering this much more than one part */
#define PART_MIN 0.5		/* each part this much contained */
#define W_ORDERED 1000		/* chain weight of a stage 0-2 pair */

struct item {
	size_t ci;		/* index in the clause set */
	int cls;		/* CL_* */
	const char *key;	/* ld_text_key */
	uint32_t khash;
	const char *rowkey;	/* rows: the folded key cell */
	ld_bag bag;
	int has_bag;		/* bag built (build_bags) */
	long match;		/* partner on the other side, -1 */
	int stage;		/* stage that matched it */
	double sim;
	long group;		/* split/merge group, -1 */
	size_t fpos;		/* position in the free list (stages 1-2) */
};

struct side {
	const ldiff_clauses *cs;
	struct item *it;
	size_t n;
	size_t *free;		/* stage 1-2 items, in order */
	size_t nfree;
};

struct group {
	int merge;		/* 0: one old -> parts new; 1: the reverse */
	size_t one;		/* the single item */
	size_t part[LD_LINK_MAX], nparts;
	double sim;
};

struct ctx {
	ld_arena *ar;
	ld_lexicon *lx;
	struct side s[2];	/* 0 old, 1 new */
	const ldiff_diff_opts *opts;
	ld_align_stats *st;
	struct group *groups;
	size_t ngroups, capgroups;
	int vocabulary;		/* every clause's words are in it */
	/* Per side, where every item's word ids are (item i: n[i] ids at
	 * at[i]), in the lists the vocabulary was gathered into (ids). */
	struct gathered {
		const uint32_t **at;
		size_t *n;
	} g[2];
	ld_ids ids[2];
	size_t *twin;		/* per new item: an old one of its text, or
				 * SIZE_MAX (compute_keys) */
};

static int
kind_class(ldiff_clause_kind k)
{
	switch (k) {
	case LDIFF_CL_SECTION:
		return CL_SECTION;
	case LDIFF_CL_CLAUSE: case LDIFF_CL_ITEM: case LDIFF_CL_BULLET:
		return CL_BODY;
	case LDIFF_CL_ROW:
		return CL_ROW;
	case LDIFF_CL_NOTE:
		return CL_NOTE;
	default:
		return CL_NONE;
	}
}

static int
same_key(const struct item *a, const struct item *b)
{
	return a->cls == b->cls && a->khash == b->khash &&
	    strcmp(a->key, b->key) == 0;
}

static double
sim(struct ctx *c, const struct item *a, const struct item *b)
{
	if (!a->has_bag || !b->has_bag)
		return 0;	/* paired by key already: never asked */
	c->st->sim_calls++;
	return ld_bag_similarity(&a->bag, &b->bag);
}

static void
pair(struct ctx *c, size_t o, size_t n, int stage, double s)
{
	c->s[0].it[o].match = (long)n;
	c->s[1].it[n].match = (long)o;
	c->s[0].it[o].stage = c->s[1].it[n].stage = stage;
	c->s[0].it[o].sim = c->s[1].it[n].sim = s;
}

static void
unpair(struct ctx *c, size_t o)
{
	long n = c->s[0].it[o].match;

	if (n >= 0)
		c->s[1].it[n].match = -1;
	c->s[0].it[o].match = -1;
}

/* ---- building the items ------------------------------------------- */

/* The key cell of a row: its first cell with a letter, case-folded. */
static const char *
row_key(ld_arena *ar, const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		const char *e = strchr(p, '\t');
		size_t n = e ? (size_t)(e - p) : strlen(p), i;
		int letter = 0;

		for (i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)p[i];

			if (ch >= 0x80 || ((ch | 0x20) >= 'a' &&
			    (ch | 0x20) <= 'z'))
				letter = 1;
		}
		if (letter) {
			char *f = ld_utf8_fold(p, n), *k;

			if (f == NULL)
				return NULL;
			k = ld_arena_strdup(ar, f);
			ld_free(f);
			return k;
		}
		if (e == NULL)
			break;
		p = e + 1;
	}
	return "";
}

/* Fill a side's items: every clause of an aligned kind (kind other only
 * when neither version has anything else). */
static int
side_items(struct ctx *c, struct side *s, int use_other)
{
	size_t i, n = 0;

	s->it = ld_arena_alloc(c->ar, (s->cs->n + 1) * sizeof *s->it);
	s->free = ld_arena_alloc(c->ar, (s->cs->n + 1) * sizeof *s->free);
	if (s->it == NULL || s->free == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < s->cs->n; i++) {
		const ldiff_clause *cl = &s->cs->cl[i];
		struct item *it = &s->it[n];
		int k = kind_class(cl->kind);

		if (k == CL_NONE && use_other && cl->kind == LDIFF_CL_OTHER)
			k = CL_BODY;
		if (k == CL_NONE)
			continue;
		it->ci = i;
		it->cls = k;
		it->key = cl->text;	/* the key, by compute_keys() */
		if (k == CL_ROW && (it->rowkey = row_key(c->ar,
		    cl->text)) == NULL)
			return LDIFF_ENOMEM;
		it->match = it->group = -1;
		n++;
	}
	s->n = n;
	return 0;
}

/* ---- grouping by key ----------------------------------------------- */

struct kent {
	const char *k;
	size_t i;
	uint32_t h;
	int side;
};

static struct kent
kent_of(uint32_t h, const char *k, int side, size_t i)
{
	struct kent e;

	e.k = k;
	e.i = i;
	e.h = h;
	e.side = side;
	return e;
}

static uint32_t
kent_hash(const void *p)
{
	return ((const struct kent *)p)->h;
}

static int
kent_same(const void *pa, const void *pb)
{
	const struct kent *a = pa, *b = pb;

	return a->h == b->h && strcmp(a->k, b->k) == 0;
}

/* Entries of equal keys (hash and text) together, old before new, each
 * side in item order (group.c). */
static int
group_keys(struct kent *e, size_t n)
{
	return ld_group_equal(e, n, sizeof *e, kent_hash, kent_same);
}

/*
 * Words.  Bags need each clause's word ids, and their terms need the
 * whole vocabulary of both versions (stem.c drops a definite ending only
 * when the shorter word occurs anywhere).  So the vocabulary comes first,
 * once the exact twins are known: the texts of the old side, and those of
 * the new side that have no twin there, are read in two halves (in two
 * threads when there is text enough) into word sets that list each
 * text's word ids, and merged into the lexicon; a twin's ids are its
 * twin's.  A clause's ids are asked for later (item_ids) where they were
 * gathered: its text is never read again.  Only the equality of ids matters (word twins, bag
 * terms), and terms are numbered in bag order, whatever the ids.
 */
static int
words_alloc(struct ctx *c)
{
	size_t k;

	for (k = 0; k < 2; k++) {
		c->g[k].at = ld_calloc(c->s[k].n + 1, sizeof *c->g[k].at);
		c->g[k].n = ld_calloc(c->s[k].n + 1, sizeof *c->g[k].n);
		if (c->g[k].at == NULL || c->g[k].n == NULL)
			return LDIFF_ENOMEM;
	}
	return 0;
}

static const char *
item_text(const struct ctx *c, size_t k, size_t i)
{
	return c->s[k].cs->cl[c->s[k].it[i].ci].text;
}

static int complete_vocabulary(struct ctx *c);

/* The vocabulary, gathered on the first ask for ids: two versions in
 * which every clause has an exact twin never ask. */
static int
need_words(struct ctx *c)
{
	return c->vocabulary ? 0 : complete_vocabulary(c);
}

/* The n word ids of item i of side k, where they were gathered (after
 * need_words). */
static const uint32_t *
item_ids(const struct ctx *c, size_t k, size_t i, size_t *n)
{
	*n = c->g[k].n[i];
	return c->g[k].at[i];
}

/* One half of the texts to read: tasks [t0, t1) of the list, each an
 * item (side * SIDE_BIT | index); their ids go to ids, text t's from
 * off[t - t0]. */
#define SIDE_BIT ((size_t)1 << (sizeof(size_t) * 8 - 1))
struct half {
	const size_t *task;
	size_t t0, t1;
	ld_wordset *ws;
	ld_ids ids;
	size_t *off;
	uint32_t *map;		/* word set id -> lexicon id */
	int rc;
};

struct vocabulary {
	struct ctx *c;
	struct half h[2];
};

static void
gather_half(void *ctx, size_t hi, size_t worker)
{
	struct vocabulary *v = ctx;
	struct half *h = &v->h[hi];
	size_t t;

	(void)worker;
	for (t = h->t0; t < h->t1 && h->rc == 0; t++) {
		size_t k = (h->task[t] & SIDE_BIT) != 0;

		h->off[t - h->t0] = h->ids.n;
		h->rc = ld_wordset_add(h->ws, item_text(v->c, k,
		    h->task[t] & ~SIDE_BIT), &h->ids);
	}
	h->off[h->t1 - h->t0] = h->ids.n;
}

/* The texts to read: every old item, and the new items with no twin on
 * the old side; cut in two halves of about equal bytes at *mid. */
static size_t *
vocabulary_tasks(const struct ctx *c, size_t *n, size_t *mid,
    size_t *bytes)
{
	size_t *task = ld_reallocarray(NULL, c->s[0].n + c->s[1].n + 1,
	    sizeof *task);
	size_t *len = ld_reallocarray(NULL, c->s[0].n + c->s[1].n + 1,
	    sizeof *len);
	size_t k, i, t, sum;

	*n = *bytes = 0;
	if (task == NULL || len == NULL) {
		ld_free(task);
		ld_free(len);
		return NULL;
	}
	for (k = 0; k < 2; k++)
		for (i = 0; i < c->s[k].n; i++)
			if (k == 0 || c->twin[i] == SIZE_MAX) {
				len[*n] = strlen(item_text(c, k, i));
				*bytes += len[*n];
				task[(*n)++] = i | (k ? SIDE_BIT : 0);
			}
	for (t = 0, sum = 0; t < *n && sum < *bytes / 2; t++)
		sum += len[t];
	*mid = t;
	ld_free(len);
	return task;
}

/* Where task t's ids are, in the half that read it. */
static const struct half *
half_of(const struct vocabulary *v, size_t t)
{
	return t < v->h[0].t1 ? &v->h[0] : &v->h[1];
}

/* Where side k's items' ids are: a text read in a half where that half
 * listed them, a new item with an old twin (twin[i]) at its twin's.
 * *next: the task that read side k's next text. */
static void
place_side(struct ctx *c, size_t k, const struct vocabulary *v,
    size_t *next)
{
	const size_t *twin = c->twin;
	struct gathered *g = &c->g[k];
	size_t i;

	for (i = 0; i < c->s[k].n; i++) {
		if (k == 0 || twin[i] == SIZE_MAX) {
			const struct half *h = half_of(v, *next);
			size_t a = h->off[*next - h->t0];
			size_t b = h->off[*next - h->t0 + 1];

			g->at[i] = b > a ? h->ids.v + a : NULL;
			g->n[i] = b - a;
			++*next;
		} else {
			g->at[i] = c->g[0].at[twin[i]];
			g->n[i] = c->g[0].n[twin[i]];
		}
	}
}

/* Every item's words in the vocabulary, before the first ids. */
static int
complete_vocabulary(struct ctx *c)
{
	struct vocabulary v;
	size_t *task, n, mid, bytes, next = 0, k, threads = 1;
	int rc = 0;

	if (c->vocabulary)
		return 0;
	memset(&v, 0, sizeof v);
	v.c = c;
	if ((task = vocabulary_tasks(c, &n, &mid, &bytes)) == NULL)
		return LDIFF_ENOMEM;
	if (c->opts->threads > 1 && bytes >= LD_PARALLEL_MIN_BYTES)
		threads = 2;
	for (k = 0; k < 2 && rc == 0; k++) {
		struct half *h = &v.h[k];

		h->task = task;
		h->t0 = k == 0 ? 0 : mid;
		h->t1 = k == 0 ? mid : n;
		h->off = ld_reallocarray(NULL, h->t1 - h->t0 + 1,
		    sizeof *h->off);
		if (h->off == NULL || ld_wordset_new(&h->ws) != 0)
			rc = LDIFF_ENOMEM;
	}
	if (rc == 0) {
		ld_parallel(2, threads, gather_half, &v);
		rc = v.h[0].rc != 0 ? v.h[0].rc : v.h[1].rc;
	}
	for (k = 0; k < 2 && rc == 0; k++) {
		struct half *h = &v.h[k];
		size_t j;

		h->map = ld_reallocarray(NULL, ld_wordset_count(h->ws) + 1,
		    sizeof *h->map);
		rc = h->map == NULL ? LDIFF_ENOMEM :
		    ld_lexicon_merge(c->lx, h->ws, h->map);
		for (j = 0; rc == 0 && j < h->ids.n; j++)
			h->ids.v[j] = h->map[h->ids.v[j]];	/* lexicon ids */
	}
	for (k = 0; k < 2 && rc == 0; k++) {	/* kept: no slack */
		uint32_t *fit = ld_reallocarray(v.h[k].ids.v,
		    v.h[k].ids.n + 1, sizeof *fit);

		if (fit != NULL) {
			v.h[k].ids.v = fit;
			v.h[k].ids.cap = v.h[k].ids.n + 1;
		}
	}
	for (k = 0; k < 2 && rc == 0; k++)
		place_side(c, k, &v, &next);
	for (k = 0; k < 2 && rc == 0; k++) {	/* the lists stay, for ids */
		c->ids[k] = v.h[k].ids;
		memset(&v.h[k].ids, 0, sizeof v.h[k].ids);
	}
	for (k = 0; k < 2; k++) {
		ld_wordset_free(v.h[k].ws);
		ld_free(v.h[k].ids.v);
		ld_free(v.h[k].off);
		ld_free(v.h[k].map);
	}
	ld_free(task);
	if (rc == 0)
		c->vocabulary = 1;
	return rc;
}

static void
free_words(struct ctx *c)
{
	size_t k;

	for (k = 0; k < 2; k++) {
		ld_free((void *)c->g[k].at);
		ld_free(c->g[k].n);
		ld_free(c->ids[k].v);
		memset(&c->g[k], 0, sizeof c->g[k]);
		memset(&c->ids[k], 0, sizeof c->ids[k]);
	}
	ld_free(c->twin);
	c->twin = NULL;
	ld_lexicon_free(c->lx);
	c->lx = NULL;
}

/* The words of a clause as one hash: two clauses that differ only in
 * typography (dashes, quotes, spaces, case) have the same words. */
static uint32_t
words_hash(const uint32_t *w, size_t n)
{
	return ld_hash(w, n * sizeof *w);
}

struct went {
	uint32_t h;
	const uint32_t *w;
	size_t n;
	int side;
	size_t i;
};

static uint32_t
went_hash(const void *p)
{
	return ((const struct went *)p)->h;
}

static int
went_same(const void *pa, const void *pb)
{
	const struct went *a = pa, *b = pb;

	return a->h == b->h && a->n == b->n && (a->n == 0 ||
	    memcmp(a->w, b->w, a->n * sizeof *a->w) == 0);
}

/* Of the clauses without a raw twin (need[] set), those whose words stand
 * on the other side too get ld_text_key: only they can be typography
 * variants of each other. */
static int
keys_for_word_twins(struct ctx *c, char *need[2])
{
	struct went *e;
	size_t n = 0, k, i, j, nw;
	int rc = 0;

	for (k = 0; k < 2 && !c->vocabulary; k++)	/* any to compare? */
		for (i = 0; i < c->s[k].n && !c->vocabulary; i++)
			if (need[k][i] && (rc = need_words(c)) != 0)
				return rc;
	e = ld_reallocarray(NULL, c->s[0].n + c->s[1].n + 1, sizeof *e);
	if (e == NULL)
		return LDIFF_ENOMEM;
	for (k = 0; k < 2; k++)
		for (i = 0; i < c->s[k].n; i++)
			if (need[k][i]) {
				const uint32_t *w = item_ids(c, k, i, &nw);

				e[n++] = (struct went){ words_hash(w, nw), w,
				    nw, (int)k, i };
			}
	if (ld_group_equal(e, n, sizeof *e, went_hash, went_same) != 0) {
		ld_free(e);
		return LDIFF_ENOMEM;
	}
	for (i = 0; i < n && rc == 0; i = j) {
		for (j = i + 1; j < n && e[j].h == e[i].h &&
		    e[j].n == e[i].n && (e[i].n == 0 || memcmp(e[i].w,
		    e[j].w, e[i].n * sizeof *e[i].w) == 0); j++)
			;
		if (e[i].side == e[j - 1].side)
			continue;
		for (k = i; k < j; k++) {
			struct item *it = &c->s[e[k].side].it[e[k].i];

			if ((it->key = ld_text_key(c->ar, it->key)) == NULL)
				rc = LDIFF_ENOMEM;
			else
				it->khash = ld_hash_str(it->key) ^
				    (uint32_t)it->cls;
		}
	}
	ld_free(e);
	return rc;
}

/* The comparison keys.  A clause whose exact text also stands on the
 * other side needs no key: its raw text pairs it just as well, and most
 * clauses of two versions are such.  Of the rest only those whose words
 * stand on the other side pay for ld_text_key's normalisation; for the
 * others the raw text is a key no clause shares, as theirs would be. */
static int
compute_keys(struct ctx *c)
{
	struct kent *e;
	char *need[2];
	size_t n = 0, k, i, j, *twin;
	int rc = LDIFF_ENOMEM;

	e = ld_reallocarray(NULL, c->s[0].n + c->s[1].n + 1, sizeof *e);
	need[0] = ld_calloc(c->s[0].n + 1, 1);
	need[1] = ld_calloc(c->s[1].n + 1, 1);
	twin = c->twin = ld_reallocarray(NULL, c->s[1].n + 1, sizeof *twin);
	if (e == NULL || need[0] == NULL || need[1] == NULL || twin == NULL)
		goto out;
	for (k = 0; k < 2; k++)
		for (i = 0; i < c->s[k].n; i++, n++)
			e[n] = kent_of(ld_hash_str(c->s[k].it[i].key),
			    c->s[k].it[i].key, (int)k, i);
	if ((rc = group_keys(e, n)) != 0)
		goto out;
	for (i = 0; i < n; i = j) {
		int both;

		for (j = i + 1; j < n && e[j].h == e[i].h &&
		    strcmp(e[j].k, e[i].k) == 0; j++)
			;
		both = e[i].side != e[j - 1].side;
		for (k = i; k < j; k++) {
			struct item *it = &c->s[e[k].side].it[e[k].i];

			need[e[k].side][e[k].i] = !both;
			if (e[k].side == 1)	/* e[i]: old, listed first */
				twin[e[k].i] = both ? e[i].i : SIZE_MAX;
			it->khash = e[k].h ^ (uint32_t)it->cls;
		}
	}
	rc = keys_for_word_twins(c, need);
out:
	ld_free(e);
	ld_free(need[0]);
	ld_free(need[1]);
	return rc;
}

/* Bags only for the clauses similarity will be asked about: rows, and
 * (rows == 0) whatever identical keys left unmatched.  Most clauses of two
 * versions pair in stage 1 and never need one. */
static int
build_bags(struct ctx *c, int rows)
{
	size_t k, i, nw;
	int rc;

	for (k = 0; k < 2; k++)
		for (i = 0; i < c->s[k].n; i++) {
			struct item *it = &c->s[k].it[i];
			const uint32_t *w;

			if (it->has_bag || (rows ? it->cls != CL_ROW :
			    it->match >= 0))
				continue;
			if ((rc = need_words(c)) != 0)
				return rc;
			w = item_ids(c, k, i, &nw);
			rc = ld_bag_of(c->ar, c->lx, w, nw, &it->bag);
			if (rc != 0)
				return rc;
			it->has_bag = 1;
		}
	return 0;
}

/* Rows still unmatched pair by key: the k-th row with a key in the old
 * version with the k-th in the new one.  With in_section the key is the
 * section heading and the key cell, so that when every table lists the
 * same municipalities a table added or dropped shifts no other table's
 * rows; the second round (key cell alone) follows a table whose section
 * was renamed. */
static int
rows_by_key(struct ctx *c, int in_section)
{
	struct kent *e;
	size_t n = 0, k, i, j;

	e = ld_reallocarray(NULL, c->s[0].n + c->s[1].n + 1, sizeof *e);
	if (e == NULL)
		return LDIFF_ENOMEM;
	for (k = 0; k < 2; k++)
		for (i = 0; i < c->s[k].n; i++) {
			struct item *it = &c->s[k].it[i];
			const char *key = it->rowkey;

			if (it->cls != CL_ROW || it->rowkey[0] == '\0' ||
			    it->match >= 0)
				continue;
			if (in_section && (key = ld_arena_printf(c->ar,
			    "%s\x1f%s", c->s[k].cs->cl[it->ci].section,
			    it->rowkey)) == NULL) {
				ld_free(e);
				return LDIFF_ENOMEM;
			}
			e[n++] = kent_of(ld_hash_str(key), key, (int)k, i);
		}
	if (group_keys(e, n) != 0) {
		ld_free(e);
		return LDIFF_ENOMEM;
	}
	c->st->anchor_items += n;
	for (i = 0; i < n; i = j) {
		size_t no = 0, nn, a;

		for (j = i; j < n && e[j].h == e[i].h &&
		    strcmp(e[j].k, e[i].k) == 0; j++)
			no += e[j].side == 0;
		nn = (j - i) - no;
		for (a = 0; a < no && a < nn; a++) {
			size_t o = e[i + a].i, nw = e[i + no + a].i;

			pair(c, o, nw, 0, sim(c, &c->s[0].it[o],
			    &c->s[1].it[nw]));
		}
	}
	ld_free(e);
	return 0;
}

/* Stage 0: table rows pair by their key cell, not their position. */
static int
stage_rows(struct ctx *c)
{
	int rc = rows_by_key(c, 1);

	return rc != 0 ? rc : rows_by_key(c, 0);
}

/* ---- heaviest increasing chain -------------------------------------- */

struct chain {
	size_t x;		/* position on the second axis */
	double w;
	int on;			/* result: on the chain */
};

/* Entries come ordered on the first axis (strictly increasing); mark the
 * heaviest subsequence strictly increasing in x (x < xmax).  A Fenwick
 * tree of prefix maxima gives O(k log xmax). */
static int
heaviest_chain(struct chain *e, size_t k, size_t xmax)
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

	while (*o0 < *o1 && *n0 < *n1 && same_key(&so->it[so->free[*o0]],
	    &sn->it[sn->free[*n0]])) {
		pair(c, so->free[*o0], sn->free[*n0], 1, 1.0);
		(*o0)++;
		(*n0)++;
	}
	while (*o0 < *o1 && *n0 < *n1 && same_key(&so->it[so->free[*o1 - 1]],
	    &sn->it[sn->free[*n1 - 1]])) {
		pair(c, so->free[*o1 - 1], sn->free[*n1 - 1], 1, 1.0);
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

		e[n] = kent_of(it->khash, it->key, 0, i);
	}
	for (i = n0; i < n1; i++, n++) {
		struct item *it = &c->s[1].it[c->s[1].free[i]];

		e[n] = kent_of(it->khash, it->key, 1, i);
	}
	c->st->anchor_items += n;
	if (group_keys(e, n) != 0) {
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
		rc = heaviest_chain(e, k, n1 - n0);
	if (rc != 0 || k == 0)
		goto out;
	po = o0;
	pn = n0;
	for (i = 0; i < k && rc == 0; i++) {
		if (!e[i].on)
			continue;
		pair(c, c->s[0].free[opos[i]], c->s[1].free[n0 + e[i].x], 1,
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

static int
stage_identical(struct ctx *c)
{
	make_free_lists(c);
	return anchor_gap(c, 0, c->s[0].nfree, 0, c->s[1].nfree, 0);
}

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

			s[i * nb + j] = x->cls == y->cls ? sim(c, x, y) : 0;
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
			pair(c, a[i - 1], b[j - 1], 2, v);
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

/* An inverted index over a list of items of one side: term -> list
 * positions, in compressed rows. */
struct rare {
	size_t df;
	uint32_t term;
	double w;
};

struct tindex {
	size_t *start;		/* nterms + 1 */
	uint32_t *post;
	size_t nterms;
	double *acc;		/* per list position, scratch */
	size_t *touched;
	struct rare last[RARE_TERMS];	/* the last query and its answer */
	size_t nlast, last_out[CAND_K], nlast_out;
	int has_last;
};

static void
index_free(struct tindex *ix)
{
	ld_free(ix->start);
	ld_free(ix->post);
	ld_free(ix->acc);
	ld_free(ix->touched);
	memset(ix, 0, sizeof *ix);
}

static int
index_build(struct ctx *c, int side, const size_t *list, size_t n,
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
	index_free(ix);
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
static size_t
index_query(struct ctx *c, struct tindex *ix, const ld_bag *q, size_t *out)
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

	if ((rc = index_build(c, 1, b, nb, &ix)) != 0)
		return rc;
	e = ld_reallocarray(NULL, na * CAND_K + 1, sizeof *e);
	ea = ld_reallocarray(NULL, na * CAND_K + 1, sizeof *ea);
	rc = LDIFF_ENOMEM;
	if (e == NULL || ea == NULL)
		goto out;
	for (i = 0; i < na; i++) {
		struct item *x = &c->s[0].it[a[i]];
		size_t nc = index_query(c, &ix, &x->bag, cand);

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
			v = sim(c, x, y);
			if (v < c->opts->min_similarity)
				continue;
			e[ne].x = cand[k];
			e[ne].w = v;
			ea[ne++] = i;
		}
	}
	if ((rc = heaviest_chain(e, ne, nb)) != 0)
		goto out;
	for (i = 0; i < ne; i++)
		if (e[i].on)
			pair(c, a[ea[i]], b[e[i].x], 2, e[i].w);
out:
	index_free(&ix);
	ld_free(e);
	ld_free(ea);
	return rc;
}

/* Gaps of the free lists between pairs made in order (stage <= 2); fn is
 * called with the gap's unmatched, ungrouped items. */
typedef int (*gap_fn)(struct ctx *, const size_t *, size_t, const size_t *,
    size_t);

static int
is_ordered_pair(const struct item *it)
{
	return it->match >= 0 && it->stage <= 2;
}

static int
for_each_gap(struct ctx *c, gap_fn fn)
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

static int
stage_ordered(struct ctx *c)
{
	return for_each_gap(c, ordered_gap);
}

/* What stays unmatched between two ordered pairs is, when it is one
 * clause on each side, the same clause rewritten (above a low floor);
 * headings there pair in order when both sides have as many. */
#define REWRITE_MIN 0.15

static int
positional_gap(struct ctx *c, const size_t *a, size_t na, const size_t *b,
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
				pair(c, a[i], b[j], 2, sim(c, &c->s[0].it[a[i]],
				    &c->s[1].it[b[j]]));
		}
	}
	if (na - sa == 1 && nb - sb == 1) {
		for (i = 0; c->s[0].it[a[i]].cls == CL_SECTION; i++)
			;
		for (j = 0; c->s[1].it[b[j]].cls == CL_SECTION; j++)
			;
		if (c->s[0].it[a[i]].cls == c->s[1].it[b[j]].cls) {
			double v = sim(c, &c->s[0].it[a[i]], &c->s[1].it[b[j]]);

			if (v >= REWRITE_MIN)
				pair(c, a[i], b[j], 2, v);
		}
	}
	return 0;
}

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
		e[n] = kent_of(c->s[0].it[lo[i]].khash,
		    c->s[0].it[lo[i]].key, 0, lo[i]);
	for (i = 0; i < nb; i++, n++)
		e[n] = kent_of(c->s[1].it[ln[i]].khash,
		    c->s[1].it[ln[i]].key, 1, ln[i]);
	if (group_keys(e, n) != 0) {
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
				pair(c, e[i + a].i, e[i + no + a].i, 3, 1.0);
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
	if ((rc = index_build(c, 1, ln, nb, &ix)) != 0)
		return rc;
	p = ld_reallocarray(NULL, na * CAND_K + 1, sizeof *p);
	if (p == NULL) {
		index_free(&ix);
		return LDIFF_ENOMEM;
	}
	for (i = 0; i < na; i++) {
		struct item *x = &c->s[0].it[lo[i]];
		size_t nc = index_query(c, &ix, &x->bag, cand);

		for (k = 0; k < nc; k++) {
			struct item *y = &c->s[1].it[ln[cand[k]]];
			double v;

			if (x->cls != y->cls || x->cls == CL_SECTION)
				continue;
			if ((v = sim(c, x, y)) >= MOVE_MIN)
				p[np++] = (struct cpair){ lo[i], ln[cand[k]], v };
		}
	}
	qsort(p, np, sizeof *p, cmp_cpair);
	for (i = 0; i < np; i++)
		if (c->s[0].it[p[i].o].match < 0 &&
		    c->s[1].it[p[i].n].match < 0)
			pair(c, p[i].o, p[i].n, 3, p[i].s);
	ld_free(p);
	index_free(&ix);
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
		size_t cap = c->capgroups ? c->capgroups * 2 : 16;

		g = ld_reallocarray(c->groups, cap, sizeof *g);
		if (g == NULL)
			return LDIFF_ENOMEM;
		c->groups = g;
		c->capgroups = cap;
	}
	if (c->s[d].it[one].match >= 0) {
		if (d == 0)
			unpair(c, one);
		else
			unpair(c, (size_t)c->s[1].it[one].match);
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
	if ((rc = index_build(c, !d, all, n, &ix)) != 0)
		return rc;
	for (i = 0; i < os->n && rc == 0; i++) {
		struct item *x = &os->it[i];
		size_t nc, w0 = 0, wn = 0, bw0 = 0, bwn = 0;
		double best = 0, v;

		if (x->cls != CL_BODY || x->group >= 0 || (x->match >= 0 &&
		    (x->stage != 2 || x->sim >= 0.95)))
			continue;
		nc = index_query(c, &ix, &x->bag, cand);
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
	index_free(&ix);
	return rc;
}

static int
stage_leftovers(struct ctx *c)
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
	rc = for_each_gap(c, positional_gap);
out:
	ld_free(lo);
	ld_free(ln);
	return rc;
}

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
	rc = heaviest_chain(e, nu, c->s[1].n);
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
	l->op = e->moved ? LDIFF_OP_MOVED : same_key(o, nw) ?
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
			unpair(c, u[i].old);
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
		body += kind_class(a->cl[i].kind) != CL_NONE;
	for (i = 0; i < b->n; i++)
		body += kind_class(b->cl[i].kind) != CL_NONE;
	if ((rc = ld_lexicon_new(&c.lx)) != 0 ||
	    (rc = side_items(&c, &c.s[0], body == 0)) != 0 ||
	    (rc = side_items(&c, &c.s[1], body == 0)) != 0 ||
	    (rc = words_alloc(&c)) != 0 ||
	    (rc = compute_keys(&c)) != 0 ||
	    (rc = build_bags(&c, 1)) != 0 ||
	    (rc = stage_rows(&c)) != 0 ||
	    (rc = stage_identical(&c)) != 0 ||
	    (rc = build_bags(&c, 0)) != 0 ||
	    (rc = stage_ordered(&c)) != 0 ||
	    (rc = stage_leftovers(&c)) != 0)
		goto out;
	free_words(&c);		/* the links need no words: less at the peak */
	rc = make_links(&c, ar, links, nlinks);
out:
	free_words(&c);
	ld_free(c.groups);
	ld_arena_free(c.ar);
	if (rc != 0)
		return ld_error(err, rc, _("aligning clauses: %s"),
		    ldiff_strerror(rc));
	return 0;
}
