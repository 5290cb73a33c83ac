/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz.h - what the libFuzzer harnesses share.
 *
 * A harness is one LLVMFuzzerTestOneInput over the public API.  Like
 * cmark's fuzzer, the first bytes of an input are its configuration (which
 * reader, which options, which limits) and the rest is the document, so
 * the fuzzer explores options and inputs together.  A broken property is
 * a crash: fz_fail() prints what broke and aborts, and libFuzzer (or the
 * replay driver of tests/helpers/replay_*.c) reports it.
 */
#ifndef KL_FUZZ_H
#define KL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libdiff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void
fz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz property broken: %s%s%s\n", what,
	    detail != NULL ? ": " : "", detail != NULL ? detail : "");
	fflush(stderr);
	abort();
}

/* A failing call must say why: a known code and a message. */
static inline void
fz_check_error(int r, const ldiff_error *err, const char *call)
{
	if (r == 0)
		return;
	if (r < LDIFF_ENOTEXT || r > 0)
		fz_fail(call, "returned an unknown error code");
	if (err->code != r)
		fz_fail(call, "error code and ldiff_error.code differ");
	if (err->msg[0] == '\0' || memchr(err->msg, '\0', sizeof err->msg)
	    == NULL)
		fz_fail(call, "error without a message");
}

/* Small limits, so the fuzzer reaches the limit paths with small inputs,
 * when bit 0x80 of the configuration byte is set. */
static inline void
fz_limits(ldiff_limits *lim, unsigned cfg)
{
	ldiff_limits_init(lim);
	if (cfg & 0x80) {
		lim->max_part_bytes = 1 << 16;
		lim->max_total_bytes = 1 << 18;
		lim->max_ratio = 50;
		lim->max_xml_depth = 24;
		lim->max_para_bytes = 256;
		lim->max_paras = 64;
		lim->max_clauses = 64;
	} else {
		/* Inputs are small: keep an inflated part small too, so a
		 * run is about parsing, not about inflating zeros. */
		lim->max_part_bytes = 8 << 20;
		lim->max_total_bytes = 32 << 20;
	}
}

/* The stream /dev/null for renderers whose output is not checked. */
static inline FILE *
fz_devnull(void)
{
	static FILE *f;

	if (f == NULL && (f = fopen("/dev/null", "w")) == NULL)
		fz_fail("fopen /dev/null", NULL);
	return f;
}

/* Write clauses to memory in fmt. */
static inline char *
fz_clauses_mem(const ldiff_clauses *c, ldiff_format fmt, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (f == NULL)
		fz_fail("open_memstream", NULL);
	if (ldiff_clauses_write(c, f, fmt) != 0)
		fz_fail("ldiff_clauses_write", "failed on a memory stream");
	if (fclose(f) != 0)
		fz_fail("fclose", NULL);
	return buf;
}

/* The clause stream is lossless: TSV written, read back and written
 * again gives the same bytes; JSON Lines read back give the same TSV. */
static inline void
fz_clauses_roundtrip(const ldiff_clauses *c)
{
	ldiff_split_opts so;
	ldiff_clauses *c2 = NULL, *c3 = NULL;
	ldiff_error err;
	char *tsv, *tsv2, *json, *tsv3, *plain;
	size_t n, n2, nj, n3, np;

	ldiff_split_opts_init(&so);
	so.limits.max_para_bytes = (size_t)-1;
	so.limits.max_clauses = (size_t)-1;
	memset(&err, 0, sizeof err);
	tsv = fz_clauses_mem(c, LDIFF_FMT_TSV, &n);
	if (ldiff_clauses_from_records(&c2, tsv, n, &so, &err) != 0) {
		fprintf(stderr, "%s (line %ld)\n", err.msg, err.line);
		fz_fail("a written clause stream does not read back", "TSV");
	}
	tsv2 = fz_clauses_mem(c2, LDIFF_FMT_TSV, &n2);
	if (n2 != n || memcmp(tsv, tsv2, n) != 0)
		fz_fail("clause TSV round trip", "bytes changed");
	json = fz_clauses_mem(c, LDIFF_FMT_JSON, &nj);
	if (ldiff_clauses_from_records(&c3, json, nj, &so, &err) != 0) {
		fprintf(stderr, "%s (line %ld)\n", err.msg, err.line);
		fz_fail("a written clause stream does not read back", "JSON");
	}
	tsv3 = fz_clauses_mem(c3, LDIFF_FMT_TSV, &n3);
	if (n3 != n || memcmp(tsv, tsv3, n) != 0)
		fz_fail("clause JSON round trip", "records changed");
	plain = fz_clauses_mem(c, LDIFF_FMT_PLAIN, &np);
	free(plain);
	free(tsv);
	free(tsv2);
	free(json);
	free(tsv3);
	ldiff_clauses_free(c2);
	ldiff_clauses_free(c3);
}

/* A document read (from .docx or PDF): every field of every paragraph
 * set, the paragraph stream written reads back as as many records, the
 * paragraphs split into clauses, and the clause stream survives its
 * round trip too. */
static inline void
fz_check_doc(const ldiff_doc *d, unsigned cfg)
{
	ldiff_split_opts so;
	ldiff_clauses *c = NULL;
	ldiff_error err;
	char *buf = NULL;
	size_t len, i;
	FILE *f;
	int r;

	for (i = 0; i < ldiff_doc_count(d); i++) {
		const ldiff_para *p = ldiff_doc_para(d, i);

		if (p == NULL || p->text == NULL || p->label == NULL ||
		    p->style == NULL || p->where == NULL || p->refs == NULL)
			fz_fail("a paragraph record", "NULL field");
	}
	/* The stream written must read back as the same records. */
	if ((f = open_memstream(&buf, &len)) == NULL)
		fz_fail("open_memstream", NULL);
	if (ldiff_doc_write(d, f, LDIFF_FMT_TSV, 0) != 0)
		fz_fail("ldiff_doc_write", NULL);
	fclose(f);
	{
		ldiff_limits lim;
		ldiff_doc *d2 = NULL;

		ldiff_limits_init(&lim);
		lim.max_para_bytes = (size_t)-1;
		lim.max_paras = (size_t)-1;
		memset(&err, 0, sizeof err);
		if (ldiff_doc_from_records(&d2, buf, len, &lim, &err) != 0) {
			fprintf(stderr, "%s (line %ld)\n", err.msg, err.line);
			fz_fail("kltext's stream does not read back", NULL);
		}
		if (ldiff_doc_count(d2) != ldiff_doc_count(d))
			fz_fail("kltext's stream", "paragraph count changed");
		ldiff_doc_free(d2);
	}
	free(buf);
	ldiff_split_opts_init(&so);
	fz_limits(&so.limits, cfg);
	so.sentences = (cfg & 0x20) != 0;
	memset(&err, 0, sizeof err);
	r = ldiff_clauses_from_doc(&c, d, &so, &err);
	fz_check_error(r, &err, "ldiff_clauses_from_doc");
	if (r == 0)
		fz_clauses_roundtrip(c);
	ldiff_clauses_free(c);
}

#endif
