/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sv/rewrite.h - shared by rewrite.c (the matcher) and rewrite_tables.c
 * (its data) only.  The matcher's own entry is in sv/sv.h.
 */
#ifndef LD_SV_REWRITE_H
#define LD_SV_REWRITE_H

typedef struct ld_numword {
	const char *word;
	int value;
} ld_numword;

/* NULL-terminated lists of NULL-terminated lists of "form|form|..." rows:
 * the forms of one row mean the same. */
extern const char *const *const ld_rewrite_groups[];
extern const ld_numword ld_rewrite_cardinals[];
extern const char *const ld_rewrite_articles[];
extern const ld_numword ld_rewrite_tens[];
extern const ld_numword ld_rewrite_ordinals[];
extern const ld_numword ld_rewrite_months[];
extern const char *const ld_rewrite_date_articles[];
extern const char *const ld_rewrite_clock[];
extern const char *const ld_rewrite_aux[];
extern const char *const ld_rewrite_subjunctions[];
extern const char *const ld_rewrite_not_supine[];

#endif
