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


/* 0, or LDIFF_EINVAL when o is of a version this library does not read
 * (the renderers have no ldiff_error: the code alone says it). */
int ld_check_render_opts(const ldiff_render_opts *o);

#endif /* LD_RENDER_H */
