/*
 * clause/clause.h - the clause container that clause.c builds from paragraphs and
 * clauses_io.c reads and writes as records.
 */
#ifndef LD_CLAUSE_H
#define LD_CLAUSE_H

#include "sv/sv.h"
#include "docx/doc.h"

/* ---- clause sets (clause.c builds them, clauses_io.c reads/writes) ---- */
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
int ld_clause_kind_from_name(const char *name);

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
