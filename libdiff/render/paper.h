/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render/paper.h - the committee papers: the parallel layout
 * (parallelluppställning) and the list of changes (ändringsförteckning).
 *
 * Both present the same facts of one version pair, so the facts are
 * gathered once: paper_rows.c decides which units are substantive
 * provisions (a row of the layout, a sentence of the list) and cuts each
 * unit's edits into the two cells; paper_say.c words the changes as
 * sentences in Swedish or English, grouped by the sections of the new
 * version, and words the closing remark on what is not listed (its parts:
 * paper_say_structure.c, _wording.c, _values.c, _minor.c over the words
 * of paper_phrase.c, sharing render/paper_say.h).  The
 * writers only lay them out: render_paper.c (text, Markdown, HTML) and
 * paper_docx.c (a Word table or list).  Calls go writers -> paper_say.c
 * -> paper_rows.c -> render_common.c.  Private to those files.
 */
#ifndef LD_RENDER_PAPER_H
#define LD_RENDER_PAPER_H

#include "render/render.h"

/* ---- paper_rows.c ------------------------------------------------------ */

/* The classes that never make a provision substantive for the committee:
 * typography, language (språkvård), renumbering, the period shift. */
unsigned ld_paper_minor_classes(void);
/* A unit of the pair that is a row of the layout: inserted, deleted,
 * moved, split, merged, or changed in a class that is not minor. */
int ld_paper_is_row(const ldiff_unit *u);
/* The pairs a paper covers: the last one, or every one (all != 0). */
void ld_paper_pairs(const ldiff_diff *d, int all, size_t *first,
    size_t *last);

/* A piece of a cell: text as it stands, deleted, inserted, or the start
 * of the next clause of a split or merge (text = its number). */
enum { LD_SEG_TEXT, LD_SEG_DEL, LD_SEG_INS, LD_SEG_BREAK };
typedef struct ld_seg {
	int kind;
	const char *s;
	size_t len;
} ld_seg;

typedef struct ld_cell {
	ld_seg *seg;
	size_t n, cap;
	int empty;		/* the provision is not in this version */
} ld_cell;

typedef struct ld_prow {
	const ldiff_unit *u;
	ld_cell old, new;
	const char *old_num, *new_num;	/* "5.2.3", "" when none */
	const ldiff_clause *moved_from;	/* a moved unit: its old clause */
	int same_text;		/* a split or merge that changed no word */
} ld_prow;

/* The rows of pair, in the new version's order; unmarked: the cells
 * hold the texts only; whole: a long provision is not shortened to its
 * changed sentences ("– – –" for the rest).  *rows is ld_malloc'd with
 * its cells; free with ld_paper_rows_free. */
#define LD_PAPER_UNMARKED 1
#define LD_PAPER_WHOLE 2
#define LD_PAPER_SV 4		/* the labels in Swedish */
int ld_paper_rows(const ldiff_diff *d, size_t pair, unsigned how,
    ld_prow **rows, size_t *n);
/* The LD_PAPER_* flags the options ask for. */
unsigned ld_paper_how(const ldiff_render_opts *o);
void ld_paper_rows_free(ld_prow *rows, size_t n);
/* The number a reader sees for c: "5.2.3", "rad Umeå kommun" (sv) or
 * "row Umeå kommun", "5.2.3 fjärde strecksatsen"... appended to b. */
void ld_paper_clause_name(ld_buf *b, const ldiff_clause *c, int sv);
/* The note of a moved row: "(Flyttad från punkt 5.2.3.)", of a split or
 * merge that changed no word: "(Nuvarande punkterna 8.5.1 och 8.5.2 slås
 * samman; texten är oförändrad.)". */
void ld_paper_moved_note(ld_buf *b, const ld_prow *r, int sv);
/* Whether row r has such a note. */
int ld_paper_has_note(const ld_prow *r);
/* "tredje" / "third" for 1..10, else NULL. */
const char *ld_paper_ordinal(long k, int sv);
/* The place after the last mark ("•", "¶") of an id: "6.1/•4" -> 4. */
long ld_paper_position(const char *id, const char *mark);
/* The number of c alone ("5.2.3"), "" for an unnumbered paragraph. */
const char *ld_paper_number(const ldiff_clause *c);
/* The heading clause of the section named `section` in version v, or
 * NULL (text before the first heading). */
const ldiff_clause *ld_paper_section_clause(const ldiff_diff *d, size_t v,
    const char *section);

/* ---- paper_say.c (labels and title: paper_phrase.c) -------------------- */

/* The list of changes of one pair: groups (a section of the new version
 * and its sentences), the last one the general changes. */
typedef struct ld_pgroup {
	char *heading;		/* "5.2 Kompetensförsörjning" */
	char **sent;
	size_t n, cap;
} ld_pgroup;

typedef struct ld_psummary {
	ld_pgroup *g;
	size_t n, cap;
	char *minor;		/* the closing remark of the layout, or NULL */
	int oom;
} ld_psummary;

/* The summary of pair into *out, freed with ld_paper_summary_free();
 * on failure (LDIFF_ENOMEM) *out holds nothing to free. */
int ld_paper_summary(const ldiff_diff *d, size_t pair, int sv,
    unsigned hide, ld_psummary *out);
void ld_paper_summary_free(ld_psummary *s);
/* The parallel layout of pair: its rows (ld_paper_rows with the flags
 * of o) and its closing remark (the summary's minor), fetched together
 * so every format asks with the same options.  0 or LDIFF_ENOMEM; on
 * failure *l holds nothing to free. */
typedef struct ld_playout {
	ld_prow *rows;
	size_t n;
	ld_psummary sum;
} ld_playout;
int ld_paper_layout(const ldiff_diff *d, size_t pair,
    const ldiff_render_opts *o, ld_playout *l);
void ld_paper_layout_free(ld_playout *l);
/* A paper is Swedish unless English is asked for (lang "en"): it is a
 * document for a Swedish committee, like the review page. */
int ld_paper_swedish(const ldiff_render_opts *o);
/* Words for the papers' fixed labels. */
enum {
	P_OLD_COL, P_NEW_COL, P_PARALLEL, P_SUMMARY, P_DELETED_CELL,
	P_NOT_LISTED, P_GENERAL, P_BEFORE_FIRST, P_NO_CHANGES,
	P_COUNT
};
const char *ld_paper_label(int id, int sv);
/* The title of a paper: "Parallelluppställning – <the document's name>
 * 2027–2030 jämfört med 2023–2026". */
void ld_paper_title(ld_buf *b, const ldiff_diff *d, size_t pair, int what,
    int sv);

#endif /* LD_RENDER_PAPER_H */
