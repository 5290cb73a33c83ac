/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paper_say_minor.c - the closing group: what changed that is no change
 * of content.
 *
 * The idea: the period shift, renumbering, typography and språkvård are
 * tallied over the whole pair while it is walked and told once at the end
 * ("Avtalsperioden ändras från 2023–2026 till 2027–2030 (22 ställen).",
 * "Punkterna i avsnitt 4, 6–10 och 12 numreras om."), so the list of
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
		p = ld_say_trimmed(m->range->old_text, &n);
		ld_buf_add(&s->b, p, n);
		ld_buf_adds(&s->b, s->sv ? " till " : " to ");
		p = ld_say_trimmed(m->range->new_text, &n);
		ld_buf_add(&s->b, p, n);
		ld_buf_adds(&s->b, " (");
	} else
		ld_buf_adds(&s->b, s->sv ? "årtalen för avtalsperioden ändras ("
		    : "the years of the agreement period are changed (");
	ld_say_counted(&s->b, m->period, s->sv, s->sv ? "ställe" : "place",
	    s->sv ? "ställen" : "places", 1);
	ld_buf_addc(&s->b, ')');
	ld_say_end(s, g);
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
			ld_say_joiner(&s->b, i++, items, s->sv);
			ld_buf_printf(&s->b, "%zu" ENDASH "%zu", k, end);
			continue;
		}
		for (j = k; j <= end; j++) {
			ld_say_joiner(&s->b, i++, items, s->sv);
			ld_buf_printf(&s->b, "%zu", j);
		}
	}
	ld_buf_adds(&s->b, s->sv ? " numreras om" : " are renumbered");
	ld_say_end(s, g);
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
	ld_buf_printf(&s->b, s->sv ? " har %s ändringar gjorts" :
	    ", %s changes are made", s->sv ? what_sv : what_en);
	ld_say_end(s, g);
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
void
ld_say_minor(struct say *s, struct minor *m)
{
	ld_pgroup *g = ld_say_group(s, ld_paper_label(P_GENERAL, s->sv));
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
	s->out->minor = r.oom ? NULL : ld_say_dup(ld_buf_str(&r));
	ld_buf_free(&r);
}
