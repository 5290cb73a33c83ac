/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * wordml.h - the walker state shared by wordml.c (the event loop), docx.c
 * (turning a finished paragraph into a record, the part order) and
 * wordsym.c (symbol fonts).  Private to those files.
 *
 * The walker knows nothing of records: docx.c hands it a callback for
 * each finished paragraph, so the calls go one way (docx.c -> wordml.c).
 */
#ifndef LIBDIFF_WORDML_H
#define LIBDIFF_WORDML_H

#include "docx/docx.h"

struct walker;

/* Revision class of a piece of text. */
enum { REV_NONE, REV_INS, REV_DEL, REV_MTO, REV_MFROM, NREV };

/* Paragraph-mark revisions (w:pPr/w:rPr/w:ins ...). */
enum {
	MARK_INS = 1, MARK_DEL = 2, MARK_MFROM = 4, MARK_MTO = 8
};

enum { FLD_INSTR = 1, FLD_RESULT = 2 };

/* Kinds of ldiff_revision, in the order of docx.c's names. */
enum {
	RK_INS, RK_DEL, RK_MFROM, RK_MTO, RK_INS_MARK, RK_DEL_MARK,
	RK_COMMENT, NRK
};

#define MAX_AUTHOR 128
#define MAX_DATE 40
#define MAX_MARK 16

/* Who made a revision of a paragraph, and when (w:author, w:date). */
struct prev {
	int kind;		/* RK_* */
	char author[MAX_AUTHOR];
	char date[MAX_DATE];
};

/* A footnote or endnote reference met in a paragraph's text. */
struct pnote {
	size_t off;
	char mark[MAX_MARK];
};

#define MAX_FIELDS 64
#define MAX_AC 64
#define NCACHE 256

/* An open paragraph (a stack of them: text boxes nest). */
struct pctx {
	ld_buf text, refs;
	char style_id[256];
	int has_numid, num_id, has_ilvl, ilvl;
	int outline;		/* direct w:outlineLvl, -1 none */
	int mark;		/* MARK_* */
	size_t nrev[NREV];	/* bytes of text per revision class */
	int mstate;		/* markup mode: the open wrapper */
	int joined;		/* carried over a vanished paragraph mark */
	int revs_seen;
	int has_defer;		/* text boxes appended from defer_start */
	size_t defer_start;
	int drop_cap;		/* w:framePr w:dropCap: opens the next one */
	size_t hidden;		/* characters of hidden text left out */
	struct prev *revs;	/* distinct revisions, in order met */
	size_t nrevs, caprevs;
	struct pnote *notes;	/* note references, by offset */
	size_t nnotes, capnotes;
	char mauthor[MAX_AUTHOR];	/* markup: author of the open wrapper */
	size_t ordinal;		/* its w:p among those of the part, from 1
				 * (of the first, when marks joined several) */
};

/* Footnote and endnote marks as the reader sees them: counted in the
 * body's order, in the format settings.xml gives (docx.c). */
struct notemarks {
	struct nm {
		int endnote;
		char id[32];
		char mark[MAX_MARK];
	} *v;
	size_t n, cap;
	long count[2];		/* [0] footnotes, [1] endnotes */
	long start[2];
	char fmt[2][32];
};

/* An open table. */
struct tbl {
	int no, row, col;	/* col: next free grid column (0-based) */
	int cell_col, span, skip;
	int child_tables;	/* tables met in the current cell */
};

struct walker;

/* Called for each finished paragraph (not inside a suppressed cell, not
 * after a failure): 0, or an LDIFF_E* code already reported in w->err,
 * which stops the walk. */
typedef int wm_para_fn(void *ctx, struct walker *w, struct pctx *pc);

struct walker {
	ldiff_doc *d;
	const ld_styles *st;
	const ldiff_limits *lim;
	ldiff_changes_mode mode;
	ldiff_error *err;
	int rc;			/* first failure, sticky */
	ld_xml *x;
	const char *part;
	ldiff_para_kind part_kind;	/* PARAGRAPH for the body */
	const char *part_where;	/* "hdr:default" ..., or "" */
	int note_kind;		/* notes or comments part */
	char where_prefix[64];	/* "fn:2" inside a note */
	/* Called for each w:headerReference / w:footerReference. */
	int (*on_section_ref)(void *ctx, int header, const char *type,
	    const char *rid);
	void *cb_ctx;
	wm_para_fn *on_paragraph;	/* set by wm_walk */
	void *para_ctx;
	/* Called for each w:altChunk (imported content) with its r:id. */
	int (*on_alt_chunk)(void *ctx, struct walker *w, const char *rid);
	void *chunk_ctx;
	int authors;		/* markup marks name their authors */
	struct notemarks *nm;
	char note_mark[MAX_MARK];	/* inside a note: its mark */
	int in_comment;
	char cm_author[MAX_AUTHOR], cm_date[MAX_DATE];
	char rev_author[NREV][MAX_AUTHOR];	/* of the open w:ins ... */
	char rev_date[NREV][MAX_DATE];
	int in_rpr;		/* inside a run's w:rPr */
	int run_vanish;		/* the run's w:vanish: -1 not set */
	int run_hidden;		/* -1: not yet worked out */
	char run_style[128];	/* the run's w:rStyle */

	unsigned char *stack;	/* element classes, innermost last */
	size_t top, capstack;
	struct {
		const char *name;
		int ns;
		int el;
	} cache[NCACHE];

	struct pctx *pc;
	size_t p_seen;		/* w:p elements met in the part so far */
	size_t npc, cappc;
	int in_ppr, in_run, in_t;
	int ins, del, mfrom, mto;
	unsigned char fld[MAX_FIELDS];
	int nfld, ninstr;
	unsigned char ac[MAX_AC];
	int nac;
	struct tbl *tb;
	int ntb, captb;
	int body_tables;
	int suppress;		/* inside a vMerge continuation cell */
	ld_buf where;		/* scratch */
	/* The last style id, style name, place and refs stored, so that a
	 * run of paragraphs alike shares one copy (docx.c: kept()). */
	const char *kept[5];
};

/* Walk the part open in w->x, handing each finished paragraph to
 * on_paragraph(ctx, ...).  Returns 0 or the first failure. */
int wm_walk(struct walker *w, wm_para_fn *on_paragraph, void *ctx);
/* Record a revision of kind RK_* in pc (once per author and date). */
void wm_note_rev(struct walker *w, struct pctx *pc, int kind,
    const char *author, const char *date);
/* The mark of the next note reference (endnote or not, its w:id) in the
 * chosen view, kept for the note itself; "" when out of memory. */
const char *wm_note_number(struct walker *w, int endnote, const char *id);
/* The mark of a note by its w:id, or "" if never referenced. */
const char *wm_note_lookup(const struct walker *w, int endnote,
    const char *id);

#endif /* LIBDIFF_WORDML_H */
