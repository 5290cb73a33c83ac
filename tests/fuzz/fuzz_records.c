/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_records.c - the record-stream readers under libFuzzer.
 *
 * Configuration byte: bit 0x80 small limits (see fuzz.h); bit 0x01 reads
 * the rest as a clause stream (ldiff_clauses_from_records), else as a
 * paragraph stream, JSON Lines or plain text (ldiff_doc_from_records),
 * and then with bit 0x02 splits it into clauses (ldiff_clauses_from_doc,
 * with sentence records when bit 0x04 is set too).
 *
 * Properties: the reader returns 0 or an error with a message, never
 * crashes; whatever it accepts survives a round trip, because the streams
 * are lossless: written as TSV and read back, then written again, it gives
 * the same bytes; written as JSON Lines and read back it gives the same
 * TSV.  The plain renderer must not fail on what was read.  The same
 * holds for clause streams, read or built by the splitter.
 */
#include "fuzz.h"

static ldiff_limits fzr_unlimited;

static char *
fzr_write(const ldiff_doc *d, ldiff_format fmt, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (f == NULL)
		fz_fail("open_memstream", NULL);
	if (ldiff_doc_write(d, f, fmt, LDIFF_PLAIN_NOTES |
	    LDIFF_PLAIN_COMMENTS | LDIFF_PLAIN_HEADERS) != 0)
		fz_fail("ldiff_doc_write", "failed on a memory stream");
	if (fclose(f) != 0)
		fz_fail("fclose", NULL);
	return buf;
}

/* Read back what we wrote: it must be accepted. */
static ldiff_doc *
fzr_reread(const char *s, size_t len, const char *what)
{
	ldiff_doc *d = NULL;
	ldiff_error err;
	int r;

	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_records(&d, s, len, &fzr_unlimited, &err);
	if (r != 0) {
		fprintf(stderr, "%s: %s (line %ld)\n", what, err.msg,
		    err.line);
		fz_fail("a written stream does not read back", what);
	}
	return d;
}

static void
fzr_roundtrip(const ldiff_doc *d)
{
	ldiff_doc *d2 = NULL, *d3 = NULL;
	char *tsv, *tsv2, *json, *tsv3, *plain;
	size_t n, n2, nj, n3, np;

	tsv = fzr_write(d, LDIFF_FMT_TSV, &n);
	d2 = fzr_reread(tsv, n, "TSV");
	if (ldiff_doc_count(d2) != ldiff_doc_count(d))
		fz_fail("TSV round trip", "paragraph count changed");
	tsv2 = fzr_write(d2, LDIFF_FMT_TSV, &n2);
	if (n2 != n || memcmp(tsv, tsv2, n) != 0)
		fz_fail("TSV round trip", "bytes changed");
	json = fzr_write(d, LDIFF_FMT_JSON, &nj);
	d3 = fzr_reread(json, nj, "JSON");
	tsv3 = fzr_write(d3, LDIFF_FMT_TSV, &n3);
	if (n3 != n || memcmp(tsv, tsv3, n) != 0)
		fz_fail("JSON round trip", "records changed");
	plain = fzr_write(d, LDIFF_FMT_PLAIN, &np);
	free(plain);
	free(tsv);
	free(tsv2);
	free(json);
	free(tsv3);
	ldiff_doc_free(d2);
	ldiff_doc_free(d3);
}

static void
fzr_clauses(const uint8_t *data, size_t size, const ldiff_doc *d,
    unsigned cfg)
{
	ldiff_split_opts so;
	ldiff_clauses *c = NULL;
	ldiff_error err;
	int r;

	ldiff_split_opts_init(&so);
	fz_limits(&so.limits, cfg);
	so.sentences = (cfg & 0x04) != 0;
	memset(&err, 0, sizeof err);
	if (d == NULL)
		r = ldiff_clauses_from_records(&c, (const char *)data, size,
		    &so, &err);
	else
		r = ldiff_clauses_from_doc(&c, d, &so, &err);
	fz_check_error(r, &err, "reading clauses");
	if ((r == 0) != (c != NULL))
		fz_fail("reading clauses", "result and return code disagree");
	if (r == 0)
		fz_clauses_roundtrip(c);
	ldiff_clauses_free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ldiff_limits lim;
	ldiff_error err;
	ldiff_doc *d = NULL;
	unsigned cfg;
	int r;

	if (size < 1)
		return 0;
	cfg = data[0];
	if (cfg & 0x01) {
		fzr_clauses(data + 1, size - 1, NULL, cfg);
		return 0;
	}
	fz_limits(&lim, cfg);
	ldiff_limits_init(&fzr_unlimited);
	fzr_unlimited.max_para_bytes = (size_t)-1;
	fzr_unlimited.max_paras = (size_t)-1;
	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_records(&d, (const char *)data + 1, size - 1,
	    &lim, &err);
	fz_check_error(r, &err, "ldiff_doc_from_records");
	if (r == 0 && d == NULL)
		fz_fail("ldiff_doc_from_records", "success without a doc");
	if (r != 0 && d != NULL)
		fz_fail("ldiff_doc_from_records", "error but a doc");
	if (r == 0) {
		fzr_roundtrip(d);
		if (cfg & 0x02)
			fzr_clauses(NULL, 0, d, cfg);
	}
	ldiff_doc_free(d);
	return 0;
}
