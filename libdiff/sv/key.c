/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * key.c - the comparison key of a text.
 *
 * The idea: two texts are compared on a shadow key, never on their bytes,
 * so that what only differs in typography compares equal and the diff can
 * still report it (as typography) from the display text it keeps.  The
 * key is built in two passes:
 *
 *   1. per code point: dashes (U+2010-2015, U+2212 ...) become "-"; every
 *      quote (” “ „ « » ’ ‘ ' " ...) becomes '"'; no-break, thin, figure
 *      and other spaces, tabs and line breaks become a space; soft hyphen,
 *      zero-width space, word joiner and BOM disappear; "…" becomes "...";
 *      runs of spaces collapse to one and the ends are trimmed;
 *   2. NFKC and case fold (utf8proc), which composes NFD "a" + ring into
 *      "å" and folds ligatures, but never strips marks: å, ä and ö are
 *      letters of their own in Swedish.
 *
 * Pass 1 already lowers ASCII and Latin-1 letters (ld_lower_cp): their
 * case fold is their lower case, and they are NFKC as they are, so a key
 * made of nothing else (most keys: å ä ö é ü) never reaches utf8proc.
 * ß (folds to "ss"), µ, combining marks and everything else leave the
 * key to pass 2, where folding what pass 1 lowered changes nothing.
 * tests/unit/t_fastpath.c compares the keys with utf8proc's alone.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "sv/sv.h"

enum { MAP_KEEP, MAP_DASH, MAP_QUOTE, MAP_SPACE, MAP_DROP, MAP_ELLIPSIS };

static int
map_class(int32_t c)
{
	if (c < 0x80) {
		if (c == '\'' || c == '"')
			return MAP_QUOTE;
		if (c == ' ' || (c >= 0x09 && c <= 0x0d))
			return MAP_SPACE;
		return MAP_KEEP;
	}
	if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xfe58 ||
	    c == 0xfe63 || c == 0xff0d || c == 0x2043)
		return MAP_DASH;
	if ((c >= 0x2018 && c <= 0x201f) || c == 0xab || c == 0xbb ||
	    c == 0x2039 || c == 0x203a || c == 0x2032 || c == 0x2033 ||
	    c == 0xff02 || c == 0xff07)
		return MAP_QUOTE;
	if (c == 0xa0 || c == 0x85 || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	    c == 0x3000 || c == 0x1680)
		return MAP_SPACE;
	if (c == 0xad || (c >= 0x200b && c <= 0x200d) || c == 0x2060 ||
	    c == 0xfeff || c == 0x180e)
		return MAP_DROP;
	if (c == 0x2026)
		return MAP_ELLIPSIS;
	return MAP_KEEP;
}

/* A Latin-1 letter whose case fold is its lower case (not the signs
 * × and ÷, not ß, which folds to "ss"). */
static int
simple_latin1(int32_t c)
{
	return c >= 0xc0 && c <= 0xff && c != 0xd7 && c != 0xf7 && c != 0xdf;
}

/* Length of the run of ASCII at s[i] that pass 1 keeps as it is: no
 * quote, no white space, nothing above 0x7f. */
static size_t
plain_run(const char *s, size_t n, size_t i)
{
	size_t j;

	for (j = i; j < n; j++) {
		unsigned char c = (unsigned char)s[j];

		if (c >= 0x80 || c == '\'' || c == '"' || c == ' ' ||
		    (c >= 0x09 && c <= 0x0d))
			break;
	}
	return j - i;
}

/* Pass 1 into b from b->len on; returns whether pass 2 is needed. */
static int
fold_typography(ld_buf *b, const char *s, size_t n)
{
	size_t i = 0, start = b->len;
	int pend = 0, needs_utf8proc = 0;

	while (i < n) {
		int32_t c;
		size_t k = plain_run(s, n, i);
		int m;

		if (k > 0) {		/* ASCII that stays as it is */
			if (pend)
				ld_buf_addc(b, ' ');
			pend = 0;
			ld_utf8_lower(b, s + i, k);
			i += k;
			continue;
		}
		k = ld_utf8_decode(s + i, n - i, &c);
		if (c < 0)
			c = 0xfffd;	/* keys never carry invalid UTF-8 */
		i += k;
		m = map_class(c);
		if (m == MAP_DROP)
			continue;
		if (m == MAP_SPACE) {
			pend = b->len > start;
			continue;
		}
		if (pend)
			ld_buf_addc(b, ' ');
		pend = 0;
		if (m == MAP_DASH)
			ld_buf_addc(b, '-');
		else if (m == MAP_QUOTE)
			ld_buf_addc(b, '"');
		else if (m == MAP_ELLIPSIS)
			ld_buf_adds(b, "...");
		else if (c < 0x80 || simple_latin1(c))
			ld_utf8_encode(b, ld_lower_cp(c));
		else {
			needs_utf8proc = 1;
			ld_utf8_encode(b, c);
		}
	}
	return needs_utf8proc;
}

/* Pass 2 on b->data[start..len): case fold and NFKC. */
static int
fold_case(ld_buf *b, size_t start)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r;

	r = utf8proc_map((const utf8proc_uint8_t *)b->data + start,
	    (utf8proc_ssize_t)(b->len - start), &out,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD);
	if (r < 0)
		return r == UTF8PROC_ERROR_NOMEM ? LDIFF_ENOMEM : 0;
	b->len = start;
	ld_buf_add(b, out, (size_t)r);
	free(out);
	return b->oom ? LDIFF_ENOMEM : 0;
}

int
ld_text_key_buf(ld_buf *b, const char *s, size_t n)
{
	size_t start = b->len;
	int rc = 0;

	if (fold_typography(b, s, n) && !b->oom)
		rc = fold_case(b, start);
	if (b->oom)
		return LDIFF_ENOMEM;
	if (rc == 0)
		ld_buf_add(b, "", 0);	/* keep it NUL-terminated */
	return b->oom ? LDIFF_ENOMEM : rc;
}

char *
ld_text_key(ld_arena *a, const char *text)
{
	ld_buf b;
	char *k = NULL;

	ld_buf_init(&b);
	if (ld_text_key_buf(&b, text, strlen(text)) == 0)
		k = ld_arena_strndup(a, ld_buf_str(&b), b.len);
	ld_buf_free(&b);
	return k;
}
