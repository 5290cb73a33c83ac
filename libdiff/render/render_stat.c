/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_stat.c - the statistics of a diff (--stat).
 *
 * The idea: count the same units the text renderer shows, as wdiff -s
 * counts words: per pair, clauses by operation, words common, inserted,
 * deleted and changed with percentages, units by change class, a table
 * by section, and every amount that changed.  The filters that hide units
 * from the text hide them from the counts too (counted apart, so the
 * reader knows they were there).
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "render/text_writer.h"

/* ---- ldiff_render_stat ---------------------------------------------------- */

/* The units as the page's summary counts them, and the words. */
struct counts {
	ld_unit_counts u;
	size_t common_old, common_new, del, ins, chg_old, chg_new;
};

struct sect {
	const char *name;
	struct counts c;
};

/* Sections by name: an open-addressed table over the pair's units, so a
 * document of many sections is not counted in quadratic time. */
struct sections {
	struct sect *v;
	size_t n;
	size_t *slot;		/* index + 1 into v, 0 = empty */
	size_t mask;
};

static struct counts *
section_counts(struct sections *t, const char *name)
{
	size_t h = ld_hash_str(name) & t->mask;

	while (t->slot[h] != 0) {
		struct sect *s = &t->v[t->slot[h] - 1];

		if (strcmp(s->name, name) == 0)
			return &s->c;
		h = (h + 1) & t->mask;
	}
	t->v[t->n].name = name;
	t->slot[h] = ++t->n;
	return &t->v[t->n - 1].c;
}

static void
count_edits(struct counts *c, const ldiff_unit *u, unsigned hc)
{
	size_t i;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];
		size_t wo = ld_tw_count_words(e->old_text);
		size_t wn = ld_tw_count_words(e->new_text);

		if (e->op == LDIFF_EDIT_EQUAL || ld_edit_hidden(e, hc)) {
			c->common_old += wo;
			c->common_new += wn;
		} else if (e->op == LDIFF_EDIT_DELETE)
			c->del += wo;
		else if (e->op == LDIFF_EDIT_INSERT)
			c->ins += wn;
		else {
			c->chg_old += wo;
			c->chg_new += wn;
		}
	}
}

static void
count_unit(struct counts *c, const ldiff_unit *u, unsigned hide)
{
	if (!ld_count_unit(&c->u, u, hide)) {
		c->common_old += ld_tw_count_clause_words(u->old_cl, u->n_old);
		c->common_new += ld_tw_count_clause_words(u->new_cl, u->n_new);
		return;
	}
	if (u->op == LDIFF_OP_INSERTED)
		c->ins += ld_tw_count_clause_words(u->new_cl, u->n_new);
	else if (u->op == LDIFF_OP_DELETED)
		c->del += ld_tw_count_clause_words(u->old_cl, u->n_old);
	else if (u->n_edits > 0)
		count_edits(c, u, ld_hidden_classes(hide));
	else {
		c->common_old += ld_tw_count_clause_words(u->old_cl, u->n_old);
		c->common_new += ld_tw_count_clause_words(u->new_cl, u->n_new);
	}
}

static void
add_counts(struct counts *to, const struct counts *c)
{
	ld_add_counts(&to->u, &c->u);
	to->common_old += c->common_old;
	to->common_new += c->common_new;
	to->del += c->del;
	to->ins += c->ins;
	to->chg_old += c->chg_old;
	to->chg_new += c->chg_new;
}

/* "  2600 95,1 % common" as wdiff -s puts it. */
static void
stat_words(struct tw *w, size_t k, size_t total, const char *what)
{
	ld_buf_reset(&w->line);
	ld_tw_put_percent(&w->line, total ? 100.0 * (double)k / (double)total : 0,
	    w->sv, 0);
	fprintf(w->f, "  %zu %s %s", k, ld_buf_str(&w->line), what);
}

static void
stat_summary(struct tw *w, const struct counts *cw, size_t pair)
{
	const ld_unit_counts *c = &cw->u;
	static const int ops[] = { C_CHANGED, C_MOVED, C_INSERTED,
	    C_DELETED, C_SPLIT, C_MERGED };
	static const ldiff_op opv[] = { LDIFF_OP_CHANGED, LDIFF_OP_MOVED,
	    LDIFF_OP_INSERTED, LDIFF_OP_DELETED, LDIFF_OP_SPLIT,
	    LDIFF_OP_MERGED };
	size_t told = cw->common_old + cw->del + cw->chg_old;
	size_t tnew = cw->common_new + cw->ins + cw->chg_new;
	size_t i, k;
	int sv = w->sv;

	fprintf(w->f, "%s: %zu %s, %zu %s; ", ld_tw_wlabel(w, L_CLAUSES),
	    ldiff_clauses_count(ldiff_diff_version(w->d, pair)),
	    ld_tw_wlabel(w, L_OLD), ldiff_clauses_count(ldiff_diff_version(w->d,
	    pair + 1)), ld_tw_wlabel(w, L_NEW));
	ld_tw_put_counted(w->f, sv, C_UNCHANGED, c->op[LDIFF_OP_EQUAL]);
	fputs(", ", w->f);
	ld_tw_put_counted(w->f, sv, C_RENUMBERED, c->renum + c->hid_renum);
	if (c->hid_renum > 0)
		ld_tw_put_counted(w->f, sv, C_HIDDEN, c->hid_renum);
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		fputs(", ", w->f);
		ld_tw_put_counted(w->f, sv, ops[i], c->op[opv[i]]);
		if (opv[i] == LDIFF_OP_CHANGED && c->hid_chg > 0)
			ld_tw_put_counted(w->f, sv, C_MORE_HIDDEN, c->hid_chg);
	}
	fprintf(w->f, "\n%s: %zu %s", ld_tw_wlabel(w, L_OLD), told,
	    ld_tw_wlabel(w, L_WORDS));
	stat_words(w, cw->common_old, told, ld_tw_wlabel(w, L_COMMON));
	stat_words(w, cw->del, told, ld_tw_wlabel(w, L_N_DELETED));
	stat_words(w, cw->chg_old, told, ld_tw_wlabel(w, L_N_CHANGED));
	fprintf(w->f, "\n%s: %zu %s", ld_tw_wlabel(w, L_NEW), tnew,
	    ld_tw_wlabel(w, L_WORDS));
	stat_words(w, cw->common_new, tnew, ld_tw_wlabel(w, L_COMMON));
	stat_words(w, cw->ins, tnew, ld_tw_wlabel(w, L_N_INSERTED));
	stat_words(w, cw->chg_new, tnew, ld_tw_wlabel(w, L_N_CHANGED));
	fprintf(w->f, "\n%s:", ld_tw_wlabel(w, L_CLASSES));
	for (i = 0, k = 0; i < LD_N_CLASSES; i++) {
		unsigned bit = ld_classes[i].bit;
		size_t n = c->cls[ld_class_slot(bit)];

		if (n > 0)
			fprintf(w->f, "%s %s %zu", k++ ? "," : "", ld_tw_wlabel(w,
			    ld_tw_class_label(bit)), n);
	}
	fputs(k ? "\n" : " 0\n", w->f);
}

static int
section_changed(const struct counts *c)
{
	size_t i, k = c->u.renum;

	for (i = LDIFF_OP_CHANGED; i < LD_N_OPS; i++)
		k += c->u.op[i];
	return k > 0;
}

/* How much of a section changed: the words inserted, deleted or changed
 * on either side over the words of both sides. */
static double
changed_share(const struct counts *c)
{
	size_t changed = c->ins + c->del + c->chg_old + c->chg_new;
	size_t all = changed + c->common_old + c->common_new;

	return all > 0 ? 100.0 * (double)changed / (double)all : 0;
}

static void
stat_sections(struct tw *w, const struct sections *t)
{
	size_t i, k;
	int head = 0;

	for (i = 0; i < t->n; i++) {
		const struct counts *c = &t->v[i].c;

		if (!section_changed(c))
			continue;
		if (!head) {
			for (k = 0; k < 10; k++) {
				const char *h = ld_tw_wlabel(w,
				    L_COL_INS + (int)k);
				size_t col = k < 7 ? 6 : k < 9 ? 8 : 9;
				size_t tw = ld_tw_text_width(h);

				for (; tw < col; tw++)
					fputc(' ', w->f);
				fputs(h, w->f);
			}
			fprintf(w->f, "  %s\n", ld_tw_wlabel(w, L_SECTION));
		}
		head = 1;
		fprintf(w->f, "%6zu%6zu%6zu%6zu%6zu%6zu%6zu%8zu%8zu  ",
		    c->u.op[LDIFF_OP_INSERTED], c->u.op[LDIFF_OP_DELETED],
		    c->u.op[LDIFF_OP_CHANGED], c->u.op[LDIFF_OP_MOVED],
		    c->u.op[LDIFF_OP_SPLIT], c->u.op[LDIFF_OP_MERGED], c->u.renum,
		    c->ins + c->chg_new, c->del + c->chg_old);
		ld_buf_reset(&w->line);
		ld_tw_put_percent(&w->line, changed_share(c), w->sv, 0);
		fprintf(w->f, "%*s%s  ", (int)(9 - ld_tw_text_width(
		    ld_buf_str(&w->line))), "", ld_buf_str(&w->line));
		ld_tw_put_text(w, *t->v[i].name ? t->v[i].name :
		    ld_tw_wlabel(w, L_NOSECTION), NULL);
		fputc('\n', w->f);
	}
}

/* Every amount that changed, with its clause: what a reviewer of a
 * funding agreement looks for first. */
static void
stat_amounts(struct tw *w, size_t pair)
{
	size_t i, k, n = ldiff_diff_count(w->d);
	int head = 0;

	for (i = 0; i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (u->from != pair || ldiff_unit_hidden(u, w->hide))
			continue;
		for (k = 0; k < u->n_edits; k++) {
			const ldiff_edit *e = &u->edits[k];

			if (!ld_edit_value_changed(e, LDIFF_CLASS_AMOUNT))
				continue;
			if (!head)
				fprintf(w->f, "%s:\n", ld_tw_wlabel(w,
				    L_AMOUNTS));
			head = 1;
			ld_buf_reset(&w->line);
			ld_tw_ids(w, &w->line, u->n_new ? u->new_cl : u->old_cl,
			    u->n_new ? u->n_new : u->n_old, "+");
			ld_buf_adds(&w->line, "  ");
			ld_amount_change(&w->line, e, 0);
			fputs("  ", w->f);
			ld_tw_put_text(w, ld_buf_str(&w->line), NULL);
			fputc('\n', w->f);
		}
	}
}

static int
stat_pair(struct tw *w, size_t pair)
{
	struct sections t = { NULL, 0, NULL, 0 };
	struct counts total;
	size_t i, n = ldiff_diff_count(w->d), cap = 16;

	memset(&total, 0, sizeof total);
	while (cap < 2 * n + 2)
		cap *= 2;
	t.v = ld_calloc(n + 1, sizeof *t.v);
	t.slot = ld_calloc(cap, sizeof *t.slot);
	t.mask = cap - 1;
	if (t.v == NULL || t.slot == NULL) {
		ld_free(t.v);
		ld_free(t.slot);
		return LDIFF_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (u->from == pair)
			count_unit(section_counts(&t, ld_unit_section(u)), u,
			    w->hide);
	}
	for (i = 0; i < t.n; i++)
		add_counts(&total, &t.v[i].c);
	ld_tw_pair_header(w, pair);
	stat_summary(w, &total, pair);
	ld_tw_pair_substs(w, pair);
	stat_amounts(w, pair);
	stat_sections(w, &t);
	ld_free(t.v);
	ld_free(t.slot);
	return 0;
}

int
ldiff_render_stat(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o)
{
	struct tw w;
	size_t pair, nver;
	int r = ld_tw_begin(&w, d, out, o);

	if (r != 0)
		return r;
	nver = ldiff_diff_versions(d);
	for (pair = 0; pair + 1 < nver && r == 0; pair++)
		r = stat_pair(&w, pair);
	return ld_tw_end(&w, r);
}
