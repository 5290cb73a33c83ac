/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_version.c - option structs carry a version: each _init sets its
 * LDIFF_*_VERSION, and every function taking the struct refuses a version
 * it does not read (0: never initialised; one above: a newer header)
 * with LDIFF_EINVAL and a message naming the struct, before it reads
 * anything else - a wrong version never reaches a file or a renderer's
 * output. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static const unsigned bad[] = { 0, 2, 1000 };
#define NBAD (sizeof bad / sizeof bad[0])

static int
names(const ldiff_error *err, const char *what)
{
	return strstr(err->msg, what) != NULL;
}

static void
test_init(void)
{
	ldiff_limits lim;
	ldiff_extract_opts xo;
	ldiff_split_opts so;
	ldiff_diff_opts dop;
	ldiff_render_opts ro;

	memset(&lim, 0, sizeof lim);
	memset(&xo, 0, sizeof xo);
	memset(&so, 0, sizeof so);
	memset(&dop, 0, sizeof dop);
	memset(&ro, 0, sizeof ro);
	ldiff_limits_init(&lim);
	ldiff_extract_opts_init(&xo);
	ldiff_split_opts_init(&so);
	ldiff_diff_opts_init(&dop);
	ldiff_render_opts_init(&ro);
	is_int(lim.version, LDIFF_LIMITS_VERSION, "limits_init sets version");
	is_int(xo.version, LDIFF_EXTRACT_OPTS_VERSION,
	    "extract_opts_init sets version");
	is_int(xo.limits.version, LDIFF_LIMITS_VERSION,
	    "extract_opts_init sets its limits' version");
	is_int(so.version, LDIFF_SPLIT_OPTS_VERSION,
	    "split_opts_init sets version");
	is_int(dop.version, LDIFF_DIFF_OPTS_VERSION,
	    "diff_opts_init sets version");
	is_int(ro.version, LDIFF_RENDER_OPTS_VERSION,
	    "render_opts_init sets version");
}

static void
test_extract(void)
{
	static const char zip[] = "PK\005\006";
	ldiff_extract_opts xo;
	ldiff_error err;
	ldiff_doc *d = NULL;
	size_t i;

	for (i = 0; i < NBAD; i++) {
		ldiff_extract_opts_init(&xo);
		xo.version = bad[i];
		memset(&err, 0, sizeof err);
		is_int(ldiff_doc_from_docx_mem(&d, zip, 4, &xo, &err),
		    LDIFF_EINVAL, "docx_mem: wrong extract_opts version");
		ok(d == NULL && names(&err, "ldiff_extract_opts"),
		    "docx_mem: the message names ldiff_extract_opts");
		/* EINVAL, not EIO: the version is checked before the file */
		is_int(ldiff_doc_from_docx_file(&d, "/nonexistent.docx", &xo,
		    &err), LDIFF_EINVAL, "docx_file: checked before opening");
	}
	ldiff_extract_opts_init(&xo);
	xo.limits.version = 0;
	memset(&err, 0, sizeof err);
	is_int(ldiff_doc_from_docx_mem(&d, zip, 4, &xo, &err), LDIFF_EINVAL,
	    "docx_mem: wrong version of the embedded limits");
	ok(names(&err, "ldiff_limits"), "the message names ldiff_limits");
}

static void
test_records(void)
{
	ldiff_limits lim;
	ldiff_error err;
	ldiff_doc *d = NULL;

	ldiff_limits_init(&lim);
	lim.version = LDIFF_LIMITS_VERSION + 1;
	memset(&err, 0, sizeof err);
	is_int(ldiff_doc_from_records(&d, "a\n", 2, &lim, &err),
	    LDIFF_EINVAL, "doc_from_records: wrong limits version");
	ok(d == NULL && names(&err, "ldiff_limits"),
	    "doc_from_records: the message names ldiff_limits");
	lim.version = LDIFF_LIMITS_VERSION;
	is_int(ldiff_doc_from_records(&d, "a\n", 2, &lim, &err), 0,
	    "doc_from_records: the right version reads");
	ldiff_doc_free(d);
}

static void
test_split(void)
{
	static const char rec[] = "#klausul-clauses 1\n1\t\tclause\t1\t1.\t\tA\n";
	ldiff_split_opts so;
	ldiff_error err;
	ldiff_clauses *c = NULL;
	ldiff_doc *d = NULL;
	size_t i;

	if (ldiff_doc_from_records(&d, "1. A\n", 5, NULL, &err) != 0)
		diag("doc_from_records: %s", err.msg);
	for (i = 0; i < NBAD; i++) {
		ldiff_split_opts_init(&so);
		so.version = bad[i];
		memset(&err, 0, sizeof err);
		is_int(ldiff_clauses_from_doc(&c, d, &so, &err), LDIFF_EINVAL,
		    "clauses_from_doc: wrong split_opts version");
		ok(c == NULL && names(&err, "ldiff_split_opts"),
		    "clauses_from_doc: the message names ldiff_split_opts");
		is_int(ldiff_clauses_from_records(&c, rec, strlen(rec), &so,
		    &err), LDIFF_EINVAL,
		    "clauses_from_records: wrong split_opts version");
		is_int(ldiff_clauses_from_any(&c, rec, strlen(rec), NULL, &so,
		    &err), LDIFF_EINVAL,
		    "clauses_from_any: wrong split_opts version");
	}
	ldiff_split_opts_init(&so);
	so.limits.version = 0;
	is_int(ldiff_clauses_from_doc(&c, d, &so, &err), LDIFF_EINVAL,
	    "clauses_from_doc: wrong version of the embedded limits");
	ldiff_split_opts_init(&so);
	is_int(ldiff_clauses_from_doc(&c, d, &so, &err), 0,
	    "clauses_from_doc: the right version splits");
	ok(ldiff_clauses_count(c) == 1, "one clause");
	ldiff_clauses_free(c);
	ldiff_doc_free(d);
}

/* Two one-clause versions that differ, and a diff of them. */
static int
two(ldiff_clauses *v[2], ldiff_diff **out, const ldiff_diff_opts *o,
    ldiff_error *err)
{
	static const char *const text[2] = { "1. Avgiften är 100 kr.\n",
	    "1. Avgiften är 200 kr.\n" };
	ldiff_doc *d;
	int k, r = 0;

	for (k = 0; k < 2 && r == 0; k++) {
		r = ldiff_doc_from_records(&d, text[k], strlen(text[k]), NULL,
		    err);
		if (r == 0)
			r = ldiff_clauses_from_doc(&v[k], d, NULL, err);
		ldiff_doc_free(d);
	}
	if (r != 0)
		return r;
	return ldiff_diff_new(out, (const ldiff_clauses *const *)v, NULL, 2,
	    o, err);
}

typedef int render_fn(const ldiff_diff *, FILE *, const ldiff_render_opts *);

static void
test_diff_render(void)
{
	static const struct {
		const char *name;
		render_fn *fn;
	} rend[] = {
		{ "text", ldiff_render_text }, { "json", ldiff_render_json },
		{ "stat", ldiff_render_stat }, { "html", ldiff_render_html },
	};
	ldiff_clauses *v[2] = { NULL, NULL };
	ldiff_diff_opts dop;
	ldiff_render_opts ro;
	ldiff_diff *d = NULL;
	ldiff_error err;
	size_t i, k;
	FILE *f;
	char name[64];

	ldiff_diff_opts_init(&dop);
	dop.version = 0;
	memset(&err, 0, sizeof err);
	is_int(two(v, &d, &dop, &err), LDIFF_EINVAL,
	    "diff_new: wrong diff_opts version");
	ok(d == NULL && names(&err, "ldiff_diff_opts"),
	    "diff_new: the message names ldiff_diff_opts");
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
	dop.version = LDIFF_DIFF_OPTS_VERSION;
	is_int(two(v, &d, &dop, &err), 0, "diff_new: the right version");
	if (d == NULL || (f = tmpfile()) == NULL) {
		ok(0, "a diff and a temporary file to render into");
		return;
	}
	for (i = 0; i < sizeof rend / sizeof rend[0]; i++) {
		for (k = 0; k < NBAD; k++) {
			ldiff_render_opts_init(&ro);
			ro.version = k == 1 ? LDIFF_RENDER_OPTS_VERSION + 1 :
			    bad[k];
			snprintf(name, sizeof name, "render_%s: version %u "
			    "refused", rend[i].name, ro.version);
			is_int(rend[i].fn(d, f, &ro), LDIFF_EINVAL, name);
		}
		snprintf(name, sizeof name, "render_%s: nothing written",
		    rend[i].name);
		ok(ftell(f) == 0, name);
	}
	ldiff_render_opts_init(&ro);
	is_int(ldiff_render_text(d, f, &ro), 0,
	    "render_text: the right version renders");
	ok(ftell(f) > 0, "render_text: and writes");
	/* a program built when the struct ended at width: the fields
	 * after it are not read (unmarked would be garbage here) */
	ro.version = 1;
	ro.unmarked = 12345;
	ro.all_pairs = 12345;
	is_int(ldiff_render_paper(d, LDIFF_PAPER_PARALLEL, LDIFF_PAPER_TEXT,
	    f, &ro), 0, "render_paper: version 1 still renders");
	ro.version = LDIFF_RENDER_OPTS_VERSION + 1;
	is_int(ldiff_render_paper(d, LDIFF_PAPER_SUMMARY, LDIFF_PAPER_TEXT,
	    f, &ro), LDIFF_EINVAL, "render_paper: a newer version refused");
	fclose(f);
	ldiff_diff_free(d);
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
}

int
main(void)
{
	test_init();
	test_extract();
	test_records();
	test_split();
	test_diff_render();
	return done_testing();
}
