/*
 * render_docx.c - the last version as a .docx with every difference from
 * the one before as a tracked change (a redline).
 *
 * Reviewers open it in Word or LibreOffice and accept or reject change by
 * change, so the package must be the new version itself: every part of
 * NEW's package (styles, numbering, settings, theme, fonts, headers,
 * relationships) is copied as it is, and only the main document part is
 * written anew from the units of the last pair.  Each clause becomes a
 * paragraph with the style and numbering of the paragraph it came from
 * (ldiff_clause.style_id, num_id, ilvl), so numbers and headings look as
 * in NEW.  Without NEW's package (clause streams) a small package of our
 * own is written, with Heading 1-3 styles and the numbers typed.
 *
 * The units map to WordprocessingML revisions:
 *   inserted  runs in w:ins, the paragraph mark inserted (w:pPr/w:rPr/w:ins)
 *   deleted   runs in w:del with w:delText, the mark deleted
 *   changed   word-level w:ins / w:del runs from the unit's edits
 *   split     one old paragraph into several: the new marks inserted
 *   merged    several old paragraphs into one: the old marks deleted
 *   moved     w:moveTo at the new place, w:moveFrom where the clause stood,
 *             both named "moveN" inside move range marks
 *   rows      table rows rebuilt; a changed row with its cells intact gets
 *             word-level changes per cell, else the old row is deleted and
 *             the new one inserted (w:trPr/w:del, w:trPr/w:ins); a moved
 *             row is deleted where it stood and inserted where it went
 *             (Word has no moved rows)
 * so that accepting everything gives NEW's text and rejecting everything
 * OLD's.  Footnotes, headers and footers are NEW's, unmarked: their
 * clauses are not body paragraphs (known gap: a changed footnote is not
 * a tracked change, and the body loses its footnote references).  The edits are cut into paragraphs by walking the offsets of both
 * joined texts (diff_new.c joins the clauses of a split or merge with one
 * space): a new clause boundary ends a paragraph with an inserted mark, an
 * old one with a deleted mark, both together with a plain one.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <zip.h>

#include "docx/docx.h"
#include "render/render.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships"
#define GRID_TWIPS 9000		/* text width of an A4 page, in twips */

enum { MARK_NONE, MARK_INS, MARK_DEL, MARK_MOVE_FROM, MARK_MOVE_TO };

struct dw {
	ld_buf x;		/* word/document.xml */
	const ldiff_diff *d;
	const char *author;
	const char *title;	/* --title, or NULL: NEW's stays */
	char date[64];
	long id;		/* next revision id */
	long move;		/* next move name */
	int plain;		/* our own package: numbers are typed */
	size_t cols;		/* cells of the open table, 0 = none */
	const char *cell_style;	/* style of the row's cells, or NULL */
	size_t *slot;		/* moved-from places */
	size_t *move_name;	/* move number per moved unit */
	ld_move *mv;		/* the moves by the place they left */
	size_t nmv, mk;		/* their count, the cursor */
};

/* ---- XML pieces ------------------------------------------------------- */

/* Text for w:t / w:delText / an attribute: escaped, and the characters
 * XML 1.0 forbids dropped (a hostile document may carry them). */
static void
xml_text(ld_buf *b, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep;

		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '>')
			rep = "&gt;";
		else if (c == '"')
			rep = "&quot;";
		else if (c < 0x20 || (c == 0xef && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0xbf &&
		    (unsigned char)s[i + 2] >= 0xbe))
			rep = "";
		else
			continue;
		ld_buf_add(b, s + run, i - run);
		ld_buf_adds(b, rep);
		if (c == 0xef)
			i += 2;
		run = i + 1;
	}
	ld_buf_add(b, s + run, len - run);
}

static void
rev_attrs(struct dw *w)
{
	ld_buf_printf(&w->x, " w:id=\"%ld\" w:author=\"", w->id++);
	xml_text(&w->x, w->author, strlen(w->author));
	ld_buf_printf(&w->x, "\" w:date=\"%s\"", w->date);
}

static const char *const mark_el[] = {
	NULL, "w:ins", "w:del", "w:moveFrom", "w:moveTo"
};

/* One run of text; a TAB becomes w:tab, a newline w:br.  Deleted and
 * moved-from text is w:delText / w:t as Word writes it. */
static void
run(struct dw *w, const char *s, size_t len, int deleted)
{
	const char *t = deleted ? "w:delText" : "w:t";
	size_t i, start = 0;

	if (len == 0)
		return;
	ld_buf_adds(&w->x, "<w:r>");
	for (i = start; i <= len; i++) {
		if (i < len && s[i] != '\t' && s[i] != '\n')
			continue;
		if (i > start) {
			ld_buf_printf(&w->x, "<%s xml:space=\"preserve\">", t);
			xml_text(&w->x, s + start, i - start);
			ld_buf_printf(&w->x, "</%s>", t);
		}
		if (i < len)
			ld_buf_adds(&w->x, s[i] == '\t' ? "<w:tab/>" :
			    "<w:br/>");
		start = i + 1;
	}
	ld_buf_adds(&w->x, "</w:r>");
}

/* A run inside a revision element: w:ins, w:del, w:moveFrom, w:moveTo. */
static void
rev_run(struct dw *w, int mark, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (mark == MARK_NONE) {
		run(w, s, len, 0);
		return;
	}
	ld_buf_printf(&w->x, "<%s", mark_el[mark]);
	rev_attrs(w);
	ld_buf_adds(&w->x, ">");
	run(w, s, len, mark == MARK_DEL);
	ld_buf_printf(&w->x, "</%s>", mark_el[mark]);
}

/* ---- paragraphs ------------------------------------------------------- */

/* The style of a clause: its own, or in our package one by kind. */
static void
para_style(struct dw *w, const ldiff_clause *c)
{
	if (c->style_id != NULL && c->style_id[0] != '\0' && !w->plain) {
		ld_buf_adds(&w->x, "<w:pStyle w:val=\"");
		xml_text(&w->x, c->style_id, strlen(c->style_id));
		ld_buf_adds(&w->x, "\"/>");
	} else if (c->kind == LDIFF_CL_SECTION)
		ld_buf_printf(&w->x, "<w:pStyle w:val=\"Heading%d\"/>",
		    c->level >= 1 && c->level <= 3 ? c->level : 3);
	if (c->num_id > 0 && !w->plain)
		ld_buf_printf(&w->x, "<w:numPr><w:ilvl w:val=\"%d\"/>"
		    "<w:numId w:val=\"%d\"/></w:numPr>",
		    c->ilvl >= 0 && c->ilvl <= 8 ? c->ilvl : 0, c->num_id);
}

/* The end of a w:pPr: the paragraph mark's revision, if any, then the
 * close tag. */
static void
close_ppr(struct dw *w, int mark)
{
	if (mark != MARK_NONE) {
		ld_buf_printf(&w->x, "<w:rPr><%s", mark_el[mark]);
		rev_attrs(w);
		ld_buf_adds(&w->x, "/></w:rPr>");
	}
	ld_buf_adds(&w->x, "</w:pPr>");
}

static void
para_open(struct dw *w, const ldiff_clause *c, int mark)
{
	ld_buf_adds(&w->x, "<w:p><w:pPr>");
	para_style(w, c);
	close_ppr(w, mark);
}

/* Close a paragraph opened without a mark, giving it one now: the mark
 * of a split or merge is only known at the cut.  Paragraph marks live in
 * w:pPr, so the paragraph is reopened there. */
static void
para_close_mark(struct dw *w, size_t ppr_end, int mark)
{
	ld_buf tail;

	if (mark != MARK_NONE) {
		ld_buf_init(&tail);
		ld_buf_add(&tail, w->x.data + ppr_end, w->x.len - ppr_end);
		w->x.len = ppr_end - strlen("</w:pPr>");
		ld_buf_printf(&w->x, "<w:rPr><%s", mark_el[mark]);
		rev_attrs(w);
		ld_buf_adds(&w->x, "/></w:rPr></w:pPr>");
		ld_buf_add(&w->x, tail.data, tail.len);
		if (tail.oom)
			w->x.oom = 1;
		ld_buf_free(&tail);
	}
	ld_buf_adds(&w->x, "</w:p>");
}

/* The number typed before the text when numbering does not make it. */
static int
typed_label(const struct dw *w, const ldiff_clause *c)
{
	return c->label[0] != '\0' && (w->plain || c->num_id <= 0) &&
	    c->kind != LDIFF_CL_ROW;
}

static void
label_run(struct dw *w, const ldiff_clause *c, int mark)
{
	ld_buf b;

	if (!typed_label(w, c))
		return;
	ld_buf_init(&b);
	ld_buf_adds(&b, c->label);
	ld_buf_addc(&b, ' ');
	if (b.oom)
		w->x.oom = 1;
	else
		rev_run(w, mark, b.data, b.len);
	ld_buf_free(&b);
}

/* A whole clause as one paragraph, inserted, deleted, moved or plain. */
static void
whole_para(struct dw *w, const ldiff_clause *c, int mark, long move)
{
	const char *el = mark == MARK_MOVE_FROM ? "moveFrom" : "moveTo";
	long rid = 0;

	para_open(w, c, mark);
	if (move > 0) {
		rid = w->id++;
		ld_buf_printf(&w->x, "<w:%sRangeStart w:id=\"%ld\" "
		    "w:author=\"", el, rid);
		xml_text(&w->x, w->author, strlen(w->author));
		ld_buf_printf(&w->x, "\" w:date=\"%s\" w:name=\"move%ld\"/>",
		    w->date, move);
	}
	label_run(w, c, mark);
	rev_run(w, mark, c->text, strlen(c->text));
	if (move > 0)
		ld_buf_printf(&w->x, "<w:%sRangeEnd w:id=\"%ld\"/>", el, rid);
	ld_buf_adds(&w->x, "</w:p>");
}

/* The same text, the typed number maybe changed (renumbered). */
static void
same_text_para(struct dw *w, const ldiff_clause *o, const ldiff_clause *c)
{
	para_open(w, c, MARK_NONE);
	if (typed_label(w, c) && strcmp(o->label, c->label) != 0) {
		label_run(w, o, MARK_DEL);
		label_run(w, c, MARK_INS);
	} else
		label_run(w, c, MARK_NONE);
	rev_run(w, MARK_NONE, c->text, strlen(c->text));
	ld_buf_adds(&w->x, "</w:p>");
}

/* ---- edits cut into paragraphs ------------------------------------------ */

struct cut {
	const ldiff_unit *u;
	size_t on, nn;		/* current old / new clause */
	size_t oo, no;		/* offsets into the joined texts */
	size_t ob, nb;		/* next old / new boundary, or SIZE_MAX */
	size_t ppr_end;		/* where the open paragraph's pPr ends */
	int at_new, at_old;	/* the last cut was at a new / old boundary */
};

/* A boundary lies after clause k's text and the joining space. */
static size_t
boundary(const ldiff_clause *const *cl, size_t n, size_t k, size_t *start)
{
	if (k + 1 >= n)
		return (size_t)-1;
	*start += strlen(cl[k]->text) + 1;
	return *start;
}

static void
cut_open(struct dw *w, struct cut *c)
{
	const ldiff_unit *u = c->u;
	const ldiff_clause *cl = u->n_new > 0 ? u->new_cl[c->nn] :
	    u->old_cl[c->on];

	para_open(w, cl, MARK_NONE);
	c->ppr_end = w->x.len;
	if (c->nn == 0 && c->on == 0 && u->n_new > 0 && u->n_old > 0 &&
	    typed_label(w, u->new_cl[0]) && strcmp(u->old_cl[0]->label,
	    u->new_cl[0]->label) != 0) {
		label_run(w, u->old_cl[0], MARK_DEL);
		label_run(w, u->new_cl[0], MARK_INS);
	} else if (c->on == 0 && c->nn == 0 && u->n_new > 0)
		label_run(w, u->new_cl[0], MARK_NONE);
	else if (c->nn > 0 && c->at_new)
		label_run(w, u->new_cl[c->nn], MARK_INS);	/* split */
	else if (c->on > 0 && c->at_old)
		label_run(w, u->old_cl[c->on], MARK_DEL);	/* merge */
}

/* A paragraph ends here: which boundaries were reached decides its mark. */
static void
cut_break(struct dw *w, struct cut *c, size_t *ostart, size_t *nstart)
{
	int at_old = c->oo == c->ob, at_new = c->no == c->nb;
	int mark = at_old && at_new ? MARK_NONE : at_new ? MARK_INS :
	    MARK_DEL;

	para_close_mark(w, c->ppr_end, mark);
	if (at_old) {
		c->on++;
		c->ob = boundary(c->u->old_cl, c->u->n_old, c->on, ostart);
	}
	if (at_new) {
		c->nn++;
		c->nb = boundary(c->u->new_cl, c->u->n_new, c->nn, nstart);
	}
	c->at_new = at_new;
	c->at_old = at_old;
	cut_open(w, c);
}

/* A chunk that ends at a boundary ends with the joining space: a
 * separator on the side(s) that break there, so it is left out there and
 * kept as a change on a side that does not break (a split removes the
 * space between two sentences, a merge puts one in). */
static void
sep_run(struct dw *w, const struct cut *c, int mark, const char *s,
    size_t n, int adv_old, int adv_new)
{
	int at_old = adv_old && c->oo + n == c->ob;
	int at_new = adv_new && c->no + n == c->nb;

	if ((!at_old && !at_new) || s[n - 1] != ' ') {
		rev_run(w, mark, s, n);
		return;
	}
	rev_run(w, mark, s, n - 1);
	if (mark == MARK_NONE && at_new && !at_old)
		rev_run(w, MARK_DEL, " ", 1);
	else if (mark == MARK_NONE && at_old && !at_new)
		rev_run(w, MARK_INS, " ", 1);
}

/* Emit text of one edit side, advancing the old and/or new offset, and
 * cutting at every boundary it crosses. */
static void
cut_text(struct dw *w, struct cut *c, const char *s, int mark,
    size_t *ostart, size_t *nstart)
{
	size_t len = strlen(s), i = 0;
	int adv_old = mark != MARK_INS, adv_new = mark != MARK_DEL;

	while (i < len) {
		size_t n = len - i;

		if (adv_old && c->ob != (size_t)-1 && c->ob - c->oo < n)
			n = c->ob - c->oo;
		if (adv_new && c->nb != (size_t)-1 && c->nb - c->no < n)
			n = c->nb - c->no;
		sep_run(w, c, mark, s + i, n, adv_old, adv_new);
		i += n;
		if (adv_old)
			c->oo += n;
		if (adv_new)
			c->no += n;
		if ((adv_old && c->oo == c->ob) || (adv_new && c->no == c->nb))
			cut_break(w, c, ostart, nstart);
	}
}

static void
edits_paras(struct dw *w, const ldiff_unit *u)
{
	struct cut c;
	size_t i, ostart = 0, nstart = 0;

	memset(&c, 0, sizeof c);
	c.u = u;
	c.ob = boundary(u->old_cl, u->n_old, 0, &ostart);
	c.nb = boundary(u->new_cl, u->n_new, 0, &nstart);
	cut_open(w, &c);
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (e->op == LDIFF_EDIT_EQUAL) {
			cut_text(w, &c, e->new_text, MARK_NONE, &ostart,
			    &nstart);
			continue;
		}
		if (e->op != LDIFF_EDIT_INSERT)
			cut_text(w, &c, e->old_text, MARK_DEL, &ostart,
			    &nstart);
		if (e->op != LDIFF_EDIT_DELETE)
			cut_text(w, &c, e->new_text, MARK_INS, &ostart,
			    &nstart);
	}
	ld_buf_adds(&w->x, "</w:p>");
}

/* ---- tables ---------------------------------------------------------------- */

static int
unit_is_row(const ldiff_unit *u)
{
	const ldiff_clause *c = u->n_new > 0 ? u->new_cl[0] :
	    u->n_old > 0 ? u->old_cl[0] : NULL;

	return c != NULL && c->kind == LDIFF_CL_ROW;
}

static size_t
cells(const char *s)
{
	size_t n = 1;

	for (; *s != '\0'; s++)
		n += *s == '\t';
	return n;
}

static void
table_open(struct dw *w, size_t lo, size_t hi)
{
	size_t i, cols = 1, k;

	for (i = lo; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (!unit_is_row(u))
			break;
		for (k = 0; k < u->n_new; k++)
			if (cells(u->new_cl[k]->text) > cols)
				cols = cells(u->new_cl[k]->text);
		for (k = 0; k < u->n_old; k++)
			if (cells(u->old_cl[k]->text) > cols)
				cols = cells(u->old_cl[k]->text);
	}
	if (cols > 63)
		cols = 63;	/* Word's limit */
	w->cols = cols;
	ld_buf_adds(&w->x, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" "
	    "w:type=\"auto\"/><w:tblBorders>");
	{
		static const char *const side[] = { "top", "left", "bottom",
		    "right", "insideH", "insideV" };

		for (k = 0; k < 6; k++)
			ld_buf_printf(&w->x, "<w:%s w:val=\"single\" "
			    "w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>",
			    side[k]);
	}
	ld_buf_adds(&w->x, "</w:tblBorders><w:tblLook w:val=\"04A0\"/>"
	    "</w:tblPr><w:tblGrid>");
	for (k = 0; k < cols; k++)
		ld_buf_printf(&w->x, "<w:gridCol w:w=\"%zu\"/>",
		    GRID_TWIPS / cols);
	ld_buf_adds(&w->x, "</w:tblGrid>");
}

static void
table_close(struct dw *w)
{
	if (w->cols == 0)
		return;
	/* Word wants a paragraph between a table and what follows */
	ld_buf_adds(&w->x, "</w:tbl><w:p/>");
	w->cols = 0;
}

static void
row_open(struct dw *w, int mark)
{
	ld_buf_adds(&w->x, "<w:tr>");
	if (mark != MARK_NONE) {
		ld_buf_printf(&w->x, "<w:trPr><%s", mark_el[mark]);
		rev_attrs(w);
		ld_buf_adds(&w->x, "/></w:trPr>");
	}
}

/* A cell's paragraph takes the style of the row's first paragraph in
 * NEW (a header row stays a header row). */
static void
cell_open(struct dw *w, int mark)
{
	const char *st = w->cell_style;
	int styled = st != NULL && st[0] != '\0' && !w->plain;

	ld_buf_printf(&w->x, "<w:tc><w:tcPr><w:tcW w:w=\"%zu\" "
	    "w:type=\"dxa\"/></w:tcPr><w:p>", GRID_TWIPS / w->cols);
	if (mark == MARK_NONE && !styled)
		return;
	ld_buf_adds(&w->x, "<w:pPr>");
	if (styled) {
		ld_buf_adds(&w->x, "<w:pStyle w:val=\"");
		xml_text(&w->x, st, strlen(st));
		ld_buf_adds(&w->x, "\"/>");
	}
	close_ppr(w, mark);
}

/* Cells of a row's text; the cells beyond the grid join the last. */
static void
row_cells(struct dw *w, const char *s, int mark)
{
	size_t k = 0, len = strlen(s), i, start = 0;

	row_open(w, mark == MARK_DEL || mark == MARK_INS ? mark : MARK_NONE);
	for (i = 0; i <= len; i++) {
		if (i < len && (s[i] != '\t' || k + 1 >= w->cols))
			continue;
		cell_open(w, mark);
		rev_run(w, mark, s + start, i - start);
		ld_buf_adds(&w->x, "</w:p></w:tc>");
		k++;
		start = i + 1;
	}
	for (; k < w->cols; k++) {
		cell_open(w, mark);
		ld_buf_adds(&w->x, "</w:p></w:tc>");
	}
	ld_buf_adds(&w->x, "</w:tr>");
}

/* The cells survive when no TAB is inside a change. */
static int
cells_intact(const ldiff_unit *u, size_t cols)
{
	size_t i;

	if (u->n_old != 1 || u->n_new != 1 ||
	    cells(u->new_cl[0]->text) != cells(u->old_cl[0]->text) ||
	    cells(u->new_cl[0]->text) > cols)
		return 0;
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (e->op != LDIFF_EDIT_EQUAL && (strchr(e->old_text, '\t') ||
		    strchr(e->new_text, '\t')))
			return 0;
	}
	return 1;
}

/* Word-level changes cell by cell: equal text carries the TABs. */
static void
row_edits(struct dw *w, const ldiff_unit *u)
{
	size_t i, k = 1;

	row_open(w, MARK_NONE);
	cell_open(w, MARK_NONE);
	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];
		const char *s = e->new_text, *tab;

		if (e->op != LDIFF_EDIT_EQUAL) {
			if (e->op != LDIFF_EDIT_INSERT)
				rev_run(w, MARK_DEL, e->old_text,
				    strlen(e->old_text));
			if (e->op != LDIFF_EDIT_DELETE)
				rev_run(w, MARK_INS, e->new_text,
				    strlen(e->new_text));
			continue;
		}
		while ((tab = strchr(s, '\t')) != NULL) {
			rev_run(w, MARK_NONE, s, (size_t)(tab - s));
			ld_buf_adds(&w->x, "</w:p></w:tc>");
			cell_open(w, MARK_NONE);
			k++;
			s = tab + 1;
		}
		rev_run(w, MARK_NONE, s, strlen(s));
	}
	ld_buf_adds(&w->x, "</w:p></w:tc>");
	for (; k < w->cols; k++) {
		cell_open(w, MARK_NONE);
		ld_buf_adds(&w->x, "</w:p></w:tc>");
	}
	ld_buf_adds(&w->x, "</w:tr>");
}

static void
row_unit(struct dw *w, const ldiff_unit *u)
{
	size_t k;

	w->cell_style = u->n_new > 0 ? u->new_cl[0]->style_id :
	    u->old_cl[0]->style_id;
	if (u->op == LDIFF_OP_EQUAL && u->n_edits == 0) {
		for (k = 0; k < u->n_new; k++)
			row_cells(w, u->new_cl[k]->text, MARK_NONE);
		return;
	}
	if (u->n_edits > 0 && u->op != LDIFF_OP_INSERTED &&
	    u->op != LDIFF_OP_DELETED && cells_intact(u, w->cols)) {
		row_edits(w, u);
		return;
	}
	for (k = 0; k < u->n_old; k++)
		row_cells(w, u->old_cl[k]->text, MARK_DEL);
	for (k = 0; k < u->n_new; k++)
		row_cells(w, u->new_cl[k]->text, MARK_INS);
}

/* ---- units -------------------------------------------------------------- */

/* Footnotes, headers, footers and comments are not body paragraphs. */
static int
unit_in_body(const ldiff_unit *u)
{
	const ldiff_clause *c = u->n_new > 0 ? u->new_cl[0] :
	    u->n_old > 0 ? u->old_cl[0] : NULL;

	return c != NULL && c->kind != LDIFF_CL_NOTE &&
	    c->kind != LDIFF_CL_OTHER && c->kind != LDIFF_CL_SENTENCE;
}

static void
body_unit(struct dw *w, const ldiff_unit *u, size_t i, size_t hi)
{
	size_t k;

	if (unit_is_row(u)) {
		if (w->cols == 0)
			table_open(w, i, hi);
		row_unit(w, u);
		return;
	}
	table_close(w);
	switch (u->op) {
	case LDIFF_OP_INSERTED:
		for (k = 0; k < u->n_new; k++)
			whole_para(w, u->new_cl[k], MARK_INS, 0);
		return;
	case LDIFF_OP_DELETED:
		for (k = 0; k < u->n_old; k++)
			whole_para(w, u->old_cl[k], MARK_DEL, 0);
		return;
	case LDIFF_OP_MOVED:
		for (k = 0; k < u->n_new; k++)
			whole_para(w, u->new_cl[k], MARK_MOVE_TO,
			    k == 0 ? (long)w->move_name[i] : 0);
		return;
	default:
		break;
	}
	if (u->n_edits > 0)
		edits_paras(w, u);
	else if (u->n_old == 1 && u->n_new == 1)
		same_text_para(w, u->old_cl[0], u->new_cl[0]);
	else
		for (k = 0; k < u->n_new; k++)
			whole_para(w, u->new_cl[k], MARK_NONE, 0);
}

/* Where a moved clause stood: its old text, moved from.  A moved table
 * row is a deleted row here and an inserted one at its new place (Word
 * has no moved rows). */
static void
moved_from(struct dw *w, const ldiff_unit *u, size_t i)
{
	size_t k;

	if (unit_is_row(u)) {
		if (w->cols == 0)
			table_open(w, i, i + 1);
		w->cell_style = u->old_cl[0]->style_id;
		for (k = 0; k < u->n_old; k++)
			row_cells(w, u->old_cl[k]->text, MARK_DEL);
		return;
	}
	table_close(w);
	for (k = 0; k < u->n_old; k++)
		whole_para(w, u->old_cl[k], MARK_MOVE_FROM,
		    k == 0 ? (long)w->move_name[i] : 0);
}

/* The moved-from paragraphs of the place after unit `after`: the places
 * come in order, so a cursor over the sorted moves finds them. */
static void
moves_after(struct dw *w, size_t after)
{
	while (w->mk < w->nmv && w->mv[w->mk].after == after) {
		size_t j = w->mv[w->mk++].unit;
		const ldiff_unit *u = ldiff_diff_unit(w->d, j);

		if (unit_in_body(u))
			moved_from(w, u, j);
	}
}

static void
moved_rows_as_changes(struct dw *w, size_t lo, size_t hi)
{
	size_t i;

	for (i = lo; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		w->move_name[i] = 0;
		if (u->op == LDIFF_OP_MOVED && !unit_is_row(u))
			w->move_name[i] = (size_t)++w->move;
	}
}

static int
body(struct dw *w)
{
	size_t nver = ldiff_diff_versions(w->d), n = ldiff_diff_count(w->d);
	size_t pair = nver >= 2 ? nver - 2 : 0, lo, hi, i;
	int r;

	for (lo = 0; lo < n && ldiff_diff_unit(w->d, lo)->from < pair; lo++)
		;
	for (hi = lo; hi < n && ldiff_diff_unit(w->d, hi)->from == pair; hi++)
		;
	if ((r = ld_moved_slots(w->d, pair, w->slot)) != 0 ||
	    (r = ld_moves_by_place(w->d, pair, w->slot, lo, hi,
	    &w->mv, &w->nmv)) != 0)
		return r;
	moved_rows_as_changes(w, lo, hi);
	moves_after(w, LD_SLOT_TOP);
	for (i = lo; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (unit_in_body(u)) {
			if (u->op == LDIFF_OP_MOVED && unit_is_row(u)) {
				ldiff_unit tmp = *u;

				tmp.op = LDIFF_OP_INSERTED;
				tmp.n_old = 0;
				body_unit(w, &tmp, i, hi);
			} else
				body_unit(w, u, i, hi);
		}
		moves_after(w, i);
	}
	table_close(w);
	return 0;
}

/* ---- the package ----------------------------------------------------------- */

/* The parts of our own package, for clause streams without a .docx. */
static const char plain_types[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
"content-types\"><Default Extension=\"rels\" ContentType=\"application/"
"vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
"ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
"ContentType=\"application/vnd.openxmlformats-officedocument."
"wordprocessingml.document.main+xml\"/><Override PartName=\"/docProps/"
"core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-"
"properties+xml\"/><Override PartName=\"/word/"
"styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
"wordprocessingml.styles+xml\"/></Types>\n";

static const char plain_rels[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
"relationships\"><Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" "
"Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\""
"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
"core-properties\" Target=\"docProps/core.xml\"/></Relationships>\n";

static const char plain_core[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
"2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/"
"1.1/\"><dc:title></dc:title></cp:coreProperties>\n";

static const char plain_doc_rels[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
"relationships\"><Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" "
"Target=\"styles.xml\"/></Relationships>\n";

#define HEADING_STYLE(n, size) \
"<w:style w:type=\"paragraph\" w:styleId=\"Heading" #n "\"><w:name " \
"w:val=\"heading " #n "\"/><w:basedOn w:val=\"Normal\"/><w:next " \
"w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing " \
"w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"" #n "\"/>" \
"</w:pPr><w:rPr><w:b/><w:sz w:val=\"" #size "\"/></w:rPr></w:style>"

static const char plain_styles[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<w:styles xmlns:w=\"" W_NS "\"><w:docDefaults><w:rPrDefault><w:rPr>"
"<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>"
"<w:sz w:val=\"22\"/><w:lang w:val=\"sv-SE\"/></w:rPr></w:rPrDefault>"
"<w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault>"
"</w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" "
"w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
HEADING_STYLE(1, 32) HEADING_STYLE(2, 28) HEADING_STYLE(3, 24)
"</w:styles>\n";

static const char plain_root[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\">";

static const char plain_sect[] =
"<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" "
"w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" "
"w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>";

/* A part of NEW's package, inflated within the limits of an input. */
static int
read_part(ld_pkg *p, const char *name, ld_buf *out, ldiff_error *err)
{
	ld_part *pt;
	char tmp[16384];
	long n;
	int r;

	if ((r = ld_part_open(&pt, p, name, err)) != 0)
		return r;
	while ((n = ld_part_read(pt, tmp, sizeof tmp, err)) > 0)
		ld_buf_add(out, tmp, (size_t)n);
	ld_part_close(pt);
	if (n < 0)
		return (int)n;
	return out->oom ? ld_error(err, LDIFF_ENOMEM, NULL) : 0;
}

/* NEW's document part gives its root element (namespaces) and its last
 * section properties (page size, margins, headers); both copied as
 * bytes.  A part written with another prefix than w: is not ours to
 * cut: the plain root and section then serve. */
static void
root_and_sect(const ld_buf *doc, ld_buf *root, ld_buf *sect)
{
	const char *s = ld_buf_str(doc), *a, *e, *body_end, *p, *last = NULL;

	a = strstr(s, "<w:document");
	e = a != NULL ? strchr(a, '>') : NULL;
	body_end = strstr(s, "</w:body>");
	if (a == NULL || e == NULL || body_end == NULL || e[-1] == '/') {
		ld_buf_adds(root, plain_root);
		ld_buf_adds(sect, plain_sect);
		return;
	}
	ld_buf_add(root, s, (size_t)(e + 1 - s));
	for (p = s; (p = strstr(p, "<w:sectPr")) != NULL && p < body_end;
	    p++)
		last = p;
	if (last != NULL && (p = strstr(last, "</w:sectPr>")) != NULL &&
	    p < body_end)
		ld_buf_add(sect, last, (size_t)(p + 11 - last));
	else if (last != NULL && (p = strstr(last, "/>")) != NULL &&
	    p < body_end && memchr(last, '>', (size_t)(p - last)) == NULL)
		ld_buf_add(sect, last, (size_t)(p + 2 - last));
	else
		ld_buf_adds(sect, plain_sect);
}

struct out_parts {
	char **name;
	ld_buf *data;
	size_t n, cap;
};

static ld_buf *
part_add(struct out_parts *op, const char *name)
{
	size_t k;
	char *copy;

	if (op->n == op->cap) {
		size_t cap = op->cap ? op->cap * 2 : 16;
		char **nn = ld_reallocarray(op->name, cap, sizeof *nn);
		ld_buf *nd;

		if (nn == NULL)
			return NULL;
		op->name = nn;
		nd = ld_reallocarray(op->data, cap, sizeof *nd);
		if (nd == NULL)
			return NULL;
		op->data = nd;
		op->cap = cap;
	}
	copy = ld_malloc(strlen(name) + 1);
	if (copy == NULL)
		return NULL;
	strcpy(copy, name);
	k = op->n++;
	op->name[k] = copy;
	ld_buf_init(&op->data[k]);
	return &op->data[k];
}

static void
parts_free(struct out_parts *op)
{
	size_t k;

	for (k = 0; k < op->n; k++) {
		ld_free(op->name[k]);
		ld_buf_free(&op->data[k]);
	}
	ld_free(op->name);
	ld_free(op->data);
}

/* Every part of NEW except the main document, whose root and section
 * properties are returned. */
static int
copy_parts(const void *docx, size_t len, struct out_parts *op,
    ld_buf *root, ld_buf *sect, char **main_name, ldiff_error *err)
{
	ld_pkg *p = NULL;
	ld_rels rels = { NULL, 0 };
	const ld_rel *rel;
	size_t i, n;
	ld_buf doc;
	int r;

	ld_buf_init(&doc);
	if ((r = ld_pkg_open_mem(&p, docx, len, NULL, err)) != 0 ||
	    (r = ld_pkg_rels(p, "", &rels, err)) != 0)
		goto out;
	if ((rel = ld_rels_by_type(&rels, "officeDocument")) == NULL) {
		r = ld_error(err, LDIFF_ENOTDOCX, "%s", _("no main document "
		    "part in the package"));
		goto out;
	}
	*main_name = ld_malloc(strlen(rel->target) + 1);
	if (*main_name == NULL) {
		r = ld_error(err, LDIFF_ENOMEM, NULL);
		goto out;
	}
	strcpy(*main_name, rel->target);
	if ((r = read_part(p, rel->target, &doc, err)) != 0)
		goto out;
	root_and_sect(&doc, root, sect);
	n = ld_pkg_count(p);
	for (i = 0; i < n && r == 0; i++) {
		const char *name = ld_pkg_name(p, i);
		ld_buf *b;

		if (name == NULL || name[0] == '\0' ||
		    name[strlen(name) - 1] == '/' ||
		    strcasecmp(name, rel->target) == 0)
			continue;
		if ((b = part_add(op, name)) == NULL)
			r = ld_error(err, LDIFF_ENOMEM, NULL);
		else
			r = read_part(p, name, b, err);
	}
out:
	ld_buf_free(&doc);
	ld_rels_free(&rels);
	ld_pkg_close(p);
	return r;
}

static int
plain_parts(struct out_parts *op, ld_buf *root, ld_buf *sect,
    char **main_name, ldiff_error *err)
{
	static const struct {
		const char *name, *data;
	} parts[] = {
		{ "[Content_Types].xml", plain_types },
		{ "_rels/.rels", plain_rels },
		{ "word/_rels/document.xml.rels", plain_doc_rels },
		{ "word/styles.xml", plain_styles },
		{ "docProps/core.xml", plain_core },
	};
	size_t k;

	for (k = 0; k < sizeof parts / sizeof parts[0]; k++) {
		ld_buf *b = part_add(op, parts[k].name);

		if (b == NULL || ld_buf_adds(b, parts[k].data) != 0)
			return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	ld_buf_adds(root, plain_root);
	ld_buf_adds(sect, plain_sect);
	*main_name = ld_malloc(sizeof "word/document.xml");
	if (*main_name == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	strcpy(*main_name, "word/document.xml");
	return 0;
}

/* libzip could not build the archive: out of memory, or (a name it
 * cannot store) an invalid argument. */
static int
archive_error(zip_error_t *ze, ldiff_error *err)
{
	if (zip_error_code_zip(ze) == ZIP_ER_MEMORY)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	return ld_error(err, LDIFF_EINVAL, "%s: %s", _("cannot build the zip "
	    "archive"), zip_error_strerror(ze));
}

/* One part, deflated at the fastest level (a redline is opened once;
 * the time went to zlib, not to our XML), with a fixed time (1980-01-01,
 * the first a zip can hold) so that the bytes depend on the input only.
 * The data stays op's until the archive is closed. */
static int
add_part(zip_t *z, const char *name, const ld_buf *data, ldiff_error *err)
{
	zip_source_t *s;
	zip_int64_t i;

	s = zip_source_buffer(z, data->len ? data->data : "", data->len, 0);
	i = s != NULL ? zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) : -1;
	if (i < 0) {
		zip_source_free(s);
		return archive_error(zip_get_error(z), err);
	}
	if (zip_file_set_mtime(z, (zip_uint64_t)i, 315532800, 0) != 0 ||
	    zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE,
	    1) != 0)
		return archive_error(zip_get_error(z), err);
	return 0;
}

/* Every part in op's order, but [Content_Types].xml first, where readers
 * that sniff a package's first entry look for it. */
static int
add_parts(zip_t *z, const struct out_parts *op, ldiff_error *err)
{
	int pass, r = 0;
	size_t k;

	for (pass = 0; pass < 2 && r == 0; pass++)
		for (k = 0; k < op->n && r == 0; k++)
			if ((strcmp(op->name[k], "[Content_Types].xml") == 0) ==
			    (pass == 0))
				r = add_part(z, op->name[k], &op->data[k], err);
	return r;
}

/* The finished archive in src, copied to out a buffer at a time. */
static int
copy_out(zip_source_t *src, FILE *out, ldiff_error *err)
{
	char buf[16384];
	zip_int64_t n = 0;
	int r = 0;

	if (zip_source_open(src) != 0)
		return archive_error(zip_source_error(src), err);
	while (r == 0 && (n = zip_source_read(src, buf, sizeof buf)) > 0)
		if ((r = ld_fwrite_all(out, buf, (size_t)n)) != 0)
			ld_error(err, r, NULL);
	if (r == 0 && n < 0)
		r = archive_error(zip_source_error(src), err);
	zip_source_close(src);
	return r;
}

/* Zip the parts with libzip into a buffer source and write the archive
 * to out.  The source is kept past zip_close, which writes the archive
 * into it, so that it can be read out again; nothing reaches out until
 * the archive is whole. */
static int
write_zip(const struct out_parts *op, FILE *out, ldiff_error *err)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z = NULL;
	int r;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (src != NULL)
		z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (z == NULL) {
		r = archive_error(&ze, err);
		zip_source_free(src);
		zip_error_fini(&ze);
		return r;
	}
	zip_error_fini(&ze);
	zip_source_keep(src);
	r = add_parts(z, op, err);
	if (r == 0 && zip_close(z) != 0)
		r = archive_error(zip_get_error(z), err);
	if (r != 0)
		zip_discard(z);
	else
		r = copy_out(src, out, err);
	zip_source_free(src);
	return r;
}

/* Does s match pat, where 9 stands for a digit? */
static int
shaped(const char *s, const char *pat)
{
	for (; *pat != '\0'; s++, pat++)
		if (*pat == '9' ? !(*s >= '0' && *s <= '9') : *s != *pat)
			return 0;
	return *s == '\0';
}

/* The revision date: --date as given when Word reads it (xsd:dateTime,
 * "2026-11-28T09:00:00Z", or a day, taken as its midnight UTC), else
 * now.  A date Word cannot read would make it refuse the file. */
static int
set_date(struct dw *w, const ldiff_render_opts *o, ldiff_error *err)
{
	static const char *const forms[] = { "9999-99-99T99:99:99Z",
	    "9999-99-99T99:99:99+99:99", "9999-99-99T99:99:99-99:99",
	    "9999-99-99T99:99Z", "9999-99-99" };
	time_t t;
	struct tm tm;
	size_t i;

	if (o->date != NULL) {
		for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
			if (shaped(o->date, forms[i]))
				break;
		if (i == sizeof forms / sizeof forms[0])
			return ld_error(err, LDIFF_EINVAL, _("--date '%.64s' is "
			    "not a date and time Word reads (such as "
			    "2026-11-28T09:00:00Z)"), o->date);
		snprintf(w->date, sizeof w->date, "%s%s", o->date,
		    i == 4 ? "T00:00:00Z" : "");
		return 0;
	}
	t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(w->date, sizeof w->date, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(w->date, sizeof w->date, "1970-01-01T00:00:00Z");
	return 0;
}

/* --title: the package's title (dc:title of docProps/core.xml), put in
 * place of the one NEW had, or added before the end of the part. */
static void
set_title(struct out_parts *op, const char *title)
{
	ld_buf *core = NULL, nb;
	const char *s, *a, *e;
	size_t k;
	int add;

	for (k = 0; k < op->n; k++)
		if (strcasecmp(op->name[k], "docProps/core.xml") == 0)
			core = &op->data[k];
	if (core == NULL || title == NULL)
		return;
	s = ld_buf_str(core);
	if ((a = strstr(s, "<dc:title>")) != NULL &&
	    (e = strstr(a, "</dc:title>")) != NULL) {
		a += strlen("<dc:title>");
		add = 0;
	} else if ((a = strstr(s, "<dc:title/>")) != NULL) {
		e = a + strlen("<dc:title/>");
		add = 1;
	} else if ((a = strstr(s, "</cp:coreProperties>")) != NULL) {
		e = a;
		add = 1;
	} else
		return;
	ld_buf_init(&nb);
	ld_buf_add(&nb, s, (size_t)(a - s));
	if (add)
		ld_buf_adds(&nb, "<dc:title>");
	xml_text(&nb, title, strlen(title));
	if (add)
		ld_buf_adds(&nb, "</dc:title>");
	ld_buf_adds(&nb, e);
	if (nb.oom) {
		ld_buf_free(&nb);
		return;		/* the title stays NEW's */
	}
	ld_buf_free(core);
	*core = nb;
}

static int
build(struct dw *w, const void *new_docx, size_t new_len, FILE *out,
    ldiff_error *err)
{
	struct out_parts op;
	ld_buf root, sect, *doc;
	char *main_name = NULL;
	int r;

	memset(&op, 0, sizeof op);
	ld_buf_init(&root);
	ld_buf_init(&sect);
	w->plain = new_docx == NULL;
	r = w->plain ? plain_parts(&op, &root, &sect, &main_name, err) :
	    copy_parts(new_docx, new_len, &op, &root, &sect, &main_name, err);
	if (r != 0)
		goto out;
	ld_buf_add(&w->x, root.data, root.len);
	ld_buf_adds(&w->x, "<w:body>");
	if ((r = body(w)) != 0) {
		ld_error(err, r, NULL);
		goto out;
	}
	ld_buf_add(&w->x, sect.data, sect.len);
	ld_buf_adds(&w->x, "</w:body></w:document>\n");
	if (w->x.oom || root.oom || sect.oom ||
	    (doc = part_add(&op, main_name)) == NULL) {
		r = ld_error(err, LDIFF_ENOMEM, NULL);
		goto out;
	}
	*doc = w->x;		/* the parts own it now */
	ld_buf_init(&w->x);
	set_title(&op, w->title);
	r = write_zip(&op, out, err);
out:
	parts_free(&op);
	ld_free(main_name);
	ld_buf_free(&root);
	ld_buf_free(&sect);
	return r;
}

int
ldiff_render_docx(const ldiff_diff *d, const void *new_docx,
    size_t new_len, FILE *out, const ldiff_render_opts *o,
    ldiff_error *err)
{
	ldiff_render_opts def;
	struct dw w;
	size_t n;
	int r;

	if (d == NULL || out == NULL || ldiff_diff_versions(d) < 2)
		return ld_error(err, LDIFF_EINVAL, NULL);
	if (o == NULL) {
		ldiff_render_opts_init(&def);
		o = &def;
	}
	if ((r = ld_check_version(err, "ldiff_render_opts", o->version,
	    LDIFF_RENDER_OPTS_VERSION)) != 0)
		return r;
	memset(&w, 0, sizeof w);
	w.d = d;
	w.author = o->author != NULL ? o->author : "kldiff";
	w.title = o->title;
	w.id = 1;
	if ((r = set_date(&w, o, err)) != 0)
		return r;
	ld_buf_init(&w.x);
	n = ldiff_diff_count(d);
	w.slot = ld_reallocarray(NULL, n + 1, sizeof *w.slot);
	w.move_name = ld_calloc(n + 1, sizeof *w.move_name);
	if (w.slot == NULL || w.move_name == NULL)
		r = ld_error(err, LDIFF_ENOMEM, NULL);
	else
		r = build(&w, new_docx, new_len, out, err);
	ld_buf_free(&w.x);
	ld_free(w.slot);
	ld_free(w.move_name);
	ld_free(w.mv);
	if (r == 0 && (fflush(out) != 0 || ferror(out)))
		r = ld_error(err, LDIFF_EIO, NULL);
	return r;
}
