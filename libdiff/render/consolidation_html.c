/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * consolidation_html.c - the parties' responses to a draft as one page:
 * who proposes what where, at a glance.
 *
 * The idea: a matrix, the draft clauses with proposals or comments as
 * rows (in the draft's order, under their sections) and the parties as
 * columns, so that the drafter sees where the parties pull and where
 * they agree before reading a word.  Each cell marks what the party
 * does to the clause: changes, inserts after it, deletes, splits ... or
 * comments; in a row where several proposals stand, a letter per group
 * of the same words (two parties with the letter A propose the same),
 * and a red frame and "!" where the proposals conflict.  Pointing at a
 * mark, or clicking it (it takes the focus), shows the proposal with
 * its words against the draft; below the matrix every record is told in
 * full, the marks linking to it.  Like the review page (html_page.c,
 * whose head, style sheet and writer it shares) the page is one file
 * with no script and no request: the pop-ups are CSS (:hover,
 * :focus-within).  It presents the consolidation's records only; the
 * groups, the conflicts and the parties are consolidate/'s.
 */
#include <string.h>

#include "render/consolidation.h"
#include "render/html_page.h"

static const char more_css[] =
".mx{font-size:.9rem}"
".mx th[scope=col]{font-size:.8rem;max-width:8rem;vertical-align:bottom}"
".mx th[scope=row]{white-space:nowrap;font-weight:600;background:#fff}"
".mx .ct{display:block;max-width:20rem;overflow:hidden;"
"text-overflow:ellipsis;white-space:nowrap;font-weight:400;"
"font-size:.8rem;color:#555}"
".mx td{text-align:center;vertical-align:middle;min-width:3.5rem}"
".mx tr.sec th{background:#f1f3f5;color:#1f4e79;font-weight:600}"
".mk{display:inline-block;position:relative;margin:.1rem;padding:0 .35rem;"
"border-radius:3px;font-size:.8rem;font-weight:600;cursor:pointer;"
"background:#e6e9ec;color:#222;white-space:nowrap}"
".mk:focus{outline:2px solid #0b4f8a}"
".m-changed{background:#fde9c8;color:#5c3700}"
".m-inserted{background:#d4f0da;color:#0f4a1e}"
".m-deleted{background:#fbd5d5;color:#6b0c0c}"
".m-moved,.m-split,.m-merged{background:#e4dcf5;color:#35206b}"
".m-comment{background:#dbe7f5;color:#123a66}"
".mk.cf{box-shadow:0 0 0 2px #b01c1c}"
".legend .mk{margin-right:.3rem}"
".pop{display:none;position:absolute;z-index:10;left:0;top:100%;"
"width:28rem;max-width:80vw;padding:.4rem .6rem;text-align:left;"
"white-space:normal;font-size:.9rem;font-weight:400;color:#1a1a1a;"
"background:#fff;border:1px solid #8a939b;border-radius:4px;"
"box-shadow:0 2px 8px rgba(0,0,0,.25)}"
".mx td:nth-last-child(-n+2) .pop{left:auto;right:0}"
".mk:hover .pop,.mk:focus .pop,.mk:focus-within .pop{display:block}"
".pop b{display:block}"
".u.cf{border-left-color:#b01c1c}"
".who{margin:.2rem 0 0;font-size:.95rem}"
".said{margin:0 0 .3rem;overflow-wrap:anywhere}"
".grp{font-weight:700;margin-right:.3rem}"
".b-comment{background:#dbe7f5;color:#123a66}"
".b-conflict{background:#b01c1c;color:#fff}"
".parties{columns:16rem;margin:.2rem 0 1rem;padding-left:1.2rem}"
".parties li{break-inside:avoid;overflow-wrap:anywhere}"
".parties li.none{color:#555}"
"@media print{.pop{display:none!important}}";

struct cv {
	struct hw w;
	const ldiff_consolidation *c;
	const ldiff_render_opts *o;
};

/* ---- what a record shows ------------------------------------------------ */

/* Letters for the groups of a record, when it has more than one
 * proposal or a proposal of several parties: A, B ... */
static int
lettered(const ldiff_consolidated *r)
{
	return r->n_proposals > 1 ||
	    (r->n_proposals == 1 && r->proposals[0].n_parties > 1);
}

static char
group_letter(size_t k)
{
	return (char)('A' + (k % 26));
}

/* "5.3.1" or "ny efter 5.2.4" */
static void
put_place(struct cv *v, const ldiff_consolidated *r)
{
	struct hw *w = &v->w;

	if (r->base != NULL)
		ld_hw_esc(w, r->base->id);
	else if (r->after[0] != '\0') {
		ld_buf_printf(&w->b, "%s ", ld_cons_label(K_AFTER, w->sv));
		ld_hw_esc(w, r->after);
	} else
		ld_hw_puts(w, ld_cons_label(K_TOP, w->sv));
}

/* data-place="base:5.3.1" or "after:5.2.4" ("after:" at the top). */
static void
put_data_place(struct cv *v, const ldiff_consolidated *r)
{
	ld_hw_puts(&v->w, " data-place=\"");
	ld_hw_puts(&v->w, r->base != NULL ? "base:" : "after:");
	ld_hw_esc_attr(&v->w, r->base != NULL ? r->base->id : r->after);
	ld_hw_puts(&v->w, "\"");
}

/* The proposal's words against the draft; a deletion the draft's text
 * deleted. */
static void
put_words(struct cv *v, const ldiff_consolidated *r, const ldiff_proposal *p)
{
	struct hw *w = &v->w;
	size_t k;

	if (p->op == LDIFF_OP_DELETED) {
		if (r->base != NULL)
			ld_hw_del_text(w, r->base->text, 0);
		return;
	}
	if (p->op == LDIFF_OP_INSERTED) {
		ld_hw_ins_text(w, p->text, 0);
		return;
	}
	if (!ld_cons_changes_words(p)) {
		ld_hw_esc(w, p->text);
		return;
	}
	for (k = 0; k < p->n_edits; k++) {
		const ldiff_edit *e = &p->edits[k];

		if (e->op == LDIFF_EDIT_EQUAL) {
			ld_hw_esc(w, e->old_text);
			continue;
		}
		if (e->op != LDIFF_EDIT_INSERT)
			ld_hw_del_text(w, e->old_text, 0);
		if (e->op != LDIFF_EDIT_DELETE)
			ld_hw_ins_text(w, e->new_text, 0);
	}
}

static void
put_parties(struct cv *v, const size_t *who, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		const ldiff_party *pa =
		    ldiff_consolidation_party(v->c, who[k]);

		if (k > 0)
			ld_hw_puts(&v->w, ", ");
		ld_hw_esc(&v->w, pa->name);
	}
}

/* "ändrad – A – Umeå kommun, Skellefteå kommun" */
static void
put_who(struct cv *v, const ldiff_consolidated *r, size_t k)
{
	const ldiff_proposal *p = &r->proposals[k];
	struct hw *w = &v->w;

	ld_buf_printf(&w->b, "<span class=\"badge b-%s\">%s</span> ",
	    ldiff_op_name(p->op), ld_cons_op(p->op, w->sv));
	if (lettered(r))
		ld_buf_printf(&w->b, "<span class=\"grp\" title=\"%s\">%c"
		    "</span>", ld_cons_label(K_GROUP, w->sv), group_letter(k));
	put_parties(v, p->parties, p->n_parties);
	if (r->conflict)
		ld_buf_printf(&w->b, " <span class=\"badge b-conflict\">%s"
		    "</span>", ld_cons_label(K_CONFLICT, w->sv));
}

static void
put_comment_who(struct cv *v, const ldiff_comment *m)
{
	struct hw *w = &v->w;

	ld_buf_printf(&w->b, "<span class=\"badge b-comment\">%s</span> ",
	    ld_cons_label(K_REMARK, w->sv));
	ld_hw_esc(w, ldiff_consolidation_party(v->c, m->party)->name);
	if (strlen(m->date) >= 10) {
		ld_hw_puts(w, ", ");
		ld_buf_add(&w->b, m->date, 10);
	}
}

/* ---- the matrix --------------------------------------------------------- */

/* The marks of party pi in record i: a mark per proposal of the party,
 * one for its comments, each with its pop-up. */
static void
cell(struct cv *v, size_t i, const ldiff_consolidated *r, size_t pi)
{
	struct hw *w = &v->w;
	size_t k, j;

	ld_buf_printf(&w->b, "<td data-party=\"%zu\">", pi);
	for (k = 0; k < r->n_proposals; k++) {
		const ldiff_proposal *p = &r->proposals[k];

		for (j = 0; j < p->n_parties && p->parties[j] != pi; j++)
			;
		if (j == p->n_parties)
			continue;
		ld_buf_printf(&w->b, "<span class=\"mk m-%s%s\" "
		    "tabindex=\"0\" data-op=\"%s\"", ldiff_op_name(p->op),
		    r->conflict ?
		    " cf" : "", ldiff_op_name(p->op));
		if (lettered(r))
			ld_buf_printf(&w->b, " data-group=\"%c\"",
			    group_letter(k));
		ld_buf_printf(&w->b, ">%s", ld_cons_op_short(p->op, w->sv));
		if (lettered(r))
			ld_buf_printf(&w->b, " %c", group_letter(k));
		if (r->conflict)
			ld_hw_puts(w, "&nbsp;!");
		ld_hw_puts(w, "<span class=\"pop\" role=\"tooltip\"><b>");
		put_who(v, r, k);
		ld_hw_puts(w, "</b>");
		put_words(v, r, p);
		ld_buf_printf(&w->b, " <a href=\"#r%zu\">\xe2\x86\x93</a>"
		    "</span></span>", i);
	}
	for (k = 0; k < r->n_comments; k++) {
		const ldiff_comment *m = &r->comments[k];

		if (m->party != pi)
			continue;
		ld_buf_printf(&w->b, "<span class=\"mk m-comment\" "
		    "tabindex=\"0\" data-op=\"comment\">%s<span class=\"pop\" "
		    "role=\"tooltip\"><b>", ld_cons_label(K_MARK_COMMENT,
		    w->sv));
		put_comment_who(v, m);
		ld_hw_puts(w, "</b>");
		ld_hw_esc(w, m->text);
		ld_hw_puts(w, "</span></span>");
	}
	ld_hw_puts(w, "</td>");
}

/* A row of the matrix's body naming a new section. */
static void
section_row(struct cv *v, const ldiff_consolidated *r, const char **cur,
    size_t np)
{
	const char *s = ld_cons_section(v->c, r);

	if (s == NULL || (*cur != NULL && strcmp(s, *cur) == 0))
		return;
	*cur = s;
	ld_buf_printf(&v->w.b, "<tr class=\"sec\"><th colspan=\"%zu\" "
	    "scope=\"rowgroup\">", np + 1);
	ld_hw_esc(&v->w, s[0] != '\0' ? s : ld_cons_label(K_NO_SECTION,
	    v->w.sv));
	ld_hw_puts(&v->w, "</th></tr>\n");
}

static void
matrix_row(struct cv *v, size_t i, const ldiff_consolidated *r, size_t np)
{
	struct hw *w = &v->w;
	size_t p;

	ld_buf_printf(&w->b, "<tr id=\"m%zu\" class=\"rec%s\"", i,
	    r->conflict ? " cf" : "");
	put_data_place(v, r);
	ld_buf_printf(&w->b, " data-conflict=\"%d\"><th scope=\"row\">"
	    "<a href=\"#r%zu\">", r->conflict ? 1 : 0, i);
	put_place(v, r);
	ld_hw_puts(w, "</a>");
	if (r->base != NULL) {
		ld_hw_puts(w, "<span class=\"ct\">");
		ld_hw_esc(w, r->base->text);
		ld_hw_puts(w, "</span>");
	}
	ld_hw_puts(w, "</th>");
	for (p = 0; p < np; p++)
		cell(v, i, r, p);
	ld_hw_puts(w, "</tr>\n");
	ld_hw_flush(w, 0);
}

static void
legend(struct cv *v)
{
	static const ldiff_op shown[] = {
		LDIFF_OP_CHANGED, LDIFF_OP_INSERTED, LDIFF_OP_DELETED,
		LDIFF_OP_SPLIT, LDIFF_OP_MERGED, LDIFF_OP_MOVED
	};
	struct hw *w = &v->w;
	size_t k;

	ld_buf_printf(&w->b, "<div class=\"legend\" role=\"note\"><strong>%s:"
	    "</strong> ", ld_cons_label(K_LEGEND, w->sv));
	for (k = 0; k < sizeof shown / sizeof shown[0]; k++)
		ld_buf_printf(&w->b, "<span><span class=\"mk m-%s\">%s</span> "
		    "%s</span>", ldiff_op_name(shown[k]),
		    ld_cons_op_short(shown[k], w->sv), ld_cons_op(shown[k],
		    w->sv));
	ld_buf_printf(&w->b, "<span><span class=\"mk m-comment\">%s</span> "
	    "%s</span><span><span class=\"mk cf\">!</span> %s</span></div>\n"
	    "<p class=\"meta\">%s</p>\n", ld_cons_label(K_MARK_COMMENT, w->sv),
	    ld_cons_label(K_COMMENT, w->sv), ld_cons_label(K_CONFLICT_NOTE,
	    w->sv), ld_cons_label(K_HINT, w->sv));
}

static void
matrix(struct cv *v)
{
	struct hw *w = &v->w;
	size_t i, p, n = ldiff_consolidation_count(v->c);
	size_t np = ldiff_consolidation_parties(v->c);
	const char *cur = NULL;

	ld_buf_printf(&w->b, "<section id=\"matrix\"><h2>%s</h2>\n",
	    ld_cons_label(K_MATRIX, w->sv));
	legend(v);
	ld_buf_printf(&w->b, "<table class=\"mx\"><thead><tr>"
	    "<th scope=\"col\">%s</th>", ld_cons_label(K_COL_PLACE, w->sv));
	for (p = 0; p < np; p++) {
		ld_buf_printf(&w->b, "<th scope=\"col\" data-party=\"%zu\">",
		    p);
		ld_hw_esc(w, ldiff_consolidation_party(v->c, p)->name);
		ld_hw_puts(w, "</th>");
	}
	ld_hw_puts(w, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		const ldiff_consolidated *r = ldiff_consolidation_get(v->c, i);

		section_row(v, r, &cur, np);
		matrix_row(v, i, r, np);
	}
	ld_hw_puts(w, "</tbody></table></section>\n");
}

/* ---- every record in full ----------------------------------------------- */

static void
record(struct cv *v, size_t i, const ldiff_consolidated *r)
{
	struct hw *w = &v->w;
	size_t k;

	ld_buf_printf(&w->b, "<article class=\"u rec op-%s%s\" id=\"r%zu\"",
	    r->n_proposals > 0 ? ldiff_op_name(r->proposals[0].op) : "equal",
	    r->conflict ? " cf" : "", i);
	put_data_place(v, r);
	ld_buf_printf(&w->b, " data-conflict=\"%d\">\n<h4 class=\"uh\">"
	    "<a class=\"ids\" href=\"#m%zu\">", r->conflict ? 1 : 0, i);
	put_place(v, r);
	ld_hw_puts(w, "</a>");
	if (r->conflict)
		ld_buf_printf(&w->b, " <span class=\"badge b-conflict\">%s"
		    "</span>", ld_cons_label(K_CONFLICT_NOTE, w->sv));
	ld_hw_puts(w, "</h4>\n");
	if (r->base != NULL) {
		ld_buf_printf(&w->b, "<p class=\"said\"><span class=\"col\">%s"
		    "</span><br>", ld_cons_label(K_DRAFT_TEXT, w->sv));
		ld_hw_esc(w, r->base->text);
		ld_hw_puts(w, "</p>\n");
	}
	for (k = 0; k < r->n_proposals; k++) {
		const ldiff_proposal *p = &r->proposals[k];

		ld_buf_printf(&w->b, "<div class=\"prop\" data-op=\"%s\"",
		    ldiff_op_name(p->op));
		if (lettered(r))
			ld_buf_printf(&w->b, " data-group=\"%c\"",
			    group_letter(k));
		ld_hw_puts(w, "><p class=\"who\">");
		put_who(v, r, k);
		ld_hw_puts(w, "</p><p class=\"said\">");
		put_words(v, r, p);
		ld_hw_puts(w, "</p></div>\n");
	}
	for (k = 0; k < r->n_comments; k++) {
		ld_hw_puts(w, "<div class=\"prop\" data-op=\"comment\">"
		    "<p class=\"who\">");
		put_comment_who(v, &r->comments[k]);
		ld_hw_puts(w, "</p><p class=\"said\">");
		ld_hw_esc(w, r->comments[k].text);
		ld_hw_puts(w, "</p></div>\n");
	}
	ld_hw_puts(w, "</article>\n");
	ld_hw_flush(w, 0);
}

static void
records(struct cv *v)
{
	size_t i, n = ldiff_consolidation_count(v->c);

	ld_buf_printf(&v->w.b, "<section id=\"records\"><h2>%s</h2>\n",
	    ld_cons_label(K_BY_CLAUSE, v->w.sv));
	for (i = 0; i < n; i++)
		record(v, i, ldiff_consolidation_get(v->c, i));
	ld_hw_puts(&v->w, "</section>\n");
}

/* ---- the page ----------------------------------------------------------- */

/* The draft, and every party: those with nothing to say marked so. */
static void
page_top(struct cv *v, const char *title)
{
	struct hw *w = &v->w;
	size_t i, n = ldiff_consolidation_parties(v->c);

	ld_hw_puts(w, "<header><h1>");
	ld_hw_esc(w, title);
	ld_buf_printf(&w->b, "</h1><p class=\"meta\">%s: <span class=\"ver\">",
	    ld_cons_label(K_DRAFT, w->sv));
	ld_hw_esc(w, ldiff_consolidation_base_name(v->c));
	ld_hw_puts(w, "</span>");
	if (v->o->date != NULL) {
		ld_buf_printf(&w->b, " \xc2\xb7 %s: ", ld_cons_label(K_DATE,
		    w->sv));
		ld_hw_esc(w, v->o->date);
	}
	ld_buf_printf(&w->b, "</p>\n<p class=\"meta\"><strong>%s (%zu):"
	    "</strong></p><ul class=\"parties\">\n",
	    ld_cons_label(K_PARTIES, w->sv), n);
	for (i = 0; i < n; i++) {
		const ldiff_party *p = ldiff_consolidation_party(v->c, i);
		const ldiff_response_info *r =
		    ldiff_consolidation_response(v->c, p->response);
		int none = p->n_proposals + p->n_comments == 0;

		ld_buf_printf(&w->b, "<li data-party=\"%zu\"%s>", i,
		    none ? " class=\"none\"" : "");
		ld_hw_esc(w, p->name);
		ld_hw_puts(w, " <span class=\"st\">");
		ld_hw_esc(w, r->name);
		if (none)
			ld_buf_printf(&w->b, " \xe2\x80\x93 %s",
			    ld_cons_label(K_NOTHING, w->sv));
		if (r->against_draft && r->first_party == i)
			ld_buf_printf(&w->b, " \xe2\x80\x93 %s",
			    ld_cons_label(K_AGAINST, w->sv));
		ld_hw_puts(w, "</span></li>\n");
	}
	ld_hw_puts(w, "</ul></header>\n");
}

int
ldiff_render_consolidation_html(const ldiff_consolidation *c, FILE *out,
    const ldiff_render_opts *o)
{
	ldiff_render_opts def;
	struct cv v;
	ld_buf title;
	int r;

	if (c == NULL || out == NULL ||
	    ld_render_opts_or_default(&o, &def) != 0)
		return LDIFF_EINVAL;
	memset(&v, 0, sizeof v);
	v.c = c;
	v.o = o;
	v.w.f = out;
	v.w.sv = ld_cons_swedish(o);
	ld_buf_init(&v.w.b);
	ld_buf_init(&title);
	if (o->title != NULL)
		ld_buf_adds(&title, o->title);
	else
		ld_buf_printf(&title, "%s: %s", ld_cons_label(K_SUMMARY,
		    v.w.sv), ldiff_consolidation_base_name(c));
	ld_hw_head_titled(&v.w, ld_buf_str(&title), more_css);
	page_top(&v, ld_buf_str(&title));
	ld_hw_puts(&v.w, "<main>\n");
	if (ldiff_consolidation_count(c) == 0)
		ld_buf_printf(&v.w.b, "<p>%s</p>\n", ld_cons_label(K_NONE,
		    v.w.sv));
	else {
		matrix(&v);
		records(&v);
	}
	ld_hw_puts(&v.w, "</main>\n</body>\n</html>\n");
	if (title.oom && v.w.r == 0)
		v.w.r = LDIFF_ENOMEM;
	ld_hw_flush(&v.w, 1);
	r = v.w.r;
	ld_buf_free(&v.w.b);
	ld_buf_free(&title);
	if (r == 0 && (fflush(out) != 0 || ferror(out)))
		r = LDIFF_EIO;
	return r;
}
