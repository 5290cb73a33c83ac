/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_doc.c - the paragraph record stream: lossless round trips through
 * TSV and JSON, plain text input, and every malformed-input error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static const char stream[] =
    "#klausul-paragraphs 1\n"
    "heading\t1\t1.\tHeading 1\t\t\t\tInledning\n"
    "item\t2\t1.1.\tList Paragraph\t\tfn:1\trev\tParterna är överens om att\\tsamverka.\n"
    "cell\t0\t\t\tt1.r2.c1\t\t\tUmeå\n"
    "footnote\t0\t\tFootnote Text\tfn:1\t\tins,del\tLag (2010:630) \\\\ om \\n regionalt.\n";

/* Write d in fmt to a memory buffer. */
static char *
write_mem(const ldiff_doc *d, ldiff_format fmt, unsigned flags, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	ok(ldiff_doc_write(d, f, fmt, flags) == 0, "write succeeds");
	fclose(f);
	return buf;
}

static void
test_tsv_roundtrip(void)
{
	ldiff_doc *d = NULL, *d2 = NULL;
	ldiff_error err = { 0 };
	const ldiff_para *p;
	char *out, *json;
	size_t len, jlen;

	is_int(ldiff_doc_from_records(&d, stream, sizeof stream - 1, NULL,
	    &err), 0, "stream reads");
	is_int(ldiff_doc_count(d), 4, "four paragraphs");
	p = ldiff_doc_para(d, 1);
	is_str(p->label, "1.1.", "label");
	is_str(p->text, "Parterna är överens om att\tsamverka.", "TAB unescaped");
	is_int(p->flags, LDIFF_PF_HAS_REVISIONS, "flags read");
	is_int(p->kind, LDIFF_PARA_ITEM, "kind item");
	is_int(p->level, 2, "level");
	is_str(ldiff_doc_para(d, 3)->text,
	    "Lag (2010:630) \\ om \n regionalt.", "backslash and LF");
	out = write_mem(d, LDIFF_FMT_TSV, 0, &len);
	ok(len == sizeof stream - 1 && memcmp(out, stream, len) == 0,
	    "TSV round trip is byte for byte");
	json = write_mem(d, LDIFF_FMT_JSON, 0, &jlen);
	is_int(ldiff_doc_from_records(&d2, json, jlen, NULL, &err), 0,
	    "JSON reads back");
	free(out);
	out = write_mem(d2, LDIFF_FMT_TSV, 0, &len);
	ok(len == sizeof stream - 1 && memcmp(out, stream, len) == 0,
	    "JSON round trip gives the same records");
	free(out);
	free(json);
	ldiff_doc_free(d);
	ldiff_doc_free(d2);
}

static void
test_plain(void)
{
	ldiff_doc *d = NULL;
	char *out;
	size_t len;

	ldiff_doc_from_records(&d, stream, sizeof stream - 1, NULL, NULL);
	out = write_mem(d, LDIFF_FMT_PLAIN, 0, &len);
	is_str(out, "1. Inledning\n1.1. Parterna är överens om att\tsamverka.\n"
	    "Umeå\n", "plain: labels first, notes left out");
	free(out);
	out = write_mem(d, LDIFF_FMT_PLAIN, LDIFF_PLAIN_NOTES, &len);
	ok(strstr(out, "[fn:1] Lag (2010:630)") != NULL, "plain --notes");
	free(out);
	ldiff_doc_free(d);
}

static void
test_plain_input(void)
{
	static const char text[] = "\xEF\xBB\xBF" "Första stycket.\r\nA\xcc\x8a" "ngermanland\n\n";
	ldiff_doc *d = NULL;

	is_int(ldiff_doc_from_records(&d, text, sizeof text - 1, NULL, NULL),
	    0, "plain text reads");
	is_int(ldiff_doc_count(d), 3, "one paragraph per line, empty kept");
	is_str(ldiff_doc_para(d, 0)->text, "Första stycket.", "BOM and CR gone");
	is_str(ldiff_doc_para(d, 1)->text, "Ångermanland", "NFC applied");
	ldiff_doc_free(d);
}

static void
expect_error(const char *data, int code, long line, const char *name)
{
	ldiff_doc *d = NULL;
	ldiff_error err = { 0 };
	int r = ldiff_doc_from_records(&d, data, strlen(data), NULL, &err);

	is_int(r, code, name);
	is_int(err.line, line, "  ... at the right line");
	ok(d == NULL, "  ... and no document");
	ok(err.msg[0] != '\0', "  ... with a message");
}

static void
test_errors(void)
{
	ldiff_limits lim;
	ldiff_doc *d = NULL;
	ldiff_error err = { 0 };

	expect_error("#klausul-paragraphs 2\n", LDIFF_ERECORD, 1, "version");
	expect_error("#klausul-paragraphs 1\nheading\t1\n", LDIFF_ERECORD, 2,
	    "too few fields");
	expect_error("#klausul-paragraphs 1\nchapter\t1\t\t\t\t\t\tx\n",
	    LDIFF_ERECORD, 2, "unknown kind");
	expect_error("#klausul-paragraphs 1\nheading\tx\t\t\t\t\t\tx\n",
	    LDIFF_ERECORD, 2, "bad level");
	expect_error("#klausul-paragraphs 1\nheading\t1\t\t\t\t\t\tx\\q\n",
	    LDIFF_ERECORD, 2, "bad escape");
	expect_error("#klausul-paragraphs 1\nheading\t1\t\t\t\t\t\tx\tx\n",
	    LDIFF_ERECORD, 2, "too many fields");
	expect_error("#klausul-paragraphs 1\n\nparagraph\t0\t\t\t\t\tbogus\tx\n",
	    LDIFF_ERECORD, 3, "bad flag");
	expect_error("ok\n\xff\xfe\n", LDIFF_EUTF8, 2, "invalid UTF-8");
	expect_error("{\"kind\": \"heading\"}\n", LDIFF_ERECORD, 1,
	    "JSON without text");
	ldiff_limits_init(&lim);
	lim.max_para_bytes = 4;
	is_int(ldiff_doc_from_records(&d, "abc\nabcdef\n", 11, &lim, &err),
	    LDIFF_ELIMIT, "paragraph length limit");
	is_int(err.line, 2, "  ... names the line");
	lim.max_para_bytes = 100;
	lim.max_paras = 2;
	is_int(ldiff_doc_from_records(&d, "a\nb\nc\n", 6, &lim, &err),
	    LDIFF_ELIMIT, "paragraph count limit");
}

static void
test_oom(void)
{
	long n;
	int failures = 0, leaks_checked = 0;

	/* Fail each allocation in turn: every path must return ENOMEM
	 * cleanly (ASan/valgrind runs catch leaks). */
	for (n = 0; n < 200; n++) {
		ldiff_doc *d = NULL;
		int r;

		ld_alloc_fail_after(n);
		r = ldiff_doc_from_records(&d, stream, sizeof stream - 1, NULL,
		    NULL);
		ld_alloc_fail_after(-1);
		if (r == 0) {
			ldiff_doc_free(d);
			break;
		}
		failures += r != LDIFF_ENOMEM || d != NULL;
		leaks_checked++;
	}
	ok(leaks_checked > 5, "allocation failures injected");
	is_int(failures, 0, "every injected failure gives ENOMEM and no doc");
}

int
main(void)
{
	test_tsv_roundtrip();
	test_plain();
	test_plain_input();
	test_errors();
	test_oom();
	return done_testing();
}
