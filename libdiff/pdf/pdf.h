/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf/pdf.h - the private seams of the PDF reader.
 *
 * A PDF has no paragraphs, only glyphs placed on pages.  The reader works
 * in three passes, each a file, after a scan:
 *
 *   scan.c       before poppler: every stream decoded and counted, the
 *                nesting measured, against the limits
 *   load.c       poppler-glib: per page, lines of text with their box,
 *                font size and weight, cut into cells at wide gaps
 *   furniture.c  what is not the agreement's text: running headers and
 *                footers, page numbers (by repetition and position),
 *                footnotes (a smaller font at the page foot)
 *   paragraphs.c lines -> paragraph records (ld_doc_add), headings by
 *                size rank, tables as rows of cells, pages joined again;
 *                hyphen.c decides what a line-end hyphen is
 *
 * Coordinates are PDF points with y growing down the page, as poppler
 * gives them.  Everything lives in the reader's arena.
 */
#ifndef LD_PDF_H
#define LD_PDF_H

#include "sv/sv.h"
#include "docx/doc.h"

/* What a line is, once furniture.c has looked at every page. */
enum {
	LD_PL_BODY = 0,
	LD_PL_HEADER,		/* running header, top of the page */
	LD_PL_FOOTER,		/* running footer or page number */
	LD_PL_NOTE		/* footnote text at the page foot */
};

/* A stretch of a line between two wide gaps: one table cell, or a list
 * label and its text. */
typedef struct ld_pdf_cell {
	char *text;
	double x0, x1;
} ld_pdf_cell;

typedef struct ld_pdf_line {
	char *text;		/* the cells joined by one space */
	ld_pdf_cell *cells;
	size_t ncells;
	double x0, y0, x1, y1;	/* the box of the line */
	double size;		/* the font size most of its glyphs have */
	int bold;		/* most glyphs in a bold face */
	const char *font;	/* the face of its first glyph */
	double first_w;		/* width of its first word */
	int role;		/* LD_PL_* */
	char *refs;		/* footnote marks stripped from it ("fn:1") */
	int note_mark;		/* a note line opening with its raised
				 * number: that number, else 0 */
} ld_pdf_line;

typedef struct ld_pdf_page {
	double width, height;
	ld_pdf_line *lines;	/* in poppler's reading order */
	size_t n;
} ld_pdf_page;

typedef struct ld_pdf {
	ld_arena *arena;
	ld_pdf_page *pages;
	size_t npages;
	size_t text_bytes;	/* all lines, for limits.max_total_bytes */
	double body_size;	/* the most used font size: body text */
	const char *body_font;	/* the face most of the text is in */
	const char *fonts[64];	/* the faces seen, interned */
	size_t nfonts;
} ld_pdf;

/* ---- scan.c ----------------------------------------------------------- */
/* The PDF's streams decoded and counted, its nesting measured, against
 * lim (max_part_bytes, max_total_bytes, max_ratio, max_xml_depth) before
 * poppler reads it: 0, LDIFF_ELIMIT or LDIFF_ENOMEM with err filled. */
int ld_pdf_scan(const void *data, size_t len, const ldiff_limits *lim,
    ldiff_error *err);

/* ---- load.c ----------------------------------------------------------- */
/* Every page's lines; LDIFF_EPDF, LDIFF_EENCRYPTED, LDIFF_ELIMIT,
 * LDIFF_ENOTEXT (no text layer: a scan) with err filled. */
int ld_pdf_load(ld_pdf *pdf, const void *data, size_t len,
    const ldiff_limits *lim, ldiff_error *err);
void ld_pdf_free(ld_pdf *pdf);

/* ---- furniture.c ------------------------------------------------------- */
/* Set each line's role: 0 or LDIFF_ENOMEM. */
int ld_pdf_furniture(ld_pdf *pdf);
/* The text with digit runs as '#', ASCII lowercased, spaces squeezed,
 * into buf: "Sida 3 av 12" and "sida 4 av 12" have one shape. */
void ld_pdf_shape(const char *s, char *buf, size_t size);
/* "Sida 3 av 12", "3 (12)", "- 3 -", "3/12", "3": a page number alone. */
int ld_pdf_is_page_number(const char *s);

/* ---- hyphen.c ---------------------------------------------------------- */
/* The document's words, to tell a typesetter's hyphen from a real one. */
typedef struct ld_hyphen ld_hyphen;
int ld_hyphen_new(ld_hyphen **out);
/* Learn the words of one line (before any ld_hyphen_join). */
int ld_hyphen_learn(ld_hyphen *h, const char *text);
void ld_hyphen_free(ld_hyphen *h);
/* How a line ending in "left-" meets the next line beginning "right":
 * LD_HY_JOIN "leftright", LD_HY_KEEP "left-right", LD_HY_SPACE "left- right"
 * ("kompetens- och").  left and right are the words next to the hyphen,
 * without it. */
enum { LD_HY_JOIN, LD_HY_KEEP, LD_HY_SPACE };
int ld_hyphen_join(ld_hyphen *h, const char *left, size_t nl,
    const char *right, size_t nr);

/* ---- paragraphs.c ------------------------------------------------------ */
int ld_pdf_paragraphs(ldiff_doc *d, const ld_pdf *pdf, ldiff_error *err);

#endif /* LD_PDF_H */
