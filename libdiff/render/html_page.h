/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render/html_page.h - what the two files of the HTML renderer share:
 * the labels, the page writer (buffered, escaping) and the page's
 * skeleton, all in html_page.c; render_html.c writes the units, the
 * summary and the lineage into it (consolidation_html.c its matrix of
 * responses).  The calls go one way, to html_page.c.  Private to those
 * files.
 */
#ifndef LD_RENDER_HTML_PAGE_H
#define LD_RENDER_HTML_PAGE_H

#include "render/render.h"

enum {
	H_EQUAL, H_CHANGED, H_MOVED, H_INSERTED, H_DELETED, H_SPLIT,
	H_MERGED,
	/* the classes in bit order: H_WORDING + ld_class_slot(bit) */
	H_WORDING, H_NUMBER, H_AMOUNT, H_DATE, H_PERIOD, H_TYPOGRAPHY,
	H_RENUMBER,
	H_LANGUAGE,
	H_SUMMARY, H_CLAUSES, H_SUBSTANTIVE, H_BYSECTION,
	H_SECTION, H_THROUGHOUT, H_SHOW, H_HIDE_NS,
	H_HIDE_EQ, H_HIDE_PE, H_SIDE, H_INLINE, H_LEGEND, H_INS_SR,
	H_DEL_SR, H_INS_LEG, H_DEL_LEG, H_MOVED_TO, H_MOVED_FROM,
	H_LINEAGE, H_CLAUSE, H_ABSENT, H_CHANGES, H_NODIFF, H_TITLE,
	H_CHANGES_OF, H_UNITS, H_TYPO_LEG, H_AMOUNTS, H_PARALLEL,
	/* counted clauses (Swedish plural), in op order */
	H_N_EQUAL, H_N_CHANGED, H_N_MOVED, H_N_INSERTED, H_N_DELETED,
	H_N_SPLIT, H_N_MERGED, H_N_RENUMBERED,
	H_OWN_COUNT,	/* then the words every renderer shares (LD_W_*) */
	H_OLD = H_OWN_COUNT + LD_W_OLD, H_NEW = H_OWN_COUNT + LD_W_NEW,
	H_TIMES = H_OWN_COUNT + LD_W_TIMES,
	H_NOSECTION = H_OWN_COUNT + LD_W_NOSECTION,
	H_ROW = H_OWN_COUNT + LD_W_ROW
};

/* A label in English and in Swedish (html_page.c). */
struct ld_hw_label {
	const char *en, *sv;
};
extern const struct ld_hw_label ld_hw_labels[];

struct hw {
	FILE *f;
	const ldiff_diff *d;
	int sv;
	unsigned hide;
	ld_buf b;
	int r;			/* first write error */
	size_t *slot;		/* moved-from places of the pair */
	ld_move *mv;		/* the moves of the pair by place */
	size_t nmv, mk;		/* their count, the cursor */
	ld_buf *vlab;		/* short version names */
};

/* A label in the page's language. */
static inline const char *
L(const struct hw *w, int id)
{
	if (id >= H_OWN_COUNT)
		return ld_word(id - H_OWN_COUNT, w->sv);
	return w->sv ? ld_hw_labels[id].sv : _(ld_hw_labels[id].en);
}

/* ---- html_page.c ---------------------------------------------------- */

/* The label of an operation. */
const char *ld_hw_op_label(const struct hw *w, ldiff_op op);
/* Write the buffer out when it grows: one page is many small appends. */
void ld_hw_flush(struct hw *w, int force);
/* Append s as it is (markup). */
void ld_hw_puts(struct hw *w, const char *s);
/* Append document text, HTML-escaped. */
void ld_hw_esc(struct hw *w, const char *s);
/* An attribute value: like esc, but a TAB or newline stays a character. */
void ld_hw_esc_attr(struct hw *w, const char *s);
/* The page's <head>: the style sheet and the security policy. */
void ld_hw_head(struct hw *w, const ldiff_render_opts *o);
/* The same head for another page (w->d unused): its title, and its own
 * rules after the review page's style sheet. */
void ld_hw_head_titled(struct hw *w, const char *title,
    const char *more_css);
/* Text of one side of an edit: how < 0 deleted, > 0 inserted, else
 * plain. */
void ld_hw_mark_n(struct hw *w, const char *s, size_t len, int how, int typo);
/* Deleted and inserted text (typo: a typography-only change). */
void ld_hw_del_text(struct hw *w, const char *s, int typo);
void ld_hw_ins_text(struct hw *w, const char *s, int typo);
/* The inputs are siblings of <nav> and <main> so ":checked ~" reaches
 * them; they come first and need no script. */
void ld_hw_controls(struct hw *w);
/* What the colours and marks of the page mean. */
void ld_hw_legend(struct hw *w);
/* A section of the agreement, with the filter combinations that hide
 * every unit of it as classes, so that no empty heading stays: q-e when
 * hiding unchanged clauses does, q-ne with non-substantive ones too, q-pe
 * with period shifts, q-npe with all three. */
void ld_hw_section_open(struct hw *w, size_t s, size_t hi);

#endif /* LD_RENDER_HTML_PAGE_H */
