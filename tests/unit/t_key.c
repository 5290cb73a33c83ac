/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_key.c - the comparison key: typography folds, Swedish letters stay,
 * and the Swedish number reader and formatters the renderers use. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"
#include "tap.h"

static ld_arena *A;

static void
key_is(const char *in, const char *want, const char *name)
{
	is_str(ld_text_key(A, in), want, name);
}

static void
key_same(const char *x, const char *y, const char *name)
{
	is_str(ld_text_key(A, x), ld_text_key(A, y), name);
}

static void
test_key(void)
{
	key_is("Region Västerbotten", "region västerbotten",
	    "case folds, ä kept");
	key_is("ÅR MÄN FÖR", "år män för", "Å Ä Ö fold to å ä ö, no mark strip");
	key_same("a\xcc\x8a", "\xc3\xa5", "NFD a+ring equals NFC å");
	key_same("2023\xe2\x80\x93" "2026", "2023-2026", "en dash is a hyphen");
	key_same("2023\xe2\x80\x94" "2026", "2023-2026", "em dash is a hyphen");
	key_same("\xe2\x88\x92" "5", "-5", "U+2212 minus is a hyphen");
	key_same("\xe2\x80\x9d" "samverkan\xe2\x80\x9d", "\"samverkan\"",
	    "Swedish quotes fold");
	key_same("\xc2\xbbsamverkan\xc2\xbb", "\"samverkan\"", "guillemets fold");
	key_same("\xe2\x80\x9e" "a\xe2\x80\x9c", "'a'", "„“ and '' fold alike");
	key_same("regionens\xe2\x80\x99", "regionens'", "’ folds");
	key_same("1\xc2\xa0" "250\xe2\x80\xaf" "000", "1 250 000",
	    "NBSP and narrow NBSP are spaces");
	key_same("ut\xc2\xadveckling", "utveckling", "soft hyphen removed");
	key_same("\xef\xbb\xbfut\xe2\x80\x8bveck\xe2\x81\xa0ling", "utveckling",
	    "BOM, ZWSP, word joiner removed");
	key_is("  a \t b\n\n c  ", "a b c", "white space collapsed and trimmed");
	key_is("\xc2\xa0 \xe2\x80\x89", "", "only spaces: empty key");
	key_same("\xef\xac\x81nansiering", "finansiering", "ligature fi folds");
	key_same("vänta\xe2\x80\xa6", "vänta...", "ellipsis is three periods");
	ok(strcmp(ld_text_key(A, "kommunen"), ld_text_key(A, "kommunerna")),
	    "different words differ");
	ok(strcmp(ld_text_key(A, "ar"), ld_text_key(A, "\xc3\xa5r")),
	    "år is not ar");
	is_str(ld_text_key(A, "a\xff" "b"), "a\xef\xbf\xbd" "b",
	    "invalid byte becomes U+FFFD");
	key_is("", "", "empty text");
}

/* The Latin-1 shortcut gives what utf8proc's NFKC and case fold give,
 * for every code point U+00C0..U+00FF, alone and inside a word. */
static void
test_latin1_fold(void)
{
	int32_t c;
	size_t wrong = 0;

	for (c = 0xc0; c <= 0xff; c++) {
		char in[16];
		utf8proc_uint8_t *ref = NULL;
		utf8proc_ssize_t r;
		int n = (int)utf8proc_encode_char(c, (utf8proc_uint8_t *)in + 1);

		in[0] = 'K';
		in[n + 1] = 'A';
		in[n + 2] = '\0';
		r = utf8proc_map((const utf8proc_uint8_t *)in, n + 2, &ref,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
		    UTF8PROC_CASEFOLD);
		if (r < 0 || strcmp(ld_text_key(A, in), (char *)ref) != 0) {
			wrong++;
			diag("U+%04X: key \"%s\", utf8proc \"%s\"", (unsigned)c,
			    ld_text_key(A, in), r < 0 ? "?" : (char *)ref);
		}
		free(ref);
	}
	is_int((long)wrong, 0, "U+00C0..U+00FF fold as utf8proc folds them");
	key_is("STRA\xc3\x9f" "E", "strasse", "ß still folds to ss");
	key_is("\xc3\x85RE \xc3\x89TUDE \xc3\x98", "\xc3\xa5re \xc3\xa9tude "
	    "\xc3\xb8", "Å É Ø fold by the shortcut");
	key_same("A\xcc\x8a" "R", "\xc3\xa5r", "NFD Å+ring still composes");
}

static void
num_is(const char *s, double want, const char *name)
{
	double v = -12345;
	int rc = ld_parse_swedish_number(s, strlen(s), &v);

	ok(rc == 0 && v == want, name);
	if (rc != 0 || v != want)
		diag("rc %d value %f", rc, v);
}

static void
num_bad(const char *s, const char *name)
{
	double v;

	is_int(ld_parse_swedish_number(s, strlen(s), &v), LDIFF_EINVAL, name);
}

static void
test_parse(void)
{
	num_is("1 250 000", 1250000, "spaced groups");
	num_is("1 250 000,50", 1250000.5, "groups and decimal comma");
	num_is("2,5", 2.5, "decimal comma");
	num_is("1250000", 1250000, "no groups");
	num_is("1\xc2\xa0" "250\xc2\xa0" "000", 1250000, "NBSP groups");
	num_is("12\xe2\x80\xaf" "000", 12000, "narrow NBSP groups");
	num_is("3\xe2\x80\x89" "500", 3500, "thin space groups");
	num_is("\xe2\x88\x92" "3,25", -3.25, "U+2212 minus");
	num_is("-40", -40, "hyphen minus");
	num_is("500:-", 500, "500:-");
	num_is("0", 0, "zero");
	num_bad("", "empty is no number");
	num_bad("1 25 000", "a short group is no number");
	num_bad("1 2500", "a long group is no number");
	num_bad("2,", "comma without decimals");
	num_bad("kr", "word");
	num_bad("2023-01-01", "a date is no number");
	num_bad("1.250.000", "period groups are not read");
}

static void
test_units(void)
{
	ok(ld_amount_multiplier("kr", 2) == 1, "kr");
	ok(ld_amount_multiplier("kr.", 3) == 1, "kr.");
	ok(ld_amount_multiplier("kronor", 6) == 1, "kronor");
	ok(ld_amount_multiplier("SEK", 3) == 1, "SEK");
	ok(ld_amount_multiplier("tkr", 3) == 1e3, "tkr");
	ok(ld_amount_multiplier("mnkr", 4) == 1e6, "mnkr");
	ok(ld_amount_multiplier("Mkr", 3) == 1e6, "Mkr");
	ok(ld_amount_multiplier("miljoner kronor", 15) == 1e6,
	    "miljoner kronor");
	ok(ld_amount_multiplier("miljoner\xc2\xa0kr", 12) == 1e6,
	    "miljoner NBSP kr");
	ok(ld_amount_multiplier("mdkr", 4) == 1e9, "mdkr");
	ok(ld_amount_multiplier("miljoner", 8) == 0, "bare miljoner is no unit");
	ok(ld_amount_multiplier("procent", 7) == 0, "procent is no unit");
	ok(ld_amount_multiplier("krona", 3) == 0, "prefix of a unit is none");
}

static void
fmt_is(int which, double x, double y, unsigned flags, const char *want,
    const char *name)
{
	ld_buf b;

	ld_buf_init(&b);
	if (which == 0)
		ld_format_sek(&b, x, flags);
	else if (which == 1)
		ld_format_percent(&b, x, flags);
	else if (which == 2)
		ld_format_delta(&b, x, y, flags);
	else
		ld_format_number(&b, x, -1, flags);
	is_str(ld_buf_str(&b), want, name);
	ld_buf_free(&b);
}

static void
test_format(void)
{
	fmt_is(0, 1250000, 0, 0, "1 250 000 kr", "sek plain");
	fmt_is(0, 1250000, 0, LD_FMT_NBSP,
	    "1\xc2\xa0" "250\xc2\xa0" "000\xc2\xa0kr", "sek NBSP");
	fmt_is(0, 1250000.5, 0, 0, "1 250 000,50 kr", "sek with öre");
	fmt_is(0, 999, 0, 0, "999 kr", "sek under a thousand");
	fmt_is(0, 1000, 0, 0, "1 000 kr", "sek a thousand");
	fmt_is(0, -2500, 0, 0, "-2 500 kr", "sek negative plain");
	fmt_is(0, -2500, 0, LD_FMT_MINUS, "\xe2\x88\x92" "2 500 kr",
	    "sek negative U+2212");
	fmt_is(1, 2.5, 0, 0, "2,5 %", "percent");
	fmt_is(1, 12, 0, 0, "12,0 %", "percent one decimal");
	fmt_is(2, 1250000, 1300000, LD_FMT_SEK, "+50 000 kr (+4,0 %)",
	    "delta amount up");
	fmt_is(2, 1250000, 1400000, LD_FMT_SEK, "+150 000 kr (+12,0 %)",
	    "delta +150 000 kr");
	fmt_is(2, 1300000, 1250000, LD_FMT_SEK, "-50 000 kr (-3,8 %)",
	    "delta amount down");
	fmt_is(2, 1300000, 1250000, LD_FMT_SEK | LD_FMT_TYPO,
	    "\xe2\x88\x92" "50\xc2\xa0" "000\xc2\xa0kr (\xe2\x88\x92"
	    "3,8\xc2\xa0%)", "delta typographic");
	fmt_is(2, 0, 5000, LD_FMT_SEK, "+5 000 kr", "delta from zero: no %");
	fmt_is(2, 4, 6, 0, "+2 (+50,0 %)", "delta of a count");
	fmt_is(2, 7, 7, 0, "\xc2\xb1" "0 (\xc2\xb1" "0,0 %)", "no change");
	fmt_is(3, 2.25, 0, 0, "2,25", "number with decimals");
	fmt_is(3, 2.5, 0, 0, "2,5", "2,5 as written, not 2,50");
	fmt_is(2, 2.5, 3, 0, "+0,5 (+20,0 %)", "delta of a rate: +0,5");
	fmt_is(3, 1e20, 0, 0, "100 000 000 000 000 000 000", "huge number");
}

int
main(void)
{
	A = ld_arena_new();
	test_key();
	test_latin1_fold();
	test_parse();
	test_units();
	test_format();
	ld_arena_free(A);
	return done_testing();
}
