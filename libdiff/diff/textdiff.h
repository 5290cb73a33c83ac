/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * textdiff.h - shared by the word-level diff's files only (textdiff.c,
 * cleanup.c, classify.c); never included elsewhere.
 *
 * A text is a side: its tokens (ldiff_tokenize) with the id of each
 * token's comparison key.  The diff of two sides is a list of runs over
 * token ranges: EQ runs (key-equal pairs, a1 - a0 == b1 - b0) alternating
 * with EDIT runs (a deletion, an insertion or both), first and last run
 * EQ (maybe empty) so every edit has an equality on each side.
 */
#ifndef LIBDIFF_TEXTDIFF_H
#define LIBDIFF_TEXTDIFF_H

#include "diff/diff.h"

typedef struct ld_tok {
	const char *s;		/* into the side's text */
	size_t len;
	ldiff_token_type type;
	uint32_t id;		/* interned comparison key */
	int space;		/* white space only */
} ld_tok;

typedef struct ld_side {
	const char *text;
	ld_tok *t;
	size_t n;
	size_t *cum;		/* cum[i]: characters in tokens [0, i) */
	ldiff_token *raw;	/* the tokenizer's tokens, t[] made of them */
} ld_side;

enum { LD_RUN_EQ, LD_RUN_EDIT, LD_RUN_TYPO };

typedef struct ld_run {
	int op;
	size_t a0, a1;		/* old tokens [a0, a1) */
	size_t b0, b1;		/* new tokens [b0, b1) */
	size_t size;		/* cleanup.c: chars of the larger side */
	int flag;		/* cleanup.c: EQ all space / EDIT values only */
} ld_run;

/* cleanup.c: semantic cleanup in place (*n only shrinks): whitespace and short equalities between edits go into the
 * edits, pure insertions and deletions slide to read as whole words,
 * white space shared by both sides of an edit moves out of it. */
void ld_cleanup_runs(const ld_side *a, const ld_side *b, ld_run *r,
    size_t *n);

/* classify.c: class and values of one non-equal edit, given the year
 * shift of the document's period (4 when no year range changed). */
void ld_classify_edit(const ld_side *a, const ld_side *b, const ld_run *r,
    int period_shift, ldiff_edit *e);
/* classify.c: is edit r only språkvård (sv/rewrite.c), read alone or with
 * up to a few words of the before / after equal tokens around it?  Never
 * when it is typography. */
int ld_language_edit(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t before, size_t after, int period_shift);
/* Could any part of edit r, with the same context, be a rewrite?  Cheap:
 * 0 when no word of either side is in the rewrite tables. */
int ld_language_possible(const ld_side *a, const ld_side *b,
    const ld_run *r, size_t before, size_t after);
/* A number, date, year range or time token. */
int ld_is_value(const ld_tok *t);
/* One past the last token of the value at token i: its money unit or
 * "%" / "procent" included ("2,5 miljoner kronor"). */
size_t ld_value_end(const ld_side *s, size_t i);
/* The period shift: new start year minus old of the first year-range
 * edit, else 0. */
int ld_period_shift(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t n);

#endif
