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


#endif /* LD_CLAUSE_H */
