/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * diff/diff.h - word-level diffs, clause alignment, the diff handle and the
 * lineages of clauses across versions.
 */
#ifndef LD_DIFF_H
#define LD_DIFF_H

#include "clause/clause.h"

/* ---- names (diff.c) ------------------------------------------------ */
/* The classes in the order every output lists them - the text's class
 * lists, --stat, the page's filters and counts, the JSON arrays - with
 * their names (ldiff_class_name, JSON, the page's CSS classes): the one
 * table of either.  A renderer's labels of the classes are its own
 * words, in bit order, found by ld_class_slot. */
struct ld_class {
	unsigned bit;
	const char *name;
};
#define LD_N_CLASSES 8	/* LDIFF_CLASS_WORDING .. LDIFF_CLASS_LANGUAGE */
extern const struct ld_class ld_classes[LD_N_CLASSES];
/* The bit number of a class bit: 0 for wording .. 7 for language. */
size_t ld_class_slot(unsigned one_class);

typedef struct ld_textdiff {
	ldiff_edit *edits;	/* in the arena */
	size_t n;
	unsigned cls;		/* union of the edits' classes */
	int substantive;	/* any class other than typography/renumber */
	double similarity;	/* 0..1, shared tokens over all tokens */
	long work;		/* token-diff work done (seqdiff steps) */
	int capped;		/* 1 when the cost cap cut the search */
} ld_textdiff;
/* Word-level diff of two texts with semantic cleanup and classification
 * (textdiff.c, cleanup.c, classify.c).  The edits, in the arena, are
 * complete: old_text of EQUAL/DELETE/REPLACE edits concatenated is
 * old_text, new_text of EQUAL/INSERT/REPLACE edits is new_text.  Edits
 * begin and end on token boundaries; white space between two changed
 * words is inside the edit.  Key-equal but byte-different stretches are
 * REPLACE edits of class TYPOGRAPHY (letter case included).  AMOUNT
 * edits carry kronor values, NUMBER edits their numbers (has_values).
 * max_cost <= 0 takes the default cap (xdiff's: sqrt of the diagonals,
 * at least 256); NULL texts are empty.  0 or LDIFF_ENOMEM. */
int ld_text_diff(ld_arena *a, const char *old_text, const char *new_text,
    long max_cost, ld_textdiff *out);
/* 0: the new side is tokenized whole, never borrowing the old side's
 * tokens (tests check the two ways agree).  1 by default. */
extern int ld_textdiff_borrow;

/* Token-sequence diff (seqdiff.c): Myers O(ND), linear space, with a cost
 * cap per split (like xdiff's mxcost) and a total work budget, so any
 * input ends in near-linear time with a valid, maybe not minimal, diff. */
typedef struct ld_seqstats {
	long max_cost;	/* edit cost allowed per split before cutting */
	long budget;	/* total work allowed before boxes go whole */
	long work;	/* diagonals visited + snake steps taken */
	int capped;	/* 1 when a cap or the budget cut the search */
} ld_seqstats;
/* chg_a[i] = 1 when a[i] is deleted, chg_b[j] = 1 when b[j] is inserted
 * (the arrays are zeroed first).  Elements compare by id.  max_cost <= 0
 * takes the default.  st may be NULL.  Returns 0 or LDIFF_ENOMEM. */
int ld_seqdiff(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    long max_cost, char *chg_a, char *chg_b, ld_seqstats *st);


/* ---- clause alignment (align.c, align_sim.c) ------------------------- */
/* Work done by one diff, for tests that bound it (never wall time). */
typedef struct ld_align_stats {
	size_t sim_calls;	/* clause-pair similarities computed */
	size_t dp_cells;	/* cells of ordered fuzzy alignment */
	size_t anchor_items;	/* items sorted by the identical-key stage */
	size_t candidates;	/* postings read from the inverted index */
	size_t text_diffs;	/* ld_text_diff calls */
	long text_work;		/* their seqdiff work, summed */
} ld_align_stats;

/* A weighted bag of terms: sorted term ids, weight x count per term. */
typedef struct ld_bag {
	uint32_t *term;
	double *w;
	size_t n;
	double total;
} ld_bag;
/* Weighted Dice: 2 * shared weight / (total a + total b), 0..1. */
double ld_bag_similarity(const ld_bag *a, const ld_bag *b);
/* Shared weight over b's total: how much of b is found in a. */
double ld_bag_containment(const ld_bag *a, const ld_bag *b);
/* out = a + b (arena). */
int ld_bag_union(ld_arena *ar, const ld_bag *a, const ld_bag *b,
    ld_bag *out);
/* The bag of text (arena), through lx (whose vocabulary is complete). */
int ld_bag_of(ld_arena *ar, ld_lexicon *lx, const uint32_t *words,
    size_t nwords, ld_bag *out);

/* One aligned group of a version pair: clause-set indexes of up to three
 * old and three new clauses (split/merge), op as in ldiff_unit. */
#define LD_LINK_MAX 3
typedef struct ld_link {
	ldiff_op op;
	size_t old[LD_LINK_MAX], nold;
	size_t new[LD_LINK_MAX], nnew;
	double similarity;	/* of the bags; 1 for identical keys */
} ld_link;
/* Align clause set a (older) with b; links in unit order (the new
 * document's reading order, deleted clauses where they stood).  *links is
 * in ar. */
int ld_align(ld_arena *ar, const ldiff_clauses *a, const ldiff_clauses *b,
    const ldiff_diff_opts *o, ld_link **links, size_t *nlinks,
    ld_align_stats *st, ldiff_error *err);

/* ---- the diff (diff.c, align.c) ------------------------------------ */
struct ldiff_diff {
	ld_arena *arena;
	size_t nver;
	const ldiff_clauses **ver;
	const char **names;
	ldiff_unit *units;	/* per consecutive pair, in reading order */
	size_t n, cap;
	ldiff_subst *substs;
	size_t nsubst, substcap;
	ldiff_diff_opts opts;
	ld_align_stats stats;	/* work counters (align.c, diff.c) */
};
/* The change classes (LDIFF_CLASS_*) that the hide flags (LDIFF_HIDE_*)
 * hide; ldiff_unit_hidden says it of a whole unit. */
unsigned ld_hidden_classes(unsigned hide);
/* A change (ldiff_unit_changed) that hide does not hide: what a reader
 * is shown; hide 0 for every change. */
int ld_unit_shown_change(const ldiff_unit *u, unsigned hide);
/* Only the clause number changed, the classes hc (ld_hidden_classes) set
 * aside; hc 0 for a renumbering and nothing else. */
int ld_unit_renumber_only(const ldiff_unit *u, unsigned hc);
/* An edit every class of which the hidden classes hc hide: shown as
 * equal text. */
int ld_edit_hidden(const ldiff_edit *e, unsigned hc);

/* ---- lineages (lineage.c) ------------------------------------------ */
/* The units of one clause across versions: units[start..end) of the
 * array ld_lineages() fills, keyed by reading order. */
typedef struct ld_lineage {
	size_t start, end;
	double key;	/* where the clause stands: 0 top .. 1 end */
} ld_lineage;
/* The lineages with a change shown under hide (0: any change), in reading
 * order; *units (unit indexes, grouped by lineage) and *groups are
 * ld_malloc'd, the caller ld_frees both. */
int ld_lineages(const ldiff_diff *d, unsigned hide, size_t **units,
    ld_lineage **groups, size_t *n);


#endif /* LD_DIFF_H */
