/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * consolidate/consolidate.h - the parties' responses to a draft gathered
 * per draft clause.  response.c reads one response (its accepted and
 * rejected views, its authors, its comments) and compares it with the
 * draft; consolidate.c gathers the proposals of every response by draft
 * clause, groups the identical ones and marks the conflicts.  The calls
 * go one way: consolidate.c -> response.c.
 */
#ifndef LD_CONSOLIDATE_H
#define LD_CONSOLIDATE_H

#include "diff/diff.h"

/* A paragraph with revisions and one author who revised it. */
typedef struct ld_revised {
	const char *text;
	size_t author;		/* index into ld_response.authors */
} ld_revised;

/* A comment as the response holds it: "cm:0", by whom, when, what. */
typedef struct ld_note {
	const char *where;
	size_t author;		/* index into ld_response.authors */
	const char *date;
	const char *text;
} ld_note;

/* One response read and compared with the draft. */
typedef struct ld_response {
	const ldiff_response *in;
	ld_arena *arena;	/* the strings below */
	ldiff_clauses *all;	/* its clauses, every change accepted */
	ldiff_clauses *body;	/* the same without comment clauses */
	ldiff_diff *diff;	/* draft body -> body */
	int tracked, against_draft;
	const char **authors;	/* distinct, in the order met */
	size_t n_authors, authors_cap;
	ld_revised *revised;
	size_t n_revised, revised_cap;
	ld_note *notes;
	size_t n_notes, notes_cap;
	int rc;
	ldiff_error err;
} ld_response;

/* Is c a comment's clause (kind other, id "cm:N")? */
int ld_is_comment_clause(const ldiff_clause *c);
/* The clauses of c but its comments' (the strings stay c's). */
int ld_clauses_without_comments(ldiff_clauses **out, const ldiff_clauses *c);
/* Read r->in, compare it with draft (its body, see above); 0 or an
 * LDIFF_E* code, with r->err filled. */
int ld_response_read(ld_response *r, const ldiff_clauses *draft,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so,
    const ldiff_diff_opts *dopt);
void ld_response_free(ld_response *r);
/* The section of the draft clause a record of c stands at: its own, or
 * for an insertion the section of the clause it follows (NULL at the
 * top), so that "new after 4.3" is told under 4.3's section. */
const char *ld_consolidated_section(const ldiff_consolidation *c,
    const ldiff_consolidated *r);
/* The authors (indexes, at most max) who revised the paragraphs of the
 * clauses cl[0..n): how many were found. */
size_t ld_response_authors_of(const ld_response *r,
    const ldiff_clause *const *cl, size_t n, size_t *out, size_t max);

#endif /* LD_CONSOLIDATE_H */
