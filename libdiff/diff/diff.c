/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * diff.c - the diff handle: options, accessors, names.
 *
 * The renderers only read a diff, so everything they need lives here,
 * apart from the alignment and the word diffs that build one
 * (diff_new.c): a program that only renders links no aligner.
 */
#include <string.h>

#include "diff/diff.h"

void
ldiff_diff_opts_init(ldiff_diff_opts *o)
{
	memset(o, 0, sizeof *o);
	o->version = LDIFF_DIFF_OPTS_VERSION;
	o->max_cost = 0;		/* ld_text_diff's default cap */
	o->min_similarity = 0.5;
	o->detect_moves = 1;
	o->threads = 1;
}

size_t
ldiff_diff_versions(const ldiff_diff *d)
{
	return d->nver;
}

const char *
ldiff_diff_version_name(const ldiff_diff *d, size_t i)
{
	if (i >= d->nver)
		return NULL;
	return d->names[i];
}

const ldiff_clauses *
ldiff_diff_version(const ldiff_diff *d, size_t i)
{
	if (i >= d->nver)
		return NULL;
	return d->ver[i];
}

size_t
ldiff_diff_count(const ldiff_diff *d)
{
	return d->n;
}

const ldiff_unit *
ldiff_diff_unit(const ldiff_diff *d, size_t i)
{
	if (i >= d->n)
		return NULL;
	return &d->units[i];
}

size_t
ldiff_diff_subst_count(const ldiff_diff *d)
{
	return d->nsubst;
}

const ldiff_subst *
ldiff_diff_subst(const ldiff_diff *d, size_t i)
{
	if (i >= d->nsubst)
		return NULL;
	return &d->substs[i];
}

/* Any unit not equal - and an equal unit whose number changed is a
 * difference too: a renumbering is something a reviewer must see. */
int
ldiff_unit_changed(const ldiff_unit *u)
{
	return u->op != LDIFF_OP_EQUAL || u->cls != 0;
}

int
ldiff_diff_has_changes(const ldiff_diff *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (ldiff_unit_changed(&d->units[i]))
			return 1;
	return 0;
}

void
ldiff_diff_free(ldiff_diff *d)
{
	if (d == NULL)
		return;
	ld_free(d->units);
	ld_arena_free(d->arena);
	ld_free(d);
}

const char *
ldiff_op_name(ldiff_op op)
{
	switch (op) {
	case LDIFF_OP_EQUAL:
		return "equal";
	case LDIFF_OP_CHANGED:
		return "changed";
	case LDIFF_OP_MOVED:
		return "moved";
	case LDIFF_OP_INSERTED:
		return "inserted";
	case LDIFF_OP_DELETED:
		return "deleted";
	case LDIFF_OP_SPLIT:
		return "split";
	case LDIFF_OP_MERGED:
		return "merged";
	}
	return "unknown";
}

const char *
ldiff_class_name(unsigned one_class)
{
	switch (one_class) {
	case LDIFF_CLASS_WORDING:
		return "wording";
	case LDIFF_CLASS_NUMBER:
		return "number";
	case LDIFF_CLASS_AMOUNT:
		return "amount";
	case LDIFF_CLASS_DATE:
		return "date";
	case LDIFF_CLASS_PERIOD:
		return "period";
	case LDIFF_CLASS_TYPOGRAPHY:
		return "typography";
	case LDIFF_CLASS_RENUMBER:
		return "renumber";
	case LDIFF_CLASS_LANGUAGE:
		return "language";
	}
	return "unknown";
}

/* ---- what a filter hides ------------------------------------------------ */

unsigned
ld_hidden_classes(unsigned hide)
{
	unsigned c = 0;

	if (hide & LDIFF_HIDE_TYPOGRAPHY)
		c |= LDIFF_CLASS_TYPOGRAPHY;
	if (hide & LDIFF_HIDE_LANGUAGE)
		c |= LDIFF_CLASS_LANGUAGE;
	if (hide & LDIFF_HIDE_RENUMBER)
		c |= LDIFF_CLASS_RENUMBER;
	if (hide & LDIFF_HIDE_PERIOD)
		c |= LDIFF_CLASS_PERIOD;
	return c;
}

/* Moves, splits, merges, insertions and deletions are never hidden: they
 * change the structure whatever their words.  An equal or changed unit is
 * hidden when every class it has is hidden. */
int
ldiff_unit_hidden(const ldiff_unit *u, unsigned hide)
{
	unsigned hc = ld_hidden_classes(hide);

	switch (u->op) {
	case LDIFF_OP_EQUAL:
		if (u->cls == 0)
			return (hide & LDIFF_HIDE_EQUAL) != 0;
		return (u->cls & ~hc) == 0;
	case LDIFF_OP_CHANGED:
		return u->cls != 0 && (u->cls & ~hc) == 0;
	default:
		return 0;
	}
}

int
ld_unit_shown_change(const ldiff_unit *u, unsigned hide)
{
	return ldiff_unit_changed(u) && !ldiff_unit_hidden(u, hide);
}

/* A renumbered clause whose text is the same once the hidden classes hc
 * are set aside: the renderers gather these into one line or one badge
 * instead of a unit each. */
int
ld_unit_renumber_only(const ldiff_unit *u, unsigned hc)
{
	if (u->op != LDIFF_OP_EQUAL && u->op != LDIFF_OP_CHANGED)
		return 0;
	return (u->cls & LDIFF_CLASS_RENUMBER) &&
	    (u->cls & ~hc & ~LDIFF_CLASS_RENUMBER) == 0;
}

int
ld_edit_hidden(const ldiff_edit *e, unsigned hc)
{
	return e->op != LDIFF_EDIT_EQUAL && e->cls != 0 &&
	    (e->cls & ~hc) == 0;
}
