/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_token.c - ldiff_tokenize: every token class, and the coverage
 * property (tokens rebuild the text exactly) on random and hostile input,
 * invalid UTF-8 included. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

static const char *const type_name[] = { "WORD", "NUMBER", "DATE",
    "YEARRANGE", "REF", "ABBR", "TIME", "PUNCT", "SPACE", "OTHER" };

/* Do the tokens cover text[0..len) exactly, in order, none empty? */
static int
covers(const ldiff_token *t, size_t n, size_t len)
{
	size_t i, at = 0;

	for (i = 0; i < n; i++) {
		if (t[i].off != at || t[i].len == 0)
			return 0;
		at += t[i].len;
	}
	return at == len;
}

/* The token that starts at the first occurrence of want, as "TYPE:text";
 * "-" when no token starts there or it is longer or shorter. */
static char *
token_at(const char *text, const char *want)
{
	static char buf[256];
	ldiff_token *t;
	size_t n, i, off;
	const char *p = strstr(text, want);

	snprintf(buf, sizeof buf, "-");
	if (p == NULL || ldiff_tokenize(text, strlen(text), &t, &n) != 0)
		return buf;
	off = (size_t)(p - text);
	for (i = 0; i < n; i++)
		if (t[i].off == off)
			snprintf(buf, sizeof buf, "%s:%.*s",
			    type_name[t[i].type], (int)t[i].len, text + off);
	free(t);
	return buf;
}

static void
expect(const char *text, const char *tok, const char *type)
{
	char want[256], name[512];

	snprintf(want, sizeof want, "%s:%s", type, tok);
	snprintf(name, sizeof name, "%s in \"%s\"", want, text);
	is_str(token_at(text, tok), want, name);
}

static void
test_words(void)
{
	expect("Åsele kommun är minst.", "Åsele", "WORD");
	expect("ett EU-stöd till", "EU-stöd", "WORD");
	expect("under 2020-talet ökar", "2020-talet", "WORD");
	expect("nya e-tjänster finns", "e-tjänster", "WORD");
	expect("enligt EU:s regler", "EU:s", "WORD");
	expect("i SKR:s rapport", "SKR:s", "WORD");
	expect("det 1:a förslaget", "1:a", "WORD");
	expect("hälso- och sjukvård", "hälso-", "WORD");
	expect("Riks\xc2\xad" "dagens beslut", "Riks\xc2\xad" "dagens", "WORD");
	expect("ordet Följande: sedan", "Följande", "WORD");
}

static void
test_numbers(void)
{
	expect("betalar 1 250 000 kr", "1 250 000", "NUMBER");
	expect("betalar 1" NBSP "250" NBSP "000 kr", "1" NBSP "250" NBSP "000",
	    "NUMBER");
	expect("betalar 1" NNBSP "250 kr", "1" NNBSP "250", "NUMBER");
	expect("med 2,5 % per år", "2,5", "NUMBER");
	expect("summa 1 000 000,50 kr", "1 000 000,50", "NUMBER");
	/* Only 3-digit groups after a first group of 1-3 digits. */
	expect("år 2019 15 kommuner", "2019", "NUMBER");
	expect("år 2019 15 kommuner", "15", "NUMBER");
	expect("de 12 1234 fallen", "12", "NUMBER");
	expect("sidan 112-115 och", "112", "NUMBER");
}

static void
test_dates_and_ranges(void)
{
	expect("den 2023-01-01 gäller", "2023-01-01", "DATE");
	expect("den 13.12.2013 gäller", "13.12.2013", "DATE");
	expect("den 1 januari 2023 gäller", "1 januari 2023", "DATE");
	expect("perioden 2023\xe2\x80\x93" "2026 gäller",
	    "2023\xe2\x80\x93" "2026", "YEARRANGE");
	expect("perioden 2023-2026 gäller", "2023-2026", "YEARRANGE");
	expect("perioden 2023\xe2\x80\x94" "2026 gäller",
	    "2023\xe2\x80\x94" "2026", "YEARRANGE");
	expect("den 2023-13-01 gäller", "2023", "NUMBER");
}

static void
test_refs(void)
{
	expect("enligt 3 § gäller", "3 §", "REF");
	expect("enligt 3 a § gäller", "3 a §", "REF");
	expect("enligt 2 kap. 3 § gäller", "2 kap.", "REF");
	expect("enligt 2 kap. 3 § gäller", "3 §", "REF");
	expect("enligt 3 i kap. 4 gäller", "3 i kap.", "REF");
	expect("enligt 3 o § gäller", "3", "NUMBER");
	/* what only a § or "kap" could make longer, read without PCRE2 */
	expect("se 5 i avsnitt 3.", "5", "NUMBER");
	expect("se 5 i avsnitt 3.", "3", "NUMBER");
	expect("se punkt 12. Regionen", "12", "NUMBER");
	expect("den 1.3.2024 gäller", "1.3.2024", "DATE");
	expect("år 2023.", "2023", "NUMBER");
	/* 64 digits or more: the pattern's 64-byte window cuts them, as
	 * before the shortcuts */
	expect("x 7777777777777777777777777777777777777777777777777777777777777777"
	    "777777. Slut", "7777777777777777777777777777777777777777777777777777"
	    "777777777777", "NUMBER");
	expect("x 7777777777777777777777777777777777777777777777777777777777777777"
	    "777777 i avsnitt", "7777777777777777777777777777777777777777777777"
	    "777777777777777777", "NUMBER");
	expect("lag (2010:630) om", "2010:630", "REF");
	expect("prop. 2009/10:156 om", "2009/10:156", "REF");
	expect("prop. 2009/10:156 om", "prop.", "ABBR");
	expect("bet. 2009/10:KU37 om", "2009/10:KU37", "REF");
}

static void
test_abbrevs(void)
{
	expect("regionen ska bl.a. utarbeta", "bl.a.", "ABBR");
	expect("Bl.a. ska regionen", "Bl.a.", "ABBR");
	expect("till exempel t.ex. här", "t.ex.", "ABBR");
	expect("skolor m.m. och", "m.m.", "ABBR");
	expect("gäller fr.o.m. i dag", "fr.o.m.", "ABBR");
	expect("kansliet, dvs. kallelser", "dvs.", "ABBR");
	expect("kansliet, d.v.s. kallelser", "d.v.s.", "ABBR");
	expect("samverkan t ex inom vården", "t ex", "ABBR");
	expect("samverkan bl" NBSP "a inom vården", "bl" NBSP "a", "ABBR");
	expect("gäller fr o m i dag", "fr o m", "ABBR");
	expect("främja, t. ex. genom", "t. ex.", "ABBR");
	expect("enligt L.B. Larsson", "L.B.", "ABBR");
	expect("NJA 2014 s. 499", "s.", "ABBR");
	/* One-part homographs are words before a capital or the end. */
	expect("Han köpte en bil. Sedan", "bil", "WORD");
	expect("Kostnaden är 45 kr. Regionen", "kr", "WORD");
	expect("Kostnaden är 45 kr. per år", "kr.", "ABBR");
	/* Ordinary short words are not abbreviations. */
	expect("i en kommun", "i", "WORD");
	expect("from och fromma", "from", "WORD");
}

static void
test_times(void)
{
	expect("börjar kl. 9.00 i Umeå", "9.00", "TIME");
	expect("börjar kl. 9.00\xe2\x80\x93" "12.00 i Umeå",
	    "9.00\xe2\x80\x93" "12.00", "TIME");
	expect("Kl. 13:30 börjar", "13:30", "TIME");
	expect("artikel 107.1 i fördraget", "107", "NUMBER");
}

static void
test_punct(void)
{
	static const char *const q[] = { "\xe2\x80\x9d", "\xe2\x80\x9c",
	    "\xe2\x80\x9e", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x99", "(",
	    ".", "\xc2\xa7", "%", NULL };
	char text[64];
	int k;

	for (k = 0; q[k] != NULL; k++) {
		snprintf(text, sizeof text, "ord %sord", q[k]);
		expect(text, q[k], "PUNCT");
	}
	expect("ord  \t ord", "  \t ", "SPACE");
}

static void
test_invalid_utf8(void)
{
	static const char text[] = "ok \xff\xc3 ok \xe2\x80 \xc3\xa5";
	ldiff_token *t;
	size_t n, i, bad = 0;

	is_int(ldiff_tokenize(text, sizeof text - 1, &t, &n), 0,
	    "invalid UTF-8 tokenizes");
	ok(covers(t, n, sizeof text - 1), "invalid UTF-8: tokens cover it");
	for (i = 0; i < n; i++)
		if (t[i].type == LDIFF_TOK_OTHER) {
			bad++;
			ok(t[i].len == 1, "an invalid byte is one OTHER token");
		}
	is_int(bad, 4, "four invalid bytes, four OTHER tokens");
	free(t);
}

/* Random text from Swedish fragments and raw bytes. */
static uint32_t seed = 12345;

static uint32_t
rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

static size_t
random_text(char *buf, size_t cap, int raw)
{
	static const char *const frag[] = { "bl.a.", "t ex", "1 250 000",
	    "2,5", "2023\xe2\x80\x93" "2026", "kl. 9.00", "EU:s", "3 a §",
	    "2 kap.", "(2010:630)", "\xe2\x80\x9d", ".", " ", NBSP, NNBSP,
	    "Å", "ö", "-", ":", "13.12.2013", "m.m.", "L.B.", "…", "\xad",
	    "1", "0", "a", "Z", "\xff", "\xc3", "\xe2\x80", "kr.", "?" };
	size_t n = 0, k, l;

	while (n + 16 < cap && rnd() % 40 != 0) {
		if (raw) {
			buf[n++] = (char)(rnd() & 0xff);
			continue;
		}
		k = rnd() % (sizeof frag / sizeof frag[0]);
		l = strlen(frag[k]);
		memcpy(buf + n, frag[k], l);
		n += l;
	}
	return n;
}

static void
test_coverage_random(void)
{
	char buf[2048];
	int round, good = 0;

	for (round = 0; round < 3000; round++) {
		size_t len = random_text(buf, sizeof buf, round % 3 == 0);
		ldiff_token *t;
		size_t n;

		if (ldiff_tokenize(buf, len, &t, &n) == 0 && covers(t, n, len))
			good++;
		else
			diag("round %d fails", round);
		free(t);
	}
	is_int(good, 3000, "3000 random texts: tokens cover each exactly");
}

static void
test_api(void)
{
	ldiff_token *t = NULL;
	size_t n = 99;

	is_int(ldiff_tokenize("", 0, &t, &n), 0, "empty text");
	is_int(n, 0, "empty text has no tokens");
	free(t);
	is_int(ldiff_tokenize("x", 1, NULL, &n), LDIFF_EINVAL,
	    "NULL out is EINVAL");
	ld_alloc_fail_after(0);
	is_int(ldiff_tokenize("ord och ord", 11, &t, &n), LDIFF_ENOMEM,
	    "allocation failure is ENOMEM");
	ld_alloc_fail_after(-1);
}

/* ld_abbrev_at on its own (before any tokenizing): forms and classes. */
static void
test_abbrev_at(void)
{
	static const struct { const char *s; size_t len; int cls; } c[] = {
		{ "bl.a. ", 5, LD_ABBR_NO_BREAK },
		{ "Bl a Umeå", 4, LD_ABBR_NO_BREAK },
		{ "fr" NBSP "o" NBSP "m den", 8, LD_ABBR_NO_BREAK },
		{ "t. ex. här", 6, LD_ABBR_NO_BREAK },
		{ "m.m. Nu", 4, LD_ABBR_MAY_END },
		{ "dvs.", 4, LD_ABBR_NO_BREAK },
		{ "L.B. Larsson", 4, LD_ABBR_INITIALS },
		{ "dvs utan punkt", 0, LD_ABBR_NONE },
		{ "och att", 0, LD_ABBR_NONE },
		{ "BL.A.", 0, LD_ABBR_NONE },
		{ "regionen.", 0, LD_ABBR_NONE },
	};
	size_t k;

	is_int(ld_abbrev_class("fr.o.m"), LD_ABBR_NO_BREAK, "class of fr.o.m");
	is_int(ld_abbrev_class("m.fl"), LD_ABBR_MAY_END, "class of m.fl");
	is_int(ld_abbrev_class("from"), LD_ABBR_NONE, "from is no key");
	ok(ld_abbrev_has_prefix("fr.o."), "fr.o. begins a key");
	ok(!ld_abbrev_has_prefix("och."), "och. begins none");
	for (k = 0; k < sizeof c / sizeof c[0]; k++) {
		int cls = -1;
		size_t l = ld_abbrev_at(c[k].s, strlen(c[k].s), &cls);

		is_int(l, c[k].len, c[k].s);
		is_int(cls, c[k].cls, "... and its class");
	}
}

int
main(void)
{
	plan_no_plan();
	test_abbrev_at();
	test_words();
	test_numbers();
	test_dates_and_ranges();
	test_refs();
	test_abbrevs();
	test_times();
	test_punct();
	test_invalid_utf8();
	test_coverage_random();
	test_api();
	return done_testing();
}
