/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clause/sentences.c - which clauses have sentences and what they are.
 *
 * Shared by the builder (clause.c) and the stream reader (clauses_io.c),
 * so that --sentences gives the same records from a document as from its
 * clause stream, and by the one-sentence-per-line writer, which must show
 * the body's text whole: every paragraph kltext --plain shows, labels
 * included.
 */
#include <stdlib.h>
#include <string.h>

#include "clause/clause.h"

/* The builder names table of contents lines "toc:N" (add_toc_line); they
 * are body text, unlike the comments, headers and footers that share
 * their kind. */
int
ld_clause_is_toc_line(const ldiff_clause *c)
{
	return c->kind == LDIFF_CL_OTHER && strncmp(c->id, "toc:", 4) == 0;
}

int
ld_clause_has_sentences(const ldiff_clause *c)
{
	switch (c->kind) {
	case LDIFF_CL_SECTION:
	case LDIFF_CL_CLAUSE:
	case LDIFF_CL_ITEM:
	case LDIFF_CL_BULLET:
	case LDIFF_CL_ROW:
	case LDIFF_CL_NOTE:
		return 1;
	case LDIFF_CL_OTHER:
		return ld_clause_is_toc_line(c);
	default:
		return 0;
	}
}

int
ld_clause_in_body(const ldiff_clause *c)
{
	return c->kind != LDIFF_CL_NOTE && ld_clause_has_sentences(c);
}

/* Append the sentences of text[off..off+len) to *v, shifted by off. */
static int
add_piece(const char *text, size_t off, size_t len, ldiff_span **v,
    size_t *n)
{
	ldiff_span *sp = NULL, *nv;
	size_t k, m = 0;
	int r;

	if ((r = ldiff_sentences(text + off, len, &sp, &m)) != 0)
		return r;
	if (m == 0) {
		free(sp);
		return 0;
	}
	if ((nv = ld_reallocarray(*v, *n + m, sizeof **v)) == NULL) {
		free(sp);
		return LDIFF_ENOMEM;
	}
	*v = nv;
	for (k = 0; k < m; k++) {
		nv[*n + k].off = off + sp[k].off;
		nv[*n + k].len = sp[k].len;
	}
	*n += m;
	free(sp);
	return 0;
}

/* Split the n bytes of t at off piece by piece at seps. */
static int
split_pieces(const char *t, size_t off, size_t n, const char *seps,
    ldiff_span **v, size_t *nv)
{
	size_t end = off + n;
	int r = 0;

	while (r == 0 && off <= end) {
		size_t piece = strcspn(t + off, seps);

		if (piece > end - off)
			piece = end - off;
		r = add_piece(t, off, piece, v, nv);
		off += piece + 1;
	}
	return r;
}

/* A row is split cell by cell, and a cell's paragraphs (joined by LF)
 * each on its own, so no sentence runs from one cell into the next.
 * Other clauses are split whole. */
static int
split_text(const ldiff_clause *c, ldiff_span **v, size_t *n)
{
	size_t k;
	int r = 0;

	if (c->kind != LDIFF_CL_ROW || c->cells == NULL)
		return split_pieces(c->text, 0, strlen(c->text), "", v, n);
	for (k = 0; k < c->n_cells && r == 0; k++)
		r = split_pieces(c->text, c->cells[k].off, c->cells[k].len,
		    "\n", v, n);
	return r;
}

int
ld_clause_sentences(const ldiff_clause *c, ldiff_span **out, size_t *n)
{
	ldiff_span *v = NULL;
	size_t m = 0;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = split_text(c, &v, &m)) != 0) {
		free(v);
		return r;
	}
	/* A paragraph that is only a number ("3.", a heading "2 §") still
	 * shows it: one empty sentence carries the label. */
	if (m == 0 && c->label[0] != '\0') {
		if ((v = ld_malloc(sizeof *v)) == NULL)
			return LDIFF_ENOMEM;
		v->off = v->len = 0;
		m = 1;
	}
	*out = v;
	*n = m;
	return 0;
}
