/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * token.c - Swedish word tokens that cover the text exactly.
 *
 * One left-to-right pass; at each position the first class that applies
 * takes the longest token it can:
 *
 *   white space                     (kept, so the tokens rebuild the text)
 *   number-like, by one anchored PCRE2 pattern: year ranges 2023–2026,
 *     dates 2023-01-01 13.12.2013 "1 januari 2023", references 2010:630
 *     2009/10:156 "3 a §" "2 kap.", numbers "1 250 000,50"; a time "9.00"
 *     only right after "kl."
 *   abbreviations from the compiled table (sv_abbrev.c): bl.a., t ex,
 *     Fr.o.m., with their periods, and initials such as L.B.
 *   words: letters, marks and digits, joined over hyphens (EU-stöd,
 *     2020-talet), soft hyphens, and a genitive or ordinal colon (EU:s, 1:a)
 *   one punctuation or symbol character; anything else is OTHER, and so is
 *     each byte of invalid UTF-8, so hostile input still tokenizes.
 *
 * Linear: each class looks a bounded distance ahead (the longest number
 * pattern excepted, which only runs over digits and spaces it keeps).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>

#include "sv/sv.h"

/* ---- characters -------------------------------------------------- */

enum { C_OTHER, C_SPACE, C_LETTER, C_DIGIT, C_PUNCT, C_JOINER, C_BAD };

static int
class_of(int32_t cp)
{
	if (cp < 0)
		return C_BAD;
	if (cp < 0x80) {
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return C_SPACE;
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return C_LETTER;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		if (cp > ' ' && cp < 0x7f)
			return C_PUNCT;
		return C_OTHER;
	}
	/* Soft hyphen and zero-width (non-)joiners sit inside words. */
	if (cp == 0xad || cp == 0x200c || cp == 0x200d || cp == 0x2060)
		return C_JOINER;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_SPACE;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return C_PUNCT;
	default:
		return C_OTHER;
	}
}

/* The code point at s[i] (ASCII without a call); returns its length. */
static size_t
cp_at(const char *s, size_t n, size_t i, int32_t *cp)
{
	if (i >= n) {
		*cp = -2;
		return 0;
	}
	if ((unsigned char)s[i] < 0x80) {
		*cp = (unsigned char)s[i];
		return 1;
	}
	return ld_utf8_decode(s + i, n - i, cp);
}

/* class_of() of each ASCII byte. */
#define O C_OTHER
#define S C_SPACE
#define L C_LETTER
#define D C_DIGIT
#define P C_PUNCT
static const unsigned char ascii_class[128] = {
	O, O, O, O, O, O, O, O, O, S, S, S, S, S, O, O,
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
	S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
	D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
	P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
	P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, O,
};
#undef O
#undef S
#undef L
#undef D
#undef P

static int
class_at(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t cp;

	if (i < n && (unsigned char)s[i] < 0x80) {
		*len = 1;
		return ascii_class[(unsigned char)s[i]];
	}
	*len = cp_at(s, n, i, &cp);
	return i < n ? class_of(cp) : C_OTHER;
}

static int
alnum_at(const char *s, size_t n, size_t i)
{
	size_t l;
	int c = class_at(s, n, i, &l);

	return i < n && (c == C_LETTER || c == C_DIGIT);
}

/* Hyphens that join compounds: '-', U+2010, U+2011 (not the dashes). */
static size_t
hyphen_at(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '-')
		return 1;
	if (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x90 ||
	    (unsigned char)s[i + 2] == 0x91))
		return 3;
	return 0;
}

/* Space characters allowed inside one token: ' ', NBSP, U+202F. */
static size_t
inner_space_at(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == ' ')
		return 1;
	if (i + 1 < n && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)
		return 2;
	if (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0xaf)
		return 3;
	return 0;
}

/* ---- abbreviations ------------------------------------------------- */

#define AB_PARTS 5
#define AB_PARTLEN 8	/* letters in one part (the longest key part: "kand") */

struct ab_part {
	size_t end;	/* just after the letters */
	size_t dot;	/* just after a period that follows, else 0 */
	char key[AB_PARTLEN * 2 + 1];	/* lowercased letters */
	int nchar, upper;	/* letters, and how many are capitals */
};

/* A letter of an abbreviation: ASCII or Latin-1 (å ä ö é ß ..., all
 * of U+00C0..U+00FF but × and ÷), lowered into key by ld_lower_cp (ß
 * stays ß: it has no capital here).  Returns its byte length, 0 if not
 * such a letter. */
static size_t
ab_letter(const char *s, size_t n, size_t i, char *key, int *upper)
{
	unsigned char c = (unsigned char)s[i];
	int32_t cp, lower;

	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		cp = c;
	else if (c == 0xc3 && i + 1 < n &&
	    ((unsigned char)s[i + 1] & 0xc0) == 0x80)
		cp = 0xc0 | ((unsigned char)s[i + 1] & 0x3f);
	else
		return 0;
	if (cp == 0xd7 || cp == 0xf7)
		return 0;
	lower = ld_lower_cp(cp);
	*upper = lower != cp;
	if (cp < 0x80) {
		key[0] = (char)lower;
		return 1;
	}
	key[0] = (char)0xc3;	/* the lower case stays in U+00C0..U+00FF */
	key[1] = (char)(0x80 | (lower & 0x3f));
	return 2;
}

/* One part at s[i]: its letters and what follows them. */
static int
ab_part(const char *s, size_t n, size_t i, struct ab_part *p)
{
	size_t k = 0, l;
	int up;

	p->nchar = p->upper = 0;
	p->dot = 0;
	while (i < n && p->nchar < AB_PARTLEN &&
	    (l = ab_letter(s, n, i, p->key + k, &up)) > 0) {
		i += l;
		k += l;
		p->nchar++;
		p->upper += up;
	}
	p->key[k] = '\0';
	p->end = i;
	if (p->nchar == 0 || alnum_at(s, n, i))
		return 0;	/* too long, or letters we do not know */
	if (i < n && s[i] == '.')
		p->dot = i + 1;
	return 1;
}

/* Where the next part starts after part p, or 0 when none may follow. */
static size_t
ab_next(const char *s, size_t n, struct ab_part *p)
{
	size_t i = p->dot ? p->dot : p->end, sp;

	if (p->dot && i < n && ((unsigned char)s[i] >= 0x80 ||
	    ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
		return i;	/* "t.ex" */
	if (!p->dot && p->nchar > 3)
		return 0;	/* spaced forms have short parts only */
	if ((sp = inner_space_at(s, n, i)) > 0 && i + sp < n)
		return i + sp;	/* "t ex", or the wrong form "t. ex." */
	return 0;
}

/* Is part k acceptable?  All lowercase but the first letter of the first
 * part ("Bl.a.", "fr.o.m."); initials (L.B.) go through ab_initials(). */
static int
ab_case_ok(const struct ab_part *p, int k)
{
	return k == 0 ? p[0].upper <= 1 : p[k].upper == 0;
}

#define AB_KEYMAX (AB_PARTS * (AB_PARTLEN * 2 + 1) + 1)

/* The table key of parts 0..k-1 ("fr.o.m"), with a period after them
 * when dot is set ("fr.o." to ask whether more parts may follow). */
static void
ab_key(const struct ab_part *p, int k, int dot, char *key)
{
	size_t o = 0;
	int j;

	for (j = 0; j < k; j++) {
		size_t l = strlen(p[j].key);

		if (j > 0)
			key[o++] = '.';
		memcpy(key + o, p[j].key, l);
		o += l;
	}
	if (dot)
		key[o++] = '.';
	key[o] = '\0';
}

static int
ab_lookup(const struct ab_part *p, int k)
{
	char key[AB_KEYMAX];

	ab_key(p, k, 0, key);
	return ld_abbrev_class(key);
}

/* May a part follow parts 0..k-1?  Only if some key goes on that way. */
static int
ab_continues(const struct ab_part *p, int k)
{
	char key[AB_KEYMAX];

	ab_key(p, k, 1, key);
	return ld_abbrev_has_prefix(key);
}

/* Initials: single capitals each followed by a period, no spaces. */
static size_t
ab_initials(const char *s, size_t n, size_t i, int *cls)
{
	size_t start = i;
	int k = 0;

	while (i + 1 < n && s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] == '.') {
		i += 2;
		k++;
	}
	if (k < 2 || alnum_at(s, n, i))
		return 0;
	*cls = LD_ABBR_INITIALS;
	return i - start;
}

static int
ab_spacing_ok(const struct ab_part *p, int k)
{
	int j, dots = 0;

	for (j = 0; j < k - 1; j++)
		if (p[j].dot)
			dots++;
	if (dots > 0)
		return 1;
	/* Fully spaced ("t ex", "fr o m"): short parts only. */
	for (j = 0; j < k; j++)
		if (p[j].nchar > 3)
			return 0;
	return 1;
}

size_t
ld_abbrev_at(const char *s, size_t n, int *cls)
{
	struct ab_part p[AB_PARTS];
	size_t i = 0, l;
	int np = 0, k, c;

	*cls = LD_ABBR_NONE;
	if ((l = ab_initials(s, n, 0, cls)) > 0)
		return l;
	while (np < AB_PARTS && ab_part(s, n, i, &p[np]) &&
	    ab_case_ok(p, np)) {
		i = ab_next(s, n, &p[np]);
		np++;
		if (i == 0 || !ab_continues(p, np))
			break;
	}
	for (k = np; k >= 1; k--) {
		if (k == 1 && !p[0].dot)
			break;	/* a plain word */
		if (k > 1 && !ab_spacing_ok(p, k))
			continue;
		if ((c = ab_lookup(p, k)) == LD_ABBR_NONE)
			continue;
		*cls = c;
		return p[k - 1].dot ? p[k - 1].dot : p[k - 1].end;
	}
	return 0;
}

/* ---- number-like tokens (PCRE2) ------------------------------------- */

#define SP "[ \\x{A0}\\x{202F}\\x{2009}\\x{2007}]"
#define YEAR "(?:1[5-9]|20)\\d\\d"
#define DAY "(?:0?[1-9]|[12]\\d|3[01])"
#define MONTH "(?:januari|februari|mars|april|maj|juni|juli|augusti" \
	"|september|oktober|november|december)"
#define END "(?![\\p{L}\\p{N}])"

/* Alternatives in order; group k gives the type numtype[k]. */
static const char num_pattern[] =
	"(" YEAR "[-\\x{2013}\\x{2014}]" YEAR ")(?![\\p{L}\\p{N}]|-\\d)"
	"|(\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01]))" END
	"|(" DAY "\\.(?:0?[1-9]|1[0-2])\\.\\d{4})(?![\\p{N}]|\\.\\d)"
	"|(" DAY SP MONTH SP "\\d{4})" END
	"|(\\d{4}(?:/\\d{2,4})?:(?:\\d+|\\p{Lu}+\\d+))" END
	"|(\\d{4}/\\d{2,4})(?![\\p{L}\\p{N}/])"
	"|(\\d{1,4}(?:" SP "[a-n])?" SP "\\x{A7}\\x{A7}?)"
	"|(\\d{1,4}(?:" SP "[a-n])?" SP "kap(?:\\.|(?!\\p{L})))"
	"|(\\d{1,3}(?:" SP "\\d{3}(?!\\d))+(?:,\\d+)?)(?![\\p{L}\\p{N}]"
	"|[-\\x{2010}\\x{2011}]\\p{L})"
	"|(\\d+(?:,\\d+)?)(?![\\p{L}\\p{N}]|[-\\x{2010}\\x{2011}]\\p{L}"
	"|:\\p{L})";

static const ldiff_token_type num_type[] = {
	LDIFF_TOK_OTHER, LDIFF_TOK_YEARRANGE, LDIFF_TOK_DATE, LDIFF_TOK_DATE,
	LDIFF_TOK_DATE, LDIFF_TOK_REF, LDIFF_TOK_REF, LDIFF_TOK_REF,
	LDIFF_TOK_REF, LDIFF_TOK_NUMBER, LDIFF_TOK_NUMBER
};

/* After "kl.": 9.00, 13:30, 9.00–15.30. */
static const char time_pattern[] =
	"\\d{1,2}[.:]\\d{2}(?:" SP "?[-\\x{2013}]" SP "?\\d{1,2}[.:]\\d{2})?"
	"(?![\\p{N}]|[.:]\\d)";

/* Compiled once per process, under a lock (tokenizers may run in several
 * threads), and again on a later call if compiling failed; each call has
 * its own match data. */
static pcre2_code *num_re, *time_re;
static pthread_mutex_t patterns_lock = PTHREAD_MUTEX_INITIALIZER;

static pcre2_code *
compile(const char *pat)
{
	int e;
	PCRE2_SIZE eo;

	return pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &e, &eo, NULL);
}

#ifdef __GNUC__
__attribute__((destructor))
#endif
static void
patterns_free(void)
{
	pcre2_code_free(num_re);
	pcre2_code_free(time_re);
	num_re = time_re = NULL;
}

static int
patterns_init(void)
{
	int rc = 0;

	pthread_mutex_lock(&patterns_lock);
	if (num_re == NULL || time_re == NULL) {
		patterns_free();
		num_re = compile(num_pattern);
		time_re = compile(time_pattern);
		if (num_re == NULL || time_re == NULL) {
			patterns_free();
			rc = LDIFF_ENOMEM;
		}
	}
	pthread_mutex_unlock(&patterns_lock);
	return rc;
}

/* Does a space and s[j...] go on into a longer token after a number:
 * "1 250", "3 §", "3 a §", "2 kap.", "1 januari 2023"? */
static int
space_may_extend(const char *s, size_t n, size_t j, size_t digits)
{
	static const char months[] = "jan feb mar apr maj jun jul aug sep "
	    "okt nov dec ";
	size_t k;

	if (j >= n)
		return 0;
	if ((s[j] >= '0' && s[j] <= '9') || (unsigned char)s[j] == 0xc2)
		return 1;	/* a digit group, or "§" */
	if (s[j] < 'a' || s[j] > 'z')
		return 0;
	if (j + 1 < n && (inner_space_at(s, n, j + 1) > 0 ||
	    (unsigned char)s[j + 1] == 0xc2)) {
		/* "3 a §", "2 a kap.": only a "§" or "kap" after the
		 * letter and its space could go on ("5 i avsnitt" cannot;
		 * 64 digits or more stay the pattern's, as they were) */
		if (digits < 64 && s[j + 1] == ' ' && j + 2 < n &&
		    (unsigned char)s[j + 2] < 0x80 && s[j + 2] != 'k')
			return 0;
		return 1;
	}
	if (j + 3 > n)
		return 0;
	if (memcmp(s + j, "kap", 3) == 0)
		return 1;
	if (digits > 2)
		return 0;
	for (k = 0; months[k] != '\0'; k += 4)
		if (memcmp(s + j, months + k, 3) == 0)
			return 1;
	return 0;
}

/* A plain number of ASCII digits at s[i] that no pattern could make
 * longer: most numbers.  Returns its length, or 0 to ask PCRE2. */
static size_t
plain_number(const char *s, size_t n, size_t i)
{
	size_t e = i, sp;
	unsigned char c;

	while (e < n && s[e] >= '0' && s[e] <= '9')
		e++;
	if (e == n)
		return e - i;
	c = (unsigned char)s[e];
	/* a full stop after a number ("avsnitt 12.") only begins a date
	 * when a digit follows it ("1.3.2024"); the pattern sees 64 bytes,
	 * so longer runs stay its to cut */
	if (c == '.' && e - i < 64 &&
	    (e + 1 == n || s[e + 1] < '0' || s[e + 1] > '9'))
		return e - i;
	if (c >= 0x80 || ascii_class[c] == C_LETTER || strchr("-.:/,", c))
		return 0;	/* maybe a word, a date, a reference ... */
	if ((sp = inner_space_at(s, n, e)) > 0 &&
	    space_may_extend(s, n, e + sp, e - i))
		return 0;
	return e - i;
}

/* Length of the number-like token PCRE2 finds at s[i] (a digit), its
 * type in *t; 0 if the digits begin a word instead ("2020-talet", "3G",
 * "1:a"). */
static size_t
pattern_number(const char *s, size_t n, size_t i, int after_kl,
    pcre2_match_data *md, ldiff_token_type *t)
{
	PCRE2_SIZE *ov;
	int rc, g;

	/* Only valid UTF-8 reaches PCRE2: stop the subject before a bad
	 * byte (the pattern never looks far, so 64 bytes are plenty). */
	n = i + ld_utf8_valid_prefix(s + i, n - i < 64 ? n - i : 64);
	if (after_kl) {
		rc = pcre2_match(time_re, (PCRE2_SPTR)s, n, i,
		    PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md, NULL);
		if (rc > 0) {
			*t = LDIFF_TOK_TIME;
			ov = pcre2_get_ovector_pointer(md);
			return ov[1] - ov[0];
		}
	}
	rc = pcre2_match(num_re, (PCRE2_SPTR)s, n, i,
	    PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md, NULL);
	if (rc <= 1)
		return 0;
	ov = pcre2_get_ovector_pointer(md);
	for (g = 1; g < rc; g++)
		if (ov[2 * g] != PCRE2_UNSET)
			break;
	if (g >= rc || g >= (int)(sizeof num_type / sizeof num_type[0]))
		return 0;
	*t = num_type[g];
	return ov[1] - ov[0];
}

/* The same, plain numbers answered without PCRE2. */
static size_t
scan_number(const char *s, size_t n, size_t i, int after_kl,
    pcre2_match_data *const *mdp, ldiff_token_type *t)
{
	size_t l;

	if (!after_kl && (l = plain_number(s, n, i)) > 0) {
		*t = LDIFF_TOK_NUMBER;
		return l;
	}
	return pattern_number(s, n, i, after_kl, *mdp, t);
}

size_t
ld_number_at(const char *s, size_t n, size_t i, int shortcut,
    ldiff_token_type *t)
{
	pcre2_match_data *md;
	size_t l;

	if (i >= n || s[i] < '0' || s[i] > '9' || patterns_init() != 0 ||
	    (md = pcre2_match_data_create_from_pattern(num_re, NULL)) == NULL)
		return 0;
	l = shortcut ? scan_number(s, n, i, 0, &md, t) :
	    pattern_number(s, n, i, 0, md, t);
	pcre2_match_data_free(md);
	return l;
}

/* ---- words ----------------------------------------------------------- */

/* Letters, marks, digits and joiners from s[i]. */
static size_t
alnum_run(const char *s, size_t n, size_t i)
{
	size_t l;
	int c;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {	/* the common case */
			c = ascii_class[(unsigned char)s[i]];
			if (c != C_LETTER && c != C_DIGIT)
				break;
			i++;
			continue;
		}
		c = class_at(s, n, i, &l);
		if (c == C_JOINER && alnum_at(s, n, i + l))
			c = C_LETTER;
		if (c != C_LETTER && c != C_DIGIT)
			break;
		i += l;
	}
	return i;
}

/* ":s", ":a", ":e", ":ns" after a word: genitive or ordinal colon. */
static size_t
colon_suffix(const char *s, size_t n, size_t i)
{
	size_t j = i + 1, l;
	int k = 0;

	if (i >= n || s[i] != ':')
		return i;
	while (k < 4 && j < n && class_at(s, n, j, &l) == C_LETTER) {
		j += l;
		k++;
	}
	if (k == 0 || k > 3 || alnum_at(s, n, j))
		return i;
	return j;
}

static size_t
scan_word(const char *s, size_t n, size_t i)
{
	size_t h;

	for (;;) {
		i = alnum_run(s, n, i);
		h = hyphen_at(s, n, i);
		if (h > 0 && alnum_at(s, n, i + h)) {
			i += h;	/* EU-stöd, e-tjänster */
			continue;
		}
		break;
	}
	i = colon_suffix(s, n, i);
	/* A suspended compound keeps its hyphen: "hälso- och sjukvård". */
	if (i < n && s[i] == '-' && (i + 1 == n || s[i + 1] == ' ' ||
	    s[i + 1] == ',' || s[i + 1] == '/'))
		i++;
	return i;
}

/* ---- the token stream --------------------------------------------------- */

struct toks {
	ldiff_token *v;
	size_t n, cap;
	pcre2_match_data *md;	/* when the text has a digit */
};

static int
push(struct toks *t, size_t off, size_t len, ldiff_token_type type)
{
	if (t->n == t->cap) {
		ldiff_token *v = ld_grow(t->v, &t->cap, 64, sizeof *v);

		if (v == NULL)
			return LDIFF_ENOMEM;
		t->v = v;
	}
	t->v[t->n].off = off;
	t->v[t->n].len = len;
	t->v[t->n].type = type;
	t->n++;
	return 0;
}

/* Is the first thing after s[i] and its spaces a capital, or nothing? */
static int
capital_or_end_after(const char *s, size_t n, size_t i)
{
	size_t l;
	int32_t cp;

	while (i < n && class_at(s, n, i, &l) == C_SPACE)
		i += l;
	if (i >= n)
		return 1;
	cp_at(s, n, i, &cp);
	return cp >= 0 && (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_LT);
}

/* Could an abbreviation start at s[i]?  Its first part has at most
 * AB_PARTLEN ASCII or Latin-1 letters and a period after it, or at most
 * two and a space ("t ex", "bl a", "fr o m"; this keeps "och", "att" and
 * the other short words out).  Most words fail here, cheaply. */
static int
may_be_abbrev(const char *s, size_t n, size_t i)
{
	size_t k = 0;

	while (i < n && k <= AB_PARTLEN) {
		unsigned char c = (unsigned char)s[i];

		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			i++;
		else if (c == 0xc3 && i + 1 < n)
			i += 2;
		else
			break;
		k++;
	}
	if (k == 0 || k > AB_PARTLEN || i >= n)
		return 0;
	return s[i] == '.' || (k <= 2 && inner_space_at(s, n, i) > 0);
}

/* An abbreviation at s[i]?  A one-part one of the MAY_END class ("bil.",
 * "kr.") before a capital or the end is a word and a full stop instead. */
static size_t
scan_abbrev(const char *s, size_t n, size_t i)
{
	size_t l;
	int cls, dots = 0;
	size_t k;

	if (!may_be_abbrev(s, n, i))
		return 0;
	l = ld_abbrev_at(s + i, n - i, &cls);
	if (l == 0 || cls != LD_ABBR_MAY_END)
		return l;
	for (k = 0; k + 1 < l; k++)
		if (s[i + k] == '.' || s[i + k] == ' ')
			dots++;
	if (dots == 0 && capital_or_end_after(s, n, i + l))
		return 0;
	return l;
}

int
ld_after_kl(const char *s, const ldiff_token *v, size_t n)
{
	while (n > 0 && v[n - 1].type == LDIFF_TOK_SPACE)
		n--;
	if (n > 0 && v[n - 1].type == LDIFF_TOK_WORD && v[n - 1].len == 7)
		/* "klockan 13.00" is the time "kl. 13.00" written out */
		return strncasecmp(s + v[n - 1].off, "klockan", 7) == 0;
	if (n == 0 || v[n - 1].type != LDIFF_TOK_ABBR || v[n - 1].len != 3)
		return 0;
	return ld_lower_byte((unsigned char)s[v[n - 1].off]) == 'k' &&
	    s[v[n - 1].off + 1] == 'l';
}

static int
is_kl(const char *s, const struct toks *t)
{
	return ld_after_kl(s, t->v, t->n);
}

/* One token at s[i]: its length and type. */
static size_t
next_token(const char *s, size_t n, size_t i, struct toks *t,
    ldiff_token_type *type)
{
	size_t l, e;
	int c = class_at(s, n, i, &l);

	switch (c) {
	case C_SPACE:
		for (e = i + l; e < n && class_at(s, n, e, &l) == C_SPACE; )
			e += l;
		*type = LDIFF_TOK_SPACE;
		return e - i;
	case C_DIGIT:
		if ((unsigned char)s[i] < 0x80 &&
		    (e = scan_number(s, n, i, is_kl(s, t), &t->md, type)) > 0)
			return e;
		*type = LDIFF_TOK_WORD;
		return scan_word(s, n, i) - i;
	case C_LETTER:
		if ((e = scan_abbrev(s, n, i)) > 0) {
			*type = LDIFF_TOK_ABBR;
			return e;
		}
		*type = LDIFF_TOK_WORD;
		return scan_word(s, n, i) - i;
	case C_PUNCT:
		*type = LDIFF_TOK_PUNCT;
		return l;
	default:
		*type = LDIFF_TOK_OTHER;
		return l;
	}
}

static int
has_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

int
ldiff_tokenize(const char *text, size_t len, ldiff_token **out, size_t *n)
{
	size_t end;

	if (out == NULL || n == NULL || (text == NULL && len > 0))
		return LDIFF_EINVAL;
	return ld_tokenize_from(text, len, NULL, 0, NULL, NULL, out, n, &end);
}

int
ld_tokenize_from(const char *text, size_t len, const ldiff_token *prior,
    size_t nprior, int (*stop)(void *ctx, size_t off, int after_kl),
    void *ctx, ldiff_token **out, size_t *n, size_t *end)
{
	struct toks t = { NULL, 0, 0, NULL };
	ldiff_token_type type;
	size_t i = 0, l;
	int rc;

	*out = NULL;
	*n = 0;
	*end = 0;
	if ((rc = patterns_init()) != 0)
		return rc;
	for (l = 0; l < nprior; l++)
		if ((rc = push(&t, prior[l].off, prior[l].len,
		    prior[l].type)) != 0)
			goto fail;
	if (nprior > 0)
		i = prior[nprior - 1].off + prior[nprior - 1].len;
	if (has_digit(text + i, len - i) && (t.md =
	    pcre2_match_data_create_from_pattern(num_re, NULL)) == NULL) {
		rc = LDIFF_ENOMEM;
		goto fail;
	}
	while (i < len) {
		if (stop != NULL && stop(ctx, i, is_kl(text, &t)))
			break;
		l = next_token(text, len, i, &t, &type);
		if (l == 0)	/* cannot happen; never loop forever */
			l = 1;
		if ((rc = push(&t, i, l, type)) != 0)
			goto fail;
		i += l;
	}
	if (t.v == NULL && (t.v = ld_malloc(sizeof *t.v)) == NULL) {
		rc = LDIFF_ENOMEM;
		goto fail;
	}
	pcre2_match_data_free(t.md);
	*out = t.v;
	*n = t.n;
	*end = i;
	return 0;
fail:
	pcre2_match_data_free(t.md);
	ld_free(t.v);
	return rc;
}
