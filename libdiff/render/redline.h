/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * redline.h - the seams of the DOCX redline: render_docx.c (the package),
 * redline_copy.c / redline_region.c / redline_emit.c (NEW's document part
 * copied node by node with the revisions put in) and redline_rebuild.c
 * (paragraphs written from clause text where NEW has none to copy).
 */
#ifndef LIBDIFF_REDLINE_H
#define LIBDIFF_REDLINE_H

#include "docx/docx.h"
#include "render/docx_pack.h"
#include "render/render.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships"
#define GRID_TWIPS 9000		/* text width of an A4 page, in twips */

enum { MARK_NONE, MARK_INS, MARK_DEL, MARK_MOVE_FROM, MARK_MOVE_TO };

struct dw {
	ld_buf x;		/* word/document.xml */
	const ldiff_diff *d;
	const char *author;
	const char *title;	/* --title, or NULL: NEW's stays */
	char date[64];
	long id;		/* next revision id */
	long move;		/* next move name */
	int plain;		/* our own package: numbers are typed */
	size_t cols;		/* cells of the open table, 0 = none */
	const char *cell_style;	/* style of the row's cells, or NULL */
	size_t *slot;		/* moved-from places */
	size_t *move_name;	/* move number per moved unit */
	ld_move *mv;		/* the moves by the place they left */
	size_t nmv, mk;		/* their count, the cursor */
};

extern const char *const dw_mark_el[];	/* NULL, "w:ins", "w:del" ... */

/* redline_rebuild.c: paragraphs and rows rebuilt from clause text */
void dw_rev_attrs(struct dw *w);
void dw_whole_para(struct dw *w, const ldiff_clause *c, int mark, long move);
void dw_row_cells(struct dw *w, const ldiff_clause *c, int mark);
void dw_table_open(struct dw *w, size_t lo, size_t hi);
void dw_table_close(struct dw *w);
void dw_moves_after(struct dw *w, size_t after);
int dw_unit_is_row(const ldiff_unit *u);
int dw_unit_in_body(const ldiff_unit *u);
int dw_typed_label(const struct dw *w, const ldiff_clause *c);
size_t dw_cells(const ldiff_clause *c);	/* a row's cells, else 1 */
int dw_cells_intact(const ldiff_unit *u, size_t cols);
/* The units of the last pair [*lo, *hi) and where moved clauses stood
 * (w->mv, w->move_name); 0 or LDIFF_ENOMEM. */
int dw_pair_units(struct dw *w, size_t *lo, size_t *hi);
/* The whole body rebuilt, unit by unit. */
int dw_rebuilt_body(struct dw *w);

/* redline_copy.c: NEW's document part (name) copied from the package
 * bytes with the revisions of the last pair.  0 and w->x filled; 1 when
 * NEW holds a construct the copy does not take (its own deleted
 * paragraph marks or rows, cell revisions, a part not in the w: prefix):
 * w->x is then reset and the caller rebuilds the document; else an
 * LDIFF_E* code with err filled. */
int dw_copy_document(struct dw *w, const void *docx, size_t len,
    const char *name, ldiff_error *err);

/* ---- redline_region.c: one paragraph or row of NEW, captured --------- */

/* What a captured region holds, in order.  Offsets a/t are into rl.s. */
enum {
	RI_RAW,		/* markup copied as it stands (a) */
	RI_RUN,		/* a run opens: its start tag (a), its w:rPr (t) */
	RI_RUNEND,	/* the run closes */
	RI_TEXT,	/* the text of a w:t (t); it may be cut */
	RI_CHAR,	/* w:tab, w:br, w:sym ...: markup (a) and text (t) */
	RI_ZERO,	/* run content without text: a drawing, a field
			 * character, a note reference (a) */
	RI_SEP,		/* text between cells (TAB) or a cell's
			 * paragraphs (LF) that no markup carries (t) */
	RI_PEND,	/* a paragraph's end tag comes next; sub 1: the
			 * region's own paragraph */
	RI_PMARK,	/* where the paragraph mark's revision goes: sub 0
			 * inside w:pPr/w:rPr, 1 a w:rPr of its own, 2 a
			 * w:pPr of its own too */
	RI_BODY,	/* the paragraph's content starts (after w:pPr) */
	RI_TRMARK	/* where a row's revision goes: sub 0 inside w:trPr,
			 * 1 a w:trPr of its own */
};

struct rl_item {
	int type, sub;
	size_t a, alen, t, tlen;
};

/* The copier: the reader, the w:p count kept as docx/wordml.c keeps it,
 * the element frames, and the region being captured. */
struct rl {
	struct dw *w;
	ld_xml *x;
	ldiff_error *err;
	size_t p_seen;		/* w:p met outside skipped branches */
	unsigned char *frame;	/* kinds of the open elements */
	size_t top, capframe;
	unsigned char ac[64];	/* mc:AlternateContent: a branch taken */
	int nac, hidden;
	struct rl_item *it;
	size_t nit, capit;
	ld_buf s;		/* markup and text of the items */
	ld_buf text;		/* the region's text, as the reader has it */
	/* placing the units (redline_copy.c) */
	size_t lo, hi, done;	/* the pair's units; next one to place */
	size_t *unit_of;	/* w:p ordinal -> unit + 1, 0 none */
	size_t *k_of;		/* -> index among the unit's new clauses */
	size_t nmap;
	int tables;		/* tables open around the copy point */
	int top_moves;		/* the moves before the first unit placed */
};

/* Frame kinds: the parents the copy asks about. */
enum { F_OTHER, F_P, F_PPR, F_PRPR, F_R, F_RRPR, F_TR, F_TRPR, F_TC,
	F_HIDDEN };

/* The next node (ld_xml_next), counting w:p and keeping the frames. */
int rl_next(struct rl *r);
/* The kind of the current element's parent. */
int rl_parent(const struct rl *r);
/* The current start element and its content to out in the accept view of
 * NEW's own revisions: 0, 1 (a construct only the rebuild takes), or an
 * LDIFF_E* code. */
int rl_copy_element(struct rl *r, ld_buf *out);
/* The current w:p (row 0) or w:tr (row 1) into r->it, r->text. */
int rl_capture(struct rl *r, int row);
void rl_free(struct rl *r);

/* ---- redline_emit.c: a captured region written with its revisions ------ */

struct rl_del {
	size_t at;		/* offset into the region's text */
	size_t off, len;	/* the deleted text, in rl_ops.dtext */
};

struct rl_ops {
	size_t *ins;		/* inserted spans: ins[2i] .. ins[2i+1] */
	size_t nins, capins;
	struct rl_del *del;
	size_t ndel, capdel;
	ld_buf dtext;
	int wrap;		/* MARK_INS / MARK_MOVE_TO: all of it, or 0 */
	int pmark;		/* the paragraph mark's revision, or 0 */
	int trmark;		/* the row's, or 0 */
	long move;		/* move range name, or 0 */
};

void rl_ops_init(struct rl_ops *o);
void rl_ops_free(struct rl_ops *o);
int rl_ops_ins(struct rl_ops *o, size_t from, size_t to);
int rl_ops_del(struct rl_ops *o, size_t at, const char *s, size_t len);
/* The captured region to r->w->x with o's revisions. */
void rl_emit(struct rl *r, const struct rl_ops *o);

#endif /* LIBDIFF_REDLINE_H */
