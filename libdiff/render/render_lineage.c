/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_lineage.c - the lineage table that ends the text output of three
 * or more versions.
 *
 * The idea: a reviewer of the fourth version of an agreement asks of a
 * clause "when did this come in, and when did it change?".  Each clause
 * that changed somewhere gets one line: its numbers in every version, in
 * columns, and the versions in which it was introduced, changed, moved,
 * split, merged or deleted.  The lineages themselves are the diff's
 * (diff/lineage.c); this file only lays them out.
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "render/text_writer.h"

#define LINEAGE_COL 12	/* widest id column of the lineage table */

static int
event_label(const ldiff_unit *u)
{
	switch (u->op) {
	case LDIFF_OP_INSERTED: return L_INTRODUCED;
	case LDIFF_OP_DELETED: return L_DELETED_IN;
	case LDIFF_OP_MOVED: return L_MOVED_IN;
	case LDIFF_OP_SPLIT: return L_SPLIT_IN;
	case LDIFF_OP_MERGED: return L_MERGED_IN;
	case LDIFF_OP_EQUAL: return L_RENUMBERED_IN;
	default: break;
	}
	return (u->cls & ~LDIFF_CLASS_RENUMBER) ? L_CHANGED_IN :
	    L_RENUMBERED_IN;
}

/* The numbers of one lineage in every version, into col[0..nver): every
 * clause of it, so the parts of a split stay in the versions after it.
 * A version's numbers come from the units into it, else (the first
 * version, a deleted clause) from the units out of it; the units are in
 * pair order, so those into version v come before those out of it. */
static void
lineage_ids(struct tw *w, const size_t *units, const ld_lineage *g,
    ld_buf *col, size_t nver)
{
	size_t i, v, out_of = SIZE_MAX;

	for (v = 0; v < nver; v++)
		ld_buf_reset(&col[v]);
	for (i = g->start; i < g->end; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, units[i]);

		if (u->n_old > 0 && u->from < nver &&
		    (col[u->from].len == 0 || out_of == u->from)) {
			if (col[u->from].len > 0)
				ld_buf_addc(&col[u->from], '+');
			ld_tw_ids(w, &col[u->from], u->old_cl, u->n_old, "+");
			out_of = u->from;
		}
		if (u->n_new > 0 && u->to < nver) {
			if (col[u->to].len > 0)
				ld_buf_addc(&col[u->to], '+');
			ld_tw_ids(w, &col[u->to], u->new_cl, u->n_new, "+");
		}
	}
	for (v = 0; v < nver; v++)
		if (col[v].len == 0)
			ld_buf_adds(&col[v], "\xe2\x80\x93");
}

static void
lineage_line(struct tw *w, const size_t *units, const ld_lineage *g,
    ld_buf *col, const size_t *width, ld_buf *lab, size_t nver)
{
	size_t i, v, k, last_to = 0;
	int first = 1, last_ev = -1;

	fputs("  ", w->f);
	for (v = 0; v < nver; v++) {
		if (v > 0)
			fputs(ARROW, w->f);
		ld_tw_put_text(w, ld_buf_str(&col[v]), NULL);
		for (k = ld_tw_text_width(ld_buf_str(&col[v])); k < width[v]; k++)
			fputc(' ', w->f);
	}
	fputs("  ", w->f);
	for (i = g->start; i < g->end; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, units[i]);
		int ev = event_label(u);

		if (!ld_unit_shown_change(u, w->hide) || u->to >= nver)
			continue;
		/* the parts of a split clause change together: say it once */
		if (!first && ev == last_ev && u->to == last_to)
			continue;
		fprintf(w->f, "%s%s ", first ? "" : ", ", ld_tw_wlabel(w, ev));
		ld_tw_put_text(w, ld_buf_str(&lab[u->to]), NULL);
		first = 0;
		last_ev = ev;
		last_to = u->to;
	}
	fputc('\n', w->f);
}

int
ld_tw_render_lineage(struct tw *w, size_t nver)
{
	size_t *units = NULL;
	ld_lineage *g = NULL;
	ld_buf *lab = ld_calloc(nver, sizeof *lab);
	ld_buf *col = ld_calloc(nver, sizeof *col);
	size_t *width = ld_calloc(nver, sizeof *width);
	size_t ng = 0, i, v;
	int r = LDIFF_ENOMEM;

	if (lab == NULL || col == NULL || width == NULL)
		goto out;
	if ((r = ld_tw_version_labels(w->d, lab, nver)) != 0 ||
	    (r = ld_lineages(w->d, w->hide, &units, &g, &ng)) != 0 ||
	    ng == 0)
		goto out;
	for (i = 0; i < ng; i++) {
		lineage_ids(w, units, &g[i], col, nver);
		for (v = 0; v < nver; v++)
			if (ld_tw_text_width(ld_buf_str(&col[v])) > width[v])
				width[v] = ld_tw_text_width(ld_buf_str(&col[v]));
	}
	/* Long ld_tw_ids (table rows, unnumbered paragraphs) overflow their
	 * column rather than push every line to the right. */
	for (v = 0; v < nver; v++) {
		if (width[v] > LINEAGE_COL)
			width[v] = LINEAGE_COL;
	}
	fputc('\n', w->f);
	ld_tw_sgr(w, SGR_BOLD);
	fprintf(w->f, "%s: ", ld_tw_wlabel(w, L_LINEAGE));
	for (v = 0; v < nver; v++) {
		fputs(v > 0 ? ARROW : "", w->f);
		ld_tw_put_text(w, ld_buf_str(&lab[v]), NULL);
	}
	ld_tw_sgr(w, SGR_OFF);
	fputc('\n', w->f);
	for (i = 0; i < ng; i++) {
		lineage_ids(w, units, &g[i], col, nver);
		lineage_line(w, units, &g[i], col, width, lab, nver);
	}
	for (v = 0; v < nver; v++)
		if (col[v].oom)
			r = LDIFF_ENOMEM;
out:
	for (v = 0; lab != NULL && col != NULL && v < nver; v++) {
		ld_buf_free(&lab[v]);
		ld_buf_free(&col[v]);
	}
	ld_free(lab);
	ld_free(col);
	ld_free(width);
	ld_free(units);
	ld_free(g);
	return r;
}
