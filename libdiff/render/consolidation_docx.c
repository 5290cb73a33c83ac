/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * consolidation_docx.c - the parties' responses to a draft as a
 * consultation summary (remissammanställning) in Word.
 *
 * The idea: the officer who drafted the agreement answers the responses
 * in a table, and the committee reads the table.  So the document is the
 * table a Swedish administration writes by hand: landscape A4, columns
 * Avsnitt/klausul | Part | Förslag eller synpunkt | Förvaltningens
 * kommentar, the last one left empty for the drafter, the header row
 * repeated on every page (docx_doc.c).  Each record of the consolidation
 * (a draft clause, or the clauses inserted after one) is a block of rows
 * in the draft's order whose first cell, the clause, spans the block
 * (w:vMerge); in it one row per proposal, its parties together in one
 * cell when they propose the same words, and one row per comment.  A
 * conflict is shaded and said in words.  Above the table: the draft, the
 * date when given, and every responding party, those with nothing to say
 * marked so.  Everything shown is a fact of the consolidation; the words
 * are the consolidation renderers' (render_consolidation.c).
 */
#include <string.h>

#include "render/consolidation.h"
#include "render/docx_pack.h"
#include "render/paper.h"

/* Landscape A4 between 2,5 cm margins: 14 004 twips, about 24,7 cm;
 * 5 cm for the clause, so that a section's name (in a note's size)
 * breaks between words. */
static const int col_w[4] = { 2835, 2268, 5670, 3231 };

#define CONFLICT_SHADE "<w:shd w:val=\"clear\" w:color=\"auto\" " \
	"w:fill=\"FBE3E3\"/>"

struct cx {
	ld_buf x;		/* word/document.xml */
	const ldiff_consolidation *c;
	const ldiff_render_opts *o;
	int sv;
};

/* s[0..len) in runs of how, its line feeds (the clauses of a split or
 * of an insertion) line breaks. */
static void
text_runs(ld_buf *x, const char *s, size_t len, int how)
{
	while (len > 0) {
		const char *nl = memchr(s, '\n', len);
		size_t k = nl != NULL ? (size_t)(nl - s) : len;

		ld_docx_run(x, s, k, how);
		if (nl == NULL)
			break;
		ld_buf_adds(x, "<w:r><w:br/></w:r>");
		s += k + 1;
		len -= k + 1;
	}
}

static void
text_run(ld_buf *x, const char *s, int how)
{
	text_runs(x, s, strlen(s), how);
}

/* The file name without its folders: the draft as the committee knows
 * it. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

/* ---- above the table ---------------------------------------------------- */

static void
parties_para(struct cx *w)
{
	size_t i, n = ldiff_consolidation_parties(w->c);

	ld_buf_adds(&w->x, "<w:p>");
	ld_docx_run(&w->x, ld_cons_label(K_PARTIES, w->sv),
	    strlen(ld_cons_label(K_PARTIES, w->sv)), LD_RUN_BOLD);
	ld_buf_printf(&w->x, "<w:r><w:t xml:space=\"preserve\"> (%zu): "
	    "</w:t></w:r>", n);
	for (i = 0; i < n; i++) {
		const ldiff_party *p = ldiff_consolidation_party(w->c, i);
		ld_buf t;

		ld_buf_init(&t);
		ld_buf_printf(&t, "%s%s", i > 0 ? ", " : "", p->name);
		if (p->n_proposals + p->n_comments == 0)
			ld_buf_printf(&t, " (%s)", ld_cons_label(K_NOTHING,
			    w->sv));
		ld_docx_run(&w->x, ld_buf_str(&t), t.len, LD_RUN_PLAIN);
		if (t.oom)
			w->x.oom = 1;
		ld_buf_free(&t);
	}
	ld_buf_adds(&w->x, "</w:p>");
}

/* "Utkast: utkast.docx", "Datum: ...", the parties, and a word on each
 * response that was compared with the draft for want of its own. */
static void
preamble(struct cx *w, const char *title)
{
	size_t i, n = ldiff_consolidation_responses(w->c);
	ld_buf t;

	ld_buf_init(&t);
	ld_docx_para(&w->x, "Title", title, LD_RUN_PLAIN);
	ld_buf_printf(&t, "%s: %s", ld_cons_label(K_DRAFT, w->sv),
	    base_name(ldiff_consolidation_base_name(w->c)));
	ld_docx_para(&w->x, NULL, ld_buf_str(&t), LD_RUN_PLAIN);
	if (w->o->date != NULL) {
		ld_buf_reset(&t);
		ld_buf_printf(&t, "%s: %s", ld_cons_label(K_DATE, w->sv),
		    w->o->date);
		ld_docx_para(&w->x, NULL, ld_buf_str(&t), LD_RUN_PLAIN);
	}
	parties_para(w);
	for (i = 0; i < n; i++) {
		const ldiff_response_info *r =
		    ldiff_consolidation_response(w->c, i);

		if (!r->against_draft)
			continue;
		ld_buf_reset(&t);
		ld_buf_printf(&t, "%s: %s.", base_name(r->name),
		    ld_cons_label(K_AGAINST, w->sv));
		ld_docx_para(&w->x, NULL, ld_buf_str(&t), LD_RUN_ITALIC);
	}
	if (t.oom)
		w->x.oom = 1;
	ld_buf_free(&t);
}

/* ---- the cells ---------------------------------------------------------- */

/* The clause: its number (or its name when it has none) and its
 * section, or where the insertions stand.  Spans the record's rows. */
static void
place_cell(struct cx *w, const ldiff_consolidated *r, int first,
    int merged)
{
	ld_buf t;

	ld_docx_cell_open(&w->x, col_w[0], 1, !merged ? NULL : first ?
	    "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
	if (!first) {
		ld_buf_adds(&w->x, "<w:p/></w:tc>");
		return;
	}
	ld_buf_init(&t);
	if (r->base != NULL && ld_paper_number(r->base)[0] != '\0')
		ld_buf_adds(&t, ld_paper_number(r->base));
	else if (r->base != NULL)
		ld_paper_clause_name(&t, r->base, w->sv);
	else if (r->after[0] != '\0')
		ld_buf_printf(&t, "%s %s", ld_cons_label(K_AFTER, w->sv),
		    r->after);
	else
		ld_buf_adds(&t, ld_cons_label(K_TOP, w->sv));
	/* "ny efter 5.2.4" begins a cell: "Ny efter 5.2.4" */
	if (t.len > 0 && t.data[0] >= 'a' && t.data[0] <= 'z')
		t.data[0] = (char)(t.data[0] - 'a' + 'A');
	ld_docx_para(&w->x, NULL, ld_buf_str(&t), LD_RUN_BOLD);
	if (r->base != NULL && r->base->section[0] != '\0')
		ld_docx_para(&w->x, NULL, r->base->section, LD_RUN_NOTE);
	if (t.oom)
		w->x.oom = 1;
	ld_buf_free(&t);
	ld_buf_adds(&w->x, "</w:tc>");
}

static void
party_cell(struct cx *w, const size_t *v, size_t n)
{
	size_t k;

	ld_docx_cell_open(&w->x, col_w[1], 1, NULL);
	for (k = 0; k < n; k++)
		ld_docx_para(&w->x, NULL,
		    ldiff_consolidation_party(w->c, v[k])->name, LD_RUN_PLAIN);
	ld_buf_adds(&w->x, "</w:tc>");
}

/* The proposal's words against the draft: deleted struck through,
 * inserted underlined; a deletion the draft's text struck through; an
 * insertion, or a split that changes no word, its clauses a line
 * each. */
static void
proposal_words(struct cx *w, const ldiff_consolidated *r,
    const ldiff_proposal *p)
{
	size_t k;

	if (p->op == LDIFF_OP_DELETED) {
		if (r->base != NULL)
			text_run(&w->x, r->base->text, LD_RUN_STRIKE);
		return;
	}
	if (p->op == LDIFF_OP_INSERTED || !ld_cons_changes_words(p)) {
		text_run(&w->x, p->text, LD_RUN_PLAIN);
		return;
	}
	for (k = 0; k < p->n_edits; k++) {
		const ldiff_edit *e = &p->edits[k];

		if (e->op == LDIFF_EDIT_EQUAL) {
			text_run(&w->x, e->old_text, LD_RUN_PLAIN);
			continue;
		}
		if (e->op != LDIFF_EDIT_INSERT)
			text_run(&w->x, e->old_text, LD_RUN_STRIKE);
		if (e->op != LDIFF_EDIT_DELETE)
			text_run(&w->x, e->new_text, LD_RUN_UNDERLINE);
	}
}

static void
proposal_cell(struct cx *w, const ldiff_consolidated *r,
    const ldiff_proposal *p)
{
	const char *what = ld_cons_proposes(p->op, w->sv);

	ld_docx_cell_open(&w->x, col_w[2], 1, r->conflict ? CONFLICT_SHADE :
	    NULL);
	ld_buf_adds(&w->x, "<w:p>");
	ld_docx_run(&w->x, what, strlen(what), LD_RUN_BOLD);
	if (r->conflict) {
		ld_docx_run(&w->x, " \xe2\x80\x93 ", 5, LD_RUN_PLAIN);
		text_run(&w->x, ld_cons_label(K_CONFLICT_NOTE, w->sv),
		    LD_RUN_ITALIC);
	}
	ld_buf_adds(&w->x, "</w:p><w:p>");
	proposal_words(w, r, p);
	ld_buf_adds(&w->x, "</w:p></w:tc>");
}

/* A comment: "Synpunkt (2026-10-20)" and its words. */
static void
comment_cell(struct cx *w, const ldiff_comment *m)
{
	const char *what = ld_cons_label(K_REMARK, w->sv);
	size_t dl = strlen(m->date) >= 10 ? 10 : 0;

	ld_docx_cell_open(&w->x, col_w[2], 1, NULL);
	ld_buf_adds(&w->x, "<w:p>");
	ld_docx_run(&w->x, what, strlen(what), LD_RUN_BOLD);
	if (dl > 0) {
		ld_docx_run(&w->x, " (", 2, LD_RUN_PLAIN);
		ld_docx_run(&w->x, m->date, dl, LD_RUN_PLAIN);
		ld_docx_run(&w->x, ")", 1, LD_RUN_PLAIN);
	}
	ld_buf_adds(&w->x, "</w:p><w:p>");
	text_run(&w->x, m->text, LD_RUN_PLAIN);
	ld_buf_adds(&w->x, "</w:p></w:tc>");
}

/* ---- the table ---------------------------------------------------------- */

/* A record's block: a row per proposal, then a row per comment. */
static void
record_rows(struct cx *w, const ldiff_consolidated *r)
{
	size_t k, n = r->n_proposals + r->n_comments;

	for (k = 0; k < n; k++) {
		ld_buf_adds(&w->x, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		place_cell(w, r, k == 0, n > 1);
		if (k < r->n_proposals) {
			const ldiff_proposal *p = &r->proposals[k];

			party_cell(w, p->parties, p->n_parties);
			proposal_cell(w, r, p);
		} else {
			const ldiff_comment *m =
			    &r->comments[k - r->n_proposals];

			party_cell(w, &m->party, 1);
			comment_cell(w, m);
		}
		ld_docx_cell_open(&w->x, col_w[3], 1, NULL);
		ld_buf_adds(&w->x, "<w:p/></w:tc></w:tr>");
	}
}

static void
table(struct cx *w)
{
	size_t i, n = ldiff_consolidation_count(w->c);
	const char *heads[4];

	if (n == 0) {
		ld_docx_para(&w->x, NULL, ld_cons_label(K_NONE, w->sv),
		    LD_RUN_ITALIC);
		return;
	}
	heads[0] = ld_cons_label(K_COL_PLACE, w->sv);
	heads[1] = ld_cons_label(K_COL_PARTY, w->sv);
	heads[2] = ld_cons_label(K_COL_SAID, w->sv);
	heads[3] = ld_cons_label(K_COL_ANSWER, w->sv);
	ld_docx_table_open(&w->x, col_w, heads, 4);
	for (i = 0; i < n; i++)
		record_rows(w, ldiff_consolidation_get(w->c, i));
	/* Word wants a paragraph after a table */
	ld_buf_adds(&w->x, "</w:tbl><w:p/>");
}

int
ldiff_render_consolidation_docx(const ldiff_consolidation *c,
    const void *base_docx, size_t base_len, FILE *out,
    const ldiff_render_opts *o, ldiff_error *err)
{
	ldiff_render_opts full;
	ld_docx_font f;
	struct cx w;
	ld_buf title;
	int r;

	if (c == NULL || out == NULL ||
	    (o != NULL && ld_check_render_opts(o) != 0))
		return ld_error(err, LDIFF_EINVAL, NULL);
	ld_render_opts_full(o, &full);
	memset(&w, 0, sizeof w);
	w.c = c;
	w.o = &full;
	w.sv = ld_cons_swedish(&full);
	ld_buf_init(&w.x);
	ld_buf_init(&title);
	if (full.title != NULL)
		ld_buf_adds(&title, full.title);
	else
		ld_buf_adds(&title, ld_cons_label(K_SUMMARY, w.sv));
	ld_docx_body_font(base_docx, base_len, &f);
	ld_docx_document_open(&w.x);
	preamble(&w, ld_buf_str(&title));
	table(&w);
	ld_docx_document_close(&w.x, 1);
	if (title.oom)
		r = ld_error(err, LDIFF_ENOMEM, NULL);
	else
		r = ld_docx_write_document(&w.x, &f, w.sv, ld_buf_str(&title),
		    out, err);
	ld_buf_free(&w.x);
	ld_buf_free(&title);
	if (r == 0 && (fflush(out) != 0 || ferror(out)))
		r = ld_error(err, LDIFF_EIO, NULL);
	return r;
}
