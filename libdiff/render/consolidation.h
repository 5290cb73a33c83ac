/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render/consolidation.h - what the renderers of a consolidation share:
 * its words, in English and Swedish, in one table (render_consolidation.c)
 * so that the text, the Word summary (consolidation_docx.c) and the page
 * (consolidation_html.c) name things alike.  The calls go one way, from
 * the Word and HTML writers to render_consolidation.c.  Private to those
 * files.
 */
#ifndef LD_RENDER_CONSOLIDATION_H
#define LD_RENDER_CONSOLIDATION_H

#include "render/render.h"

enum {
	K_TITLE, K_NOTHING, K_AGAINST, K_CONFLICT, K_COMMENT,
	K_AFTER, K_TOP, K_GENERAL, K_CLAUSE, K_PARTY, K_NONE,
	/* the summary in Word (remissammanställning) and the page */
	K_SUMMARY, K_DRAFT, K_PARTIES, K_DATE, K_COL_PLACE, K_COL_PARTY,
	K_COL_SAID, K_COL_ANSWER, K_CONFLICT_NOTE, K_REMARK,
	/* the page */
	K_MATRIX, K_BY_CLAUSE, K_LEGEND, K_DRAFT_TEXT, K_GROUP, K_HINT,
	K_MARK_COMMENT, K_NO_SECTION, K_COUNT
};

/* Label k in Swedish (sv) or, through gettext, in English. */
const char *ld_cons_label(int k, int sv);
/* The section a record is told under: its draft clause's, or the one of
 * the clause an insertion follows (NULL at the top). */
const char *ld_cons_section(const ldiff_consolidation *c,
    const ldiff_consolidated *r);
/* Does the proposal change a word (a split may change none)? */
int ld_cons_changes_words(const ldiff_proposal *p);
/* An operation: "changed" ("ändrad"); short, for a matrix cell: "chg"
 * ("ändr"); as a proposal to a committee: "New wording" ("Ny lydelse"). */
const char *ld_cons_op(ldiff_op op, int sv);
const char *ld_cons_op_short(ldiff_op op, int sv);
const char *ld_cons_proposes(ldiff_op op, int sv);
/* A document for a Swedish committee is Swedish unless English is asked
 * for (lang "en"), as the review page and the papers are. */
int ld_cons_swedish(const ldiff_render_opts *o);

#endif /* LD_RENDER_CONSOLIDATION_H */
