/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * docx_doc.c - a Word document of our own: the fixed parts of its
 * package, its runs and paragraphs, its tables.
 *
 * The committee papers (paper_docx.c) and the consultation summary
 * (consolidation_docx.c) are documents of their own, not edits of the
 * agreement, so their package is ours: A4, styles for a title, headings,
 * a bulleted list and a ruled table, and the body font of the agreement
 * itself when its .docx is given (its Normal style's w:rFonts and w:sz,
 * else its document defaults), so that the paper looks like the papers
 * it goes with.  A table's header row repeats on every page
 * (w:tblHeader) and no row breaks across pages (w:cantSplit).  The
 * writers fill word/document.xml between ld_docx_document_open and
 * ld_docx_document_close and hand it to ld_docx_write_document, which
 * zips it with the fixed parts (docx_pack.c).
 */
#include <stdlib.h>
#include <string.h>

#include "docx/docx.h"
#include "render/docx_pack.h"
#include "render/render.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/"
#define CT_DOC "application/vnd.openxmlformats-officedocument." \
	"wordprocessingml."

/* ---- the agreement's body font ------------------------------------------ */

/* The value of attr="..." inside the element that starts at el, when the
 * element (up to its '>') has it. */
static int
attr_in(const char *el, const char *attr, char *out, size_t size)
{
	const char *end = strchr(el, '>'), *a = strstr(el, attr), *q;
	size_t n;

	if (end == NULL || a == NULL || a > end || a[strlen(attr)] != '"')
		return 0;
	a += strlen(attr) + 1;
	if ((q = strchr(a, '"')) == NULL || q > end)
		return 0;
	n = (size_t)(q - a) < size - 1 ? (size_t)(q - a) : size - 1;
	memcpy(out, a, n);
	out[n] = '\0';
	return n > 0;
}

/* The font and size inside [from, to) of styles.xml. */
static void
font_in(const char *from, const char *to, ld_docx_font *f)
{
	const char *p;
	char sz[16];

	if (from == NULL || to == NULL)
		return;
	if ((p = strstr(from, "<w:rFonts ")) != NULL && p < to &&
	    f->name[0] == '\0')
		attr_in(p, "w:ascii=", f->name, sizeof f->name);
	if ((p = strstr(from, "<w:sz ")) != NULL && p < to &&
	    f->half_points == 0 && attr_in(p, "w:val=", sz, sizeof sz))
		f->half_points = (int)strtol(sz, NULL, 10);
}

static void
styles_font(const char *s, ld_docx_font *f)
{
	const char *normal = strstr(s, "w:styleId=\"Normal\"");
	const char *defs = strstr(s, "<w:docDefaults");

	font_in(normal, normal != NULL ? strstr(normal, "</w:style>") : NULL,
	    f);
	font_in(defs, defs != NULL ? strstr(defs, "</w:docDefaults>") : NULL,
	    f);
}

/* The agreement's styles.xml, read under the default limits; a package
 * without one (or unreadable) leaves the default font. */
void
ld_docx_body_font(const void *docx, size_t len, ld_docx_font *f)
{
	ld_pkg *p = NULL;
	ld_part *pt = NULL;
	ld_buf b;
	char tmp[8192];
	long n = 0;

	strcpy(f->name, "Times New Roman");
	f->half_points = 0;
	if (docx == NULL || ld_pkg_open_mem(&p, docx, len, NULL, NULL) != 0)
		goto out;
	ld_buf_init(&b);
	if (ld_part_open(&pt, p, "word/styles.xml", NULL) == 0) {
		while ((n = ld_part_read(pt, tmp, sizeof tmp, NULL)) > 0)
			ld_buf_add(&b, tmp, (size_t)n);
		ld_part_close(pt);
	}
	if (n == 0 && !b.oom && b.len > 0) {
		f->name[0] = '\0';
		styles_font(ld_buf_str(&b), f);
		if (f->name[0] == '\0')
			strcpy(f->name, "Times New Roman");
	}
	ld_buf_free(&b);
	ld_pkg_close(p);
out:
	if (f->half_points < 16 || f->half_points > 48)
		f->half_points = 22;
}

/* ---- the fixed parts --------------------------------------------------- */

static const char types_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Types xmlns=\"" PKG_NS "content-types\"><Default Extension=\"rels\" "
"ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
"<Override PartName=\"/word/document.xml\" ContentType=\"" CT_DOC
"document.main+xml\"/><Override PartName=\"/word/styles.xml\" "
"ContentType=\"" CT_DOC "styles+xml\"/><Override PartName=\"/word/"
"numbering.xml\" ContentType=\"" CT_DOC "numbering+xml\"/><Override "
"PartName=\"/docProps/core.xml\" ContentType=\"application/vnd."
"openxmlformats-package.core-properties+xml\"/></Types>\n";

static const char rels_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"" PKG_NS "relationships\"><Relationship Id=\"rId1\" "
"Type=\"" R_NS "/officeDocument\" Target=\"word/document.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"" PKG_NS "relationships/metadata/"
"core-properties\" Target=\"docProps/core.xml\"/></Relationships>\n";

static const char doc_rels_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"" PKG_NS "relationships\"><Relationship Id=\"rId1\" "
"Type=\"" R_NS "/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" "
"Type=\"" R_NS "/numbering\" Target=\"numbering.xml\"/></Relationships>\n";

/* One bulleted list: an en dash, indented. */
static const char numbering_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<w:numbering xmlns:w=\"" W_NS "\"><w:abstractNum w:abstractNumId=\"0\">"
"<w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start "
"w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\""
"\xe2\x80\x93\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"357\" "
"w:hanging=\"357\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
"<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>\n";

#define HEADING(id, name, size) \
"<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" \
name "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>" \
"<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" " \
"w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"" size "\"/>" \
"</w:rPr></w:style>"

static int
styles_part(ld_docx_parts *op, const ld_docx_font *f, int sv)
{
	ld_buf *b = ld_docx_part_add(op, "word/styles.xml");

	if (b == NULL)
		return LDIFF_ENOMEM;
	ld_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:styles xmlns:w=\"" W_NS "\">"
	    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"");
	ld_docx_xml_text(b, f->name, strlen(f->name));
	ld_buf_adds(b, "\" w:hAnsi=\"");
	ld_docx_xml_text(b, f->name, strlen(f->name));
	ld_buf_adds(b, "\" w:cs=\"");
	ld_docx_xml_text(b, f->name, strlen(f->name));
	ld_buf_printf(b, "\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
	    "<w:lang w:val=\"%s\"/></w:rPr></w:rPrDefault><w:pPrDefault>"
	    "<w:pPr><w:spacing w:after=\"80\"/></w:pPr></w:pPrDefault>"
	    "</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" "
	    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
	    "</w:style>", f->half_points, f->half_points, sv ? "sv-SE" :
	    "en-GB");
	ld_buf_adds(b, HEADING("Title", "Title", "32") HEADING("Heading2",
	    "heading 2", "26") "<w:style w:type=\"paragraph\" w:styleId="
	    "\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val="
	    "\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
	    "</w:pPr></w:style><w:style w:type=\"table\" w:styleId=\"Table\">"
	    "<w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
	    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/>"
	    "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	    "</w:style></w:styles>\n");
	return b->oom ? LDIFF_ENOMEM : 0;
}

static int
core_part(ld_docx_parts *op, const char *title)
{
	ld_buf *b = ld_docx_part_add(op, "docProps/core.xml");

	if (b == NULL)
		return LDIFF_ENOMEM;
	ld_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"" PKG_NS
	    "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/"
	    "elements/1.1/\"><dc:title>");
	ld_docx_xml_text(b, title, strlen(title));
	ld_buf_adds(b, "</dc:title></cp:coreProperties>\n");
	return b->oom ? LDIFF_ENOMEM : 0;
}

/* ---- runs and paragraphs ------------------------------------------------- */

void
ld_docx_run(ld_buf *x, const char *s, size_t len, int how)
{
	static const char *const rpr[] = {
		[LD_RUN_PLAIN] = "",
		[LD_RUN_STRIKE] = "<w:rPr><w:strike/></w:rPr>",
		[LD_RUN_UNDERLINE] = "<w:rPr><w:u w:val=\"single\"/></w:rPr>",
		[LD_RUN_BOLD] = "<w:rPr><w:b/></w:rPr>",
		[LD_RUN_ITALIC] = "<w:rPr><w:i/></w:rPr>",
		[LD_RUN_NOTE] = "<w:rPr><w:i/><w:sz w:val=\"18\"/>"
		    "<w:szCs w:val=\"18\"/></w:rPr>",
	};

	if (len == 0)
		return;
	ld_buf_adds(x, "<w:r>");
	ld_buf_adds(x, how >= 0 && how <= LD_RUN_NOTE ? rpr[how] : "");
	ld_buf_adds(x, "<w:t xml:space=\"preserve\">");
	while (len > 0) {
		const char *tab = memchr(s, '\t', len);
		size_t k = tab != NULL ? (size_t)(tab - s) : len;

		ld_docx_xml_text(x, s, k);
		if (tab == NULL)
			break;
		ld_buf_adds(x, LD_CELL_SEP);
		s += k + 1;
		len -= k + 1;
	}
	ld_buf_adds(x, "</w:t></w:r>");
}

void
ld_docx_para(ld_buf *x, const char *style, const char *s, int how)
{
	ld_buf_adds(x, "<w:p>");
	if (style != NULL)
		ld_buf_printf(x, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
		    style);
	ld_docx_run(x, s, strlen(s), how);
	ld_buf_adds(x, "</w:p>");
}

/* ---- tables ---------------------------------------------------------------- */

void
ld_docx_cell_open(ld_buf *x, int twips, int span, const char *more)
{
	ld_buf_printf(x, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>",
	    twips);
	if (span > 1)
		ld_buf_printf(x, "<w:gridSpan w:val=\"%d\"/>", span);
	if (more != NULL)
		ld_buf_adds(x, more);
	ld_buf_adds(x, "</w:tcPr>");
}

void
ld_docx_table_open(ld_buf *x, const int *widths, const char *const *heads,
    size_t n)
{
	size_t k;
	int total = 0;

	for (k = 0; k < n; k++)
		total += widths[k];
	ld_buf_printf(x, "<w:tbl><w:tblPr><w:tblStyle w:val=\"Table\"/>"
	    "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
	    "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
	    "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" "
	    "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>", total);
	for (k = 0; k < n; k++)
		ld_buf_printf(x, "<w:gridCol w:w=\"%d\"/>", widths[k]);
	ld_buf_adds(x, "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
	    "</w:trPr>");
	for (k = 0; k < n; k++) {
		ld_docx_cell_open(x, widths[k], 1, NULL);
		ld_docx_para(x, NULL, heads[k], LD_RUN_BOLD);
		ld_buf_adds(x, "</w:tc>");
	}
	ld_buf_adds(x, "</w:tr>");
}

/* ---- the document ---------------------------------------------------------- */

void
ld_docx_document_open(ld_buf *x)
{
	ld_buf_adds(x, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:document xmlns:w=\"" W_NS "\" "
	    "xmlns:r=\"" R_NS "\"><w:body>");
}

void
ld_docx_document_close(ld_buf *x, int landscape)
{
	ld_buf_printf(x, "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"%s/>"
	    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" "
	    "w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>"
	    "</w:body></w:document>\n", landscape ? LD_DOCX_A4_H : LD_DOCX_A4_W,
	    landscape ? LD_DOCX_A4_W : LD_DOCX_A4_H, landscape ?
	    " w:orient=\"landscape\"" : "", LD_DOCX_MARGIN, LD_DOCX_MARGIN,
	    LD_DOCX_MARGIN, LD_DOCX_MARGIN);
}

int
ld_docx_write_document(ld_buf *doc, const ld_docx_font *f, int sv,
    const char *title, FILE *out, ldiff_error *err)
{
	ld_docx_parts op;
	ld_buf *part;
	int r;

	memset(&op, 0, sizeof op);
	r = ld_docx_part_adds(&op, "[Content_Types].xml", types_xml);
	if (r == 0)
		r = ld_docx_part_adds(&op, "_rels/.rels", rels_xml);
	if (r == 0)
		r = ld_docx_part_adds(&op, "word/_rels/document.xml.rels",
		    doc_rels_xml);
	if (r == 0)
		r = ld_docx_part_adds(&op, "word/numbering.xml", numbering_xml);
	if (r == 0)
		r = styles_part(&op, f, sv);
	if (r == 0)
		r = core_part(&op, title);
	if (r == 0 && doc->oom)
		r = LDIFF_ENOMEM;
	if (r == 0 && (part = ld_docx_part_add(&op, "word/document.xml")) ==
	    NULL)
		r = LDIFF_ENOMEM;
	if (r == 0) {
		*part = *doc;	/* the parts own it now */
		ld_buf_init(doc);
		r = ld_docx_write_zip(&op, out, err);
	} else
		ld_error(err, r, NULL);
	ld_docx_parts_free(&op);
	return r;
}
