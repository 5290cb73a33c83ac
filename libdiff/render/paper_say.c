/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_say.c - the changes of a version pair told as sentences: the
 * ändringsförteckning of a committee paper.
 *
 * One sentence per change, in the present tense or the perfect as Swedish
 * administrative prose has them ("Punkt 5.7.3 utgår.", "I punkt 2.4 har
 * ”x” ersatts med ”y”."), grouped under the sections of the new version
 * in its order, and saying only what the comparison knows: what came,
 * went, moved, split, merged, which words or values changed, never why.
 * Changes of one kind are gathered: the clauses of a new section are told
 * with the section, consecutive new or deleted clauses in one sentence,
 * the changed amounts of a table in one sentence per direction.  The
 * changes that are no change of content (typography, language,
 * renumbering, the period shift) end the list in one group, and the same sentences are the
 * closing row of the parallel layout.
 *
 * Swedish and English are both built in: the paper's language is a choice
 * of the reader (--lang), not a message of the program, so none of these
 * sentences goes through the message catalogue.  Numbers follow the
 * language: "1 900 000 kr", "+13,2 %", and in running text the numbers up
 * to twelve in words ("fyra punkter").
 */
#include <stdlib.h>
#include <string.h>

#include "render/paper.h"
#include "sv/sv.h"

#define ENDASH "\xe2\x80\x93"
#define QO(sv) ((sv) ? "\xe2\x80\x9d" : "\xe2\x80\x9c")
#define QC(sv) "\xe2\x80\x9d"

struct say {
	const ldiff_diff *d;
	size_t pair;
	int sv;
	unsigned hide;
	ld_psummary *out;
	ld_pgroup *g;		/* the group of the section being told */
	const char *section;
	ld_buf b;		/* the sentence being written */
};

/* ---- words ---------------------------------------------------------------- */

static const char *const small_sv[] = { "noll", "en", "två", "tre", "fyra",
    "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv" };
static const char *const small_en[] = { "zero", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve" };

/* n as running text writes it: up to twelve in words ("ett" for a
 * neuter noun), more in figures. */
static void
put_count(ld_buf *b, size_t n, int sv, int neuter)
{
	if (n == 1 && sv && neuter)
		ld_buf_adds(b, "ett");
	else if (n <= 12)
		ld_buf_adds(b, sv ? small_sv[n] : small_en[n]);
	else
		ld_format_number(b, (double)n, 0, 0);
}

/* "n punkter" / "en punkt". */
static void
put_counted(ld_buf *b, size_t n, int sv, const char *one, const char *many,
    int neuter)
{
	put_count(b, n, sv, neuter);
	ld_buf_addc(b, ' ');
	ld_buf_adds(b, n == 1 ? one : many);
}

/* The joiner before item i of n: ", " or " och " / " and ". */
static void
put_joiner(ld_buf *b, size_t i, size_t n, int sv)
{
	if (i == 0)
		return;
	ld_buf_adds(b, i + 1 < n ? ", " : sv ? " och " : " and ");
}

/* The genitive of a name: "Umeå kommuns", "Region Västerbottens"; a name
 * that ends in s, x or z takes no s ("Västerbottens läns" is already
 * one). */
static void
put_genitive(ld_buf *b, const char *name)
{
	size_t n = strlen(name);
	char last = n > 0 ? name[n - 1] : 's';

	ld_buf_adds(b, name);
	if (last != 's' && last != 'x' && last != 'z')
		ld_buf_addc(b, 's');
}

/* English figures: "SEK 1,250,000", "2.5". */
static void
put_number_en(ld_buf *b, double v, int sek)
{
	ld_buf t;
	const char *s, *p;

	ld_buf_init(&t);
	ld_format_number(&t, v, -1, sek ? LD_FMT_SEK : 0);
	if (sek)
		ld_buf_adds(b, "SEK ");
	for (s = ld_buf_str(&t), p = s; *p != '\0'; p++)
		ld_buf_addc(b, *p == ' ' ? ',' : *p == ',' ? '.' : *p);
	ld_buf_free(&t);
}

static void
put_value(ld_buf *b, double v, int sek, int sv)
{
	if (!sv)
		put_number_en(b, v, sek);
	else if (sek)
		ld_format_sek(b, v, 0);
	else
		ld_format_number(b, v, -1, 0);
}

/* "+250 000 kr", "−5 000 kr" as a signed difference. */
static void
put_delta(ld_buf *b, double d, int sek, int sv)
{
	ld_buf_adds(b, d < 0 ? "\xe2\x88\x92" : "+");
	put_value(b, d < 0 ? -d : d, sek, sv);
}

/* A clause's name: "punkt 5.2.3" ... */
static void
put_name(struct say *s, const ldiff_clause *c)
{
	ld_paper_clause_name(&s->b, c, s->sv);
}

/* The numbers of clauses, "8.2.1 och 8.2.2". */
static void
put_numbers(struct say *s, const ldiff_clause *const *cl, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		put_joiner(&s->b, i, n, s->sv);
		ld_buf_adds(&s->b, ld_paper_number(cl[i])[0] != '\0' ?
		    ld_paper_number(cl[i]) : cl[i]->id);
	}
}

/* ---- groups and sentences ----------------------------------------------- */

static char *
dup_str(const char *s)
{
	char *p = ld_malloc(strlen(s) + 1);

	if (p != NULL)
		strcpy(p, s);
	return p;
}

static ld_pgroup *
group_open(struct say *s, const char *heading)
{
	ld_psummary *o = s->out;
	ld_pgroup *g;

	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 16;
		ld_pgroup *ng = ld_reallocarray(o->g, cap, sizeof *ng);

		if (ng == NULL) {
			o->oom = 1;
			return NULL;
		}
		o->g = ng;
		o->cap = cap;
	}
	g = &o->g[o->n++];
	memset(g, 0, sizeof *g);
	g->heading = dup_str(heading);
	if (g->heading == NULL)
		o->oom = 1;
	return g;
}

/* "5.2 Kompetensförsörjning": the heading of a section as the new version
 * numbers it (the old one's for a section that is gone). */
static void
section_heading(struct say *s, ld_buf *h, const char *section)
{
	const ldiff_clause *c = ld_paper_section_clause(s->d, s->pair + 1,
	    section);

	if (c == NULL)
		c = ld_paper_section_clause(s->d, s->pair, section);
	if (section[0] == '\0' || c == NULL) {
		ld_buf_adds(h, section[0] != '\0' ? section :
		    ld_paper_label(P_BEFORE_FIRST, s->sv));
		return;
	}
	if (ld_paper_number(c)[0] != '\0') {
		ld_buf_adds(h, ld_paper_number(c));
		ld_buf_addc(h, ' ');
	}
	ld_buf_adds(h, c->text);
}

static void
enter_section(struct say *s, const char *section)
{
	ld_buf h;

	if (s->g != NULL && strcmp(s->section, section) == 0)
		return;
	ld_buf_init(&h);
	section_heading(s, &h, section);
	s->g = group_open(s, ld_buf_str(&h));
	s->section = section;
	ld_buf_free(&h);
}

/* The sentence in s->b, capitalised and ended, into the group. */
static void
say_end(struct say *s, ld_pgroup *g)
{
	char *p;

	ld_buf_addc(&s->b, '.');
	p = dup_str(ld_buf_str(&s->b));
	ld_buf_reset(&s->b);
	if (p == NULL || g == NULL) {
		ld_free(p);
		s->out->oom = 1;
		return;
	}
	if (p[0] >= 'a' && p[0] <= 'z')
		p[0] = (char)(p[0] - 'a' + 'A');
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 8;
		char **ns = ld_reallocarray(g->sent, cap, sizeof *ns);

		if (ns == NULL) {
			ld_free(p);
			s->out->oom = 1;
			return;
		}
		g->sent = ns;
		g->cap = cap;
	}
	g->sent[g->n++] = p;
}

/* ---- what changed in the words of a clause ------------------------------- */

static int
is_trim(unsigned char c)
{
	return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' ||
	    c == '\t' || c == '\n';
}

/* s without the spaces and punctuation at its ends. */
static const char *
trimmed(const char *s, size_t *len)
{
	size_t n = strlen(s);

	while (n > 0 && is_trim((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_trim((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

static void
put_quoted(struct say *s, const char *t)
{
	size_t n;
	const char *p = trimmed(t, &n);

	ld_buf_adds(&s->b, QO(s->sv));
	for (; n > 0; p++, n--)
		ld_buf_addc(&s->b, *p == '\t' ? ' ' : *p);
	ld_buf_adds(&s->b, QC(s->sv));
}

/* An edit a committee reads: not equal, not only a minor class, and with
 * words left once its ends are trimmed. */
static int
edit_told(const ldiff_edit *e)
{
	size_t a, b;

	if (e->op == LDIFF_EDIT_EQUAL ||
	    (e->cls & ~ld_paper_minor_classes()) == 0)
		return 0;
	trimmed(e->old_text, &a);
	trimmed(e->new_text, &b);
	return a > 0 || b > 0;
}

/* A number or amount replaced by another, told by its values. */
static int
edit_is_value(const ldiff_edit *e)
{
	return e->op == LDIFF_EDIT_REPLACE && e->has_values &&
	    (e->cls & (LDIFF_CLASS_AMOUNT | LDIFF_CLASS_NUMBER)) != 0 &&
	    (e->cls & LDIFF_CLASS_WORDING) == 0;
}

static void
count_edits(const ldiff_unit *u, size_t *words, size_t *values)
{
	size_t i;

	*words = *values = 0;
	for (i = 0; i < u->n_edits; i++) {
		if (!edit_told(&u->edits[i]))
			continue;
		if (edit_is_value(&u->edits[i]))
			(*values)++;
		else
			(*words)++;
	}
}

/* "höjs beloppet från 1 250 000 kr till 1 500 000 kr (+250 000 kr)" */
static void
put_value_phrase(struct say *s, const ldiff_unit *u, size_t i)
{
	const ldiff_edit *e = &u->edits[i];
	int sek = (e->cls & LDIFF_CLASS_AMOUNT) != 0;
	int pct = !sek && ld_edit_is_percent(u, i);
	double d = e->new_value - e->old_value;

	if (s->sv)
		ld_buf_printf(&s->b, "%s %s från ", d > 0 ? "höjs" : d < 0 ?
		    "sänks" : "ändras", sek ? "beloppet" : pct ?
		    "procentsatsen" : "talet");
	else
		ld_buf_printf(&s->b, "the %s is %s from ", sek ? "amount" :
		    pct ? "rate" : "number", d > 0 ? "raised" : d < 0 ?
		    "lowered" : "changed");
	put_value(&s->b, e->old_value, sek, s->sv);
	ld_buf_adds(&s->b, !pct ? "" : s->sv ? " %" : "%");
	ld_buf_adds(&s->b, s->sv ? " till " : " to ");
	put_value(&s->b, e->new_value, sek, s->sv);
	ld_buf_adds(&s->b, !pct ? "" : s->sv ? " %" : "%");
	if (sek || pct) {
		ld_buf_adds(&s->b, " (");
		put_delta(&s->b, d, sek, s->sv);
		if (pct)
			ld_buf_adds(&s->b, s->sv ? " procentenheter" :
			    " percentage points");
		ld_buf_addc(&s->b, ')');
	}
}

/* "I punkt 2.4" / "In clause 2.4" */
static void
put_in(struct say *s, const ldiff_clause *c)
{
	ld_buf_adds(&s->b, s->sv ? "i " : "in ");
	put_name(s, c);
}

/* More than a few phrases, or little left of the old text: told as a new
 * wording, not word by word. */
#define MAX_PHRASES 3
#define MIN_SIMILARITY 0.6

/* The values of u, one sentence each. */
static void
say_values(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	size_t i;

	for (i = 0; i < u->n_edits; i++) {
		if (!edit_told(&u->edits[i]) || !edit_is_value(&u->edits[i]))
			continue;
		put_in(s, c);
		ld_buf_addc(&s->b, ' ');
		put_value_phrase(s, u, i);
		say_end(s, s->g);
	}
}

/* The clause of u's new side where edit i lies: the new texts of the
 * edits before it, against the clauses joined with one space. */
static size_t
edit_clause(const ldiff_unit *u, size_t i)
{
	size_t k, off = 0, end = 0;

	for (k = 0; k < i; k++)
		off += strlen(u->edits[k].new_text);
	for (k = 0; k + 1 < u->n_new; k++) {
		end += strlen(u->new_cl[k]->text);
		if (off < end)
			return k;
		end++;		/* the joining space */
	}
	return k;
}

/* "i punkt 8.2.2", or "i punkterna 8.2.1 och 8.2.2" when the told edits
 * of a split lie in several. */
static void
put_in_edits(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	size_t i, k, n = 0, first = (size_t)-1, last = 0;

	if (u->n_new <= 1) {
		put_in(s, c);
		return;
	}
	for (i = 0; i < u->n_edits; i++) {
		if (!edit_told(&u->edits[i]) || edit_is_value(&u->edits[i]))
			continue;
		k = edit_clause(u, i);
		first = k < first ? k : first;
		last = k > last ? k : last;
	}
	if (first == last) {
		put_in(s, u->new_cl[first]);
		return;
	}
	n = last - first + 1;
	ld_buf_adds(&s->b, s->sv ? "i punkterna " : "in clauses ");
	put_numbers(s, u->new_cl + first, n);
}

enum { PH_REPLACED, PH_STRUCK, PH_ADDED };

static int
phrase_kind(const ldiff_edit *e)
{
	size_t a, b;

	trimmed(e->old_text, &a);
	trimmed(e->new_text, &b);
	return a > 0 && b > 0 ? PH_REPLACED : a > 0 ? PH_STRUCK : PH_ADDED;
}

/* The quoted words of the told edits of one kind, "”a” och ”b”". */
static size_t
put_kind_words(struct say *s, const ldiff_unit *u, int kind, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (!edit_told(e) || edit_is_value(e) || phrase_kind(e) != kind)
			continue;
		put_joiner(&s->b, k++, n, s->sv);
		put_quoted(s, kind == PH_STRUCK ? e->old_text : e->new_text);
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
	trimmed(e->old_text, &a);
	trimmed(e->new_text, &b);
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
	if (w == t + n || is_trim((unsigned char)t[n - 1]))
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
		put_quoted(s, text);
		return;
	}
	ld_buf_init(&q);
	ld_buf_add(&q, word, len);
	ld_buf_addc(&q, ' ');
	ld_buf_adds(&q, text);
	put_quoted(s, ld_buf_str(&q));
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

		if (!edit_told(e) || edit_is_value(e) ||
		    phrase_kind(e) != PH_REPLACED)
			continue;
		put_joiner(&s->b, (*item)++, items, s->sv);
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
		if (edit_told(&u->edits[i]) && !edit_is_value(&u->edits[i]))
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
			put_numbers(s, u->new_cl, u->n_new);
		} else
			put_name(s, c);
		ld_buf_adds(&s->b, s->sv ? " får ny lydelse" :
		    " is given a new wording");
		say_end(s, s->g);
		return;
	}
	for (i = 0; i < u->n_edits; i++)
		if (edit_told(&u->edits[i]) && !edit_is_value(&u->edits[i]))
			n[phrase_kind(&u->edits[i])]++;
	items = n[PH_REPLACED] + (n[PH_STRUCK] > 0) + (n[PH_ADDED] > 0);
	put_in_edits(s, u, c);
	ld_buf_adds(&s->b, s->sv ? " har " : ", ");
	put_replacements(s, u, &item, items);
	for (kind = PH_STRUCK; kind <= PH_ADDED; kind++) {
		if (n[kind] == 0)
			continue;
		put_joiner(&s->b, item++, items, s->sv);
		put_kind_words(s, u, kind, n[kind]);
		if (s->sv)
			ld_buf_adds(&s->b, kind == PH_STRUCK ? " strukits" :
			    " lagts till");
		else
			ld_buf_printf(&s->b, " %s %s", n[kind] > 1 ? "are" :
			    "is", kind == PH_STRUCK ? "struck out" : "added");
	}
	say_end(s, s->g);
}

/* What changed in the text of u, told of clause c. */
static void
say_edits(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	size_t words, values;

	count_edits(u, &words, &values);
	if (values > 0 && words <= MAX_PHRASES)
		say_values(s, u, c);
	if (words > 0 || (values > 0 && words > MAX_PHRASES))
		say_words(s, u, c, words + (words > MAX_PHRASES ? values : 0));
}

/* ---- amounts of a table ----------------------------------------------------- */

/* "Summa", "Totalt": a row that adds up the others. */
static int
is_sum_row(const char *name)
{
	static const char *const words[] = { "Summa", "Totalt", "Total",
	    "Sammanlagt", "Sum" };
	size_t k, n;

	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		n = strlen(words[k]);
		if (strncmp(name, words[k], n) == 0 &&
		    (name[n] == '\0' || name[n] == ' ' || name[n] == ',' ||
		    name[n] == '\t'))
			return 1;
	}
	return 0;
}

struct amount {
	char *name;		/* the row's first cell */
	double old_v, new_v;
};

struct amounts {
	struct amount *a;
	size_t n, cap;
	const ldiff_clause *row;	/* a row of the table, for its header */
	size_t col;		/* the column of the amounts */
};

/* The first amount edit of a row, or n_edits. */
static size_t
amount_edit(const ldiff_unit *u)
{
	size_t i;

	for (i = 0; i < u->n_edits; i++)
		if ((u->edits[i].cls & LDIFF_CLASS_AMOUNT) &&
		    u->edits[i].has_values)
			return i;
	return u->n_edits;
}

/* The cell (0, 1 ...) where edit i of a row starts. */
static size_t
edit_column(const ldiff_unit *u, size_t i)
{
	size_t k, col = 0;
	const char *p;

	for (k = 0; k < i; k++)
		for (p = u->edits[k].new_text; *p != '\0'; p++)
			col += *p == '\t';
	return col;
}

static void
amounts_free(struct amounts *am)
{
	size_t i;

	for (i = 0; i < am->n; i++)
		ld_free(am->a[i].name);
	ld_free(am->a);
	memset(am, 0, sizeof *am);
}

static void
amounts_add(struct say *s, struct amounts *am, const ldiff_unit *u)
{
	const ldiff_clause *c = u->new_cl[0];
	const ldiff_edit *e = &u->edits[amount_edit(u)];
	size_t len = c->n_cells > 0 ? c->cells[0].len : strlen(c->text);

	if (am->n == am->cap) {
		size_t cap = am->cap ? am->cap * 2 : 8;
		struct amount *na = ld_reallocarray(am->a, cap, sizeof *na);

		if (na == NULL) {
			s->out->oom = 1;
			return;
		}
		am->a = na;
		am->cap = cap;
	}
	am->a[am->n].name = ld_malloc(len + 1);
	if (am->a[am->n].name == NULL) {
		s->out->oom = 1;
		return;
	}
	memcpy(am->a[am->n].name, c->text, len);
	am->a[am->n].name[len] = '\0';
	am->a[am->n].old_v = e->old_value;
	am->a[am->n].new_v = e->new_value;
	am->n++;
	am->row = c;
	am->col = edit_column(u, amount_edit(u));
}

/* The header row of the table that row belongs to: the first of the rows
 * that stand together with it in the new version. */
static const ldiff_clause *
header_row(const struct say *s, const ldiff_clause *row)
{
	const ldiff_clauses *cs = ldiff_diff_version(s->d, s->pair + 1);
	const ldiff_clause *first = ldiff_clauses_get(cs, 0);
	size_t n = ldiff_clauses_count(cs), i;

	if (first == NULL || row < first || row >= first + n)
		return NULL;
	i = (size_t)(row - first);
	while (i > 0 && first[i - 1].kind == LDIFF_CL_ROW)
		i--;
	return &first[i];
}

/* The noun of the amounts, from the header cell of their column
 * ("Årligt bidrag (kronor)" -> bidrag), when Swedish knows its forms. */
static const ld_sv_noun *
amount_noun(const struct say *s, const struct amounts *am)
{
	const ldiff_clause *h = header_row(s, am->row);
	const char *p, *end, *w;
	size_t col = 0;

	if (h == NULL)
		return ld_sv_noun_lookup("belopp", 6);
	for (p = h->text; *p != '\0' && col < am->col; p++)
		col += *p == '\t';
	end = p;
	while (*end != '\0' && *end != '\t' && *end != '(')
		end++;
	while (end > p && end[-1] == ' ')
		end--;
	for (w = end; w > p && w[-1] != ' '; w--)
		;
	if (ld_sv_noun_lookup(w, (size_t)(end - w)) != NULL)
		return ld_sv_noun_lookup(w, (size_t)(end - w));
	return ld_sv_noun_lookup("belopp", 6);
}

/* "Bidragen höjs för A (+x), B (+y)" or "A:s bidrag höjs med x". */
static void
put_direction(struct say *s, const struct amounts *am, const ld_sv_noun *nn,
    int up)
{
	size_t i, k = 0, n = 0;

	for (i = 0; i < am->n; i++)
		n += (am->a[i].new_v > am->a[i].old_v) == up &&
		    am->a[i].new_v != am->a[i].old_v;
	for (i = 0; i < am->n; i++) {
		const struct amount *a = &am->a[i];

		if ((a->new_v > a->old_v) != up || a->new_v == a->old_v)
			continue;
		if (n == 1) {
			if (s->sv) {
				put_genitive(&s->b, a->name);
				ld_buf_printf(&s->b, " %s %s med ", nn->sv,
				    up ? "höjs" : "sänks");
			} else
				ld_buf_printf(&s->b, "the %s of %s is %s by ",
				    nn->en, a->name, up ? "raised" :
				    "lowered");
			put_value(&s->b, up ? a->new_v - a->old_v :
			    a->old_v - a->new_v, 1, s->sv);
			return;
		}
		if (k == 0)
			ld_buf_printf(&s->b, s->sv ? "%s %s för " :
			    "the %s are %s for ", s->sv ? nn->sv_def_pl :
			    nn->en_pl, s->sv ? (up ? "höjs" : "sänks") :
			    (up ? "raised" : "lowered"));
		put_joiner(&s->b, k++, n, s->sv);
		ld_buf_adds(&s->b, a->name);
		ld_buf_adds(&s->b, " (");
		put_delta(&s->b, a->new_v - a->old_v, 1, s->sv);
		ld_buf_addc(&s->b, ')');
	}
}

static size_t
count_direction(const struct amounts *am, int up)
{
	size_t i, n = 0;

	for (i = 0; i < am->n; i++)
		n += am->a[i].new_v != am->a[i].old_v &&
		    (am->a[i].new_v > am->a[i].old_v) == up;
	return n;
}

/* The changed amounts of one table: the parts up, then down, in one
 * sentence; a sum row in one of its own. */
static void
say_amounts(struct say *s, struct amounts *am, struct amounts *sums)
{
	const ld_sv_noun *nn;
	size_t i, up, down;

	if (am->n == 0 && sums->n == 0)
		return;
	nn = amount_noun(s, am->n > 0 ? am : sums);
	up = count_direction(am, 1);
	down = count_direction(am, 0);
	if (up > 0)
		put_direction(s, am, nn, 1);
	if (up > 0 && down > 0)
		ld_buf_adds(&s->b, "; ");
	if (down > 0)
		put_direction(s, am, nn, 0);
	if (up > 0 || down > 0)
		say_end(s, s->g);
	for (i = 0; i < sums->n; i++) {
		const struct amount *a = &sums->a[i];
		double d = a->new_v - a->old_v;

		if (s->sv)
			ld_buf_printf(&s->b, "%s %s från ", strcmp(a->name,
			    "Summa") == 0 ? "summan" : a->name, d > 0 ?
			    "höjs" : d < 0 ? "sänks" : "ändras");
		else
			ld_buf_printf(&s->b, "the %s is %s from ", strcmp(
			    a->name, "Summa") == 0 ? "total" : a->name, d > 0 ?
			    "raised" : d < 0 ? "lowered" : "changed");
		put_value(&s->b, a->old_v, 1, s->sv);
		ld_buf_adds(&s->b, s->sv ? " till " : " to ");
		put_value(&s->b, a->new_v, 1, s->sv);
		ld_buf_adds(&s->b, " (");
		put_delta(&s->b, d, 1, s->sv);
		ld_buf_addc(&s->b, ')');
		say_end(s, s->g);
	}
	amounts_free(am);
	amounts_free(sums);
}

/* ---- structure ------------------------------------------------------------- */

/* A clause with a number of its own ("5.7.3"), told in runs. */
static int
numbered(const ldiff_clause *c)
{
	return (c->kind == LDIFF_CL_CLAUSE || c->kind == LDIFF_CL_ITEM) &&
	    ld_paper_number(c)[0] != '\0';
}

/* The inserted clauses after unit i that belong to the new section
 * opened by it. */
static size_t
section_members(const struct say *s, size_t i, int inserted)
{
	const ldiff_unit *h = ldiff_diff_unit(s->d, i);
	const char *sec = inserted ? h->new_cl[0]->section :
	    h->old_cl[0]->section;
	size_t n = ldiff_diff_count(s->d), k = 0;

	for (i++; i < n; i++, k++) {
		const ldiff_unit *u = ldiff_diff_unit(s->d, i);
		const ldiff_clause *c;

		if (u->from != s->pair || u->op != (inserted ?
		    LDIFF_OP_INSERTED : LDIFF_OP_DELETED))
			break;
		c = inserted ? u->new_cl[0] : u->old_cl[0];
		if (c->kind == LDIFF_CL_SECTION || strcmp(c->section, sec) != 0)
			break;
	}
	return k;
}

/* "Ett nytt avsnitt 5.9 Civil beredskap införs (tre punkter)." */
static size_t
say_section(struct say *s, size_t i, int inserted)
{
	const ldiff_unit *u = ldiff_diff_unit(s->d, i);
	const ldiff_clause *c = inserted ? u->new_cl[0] : u->old_cl[0];
	size_t k = section_members(s, i, inserted);

	if (s->sv)
		ld_buf_printf(&s->b, inserted ? "ett nytt avsnitt %s %s införs"
		    : "avsnitt %s %s utgår", c->id, c->text);
	else
		ld_buf_printf(&s->b, inserted ? "a new section %s %s is "
		    "inserted" : "section %s %s is deleted", c->id, c->text);
	if (k > 0) {
		ld_buf_adds(&s->b, " (");
		put_counted(&s->b, k, s->sv, s->sv ? "punkt" : "clause",
		    s->sv ? "punkter" : "clauses", 0);
		ld_buf_addc(&s->b, ')');
	}
	say_end(s, s->g);
	return k;
}

/* Consecutive new or deleted numbered clauses of one section, from
 * unit i: how many. */
static size_t
run_length(const struct say *s, size_t i)
{
	const ldiff_unit *first = ldiff_diff_unit(s->d, i);
	size_t n = ldiff_diff_count(s->d), k;

	for (k = 0; i + k < n; k++) {
		const ldiff_unit *u = ldiff_diff_unit(s->d, i + k);
		const ldiff_clause *c = u->op == LDIFF_OP_INSERTED ?
		    u->new_cl[0] : u->n_old > 0 ? u->old_cl[0] : NULL;

		if (u->from != s->pair || u->op != first->op || c == NULL ||
		    !numbered(c) || strcmp(ld_unit_section(u),
		    ld_unit_section(first)) != 0)
			break;
	}
	return k > 0 ? k : 1;
}

/* The numbers of the clauses of units [i, i + k), one side. */
static void
put_run_numbers(struct say *s, size_t i, size_t k, int new_side)
{
	size_t j;

	for (j = 0; j < k; j++) {
		const ldiff_unit *u = ldiff_diff_unit(s->d, i + j);

		put_joiner(&s->b, j, k, s->sv);
		ld_buf_adds(&s->b, new_side ? u->new_cl[0]->id :
		    u->old_cl[0]->id);
	}
}

static void
say_inserted_run(struct say *s, size_t i, size_t k)
{
	if (k == 1)
		ld_buf_adds(&s->b, s->sv ? "en ny punkt " : "a new clause ");
	else {
		put_counted(&s->b, k, s->sv, "", s->sv ? "nya punkter" :
		    "new clauses", 0);
		ld_buf_adds(&s->b, ", ");
	}
	put_run_numbers(s, i, k, 1);
	ld_buf_adds(&s->b, k > 1 ? "," : "");
	ld_buf_adds(&s->b, s->sv ? " införs" : k > 1 ? " are inserted" :
	    " is inserted");
	say_end(s, s->g);
}

static void
say_deleted_run(struct say *s, size_t i, size_t k)
{
	ld_buf_adds(&s->b, s->sv ? (k > 1 ? "punkterna " : "punkt ") :
	    (k > 1 ? "clauses " : "clause "));
	put_run_numbers(s, i, k, 0);
	ld_buf_adds(&s->b, s->sv ? " utgår" : k > 1 ? " are deleted" :
	    " is deleted");
	say_end(s, s->g);
}

/* "En ny fjärde strecksats införs i punkt 6.1.", "Ett nytt tredje
 * stycke införs.": the place told as Swedish amendments tell it. */
static void
say_new_text(struct say *s, const ldiff_clause *c)
{
	int bullet = c->kind == LDIFF_CL_BULLET;
	long k = ld_paper_position(c->id, bullet ? "\xe2\x80\xa2" :
	    "\xc2\xb6");
	const char *ord = ld_paper_ordinal(k, s->sv);

	if (s->sv)
		ld_buf_printf(&s->b, bullet ? "en ny %s%sstrecksats införs i "
		    "punkt %s" : "ett nytt %s%sstycke införs", ord != NULL ?
		    ord : "", ord != NULL ? " " : "", c->parent);
	else
		ld_buf_printf(&s->b, bullet ? "a new %s%sindent is inserted in "
		    "clause %s" : "a new %s%sparagraph is inserted", ord != NULL ?
		    ord : "", ord != NULL ? " " : "", c->parent);
}

/* A new or deleted clause that is not a numbered one: a row, a bullet,
 * a paragraph. */
static void
say_one(struct say *s, const ldiff_unit *u, int inserted)
{
	const ldiff_clause *c = inserted ? u->new_cl[0] : u->old_cl[0];
	size_t e = amount_edit(u);

	if (c->kind == LDIFF_CL_ROW) {
		int len = (int)c->cells[0].len;

		ld_buf_printf(&s->b, s->sv ? (inserted ? "en ny rad %s%.*s%s "
		    "läggs till i tabellen" : "raden %s%.*s%s utgår ur "
		    "tabellen") : (inserted ? "a new row %s%.*s%s is added to "
		    "the table" : "the row %s%.*s%s is deleted from the table"),
		    QO(s->sv), len, c->text, QC(s->sv));
		if (e < u->n_edits) {
			ld_buf_adds(&s->b, " (");
			put_value(&s->b, inserted ? u->edits[e].new_value :
			    u->edits[e].old_value, 1, s->sv);
			ld_buf_addc(&s->b, ')');
		}
	} else if (inserted) {
		say_new_text(s, c);
	} else {
		put_name(s, c);
		ld_buf_adds(&s->b, s->sv ? " utgår" : " is deleted");
	}
	say_end(s, s->g);
}

/* A changed heading: "Rubriken till avsnitt 5.4 ändras från ... till". */
static void
say_heading(struct say *s, const ldiff_unit *u)
{
	ld_buf_printf(&s->b, s->sv ? "rubriken till avsnitt %s ändras från " :
	    "the heading of section %s is changed from ", u->new_cl[0]->id);
	put_quoted(s, u->old_cl[0]->text);
	ld_buf_adds(&s->b, s->sv ? " till " : " to ");
	put_quoted(s, u->new_cl[0]->text);
	say_end(s, s->g);
}

/* The words of a split, merge or move, told after it. */
static void
say_new_wording(struct say *s, const ldiff_unit *u)
{
	size_t words, values;

	count_edits(u, &words, &values);
	if (words + values > 0)
		say_edits(s, u, u->new_cl[0]);
}

static void
say_split_merge(struct say *s, const ldiff_unit *u)
{
	if (u->op == LDIFF_OP_SPLIT) {
		ld_buf_adds(&s->b, s->sv ? "punkt " : "clause ");
		put_numbers(s, u->old_cl, u->n_old);
		ld_buf_adds(&s->b, s->sv ? " delas i " : " is split into ");
		put_counted(&s->b, u->n_new, s->sv, s->sv ? "punkt" :
		    "clause", s->sv ? "punkter" : "clauses", 0);
		ld_buf_adds(&s->b, " (");
		put_numbers(s, u->new_cl, u->n_new);
		ld_buf_addc(&s->b, ')');
	} else {
		ld_buf_adds(&s->b, s->sv ? "punkterna " : "clauses ");
		put_numbers(s, u->old_cl, u->n_old);
		ld_buf_adds(&s->b, s->sv ? " slås samman till punkt " :
		    " are merged into clause ");
		put_numbers(s, u->new_cl, u->n_new);
	}
	say_end(s, s->g);
	say_new_wording(s, u);
}

static void
say_moved(struct say *s, const ldiff_unit *u)
{
	const ldiff_clause *o = u->old_cl[0], *c = u->new_cl[0];

	const ldiff_clause *to = ld_paper_section_clause(s->d, s->pair + 1,
	    c->section);

	put_name(s, o);
	if (strcmp(o->section, c->section) != 0) {
		ld_buf t;

		ld_buf_init(&t);
		section_heading(s, &t, o->section);
		ld_buf_printf(&s->b, s->sv ? " flyttas från avsnitt %s till " :
		    " is moved from section %s to ", ld_buf_str(&t));
		if (to != NULL)
			put_name(s, to);
		else
			ld_buf_adds(&s->b, s->sv ? "detta avsnitt" :
			    "this section");
		ld_buf_adds(&s->b, s->sv ? " och blir " : " and becomes ");
		ld_buf_free(&t);
	} else if (strcmp(o->id, c->id) == 0) {
		ld_buf_adds(&s->b, s->sv ? (c->kind == LDIFF_CL_ROW ?
		    " flyttas inom tabellen" : " flyttas inom avsnittet") :
		    (c->kind == LDIFF_CL_ROW ? " is moved within the table" :
		    " is moved within the section"));
		say_end(s, s->g);
		say_new_wording(s, u);
		return;
	} else
		ld_buf_adds(&s->b, s->sv ? " flyttas och blir " :
		    " is moved and becomes ");
	put_name(s, c);
	say_end(s, s->g);
	say_new_wording(s, u);
}

/* ---- what is not a change of content --------------------------------------- */

struct minor {
	size_t period;		/* edits of the period shift */
	const ldiff_edit *range;	/* one of them that is a year range */
	char top[1000];		/* sections (first number) renumbered */
	ld_ptrs typo;		/* clauses retyped */
	ld_ptrs lang;		/* clauses with language changes */
};

static int
is_year_range(const char *t)
{
	size_t n;
	const char *p = trimmed(t, &n);
	size_t k;

	if (n != 9 && n != 11)
		return 0;
	for (k = 0; k < 4; k++)
		if (p[k] < '0' || p[k] > '9' || p[n - 4 + k] < '0' ||
		    p[n - 4 + k] > '9')
			return 0;
	return n == 9 ? p[4] == '-' : strncmp(p + 4, ENDASH, 3) == 0;
}

static void
tally_minor(struct minor *m, const ldiff_unit *u)
{
	size_t i;
	const ldiff_clause *c = u->n_new > 0 ? u->new_cl[0] : NULL;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (e->op == LDIFF_EDIT_EQUAL || !(e->cls & LDIFF_CLASS_PERIOD))
			continue;
		m->period++;
		if (m->range == NULL && is_year_range(e->old_text) &&
		    is_year_range(e->new_text))
			m->range = e;
	}
	if (c == NULL || ld_paper_is_row(u))
		return;
	if (u->cls & LDIFF_CLASS_RENUMBER) {
		long top = strtol(c->id, NULL, 10);

		if (top > 0 && top < (long)sizeof m->top)
			m->top[top] = 1;
	}
	if (u->cls & LDIFF_CLASS_TYPOGRAPHY)
		ld_ptrs_push(&m->typo, (void *)c);
	if (u->cls & LDIFF_CLASS_LANGUAGE)
		ld_ptrs_push(&m->lang, (void *)c);
}

static void
say_period(struct say *s, const struct minor *m, ld_pgroup *g)
{
	size_t n;
	const char *p;

	if (m->period == 0 || (s->hide & LDIFF_HIDE_PERIOD))
		return;
	if (m->range != NULL) {
		ld_buf_adds(&s->b, s->sv ? "avtalsperioden ändras från " :
		    "the agreement period is changed from ");
		p = trimmed(m->range->old_text, &n);
		ld_buf_add(&s->b, p, n);
		ld_buf_adds(&s->b, s->sv ? " till " : " to ");
		p = trimmed(m->range->new_text, &n);
		ld_buf_add(&s->b, p, n);
		ld_buf_adds(&s->b, " (");
	} else
		ld_buf_adds(&s->b, s->sv ? "årtalen för avtalsperioden ändras ("
		    : "the years of the agreement period are changed (");
	put_counted(&s->b, m->period, s->sv, s->sv ? "ställe" : "place",
	    s->sv ? "ställen" : "places", 1);
	ld_buf_addc(&s->b, ')');
	say_end(s, g);
}

/* "Punkterna i avsnitt 4, 6–10 och 12 numreras om.": three or more
 * sections in a row as a range, each item once. */
static void
say_renumbered(struct say *s, const struct minor *m, ld_pgroup *g)
{
	size_t k, end, items = 0, i = 0;

	if (s->hide & LDIFF_HIDE_RENUMBER)
		return;
	for (k = 1; k < sizeof m->top; k = end + 1) {
		for (end = k; m->top[k] && end + 1 < sizeof m->top &&
		    m->top[end + 1]; end++)
			;
		items += !m->top[k] ? 0 : end >= k + 2 ? 1 : end - k + 1;
	}
	if (items == 0)
		return;
	ld_buf_adds(&s->b, s->sv ? "punkterna i avsnitt " :
	    items > 1 ? "the clauses of sections " : "the clauses of section ");
	for (k = 1; k < sizeof m->top; k = end + 1) {
		size_t j;

		for (end = k; m->top[k] && end + 1 < sizeof m->top &&
		    m->top[end + 1]; end++)
			;
		if (!m->top[k])
			continue;
		if (end >= k + 2) {
			put_joiner(&s->b, i++, items, s->sv);
			ld_buf_printf(&s->b, "%zu" ENDASH "%zu", k, end);
			continue;
		}
		for (j = k; j <= end; j++) {
			put_joiner(&s->b, i++, items, s->sv);
			ld_buf_printf(&s->b, "%zu", j);
		}
	}
	ld_buf_adds(&s->b, s->sv ? " numreras om" : " are renumbered");
	say_end(s, g);
}

/* "I punkterna 4.2, 5.5.2 och 5.6.3 har typografiska ändringar gjorts."
 * (what: "typografiska" or "språkliga"). */
static void
say_clauses_changed(struct say *s, const ld_ptrs *cl, const char *what_sv,
    const char *what_en, ld_pgroup *g)
{
	size_t i;
	int all_numbered = 1;

	for (i = 0; i < cl->n; i++)
		all_numbered &= numbered(cl->v[i]);
	if (all_numbered && cl->n > 1)
		ld_buf_adds(&s->b, s->sv ? "i punkterna " : "in clauses ");
	else
		ld_buf_adds(&s->b, s->sv ? "i " : "in ");
	for (i = 0; i < cl->n; i++) {
		const ldiff_clause *c = cl->v[i];

		put_joiner(&s->b, i, cl->n, s->sv);
		if (all_numbered && cl->n > 1)
			ld_buf_adds(&s->b, c->id);
		else
			put_name(s, c);
	}
	ld_buf_printf(&s->b, s->sv ? " har %s ändringar gjorts" :
	    ", %s changes are made", s->sv ? what_sv : what_en);
	say_end(s, g);
}

static void
say_typography(struct say *s, const struct minor *m, ld_pgroup *g)
{
	if (m->lang.n > 0 && !(s->hide & LDIFF_HIDE_LANGUAGE))
		say_clauses_changed(s, &m->lang, "språkliga", "language", g);
	if (m->typo.n > 0 && !(s->hide & LDIFF_HIDE_TYPOGRAPHY))
		say_clauses_changed(s, &m->typo, "typografiska",
		    "typographical", g);
}

/* The general group, and the same sentences as one remark for the
 * closing row of the parallel layout. */
static void
say_minor(struct say *s, struct minor *m)
{
	ld_pgroup *g = group_open(s, ld_paper_label(P_GENERAL, s->sv));
	ld_buf r;
	size_t i;

	if (g == NULL)
		return;
	say_period(s, m, g);
	say_renumbered(s, m, g);
	say_typography(s, m, g);
	if (g->n == 0) {	/* nothing: no empty heading */
		ld_free(g->heading);
		s->out->n--;
		return;
	}
	ld_buf_init(&r);
	ld_buf_adds(&r, ld_paper_label(P_NOT_LISTED, s->sv));
	for (i = 0; i < g->n; i++) {
		ld_buf_addc(&r, ' ');
		ld_buf_adds(&r, g->sent[i]);
	}
	s->out->minor = r.oom ? NULL : dup_str(ld_buf_str(&r));
	ld_buf_free(&r);
}

/* ---- the walk ------------------------------------------------------------ */

/* A changed row whose change is its amount. */
static int
amount_row(const ldiff_unit *u)
{
	return u->op == LDIFF_OP_CHANGED && u->n_new == 1 &&
	    u->new_cl[0]->kind == LDIFF_CL_ROW && amount_edit(u) < u->n_edits;
}

/* Unit i told; returns the units it told beyond itself. */
static size_t
say_unit(struct say *s, size_t i)
{
	const ldiff_unit *u = ldiff_diff_unit(s->d, i);
	const ldiff_clause *c;
	size_t k;

	switch (u->op) {
	case LDIFF_OP_INSERTED:
	case LDIFF_OP_DELETED:
		c = u->op == LDIFF_OP_INSERTED ? u->new_cl[0] : u->old_cl[0];
		if (c->kind == LDIFF_CL_SECTION)
			return say_section(s, i, u->op == LDIFF_OP_INSERTED);
		if (!numbered(c)) {
			say_one(s, u, u->op == LDIFF_OP_INSERTED);
			return 0;
		}
		k = run_length(s, i);
		if (u->op == LDIFF_OP_INSERTED)
			say_inserted_run(s, i, k);
		else
			say_deleted_run(s, i, k);
		return k - 1;
	case LDIFF_OP_MOVED:
		say_moved(s, u);
		return 0;
	case LDIFF_OP_SPLIT:
	case LDIFF_OP_MERGED:
		say_split_merge(s, u);
		return 0;
	default:
		break;
	}
	if (u->new_cl[0]->kind == LDIFF_CL_SECTION)
		say_heading(s, u);
	else
		say_edits(s, u, u->new_cl[0]);
	return 0;
}

static void
walk(struct say *s, struct minor *m)
{
	struct amounts am, sums;
	size_t i, n = ldiff_diff_count(s->d);

	memset(&am, 0, sizeof am);
	memset(&sums, 0, sizeof sums);
	for (i = 0; i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(s->d, i);

		if (u->from != s->pair)
			continue;
		tally_minor(m, u);
		if (!ld_paper_is_row(u))
			continue;
		if (!amount_row(u))
			say_amounts(s, &am, &sums);
		enter_section(s, ld_unit_section(u));
		if (amount_row(u)) {
			const char *t = u->new_cl[0]->text;

			amounts_add(s, is_sum_row(t) ? &sums : &am, u);
			continue;
		}
		i += say_unit(s, i);
	}
	say_amounts(s, &am, &sums);
}

int
ld_paper_summary(const ldiff_diff *d, size_t pair, int sv, unsigned hide,
    ld_psummary *out)
{
	struct say s;
	struct minor m;

	memset(out, 0, sizeof *out);
	memset(&s, 0, sizeof s);
	memset(&m, 0, sizeof m);
	s.d = d;
	s.pair = pair;
	s.sv = sv;
	s.hide = hide;
	s.out = out;
	ld_buf_init(&s.b);
	walk(&s, &m);
	say_minor(&s, &m);
	ld_ptrs_free(&m.typo);
	ld_ptrs_free(&m.lang);
	if (s.b.oom)
		out->oom = 1;
	ld_buf_free(&s.b);
	return out->oom ? LDIFF_ENOMEM : 0;
}

void
ld_paper_summary_free(ld_psummary *s)
{
	size_t i, k;

	for (i = 0; i < s->n; i++) {
		for (k = 0; k < s->g[i].n; k++)
			ld_free(s->g[i].sent[k]);
		ld_free(s->g[i].sent);
		ld_free(s->g[i].heading);
	}
	ld_free(s->g);
	ld_free(s->minor);
	memset(s, 0, sizeof *s);
}

/* ---- labels ------------------------------------------------------------------ */

static const char *const labels[P_COUNT][2] = {
	[P_OLD_COL] = { "Current wording", "Nuvarande lydelse" },
	[P_NEW_COL] = { "Proposed wording", "Föreslagen lydelse" },
	[P_PARALLEL] = { "Parallel layout", "Parallelluppställning" },
	[P_SUMMARY] = { "List of changes", "Ändringsförteckning" },
	[P_DELETED_CELL] = { "Deleted", "Utgår" },
	[P_NOT_LISTED] = { "Changes not listed above:",
	    "Ändringar som inte redovisas ovan:" },
	[P_GENERAL] = { "Other changes", "Övriga ändringar" },
	[P_BEFORE_FIRST] = { "Before the first heading",
	    "Före första rubriken" },
	[P_NO_CHANGES] = { "No changes of content.",
	    "Inga ändringar i sak." },
};

int
ld_paper_swedish(const ldiff_render_opts *o)
{
	return o->lang == NULL || strncmp(o->lang, "en", 2) != 0;
}

const char *
ld_paper_label(int id, int sv)
{
	return id >= 0 && id < P_COUNT ? labels[id][sv ? 1 : 0] : "";
}

void
ld_paper_title(ld_buf *b, const ldiff_diff *d, size_t pair, int what,
    int sv)
{
	ld_buf_adds(b, ld_paper_label(what, sv));
	ld_buf_addc(b, ' ');
	ld_version_label(b, ldiff_diff_version_name(d, pair), 1);
	ld_buf_adds(b, " \xe2\x86\x92 ");
	ld_version_label(b, ldiff_diff_version_name(d, pair + 1), 1);
}
