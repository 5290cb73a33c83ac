/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_say_wording.c - the sentences of changed words.
 *
 * The idea: a reader should find the change in the agreement from the
 * sentence alone, so a few changed phrases are quoted ("I punkt 5.6.2 har
 * ”mot” ersatts med ”till”, ”den nationella” strukits och ”…” lagts
 * till."), a short word with the word before it, and a clause with more
 * than a few phrases or little left of its old text is said to get a new
 * wording ("Punkt 5.2.1 får ny lydelse.") rather than quoted piece by
 * piece.  Only edits of content are quoted (ld_say_edit_told): typography,
 * language and the period shift are the closing group's.
 */
#include <stdlib.h>
#include <string.h>

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
		ld_say_in(s, c);
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

enum { PH_REPLACED, PH_STRUCK, PH_ADDED };

static int
phrase_kind(const ldiff_edit *e)
{
	size_t a, b;

	ld_say_trimmed(e->old_text, &a);
	ld_say_trimmed(e->new_text, &b);
	return a > 0 && b > 0 ? PH_REPLACED : a > 0 ? PH_STRUCK : PH_ADDED;
}

/* The quoted words of the told edits of one kind, "”a” och ”b”". */
static size_t
put_kind_words(struct say *s, const ldiff_unit *u, int kind, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (!ld_say_edit_told(u, i) || ld_say_edit_is_value(e) || phrase_kind(e) != kind)
			continue;
		ld_say_joiner(&s->b, k++, n, s->sv);
		ld_say_quoted(s, kind == PH_STRUCK ? e->old_text : e->new_text);
	}
	return k;
}

/* The last word of the text before edit i, when the edit replaces one
 * short word by another: "mot" -> "till" reads as "omställningen mot"
 * -> "omställningen till", which a reader can find. */
static const char *
context_word(const ldiff_unit *u, size_t i, size_t *len)
{
	const ldiff_edit *e = &u->edits[i];
	const char *t, *w;
	size_t a, b, n;

	*len = 0;
	ld_say_trimmed(e->old_text, &a);
	ld_say_trimmed(e->new_text, &b);
	if (i == 0 || a > 5 || b > 5 || u->edits[i - 1].op != LDIFF_EDIT_EQUAL
	    || memchr(e->old_text, ' ', strlen(e->old_text)) != NULL ||
	    memchr(e->new_text, ' ', strlen(e->new_text)) != NULL)
		return NULL;
	t = u->edits[i - 1].new_text;
	n = strlen(t);
	if (n == 0 || t[n - 1] != ' ')
		return NULL;
	n--;
	for (w = t + n; w > t && w[-1] != ' '; w--)
		;
	if (w == t + n || ld_say_is_trim((unsigned char)t[n - 1]))
		return NULL;
	*len = (size_t)(t + n - w);
	return w;
}

/* ”word text”: text quoted with a word of context before it. */
static void
put_quoted_after(struct say *s, const char *word, size_t len,
    const char *text)
{
	ld_buf q;

	if (word == NULL) {
		ld_say_quoted(s, text);
		return;
	}
	ld_buf_init(&q);
	ld_buf_add(&q, word, len);
	ld_buf_addc(&q, ' ');
	ld_buf_adds(&q, text);
	ld_say_quoted(s, ld_buf_str(&q));
	ld_buf_free(&q);
}

/* "”a” ersatts med ”b”, ”c” med ”d”" */
static void
put_replacements(struct say *s, const ldiff_unit *u, size_t *item,
    size_t items)
{
	size_t i, k = 0, len;
	const char *w;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (!ld_say_edit_told(u, i) || ld_say_edit_is_value(e) ||
		    phrase_kind(e) != PH_REPLACED)
			continue;
		ld_say_joiner(&s->b, (*item)++, items, s->sv);
		w = context_word(u, i, &len);
		put_quoted_after(s, w, len, e->old_text);
		ld_buf_adds(&s->b, k++ == 0 ? (s->sv ? " ersatts med " :
		    " is replaced by ") : (s->sv ? " med " : " by "));
		put_quoted_after(s, w, len, e->new_text);
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

/* The words of u in one sentence: "I punkt 5.6.2 har ”mot” ersatts med
 * ”till”, ”den nationella” strukits och ”där ...” lagts till." */
static void
say_words(struct say *s, const ldiff_unit *u, const ldiff_clause *c,
    size_t nwords)
{
	size_t i, n[3] = { 0, 0, 0 }, items, item = 0;
	int kind;

	if (nwords > MAX_PHRASES || u->similarity < MIN_SIMILARITY ||
	    (nwords > 1 && told_words(u) > MAX_TOLD_WORDS)) {
		if (u->n_new > 1) {
			ld_buf_adds(&s->b, s->sv ? "punkterna " : "clauses ");
			ld_say_numbers(s, u->new_cl, u->n_new);
		} else
			ld_say_name(s, c);
		ld_buf_adds(&s->b, s->sv ? " får ny lydelse" :
		    " is given a new wording");
		ld_say_end(s, s->g);
		return;
	}
	for (i = 0; i < u->n_edits; i++)
		if (ld_say_edit_told(u, i) && !ld_say_edit_is_value(&u->edits[i]))
			n[phrase_kind(&u->edits[i])]++;
	items = n[PH_REPLACED] + (n[PH_STRUCK] > 0) + (n[PH_ADDED] > 0);
	put_in_edits(s, u, c);
	ld_buf_adds(&s->b, s->sv ? " har " : ", ");
	put_replacements(s, u, &item, items);
	for (kind = PH_STRUCK; kind <= PH_ADDED; kind++) {
		if (n[kind] == 0)
			continue;
		ld_say_joiner(&s->b, item++, items, s->sv);
		put_kind_words(s, u, kind, n[kind]);
		if (s->sv)
			ld_buf_adds(&s->b, kind == PH_STRUCK ? " strukits" :
			    " lagts till");
		else
			ld_buf_printf(&s->b, " %s %s", n[kind] > 1 ? "are" :
			    "is", kind == PH_STRUCK ? "struck out" : "added");
	}
	ld_say_end(s, s->g);
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
