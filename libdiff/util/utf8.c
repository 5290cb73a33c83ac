/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * utf8.c - UTF-8 validation, decoding, lower case and normalisation
 * (utf8proc).
 *
 * Display text is NFC; comparison keys are NFC plus case folding.  Marks
 * are never stripped: å, ä and ö are letters of their own in Swedish.
 * Lower case is decided here once, for the tokenizer, the keys and the
 * lexicon alike.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util/util.h"

size_t
ld_utf8_decode(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t r;

	r = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &c);
	if (r <= 0) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (size_t)r;
}

/* Past the ASCII at s[i..n), eight bytes at a time (most of Swedish
 * text); the index of the first byte that is not ASCII, or n. */
size_t
ld_utf8_skip_ascii(const char *s, size_t n, size_t i)
{
	uint64_t w;

	while (n - i >= 8) {
		memcpy(&w, s + i, 8);
		if ((w & UINT64_C(0x8080808080808080)) != 0)
			break;
		i += 8;
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t
ld_utf8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;

	while ((i = ld_utf8_skip_ascii(s, n, i)) < n) {
		size_t k;

		k = ld_utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			return i;
		i += k;
	}
	return n;
}

int
ld_utf8_encode(ld_buf *b, int32_t cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);

	if (k <= 0)
		return LDIFF_EUTF8;
	return ld_buf_add(b, tmp, (size_t)k);
}

/*
 * Text made only of code points below U+0300 (Latin with å ä ö é ü, no
 * combining marks) and of U+2002..U+206F (dashes, quotes, spaces, but not
 * U+2000/U+2001, which decompose) is already NFC: none of these decompose
 * and no two of them compose (checked for every pair against utf8proc).
 * Swedish agreements are nearly all such text, so the normalizer is
 * skipped for them.  Invalid UTF-8 is left to utf8proc to refuse.
 */
static int
is_plain_nfc(const char *s, size_t n)
{
	size_t i = 0;

	while ((i = ld_utf8_skip_ascii(s, n, i)) < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;

		/* Lead bytes C2..CB start U+0080..U+02FF: å ä ö é and kin. */
		if (c >= 0xC2 && c <= 0xCB && i + 1 < n &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		i += ld_utf8_decode(s + i, n - i, &cp);
		if (cp < 0 || (cp >= 0x300 && cp < 0x2002) || cp >= 0x2070)
			return 0;
	}
	return 1;
}

char *
ld_utf8_nfc(ld_arena *a, const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r;
	char *p;

	if (is_plain_nfc(s, n))
		return ld_arena_strndup(a, s, n);
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r < 0)
		return NULL;
	p = ld_arena_strndup(a, (const char *)out, (size_t)r);
	free(out);
	return p;
}

char *
ld_utf8_fold(const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r;
	char *p;

	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (r < 0)
		return NULL;
	/* utf8proc allocates with malloc; hand back an ld_ block. */
	p = ld_malloc((size_t)r + 1);
	if (p != NULL) {
		memcpy(p, out, (size_t)r);
		p[r] = '\0';
	}
	free(out);
	return p;
}

/*
 * Latin-1's capitals U+00C0..U+00DE lower 0x20 up, but for × (U+00D7),
 * which is no letter; ß (U+00DF) and ÿ (U+00FF) are lower case already.
 * Nearly every letter of a Swedish text is ASCII or Latin-1, so these
 * never reach utf8proc's tables.
 */
int32_t
ld_lower_cp(int32_t cp)
{
	if (cp < 0x80)
		return ld_lower_byte(cp);
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	if (cp < 0x100)
		return cp;
	return utf8proc_tolower(cp);
}

/* A run of ASCII is copied at once and lowered where it landed. */
static void
add_lower_ascii(ld_buf *b, const char *s, size_t n)
{
	size_t at = b->len, i;

	if (ld_buf_add(b, s, n) != 0)
		return;
	for (i = at; i < b->len; i++)
		b->data[i] = (char)ld_lower_byte((unsigned char)b->data[i]);
}

int
ld_utf8_lower(ld_buf *b, const char *s, size_t n)
{
	size_t i = 0, k;
	int32_t cp;

	while (i < n) {
		k = ld_utf8_skip_ascii(s, n, i);
		if (k > i) {
			add_lower_ascii(b, s + i, k - i);
			i = k;
			continue;
		}
		k = ld_utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			ld_buf_add(b, s + i, k);
		else
			ld_utf8_encode(b, ld_lower_cp(cp));
		i += k;
	}
	return b->oom ? LDIFF_ENOMEM : 0;
}
