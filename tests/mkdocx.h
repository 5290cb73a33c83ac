/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mkdocx.h - build .docx fixtures for the unit tests from XML strings.
 *
 * Fixtures are generated, never stored as binaries: each test writes the
 * parts it needs with libzip and reads the package back through the
 * public API.  Body, styles, numbering, notes, comments and one header
 * are given as the inner XML of their parts; NULL leaves a part out.
 */
#ifndef KL_MKDOCX_H
#define KL_MKDOCX_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "libdiff.h"

#define MK_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MK_R "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships"
#define MK_NS "xmlns:w=\"" MK_W "\" xmlns:r=\"" MK_R "\" " \
	"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/" \
	"2006\" xmlns:v=\"urn:schemas-microsoft-com:vml\""
#define MK_RELTYPE "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships/"

struct mk_part {
	const char *name;
	const char *data;
	size_t len;		/* 0: strlen(data) */
};

/* Write a zip of the given parts to path.  Returns 0 or -1. */
static int
mk_zip(const char *path, const struct mk_part *parts, size_t n)
{
	zip_t *z;
	zip_source_t *s;
	size_t i;
	int err;

	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (z == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);

		s = zip_source_buffer(z, parts[i].data, len, 0);
		if (s == NULL || zip_file_add(z, parts[i].name, s,
		    ZIP_FL_OVERWRITE) < 0) {
			zip_source_free(s);
			zip_discard(z);
			return -1;
		}
	}
	return zip_close(z) == 0 ? 0 : -1;
}

/* The parts of a docx; NULL members are left out. */
struct mk_doc {
	const char *body;	/* inside w:body */
	const char *styles;	/* inside w:styles */
	const char *numbering;	/* inside w:numbering */
	const char *footnotes;	/* inside w:footnotes */
	const char *comments;	/* inside w:comments */
	const char *header;	/* inside w:hdr (rel id rIdH) */
	const char *main_name;	/* default word/document.xml */
	const char *endnotes;	/* inside w:endnotes */
	const char *settings;	/* inside w:settings */
	const char *extra_rels;	/* more <Relationship .../> of the main part */
	const struct mk_part *extra;	/* more parts, as they are */
	size_t nextra;
	int authors;		/* extract with ldiff_extract_opts.authors */
};

static char *
mk_wrap(const char *tag, const char *inner)
{
	size_t n = strlen(inner) + 2 * strlen(tag) + strlen(MK_NS) + 128;
	char *s = malloc(n);

	if (s != NULL)
		snprintf(s, n, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
		    "standalone=\"yes\"?>\n<w:%s %s>%s</w:%s>", tag, MK_NS,
		    inner, tag);
	return s;
}

static int
mk_docx(const char *path, const struct mk_doc *d)
{
	const char *main = d->main_name ? d->main_name : "word/document.xml";
	char rels[512], drels[4096], *body, *parts_xml[8] = { 0 };
	struct mk_part p[32];
	size_t n = 0, k;
	int r;

	snprintf(rels, sizeof rels, "<?xml version=\"1.0\"?><Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	    "relationships\"><Relationship Id=\"rId1\" Type=\"" MK_RELTYPE
	    "officeDocument\" Target=\"%s\"/></Relationships>", main);
	snprintf(drels, sizeof drels, "<?xml version=\"1.0\"?><Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	    "relationships\">%s%s%s%s%s%s%s%s</Relationships>",
	    d->styles ? "<Relationship Id=\"rIdS\" Type=\"" MK_RELTYPE
	    "styles\" Target=\"styles.xml\"/>" : "",
	    d->numbering ? "<Relationship Id=\"rIdN\" Type=\"" MK_RELTYPE
	    "numbering\" Target=\"numbering.xml\"/>" : "",
	    d->footnotes ? "<Relationship Id=\"rIdF\" Type=\"" MK_RELTYPE
	    "footnotes\" Target=\"footnotes.xml\"/>" : "",
	    d->comments ? "<Relationship Id=\"rIdC\" Type=\"" MK_RELTYPE
	    "comments\" Target=\"comments.xml\"/>" : "",
	    d->header ? "<Relationship Id=\"rIdH\" Type=\"" MK_RELTYPE
	    "header\" Target=\"header1.xml\"/>" : "",
	    d->endnotes ? "<Relationship Id=\"rIdE\" Type=\"" MK_RELTYPE
	    "endnotes\" Target=\"endnotes.xml\"/>" : "",
	    d->settings ? "<Relationship Id=\"rIdT\" Type=\"" MK_RELTYPE
	    "settings\" Target=\"settings.xml\"/>" : "",
	    d->extra_rels ? d->extra_rels : "");
	body = malloc(strlen(d->body ? d->body : "") + 32);
	if (body == NULL)
		return -1;
	sprintf(body, "<w:body>%s</w:body>", d->body ? d->body : "");
	parts_xml[0] = mk_wrap("document", body);
	free(body);
	p[n].name = "[Content_Types].xml";
	p[n].data = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/content-types\"/>";
	p[n++].len = 0;
	p[n].name = "_rels/.rels";
	p[n].data = rels;
	p[n++].len = 0;
	p[n].name = "word/_rels/document.xml.rels";
	p[n].data = drels;
	p[n++].len = 0;
	p[n].name = main;
	p[n].data = parts_xml[0];
	p[n++].len = 0;
#define MK_ADD(field, tag, file, ix) if (d->field) { \
		parts_xml[ix] = mk_wrap(tag, d->field); \
		p[n].name = file; p[n].data = parts_xml[ix]; p[n++].len = 0; }
	MK_ADD(styles, "styles", "word/styles.xml", 1);
	MK_ADD(numbering, "numbering", "word/numbering.xml", 2);
	MK_ADD(footnotes, "footnotes", "word/footnotes.xml", 3);
	MK_ADD(comments, "comments", "word/comments.xml", 4);
	MK_ADD(header, "hdr", "word/header1.xml", 5);
	MK_ADD(endnotes, "endnotes", "word/endnotes.xml", 6);
	MK_ADD(settings, "settings", "word/settings.xml", 7);
#undef MK_ADD
	for (k = 0; k < d->nextra && n < sizeof p / sizeof p[0]; k++)
		p[n++] = d->extra[k];
	for (k = 0, r = 0; k < n; k++)
		if (p[k].data == NULL)
			r = -1;
	if (r == 0)
		r = mk_zip(path, p, n);
	for (k = 0; k < 8; k++)
		free(parts_xml[k]);
	return r;
}

/* A scratch file name for this test process. */
static const char *
mk_path(void)
{
	static char path[256];

	if (path[0] == '\0')
		snprintf(path, sizeof path, "%s/kl-mkdocx-%ld.docx",
		    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
		    (long)getpid());
	return path;
}

/* Build and extract.  Returns the doc, or NULL with err filled. */
static ldiff_doc *
mk_extract(const struct mk_doc *d, ldiff_changes_mode mode,
    ldiff_error *err)
{
	ldiff_extract_opts o;
	ldiff_doc *doc = NULL;

	ldiff_extract_opts_init(&o);
	o.changes = mode;
	o.authors = d->authors;
	memset(err, 0, sizeof *err);
	if (mk_docx(mk_path(), d) != 0) {
		snprintf(err->msg, sizeof err->msg, "cannot write fixture");
		return NULL;
	}
	if (ldiff_doc_from_docx_file(&doc, mk_path(), &o, err) != 0)
		doc = NULL;
	unlink(mk_path());
	return doc;
}

/* Extract a body only. */
static inline ldiff_doc *
mk_body(const char *body, ldiff_changes_mode mode)
{
	struct mk_doc d;
	ldiff_error err;
	ldiff_doc *doc;

	memset(&d, 0, sizeof d);
	d.body = body;
	doc = mk_extract(&d, mode, &err);
	if (doc == NULL)
		printf("# extraction failed: %s\n", err.msg);
	return doc;
}

/* The text of paragraph i, or "(none)". */
static inline const char *
mk_text(const ldiff_doc *d, size_t i)
{
	const ldiff_para *p = d ? ldiff_doc_para(d, i) : NULL;

	return p ? p->text : "(none)";
}

static inline const char *
mk_label(const ldiff_doc *d, size_t i)
{
	const ldiff_para *p = d ? ldiff_doc_para(d, i) : NULL;

	return p ? p->label : "(none)";
}

/* Every paragraph's text joined by "|" (into a static buffer). */
static inline const char *
mk_all(const ldiff_doc *d)
{
	static char buf[8192];
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; d != NULL && i < ldiff_doc_count(d); i++) {
		const ldiff_para *p = ldiff_doc_para(d, i);
		int w = snprintf(buf + o, sizeof buf - o, "%s%s%s%s",
		    i ? "|" : "", p->label, p->label[0] ? " " : "", p->text);

		if (w < 0 || (size_t)w >= sizeof buf - o)
			break;
		o += (size_t)w;
	}
	return buf;
}

#endif /* KL_MKDOCX_H */
