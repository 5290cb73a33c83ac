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

/* The names of the operations, by ldiff_op. */
static const char *const op_names[] = {
	[LDIFF_OP_EQUAL] = "equal",
	[LDIFF_OP_CHANGED] = "changed",
	[LDIFF_OP_MOVED] = "moved",
	[LDIFF_OP_INSERTED] = "inserted",
	[LDIFF_OP_DELETED] = "deleted",
	[LDIFF_OP_SPLIT] = "split",
	[LDIFF_OP_MERGED] = "merged",
};
typedef char ld_op_names_complete[sizeof op_names / sizeof op_names[0] ==
    LDIFF_OP_MERGED + 1 ? 1 : -1];

/* The classes in the order they are listed (the one copy: see diff.h).
 * Wording first, then what a reader checks (money before other figures),
 * the changes that are not of substance last. */
const struct ld_class ld_classes[] = {
	{ LDIFF_CLASS_WORDING, "wording" },
	{ LDIFF_CLASS_AMOUNT, "amount" },
	{ LDIFF_CLASS_NUMBER, "number" },
	{ LDIFF_CLASS_DATE, "date" },
	{ LDIFF_CLASS_PERIOD, "period" },
	{ LDIFF_CLASS_TYPOGRAPHY, "typography" },
	{ LDIFF_CLASS_LANGUAGE, "language" },
	{ LDIFF_CLASS_RENUMBER, "renumber" },
};
/* LD_N_CLASSES must count the entries and the bits: a class added to
 * libdiff.h without its entry here fails to compile. */
typedef char ld_classes_complete[sizeof ld_classes / sizeof ld_classes[0] ==
    LD_N_CLASSES && LDIFF_CLASS_LANGUAGE == 1 << (LD_N_CLASSES - 1) ?
    1 : -1];

const char *
ldiff_op_name(ldiff_op op)
{
	return (unsigned)op <= LDIFF_OP_MERGED ? op_names[op] : "unknown";
}

const char *
ldiff_class_name(unsigned one_class)
{
	size_t i;

	for (i = 0; i < LD_N_CLASSES; i++)
		if (ld_classes[i].bit == one_class)
			return ld_classes[i].name;
	return "unknown";
}

size_t
ld_class_slot(unsigned one_class)
{
	size_t k = 0;

	while (k + 1 < LD_N_CLASSES && (one_class >> k) > 1)
		k++;
	return k;
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
