/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_common.c - what the HTML and DOCX renderers share about units.
 *
 * A moved clause appears once among the units, at its new place.  A reader
 * of a redline or a review page also wants to see where it came from, so
 * ld_moved_slots() finds, for each moved unit, the unit after which the
 * clause used to stand: the nearest earlier clause of the old version that
 * did not move itself.  One pass over the old version's clauses, so linear.
 * ld_moves_by_place() sorts the moved units by that place, so a renderer
 * walking the units meets them with a cursor instead of a search per
 * unit (a document where everything moved stays n log n).
 *
 * ld_version_label() names a version for headings: the year range of its
 * file name ("samverkan-2019-2022.docx" -> "2019–2022"), else the base
 * name (the caller asks for that when two versions share a range:
 * a draft and the final text of one period).
 *
 * ldiff_render_opts_init() is here because every renderer takes the
 * options, and none of them should have to link another to get them.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

const char *
ld_unit_section(const ldiff_unit *u)
{
	if (u->n_new > 0)
		return u->new_cl[0]->section;
	if (u->n_old > 0)
		return u->old_cl[0]->section;
	return "";
}

/* Index of c in its clause set, or (size_t)-1 when it is not in it. */
static size_t
clause_index(const ldiff_clauses *cs, const ldiff_clause *c)
{
	size_t n = cs != NULL ? ldiff_clauses_count(cs) : 0;
	const ldiff_clause *first = n > 0 ? ldiff_clauses_get(cs, 0) : NULL;

	if (first == NULL || c < first || c >= first + n)
		return (size_t)-1;
	return (size_t)(c - first);
}

int
ld_moved_slots(const ldiff_diff *d, size_t pair, size_t *slot)
{
	const ldiff_clauses *cs = ldiff_diff_version(d, pair);
	size_t nc = cs != NULL ? ldiff_clauses_count(cs) : 0;
	size_t n = ldiff_diff_count(d), i, k, last = LD_SLOT_TOP;
	size_t *owner = ld_reallocarray(NULL, nc + 1, sizeof *owner);

	if (owner == NULL)
		return LDIFF_ENOMEM;
	for (k = 0; k < nc; k++)
		owner[k] = LD_SLOT_NONE;
	for (i = 0; i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);

		slot[i] = LD_SLOT_NONE;
		if (u->from != pair || u->op == LDIFF_OP_MOVED)
			continue;
		for (k = 0; k < u->n_old; k++) {
			size_t x = clause_index(cs, u->old_cl[k]);

			if (x < nc)
				owner[x] = i;
		}
	}
	/* owner[k] becomes the unit of the nearest unmoved clause <= k */
	for (k = 0; k < nc; k++) {
		if (owner[k] != LD_SLOT_NONE)
			last = owner[k];
		owner[k] = last;
	}
	for (i = 0; i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);
		size_t x;

		if (u->from != pair || u->op != LDIFF_OP_MOVED || u->n_old == 0)
			continue;
		x = clause_index(cs, u->old_cl[0]);
		slot[i] = x < nc && x > 0 ? owner[x - 1] : LD_SLOT_TOP;
	}
	ld_free(owner);
	return 0;
}

/* The place a move left, as a sort key: the top first. */
static size_t
place_key(size_t after)
{
	return after == LD_SLOT_TOP ? 0 : after + 1;
}

static int
cmp_move(const void *a, const void *b)
{
	const ld_move *x = a, *y = b;
	size_t kx = place_key(x->after), ky = place_key(y->after);

	if (kx != ky)
		return kx < ky ? -1 : 1;
	if (x->old != y->old)	/* several at one place: as they stood */
		return x->old < y->old ? -1 : 1;
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

int
ld_moves_by_place(const ldiff_diff *d, size_t pair, const size_t *slot,
    size_t lo, size_t hi, ld_move **out, size_t *n)
{
	const ldiff_clauses *cs = ldiff_diff_version(d, pair);
	size_t i, k = 0;
	ld_move *mv = ld_reallocarray(NULL, hi - lo + 1, sizeof *mv);

	*out = mv;
	*n = 0;
	if (mv == NULL)
		return LDIFF_ENOMEM;
	for (i = lo; i < hi; i++) {
		if (slot[i] == LD_SLOT_NONE)
			continue;
		mv[k].after = slot[i];
		mv[k].unit = i;
		mv[k].old = ldiff_diff_unit(d, i)->n_old > 0 ?
		    clause_index(cs, ldiff_diff_unit(d, i)->old_cl[0]) : 0;
		k++;
	}
	qsort(mv, k, sizeof *mv, cmp_move);
	*n = k;
	return 0;
}

static int
digits4(const char *p)
{
	int i;

	for (i = 0; i < 4; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

int
ld_version_label(ld_buf *b, const char *name, int years)
{
	const char *s, *slash;

	if (name == NULL)
		name = "";
	for (s = name; years && *s != '\0'; s++) {
		size_t k;

		if (!digits4(s) || (s[4] != '-' && s[4] != '_' &&
		    strncmp(s + 4, "\xe2\x80\x93", 3) != 0))
			continue;
		k = s[4] == '\xe2' ? 3 : 1;
		if (digits4(s + 4 + k) &&
		    !(s[8 + k] >= '0' && s[8 + k] <= '9')) {
			ld_buf_add(b, s, 4);
			ld_buf_adds(b, "\xe2\x80\x93");
			return ld_buf_add(b, s + 4 + k, 4);
		}
	}
	slash = strrchr(name, '/');
	return ld_buf_adds(b, slash != NULL ? slash + 1 : name);
}

/* Skip spaces, no-break spaces (U+00A0, U+202F) at the start of s. */
static const char *
skip_blank(const char *s)
{
	for (;;) {
		if (*s == ' ')
			s++;
		else if (strncmp(s, "\xc2\xa0", 2) == 0)
			s += 2;
		else if (strncmp(s, "\xe2\x80\xaf", 3) == 0)
			s += 3;
		else
			return s;
	}
}

static int
starts_percent(const char *s)
{
	s = skip_blank(s);
	return *s == '%' || strncmp(s, "procent", 7) == 0;
}

/* The words that join two values of one unit: "40 respektive 60
 * procent", "40 och 60 procent". */
static int
joins_values(const char *s)
{
	static const char *const w[] = { "och", "eller", "respektive",
	    "resp.", "till", "\xe2\x80\x93", "-" };
	size_t k, n;

	s = skip_blank(s);
	for (k = 0; k < sizeof w / sizeof w[0]; k++) {
		n = strlen(w[k]);
		if (strncmp(s, w[k], n) == 0 && *skip_blank(s + n) == '\0')
			return 1;
	}
	return 0;
}

static const char *
edit_side(const ldiff_edit *e)
{
	return e->op == LDIFF_EDIT_DELETE ? e->old_text : e->new_text;
}

/* Whether the edits from j on are one joining word (white space around
 * it, in edits of their own or not) and then a value that is a rate. */
static int
rate_joined_after(const ldiff_unit *u, size_t j)
{
	int joined = 0;

	for (; j < u->n_edits && !u->edits[j].has_values; j++) {
		const char *t = edit_side(&u->edits[j]);

		if (*skip_blank(t) == '\0')
			continue;
		if (joined || !joins_values(t))
			return 0;
		joined = 1;
	}
	return joined && j < u->n_edits && ld_edit_is_percent(u, j);
}

/* A changed rate reads "2,5 procent" and a changed size "2,5 miljoner":
 * the unit is the word after the number, in the edit or the text after
 * it, so look at both; a number joined to a rate by "respektive" or
 * "och" is a rate too ("40 resp. 60 procent"). */
int
ld_edit_is_percent(const ldiff_unit *u, size_t i)
{
	const ldiff_edit *e;
	const char *t;
	size_t len;

	if (u == NULL || i >= u->n_edits)
		return 0;
	e = &u->edits[i];
	t = e->op == LDIFF_EDIT_DELETE ? e->old_text : e->new_text;
	len = strlen(t);
	if (strstr(t, "procent") != NULL ||
	    (len > 0 && memchr(t, '%', len) != NULL))
		return 1;
	if (i + 1 >= u->n_edits)
		return 0;
	if (starts_percent(edit_side(&u->edits[i + 1])))
		return 1;
	return rate_joined_after(u, i + 1);
}

/* ---- words every renderer uses ---------------------------------------- */

/* Only the words that read the same in every output; a heading word
 * ("Changed" on the page, "changed" in a text line) stays in the table
 * of its renderer. */
static const struct {
	const char *en, *sv;
} words[LD_W_COUNT] = {
	[LD_W_OLD] = { N_("old"), "före" },
	[LD_W_NEW] = { N_("new"), "efter" },
	[LD_W_TIMES] = { N_("times"), "gånger" },
	[LD_W_NOSECTION] = { N_("(before the first heading)"),
	    "(före första rubriken)" },
	[LD_W_ROW] = { N_("row"), "rad" },
	[LD_W_PP1] = { N_("percentage point"), "procentenhet" },
	[LD_W_PP] = { N_("percentage points"), "procentenheter" },
};

const char *
ld_word(int id, int sv)
{
	return sv ? words[id].sv : _(words[id].en);
}

/* ---- the values of a changed number --------------------------------- */

int
ld_edit_value_changed(const ldiff_edit *e, unsigned classes)
{
	return e->has_values && e->op != LDIFF_EDIT_EQUAL &&
	    (e->cls & classes) != 0 && e->old_value != e->new_value;
}

/* "-" in plain text, U+2212 where typography counts (LD_FMT_MINUS). */
static void
put_sign(ld_buf *b, double v, unsigned flags)
{
	if (v < 0)
		ld_buf_adds(b, (flags & LD_FMT_MINUS) ? "\xe2\x88\x92" : "-");
	else
		ld_buf_addc(b, '+');
}

/* Amounts in Swedish form whatever the language: the documents are
 * Swedish. */
static void
put_value(ld_buf *b, double v, int sek, unsigned flags)
{
	if (sek)
		ld_format_sek(b, v, flags);
	else
		ld_format_number(b, v, -1, flags);
}

/* A side without the value (a row inserted or deleted whole): "–". */
static void
put_side(ld_buf *b, const ldiff_edit *e, int old, int sek, unsigned flags)
{
	if (e->op == (old ? LDIFF_EDIT_INSERT : LDIFF_EDIT_DELETE))
		ld_buf_adds(b, "\xe2\x80\x93");
	else
		put_value(b, old ? e->old_value : e->new_value, sek, flags);
}

int
ld_amount_change(ld_buf *b, const ldiff_edit *e, unsigned flags)
{
	int sek = (e->cls & LDIFF_CLASS_AMOUNT) != 0;
	double delta = e->new_value - e->old_value;

	put_side(b, e, 1, sek, flags);
	ld_buf_adds(b, " \xe2\x86\x92 ");
	put_side(b, e, 0, sek, flags);
	ld_buf_adds(b, " (");
	put_sign(b, delta, flags);
	put_value(b, fabs(delta), sek, flags);
	if (e->old_value != 0) {
		double pct = delta / fabs(e->old_value) * 100;

		ld_buf_adds(b, ", ");
		if (fabs(pct) < 0.05)	/* rounds to 0,0 %: no direction */
			ld_buf_adds(b, "\xc2\xb1");
		else
			put_sign(b, pct, flags);
		ld_format_percent(b, fabs(pct), flags);
	}
	return ld_buf_addc(b, ')');
}

int
ld_rate_change(ld_buf *b, const ldiff_edit *e, int sv, unsigned flags)
{
	double delta = e->new_value - e->old_value;
	const char *pct = (flags & LD_FMT_NBSP) ? "\xc2\xa0%" : " %";

	ld_format_number(b, e->old_value, -1, flags);
	ld_buf_adds(b, pct);
	ld_buf_adds(b, " \xe2\x86\x92 ");
	ld_format_number(b, e->new_value, -1, flags);
	ld_buf_adds(b, pct);
	ld_buf_adds(b, " (");
	put_sign(b, delta, flags);
	ld_format_number(b, fabs(delta), -1, flags);
	return ld_buf_printf(b, " %s)", ld_word(fabs(delta) == 1 ?
	    LD_W_PP1 : LD_W_PP, sv));
}

/* ---- counting the units of a pair ------------------------------------ */

/* A unit the filters hide is not an unchanged one: it is counted apart,
 * so the reader knows it was there. */
int
ld_count_unit(ld_unit_counts *c, const ldiff_unit *u, unsigned hide)
{
	unsigned hc = ld_hidden_classes(hide);
	size_t k;

	if (!ld_unit_shown_change(u, hide & ~LDIFF_HIDE_EQUAL)) {
		if (ldiff_unit_changed(u))
			*(ld_unit_renumber_only(u, 0) ? &c->hid_renum :
			    &c->hid_chg) += 1;
		else
			c->op[LDIFF_OP_EQUAL]++;
		return 0;
	}
	for (k = 0; k < LD_N_CLASSES; k++)
		if (u->cls & ~hc & (1u << k))
			c->cls[k]++;
	if (ld_unit_renumber_only(u, hc))
		c->renum++;
	else if ((size_t)u->op < LD_N_OPS)
		c->op[u->op]++;
	c->substantive += u->substantive != 0;
	return 1;
}

void
ld_add_counts(ld_unit_counts *to, const ld_unit_counts *c)
{
	size_t i;

	for (i = 0; i < LD_N_OPS; i++)
		to->op[i] += c->op[i];
	for (i = 0; i < LD_N_CLASSES; i++)
		to->cls[i] += c->cls[i];
	to->renum += c->renum;
	to->hid_renum += c->hid_renum;
	to->hid_chg += c->hid_chg;
	to->substantive += c->substantive;
}

/* Options of every renderer; zeroes are the defaults. */
void
ldiff_render_opts_init(ldiff_render_opts *o)
{
	memset(o, 0, sizeof *o);
	o->version = LDIFF_RENDER_OPTS_VERSION;
}

/* Version 1 ends at width; version 2 adds unmarked and all_pairs;
 * version 3 whole. */
int
ld_check_render_opts(const ldiff_render_opts *o)
{
	return ld_check_version(NULL, "ldiff_render_opts", o->version,
	    LDIFF_RENDER_OPTS_VERSION);
}

/* The first step of every renderer: o, or the defaults put in *def when
 * o is NULL, checked, so no renderer repeats the three steps. */
int
ld_render_opts_or_default(const ldiff_render_opts **o, ldiff_render_opts *def)
{
	if (*o == NULL) {
		ldiff_render_opts_init(def);
		*o = def;
	}
	return ld_check_render_opts(*o);
}

void
ld_render_opts_full(const ldiff_render_opts *o, ldiff_render_opts *full)
{
	ldiff_render_opts_init(full);
	if (o == NULL)
		return;
	if (o->version >= 3) {
		*full = *o;
		return;
	}
	memcpy(full, o, o->version >= 2 ? offsetof(ldiff_render_opts,
	    whole) : offsetof(ldiff_render_opts, unmarked));
	full->version = LDIFF_RENDER_OPTS_VERSION;
}
