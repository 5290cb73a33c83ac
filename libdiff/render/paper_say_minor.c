/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_say_minor.c - the closing group: what changed that is no change
 * of content.
 *
 * The idea: the period shift, renumbering, typography and språkvård are
 * tallied over the whole pair while it is walked and told once at the end
 * ("Avtalsperioden ändras från 2023–2026 till 2027–2030.  Årtal ändras i
 * takt med avtalsperioden på 22 ställen: i inledningen (...), ...",
 * "Sju punkter får nya nummer: 4.5 blir 4.6, ..."), so the list of
 * changes of content is not drowned in them; the same sentences make the
 * closing row of the parallel layout.
 */
#include <stdlib.h>
#include <string.h>

#include "render/paper_say.h"


static int
is_year_range(const char *t)
{
	size_t n;
	const char *p = ld_say_trimmed(t, &n);
	size_t k;

	if (n != 9 && n != 11)
		return 0;
	for (k = 0; k < 4; k++)
		if (p[k] < '0' || p[k] > '9' || p[n - 4 + k] < '0' ||
		    p[n - 4 + k] > '9')
			return 0;
	return n == 9 ? p[4] == '-' : strncmp(p + 4, ENDASH, 3) == 0;
}

/* s without the white space at its ends: a rewrite keeps its full stop
 * ("bl.a."), which a quotation of wording would trim. */
static const char *
space_trimmed(const char *s, size_t *len)
{
	size_t n = strlen(s);

	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n'))
		n--;
	*len = n;
	return s;
}

/* The LANGUAGE edits of u counted by what they rewrite. */
static void
tally_rewrites(struct minor *m, const ldiff_unit *u)
{
	size_t i, k, ol, nl;
	const char *o, *n;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (e->op == LDIFF_EDIT_EQUAL || !(e->cls & LDIFF_CLASS_LANGUAGE))
			continue;
		o = space_trimmed(e->old_text, &ol);
		n = space_trimmed(e->new_text, &nl);
		if (ol == 0 && nl == 0)
			continue;
		for (k = 0; k < m->nrw; k++)
			if (m->rw[k].olen == ol && m->rw[k].nlen == nl &&
			    memcmp(m->rw[k].o, o, ol) == 0 &&
			    memcmp(m->rw[k].n, n, nl) == 0)
				break;
		if (k == m->nrw && m->nrw == m->caprw) {
			size_t cap = m->caprw ? m->caprw * 2 : 16;
			struct rewrite *r = ld_reallocarray(m->rw, cap,
			    sizeof *r);

			if (r == NULL) {
				m->oom = 1;
				return;
			}
			m->rw = r;
			m->caprw = cap;
		}
		if (k == m->nrw) {
			m->rw[k].o = o, m->rw[k].olen = ol;
			m->rw[k].n = n, m->rw[k].nlen = nl;
			m->rw[k].count = 0;
			m->nrw++;
		}
		m->rw[k].count++;
	}
}

void
ld_say_tally_minor(struct minor *m, const ldiff_unit *u)
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
		if (ld_ptrs_push(&m->ped, (void *)e) != 0 ||
		    ld_ptrs_push(&m->pcl, (void *)(c == NULL ? u->old_cl[0] :
		    u->n_new > 1 ? u->new_cl[ld_say_edit_clause(u, i)] : c)) != 0)
			m->oom = 1;
	}
	if (c != NULL && (u->cls & LDIFF_CLASS_LANGUAGE)) {
		ld_ptrs_push(&m->lang, (void *)c);
		tally_rewrites(m, u);
	}
	if (c == NULL || ld_paper_is_row(u))
		return;
	if (u->cls & LDIFF_CLASS_RENUMBER) {
		long top = strtol(c->id, NULL, 10);

		if (top > 0 && top < (long)sizeof m->top)
			m->top[top] = 1;
		if (ld_ptrs_push(&m->ren, (void *)u) != 0)
			m->oom = 1;
	}
	if (u->cls & LDIFF_CLASS_TYPOGRAPHY)
		ld_ptrs_push(&m->typo, (void *)c);
}

/* The place of a period edit in clause c: its number, or the section of
 * an unnumbered paragraph ("" before the first heading). */
static const char *
period_place(const ldiff_clause *c)
{
	return ld_say_numbered(c) ? ld_paper_number(c) : c->section;
}

/* Whether edits [a, a + n) and [b, b + n) of the period change the same
 * years, one by one. */
static int
same_years(const struct minor *m, size_t a, size_t b, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		const ldiff_edit *x = m->ped.v[a + k], *y = m->ped.v[b + k];

		if (strcmp(x->old_text, y->old_text) != 0 ||
		    strcmp(x->new_text, y->new_text) != 0)
			return 0;
	}
	return 1;
}

/* "från 2024 till 2028", the distinct years of edits [a, a + n). */
static void
put_years(struct say *s, const struct minor *m, size_t a, size_t n)
{
	size_t k, j, len, items = 0, item = 0;
	const char *p;

	for (k = a; k < a + n; k++) {
		for (j = a; j < k && !same_years(m, j, k, 1); j++)
			;
		items += j == k;
	}
	for (k = a; k < a + n; k++) {
		const ldiff_edit *e = m->ped.v[k];

		for (j = a; j < k && !same_years(m, j, k, 1); j++)
			;
		if (j < k)
			continue;
		ld_say_joiner(&s->b, item++, items, s->sv);
		ld_buf_adds(&s->b, s->sv ? "från " : "from ");
		p = ld_say_trimmed(e->old_text, &len);
		ld_buf_add(&s->b, p, len);
		ld_buf_adds(&s->b, s->sv ? " till " : " to ");
		p = ld_say_trimmed(e->new_text, &len);
		ld_buf_add(&s->b, p, len);
	}
}

/* One place of the period's years: "i punkterna 2.2 och 2.6 (från
 * 2019–2022 till 2023–2026)", "i inledningen (...)", "under rubriken
 * Underskrifter (16 ställen, från 2022 till 2026)".  Edits [a, a + n)
 * in places clauses (numbered ones of the same years, next to each
 * other). */
static void
put_period_place(struct say *s, const struct minor *m, size_t a, size_t n,
    size_t places)
{
	const ldiff_clause *c = m->pcl.v[a];
	size_t k, per = n / places;

	if (ld_say_numbered(c)) {
		ld_buf_adds(&s->b, s->sv ? (places > 1 ? "i punkterna " :
		    "i punkt ") : (places > 1 ? "in clauses " : "in clause "));
		for (k = 0; k < places; k++) {
			ld_say_joiner(&s->b, k, places, s->sv);
			ld_buf_adds(&s->b, ld_paper_number(m->pcl.v[a + k * per]));
		}
	} else if (c->section[0] == '\0')
		ld_buf_adds(&s->b, s->sv ? "i inledningen" :
		    "in the introduction");
	else {
		ld_buf_adds(&s->b, s->sv ? "under rubriken " :
		    "under the heading ");
		ld_say_section_heading(s, &s->b, c->section);
	}
	ld_buf_adds(&s->b, " (");
	if (!ld_say_numbered(c) && n > 1) {
		ld_say_counted(&s->b, n, s->sv, s->sv ? "ställe" : "place",
		    s->sv ? "ställen" : "places", 1);
		ld_buf_adds(&s->b, ", ");
	}
	put_years(s, m, a, per);
	ld_buf_addc(&s->b, ')');
}

/* The edits of the place starting at edit a: how many. */
static size_t
place_edits(const struct minor *m, size_t a)
{
	const char *p = period_place(m->pcl.v[a]);
	size_t k;

	for (k = a + 1; k < m->ped.n; k++)
		if (strcmp(period_place(m->pcl.v[k]), p) != 0 ||
		    ld_say_numbered(m->pcl.v[k]) != ld_say_numbered(m->pcl.v[a]))
			break;
	return k - a;
}

/* Places from edit a of the same years, numbered clauses next to each
 * other: how many places, *n their edits. */
static size_t
same_places(const struct minor *m, size_t a, size_t *n)
{
	size_t per = place_edits(m, a), places = 1, b = a + per;

	while (ld_say_numbered(m->pcl.v[a]) && b < m->ped.n &&
	    ld_say_numbered(m->pcl.v[b]) && place_edits(m, b) == per &&
	    same_years(m, a, b, per)) {
		places++;
		b += per;
	}
	*n = b - a;
	return places;
}

/* "Avtalsperioden ändras från 2023–2026 till 2027–2030.  Årtal ändras i
 * takt med avtalsperioden på 22 ställen: i inledningen (...), i punkterna
 * 2.2 och 2.6 (...) ...": the period shift, and every place it moves a
 * year, so that a reader neither takes the count for the places of the
 * period nor misses a year moved in a clause (7.3, 9.3). */
static void
say_period(struct say *s, const struct minor *m, ld_pgroup *g)
{
	size_t n, a, items = 0, item = 0;
	const char *p;

	if (m->period == 0 || (s->hide & LDIFF_HIDE_PERIOD))
		return;
	if (m->range != NULL) {
		ld_buf_adds(&s->b, s->sv ? "avtalsperioden ändras från " :
		    "the agreement period is changed from ");
		p = ld_say_trimmed(m->range->old_text, &n);
		ld_buf_add(&s->b, p, n);
		ld_buf_adds(&s->b, s->sv ? " till " : " to ");
		p = ld_say_trimmed(m->range->new_text, &n);
		ld_buf_add(&s->b, p, n);
		ld_say_end(s, g);
	}
	ld_buf_adds(&s->b, s->sv ? "årtal ändras i takt med avtalsperioden "
	    "på " : "years are changed in step with the agreement period in ");
	ld_say_counted(&s->b, m->period, s->sv, s->sv ? "ställe" : "place",
	    s->sv ? "ställen" : "places", 1);
	ld_buf_adds(&s->b, ": ");
	for (a = 0; a < m->ped.n; a += n, items++)
		same_places(m, a, &n);
	for (a = 0; a < m->ped.n; a += n) {
		size_t places = same_places(m, a, &n);

		ld_say_joiner(&s->b, item++, items, s->sv);
		put_period_place(s, m, a, n, places);
	}
	ld_say_end(s, g);
}

/* The renumbered clauses named one by one up to this many; more are
 * counted by section. */
#define MAX_RENUMBERED_NAMED 12

/* "Sju punkter får nya nummer: 4.5 blir 4.6, ... och 8.5.3 blir 8.5.2." */
static int
say_renumbered_list(struct say *s, const struct minor *m, ld_pgroup *g)
{
	size_t i;

	for (i = 0; i < m->ren.n; i++) {
		const ldiff_unit *u = m->ren.v[i];

		if (u->n_old != 1 || u->n_new != 1 ||
		    ld_paper_number(u->old_cl[0])[0] == '\0' ||
		    ld_paper_number(u->new_cl[0])[0] == '\0')
			return 0;
	}
	if (m->ren.n == 0 || m->ren.n > MAX_RENUMBERED_NAMED)
		return 0;
	ld_say_counted(&s->b, m->ren.n, s->sv, s->sv ? "punkt" : "clause",
	    s->sv ? "punkter" : "clauses", 0);
	ld_buf_adds(&s->b, s->sv ? (m->ren.n > 1 ? " får nya nummer: " :
	    " får nytt nummer: ") : m->ren.n > 1 ? " are renumbered: " :
	    " is renumbered: ");
	for (i = 0; i < m->ren.n; i++) {
		const ldiff_unit *u = m->ren.v[i];

		ld_say_joiner(&s->b, i, m->ren.n, s->sv);
		ld_buf_printf(&s->b, s->sv ? "%s blir %s" : "%s becomes %s",
		    ld_paper_number(u->old_cl[0]), ld_paper_number(u->new_cl[0]));
	}
	ld_say_end(s, g);
	return 1;
}

/* "Sju punkter får nya nummer: 4.5 blir 4.6, ...", or for many "40
 * punkter i avsnitten 4, 6–10 och 12 får nya nummer.": three or more
 * sections in a row as a range, each item once. */
static void
say_renumbered(struct say *s, const struct minor *m, ld_pgroup *g)
{
	size_t k, end, items = 0, i = 0;

	if (s->hide & LDIFF_HIDE_RENUMBER)
		return;
	if (say_renumbered_list(s, m, g))
		return;
	for (k = 1; k < sizeof m->top; k = end + 1) {
		for (end = k; m->top[k] && end + 1 < sizeof m->top &&
		    m->top[end + 1]; end++)
			;
		items += !m->top[k] ? 0 : end >= k + 2 ? 1 : end - k + 1;
	}
	if (items == 0)
		return;
	ld_say_counted(&s->b, m->ren.n, s->sv, s->sv ? "punkt" : "clause",
	    s->sv ? "punkter" : "clauses", 0);
	ld_buf_adds(&s->b, s->sv ? (items > 1 ? " i avsnitten " :
	    " i avsnitt ") : items > 1 ? " of sections " : " of section ");
	for (k = 1; k < sizeof m->top; k = end + 1) {
		size_t j;

		for (end = k; m->top[k] && end + 1 < sizeof m->top &&
		    m->top[end + 1]; end++)
			;
		if (!m->top[k])
			continue;
		if (end >= k + 2) {
			ld_say_joiner(&s->b, i++, items, s->sv);
			ld_buf_printf(&s->b, "%zu" ENDASH "%zu", k, end);
			continue;
		}
		for (j = k; j <= end; j++) {
			ld_say_joiner(&s->b, i++, items, s->sv);
			ld_buf_printf(&s->b, "%zu", j);
		}
	}
	ld_buf_adds(&s->b, s->sv ? (m->ren.n > 1 ? " får nya nummer" :
	    " får nytt nummer") : m->ren.n > 1 ? " are renumbered" :
	    " is renumbered");
	ld_say_end(s, g);
}

/* "i punkterna 4.2, 5.5.2 och 5.6.3", "i tredje stycket": where. */
static void
put_places(struct say *s, const ld_ptrs *cl)
{
	size_t i;
	int all_numbered = 1;

	for (i = 0; i < cl->n; i++)
		all_numbered &= ld_say_numbered(cl->v[i]);
	if (all_numbered && cl->n > 1)
		ld_buf_adds(&s->b, s->sv ? "i punkterna " : "in clauses ");
	else
		ld_buf_adds(&s->b, s->sv ? "i " : "in ");
	for (i = 0; i < cl->n; i++) {
		const ldiff_clause *c = cl->v[i];

		ld_say_joiner(&s->b, i, cl->n, s->sv);
		if (all_numbered && cl->n > 1)
			ld_buf_adds(&s->b, c->id);
		else
			ld_say_name(s, c);
	}
}

/* "I punkterna 4.2, 5.5.2 och 5.6.3 görs typografiska ändringar." */
static void
say_clauses_changed(struct say *s, const ld_ptrs *cl, ld_pgroup *g)
{
	put_places(s, cl);
	ld_buf_adds(&s->b, s->sv ? " görs typografiska ändringar" :
	    ", typographical changes are made");
	ld_say_end(s, g);
}

static void
put_text(struct say *s, const char *t, size_t n)
{
	ld_buf_adds(&s->b, QO(s->sv));
	for (; n > 0; t++, n--)
		ld_buf_addc(&s->b, *t == '\t' || *t == '\n' ? ' ' : *t);
	ld_buf_adds(&s->b, QC(s->sv));
}

/* 0 a replacement, 1 words struck, 2 words added: the order told. */
static int
rewrite_kind(const struct rewrite *r)
{
	return r->olen > 0 && r->nlen > 0 ? 0 : r->olen > 0 ? 1 : 2;
}

/* The rewrites in the order they are told: replacements, then words
 * struck, then words added, each the most frequent first, else in the
 * order of the agreement.  Returns an ld_malloc'd array of indexes. */
static size_t *
rewrite_order(const struct minor *m)
{
	size_t *ix = ld_reallocarray(NULL, m->nrw + 1, sizeof *ix);
	size_t i, k, t;

	if (ix == NULL)
		return NULL;
	for (i = 0; i < m->nrw; i++) {	/* insertion sort: stable */
		const struct rewrite *r = &m->rw[i];

		for (k = i; k > 0; k--) {
			const struct rewrite *p = &m->rw[ix[k - 1]];

			if (rewrite_kind(p) < rewrite_kind(r) ||
			    (rewrite_kind(p) == rewrite_kind(r) &&
			    p->count >= r->count))
				break;
		}
		for (t = i; t > k; t--)
			ix[t] = ix[t - 1];
		ix[k] = i;
	}
	return ix;
}

/* One rewrite of the list: "”skall” ersätts med ”ska” (tre ställen)",
 * after the first replacement only "”ej” med ”inte”". */
static void
put_rewrite(struct say *s, const struct rewrite *r, int first_repl)
{
	int kind = rewrite_kind(r);

	put_text(s, kind == 2 ? r->n : r->o, kind == 2 ? r->nlen : r->olen);
	if (kind == 0) {
		ld_buf_adds(&s->b, first_repl ? (s->sv ? " ersätts med " :
		    " is replaced by ") : (s->sv ? " med " : " by "));
		put_text(s, r->n, r->nlen);
	} else if (s->sv)
		ld_buf_adds(&s->b, kind == 1 ? " stryks" : " läggs till");
	else
		ld_buf_printf(&s->b, " %s", kind == 1 ? "is struck out" :
		    "is added");
	if (r->count > 1) {
		ld_buf_adds(&s->b, " (");
		ld_say_counted(&s->b, r->count, s->sv, s->sv ? "ställe" :
		    "place", s->sv ? "ställen" : "places", 1);
		ld_buf_addc(&s->b, ')');
	}
}

/* "Språkliga ändringar görs i punkterna 1.1, 2.1 och 4.3: ”skall”
 * ersätts med ”ska” (tre ställen), ”bl.a.” med ”bland annat” och ”(3)”
 * stryks."  Every LANGUAGE edit of the pair, rows of the layout
 * included, each rewrite named: their rewrites are no change of content,
 * so they are told here and never quoted as wording; the sentence says
 * what is rewritten, not that it is better (PAPERS.md: no judgement). */
static void
say_language(struct say *s, const struct minor *m, ld_pgroup *g)
{
	size_t *ix, i;
	int repl = 1;

	if (m->nrw == 0 || (s->hide & LDIFF_HIDE_LANGUAGE))
		return;
	if ((ix = rewrite_order(m)) == NULL) {
		s->out->oom = 1;
		return;
	}
	ld_buf_adds(&s->b, s->sv ? "språkliga ändringar görs " :
	    "language changes are made ");
	put_places(s, &m->lang);
	ld_buf_adds(&s->b, ": ");
	for (i = 0; i < m->nrw; i++) {
		ld_say_joiner(&s->b, i, m->nrw, s->sv);
		put_rewrite(s, &m->rw[ix[i]], repl);
		repl &= rewrite_kind(&m->rw[ix[i]]) != 0;
	}
	ld_free(ix);
	ld_say_end(s, g);
}

static void
say_typography(struct say *s, const struct minor *m, ld_pgroup *g)
{
	say_language(s, m, g);
	if (m->typo.n > 0 && !(s->hide & LDIFF_HIDE_TYPOGRAPHY))
		say_clauses_changed(s, &m->typo, g);
}

void
ld_say_minor_free(struct minor *m)
{
	ld_ptrs_free(&m->typo);
	ld_ptrs_free(&m->lang);
	ld_ptrs_free(&m->ped);
	ld_ptrs_free(&m->pcl);
	ld_ptrs_free(&m->ren);
	ld_free(m->rw);
	memset(m, 0, sizeof *m);
}

/* The general group, and the same sentences as one remark for the
 * closing row of the parallel layout. */
void
ld_say_minor(struct say *s, struct minor *m)
{
	ld_pgroup *g = ld_say_group(s, ld_paper_label(P_GENERAL, s->sv));
	ld_buf r;
	size_t i;

	if (g == NULL || m->oom) {
		s->out->oom = 1;
		return;
	}
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
	s->out->minor = r.oom ? NULL : ld_say_dup(ld_buf_str(&r));
	ld_buf_free(&r);
}
