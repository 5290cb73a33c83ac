/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * input.c - any input becomes a clause set: a .docx package, a clause
 * record stream (klsplit's output), or paragraph records or plain text.
 *
 * The idea: look at the first bytes only, and hand the whole input to the
 * one reader that can take it, so every kind of input goes through the
 * same reader it would go through when named explicitly.  A PDF goes to
 * the PDF reader (pdf/); a package (or anything that merely looks like a
 * binary document) goes to the package reader, which names what it is; a clause stream is read as is;
 * everything else is split from paragraphs (clause.c).
 */
#include <string.h>

#include "clause/clause.h"

/* A JSON record whose keys were reordered (by jq, say) is a clause if it
 * has an "id"; a paragraph record has none. */
static int
json_has_id(const char *l, size_t n)
{
	ld_json_kv kv[16];
	char *copy;
	int k, has = 0;

	if ((copy = ld_malloc(n + 1)) == NULL)
		return 0;
	memcpy(copy, l, n);
	copy[n] = '\0';
	k = ld_json_parse_flat(copy, kv, 16);
	has = k > 0 && ld_json_get(kv, k, "id") != NULL;
	ld_free(copy);
	return has;
}

/* Does the data start like a clause stream: the mark (any version, so a
 * newer one is refused with a clear message) or a JSON record with an
 * "id" first (a paragraph record has none)? */
static int
looks_like_clauses(const char *data, size_t len)
{
	size_t pos = 0, n, mark = strlen("#klausul-clauses");
	const char *l;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	if (!ld_next_line(data, len, &pos, &l, &n))
		return 0;
	if (n >= mark && memcmp(l, "#klausul-clauses", mark) == 0)
		return 1;
	if (n >= 6 && memcmp(l, "{\"id\":", 6) == 0)
		return 1;
	return n > 0 && l[0] == '{' && json_has_id(l, n);
}

/*
 * Bytes for the package reader: a zip (a local file header, or the end
 * record of an empty one), an OLE file (an old .doc, an encrypted .docx),
 * and documents that are no text but start with text, a PDF or an RTF
 * file: the package reader names each of them, where the text reader
 * would compare "%PDF-1.4" as a paragraph or stop at invalid UTF-8.
 */
static int
is_package(const char *p, size_t len)
{
	static const char *const magic[] = {
		"PK\003\004", "PK\005\006", "\320\317\021\340", "%PDF-",
		"{\\rtf"
	};
	size_t i;

	for (i = 0; i < sizeof magic / sizeof magic[0]; i++)
		if (len >= strlen(magic[i]) &&
		    memcmp(p, magic[i], strlen(magic[i])) == 0)
			return 1;
	return 0;
}

int
ldiff_clauses_from_any(ldiff_clauses **out, const void *data, size_t len,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so,
    ldiff_error *err)
{
	ldiff_extract_opts xdef;
	ldiff_split_opts sdef;
	ldiff_doc *d = NULL;
	int r;

	*out = NULL;
	if (data == NULL)
		return ld_error(err, LDIFF_EINVAL, _("no data"));
	if (xo == NULL) {
		ldiff_extract_opts_init(&xdef);
		xo = &xdef;
	}
	if (so == NULL) {
		ldiff_split_opts_init(&sdef);
		so = &sdef;
	}
	if ((r = ld_check_extract_opts(xo, err)) != 0 ||
	    (r = ld_check_split_opts(so, err)) != 0)
		return r;
	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		r = ldiff_doc_from_pdf_mem(&d, data, len, xo, err);
	else if (is_package(data, len))
		r = ldiff_doc_from_docx_mem(&d, data, len, xo, err);
	else if (looks_like_clauses(data, len))
		return ldiff_clauses_from_records(out, data, len, so, err);
	else
		r = ldiff_doc_from_records(&d, data, len, &so->limits, err);
	if (r == 0)
		r = ldiff_clauses_from_doc(out, d, so, err);
	ldiff_doc_free(d);
	return r;
}
