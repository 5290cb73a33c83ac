/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * labels.c - the number a paragraph shows, and what kind of number it is.
 *
 * The idea: the building of clauses (clause.c) asks one question of each
 * paragraph, "what number does it carry?", and gets a class back:
 * absolute ("4.2.", "3 §", "Bilaga 1"), relative to its parent ("a)",
 * "iv)"), a bullet, or none.  A number comes from Word's list numbering
 * (computed) or is typed at the start of the text; typed ones are found by
 * one PCRE2 pattern whose named groups say which kind matched, with a fast
 * path for the common "4.2 " that never reaches the pattern.  What becomes
 * of the number (ids, nesting) is clause.c's business.
 */
#include <string.h>

#include "clause/label.h"

/* ---- computed labels (Word's list numbering) ------------------------ */

/*
 * Numbers typed at the start of a paragraph.  The named groups say what
 * kind of number matched; \h covers NBSP and the other horizontal spaces.
 */
static const char typed_pattern[] =
    "^(?:"
    "(?<kap>\\d{1,3}\\h+kap\\.(?:\\h+\\d{1,3}(?:\\h+[a-z])?\\h*§)?)"
    "|(?<par>\\d{1,3}(?:\\h+[a-z])?\\h*§)"
    "|(?<spar>§\\h*\\d{1,3}(?:\\h*[a-z])?[.:]?)"
    "|(?<word>(?:[Pp]unkt|[Bb]ilaga|[Aa]rtikel|[Aa]vsnitt|[Kk]apitel)"
    "\\h+\\d{1,3}[a-z]?[.:]?)"
    "|(?<dec>\\d{1,3}(?:\\.\\d{1,3})+\\.?|\\d{1,3}\\.)"
    "|(?<rel>\\(?(?:[a-zåäö]|[ivx]{1,5}|\\d{1,3})\\))"
    "|(?<bul>[–—•▪◦‣●○·*-])"
    "|(?<hnum>\\d{1,3}(?:\\.\\d{1,3})*)(?=\\h+\\p{Lu})"
    ")(?:\\h+|$)";

static int
count_decimal_parts(const char *s, size_t n)
{
	int parts = 1;
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (s[i] == '.')
			parts++;
	return parts;
}

/* Is the label made only of symbols (a bullet as Word shows it)? */
static int
is_bullet_label(const char *s)
{
	size_t n = strlen(s), i = 0;

	if (strcmp(s, "o") == 0)
		return 1;
	while (i < n) {
		int32_t cp;
		size_t k = ld_utf8_decode(s + i, n - i, &cp);

		if (cp < 0)
			return 0;
		if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x2000))
			return 0;
		i += k;
	}
	return 1;
}

static int
is_decimal_label(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[0] < '0' || s[0] > '9')
		return 0;
	for (i = 0; i < n; i++)
		if ((s[i] < '0' || s[i] > '9') && s[i] != '.')
			return 0;
	return 1;
}

/* Local labels: letters, roman numerals, "1)", "(a)". */
static int
is_relative_label(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && s[n - 1] == ')')
		return 1;
	if (n >= 2 && s[n - 1] == '.') {
		for (i = 0; i + 1 < n; i++)
			if (!((s[i] >= 'a' && s[i] <= 'z') ||
			    (s[i] >= 'A' && s[i] <= 'Z')))
				return 0;
		return n <= 6;	/* "a." "iv." "B." */
	}
	return 0;
}

/* Classify a label computed by the extractor (Word's list numbering). */
void
ld_label_computed(label *lb, const ldiff_para *p)
{
	size_t n = strlen(p->label);

	while (n > 0 && (p->label[n - 1] == ' ' || p->label[n - 1] == '\t'))
		n--;
	memset(lb, 0, sizeof *lb);
	lb->shown = p->label;
	lb->len = n;
	lb->level = p->level > 0 ? p->level : 1;
	if (n == 0)
		lb->cls = LAB_NONE;
	else if (is_bullet_label(p->label))
		lb->cls = LAB_BULLET;
	else if (is_relative_label(p->label, n))
		lb->cls = LAB_REL;
	else {
		lb->cls = LAB_ABS;
		if (is_decimal_label(p->label, n))
			lb->decimal = count_decimal_parts(p->label, n);
	}
}

/* ---- typed labels ------------------------------------------------------ */

int
ld_typed_init(ld_typed *t)
{
	int ec;
	PCRE2_SIZE eo;

	t->re = pcre2_compile((PCRE2_SPTR)typed_pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &ec, &eo, NULL);
	if (t->re == NULL)
		return LDIFF_ENOMEM;
	t->md = pcre2_match_data_create_from_pattern(t->re, NULL);
	if (t->md == NULL)
		return LDIFF_ENOMEM;
#define GROUP(g) t->g_##g = (uint32_t)pcre2_substring_number_from_name( \
	t->re, (PCRE2_SPTR)#g)
	GROUP(kap); GROUP(par); GROUP(spar); GROUP(word);
	GROUP(dec); GROUP(rel); GROUP(bul); GROUP(hnum);
#undef GROUP
	return 0;
}

void
ld_typed_free(ld_typed *t)
{
	pcre2_match_data_free(t->md);
	pcre2_code_free(t->re);
}

/* Does s begin with a word of typed_pattern's <word> group (its first
 * letter in either case)? */
static int
starts_label_word(const char *s, size_t n)
{
	static const char *const rest[] = {
		"unkt", "ilaga", "rtikel", "vsnitt", "apitel"
	};
	static const char first[] = "PBAAK";
	size_t k, len;

	for (k = 0; k < sizeof rest / sizeof rest[0]; k++) {
		len = strlen(rest[k]);
		if ((s[0] == first[k] || s[0] == first[k] + ('a' - 'A')) &&
		    n > len && memcmp(s + 1, rest[k], len) == 0)
			return 1;
	}
	return 0;
}

/*
 * Can typed_pattern match at s?  Most paragraphs begin with a word, and
 * a failed match of the pattern's many alternatives costs more than the
 * rest of the paragraph's splitting (pcre2 copies its frames at every
 * alternative), so rule out the common case first.  An ASCII letter can
 * only begin "Punkt", "Bilaga", "Artikel", "Avsnitt", "Kapitel" or a
 * relative label "a)", "iv)"; anything else goes to the pattern.  The
 * cases are in t_clause's test_typed_starts.
 */
static int
may_be_typed(const char *s, size_t n)
{
	unsigned char c = n > 0 ? (unsigned char)s[0] : 0;
	size_t i;

	if (n == 0)
		return 0;
	if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
		return 1;
	if (starts_label_word(s, n))
		return 1;
	if (c < 'a')
		return 0;	/* no capital begins a relative label */
	for (i = 1; i < n && i <= 5; i++)
		if (s[i] == ')')
			return 1;
	return 0;
}

/* Length of the digit run at s[i..n). */
static size_t
digit_run(const char *s, size_t n, size_t i)
{
	size_t k = i;

	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++;
	return k - i;
}

/*
 * The common typed number, "4.2 " or "3. ", without the pattern: what
 * its <dec> group matches when the number has a dot, each part at most
 * three digits, and ASCII blanks or the end follow.  Returns the length
 * of the whole match (spaces included) and the number's in *numlen, or
 * 0 for anything else - the pattern then decides, so the result is
 * always the pattern's.  A dot rules out <kap> and <par>, which tried
 * first would want a blank or '§' straight after the digits.
 */
static size_t
simple_decimal(const char *s, size_t n, size_t *numlen)
{
	size_t i = 0, d, dots = 0;

	for (;;) {
		d = digit_run(s, n, i);
		if (d == 0 || d > 3)
			return 0;
		i += d;
		if (i == n || s[i] != '.')
			break;
		i++;
		dots++;
		if (i == n || s[i] < '0' || s[i] > '9')
			break;	/* "2.1." or "3.": the dot ends it */
	}
	if (dots == 0)
		return 0;
	*numlen = i;
	if (i < n && s[i] != ' ' && s[i] != '\t')
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && (unsigned char)s[i] >= 0x80)
		return 0;	/* maybe more \h (NBSP ...): the pattern */
	return i;
}

/* A number typed at the start of s[0..n) (already trimmed). */
void
ld_label_typed(const ld_typed *t, label *lb, const char *s, size_t n)
{
	size_t skip, numlen;
	PCRE2_SIZE *ov;
	uint32_t g;
	int rc;

	memset(lb, 0, sizeof *lb);
	lb->cls = LAB_NONE;
	if (!may_be_typed(s, n))
		return;
	if ((skip = simple_decimal(s, n, &numlen)) > 0) {
		lb->shown = s;
		lb->len = numlen;
		lb->skip = skip;
		lb->cls = LAB_ABS;
		lb->decimal = count_decimal_parts(s, numlen);
		lb->level = lb->decimal;
		return;
	}
	rc = pcre2_match(t->re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK,
	    t->md, NULL);
	if (rc < 0)
		return;
	ov = pcre2_get_ovector_pointer(t->md);
	for (g = 1; g < (uint32_t)rc; g++)
		if (ov[2 * g] != PCRE2_UNSET)
			break;
	if (g >= (uint32_t)rc)
		return;
	lb->shown = s + ov[2 * g];
	lb->len = ov[2 * g + 1] - ov[2 * g];
	lb->skip = ov[1];
	lb->cls = LAB_ABS;
	lb->level = 1;
	if (g == t->g_par || g == t->g_spar ||
	    (g == t->g_kap && memchr(lb->shown, 0xA7, lb->len) != NULL))
		lb->level = 2;	/* paragraphs (§) sit inside chapters */
	else if (g == t->g_dec || g == t->g_hnum) {
		lb->decimal = count_decimal_parts(lb->shown, lb->len);
		lb->level = lb->decimal;
		lb->head_only = g == t->g_hnum;
	} else if (g == t->g_rel) {
		lb->cls = LAB_REL;
		lb->level = 0;
	} else if (g == t->g_bul)
		lb->cls = LAB_BULLET;
}
