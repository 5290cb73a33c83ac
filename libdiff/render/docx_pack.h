/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render/docx_pack.h - writing a WordprocessingML package: named parts
 * gathered in memory, zipped through libzip with fixed times and written
 * to a FILE * only when whole; XML text escaping (docx_pack.c).  For the
 * .docx writers that build a document of their own (paper_docx.c,
 * consolidation_docx.c): its fixed parts, runs, paragraphs and tables
 * (docx_doc.c).  Private to render/.
 */
#ifndef LD_RENDER_DOCX_PACK_H
#define LD_RENDER_DOCX_PACK_H

#include "render/render.h"

typedef struct ld_docx_parts {
	char **name;
	ld_buf *data;
	size_t n, cap;
} ld_docx_parts;

/* A new empty part named name; NULL when out of memory. */
ld_buf *ld_docx_part_add(ld_docx_parts *op, const char *name);
/* A part with the bytes of s. */
int ld_docx_part_adds(ld_docx_parts *op, const char *name, const char *s);
void ld_docx_parts_free(ld_docx_parts *op);
/* The parts zipped ([Content_Types].xml first) and written to out. */
int ld_docx_write_zip(const ld_docx_parts *op, FILE *out, ldiff_error *err);
/* Text for w:t or an attribute: escaped, the characters XML 1.0 forbids
 * dropped. */
void ld_docx_xml_text(ld_buf *b, const char *s, size_t len);

/* ---- a document of our own (docx_doc.c) ------------------------------ */

#define LD_DOCX_A4_W 11906	/* A4 in twips, portrait */
#define LD_DOCX_A4_H 16838
#define LD_DOCX_MARGIN 1417	/* 2,5 cm */
#define LD_DOCX_FONT_MAX 64

typedef struct ld_docx_font {
	char name[LD_DOCX_FONT_MAX];
	int half_points;
} ld_docx_font;

/* The body font of the agreement's .docx bytes (NULL: none): its Normal
 * style's, else its document defaults', else Times New Roman 11. */
void ld_docx_body_font(const void *docx, size_t len, ld_docx_font *f);

/* How a run looks; a note is italic in 9 points. */
enum {
	LD_RUN_PLAIN, LD_RUN_STRIKE, LD_RUN_UNDERLINE, LD_RUN_BOLD,
	LD_RUN_ITALIC, LD_RUN_NOTE
};
/* A run of text s[0..len) (a TAB written " | "); nothing when empty. */
void ld_docx_run(ld_buf *x, const char *s, size_t len, int how);
/* A paragraph of one run, in style (a styleId of ours: Title, Heading2,
 * ListBullet) or NULL for Normal. */
void ld_docx_para(ld_buf *x, const char *style, const char *s, int how);
/* <w:tc> and its properties: the width in twips, the grid columns it
 * spans, more properties (w:vMerge, w:shd ... in schema order) or NULL.
 * The caller writes the paragraphs and </w:tc>. */
void ld_docx_cell_open(ld_buf *x, int twips, int span, const char *more);
/* A ruled table of n columns of widths (twips) and its header row of
 * heads in bold, repeated on every page.  The caller writes the rows
 * (<w:tr><w:trPr><w:cantSplit/></w:trPr>...) and </w:tbl>. */
void ld_docx_table_open(ld_buf *x, const int *widths,
    const char *const *heads, size_t n);
/* word/document.xml: its start, and its end with the page (A4, portrait
 * or landscape, 2,5 cm margins). */
void ld_docx_document_open(ld_buf *x);
void ld_docx_document_close(ld_buf *x, int landscape);
/* The package of document doc (its bytes are taken; doc is left empty)
 * with the fixed parts: styles in font f and language sv (sv-SE, else
 * en-GB), title in the core properties; zipped and written to out. */
int ld_docx_write_document(ld_buf *doc, const ld_docx_font *f, int sv,
    const char *title, FILE *out, ldiff_error *err);

#endif /* LD_RENDER_DOCX_PACK_H */
