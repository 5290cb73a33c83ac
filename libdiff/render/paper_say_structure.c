/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_say_structure.c - the sentences of provisions that came, went,
 * moved, split or merged, and of changed headings.
 *
 * The idea: the structure is told as Swedish amendments tell it, by the
 * numbers of the provisions ("Punkt 5.7.3 utgår.", "En ny fjärde
 * strecksats införs i punkt 6.1.", "Punkt 8.2.1 delas i två punkter"),
 * and gathered where a reader would: a new section with its clauses in
 * one sentence, consecutive new or deleted clauses of a section in one.
 * The words that changed with a move, split or merge follow it as the
 * wording file tells them.  ld_say_unit picks the sentence of a unit.
 */
#include <stdlib.h>
#include <string.h>

#include "render/paper_say.h"


/* The inserted clauses after unit i that belong to the new section
 * opened by it. */
static size_t
section_members(const struct say *s, size_t i, int inserted)
{
	const ldiff_unit *h = ldiff_diff_unit(s->d, i);
	const char *sec = inserted ? h->new_cl[0]->section :
	    h->old_cl[0]->section;
	size_t n = ldiff_diff_count(s->d), k = 0;

	for (i++; i < n; i++, k++) {
		const ldiff_unit *u = ldiff_diff_unit(s->d, i);
		const ldiff_clause *c;

		if (u->from != s->pair || u->op != (inserted ?
		    LDIFF_OP_INSERTED : LDIFF_OP_DELETED))
			break;
		c = inserted ? u->new_cl[0] : u->old_cl[0];
		if (c->kind == LDIFF_CL_SECTION || strcmp(c->section, sec) != 0)
			break;
	}
	return k;
}

/* The numbers of the clauses of a section, "5.9.1–5.9.3" / "5.9.1 och
 * 5.9.2", units i + 1 ... i + k. */
static void
put_member_numbers(struct say *s, size_t i, size_t k, int inserted)
{
	const ldiff_unit *a = ldiff_diff_unit(s->d, i + 1);
	const ldiff_unit *z = ldiff_diff_unit(s->d, i + k);
	const ldiff_clause *ca = inserted ? a->new_cl[0] : a->old_cl[0];
	const ldiff_clause *cz = inserted ? z->new_cl[0] : z->old_cl[0];

	ld_buf_adds(&s->b, ld_paper_number(ca));
	if (k > 1)
		ld_buf_adds(&s->b, k > 2 ? ENDASH : s->sv ? " och " : " and ");
	if (k > 1)
		ld_buf_adds(&s->b, ld_paper_number(cz));
}

/* "Ett nytt avsnitt, 5.9 Civil beredskap, med tre punkter (5.9.1–5.9.3)
 * införs.", "Avsnitt 5.7 Utbildning med två punkter (5.7.1 och 5.7.2)
 * utgår." */
static size_t
say_section(struct say *s, size_t i, int inserted)
{
	const ldiff_unit *u = ldiff_diff_unit(s->d, i);
	const ldiff_clause *c = inserted ? u->new_cl[0] : u->old_cl[0];
	size_t k = section_members(s, i, inserted), j;
	int numbered = k > 0;

	for (j = 1; j <= k; j++) {
		const ldiff_unit *m = ldiff_diff_unit(s->d, i + j);

		numbered &= ld_say_numbered(inserted ? m->new_cl[0] :
		    m->old_cl[0]);
	}
	if (s->sv)
		ld_buf_printf(&s->b, inserted ? "ett nytt avsnitt, %s %s," :
		    "avsnitt %s %s", c->id, c->text);
	else
		ld_buf_printf(&s->b, inserted ? "a new section, %s %s," :
		    "section %s %s", c->id, c->text);
	if (k > 0) {
		ld_buf_adds(&s->b, s->sv ? " med " : " with ");
		ld_say_counted(&s->b, k, s->sv, s->sv ? "punkt" : "clause",
		    s->sv ? "punkter" : "clauses", 0);
		if (numbered) {
			ld_buf_adds(&s->b, " (");
			put_member_numbers(s, i, k, inserted);
			ld_buf_addc(&s->b, ')');
		}
	}
	ld_buf_adds(&s->b, s->sv ? (inserted ? " införs" : " utgår") :
	    inserted ? " is inserted" : " is deleted");
	ld_say_end(s, s->g);
	return k;
}

/* Consecutive new or deleted numbered clauses of one section, from
 * unit i: how many. */
static size_t
run_length(const struct say *s, size_t i)
{
	const ldiff_unit *first = ldiff_diff_unit(s->d, i);
	size_t n = ldiff_diff_count(s->d), k;

	for (k = 0; i + k < n; k++) {
		const ldiff_unit *u = ldiff_diff_unit(s->d, i + k);
		const ldiff_clause *c = u->op == LDIFF_OP_INSERTED ?
		    u->new_cl[0] : u->n_old > 0 ? u->old_cl[0] : NULL;

		if (u->from != s->pair || u->op != first->op || c == NULL ||
		    !ld_say_numbered(c) || strcmp(ld_unit_section(u),
		    ld_unit_section(first)) != 0)
			break;
	}
	return k > 0 ? k : 1;
}

/* The numbers of the clauses of units [i, i + k), one side. */
static void
put_run_numbers(struct say *s, size_t i, size_t k, int new_side)
{
	size_t j;

	for (j = 0; j < k; j++) {
		const ldiff_unit *u = ldiff_diff_unit(s->d, i + j);

		ld_say_joiner(&s->b, j, k, s->sv);
		ld_buf_adds(&s->b, new_side ? u->new_cl[0]->id :
		    u->old_cl[0]->id);
	}
}

static void
say_inserted_run(struct say *s, size_t i, size_t k)
{
	if (k == 1)
		ld_buf_adds(&s->b, s->sv ? "en ny punkt " : "a new clause ");
	else {
		ld_say_counted(&s->b, k, s->sv, "", s->sv ? "nya punkter" :
		    "new clauses", 0);
		ld_buf_adds(&s->b, ", ");
	}
	put_run_numbers(s, i, k, 1);
	ld_buf_adds(&s->b, k > 1 ? "," : "");
	ld_buf_adds(&s->b, s->sv ? " införs" : k > 1 ? " are inserted" :
	    " is inserted");
	ld_say_end(s, s->g);
}

static void
say_deleted_run(struct say *s, size_t i, size_t k)
{
	ld_buf_adds(&s->b, s->sv ? (k > 1 ? "punkterna " : "punkt ") :
	    (k > 1 ? "clauses " : "clause "));
	put_run_numbers(s, i, k, 0);
	ld_buf_adds(&s->b, s->sv ? " utgår" : k > 1 ? " are deleted" :
	    " is deleted");
	ld_say_end(s, s->g);
}

/* "En ny fjärde strecksats införs i punkt 6.1.", "Ett nytt tredje
 * stycke införs.": the place told as Swedish amendments tell it. */
static void
say_new_text(struct say *s, const ldiff_clause *c)
{
	int bullet = c->kind == LDIFF_CL_BULLET;
	long k = ld_paper_position(c->id, bullet ? "\xe2\x80\xa2" :
	    "\xc2\xb6");
	const char *ord = ld_paper_ordinal(k, s->sv);

	if (s->sv)
		ld_buf_printf(&s->b, bullet ? "en ny %s%sstrecksats införs i "
		    "punkt %s" : "ett nytt %s%sstycke införs", ord != NULL ?
		    ord : "", ord != NULL ? " " : "", c->parent);
	else
		ld_buf_printf(&s->b, bullet ? "a new %s%sindent is inserted in "
		    "clause %s" : "a new %s%sparagraph is inserted", ord != NULL ?
		    ord : "", ord != NULL ? " " : "", c->parent);
}

/* A new or deleted clause that is not a numbered one: a row, a bullet,
 * a paragraph. */
static void
say_one(struct say *s, const ldiff_unit *u, int inserted)
{
	const ldiff_clause *c = inserted ? u->new_cl[0] : u->old_cl[0];
	size_t e = ld_say_amount_edit(u);

	if (c->kind == LDIFF_CL_ROW) {
		int len = c->n_cells > 0 ? (int)c->cells[0].len :
		    (int)strlen(c->text);
		const ldiff_clause *t = ld_say_table_clause(s, c, inserted);

		/* "I tabellen i punkt 7.1 införs en ny rad, ”X”, med 500 000
		 * kr.": the table named by the clause that introduces it */
		if (t != NULL) {
			ld_buf_adds(&s->b, s->sv ? "i tabellen i " :
			    "in the table of ");
			ld_say_name(s, t);
		} else
			ld_buf_adds(&s->b, s->sv ? "i tabellen" :
			    "in the table");
		ld_buf_printf(&s->b, s->sv ? (inserted ? " införs en ny rad, "
		    "%s%.*s%s" : " utgår raden %s%.*s%s") : (inserted ?
		    ", a new row %s%.*s%s is inserted" : ", the row %s%.*s%s "
		    "is deleted"), QO(s->sv), len, c->text, QC(s->sv));
		if (e < u->n_edits) {
			ld_buf_adds(&s->b, inserted ? (s->sv ? ", med " :
			    ", with ") : (s->sv ? " med " : " with "));
			ld_say_value(&s->b, inserted ? u->edits[e].new_value :
			    u->edits[e].old_value, 1, s->sv);
		}
	} else if (inserted) {
		say_new_text(s, c);
	} else {
		ld_say_name(s, c);
		ld_buf_adds(&s->b, s->sv ? " utgår" : " is deleted");
	}
	ld_say_end(s, s->g);
}

/* A changed heading: "Rubriken till avsnitt 5.4 ändras från ... till". */
static void
say_heading(struct say *s, const ldiff_unit *u)
{
	ld_buf_printf(&s->b, s->sv ? "rubriken till avsnitt %s ändras från " :
	    "the heading of section %s is changed from ", u->new_cl[0]->id);
	ld_say_quoted(s, u->old_cl[0]->text);
	ld_buf_adds(&s->b, s->sv ? " till " : " to ");
	ld_say_quoted(s, u->new_cl[0]->text);
	ld_say_end(s, s->g);
}

/* The words of a split, merge or move, told after it. */
static void
say_new_wording(struct say *s, const ldiff_unit *u)
{
	size_t words, values;

	ld_say_count_edits(u, &words, &values);
	if (words + values > 0)
		ld_say_edits(s, u, u->new_cl[0]);
}

static void
say_split_merge(struct say *s, const ldiff_unit *u)
{
	if (u->op == LDIFF_OP_SPLIT) {
		ld_buf_adds(&s->b, s->sv ? "punkt " : "clause ");
		ld_say_numbers(s, u->old_cl, u->n_old);
		ld_buf_adds(&s->b, s->sv ? " delas i " : " is split into ");
		ld_say_counted(&s->b, u->n_new, s->sv, s->sv ? "punkt" :
		    "clause", s->sv ? "punkter" : "clauses", 0);
		ld_buf_adds(&s->b, " (");
		ld_say_numbers(s, u->new_cl, u->n_new);
		ld_buf_addc(&s->b, ')');
	} else {
		ld_buf_adds(&s->b, s->sv ? "punkterna " : "clauses ");
		ld_say_numbers(s, u->old_cl, u->n_old);
		ld_buf_adds(&s->b, s->sv ? " slås samman till punkt " :
		    " are merged into clause ");
		ld_say_numbers(s, u->new_cl, u->n_new);
	}
	ld_say_end(s, s->g);
	say_new_wording(s, u);
}

static void
say_moved(struct say *s, const ldiff_unit *u)
{
	const ldiff_clause *o = u->old_cl[0], *c = u->new_cl[0];

	const ldiff_clause *to = ld_paper_section_clause(s->d, s->pair + 1,
	    c->section);
	const ldiff_clause *from = ld_paper_section_clause(s->d, s->pair,
	    o->section);

	ld_say_name(s, o);
	/* a section renamed is the same section: compare its number too */
	if (strcmp(o->section, c->section) != 0 && (from == NULL ||
	    to == NULL || strcmp(from->id, to->id) != 0)) {
		ld_buf t;

		ld_buf_init(&t);
		ld_say_section_heading(s, &t, o->section);
		ld_buf_printf(&s->b, s->sv ? " flyttas från avsnitt %s till " :
		    " is moved from section %s to ", ld_buf_str(&t));
		if (to != NULL)
			ld_say_name(s, to);
		else
			ld_buf_adds(&s->b, s->sv ? "detta avsnitt" :
			    "this section");
		ld_buf_adds(&s->b, s->sv ? " och blir " : " and becomes ");
		ld_buf_free(&t);
	} else if (strcmp(o->id, c->id) == 0) {
		ld_buf_adds(&s->b, s->sv ? (c->kind == LDIFF_CL_ROW ?
		    " flyttas inom tabellen" : " flyttas inom avsnittet") :
		    (c->kind == LDIFF_CL_ROW ? " is moved within the table" :
		    " is moved within the section"));
		ld_say_end(s, s->g);
		say_new_wording(s, u);
		return;
	} else
		ld_buf_adds(&s->b, s->sv ? " flyttas och blir " :
		    " is moved and becomes ");
	ld_say_name(s, c);
	ld_say_end(s, s->g);
	say_new_wording(s, u);
}

/* Unit i told; returns the units it told beyond itself. */
size_t
ld_say_unit(struct say *s, size_t i)
{
	const ldiff_unit *u = ldiff_diff_unit(s->d, i);
	const ldiff_clause *c;
	size_t k;

	switch (u->op) {
	case LDIFF_OP_INSERTED:
	case LDIFF_OP_DELETED:
		c = u->op == LDIFF_OP_INSERTED ? u->new_cl[0] : u->old_cl[0];
		if (c->kind == LDIFF_CL_SECTION)
			return say_section(s, i, u->op == LDIFF_OP_INSERTED);
		if (!ld_say_numbered(c)) {
			say_one(s, u, u->op == LDIFF_OP_INSERTED);
			return 0;
		}
		k = run_length(s, i);
		if (u->op == LDIFF_OP_INSERTED)
			say_inserted_run(s, i, k);
		else
			say_deleted_run(s, i, k);
		return k - 1;
	case LDIFF_OP_MOVED:
		say_moved(s, u);
		return 0;
	case LDIFF_OP_SPLIT:
	case LDIFF_OP_MERGED:
		say_split_merge(s, u);
		return 0;
	default:
		break;
	}
	if (u->new_cl[0]->kind == LDIFF_CL_SECTION)
		say_heading(s, u);
	else
		ld_say_edits(s, u, u->new_cl[0]);
	return 0;
}
