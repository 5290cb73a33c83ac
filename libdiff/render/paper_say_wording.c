/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_say_wording.c - the sentences of changed words.
 *
 * The idea: a reader should find the change in the agreement from the
 * sentence alone, so a few changed phrases are quoted, in the present
 * tense ("I punkt 5.6.2 ersätts ”omställningen mot” med ”omställningen
 * till”, ”den nationella” stryks och ”…” läggs till."), each in whole
 * words with the word before or after it where the edit alone would be a
 * fragment (a comma, "och", a word cut), a struck or added negation in a
 * sentence of its own, and a clause with more
 * than a few phrases or little left of its old text is said to get a new
 * wording ("Punkt 5.2.1 får ny lydelse.") rather than quoted piece by
 * piece.  Only edits of content are quoted (ld_say_edit_told): typography,
 * language and the period shift are the closing group's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/paper_say.h"

/* More than a few phrases, or little left of the old text: told as a new
 * wording, not word by word. */
#define MAX_PHRASES 3
#define MIN_SIMILARITY 0.6

/* "i punkt 8.2.2", or "i punkterna 8.2.1 och 8.2.2" when the told edits
 * of a split lie in several. */
static void
put_in_edits(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	size_t i, k, n = 0, first = (size_t)-1, last = 0;

	if (u->n_new <= 1) {
		ld_say_in_of(s, u, c);
		return;
	}
	for (i = 0; i < u->n_edits; i++) {
		if (!ld_say_edit_told(u, i) || ld_say_edit_is_value(&u->edits[i]))
			continue;
		k = ld_say_edit_clause(u, i);
		first = k < first ? k : first;
		last = k > last ? k : last;
	}
	if (first == last) {
		ld_say_in(s, u->new_cl[first]);
		return;
	}
	n = last - first + 1;
	ld_buf_adds(&s->b, s->sv ? "i punkterna " : "in clauses ");
	ld_say_numbers(s, u->new_cl + first, n);
}

/* ---- the phrases quoted ------------------------------------------------- */

/* A told edit as it is quoted: both sides with the words of context that
 * make them whole words and a phrase a reader can find ("och fossilfri
 * stålproduktion" -> ", gruvnäring och förnybar energi" is quoted
 * ”batteritillverkning och fossilfri stålproduktion” -> ”batteri-
 * tillverkning, gruvnäring och förnybar energi”, so the comma is not
 * lost). */
enum { PH_REPLACED, PH_STRUCK, PH_ADDED, PH_NEG_STRUCK, PH_NEG_ADDED };

struct phrase {
	ld_buf o, n;		/* the quoted sides */
	int kind;
	int neg_left;		/* a negation: the sentence still has one */
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static int
is_punct(char c)
{
	return c == ',' || c == ';' || c == ':' || c == '.';
}

/* A word that leaves a quotation hanging when it begins or ends it. */
static int
is_function_word(const char *w, size_t n)
{
	static const char *const fw[] = { "och", "samt", "eller", "men",
	    "i", "av", "för", "till", "mot", "med", "om", "på", "vid", "från",
	    "den", "det", "de", "en", "ett", "som", "att", "vice" };
	size_t k;

	for (k = 0; k < sizeof fw / sizeof fw[0]; k++)
		if (strlen(fw[k]) == n && strncmp(fw[k], w, n) == 0)
			return 1;
	return 0;
}

/* A word that makes a sentence negative. */
static int
is_negation(const char *w, size_t n)
{
	static const char *const nw[] = { "ej", "inte", "icke", "aldrig",
	    "ingen", "inget", "inga", "not", "never" };
	size_t k;

	for (k = 0; k < sizeof nw / sizeof nw[0]; k++)
		if (strlen(nw[k]) == n && strncasecmp(nw[k], w, n) == 0)
			return 1;
	return 0;
}

/* The first and last word of the trimmed t: start and length. */
static const char *
first_word(const char *t, size_t *len)
{
	size_t n, k = 0;
	const char *p = ld_say_trimmed(t, &n);

	while (k < n && !is_space(p[k]) && !is_punct(p[k]))
		k++;
	*len = k;
	return p;
}

static const char *
last_word(const char *t, size_t *len)
{
	size_t n, k;
	const char *p = ld_say_trimmed(t, &n);

	for (k = n; k > 0 && !is_space(p[k - 1]) && !is_punct(p[k - 1]); k--)
		;
	*len = n - k;
	return p + k;
}

/* The text of edit j as context on one side: an equal edit, or one of no
 * content (typography, språkvård) as that side reads; NULL else. */
static const char *
side_text(const ldiff_unit *u, size_t j, int new_side)
{
	const ldiff_edit *e;

	if (j >= u->n_edits)
		return NULL;
	e = &u->edits[j];
	if (e->op != LDIFF_EDIT_EQUAL && ld_say_edit_told(u, j))
		return NULL;
	return new_side ? e->new_text : e->old_text;
}

/* The last word of t (and what follows it), appended to b. */
static void
add_tail_word(ld_buf *b, const char *t)
{
	size_t n = t != NULL ? strlen(t) : 0, k = n;

	while (k > 0 && is_space(t[k - 1]))
		k--;
	while (k > 0 && !is_space(t[k - 1]))
		k--;
	if (t != NULL)
		ld_buf_add(b, t + k, n - k);
}

/* The first word of t (and what comes before it), appended to b. */
static void
add_head_word(ld_buf *b, const char *t)
{
	size_t k = 0;

	if (t == NULL)
		return;
	while (t[k] != '\0' && is_space(t[k]))
		k++;
	while (t[k] != '\0' && !is_space(t[k]))
		k++;
	while (k > 0 && is_punct(t[k - 1]))
		k--;
	ld_buf_add(b, t, k);
}

/* The text of the edit's sides that is not empty: new, else old. */
static const char *
some_side(const ldiff_edit *e)
{
	size_t n;

	ld_say_trimmed(e->new_text, &n);
	return n > 0 ? e->new_text : e->old_text;
}

/* Whether the edit needs the word before it: it starts inside a word,
 * with punctuation or a function word, or is one short word. */
static int
needs_before(const ldiff_unit *u, size_t i, int pure)
{
	const ldiff_edit *e = &u->edits[i];
	const char *t = some_side(e), *prev = side_text(u, i - 1, 1), *w;
	size_t n, len;

	if (i == 0 || prev == NULL || prev[0] == '\0')
		return 0;
	n = strlen(prev);
	if (!is_space(prev[n - 1]) && !is_space(t[0]) && !is_punct(t[0]))
		return 1;	/* inside a word */
	while (*t != '\0' && is_space(*t))
		t++;
	if (is_punct(*t))
		return 1;
	w = first_word(t, &len);
	if (is_function_word(w, len))
		return 1;
	ld_say_trimmed(e->old_text, &n);
	ld_say_trimmed(e->new_text, &len);
	if (!pure && n <= 5 && len <= 5)
		return 1;	/* "mot" -> "till": "omställningen mot" */
	if (pure) {
		t = some_side(e);
		n = strlen(t);
		return !(n > 0 && is_space(t[n - 1]) && !is_space(t[0]));
	}
	return 0;
}

static size_t count_words(const char *t);

/* Whether the edit needs the word after it: it ends inside a word or
 * with a function word, or is inserted before a word. */
static int
needs_after(const ldiff_unit *u, size_t i, int pure)
{
	const ldiff_edit *e = &u->edits[i];
	const char *t = some_side(e), *next = side_text(u, i + 1, 1), *w;
	size_t n = strlen(t), len;

	if (next == NULL || next[0] == '\0' || n == 0)
		return 0;
	if (!is_space(t[n - 1]) && !is_punct(t[n - 1]) && !is_space(next[0])
	    && !is_punct(next[0]))
		return 1;	/* inside a word */
	w = last_word(t, &len);
	if (is_function_word(w, len) && count_words(t) > 1)
		return 1;	/* "folkhälsa och" -> "folkhälsa och stöd" */
	return pure && is_space(t[n - 1]) && !is_space(t[0]);
}

/* Whether [p, end) holds a negation word. */
static int
has_negation(const char *p, const char *end)
{
	size_t len;

	while (p < end) {
		while (p < end && (is_space(*p) || is_punct(*p)))
			p++;
		for (len = 0; p + len < end && !is_space(p[len]) &&
		    !is_punct(p[len]); len++)
			;
		if (len > 0 && is_negation(p, len))
			return 1;
		p += len;
	}
	return 0;
}

/* Whether the sentence of the new text (or the old, old_side) around
 * edit i has a negation outside the edit: from the full stop before it
 * to the one after it. */
static int
sentence_negated(const ldiff_unit *u, size_t i, int old_side)
{
	size_t k;

	for (k = i; k > 0; k--) {	/* back to the sentence's start */
		const char *t = old_side ? u->edits[k - 1].old_text :
		    u->edits[k - 1].new_text;

		if (strchr(t, '.') != NULL) {
			k--;
			break;
		}
	}
	for (; k < u->n_edits; k++) {
		const char *t = old_side ? u->edits[k].old_text :
		    u->edits[k].new_text, *end = t + strlen(t), *dot;

		if (k == i)
			continue;
		if (k < i && (dot = strrchr(t, '.')) != NULL)
			t = dot + 1;
		if (k > i && (dot = strchr(t, '.')) != NULL)
			end = dot;
		if (has_negation(t, end))
			return 1;
		if (k > i && *end == '.')
			break;
	}
	return 0;
}

static void
make_phrase(const ldiff_unit *u, size_t i, struct phrase *ph)
{
	const ldiff_edit *e = &u->edits[i];
	size_t a, b, len;
	const char *w;
	int pure, before, after;

	ld_buf_init(&ph->o);
	ld_buf_init(&ph->n);
	ld_say_trimmed(e->old_text, &a);
	ld_say_trimmed(e->new_text, &b);
	pure = a == 0 || b == 0;
	ph->kind = a > 0 && b > 0 ? PH_REPLACED : a > 0 ? PH_STRUCK : PH_ADDED;
	w = first_word(some_side(e), &len);
	if (pure && len == (a > 0 ? a : b) && is_negation(w, len)) {
		ph->kind = a > 0 ? PH_NEG_STRUCK : PH_NEG_ADDED;
		ph->neg_left = sentence_negated(u, i, a == 0);
		ld_buf_add(&ph->o, w, len);
		return;
	}
	/* a deletion of several words reads well alone */
	before = !(ph->kind == PH_STRUCK && a > 0 &&
	    strpbrk(ld_say_trimmed(e->old_text, &a), " ") != NULL) &&
	    needs_before(u, i, pure);
	after = !(ph->kind == PH_STRUCK && strpbrk(ld_say_trimmed(
	    e->old_text, &a), " ") != NULL) && needs_after(u, i, pure);
	if (before) {
		add_tail_word(&ph->o, side_text(u, i - 1, 0));
		add_tail_word(&ph->n, side_text(u, i - 1, 1));
	}
	ld_buf_adds(&ph->o, e->old_text);
	ld_buf_adds(&ph->n, e->new_text);
	if (after) {
		add_head_word(&ph->o, side_text(u, i + 1, 0));
		add_head_word(&ph->n, side_text(u, i + 1, 1));
	}
	if (before || after)
		ph->kind = PH_REPLACED;
}

/* The told word edits of u as phrases, at most max; how many. */
static size_t
make_phrases(const ldiff_unit *u, struct phrase *ph, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < u->n_edits && n < max; i++)
		if (ld_say_edit_told(u, i) && !ld_say_edit_is_value(&u->edits[i]))
			make_phrase(u, i, &ph[n++]);
	return n;
}

static void
free_phrases(struct phrase *ph, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ld_buf_free(&ph[i].o);
		ld_buf_free(&ph[i].n);
	}
}

/* The words of the told edits, both sides: more than MAX_TOLD_WORDS in
 * several pieces is no longer a sentence to read but a new wording. */
#define MAX_TOLD_WORDS 16

static size_t
count_words(const char *t)
{
	size_t n = 0;
	int in = 0;

	for (; *t != '\0'; t++) {
		int sp = *t == ' ' || *t == '\t' || *t == '\n';

		n += !sp && !in;
		in = !sp;
	}
	return n;
}

static size_t
told_words(const ldiff_unit *u)
{
	size_t i, n = 0;

	for (i = 0; i < u->n_edits; i++)
		if (ld_say_edit_told(u, i) && !ld_say_edit_is_value(&u->edits[i]))
			n += count_words(u->edits[i].old_text) +
			    count_words(u->edits[i].new_text);
	return n;
}

/* "I punkt 3.4 stryks ”ej”, så att meningen inte längre är nekande.":
 * a negation struck or added turns the meaning, so it is told on its
 * own, never as one word among others. */
static void
say_negation(struct say *s, const ldiff_unit *u, const ldiff_clause *c,
    const struct phrase *ph)
{
	int struck = ph->kind == PH_NEG_STRUCK;

	put_in_edits(s, u, c);
	if (s->sv) {
		ld_buf_adds(&s->b, struck ? " stryks " : " läggs ");
		ld_say_quoted(s, ld_buf_str(&ph->o));
		ld_buf_adds(&s->b, struck ? "" : " till");
		ld_buf_adds(&s->b, ph->neg_left ? (struck ? ", ett nekande ord" :
		    ", ett nekande ord") : struck ? ", så att meningen inte "
		    "längre är nekande" : ", så att meningen blir nekande");
	} else {
		ld_buf_adds(&s->b, ", ");
		ld_say_quoted(s, ld_buf_str(&ph->o));
		ld_buf_adds(&s->b, struck ? " is struck out" : " is added");
		ld_buf_adds(&s->b, ph->neg_left ? ", a negation" : struck ?
		    ", so that the sentence is no longer negative" :
		    ", so that the sentence becomes negative");
	}
	ld_say_end(s, s->g);
}

/* Item k of a sentence of phrases: "ersätts ”a” med ”b”" first, "”c”
 * med ”d”" after, "stryks ”x”" / "”x” stryks", "läggs ”y” till" / "”y”
 * läggs till". */
static void
put_phrase_items(struct say *s, const struct phrase *ph, size_t n)
{
	size_t i, k, cnt[3] = { 0, 0, 0 }, items, item = 0;
	int kind;

	for (i = 0; i < n; i++)
		if (ph[i].kind <= PH_ADDED)
			cnt[ph[i].kind]++;
	items = cnt[PH_REPLACED] + (cnt[PH_STRUCK] > 0) + (cnt[PH_ADDED] > 0);
	for (i = 0; i < n; i++) {
		if (ph[i].kind != PH_REPLACED)
			continue;
		ld_say_joiner(&s->b, item, items, s->sv);
		if (item++ == 0 && s->sv)
			ld_buf_adds(&s->b, "ersätts ");
		ld_say_quoted(s, ld_buf_str(&ph[i].o));
		ld_buf_adds(&s->b, item > 1 || s->sv ? (s->sv ? " med " :
		    " by ") : " is replaced by ");
		ld_say_quoted(s, ld_buf_str(&ph[i].n));
	}
	for (kind = PH_STRUCK; kind <= PH_ADDED; kind++) {
		int first = item == 0;

		if (cnt[kind] == 0)
			continue;
		ld_say_joiner(&s->b, item++, items, s->sv);
		if (first && s->sv)
			ld_buf_adds(&s->b, kind == PH_STRUCK ? "stryks " :
			    "läggs ");
		for (i = 0, k = 0; i < n; i++) {
			if (ph[i].kind != kind)
				continue;
			ld_say_joiner(&s->b, k++, cnt[kind], s->sv);
			ld_say_quoted(s, ld_buf_str(kind == PH_STRUCK ?
			    &ph[i].o : &ph[i].n));
		}
		if (s->sv)
			ld_buf_adds(&s->b, first ? (kind == PH_STRUCK ? "" :
			    " till") : kind == PH_STRUCK ? " stryks" :
			    " läggs till");
		else
			ld_buf_printf(&s->b, " %s %s", cnt[kind] > 1 ? "are" :
			    "is", kind == PH_STRUCK ? "struck out" : "added");
	}
}

/* The told edits of u when every one changes a date, *first and *last;
 * 0 when some other edit is told. */
static int
date_span(const ldiff_unit *u, size_t *first, size_t *last)
{
	size_t i;
	int any = 0;

	for (i = 0; i < u->n_edits; i++) {
		if (!ld_say_edit_told(u, i))
			continue;
		if (!(u->edits[i].cls & LDIFF_CLASS_DATE))
			return 0;
		if (!any)
			*first = i;
		*last = i;
		any = 1;
	}
	return any && u->n_new == 1;
}

/* "I punkt 4.1 ersätts ”den 1 januari 2020 t.o.m. den 31 december 2022”
 * med ”2028-01-01 till och med 2030-12-31”.": dates changed with the words
 * around them, quoted from the first changed word to the last rather than
 * hidden in "får ny lydelse"; 0 when that is too long to read. */
static int
say_date_span(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	ld_buf o, n;
	size_t i, first = 0, last = 0;
	int ok;

	if (!date_span(u, &first, &last))
		return 0;
	ld_buf_init(&o);
	ld_buf_init(&n);
	for (i = first; i <= last; i++) {
		ld_buf_adds(&o, u->edits[i].old_text);
		ld_buf_adds(&n, u->edits[i].new_text);
	}
	ok = !o.oom && !n.oom && count_words(ld_buf_str(&o)) +
	    count_words(ld_buf_str(&n)) <= 2 * MAX_TOLD_WORDS;
	if (ok) {
		put_in_edits(s, u, c);
		ld_buf_adds(&s->b, s->sv ? " ersätts " : ", ");
		ld_say_quoted(s, ld_buf_str(&o));
		ld_buf_adds(&s->b, s->sv ? " med " : " is replaced by ");
		ld_say_quoted(s, ld_buf_str(&n));
		ld_say_end(s, s->g);
	}
	ld_buf_free(&o);
	ld_buf_free(&n);
	return ok;
}

/* The words of u: "I punkt 5.6.2 ersätts ”omställningen mot” med
 * ”omställningen till”, ”den nationella” stryks och ”…” läggs till." */
static void
say_words(struct say *s, const ldiff_unit *u, const ldiff_clause *c,
    size_t nwords)
{
	struct phrase ph[MAX_PHRASES];
	size_t i, n, plain = 0;

	if (nwords > MAX_PHRASES || u->similarity < MIN_SIMILARITY ||
	    (nwords > 1 && told_words(u) > MAX_TOLD_WORDS)) {
		if (say_date_span(s, u, c))
			return;
		if (u->n_new > 1) {
			ld_buf_adds(&s->b, s->sv ? "punkterna " : "clauses ");
			ld_say_numbers(s, u->new_cl, u->n_new);
		} else
			ld_say_name_of(s, u, c);
		ld_buf_adds(&s->b, s->sv ? " får ny lydelse" :
		    " is given a new wording");
		ld_say_end(s, s->g);
		return;
	}
	n = make_phrases(u, ph, MAX_PHRASES);
	for (i = 0; i < n; i++)
		if (ph[i].kind >= PH_NEG_STRUCK)
			say_negation(s, u, c, &ph[i]);
		else
			plain++;
	if (plain > 0) {
		put_in_edits(s, u, c);
		ld_buf_adds(&s->b, s->sv ? " " : ", ");
		put_phrase_items(s, ph, n);
		ld_say_end(s, s->g);
	}
	free_phrases(ph, n);
}

/* What changed in the text of u, told of clause c. */
void
ld_say_edits(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	size_t words, values;

	ld_say_count_edits(u, &words, &values);
	if (values > 0 && words <= MAX_PHRASES)
		ld_say_values(s, u, c);
	if (words > 0 || (values > 0 && words > MAX_PHRASES))
		say_words(s, u, c, words + (words > MAX_PHRASES ? values : 0));
}
