/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clause/clause.h - the clause set (clauses.c) that clause.c builds from
 * paragraphs (with the numbers labels.c finds), clauses_io.c reads and
 * writes as records, and input.c makes of any input.  The calls go one
 * way: input.c -> clause.c, clauses_io.c -> clauses.c; clause.c ->
 * labels.c.
 */
#ifndef LD_CLAUSE_H
#define LD_CLAUSE_H

#include "sv/sv.h"
#include "docx/doc.h"

/* ---- clause sets (clauses.c) ---------------------------------------- */
struct ldiff_clauses {
	ld_arena *arena;
	ldiff_clause *cl;
	size_t n, cap;
	ldiff_limits limits;
};
int ld_clauses_new(ldiff_clauses **out, const ldiff_limits *lim);
/* Append a clause with every string "" (NULL: out of memory or past
 * limits.max_clauses; *code says which).  The pointer is valid until the
 * next ld_clauses_add. */
ldiff_clause *ld_clauses_add(ldiff_clauses *c, int *code);
/* Cut a row's text into its cells at the TABs: *cells (in c's arena)
 * and *n, at least one cell.  The one place a row's text is split; the
 * clause's cells field carries the result to the diff and the
 * renderers.  0 or LDIFF_ENOMEM. */
int ld_row_cells(ldiff_clauses *c, const char *text,
    const ldiff_span **cells, size_t *n);
/* Set cl->cells from cl->text when cl is a row (a maker of clauses calls
 * it once, after the text and the kind are set); other kinds keep
 * none.  0 or LDIFF_ENOMEM. */
int ld_clause_set_cells(ldiff_clauses *c, ldiff_clause *cl);
/* The cell of row cl that holds byte off of its text (a TAB belongs to
 * the cell before it); 0 when cl has no cells. */
size_t ld_row_cell_at(const ldiff_clause *cl, size_t off);
/* The kind of that name ("section" ...), or -1. */
int ld_clause_kind_from_name(const char *name);
/* 0, or LDIFF_EINVAL when o or its limits are of a version this library
 * does not read (see ld_check_version). */
int ld_check_split_opts(const ldiff_split_opts *o, ldiff_error *err);

/* ---- sentences (sentences.c) ---- */
/* A table of contents line: kind other, but body text. */
int ld_clause_is_toc_line(const ldiff_clause *c);
/* Does --sentences give c sentence records?  Every kind but sentence
 * itself and other (comments, headers, footers), toc lines excepted. */
int ld_clause_has_sentences(const ldiff_clause *c);
/* Is c part of the body, the text kltext --plain shows (no notes)? */
int ld_clause_in_body(const ldiff_clause *c);
/* The sentences of c as spans of c->text; a row is split cell by cell.
 * The first sentence is the one the clause's label goes in front of; a
 * clause with a label and no words gets one empty span for it.  *out is
 * allocated with malloc; the caller frees it with free(). */
int ld_clause_sentences(const ldiff_clause *c, ldiff_span **out, size_t *n);


#endif /* LD_CLAUSE_H */
