/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_text.c - the Swedish tokenizer and sentence splitter under
 * libFuzzer.
 *
 * The first byte is configuration (unused for now, kept so every harness
 * reads inputs the same way); the rest is one paragraph of text, valid
 * UTF-8 or not.  Properties, whatever the bytes:
 *   - the tokens cover the text exactly, in order, none empty, each of a
 *     known type; on valid UTF-8 no token cuts a character in two;
 *   - tokenizing twice gives the same tokens;
 *   - sentence spans are in order, disjoint, inside the text, start and
 *     end on token boundaries with no white space at either end, and
 *     every token that is not white space lies in exactly one span.
 */
#include <utf8proc.h>

#include "fuzz.h"

static int
fzt_is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static void
fzt_check_tokens(const char *s, size_t len, const ldiff_token *tk,
    size_t n, int valid)
{
	size_t i, at = 0;

	for (i = 0; i < n; i++) {
		if (tk[i].off != at)
			fz_fail("tokens", "gap or overlap");
		if (tk[i].len == 0)
			fz_fail("tokens", "empty token");
		if (tk[i].len > len - at)
			fz_fail("tokens", "token past the end");
		if ((unsigned)tk[i].type > LDIFF_TOK_OTHER)
			fz_fail("tokens", "unknown type");
		if (valid && fzt_is_cont((unsigned char)s[at]))
			fz_fail("tokens", "token starts inside a character");
		at += tk[i].len;
	}
	if (at != len)
		fz_fail("tokens", "do not reach the end of the text");
}

/* Index of the token that starts at off, or n. */
static size_t
fzt_token_at(const ldiff_token *tk, size_t n, size_t off)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (tk[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && tk[lo].off == off ? lo : n;
}

static void
fzt_check_sentences(const ldiff_token *tk, size_t n, const ldiff_span *sp,
    size_t ns)
{
	size_t i, a, b, t = 0;

	for (i = 0; i < ns; i++) {
		if (sp[i].len == 0)
			fz_fail("sentences", "empty span");
		a = fzt_token_at(tk, n, sp[i].off);
		if (a == n)
			fz_fail("sentences", "span starts inside a token");
		b = sp[i].off + sp[i].len == tk[n - 1].off + tk[n - 1].len ?
		    n : fzt_token_at(tk, n, sp[i].off + sp[i].len);
		if (b == n && sp[i].off + sp[i].len !=
		    tk[n - 1].off + tk[n - 1].len)
			fz_fail("sentences", "span ends inside a token");
		if (tk[a].type == LDIFF_TOK_SPACE ||
		    tk[b - 1].type == LDIFF_TOK_SPACE)
			fz_fail("sentences", "white space at a span's end");
		/* Tokens before this span (and after the last) are space. */
		for (; t < a; t++)
			if (tk[t].type != LDIFF_TOK_SPACE)
				fz_fail("sentences", "a word outside every "
				    "sentence");
		if (t > a)
			fz_fail("sentences", "spans overlap or go back");
		t = b;
	}
	for (; t < n; t++)
		if (tk[t].type != LDIFF_TOK_SPACE)
			fz_fail("sentences", "a word after the last sentence");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t len, i, n = 0, n2 = 0, ns = 0;
	ldiff_token *tk = NULL, *tk2 = NULL;
	ldiff_span *sp = NULL;
	int valid;

	if (size < 1)
		return 0;
	s = (const char *)data + 1;
	len = size - 1;
	if (ldiff_tokenize(s, len, &tk, &n) != 0)
		fz_fail("ldiff_tokenize", "failed");
	/* Valid UTF-8 as utf8proc sees it (no overlongs, no surrogates). */
	valid = 1;
	for (i = 0; i < len && valid;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)
		    s + i, (utf8proc_ssize_t)(len - i), &cp);

		if (k <= 0 || cp < 0)
			valid = 0;
		else
			i += (size_t)k;
	}
	fzt_check_tokens(s, len, tk, n, valid);
	if (ldiff_tokenize(s, len, &tk2, &n2) != 0 || n2 != n)
		fz_fail("ldiff_tokenize", "not deterministic");
	for (i = 0; i < n; i++)	/* field by field: structs have padding */
		if (tk[i].off != tk2[i].off || tk[i].len != tk2[i].len ||
		    tk[i].type != tk2[i].type)
			fz_fail("ldiff_tokenize", "not deterministic");
	if (ldiff_sentences(s, len, &sp, &ns) != 0)
		fz_fail("ldiff_sentences", "failed");
	if (ns > 0 && n == 0)
		fz_fail("sentences", "spans in an empty text");
	if (n > 0)
		fzt_check_sentences(tk, n, sp, ns);
	free(tk);
	free(tk2);
	free(sp);
	return 0;
}
