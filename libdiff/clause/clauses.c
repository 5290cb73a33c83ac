/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clauses.c - the clause set: the container every other file of clause/
 * fills or reads.
 *
 * The idea: a clause set is an array of records whose strings all live in
 * one arena, so a set is freed in one go and a record never owns memory
 * of its own.  Building (clause.c), reading records (clauses_io.c) and
 * choosing between them (input.c) only append through ld_clauses_add,
 * which keeps the limit on the number of clauses in one place.  A row's
 * cells are cut from its text here too (ld_row_cells), once: whatever
 * reads a row later reads its cells.
 */
#include <string.h>

#include "clause/clause.h"

static const char *const kind_names[] = {
	"section", "clause", "item", "bullet", "row", "note", "sentence",
	"other"
};
#define NKINDS (sizeof kind_names / sizeof kind_names[0])

const char *
ldiff_clause_kind_name(ldiff_clause_kind k)
{
	if ((unsigned)k < NKINDS)
		return kind_names[k];
	return "other";
}

int
ld_clause_kind_from_name(const char *name)
{
	return ld_name_index(kind_names, NKINDS, name);
}

void
ldiff_split_opts_init(ldiff_split_opts *o)
{
	o->version = LDIFF_SPLIT_OPTS_VERSION;
	o->sentences = 0;
	ldiff_limits_init(&o->limits);
}

/* Version 1 is every field there is: nothing newer to leave unread. */
int
ld_check_split_opts(const ldiff_split_opts *o, ldiff_error *err)
{
	int r = ld_check_version(err, "ldiff_split_opts", o->version,
	    LDIFF_SPLIT_OPTS_VERSION);

	return r != 0 ? r : ld_check_limits(&o->limits, err);
}

int
ld_clauses_new(ldiff_clauses **out, const ldiff_limits *lim)
{
	ldiff_clauses *c = ld_calloc(1, sizeof *c);

	*out = NULL;
	if (c == NULL)
		return LDIFF_ENOMEM;
	if (ld_set_init(&c->arena, &c->limits, lim) != 0) {
		ld_free(c);
		return LDIFF_ENOMEM;
	}
	*out = c;
	return 0;
}

ldiff_clause *
ld_clauses_add(ldiff_clauses *c, int *code)
{
	void *grown = c->cl;
	ldiff_clause *cl = ld_set_append(c->cl, &c->n, &c->cap,
	    c->limits.max_clauses, sizeof *cl, &grown, code);

	c->cl = grown;
	if (cl == NULL)
		return NULL;
	cl->kind = LDIFF_CL_CLAUSE;
	cl->id = cl->parent = cl->label = cl->section = cl->text = "";
	cl->style_id = "";
	return cl;
}

int
ld_row_cells(ldiff_clauses *c, const char *text, const ldiff_span **cells,
    size_t *n)
{
	ldiff_span *v;
	size_t k = 1, off = 0, i;
	const char *s;

	for (s = text; *s != '\0'; s++)
		k += *s == '\t';
	if ((v = ld_arena_alloc(c->arena, k * sizeof *v)) == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < k; i++) {
		v[i].off = off;
		v[i].len = strcspn(text + off, "\t");
		off += v[i].len + 1;
	}
	*cells = v;
	*n = k;
	return 0;
}

int
ld_clause_set_cells(ldiff_clauses *c, ldiff_clause *cl)
{
	if (cl->kind != LDIFF_CL_ROW) {
		cl->cells = NULL;
		cl->n_cells = 0;
		return 0;
	}
	return ld_row_cells(c, cl->text, &cl->cells, &cl->n_cells);
}

size_t
ld_row_cell_at(const ldiff_clause *cl, size_t off)
{
	size_t k = 0;

	while (k + 1 < cl->n_cells && cl->cells[k + 1].off <= off)
		k++;
	return k;
}

size_t
ldiff_clauses_count(const ldiff_clauses *c)
{
	return c != NULL ? c->n : 0;
}

const ldiff_clause *
ldiff_clauses_get(const ldiff_clauses *c, size_t i)
{
	return c != NULL && i < c->n ? &c->cl[i] : NULL;
}

void
ldiff_clauses_free(ldiff_clauses *c)
{
	if (c == NULL)
		return;
	ld_arena_free(c->arena);
	ld_free(c->cl);
	ld_free(c);
}
