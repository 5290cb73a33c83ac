/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_say_values.c - the sentences of changed numbers and amounts.
 *
 * The idea: a value is told by its values, never by its words: "I punkt
 * 7.5 höjs beloppet med 250 000 kr från 1 250 000 kr till 1 500 000 kr.";
 * a number that is neither amount nor rate is quoted as the text writes
 * it, with the word after it (”275 000 invånare”, ”tre gånger”), since
 * what it counts the comparison does not know; two rates the text joins
 * ("40 respektive 60 procent") are one sentence.  The changed amounts of
 * one table are gathered: the rows raised in one sentence, the rows
 * lowered in another, each with the change and the new amount, named by
 * their first cell (in the genitive when one row stands alone: "Sorsele
 * kommuns bidrag sänks med 5 000 kr till 55 000 kr"), with the noun of
 * the column's header ("Årligt bidrag (kronor)" -> bidragen); a sum row
 * gets a sentence of its own, after the rows that came or went.
 */
#include <stdlib.h>
#include <string.h>

#include "render/paper_say.h"
#include "sv/sv.h"

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

/* The word after a number in the text: the equal text after edit i, its
 * first word when it is one of letters ("invånare", "gånger"). */
static const char *
word_after(const ldiff_unit *u, size_t i, size_t *len)
{
	const char *t, *w;

	*len = 0;
	if (i + 1 >= u->n_edits || u->edits[i + 1].op != LDIFF_EDIT_EQUAL)
		return NULL;
	t = u->edits[i + 1].new_text;
	if (*t != ' ')
		return NULL;
	for (w = ++t; *t != '\0' && *t != ' ' && *t != ',' && *t != '.' &&
	    *t != ';' && *t != ':' && *t != ')'; t++)
		if ((unsigned char)*t < 0x80 && !(*t >= 'a' && *t <= 'z') &&
		    !(*t >= 'A' && *t <= 'Z') && *t != '-')
			return NULL;
	*len = (size_t)(t - w);
	return *len > 0 ? w : NULL;
}

/* ”275 000 invånare”, ”tre gånger”: a number as the text writes it, with
 * the word after it, quoted; what it counts the diff does not know. */
static void
put_number_text(struct say *s, const ldiff_unit *u, size_t i, int old)
{
	const ldiff_edit *e = &u->edits[i];
	size_t n, wl;
	const char *p = ld_say_trimmed(old ? e->old_text : e->new_text, &n);
	const char *w = word_after(u, i, &wl);

	ld_buf_adds(&s->b, QO(s->sv));
	ld_buf_add(&s->b, p, n);
	if (w != NULL) {
		ld_buf_addc(&s->b, ' ');
		ld_buf_add(&s->b, w, wl);
	}
	ld_buf_adds(&s->b, QC(s->sv));
}

/* The next value edit after i joined to it by one word ("40 respektive
 * 60 procent"), or 0; *joiner the word as the new text has it. */
static size_t
joined_value(const ldiff_unit *u, size_t i, const char **joiner,
    size_t *jlen)
{
	static const char *const w[] = { "respektive", "resp.", "och" };
	size_t j, k, n;
	const char *t;

	*joiner = NULL;
	for (j = i + 1; j < u->n_edits && !u->edits[j].has_values; j++) {
		t = ld_say_trimmed(u->edits[j].new_text, &n);
		if (n == 0)
			continue;
		for (k = 0; k < sizeof w / sizeof w[0]; k++)
			if (strlen(w[k]) == n + (k == 1) &&
			    strncmp(t, w[k], n) == 0)
				break;
		if (*joiner != NULL || k == sizeof w / sizeof w[0])
			return 0;
		*joiner = k < 2 ? "respektive" : "och";
		*jlen = strlen(*joiner);
	}
	if (*joiner == NULL || j >= u->n_edits || !ld_say_edit_is_value(
	    &u->edits[j]) || !ld_say_edit_told(u, j))
		return 0;
	return j;
}

/* "höjs procentsatsen med 0,5 procentenheter från 2,5 % till 3 %",
 * "höjs beloppet med 250 000 kr från 1 250 000 kr till 1 500 000 kr",
 * "ändras ”275 000 invånare” till ”278 000 invånare”". */
static void
put_value_phrase(struct say *s, const ldiff_unit *u, size_t i)
{
	const ldiff_edit *e = &u->edits[i];
	int sek = (e->cls & LDIFF_CLASS_AMOUNT) != 0;
	int pct = !sek && ld_edit_is_percent(u, i);
	double d = e->new_value - e->old_value;
	int dir = (d > 0) - (d < 0);

	if (!sek && !pct) {
		ld_buf_adds(&s->b, s->sv ? "ändras " : "is changed from ");
		put_number_text(s, u, i, 1);
		ld_buf_adds(&s->b, s->sv ? " till " : " to ");
		put_number_text(s, u, i, 0);
		return;
	}
	if (s->sv)
		ld_buf_printf(&s->b, "%s %s med ", dir > 0 ? "höjs" : dir < 0 ?
		    "sänks" : "ändras", sek ? "beloppet" : "procentsatsen");
	else
		ld_buf_printf(&s->b, "the %s is %s by ", sek ? "amount" : "rate",
		    dir > 0 ? "raised" : dir < 0 ? "lowered" : "changed");
	ld_say_value(&s->b, d < 0 ? -d : d, sek, s->sv);
	if (pct)
		ld_buf_adds(&s->b, s->sv ? " procentenheter" :
		    " percentage points");
	ld_buf_adds(&s->b, s->sv ? " från " : " from ");
	ld_say_value(&s->b, e->old_value, sek, s->sv);
	ld_buf_adds(&s->b, !pct ? "" : s->sv ? " %" : "%");
	ld_buf_adds(&s->b, s->sv ? " till " : " to ");
	ld_say_value(&s->b, e->new_value, sek, s->sv);
	ld_buf_adds(&s->b, !pct ? "" : s->sv ? " %" : "%");
}

/* "ändras procentsatserna från 40 respektive 60 procent till 45
 * respektive 55 procent": two rates the text joins, in one sentence. */
static void
put_joined_phrase(struct say *s, const ldiff_unit *u, size_t i, size_t j,
    const char *joiner)
{
	const ldiff_edit *a = &u->edits[i], *b = &u->edits[j];
	int pct = ld_edit_is_percent(u, i) && ld_edit_is_percent(u, j);
	int sek = (a->cls & b->cls & LDIFF_CLASS_AMOUNT) != 0;
	const char *unit = sek ? "" : pct ? (s->sv ? " procent" :
	    " per cent") : "";
	const char *jw = s->sv ? joiner : strcmp(joiner, "och") == 0 ?
	    "and" : "and";

	ld_buf_adds(&s->b, s->sv ? (pct ? "ändras procentsatserna från " :
	    sek ? "ändras beloppen från " : "ändras talen från ") :
	    pct ? "the rates are changed from " : sek ?
	    "the amounts are changed from " : "the numbers are changed from ");
	ld_say_value(&s->b, a->old_value, sek, s->sv);
	ld_buf_printf(&s->b, " %s ", jw);
	ld_say_value(&s->b, b->old_value, sek, s->sv);
	ld_buf_adds(&s->b, unit);
	ld_buf_adds(&s->b, s->sv ? " till " : " to ");
	ld_say_value(&s->b, a->new_value, sek, s->sv);
	ld_buf_printf(&s->b, " %s ", jw);
	ld_say_value(&s->b, b->new_value, sek, s->sv);
	ld_buf_adds(&s->b, unit);
}

/* The values of u, one sentence each, two joined ones in one. */
void
ld_say_values(struct say *s, const ldiff_unit *u, const ldiff_clause *c)
{
	size_t i, j, jl;
	const char *joiner;

	for (i = 0; i < u->n_edits; i++) {
		if (!ld_say_edit_told(u, i) || !ld_say_edit_is_value(&u->edits[i]))
			continue;
		/* a split: the clause the value is in now, not the first */
		ld_say_in_of(s, u, u->n_new > 1 ?
		    u->new_cl[ld_say_edit_clause(u, i)] : c);
		ld_buf_adds(&s->b, s->sv ? " " : ", ");
		j = joined_value(u, i, &joiner, &jl);
		if (j > 0) {
			put_joined_phrase(s, u, i, j, joiner);
			i = j;
		} else
			put_value_phrase(s, u, i);
		ld_say_end(s, s->g);
	}
}

/* ---- amounts of a table ----------------------------------------------------- */

/* "Summa", "Totalt": a row that adds up the others. */
int
ld_say_is_sum_row(const char *name)
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

/* The first amount edit of a row, or n_edits. */
size_t
ld_say_amount_edit(const ldiff_unit *u)
{
	size_t i;

	for (i = 0; i < u->n_edits; i++)
		if ((u->edits[i].cls & LDIFF_CLASS_AMOUNT) &&
		    u->edits[i].has_values)
			return i;
	return u->n_edits;
}

/* The cell (0, 1 ...) where edit i of a row starts: the edits spell the
 * new text whole, so its place is the length of those before it. */
static size_t
edit_column(const ldiff_unit *u, size_t i)
{
	size_t k, off = 0;

	for (k = 0; k < i; k++)
		off += strlen(u->edits[k].new_text);
	return ld_row_cell_at(u->new_cl[0], off);
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

void
ld_say_amounts_add(struct say *s, struct amounts *am, const ldiff_unit *u)
{
	const ldiff_clause *c = u->new_cl[0];
	const ldiff_edit *e = &u->edits[ld_say_amount_edit(u)];
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
	am->col = edit_column(u, ld_say_amount_edit(u));
}

/* The header row of the table that row belongs to: the first of the rows
 * that stand together with it in version v. */
static const ldiff_clause *
header_row_in(const struct say *s, const ldiff_clause *row, size_t v)
{
	const ldiff_clauses *cs = ldiff_diff_version(s->d, v);
	const ldiff_clause *first = ldiff_clauses_get(cs, 0);
	size_t n = ldiff_clauses_count(cs), i;

	if (first == NULL || row < first || row >= first + n)
		return NULL;
	i = (size_t)(row - first);
	while (i > 0 && first[i - 1].kind == LDIFF_CL_ROW)
		i--;
	return &first[i];
}

static const ldiff_clause *
header_row(const struct say *s, const ldiff_clause *row)
{
	return header_row_in(s, row, s->pair + 1);
}

/* The numbered clause right before the table of row in version v (new
 * = 1: the new version), the one that introduces it, or NULL. */
const ldiff_clause *
ld_say_table_clause(const struct say *s, const ldiff_clause *row, int new)
{
	size_t v = s->pair + (new ? 1 : 0);
	const ldiff_clause *h = header_row_in(s, row, v);
	const ldiff_clause *first = ldiff_clauses_get(ldiff_diff_version(s->d,
	    v), 0);

	if (h == NULL || h == first || !ld_say_numbered(h - 1))
		return NULL;
	return h - 1;
}

/* The noun of the amounts, from the header cell of their column
 * ("Årligt bidrag (kronor)" -> bidrag), when Swedish knows its forms. */
static const ld_sv_noun *
amount_noun(const struct say *s, const struct amounts *am)
{
	const ldiff_clause *h = header_row(s, am->row);
	const char *p, *end, *w;

	if (h == NULL || am->col >= h->n_cells)
		return ld_sv_noun_lookup("belopp", 6);
	p = h->text + h->cells[am->col].off;
	end = p;
	while (end < p + h->cells[am->col].len && *end != '(')
		end++;
	while (end > p && end[-1] == ' ')
		end--;
	for (w = end; w > p && w[-1] != ' '; w--)
		;
	if (ld_sv_noun_lookup(w, (size_t)(end - w)) != NULL)
		return ld_sv_noun_lookup(w, (size_t)(end - w));
	return ld_sv_noun_lookup("belopp", 6);
}

/* "med 250 000 kr till 2 150 000 kr" */
static void
put_by_to(struct say *s, const struct amount *a)
{
	ld_buf_adds(&s->b, s->sv ? "med " : "by ");
	ld_say_value(&s->b, a->new_v > a->old_v ? a->new_v - a->old_v :
	    a->old_v - a->new_v, 1, s->sv);
	ld_buf_adds(&s->b, s->sv ? " till " : " to ");
	ld_say_value(&s->b, a->new_v, 1, s->sv);
}

/* "Bidragen höjs för A med x till y, för B med ..." or "A:s bidrag höjs
 * med x till y": the change and the new amount of each row. */
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
				ld_buf_printf(&s->b, " %s %s ", nn->sv,
				    up ? "höjs" : "sänks");
			} else
				ld_buf_printf(&s->b, "the %s of %s is %s ",
				    nn->en, a->name, up ? "raised" :
				    "lowered");
			put_by_to(s, a);
			return;
		}
		if (k == 0)
			ld_buf_printf(&s->b, s->sv ? "%s %s " :
			    "the %s are %s ", s->sv ? nn->sv_def_pl :
			    nn->en_pl, s->sv ? (up ? "höjs" : "sänks") :
			    (up ? "raised" : "lowered"));
		ld_say_joiner(&s->b, k++, n, s->sv);
		ld_buf_printf(&s->b, s->sv ? "för %s " : "for %s ", a->name);
		put_by_to(s, a);
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

/* The changed amounts of one table: the parts up in one sentence, then
 * down in one. */
void
ld_say_amounts(struct say *s, struct amounts *am, struct amounts *sums)
{
	const ld_sv_noun *nn;
	size_t up, down;

	if (am->n == 0 && sums->n == 0)
		return;
	nn = amount_noun(s, am->n > 0 ? am : sums);
	up = count_direction(am, 1);
	down = count_direction(am, 0);
	if (up > 0) {
		put_direction(s, am, nn, 1);
		ld_say_end(s, s->g);
	}
	if (down > 0) {
		put_direction(s, am, nn, 0);
		ld_say_end(s, s->g);
	}
}

/* The sum rows of the table, a sentence each, after its other changes;
 * both tallies emptied. */
void
ld_say_sums(struct say *s, struct amounts *am, struct amounts *sums)
{
	size_t i;

	for (i = 0; i < sums->n; i++) {
		const struct amount *a = &sums->a[i];
		double d = a->new_v - a->old_v;

		if (s->sv)
			ld_buf_printf(&s->b, "%s %s ", strcmp(a->name,
			    "Summa") == 0 ? "summan" : a->name, d > 0 ?
			    "höjs" : d < 0 ? "sänks" : "ändras");
		else
			ld_buf_printf(&s->b, "the %s is %s ", strcmp(
			    a->name, "Summa") == 0 ? "total" : a->name, d > 0 ?
			    "raised" : d < 0 ? "lowered" : "changed");
		put_by_to(s, a);
		ld_say_end(s, s->g);
	}
	amounts_free(am);
	amounts_free(sums);
}

/* A changed row whose change is its amount; a row moved within its
 * table too: the move is layout, the amount is told with the others. */
int
ld_say_amount_row(const ldiff_unit *u)
{
	return (u->op == LDIFF_OP_CHANGED || (u->op == LDIFF_OP_MOVED &&
	    u->n_old == 1 && strcmp(u->old_cl[0]->section,
	    u->new_cl[0]->section) == 0)) && u->n_new == 1 &&
	    u->new_cl[0]->kind == LDIFF_CL_ROW && ld_say_amount_edit(u) < u->n_edits;
}
