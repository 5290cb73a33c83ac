/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_docx.c - the last version as a .docx with every difference from
 * the one before as a tracked change (a redline): the package.
 *
 * Reviewers open it in Word or LibreOffice and accept or reject change by
 * change, so the package must be the new version itself: every part of
 * NEW's package (styles, numbering, settings, theme, fonts, headers,
 * relationships) is copied as it is, and the main document part is NEW's
 * own, copied node by node with the revisions put in (redline_copy.c):
 * every run keeps its formatting, and hyperlinks, fields, bookmarks,
 * drawings, section breaks, content controls and note references stay
 * where they are.  NEW's own tracked changes are accepted on the way.
 * When NEW's part holds what the copy does not take (its own deleted
 * paragraph marks or rows, cell revisions, a prefix other than w:), and
 * for clause streams (no NEW package: a small package of our own), the
 * body is rebuilt from the clauses' text (redline_rebuild.c), as before.
 * Either way accepting everything gives NEW's text and rejecting
 * everything OLD's.  Footnotes, headers and footers are NEW's, unmarked:
 * their clauses are not body paragraphs (known gap: a changed footnote is
 * not a tracked change).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "render/docx_pack.h"
#include "render/redline.h"

/* ---- the package ----------------------------------------------------------- */

/* The parts of our own package, for clause streams without a .docx. */
static const char plain_types[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
"content-types\"><Default Extension=\"rels\" ContentType=\"application/"
"vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
"ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
"ContentType=\"application/vnd.openxmlformats-officedocument."
"wordprocessingml.document.main+xml\"/><Override PartName=\"/docProps/"
"core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-"
"properties+xml\"/><Override PartName=\"/word/"
"styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
"wordprocessingml.styles+xml\"/></Types>\n";

static const char plain_rels[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
"relationships\"><Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" "
"Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\""
"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
"core-properties\" Target=\"docProps/core.xml\"/></Relationships>\n";

static const char plain_core[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
"2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/"
"1.1/\"><dc:title></dc:title></cp:coreProperties>\n";

static const char plain_doc_rels[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
"relationships\"><Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" "
"Target=\"styles.xml\"/></Relationships>\n";

#define HEADING_STYLE(n, size) \
"<w:style w:type=\"paragraph\" w:styleId=\"Heading" #n "\"><w:name " \
"w:val=\"heading " #n "\"/><w:basedOn w:val=\"Normal\"/><w:next " \
"w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing " \
"w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"" #n "\"/>" \
"</w:pPr><w:rPr><w:b/><w:sz w:val=\"" #size "\"/></w:rPr></w:style>"

static const char plain_styles[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<w:styles xmlns:w=\"" W_NS "\"><w:docDefaults><w:rPrDefault><w:rPr>"
"<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>"
"<w:sz w:val=\"22\"/><w:lang w:val=\"sv-SE\"/></w:rPr></w:rPrDefault>"
"<w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault>"
"</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" "
"w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
HEADING_STYLE(1, 32) HEADING_STYLE(2, 28) HEADING_STYLE(3, 24)
"</w:styles>\n";

static const char plain_root[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\">";

static const char plain_sect[] =
"<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" "
"w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" "
"w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>";

/* A part of NEW's package, inflated within the limits of an input. */
static int
read_part(ld_pkg *p, const char *name, ld_buf *out, ldiff_error *err)
{
	ld_part *pt;
	char tmp[16384];
	long n;
	int r;

	if ((r = ld_part_open(&pt, p, name, err)) != 0)
		return r;
	while ((n = ld_part_read(pt, tmp, sizeof tmp, err)) > 0)
		ld_buf_add(out, tmp, (size_t)n);
	ld_part_close(pt);
	if (n < 0)
		return (int)n;
	return out->oom ? ld_error(err, LDIFF_ENOMEM, NULL) : 0;
}

/* NEW's document part gives its root element (namespaces) and its last
 * section properties (page size, margins, headers); both copied as
 * bytes.  A part written with another prefix than w: is not ours to
 * cut: the plain root and section then serve. */
static void
root_and_sect(const ld_buf *doc, ld_buf *root, ld_buf *sect)
{
	const char *s = ld_buf_str(doc), *a, *e, *body_end, *p, *last = NULL;

	a = strstr(s, "<w:document");
	e = a != NULL ? strchr(a, '>') : NULL;
	body_end = strstr(s, "</w:body>");
	if (a == NULL || e == NULL || body_end == NULL || e[-1] == '/') {
		ld_buf_adds(root, plain_root);
		ld_buf_adds(sect, plain_sect);
		return;
	}
	ld_buf_add(root, s, (size_t)(e + 1 - s));
	for (p = s; (p = strstr(p, "<w:sectPr")) != NULL && p < body_end;
	    p++)
		last = p;
	if (last != NULL && (p = strstr(last, "</w:sectPr>")) != NULL &&
	    p < body_end)
		ld_buf_add(sect, last, (size_t)(p + 11 - last));
	else if (last != NULL && (p = strstr(last, "/>")) != NULL &&
	    p < body_end && memchr(last, '>', (size_t)(p - last)) == NULL)
		ld_buf_add(sect, last, (size_t)(p + 2 - last));
	else
		ld_buf_adds(sect, plain_sect);
}

/* Annotation ids (bookmarks, comments, NEW's own revisions) share one
 * space in Word: ours start above every w:id NEW's part holds. */
static long
first_free_id(const ld_buf *doc)
{
	const char *s = ld_buf_str(doc), *p = s;
	long max = 0, v;

	while ((p = strstr(p, "w:id=\"")) != NULL) {
		p += 6;
		v = strtol(p, NULL, 10);
		if (v > max && v < 1000000000L)
			max = v;
	}
	return max + 1;
}

/* Every part of NEW except the main document, whose root and section
 * properties are returned. */
static int
copy_parts(const void *docx, size_t len, ld_docx_parts *op,
    ld_buf *root, ld_buf *sect, char **main_name, long *first_id,
    ldiff_error *err)
{
	ld_pkg *p = NULL;
	ld_rels rels = { NULL, 0 };
	const ld_rel *rel;
	size_t i, n;
	ld_buf doc;
	int r;

	ld_buf_init(&doc);
	if ((r = ld_pkg_open_mem(&p, docx, len, NULL, err)) != 0 ||
	    (r = ld_pkg_rels(p, "", &rels, err)) != 0)
		goto out;
	if ((rel = ld_rels_by_type(&rels, "officeDocument")) == NULL) {
		r = ld_error(err, LDIFF_ENOTDOCX, "%s", _("no main document "
		    "part in the package"));
		goto out;
	}
	*main_name = ld_malloc(strlen(rel->target) + 1);
	if (*main_name == NULL) {
		r = ld_error(err, LDIFF_ENOMEM, NULL);
		goto out;
	}
	strcpy(*main_name, rel->target);
	if ((r = read_part(p, rel->target, &doc, err)) != 0)
		goto out;
	root_and_sect(&doc, root, sect);
	*first_id = first_free_id(&doc);
	n = ld_pkg_count(p);
	for (i = 0; i < n && r == 0; i++) {
		const char *name = ld_pkg_name(p, i);
		ld_buf *b;

		if (name == NULL || name[0] == '\0' ||
		    name[strlen(name) - 1] == '/' ||
		    strcasecmp(name, rel->target) == 0)
			continue;
		if ((b = ld_docx_part_add(op, name)) == NULL)
			r = ld_error(err, LDIFF_ENOMEM, NULL);
		else
			r = read_part(p, name, b, err);
	}
out:
	ld_buf_free(&doc);
	ld_rels_free(&rels);
	ld_pkg_close(p);
	return r;
}

static int
plain_parts(ld_docx_parts *op, ld_buf *root, ld_buf *sect,
    char **main_name, ldiff_error *err)
{
	static const struct {
		const char *name, *data;
	} parts[] = {
		{ "[Content_Types].xml", plain_types },
		{ "_rels/.rels", plain_rels },
		{ "word/_rels/document.xml.rels", plain_doc_rels },
		{ "word/styles.xml", plain_styles },
		{ "docProps/core.xml", plain_core },
	};
	size_t k;

	for (k = 0; k < sizeof parts / sizeof parts[0]; k++) {
		ld_buf *b = ld_docx_part_add(op, parts[k].name);

		if (b == NULL || ld_buf_adds(b, parts[k].data) != 0)
			return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	ld_buf_adds(root, plain_root);
	ld_buf_adds(sect, plain_sect);
	*main_name = ld_malloc(sizeof "word/document.xml");
	if (*main_name == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	strcpy(*main_name, "word/document.xml");
	return 0;
}

/* Does s match pat, where 9 stands for a digit? */
static int
shaped(const char *s, const char *pat)
{
	for (; *pat != '\0'; s++, pat++)
		if (*pat == '9' ? !(*s >= '0' && *s <= '9') : *s != *pat)
			return 0;
	return *s == '\0';
}

/* The revision date: --date as given when Word reads it (xsd:dateTime,
 * "2026-11-28T09:00:00Z", or a day, taken as its midnight UTC), else
 * now.  A date Word cannot read would make it refuse the file. */
static int
set_date(struct dw *w, const ldiff_render_opts *o, ldiff_error *err)
{
	static const char *const forms[] = { "9999-99-99T99:99:99Z",
	    "9999-99-99T99:99:99+99:99", "9999-99-99T99:99:99-99:99",
	    "9999-99-99T99:99Z", "9999-99-99" };
	time_t t;
	struct tm tm;
	size_t i;

	if (o->date != NULL) {
		for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
			if (shaped(o->date, forms[i]))
				break;
		if (i == sizeof forms / sizeof forms[0])
			return ld_error(err, LDIFF_EINVAL, _("--date '%.64s' is "
			    "not a date and time Word reads (such as "
			    "2026-11-28T09:00:00Z)"), o->date);
		snprintf(w->date, sizeof w->date, "%s%s", o->date,
		    i == 4 ? "T00:00:00Z" : "");
		return 0;
	}
	t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(w->date, sizeof w->date, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(w->date, sizeof w->date, "1970-01-01T00:00:00Z");
	return 0;
}

/* --title: the package's title (dc:title of docProps/core.xml), put in
 * place of the one NEW had, or added before the end of the part. */
static void
set_title(ld_docx_parts *op, const char *title)
{
	ld_buf *core = NULL, nb;
	const char *s, *a, *e;
	size_t k;
	int add;

	for (k = 0; k < op->n; k++)
		if (strcasecmp(op->name[k], "docProps/core.xml") == 0)
			core = &op->data[k];
	if (core == NULL || title == NULL)
		return;
	s = ld_buf_str(core);
	if ((a = strstr(s, "<dc:title>")) != NULL &&
	    (e = strstr(a, "</dc:title>")) != NULL) {
		a += strlen("<dc:title>");
		add = 0;
	} else if ((a = strstr(s, "<dc:title/>")) != NULL) {
		e = a + strlen("<dc:title/>");
		add = 1;
	} else if ((a = strstr(s, "</cp:coreProperties>")) != NULL) {
		e = a;
		add = 1;
	} else
		return;
	ld_buf_init(&nb);
	ld_buf_add(&nb, s, (size_t)(a - s));
	if (add)
		ld_buf_adds(&nb, "<dc:title>");
	ld_docx_xml_text(&nb, title, strlen(title));
	if (add)
		ld_buf_adds(&nb, "</dc:title>");
	ld_buf_adds(&nb, e);
	if (nb.oom) {
		ld_buf_free(&nb);
		return;		/* the title stays NEW's */
	}
	ld_buf_free(core);
	*core = nb;
}

/* The document part written anew from the units: NEW's root element and
 * last section properties around paragraphs rebuilt from clause text. */
static int
rebuilt_document(struct dw *w, const ld_buf *root, const ld_buf *sect)
{
	int r;

	ld_buf_reset(&w->x);
	ld_buf_add(&w->x, root->data, root->len);
	ld_buf_adds(&w->x, "<w:body>");
	if ((r = dw_rebuilt_body(w)) != 0)
		return r;
	ld_buf_add(&w->x, sect->data, sect->len);
	ld_buf_adds(&w->x, "</w:body></w:document>\n");
	return w->x.oom ? LDIFF_ENOMEM : 0;
}

static int
build(struct dw *w, const void *new_docx, size_t new_len, FILE *out,
    ldiff_error *err)
{
	ld_docx_parts op;
	ld_buf root, sect, *doc;
	char *main_name = NULL;
	int r;

	memset(&op, 0, sizeof op);
	ld_buf_init(&root);
	ld_buf_init(&sect);
	w->plain = new_docx == NULL;
	r = w->plain ? plain_parts(&op, &root, &sect, &main_name, err) :
	    copy_parts(new_docx, new_len, &op, &root, &sect, &main_name,
	    &w->id, err);
	if (r != 0)
		goto out;
	r = w->plain ? 1 : dw_copy_document(w, new_docx, new_len, main_name,
	    err);
	if (r < 0)
		goto out;
	if (r == 1 && (r = rebuilt_document(w, &root, &sect)) != 0) {
		ld_error(err, r, NULL);
		goto out;
	}
	if (w->x.oom || root.oom || sect.oom ||
	    (doc = ld_docx_part_add(&op, main_name)) == NULL) {
		r = ld_error(err, LDIFF_ENOMEM, NULL);
		goto out;
	}
	*doc = w->x;		/* the parts own it now */
	ld_buf_init(&w->x);
	set_title(&op, w->title);
	r = ld_docx_write_zip(&op, out, err);
out:
	ld_docx_parts_free(&op);
	ld_free(main_name);
	ld_buf_free(&root);
	ld_buf_free(&sect);
	return r;
}

int
ldiff_render_docx(const ldiff_diff *d, const void *new_docx,
    size_t new_len, FILE *out, const ldiff_render_opts *o,
    ldiff_error *err)
{
	ldiff_render_opts def;
	struct dw w;
	size_t n;
	int r;

	if (d == NULL || out == NULL || ldiff_diff_versions(d) < 2)
		return ld_error(err, LDIFF_EINVAL, NULL);
	if (o == NULL) {
		ldiff_render_opts_init(&def);
		o = &def;
	}
	if ((r = ld_check_version(err, "ldiff_render_opts", o->version,
	    LDIFF_RENDER_OPTS_VERSION)) != 0)
		return r;
	memset(&w, 0, sizeof w);
	w.d = d;
	w.author = o->author != NULL ? o->author : "kldiff";
	w.title = o->title;
	w.id = 1;
	if ((r = set_date(&w, o, err)) != 0)
		return r;
	ld_buf_init(&w.x);
	n = ldiff_diff_count(d);
	w.slot = ld_reallocarray(NULL, n + 1, sizeof *w.slot);
	w.move_name = ld_calloc(n + 1, sizeof *w.move_name);
	if (w.slot == NULL || w.move_name == NULL)
		r = ld_error(err, LDIFF_ENOMEM, NULL);
	else
		r = build(&w, new_docx, new_len, out, err);
	ld_buf_free(&w.x);
	ld_free(w.slot);
	ld_free(w.move_name);
	ld_free(w.mv);
	if (r == 0 && (fflush(out) != 0 || ferror(out)))
		r = ld_error(err, LDIFF_EIO, NULL);
	return r;
}
