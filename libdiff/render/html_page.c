/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * html_page.c - the review page around the units: its labels, its
 * writer, its style sheet, and the controls that filter it.
 *
 * Reviewers read drafts in a browser and share the page by mail, so the
 * page is a single file: inline CSS, no script, no request leaves it (a
 * Content-Security-Policy meta tag forbids them).  Everything a reviewer
 * toggles works with CSS alone: checkboxes and radio buttons stand before
 * <main> as siblings, and ":checked ~ main" rules hide non-substantive
 * changes, unchanged clauses or period shifts and switch between side by
 * side (old | new), inline, and the parallel layout of the committee
 * paper (the units hidden, the layout's table shown).  Text goes through one buffered writer
 * that escapes it and keeps the first write error.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/html_page.h"

/* ---- labels -------------------------------------------------------- */

const struct ld_hw_label ld_hw_labels[] = {
	[H_EQUAL] = { N_("Unchanged"), "Oförändrad" },
	[H_CHANGED] = { N_("Changed"), "Ändrad" },
	[H_MOVED] = { N_("Moved"), "Flyttad" },
	[H_INSERTED] = { N_("Inserted"), "Tillagd" },
	[H_DELETED] = { N_("Deleted"), "Borttagen" },
	[H_SPLIT] = { N_("Split"), "Delad" },
	[H_MERGED] = { N_("Merged"), "Sammanslagen" },
	[H_WORDING] = { N_("Wording"), "Formulering" },
	[H_NUMBER] = { N_("Number change"), "Taländring" },
	[H_AMOUNT] = { N_("Amount change"), "Beloppsändring" },
	[H_DATE] = { N_("Date change"), "Datumändring" },
	[H_PERIOD] = { N_("Period change"), "Periodändring" },
	[H_TYPOGRAPHY] = { N_("Typography"), "Typografi" },
	[H_LANGUAGE] = { N_("Language"), "Språklig" },
	[H_RENUMBER] = { N_("Renumbered"), "Omnumrerad" },
	[H_SUMMARY] = { N_("Summary"), "Sammanfattning" },
	[H_CLAUSES] = { N_("Clauses"), "Klausuler" },
	[H_SUBSTANTIVE] = { N_("Substantive changes"),
	    "Ändringar i sak" },
	[H_BYSECTION] = { N_("Changes by section"), "Ändringar per avsnitt" },
	[H_SECTION] = { N_("Section"), "Avsnitt" },
	[H_THROUGHOUT] = { N_("Throughout"), "Genomgående" },
	[H_SHOW] = { N_("Show"), "Visa" },
	[H_HIDE_NS] = { N_("Hide non-substantive changes"),
	    "Dölj det som inte är i sak" },
	[H_HIDE_EQ] = { N_("Hide unchanged clauses"),
	    "Dölj oförändrade klausuler" },
	[H_HIDE_PE] = { N_("Hide period changes"), "Dölj periodändringar" },
	[H_SIDE] = { N_("Side by side"), "Sida vid sida" },
	[H_INLINE] = { N_("Inline"), "Löpande" },
	[H_LEGEND] = { N_("Legend"), "Teckenförklaring" },
	[H_INS_SR] = { N_("inserted: "), "tillagt: " },
	[H_DEL_SR] = { N_("deleted: "), "borttaget: " },
	[H_INS_LEG] = { N_("inserted text"), "tillagd text" },
	[H_DEL_LEG] = { N_("deleted text"), "borttagen text" },
	[H_MOVED_TO] = { N_("moved to"), "flyttad till" },
	[H_MOVED_FROM] = { N_("moved from"), "flyttad från" },
	[H_LINEAGE] = { N_("Clause history"), "Klausulernas historik" },
	[H_CLAUSE] = { N_("Clause (latest text)"),
	    "Klausul (senaste lydelse)" },
	[H_ABSENT] = { N_("not present"), "saknas" },
	[H_CHANGES] = { N_("Changes"), "Ändringar" },
	[H_NODIFF] = { N_("No differences."), "Inga skillnader." },
	[H_TITLE] = { N_("Comparison"), "Jämförelse" },
	[H_CHANGES_OF] = { N_("Changed clauses"), "Ändrade klausuler" },
	[H_UNITS] = { N_("Changes"), "Ändringar" },
	[H_AMOUNTS] = { N_("Amounts"), "Belopp" },
	[H_PARALLEL] = { N_("Parallel layout"), "Parallelluppställning" },
	[H_TYPO_LEG] = { N_("typography, not substantive: dashes, quotes, "
	    "spaces"), "typografi, inte i sak: streck, citattecken, "
	    "mellanrum" },
	[H_N_EQUAL] = { N_("Unchanged"), "Oförändrade" },
	[H_N_CHANGED] = { N_("Changed"), "Ändrade" },
	[H_N_MOVED] = { N_("Moved"), "Flyttade" },
	[H_N_INSERTED] = { N_("Inserted"), "Tillagda" },
	[H_N_DELETED] = { N_("Deleted"), "Borttagna" },
	[H_N_SPLIT] = { N_("Split"), "Delade" },
	[H_N_MERGED] = { N_("Merged"), "Sammanslagna" },
	[H_N_RENUMBERED] = { N_("Renumbered only"), "Bara omnumrerade" },
};

static const int op_labels[] = {
	[LDIFF_OP_EQUAL] = H_EQUAL, [LDIFF_OP_CHANGED] = H_CHANGED,
	[LDIFF_OP_MOVED] = H_MOVED, [LDIFF_OP_INSERTED] = H_INSERTED,
	[LDIFF_OP_DELETED] = H_DELETED, [LDIFF_OP_SPLIT] = H_SPLIT,
	[LDIFF_OP_MERGED] = H_MERGED
};

/* ---- the writer ------------------------------------------------------ */

const char *
ld_hw_op_label(const struct hw *w, ldiff_op op)
{
	return L(w, (unsigned)op < LD_N_OPS ? op_labels[op] : H_CHANGED);
}

/* Write the buffer out when it grows: one page is many small appends. */
void
ld_hw_flush(struct hw *w, int force)
{
	if (w->b.len == 0 || (!force && w->b.len < 65536))
		return;
	if (w->r == 0 && w->b.oom)
		w->r = LDIFF_ENOMEM;
	if (w->r == 0)
		w->r = ld_fwrite_all(w->f, w->b.data, w->b.len);
	ld_buf_reset(&w->b);
}

void
ld_hw_puts(struct hw *w, const char *s)
{
	ld_buf_adds(&w->b, s);
}

/* Document text, HTML-escaped; control characters of a hostile document
 * become U+FFFD; the TAB between table cells a visible separator; a line
 * break a <br>. */
static void
esc_n(struct hw *w, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep;

		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\t': rep = "<span class=\"sep\"> | </span>"; break;
		case '\n': rep = "<br>"; break;
		default:
			rep = c < 0x20 || c == 0x7f ? "\xef\xbf\xbd" : NULL;
			break;
		}
		if (rep == NULL)
			continue;
		ld_buf_add(&w->b, s + run, i - run);
		ld_buf_adds(&w->b, rep);
		run = i + 1;
	}
	ld_buf_add(&w->b, s + run, len - run);
}

void
ld_hw_esc(struct hw *w, const char *s)
{
	esc_n(w, s, strlen(s));
}

/* An attribute value: like esc, but a TAB or newline stays a character. */
void
ld_hw_esc_attr(struct hw *w, const char *s)
{
	size_t i, run = 0, len = strlen(s);

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;

		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '"')
			rep = "&quot;";
		else if (c < 0x20 || c == 0x7f)
			rep = " ";
		if (rep == NULL)
			continue;
		ld_buf_add(&w->b, s + run, i - run);
		ld_buf_adds(&w->b, rep);
		run = i + 1;
	}
	ld_buf_add(&w->b, s + run, len - run);
}

/* ---- the page head ---------------------------------------------------- */

static const char css[] =
"*{box-sizing:border-box}"
"body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
"color:#1a1a1a;background:#fff;margin:0 auto;max-width:80rem;"
"padding:0 1rem 3rem}"
"h1{font-size:1.6rem;margin:1rem 0 .25rem}"
"h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid #1f4e79}"
"h3{font-size:1.1rem;margin:1.5rem 0 .5rem;color:#1f4e79}"
"a{color:#0b4f8a}"
".meta{color:#444;margin:0 0 1rem}"
".sr{position:absolute;width:1px;height:1px;overflow:hidden;"
"clip:rect(0 0 0 0);white-space:nowrap}"
"del{background:#ffe3e3;color:#8a1010;text-decoration:line-through}"
"ins{background:#d9f5de;color:#0a5a1e;text-decoration:underline}"
"del.ty,ins.ty{background:#eef;color:#33335c}"
"table{border-collapse:collapse;margin:.5rem 0}"
"caption{text-align:left;font-weight:600;white-space:nowrap;"
"padding:.2rem 0}"
"th,td{border:1px solid #c8ccd0;padding:.2rem .5rem;text-align:left;"
"vertical-align:top}"
"td.n{text-align:right;font-variant-numeric:tabular-nums}"
"th{background:#f1f3f5}"
".sum{display:flex;flex-wrap:wrap;gap:0 2rem}"
".ctl{margin:0 .3rem 0 0;width:1.1rem;height:1.1rem;vertical-align:-.15rem}"
".ctl+label{margin-right:1.5rem;cursor:pointer}"
".bar{display:inline}"
".legend{margin:.5rem 0 1rem;padding:.4rem .8rem;border:1px solid #c8ccd0;"
"border-radius:4px}"
".legend span{margin-right:1.5rem}.legend del,.legend ins{white-space:nowrap}"
".u{border:1px solid #d0d4d8;border-left:6px solid #8a939b;"
"border-radius:4px;margin:.6rem 0;padding:.4rem .8rem;"
"scroll-margin-top:1rem}"
".u:target{outline:3px solid #f0b400}"
".op-changed{border-left-color:#b36b00}"
".op-inserted{border-left-color:#1e7a34}"
".op-deleted{border-left-color:#b01c1c}"
".op-moved,.op-split,.op-merged{border-left-color:#5b3c9e}"
".op-equal{border-left-color:#c8ccd0;color:#333}"
".uh{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline;"
"font-size:1rem;margin:0 0 .3rem}"
".ids{font-weight:700;text-decoration:none;color:#1a1a1a;"
"font-variant-numeric:tabular-nums}"
".badge{font-size:.8rem;font-weight:600;padding:0 .45rem;"
"border-radius:3px;background:#e6e9ec;color:#222}"
".b-changed{background:#fde9c8;color:#5c3700}"
".b-inserted{background:#d4f0da;color:#0f4a1e}"
".b-deleted{background:#fbd5d5;color:#6b0c0c}"
".b-moved,.b-split,.b-merged{background:#e4dcf5;color:#35206b}"
".cls{font-size:.85rem;color:#444}"
".side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}"
".side>div{min-width:0}"
".side p,.one p{margin:0;overflow-wrap:anywhere}"
".col{font-size:.75rem;color:#555;text-transform:uppercase;"
"letter-spacing:.05em}"
".o ins,.n del,.o br.nb,.n br.ob{display:none}"
".vals{margin:.3rem 0 0;padding-left:1.2rem;font-size:.95rem}"
".mv{font-size:.9rem}"
".stub{font-size:.9rem;color:#444;border:1px dashed #8a939b;"
"border-radius:4px;padding:.2rem .8rem;margin:.6rem 0}"
".sep{color:#777}"
".lin td{font-size:.9rem}"
".st{display:block;font-size:.8rem;color:#444}"
"#v-inline:checked~main .o{display:none}"
"#v-inline:checked~main .side{display:block}"
"#v-inline:checked~main .n del{display:inline}"
"#v-inline:checked~main .col{display:none}"
".par{display:none}#v-par:checked~main>section{display:none}"
"#v-par:checked~main>section.par{display:block}"
".par table{width:100%;table-layout:fixed}.par td{width:50%}"
".par tr.minor td{font-style:italic}"
"#f-ns:checked~main .ns{display:none}"
"#f-eq:checked~main .eq{display:none}"
"#f-pe:checked~main .pe,#f-ns:checked~#f-pe:checked~main .np"
"{display:none}"
"#f-ns:checked~nav .ns,#f-eq:checked~nav .eq{display:none}"
"#f-eq:checked~main .q-e,#f-ns:checked~#f-eq:checked~main .q-ne,"
"#f-eq:checked~#f-pe:checked~main .q-pe,"
"#f-ns:checked~#f-eq:checked~#f-pe:checked~main .q-npe{display:none}"
"@media (max-width:700px){body{padding:0 .5rem 2rem}"
".ctl{float:left;clear:left;margin:.25rem 0 0}"
".ctl+label{display:block;margin:0 0 .2rem 1.6rem}"
".bar{display:block;margin:0 0 .3rem}"
".side{grid-template-columns:1fr;gap:.3rem}"
".n{border-top:1px dotted #c8ccd0;padding-top:.3rem}"
"table{display:block;overflow-x:auto}"
/* the table by section stacked: name and count, then the clauses below */
".secs tbody{display:block}.secs tr{display:grid;"
"grid-template-columns:1fr auto}"
".secs td:nth-child(3),.secs th:nth-child(3){grid-column:1/-1;"
"border-top:0}.secs td:nth-child(2){min-width:3rem}}"
"@media print{.ctl,.ctl+label,.bar{display:none}"
"body{max-width:none;font-size:10pt}.u{break-inside:avoid}"
"a{color:inherit;text-decoration:none}}";

/* The head up to the title's text, and from it on. */
static void
head_open(struct hw *w)
{
	ld_buf_printf(&w->b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"generator\" content=\"kldiff %s\">\n<title>",
	    w->sv ? "sv" : "en", LDIFF_VERSION);
}

static void
head_close(struct hw *w, const char *more_css)
{
	ld_buf_printf(&w->b, "</title>\n<style>%s%s</style>\n</head>\n"
	    "<body>\n", css, more_css);
}

void
ld_hw_head(struct hw *w, const ldiff_render_opts *o)
{
	size_t v, nver = ldiff_diff_versions(w->d);

	head_open(w);
	if (o->title != NULL)
		ld_hw_esc(w, o->title);
	else {
		ld_buf_printf(&w->b, "%s: ", L(w, H_TITLE));
		for (v = 0; v < nver; v++) {
			if (v > 0)
				ld_hw_puts(w, " \xe2\x86\x92 ");
			ld_hw_esc(w, ld_buf_str(&w->vlab[v]));
		}
	}
	head_close(w, "");
}

void
ld_hw_head_titled(struct hw *w, const char *title, const char *more_css)
{
	head_open(w);
	ld_hw_esc(w, title);
	head_close(w, more_css);
}

/* Text of one side of an edit: how < 0 deleted, > 0 inserted, else
 * plain. */
void
ld_hw_mark_n(struct hw *w, const char *s, size_t len, int how, int typo)
{
	const char *el = how < 0 ? "del" : "ins";

	if (len == 0)
		return;
	if (how == 0) {
		esc_n(w, s, len);
		return;
	}
	ld_buf_printf(&w->b, "<%s%s><span class=\"sr\">%s</span>", el,
	    typo ? " class=\"ty\"" : "", L(w, how < 0 ? H_DEL_SR : H_INS_SR));
	esc_n(w, s, len);
	ld_buf_printf(&w->b, "</%s>", el);
}

void
ld_hw_del_text(struct hw *w, const char *s, int typo)
{
	ld_hw_mark_n(w, s, strlen(s), -1, typo);
}

void
ld_hw_ins_text(struct hw *w, const char *s, int typo)
{
	ld_hw_mark_n(w, s, strlen(s), 1, typo);
}

/* ---- controls ---------------------------------------------------------- */

static void
control(struct hw *w, const char *type, const char *id, int checked,
    int lab)
{
	ld_buf_printf(&w->b, "<input class=\"ctl\" type=\"%s\" id=\"%s\"%s%s>"
	    "<label for=\"%s\">%s</label>\n", type, id,
	    strcmp(type, "radio") == 0 ? " name=\"view\"" : "",
	    checked ? " checked" : "", id, L(w, lab));
}

/* The inputs are siblings of <nav> and <main> so ":checked ~" reaches
 * them; they come first and need no script. */
void
ld_hw_controls(struct hw *w)
{
	ld_buf_printf(&w->b, "<p class=\"bar\" id=\"show\"><strong>%s:"
	    "</strong></p>\n", L(w, H_SHOW));
	control(w, "checkbox", "f-ns",
	    (w->hide & LDIFF_HIDE_NONSUBSTANTIVE) != 0, H_HIDE_NS);
	control(w, "checkbox", "f-eq", (w->hide & LDIFF_HIDE_EQUAL) != 0,
	    H_HIDE_EQ);
	control(w, "checkbox", "f-pe", (w->hide & LDIFF_HIDE_PERIOD) != 0,
	    H_HIDE_PE);
	control(w, "radio", "v-side", 1, H_SIDE);
	control(w, "radio", "v-inline", 0, H_INLINE);
	control(w, "radio", "v-par", 0, H_PARALLEL);
}

void
ld_hw_legend(struct hw *w)
{
	ld_buf_printf(&w->b, "<div class=\"legend\" role=\"note\" "
	    "aria-label=\"%s\"><strong>%s:</strong> ", L(w, H_LEGEND),
	    L(w, H_LEGEND));
	ld_hw_ins_text(w, L(w, H_INS_LEG), 0);
	ld_hw_puts(w, " ");
	ld_hw_del_text(w, L(w, H_DEL_LEG), 0);
	/* what a typography change looks like, not its name twice */
	ld_buf_printf(&w->b, " <span><del class=\"ty\">\xe2\x80\x93</del>"
	    "<ins class=\"ty\">-</ins> <del class=\"ty\">\xe2\x80\x9d</del>"
	    "<ins class=\"ty\">&quot;</ins> %s</span></div>\n",
	    L(w, H_TYPO_LEG));
}

/* A section of the agreement, with the filter combinations that hide
 * every unit of it as classes, so that no empty heading stays: q-e when
 * hiding unchanged clauses does, q-ne with non-substantive ones too, q-pe
 * with period shifts, q-npe with all three. */
void
ld_hw_section_open(struct hw *w, size_t s, size_t hi)
{
	const char *name = ld_unit_section(ldiff_diff_unit(w->d, s));
	int e = 1, ne = 1, pe = 1, npe = 1;
	size_t i;

	for (i = s; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);
		int eq, ns, per;

		if (strcmp(ld_unit_section(u), name) != 0)
			break;
		eq = !ldiff_unit_changed(u);
		ns = !eq && ldiff_unit_hidden(u, LDIFF_HIDE_NONSUBSTANTIVE);
		per = !eq && ldiff_unit_hidden(u, LDIFF_HIDE_PERIOD);
		e &= eq;
		ne &= eq || ns;
		pe &= eq || per;
		npe &= eq || ns || per ||
		    ldiff_unit_hidden(u, LDIFF_HIDE_NONSUBSTANTIVE |
		    LDIFF_HIDE_PERIOD);
	}
	ld_buf_printf(&w->b, "<section class=\"sec%s%s%s%s\">\n<h3>",
	    e ? " q-e" : "", ne ? " q-ne" : "", pe ? " q-pe" : "",
	    npe ? " q-npe" : "");
	ld_hw_esc(w, *name ? name : L(w, H_NOSECTION));
	ld_hw_puts(w, "</h3>\n");
}
