/*
 * render_html.c - the diff as one self-contained review page.
 *
 * Reviewers read drafts in a browser and share the page by mail, so the
 * page is a single file: inline CSS, no script, no request leaves it (a
 * Content-Security-Policy meta tag forbids them).  Everything a reviewer
 * toggles works with CSS alone: checkboxes and radio buttons stand before
 * <main> as siblings, and ":checked ~ main" rules hide non-substantive
 * changes, unchanged clauses or period shifts and switch between side by
 * side (old | new) and inline.  Each changed clause's text is written
 * twice, once per column, with both <del> and <ins>: the old column hides
 * the insertions, the new one the deletions, and the inline view shows the
 * new column with both.  That costs two copies instead of three.
 *
 * Every unit is an <article> with data-op, data-old-id and data-new-id,
 * so a script (or the browser test) finds each change of --json on the
 * page.  The summary counts the units the way kldiff --stat does.  With
 * three or more versions a lineage table follows: each clause that
 * changed, its number and status in every version.  Output depends on the
 * input only (no clock), so golden tests hold.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

/* ---- labels -------------------------------------------------------- */

enum {
	H_EQUAL, H_CHANGED, H_MOVED, H_INSERTED, H_DELETED, H_SPLIT,
	H_MERGED,
	H_WORDING, H_NUMBER, H_AMOUNT, H_DATE, H_PERIOD, H_TYPOGRAPHY,
	H_LANGUAGE,
	H_RENUMBER,
	H_SUMMARY, H_CLAUSES, H_OLD, H_NEW, H_SUBSTANTIVE, H_BYSECTION,
	H_SECTION, H_NOSECTION, H_THROUGHOUT, H_TIMES, H_SHOW, H_HIDE_NS,
	H_HIDE_EQ, H_HIDE_PE, H_SIDE, H_INLINE, H_LEGEND, H_INS_SR,
	H_DEL_SR, H_INS_LEG, H_DEL_LEG, H_MOVED_TO, H_MOVED_FROM,
	H_LINEAGE, H_CLAUSE, H_ABSENT, H_CHANGES, H_NODIFF, H_TITLE,
	H_CHANGES_OF, H_UNITS, H_TYPO_LEG, H_ROW, H_PP1, H_PP, H_AMOUNTS,
	/* counted clauses (Swedish plural), in op order */
	H_N_EQUAL, H_N_CHANGED, H_N_MOVED, H_N_INSERTED, H_N_DELETED,
	H_N_SPLIT, H_N_MERGED, H_N_RENUMBERED
};

static const struct {
	const char *en, *sv;
} labels[] = {
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
	[H_OLD] = { N_("old"), "före" },
	[H_NEW] = { N_("new"), "efter" },
	[H_SUBSTANTIVE] = { N_("Substantive changes"),
	    "Ändringar i sak" },
	[H_BYSECTION] = { N_("Changes by section"), "Ändringar per avsnitt" },
	[H_SECTION] = { N_("Section"), "Avsnitt" },
	[H_NOSECTION] = { N_("(before the first heading)"),
	    "(före första rubriken)" },
	[H_THROUGHOUT] = { N_("Throughout"), "Genomgående" },
	[H_TIMES] = { N_("times"), "gånger" },
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
	[H_ROW] = { N_("row"), "rad" },
	[H_AMOUNTS] = { N_("Amounts"), "Belopp" },
	[H_PP1] = { N_("percentage point"), "procentenhet" },
	[H_PP] = { N_("percentage points"), "procentenheter" },
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

/* Class bits in the order they are listed, with their CSS names. */
static const struct {
	unsigned bit;
	int label;
	const char *css;
} classes[] = {
	{ LDIFF_CLASS_WORDING, H_WORDING, "wording" },
	{ LDIFF_CLASS_AMOUNT, H_AMOUNT, "amount" },
	{ LDIFF_CLASS_NUMBER, H_NUMBER, "number" },
	{ LDIFF_CLASS_DATE, H_DATE, "date" },
	{ LDIFF_CLASS_PERIOD, H_PERIOD, "period" },
	{ LDIFF_CLASS_TYPOGRAPHY, H_TYPOGRAPHY, "typography" },
	{ LDIFF_CLASS_LANGUAGE, H_LANGUAGE, "language" },
	{ LDIFF_CLASS_RENUMBER, H_RENUMBER, "renumber" },
};
#define N_CLASSES (sizeof classes / sizeof classes[0])
#define N_OPS (LDIFF_OP_MERGED + 1)

/* ---- the writer ------------------------------------------------------ */

struct hw {
	FILE *f;
	const ldiff_diff *d;
	int sv;
	unsigned hide;
	ld_buf b;
	int r;			/* first write error */
	size_t *slot;		/* moved-from places of the pair */
	ld_move *mv;		/* the moves of the pair by place */
	size_t nmv, mk;		/* their count, the cursor */
	ld_buf *vlab;		/* short version names */
};

static const char *
L(const struct hw *w, int id)
{
	return w->sv ? labels[id].sv : _(labels[id].en);
}

static const char *
op_label(const struct hw *w, ldiff_op op)
{
	return L(w, (unsigned)op < N_OPS ? op_labels[op] : H_CHANGED);
}

/* Write the buffer out when it grows: one page is many small appends. */
static void
flush(struct hw *w, int force)
{
	if (w->b.len == 0 || (!force && w->b.len < 65536))
		return;
	if (w->r == 0 && w->b.oom)
		w->r = LDIFF_ENOMEM;
	if (w->r == 0)
		w->r = ld_fwrite_all(w->f, w->b.data, w->b.len);
	ld_buf_reset(&w->b);
}

static void
puts_(struct hw *w, const char *s)
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

static void
esc(struct hw *w, const char *s)
{
	esc_n(w, s, strlen(s));
}

/* An attribute value: like esc, but a TAB or newline stays a character. */
static void
esc_attr(struct hw *w, const char *s)
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

static void
head(struct hw *w, const ldiff_render_opts *o)
{
	size_t v, nver = ldiff_diff_versions(w->d);

	ld_buf_printf(&w->b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"generator\" content=\"kldiff %s\">\n<title>",
	    w->sv ? "sv" : "en", LDIFF_VERSION);
	if (o->title != NULL)
		esc(w, o->title);
	else {
		ld_buf_printf(&w->b, "%s: ", L(w, H_TITLE));
		for (v = 0; v < nver; v++) {
			if (v > 0)
				puts_(w, " \xe2\x86\x92 ");
			esc(w, ld_buf_str(&w->vlab[v]));
		}
	}
	ld_buf_printf(&w->b, "</title>\n<style>%s</style>\n</head>\n<body>\n",
	    css);
}

/* ---- counting, as kldiff --stat counts --------------------------------- */

struct tally {
	size_t op[N_OPS], renum, cls[N_CLASSES], subst;
};

static int
is_change(const ldiff_unit *u)
{
	return u->op != LDIFF_OP_EQUAL || u->cls != 0;
}

static int
renumber_only(const ldiff_unit *u)
{
	return (u->op == LDIFF_OP_EQUAL || u->op == LDIFF_OP_CHANGED) &&
	    (u->cls & LDIFF_CLASS_RENUMBER) &&
	    (u->cls & ~(unsigned)LDIFF_CLASS_RENUMBER) == 0;
}

static void
tally_unit(struct tally *t, const ldiff_unit *u)
{
	size_t i;

	if (!is_change(u)) {
		t->op[LDIFF_OP_EQUAL]++;
		return;
	}
	for (i = 0; i < N_CLASSES; i++)
		if (u->cls & classes[i].bit)
			t->cls[i]++;
	if (renumber_only(u))
		t->renum++;
	else if ((unsigned)u->op < N_OPS)
		t->op[u->op]++;
	if (u->substantive)
		t->subst++;
}

/* ---- pieces of a unit ---------------------------------------------------- */

static void
ids(struct hw *w, const ldiff_clause *const *cl, size_t n, const char *sep)
{
	size_t i;

	if (n == 0)
		puts_(w, "\xe2\x80\x93");
	for (i = 0; i < n; i++) {
		if (i > 0)
			puts_(w, sep);
		if (strncmp(cl[i]->id, "row:", 4) == 0) {
			/* "rad Umeå kommun" to a reader; data-*-id keep "row:" */
			ld_buf_printf(&w->b, "%s ", L(w, H_ROW));
			esc(w, cl[i]->id + 4);
		} else
			esc(w, cl[i]->id[0] != '\0' ? cl[i]->id : "?");
	}
}

static void
attr_ids(struct hw *w, const ldiff_clause *const *cl, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			puts_(w, "|");
		esc_attr(w, cl[i]->id);
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
		puts_(w, s + 1);
	} else if (c == 0xc3 && ((unsigned char)s[1] == 0x85 ||
	    (unsigned char)s[1] == 0x84 || (unsigned char)s[1] == 0x96)) {
		ld_buf_addc(&w->b, (char)0xc3);
		ld_buf_addc(&w->b, (char)(s[1] + 0x20));
		puts_(w, s + 2);
	} else
		puts_(w, s);
}

/* Class names: how 0 = labels, the first capitalised; 1 = CSS names;
 * 2 = labels inside a sentence, all lowercase. */
static void
class_names(struct hw *w, unsigned cls, int css_names)
{
	size_t i;
	int first = 1;

	for (i = 0; i < N_CLASSES; i++) {
		if (!(cls & classes[i].bit))
			continue;
		puts_(w, first ? "" : css_names == 1 ? " " : ", ");
		if (css_names == 1)
			puts_(w, classes[i].css);
		else if (css_names == 2 || !first)
			lower_first(w, L(w, classes[i].label));
		else
			puts_(w, L(w, classes[i].label));
		first = 0;
	}
}

/* Text of one side of an edit: how < 0 deleted, > 0 inserted, else
 * plain. */
static void
mark_n(struct hw *w, const char *s, size_t len, int how, int typo)
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

static void
del_text(struct hw *w, const char *s, int typo)
{
	mark_n(w, s, strlen(s), -1, typo);
}

static void
ins_text(struct hw *w, const char *s, int typo)
{
	mark_n(w, s, strlen(s), 1, typo);
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
		mark_n(w, s + i, n, how, ty);
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
	puts_(w, "<p>");
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
	puts_(w, "</p>");
}

static void
clauses_para(struct hw *w, const ldiff_clause *const *cl, size_t n,
    int how)
{
	size_t i;

	for (i = 0; i < n; i++) {
		puts_(w, "<p>");
		if (how < 0)
			del_text(w, cl[i]->text, 0);
		else if (how > 0)
			ins_text(w, cl[i]->text, 0);
		else
			esc(w, cl[i]->text);
		puts_(w, "</p>");
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
		puts_(w, "<div class=\"one\">");
		clauses_para(w, u->new_cl, u->n_new, 0);
		puts_(w, "</div>");
		return;
	}
	puts_(w, "<div class=\"side\">");
	/* an insertion keeps the old column, empty, so it reads on the
	 * right like every other new text */
	if (u->op == LDIFF_OP_INSERTED)
		puts_(w, "<div class=\"o\"></div>");
	if (u->op != LDIFF_OP_INSERTED) {
		column(w, "o", H_OLD);
		if (u->n_edits > 0 && u->op != LDIFF_OP_DELETED)
			edits_para(w, u);
		else
			clauses_para(w, u->old_cl, u->n_old,
			    u->op == LDIFF_OP_DELETED ? -1 : 0);
		puts_(w, "</div>");
	}
	if (u->op != LDIFF_OP_DELETED) {
		column(w, "n", H_NEW);
		if (u->n_edits > 0 && u->op != LDIFF_OP_INSERTED)
			edits_para(w, u);
		else
			clauses_para(w, u->new_cl, u->n_new,
			    u->op == LDIFF_OP_INSERTED ? 1 : 0);
		puts_(w, "</div>");
	}
	puts_(w, "</div>");
}

static void
sign(struct hw *w, double v)
{
	puts_(w, v < 0 ? "\xe2\x88\x92" : "+");
}

static void
value(struct hw *w, double v, int sek)
{
	if (sek)
		ld_format_sek(&w->b, v, LD_FMT_TYPO);
	else
		ld_format_number(&w->b, v, -1, LD_FMT_TYPO);
}

/* A rate: "2,5 % → 3 % (+0,5 procentenheter)", not +20 % of itself. */
static void
rate_change(struct hw *w, const ldiff_edit *e)
{
	double delta = e->new_value - e->old_value;

	ld_buf_printf(&w->b, "<li>%s: ", L(w, H_NUMBER));
	value(w, e->old_value, 0);
	puts_(w, "\xc2\xa0% \xe2\x86\x92 ");
	value(w, e->new_value, 0);
	puts_(w, "\xc2\xa0% (");
	sign(w, delta);
	value(w, fabs(delta), 0);
	ld_buf_printf(&w->b, " %s)</li>", L(w, fabs(delta) == 1 ? H_PP1 :
	    H_PP));
}

/* "1 250 000 kr → 1 300 000 kr (+50 000 kr, +4,0 %)"; a row inserted
 * or deleted whole has "–" on the side without it. */
static void
value_diff(struct hw *w, const ldiff_edit *e)
{
	int sek = (e->cls & LDIFF_CLASS_AMOUNT) != 0;
	double delta = e->new_value - e->old_value;

	if (e->op == LDIFF_EDIT_INSERT)
		puts_(w, "\xe2\x80\x93");
	else
		value(w, e->old_value, sek);
	puts_(w, " \xe2\x86\x92 ");
	if (e->op == LDIFF_EDIT_DELETE)
		puts_(w, "\xe2\x80\x93");
	else
		value(w, e->new_value, sek);
	puts_(w, " (");
	sign(w, delta);
	value(w, fabs(delta), sek);
	if (e->old_value != 0) {
		double pct = delta / fabs(e->old_value) * 100;

		puts_(w, ", ");
		if (fabs(pct) < 0.05)
			puts_(w, "\xc2\xb1");
		else
			sign(w, pct);
		ld_format_percent(&w->b, fabs(pct), LD_FMT_TYPO);
	}
	puts_(w, ")");
}

static void
value_change(struct hw *w, const ldiff_edit *e)
{
	ld_buf_printf(&w->b, "<li>%s: ", L(w, (e->cls & LDIFF_CLASS_AMOUNT) ?
	    H_AMOUNT : H_NUMBER));
	value_diff(w, e);
	puts_(w, "</li>");
}

static void
unit_values(struct hw *w, const ldiff_unit *u)
{
	size_t i;
	int any = 0;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (!e->has_values || e->op == LDIFF_EDIT_EQUAL ||
		    !(e->cls & (LDIFF_CLASS_AMOUNT | LDIFF_CLASS_NUMBER)) ||
		    e->old_value == e->new_value || !isfinite(e->old_value) ||
		    !isfinite(e->new_value))
			continue;
		if (!any)
			puts_(w, "<ul class=\"vals\">");
		any = 1;
		if (!(e->cls & LDIFF_CLASS_AMOUNT) && ld_edit_is_percent(u, i))
			rate_change(w, e);
		else
			value_change(w, e);
	}
	if (any)
		puts_(w, "</ul>");
}

/* Filter classes: ns = hidden by --substantive, pe = by --hide-period,
 * np = by both together, eq = an unchanged clause. */
static void
unit_filters(struct hw *w, const ldiff_unit *u)
{
	if (!is_change(u))
		puts_(w, " eq");
	else if (ldiff_unit_hidden(u, LDIFF_HIDE_NONSUBSTANTIVE))
		puts_(w, " ns");
	if (is_change(u) && ldiff_unit_hidden(u, LDIFF_HIDE_PERIOD))
		puts_(w, " pe");
	else if (is_change(u) && !ldiff_unit_hidden(u,
	    LDIFF_HIDE_NONSUBSTANTIVE) && ldiff_unit_hidden(u,
	    LDIFF_HIDE_NONSUBSTANTIVE | LDIFF_HIDE_PERIOD))
		puts_(w, " np");	/* period and typography, say */
}

static void
unit_header(struct hw *w, const ldiff_unit *u, size_t i)
{
	const char *opn = ldiff_op_name(u->op);
	unsigned cls = u->cls;

	ld_buf_printf(&w->b, "<h4 class=\"uh\"><a class=\"ids\" "
	    "href=\"#u%zu\">", i);
	ids(w, u->old_cl, u->n_old, " + ");
	puts_(w, " \xe2\x86\x92 ");
	ids(w, u->new_cl, u->n_new, " + ");
	puts_(w, "</a> ");
	if (renumber_only(u))
		ld_buf_printf(&w->b, "<span class=\"badge\">%s</span>",
		    L(w, H_RENUMBER));
	else
		ld_buf_printf(&w->b, "<span class=\"badge b-%s\">%s</span>",
		    opn, op_label(w, u->op));
	if (u->op == LDIFF_OP_INSERTED || u->op == LDIFF_OP_DELETED ||
	    renumber_only(u))
		cls = 0;
	if (cls != 0) {
		puts_(w, " <span class=\"cls\">");
		class_names(w, cls, 0);
		puts_(w, "</span>");
	}
	if (u->op == LDIFF_OP_MOVED)
		ld_buf_printf(&w->b, " <a class=\"mv\" href=\"#u%zu-from\">"
		    "%s</a>", i, L(w, H_MOVED_FROM));
	puts_(w, "</h4>");
}

static void
show_unit(struct hw *w, const ldiff_unit *u, size_t i)
{
	ld_buf_printf(&w->b, "<article class=\"u op-%s", ldiff_op_name(u->op));
	unit_filters(w, u);
	ld_buf_printf(&w->b, "\" id=\"u%zu\" data-op=\"%s\" data-old-id=\"",
	    i, ldiff_op_name(u->op));
	attr_ids(w, u->old_cl, u->n_old);
	puts_(w, "\" data-new-id=\"");
	attr_ids(w, u->new_cl, u->n_new);
	puts_(w, "\" data-class=\"");
	class_names(w, u->cls, 1);
	ld_buf_printf(&w->b, "\" data-pair=\"%zu\">", u->from);
	unit_header(w, u, i);
	unit_body(w, u);
	unit_values(w, u);
	puts_(w, "</article>\n");
	flush(w, 0);
}

/* Where a moved clause used to stand: a dashed stub linking to it. */
static void
moved_stub(struct hw *w, const ldiff_unit *u, size_t i)
{
	ld_buf_printf(&w->b, "<div class=\"stub\" id=\"u%zu-from\">", i);
	ids(w, u->old_cl, u->n_old, " + ");
	ld_buf_printf(&w->b, " %s <a href=\"#u%zu\">", L(w, H_MOVED_TO), i);
	ids(w, u->new_cl, u->n_new, " + ");
	puts_(w, "</a></div>\n");
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
	esc(w, ld_buf_str(&w->vlab[pair]));
	puts_(w, " \xe2\x86\x92 ");
	esc(w, ld_buf_str(&w->vlab[pair + 1]));
}

static void
stat_cell(struct hw *w, const char *key, const char *lab, size_t n)
{
	ld_buf_printf(&w->b, "<tr><th scope=\"row\">%s</th><td class=\"n\" "
	    "data-stat=\"%s\">%zu</td></tr>", lab, key, n);
}

static void
summary_counts(struct hw *w, size_t pair, const struct tally *t)
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
	stat_cell(w, "substantive", L(w, H_SUBSTANTIVE), t->subst);
	for (i = 0; i < N_CLASSES; i++) {
		char key[32];

		snprintf(key, sizeof key, "class-%s", classes[i].css);
		stat_cell(w, key, L(w, classes[i].label), t->cls[i]);
	}
	puts_(w, "</table></div>\n");
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
		puts_(w, "<li>");
		del_text(w, s->old_text, 0);
		puts_(w, " \xe2\x86\x92 ");
		ins_text(w, s->new_text, 0);
		ld_buf_printf(&w->b, " (%zu %s", s->count, L(w, H_TIMES));
		if (s->cls != 0)
			puts_(w, ", ");
		class_names(w, s->cls, 2);
		puts_(w, ")</li>");
	}
	if (any)
		puts_(w, "</ul>\n");
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

			if (!e->has_values || e->op == LDIFF_EDIT_EQUAL ||
			    !(e->cls & LDIFF_CLASS_AMOUNT) ||
			    e->old_value == e->new_value ||
			    !isfinite(e->old_value) || !isfinite(e->new_value))
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
			puts_(w, "</a>: ");
			value_diff(w, e);
			puts_(w, "</li>");
		}
	}
	if (any)
		puts_(w, "</ul>\n");
}

/* One row per section with changes: the counts, and a link per unit. */
static void
section_row(struct hw *w, size_t s, size_t e)
{
	const char *name = ld_unit_section(ldiff_diff_unit(w->d, s));
	size_t i, n = 0, ns = 0;

	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		n += is_change(u);
		ns += is_change(u) && !u->substantive;
	}
	if (n == 0)
		return;
	ld_buf_printf(&w->b, "<tr%s><td><a href=\"#u%zu\">",
	    ns == n ? " class=\"ns\"" : "", s);
	esc(w, *name ? name : L(w, H_NOSECTION));
	ld_buf_printf(&w->b, "</a></td><td class=\"n\">%zu</td><td>", n);
	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);

		if (!is_change(u))
			continue;
		ld_buf_printf(&w->b, "<a href=\"#u%zu\"%s title=\"%s\">", i,
		    u->substantive ? "" : " class=\"ns\"",
		    renumber_only(u) ? L(w, H_RENUMBER) :
		    op_label(w, u->op));
		if (u->n_new > 0)
			ids(w, u->new_cl, u->n_new, "+");
		else
			ids(w, u->old_cl, u->n_old, "+");
		puts_(w, "</a> ");
	}
	puts_(w, "</td></tr>\n");
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
	puts_(w, "</table>\n");
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
		struct tally t;

		memset(&t, 0, sizeof t);
		pair_range(w->d, pair, &lo, &hi);
		for (i = lo; i < hi; i++)
			tally_unit(&t, ldiff_diff_unit(w->d, i));
		ld_buf_printf(&w->b, "<section class=\"pair\" "
		    "data-pair=\"%zu\"><h3><a href=\"#p%zu\">", pair, pair);
		pair_title(w, pair);
		puts_(w, "</a></h3>\n");
		summary_counts(w, pair, &t);
		summary_substs(w, pair);
		summary_amounts(w, lo, hi);
		summary_sections(w, lo, hi);
		puts_(w, "</section>\n");
		flush(w, 0);
	}
	puts_(w, "</nav>\n");
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
static void
controls(struct hw *w)
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
}

static void
legend(struct hw *w)
{
	ld_buf_printf(&w->b, "<div class=\"legend\" role=\"note\" "
	    "aria-label=\"%s\"><strong>%s:</strong> ", L(w, H_LEGEND),
	    L(w, H_LEGEND));
	ins_text(w, L(w, H_INS_LEG), 0);
	puts_(w, " ");
	del_text(w, L(w, H_DEL_LEG), 0);
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
static void
section_open(struct hw *w, size_t s, size_t hi)
{
	const char *name = ld_unit_section(ldiff_diff_unit(w->d, s));
	int e = 1, ne = 1, pe = 1, npe = 1;
	size_t i;

	for (i = s; i < hi; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);
		int eq, ns, per;

		if (strcmp(ld_unit_section(u), name) != 0)
			break;
		eq = !is_change(u);
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
	esc(w, *name ? name : L(w, H_NOSECTION));
	puts_(w, "</h3>\n");
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
	puts_(w, "</h2>\n");
	if (lo == hi || !ldiff_diff_has_changes(w->d))
		ld_buf_printf(&w->b, "<p>%s</p>\n", L(w, H_NODIFF));
	stubs_after(w, LD_SLOT_TOP);
	for (i = lo; i < hi && i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, i);
		const char *s = ld_unit_section(u);

		if (section == NULL || strcmp(s, section) != 0) {
			if (section != NULL)
				puts_(w, "</section>\n");
			section_open(w, i, hi);
			section = s;
		}
		show_unit(w, u, i);
		stubs_after(w, i);
	}
	if (section != NULL)
		puts_(w, "</section>\n");
	puts_(w, "</section>\n");
	return 0;
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

	puts_(w, "<td>");
	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, units[i]);

		if (u->to == v && u->n_new > 0) {
			puts_(w, any ? "<br>" : "");
			any = 1;
			ld_buf_printf(&w->b, "<a href=\"#u%zu\">", units[i]);
			ids(w, u->new_cl, u->n_new, " + ");
			ld_buf_printf(&w->b, "</a><span class=\"st\">%s",
			    renumber_only(u) ? L(w, H_RENUMBER) :
			    op_label(w, u->op));
			/* what kind of change, so a period shift reads
			 * apart from a new wording */
			if (!renumber_only(u) && u->op != LDIFF_OP_INSERTED &&
			    (u->cls & ~(unsigned)LDIFF_CLASS_RENUMBER) != 0) {
				puts_(w, ": ");
				class_names(w, u->cls &
				    ~(unsigned)LDIFF_CLASS_RENUMBER, 2);
			}
			puts_(w, "</span>");
		}
	}
	if (any) {
		puts_(w, "</td>");
		return;
	}
	for (i = s; i < e; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, units[i]);

		if (u->from == v && u->n_old > 0) {
			puts_(w, any ? " + " : "");
			any = 1;
			ids(w, u->old_cl, u->n_old, " + ");
		}
	}
	if (any)
		puts_(w, "</td>");
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
		if (is_change(u) && u->substantive)
			ns = 0;
	}
	ld_buf_printf(&w->b, "<tr%s><td>", ns ? " class=\"ns\"" : "");
	if (c != NULL)
		esc(w, c->text);
	puts_(w, "</td>");
	for (v = 0; v < nver; v++)
		lineage_cell(w, units, s, e, v);
	puts_(w, "</tr>\n");
	flush(w, 0);
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
		puts_(w, "<th scope=\"col\">");
		esc(w, ld_buf_str(&w->vlab[v]));
		puts_(w, "</th>");
	}
	puts_(w, "</tr>\n");
	for (i = 0; i < k; i++)
		lineage_row(w, units, g[i].start, g[i].end);
	puts_(w, "</table></section>\n");
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

	head(w, o);
	puts_(w, "<header><h1>");
	if (o->title != NULL)
		esc(w, o->title);
	else {
		ld_buf_printf(&w->b, "%s ", L(w, H_TITLE));
		for (v = 0; v < nver; v++) {
			if (v > 0)
				puts_(w, " \xe2\x86\x92 ");
			esc(w, ld_buf_str(&w->vlab[v]));
		}
	}
	puts_(w, "</h1><p class=\"meta\">");
	for (v = 0; v < nver; v++) {
		if (v > 0)
			puts_(w, " \xe2\x86\x92 ");
		puts_(w, "<span class=\"ver\">");
		esc(w, ldiff_diff_version_name(w->d, v) != NULL ?
		    ldiff_diff_version_name(w->d, v) : "");
		puts_(w, "</span>");
	}
	puts_(w, "</p></header>\n");
	controls(w);
	legend(w);
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

	if (d == NULL || out == NULL)
		return LDIFF_EINVAL;
	if (o == NULL) {
		ldiff_render_opts_init(&def);
		o = &def;
	}
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
	puts_(&w, "<main>\n");
	for (pair = 0; pair + 1 < nver && r == 0; pair++)
		r = render_pair(&w, pair);
	if (r == 0 && nver > 2)
		r = render_lineage(&w);
	puts_(&w, "</main>\n</body>\n</html>\n");
	flush(&w, 1);
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
