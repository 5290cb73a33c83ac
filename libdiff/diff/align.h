/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * diff/align.h - the state the stages of the clause alignment share:
 * align_items.c builds the items and pairs them, align_anchor.c (stage 1),
 * align_ordered.c (stage 2) and align_moves.c (stage 3) match them, and
 * align.c runs the stages and turns the pairs into links.  The calls go
 * one way, in that order: a stage uses only the files before it.
 * Private to the align*.c files.
 */
#ifndef LD_DIFF_ALIGN_H
#define LD_DIFF_ALIGN_H

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

/* ---- items, pairs and keys (align_items.c) ----------------------------- */
/* The alignment class (CL_*) of a clause kind. */
int ld_al_kind_class(ldiff_clause_kind k);
/* Same class and the same text key. */
int ld_al_same_key(const struct item *a, const struct item *b);
/* Similarity of two items' bags (0 when either has none), counted. */
double ld_al_sim(struct ctx *c, const struct item *a, const struct item *b);
/* Pair old item o with new item n, matched by stage with similarity s. */
void ld_al_pair(struct ctx *c, size_t o, size_t n, int stage, double s);
/* Undo old item o's pair, if any. */
void ld_al_unpair(struct ctx *c, size_t o);

struct kent {
	const char *k;
	size_t i;
	uint32_t h;
	int side;
};
/* Bags for the items similarity will be asked about (rows: rows too). */
int ld_al_build_bags(struct ctx *c, int rows);
/* Every item's text key and its hash. */
int ld_al_compute_keys(struct ctx *c);
/* Free what ld_al_words_alloc and the vocabulary took. */
void ld_al_free_words(struct ctx *c);
/* Fill a side's items from its clause set. */
int ld_al_side_items(struct ctx *c, struct side *s, int use_other);
/* Stage 0: table rows pair by their key cell. */
int ld_al_stage_rows(struct ctx *c);
/* Room for the word ids of both sides' items. */
int ld_al_words_alloc(struct ctx *c);
/* Entries of equal keys (hash and text) together, old before new. */
int ld_al_group_keys(struct kent *e, size_t n);
/* A key entry: hash, key, side and item. */
struct kent ld_al_kent_of(uint32_t h, const char *k, int side, size_t i);

/* ---- stage 1, and the heaviest chain (align_anchor.c) ------------------ */

struct chain {
	size_t x;		/* position on the second axis */
	double w;
	int on;			/* result: on the chain */
};
/* Mark the heaviest chain strictly increasing in x (x < xmax) of
 * entries ordered on the first axis. */
int ld_al_heaviest_chain(struct chain *e, size_t k, size_t xmax);
/* Stage 1: identical keys, anchors first. */
int ld_al_stage_identical(struct ctx *c);

/* ---- stage 2 (align_ordered.c) ----------------------------------------- */

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

/* Gaps of the free lists between pairs made in order (stage <= 2); fn is
 * called with the gap's unmatched, ungrouped items. */
typedef int (*gap_fn)(struct ctx *, const size_t *, size_t, const size_t *,
    size_t);
/* Call fn with the unmatched items of each gap between pairs made in
 * order (stage <= 2). */
int ld_al_for_each_gap(struct ctx *c, gap_fn fn);
/* An inverted index over list[0..n) of one side's items. */
int ld_al_index_build(struct ctx *c, int side, const size_t *list,
    size_t n, struct tindex *ix);
void ld_al_index_free(struct tindex *ix);
/* Up to CAND_K list positions sharing the most weight of q. */
size_t ld_al_index_query(struct ctx *c, struct tindex *ix, const ld_bag *q,
    size_t *out);
/* A gap_fn: pair by position where a gap allows it. */
int ld_al_positional_gap(struct ctx *c, const size_t *a, size_t na,
    const size_t *b, size_t nb);
/* Stage 2: ordered alignment by similarity between matched pairs. */
int ld_al_stage_ordered(struct ctx *c);

/* ---- stage 3 (align_moves.c) ------------------------------------------- */
/* Stage 3: moves, splits and merges among what is left. */
int ld_al_stage_leftovers(struct ctx *c);

#endif /* LD_DIFF_ALIGN_H */
