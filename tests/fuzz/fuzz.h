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
	if (r < LDIFF_EINVAL || r > 0)
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

#endif
