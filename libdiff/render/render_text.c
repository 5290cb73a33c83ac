/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_text.c - the diff as a reviewer reads it.
 *
 * The units arrive in reading order, pair by pair.  The text renderer walks
 * them once: a "--- old / +++ new" header per pair, the substitutions the
 * engine summarised (a period shift repeated through the document is told
 * once, with its count), then per section one header line per unit with
 * the clause numbers of both versions and what happened, and the clause
 * text with the word-level edits inline: wdiff's [-old-]{+new+}, or red
 * strike-through and green underline in colour.  Clauses that were only
 * renumbered are gathered into one line per section, because a clause
 * inserted early renumbers every clause after it and thirty identical
 * "4.3 -> 4.4" entries would bury the real changes.  With three or more
 * versions the lineage table (render_lineage.c) ends the output.  The
 * labels, colours and wrapping are the writer's (text_writer.c).
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "render/text_writer.h"

static void
flush_renumbered(struct tw *w)
{
	if (w->renum.len == 0)
		return;
	fprintf(w->f, "  %s: ", ld_tw_wlabel(w, L_RENUMBERED));
	ld_tw_sgr(w, SGR_DIM);
	ld_tw_put_text(w, ld_buf_str(&w->renum), NULL);
	ld_tw_sgr(w, SGR_OFF);
	fputc('\n', w->f);
	ld_buf_reset(&w->renum);
}

/* "  16 klausuler: endast periodändring [-2022-] → {+2026+}": clauses
 * whose only change is a substitution the header already told
 * "throughout", gathered per section like the renumbered ones. */
static void
flush_substs(struct tw *w)
{
	size_t k;

	for (k = 0; w->sub_any && k < w->nsub; k++) {
		const ldiff_subst *s = ldiff_diff_subst(w->d, k);

		if (w->sub[k] == 0)
			continue;
		fputs("  ", w->f);
		ld_tw_put_counted(w->f, w->sv, C_CLAUSES, w->sub[k]);
		fprintf(w->f, ": %s ", ld_tw_wlabel(w, (s->cls &
		    LDIFF_CLASS_PERIOD) ? L_ONLY_PERIOD : L_ONLY_SUBST));
		ld_tw_put_deleted(w, s->old_text);
		fputs(ARROW, w->f);
		ld_tw_put_inserted(w, s->new_text);
		fputs(": ", w->f);
		ld_tw_sgr(w, SGR_DIM);
		ld_tw_put_text(w, ld_buf_str(&w->subids[k]), NULL);
		ld_tw_sgr(w, SGR_OFF);
		fputc('\n', w->f);
		if (w->subids[k].oom)
			w->oom = 1;
		ld_buf_reset(&w->subids[k]);
		w->sub[k] = 0;
	}
	w->sub_any = 0;
}

static void
enter_section(struct tw *w, const char *section)
{
	if (w->section_shown && strcmp(section, w->section) == 0)
		return;
	flush_renumbered(w);
	flush_substs(w);
	fputc('\n', w->f);
	ld_tw_sgr(w, SGR_BOLD);
	ld_tw_put_text(w, *section ? section : ld_tw_wlabel(w, L_NOSECTION), NULL);
	ld_tw_sgr(w, SGR_OFF);
	fputc('\n', w->f);
	w->section = section;
	w->section_shown = 1;
}

/* The operation in a colour of its own: what was added green, what was
 * removed red, what moved or was cut apart cyan, a change yellow. */
static const char *
op_color(ldiff_op op)
{
	switch (op) {
	case LDIFF_OP_INSERTED: return "\033[1;32m";
	case LDIFF_OP_DELETED: return "\033[1;31m";
	case LDIFF_OP_MOVED:
	case LDIFF_OP_SPLIT:
	case LDIFF_OP_MERGED: return "\033[1;36m";
	case LDIFF_OP_CHANGED: return "\033[1;33m";
	default: break;
	}
	return SGR_BOLD;
}

/* "  4.2 → 5.2  changed (amount, wording)" */
static void
unit_header(struct tw *w, const ldiff_unit *u)
{
	unsigned cls = u->cls & ~w->hc;

	ld_buf_reset(&w->line);
	ld_buf_adds(&w->line, "  ");
	ld_tw_ids(w, &w->line, u->old_cl, u->n_old, ", ");
	ld_buf_adds(&w->line, ARROW);
	ld_tw_ids(w, &w->line, u->new_cl, u->n_new, ", ");
	ld_buf_adds(&w->line, "  ");
	ld_tw_put_text(w, ld_buf_str(&w->line), NULL);
	ld_tw_sgr(w, op_color(u->op));
	fputs(ld_tw_wlabel(w, ld_tw_op_label(u->op)), w->f);
	ld_tw_sgr(w, SGR_OFF);
	if (u->op == LDIFF_OP_INSERTED || u->op == LDIFF_OP_DELETED)
		cls = 0;
	if (cls != 0) {
		ld_buf_reset(&w->line);
		ld_tw_class_list(w, &w->line, cls);
		fprintf(w->f, " (%s)", ld_buf_str(&w->line));
	}
	fputc('\n', w->f);
}

/* Columns of s up to its first space; *done when there is one. */
static size_t
word_width(const char *s, int *done)
{
	size_t n = 0;

	for (; *s != '\0' && *s != ' ' && *s != '\n'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	*done = *s != '\0';
	return n;
}

/* Columns edit e takes before its first space, markers included; *done
 * when the space is inside it. */
static size_t
edit_word(const struct tw *w, const ldiff_edit *e, int *done)
{
	size_t n = 0, mark = w->color ? 0 : 2;

	*done = 0;
	if (e->op == LDIFF_EDIT_EQUAL || ld_edit_hidden(e, w->hc))
		return word_width(e->new_text, done);
	if (e->op != LDIFF_EDIT_INSERT && *e->old_text != '\0') {
		n += mark + word_width(e->old_text, done);
		if (*done)
			return n;
		n += mark;
	}
	if (e->op != LDIFF_EDIT_DELETE && *e->new_text != '\0') {
		n += mark + word_width(e->new_text, done);
		if (!*done)
			n += mark;
	}
	return n;
}

/*
 * How far a word at the end of edit i-1 really reaches: reach[i] is the
 * columns the edits from i on take before their first space.  One
 * backward pass over the unit's edits (reach[i] = edit i's part, plus
 * reach[i+1] when edit i holds no space), so a clause of many edits with
 * few spaces costs linear time, not a scan ahead from every edit.  0 when
 * not wrapping; -1 when out of memory (then nothing is looked ahead).
 */
static int
edit_reach(struct tw *w, const ldiff_unit *u)
{
	size_t i, n = u->n_edits;

	if (w->width == 0)
		return 0;
	if (n + 1 > w->reach_cap) {
		size_t *p = ld_reallocarray(w->reach, n + 1, sizeof *p);

		if (p == NULL)
			return -1;
		w->reach = p;
		w->reach_cap = n + 1;
	}
	w->reach[n] = 0;
	for (i = n; i-- > 0;) {
		int done;

		w->reach[i] = edit_word(w, &u->edits[i], &done);
		if (!done)
			w->reach[i] += w->reach[i + 1];
	}
	return 0;
}

/* The same for what follows the old (part 0) or new (part 1) text of
 * edit i: its closing marker, the new text of a replacement, the edits
 * after it. */
static size_t
tail_after(const struct tw *w, const ldiff_unit *u, size_t i, int part)
{
	const ldiff_edit *e = &u->edits[i];
	size_t mark = w->color ? 0 : 2, n = mark;
	int done = 0;

	if (w->width == 0 || w->reach == NULL)
		return 0;
	if (part == 0 && e->op == LDIFF_EDIT_REPLACE && *e->new_text != '\0') {
		n += mark + word_width(e->new_text, &done);
		if (done)
			return n;
		n += mark;
	}
	return n + w->reach[i + 1];
}

static void
unit_edits(struct tw *w, const ldiff_unit *u)
{
	size_t i;

	if (edit_reach(w, u) != 0) {
		ld_free(w->reach);	/* no look-ahead, and say so at the end */
		w->reach = NULL;
		w->reach_cap = 0;
		w->oom = 1;
	}
	fputs(INDENT, w->f);
	w->col = sizeof INDENT - 1;
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (e->op == LDIFF_EDIT_EQUAL || ld_edit_hidden(e, w->hc)) {
			w->tail = w->width && w->reach ? w->reach[i + 1] : 0;
			ld_tw_put_text(w, e->new_text, NULL);
			w->tail = 0;
			continue;
		}
		w->visible = (e->cls & LDIFF_CLASS_TYPOGRAPHY) != 0;
		if (e->op != LDIFF_EDIT_INSERT) {
			w->tail = tail_after(w, u, i, 0);
			ld_tw_put_deleted(w, e->old_text);
		}
		if (e->op != LDIFF_EDIT_DELETE) {
			w->tail = tail_after(w, u, i, 1);
			ld_tw_put_inserted(w, e->new_text);
		}
		w->visible = 0;
		w->tail = 0;
	}
	fputc('\n', w->f);
}

/* One line per amount or number that changed, with the difference. */
static void
unit_values(struct tw *w, const ldiff_unit *u)
{
	size_t i;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (!ld_edit_value_changed(e, LDIFF_CLASS_AMOUNT |
		    LDIFF_CLASS_NUMBER) || ld_edit_hidden(e, w->hc))
			continue;
		ld_buf_reset(&w->line);
		if (!(e->cls & LDIFF_CLASS_AMOUNT) && ld_edit_is_percent(u, i))
			ld_rate_change(&w->line, e, w->sv, 0);
		else
			ld_amount_change(&w->line, e, 0);
		fprintf(w->f, INDENT "%s: %s\n", ld_tw_wlabel(w,
		    (e->cls & LDIFF_CLASS_AMOUNT) ? L_AMOUNT : L_NUMBER),
		    ld_buf_str(&w->line));
	}
}

static void
clause_block(struct tw *w, const ldiff_clause *const *cl, size_t n,
    int how)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fputs(INDENT, w->f);
		w->col = sizeof INDENT - 1;
		if (how < 0)
			ld_tw_put_deleted(w, cl[i]->text);
		else if (how > 0)
			ld_tw_put_inserted(w, cl[i]->text);
		else
			ld_tw_put_text(w, cl[i]->text, NULL);
		fputc('\n', w->f);
	}
}

static void
unit_body(struct tw *w, const ldiff_unit *u)
{
	switch (u->op) {
	case LDIFF_OP_INSERTED:
		clause_block(w, u->new_cl, u->n_new, 1);
		unit_values(w, u);
		return;
	case LDIFF_OP_DELETED:
		clause_block(w, u->old_cl, u->n_old, -1);
		unit_values(w, u);
		return;
	default:
		break;
	}
	if (u->n_edits > 0) {
		unit_edits(w, u);
		unit_values(w, u);
	} else
		clause_block(w, u->new_cl, u->n_new, 0);
}

#define SUBST_EDITS 16	/* more edits than this: not one substitution */

/* The substitution told "throughout" that is a changed clause's only
 * change, or (size_t)-1.  Only when unchanged clauses are hidden: with
 * --unchanged the reader asked for every clause in full.  At most
 * SUBST_EDITS edits times the pair's substitutions per unit. */
static size_t
subst_only(const struct tw *w, const ldiff_unit *u)
{
	size_t i, k, first = (size_t)-1, shown = 0;

	if (w->sub == NULL || !(w->hide & LDIFF_HIDE_EQUAL) ||
	    u->op != LDIFF_OP_CHANGED || (u->cls & LDIFF_CLASS_RENUMBER))
		return (size_t)-1;
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (e->op == LDIFF_EDIT_EQUAL || ld_edit_hidden(e, w->hc))
			continue;
		if (++shown > SUBST_EDITS)
			return (size_t)-1;
		for (k = 0; k < w->nsub; k++) {
			const ldiff_subst *s = ldiff_diff_subst(w->d, k);

			if (s->from == u->from &&
			    (s->cls == 0 || (s->cls & ~w->hc) != 0) &&
			    strcmp(s->old_text, e->old_text) == 0 &&
			    strcmp(s->new_text, e->new_text) == 0)
				break;
		}
		if (k == w->nsub)
			return (size_t)-1;
		if (first == (size_t)-1)
			first = k;
	}
	return first;
}

static void
show_unit(struct tw *w, const ldiff_unit *u)
{
	size_t k;

	enter_section(w, ld_unit_section(u));
	if (ld_unit_renumber_only(u, w->hc)) {
		if (w->renum.len > 0)
			ld_buf_adds(&w->renum, ", ");
		ld_tw_ids(w, &w->renum, u->old_cl, u->n_old, "+");
		ld_buf_adds(&w->renum, ARROW);
		ld_tw_ids(w, &w->renum, u->new_cl, u->n_new, "+");
		return;
	}
	if ((k = subst_only(w, u)) != (size_t)-1) {
		if (w->sub[k]++ > 0)
			ld_buf_adds(&w->subids[k], ", ");
		ld_tw_ids(w, &w->subids[k], u->new_cl, u->n_new, "+");
		w->sub_any = 1;
		return;
	}
	unit_header(w, u);
	w->row = (u->n_new > 0 && u->new_cl[0]->kind == LDIFF_CL_ROW) ||
	    (u->n_old > 0 && u->old_cl[0]->kind == LDIFF_CL_ROW);
	w->wrap = 1;
	unit_body(w, u);
	w->row = w->wrap = 0;
}

static size_t
render_pair(struct tw *w, size_t pair)
{
	size_t i, n = ldiff_diff_count(w->d), shown = 0;

	ld_tw_pair_header(w, pair);
	ld_tw_pair_substs(w, pair);
	w->section_shown = 0;
	for (i = 0; i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (u->from != pair || ldiff_unit_hidden(u, w->hide))
			continue;
		show_unit(w, u);
		shown++;
	}
	flush_renumbered(w);
	flush_substs(w);
	if (shown == 0)
		fprintf(w->f, "  (%s)\n", ld_tw_wlabel(w, L_NODIFF));
	return shown;
}

int
ldiff_render_text(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o)
{
	struct tw w;
	size_t nver, n, i, pair, shown = 0;
	int r = ld_tw_begin(&w, d, out, o);

	if (r != 0)
		return r;
	nver = ldiff_diff_versions(d);
	n = ldiff_diff_count(d);
	w.nsub = ldiff_diff_subst_count(d);
	if (w.nsub > 0) {
		w.sub = ld_calloc(w.nsub, sizeof *w.sub);
		w.subids = ld_calloc(w.nsub, sizeof *w.subids);
		if (w.sub == NULL || w.subids == NULL)
			return ld_tw_end(&w, LDIFF_ENOMEM);
	}
	/* Like diff(1): nothing at all when nothing is shown. */
	for (i = 0; i < n && shown == 0; i++)
		shown = !ldiff_unit_hidden(ldiff_diff_unit(d, i), w.hide);
	if (shown == 0)
		goto out;
	for (pair = 0; pair + 1 < nver; pair++)
		render_pair(&w, pair);
	if (nver > 2)
		r = ld_tw_render_lineage(&w, nver);
out:
	return ld_tw_end(&w, r);
}
