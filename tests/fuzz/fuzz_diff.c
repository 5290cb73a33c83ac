/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_diff.c - the whole comparison under libFuzzer: versions in,
 * clauses, alignment, word diff, renderers out.
 *
 * Configuration byte: bit 0x80 small limits (fuzz.h), 0x01 no move
 * detection, 0x02 also the text renderer (0x04 with colour), 0x08 also
 * --stat, 0x10 hide equal and non-substantive units, 0x20 also the HTML
 * page, 0x40 also the .docx redline.  The rest holds two
 * or three versions separated by the line "--klausul--"; each may be
 * .docx bytes, a clause stream, a paragraph stream or plain text
 * (ldiff_clauses_from_any decides).  With no separator the data is cut
 * in half.
 *
 * Properties: every unit is well-formed (its clauses belong to the
 * versions it names, counts fit its op, similarity in 0..1, edits
 * present); every line of the JSON renderer is one valid JSON value in
 * valid UTF-8, so scripts can always parse kldiff --json; the redline
 * .docx reads back through our own extractor, in both views.
 */
#include "fuzz.h"

#define FZF_SEP "\n--klausul--\n"

/* ---- a strict JSON syntax check of one line ---------------------- */

static const char *fzf_value(const char *p, const char *end, int depth);

static const char *
fzf_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static const char *
fzf_string(const char *p, const char *end)
{
	if (p >= end || *p != '"')
		return NULL;
	for (p++; p < end; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"')
			return p + 1;
		if (c < 0x20)
			return NULL;
		if (c == '\\') {
			if (++p >= end || strchr("\"\\/bfnrtu", *p) == NULL)
				return NULL;
			if (*p == 'u') {
				int i;

				for (i = 0; i < 4; i++)
					if (++p >= end || strchr(
					    "0123456789abcdefABCDEF", *p) ==
					    NULL || *p == '\0')
						return NULL;
			}
		} else if (c >= 0x80) {
			int k = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 :
			    c >= 0xC2 && c < 0xE0 ? 1 : -1;

			if (k < 0 || c >= 0xF5)
				return NULL;
			while (k-- > 0)
				if (++p >= end || ((unsigned char)*p & 0xC0)
				    != 0x80)
					return NULL;
		}
	}
	return NULL;
}

static const char *
fzf_number(const char *p, const char *end)
{
	const char *s = p;

	if (p < end && *p == '-')
		p++;
	while (p < end && strchr("0123456789.eE+-", *p) != NULL && *p)
		p++;
	return p > s ? p : NULL;
}

static const char *
fzf_members(const char *p, const char *end, int depth, char close, int obj)
{
	p = fzf_ws(p + 1, end);
	if (p < end && *p == close)
		return p + 1;
	for (;;) {
		if (obj) {
			if ((p = fzf_string(fzf_ws(p, end), end)) == NULL)
				return NULL;
			p = fzf_ws(p, end);
			if (p >= end || *p++ != ':')
				return NULL;
		}
		if ((p = fzf_value(p, end, depth + 1)) == NULL)
			return NULL;
		p = fzf_ws(p, end);
		if (p < end && *p == ',') {
			p++;
			continue;
		}
		return p < end && *p == close ? p + 1 : NULL;
	}
}

static const char *
fzf_value(const char *p, const char *end, int depth)
{
	p = fzf_ws(p, end);
	if (p >= end || depth > 64)
		return NULL;
	switch (*p) {
	case '{': return fzf_members(p, end, depth, '}', 1);
	case '[': return fzf_members(p, end, depth, ']', 0);
	case '"': return fzf_string(p, end);
	case 't': return end - p >= 4 && !memcmp(p, "true", 4) ? p + 4 : NULL;
	case 'f': return end - p >= 5 && !memcmp(p, "false", 5) ? p + 5 :
	    NULL;
	case 'n': return end - p >= 4 && !memcmp(p, "null", 4) ? p + 4 : NULL;
	default: return fzf_number(p, end);
	}
}

static void
fzf_check_json(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *nl, *q;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			fz_fail("JSON output", "last line without a newline");
		q = fzf_value(p, nl, 0);
		if (q == NULL || fzf_ws(q, nl) != nl) {
			fprintf(stderr, "%.*s\n", (int)(nl - p), p);
			fz_fail("JSON output", "a line is not one JSON value");
		}
		p = nl + 1;
	}
}

static const char *
fzf_find(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (p[i] == needle[0] && memcmp(p + i, needle, k) == 0)
			return p + i;
	return NULL;
}

/* ---- unit checks --------------------------------------------------- */

static int
fzf_in_version(const ldiff_clauses *c, const ldiff_clause *cl)
{
	size_t i, n = ldiff_clauses_count(c);

	for (i = 0; i < n; i++)
		if (ldiff_clauses_get(c, i) == cl)
			return 1;
	return 0;
}

static void
fzf_check_unit(const ldiff_diff *d, const ldiff_unit *u)
{
	size_t i;

	if (u->to != u->from + 1 || u->to >= ldiff_diff_versions(d))
		fz_fail("unit", "versions out of range");
	if ((unsigned)u->op > LDIFF_OP_MERGED)
		fz_fail("unit", "unknown op");
	if (!(u->similarity >= 0.0 && u->similarity <= 1.0))
		fz_fail("unit", "similarity outside 0..1");
	if ((u->op == LDIFF_OP_INSERTED) != (u->n_old == 0) ||
	    (u->op == LDIFF_OP_DELETED) != (u->n_new == 0))
		fz_fail("unit", "clause counts do not fit the op");
	if ((u->op == LDIFF_OP_SPLIT && u->n_new < 2) ||
	    (u->op == LDIFF_OP_MERGED && u->n_old < 2))
		fz_fail("unit", "a split or merge of one clause");
	for (i = 0; i < u->n_old; i++)
		if (!fzf_in_version(ldiff_diff_version(d, u->from),
		    u->old_cl[i]))
			fz_fail("unit", "old clause not of version from");
	for (i = 0; i < u->n_new; i++)
		if (!fzf_in_version(ldiff_diff_version(d, u->to),
		    u->new_cl[i]))
			fz_fail("unit", "new clause not of version to");
	if (u->n_edits > 0 && u->edits == NULL)
		fz_fail("unit", "edits missing");
	for (i = 0; i < u->n_edits; i++)
		if (u->edits[i].old_text == NULL ||
		    u->edits[i].new_text == NULL ||
		    (unsigned)u->edits[i].op > LDIFF_EDIT_REPLACE)
			fz_fail("edit", "bad record");
}

/* The redline must be a package our own reader accepts. */
static void
fzf_redline(const ldiff_diff *d, const ldiff_render_opts *ro,
    const void *last, size_t lastlen)
{
	ldiff_extract_opts xo;
	ldiff_error err;
	ldiff_doc *doc = NULL;
	char *buf = NULL;
	size_t len;
	FILE *f;
	int r, mode;

	if ((f = open_memstream(&buf, &len)) == NULL)
		fz_fail("open_memstream", NULL);
	memset(&err, 0, sizeof err);
	r = ldiff_render_docx(d, last, lastlen, f, ro, &err);
	fclose(f);
	fz_check_error(r, &err, "ldiff_render_docx");
	for (mode = 0; r == 0 && mode < 2; mode++) {
		ldiff_extract_opts_init(&xo);
		xo.changes = mode ? LDIFF_CHANGES_REJECT : LDIFF_CHANGES_ACCEPT;
		memset(&err, 0, sizeof err);
		if (ldiff_doc_from_docx_mem(&doc, buf, len, &xo, &err) != 0) {
			fprintf(stderr, "%s\n", err.msg);
			fz_fail("the redline .docx", "does not read back");
		}
		ldiff_doc_free(doc);
	}
	free(buf);
}

static void
fzf_render(const ldiff_diff *d, unsigned cfg, const void *last,
    size_t lastlen)
{
	ldiff_render_opts ro;
	char *buf = NULL;
	size_t len, i;
	FILE *f;

	for (i = 0; i < ldiff_diff_count(d); i++)
		fzf_check_unit(d, ldiff_diff_unit(d, i));
	ldiff_render_opts_init(&ro);
	ro.lang = "en";
	if (cfg & 0x10)
		ro.hide = LDIFF_HIDE_EQUAL | LDIFF_HIDE_NONSUBSTANTIVE;
	if ((f = open_memstream(&buf, &len)) == NULL)
		fz_fail("open_memstream", NULL);
	if (ldiff_render_json(d, f, &ro) != 0)
		fz_fail("ldiff_render_json", "failed on a memory stream");
	fclose(f);
	fzf_check_json(buf, len);
	free(buf);
	ro.color = (cfg & 0x04) != 0;
	if ((cfg & 0x02) && ldiff_render_text(d, fz_devnull(), &ro) != 0)
		fz_fail("ldiff_render_text", "failed");
	if ((cfg & 0x08) && ldiff_render_stat(d, fz_devnull(), &ro) != 0)
		fz_fail("ldiff_render_stat", "failed");
	if ((cfg & 0x20) && ldiff_render_html(d, fz_devnull(), &ro) != 0)
		fz_fail("ldiff_render_html", "failed");
	if (cfg & 0x40) {
		ro.date = "2026-01-01T00:00:00Z";
		fzf_redline(d, &ro, last, lastlen);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "a", "b", "c" };
	ldiff_clauses *cs[3] = { NULL, NULL, NULL };
	const char *p, *end, *s, *last = NULL;
	size_t lastlen = 0;
	ldiff_extract_opts xo;
	ldiff_split_opts so;
	ldiff_diff_opts dopt;
	ldiff_diff *d = NULL;
	ldiff_error err;
	size_t nv = 0, i;
	unsigned cfg;
	int r = 0;

	if (size < 1)
		return 0;
	cfg = data[0];
	ldiff_extract_opts_init(&xo);
	ldiff_split_opts_init(&so);
	fz_limits(&xo.limits, cfg);
	fz_limits(&so.limits, cfg);
	ldiff_diff_opts_init(&dopt);
	dopt.detect_moves = !(cfg & 0x01);
	p = (const char *)data + 1;
	end = (const char *)data + size;
	while (nv < 3 && r == 0) {
		size_t rest = (size_t)(end - p), skip = 0;

		s = nv < 2 ? fzf_find(p, rest, FZF_SEP) : NULL;
		if (s != NULL)
			skip = sizeof FZF_SEP - 1;
		else if (nv == 0)
			s = p + rest / 2;	/* no separator: two halves */
		else
			s = end;
		memset(&err, 0, sizeof err);
		r = ldiff_clauses_from_any(&cs[nv], p, (size_t)(s - p), &xo,
		    &so, &err);
		/* The newest version's .docx, if it is one, for the redline. */
		if (s - p >= 4 && memcmp(p, "PK\003\004", 4) == 0) {
			last = p;
			lastlen = (size_t)(s - p);
		} else {
			last = NULL;
			lastlen = 0;
		}
		fz_check_error(r, &err, "ldiff_clauses_from_any");
		nv++;
		if (s == end)
			break;
		p = s + skip;
	}
	if (r == 0 && nv >= 2) {
		memset(&err, 0, sizeof err);
		r = ldiff_diff_new(&d, (const ldiff_clauses *const *)cs, names,
		    nv, &dopt, &err);
		fz_check_error(r, &err, "ldiff_diff_new");
		if (r == 0) {
			if (ldiff_diff_versions(d) != nv)
				fz_fail("ldiff_diff_versions", "wrong count");
			fzf_render(d, cfg, last, lastlen);
		}
	}
	ldiff_diff_free(d);
	for (i = 0; i < nv; i++)
		ldiff_clauses_free(cs[i]);
	return 0;
}
