/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render/docx_pack.h - writing a WordprocessingML package: named parts
 * gathered in memory, zipped through libzip with fixed times and written
 * to a FILE * only when whole; XML text escaping.  For the .docx writers
 * that build a package of their own (paper_docx.c).  Private to render/.
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

#endif /* LD_RENDER_DOCX_PACK_H */
