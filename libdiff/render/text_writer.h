/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render/text_writer.h - what the plain-text renderers share: the labels
 * in two languages, the writer (colour, wrapping, wdiff markers) and the
 * pieces every one of them prints (pair headers, substitutions, counted
 * phrases), all in text_writer.c; render_text.c (the units),
 * render_lineage.c (the lineage table) and render_stat.c (--stat) use
 * them, and of each other only render_text.c -> render_lineage.c;
 * render_consolidation.c takes the operations' labels from here.
 * Private to those files.
 */
#ifndef LD_RENDER_TEXT_WRITER_H
#define LD_RENDER_TEXT_WRITER_H

#include "render/render.h"

enum {
	L_EQUAL, L_CHANGED, L_MOVED, L_INSERTED, L_DELETED, L_SPLIT,
	L_MERGED,
	/* the classes in bit order: L_WORDING + ld_class_slot(bit) */
	L_WORDING, L_NUMBER, L_AMOUNT, L_DATE, L_PERIOD, L_TYPOGRAPHY,
	L_RENUMBER,
	L_LANGUAGE,
	L_RENUMBERED, L_THROUGHOUT, L_NODIFF, L_LINEAGE, L_INTRODUCED,
	L_CHANGED_IN, L_MOVED_IN, L_DELETED_IN, L_SPLIT_IN, L_MERGED_IN,
	L_RENUMBERED_IN, L_CLAUSES, L_WORDS, L_COMMON,
	L_CLASSES, L_SECTION, L_SUBSTS, L_UNCHANGED,
	/* the columns of the table by section, in order */
	L_COL_INS, L_COL_DEL, L_COL_CHG, L_COL_MOV, L_COL_SPL, L_COL_MRG,
	L_COL_REN, L_COL_WINS, L_COL_WDEL, L_COL_SHARE,
	/* counted clauses and words (Swedish plural) */
	L_N_CHANGED, L_N_MOVED, L_N_INSERTED, L_N_DELETED, L_N_SPLIT,
	L_N_MERGED, L_N_RENUMBERED, L_AMOUNTS,
	L_ONLY_PERIOD, L_ONLY_SUBST,
	L_OWN_COUNT,	/* then the words every renderer shares (LD_W_*) */
	L_OLD = L_OWN_COUNT + LD_W_OLD, L_NEW = L_OWN_COUNT + LD_W_NEW,
	L_TIMES = L_OWN_COUNT + LD_W_TIMES,
	L_NOSECTION = L_OWN_COUNT + LD_W_NOSECTION,
	L_ROW = L_OWN_COUNT + LD_W_ROW,
	L_COUNT = L_OWN_COUNT + LD_W_COUNT
};

/* The label (L_*) of a class bit; the classes are listed in the order
 * of ld_classes (diff.h). */
int ld_tw_class_label(unsigned one_class);

/* Counted clauses, "1 flyttad, 2 flyttade": Swedish agrees in number,
 * so the built-in terms have both forms and gettext gets ngettext. */
enum {
	C_UNCHANGED, C_RENUMBERED, C_CHANGED, C_MOVED, C_INSERTED,
	C_DELETED, C_SPLIT, C_MERGED, C_HIDDEN, C_MORE_HIDDEN, C_CLAUSES
};

#define SGR_DEL "\033[9;31m"
#define SGR_INS "\033[4;32m"
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_OFF "\033[0m"
#define ARROW " \xe2\x86\x92 "
#define INDENT "    "

struct tw {
	FILE *f;
	const ldiff_diff *d;
	int color, sv;
	unsigned hide, hc;
	int row;		/* the unit is a table row: TAB joins cells */
	int visible;		/* show invisible characters (visible_mark) */
	int wrap;		/* inside clause text: may wrap at width */
	size_t width, col;	/* wrap width (0 = none), current column */
	size_t tail;		/* columns after the string being written
				 * up to the next space (next edits) */
	size_t *reach, reach_cap;	/* edit_reach() of the unit shown */
	int oom;		/* an allocation failed: ENOMEM at the end */
	const char *section;	/* the section heading printed last */
	int section_shown;
	ld_buf renum;		/* renumber-only clauses of this section */
	size_t *sub, nsub;	/* per substitution: clauses of this section
				 * changed by it alone (subst_only) */
	ld_buf *subids;		/* and their ids */
	int sub_any;
	ld_buf line;		/* scratch */
	const char *lab[L_COUNT];	/* ld_tw_wlabel(), looked up once each */
};

/* ---- text_writer.c -------------------------------------------------- */

/* The label (L_*) of an operation; its short column head (L_COL_*,
 * -1 for equal). */
int ld_tw_op_label(ldiff_op op);
int ld_tw_op_column(ldiff_op op);
/* Label id in Swedish (sv), else in English, through gettext when
 * translate: for renderers without a writer (the consolidation). */
const char *ld_tw_label(int id, int sv, int translate);
/* Print the counted phrase of id for n (a format with %zu, or none). */
void ld_tw_put_counted(FILE *f, int sv, int id, size_t n);
/* One decimal: "4,0 %" in Swedish, "4.0%" in English; sign if asked. */
void ld_tw_put_percent(ld_buf *b, double pct, int sv, int sign);
/* Words as wdiff counts them: runs between white space, but only runs
 * with a letter or a digit, so a lone dash or bullet is not a word. */
size_t ld_tw_count_words(const char *s);
/* The words of n clauses. */
size_t ld_tw_count_clause_words(const ldiff_clause *const *cl, size_t n);
/* A label in the writer's language, looked up once per writer: gettext
 * per unit of a long diff cost a twentieth of kldiff's time.  Every label
 * of the text renderer goes through here. */
const char *ld_tw_wlabel(struct tw *w, int id);
/* An SGR colour code, when colour is on. */
void ld_tw_sgr(struct tw *w, const char *code);
/* Clause text in a colour (NULL: none), wrapped at the width. */
void ld_tw_put_text(struct tw *w, const char *s, const char *color);
/* Deleted and inserted text: coloured, or in wdiff's markers. */
void ld_tw_put_deleted(struct tw *w, const char *s);
void ld_tw_put_inserted(struct tw *w, const char *s);
/* "4.2" or "5.2, 5.3", or an en dash when the side is empty; a table
 * row's "row:Umeå kommun" is an id for scripts, "rad Umeå kommun" to a
 * reader. */
void ld_tw_ids(struct tw *w, ld_buf *b, const ldiff_clause *const *cl,
    size_t n, const char *sep);
/* The labels of the classes in cls, in the order of ld_classes. */
void ld_tw_class_list(struct tw *w, ld_buf *b, unsigned cls);
/* Short names for the lineage: the year ranges of the file names when
 * every version has a distinct one, else the base names. */
int ld_tw_version_labels(const ldiff_diff *d, ld_buf *lab, size_t nver);
/* "--- old / +++ new" of a version pair. */
void ld_tw_pair_header(struct tw *w, size_t pair);
/* "  throughout: 2019–2022 → 2023–2026 (4 times, period)" */
void ld_tw_pair_substs(struct tw *w, size_t pair);
/* Columns of UTF-8 text (one per character). */
size_t ld_tw_text_width(const char *s);
/* The first step of a text renderer: d and out checked, o (NULL: the
 * defaults) checked and read into a writer w on out.  0 or LDIFF_EINVAL
 * (then w holds nothing to free). */
int ld_tw_begin(struct tw *w, const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o);
/* The last: w's buffers freed; r, else the first error w or its file
 * met (LDIFF_ENOMEM, LDIFF_EIO). */
int ld_tw_end(struct tw *w, int r);

/* ---- render_lineage.c ----------------------------------------------- */

/* The lineage table of nver versions (three or more). */
int ld_tw_render_lineage(struct tw *w, size_t nver);

#endif /* LD_RENDER_TEXT_WRITER_H */
