/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render/render.h - what the renderers share: sections, moves, version labels.
 */
#ifndef LD_RENDER_H
#define LD_RENDER_H

#include "diff/diff.h"

/* ---- shared by the renderers (render_common.c) ----------------------- */
const char *ld_unit_section(const ldiff_unit *u);
#define LD_SLOT_NONE ((size_t)-1)	/* not a moved unit */
#define LD_SLOT_TOP ((size_t)-2)	/* before the pair's first unit */
/* For each unit i of pair (slot has ldiff_diff_count entries): for a moved
 * unit, the unit after which its clause stood in the old version, or
 * LD_SLOT_TOP; LD_SLOT_NONE for every other unit. */
int ld_moved_slots(const ldiff_diff *d, size_t pair, size_t *slot);
/* The moved units of [lo, hi) sorted by the place they left (the top
 * first), several at one place in their old order, for a cursor walk;
 * *out is ld_malloc'd (the caller ld_frees). */
typedef struct ld_move {
	size_t after;	/* slot[unit] */
	size_t unit;
	size_t old;	/* index of its first clause in the old version */
} ld_move;
int ld_moves_by_place(const ldiff_diff *d, size_t pair, const size_t *slot,
    size_t lo, size_t hi, ld_move **out, size_t *n);
/* Append a short name of a version: with years, the year range of the
 * file name ("2019–2022") when it has one; else the base name. */
int ld_version_label(ld_buf *b, const char *name, int years);
/* Whether the number of edit i of u is a rate in per cent: "%" or
 * "procent" in the edit or right after it ("2,5 procent", "3 %"). */
int ld_edit_is_percent(const ldiff_unit *u, size_t i);

/* The words every renderer uses, the same in each (render_common.c):
 * a renderer's label table numbers them after its own words. */
enum {
	LD_W_OLD, LD_W_NEW, LD_W_TIMES, LD_W_NOSECTION, LD_W_ROW, LD_W_PP1,
	LD_W_PP, LD_W_COUNT
};
/* Word id in Swedish (sv) or, through gettext, in English. */
const char *ld_word(int id, int sv);

/* A number the edit e changed, of one of classes (LDIFF_CLASS_AMOUNT,
 * LDIFF_CLASS_NUMBER): it has values and they differ. */
int ld_edit_value_changed(const ldiff_edit *e, unsigned classes);
/* Append "1 900 000 kr → 2 150 000 kr (+250 000 kr, +13,2 %)" (kronor for
 * an amount, a plain number else; "–" on the side a row inserted or
 * deleted whole lacks).  flags: 0 for text, LD_FMT_TYPO where
 * typography counts (U+2212 minus, no-break spaces). */
int ld_amount_change(ld_buf *b, const ldiff_edit *e, unsigned flags);
/* Append "2,5 % → 3 % (+0,5 procentenheter)": a rate moves in
 * percentage points, not in per cent of itself (ld_edit_is_percent).
 * sv and flags as for ld_word and ld_amount_change. */
int ld_rate_change(ld_buf *b, const ldiff_edit *e, int sv, unsigned flags);

/* ---- counting the units of a pair ------------------------------------ */
#define LD_N_OPS (LDIFF_OP_MERGED + 1)
/* Units counted the one way kldiff --stat and the page's summary count
 * them, so the two never disagree. */
typedef struct ld_unit_counts {
	size_t op[LD_N_OPS];	/* by operation, op[EQUAL] the unchanged */
	size_t renum;		/* renumbered only, counted apart from op[] */
	size_t hid_renum, hid_chg;	/* changes the filters hide */
	size_t cls[LD_N_CLASSES];	/* units with class 1 << k, the
					 * hidden classes left out */
	size_t substantive;	/* units with ldiff_unit.substantive */
} ld_unit_counts;
/* Count u into c under the hide flags (an unchanged clause is counted
 * whatever LDIFF_HIDE_EQUAL says); nonzero when u is a change shown. */
int ld_count_unit(ld_unit_counts *c, const ldiff_unit *u, unsigned hide);
/* to += c, field by field: a pair's counts from its sections'. */
void ld_add_counts(ld_unit_counts *to, const ld_unit_counts *c);
/* ld_unit_counts.cls is indexed by ld_class_slot() (diff.h). */

/* How the text renderers and the papers show the TAB between two cells
 * of a row inside text (Markdown escapes its bar, Word's redline keeps
 * a w:tab; the page's esc_n still spells it in its span). */
#define LD_CELL_SEP " | "

/* ---- JSON pieces (render_json.c) ------------------------------------- */
/* ["wording","amount"]: the classes in cls, in the order of ld_classes. */
void ld_json_classes(ld_buf *b, unsigned cls);
/* The edits other than equal as a JSON array; values: with old_value
 * and new_value where the edit has them (the side that has one). */
void ld_json_edits(ld_buf *b, const ldiff_edit *edits, size_t n,
    int values);

/* 0, or LDIFF_EINVAL when o is of a version this library does not read
 * (the renderers have no ldiff_error: the code alone says it). */
int ld_check_render_opts(const ldiff_render_opts *o);
/* *o, or when it is NULL the defaults put in *def and *o pointed at them;
 * then checked as ld_check_render_opts(). */
int ld_render_opts_or_default(const ldiff_render_opts **o,
    ldiff_render_opts *def);
/* o (NULL: the defaults) as a struct of this library's version, the
 * fields newer than o's version at their defaults. */
void ld_render_opts_full(const ldiff_render_opts *o,
    ldiff_render_opts *full);

#endif /* LD_RENDER_H */
