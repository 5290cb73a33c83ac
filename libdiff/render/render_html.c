/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_html.c - the diff as one self-contained review page: the units,
 * the summary and the lineage (the page around them is html_page.c).
 *
 * Each changed clause's text is written twice, once per column, with both
 * <del> and <ins>: the old column hides the insertions, the new one the
 * deletions, and the inline view shows the new column with both.  That
 * costs two copies instead of three.
 *
 * Every unit is an <article> with data-op, data-old-id and data-new-id,
 * so a script (or the browser test) finds each change of --json on the
 * page.  The summary counts the units the way kldiff --stat does.  With
 * three or more versions a lineage table follows: each clause that
 * changed, its number and status in every version.  Output depends on the
 * input only (no clock), so golden tests hold.
 *
 * The parallel layout (parallelluppställning) is a view of its own, shown
 * when its radio button is: the rows are paper_rows.c's and the closing
 * remark paper_say.c's, the same facts as kldiff --parallel; this file
 * only lays them out in the page's own marks.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/html_page.h"
#include "render/paper.h"

/* The classes are listed in the order of ld_classes (diff.h), their
 * names the CSS classes; the labels are in bit order. */
typedef char h_class_labels_in_order[H_LANGUAGE - H_WORDING ==
    LD_N_CLASSES - 1 ? 1 : -1];
#define CLASS_LABEL(i) (H_WORDING + (int)ld_class_slot(ld_classes[i].bit))

/* ---- pieces of a unit ---------------------------------------------------- */

static void
ids(struct hw *w, const ldiff_clause *const *cl, size_t n, const char *sep)
{
	size_t i;

	if (n == 0)
		ld_hw_puts(w, "\xe2\x80\x93");
	for (i = 0; i < n; i++) {
		if (i > 0)
			ld_hw_puts(w, sep);
		if (strncmp(cl[i]->id, "row:", 4) == 0) {
			/* "rad Umeå kommun" to a reader; data-*-id keep "row:" */
			ld_buf_printf(&w->b, "%s ", L(w, H_ROW));
			ld_hw_esc(w, cl[i]->id + 4);
		} else
			ld_hw_esc(w, cl[i]->id[0] != '\0' ? cl[i]->id : "?");
	}
}

static void
attr_ids(struct hw *w, const ldiff_clause *const *cl, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			ld_hw_puts(w, "|");
		ld_hw_esc_attr(w, cl[i]->id);
	}
}

/* "Periodändring" -> "periodändring" inside a sentence (the labels are
 * ASCII or Swedish; a capital Å Ä Ö is two bytes, 0xc3 0x85/0x84/0x96). */
static void
lower_first(struct hw *w, const char *s)
{
	unsigned char c = (unsigned char)s[0];

	if (c >= 'A' && c <= 'Z') {
		ld_buf_addc(&w->b, (char)(c - 'A' + 'a'));
		ld_hw_puts(w, s + 1);
	} else if (c == 0xc3 && ((unsigned char)s[1] == 0x85 ||
	    (unsigned char)s[1] == 0x84 || (unsigned char)s[1] == 0x96)) {
		ld_buf_addc(&w->b, (char)0xc3);
		ld_buf_addc(&w->b, (char)(s[1] + 0x20));
		ld_hw_puts(w, s + 2);
	} else
		ld_hw_puts(w, s);
}

/* Class names: how 0 = labels, the first capitalised; 1 = CSS names;
 * 2 = labels inside a sentence, all lowercase. */
static void
class_names(struct hw *w, unsigned cls, int css_names)
{
	size_t i;
	int first = 1;

	for (i = 0; i < LD_N_CLASSES; i++) {
		if (!(cls & ld_classes[i].bit))
			continue;
		ld_hw_puts(w, first ? "" : css_names == 1 ? " " : ", ");
		if (css_names == 1)
			ld_hw_puts(w, ld_classes[i].name);
		else if (css_names == 2 || !first)
			lower_first(w, L(w, CLASS_LABEL(i)));
		else
			ld_hw_puts(w, L(w, CLASS_LABEL(i)));
		first = 0;
	}
}

static int
typo_only(unsigned cls)
{
	return cls != 0 && (cls & ~(unsigned)(LDIFF_CLASS_TYPOGRAPHY |
	    LDIFF_CLASS_RENUMBER)) == 0;
}

/* Where the clauses of a split or merge meet in the joined texts the
 * edits run over (diff_new.c joins them with one space): a line break
 * there, of the side(s) whose clauses end, so each column shows its own
 * clauses one per line. */
struct brk {
	const ldiff_unit *u;
	size_t oo, no;		/* offsets in the old and new joined texts */
	size_t ob, nb;		/* next boundary on each side, or SIZE_MAX */
	size_t ok, nk;		/* clauses passed on each side */
	size_t os, ns;		/* start of the current clause on each side */
};

static size_t
next_boundary(const ldiff_clause *const *cl, size_t n, size_t k,
    size_t *start)
{
	if (k + 1 >= n)
		return (size_t)-1;
	*start += strlen(cl[k]->text) + 1;
	return *start;
}

static void
brk_text(struct hw *w, struct brk *b, const char *s, int how, int ty)
{
	size_t len = strlen(s), i = 0;
	int adv_old = how <= 0, adv_new = how >= 0;

	while (i < len) {
		size_t n = len - i;
		int at_old, at_new;

		if (adv_old && b->ob != (size_t)-1 && b->ob - b->oo < n)
			n = b->ob - b->oo;
		if (adv_new && b->nb != (size_t)-1 && b->nb - b->no < n)
			n = b->nb - b->no;
		ld_hw_mark_n(w, s + i, n, how, ty);
		i += n;
		b->oo += adv_old ? n : 0;
		b->no += adv_new ? n : 0;
		at_old = adv_old && b->oo == b->ob;
		at_new = adv_new && b->no == b->nb;
		if (!at_old && !at_new)
			continue;
		ld_buf_printf(&w->b, "<br class=\"%s\">", at_old && at_new ?
		    "b" : at_new ? "nb" : "ob");
		if (at_old)
			b->ob = next_boundary(b->u->old_cl, b->u->n_old,
			    ++b->ok, &b->os);
		if (at_new)
			b->nb = next_boundary(b->u->new_cl, b->u->n_new,
			    ++b->nk, &b->ns);
	}
}

/* The edits as one paragraph with both <del> and <ins>; CSS shows what
 * each column needs. */
static void
edits_para(struct hw *w, const ldiff_unit *u)
{
	struct brk b;
	size_t i;

	memset(&b, 0, sizeof b);
	b.u = u;
	b.ob = next_boundary(u->old_cl, u->n_old, 0, &b.os);
	b.nb = next_boundary(u->new_cl, u->n_new, 0, &b.ns);
	ld_hw_puts(w, "<p>");
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];
		int ty = typo_only(e->cls);

		if (e->op == LDIFF_EDIT_EQUAL) {
			brk_text(w, &b, e->new_text, 0, ty);
			continue;
		}
		if (e->op != LDIFF_EDIT_INSERT)
			brk_text(w, &b, e->old_text, -1, ty);
		if (e->op != LDIFF_EDIT_DELETE)
			brk_text(w, &b, e->new_text, 1, ty);
	}
	ld_hw_puts(w, "</p>");
}

static void
clauses_para(struct hw *w, const ldiff_clause *const *cl, size_t n,
    int how)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ld_hw_puts(w, "<p>");
		if (how < 0)
			ld_hw_del_text(w, cl[i]->text, 0);
		else if (how > 0)
			ld_hw_ins_text(w, cl[i]->text, 0);
		else
			ld_hw_esc(w, cl[i]->text);
		ld_hw_puts(w, "</p>");
	}
}

static void
column(struct hw *w, const char *cls, int lab)
{
	ld_buf_printf(&w->b, "<div class=\"%s\"><div class=\"col\" "
	    "aria-hidden=\"true\">%s</div>", cls, L(w, lab));
}

static void
unit_body(struct hw *w, const ldiff_unit *u)
{
	if (u->op == LDIFF_OP_EQUAL && u->n_edits == 0) {
		ld_hw_puts(w, "<div class=\"one\">");
		clauses_para(w, u->new_cl, u->n_new, 0);
		ld_hw_puts(w, "</div>");
		return;
	}
	ld_hw_puts(w, "<div class=\"side\">");
	/* an insertion keeps the old column, empty, so it reads on the
	 * right like every other new text */
	if (u->op == LDIFF_OP_INSERTED)
		ld_hw_puts(w, "<div class=\"o\"></div>");
	if (u->op != LDIFF_OP_INSERTED) {
		column(w, "o", H_OLD);
		if (u->n_edits > 0 && u->op != LDIFF_OP_DELETED)
			edits_para(w, u);
		else
			clauses_para(w, u->old_cl, u->n_old,
			    u->op == LDIFF_OP_DELETED ? -1 : 0);
		ld_hw_puts(w, "</div>");
	}
	if (u->op != LDIFF_OP_DELETED) {
		column(w, "n", H_NEW);
		if (u->n_edits > 0 && u->op != LDIFF_OP_INSERTED)
			edits_para(w, u);
		else
			clauses_para(w, u->new_cl, u->n_new,
			    u->op == LDIFF_OP_INSERTED ? 1 : 0);
		ld_hw_puts(w, "</div>");
	}
	ld_hw_puts(w, "</div>");
}

/* An edit's values, when both are finite: the page shows no "?". */
static int
values_shown(const ldiff_edit *e, unsigned classes)
{
	return ld_edit_value_changed(e, classes) && isfinite(e->old_value) &&
	    isfinite(e->new_value);
}

static void
value_change(struct hw *w, const ldiff_edit *e)
{
	ld_buf_printf(&w->b, "<li>%s: ", L(w, (e->cls & LDIFF_CLASS_AMOUNT) ?
	    H_AMOUNT : H_NUMBER));
	ld_amount_change(&w->b, e, LD_FMT_TYPO);
	ld_hw_puts(w, "</li>");
}

static void
unit_values(struct hw *w, const ldiff_unit *u)
{
	size_t i;
	int any = 0;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (!values_shown(e, LDIFF_CLASS_AMOUNT | LDIFF_CLASS_NUMBER))
			continue;
		if (!any)
			ld_hw_puts(w, "<ul class=\"vals\">");
		any = 1;
		if (!(e->cls & LDIFF_CLASS_AMOUNT) && ld_edit_is_percent(u, i)) {
			ld_buf_printf(&w->b, "<li>%s: ", L(w, H_NUMBER));
			ld_rate_change(&w->b, e, w->sv, LD_FMT_TYPO);
			ld_hw_puts(w, "</li>");
		} else
			value_change(w, e);
	}
	if (any)
		ld_hw_puts(w, "</ul>");
}

/* Filter classes: ns = hidden by --substantive, pe = by --hide-period,
 * np = by both together, eq = an unchanged clause. */
static void
unit_filters(struct hw *w, const ldiff_unit *u)
{
	if (!ldiff_unit_changed(u))
		ld_hw_puts(w, " eq");
	else if (ldiff_unit_hidden(u, LDIFF_HIDE_NONSUBSTANTIVE))
		ld_hw_puts(w, " ns");
	if (ldiff_unit_changed(u) && ldiff_unit_hidden(u, LDIFF_HIDE_PERIOD))
		ld_hw_puts(w, " pe");
	else if (ldiff_unit_changed(u) && !ldiff_unit_hidden(u,
	    LDIFF_HIDE_NONSUBSTANTIVE) && ldiff_unit_hidden(u,
	    LDIFF_HIDE_NONSUBSTANTIVE | LDIFF_HIDE_PERIOD))
		ld_hw_puts(w, " np");	/* period and typography, say */
}

static void
unit_header(struct hw *w, const ldiff_unit *u, size_t i)
{
	const char *opn = ldiff_op_name(u->op);
	unsigned cls = u->cls;

	ld_buf_printf(&w->b, "<h4 class=\"uh\"><a class=\"ids\" "
	    "href=\"#u%zu\">", i);
	ids(w, u->old_cl, u->n_old, " + ");
	ld_hw_puts(w, " \xe2\x86\x92 ");
	ids(w, u->new_cl, u->n_new, " + ");
	ld_hw_puts(w, "</a> ");
	if (ld_unit_renumber_only(u, 0))
		ld_buf_printf(&w->b, "<span class=\"badge\">%s</span>",
		    L(w, H_RENUMBER));
	else
		ld_buf_printf(&w->b, "<span class=\"badge b-%s\">%s</span>",
		    opn, ld_hw_op_label(w, u->op));
	if (u->op == LDIFF_OP_INSERTED || u->op == LDIFF_OP_DELETED ||
	    ld_unit_renumber_only(u, 0))
		cls = 0;
	if (cls != 0) {
		ld_hw_puts(w, " <span class=\"cls\">");
		class_names(w, cls, 0);
		ld_hw_puts(w, "</span>");
	}
	if (u->op == LDIFF_OP_MOVED)
		ld_buf_printf(&w->b, " <a class=\"mv\" href=\"#u%zu-from\">"
		    "%s</a>", i, L(w, H_MOVED_FROM));
	ld_hw_puts(w, "</h4>");
}

static void
show_unit(struct hw *w, const ldiff_unit *u, size_t i)
{
	ld_buf_printf(&w->b, "<article class=\"u op-%s", ldiff_op_name(u->op));
	unit_filters(w, u);
	ld_buf_printf(&w->b, "\" id=\"u%zu\" data-op=\"%s\" data-old-id=\"",
	    i, ldiff_op_name(u->op));
	attr_ids(w, u->old_cl, u->n_old);
	ld_hw_puts(w, "\" data-new-id=\"");
	attr_ids(w, u->new_cl, u->n_new);
	ld_hw_puts(w, "\" data-class=\"");
	class_names(w, u->cls, 1);
	ld_buf_printf(&w->b, "\" data-pair=\"%zu\">", u->from);
	unit_header(w, u, i);
	unit_body(w, u);
	unit_values(w, u);
	ld_hw_puts(w, "</article>\n");
	ld_hw_flush(w, 0);
}

/* Where a moved clause used to stand: a dashed stub linking to it. */
static void
moved_stub(struct hw *w, const ldiff_unit *u, size_t i)
{
	ld_buf_printf(&w->b, "<div class=\"stub\" id=\"u%zu-from\">", i);
	ids(w, u->old_cl, u->n_old, " + ");
	ld_buf_printf(&w->b, " %s <a href=\"#u%zu\">", L(w, H_MOVED_TO), i);
	ids(w, u->new_cl, u->n_new, " + ");
	ld_hw_puts(w, "</a></div>\n");
}

/* The stubs of the clauses that left the place after unit `after` (or
 * LD_SLOT_TOP); the places come in order, so a cursor finds them. */
static void
stubs_after(struct hw *w, size_t after)
{
	while (w->mk < w->nmv && w->mv[w->mk].after == after) {
		moved_stub(w, ldiff_diff_unit(w->d, w->mv[w->mk].unit),
		    w->mv[w->mk].unit);
		w->mk++;
	}
}

/* ---- the summary --------------------------------------------------------- */

static void
pair_title(struct hw *w, size_t pair)
{
	ld_hw_esc(w, ld_buf_str(&w->vlab[pair]));
	ld_hw_puts(w, " \xe2\x86\x92 ");
	ld_hw_esc(w, ld_buf_str(&w->vlab[pair + 1]));
}

static void
stat_cell(struct hw *w, const char *key, const char *lab, size_t n)
{
	ld_buf_printf(&w->b, "<tr><th scope=\"row\">%s</th><td class=\"n\" "
	    "data-stat=\"%s\">%zu</td></tr>", lab, key, n);
}

static void
summary_counts(struct hw *w, size_t pair, const ld_unit_counts *t)
{
	static const ldiff_op ops[] = { LDIFF_OP_CHANGED, LDIFF_OP_MOVED,
	    LDIFF_OP_INSERTED, LDIFF_OP_DELETED, LDIFF_OP_SPLIT,
	    LDIFF_OP_MERGED };
	size_t i;

	ld_buf_printf(&w->b, "<div class=\"sum\"><table><caption>%s: %zu %s, "
	    "%zu %s</caption>", L(w, H_CLAUSES),
	    ldiff_clauses_count(ldiff_diff_version(w->d, pair)), L(w, H_OLD),
	    ldiff_clauses_count(ldiff_diff_version(w->d, pair + 1)),
	    L(w, H_NEW));
	stat_cell(w, "equal", L(w, H_N_EQUAL), t->op[LDIFF_OP_EQUAL]);
	stat_cell(w, "renumbered", L(w, H_N_RENUMBERED), t->renum);
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
		stat_cell(w, ldiff_op_name(ops[i]),
		    L(w, H_N_EQUAL + (int)ops[i]), t->op[ops[i]]);
	ld_buf_printf(&w->b, "</table><table><caption>%s</caption>",
	    L(w, H_CHANGES));
	stat_cell(w, "substantive", L(w, H_SUBSTANTIVE), t->substantive);
	for (i = 0; i < LD_N_CLASSES; i++) {
		char key[32];

		snprintf(key, sizeof key, "class-%s", ld_classes[i].name);
		stat_cell(w, key, L(w, CLASS_LABEL(i)),
		    t->cls[ld_class_slot(ld_classes[i].bit)]);
	}
	ld_hw_puts(w, "</table></div>\n");
}

static void
summary_substs(struct hw *w, size_t pair)
{
	size_t i, n = ldiff_diff_subst_count(w->d);
	int any = 0;

	for (i = 0; i < n; i++) {
		const ldiff_subst *s = ldiff_diff_subst(w->d, i);

		if (s->from != pair)
			continue;
		if (!any)
			ld_buf_printf(&w->b, "<p>%s:</p><ul>",
			    L(w, H_THROUGHOUT));
		any = 1;
		ld_hw_puts(w, "<li>");
		ld_hw_del_text(w, s->old_text, 0);
		ld_hw_puts(w, " \xe2\x86\x92 ");
		ld_hw_ins_text(w, s->new_text, 0);
		ld_buf_printf(&w->b, " (%zu %s", s->count, L(w, H_TIMES));
		if (s->cls != 0)
			ld_hw_puts(w, ", ");
		class_names(w, s->cls, 2);
		ld_hw_puts(w, ")</li>");
	}
	if (any)
		ld_hw_puts(w, "</ul>\n");
}

/* Every amount that changed, linked to its clause: the list kldiff --stat
 * gives, from the same edits. */
static void
summary_amounts(struct hw *w, size_t lo, size_t hi)
{
	size_t i, k;
	int any = 0;

	for (i = lo; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		for (k = 0; k < u->n_edits; k++) {
			const ldiff_edit *e = &u->edits[k];

			if (!values_shown(e, LDIFF_CLASS_AMOUNT))
				continue;
			if (!any)
				ld_buf_printf(&w->b, "<p>%s:</p><ul class="
				    "\"amts\">", L(w, H_AMOUNTS));
			any = 1;
			ld_buf_printf(&w->b, "<li><a href=\"#u%zu\">", i);
			if (u->n_new > 0)
				ids(w, u->new_cl, u->n_new, "+");
			else
				ids(w, u->old_cl, u->n_old, "+");
			ld_hw_puts(w, "</a>: ");
			ld_amount_change(&w->b, e, LD_FMT_TYPO);
			ld_hw_puts(w, "</li>");
		}
	}
	if (any)
		ld_hw_puts(w, "</ul>\n");
}

/* One row per section with changes: the counts, and a link per unit. */
static void
section_row(struct hw *w, size_t s, size_t e)
{
	const char *name = ld_unit_section(ldiff_diff_unit(w->d, s));
	size_t i, n = 0, ns = 0;

	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		n += ldiff_unit_changed(u);
		ns += ldiff_unit_changed(u) && !u->substantive;
	}
	if (n == 0)
		return;
	ld_buf_printf(&w->b, "<tr%s><td><a href=\"#u%zu\">",
	    ns == n ? " class=\"ns\"" : "", s);
	ld_hw_esc(w, *name ? name : L(w, H_NOSECTION));
	ld_buf_printf(&w->b, "</a></td><td class=\"n\">%zu</td><td>", n);
	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (!ldiff_unit_changed(u))
			continue;
		ld_buf_printf(&w->b, "<a href=\"#u%zu\"%s title=\"%s\">", i,
		    u->substantive ? "" : " class=\"ns\"",
		    ld_unit_renumber_only(u, 0) ? L(w, H_RENUMBER) :
		    ld_hw_op_label(w, u->op));
		if (u->n_new > 0)
			ids(w, u->new_cl, u->n_new, "+");
		else
			ids(w, u->old_cl, u->n_old, "+");
		ld_hw_puts(w, "</a> ");
	}
	ld_hw_puts(w, "</td></tr>\n");
}

static void
summary_sections(struct hw *w, size_t lo, size_t hi)
{
	size_t i, s;

	ld_buf_printf(&w->b, "<table class=\"secs\"><caption>%s</caption>"
	    "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th></tr>\n", L(w, H_BYSECTION),
	    L(w, H_SECTION), L(w, H_UNITS), L(w, H_CHANGES_OF));
	for (s = lo; s < hi; s = i) {
		const char *name = ld_unit_section(ldiff_diff_unit(w->d, s));

		for (i = s + 1; i < hi && strcmp(ld_unit_section(
		    ldiff_diff_unit(w->d, i)), name) == 0; i++)
			;
		section_row(w, s, i);
	}
	ld_hw_puts(w, "</table>\n");
}

/* The units of pair p are [*lo, *hi): the engine stores them pair by
 * pair. */
static void
pair_range(const ldiff_diff *d, size_t pair, size_t *lo, size_t *hi)
{
	size_t n = ldiff_diff_count(d), i;

	for (i = 0; i < n && ldiff_diff_unit(d, i)->from < pair; i++)
		;
	*lo = i;
	for (; i < n && ldiff_diff_unit(d, i)->from == pair; i++)
		;
	*hi = i;
}

static void
summary(struct hw *w)
{
	size_t pair, nver = ldiff_diff_versions(w->d), lo, hi, i;

	ld_buf_printf(&w->b, "<nav aria-labelledby=\"sum-h\">"
	    "<h2 id=\"sum-h\">%s</h2>\n", L(w, H_SUMMARY));
	for (pair = 0; pair + 1 < nver; pair++) {
		ld_unit_counts t;

		memset(&t, 0, sizeof t);
		pair_range(w->d, pair, &lo, &hi);
		for (i = lo; i < hi; i++)	/* every unit: CSS filters */
			ld_count_unit(&t, ldiff_diff_unit(w->d, i), 0);
		ld_buf_printf(&w->b, "<section class=\"pair\" "
		    "data-pair=\"%zu\"><h3><a href=\"#p%zu\">", pair, pair);
		pair_title(w, pair);
		ld_hw_puts(w, "</a></h3>\n");
		summary_counts(w, pair, &t);
		summary_substs(w, pair);
		summary_amounts(w, lo, hi);
		summary_sections(w, lo, hi);
		ld_hw_puts(w, "</section>\n");
		ld_hw_flush(w, 0);
	}
	ld_hw_puts(w, "</nav>\n");
}

/* ---- the clauses, pair by pair ------------------------------------------ */

static int
render_pair(struct hw *w, size_t pair)
{
	size_t lo, hi, i, n = ldiff_diff_count(w->d);
	const char *section = NULL;
	int r;

	pair_range(w->d, pair, &lo, &hi);
	ld_free(w->mv);
	w->mv = NULL;
	w->mk = 0;
	if ((r = ld_moved_slots(w->d, pair, w->slot)) != 0 ||
	    (r = ld_moves_by_place(w->d, pair, w->slot, lo, hi,
	    &w->mv, &w->nmv)) != 0)
		return r;
	ld_buf_printf(&w->b, "<section id=\"p%zu\" aria-labelledby=\"p%zu-h\">"
	    "<h2 id=\"p%zu-h\">", pair, pair, pair);
	pair_title(w, pair);
	ld_hw_puts(w, "</h2>\n");
	if (lo == hi || !ldiff_diff_has_changes(w->d))
		ld_buf_printf(&w->b, "<p>%s</p>\n", L(w, H_NODIFF));
	stubs_after(w, LD_SLOT_TOP);
	for (i = lo; i < hi && i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);
		const char *s = ld_unit_section(u);

		if (section == NULL || strcmp(s, section) != 0) {
			if (section != NULL)
				ld_hw_puts(w, "</section>\n");
			ld_hw_section_open(w, i, hi);
			section = s;
		}
		show_unit(w, u, i);
		stubs_after(w, i);
	}
	if (section != NULL)
		ld_hw_puts(w, "</section>\n");
	ld_hw_puts(w, "</section>\n");
	return 0;
}

/* ---- the parallel layout ------------------------------------------------- */

static void
par_cell(struct hw *w, const ld_cell *c, const char *num)
{
	size_t i;

	if (num[0] != '\0') {
		ld_hw_esc(w, num);
		ld_hw_puts(w, " ");
	}
	for (i = 0; i < c->n; i++) {
		const ld_seg *g = &c->seg[i];

		if (g->kind == LD_SEG_BREAK) {
			ld_hw_puts(w, "<br>");
			if (g->len > 0) {
				ld_hw_mark_n(w, g->s, g->len, 0, 0);
				ld_hw_puts(w, " ");
			}
		} else
			ld_hw_mark_n(w, g->s, g->len, g->kind == LD_SEG_DEL ?
			    -1 : g->kind == LD_SEG_INS ? 1 : 0, 0);
	}
}

static void
par_side(struct hw *w, const ld_prow *r, int new_side)
{
	const ld_cell *c = new_side ? &r->new : &r->old;

	ld_hw_puts(w, "<td>");
	if (new_side && c->empty)
		ld_hw_esc(w, ld_paper_label(P_DELETED_CELL, w->sv));
	else if (!c->empty)
		par_cell(w, c, new_side ? r->new_num : r->old_num);
	if (new_side && ld_paper_has_note(r)) {
		ld_buf t;

		ld_buf_init(&t);
		ld_paper_moved_note(&t, r, w->sv);
		ld_hw_puts(w, "<br><em>");
		ld_hw_esc(w, ld_buf_str(&t));
		ld_hw_puts(w, "</em>");
		ld_buf_free(&t);
	}
	ld_hw_puts(w, "</td>");
}

/* The layout of one pair: a row per provision changed in content, the
 * changes not reprinted in a closing row. */
static int
par_pair(struct hw *w, size_t pair, const ldiff_render_opts *o)
{
	ld_playout l;
	size_t i;
	int r;

	if ((r = ld_paper_layout(w->d, pair, o, &l)) != 0)
		return r;
	ld_hw_puts(w, "<h3 class=\"pt\">");
	pair_title(w, pair);
	ld_buf_printf(&w->b, "</h3>\n<table data-pair=\"%zu\"><thead><tr>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>"
	    "</thead><tbody>\n", pair, ld_paper_label(P_OLD_COL, w->sv),
	    ld_paper_label(P_NEW_COL, w->sv));
	for (i = 0; i < l.n; i++) {
		ld_hw_puts(w, "<tr>");
		par_side(w, &l.rows[i], 0);
		par_side(w, &l.rows[i], 1);
		ld_hw_puts(w, "</tr>\n");
		ld_hw_flush(w, 0);
	}
	if (l.sum.minor != NULL) {
		ld_hw_puts(w, "<tr class=\"minor\"><td colspan=\"2\">");
		ld_hw_esc(w, l.sum.minor);
		ld_hw_puts(w, "</td></tr>\n");
	}
	ld_hw_puts(w, "</tbody></table>\n");
	ld_paper_layout_free(&l);
	return 0;
}

static int
render_parallel(struct hw *w, const ldiff_render_opts *o)
{
	size_t pair, nver = ldiff_diff_versions(w->d);
	int r = 0;

	ld_buf_printf(&w->b, "<section class=\"par\" id=\"parallel\" "
	    "aria-labelledby=\"par-h\"><h2 id=\"par-h\">%s</h2>\n",
	    L(w, H_PARALLEL));
	for (pair = 0; pair + 1 < nver && r == 0; pair++)
		r = par_pair(w, pair, o);
	ld_hw_puts(w, "</section>\n");
	return r;
}

/* ---- lineage -------------------------------------------------------------- */

/* The rows come from ld_lineages() (lineage.c), shared with the text
 * renderer: units[s..e) are the unit indexes of one clause's history. */

/* One cell: the clause numbers in version v and how they got there:
 * every unit into v (the parts of a split each have theirs). */
static void
lineage_cell(struct hw *w, const size_t *units, size_t s, size_t e,
    size_t v)
{
	size_t i;
	int any = 0;

	ld_hw_puts(w, "<td>");
	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, units[i]);

		if (u->to == v && u->n_new > 0) {
			ld_hw_puts(w, any ? "<br>" : "");
			any = 1;
			ld_buf_printf(&w->b, "<a href=\"#u%zu\">", units[i]);
			ids(w, u->new_cl, u->n_new, " + ");
			ld_buf_printf(&w->b, "</a><span class=\"st\">%s",
			    ld_unit_renumber_only(u, 0) ? L(w, H_RENUMBER) :
			    ld_hw_op_label(w, u->op));
			/* what kind of change, so a period shift reads
			 * apart from a new wording */
			if (!ld_unit_renumber_only(u, 0) && u->op != LDIFF_OP_INSERTED &&
			    (u->cls & ~(unsigned)LDIFF_CLASS_RENUMBER) != 0) {
				ld_hw_puts(w, ": ");
				class_names(w, u->cls &
				    ~(unsigned)LDIFF_CLASS_RENUMBER, 2);
			}
			ld_hw_puts(w, "</span>");
		}
	}
	if (any) {
		ld_hw_puts(w, "</td>");
		return;
	}
	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, units[i]);

		if (u->from == v && u->n_old > 0) {
			ld_hw_puts(w, any ? " + " : "");
			any = 1;
			ids(w, u->old_cl, u->n_old, " + ");
		}
	}
	if (any)
		ld_hw_puts(w, "</td>");
	else
		ld_buf_printf(&w->b, "<span class=\"st\">%s</span></td>",
		    L(w, H_ABSENT));
}

static void
lineage_row(struct hw *w, const size_t *units, size_t s, size_t e)
{
	const ldiff_clause *c = NULL;
	size_t i, v, nver = ldiff_diff_versions(w->d);
	int ns = 1;

	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, units[i]);

		if (u->n_new > 0)
			c = u->new_cl[0];
		else if (c == NULL && u->n_old > 0)
			c = u->old_cl[0];
		if (ldiff_unit_changed(u) && u->substantive)
			ns = 0;
	}
	ld_buf_printf(&w->b, "<tr%s><td>", ns ? " class=\"ns\"" : "");
	if (c != NULL)
		ld_hw_esc(w, c->text);
	ld_hw_puts(w, "</td>");
	for (v = 0; v < nver; v++)
		lineage_cell(w, units, s, e, v);
	ld_hw_puts(w, "</tr>\n");
	ld_hw_flush(w, 0);
}

static int
render_lineage(struct hw *w)
{
	size_t nver = ldiff_diff_versions(w->d), i, k, v;
	size_t *units;
	ld_lineage *g;
	int r;

	if ((r = ld_lineages(w->d, 0, &units, &g, &k)) != 0)
		return r;
	ld_buf_printf(&w->b, "<section id=\"lineage\" aria-labelledby="
	    "\"lin-h\"><h2 id=\"lin-h\">%s</h2>\n<table class=\"lin\">"
	    "<tr><th scope=\"col\">%s</th>", L(w, H_LINEAGE),
	    L(w, H_CLAUSE));
	for (v = 0; v < nver; v++) {
		ld_hw_puts(w, "<th scope=\"col\">");
		ld_hw_esc(w, ld_buf_str(&w->vlab[v]));
		ld_hw_puts(w, "</th>");
	}
	ld_hw_puts(w, "</tr>\n");
	for (i = 0; i < k; i++)
		lineage_row(w, units, g[i].start, g[i].end);
	ld_hw_puts(w, "</table></section>\n");
	ld_free(units);
	ld_free(g);
	return 0;
}

/* ---- ldiff_render_html ------------------------------------------------- */

/* Year ranges when they tell every version apart, else base names. */
static void
version_labels(struct hw *w, size_t nver)
{
	size_t v, k;
	int years = 1;

	for (v = 0; v < nver; v++)
		ld_version_label(&w->vlab[v], ldiff_diff_version_name(w->d, v),
		    1);
	for (v = 0; v < nver && years; v++)
		for (k = 0; k < v; k++)
			if (strcmp(ld_buf_str(&w->vlab[k]),
			    ld_buf_str(&w->vlab[v])) == 0)
				years = 0;
	for (v = 0; v < nver && !years; v++) {
		ld_buf_reset(&w->vlab[v]);
		ld_version_label(&w->vlab[v], ldiff_diff_version_name(w->d, v),
		    0);
	}
}

static void
page_top(struct hw *w, const ldiff_render_opts *o)
{
	size_t v, nver = ldiff_diff_versions(w->d);

	ld_hw_head(w, o);
	ld_hw_puts(w, "<header><h1>");
	if (o->title != NULL)
		ld_hw_esc(w, o->title);
	else {
		ld_buf_printf(&w->b, "%s ", L(w, H_TITLE));
		for (v = 0; v < nver; v++) {
			if (v > 0)
				ld_hw_puts(w, " \xe2\x86\x92 ");
			ld_hw_esc(w, ld_buf_str(&w->vlab[v]));
		}
	}
	ld_hw_puts(w, "</h1><p class=\"meta\">");
	for (v = 0; v < nver; v++) {
		if (v > 0)
			ld_hw_puts(w, " \xe2\x86\x92 ");
		ld_hw_puts(w, "<span class=\"ver\">");
		ld_hw_esc(w, ldiff_diff_version_name(w->d, v) != NULL ?
		    ldiff_diff_version_name(w->d, v) : "");
		ld_hw_puts(w, "</span>");
	}
	ld_hw_puts(w, "</p></header>\n");
	ld_hw_controls(w);
	ld_hw_legend(w);
	summary(w);
}

int
ldiff_render_html(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o)
{
	ldiff_render_opts def;
	struct hw w;
	size_t nver, pair, v;
	int r = 0;

	if (d == NULL || out == NULL ||
	    ld_render_opts_or_default(&o, &def) != 0)
		return LDIFF_EINVAL;
	memset(&w, 0, sizeof w);
	w.f = out;
	w.d = d;
	w.sv = o->lang == NULL || strncmp(o->lang, "en", 2) != 0;
	w.hide = o->hide;
	ld_buf_init(&w.b);
	nver = ldiff_diff_versions(d);
	w.vlab = ld_calloc(nver + 1, sizeof *w.vlab);
	w.slot = ld_reallocarray(NULL, ldiff_diff_count(d) + 1,
	    sizeof *w.slot);
	if (w.vlab == NULL || w.slot == NULL) {
		r = LDIFF_ENOMEM;
		goto out;
	}
	version_labels(&w, nver);
	page_top(&w, o);
	ld_hw_puts(&w, "<main>\n");
	for (pair = 0; pair + 1 < nver && r == 0; pair++)
		r = render_pair(&w, pair);
	if (r == 0 && nver > 2)
		r = render_lineage(&w);
	if (r == 0)
		r = render_parallel(&w, o);
	ld_hw_puts(&w, "</main>\n</body>\n</html>\n");
	ld_hw_flush(&w, 1);
	if (r == 0)
		r = w.r;
out:
	for (v = 0; w.vlab != NULL && v < nver; v++)
		ld_buf_free(&w.vlab[v]);
	ld_free(w.vlab);
	ld_free(w.slot);
	ld_free(w.mv);
	ld_buf_free(&w.b);
	if (r == 0 && (fflush(out) != 0 || ferror(out)))
		r = LDIFF_EIO;
	return r;
}
