/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_render.c - the text, JSON and stat renderers on hand-built diffs.
 *
 * The diff is filled by hand (struct ldiff_diff from internal.h), so these
 * tests pin what the renderers print for each operation and class without
 * depending on what the alignment engine decides.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static ldiff_clause cl_old[16], cl_new[16];
static const ldiff_clause *p_old[16], *p_new[16];
static ldiff_edit edits[64];
static size_t n_edits_used;
static ldiff_unit units[32];
static ldiff_subst substs[4];

static const ldiff_clause *
mkcl(ldiff_clause *c, const ldiff_clause **slot, const char *id,
    const char *section, const char *text)
{
	memset(c, 0, sizeof *c);
	c->id = id;
	c->parent = "";
	c->kind = LDIFF_CL_CLAUSE;
	c->label = id;
	c->section = section;
	c->text = text;
	*slot = c;
	return c;
}

static const ldiff_edit *
mkedits(int n, ...)
{
	ldiff_edit *first = &edits[n_edits_used];
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++) {
		ldiff_edit *e = &edits[n_edits_used++];

		memset(e, 0, sizeof *e);
		e->op = (ldiff_edit_op)va_arg(ap, int);
		e->old_text = va_arg(ap, const char *);
		e->new_text = va_arg(ap, const char *);
		e->cls = va_arg(ap, unsigned);
	}
	va_end(ap);
	return first;
}

static char *
render(int (*fn)(const ldiff_diff *, FILE *, const ldiff_render_opts *),
    const ldiff_diff *d, const ldiff_render_opts *o, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	*rc = fn(d, f, o);
	fclose(f);
	return buf;
}

static int
has(const char *hay, const char *needle)
{
	int r = hay != NULL && strstr(hay, needle) != NULL;

	if (!r)
		diag("missing: %s", needle);
	return r;
}

static int
lacks(const char *hay, const char *needle)
{
	int r = hay != NULL && strstr(hay, needle) == NULL;

	if (!r)
		diag("unexpected: %s", needle);
	return r;
}

static struct ldiff_clauses cs[3];
static const ldiff_clauses *vers[3];
static const char *names[3] = {
	"in/samverkan-2019-2022.docx", "in/samverkan-2023-2026.docx",
	"in/samverkan-2027-2030.docx"
};

/* One unit of each kind, 2019–2022 -> 2023–2026. */
static void
build_pair(struct ldiff_diff *d)
{
	ldiff_unit *u = units;
	size_t k = 0, o = 0, n = 0;

	memset(d, 0, sizeof *d);
	memset(units, 0, sizeof units);
	n_edits_used = 0;
	/* equal */
	mkcl(&cl_old[o], &p_old[o], "1", "Parter", "Regionen och kommunerna.");
	mkcl(&cl_new[n], &p_new[n], "1", "Parter", "Regionen och kommunerna.");
	u[k].op = LDIFF_OP_EQUAL;
	u[k].old_cl = &p_old[o++]; u[k].n_old = 1;
	u[k].new_cl = &p_new[n++]; u[k].n_new = 1;
	u[k].similarity = 1; u[k].lineage = 1; k++;
	/* amount */
	mkcl(&cl_old[o], &p_old[o], "4.2", "Finansiering",
	    "Regionen bidrar med 1 250 000 kr per år.");
	mkcl(&cl_new[n], &p_new[n], "5.2", "Finansiering",
	    "Regionen bidrar med 1 300 000 kr per år.");
	u[k].op = LDIFF_OP_CHANGED;
	u[k].old_cl = &p_old[o++]; u[k].n_old = 1;
	u[k].new_cl = &p_new[n++]; u[k].n_new = 1;
	u[k].edits = mkedits(3,
	    LDIFF_EDIT_EQUAL, "Regionen bidrar med ", "Regionen bidrar med ", 0u,
	    LDIFF_EDIT_REPLACE, "1 250 000", "1 300 000", (unsigned)LDIFF_CLASS_AMOUNT,
	    LDIFF_EDIT_EQUAL, " kr per år.", " kr per år.", 0u);
	edits[n_edits_used - 2].has_values = 1;
	edits[n_edits_used - 2].old_value = 1250000;
	edits[n_edits_used - 2].new_value = 1300000;
	u[k].n_edits = 3;
	u[k].cls = LDIFF_CLASS_AMOUNT | LDIFF_CLASS_RENUMBER;
	u[k].substantive = 1; u[k].similarity = 0.875; u[k].lineage = 2; k++;
	/* typography only */
	mkcl(&cl_old[o], &p_old[o], "4.3", "Finansiering",
	    "Avtalet kallas \"avtalet\".");
	mkcl(&cl_new[n], &p_new[n], "5.3", "Finansiering",
	    "Avtalet kallas \xe2\x80\x9d" "avtalet\xe2\x80\x9d.");
	u[k].op = LDIFF_OP_CHANGED;
	u[k].old_cl = &p_old[o++]; u[k].n_old = 1;
	u[k].new_cl = &p_new[n++]; u[k].n_new = 1;
	u[k].edits = mkedits(4,
	    LDIFF_EDIT_EQUAL, "Avtalet kallas ", "Avtalet kallas ", 0u,
	    LDIFF_EDIT_REPLACE, "\"", "\xe2\x80\x9d", (unsigned)LDIFF_CLASS_TYPOGRAPHY,
	    LDIFF_EDIT_EQUAL, "avtalet", "avtalet", 0u,
	    LDIFF_EDIT_REPLACE, "\".", "\xe2\x80\x9d.", (unsigned)LDIFF_CLASS_TYPOGRAPHY);
	u[k].n_edits = 4;
	u[k].cls = LDIFF_CLASS_TYPOGRAPHY;
	u[k].similarity = 1; u[k].lineage = 3; k++;
	/* renumbered only */
	mkcl(&cl_old[o], &p_old[o], "4.4", "Finansiering", "Medel betalas ut årsvis.");
	mkcl(&cl_new[n], &p_new[n], "5.4", "Finansiering", "Medel betalas ut årsvis.");
	u[k].op = LDIFF_OP_EQUAL;
	u[k].old_cl = &p_old[o++]; u[k].n_old = 1;
	u[k].new_cl = &p_new[n++]; u[k].n_new = 1;
	u[k].cls = LDIFF_CLASS_RENUMBER;
	u[k].similarity = 1; u[k].lineage = 4; k++;
	/* deleted */
	mkcl(&cl_old[o], &p_old[o], "4.5", "Finansiering", "Gamla regler gäller.");
	u[k].op = LDIFF_OP_DELETED;
	u[k].old_cl = &p_old[o++]; u[k].n_old = 1;
	u[k].substantive = 1; u[k].cls = LDIFF_CLASS_WORDING; u[k].lineage = 5; k++;
	/* inserted, period */
	mkcl(&cl_new[n], &p_new[n], "5.5", "Uppföljning",
	    "Uppföljning sker\tårligen \033[31m.");
	u[k].op = LDIFF_OP_INSERTED;
	u[k].new_cl = &p_new[n++]; u[k].n_new = 1;
	u[k].substantive = 1; u[k].cls = LDIFF_CLASS_WORDING; u[k].lineage = 6; k++;
	mkcl(&cl_old[o], &p_old[o], "6", "Giltighet", "Avtalet gäller 2019–2022.");
	mkcl(&cl_new[n], &p_new[n], "7", "Giltighet", "Avtalet gäller 2023–2026.");
	u[k].op = LDIFF_OP_MOVED;
	u[k].old_cl = &p_old[o++]; u[k].n_old = 1;
	u[k].new_cl = &p_new[n++]; u[k].n_new = 1;
	u[k].edits = mkedits(3,
	    LDIFF_EDIT_EQUAL, "Avtalet gäller ", "Avtalet gäller ", 0u,
	    LDIFF_EDIT_REPLACE, "2019–2022", "2023–2026", (unsigned)LDIFF_CLASS_PERIOD,
	    LDIFF_EDIT_EQUAL, ".", ".", 0u);
	u[k].n_edits = 3;
	u[k].cls = LDIFF_CLASS_PERIOD | LDIFF_CLASS_RENUMBER;
	u[k].substantive = 1; u[k].similarity = 0.75; u[k].lineage = 7; k++;
	/* split */
	mkcl(&cl_old[o], &p_old[o], "7", "Giltighet", "Avtalet löper ut. Det kan förlängas.");
	mkcl(&cl_new[n], &p_new[n], "8", "Giltighet", "Avtalet löper ut.");
	mkcl(&cl_new[n + 1], &p_new[n + 1], "9", "Giltighet", "Det kan förlängas.");
	u[k].op = LDIFF_OP_SPLIT;
	u[k].old_cl = &p_old[o++]; u[k].n_old = 1;
	u[k].new_cl = &p_new[n]; u[k].n_new = 2; n += 2;
	u[k].substantive = 1; u[k].cls = LDIFF_CLASS_WORDING; u[k].lineage = 8; k++;
	d->nver = 2;
	cs[0].cl = cl_old; cs[0].n = o;
	cs[1].cl = cl_new; cs[1].n = n;
	vers[0] = &cs[0];
	vers[1] = &cs[1];
	d->ver = vers;
	d->names = names;
	for (size_t i = 0; i < k; i++)
		units[i].from = 0, units[i].to = 1;
	d->units = units;
	d->n = k;
	substs[0].from = 0; substs[0].to = 1;
	substs[0].old_text = "2019–2022"; substs[0].new_text = "2023–2026";
	substs[0].count = 3; substs[0].cls = LDIFF_CLASS_PERIOD;
	d->substs = substs;
	d->nsubst = 1;
}

static void
test_text(struct ldiff_diff *d)
{
	ldiff_render_opts o;
	char *s;
	int rc;

	ldiff_render_opts_init(&o);
	o.lang = "en";
	o.hide = LDIFF_HIDE_EQUAL;
	s = render(ldiff_render_text, d, &o, &rc);
	is_int(rc, 0, "text: renders");
	ok(has(s, "--- in/samverkan-2019-2022.docx\n"
	    "+++ in/samverkan-2023-2026.docx\n"), "text: pair header");
	ok(has(s, "  throughout: [-2019–2022-] → {+2023–2026+} (3 times, "
	    "period)\n"), "text: the period shift summarised once");
	ok(lacks(s, "Parter\n") || lacks(s, "Regionen och kommunerna."),
	    "text: equal units hidden with LDIFF_HIDE_EQUAL");
	ok(has(s, "\nFinansiering\n  4.2 → 5.2  changed (amount, renumbered)\n"
	    "    Regionen bidrar med [-1 250 000-]{+1 300 000+} kr per år.\n"
	    "    amount: 1 250 000 kr → 1 300 000 kr (+50 000 kr, +4,0 %)\n"),
	    "text: section, both numbers, inline edit, amount difference");
	ok(has(s, "  4.3 → 5.3  changed (typography)\n"),
	    "text: typography shown by default");
	ok(has(s, "  4.5 → –  deleted\n    [-Gamla regler gäller.-]\n"),
	    "text: deletion");
	ok(has(s, "  – → 5.5  inserted\n    {+Uppföljning sker\tårligen "
	    "\xef\xbf\xbd[31m.+}\n"),
	    "text: insertion; the ESC of the document is made harmless");
	ok(has(s, "  renumbered, text unchanged: 4.4 → 5.4\n"),
	    "text: renumbered clauses gathered on one line");
	ok(has(s, "  6 → 7  moved (period, renumbered)\n"
	    "    Avtalet gäller [-2019–2022-]{+2023–2026+}.\n"),
	    "text: moved with both numbers");
	ok(has(s, "  7 → 8, 9  split (wording)\n"), "text: split");
	ok(lacks(s, "\033"), "text: no escape sequence without colour");
	free(s);

	o.hide = LDIFF_HIDE_EQUAL | LDIFF_HIDE_NONSUBSTANTIVE |
	    LDIFF_HIDE_PERIOD;
	s = render(ldiff_render_text, d, &o, &rc);
	ok(lacks(s, "4.3 → 5.3") && lacks(s, "renumbered, text"),
	    "text: typography and renumbering hidden");
	ok(has(s, "  4.2 → 5.2  changed (amount)\n"),
	    "text: hidden classes left out of the class list");
	ok(has(s, "    Avtalet gäller 2023–2026.\n") &&
	    lacks(s, "throughout"),
	    "text: hidden period edits show the new text unmarked");
	free(s);

	o.hide = LDIFF_HIDE_EQUAL;
	o.color = 1;
	s = render(ldiff_render_text, d, &o, &rc);
	ok(has(s, "\033[9;31m1 250 000\033[0m\033[4;32m1 300 000\033[0m"),
	    "text: colour strikes the old words red, underlines the new green");
	ok(lacks(s, "[-") && lacks(s, "{+"), "text: no wdiff markers in colour");
	free(s);

	o.color = 0;
	o.lang = "sv";
	s = render(ldiff_render_text, d, &o, &rc);
	ok(has(s, "  4.2 → 5.2  ändrad (belopp, omnumrerad)\n"),
	    "text: Swedish labels");
	ok(has(s, "    belopp: 1 250 000 kr → 1 300 000 kr (+50 000 kr, +4,0 %)"),
	    "text: Swedish amount line");
	free(s);
}

static void
test_json(struct ldiff_diff *d)
{
	ldiff_render_opts o;
	char *s, *line, *save = NULL;
	int rc, n = 0;

	ldiff_render_opts_init(&o);
	s = render(ldiff_render_json, d, &o, &rc);
	is_int(rc, 0, "json: renders");
	for (line = strtok_r(s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		n++;
	is_int(n, 8, "json: one line per unit, equal units included");
	free(s);
	s = render(ldiff_render_json, d, &o, &rc);
	ok(has(s, "{\"op\":\"changed\",\"old\":[{\"id\":\"4.2\",\"kind\":"
	    "\"clause\",\"text\":"
	    "\"Regionen bidrar med 1 250 000 kr per år.\"}],\"new\":[{\"id\":"
	    "\"5.2\",\"kind\":\"clause\",\"text\":\"Regionen bidrar med "
	    "1 300 000 kr per år.\"}],"
	    "\"substantive\":true,\"class\":[\"amount\",\"renumber\"],"
	    "\"edits\":[{\"op\":\"replace\",\"old\":\"1 250 000\",\"new\":"
	    "\"1 300 000\",\"class\":[\"amount\"],\"old_value\":1250000,"
	    "\"new_value\":1300000}],\"from\":\"in/samverkan-2019-2022.docx\","
	    "\"to\":\"in/samverkan-2023-2026.docx\",\"section\":"
	    "\"Finansiering\",\"similarity\":0.875,\"lineage\":2}\n"),
	    "json: the amount record, complete");
	ok(has(s, "{\"op\":\"inserted\",\"old\":[],\"new\":[{\"id\":\"5.5\","
	    "\"kind\":\"clause\",\"text\":\"Uppföljning sker\\tårligen \\u001b[31m.\"}]"),
	    "json: empty old side, control characters escaped");
	ok(has(s, "\"op\":\"split\",\"old\":[{\"id\":\"7\""),
	    "json: split keeps its clauses");
	free(s);
	o.hide = LDIFF_HIDE_EQUAL | LDIFF_HIDE_TYPOGRAPHY;
	s = render(ldiff_render_json, d, &o, &rc);
	ok(lacks(s, "\"op\":\"equal\",\"old\":[{\"id\":\"1\"") &&
	    lacks(s, "\"typography\"]}],"), "json: hidden units left out");
	ok(has(s, "\"op\":\"equal\",\"old\":[{\"id\":\"4.4\""),
	    "json: a renumbered equal unit stays");
	free(s);
}

static void
test_stat(struct ldiff_diff *d)
{
	ldiff_render_opts o;
	char *s;
	int rc;

	ldiff_render_opts_init(&o);
	o.lang = "en";
	s = render(ldiff_render_stat, d, &o, &rc);
	is_int(rc, 0, "stat: renders");
	ok(has(s, "clauses: 7 old, 8 new; 1 unchanged, 1 renumbered, "
	    "2 changed, 1 moved, 1 inserted, 1 deleted, 1 split, 0 merged\n"),
	    "stat: clauses by operation");
	/* old words: 3 equal + 7 amount + 4 typography + 4 renumbered +
	 * 3 deleted + 3 moved + 7 split = 31; changed: "1 250 000" and
	 * "2019–2022" are 4 words; deleted 3; common 24. */
	ok(has(s, "old: 31 words  24 77.4% common  3 9.7% deleted  "
	    "4 12.9% changed\n"), "stat: old words as wdiff -s");
	ok(has(s, "new: 32 words  24 75.0% common  4 12.5% inserted  "
	    "4 12.5% changed\n"), "stat: new words as wdiff -s");
	ok(has(s, "classes: wording 3, amount 1, period 1, typography 1, "
	    "renumbered 3\n"), "stat: units by class");
	/* Finansiering: 9 words changed (3 deleted, 3 + 3 changed) of 35
	 * (19 old + 16 new): 25.7 % */
	ok(has(s, "     0     1     2     0     0     0     1       3       6"
	    "      25.7%  Finansiering\n"), "stat: the Finansiering row");
	ok(lacks(s, "Parter"), "stat: unchanged sections left out");
	ok(has(s, "amounts:\n  5.2  1 250 000 kr → 1 300 000 kr "
	    "(+50 000 kr, +4,0 %)\n"), "stat: every changed amount listed");
	free(s);
	o.lang = "sv";
	o.hide = LDIFF_HIDE_NONSUBSTANTIVE;
	s = render(ldiff_render_stat, d, &o, &rc);
	/* hidden is not unchanged: counted, and said to be hidden */
	ok(has(s, "klausuler: 7 före, 8 efter; 1 oförändrad, 1 omnumrerad "
	    "(dold), 1 ändrad (ytterligare 1 dold), 1 flyttad,"),
	    "stat: Swedish; hidden units counted as hidden, singular after 1");
	ok(has(s, "före: 31 ord  24 77,4 % gemensamma"),
	    "stat: Swedish percentages");
	free(s);
}

/* Three versions: the lineage section ties one clause across them. */
static void
test_lineage(struct ldiff_diff *d)
{
	static ldiff_unit u3[32];
	static const ldiff_clause *p3[4];
	static ldiff_clause c3[4];
	static struct ldiff_clauses cs3;
	static const ldiff_clauses *v3[3];
	ldiff_render_opts o;
	size_t i, k = d->n;
	char *s;
	int rc;

	memcpy(u3, d->units, d->n * sizeof *u3);
	/* 2023–2026 -> 2027–2030: 5.2 changes again, 5.5 is deleted,
	 * the rest are equal. */
	mkcl(&c3[0], &p3[0], "5.2", "Finansiering",
	    "Regionen bidrar med 1 400 000 kr per år.");
	memset(&u3[k], 0, sizeof u3[k]);
	u3[k].op = LDIFF_OP_CHANGED;
	u3[k].from = 1; u3[k].to = 2;
	u3[k].old_cl = &p_new[1]; u3[k].n_old = 1;
	u3[k].new_cl = &p3[0]; u3[k].n_new = 1;
	u3[k].cls = LDIFF_CLASS_AMOUNT; u3[k].substantive = 1;
	u3[k].lineage = 2; k++;
	memset(&u3[k], 0, sizeof u3[k]);
	u3[k].op = LDIFF_OP_DELETED;
	u3[k].from = 1; u3[k].to = 2;
	u3[k].old_cl = &p_new[4]; u3[k].n_old = 1;
	u3[k].substantive = 1; u3[k].lineage = 6; k++;
	memset(&u3[k], 0, sizeof u3[k]);
	u3[k].op = LDIFF_OP_EQUAL;
	u3[k].from = 1; u3[k].to = 2;
	u3[k].old_cl = &p_new[0]; u3[k].n_old = 1;
	u3[k].new_cl = &p_new[0]; u3[k].n_new = 1;
	u3[k].lineage = 1; k++;
	cs3.cl = c3; cs3.n = 1;
	for (i = 0; i < 2; i++)
		v3[i] = d->ver[i];
	v3[2] = &cs3;
	d->ver = v3;
	d->nver = 3;
	d->units = u3;
	d->n = k;
	ldiff_render_opts_init(&o);
	o.lang = "en";
	o.hide = LDIFF_HIDE_EQUAL;
	s = render(ldiff_render_text, d, &o, &rc);
	is_int(rc, 0, "lineage: renders");
	ok(has(s, "\nLineage: 2019–2022 → 2023–2026 → 2027–2030\n"),
	    "lineage: versions named by their year ranges");
	ok(has(s, "  4.2 → 5.2 → 5.2  changed in 2023–2026, changed in "
	    "2027–2030\n"), "lineage: a clause changed twice");
	ok(has(s, "  –   → 5.5 → –    introduced in 2023–2026, deleted in "
	    "2027–2030\n"), "lineage: introduced, then deleted");
	ok(lacks(s, "  1   → 1"), "lineage: unchanged clauses left out");
	ok(has(s, "--- in/samverkan-2023-2026.docx\n+++ "
	    "in/samverkan-2027-2030.docx\n"), "lineage: the second pair");
	free(s);
}

/* The one hiding rule, op by op. */
static void
test_hidden(void)
{
	ldiff_unit u;
	static const ldiff_op never[] = { LDIFF_OP_MOVED, LDIFF_OP_INSERTED,
	    LDIFF_OP_DELETED, LDIFF_OP_SPLIT, LDIFF_OP_MERGED };
	unsigned all = LDIFF_HIDE_EQUAL | LDIFF_HIDE_NONSUBSTANTIVE |
	    LDIFF_HIDE_PERIOD;
	size_t i;

	memset(&u, 0, sizeof u);
	u.op = LDIFF_OP_EQUAL;
	ok(!ldiff_unit_hidden(&u, 0), "hidden: equal shown without flags");
	ok(ldiff_unit_hidden(&u, LDIFF_HIDE_EQUAL), "hidden: equal hidden");
	u.cls = LDIFF_CLASS_RENUMBER;
	ok(!ldiff_unit_hidden(&u, LDIFF_HIDE_EQUAL),
	    "hidden: a renumbered equal unit is a change");
	ok(ldiff_unit_hidden(&u, LDIFF_HIDE_RENUMBER),
	    "hidden: ... hidden with LDIFF_HIDE_RENUMBER");
	u.op = LDIFF_OP_CHANGED;
	u.cls = LDIFF_CLASS_TYPOGRAPHY | LDIFF_CLASS_RENUMBER;
	ok(!ldiff_unit_hidden(&u, LDIFF_HIDE_TYPOGRAPHY),
	    "hidden: one class of two hidden: shown");
	ok(ldiff_unit_hidden(&u, LDIFF_HIDE_NONSUBSTANTIVE),
	    "hidden: every class hidden: hidden");
	u.cls = LDIFF_CLASS_PERIOD;
	ok(ldiff_unit_hidden(&u, LDIFF_HIDE_PERIOD), "hidden: period only");
	u.cls = LDIFF_CLASS_PERIOD | LDIFF_CLASS_AMOUNT;
	ok(!ldiff_unit_hidden(&u, all), "hidden: an amount is never hidden");
	u.cls = 0;
	ok(!ldiff_unit_hidden(&u, all), "hidden: a change without class shown");
	for (i = 0; i < sizeof never / sizeof never[0]; i++) {
		u.op = never[i];
		u.cls = LDIFF_CLASS_TYPOGRAPHY;
		ok(!ldiff_unit_hidden(&u, all),
		    "hidden: moves, insertions, deletions, splits, merges never");
	}
}

/* Out of memory at every allocation in turn: ENOMEM or success, never a
 * crash (and no leak, under valgrind). */
static void
test_oom(struct ldiff_diff *d)
{
	int (*fn[])(const ldiff_diff *, FILE *, const ldiff_render_opts *) = {
		ldiff_render_text, ldiff_render_json, ldiff_render_stat
	};
	ldiff_render_opts o;
	size_t k;
	long n;
	int bad = 0, failed = 0;

	ldiff_render_opts_init(&o);
	o.lang = "en";
	for (k = 0; k < 3; k++) {
		for (n = 0; n < 200; n++) {
			char *s;
			int rc;

			ld_alloc_fail_after(n);
			s = render(fn[k], d, &o, &rc);
			ld_alloc_fail_after(-1);
			free(s);
			if (rc != 0 && rc != LDIFF_ENOMEM)
				bad++;
			failed += rc == LDIFF_ENOMEM;
			if (rc == 0)
				break;
		}
	}
	is_int(bad, 0, "oom: every renderer fails with ENOMEM or succeeds");
	ok(failed > 0, "oom: the renderers allocate through ld_malloc");
}

int
main(void)
{
	struct ldiff_diff d;

	plan_no_plan();
	build_pair(&d);
	test_text(&d);
	test_json(&d);
	test_stat(&d);
	test_lineage(&d);
	test_hidden();
	test_oom(&d);
	return done_testing();
}
