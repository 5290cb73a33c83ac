/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_docx.c - the .docx reader under libFuzzer.
 *
 * Configuration byte: bits 0-1 the tracked-change view (0 accept,
 * 1 reject, 2 markup), bit 0x80 small limits (fuzz.h), bit 0x40 "the rest
 * is XML": parts separated by NUL bytes (document, styles, numbering,
 * footnotes, endnotes, comments, header1, footer1) that the harness packs
 * into a stored (uncompressed) package with fixed relationships.  Without
 * 0x40 the rest is the .docx bytes as they are, for the package reader
 * (package.c over libzip).  Mutating deflate streams seldom gets past
 * it; mutating XML reaches the walker, styles and numbering, which is
 * where the fuzzer earns its keep.
 *
 * Properties: an error has a known code and a message; a document read
 * passes fz_check_doc (fuzz.h).
 */
#include <zip.h>

#include "fuzz.h"

static const char *const fzd_parts[] = {
	"word/document.xml", "word/styles.xml", "word/numbering.xml",
	"word/footnotes.xml", "word/endnotes.xml", "word/comments.xml",
	"word/header1.xml", "word/footer1.xml"
};
#define FZD_NPARTS (sizeof fzd_parts / sizeof fzd_parts[0])

static const char fzd_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\""
    "xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/"
    "document.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.document.main+xml\"/></Types>";

static const char fzd_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
    "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

#define FZD_REL(id, type, target) "<Relationship Id=\"" id "\" Type=\"" \
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" \
    type "\" Target=\"" target "\"/>"
static const char fzd_docrels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    FZD_REL("rId1", "styles", "styles.xml")
    FZD_REL("rId2", "numbering", "numbering.xml")
    FZD_REL("rId3", "footnotes", "footnotes.xml")
    FZD_REL("rId4", "endnotes", "endnotes.xml")
    FZD_REL("rId5", "comments", "comments.xml")
    FZD_REL("rId6", "header", "header1.xml")
    FZD_REL("rId7", "footer", "footer1.xml")
    "</Relationships>";

static void
fzd_add(zip_t *za, const char *name, const void *p, size_t n)
{
	zip_source_t *zs = zip_source_buffer(za, p, n, 0);
	zip_int64_t i;

	if (zs == NULL)
		fz_fail("zip_source_buffer", zip_strerror(za));
	if ((i = zip_file_add(za, name, zs, ZIP_FL_OVERWRITE)) < 0) {
		zip_source_free(zs);
		fz_fail("zip_file_add", zip_strerror(za));
	}
	zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* Pack NUL-separated XML parts into a .docx in memory (malloc'd). */
static void *
fzd_pack(const uint8_t *p, size_t n, size_t *outlen)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_stat_t st;
	zip_t *za;
	size_t i, at = 0;
	void *out;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		fz_fail("zip_source_buffer_create", NULL);
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		fz_fail("zip_open_from_source", zip_error_strerror(&ze));
	fzd_add(za, "[Content_Types].xml", fzd_types, sizeof fzd_types - 1);
	fzd_add(za, "_rels/.rels", fzd_rels, sizeof fzd_rels - 1);
	fzd_add(za, "word/_rels/document.xml.rels", fzd_docrels,
	    sizeof fzd_docrels - 1);
	for (i = 0; i < FZD_NPARTS && at <= n; i++) {
		const uint8_t *end = at < n ? memchr(p + at, 0, n - at) : NULL;
		size_t len = end != NULL ? (size_t)(end - (p + at)) : n - at;

		if (len > 0 || i == 0)
			fzd_add(za, fzd_parts[i], p + at, len);
		at += len + 1;
	}
	if (zip_close(za) != 0)
		fz_fail("zip_close", zip_strerror(za));
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0)
		fz_fail("zip_source_open", NULL);
	if ((out = malloc(st.size ? st.size : 1)) == NULL)
		fz_fail("malloc", NULL);
	if (zip_source_read(src, out, st.size) != (zip_int64_t)st.size)
		fz_fail("zip_source_read", NULL);
	zip_source_close(src);
	zip_source_free(src);
	*outlen = st.size;
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ldiff_extract_opts xo;
	ldiff_error err;
	ldiff_doc *d = NULL;
	void *packed = NULL;
	const void *p;
	size_t n;
	unsigned cfg;
	int r;

	if (size < 1)
		return 0;
	cfg = data[0];
	ldiff_extract_opts_init(&xo);
	fz_limits(&xo.limits, cfg);
	xo.changes = (cfg & 3) == 1 ? LDIFF_CHANGES_REJECT :
	    (cfg & 3) == 2 ? LDIFF_CHANGES_MARKUP : LDIFF_CHANGES_ACCEPT;
	if (cfg & 0x40) {
		packed = fzd_pack(data + 1, size - 1, &n);
		p = packed;
	} else {
		p = data + 1;
		n = size - 1;
	}
	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_docx_mem(&d, p, n, &xo, &err);
	fz_check_error(r, &err, "ldiff_doc_from_docx_mem");
	if ((r == 0) != (d != NULL))
		fz_fail("ldiff_doc_from_docx_mem", "result and code disagree");
	if (r == 0)
		fz_check_doc(d, cfg);
	ldiff_doc_free(d);
	free(packed);
	return 0;
}
