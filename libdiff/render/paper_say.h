/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render/paper_say.h - what the files of the list of changes share: the
 * sentence being written (struct say), the tallies that a walk of the
 * pair gathers (the amounts of a table, the changes of no content), and
 * the functions one file of it calls in another.  The calls go one way:
 * paper_say.c -> paper_say_structure.c -> paper_say_wording.c ->
 * paper_say_values.c -> paper_phrase.c, and paper_say.c ->
 * paper_say_minor.c -> paper_phrase.c.  Private to those files.
 */
#ifndef LD_RENDER_PAPER_SAY_H
#define LD_RENDER_PAPER_SAY_H

#include "render/paper.h"

#define ENDASH "\xe2\x80\x93"
#define QO(sv) ((sv) ? "\xe2\x80\x9d" : "\xe2\x80\x9c")
#define QC(sv) "\xe2\x80\x9d"

struct say {
	const ldiff_diff *d;
	size_t pair;
	int sv;
	unsigned hide;
	ld_psummary *out;
	ld_pgroup *g;		/* the group of the section being told */
	const char *section;
	ld_buf b;		/* the sentence being written */
};

/* The changed amounts of one table, gathered while the walk is in it. */
struct amount {
	char *name;		/* the row's first cell */
	double old_v, new_v;
};

struct amounts {
	struct amount *a;
	size_t n, cap;
	const ldiff_clause *row;	/* a row of the table, for its header */
	size_t col;		/* the column of the amounts */
};

/* One rewrite of språkvård and how often the pair has it: "skall" ->
 * "ska" (texts not NUL-ended; white space trimmed). */
struct rewrite {
	const char *o, *n;
	size_t olen, nlen, count;
};

/* What is no change of content, tallied over the pair. */
struct minor {
	size_t period;		/* edits of the period shift */
	const ldiff_edit *range;	/* one of them that is a year range */
	ld_ptrs ped, pcl;	/* those edits and the clause of each */
	char top[1000];		/* sections (first number) renumbered */
	ld_ptrs ren;		/* the units renumbered, not rows */
	ld_ptrs typo;		/* clauses retyped */
	ld_ptrs lang;		/* clauses with language changes */
	struct rewrite *rw;	/* the rewrites, in order of appearance */
	size_t nrw, caprw;
	int oom;
};

/* ---- paper_phrase.c: words, values, names, the sentence ----------------- */

/* "n punkter" / "en punkt"; neuter: "ett" for one. */
void ld_say_counted(ld_buf *b, size_t n, int sv, const char *one,
    const char *many, int neuter);
/* The joiner before item i of n: ", " or " och " / " and ". */
void ld_say_joiner(ld_buf *b, size_t i, size_t n, int sv);
/* v in the paper's language, "1 900 000 kr" / "SEK 1,900,000" (sek). */
void ld_say_value(ld_buf *b, double v, int sek, int sv);
/* "punkt 5.2.3", "raden ”Umeå kommun”" ... */
void ld_say_name(struct say *s, const ldiff_clause *c);
/* The numbers of clauses, "8.2.1 och 8.2.2". */
void ld_say_numbers(struct say *s, const ldiff_clause *const *cl, size_t n);
/* "i punkt 2.4" / "in clause 2.4" */
void ld_say_in(struct say *s, const ldiff_clause *c);
/* The same of c in unit u, "punkt 2.4 (nuvarande 2.3)" when u gave
 * the clause a new number. */
void ld_say_name_of(struct say *s, const ldiff_unit *u,
    const ldiff_clause *c);
void ld_say_in_of(struct say *s, const ldiff_unit *u, const ldiff_clause *c);
/* A copy of s (ld_malloc), NULL when out of memory. */
char *ld_say_dup(const char *s);
/* A new group (heading copied) at the end of the list, or NULL. */
ld_pgroup *ld_say_group(struct say *s, const char *heading);
/* "5.2 Kompetensförsörjning", appended to h. */
void ld_say_section_heading(struct say *s, ld_buf *h, const char *section);
/* The group of section, opened when the walk enters it. */
void ld_say_enter(struct say *s, const char *section);
/* The sentence in s->b, capitalised and ended, into group g. */
void ld_say_end(struct say *s, ld_pgroup *g);
/* Spaces and punctuation trimmed from the ends of a quotation. */
int ld_say_is_trim(unsigned char c);
const char *ld_say_trimmed(const char *s, size_t *len);
/* t trimmed, in the language's quotation marks. */
void ld_say_quoted(struct say *s, const char *t);
/* Edit i of u is one a committee reads (not equal, not only of a minor
 * class, not text a split or merge only moved). */
int ld_say_edit_told(const ldiff_unit *u, size_t i);
/* The clause of u's new side (0, 1 ...) where edit i lies. */
size_t ld_say_edit_clause(const ldiff_unit *u, size_t i);
/* A number or amount replaced by another, told by its values. */
int ld_say_edit_is_value(const ldiff_edit *e);
/* The told edits of u: by their words, by their values. */
void ld_say_count_edits(const ldiff_unit *u, size_t *words, size_t *values);
/* A clause with a number of its own ("5.7.3"). */
int ld_say_numbered(const ldiff_clause *c);

/* ---- paper_say_values.c ------------------------------------------------ */

/* The changed values of u, one sentence each, told of clause c. */
void ld_say_values(struct say *s, const ldiff_unit *u, const ldiff_clause *c);
/* "Summa", "Totalt": a row that adds up the others. */
int ld_say_is_sum_row(const char *name);
/* The first amount edit of a row, or n_edits. */
size_t ld_say_amount_edit(const ldiff_unit *u);
/* A changed row whose change is its amount (or moved within its table). */
int ld_say_amount_row(const ldiff_unit *u);
/* The numbered clause right before the table of row in the new version
 * (new != 0) or the old, which introduces it; NULL when none. */
const ldiff_clause *ld_say_table_clause(const struct say *s,
    const ldiff_clause *row, int new);
void ld_say_amounts_add(struct say *s, struct amounts *am,
    const ldiff_unit *u);
/* The gathered amounts told; then ld_say_sums tells the sum rows and
 * empties both. */
void ld_say_amounts(struct say *s, struct amounts *am, struct amounts *sums);
void ld_say_sums(struct say *s, struct amounts *am, struct amounts *sums);

/* ---- paper_say_wording.c ----------------------------------------------- */

/* What changed in the text of u, told of clause c. */
void ld_say_edits(struct say *s, const ldiff_unit *u, const ldiff_clause *c);

/* ---- paper_say_structure.c --------------------------------------------- */

/* Unit i told; returns the units it told beyond itself. */
size_t ld_say_unit(struct say *s, size_t i);

/* ---- paper_say_minor.c ------------------------------------------------- */

void ld_say_tally_minor(struct minor *m, const ldiff_unit *u);
void ld_say_minor_free(struct minor *m);
/* The closing group, and its sentences as the layout's closing remark. */
void ld_say_minor(struct say *s, struct minor *m);

#endif /* LD_RENDER_PAPER_SAY_H */
