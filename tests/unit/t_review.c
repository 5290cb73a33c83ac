/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_review.c - the review outputs (HTML page, DOCX redline) through the
 * public API, on the golden clause streams of tests/golden/kldiff (a
 * move, a split, an insertion, a deletion, amounts, renumbering).
 *
 * The redline is read back with the library's own reader: accepting every
 * change must give the new clauses' texts in order, rejecting every change
 * the old ones.  Both renderers are run with every allocation failing in
 * turn (they must end with LDIFF_ENOMEM, never crash, never leak: ASan
 * and valgrind runs see to the leaks) and on a full disk (LDIFF_EIO).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static char *
slurp(const char *name, size_t *len)
{
	const char *root = getenv("KL_ROOT");
	char path[4096];
	FILE *f;
	char *s;
	long n;

	snprintf(path, sizeof path, "%s/tests/golden/kldiff/%s",
	    root != NULL ? root : ".", name);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc((size_t)n + 1);
	if (s != NULL && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return s;
}

/* Render into memory; *rc gets the renderer's return value. */
static char *
render(const ldiff_diff *d, int docx, const ldiff_render_opts *o,
    size_t *len, int *rc)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	ldiff_error err;

	if (f == NULL) {
		*rc = -100;
		return NULL;
	}
	*rc = docx ? ldiff_render_docx(d, NULL, 0, f, o, &err) :
	    ldiff_render_html(d, f, o);
	fclose(f);
	*len = n;
	return buf;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

static void
test_html(const ldiff_diff *d)
{
	ldiff_render_opts o;
	size_t len;
	int rc;
	char *s;

	ldiff_render_opts_init(&o);
	s = render(d, 0, &o, &len, &rc);
	is_int(rc, 0, "html: renders");
	ok(s != NULL && strncmp(s, "<!DOCTYPE html>", 15) == 0,
	    "html: a document");
	ok(s != NULL && count(s, "<article ") == ldiff_diff_count(d),
	    "html: one article per unit");
	ok(s != NULL && strstr(s, "lang=\"sv\"") != NULL,
	    "html: Swedish without a language");
	ok(s != NULL && count(s, "<section class=\"sec") ==
	    count(s, "<h3>") - (ldiff_diff_versions(d) - 1),
	    "html: every section heading opens a section");
	free(s);
}

/* The paragraphs of a redline read back, accepted or rejected, against
 * the clause texts of version v: each paragraph ends with its clause. */
static int
redline_reads_as(const char *zip, size_t len, ldiff_changes_mode mode,
    const ldiff_clauses *v)
{
	ldiff_extract_opts xo;
	ldiff_doc *doc = NULL;
	ldiff_error err;
	size_t i, k = 0, n;
	int bad = 0;

	ldiff_extract_opts_init(&xo);
	xo.changes = mode;
	if (ldiff_doc_from_docx_mem(&doc, zip, len, &xo, &err) != 0) {
		diag("%s", err.msg);
		return 0;
	}
	n = ldiff_doc_count(doc);
	for (i = 0; i < n; i++) {
		const ldiff_para *p = ldiff_doc_para(doc, i);
		const ldiff_clause *c;
		size_t pl, cl;

		if (p->kind == LDIFF_PARA_CELL || p->text[0] == '\0')
			continue;	/* rows: cells, not one text */
		while (k < ldiff_clauses_count(v) &&
		    ldiff_clauses_get(v, k)->kind == LDIFF_CL_ROW)
			k++;
		if (k >= ldiff_clauses_count(v)) {
			bad++;
			break;
		}
		c = ldiff_clauses_get(v, k++);
		pl = strlen(p->text);
		cl = strlen(c->text);
		if (pl < cl || strcmp(p->text + pl - cl, c->text) != 0) {
			if (bad++ == 0)
				diag("paragraph %zu: '%s', clause '%s'", i,
				    p->text, c->text);
		}
	}
	while (k < ldiff_clauses_count(v) &&
	    ldiff_clauses_get(v, k)->kind == LDIFF_CL_ROW)
		k++;
	ldiff_doc_free(doc);
	return bad == 0 && k == ldiff_clauses_count(v);
}

static void
test_docx(const ldiff_diff *d)
{
	ldiff_render_opts o;
	size_t len, n = ldiff_diff_versions(d);
	int rc;
	char *s;

	ldiff_render_opts_init(&o);
	o.date = "2026-01-01T00:00:00Z";
	s = render(d, 1, &o, &len, &rc);
	is_int(rc, 0, "docx: renders a plain package");
	ok(s != NULL && len > 4 && memcmp(s, "PK\003\004", 4) == 0,
	    "docx: a zip archive");
	ok(s != NULL && redline_reads_as(s, len, LDIFF_CHANGES_ACCEPT,
	    ldiff_diff_version(d, n - 1)),
	    "docx: accept every change = the new clauses");
	ok(s != NULL && redline_reads_as(s, len, LDIFF_CHANGES_REJECT,
	    ldiff_diff_version(d, n - 2)),
	    "docx: reject every change = the old clauses");
	ok(s != NULL && !redline_reads_as(s, len, LDIFF_CHANGES_ACCEPT,
	    ldiff_diff_version(d, n - 2)),
	    "docx: the check tells the versions apart");
	free(s);
	is_int(ldiff_render_docx(d, "PK\003\004junk", 8, stdout, &o, NULL),
	    LDIFF_ENOTZIP, "docx: a damaged NEW package is an error");
}

static void
test_full_disk(const ldiff_diff *d)
{
	FILE *f = fopen("/dev/full", "w");
	ldiff_error err;

	if (f == NULL) {
		ok(1, "# SKIP no /dev/full");
		return;
	}
	setvbuf(f, NULL, _IONBF, 0);
	is_int(ldiff_render_html(d, f, NULL), LDIFF_EIO,
	    "html: a full disk is LDIFF_EIO");
	is_int(ldiff_render_docx(d, NULL, 0, f, NULL, &err), LDIFF_EIO,
	    "docx: a full disk is LDIFF_EIO");
	fclose(f);
}

static void
test_oom(const ldiff_diff *d)
{
	ldiff_render_opts o;
	int k, bad = 0, failed = 0;
	long n;

	ldiff_render_opts_init(&o);
	o.date = "2026-01-01T00:00:00Z";
	for (k = 0; k < 2; k++) {
		for (n = 0; n < 100000; n++) {
			size_t len;
			int rc;
			char *s;

			ld_alloc_fail_after(n);
			s = render(d, k, &o, &len, &rc);
			ld_alloc_fail_after(-1);
			free(s);
			if (rc != 0 && rc != LDIFF_ENOMEM)
				bad++;
			failed += rc == LDIFF_ENOMEM;
			if (rc == 0)
				break;
		}
	}
	is_int(bad, 0, "oom: html and docx fail with ENOMEM or succeed");
	ok(failed > 10, "oom: they allocate through ld_malloc");
}

int
main(void)
{
	const char *files[] = { "a.in", "b.in" };
	ldiff_clauses *cl[2] = { NULL, NULL };
	ldiff_diff *d = NULL;
	ldiff_error err;
	size_t i;

	plan_no_plan();
	for (i = 0; i < 2; i++) {
		size_t len = 0;
		char *s = slurp(files[i], &len);

		if (s == NULL)
			skip_all("tests/golden/kldiff not found (KL_ROOT)");
		if (ldiff_clauses_from_records(&cl[i], s, len, NULL, &err) != 0)
			skip_all(err.msg);
		free(s);
	}
	if (ldiff_diff_new(&d, (const ldiff_clauses *const *)cl, files, 2,
	    NULL, &err) != 0)
		skip_all(err.msg);
	test_html(d);
	test_docx(d);
	test_full_disk(d);
	test_oom(d);
	ldiff_diff_free(d);
	for (i = 0; i < 2; i++)
		ldiff_clauses_free(cl[i]);
	return done_testing();
}
