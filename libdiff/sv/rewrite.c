/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sv/rewrite.c - do two Swedish spans say the same thing?
 *
 * The idea: språkvård rewrites words, not meaning (skall -> ska, bl.a. ->
 * bland annat, fyra -> 4, den 1 januari 2027 -> 2027-01-01, 5 § -> § 5).
 * Both spans are keyed (key.c: case, dashes, spaces folded) and cut into
 * words, numbers and signs.  At each position a side has readings: the
 * word itself, and whatever the tables of rewrite_tables.c let it be - a
 * group of forms ("bl.a." is group 7 over four tokens, "bland annat" the
 * same group over two), a cardinal or ordinal number, a date, a section,
 * a clock time, or nothing (an auxiliary "har" that may be left out).  The
 * spans are the same in meaning when some reading of the one, read to its
 * end, equals some reading of the other: a small dynamic program over
 * (old position, new position), memoised, so a few dozen words cost
 * little.  Readings are pairs of equal meaning or nothing: a span that no
 * table explains is never the same, which is the safe answer.
 *
 * Only what is listed is equal; everything else stays a difference, so a
 * modal verb (ska -> bör), a negation added, another number or date, or
 * an abbreviation replaced by a word that is not its expansion always
 * stays a change of substance.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "sv/rewrite.h"
#include "sv/sv.h"

#define MAX_TOKENS 96		/* longer spans are not rewrites: say no */
#define MAX_READINGS 24		/* per position */
#define HAR_REACH 3		/* words between a subjunction and "har" */
#define MAX_FORMS 512		/* forms in all group rows */
#define FORM_TOKENS 8		/* tokens of one form */

typedef struct tok {
	const char *s;
	size_t n;
} tok;

enum { R_WORD, R_GROUP, R_CARD, R_ORD, R_DATE, R_SECT, R_TIME, R_NONE,
	R_ONE_WORD, R_ONE_FIGURE };

typedef struct reading {
	int kind;
	size_t len;		/* tokens read */
	long v;			/* group row, number, date, section, time */
	const tok *w;		/* R_WORD */
} reading;

/* Tokens by what the tables may make of them: see tok_class(). */
enum { T_PLAIN, T_FIGURE, T_TABLE };

typedef struct side {
	tok t[MAX_TOKENS];
	unsigned char cls[MAX_TOKENS];	/* T_PLAIN ... */
	size_t n;
	size_t ntable, nplain;	/* tokens of those classes */
	size_t nvalue;		/* table tokens that are value_word()s */
	reading *r;		/* MAX_READINGS per position */
	size_t *nr;
} side;

/* ---- lexing ------------------------------------------------------------ */

static int
is_letter_at(const char *s, size_t n, size_t *len)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	utf8proc_category_t cat;

	/* ASCII, most of the text, without utf8proc: the same answer */
	if (n > 0 && (unsigned char)s[0] < 0x80) {
		*len = 1;
		return (s[0] >= 'a' && s[0] <= 'z') ||
		    (s[0] >= 'A' && s[0] <= 'Z');
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &c);
	if (k <= 0) {
		*len = 1;
		return 0;
	}
	*len = (size_t)k;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
	    cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
	    cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_MN;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A number: digits, joined by . , : - / to more digits ("13.00",
 * "2027-01-01", "2,5"), an ordinal's ":a" / ":e" ending. */
static size_t
lex_number(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (is_digit(s[i]))
			i++;
		else if (i + 1 < n && strchr(".,:-/", s[i]) &&
		    is_digit(s[i + 1]))
			i += 2;
		else if (i + 1 < n && s[i] == ':' && (s[i + 1] == 'a' ||
		    s[i + 1] == 'e') && (i + 2 == n || !is_letter_at(s + i + 2,
		    n - i - 2, &(size_t){ 0 })))
			return i + 2;
		else
			break;
	}
	return i;
}

/* A word: letters and digits, hyphens inside ("EU-stöd"). */
static size_t
lex_word(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		if (is_letter_at(s + i, n - i, &k) || is_digit(s[i]))
			i += k;
		else if (s[i] == '-' && i + 1 < n &&
		    (is_letter_at(s + i + 1, n - i - 1, &k) ||
		    is_digit(s[i + 1])))
			i++;
		else
			break;
	}
	return i;
}

/* The next token of s[0..n) after spaces: its start in *t; the bytes
 * read, 0 at the end. */
static size_t
lex_one(const char *s, size_t n, tok *t)
{
	size_t i = 0, k;

	while (i < n && s[i] == ' ')
		i++;
	if (i == n)
		return 0;
	t->s = s + i;
	if (is_digit(s[i]))
		k = lex_number(s + i, n - i);
	else if (is_letter_at(s + i, n - i, &k))
		k = lex_word(s + i, n - i);
	/* else one code point, k from is_letter_at */
	t->n = k;
	return i + k;
}

static int
lex(const char *s, size_t n, side *sd)
{
	size_t k;

	sd->n = 0;
	while ((k = lex_one(s, n, &sd->t[sd->n])) > 0) {
		if (++sd->n == MAX_TOKENS)
			return -1;
		s += k;
		n -= k;
	}
	return 0;
}

/* ---- small look-ups ---------------------------------------------------- */

static int
tok_is(const tok *t, const char *w)
{
	/* the first byte first: most words of a table differ there, and
	 * need no strlen() then */
	if (t->n == 0 || w[0] != t->s[0])
		return t->n == 0 && w[0] == '\0';
	return strlen(w) == t->n && memcmp(t->s, w, t->n) == 0;
}

static int
in_list(const tok *t, const char *const *list)
{
	for (; *list != NULL; list++)
		if (tok_is(t, *list))
			return 1;
	return 0;
}

static long
num_lookup(const tok *t, const ld_numword *tab)
{
	for (; tab->word != NULL; tab++)
		if (tok_is(t, tab->word))
			return tab->value;
	return -1;
}

/* Digits only, at most 9 of them: the value, else -1. */
static long
figure(const tok *t)
{
	long v = 0;
	size_t i;

	if (t->n == 0 || t->n > 9)
		return -1;
	for (i = 0; i < t->n; i++) {
		if (!is_digit(t->s[i]))
			return -1;
		v = v * 10 + (t->s[i] - '0');
	}
	return v;
}

/* A cardinal written in figures or words ("21", "tjugoen"), else -1. */
static long
cardinal(const tok *t)
{
	const ld_numword *tens;
	long v = figure(t), u;
	tok rest;

	if (v >= 0 || (v = num_lookup(t, ld_rewrite_cardinals)) >= 0 ||
	    (v = num_lookup(t, ld_rewrite_tens)) >= 0)
		return v;
	for (tens = ld_rewrite_tens; tens->word != NULL; tens++) {
		size_t k;

		if (tens->word[0] != t->s[0] || t->n <= (k =
		    strlen(tens->word)) || memcmp(t->s, tens->word, k) != 0)
			continue;
		rest.s = t->s + k;
		rest.n = t->n - k;
		u = in_list(&rest, ld_rewrite_articles) ? 1 :
		    num_lookup(&rest, ld_rewrite_cardinals);
		if (u >= 1 && u <= 9)
			return tens->value + u;
	}
	return -1;
}

/* "3:e", "1:a", "tredje": the ordinal, else -1. */
static long
ordinal(const tok *t)
{
	tok d = *t;

	if (t->n >= 3 && t->s[t->n - 2] == ':') {
		d.n -= 2;
		return figure(&d);
	}
	return num_lookup(t, ld_rewrite_ordinals);
}

/* ---- readings ------------------------------------------------------------ */

static void
add(side *sd, size_t i, int kind, size_t len, long v)
{
	reading *r;

	if (sd->nr[i] == MAX_READINGS)
		return;		/* a reading less: at worst "not the same" */
	r = &sd->r[i * MAX_READINGS + sd->nr[i]++];
	r->kind = kind;
	r->len = len;
	r->v = v;
	r->w = &sd->t[i];
}

/* Does form f[0..fn) match the tokens from i?  A period in the form may
 * be missing in the text.  The tokens read in *len; *opt_end when the
 * last one read is such a period (then the text may keep it for itself:
 * "m.m." ending a sentence is "med mera."). */
static int
form_at(const side *sd, size_t i, const char *f, size_t fn, size_t *len,
    int *opt_end)
{
	size_t k = i, used;
	tok ft;

	*opt_end = 0;
	/* a form that begins with a word, not this token's first byte,
	 * cannot match here: no need to lex it */
	if (fn > 0 && f[0] != '.' && f[0] != ' ' &&
	    (i >= sd->n || f[0] != sd->t[i].s[0]))
		return 0;
	while ((used = lex_one(f, fn, &ft)) > 0) {
		int dot = ft.n == 1 && ft.s[0] == '.';

		f += used;
		fn -= used;
		*opt_end = 0;
		if (k < sd->n && sd->t[k].n == ft.n &&
		    memcmp(sd->t[k].s, ft.s, ft.n) == 0) {
			*opt_end = dot;
			k++;
		} else if (!dot)
			return 0;
	}
	*len = k - i;
	return k > i;
}

/* ---- plain words ----------------------------------------------------------
 *
 * A token is plain when no table can read it, in any context: not a
 * figure, not a word of any list or group form, not a sign a reading
 * takes in ("(", ".", "§", the letter of "5 a §").  A plain token has
 * only its word reading, so a rewrite matches it to the same token on the
 * other side: two spans whose plain tokens differ, in order, are never
 * the same in meaning.  That is decided from the lexed tokens alone, before
 * any reading, and is what most edits (a word changed) come to.  The set
 * below holds every token that is not plain; a larger set only lets more
 * spans through to the full matcher, never changes its answer. */
#define SPECIAL_SLOTS 4096	/* a power of two, well above the words */

static tok specials[SPECIAL_SLOTS];
static unsigned char special_value[SPECIAL_SLOTS];	/* see value_word() */
static int specials_full;	/* then no token is taken to be plain */

static size_t
tok_hash(const char *s, size_t n)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h & (SPECIAL_SLOTS - 1);
}

/* The slot of t in the set, -1 when it is not there. */
static long
special_find(const tok *t)
{
	size_t h = tok_hash(t->s, t->n);

	for (; specials[h].s != NULL; h = (h + 1) & (SPECIAL_SLOTS - 1))
		if (specials[h].n == t->n && memcmp(specials[h].s, t->s,
		    t->n) == 0)
			return (long)h;
	return -1;
}

static int
special_has(const tok *t)
{
	return special_find(t) >= 0;
}

static void
special_add(const char *s, size_t n, int value)
{
	tok t = { s, n };
	long at = special_find(&t);
	size_t h = tok_hash(s, n), k;

	if (n == 0)
		return;
	if (at >= 0) {
		special_value[at] |= (unsigned char)value;
		return;
	}
	for (k = 0; specials[h].s != NULL; k++, h = (h + 1) &
	    (SPECIAL_SLOTS - 1))
		if (k > SPECIAL_SLOTS / 2) {
			specials_full = 1;
			return;
		}
	specials[h] = t;
	special_value[h] = (unsigned char)value;
}

/* Every token of a string as lex_one cuts it: the tokens of a form.  A
 * value list marks its words, not its periods ("jan."). */
static void
special_add_lexed(const char *f, size_t fn, int value)
{
	size_t used;
	tok t;

	while ((used = lex_one(f, fn, &t)) > 0) {
		special_add(t.s, t.n, value && !(t.n == 1 && t.s[0] == '.'));
		f += used;
		fn -= used;
	}
}

static void
special_add_list(const char *const *list, int value)
{
	for (; *list != NULL; list++)
		special_add_lexed(*list, strlen(*list), value);
}

static void
special_add_nums(const ld_numword *tab)
{
	for (; tab->word != NULL; tab++)
		special_add_lexed(tab->word, strlen(tab->word), 1);
}

/* The forms are added by forms_init(); here the rest of the tables. */
static void
specials_init(void)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
	size_t i;

	for (i = 0; letters[i] != '\0'; i++)
		special_add(letters + i, 1, 0);	/* "5 a §" */
	special_add_list((const char *const[]){ "(", ")", ".",
	    "\xc2\xa7", NULL }, 0);
	special_add_nums(ld_rewrite_cardinals);
	special_add_nums(ld_rewrite_tens);
	special_add_nums(ld_rewrite_ordinals);
	special_add_nums(ld_rewrite_months);
	special_add_list(ld_rewrite_articles, 1);	/* "en" is 1 */
	special_add_list(ld_rewrite_date_articles, 0);
	special_add_list(ld_rewrite_clock, 1);
	special_add_list(ld_rewrite_aux, 0);
}

/* The forms of the group rows, lexed once: each form's first word lets
 * read_groups() pass over the rows that cannot match at a token. */
static struct form {
	const char *s;
	size_t n;
	long row;
	tok first;		/* its first word that is not a period */
} forms[MAX_FORMS];
static size_t nforms;
static pthread_once_t forms_once = PTHREAD_ONCE_INIT;

/* The forms by the hash of their first word, each chain in the order of
 * forms[] so that the readings come in the order of the tables: index
 * + 1, 0 ending a chain. */
static unsigned short form_head[SPECIAL_SLOTS];
static unsigned short form_next[MAX_FORMS];

static void
forms_chain(void)
{
	size_t k = nforms;

	while (k-- > 0) {
		size_t h = tok_hash(forms[k].first.s, forms[k].first.n);

		form_next[k] = form_head[h];
		form_head[h] = (unsigned short)(k + 1);
	}
}

static void
forms_init(void)
{
	const char *const *const *g;
	const char *const *row;
	long id = 0;

	specials_init();
	for (g = ld_rewrite_groups; *g != NULL; g++)
		for (row = *g; *row != NULL; row++, id++) {
			const char *f = *row, *bar;

			do {
				struct form *fm = &forms[nforms];

				bar = strchr(f, '|');
				fm->s = f;
				fm->n = bar ? (size_t)(bar - f) : strlen(f);
				fm->row = id;
				special_add_lexed(fm->s, fm->n, 0);
				if (lex_one(fm->s, fm->n, &fm->first) > 0 &&
				    nforms + 1 < MAX_FORMS)
					nforms++;
				if (bar != NULL)	/* NULL + 1 is undefined */
					f = bar + 1;
			} while (bar != NULL);
		}
	forms_chain();
}

/* "tjugoen", "trettiotre": a ten and a unit in one word. */
static int
tens_prefix(const tok *t)
{
	const ld_numword *tens;

	for (tens = ld_rewrite_tens; tens->word != NULL; tens++) {
		size_t k;

		if (tens->word[0] == t->s[0] && t->n > (k =
		    strlen(tens->word)) && memcmp(t->s, tens->word, k) == 0)
			return 1;
	}
	return 0;
}

/* The class of a token: T_TABLE when a table or a sign of a reading may
 * take it in, T_FIGURE when only the readings of a figure can (a number,
 * a date, an ordinal "3:e": each one token), T_PLAIN when none can. */
static int
tok_class(const tok *t)
{
	pthread_once(&forms_once, forms_init);
	if (specials_full || special_has(t) || tens_prefix(t))
		return T_TABLE;
	return is_digit(t->s[0]) ? T_FIGURE : T_PLAIN;
}

/* A word that stands for a value the other side may write in figures:
 * a number word ("tre", "tredje", "en", "tjugoen"), a month, the clock. */
static int
value_word(const tok *t)
{
	long at = specials_full ? -1 : special_find(t);

	return specials_full || (at >= 0 && special_value[at]) ||
	    tens_prefix(t);
}

static void
classify(side *sd)
{
	size_t i;

	sd->ntable = sd->nplain = sd->nvalue = 0;
	for (i = 0; i < sd->n; i++) {
		sd->cls[i] = (unsigned char)tok_class(&sd->t[i]);
		sd->ntable += sd->cls[i] == T_TABLE;
		sd->nplain += sd->cls[i] == T_PLAIN;
		sd->nvalue += sd->cls[i] == T_TABLE && value_word(&sd->t[i]);
	}
}

/* Every row of every group table with a form that matches at i. */
static void
read_groups(side *sd, size_t i)
{
	const tok *t = &sd->t[i];
	size_t k, len;
	int opt;

	pthread_once(&forms_once, forms_init);
	for (k = form_head[tok_hash(t->s, t->n)]; k != 0; k = form_next[k - 1]) {
		const struct form *fm = &forms[k - 1];

		if (fm->first.n != t->n || memcmp(fm->first.s, t->s, t->n) != 0 ||
		    !form_at(sd, i, fm->s, fm->n, &len, &opt))
			continue;
		add(sd, i, R_GROUP, len, fm->row);
		if (opt && len > 1)
			add(sd, i, R_GROUP, len - 1, fm->row);
	}
}

/* A word of a list, read with form_at (its period optional). */
static size_t
list_word_at(const side *sd, size_t i, const char *const *list)
{
	size_t len;
	int opt;

	for (; *list != NULL; list++)
		if (form_at(sd, i, *list, strlen(*list), &len, &opt))
			return len;
	return 0;
}

/* A number, and the same number again in parentheses: "tre (3)". */
static void
read_numbers(side *sd, size_t i)
{
	long v = cardinal(&sd->t[i]), o = ordinal(&sd->t[i]);

	/* "en" and "ett" are articles as often as numbers: each is the
	 * figure 1, but not the other ("en plan" -> "ett program") */
	if (in_list(&sd->t[i], ld_rewrite_articles)) {
		add(sd, i, R_ONE_WORD, 1, 1);
		return;
	}
	if (v == 1 && figure(&sd->t[i]) == 1)
		add(sd, i, R_ONE_FIGURE, 1, 1);
	if (v >= 0) {
		add(sd, i, R_CARD, 1, v);
		if (i + 3 < sd->n && tok_is(&sd->t[i + 1], "(") &&
		    cardinal(&sd->t[i + 2]) == v && tok_is(&sd->t[i + 3], ")"))
			add(sd, i, R_CARD, 4, v);
	}
	if (o >= 0)
		add(sd, i, R_ORD, 1, o);
}

static long
ymd(long y, long m, long d)
{
	if (m < 1 || m > 12 || d < 1 || d > 31 || y < 0 || y > 9999)
		return -1;
	return y * 10000 + m * 100 + d;
}

/* "2027-01-01", "1.1.2027" as one token. */
static long
date_token(const tok *t)
{
	int p[3] = { 0 }, k = 0;
	size_t i;
	char sep = 0;

	for (i = 0; i < t->n; i++) {
		char c = t->s[i];

		if (is_digit(c)) {
			if (p[k] > 9999)	/* no part of a date is longer */
				return -1;
			p[k] = p[k] * 10 + (c - '0');
		} else if ((c == '-' || c == '.') && k < 2 &&
		    (sep == 0 || sep == c)) {
			sep = c;
			k++;
		} else
			return -1;
	}
	if (k != 2 || t->n < 8)
		return -1;
	return sep == '-' ? ymd(p[0], p[1], p[2]) : ymd(p[2], p[1], p[0]);
}

/* A date from i: ISO or dotted, or day, month name (and year). */
static void
read_date_from(side *sd, size_t at, size_t i)
{
	long d, m, y, v;
	size_t k;

	if (i >= sd->n)
		return;
	if ((v = date_token(&sd->t[i])) >= 0) {
		add(sd, at, R_DATE, i + 1 - at, v);
		return;
	}
	if ((d = figure(&sd->t[i])) < 1 || d > 31 || i + 1 >= sd->n)
		return;
	for (m = -1, k = 0; m < 0 && ld_rewrite_months[k].word != NULL; k++) {
		size_t len;
		int opt;
		const char *w = ld_rewrite_months[k].word;

		if (form_at(sd, i + 1, w, strlen(w), &len, &opt))
			m = ld_rewrite_months[k].value;
	}
	if (m < 0)
		return;
	/* the month read: how many tokens ("jan ." or "januari") */
	k = i + 2;
	if (k < sd->n && tok_is(&sd->t[k], ".") && sd->t[i + 1].n <= 4)
		k++;
	add(sd, at, R_DATE, k - at, ymd(0, m, d));
	if (k < sd->n && (y = figure(&sd->t[k])) >= 1000 && y <= 9999)
		add(sd, at, R_DATE, k + 1 - at, ymd(y, m, d));
}

static void
read_dates(side *sd, size_t i)
{
	read_date_from(sd, i, i);
	if (in_list(&sd->t[i], ld_rewrite_date_articles))
		read_date_from(sd, i, i + 1);
}

/* "5 §", "5 a §", "§ 5", "§ 5 a". */
static void
read_sections(side *sd, size_t i)
{
	const tok *t = sd->t;
	long v;
	int letter;

	if (tok_is(&t[i], "\xc2\xa7") && i + 1 < sd->n &&
	    (v = figure(&t[i + 1])) >= 0) {
		add(sd, i, R_SECT, 2, v * 32);
		letter = i + 2 < sd->n && t[i + 2].n == 1 &&
		    t[i + 2].s[0] >= 'a' && t[i + 2].s[0] <= 'z';
		if (letter)
			add(sd, i, R_SECT, 3, v * 32 + t[i + 2].s[0] - 'a' + 1);
		return;
	}
	if ((v = figure(&t[i])) < 0 || i + 1 >= sd->n)
		return;
	if (tok_is(&t[i + 1], "\xc2\xa7"))
		add(sd, i, R_SECT, 2, v * 32);
	else if (i + 2 < sd->n && t[i + 1].n == 1 && t[i + 1].s[0] >= 'a' &&
	    t[i + 1].s[0] <= 'z' && tok_is(&t[i + 2], "\xc2\xa7"))
		add(sd, i, R_SECT, 3, v * 32 + t[i + 1].s[0] - 'a' + 1);
}

/* "13.00", "13:00", "13": minutes after midnight, else -1. */
static long
clock_time(const tok *t)
{
	long h = 0, m = 0;
	size_t i = 0;

	while (i < t->n && is_digit(t->s[i]) && i < 2)
		h = h * 10 + (t->s[i++] - '0');
	if (i == 0 || h > 24)
		return -1;
	if (i == t->n)
		return h * 60;
	if (t->n != i + 3 || (t->s[i] != '.' && t->s[i] != ':') ||
	    !is_digit(t->s[i + 1]) || !is_digit(t->s[i + 2]))
		return -1;
	m = (t->s[i + 1] - '0') * 10 + (t->s[i + 2] - '0');
	return m < 60 ? h * 60 + m : -1;
}

static void
read_times(side *sd, size_t i)
{
	size_t k = list_word_at(sd, i, ld_rewrite_clock);
	long v;

	/* "kl. 13" and "kl 13": the list's "kl." reads both */
	if (k > 0 && i + k < sd->n &&
	    (v = clock_time(&sd->t[i + k])) >= 0)
		add(sd, i, R_TIME, k + 1, v);
	if (k == 1 && i + 2 < sd->n && tok_is(&sd->t[i + 1], ".") &&
	    (v = clock_time(&sd->t[i + 2])) >= 0)
		add(sd, i, R_TIME, 3, v);
}

static int
ends_with(const tok *t, const char *suf)
{
	size_t k = strlen(suf);

	return t->n >= k && memcmp(t->s + t->n - k, suf, k) == 0;
}

/* A supine by its ending (-t, -ts, not the noun ending -et). */
static int
supine(const tok *t)
{
	size_t i;

	if (t->n < 4 || in_list(t, ld_rewrite_not_supine) ||
	    ends_with(t, "et") || ends_with(t, "ets"))
		return 0;
	for (i = 0; i < t->n; i++)
		if (is_digit(t->s[i]))
			return 0;
	return ends_with(t, "t") || ends_with(t, "ts");
}

/* "som (avtalet) har beslutats": the auxiliary may be left out. */
static void
read_aux(side *sd, size_t i)
{
	size_t k;

	if (!in_list(&sd->t[i], ld_rewrite_aux) || i + 1 >= sd->n ||
	    !supine(&sd->t[i + 1]))
		return;
	for (k = 1; k <= HAR_REACH && k <= i; k++)
		if (in_list(&sd->t[i - k], ld_rewrite_subjunctions)) {
			add(sd, i, R_NONE, 1, 0);
			return;
		}
}

static void
read_all(side *sd)
{
	size_t i;

	for (i = 0; i < sd->n; i++) {
		sd->nr[i] = 0;
		add(sd, i, R_WORD, 1, 0);
		if (sd->cls[i] == T_PLAIN)
			continue;	/* no table reads it: see tok_class() */
		read_groups(sd, i);
		read_numbers(sd, i);
		read_dates(sd, i);
		read_sections(sd, i);
		read_times(sd, i);
		read_aux(sd, i);
	}
}

/* ---- matching ------------------------------------------------------------ */

struct match {
	side *a, *b;
	signed char *memo;	/* (na + 1) x (nb + 1): 0 unknown, 1, -1 */
};

static int
same_reading(const reading *x, const reading *y)
{
	if ((x->kind == R_ONE_WORD && y->kind == R_ONE_FIGURE) ||
	    (x->kind == R_ONE_FIGURE && y->kind == R_ONE_WORD))
		return 1;
	if (x->kind != y->kind || x->kind == R_ONE_WORD ||
	    x->kind == R_ONE_FIGURE)
		return 0;
	if (x->kind == R_WORD)
		return x->w->n == y->w->n &&
		    memcmp(x->w->s, y->w->s, x->w->n) == 0;
	return x->v == y->v;
}

static int same_from(struct match *m, size_t i, size_t j);

/* An auxiliary left out on one side. */
static int
skip_none(struct match *m, size_t i, size_t j)
{
	size_t k;

	for (k = 0; i < m->a->n && k < m->a->nr[i]; k++)
		if (m->a->r[i * MAX_READINGS + k].kind == R_NONE &&
		    same_from(m, i + 1, j))
			return 1;
	for (k = 0; j < m->b->n && k < m->b->nr[j]; k++)
		if (m->b->r[j * MAX_READINGS + k].kind == R_NONE &&
		    same_from(m, i, j + 1))
			return 1;
	return 0;
}

static int
same_from(struct match *m, size_t i, size_t j)
{
	signed char *memo = &m->memo[i * (m->b->n + 1) + j];
	size_t x, y;

	if (*memo != 0)
		return *memo > 0;
	*memo = -1;
	if (i == m->a->n && j == m->b->n) {
		*memo = 1;
		return 1;
	}
	if (skip_none(m, i, j)) {
		*memo = 1;
		return 1;
	}
	if (i == m->a->n || j == m->b->n)
		return 0;
	for (x = 0; x < m->a->nr[i]; x++) {
		const reading *rx = &m->a->r[i * MAX_READINGS + x];

		for (y = 0; y < m->b->nr[j]; y++) {
			const reading *ry = &m->b->r[j * MAX_READINGS + y];

			if (same_reading(rx, ry) &&
			    same_from(m, i + rx->len, j + ry->len)) {
				*memo = 1;
				return 1;
			}
		}
	}
	return 0;
}

/* Key and lex a span; its readings come with side_read(). */
static int
side_lex(side *sd, const char *s, size_t n, ld_buf *key)
{
	ld_buf_init(key);
	sd->r = NULL;
	sd->nr = NULL;
	if (ld_text_key_buf(key, s, n) != 0 ||
	    lex(key->data ? key->data : "", key->len, sd) != 0)
		return -1;
	classify(sd);
	return 0;
}

/* ---- cheap refusals -------------------------------------------------------
 *
 * Most spans the diff asks about differ in a word no table knows.  These
 * necessary conditions decide that from the classes of the lexed tokens,
 * before any reading is made; each only refuses what the matcher would
 * refuse too, so the answers are the same, sooner. */

static int
tok_same(const tok *x, const tok *y)
{
	return x->n == y->n && memcmp(x->s, y->s, x->n) == 0;
}

/* A plain token has only its word reading, matched by the same token:
 * the plain tokens of the two sides, in order, must be the same. */
static int
same_plain(const side *a, const side *b)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < a->n && a->cls[i] != T_PLAIN)
			i++;
		while (j < b->n && b->cls[j] != T_PLAIN)
			j++;
		if (i == a->n || j == b->n)
			return i == a->n && j == b->n;
		if (!tok_same(&a->t[i], &b->t[j]))
			return 0;
		i++;
		j++;
	}
}

/* When the other side is all plain, its readings are its words: this
 * side may add to them only auxiliaries left out there. */
static int
plain_or_aux(const side *sd)
{
	size_t i;

	for (i = 0; i < sd->n; i++)
		if (sd->cls[i] != T_PLAIN &&
		    !in_list(&sd->t[i], ld_rewrite_aux))
			return 0;
	return 1;
}

/* Two figures that some reading of one token each makes equal: "05" and
 * "5", "3:e" and "3:a", "1.1.2027" and "2027-01-01". */
static int
same_figure(const tok *x, const tok *y)
{
	long v;

	return ((v = figure(x)) >= 0 && v == figure(y)) ||
	    ((v = ordinal(x)) >= 0 && v == ordinal(y)) ||
	    ((v = date_token(x)) >= 0 && v == date_token(y));
}

/* Without table tokens every reading is one token long (a word, a
 * number, an ordinal, a date): the sides match token for token. */
static int
same_figures(const side *a, const side *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!tok_same(&a->t[i], &b->t[i]) &&
		    (a->cls[i] != T_FIGURE || b->cls[i] != T_FIGURE ||
		    !same_figure(&a->t[i], &b->t[i])))
			return 0;
	return 1;
}

/* A figure is read as itself, a number, an ordinal, a date, a section
 * or a time.  Only with a value_word() does a reading join figures into
 * another value ("1 januari 2027", "kl. 13") or stand for one written in
 * words ("tre"); without value words on either side each reading of a
 * figure has the value of that one figure, and the other side must read
 * the same value from a figure of its own.  Called when neither side
 * has value words. */
static int
figures_found(const side *x, const side *y)
{
	size_t i, j;

	for (i = 0; i < x->n; i++) {
		if (x->cls[i] != T_FIGURE)
			continue;
		for (j = 0; j < y->n; j++)
			if (y->cls[j] == T_FIGURE && (tok_same(&x->t[i],
			    &y->t[j]) || same_figure(&x->t[i], &y->t[j])))
				break;
		if (j == y->n)
			return 0;
	}
	return 1;
}

static int
may_be_same(const side *a, const side *b)
{
	if (!same_plain(a, b))
		return 0;
	if (b->nplain == b->n)
		return plain_or_aux(a);
	if (a->nplain == a->n)
		return plain_or_aux(b);
	if (a->ntable == 0 && b->ntable == 0)
		return same_figures(a, b);
	if (a->nvalue > 0 || b->nvalue > 0)
		return 1;
	return figures_found(a, b) && figures_found(b, a);
}

static int
side_read(side *sd)
{
	sd->r = ld_reallocarray(NULL, sd->n * MAX_READINGS + 1,
	    sizeof *sd->r);
	sd->nr = ld_reallocarray(NULL, sd->n + 1, sizeof *sd->nr);
	if (sd->r == NULL || sd->nr == NULL)
		return -1;
	read_all(sd);
	return 0;
}


static void
side_free(side *sd, ld_buf *key)
{
	ld_free(sd->r);
	ld_free(sd->nr);
	ld_buf_free(key);
}

int
ld_sv_may_rewrite(const char *s, size_t n)
{
	side one, *sd = &one;	/* a few kB: no allocation */
	ld_buf key;
	size_t i;
	int may = 1;	/* when in doubt, let the matcher look */

	/* a reading other than the word itself starts at a token that
	 * is not plain: a span of plain tokens has none */
	if (side_lex(sd, s, n, &key) != 0)
		may = 1;
	else if (sd->nplain == sd->n)
		may = 0;
	else if (side_read(sd) == 0)
		for (i = 0, may = 0; i < sd->n && !may; i++)
			may = sd->nr[i] > 1 || sd->r[i * MAX_READINGS].kind !=
			    R_WORD;
	side_free(sd, &key);
	return may;
}

int
ld_sv_rewrite_check(const char *old, size_t on, const char *new, size_t nn)
{
	side sa, sb, *a = &sa, *b = &sb;	/* a few kB: no allocation */
	ld_buf ka, kb;
	struct match m;
	int verdict = LD_SV_OTHER;

	ld_buf_init(&ka);
	ld_buf_init(&kb);
	a->r = b->r = NULL;
	a->nr = b->nr = NULL;
	m.memo = NULL;
	if (side_lex(a, old, on, &ka) != 0 || side_lex(b, new, nn, &kb) != 0)
		goto out;
	if (!same_plain(a, b)) {
		verdict = LD_SV_OTHER_WORDS;
		goto out;
	}
	if (!may_be_same(a, b) || side_read(a) != 0 || side_read(b) != 0)
		goto out;
	m.a = a;
	m.b = b;
	m.memo = ld_calloc((a->n + 1) * (b->n + 1), 1);
	if (m.memo != NULL && same_from(&m, 0, 0))
		verdict = LD_SV_SAME;
out:
	ld_free(m.memo);
	side_free(a, &ka);
	side_free(b, &kb);
	return verdict;
}

int
ld_sv_same_meaning(const char *old, size_t on, const char *new,
    size_t nn)
{
	return ld_sv_rewrite_check(old, on, new, nn) == LD_SV_SAME;
}
