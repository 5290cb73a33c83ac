/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * docx.h - the private seams between the .docx readers of libdiff.
 *
 * package.c opens the zip (through libzip) and streams its parts under
 * the inflation limits; xmlread.c streams one part through a locked-down
 * libxml2 reader; rels.c reads the relationships that name the parts;
 * styles.c and numbering.c turn styles.xml and numbering.xml into lookup
 * tables; wordml.c walks the
 * document parts and appends paragraphs.  Only these files include this
 * header; everything the rest of the library needs is in internal.h.
 */
#ifndef LIBDIFF_DOCX_H
#define LIBDIFF_DOCX_H

#include "clause/clause.h"

/* ---- package.c ------------------------------------------------------ */
typedef struct ld_pkg ld_pkg;

int ld_pkg_open_file(ld_pkg **out, const char *path,
    const ldiff_limits *lim, ldiff_error *err);
int ld_pkg_open_mem(ld_pkg **out, const void *data, size_t len,
    const ldiff_limits *lim, ldiff_error *err);
void ld_pkg_close(ld_pkg *p);
const ldiff_limits *ld_pkg_limits(const ld_pkg *p);
/* 1 if the package has a part of that name (case-insensitive). */
int ld_pkg_has_part(ld_pkg *p, const char *name);
/* The names of the package's entries, in directory order. */
size_t ld_pkg_count(const ld_pkg *p);
const char *ld_pkg_name(const ld_pkg *p, size_t i);

/* A part opened for streaming.  ld_part_read returns bytes read, 0 at the
 * end, or a negative LDIFF_E* (limits are checked on the bytes actually
 * inflated, not on what the zip directory claims). */
typedef struct ld_part ld_part;
int ld_part_open(ld_part **out, ld_pkg *p, const char *name,
    ldiff_error *err);
long ld_part_read(ld_part *pt, char *buf, size_t len, ldiff_error *err);
void ld_part_close(ld_part *pt);

/* ---- xmlread.c ------------------------------------------------------ */

/* Namespaces we care about; transitional and Strict count as one. */
enum {
	LD_NS_OTHER = 0,
	LD_NS_W,	/* wordprocessingml main */
	LD_NS_R,	/* officeDocument relationships (r:id) */
	LD_NS_MC,	/* markup compatibility */
	LD_NS_PKGREL	/* package relationships (.rels) */
};

typedef struct ld_xml ld_xml;

/* Node types handed out by ld_xml_next. */
enum {
	LD_XML_START = 1,	/* element start (check ld_xml_empty) */
	LD_XML_END,		/* element end (also synthesised for empty ones) */
	LD_XML_TEXT		/* character data, white space included */
};

int ld_xml_open(ld_xml **out, ld_pkg *p, const char *part,
    ldiff_error *err);
void ld_xml_close(ld_xml *x);
/* Next node: LD_XML_START/END/TEXT, 0 at the end of the part, or a
 * negative LDIFF_E* with err filled (part name and line). */
int ld_xml_next(ld_xml *x, ldiff_error *err);
/* Of the current element or text node. */
int ld_xml_ns(ld_xml *x);
const char *ld_xml_name(ld_xml *x);	/* local name */
int ld_xml_depth(ld_xml *x);
const char *ld_xml_text(ld_xml *x);	/* LD_XML_TEXT only */
/* Copy the attribute ns:name of the current start element into buf
 * (truncated to size-1).  Returns 1 if present, 0 if not. */
int ld_xml_attr(ld_xml *x, int ns, const char *name, char *buf,
    size_t size);
/* Skip the children of the current start element: the next node is its
 * end (or what follows an empty element). */
void ld_xml_skip(ld_xml *x);
/* For a writer that copies a part node by node (the DOCX redline): the
 * qualified name of the current start element ("w:p"), whether it is
 * empty (<w:b/>), and its start tag as it stands - every attribute and
 * namespace declaration, values escaped - appended to out ("/>" closes an
 * empty one).  Returns 0 or LDIFF_ENOMEM. */
const char *ld_xml_qname(ld_xml *x);
int ld_xml_empty(ld_xml *x);
int ld_xml_write_start(ld_xml *x, ld_buf *out);
const char *ld_xml_part(const ld_xml *x);
long ld_xml_line(ld_xml *x);

/* ---- rels.c --------------------------------------------------------- */

/* One relationship of a part's .rels: the type's last path segment
 * ("styles", "footnotes", "header" ...), its id and the resolved part name
 * (zip entry name, no leading slash).  External targets are left out. */
typedef struct ld_rel {
	char *type;
	char *id;
	char *target;
} ld_rel;

typedef struct ld_rels {
	ld_rel *v;
	size_t n;
} ld_rels;

/* The relationships of part ("" for the package itself).  A missing .rels
 * part gives an empty set.  Free with ld_rels_free. */
int ld_pkg_rels(ld_pkg *p, const char *part, ld_rels *out,
    ldiff_error *err);
void ld_rels_free(ld_rels *r);
/* First relationship of that type, or NULL. */
const ld_rel *ld_rels_by_type(const ld_rels *r, const char *type);
const ld_rel *ld_rels_by_id(const ld_rels *r, const char *id);

/* ---- styles.c ------------------------------------------------------- */

typedef struct ld_styles ld_styles;

/* Parse styles.xml (part may be NULL: an empty table). */
int ld_styles_load(ld_styles **out, ld_pkg *p, const char *part,
    ldiff_error *err);
void ld_styles_free(ld_styles *s);
/* The default paragraph style id, or "" */
const char *ld_styles_default_para(const ld_styles *s);
/* Display name as Word shows it ("Heading 1"), or "" if unknown id. */
const char *ld_styles_name(const ld_styles *s, const char *id);
/* Heading level 1..9 from the style or its basedOn chain, else 0. */
int ld_styles_heading(const ld_styles *s, const char *id);
/* Numbering inherited through the style chain: 1 if a numId is set. */
int ld_styles_numpr(const ld_styles *s, const char *id, int *num_id,
    int *ilvl);
/* Hidden text (w:vanish) from the style or its basedOn chain: 1 hidden,
 * 0 shown, -1 when no style in the chain says. */
int ld_styles_vanish(const ld_styles *s, const char *id);
/* For numbering.c: the numId a style links (w:numStyleLink), or 0. */
int ld_styles_style_numid(const ld_styles *s, const char *id);

/* ---- numbering.c ---------------------------------------------------- */

typedef struct ld_numbering ld_numbering;
typedef struct ld_numstate ld_numstate;

int ld_numbering_load(ld_numbering **out, ld_pkg *p, const char *part,
    const ld_styles *st, ldiff_error *err);
void ld_numbering_free(ld_numbering *n);
/* Counters for one story (the body, or one other part). */
ld_numstate *ld_numstate_new(const ld_numbering *n);
void ld_numstate_free(ld_numstate *s);
/* Count a paragraph of numId/ilvl and write its label into lab.  Returns
 * 1 when the paragraph is numbered (a level is defined), 0 when not,
 * LDIFF_ENOMEM. */
int ld_numstate_next(ld_numstate *s, int num_id, int ilvl, ld_buf *lab);
/* Format one number (decimal, lowerRoman, upperLetter ...) into b. */
int ld_num_format(ld_buf *b, const char *fmt, long n);

/* ---- altchunk.c ----------------------------------------------------- */

/* The paragraphs of an imported part (w:altChunk) as a document of their
 * own, depth packages deep.  A part that cannot be read gives a negative
 * code with err saying why (LDIFF_ENOMEM is the caller's failure; any
 * other code is the chunk's). */
typedef int ld_nested_docx_fn(ldiff_doc **out, const void *data,
    size_t len, const ldiff_extract_opts *o, int depth, ldiff_error *err);
/* A part that is itself a .docx is handed to read_nested (docx.c's
 * reader, passed in so that this file never calls back into it). */
int ld_altchunk_read(ldiff_doc **out, ld_pkg *p, const char *part,
    const ldiff_extract_opts *o, int depth, ld_nested_docx_fn *read_nested,
    ldiff_error *err);
/* ---- wordsym.c ------------------------------------------------------ */

/* Unicode for a w:sym character in a symbol font. */
int32_t wm_symbol(const char *font, int32_t cp);

/* ---- wordml.c ------------------------------------------------------- */

/* Walk the main part of an open package and append every paragraph to d. */
int ld_wordml_read(ldiff_doc *d, ld_pkg *p, const ldiff_extract_opts *o,
    ldiff_error *err);

#endif /* LIBDIFF_DOCX_H */
