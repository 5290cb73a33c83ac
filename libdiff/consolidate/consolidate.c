/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * consolidate.c - the responses gathered per draft clause: who proposes
 * what, which proposals are the same, where parties disagree.
 *
 * The idea: every response is compared with the same draft (response.c),
 * so every proposal hangs on draft clauses.  Each lands in a slot: slot
 * 2i+1 is draft clause i, slot 2i+2 what is inserted after it, slot 0
 * what is inserted before the first.  Sorting the proposals by slot, and
 * within a slot by the order of the parties, gives the draft's order; in
 * one slot proposals of the same operation and the same comparison key
 * (typography, case and white space folded, ld_text_key) are one group,
 * and two groups in one slot are a conflict.  A party's consecutive
 * insertions at one place are one proposal, so two parties inserting the
 * same clauses there agree.  Comments go to the slot of the clause they
 * are anchored in, found through the response's own units.  The work is
 * linear in the units plus n log n for the sort.
 */
#include <stdlib.h>
#include <string.h>

#include "consolidate/consolidate.h"

/* One party's proposal for one slot, before grouping. */
typedef struct raw {
	size_t slot, seq, party;
	ldiff_op op;
	const char *text, *id;
	const ldiff_unit *unit;	/* NULL for a run of insertions */
} raw;

typedef struct said {
	size_t slot, seq;
	ldiff_comment c;
} said;

struct ldiff_consolidation {
	ld_arena *arena;
	const char *base_name;
	ldiff_clauses *draft;	/* the base without its comments */
	const ldiff_clause **orig;	/* draft clause i in the caller's base */
	ld_response *resp;
	size_t n_resp;
	ldiff_response_info *info;
	ldiff_party *parties;
	size_t n_parties;
	raw *raws;
	size_t n_raws, raws_cap;
	said *saids;
	size_t n_saids, saids_cap;
	ldiff_consolidated *recs;
	size_t n_recs;
};

/* ---- reading the responses ------------------------------------------ */

typedef struct reading {
	ldiff_consolidation *c;
	const ldiff_extract_opts *xo;
	const ldiff_split_opts *so;
	ldiff_diff_opts dopt;
} reading;

static void
read_one(void *ctx, size_t task, size_t worker)
{
	reading *rd = ctx;

	(void)worker;
	ld_response_read(&rd->c->resp[task], rd->c->draft, rd->xo, rd->so,
	    &rd->dopt);
}

static int
read_responses(ldiff_consolidation *c, const ldiff_extract_opts *xo,
    const ldiff_split_opts *so, const ldiff_diff_opts *dopt,
    ldiff_error *err)
{
	reading rd;
	size_t i, threads;

	rd.c = c;
	rd.xo = xo;
	rd.so = so;
	if (dopt != NULL)
		rd.dopt = *dopt;
	else
		ldiff_diff_opts_init(&rd.dopt);
	threads = rd.dopt.threads == 0 ? ldiff_processors() :
	    (size_t)rd.dopt.threads;
	rd.dopt.threads = 1;	/* the responses are the parallel work */
	ld_parallel(c->n_resp, threads, read_one, &rd);
	for (i = 0; i < c->n_resp; i++)
		if (c->resp[i].rc != 0) {
			return ld_error(err, c->resp[i].rc, "%s: %s",
			    c->resp[i].in->name, c->resp[i].err.msg);
		}
	return 0;
}

/* ---- parties ----------------------------------------------------------- */


/* A party named by its file is named by the file's own name:
 * "vindeln.docx", not the path the command line gave. */
static const char *
file_part(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

static int
add_parties(ldiff_consolidation *c)
{
	size_t i, k, n = 0;

	for (i = 0; i < c->n_resp; i++)
		n += c->resp[i].n_authors > 0 ? c->resp[i].n_authors : 1;
	c->parties = ld_arena_alloc(c->arena, (n + 1) * sizeof *c->parties);
	c->info = ld_arena_alloc(c->arena, (c->n_resp + 1) * sizeof *c->info);
	if (c->parties == NULL || c->info == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < c->n_resp; i++) {
		const ld_response *r = &c->resp[i];
		ldiff_response_info *in = &c->info[i];

		in->name = r->in->name;
		in->tracked = r->tracked;
		in->against_draft = r->against_draft;
		in->first_party = c->n_parties;
		for (k = 0; k < r->n_authors; k++) {
			c->parties[c->n_parties].name = r->authors[k];
			c->parties[c->n_parties].source = LDIFF_PARTY_AUTHOR;
			c->parties[c->n_parties++].response = i;
		}
		if (r->n_authors == 0) {
			ldiff_party *p = &c->parties[c->n_parties++];

			p->response = i;
			p->source = r->in->label != NULL ? LDIFF_PARTY_LABEL :
			    LDIFF_PARTY_FILE;
			p->name = r->in->label != NULL ? r->in->label :
			    file_part(r->in->name);
		}
		in->n_parties = c->n_parties - in->first_party;
	}
	return 0;
}

/* ---- proposals, unit by unit ----------------------------------------- */

static size_t
draft_index(const ldiff_consolidation *c, const ldiff_clause *cl)
{
	return (size_t)(cl - ldiff_clauses_get(c->draft, 0));
}

static int
push_raw(ldiff_consolidation *c, const raw *x)
{
	raw *v;

	if (c->n_raws == c->raws_cap) {
		v = ld_grow(c->raws, &c->raws_cap, 64, sizeof *v);
		if (v == NULL)
			return LDIFF_ENOMEM;
		c->raws = v;
	}
	c->raws[c->n_raws] = *x;
	c->raws[c->n_raws].seq = c->n_raws;
	c->n_raws++;
	return 0;
}

/* The clause texts of a unit's side, joined by LF, in the arena. */
static const char *
joined(ld_arena *a, const ldiff_clause *const *cl, size_t n)
{
	ld_buf b;
	size_t k;
	const char *s;

	if (n == 1)
		return cl[0]->text;
	ld_buf_init(&b);
	for (k = 0; k < n; k++) {
		if (k > 0)
			ld_buf_addc(&b, '\n');
		ld_buf_adds(&b, cl[k]->text);
	}
	s = b.oom ? NULL : ld_arena_strndup(a, ld_buf_str(&b), b.len);
	ld_buf_free(&b);
	return s;
}

/* The parties of response ri who made unit u: its one party, or the
 * authors who revised its paragraphs (the first author when none is
 * found). */
static size_t
unit_parties(const ldiff_consolidation *c, size_t ri, const ldiff_unit *u,
    size_t *out, size_t max)
{
	const ld_response *r = &c->resp[ri];
	size_t n, k, first = c->info[ri].first_party;

	out[0] = first;
	if (r->n_authors < 2)
		return 1;
	n = u->op == LDIFF_OP_DELETED ?
	    ld_response_authors_of(r, u->old_cl, u->n_old, out, max) :
	    ld_response_authors_of(r, u->new_cl, u->n_new, out, max);
	if (n == 0) {
		out[0] = first;
		return 1;
	}
	for (k = 0; k < n; k++)
		out[k] += first;
	return n;
}

/* Extend the party's run of insertions at slot, if its last proposal
 * is one. */
static int
extend_insertion(ldiff_consolidation *c, size_t from, const raw *x)
{
	size_t i;

	for (i = c->n_raws; i > from; i--) {
		raw *v = &c->raws[i - 1];

		if (v->party != x->party)
			continue;
		if (v->op != LDIFF_OP_INSERTED || v->slot != x->slot)
			return 0;
		v->text = ld_arena_printf(c->arena, "%s\n%s", v->text, x->text);
		return v->text != NULL ? 1 : -1;
	}
	return 0;
}

static int
add_proposal(ldiff_consolidation *c, size_t ri, const ldiff_unit *u,
    size_t slot, size_t from)
{
	size_t who[16], n, k;
	raw x;
	int rc = 0, ext;

	memset(&x, 0, sizeof x);
	x.slot = slot;
	x.op = u->op;
	x.unit = u->op == LDIFF_OP_INSERTED ? NULL : u;
	x.text = u->n_new > 0 ? joined(c->arena, u->new_cl, u->n_new) : "";
	x.id = u->n_new > 0 ? u->new_cl[0]->id : "";
	if (x.text == NULL)
		return LDIFF_ENOMEM;
	n = unit_parties(c, ri, u, who, sizeof who / sizeof who[0]);
	for (k = 0; k < n && rc == 0; k++) {
		x.party = who[k];
		ext = u->op == LDIFF_OP_INSERTED ?
		    extend_insertion(c, from, &x) : 0;
		if (ext < 0)
			rc = LDIFF_ENOMEM;
		else if (ext == 0)
			rc = push_raw(c, &x);
	}
	return rc;
}

/* Remember the slot of each clause of the response in a unit, for the
 * comments anchored in it. */
static int
map_ids(ld_strmap *m, const ldiff_unit *u, size_t slot)
{
	size_t k;

	for (k = 0; k < u->n_new; k++)
		if (ld_strmap_put(m, u->new_cl[k]->id,
		    strlen(u->new_cl[k]->id), (uint32_t)slot) == NULL)
			return LDIFF_ENOMEM;
	return 0;
}

/* The slot of a unit; *last is the draft clause the next insertion
 * follows ((size_t)-1: the top). */
static size_t
unit_slot(const ldiff_consolidation *c, const ldiff_unit *u, size_t *last)
{
	size_t slot;

	if (u->op == LDIFF_OP_INSERTED)
		return *last == (size_t)-1 ? 0 : 2 * *last + 2;
	slot = 2 * draft_index(c, u->old_cl[0]) + 1;
	if (u->op != LDIFF_OP_MOVED)
		*last = draft_index(c, u->old_cl[u->n_old - 1]);
	return slot;
}

static int
gather_units(ldiff_consolidation *c, size_t ri, ld_strmap *ids)
{
	const ldiff_diff *d = c->resp[ri].diff;
	size_t i, n = ldiff_diff_count(d), last = (size_t)-1;
	size_t from = c->n_raws;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);
		size_t slot = unit_slot(c, u, &last);

		rc = map_ids(ids, u, slot);
		if (rc == 0 && u->op != LDIFF_OP_EQUAL)
			rc = add_proposal(c, ri, u, slot, from);
	}
	return rc;
}

/* ---- comments ---------------------------------------------------------- */

static int
push_said(ldiff_consolidation *c, const said *x)
{
	said *v;

	if (c->n_saids == c->saids_cap) {
		v = ld_grow(c->saids, &c->saids_cap, 16, sizeof *v);
		if (v == NULL)
			return LDIFF_ENOMEM;
		c->saids = v;
	}
	c->saids[c->n_saids] = *x;
	c->saids[c->n_saids].seq = c->n_saids;
	c->n_saids++;
	return 0;
}

/* The clause of the response a comment is anchored in: the parent of
 * its comment clause. */
static const char *
anchor_of(const ld_response *r, const char *where)
{
	size_t i, n = ldiff_clauses_count(r->all);

	for (i = 0; i < n; i++) {
		const ldiff_clause *cl = ldiff_clauses_get(r->all, i);

		if (ld_is_comment_clause(cl) && strcmp(cl->id, where) == 0)
			return cl->parent;
	}
	return "";
}

/* Is text one of the draft's own comments (a response keeps them)? */
static int
draft_says(const ldiff_clauses *base, const char *text)
{
	size_t i, n = ldiff_clauses_count(base);

	for (i = 0; i < n; i++) {
		const ldiff_clause *cl = ldiff_clauses_get(base, i);

		if (ld_is_comment_clause(cl) && strcmp(cl->text, text) == 0)
			return 1;
	}
	return 0;
}

static int
gather_comments(ldiff_consolidation *c, size_t ri, const ld_strmap *ids,
    const ldiff_clauses *base)
{
	const ld_response *r = &c->resp[ri];
	size_t k, first = c->info[ri].first_party;
	int rc = 0;

	for (k = 0; k < r->n_notes && rc == 0; k++) {
		const ld_note *nt = &r->notes[k];
		uint32_t slot = 0;
		said x;

		if (draft_says(base, nt->text))
			continue;
		memset(&x, 0, sizeof x);
		x.c.anchor = anchor_of(r, nt->where);
		ld_strmap_get(ids, x.c.anchor, strlen(x.c.anchor), &slot);
		x.slot = slot;
		x.c.party = first + (nt->author != (size_t)-1 ? nt->author : 0);
		x.c.text = nt->text;
		x.c.date = nt->date;
		rc = push_said(c, &x);
	}
	return rc;
}

static int
gather(ldiff_consolidation *c, const ldiff_clauses *base)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < c->n_resp && rc == 0; i++) {
		ld_strmap *ids = ld_strmap_new();

		if (ids == NULL)
			return LDIFF_ENOMEM;
		rc = gather_units(c, i, ids);
		if (rc == 0)
			rc = gather_comments(c, i, ids, base);
		ld_strmap_free(ids);
	}
	return rc;
}

/* ---- records ----------------------------------------------------------- */

static int
by_slot_raw(const void *a, const void *b)
{
	const raw *x = a, *y = b;

	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
by_slot_said(const void *a, const void *b)
{
	const said *x = a, *y = b;

	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A group begun by its first proposal x. */
static void
open_group(ldiff_proposal *q, const raw *x, size_t *parties)
{
	q->op = x->op;
	q->text = x->text;
	q->id = x->id;
	q->parties = parties;
	if (x->unit != NULL) {
		q->edits = x->unit->edits;
		q->n_edits = x->unit->n_edits;
		q->cls = x->unit->cls;
		q->substantive = x->unit->substantive;
	} else
		q->substantive = 1;
}

/* Group the raws [lo, hi) of one slot into proposals: same operation,
 * same key. */
static int
group_slot(ldiff_consolidation *c, ldiff_consolidated *rec, size_t lo,
    size_t hi)
{
	size_t m = hi - lo, i, g;
	ldiff_proposal *p = ld_arena_alloc(c->arena, m * sizeof *p);
	size_t *who = ld_arena_alloc(c->arena, m * m * sizeof *who);
	const char **keys = ld_arena_alloc(c->arena, m * sizeof *keys);
	const char *key;

	if (p == NULL || who == NULL || keys == NULL)
		return LDIFF_ENOMEM;
	for (i = lo; i < hi; i++) {
		const raw *x = &c->raws[i];

		if ((key = ld_text_key(c->arena, x->text)) == NULL)
			return LDIFF_ENOMEM;
		for (g = 0; g < rec->n_proposals; g++)
			if (p[g].op == x->op && strcmp(keys[g], key) == 0)
				break;
		if (g == rec->n_proposals) {
			keys[g] = key;
			open_group(&p[rec->n_proposals++], x, who + g * m);
		}
		((size_t *)p[g].parties)[p[g].n_parties++] = x->party;
		c->parties[x->party].n_proposals++;
	}
	rec->proposals = p;
	rec->conflict = rec->n_proposals > 1;
	return 0;
}

static int
attach_comments(ldiff_consolidation *c, ldiff_consolidated *rec,
    size_t *j, size_t slot)
{
	size_t lo = *j, k;
	ldiff_comment *v;

	while (*j < c->n_saids && c->saids[*j].slot == slot)
		(*j)++;
	if (*j == lo)
		return 0;
	if ((v = ld_arena_alloc(c->arena, (*j - lo) * sizeof *v)) == NULL)
		return LDIFF_ENOMEM;
	for (k = lo; k < *j; k++) {
		v[k - lo] = c->saids[k].c;
		c->parties[v[k - lo].party].n_comments++;
	}
	rec->comments = v;
	rec->n_comments = *j - lo;
	return 0;
}

static void
place_record(const ldiff_consolidation *c, ldiff_consolidated *rec,
    size_t slot)
{
	if (slot % 2 == 1) {
		rec->base = c->orig[slot / 2];
		return;
	}
	rec->after = slot == 0 ? "" : c->orig[slot / 2 - 1]->id;
}

/* One record per slot with proposals or comments, in slot order. */
static int
build_records(ldiff_consolidation *c)
{
	size_t i = 0, j = 0, n = c->n_raws + c->n_saids;
	int rc = 0;

	/* qsort's array must not be NULL, even when empty */
	if (c->n_raws > 0)
		qsort(c->raws, c->n_raws, sizeof *c->raws, by_slot_raw);
	if (c->n_saids > 0)
		qsort(c->saids, c->n_saids, sizeof *c->saids, by_slot_said);
	c->recs = ld_arena_alloc(c->arena, (n + 1) * sizeof *c->recs);
	if (c->recs == NULL)
		return LDIFF_ENOMEM;
	while ((i < c->n_raws || j < c->n_saids) && rc == 0) {
		size_t slot, lo = i;
		ldiff_consolidated *rec = &c->recs[c->n_recs++];

		slot = j >= c->n_saids || (i < c->n_raws &&
		    c->raws[i].slot < c->saids[j].slot) ? c->raws[i].slot :
		    c->saids[j].slot;
		place_record(c, rec, slot);
		while (i < c->n_raws && c->raws[i].slot == slot)
			i++;
		if (i > lo)
			rc = group_slot(c, rec, lo, i);
		if (rc == 0)
			rc = attach_comments(c, rec, &j, slot);
	}
	return rc;
}

/* ---- the handle ------------------------------------------------------- */

static int
set_draft(ldiff_consolidation *c, const ldiff_clauses *base)
{
	size_t i, k = 0, n = ldiff_clauses_count(base);
	int rc = ld_clauses_without_comments(&c->draft, base);

	if (rc != 0)
		return rc;
	c->orig = ld_arena_alloc(c->arena, (n + 1) * sizeof *c->orig);
	if (c->orig == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < n; i++)
		if (!ld_is_comment_clause(ldiff_clauses_get(base, i)))
			c->orig[k++] = ldiff_clauses_get(base, i);
	return 0;
}

static int
start(ldiff_consolidation **out, const ldiff_clauses *base,
    const char *base_name, const ldiff_response *responses, size_t n)
{
	ldiff_consolidation *c = ld_calloc(1, sizeof *c);
	size_t i;

	if ((*out = c) == NULL || (c->arena = ld_arena_new()) == NULL)
		return LDIFF_ENOMEM;
	c->base_name = ld_arena_strdup(c->arena, base_name != NULL ?
	    base_name : "");
	c->resp = ld_arena_alloc(c->arena, (n + 1) * sizeof *c->resp);
	if (c->base_name == NULL || c->resp == NULL)
		return LDIFF_ENOMEM;
	c->n_resp = n;
	for (i = 0; i < n; i++)
		c->resp[i].in = &responses[i];
	return set_draft(c, base);
}

int
ldiff_consolidation_new(ldiff_consolidation **out,
    const ldiff_clauses *base, const char *base_name,
    const ldiff_response *responses, size_t n,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so,
    const ldiff_diff_opts *dopt, ldiff_error *err)
{
	ldiff_extract_opts xd;
	int rc;

	if (out == NULL || base == NULL || (n > 0 && responses == NULL))
		return ld_error(err, LDIFF_EINVAL, "no draft or responses");
	*out = NULL;
	if (xo == NULL) {
		ldiff_extract_opts_init(&xd);
		xo = &xd;
	}
	rc = start(out, base, base_name, responses, n);
	if (rc == 0)
		rc = read_responses(*out, xo, so, dopt, err);
	if (rc == 0)
		rc = add_parties(*out);
	if (rc == 0)
		rc = gather(*out, base);
	if (rc == 0)
		rc = build_records(*out);
	if (rc != 0) {
		if (err != NULL && err->code == 0)
			ld_error(err, rc, "%s", ldiff_strerror(rc));
		ldiff_consolidation_free(*out);
		*out = NULL;
	}
	return rc;
}

const char *
ldiff_consolidation_base_name(const ldiff_consolidation *c)
{
	return c->base_name;
}

size_t
ldiff_consolidation_count(const ldiff_consolidation *c)
{
	return c->n_recs;
}

const char *
ld_consolidated_section(const ldiff_consolidation *c,
    const ldiff_consolidated *r)
{
	size_t k, n = ldiff_clauses_count(c->draft);

	if (r->base != NULL)
		return r->base->section;
	for (k = 0; k < n; k++)		/* after is that clause's id */
		if (c->orig[k]->id == r->after)
			return c->orig[k]->section;
	return NULL;
}

const ldiff_consolidated *
ldiff_consolidation_get(const ldiff_consolidation *c, size_t i)
{
	return i < c->n_recs ? &c->recs[i] : NULL;
}

size_t
ldiff_consolidation_parties(const ldiff_consolidation *c)
{
	return c->n_parties;
}

const ldiff_party *
ldiff_consolidation_party(const ldiff_consolidation *c, size_t i)
{
	return i < c->n_parties ? &c->parties[i] : NULL;
}

size_t
ldiff_consolidation_responses(const ldiff_consolidation *c)
{
	return c->n_resp;
}

const ldiff_response_info *
ldiff_consolidation_response(const ldiff_consolidation *c, size_t i)
{
	return i < c->n_resp ? &c->info[i] : NULL;
}

void
ldiff_consolidation_free(ldiff_consolidation *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; c->resp != NULL && i < c->n_resp; i++)
		ld_response_free(&c->resp[i]);
	ld_free(c->raws);
	ld_free(c->saids);
	ldiff_clauses_free(c->draft);
	ld_arena_free(c->arena);
	ld_free(c);
}
