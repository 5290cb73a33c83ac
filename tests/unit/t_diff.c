/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_diff.c - the public diff: units and their contract (ops, classes,
 * substantive, edits, order), lineage across three versions, table
 * amounts, the substitution summary, argument errors and allocation
 * failures; the word diffs spread over threads change nothing. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tap.h"
#include "edits.h"

/* A clause set from "kind|label|text" lines (id = label without its
 * period, or "¶N"). */
static ldiff_clauses *
set(const char *const *spec, size_t n)
{
	ldiff_clauses *c;
	size_t i;
	int code;

	if (ld_clauses_new(&c, NULL) != 0)
		return NULL;
	for (i = 0; i < n; i++) {
		ldiff_clause *cl = ld_clauses_add(c, &code);
		const char *p = strchr(spec[i], '|'), *q = strchr(p + 1, '|');
		char kind[16];
		size_t kl = (size_t)(p - spec[i]);

		if (cl == NULL)
			break;
		memcpy(kind, spec[i], kl);
		kind[kl] = '\0';
		cl->kind = (ldiff_clause_kind)ld_clause_kind_from_name(kind);
		cl->label = ld_arena_strndup(c->arena, p + 1,
		    (size_t)(q - p - 1));
		cl->id = q - p > 1 ? ld_arena_strndup(c->arena, p + 1,
		    (size_t)(q - p - 1 - (q[-1] == '.'))) :
		    ld_arena_printf(c->arena, "¶%zu", i + 1);
		cl->text = ld_arena_strdup(c->arena, q + 1);
		ld_clause_set_cells(c, cl);
	}
	return c;
}

#define SET(a) set(a, sizeof a / sizeof a[0])

static const char *const v1[] = {
	"section|1.|Parter",
	"clause|1.1|Överenskommelsen gäller för perioden 2019–2022 mellan "
	    "regionen och kommunerna.",
	"clause|1.2|Regionen och kommunerna benämns nedan \"parterna\".",
	"clause|1.3|Parterna ska följa upp överenskommelsen under "
	    "perioden 2019–2022.",
	"section|2.|Finansiering",
	"clause|2.1|Av medlen avsätts 1 250 000 kronor per år.",
	"row||Part\tBidrag (kr)",
	"row||Lycksele kommun\t290 000",
	"row||Umeå kommun\t3 100 000",
	"clause|2.2|Regionen fakturerar kommunerna i januari.",
};

static const char *const v2[] = {
	"section|1.|Parter",
	"clause|1.1|Överenskommelsen gäller för perioden 2023–2026 mellan "
	    "regionen och kommunerna.",
	"clause|1.2|Regionen och kommunerna benämns nedan ”parterna”.",
	"clause|1.3|Parterna ska följa upp överenskommelsen under "
	    "perioden 2023–2026.",
	"section|2.|Finansiering",
	"clause|2.1|Parterna ska gemensamt söka medel från staten.",
	"clause|2.2|Av medlen avsätts 1 250 000 kronor per år.",
	"row||Part\tBidrag (kr)",
	"row||Lycksele kommun\t300 000",
	"row||Umeå kommun\t3 275 000",
	"clause|2.3|Regionen fakturerar kommunerna i januari.",
};

static const char *const v3[] = {
	"section|1.|Parter",
	"clause|1.1|Överenskommelsen gäller för perioden 2027–2030 mellan "
	    "regionen och kommunerna.",
	"clause|1.2|Regionen och kommunerna benämns nedan ”parterna”.",
	"clause|1.3|Parterna ska följa upp överenskommelsen under "
	    "perioden 2027–2030.",
	"section|2.|Finansiering",
	"clause|2.1|Av medlen avsätts 1 500 000 kronor per år.",
	"row||Part\tBidrag (kr)",
	"row||Lycksele kommun\t300 000",
	"row||Umeå kommun\t3 450 000",
	"clause|2.2|Regionen fakturerar kommunerna i januari.",
};

static const ldiff_unit *
unit_of(const ldiff_diff *d, size_t from, const char *new_id)
{
	size_t i, k;

	for (i = 0; i < ldiff_diff_count(d); i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);

		if (u->from != from)
			continue;
		for (k = 0; k < u->n_new; k++)
			if (strcmp(u->new_cl[k]->id, new_id) == 0)
				return u;
	}
	return NULL;
}

static int
edit_class(const ldiff_unit *u, unsigned cls)
{
	size_t i;

	for (i = 0; u != NULL && i < u->n_edits; i++)
		if (u->edits[i].cls & cls)
			return 1;
	return 0;
}

static void
test_names(void)
{
	ldiff_diff_opts o;

	ldiff_diff_opts_init(&o);
	ok(o.min_similarity > 0 && o.min_similarity < 1 && o.detect_moves &&
	    o.max_cost == 0, "option defaults");
	is_str(ldiff_op_name(LDIFF_OP_SPLIT), "split", "op name");
	is_str(ldiff_op_name(LDIFF_OP_MOVED), "moved", "op name");
	is_str(ldiff_class_name(LDIFF_CLASS_AMOUNT), "amount", "class name");
	is_str(ldiff_class_name(LDIFF_CLASS_RENUMBER), "renumber",
	    "class name");
}

static void
test_three_versions(void)
{
	ldiff_clauses *v[3] = { SET(v1), SET(v2), SET(v3) };
	const char *names[3] = { "2019.docx", "2023.docx", "2027.docx" };
	const ldiff_unit *u, *w;
	ldiff_diff *d;
	ldiff_error err;
	size_t i, prev_from = 0;
	int ordered = 1;

	is_int(ldiff_diff_new(&d, (const ldiff_clauses *const *)v, names, 3,
	    NULL, &err), 0, "three versions compare");
	is_int(ldiff_diff_versions(d), 3, "three versions");
	is_str(ldiff_diff_version_name(d, 1), "2023.docx", "names kept");
	ok(ldiff_diff_version(d, 2) == v[2], "version handle");
	ok(ldiff_diff_has_changes(d), "has changes");
	for (i = 0; i < ldiff_diff_count(d); i++) {
		u = ldiff_diff_unit(d, i);
		if (u->from < prev_from || u->to != u->from + 1)
			ordered = 0;
		prev_from = u->from;
	}
	ok(ordered, "units per pair, first pair first");
	ok(ldiff_diff_unit(d, ldiff_diff_count(d)) == NULL, "out of range");

	u = unit_of(d, 0, "1.1");
	ok(u && u->op == LDIFF_OP_CHANGED && edit_class(u,
	    LDIFF_CLASS_PERIOD), "period shift: changed, class period");
	u = unit_of(d, 0, "1.2");
	ok(u && u->op == LDIFF_OP_CHANGED && !u->substantive &&
	    u->cls == LDIFF_CLASS_TYPOGRAPHY,
	    "quotes only: typography, not substantive");
	u = unit_of(d, 0, "2.1");
	ok(u && u->op == LDIFF_OP_INSERTED && u->substantive &&
	    u->n_old == 0 && u->n_edits == 1 &&
	    u->edits[0].op == LDIFF_EDIT_INSERT,
	    "inserted clause: one insert edit with its text");
	u = unit_of(d, 0, "2.2");
	ok(u && u->op == LDIFF_OP_EQUAL && u->cls == LDIFF_CLASS_RENUMBER &&
	    !u->substantive && u->n_edits == 0,
	    "same words, new number: equal, class renumber");
	u = unit_of(d, 0, "row:x");
	ok(u == NULL, "no unit for a clause that is not there");

	/* lineage: 1.1 is one clause through the three versions; the clause
	 * inserted in 2023 and deleted in 2027 is its own */
	u = unit_of(d, 0, "1.1");
	w = unit_of(d, 1, "1.1");
	ok(u && w && u->lineage == w->lineage, "lineage continues 1.1");
	u = unit_of(d, 0, "2.3");
	w = unit_of(d, 1, "2.2");
	ok(u && w && u->lineage == w->lineage,
	    "lineage follows a renumbered clause (2.2 -> 2.3 -> 2.2)");
	w = unit_of(d, 0, "2.1");
	ok(u && w && u->lineage != w->lineage, "distinct clauses, distinct "
	    "lineages");
	ldiff_diff_free(d);
	for (i = 0; i < 3; i++)
		ldiff_clauses_free(v[i]);
}

static void
test_amounts_and_summary(void)
{
	ldiff_clauses *v[2] = { SET(v2), SET(v3) };
	const ldiff_unit *u;
	const ldiff_subst *s;
	ldiff_diff *d;
	ldiff_error err;
	size_t i;
	int found = 0, deleted_in_place = 0;

	is_int(ldiff_diff_new(&d, (const ldiff_clauses *const *)v, NULL, 2,
	    NULL, &err), 0, "two versions compare");
	is_str(ldiff_diff_version_name(d, 0), "version 1", "default name");
	u = unit_of(d, 0, "row:Umeå kommun");
	if (u == NULL) {	/* ids are "¶N" for rows here */
		for (i = 0; i < ldiff_diff_count(d); i++) {
			const ldiff_unit *x = ldiff_diff_unit(d, i);

			if (x->n_new && strstr(x->new_cl[0]->text, "Umeå"))
				u = x;
		}
	}
	ok(u && u->op == LDIFF_OP_CHANGED && (u->cls & LDIFF_CLASS_AMOUNT),
	    "a cell under 'Bidrag (kr)' is an amount");
	for (i = 0; u && i < u->n_edits; i++)
		if (u->edits[i].has_values &&
		    u->edits[i].old_value == 3275000 &&
		    u->edits[i].new_value == 3450000)
			found = 1;
	ok(found, "... with its values in kronor");
	for (i = 0; i < ldiff_diff_count(d); i++) {
		u = ldiff_diff_unit(d, i);
		if (u->op == LDIFF_OP_DELETED && i > 0 && i + 1 <
		    ldiff_diff_count(d) && ldiff_diff_unit(d, i - 1)->n_new &&
		    strcmp(ldiff_diff_unit(d, i - 1)->new_cl[0]->id, "2") == 0)
			deleted_in_place = 1;
	}
	ok(deleted_in_place, "the deleted clause stands after its heading");
	is_int(ldiff_diff_subst_count(d), 1, "one repeated substitution");
	s = ldiff_diff_subst(d, 0);
	ok(s && s->count == 2 && (s->cls & LDIFF_CLASS_PERIOD) &&
	    s->from == 0 && s->to == 1,
	    "2023–2026 -> 2027–2030 twice, class period");
	if (s)
		diag("subst '%s' -> '%s' x%zu", s->old_text, s->new_text,
		    s->count);
	ok(ldiff_diff_subst(d, 1) == NULL, "subst out of range");
	ldiff_diff_free(d);
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
}

static void
test_same_and_errors(void)
{
	ldiff_clauses *v[2] = { SET(v1), SET(v1) };
	ldiff_diff *d = (ldiff_diff *)1;
	ldiff_error err;
	size_t i;
	int equal = 1;

	is_int(ldiff_diff_new(&d, (const ldiff_clauses *const *)v, NULL, 2,
	    NULL, &err), 0, "a version against itself");
	for (i = 0; i < ldiff_diff_count(d); i++)
		equal &= ldiff_diff_unit(d, i)->op == LDIFF_OP_EQUAL &&
		    ldiff_diff_unit(d, i)->cls == 0;
	ok(equal && ldiff_diff_count(d) == 10, "every clause equal");
	ok(!ldiff_diff_has_changes(d), "no changes");
	ldiff_diff_free(d);
	is_int(ldiff_diff_new(&d, (const ldiff_clauses *const *)v, NULL, 1,
	    NULL, &err), LDIFF_EINVAL, "one version: invalid");
	ok(d == NULL && strstr(err.msg, "two versions") != NULL,
	    "... with a message");
	ldiff_diff_free(NULL);
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
}

static void
test_empty_and_other(void)
{
	static const char *const other[] = {
		"other||Sidhuvud: Region Västerbotten",
		"other||Sida 1 av 3",
	};
	static const char *const other2[] = {
		"other||Sidhuvud: Region Västerbotten",
		"other||Sida 1 av 4",
	};
	ldiff_clauses *e, *v, *o1, *o2;
	const ldiff_clauses *pair[2];
	ldiff_diff *d;
	ldiff_error err;
	size_t i;
	int ins = 1;

	ld_clauses_new(&e, NULL);
	v = SET(v1);
	pair[0] = e;
	pair[1] = v;
	is_int(ldiff_diff_new(&d, pair, NULL, 2, NULL, &err), 0,
	    "from an empty version");
	for (i = 0; i < ldiff_diff_count(d); i++)
		ins &= ldiff_diff_unit(d, i)->op == LDIFF_OP_INSERTED;
	ok(ins && ldiff_diff_count(d) == 10, "... everything inserted");
	ldiff_diff_free(d);
	pair[0] = e;
	pair[1] = e;
	is_int(ldiff_diff_new(&d, pair, NULL, 2, NULL, &err), 0,
	    "two empty versions");
	ok(ldiff_diff_count(d) == 0 && !ldiff_diff_has_changes(d),
	    "... no units, no changes");
	ldiff_diff_free(d);
	o1 = SET(other);
	o2 = SET(other2);
	pair[0] = o1;
	pair[1] = o2;
	is_int(ldiff_diff_new(&d, pair, NULL, 2, NULL, &err), 0,
	    "only headers and footers");
	ok(ldiff_diff_count(d) == 2 &&
	    ldiff_diff_unit(d, 1)->op == LDIFF_OP_CHANGED,
	    "... compared when there is nothing else");
	ldiff_diff_free(d);
	ldiff_clauses_free(e);
	ldiff_clauses_free(v);
	ldiff_clauses_free(o1);
	ldiff_clauses_free(o2);
}

/* Amounts by column: "tkr" in the header multiplies; a column whose
 * header says nothing of money holds counts, not kronor. */
static void
test_table_columns(void)
{
	static const char *const a[] = {
		"section|7.|Kostnader",
		"row||Kommun\tInvånare\tBidrag (tkr)",
		"row||Umeå kommun\t130 000\t3 100",
	};
	static const char *const b[] = {
		"section|7.|Kostnader",
		"row||Kommun\tInvånare\tBidrag (tkr)",
		"row||Umeå kommun\t131 000\t3 275",
	};
	ldiff_clauses *v[2] = { SET(a), SET(b) };
	const ldiff_unit *u;
	ldiff_diff *d;
	ldiff_error err;
	size_t i;
	int count = 0, tkr = 0;

	is_int(ldiff_diff_new(&d, (const ldiff_clauses *const *)v, NULL, 2,
	    NULL, &err), 0, "a table with two number columns");
	u = ldiff_diff_unit(d, ldiff_diff_count(d) - 1);
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if ((e->cls & LDIFF_CLASS_AMOUNT) && e->has_values &&
		    e->old_value == 3100000 && e->new_value == 3275000)
			tkr = 1;
		if ((e->cls & LDIFF_CLASS_NUMBER) &&
		    !(e->cls & LDIFF_CLASS_AMOUNT))
			count = 1;
	}
	ok(tkr, "'Bidrag (tkr)': an amount, in kronor (x 1000)");
	ok(count, "'Invånare': a number, not an amount");
	ldiff_diff_free(d);
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
}

/* A row inserted or deleted in a money column carries its amount: an
 * insert edit of the cell with new_value (a delete with old_value), so
 * an analyst summing changed money counts new and gone rows too. */
static void
test_row_inserted_deleted(void)
{
	static const char *const a[] = {
		"section|7.|Finansiering",
		"row||Part\tBidrag (kr)",
		"row||Umeå kommun\t3 275 000",
		"row||Sorsele kommun\t60 000",
	};
	static const char *const b[] = {
		"section|7.|Finansiering",
		"row||Part\tBidrag (kr)",
		"row||Umeå kommun\t3 275 000",
		"row||Region Västerbotten, civil beredskap\t500 000",
	};
	ldiff_clauses *v[2] = { SET(a), SET(b) };
	const ldiff_unit *ins = NULL, *del = NULL;
	const ldiff_edit *ie = NULL, *de = NULL;
	ldiff_diff *d;
	ldiff_error err;
	size_t i;

	is_int(ldiff_diff_new(&d, (const ldiff_clauses *const *)v, NULL, 2,
	    NULL, &err), 0, "a row inserted, a row deleted");
	for (i = 0; i < ldiff_diff_count(d); i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);

		if (u->op == LDIFF_OP_INSERTED)
			ins = u;
		if (u->op == LDIFF_OP_DELETED)
			del = u;
	}
	for (i = 0; ins != NULL && i < ins->n_edits; i++)
		if (ins->edits[i].cls & LDIFF_CLASS_AMOUNT)
			ie = &ins->edits[i];
	for (i = 0; del != NULL && i < del->n_edits; i++)
		if (del->edits[i].cls & LDIFF_CLASS_AMOUNT)
			de = &del->edits[i];
	ok(ins != NULL && (ins->cls & LDIFF_CLASS_AMOUNT),
	    "inserted row: class amount");
	ok(ie != NULL && ie->op == LDIFF_EDIT_INSERT && ie->has_values &&
	    ie->new_value == 500000 && ie->old_value == 0 &&
	    strcmp(ie->new_text, "500 000") == 0,
	    "inserted row: an insert edit of 500 000 kr");
	ok(del != NULL && (del->cls & LDIFF_CLASS_AMOUNT),
	    "deleted row: class amount");
	ok(de != NULL && de->op == LDIFF_EDIT_DELETE && de->has_values &&
	    de->old_value == 60000 && de->new_value == 0 &&
	    strcmp(de->old_text, "60 000") == 0,
	    "deleted row: a delete edit of 60 000 kr");
	if (ins != NULL) {
		ld_buf b;

		ld_buf_init(&b);
		for (i = 0; i < ins->n_edits; i++)
			ld_buf_adds(&b, ins->edits[i].new_text);
		is_str(ld_buf_str(&b), ins->new_cl[0]->text,
		    "inserted row: the edits still spell the row");
		ld_buf_free(&b);
	}
	ldiff_diff_free(d);
	/* and every allocation of it failing in turn: LDIFF_ENOMEM */
	for (i = 0; i < 2000; i++) {
		int rc;

		ld_alloc_fail_after((long)i);
		rc = ldiff_diff_new(&d, (const ldiff_clauses *const *)v,
		    NULL, 2, NULL, &err);
		ld_alloc_fail_after(-1);
		if (rc == 0) {
			ldiff_diff_free(d);
			break;
		}
		if (rc != LDIFF_ENOMEM) {
			diag("allocation %zu: %d %s", i, rc, err.msg);
			i = 2000;
		}
	}
	ok(i < 2000, "inserted rows: allocation failures give "
	    "LDIFF_ENOMEM, then a diff");
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
}

/* A row inserted in a table without a money column stays one wording
 * edit: counts of people are not kronor. */
static void
test_row_inserted_not_money(void)
{
	static const char *const a[] = {
		"section|3.|Befolkning",
		"row||Kommun\tInvånare",
		"row||Umeå kommun\t130 000",
	};
	static const char *const b[] = {
		"section|3.|Befolkning",
		"row||Kommun\tInvånare",
		"row||Umeå kommun\t130 000",
		"row||Vännäs kommun\t8 700",
	};
	ldiff_clauses *v[2] = { SET(a), SET(b) };
	const ldiff_unit *u = NULL;
	ldiff_diff *d;
	ldiff_error err;
	size_t i;

	is_int(ldiff_diff_new(&d, (const ldiff_clauses *const *)v, NULL, 2,
	    NULL, &err), 0, "a row inserted in a table of counts");
	for (i = 0; i < ldiff_diff_count(d); i++)
		if (ldiff_diff_unit(d, i)->op == LDIFF_OP_INSERTED)
			u = ldiff_diff_unit(d, i);
	ok(u != NULL && u->cls == LDIFF_CLASS_WORDING && u->n_edits == 1 &&
	    !u->edits[0].has_values,
	    "inserted row of counts: wording, one edit, no value");
	ldiff_diff_free(d);
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
}

/* Every allocation failing in turn: an error or a diff, never a crash
 * or a leak (ASan and valgrind watch). */
static void
test_alloc_failures(void)
{
	ldiff_clauses *v[2] = { SET(v1), SET(v2) };
	ldiff_diff *d;
	ldiff_error err;
	long k;
	int bad = 0, succeeded = 0;

	for (k = 0; k < 4000 && !succeeded; k++) {
		int rc;

		ld_alloc_fail_after(k);
		rc = ldiff_diff_new(&d, (const ldiff_clauses *const *)v, NULL,
		    2, NULL, &err);
		ld_alloc_fail_after(-1);
		if (rc == 0) {
			succeeded = 1;
			ldiff_diff_free(d);
		} else if (rc != LDIFF_ENOMEM) {
			if (bad++ == 0)
				diag("allocation %ld: %d %s", k, rc, err.msg);
		}
	}
	ok(bad == 0, "allocation failures give LDIFF_ENOMEM");
	ok(succeeded, "and enough allocations give a diff");
	diag("allocations needed: %ld", k);
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
}

/* Clauses that change in every other one: more than enough text for the
 * word diffs to be spread over threads. */
static ldiff_clauses *
many(int newer)
{
	ldiff_clauses *c;
	size_t i;
	int code;

	if (ld_clauses_new(&c, NULL) != 0)
		return NULL;
	for (i = 0; i < 400; i++) {
		ldiff_clause *cl = ld_clauses_add(c, &code);

		if (cl == NULL)
			break;
		cl->kind = LDIFF_CL_CLAUSE;
		cl->label = ld_arena_printf(c->arena, "%zu.%zu", i / 10 + 1,
		    i % 10 + 1);
		cl->id = cl->label;
		cl->text = ld_arena_printf(c->arena, "Kommunen nr %zu ska "
		    "%s bidra med %zu kronor per år under perioden %s, och "
		    "regionen följer upp insatsen i samråd med kommunerna.",
		    i, newer && i % 2 ? "gemensamt" : "årligen",
		    1000 * i + (newer && i % 4 == 1 ? 500 : 0),
		    newer ? "2027–2030" : "2023–2026");
	}
	return c;
}

static int
same_edits(const ldiff_unit *a, const ldiff_unit *b)
{
	return a->op == b->op && a->n_old == b->n_old &&
	    a->n_new == b->n_new && a->cls == b->cls &&
	    a->substantive == b->substantive &&
	    a->similarity == b->similarity &&
	    same_edit_lists(a->edits, a->n_edits, b->edits, b->n_edits);
}

/* The word diffs spread over threads give the units of one thread. */
static void
test_threads(void)
{
	ldiff_clauses *v[2] = { many(0), many(1) };
	ldiff_diff *d1 = NULL, *d4 = NULL;
	ldiff_diff_opts o;
	size_t i, n, same = 0, changed = 0;

	ldiff_diff_opts_init(&o);
	is_int(o.threads, 1, "one thread by default");
	ok(ldiff_diff_new(&d1, (const ldiff_clauses *const *)v, NULL, 2, &o,
	    NULL) == 0, "diff in one thread");
	o.threads = 4;
	ok(ldiff_diff_new(&d4, (const ldiff_clauses *const *)v, NULL, 2, &o,
	    NULL) == 0, "diff in four threads");
	n = d1 != NULL ? ldiff_diff_count(d1) : 0;
	is_int((long)(d4 != NULL ? ldiff_diff_count(d4) : 0), (long)n,
	    "as many units");
	for (i = 0; d4 != NULL && i < n && i < ldiff_diff_count(d4); i++) {
		same += same_edits(ldiff_diff_unit(d1, i),
		    ldiff_diff_unit(d4, i));
		changed += ldiff_diff_unit(d1, i)->n_edits > 1;
	}
	is_int((long)same, (long)n, "every unit the same, edit by edit");
	ok(changed >= 200, "half of them or more with word edits");
	ldiff_diff_free(d1);
	ldiff_diff_free(d4);
	ldiff_clauses_free(v[0]);
	ldiff_clauses_free(v[1]);
}

int
main(void)
{
	test_threads();
	test_names();
	test_three_versions();
	test_amounts_and_summary();
	test_same_and_errors();
	test_empty_and_other();
	test_table_columns();
	test_row_inserted_deleted();
	test_row_inserted_not_money();
	test_alloc_failures();
	return done_testing();
}
