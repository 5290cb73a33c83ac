/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * text_writer.c - the writer under the plain-text renderers: labels,
 * numbers, colour, wrapping and the lines every text output shares.
 *
 * Labels are English, or Swedish when asked for (--lang=sv, or a Swedish
 * LC_MESSAGES): the Swedish terms are built in so that the reviewers'
 * vocabulary does not depend on an installed message catalogue.  Other
 * languages go through gettext.  Nothing printed depends on LC_NUMERIC:
 * numbers are formatted here (numfmt.c), with the Swedish conventions
 * (1 250 000 kr, 4,0 %) for amounts in every language.
 *
 * With a width, clause text is wrapped at spaces; the next word is
 * measured across edits and markers (render_text.c tells the writer how
 * far it reaches), so "[-2019–2022-]{+2023–2026+}." moves to the next
 * line whole instead of passing the margin.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "render/text_writer.h"

/* ---- labels ---------------------------------------------------------- */

/* The enum holds the classes in bit order and the operations in op
 * order: a class or an operation added without its label fails here. */
typedef char ld_tw_labels_in_order[L_LANGUAGE - L_WORDING ==
    LD_N_CLASSES - 1 && L_MERGED - L_EQUAL == LDIFF_OP_MERGED ? 1 : -1];

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
	[L_WORDS] = { N_("words"), "ord" },
	[L_COMMON] = { N_("common"), "gemensamma" },
	[L_CLASSES] = { N_("classes"), "ändringstyper" },
	[L_SECTION] = { N_("section"), "avsnitt" },
	[L_SUBSTS] = { N_("substitutions"), "ersättningar" },
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
	[L_ONLY_PERIOD] = { N_("only the period change"),
	    "endast periodändring" },
	[L_ONLY_SUBST] = { N_("only the substitution throughout"),
	    "endast den genomgående ersättningen" },
};

int
ld_tw_op_label(ldiff_op op)
{
	return (unsigned)op <= LDIFF_OP_MERGED ? L_EQUAL + (int)op : L_CHANGED;
}

int
ld_tw_op_column(ldiff_op op)
{
	switch (op) {
	case LDIFF_OP_EQUAL: return -1;
	case LDIFF_OP_CHANGED: return L_COL_CHG;
	case LDIFF_OP_MOVED: return L_COL_MOV;
	case LDIFF_OP_INSERTED: return L_COL_INS;
	case LDIFF_OP_DELETED: return L_COL_DEL;
	case LDIFF_OP_SPLIT: return L_COL_SPL;
	case LDIFF_OP_MERGED: return L_COL_MRG;
	}
	return L_COL_CHG;
}

int
ld_tw_class_label(unsigned one_class)
{
	return L_WORDING + (int)ld_class_slot(one_class);
}

const char *
ld_tw_label(int id, int sv, int translate)
{
	if (id >= L_OWN_COUNT)
		return ld_word(id - L_OWN_COUNT, sv);
	if (sv)
		return labels[id].sv;
	return translate ? _(labels[id].en) : labels[id].en;
}

/* Swedish when asked, or when the message locale is Swedish. */
static int
want_swedish(const ldiff_render_opts *o)
{
	if (o != NULL && o->lang != NULL)
		return strncmp(o->lang, "sv", 2) == 0;
	return ldiff_lang_from_env() != NULL;
}

#ifndef ENABLE_NLS
#define dngettext(dom, one, many, n) ((n) == 1 ? (one) : (many))
#endif

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
void
ld_tw_put_counted(FILE *f, int sv, int id, size_t n)
{
	const char *fmt = sv ? counted_sv[id][n != 1] : counted_en(id, n);

	fprintf(f, fmt, n);
}

/* ---- numbers, formatted without the C locale's help ------------------ */

/* One decimal: "4,0 %" in Swedish, "4.0%" in English; sign if asked. */
void
ld_tw_put_percent(ld_buf *b, double pct, int sv, int sign)
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

/* ---- words ------------------------------------------------------------ */

/* Words as wdiff counts them: runs between white space, but only runs
 * with a letter or a digit, so a lone dash or bullet is not a word. */
size_t
ld_tw_count_words(const char *s)
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

size_t
ld_tw_count_clause_words(const ldiff_clause *const *cl, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		w += ld_tw_count_words(cl[i]->text);
	return w;
}

/* ---- the text writer ---------------------------------------------------- */

/* A label in the writer's language, looked up once per writer: gettext
 * per unit of a long diff cost a twentieth of kldiff's time.  Every label
 * of the text renderer goes through here. */
const char *
ld_tw_wlabel(struct tw *w, int id)
{
	if (w->lab[id] != NULL)
		return w->lab[id];
	return w->lab[id] = ld_tw_label(id, w->sv, 1);
}

void
ld_tw_sgr(struct tw *w, const char *code)
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
	ld_tw_sgr(w, color ? SGR_OFF : NULL);
	fputs("\n" INDENT, w->f);
	w->col = sizeof INDENT - 1;
	ld_tw_sgr(w, color);
}

void
ld_tw_put_text(struct tw *w, const char *s, const char *color)
{
	size_t len = strlen(s), i = 0, run = 0, k;
	const char *mark;
	int wraps = w->wrap && w->width > 0;

	ld_tw_sgr(w, color);
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
			emit(w, LD_CELL_SEP, sizeof LD_CELL_SEP - 1);
		else
			emit(w, "\xef\xbf\xbd", 3);
		i += c1 ? 2 : 1;
		run = i;
	}
	emit(w, s + run, i - run);
	ld_tw_sgr(w, color ? SGR_OFF : NULL);
}

/* Changed text: coloured, or between wdiff's markers without colour. */
static void
put_marked(struct tw *w, const char *s, const char *sgr_on,
    const char *open, const char *close)
{
	if (*s == '\0')
		return;
	if (w->color)
		ld_tw_put_text(w, s, sgr_on);
	else {
		emit(w, open, 2);
		ld_tw_put_text(w, s, NULL);
		emit(w, close, 2);
	}
}

void
ld_tw_put_deleted(struct tw *w, const char *s)
{
	put_marked(w, s, SGR_DEL, "[-", "-]");
}

void
ld_tw_put_inserted(struct tw *w, const char *s)
{
	put_marked(w, s, SGR_INS, "{+", "+}");
}

/* "4.2" or "5.2, 5.3", or an en dash when the side is empty; a table
 * row's "row:Umeå kommun" is an id for scripts, "rad Umeå kommun" to a
 * reader. */
void
ld_tw_ids(struct tw *w, ld_buf *b, const ldiff_clause *const *cl, size_t n,
    const char *sep)
{
	size_t i;

	if (n == 0)
		ld_buf_adds(b, "\xe2\x80\x93");
	for (i = 0; i < n; i++) {
		if (i > 0)
			ld_buf_adds(b, sep);
		if (strncmp(cl[i]->id, "row:", 4) == 0) {
			ld_buf_adds(b, ld_tw_wlabel(w, L_ROW));
			ld_buf_addc(b, ' ');
			ld_buf_adds(b, cl[i]->id + 4);
		} else
			ld_buf_adds(b, cl[i]->id[0] != '\0' ? cl[i]->id : "?");
	}
}

void
ld_tw_class_list(struct tw *w, ld_buf *b, unsigned cls)
{
	size_t i;
	int first = 1;

	for (i = 0; i < LD_N_CLASSES; i++) {
		if (!(cls & ld_classes[i].bit))
			continue;
		if (!first)
			ld_buf_adds(b, ", ");
		ld_buf_adds(b, ld_tw_wlabel(w,
		    ld_tw_class_label(ld_classes[i].bit)));
		first = 0;
	}
}

/* ---- version labels ------------------------------------------------------ */

/* Short names for the lineage: the year ranges of the file names when
 * every version has a distinct one, else the base names. */
int
ld_tw_version_labels(const ldiff_diff *d, ld_buf *lab, size_t nver)
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

void
ld_tw_pair_header(struct tw *w, size_t pair)
{
	const char *a = ldiff_diff_version_name(w->d, pair);
	const char *b = ldiff_diff_version_name(w->d, pair + 1);

	if (pair > 0)
		fputc('\n', w->f);
	ld_tw_sgr(w, SGR_BOLD);
	fputs("--- ", w->f);
	ld_tw_put_text(w, a ? a : "", NULL);
	ld_tw_sgr(w, SGR_OFF);
	fputc('\n', w->f);
	ld_tw_sgr(w, SGR_BOLD);
	fputs("+++ ", w->f);
	ld_tw_put_text(w, b ? b : "", NULL);
	ld_tw_sgr(w, SGR_OFF);
	fputc('\n', w->f);
}

/* "  throughout: 2019–2022 → 2023–2026 (4 times, period)" */
void
ld_tw_pair_substs(struct tw *w, size_t pair)
{
	size_t i, n = ldiff_diff_subst_count(w->d);

	for (i = 0; i < n; i++) {
		const ldiff_subst *s = ldiff_diff_subst(w->d, i);

		if (s->from != pair || (s->cls != 0 && (s->cls & ~w->hc) == 0))
			continue;
		fprintf(w->f, "  %s: ", ld_tw_wlabel(w, L_THROUGHOUT));
		ld_tw_put_deleted(w, s->old_text);
		fputs(ARROW, w->f);
		ld_tw_put_inserted(w, s->new_text);
		ld_buf_reset(&w->line);
		ld_tw_class_list(w, &w->line, s->cls);
		fprintf(w->f, " (%zu %s%s%s)\n", s->count,
		    ld_tw_wlabel(w, L_TIMES), w->line.len ? ", " : "",
		    ld_buf_str(&w->line));
	}
}

size_t
ld_tw_text_width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

int
ld_tw_begin(struct tw *w, const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o)
{
	ldiff_render_opts def;

	memset(w, 0, sizeof *w);
	if (d == NULL || out == NULL ||
	    ld_render_opts_or_default(&o, &def) != 0)
		return LDIFF_EINVAL;
	w->f = out;
	w->d = d;
	w->color = o->color;
	w->sv = want_swedish(o);
	w->hide = o->hide;
	w->hc = ld_hidden_classes(o->hide);
	w->width = o->width >= 20 ? (size_t)o->width : 0;
	w->section = "";
	ld_buf_init(&w->renum);
	ld_buf_init(&w->line);
	return 0;
}

int
ld_tw_end(struct tw *w, int r)
{
	size_t i;

	if (r == 0 && (w->oom || w->line.oom || w->renum.oom))
		r = LDIFF_ENOMEM;
	ld_buf_free(&w->line);
	ld_buf_free(&w->renum);
	ld_free(w->reach);
	for (i = 0; w->subids != NULL && i < w->nsub; i++)
		ld_buf_free(&w->subids[i]);
	ld_free(w->subids);
	ld_free(w->sub);
	if (r == 0 && ferror(w->f))
		r = LDIFF_EIO;
	return r;
}
