/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_pdf.c - the PDF reader under libFuzzer.
 *
 * Configuration byte: bit 0x80 small limits (fuzz.h), which also caps the
 * page count at 4; the rest is the PDF bytes.  poppler itself is not built
 * with the fuzzer's instrumentation, so coverage guides the mutations only
 * through libdiff/pdf/ (lines, furniture, paragraphs): seeds that poppler
 * reads, mutated, are what reaches that code.
 *
 * Properties: an error has a known code and a message; a document read
 * passes fz_check_doc (fuzz.h); a document is never empty (no text is
 * LDIFF_ENOTEXT, not an empty success).
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ldiff_extract_opts xo;
	ldiff_error err;
	ldiff_doc *d = NULL;
	unsigned cfg;
	int r;

	if (size < 1)
		return 0;
	cfg = data[0];
	ldiff_extract_opts_init(&xo);
	fz_limits(&xo.limits, cfg);
	if (cfg & 0x80)
		xo.limits.max_pages = 4;
	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_pdf_mem(&d, data + 1, size - 1, &xo, &err);
	fz_check_error(r, &err, "ldiff_doc_from_pdf_mem");
	if ((r == 0) != (d != NULL))
		fz_fail("ldiff_doc_from_pdf_mem", "result and code disagree");
	if (r == 0 && ldiff_doc_count(d) == 0)
		fz_fail("ldiff_doc_from_pdf_mem", "an empty success");
	if (r == 0)
		fz_check_doc(d, cfg);
	ldiff_doc_free(d);
	return 0;
}
