/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * align_items.c - the clauses as the aligner sees them: items with a
 * class, a text key, a row key and a bag of words, and the pairs made of
 * them.
 *
 * The idea: every stage of the alignment (align.c) asks the same few
 * questions of an item - which class, which key, how similar to that
 * one - so the answers are computed here once, before any stage runs:
 * the keys for every item, the word ids of every clause in one vocabulary
 * gathered in parallel halves, and bags only for the items a stage will
 * compare.  Stage 0 (table rows by their key cell) is here too: it needs
 * nothing but the row keys.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/align.h"

int
ld_al_kind_class(ldiff_clause_kind k)
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

int
ld_al_same_key(const struct item *a, const struct item *b)
{
	return a->cls == b->cls && a->khash == b->khash &&
	    strcmp(a->key, b->key) == 0;
}

double
ld_al_sim(struct ctx *c, const struct item *a, const struct item *b)
{
	if (!a->has_bag || !b->has_bag)
		return 0;	/* paired by key already: never asked */
	c->st->sim_calls++;
	return ld_bag_similarity(&a->bag, &b->bag);
}

void
ld_al_pair(struct ctx *c, size_t o, size_t n, int stage, double s)
{
	c->s[0].it[o].match = (long)n;
	c->s[1].it[n].match = (long)o;
	c->s[0].it[o].stage = c->s[1].it[n].stage = stage;
	c->s[0].it[o].sim = c->s[1].it[n].sim = s;
}

void
ld_al_unpair(struct ctx *c, size_t o)
{
	long n = c->s[0].it[o].match;

	if (n >= 0)
		c->s[1].it[n].match = -1;
	c->s[0].it[o].match = -1;
}

/* ---- building the items ------------------------------------------- */

/* The key cell of a row: its first cell with a letter, case-folded. */
static const char *
row_key(ld_arena *ar, const ldiff_clause *c)
{
	size_t k;

	for (k = 0; k < c->n_cells; k++) {
		const char *p = c->text + c->cells[k].off;
		size_t n = c->cells[k].len, i;
		int letter = 0;

		for (i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)p[i];

			if (ch >= 0x80 || ((ch | 0x20) >= 'a' &&
			    (ch | 0x20) <= 'z'))
				letter = 1;
		}
		if (letter) {
			char *f = ld_utf8_fold(p, n), *key;

			if (f == NULL)
				return NULL;
			key = ld_arena_strdup(ar, f);
			ld_free(f);
			return key;
		}
	}
	return "";
}

/* Fill a side's items: every clause of an aligned kind (kind other only
 * when neither version has anything else). */
int
ld_al_side_items(struct ctx *c, struct side *s, int use_other)
{
	size_t i, n = 0;

	s->it = ld_arena_alloc(c->ar, (s->cs->n + 1) * sizeof *s->it);
	s->free = ld_arena_alloc(c->ar, (s->cs->n + 1) * sizeof *s->free);
	if (s->it == NULL || s->free == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < s->cs->n; i++) {
		const ldiff_clause *cl = &s->cs->cl[i];
		struct item *it = &s->it[n];
		int k = ld_al_kind_class(cl->kind);

		if (k == CL_NONE && use_other && cl->kind == LDIFF_CL_OTHER)
			k = CL_BODY;
		if (k == CL_NONE)
			continue;
		it->ci = i;
		it->cls = k;
		it->key = cl->text;	/* the key, by ld_al_compute_keys() */
		if (k == CL_ROW && (it->rowkey = row_key(c->ar, cl)) == NULL)
			return LDIFF_ENOMEM;
		it->match = it->group = -1;
		n++;
	}
	s->n = n;
	return 0;
}

/* ---- grouping by key ----------------------------------------------- */


struct kent
ld_al_kent_of(uint32_t h, const char *k, int side, size_t i)
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
int
ld_al_group_keys(struct kent *e, size_t n)
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
int
ld_al_words_alloc(struct ctx *c)
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

void
ld_al_free_words(struct ctx *c)
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
int
ld_al_compute_keys(struct ctx *c)
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
			e[n] = ld_al_kent_of(ld_hash_str(c->s[k].it[i].key),
			    c->s[k].it[i].key, (int)k, i);
	if ((rc = ld_al_group_keys(e, n)) != 0)
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
int
ld_al_build_bags(struct ctx *c, int rows)
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
			e[n++] = ld_al_kent_of(ld_hash_str(key), key, (int)k, i);
		}
	if (ld_al_group_keys(e, n) != 0) {
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

			ld_al_pair(c, o, nw, 0, ld_al_sim(c, &c->s[0].it[o],
			    &c->s[1].it[nw]));
		}
	}
	ld_free(e);
	return 0;
}

/* Stage 0: table rows pair by their key cell, not their position. */
int
ld_al_stage_rows(struct ctx *c)
{
	int rc = rows_by_key(c, 1);

	return rc != 0 ? rc : rows_by_key(c, 0);
}
