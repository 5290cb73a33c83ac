/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stem.c - Swedish words reduced to comparable terms, for clause
 * similarity.
 *
 * The idea: two versions of a clause say "kommunerna" and "kommunernas",
 * "avtalet" and "avtal", "2023" and "2027"; for deciding which clauses
 * pair up these are the same word.  A lexicon is built per version pair:
 *
 *   1. every word of both texts is lower-cased (marks kept: å ä ö stay
 *      letters) and interned, giving the vocabulary;
 *   2. a word's term is the Snowball Swedish stem of its base form, where
 *      the base form drops a definite ending (-n -t -et -en -na -ns -ts
 *      -ets -ens -nas -erna -ernas) only when the shorter word occurs in
 *      the vocabulary of either version - libstemmer 2.2 keeps "avtalet"
 *      and "avtal" apart, the vocabulary check joins them without
 *      inventing bases that the texts never use;
 *   3. years (1900-2099) become one term "#year", so a period shift alone
 *      leaves two clauses alike; other numbers keep their digits;
 *   4. stop words get a low weight (0.2), never zero: "inte" and "ej" are
 *      stop words and still matter.
 *
 * The stop list is Snowball's Swedish list (114 words, BSD licence,
 * snowballstem/snowball algorithms/swedish/stop.txt), compiled in.
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "sv/sv.h"

/* Snowball Swedish stop words.  Copyright (c) 2001, Dr Martin Porter and
 * (c) 2002-2004 Richard Boulton; BSD licence (snowballstem.org). */
static const char *const stop_words[] = {
	"och", "det", "att", "i", "en", "jag", "hon", "som",
	"han", "på", "den", "med", "var", "sig", "för", "så",
	"till", "är", "men", "ett", "om", "hade", "de", "av",
	"icke", "mig", "du", "henne", "då", "sin", "nu", "har",
	"inte", "hans", "honom", "skulle", "hennes", "där", "min", "man",
	"ej", "vid", "kunde", "något", "från", "ut", "när", "efter",
	"upp", "vi", "dem", "vara", "vad", "över", "än", "dig",
	"kan", "sina", "här", "ha", "mot", "alla", "under", "någon",
	"eller", "allt", "mycket", "sedan", "ju", "denna", "själv", "detta",
	"åt", "utan", "varit", "hur", "ingen", "mitt", "ni", "bli",
	"blev", "oss", "din", "dessa", "några", "deras", "blir", "mina",
	"samma", "vilken", "er", "sådan", "vår", "blivit", "dess", "inom",
	"mellan", "sådant", "varför", "varje", "vilka", "ditt", "vem", "vilket",
	"sitta", "sådana", "vart", "dina", "vars", "vårt", "våra", "ert",
	"era", "vilkas"
};

#define STOP_WEIGHT 0.2
#define NUMBER_WEIGHT 0.5

/* Definite and genitive endings, longest first: the first whose removal
 * leaves a word of the vocabulary wins. */
static const char *const def_endings[] = {
	"ernas", "erna", "nas", "ets", "ens", "ts", "ns", "na", "et", "en",
	"n", "t"
};

/* Strings numbered in the order first seen: a map (util/strmap.c) from
 * a string to its number, and the strings by number. */
struct strtab {
	ld_strmap *map;		/* NULL until the first string */
	const char **s;		/* the map's copies */
	size_t *len;
	size_t n, cap;
};

/* Folded words, numbered in the order first seen: a lexicon's own, or
 * one version's gathered apart (ld_wordset) and merged in later. */
struct ld_wordset {
	struct strtab t;
	ld_buf word;		/* scan_words' lower-cased word */
};

struct ld_lexicon {
	struct sb_stemmer *sb;
	struct ld_wordset words;	/* folded surface forms */
	struct strtab terms;	/* canonical terms */
	int32_t *word_term;	/* per word: term id, -1 until computed */
	size_t word_term_cap;
	double *term_weight;
	size_t term_weight_cap;
	struct strtab stops;
};

/* Room for one more string; s and len grow together. */
static int
strtab_grow(struct strtab *t)
{
	size_t cap = t->cap, cap2 = t->cap;
	const char **s = ld_grow((void *)t->s, &cap, 256, sizeof *s);
	size_t *len;

	if (s == NULL)
		return LDIFF_ENOMEM;
	t->s = s;
	if ((len = ld_grow(t->len, &cap2, 256, sizeof *len)) == NULL)
		return LDIFF_ENOMEM;
	t->len = len;
	t->cap = cap;
	return 0;
}

/* The number of s[0..n) in t, or -1; with add, a new s gets the next. */
static long
strtab_find(struct strtab *t, int add, const char *s, size_t n)
{
	uint32_t id;

	if (t->map != NULL && ld_strmap_get(t->map, s, n, &id))
		return (long)id;
	if (!add)
		return -1;
	if ((t->map == NULL && (t->map = ld_strmap_new()) == NULL) ||
	    (t->n == t->cap && strtab_grow(t) != 0) ||
	    (t->s[t->n] = ld_strmap_put(t->map, s, n, (uint32_t)t->n)) ==
	    NULL)
		return LDIFF_ENOMEM;
	t->len[t->n] = n;
	return (long)t->n++;
}

static void
strtab_free(struct strtab *t)
{
	ld_strmap_free(t->map);
	ld_free((void *)t->s);
	ld_free(t->len);
	memset(t, 0, sizeof *t);
}

static void
wordset_clear(struct ld_wordset *ws)
{
	strtab_free(&ws->t);
	ld_buf_free(&ws->word);
}

int
ld_lexicon_new(ld_lexicon **out)
{
	ld_lexicon *lx;
	size_t i;

	*out = NULL;
	lx = ld_calloc(1, sizeof *lx);
	if (lx == NULL)
		return LDIFF_ENOMEM;
	lx->sb = sb_stemmer_new("swedish", "UTF_8");
	if (lx->sb == NULL)
		goto fail;
	for (i = 0; i < sizeof stop_words / sizeof stop_words[0]; i++)
		if (strtab_find(&lx->stops, 1, stop_words[i],
		    strlen(stop_words[i])) < 0)
			goto fail;
	*out = lx;
	return 0;
fail:
	ld_lexicon_free(lx);
	return LDIFF_ENOMEM;
}

void
ld_lexicon_free(ld_lexicon *lx)
{
	if (lx == NULL)
		return;
	if (lx->sb != NULL)
		sb_stemmer_delete(lx->sb);
	wordset_clear(&lx->words);
	strtab_free(&lx->terms);
	strtab_free(&lx->stops);
	ld_free(lx->word_term);
	ld_free(lx->term_weight);
	ld_free(lx);
}

int
ld_is_stopword(const ld_lexicon *lx, const char *w, size_t n)
{
	return strtab_find((struct strtab *)&lx->stops, 0, w, n) >= 0;
}

static int
is_word_cp(int32_t cp)
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

/* Add one word id to the growing id list. */
static int
push_id(ld_ids *ids, uint32_t id)
{
	if (ids->n == ids->cap) {	/* most lists are short: from 4 */
		uint32_t *p = ld_grow(ids->v, &ids->cap, 4, sizeof *p);

		if (p == NULL)
			return LDIFF_ENOMEM;
		ids->v = p;
	}
	ids->v[ids->n++] = id;
	return 0;
}

/* Intern one folded word and, when ids are wanted, list its id. */
static int
add_word(struct ld_wordset *ws, const char *w, size_t wl, ld_ids *ids)
{
	long id = strtab_find(&ws->t, 1, w, wl);

	if (id < 0)
		return LDIFF_ENOMEM;
	return ids != NULL ? push_id(ids, (uint32_t)id) : 0;
}

/* The length of the character at p that is part of a word (a letter, a
 * mark or a digit), 0 for a separator.  ASCII and Latin-1 (all of
 * U+00C0..U+00FF but × and ÷ are letters) are answered without utf8proc;
 * tests/unit/t_fastpath.c checks the words against utf8proc's. */
static size_t
word_char(const unsigned char *p, const unsigned char *end)
{
	int32_t cp;
	size_t k;

	if (*p < 0x80)
		return (*p >= '0' && *p <= '9') ||
		    ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
	if (p[0] == 0xc3 && p + 1 < end && (p[1] & 0xc0) == 0x80)
		return p[1] != 0x97 && p[1] != 0xb7 ? 2 : 0;
	k = ld_utf8_decode((const char *)p, (size_t)(end - p), &cp);
	return cp >= 0 && is_word_cp(cp) ? k : 0;
}

/* The length of the separator at p: one character, or one bad byte. */
static size_t
separator_length(const unsigned char *p, const unsigned char *end)
{
	int32_t cp;

	return *p < 0x80 ? 1 :
	    ld_utf8_decode((const char *)p, (size_t)(end - p), &cp);
}

/* The lower case (ld_lower_cp) of the character p[0..k), k >= 2 bytes
 * of valid UTF-8, into out; its length, at most 4. */
static size_t
lower_char(const unsigned char *p, size_t k, char *out)
{
	int32_t cp;

	ld_utf8_decode((const char *)p, k, &cp);
	cp = ld_lower_cp(cp);
	if (cp >= 0x80 && cp < 0x800) {	/* å ä ö é: two bytes */
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

/* Scan text for words (runs of letters, marks and digits) and intern
 * each in lower case.  Text is NFC already (the paragraph contract), so
 * lower-casing code point by code point is the fold: far cheaper than a
 * full utf8proc_map, and for Swedish the same (no special casing).
 * Each character is lowered as it is scanned (ld_lower_byte, ld_lower_cp
 * as ld_utf8_lower does), in one pass: a second pass over each word
 * through ld_utf8_lower cost as much as the scan. */
static int
scan_words(struct ld_wordset *ws, const char *f, size_t len, ld_ids *ids)
{
	const unsigned char *p = (const unsigned char *)f, *end = p + len;
	int rc = 0;

	/* a character of k >= 2 bytes lowers to at most 4: twice the text
	 * is room for any word of it */
	if (len > (SIZE_MAX - 8) / 2)
		return LDIFF_ENOMEM;
	ld_buf_reset(&ws->word);
	if (ld_buf_reserve(&ws->word, 2 * len + 4) != 0)
		return LDIFF_ENOMEM;
	while (p < end && rc == 0) {
		char *w = ws->word.data;
		size_t wl = 0, k;

		while (p < end && (k = word_char(p, end)) > 0) {
			if (k == 1)	/* ASCII */
				w[wl++] = (char)ld_lower_byte(*p);
			else
				wl += lower_char(p, k, w + wl);
			p += k;
		}
		if (wl == 0) {
			p += separator_length(p, end);
			continue;
		}
		rc = add_word(ws, w, wl, ids);
	}
	return rc;
}

int
ld_wordset_new(ld_wordset **out)
{
	ld_wordset *ws = ld_calloc(1, sizeof *ws);

	*out = NULL;
	if (ws == NULL)
		return LDIFF_ENOMEM;
	*out = ws;
	return 0;
}

void
ld_wordset_free(ld_wordset *ws)
{
	if (ws == NULL)
		return;
	wordset_clear(ws);
	ld_free(ws);
}

int
ld_wordset_add(ld_wordset *ws, const char *text, ld_ids *ids)
{
	return scan_words(ws, text, strlen(text), ids);
}

size_t
ld_wordset_count(const ld_wordset *ws)
{
	return ws->t.n;
}

/* The words of ws join the vocabulary in the order ws first saw them, so
 * the ids come out as if each text had been read by the lexicon itself;
 * map (ld_wordset_count entries, or NULL) gets each word's lexicon id. */
int
ld_lexicon_merge(ld_lexicon *lx, const ld_wordset *ws, uint32_t *map)
{
	size_t i;

	for (i = 0; i < ws->t.n; i++) {
		long id = strtab_find(&lx->words.t, 1, ws->t.s[i],
		    ws->t.len[i]);

		if (id < 0)
			return LDIFF_ENOMEM;
		if (map != NULL)
			map[i] = (uint32_t)id;
	}
	return 0;
}

int
ld_lexicon_words(ld_lexicon *lx, const char *text, uint32_t **ids,
    size_t *n)
{
	ld_ids v = { NULL, 0, 0 };
	int rc = scan_words(&lx->words, text, strlen(text),
	    ids != NULL ? &v : NULL);

	if (ids != NULL) {
		if (rc != 0) {
			ld_free(v.v);
			v.v = NULL;
			v.n = 0;
		}
		*ids = v.v;
		*n = v.n;
	}
	return rc;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* The base form of a folded word: drop a definite ending when what is
 * left (at least three letters) is itself a word of the vocabulary. */
static size_t
base_length(ld_lexicon *lx, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof def_endings / sizeof def_endings[0]; i++) {
		size_t e = strlen(def_endings[i]);

		if (n < e + 3 || memcmp(w + n - e, def_endings[i], e) != 0)
			continue;
		if (strtab_find(&lx->words.t, 0, w, n - e) >= 0)
			return n - e;
	}
	return n;
}

static int
ensure_caps(ld_lexicon *lx)
{
	if (lx->word_term_cap < lx->words.t.n) {
		size_t c = lx->words.t.cap, i;
		int32_t *p = ld_reallocarray(lx->word_term, c, sizeof *p);

		if (p == NULL)
			return LDIFF_ENOMEM;
		for (i = lx->word_term_cap; i < c; i++)
			p[i] = -1;
		lx->word_term = p;
		lx->word_term_cap = c;
	}
	if (lx->term_weight_cap <= lx->terms.n) {
		double *p = ld_grow(lx->term_weight, &lx->term_weight_cap, 256,
		    sizeof *p);

		if (p == NULL)
			return LDIFF_ENOMEM;
		lx->term_weight = p;
	}
	return 0;
}

/* Intern term s with weight wt; returns its id or a negative code. */
static long
intern_term(ld_lexicon *lx, const char *s, size_t n, double wt)
{
	long t = strtab_find(&lx->terms, 1, s, n);

	if (t < 0)
		return LDIFF_ENOMEM;
	if (ensure_caps(lx) != 0)
		return LDIFF_ENOMEM;
	lx->term_weight[t] = wt;
	return t;
}

long
ld_lexicon_term(ld_lexicon *lx, uint32_t word)
{
	const char *w;
	const sb_symbol *st;
	size_t n, b;
	double wt = 1.0;
	long t;

	if (word >= lx->words.t.n)
		return LDIFF_EINVAL;
	if (ensure_caps(lx) != 0)
		return LDIFF_ENOMEM;
	if (lx->word_term[word] >= 0)
		return lx->word_term[word];
	w = lx->words.t.s[word];
	n = lx->words.t.len[word];
	if (all_digits(w, n)) {
		if (n == 4 && (memcmp(w, "19", 2) == 0 ||
		    memcmp(w, "20", 2) == 0))
			t = intern_term(lx, "#year", 5, NUMBER_WEIGHT);
		else
			t = intern_term(lx, w, n, NUMBER_WEIGHT);
	} else {
		if (ld_is_stopword(lx, w, n))
			wt = STOP_WEIGHT;
		b = base_length(lx, w, n);
		st = sb_stemmer_stem(lx->sb, (const sb_symbol *)w, (int)b);
		if (st == NULL)
			return LDIFF_ENOMEM;
		t = intern_term(lx, (const char *)st,
		    (size_t)sb_stemmer_length(lx->sb), wt);
	}
	if (t < 0)
		return t;
	lx->word_term[word] = (int32_t)t;
	return t;
}

double
ld_lexicon_weight(const ld_lexicon *lx, long term)
{
	if (term < 0 || (size_t)term >= lx->terms.n)
		return 0;
	return lx->term_weight[term];
}

const char *
ld_lexicon_term_text(const ld_lexicon *lx, long term)
{
	if (term < 0 || (size_t)term >= lx->terms.n)
		return "";
	return lx->terms.s[term];
}

const char *
ld_lexicon_word_text(const ld_lexicon *lx, uint32_t word)
{
	return word < lx->words.t.n ? lx->words.t.s[word] : "";
}

size_t
ld_lexicon_nterms(const ld_lexicon *lx)
{
	return lx->terms.n;
}
