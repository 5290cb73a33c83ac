/*
 * render_text.c - the diff as a reviewer reads it, and its statistics.
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
 * versions a lineage section ends the output: each clause that changed,
 * with its numbers in every version and when it was introduced, changed
 * or deleted.  With a width, clause text is wrapped at spaces; the next
 * word is measured across edits and markers, so "[-2019–2022-]{+2023–
 * 2026+}." moves to the next line whole instead of passing the margin.
 *
 * The statistics renderer counts the same units as wdiff -s counts words:
 * per pair, clauses by operation, words common, inserted, deleted and
 * changed with percentages, units by change class, and a table by section.
 *
 * Labels are English, or Swedish when asked for (--lang=sv, or a Swedish
 * LC_MESSAGES): the Swedish terms are built in so that the reviewers'
 * vocabulary does not depend on an installed message catalogue.  Other
 * languages go through gettext.  Nothing printed depends on LC_NUMERIC:
 * numbers are formatted here (numfmt.c), with the Swedish conventions
 * (1 250 000 kr, 4,0 %) for amounts in every language.
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "render/render.h"

/* ---- labels ---------------------------------------------------------- */

enum {
	L_EQUAL, L_CHANGED, L_MOVED, L_INSERTED, L_DELETED, L_SPLIT,
	L_MERGED,
	L_WORDING, L_NUMBER, L_AMOUNT, L_DATE, L_PERIOD, L_TYPOGRAPHY,
	L_LANGUAGE, L_RENUMBER,
	L_RENUMBERED, L_THROUGHOUT, L_NODIFF, L_LINEAGE, L_INTRODUCED,
	L_CHANGED_IN, L_MOVED_IN, L_DELETED_IN, L_SPLIT_IN, L_MERGED_IN,
	L_RENUMBERED_IN, L_CLAUSES, L_OLD, L_NEW, L_WORDS, L_COMMON,
	L_CLASSES, L_SECTION, L_NOSECTION, L_SUBSTS, L_TIMES, L_UNCHANGED,
	/* the columns of the table by section, in order */
	L_COL_INS, L_COL_DEL, L_COL_CHG, L_COL_MOV, L_COL_SPL, L_COL_MRG,
	L_COL_REN, L_COL_WINS, L_COL_WDEL, L_COL_SHARE,
	/* counted clauses and words (Swedish plural) */
	L_N_CHANGED, L_N_MOVED, L_N_INSERTED, L_N_DELETED, L_N_SPLIT,
	L_N_MERGED, L_N_RENUMBERED, L_AMOUNTS, L_ROW, L_PP1, L_PP,
	L_ONLY_PERIOD, L_ONLY_SUBST, L_COUNT
};

static const struct {
	const char *en, *sv;
} labels[] = {
	[L_EQUAL] = { N_("unchanged"), "oförändrad" },
	[L_CHANGED] = { N_("changed"), "ändrad" },
	[L_MOVED] = { N_("moved"), "flyttad" },
	[L_INSERTED] = { N_("inserted"), "tillagd" },
	[L_DELETED] = { N_("deleted"), "borttagen" },
	[L_SPLIT] = { N_("split"), "delad" },
	[L_MERGED] = { N_("merged"), "sammanslagen" },
	[L_WORDING] = { N_("wording"), "formulering" },
	[L_NUMBER] = { N_("number"), "tal" },
	[L_AMOUNT] = { N_("amount"), "belopp" },
	[L_DATE] = { N_("date"), "datum" },
	[L_PERIOD] = { N_("period"), "period" },
	[L_TYPOGRAPHY] = { N_("typography"), "typografi" },
	[L_LANGUAGE] = { N_("language"), "språklig" },
	[L_RENUMBER] = { N_("renumbered"), "omnumrerad" },
	[L_RENUMBERED] = { N_("renumbered, text unchanged"),
	    "omnumrerade, oförändrad text" },
	[L_THROUGHOUT] = { N_("throughout"), "genomgående" },
	[L_NODIFF] = { N_("no differences"), "inga skillnader" },
	[L_LINEAGE] = { N_("Lineage"), "Klausulernas historik" },
	[L_INTRODUCED] = { N_("introduced in"), "tillkom i" },
	[L_CHANGED_IN] = { N_("changed in"), "ändrad i" },
	[L_MOVED_IN] = { N_("moved in"), "flyttad i" },
	[L_DELETED_IN] = { N_("deleted in"), "borttagen i" },
	[L_SPLIT_IN] = { N_("split in"), "delad i" },
	[L_MERGED_IN] = { N_("merged in"), "sammanslagen i" },
	[L_RENUMBERED_IN] = { N_("renumbered in"), "omnumrerad i" },
	[L_CLAUSES] = { N_("clauses"), "klausuler" },
	[L_OLD] = { N_("old"), "före" },
	[L_NEW] = { N_("new"), "efter" },
	[L_WORDS] = { N_("words"), "ord" },
	[L_COMMON] = { N_("common"), "gemensamma" },
	[L_CLASSES] = { N_("classes"), "ändringstyper" },
	[L_SECTION] = { N_("section"), "avsnitt" },
	[L_NOSECTION] = { N_("(before the first heading)"),
	    "(före första rubriken)" },
	[L_SUBSTS] = { N_("substitutions"), "ersättningar" },
	[L_TIMES] = { N_("times"), "gånger" },
	[L_UNCHANGED] = { N_("unchanged"), "oförändrade" },
	[L_COL_INS] = { N_("ins"), "ny" },
	[L_COL_DEL] = { N_("del"), "bort" },
	[L_COL_CHG] = { N_("chg"), "ändr" },
	[L_COL_MOV] = { N_("mov"), "flytt" },
	[L_COL_SPL] = { N_("spl"), "delad" },
	[L_COL_MRG] = { N_("mrg"), "samm" },
	[L_COL_REN] = { N_("ren"), "omnr" },
	[L_COL_WINS] = { N_("+words"), "+ord" },
	[L_COL_WDEL] = { N_("-words"), "-ord" },
	[L_COL_SHARE] = { N_("changed"), "ändrat" },
	[L_N_CHANGED] = { N_("changed"), "ändrade" },
	[L_N_MOVED] = { N_("moved"), "flyttade" },
	[L_N_INSERTED] = { N_("inserted"), "tillagda" },
	[L_N_DELETED] = { N_("deleted"), "borttagna" },
	[L_N_SPLIT] = { N_("split"), "delade" },
	[L_N_MERGED] = { N_("merged"), "sammanslagna" },
	[L_N_RENUMBERED] = { N_("renumbered"), "omnumrerade" },
	[L_AMOUNTS] = { N_("amounts"), "belopp" },
	[L_ROW] = { N_("row"), "rad" },
	[L_PP1] = { N_("percentage point"), "procentenhet" },
	[L_PP] = { N_("percentage points"), "procentenheter" },
	[L_ONLY_PERIOD] = { N_("only the period change"),
	    "endast periodändring" },
	[L_ONLY_SUBST] = { N_("only the substitution throughout"),
	    "endast den genomgående ersättningen" },
};

/* Class bits in the order they are listed. */
static const struct {
	unsigned bit;
	int label;
} class_order[] = {
	{ LDIFF_CLASS_WORDING, L_WORDING },
	{ LDIFF_CLASS_AMOUNT, L_AMOUNT },
	{ LDIFF_CLASS_NUMBER, L_NUMBER },
	{ LDIFF_CLASS_DATE, L_DATE },
	{ LDIFF_CLASS_PERIOD, L_PERIOD },
	{ LDIFF_CLASS_TYPOGRAPHY, L_TYPOGRAPHY },
	{ LDIFF_CLASS_LANGUAGE, L_LANGUAGE },
	{ LDIFF_CLASS_RENUMBER, L_RENUMBER },
};
#define N_CLASSES (sizeof class_order / sizeof class_order[0])

static int
op_label(ldiff_op op)
{
	switch (op) {
	case LDIFF_OP_EQUAL: return L_EQUAL;
	case LDIFF_OP_CHANGED: return L_CHANGED;
	case LDIFF_OP_MOVED: return L_MOVED;
	case LDIFF_OP_INSERTED: return L_INSERTED;
	case LDIFF_OP_DELETED: return L_DELETED;
	case LDIFF_OP_SPLIT: return L_SPLIT;
	case LDIFF_OP_MERGED: return L_MERGED;
	}
	return L_CHANGED;
}

/* Swedish when asked, or when the message locale is Swedish. */
static int
want_swedish(const ldiff_render_opts *o)
{
	const char *loc;

	if (o != NULL && o->lang != NULL)
		return strncmp(o->lang, "sv", 2) == 0;
#ifdef LC_MESSAGES
	loc = setlocale(LC_MESSAGES, NULL);
#else
	loc = setlocale(LC_ALL, NULL);
#endif
	return loc != NULL && strncmp(loc, "sv", 2) == 0;
}


#ifndef ENABLE_NLS
#define dngettext(dom, one, many, n) ((n) == 1 ? (one) : (many))
#endif

/* Counted clauses, "1 flyttad, 2 flyttade": Swedish agrees in number,
 * so the built-in terms have both forms and gettext gets ngettext. */
enum {
	C_UNCHANGED, C_RENUMBERED, C_CHANGED, C_MOVED, C_INSERTED,
	C_DELETED, C_SPLIT, C_MERGED, C_HIDDEN, C_MORE_HIDDEN, C_CLAUSES
};

static const char *const counted_sv[][2] = {
	[C_UNCHANGED] = { "%zu oförändrad", "%zu oförändrade" },
	[C_RENUMBERED] = { "%zu omnumrerad", "%zu omnumrerade" },
	[C_CHANGED] = { "%zu ändrad", "%zu ändrade" },
	[C_MOVED] = { "%zu flyttad", "%zu flyttade" },
	[C_INSERTED] = { "%zu tillagd", "%zu tillagda" },
	[C_DELETED] = { "%zu borttagen", "%zu borttagna" },
	[C_SPLIT] = { "%zu delad", "%zu delade" },
	[C_MERGED] = { "%zu sammanslagen", "%zu sammanslagna" },
	[C_HIDDEN] = { " (dold)", " (dolda)" },
	[C_MORE_HIDDEN] = { " (ytterligare %zu dold)",
	    " (ytterligare %zu dolda)" },
	[C_CLAUSES] = { "%zu klausul", "%zu klausuler" },
};

static const char *
counted_en(int id, size_t n)
{
	unsigned long k = n;

	switch (id) {
	case C_UNCHANGED:
		return dngettext("klausul", "%zu unchanged", "%zu unchanged", k);
	case C_RENUMBERED:
		return dngettext("klausul", "%zu renumbered", "%zu renumbered",
		    k);
	case C_CHANGED:
		return dngettext("klausul", "%zu changed", "%zu changed", k);
	case C_MOVED:
		return dngettext("klausul", "%zu moved", "%zu moved", k);
	case C_INSERTED:
		return dngettext("klausul", "%zu inserted", "%zu inserted", k);
	case C_DELETED:
		return dngettext("klausul", "%zu deleted", "%zu deleted", k);
	case C_SPLIT:
		return dngettext("klausul", "%zu split", "%zu split", k);
	case C_MERGED:
		return dngettext("klausul", "%zu merged", "%zu merged", k);
	case C_HIDDEN:
		return dngettext("klausul", " (hidden)", " (hidden)", k);
	case C_MORE_HIDDEN:
		return dngettext("klausul", " (%zu more hidden)",
		    " (%zu more hidden)", k);
	default:
		return dngettext("klausul", "%zu clause", "%zu clauses", k);
	}
}

/* Print the counted phrase of id for n (a format with %zu, or none). */
static void
put_counted(FILE *f, int sv, int id, size_t n)
{
	const char *fmt = sv ? counted_sv[id][n != 1] : counted_en(id, n);

	fprintf(f, fmt, n);
}

/* ---- what is hidden ---------------------------------------------------- */

static unsigned
hidden_classes(unsigned hide)
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
	unsigned hc = hidden_classes(hide);

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

static int
edit_hidden(const ldiff_edit *e, unsigned hc)
{
	return e->op != LDIFF_EDIT_EQUAL && e->cls != 0 &&
	    (e->cls & ~hc) == 0;
}

/* Equal text, only the number changed (after hiding). */
static int
renumber_only(const ldiff_unit *u, unsigned hc)
{
	if (u->op != LDIFF_OP_EQUAL && u->op != LDIFF_OP_CHANGED)
		return 0;
	return (u->cls & LDIFF_CLASS_RENUMBER) &&
	    (u->cls & ~hc & ~LDIFF_CLASS_RENUMBER) == 0;
}

void
ldiff_render_opts_init(ldiff_render_opts *o)
{
	memset(o, 0, sizeof *o);
}

/* ---- numbers, formatted without the C locale's help ------------------ */

/* One decimal: "4,0 %" in Swedish, "4.0%" in English; sign if asked. */
static void
put_percent(ld_buf *b, double pct, int sv, int sign)
{
	long long t;

	if (!isfinite(pct) || fabs(pct) >= 1e12) {
		ld_buf_adds(b, "?");
		return;
	}
	t = (long long)floor(fabs(pct) * 10 + 0.5);
	if (sign || pct < 0)
		ld_buf_addc(b, pct < 0 && t != 0 ? '-' : '+');
	ld_buf_printf(b, "%lld%c%lld%s", t / 10, sv ? ',' : '.', t % 10,
	    sv ? " %" : "%");
}

/* "1 250 000 kr → 1 300 000 kr (+50 000 kr, +4,0 %)": amounts in Swedish
 * form whatever the language, since the documents are Swedish. */
static void
put_value(ld_buf *b, double v, int sek)
{
	if (sek)
		ld_format_sek(b, v, 0);
	else
		ld_format_number(b, v, -1, 0);
}

static void
put_value_change(ld_buf *b, const ldiff_edit *e)
{
	int sek = (e->cls & LDIFF_CLASS_AMOUNT) != 0;
	double delta = e->new_value - e->old_value;

	/* a row inserted or deleted whole: "–" on the side without it */
	if (e->op == LDIFF_EDIT_INSERT)
		ld_buf_adds(b, "\xe2\x80\x93");
	else
		put_value(b, e->old_value, sek);
	ld_buf_adds(b, " \xe2\x86\x92 ");
	if (e->op == LDIFF_EDIT_DELETE)
		ld_buf_adds(b, "\xe2\x80\x93");
	else
		put_value(b, e->new_value, sek);
	ld_buf_adds(b, delta < 0 ? " (-" : " (+");
	put_value(b, fabs(delta), sek);
	if (e->old_value != 0) {
		double pct = delta / fabs(e->old_value) * 100;

		ld_buf_adds(b, fabs(pct) < 0.05 ? ", \xc2\xb1" :
		    pct < 0 ? ", -" : ", +");
		ld_format_percent(b, fabs(pct), 0);
	}
	ld_buf_addc(b, ')');
}

/* ---- words ------------------------------------------------------------ */

/* Words as wdiff counts them: runs between white space, but only runs
 * with a letter or a digit, so a lone dash or bullet is not a word. */
static size_t
count_words(const char *s)
{
	size_t n = 0, len = strlen(s), i = 0;
	int in_run = 0, has_alnum = 0;

	while (i <= len) {
		int32_t cp = -1;
		size_t k = 1;
		int space = 1;

		if (i < len) {
			utf8proc_category_t cat;

			k = ld_utf8_decode(s + i, len - i, &cp);
			cat = cp >= 0 ? utf8proc_category(cp) :
			    UTF8PROC_CATEGORY_CN;
			space = cp == ' ' || (cp >= 9 && cp <= 13) ||
			    cat == UTF8PROC_CATEGORY_ZS ||
			    cat == UTF8PROC_CATEGORY_ZL ||
			    cat == UTF8PROC_CATEGORY_ZP;
			if (!space && cat >= UTF8PROC_CATEGORY_LU &&
			    cat <= UTF8PROC_CATEGORY_NO)
				has_alnum = 1;
		}
		if (space) {
			if (in_run && has_alnum)
				n++;
			in_run = has_alnum = 0;
		} else
			in_run = 1;
		i += k;
	}
	return n;
}

static size_t
count_clause_words(const ldiff_clause *const *cl, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		w += count_words(cl[i]->text);
	return w;
}

/* ---- the text writer ---------------------------------------------------- */

#define SGR_DEL "\033[9;31m"
#define SGR_INS "\033[4;32m"
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_OFF "\033[0m"
#define ARROW " \xe2\x86\x92 "
#define INDENT "    "

struct tw {
	FILE *f;
	const ldiff_diff *d;
	int color, sv;
	unsigned hide, hc;
	int row;		/* the unit is a table row: TAB joins cells */
	int visible;		/* show invisible characters (visible_mark) */
	int wrap;		/* inside clause text: may wrap at width */
	size_t width, col;	/* wrap width (0 = none), current column */
	size_t tail;		/* columns after the string being written
				 * up to the next space (next edits) */
	size_t *reach, reach_cap;	/* edit_reach() of the unit shown */
	int oom;		/* an allocation failed: ENOMEM at the end */
	const char *section;	/* the section heading printed last */
	int section_shown;
	ld_buf renum;		/* renumber-only clauses of this section */
	size_t *sub, nsub;	/* per substitution: clauses of this section
				 * changed by it alone (subst_only) */
	ld_buf *subids;		/* and their ids */
	int sub_any;
	ld_buf line;		/* scratch */
	const char *lab[L_COUNT];	/* wlabel(), looked up once each */
};

/* A label in the writer's language, looked up once per writer: gettext
 * per unit of a long diff cost a twentieth of kldiff's time.  Every label
 * of the text renderer goes through here. */
static const char *
wlabel(struct tw *w, int id)
{
	if (w->lab[id] == NULL)
		w->lab[id] = w->sv ? labels[id].sv : _(labels[id].en);
	return w->lab[id];
}

static void
sgr(struct tw *w, const char *code)
{
	if (w->color && code != NULL)
		fputs(code, w->f);
}

/* Clause text with the control characters of a hostile document made
 * harmless (an ESC could drive the terminal); a newline continues the
 * indented block, with the colour closed and reopened around it; the TAB
 * between the cells of a table row is shown as " | ". */
/* In a typography change the invisible difference is the change: a space
 * is shown as ␣, a no-break or other special space as ⍽, a soft hyphen as
 * ¬ and other invisible format characters as ⌧.  NULL for anything else;
 * *k gets the bytes of the character. */
static const char *
visible_mark(const char *s, size_t n, size_t *k)
{
	int32_t cp;
	utf8proc_category_t cat;

	*k = 1;
	if (*s == ' ')
		return "\xe2\x90\xa3";
	if ((unsigned char)*s < 0x80)
		return NULL;
	*k = ld_utf8_decode(s, n, &cp);
	if (cp < 0)
		return NULL;
	cat = utf8proc_category(cp);
	if (cat == UTF8PROC_CATEGORY_ZS)
		return "\xe2\x8d\xbd";
	if (cp == 0xad)
		return "\xc2\xac";
	if (cat == UTF8PROC_CATEGORY_CF)
		return "\xe2\x8c\xa7";
	return NULL;
}

/* Write n bytes and count the columns they take (one per character). */
static void
emit(struct tw *w, const char *p, size_t n)
{
	size_t i;

	fwrite(p, 1, n, w->f);
	for (i = 0; i < n; i++)
		w->col += ((unsigned char)p[i] & 0xc0) != 0x80;
}

/* At the space s[i], with s[run..i) not yet written: would the word after
 * it pass the wrap width? */
static int
wrap_here(const struct tw *w, const char *s, size_t run, size_t i,
    size_t len)
{
	size_t k, col = w->col, word = 0;

	if (!w->wrap || w->width == 0)
		return 0;
	for (k = run; k < i; k++)
		col += ((unsigned char)s[k] & 0xc0) != 0x80;
	if (col <= sizeof INDENT - 1)
		return 0;
	for (k = i + 1; k < len && s[k] != ' ' && s[k] != '\n'; k++)
		word += ((unsigned char)s[k] & 0xc0) != 0x80;
	if (k == len)
		word += w->tail;	/* the word goes on in the next edit */
	return col + 1 + word > w->width;
}

/* A new indented line inside a clause, the colour closed around it so the
 * indent is not struck through or underlined. */
static void
new_line(struct tw *w, const char *color)
{
	sgr(w, color ? SGR_OFF : NULL);
	fputs("\n" INDENT, w->f);
	w->col = sizeof INDENT - 1;
	sgr(w, color);
}

static void
put_text(struct tw *w, const char *s, const char *color)
{
	size_t len = strlen(s), i = 0, run = 0, k;
	const char *mark;
	int wraps = w->wrap && w->width > 0;

	sgr(w, color);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int bad, c1;

		/* the common bytes first: nothing below needs them */
		if (!w->visible && c >= 0x20 && c != 0x7f && c != 0xc2 &&
		    (c != ' ' || !wraps)) {
			i++;
			continue;
		}
		bad = (c < 0x20 && c != '\n' && (c != '\t' || w->row)) ||
		    c == 0x7f;
		c1 = c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f;

		if (w->visible && !bad && !c1 && (c == ' ' || c >= 0x80) &&
		    (mark = visible_mark(s + i, len - i, &k)) != NULL) {
			emit(w, s + run, i - run);
			emit(w, mark, strlen(mark));
			i += k;
			run = i;
			continue;
		}
		if (c == ' ' && !w->visible && wrap_here(w, s, run, i, len)) {
			emit(w, s + run, i - run);
			new_line(w, color);
			run = ++i;
			continue;
		}
		if (!bad && !c1 && c != '\n') {
			i++;
			continue;
		}
		emit(w, s + run, i - run);
		if (c == '\n')
			new_line(w, color);
		else if (c == '\t')
			emit(w, " | ", 3);	/* between two cells */
		else
			emit(w, "\xef\xbf\xbd", 3);
		i += c1 ? 2 : 1;
		run = i;
	}
	emit(w, s + run, i - run);
	sgr(w, color ? SGR_OFF : NULL);
}

/* Changed text: coloured, or between wdiff's markers without colour. */
static void
put_marked(struct tw *w, const char *s, const char *sgr_on,
    const char *open, const char *close)
{
	if (*s == '\0')
		return;
	if (w->color)
		put_text(w, s, sgr_on);
	else {
		emit(w, open, 2);
		put_text(w, s, NULL);
		emit(w, close, 2);
	}
}

static void
put_deleted(struct tw *w, const char *s)
{
	put_marked(w, s, SGR_DEL, "[-", "-]");
}

static void
put_inserted(struct tw *w, const char *s)
{
	put_marked(w, s, SGR_INS, "{+", "+}");
}

/* "4.2" or "5.2, 5.3", or an en dash when the side is empty; a table
 * row's "row:Umeå kommun" is an id for scripts, "rad Umeå kommun" to a
 * reader. */
static void
ids(struct tw *w, ld_buf *b, const ldiff_clause *const *cl, size_t n,
    const char *sep)
{
	size_t i;

	if (n == 0)
		ld_buf_adds(b, "\xe2\x80\x93");
	for (i = 0; i < n; i++) {
		if (i > 0)
			ld_buf_adds(b, sep);
		if (strncmp(cl[i]->id, "row:", 4) == 0) {
			ld_buf_adds(b, wlabel(w, L_ROW));
			ld_buf_addc(b, ' ');
			ld_buf_adds(b, cl[i]->id + 4);
		} else
			ld_buf_adds(b, cl[i]->id[0] != '\0' ? cl[i]->id : "?");
	}
}

static void
class_list(struct tw *w, ld_buf *b, unsigned cls)
{
	size_t i;
	int first = 1;

	for (i = 0; i < N_CLASSES; i++) {
		if (!(cls & class_order[i].bit))
			continue;
		if (!first)
			ld_buf_adds(b, ", ");
		ld_buf_adds(b, wlabel(w, class_order[i].label));
		first = 0;
	}
}

static void
flush_renumbered(struct tw *w)
{
	if (w->renum.len == 0)
		return;
	fprintf(w->f, "  %s: ", wlabel(w, L_RENUMBERED));
	sgr(w, SGR_DIM);
	put_text(w, ld_buf_str(&w->renum), NULL);
	sgr(w, SGR_OFF);
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
		put_counted(w->f, w->sv, C_CLAUSES, w->sub[k]);
		fprintf(w->f, ": %s ", wlabel(w, (s->cls &
		    LDIFF_CLASS_PERIOD) ? L_ONLY_PERIOD : L_ONLY_SUBST));
		put_deleted(w, s->old_text);
		fputs(ARROW, w->f);
		put_inserted(w, s->new_text);
		fputs(": ", w->f);
		sgr(w, SGR_DIM);
		put_text(w, ld_buf_str(&w->subids[k]), NULL);
		sgr(w, SGR_OFF);
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
	sgr(w, SGR_BOLD);
	put_text(w, *section ? section : wlabel(w, L_NOSECTION), NULL);
	sgr(w, SGR_OFF);
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
	ids(w, &w->line, u->old_cl, u->n_old, ", ");
	ld_buf_adds(&w->line, ARROW);
	ids(w, &w->line, u->new_cl, u->n_new, ", ");
	ld_buf_adds(&w->line, "  ");
	put_text(w, ld_buf_str(&w->line), NULL);
	sgr(w, op_color(u->op));
	fputs(wlabel(w, op_label(u->op)), w->f);
	sgr(w, SGR_OFF);
	if (u->op == LDIFF_OP_INSERTED || u->op == LDIFF_OP_DELETED)
		cls = 0;
	if (cls != 0) {
		ld_buf_reset(&w->line);
		class_list(w, &w->line, cls);
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
	if (e->op == LDIFF_EDIT_EQUAL || edit_hidden(e, w->hc))
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

		if (e->op == LDIFF_EDIT_EQUAL || edit_hidden(e, w->hc)) {
			w->tail = w->width && w->reach ? w->reach[i + 1] : 0;
			put_text(w, e->new_text, NULL);
			w->tail = 0;
			continue;
		}
		w->visible = (e->cls & LDIFF_CLASS_TYPOGRAPHY) != 0;
		if (e->op != LDIFF_EDIT_INSERT) {
			w->tail = tail_after(w, u, i, 0);
			put_deleted(w, e->old_text);
		}
		if (e->op != LDIFF_EDIT_DELETE) {
			w->tail = tail_after(w, u, i, 1);
			put_inserted(w, e->new_text);
		}
		w->visible = 0;
		w->tail = 0;
	}
	fputc('\n', w->f);
}

/* A rate moves in percentage points, not in per cent of itself:
 * "2,5 % → 3 % (+0,5 procentenheter)". */
static void
put_rate_change(struct tw *w, ld_buf *b, const ldiff_edit *e)
{
	double delta = e->new_value - e->old_value;

	ld_format_number(b, e->old_value, -1, 0);
	ld_buf_adds(b, " % \xe2\x86\x92 ");
	ld_format_number(b, e->new_value, -1, 0);
	ld_buf_adds(b, delta < 0 ? " % (-" : " % (+");
	ld_format_number(b, fabs(delta), -1, 0);
	ld_buf_printf(b, " %s)", wlabel(w, fabs(delta) == 1 ? L_PP1 : L_PP));
}

/* One line per amount or number that changed, with the difference. */
static void
unit_values(struct tw *w, const ldiff_unit *u)
{
	size_t i;

	for (i = 0; i < u->n_edits; i++) {
		const ldiff_edit *e = &u->edits[i];

		if (!e->has_values || e->op == LDIFF_EDIT_EQUAL ||
		    !(e->cls & (LDIFF_CLASS_AMOUNT | LDIFF_CLASS_NUMBER)) ||
		    edit_hidden(e, w->hc) || e->old_value == e->new_value)
			continue;
		ld_buf_reset(&w->line);
		if (!(e->cls & LDIFF_CLASS_AMOUNT) && ld_edit_is_percent(u, i))
			put_rate_change(w, &w->line, e);
		else
			put_value_change(&w->line, e);
		fprintf(w->f, INDENT "%s: %s\n", wlabel(w,
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
			put_deleted(w, cl[i]->text);
		else if (how > 0)
			put_inserted(w, cl[i]->text);
		else
			put_text(w, cl[i]->text, NULL);
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

		if (e->op == LDIFF_EDIT_EQUAL || edit_hidden(e, w->hc))
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
	if (renumber_only(u, w->hc)) {
		if (w->renum.len > 0)
			ld_buf_adds(&w->renum, ", ");
		ids(w, &w->renum, u->old_cl, u->n_old, "+");
		ld_buf_adds(&w->renum, ARROW);
		ids(w, &w->renum, u->new_cl, u->n_new, "+");
		return;
	}
	if ((k = subst_only(w, u)) != (size_t)-1) {
		if (w->sub[k]++ > 0)
			ld_buf_adds(&w->subids[k], ", ");
		ids(w, &w->subids[k], u->new_cl, u->n_new, "+");
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

/* ---- version labels ------------------------------------------------------ */

/* Short names for the lineage: the year ranges of the file names when
 * every version has a distinct one, else the base names. */
static int
version_labels(const ldiff_diff *d, ld_buf *lab, size_t nver)
{
	ld_buf base;
	size_t v, k;
	int years = 1;

	ld_buf_init(&base);
	for (v = 0; v < nver && years; v++) {
		const char *name = ldiff_diff_version_name(d, v);

		ld_buf_reset(&lab[v]);
		ld_buf_reset(&base);
		ld_version_label(&lab[v], name, 1);
		ld_version_label(&base, name, 0);
		if (strcmp(ld_buf_str(&lab[v]), ld_buf_str(&base)) == 0)
			years = 0;	/* no year range in this name */
		for (k = 0; k < v; k++)
			if (strcmp(ld_buf_str(&lab[k]),
			    ld_buf_str(&lab[v])) == 0)
				years = 0;
	}
	for (v = 0; v < nver && !years; v++) {
		ld_buf_reset(&lab[v]);
		ld_version_label(&lab[v], ldiff_diff_version_name(d, v), 0);
	}
	k = base.oom;
	ld_buf_free(&base);
	for (v = 0; v < nver; v++)
		if (lab[v].oom)
			k = 1;
	return k ? LDIFF_ENOMEM : 0;
}

/* ---- pair header and substitutions ------------------------------------ */

static void
pair_header(struct tw *w, size_t pair)
{
	const char *a = ldiff_diff_version_name(w->d, pair);
	const char *b = ldiff_diff_version_name(w->d, pair + 1);

	if (pair > 0)
		fputc('\n', w->f);
	sgr(w, SGR_BOLD);
	fputs("--- ", w->f);
	put_text(w, a ? a : "", NULL);
	sgr(w, SGR_OFF);
	fputc('\n', w->f);
	sgr(w, SGR_BOLD);
	fputs("+++ ", w->f);
	put_text(w, b ? b : "", NULL);
	sgr(w, SGR_OFF);
	fputc('\n', w->f);
}

/* "  throughout: 2019–2022 → 2023–2026 (4 times, period)" */
static void
pair_substs(struct tw *w, size_t pair)
{
	size_t i, n = ldiff_diff_subst_count(w->d);

	for (i = 0; i < n; i++) {
		const ldiff_subst *s = ldiff_diff_subst(w->d, i);

		if (s->from != pair || (s->cls != 0 && (s->cls & ~w->hc) == 0))
			continue;
		fprintf(w->f, "  %s: ", wlabel(w, L_THROUGHOUT));
		put_deleted(w, s->old_text);
		fputs(ARROW, w->f);
		put_inserted(w, s->new_text);
		ld_buf_reset(&w->line);
		class_list(w, &w->line, s->cls);
		fprintf(w->f, " (%zu %s%s%s)\n", s->count,
		    wlabel(w, L_TIMES), w->line.len ? ", " : "",
		    ld_buf_str(&w->line));
	}
}

/* ---- lineage ------------------------------------------------------------- */

#define LINEAGE_COL 12	/* widest id column of the lineage table */

static int
is_change(const ldiff_unit *u, unsigned hide)
{
	return (u->op != LDIFF_OP_EQUAL || u->cls != 0) &&
	    !ldiff_unit_hidden(u, hide);
}

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

static size_t
text_width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
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
			ids(w, &col[u->from], u->old_cl, u->n_old, "+");
			out_of = u->from;
		}
		if (u->n_new > 0 && u->to < nver) {
			if (col[u->to].len > 0)
				ld_buf_addc(&col[u->to], '+');
			ids(w, &col[u->to], u->new_cl, u->n_new, "+");
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
		put_text(w, ld_buf_str(&col[v]), NULL);
		for (k = text_width(ld_buf_str(&col[v])); k < width[v]; k++)
			fputc(' ', w->f);
	}
	fputs("  ", w->f);
	for (i = g->start; i < g->end; i++) {
		const ldiff_unit *u = ldiff_diff_unit(w->d, units[i]);
		int ev = event_label(u);

		if (!is_change(u, w->hide) || u->to >= nver)
			continue;
		/* the parts of a split clause change together: say it once */
		if (!first && ev == last_ev && u->to == last_to)
			continue;
		fprintf(w->f, "%s%s ", first ? "" : ", ", wlabel(w, ev));
		put_text(w, ld_buf_str(&lab[u->to]), NULL);
		first = 0;
		last_ev = ev;
		last_to = u->to;
	}
	fputc('\n', w->f);
}

static int
render_lineage(struct tw *w, size_t nver)
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
	if ((r = version_labels(w->d, lab, nver)) != 0 ||
	    (r = ld_lineages(w->d, w->hide, &units, &g, &ng)) != 0 ||
	    ng == 0)
		goto out;
	for (i = 0; i < ng; i++) {
		lineage_ids(w, units, &g[i], col, nver);
		for (v = 0; v < nver; v++)
			if (text_width(ld_buf_str(&col[v])) > width[v])
				width[v] = text_width(ld_buf_str(&col[v]));
	}
	/* Long ids (table rows, unnumbered paragraphs) overflow their
	 * column rather than push every line to the right. */
	for (v = 0; v < nver; v++) {
		if (width[v] > LINEAGE_COL)
			width[v] = LINEAGE_COL;
	}
	fputc('\n', w->f);
	sgr(w, SGR_BOLD);
	fprintf(w->f, "%s: ", wlabel(w, L_LINEAGE));
	for (v = 0; v < nver; v++) {
		fputs(v > 0 ? ARROW : "", w->f);
		put_text(w, ld_buf_str(&lab[v]), NULL);
	}
	sgr(w, SGR_OFF);
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

/* ---- ldiff_render_text ------------------------------------------------------ */

static void
tw_init(struct tw *w, const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o)
{
	memset(w, 0, sizeof *w);
	w->f = out;
	w->d = d;
	w->color = o->color;
	w->sv = want_swedish(o);
	w->hide = o->hide;
	w->hc = hidden_classes(o->hide);
	w->width = o->width >= 20 ? (size_t)o->width : 0;
	w->section = "";
	ld_buf_init(&w->renum);
	ld_buf_init(&w->line);
}

static size_t
render_pair(struct tw *w, size_t pair)
{
	size_t i, n = ldiff_diff_count(w->d), shown = 0;

	pair_header(w, pair);
	pair_substs(w, pair);
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
		fprintf(w->f, "  (%s)\n", wlabel(w, L_NODIFF));
	return shown;
}

int
ldiff_render_text(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o)
{
	ldiff_render_opts def;
	struct tw w;
	size_t nver, n, i, pair, shown = 0;
	int r = 0;

	if (d == NULL || out == NULL)
		return LDIFF_EINVAL;
	if (o == NULL) {
		ldiff_render_opts_init(&def);
		o = &def;
	}
	tw_init(&w, d, out, o);
	nver = ldiff_diff_versions(d);
	n = ldiff_diff_count(d);
	w.nsub = ldiff_diff_subst_count(d);
	if (w.nsub > 0) {
		w.sub = ld_calloc(w.nsub, sizeof *w.sub);
		w.subids = ld_calloc(w.nsub, sizeof *w.subids);
		if (w.sub == NULL || w.subids == NULL) {
			ld_free(w.sub);
			ld_free(w.subids);
			return LDIFF_ENOMEM;
		}
	}
	/* Like diff(1): nothing at all when nothing is shown. */
	for (i = 0; i < n && shown == 0; i++)
		shown = !ldiff_unit_hidden(ldiff_diff_unit(d, i), w.hide);
	if (shown == 0)
		goto out;
	for (pair = 0; pair + 1 < nver; pair++)
		render_pair(&w, pair);
	if (nver > 2)
		r = render_lineage(&w, nver);
out:
	if (r == 0 && (w.oom || w.line.oom || w.renum.oom))
		r = LDIFF_ENOMEM;
	ld_buf_free(&w.line);
	ld_buf_free(&w.renum);
	ld_free(w.reach);
	for (i = 0; i < w.nsub; i++)
		ld_buf_free(&w.subids[i]);
	ld_free(w.subids);
	ld_free(w.sub);
	if (r == 0 && ferror(out))
		r = LDIFF_EIO;
	return r;
}

/* ---- ldiff_render_stat ---------------------------------------------------- */

enum { N_OPS = LDIFF_OP_MERGED + 1 };

struct counts {
	size_t op[N_OPS];
	size_t renum;		/* renumbered only, counted apart from op[] */
	size_t hid_renum, hid_chg;	/* changes the filters hide */
	size_t cls[N_CLASSES];
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
		size_t wo = count_words(e->old_text);
		size_t wn = count_words(e->new_text);

		if (e->op == LDIFF_EDIT_EQUAL || edit_hidden(e, hc)) {
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
	unsigned hc = hidden_classes(hide);
	size_t i;

	if (!is_change(u, hide & ~LDIFF_HIDE_EQUAL)) {
		/* hidden is not unchanged: say how many the filters hide */
		if (is_change(u, 0))
			*(renumber_only(u, 0) ? &c->hid_renum :
			    &c->hid_chg) += 1;
		else
			c->op[LDIFF_OP_EQUAL]++;
		c->common_old += count_clause_words(u->old_cl, u->n_old);
		c->common_new += count_clause_words(u->new_cl, u->n_new);
		return;
	}
	for (i = 0; i < N_CLASSES; i++)
		if (u->cls & ~hc & class_order[i].bit)
			c->cls[i]++;
	if (renumber_only(u, hc))
		c->renum++;
	else if ((size_t)u->op < N_OPS)
		c->op[u->op]++;
	if (u->op == LDIFF_OP_INSERTED)
		c->ins += count_clause_words(u->new_cl, u->n_new);
	else if (u->op == LDIFF_OP_DELETED)
		c->del += count_clause_words(u->old_cl, u->n_old);
	else if (u->n_edits > 0)
		count_edits(c, u, hc);
	else {
		c->common_old += count_clause_words(u->old_cl, u->n_old);
		c->common_new += count_clause_words(u->new_cl, u->n_new);
	}
}

static void
add_counts(struct counts *to, const struct counts *c)
{
	size_t i;

	for (i = 0; i < N_OPS; i++)
		to->op[i] += c->op[i];
	for (i = 0; i < N_CLASSES; i++)
		to->cls[i] += c->cls[i];
	to->renum += c->renum;
	to->hid_renum += c->hid_renum;
	to->hid_chg += c->hid_chg;
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
	put_percent(&w->line, total ? 100.0 * (double)k / (double)total : 0,
	    w->sv, 0);
	fprintf(w->f, "  %zu %s %s", k, ld_buf_str(&w->line), what);
}

static void
stat_summary(struct tw *w, const struct counts *c, size_t pair)
{
	static const int ops[] = { C_CHANGED, C_MOVED, C_INSERTED,
	    C_DELETED, C_SPLIT, C_MERGED };
	static const ldiff_op opv[] = { LDIFF_OP_CHANGED, LDIFF_OP_MOVED,
	    LDIFF_OP_INSERTED, LDIFF_OP_DELETED, LDIFF_OP_SPLIT,
	    LDIFF_OP_MERGED };
	size_t told = c->common_old + c->del + c->chg_old;
	size_t tnew = c->common_new + c->ins + c->chg_new;
	size_t i, k;
	int sv = w->sv;

	fprintf(w->f, "%s: %zu %s, %zu %s; ", wlabel(w, L_CLAUSES),
	    ldiff_clauses_count(ldiff_diff_version(w->d, pair)),
	    wlabel(w, L_OLD), ldiff_clauses_count(ldiff_diff_version(w->d,
	    pair + 1)), wlabel(w, L_NEW));
	put_counted(w->f, sv, C_UNCHANGED, c->op[LDIFF_OP_EQUAL]);
	fputs(", ", w->f);
	put_counted(w->f, sv, C_RENUMBERED, c->renum + c->hid_renum);
	if (c->hid_renum > 0)
		put_counted(w->f, sv, C_HIDDEN, c->hid_renum);
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		fputs(", ", w->f);
		put_counted(w->f, sv, ops[i], c->op[opv[i]]);
		if (opv[i] == LDIFF_OP_CHANGED && c->hid_chg > 0)
			put_counted(w->f, sv, C_MORE_HIDDEN, c->hid_chg);
	}
	fprintf(w->f, "\n%s: %zu %s", wlabel(w, L_OLD), told,
	    wlabel(w, L_WORDS));
	stat_words(w, c->common_old, told, wlabel(w, L_COMMON));
	stat_words(w, c->del, told, wlabel(w, L_N_DELETED));
	stat_words(w, c->chg_old, told, wlabel(w, L_N_CHANGED));
	fprintf(w->f, "\n%s: %zu %s", wlabel(w, L_NEW), tnew,
	    wlabel(w, L_WORDS));
	stat_words(w, c->common_new, tnew, wlabel(w, L_COMMON));
	stat_words(w, c->ins, tnew, wlabel(w, L_N_INSERTED));
	stat_words(w, c->chg_new, tnew, wlabel(w, L_N_CHANGED));
	fprintf(w->f, "\n%s:", wlabel(w, L_CLASSES));
	for (i = 0, k = 0; i < N_CLASSES; i++)
		if (c->cls[i] > 0)
			fprintf(w->f, "%s %s %zu", k++ ? "," : "", wlabel(w,
			    class_order[i].label), c->cls[i]);
	fputs(k ? "\n" : " 0\n", w->f);
}

static int
section_changed(const struct counts *c)
{
	size_t i, k = c->renum;

	for (i = LDIFF_OP_CHANGED; i < N_OPS; i++)
		k += c->op[i];
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
				const char *h = wlabel(w,
				    L_COL_INS + (int)k);
				size_t col = k < 7 ? 6 : k < 9 ? 8 : 9;
				size_t tw = text_width(h);

				for (; tw < col; tw++)
					fputc(' ', w->f);
				fputs(h, w->f);
			}
			fprintf(w->f, "  %s\n", wlabel(w, L_SECTION));
		}
		head = 1;
		fprintf(w->f, "%6zu%6zu%6zu%6zu%6zu%6zu%6zu%8zu%8zu  ",
		    c->op[LDIFF_OP_INSERTED], c->op[LDIFF_OP_DELETED],
		    c->op[LDIFF_OP_CHANGED], c->op[LDIFF_OP_MOVED],
		    c->op[LDIFF_OP_SPLIT], c->op[LDIFF_OP_MERGED], c->renum,
		    c->ins + c->chg_new, c->del + c->chg_old);
		ld_buf_reset(&w->line);
		put_percent(&w->line, changed_share(c), w->sv, 0);
		fprintf(w->f, "%*s%s  ", (int)(9 - text_width(
		    ld_buf_str(&w->line))), "", ld_buf_str(&w->line));
		put_text(w, *t->v[i].name ? t->v[i].name :
		    wlabel(w, L_NOSECTION), NULL);
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

			if (!e->has_values || e->op == LDIFF_EDIT_EQUAL ||
			    !(e->cls & LDIFF_CLASS_AMOUNT) ||
			    e->old_value == e->new_value)
				continue;
			if (!head)
				fprintf(w->f, "%s:\n", wlabel(w,
				    L_AMOUNTS));
			head = 1;
			ld_buf_reset(&w->line);
			ids(w, &w->line, u->n_new ? u->new_cl : u->old_cl,
			    u->n_new ? u->n_new : u->n_old, "+");
			ld_buf_adds(&w->line, "  ");
			put_value_change(&w->line, e);
			fputs("  ", w->f);
			put_text(w, ld_buf_str(&w->line), NULL);
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
	pair_header(w, pair);
	stat_summary(w, &total, pair);
	pair_substs(w, pair);
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
	ldiff_render_opts def;
	struct tw w;
	size_t pair, nver;
	int r = 0;

	if (d == NULL || out == NULL)
		return LDIFF_EINVAL;
	if (o == NULL) {
		ldiff_render_opts_init(&def);
		o = &def;
	}
	tw_init(&w, d, out, o);
	nver = ldiff_diff_versions(d);
	for (pair = 0; pair + 1 < nver && r == 0; pair++)
		r = stat_pair(&w, pair);
	if (r == 0 && (w.oom || w.line.oom || w.renum.oom))
		r = LDIFF_ENOMEM;
	ld_buf_free(&w.line);
	ld_buf_free(&w.renum);
	ld_free(w.reach);
	if (r == 0 && ferror(out))
		r = LDIFF_EIO;
	return r;
}
