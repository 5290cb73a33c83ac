/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_phrase.c - the pieces every sentence of a committee paper is made
 * of: counts in words, lists joined with "och", values and differences in
 * the paper's language, clause names, quoted words, and the sentence and
 * its group being written.
 *
 * The idea: the sentence files (paper_say_*.c) decide what to say; how a
 * number, a list or a quotation is written in Swedish or English is
 * decided here once, so "1 900 000 kr", "+13,2 %", "fyra punkter" and
 * ”…” read the same in every sentence.  The papers' fixed labels and
 * their title live here too, the lowest file of the papers.
 */
#include <stdlib.h>
#include <string.h>

#include "render/paper_say.h"

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
void
ld_say_counted(ld_buf *b, size_t n, int sv, const char *one, const char *many,
    int neuter)
{
	put_count(b, n, sv, neuter);
	ld_buf_addc(b, ' ');
	ld_buf_adds(b, n == 1 ? one : many);
}

/* The joiner before item i of n: ", " or " och " / " and ". */
void
ld_say_joiner(ld_buf *b, size_t i, size_t n, int sv)
{
	if (i == 0)
		return;
	ld_buf_adds(b, i + 1 < n ? ", " : sv ? " och " : " and ");
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

void
ld_say_value(ld_buf *b, double v, int sek, int sv)
{
	if (!sv)
		put_number_en(b, v, sek);
	else if (sek)
		ld_format_sek(b, v, 0);
	else
		ld_format_number(b, v, -1, 0);
}

/* A clause's name: "punkt 5.2.3" ... */
void
ld_say_name(struct say *s, const ldiff_clause *c)
{
	ld_paper_clause_name(&s->b, c, s->sv);
}

/* The numbers of clauses, "8.2.1 och 8.2.2". */
void
ld_say_numbers(struct say *s, const ldiff_clause *const *cl, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ld_say_joiner(&s->b, i, n, s->sv);
		ld_buf_adds(&s->b, ld_paper_number(cl[i])[0] != '\0' ?
		    ld_paper_number(cl[i]) : cl[i]->id);
	}
}

/* ---- groups and sentences ----------------------------------------------- */

char *
ld_say_dup(const char *s)
{
	char *p = ld_malloc(strlen(s) + 1);

	if (p != NULL)
		strcpy(p, s);
	return p;
}

ld_pgroup *
ld_say_group(struct say *s, const char *heading)
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
	g->heading = ld_say_dup(heading);
	if (g->heading == NULL)
		o->oom = 1;
	return g;
}

/* "5.2 Kompetensförsörjning": the heading of a section as the new version
 * numbers it (the old one's for a section that is gone). */
void
ld_say_section_heading(struct say *s, ld_buf *h, const char *section)
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

void
ld_say_enter(struct say *s, const char *section)
{
	ld_buf h;

	if (s->g != NULL && strcmp(s->section, section) == 0)
		return;
	ld_buf_init(&h);
	ld_say_section_heading(s, &h, section);
	s->g = ld_say_group(s, ld_buf_str(&h));
	s->section = section;
	ld_buf_free(&h);
}

/* The sentence in s->b, capitalised and ended, into the group. */
void
ld_say_end(struct say *s, ld_pgroup *g)
{
	char *p;

	ld_buf_addc(&s->b, '.');
	p = ld_say_dup(ld_buf_str(&s->b));
	ld_buf_reset(&s->b);
	if (p == NULL || g == NULL) {
		ld_free(p);
		s->out->oom = 1;
		return;
	}
	if (p[0] >= 'a' && p[0] <= 'z')
		p[0] = (char)(p[0] - 'a' + 'A');
	else if ((unsigned char)p[0] == 0xc3 && ((unsigned char)p[1] == 0xa5
	    || (unsigned char)p[1] == 0xa4 || (unsigned char)p[1] == 0xb6))
		p[1] = (char)(p[1] - 0x20);	/* å ä ö -> Å Ä Ö */
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

/* ---- quotations, and the edits a committee reads ------------------- */

int
ld_say_is_trim(unsigned char c)
{
	return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' ||
	    c == '\t' || c == '\n';
}

/* s without the spaces and punctuation at its ends. */
const char *
ld_say_trimmed(const char *s, size_t *len)
{
	size_t n = strlen(s);

	while (n > 0 && ld_say_is_trim((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && ld_say_is_trim((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

void
ld_say_quoted(struct say *s, const char *t)
{
	size_t n;
	const char *p = ld_say_trimmed(t, &n);

	ld_buf_adds(&s->b, QO(s->sv));
	for (; n > 0; p++, n--)
		ld_buf_addc(&s->b, *p == '\t' ? ' ' : *p);
	ld_buf_adds(&s->b, QC(s->sv));
}

/* Whether hay holds the n bytes of needle. */
static int
has_text(const char *hay, const char *needle, size_t n)
{
	for (; *hay != '\0'; hay++)
		if (strncmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* The words of text left when the texts that another edit of u moves
 * (its other side: deleted here, inserted there) are taken out; *dot is
 * set when a full stop is left: the seam of a sentence cut or joined. */
static size_t
left_words(const ldiff_unit *u, size_t i, const char *text, int new_side,
    int *dot)
{
	ld_buf b;
	size_t j, n, words = 0;
	int in = 0;
	char *p, *q;

	const char *t = ld_say_trimmed(text, &n);
	size_t tn = n;

	*dot = 0;
	for (j = 0; j < u->n_edits && tn >= 12; j++)
		if (j != i && has_text(new_side ? u->edits[j].old_text :
		    u->edits[j].new_text, t, tn))
			return 0;	/* all of it is there */
	ld_buf_init(&b);
	ld_buf_adds(&b, text);
	p = (char *)ld_buf_str(&b);
	for (j = 0; j < u->n_edits && !b.oom; j++) {
		const char *o = ld_say_trimmed(new_side ? u->edits[j].old_text :
		    u->edits[j].new_text, &n);

		if (j == i || n < 12)
			continue;
		for (q = p; *q != '\0'; q++)
			if (strncmp(q, o, n) == 0)
				memset(q, ' ', n);
	}
	for (q = p; *q != '\0'; q++) {
		int sp = *q == ' ' || *q == '\t' || *q == '\n' || *q == '.' ||
		    *q == ',';

		*dot |= *q == '.';
		words += !sp && !in;
		in = !sp;
	}
	ld_buf_free(&b);
	return words;
}

/* An edit of a split or merge that only moves text between the clauses:
 * its words are another edit's, or it is the seam where a sentence was
 * cut or joined ("och" -> ". Bidragen").  "Punkt 7.2 delas i två
 * punkter" has told it. */
static int
moved_text(const ldiff_unit *u, size_t i)
{
	int d1, d2;
	size_t o, n;

	if (u->op != LDIFF_OP_SPLIT && u->op != LDIFF_OP_MERGED)
		return 0;
	o = left_words(u, i, u->edits[i].old_text, 0, &d1);
	n = left_words(u, i, u->edits[i].new_text, 1, &d2);
	return o + n == 0 || (o <= 1 && n <= 1 && (d1 || d2));
}

/* An edit a committee reads: not equal, not only a minor class, with
 * words left once its ends are trimmed, and not text a split or merge
 * only moved. */
int
ld_say_edit_told(const ldiff_unit *u, size_t i)
{
	const ldiff_edit *e = &u->edits[i];
	size_t a, b;

	if (e->op == LDIFF_EDIT_EQUAL ||
	    (e->cls & ~ld_paper_minor_classes()) == 0)
		return 0;
	ld_say_trimmed(e->old_text, &a);
	ld_say_trimmed(e->new_text, &b);
	return (a > 0 || b > 0) && !moved_text(u, i);
}

/* The clause of u's new side where edit i lies: the new texts of the
 * edits before it, against the clauses joined with one space. */
size_t
ld_say_edit_clause(const ldiff_unit *u, size_t i)
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

/* A number or amount replaced by another, told by its values. */
int
ld_say_edit_is_value(const ldiff_edit *e)
{
	return e->op == LDIFF_EDIT_REPLACE && e->has_values &&
	    (e->cls & (LDIFF_CLASS_AMOUNT | LDIFF_CLASS_NUMBER)) != 0 &&
	    (e->cls & LDIFF_CLASS_WORDING) == 0;
}

void
ld_say_count_edits(const ldiff_unit *u, size_t *words, size_t *values)
{
	size_t i;

	*words = *values = 0;
	for (i = 0; i < u->n_edits; i++) {
		if (!ld_say_edit_told(u, i))
			continue;
		if (ld_say_edit_is_value(&u->edits[i]))
			(*values)++;
		else
			(*words)++;
	}
}

/* A clause with a number of its own ("5.7.3"), told in runs. */
int
ld_say_numbered(const ldiff_clause *c)
{
	return (c->kind == LDIFF_CL_CLAUSE || c->kind == LDIFF_CL_ITEM) &&
	    ld_paper_number(c)[0] != '\0';
}

/* "I punkt 2.4" / "In clause 2.4" */
void
ld_say_in(struct say *s, const ldiff_clause *c)
{
	ld_buf_adds(&s->b, s->sv ? "i " : "in ");
	ld_say_name(s, c);
}

/* "punkt 2.4 (nuvarande 2.3)": c of changed unit u, with its number in
 * the current version when the new one gave it another. */
void
ld_say_name_of(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	const ldiff_clause *o = u->n_old == 1 ? u->old_cl[0] : NULL;

	ld_say_name(s, c);
	if (u->op != LDIFF_OP_CHANGED || o == NULL || u->n_new != 1 ||
	    c != u->new_cl[0] || !ld_say_numbered(o) || !ld_say_numbered(c) ||
	    strcmp(ld_paper_number(o), ld_paper_number(c)) == 0)
		return;
	ld_buf_printf(&s->b, s->sv ? " (nuvarande %s)" : " (currently %s)",
	    ld_paper_number(o));
}

void
ld_say_in_of(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	ld_buf_adds(&s->b, s->sv ? "i " : "in ");
	ld_say_name_of(s, u, c);
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
	[P_BEFORE_FIRST] = { "Introduction", "Inledningen" },
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

/* The first line of version v when it reads as the document's name:
 * before the first heading or its unnumbered first heading, short, no
 * sentence ("Överenskommelse om
 * samverkan ... 2027–2030"); NULL else. */
static const char *
document_name(const ldiff_diff *d, size_t v)
{
	const ldiff_clause *c = ldiff_clauses_get(ldiff_diff_version(d, v), 0);
	size_t n;

	if (c == NULL || c->kind == LDIFF_CL_ROW || strchr(c->text, '\t') !=
	    NULL)
		return NULL;
	/* a paragraph before the first heading, or an unnumbered heading
	 * that opens the document */
	if (c->kind == LDIFF_CL_SECTION ? ld_paper_number(c)[0] != '\0' :
	    c->section[0] != '\0')
		return NULL;
	n = strlen(c->text);
	if (n == 0 || n > 160 || c->text[n - 1] == '.')
		return NULL;
	return c->text;
}

/* Whether s ends with t. */
static int
ends_with(const char *s, const char *t)
{
	size_t n = strlen(s), k = strlen(t);

	return k > 0 && n >= k && strcmp(s + n - k, t) == 0;
}

/* The title of a paper: "Ändringsförteckning – Överenskommelse om ...
 * 2027–2030 jämfört med 2023–2026", the document's first line when it
 * is its name and the versions by their periods, no arrow (a reader's
 * words, not diff notation); the versions' names when they have no
 * period or the same one: "Ändringsförteckning – Avtal om ...
 * (avtal-2027.txt jämfört med avtal-2019.txt)". */
void
ld_paper_title(ld_buf *b, const ldiff_diff *d, size_t pair, int what,
    int sv)
{
	ld_buf o, n;
	int years;
	const char *name = document_name(d, pair + 1);
	const char *cmp = sv ? " jämfört med " : " compared with ";

	ld_buf_init(&o);
	ld_buf_init(&n);
	ld_version_label(&o, ldiff_diff_version_name(d, pair), 1);
	ld_version_label(&n, ldiff_diff_version_name(d, pair + 1), 1);
	/* a draft and the proposal of one period: their names, not
	 * "2027–2030 jämfört med 2027–2030" */
	years = strcmp(ld_buf_str(&o), ld_buf_str(&n)) != 0;
	if (!years) {
		ld_buf_reset(&o);
		ld_buf_reset(&n);
		ld_version_label(&o, ldiff_diff_version_name(d, pair), 0);
		ld_version_label(&n, ldiff_diff_version_name(d, pair + 1), 0);
	}
	ld_buf_adds(b, ld_paper_label(what, sv));
	if (name != NULL && years && ends_with(name, ld_buf_str(&n)))
		ld_buf_printf(b, " \xe2\x80\x93 %s%s%s", name, cmp,
		    ld_buf_str(&o));
	else if (name != NULL)
		ld_buf_printf(b, " \xe2\x80\x93 %s (%s%s%s)", name,
		    ld_buf_str(&n), cmp, ld_buf_str(&o));
	else
		ld_buf_printf(b, ": %s%s%s", ld_buf_str(&n), cmp,
		    ld_buf_str(&o));
	if (o.oom || n.oom)
		b->oom = 1;
	ld_buf_free(&o);
	ld_buf_free(&n);
}
