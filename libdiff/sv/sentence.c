/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sentence.c - Swedish sentence boundaries inside one paragraph.
 *
 * The splitter reads the token stream of token.c, so every period that
 * belongs to a token (bl.a., 13.12.2013, kl. 9.00, 2 kap., 2,5) is out of
 * the question before any rule runs.  A boundary may then fall only
 * after a terminator
 *
 *   . ! ? ... or …, with the closing quotes and brackets glued to it
 *     (”Kom hit.” and (Se bilaga 2.)), or an abbreviation of the MAY_END
 *     class that ends in a period (m.m., etc., "2 kap.")
 *
 * that is followed by white space and then, past any opening quote,
 * bracket or dash, by the start of a sentence: a capital letter, or for
 * a plain terminator a word or number that starts with a digit.  A
 * lowercase word never starts a sentence, a colon never ends one, and
 * NO_BREAK abbreviations (bl.a., t.ex., prop., kl.) never end one.  Two
 * exceptions keep a period from ending anything: a list label at the
 * start of the paragraph ("3. Parterna", "4.2."), and an initial
 * ("A. I. Rabin").  A manual line break ends a line that has no
 * terminator ("Region Västerbotten\nUmeå kommun") when a sentence start
 * follows it.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "sv/sv.h"

enum { T_NONE, T_STOP, T_ABBR };

/* How far the rules look: a label has a few tokens, and so has a run of
 * terminators, closers or openers ("?!", ".”)", "(„").  The caps keep
 * hostile runs ("?????...") linear. */
#define LABEL_MAX 12
#define RUN_MAX 8

static int32_t
first_cp(const char *text, const ldiff_token *t)
{
	int32_t cp;

	ld_utf8_decode(text + t->off, t->len, &cp);
	return cp;
}

static int
tok_is(const char *text, const ldiff_token *t, const char *s)
{
	size_t l = strlen(s);

	return t->len == l && memcmp(text + t->off, s, l) == 0;
}

/* A token of the given type that is one of the strings of list
 * (NULL-ended). */
static int
tok_in(const char *text, const ldiff_token *t, ldiff_token_type type,
    const char *const *list)
{
	int k;

	if (t->type != type)
		return 0;
	for (k = 0; list[k] != NULL; k++)
		if (tok_is(text, t, list[k]))
			return 1;
	return 0;
}

static int
is_stop_punct(const char *text, const ldiff_token *t)
{
	static const char *const stop[] = { ".", "!", "?",
	    "\xe2\x80\xa6", NULL };	/* … */

	return tok_in(text, t, LDIFF_TOK_PUNCT, stop);
}

/* Closing quotes and brackets that stay with the sentence they end. */
static int
is_closer(const char *text, const ldiff_token *t)
{
	static const char *const cl[] = { ")", "]", "\"", "'",
	    "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb", NULL };	/* ” ’ » */

	return tok_in(text, t, LDIFF_TOK_PUNCT, cl);
}

/* Opening quotes, brackets and dialogue dashes before a sentence. */
static int
is_opener(const char *text, const ldiff_token *t)
{
	static const char *const op[] = { "(", "[", "\"", "'", "-",
	    "\xe2\x80\x9d", "\xe2\x80\x9c", "\xe2\x80\x9e",	/* ” “ „ */
	    "\xe2\x80\x98", "\xe2\x80\x99", "\xc2\xab", "\xc2\xbb", /* ‘ ’ « » */
	    "\xe2\x80\x93", "\xe2\x80\x94", NULL };	/* – — */

	return tok_in(text, t, LDIFF_TOK_PUNCT, op);
}

/* A Roman numeral of at most 6 letters ("II", "IV"). */
static int
is_roman(const char *text, const ldiff_token *t)
{
	size_t k;

	if (t->type != LDIFF_TOK_WORD || t->len > 6)
		return 0;
	for (k = 0; k < t->len; k++)
		if (strchr("IVXLC", text[t->off + k]) == NULL)
			return 0;
	return 1;
}

/* Words that open a caption or heading with a number: "Bilaga 1.". */
static int
is_caption_word(const char *text, const ldiff_token *t)
{
	static const char *const w[] = { "Artikel", "Avsnitt", "Bilaga",
	    "Bild", "Del", "Diagram", "Figur", "Kapitel", "Moment",
	    "Paragraf", "Punkt", "Tabell", NULL };

	return tok_in(text, t, LDIFF_TOK_WORD, w);
}

/* "3." "4.2." "a." "IV." "§ 3." "Bilaga 1." at the very start of the
 * paragraph: a label, not a sentence. */
static int
is_label_period(const char *text, const ldiff_token *tk, size_t i)
{
	size_t j = 0;
	int32_t cp;

	while (j < i && tk[j].type == LDIFF_TOK_SPACE)
		j++;
	if (i - j > LABEL_MAX)
		return 0;
	if (j + 1 < i && (tok_is(text, &tk[j], "\xc2\xa7") ||	/* § */
	    is_caption_word(text, &tk[j])))
		for (j++; j < i && tk[j].type == LDIFF_TOK_SPACE; j++)
			;
	if (j == i)
		return 0;
	if (j + 1 == i && tk[j].type == LDIFF_TOK_WORD && (is_roman(text,
	    &tk[j]) || ld_utf8_decode(text + tk[j].off, tk[j].len, &cp) ==
	    tk[j].len))
		return 1;	/* "a." "B." "IV." */
	for (; j < i; j++)
		if (tk[j].type != LDIFF_TOK_NUMBER && !tok_is(text, &tk[j], "."))
			return 0;
	return 1;
}

/* Nouns that take a letter as a name: "bilaga A." ends a sentence where
 * "se A. I. Rabin" does not. */
static int
is_label_noun(const char *text, const ldiff_token *t)
{
	static const char *const nouns[] = { "alternativ", "artikel",
	    "avdelning", "avsnitt", "bilag", "bild", "block", "del",
	    "diagram", "etapp", "fas", "figur", "grupp", "hus", "kapitel",
	    "kategori", "klass", "kolumn", "lista", "moment", "modell",
	    "nivå", "omgång", "område", "plan", "punkt", "rad", "rum", "sal",
	    "scenari", "sektion", "steg", "tabell", "typ", "variant",
	    "version", "vitamin", "zon", NULL };
	const char *w = text + t->off;
	int k;

	if (t->type != LDIFF_TOK_WORD || t->len < 2)
		return 0;
	for (k = 0; nouns[k] != NULL; k++) {
		size_t l = strlen(nouns[k]);

		/* "bilaga", "bilagan", "Bilagorna": up to four letters more. */
		if (t->len >= l && t->len <= l + 4 &&
		    ld_lower_byte((unsigned char)w[0]) == nouns[k][0] &&
		    strncmp(w + 1, nouns[k] + 1, l - 1) == 0)
			return 1;
	}
	return 0;
}

/* A single capital just before the period: an initial ("A. I. Rabin"),
 * unless a noun names it ("bilaga A."). */
static int
is_initial(const char *text, const ldiff_token *tk, size_t i)
{
	const ldiff_token *p;
	int32_t cp;

	if (i == 0)
		return 0;
	p = &tk[i - 1];
	if (p->type != LDIFF_TOK_WORD)
		return 0;
	if (ld_utf8_decode(text + p->off, p->len, &cp) != p->len ||
	    utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
		return 0;
	if (i >= 2 && tk[i - 2].type != LDIFF_TOK_SPACE &&
	    !is_opener(text, &tk[i - 2]))
		return 0;
	return !(i >= 3 && tk[i - 2].type == LDIFF_TOK_SPACE &&
	    is_label_noun(text, &tk[i - 3]));
}

/* What kind of terminator token i is. */
static int
terminator(const char *text, const ldiff_token *tk, size_t i)
{
	const ldiff_token *t = &tk[i];
	int cls;

	if (is_stop_punct(text, t)) {
		if (tok_is(text, t, ".") && (is_label_period(text, tk, i) ||
		    is_initial(text, tk, i)))
			return T_NONE;
		return T_STOP;
	}
	if (t->len == 0 || text[t->off + t->len - 1] != '.')
		return T_NONE;
	if (t->type == LDIFF_TOK_REF)	/* "2 kap." */
		return T_ABBR;
	if (t->type != LDIFF_TOK_ABBR)
		return T_NONE;
	ld_abbrev_at(text + t->off, t->len, &cls);
	return cls == LD_ABBR_MAY_END ? T_ABBR : T_NONE;
}

/* Does token k (after white space) start a sentence? */
static int
starts_sentence(const char *text, const ldiff_token *tk, size_t nt,
    size_t k, int kind)
{
	size_t k0 = k;
	int cat;

	while (k + 1 < nt && k - k0 < RUN_MAX && is_opener(text, &tk[k]))
		k++;
	cat = utf8proc_category(first_cp(text, &tk[k]));
	if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
		return 1;
	if (kind != T_STOP)
		return 0;
	if (tok_is(text, &tk[k], "\xc2\xa7") || tk[k].type == LDIFF_TOK_REF)
		return 1;	/* "§ 3 anger ...", "3 § gäller ..." */
	if (cat != UTF8PROC_CATEGORY_ND)
		return 0;
	/* A digit: "1-åringarna ...", "2024 infördes ...", but not a lone
	 * footnote number at the end ("... utveckling. 7"). */
	return tk[k].type == LDIFF_TOK_WORD || k + 1 < nt;
}

/* If a sentence ends with token i, the index of its last token (closers
 * included); else (size_t)-1. */
static size_t
boundary_after(const char *text, const ldiff_token *tk, size_t nt,
    size_t i)
{
	int kind = terminator(text, tk, i);
	size_t j = i;

	if (kind == T_NONE)
		return (size_t)-1;
	while (j + 1 < nt && j - i < RUN_MAX &&
	    (is_stop_punct(text, &tk[j + 1]) || is_closer(text, &tk[j + 1])))
		j++;
	if (j + 2 >= nt || tk[j + 1].type != LDIFF_TOK_SPACE)
		return (size_t)-1;
	if (!starts_sentence(text, tk, nt, j + 2, kind))
		return (size_t)-1;
	return j;
}

/* A line break inside the paragraph (Word's manual break) ends a line
 * such as "Region Västerbotten" when the next line starts like a
 * sentence; "samverkan\nför regional utveckling" stays one. */
static int
line_break_after(const char *text, const ldiff_token *tk, size_t nt,
    size_t i)
{
	const ldiff_token *sp;
	size_t k;

	if (i + 2 >= nt || tk[i + 1].type != LDIFF_TOK_SPACE ||
	    tk[i].type == LDIFF_TOK_ABBR)
		return 0;
	sp = &tk[i + 1];
	for (k = 0; k < sp->len; k++) {
		const char *c = text + sp->off + k;

		if (*c == '\n' || *c == '\r' || (k + 2 < sp->len &&
		    memcmp(c, "\xe2\x80", 2) == 0 &&
		    ((unsigned char)c[2] == 0xa8 || (unsigned char)c[2] == 0xa9)))
			return starts_sentence(text, tk, nt, i + 2, T_STOP);
	}
	return 0;
}

struct spans {
	ldiff_span *v;
	size_t n, cap;
};

static int
add_span(struct spans *s, size_t off, size_t end)
{
	if (s->n == s->cap) {
		ldiff_span *v = ld_grow(s->v, &s->cap, 8, sizeof *v);

		if (v == NULL)
			return LDIFF_ENOMEM;
		s->v = v;
	}
	s->v[s->n].off = off;
	s->v[s->n].len = end - off;
	s->n++;
	return 0;
}

static int
split_tokens(const char *text, const ldiff_token *tk, size_t nt,
    struct spans *s)
{
	size_t i, j, first = (size_t)-1, last = 0;
	int rc;

	for (i = 0; i < nt; i++) {
		if (tk[i].type == LDIFF_TOK_SPACE)
			continue;
		if (first == (size_t)-1)
			first = i;
		last = i;
		j = boundary_after(text, tk, nt, i);
		if (j == (size_t)-1 && terminator(text, tk, i) == T_NONE &&
		    line_break_after(text, tk, nt, i))
			j = i;
		if (j == (size_t)-1)
			continue;
		rc = add_span(s, tk[first].off, tk[j].off + tk[j].len);
		if (rc != 0)
			return rc;
		first = (size_t)-1;
		i = j;
	}
	if (first != (size_t)-1)
		return add_span(s, tk[first].off, tk[last].off + tk[last].len);
	return 0;
}

int
ldiff_sentences(const char *text, size_t len, ldiff_span **out, size_t *n)
{
	struct spans s = { NULL, 0, 0 };
	ldiff_token *tk = NULL;
	size_t nt;
	int rc;

	if (out == NULL || n == NULL)
		return LDIFF_EINVAL;
	*out = NULL;
	*n = 0;
	if ((rc = ldiff_tokenize(text, len, &tk, &nt)) != 0)
		return rc;
	if ((rc = split_tokens(text, tk, nt, &s)) != 0)
		goto out;
	if (s.v == NULL && (s.v = ld_malloc(sizeof *s.v)) == NULL) {
		rc = LDIFF_ENOMEM;
		goto out;
	}
	*out = s.v;
	*n = s.n;
	s.v = NULL;
out:
	ld_free(s.v);
	ld_free(tk);
	return rc;
}
