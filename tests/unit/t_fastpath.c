/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_fastpath.c - every shortcut past utf8proc or PCRE2 against the library
 * it stands in for: the lower-casing (ld_lower_cp) over all of Unicode,
 * and on generated text (a fixed seed, so a failure repeats) the
 * comparison keys' ASCII/Latin-1 pass, the tokenizer's plain numbers and
 * ASCII classes, and the lexicon's words. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"
#include "tap.h"

#define ROUNDS 20000

static uint64_t rng = 0x6b6c617573756cULL;	/* "klausul" */

static uint32_t
rnd(uint32_t below)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 32) % below;
}

/* Random text of up to max pieces from alphabet (NULL-terminated). */
static void
gen(ld_buf *b, const char *const *alphabet, size_t max)
{
	size_t n = 0, k;

	while (alphabet[n] != NULL)
		n++;
	ld_buf_reset(b);
	for (k = 1 + rnd((uint32_t)max); k > 0; k--)
		ld_buf_adds(b, alphabet[rnd((uint32_t)n)]);
	ld_buf_add(b, "", 0);
}

/* ---- lower case ------------------------------------------------------ */

static void
test_lower_cp(void)
{
	int32_t cp, bad = -1;
	long wrong = 0;
	int c;

	for (cp = 0; cp <= 0x24f; cp++)
		if (ld_lower_cp(cp) != utf8proc_tolower(cp) && wrong++ == 0)
			bad = cp;
	is_int(wrong, 0, "ld_lower_cp is utf8proc_tolower on U+0000..U+024F");
	if (wrong)
		diag("first difference at U+%04X", (unsigned)bad);
	for (cp = 0x250, wrong = 0; cp <= 0x10ffff; cp++)
		if (ld_lower_cp(cp) != utf8proc_tolower(cp))
			wrong++;
	is_int(wrong, 0, "... and on every code point above");
	for (c = 0, wrong = 0; c < 256; c++)
		if (ld_lower_byte(c) != (c < 0x80 ? utf8proc_tolower(c) : c))
			wrong++;
	is_int(wrong, 0, "ld_lower_byte: ASCII lowered, other bytes kept");
}

static char *
lower(const char *s)
{
	static ld_buf b;

	ld_buf_reset(&b);
	ld_utf8_lower(&b, s, strlen(s));
	ld_buf_add(&b, "", 0);
	return b.data;
}

/* ß is lower case; it was once lowered 0x20 up, to ÿ. */
static void
test_sharp_s(void)
{
	ld_arena *a = ld_arena_new();
	ld_lexicon *lx;
	uint32_t *ids = NULL;
	size_t n = 0;

	is_int(ld_lower_cp(0xdf), 0xdf, "ß lowers to itself");
	is_int(ld_lower_cp(0xd7), 0xd7, "× is no capital");
	is_int(ld_lower_cp(0xde), 0xfe, "Þ lowers to þ");
	is_str(lower("STRA\xc3\x9f" "E"), "stra\xc3\x9f" "e",
	    "ld_utf8_lower keeps ß");
	is_str(ld_text_key(a, "Stra\xc3\x9f" "e"), "strasse",
	    "the key folds ß to ss");
	ok(ld_lexicon_new(&lx) == 0 &&
	    ld_lexicon_words(lx, "STRA\xc3\x9f" "E", &ids, &n) == 0 && n == 1,
	    "the lexicon reads STRAßE");
	if (n == 1)
		is_str(ld_lexicon_word_text(lx, ids[0]), "stra\xc3\x9f" "e",
		    "... as straße");
	ld_free(ids);
	ld_lexicon_free(lx);
	ld_arena_free(a);
}

/* ---- generated text ---------------------------------------------------- */

static const char *const letters[] = {
	"a", "B", "k", "Z", "i", "I", "s", "S", "0", "7", " ", " ", ",", ".",
	"-", "\xc2\xa0", "\t",
	"\xc3\xa5", "\xc3\x85", "\xc3\xa4", "\xc3\x84", "\xc3\xb6", "\xc3\x96",
	"\xc3\xa9", "\xc3\x89", "\xc3\xbc", "\xc3\x9c", "\xc3\x9f", "\xc3\xbf",
	"\xc3\x90", "\xc3\x9e", "\xc3\x97", "\xc3\xb7", "\xc2\xb5", "\xc2\xaa",
	"\xc2\xb2", "\xc2\xbd", "\xc2\xa7",
	"\xc4\x80", "\xc4\xb0", "\xc4\xb1", "\xc5\xbf", "\xc5\x81", "\xc8\xba",
	"\xe1\xba\x9e", "\xce\xa3", "\xef\xac\x81",
	"\xcc\x8a", "\xcc\x88", "\xcc\x81", "\xcc\xa7", "\xcd\x85",
	NULL
};

/* The key without key.c's shortcuts: white space made spaces, then
 * utf8proc's NFKC and case fold, then runs of spaces collapsed and the
 * ends trimmed.  Equal to the key for text of `letters`, which has no
 * quotes, dashes or soft hyphens for key.c's first pass to change. */
static char *
reference_key(const char *s)
{
	static ld_buf b;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r;
	size_t i, o = 0;
	char *k;
	ld_buf sp;

	ld_buf_init(&sp);
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\t')
			ld_buf_addc(&sp, ' ');
		else if ((unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0)
			ld_buf_addc(&sp, ' '), i++;
		else
			ld_buf_addc(&sp, s[i]);
	}
	r = utf8proc_map((const utf8proc_uint8_t *)ld_buf_str(&sp),
	    (utf8proc_ssize_t)sp.len, &out, UTF8PROC_STABLE |
	    UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
	ld_buf_free(&sp);
	if (r < 0)
		return NULL;
	ld_buf_reset(&b);
	for (k = (char *)out; *k != '\0'; k++) {
		if (*k == ' ' && (o == 0 || k[1] == ' ' || k[1] == '\0'))
			continue;
		ld_buf_addc(&b, *k);
		o++;
	}
	ld_buf_add(&b, "", 0);
	free(out);
	return b.data;
}

static void
test_keys(void)
{
	ld_buf s, k;
	int i, wrong = 0;

	ld_buf_init(&s);
	ld_buf_init(&k);
	for (i = 0; i < ROUNDS; i++) {
		const char *want;

		gen(&s, letters, i % 2 ? 4 : 16);
		ld_buf_reset(&k);
		want = reference_key(s.data);
		if (ld_text_key_buf(&k, s.data, s.len) != 0 || want == NULL ||
		    strcmp(ld_buf_str(&k), want) != 0) {
			if (wrong++ == 0)
				diag("'%s': key '%s', utf8proc '%s'", s.data,
				    ld_buf_str(&k), want ? want : "(null)");
		}
	}
	is_int(wrong, 0, "comparison keys equal utf8proc's on generated text");
	ld_buf_free(&s);
	ld_buf_free(&k);
}

/* The lower case of each character of a valid string, per utf8proc. */
static void
test_utf8_lower(void)
{
	ld_buf s, want;
	int i, wrong = 0;

	ld_buf_init(&s);
	ld_buf_init(&want);
	for (i = 0; i < ROUNDS; i++) {
		size_t j = 0;
		int32_t cp;

		gen(&s, letters, 12);
		ld_buf_reset(&want);
		while (j < s.len) {
			j += ld_utf8_decode(s.data + j, s.len - j, &cp);
			ld_utf8_encode(&want, utf8proc_tolower(cp));
		}
		ld_buf_add(&want, "", 0);
		if (strcmp(lower(s.data), want.data) != 0 && wrong++ == 0)
			diag("'%s': '%s', utf8proc '%s'", s.data,
			    lower(s.data), want.data);
	}
	is_int(wrong, 0, "ld_utf8_lower equals utf8proc_tolower per character");
	is_str(lower("A\xff" "B\xc3"), "a\xff" "b\xc3",
	    "bytes of invalid UTF-8 stay as they are");
	ld_buf_free(&s);
	ld_buf_free(&want);
}

/* The words utf8proc sees: runs of letters, marks and digits. */
static int
is_word(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* Words of s lower-cased by utf8proc, each followed by a NUL. */
static size_t
reference_words(const char *s, ld_buf *w)
{
	size_t j = 0, n = 0, len = strlen(s);
	int in = 0;

	ld_buf_reset(w);
	while (j < len) {
		int32_t cp;

		j += ld_utf8_decode(s + j, len - j, &cp);
		if (cp >= 0 && is_word(cp)) {
			ld_utf8_encode(w, utf8proc_tolower(cp));
			in = 1;
		} else if (in) {
			ld_buf_add(w, "", 1);
			n++;
			in = 0;
		}
	}
	if (in) {
		ld_buf_add(w, "", 1);
		n++;
	}
	return n;
}

static void
test_lexicon_words(void)
{
	ld_lexicon *lx;
	ld_buf s, w;
	int i, wrong = 0;

	ld_buf_init(&s);
	ld_buf_init(&w);
	if (ld_lexicon_new(&lx) != 0)
		return;
	for (i = 0; i < ROUNDS; i++) {
		uint32_t *ids = NULL;
		size_t n = 0, k, nw;
		const char *p;

		gen(&s, letters, 12);
		nw = reference_words(s.data, &w);
		if (ld_lexicon_words(lx, s.data, &ids, &n) != 0 || n != nw) {
			if (wrong++ == 0)
				diag("'%s': %zu words, utf8proc %zu", s.data,
				    n, nw);
			ld_free(ids);
			continue;
		}
		for (k = 0, p = w.data; k < n; p += strlen(p) + 1, k++)
			if (strcmp(ld_lexicon_word_text(lx, ids[k]), p) != 0 &&
			    wrong++ == 0)
				diag("'%s': word '%s', utf8proc '%s'", s.data,
				    ld_lexicon_word_text(lx, ids[k]), p);
		ld_free(ids);
	}
	is_int(wrong, 0, "the lexicon's words equal utf8proc's, lower-cased");
	ld_lexicon_free(lx);
	ld_buf_free(&s);
	ld_buf_free(&w);
}

/* ---- numbers: the plain-number shortcut against the PCRE2 pattern ----- */

static const char *const digits[] = { "1", "2", "0", "9", "12", "2023", NULL };
static const char *const numeric[] = {
	"1", "2", "0", "9", "12", "2023", "250", " ", " ", "\xc2\xa0",
	"\xe2\x80\xaf", "\xe2\x80\x89", ",", ".", ":", "/", "-", "\xe2\x80\x93",
	"\xc2\xa7", "a", "b", "k", "kap", "kap.", "januari", "jan", "mars",
	"talet", "kr", "G", "\xc3\xa5", "\xc3\x9f", "\xcc\x88", "\xe2\x80\x91",
	"\xff", NULL
};

static void
test_numbers(void)
{
	ld_buf s, head;
	int i, wrong = 0, found = 0;

	ld_buf_init(&s);
	ld_buf_init(&head);
	for (i = 0; i < ROUNDS * 5; i++) {
		ldiff_token_type t1 = LDIFF_TOK_OTHER, t2 = LDIFF_TOK_OTHER;
		size_t l1, l2;

		gen(&head, digits, 3);
		gen(&s, numeric, 8);
		ld_buf_add(&head, s.data, s.len);
		if (head.len > 60)	/* the pattern reads 64 bytes */
			continue;
		l1 = ld_number_at(head.data, head.len, 0, 1, &t1);
		l2 = ld_number_at(head.data, head.len, 0, 0, &t2);
		found += l2 > 0;
		if ((l1 != l2 || (l1 > 0 && t1 != t2)) && wrong++ == 0)
			diag("'%s': %zu bytes (type %d), pattern %zu (%d)",
			    head.data, l1, (int)t1, l2, (int)t2);
	}
	is_int(wrong, 0, "plain numbers: the shortcut agrees with PCRE2");
	ok(found > ROUNDS, "... on text where the pattern finds numbers");
	ld_buf_free(&s);
	ld_buf_free(&head);
}

/* ---- tokens: the ASCII classes against utf8proc's categories -------- */

static const char *const mixed[] = {
	"a", "Q", "z", "0", "5", " ", "\t", "\n", "\x01", "\x7f", "!", "\"",
	"#", "$", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/", ":",
	";", "<", "=", ">", "?", "@", "[", "\\", "]", "^", "_", "`", "{", "|",
	"}", "~", "\xc3\xa5", "\xc3\x84", "\xc3\x9f", "\xc3\x97", "\xc2\xa0",
	"\xc2\xad", "\xcc\x88", "\xe2\x80\x93", "\xe2\x80\x9d", "\xc2\xbb",
	"bl", "t", "ex", "kl", "m", NULL
};

/* The class utf8proc gives cp: 'L' letter or mark, 'N' number, 'P'
 * punctuation or symbol, 'Z' white space (TAB..CR too), 'C' other. */
static int
ucd_class(int32_t cp)
{
	if (cp >= '\t' && cp <= '\r')
		return 'Z';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 'N';
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return 'Z';
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
	case UTF8PROC_CATEGORY_CO:
		return 'C';
	default:
		return is_word(cp) ? 'L' : 'P';
	}
}

/* Does token tk of s hold what its type says, by utf8proc? */
static int
token_fits(const char *s, const ldiff_token *tk)
{
	const char *p = s + tk->off;
	size_t j = 0;
	int32_t cp;
	size_t k = ld_utf8_decode(p, tk->len, &cp);
	int first = cp >= 0 ? ucd_class(cp) : 'C';

	switch (tk->type) {
	case LDIFF_TOK_SPACE:
		while (j < tk->len) {
			j += ld_utf8_decode(p + j, tk->len - j, &cp);
			if (cp < 0 || ucd_class(cp) != 'Z')
				return 0;
		}
		return 1;
	case LDIFF_TOK_PUNCT:
		return k == tk->len && first == 'P';
	case LDIFF_TOK_OTHER:
		return k == tk->len && (first == 'C' || cp < 0);
	case LDIFF_TOK_WORD:
		/* letters, marks, digits; hyphens, joiners, a colon */
		while (j < tk->len) {
			j += ld_utf8_decode(p + j, tk->len - j, &cp);
			if (cp < 0 || (ucd_class(cp) != 'L' &&
			    ucd_class(cp) != 'N' && cp != '-' && cp != ':' &&
			    cp != 0xad && cp != 0x2010 && cp != 0x2011))
				return 0;
		}
		return first == 'L' || first == 'N';
	default:	/* numbers, dates, abbreviations */
		return first == 'L' || first == 'N';
	}
}

static void
test_tokens(void)
{
	ld_buf s;
	int i, wrong = 0;

	ld_buf_init(&s);
	for (i = 0; i < ROUNDS; i++) {
		ldiff_token *tk = NULL;
		size_t n = 0, k, at = 0;

		gen(&s, mixed, 16);
		if (ldiff_tokenize(s.data, s.len, &tk, &n) != 0) {
			wrong++;
			continue;
		}
		for (k = 0; k < n; k++) {
			int fits = tk[k].off == at && token_fits(s.data, &tk[k]);

			if (!fits && wrong++ == 0)
				diag("'%s': token %zu (type %d, '%.*s')",
				    s.data, k, (int)tk[k].type,
				    (int)tk[k].len, s.data + tk[k].off);
			at = tk[k].off + tk[k].len;
		}
		if (at != s.len)
			wrong++;
		ld_free(tk);
	}
	is_int(wrong, 0, "token classes agree with utf8proc's categories");
	ld_buf_free(&s);
}

int
main(void)
{
	plan_no_plan();
	test_lower_cp();
	test_sharp_s();
	test_utf8_lower();
	test_keys();
	test_lexicon_words();
	test_numbers();
	test_tokens();
	return done_testing();
}
