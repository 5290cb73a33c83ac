/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_record.c - the record-stream primitives: escaping round-trips,
 * splitting, JSON strings out and back, lines. */
#include <string.h>

#include "internal.h"
#include "tap.h"

static void
test_escape_roundtrip(void)
{
	const char *cases[] = { "", "plain", "tab\there", "nl\nand\rcr",
	    "back\\slash", "\\t literal", "åäö – ”citat”" };
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ld_buf b;
		char *copy;

		ld_buf_init(&b);
		ld_tsv_escape(&b, cases[i]);
		ok(strchr(ld_buf_str(&b), '\t') == NULL &&
		    strchr(ld_buf_str(&b), '\n') == NULL,
		    "escaped field has no TAB or LF");
		copy = strdup(ld_buf_str(&b));
		is_int(ld_tsv_unescape(copy), 0, "unescape succeeds");
		is_str(copy, cases[i], "escape round-trips");
		free(copy);
		ld_buf_free(&b);
	}
	{
		char bad[] = "a\\xb";
		is_int(ld_tsv_unescape(bad), LDIFF_ERECORD,
		    "unknown escape is an error");
	}
}

static void
test_split(void)
{
	char line[] = "a\t\tc\td\te";
	char *f[4];
	size_t n = ld_tsv_split(line, f, 4);

	is_int(n, 4, "split stops at max fields");
	is_str(f[1], "", "empty field kept");
	is_str(f[3], "d\te", "last field keeps the rest");
}

static void
test_json(void)
{
	ld_buf b;
	ld_json_kv kv[8];
	char *line;
	int n;

	ld_buf_init(&b);
	ld_buf_adds(&b, "{\"text\": ");
	ld_json_string(&b, "”Å”\t\x01\"\\");
	ld_buf_adds(&b, ", \"level\": 2, \"arr\": [1, {\"x\": \"]\"}], \"t\":true}");
	line = strdup(ld_buf_str(&b));
	n = ld_json_parse_flat(line, kv, 8);
	is_int(n, 4, "four pairs");
	is_str(ld_json_get(kv, n, "text"), "”Å”\t\x01\"\\", "string round-trips");
	is_str(ld_json_get(kv, n, "level"), "2", "number kept as text");
	is_str(ld_json_get(kv, n, "arr"), "[1, {\"x\": \"]\"}]", "array kept raw");
	is_str(ld_json_get(kv, n, "t"), "true", "literal kept");
	free(line);
	line = strdup("{\"a\": \"\\u00e5\\ud83d\\ude00\"}");
	n = ld_json_parse_flat(line, kv, 8);
	is_str(ld_json_get(kv, n, "a"), "å😀", "unicode escapes decode");
	free(line);
	line = strdup("{\"a\": \"x\"} trailing");
	is_int(ld_json_parse_flat(line, kv, 8), LDIFF_ERECORD, "trailing junk rejected");
	free(line);
	line = strdup("{\"a\": \"\\u0000\"}");
	is_int(ld_json_parse_flat(line, kv, 8), LDIFF_ERECORD, "NUL escape rejected");
	free(line);
	ld_buf_free(&b);
}

static void
test_lines(void)
{
	const char data[] = "one\r\ntwo\n\nlast";
	size_t pos = 0, n;
	const char *l;
	int count = 0;

	while (ld_next_line(data, sizeof data - 1, &pos, &l, &n))
		count++;
	is_int(count, 4, "four lines, CRLF and no final newline");
}

static void
test_utf8(void)
{
	ld_arena *a = ld_arena_new();
	char *s = ld_utf8_nfc(a, "a\xcc\x8a", 3);	/* a + ring above */
	char *f = ld_utf8_fold("ÅÄÖ Kommun", strlen("ÅÄÖ Kommun"));

	is_str(s, "å", "NFD å composes to NFC");
	is_str(f, "åäö kommun", "case fold keeps å ä ö");
	is_int(ld_utf8_valid_prefix("ok\xff", 3), 2, "invalid byte found");
	ld_free(f);
	ld_arena_free(a);
}

int
main(void)
{
	test_escape_roundtrip();
	test_split();
	test_json();
	test_lines();
	test_utf8();
	return done_testing();
}
