/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_say.c - the changes of a version pair told as sentences: the
 * ändringsförteckning of a committee paper.
 *
 * One sentence per change, in the present tense as Swedish amendments
 * have them ("Punkt 5.7.3 utgår.", "I punkt 2.4 ersätts ”x” med ”y”."),
 * grouped under the sections of the new version
 * in its order, and saying only what the comparison knows: what came,
 * went, moved, split, merged, which words or values changed, never why.
 * Changes of one kind are gathered: the clauses of a new section are told
 * with the section, consecutive new or deleted clauses in one sentence,
 * the changed amounts of a table in one sentence per direction.  The
 * changes that are no change of content (typography, language,
 * renumbering, the period shift) end the list in one group, and the
 * same sentences are the closing row of the parallel layout.
 *
 * Swedish and English are both built in: the paper's language is a choice
 * of the reader (--lang), not a message of the program, so none of these
 * sentences goes through the message catalogue.  Numbers follow the
 * language: "1 900 000 kr", "+13,2 %", and in running text the numbers up
 * to twelve in words ("fyra punkter").
 *
 * This file walks the units of the pair in the new version's order and
 * hands each to the file that words it: paper_say_structure.c (came,
 * went, moved, split, merged, headings), paper_say_wording.c (changed
 * words), paper_say_values.c (changed numbers and amounts, a table's
 * amounts gathered), paper_say_minor.c (the closing group); the words
 * they share are paper_phrase.c's.  Calls go this file -> structure ->
 * wording -> values -> phrase, and this file -> minor -> phrase.
 */
#include <stdlib.h>
#include <string.h>

#include "render/paper_say.h"

/* A row of a table that came or went. */
static int
table_row_unit(const ldiff_unit *u)
{
	const ldiff_clause *c = u->op == LDIFF_OP_INSERTED ? u->new_cl[0] :
	    u->op == LDIFF_OP_DELETED ? u->old_cl[0] : NULL;

	return c != NULL && c->kind == LDIFF_CL_ROW;
}

/* A table's changes told together: the amounts of its rows, the rows
 * that came or went (held in rows, unit indexes), then its sums. */
static void
flush_table(struct say *s, struct amounts *am, struct amounts *sums,
    size_t *rows, size_t *nrows)
{
	size_t k;

	ld_say_amounts(s, am, sums);
	for (k = 0; k < *nrows; k++)
		ld_say_unit(s, rows[k]);
	ld_say_sums(s, am, sums);
	*nrows = 0;
}

static void
walk(struct say *s, struct minor *m)
{
	struct amounts am, sums;
	size_t i, n = ldiff_diff_count(s->d), nrows = 0, *rows;

	memset(&am, 0, sizeof am);
	memset(&sums, 0, sizeof sums);
	if ((rows = ld_reallocarray(NULL, n + 1, sizeof *rows)) == NULL) {
		s->out->oom = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(s->d, i);

		if (u->from != s->pair)
			continue;
		ld_say_tally_minor(m, u);
		if (!ld_paper_is_row(u))
			continue;
		if (!ld_say_amount_row(u) && !table_row_unit(u))
			flush_table(s, &am, &sums, rows, &nrows);
		ld_say_enter(s, ld_unit_section(u));
		if (table_row_unit(u)) {
			rows[nrows++] = i;
			continue;
		}
		if (ld_say_amount_row(u)) {
			const char *t = u->new_cl[0]->text;

			ld_say_amounts_add(s, ld_say_is_sum_row(t) ? &sums : &am, u);
			continue;
		}
		i += ld_say_unit(s, i);
	}
	flush_table(s, &am, &sums, rows, &nrows);
	ld_free(rows);
}

int
ld_paper_summary(const ldiff_diff *d, size_t pair, int sv, unsigned hide,
    ld_psummary *out)
{
	struct say s;
	struct minor m;

	memset(out, 0, sizeof *out);
	memset(&s, 0, sizeof s);
	memset(&m, 0, sizeof m);
	s.d = d;
	s.pair = pair;
	s.sv = sv;
	s.hide = hide;
	s.out = out;
	ld_buf_init(&s.b);
	walk(&s, &m);
	ld_say_minor(&s, &m);
	ld_say_minor_free(&m);
	if (s.b.oom)
		out->oom = 1;
	ld_buf_free(&s.b);
	if (!out->oom)
		return 0;
	/* a failed summary holds nothing: the caller frees nothing */
	ld_paper_summary_free(out);
	return LDIFF_ENOMEM;
}

void
ld_paper_summary_free(ld_psummary *s)
{
	size_t i, k;

	for (i = 0; i < s->n; i++) {
		for (k = 0; k < s->g[i].n; k++)
			ld_free(s->g[i].sent[k]);
		ld_free(s->g[i].sent);
		ld_free(s->g[i].heading);
	}
	ld_free(s->g);
	ld_free(s->minor);
	memset(s, 0, sizeof *s);
}

int
ld_paper_layout(const ldiff_diff *d, size_t pair, const ldiff_render_opts *o,
    ld_playout *l)
{
	unsigned how = ld_paper_how(o);
	int r;

	memset(l, 0, sizeof *l);
	if ((r = ld_paper_rows(d, pair, how, &l->rows, &l->n)) != 0)
		return r;
	if ((r = ld_paper_summary(d, pair, (how & LD_PAPER_SV) != 0, o->hide,
	    &l->sum)) != 0) {
		ld_paper_rows_free(l->rows, l->n);
		memset(l, 0, sizeof *l);
	}
	return r;
}

void
ld_paper_layout_free(ld_playout *l)
{
	ld_paper_rows_free(l->rows, l->n);
	ld_paper_summary_free(&l->sum);
	memset(l, 0, sizeof *l);
}
