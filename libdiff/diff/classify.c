/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * classify.c - what kind of change one word-level edit is.
 *
 * The idea: a reviewer wants to hide what is only typography, see the
 * period shift once, and have every changed amount with its values.  Each
 * non-equal edit is read on both sides for values: year ranges (period),
 * dates, years, numbers, and numbers followed within three tokens by a
 * money unit (amounts, in kronor: "2,5 mnkr" is 2 500 000) or by "%" /
 * "procent" (percentages, plain numbers with values).  The words that are
 * neither values nor their units are compared as key sequences: if they
 * differ, the edit is (also) wording.  The classes:
 *
 *   TYPOGRAPHY  the keys of both sides are equal: dashes, quotes, white
 *               space, soft hyphens, NFD against NFC, ligatures, and
 *               letter case (the key folds case) - nothing a reader
 *               of the agreement would call a change of content; also a
 *               number or amount written another way with the same
 *               value ("1250000" -> "1 250 000", "1,3 mnkr" -> "1 300
 *               000 kr");
 *   PERIOD      a year range moved as a whole (both its years by the
 *               same number; a range that changed otherwise is a
 *               NUMBER), or a lone year moved by the period
 *               shift (the shift of a year range in the same text, else 4
 *               years either way, the length of the agreements' periods);
 *   DATE        a date token changed, or a year right after a month name;
 *   AMOUNT      a kronor amount changed: old_value/new_value in kronor;
 *   NUMBER      another number (count, percentage, year, or a number
 *               word up to twenty on both sides: "tre" -> "fyra"), with
 *               its values;
 *   LANGUAGE    språkvård: the two sides say the same thing written
 *               another way (skall -> ska, bl.a. -> bland annat, fyra ->
 *               4, den 1 januari 2027 -> 2027-01-01), as the tables of
 *               sv/rewrite_tables.c list it; asked only when the edit is
 *               not typography, and read with a few of the equal words
 *               around it ("äga [-äga-]{+ha+} rätt" needs its "rätt");
 *   WORDING     anything else.
 * has_values is set when both sides hold a number (amount or plain).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diff/textdiff.h"

#define UNIT_LOOKAHEAD 3	/* "milj . kr": tokens a unit may span */
#define LANG_CONTEXT 4		/* equal words a rewrite may lean on: "som
				 * avtalet [har] tecknats" */
#define LANG_MAX_TOKENS 160	/* longer edits are not read as rewrites */

struct vals {
	int nrange, ndate, nyear, nnum, namount, datectx;
	int range0, range1;	/* the years of the first year range */
	int year;		/* the first lone year */
	double num, amount;	/* the first number / amount (kronor) */
	uint32_t *words;	/* ids of the other non-space tokens */
	size_t nwords;
	int nnumw;		/* number words ("tre", "fyra") among them */
	double numw;		/* the value of the first */
	uint32_t numw_id;	/* its id, left out of words if it counts */
};

static int
digits4(const char *s)
{
	int i, v = 0;

	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
lone_year(const ld_tok *t)
{
	int y;

	if (t->len != 4 || (t->type != LDIFF_TOK_NUMBER &&
	    t->type != LDIFF_TOK_WORD))
		return 0;
	y = digits4(t->s);
	return y >= 1900 && y <= 2199 ? y : 0;
}

static int
range_start(const ld_tok *t)
{
	if (t->type != LDIFF_TOK_YEARRANGE || t->len < 9)
		return 0;
	return digits4(t->s) > 0 ? digits4(t->s) : 0;
}

/* The last year of a range token ("2023–2026" -> 2026), or 0. */
static int
range_end(const ld_tok *t)
{
	if (t->type != LDIFF_TOK_YEARRANGE || t->len < 9)
		return 0;
	return digits4(t->s + t->len - 4) > 0 ? digits4(t->s + t->len - 4) : 0;
}

/* A year range that moved as a whole, both years by the same number
 * ("2019–2022" -> "2023–2026"); "2014–2020" -> "2020–2030" (another
 * strategy's period) did not, and is no period shift. */
static int
range_moved(const struct vals *o, const struct vals *n)
{
	if (o->nrange != 1 || n->nrange != 1)
		return o->nrange + n->nrange > 0;	/* as before */
	return o->range0 > 0 && n->range0 > 0 && o->range1 > 0 &&
	    n->range1 > 0 && n->range0 != o->range0 &&
	    n->range0 - o->range0 == n->range1 - o->range1;
}

static int
ieq(const ld_tok *t, const char *w)
{
	size_t i, n = strlen(w);

	if (t->len != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = t->s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != w[i])
			return 0;
	}
	return 1;
}

static int
is_month(const ld_tok *t)
{
	static const char *const m[] = { "januari", "februari", "mars",
	    "april", "maj", "juni", "juli", "augusti", "september",
	    "oktober", "november", "december" };
	size_t i;

	for (i = 0; i < sizeof m / sizeof m[0]; i++)
		if (ieq(t, m[i]))
			return 1;
	return 0;
}

/* The value of a Swedish number word up to twenty, else -1.  "en" and
 * "ett" are articles as often as numbers: they count only when the other
 * side of the edit has a number word too (see classes()). */
static int
number_word(const ld_tok *t)
{
	static const char *const w[] = { "noll", "en", "ett", "två", "tre",
	    "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
	    "tretton", "fjorton", "femton", "sexton", "sjutton", "arton",
	    "nitton", "tjugo" };
	static const int v[] = { 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
	    13, 14, 15, 16, 17, 18, 19, 20 };
	size_t i;

	if (t->type != LDIFF_TOK_WORD || t->len > 8)
		return -1;
	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (ieq(t, w[i]))
			return v[i];
	return -1;
}

/* Index of the next non-space token after i, or s->n. */
static size_t
next_word(const ld_side *s, size_t i)
{
	for (i++; i < s->n && s->t[i].space; i++)
		;
	return i;
}

/* Money unit after token i: its multiplier, *end one past its last
 * token; 0 when none. */
static double
unit_after(const ld_side *s, size_t i, size_t *end)
{
	size_t j = next_word(s, i), k, first = j;
	int m;

	for (m = 0; m < UNIT_LOOKAHEAD && j < s->n; m++) {
		const char *p = s->t[first].s;
		size_t len = (size_t)(s->t[j].s + s->t[j].len - p);
		double mult = ld_amount_multiplier(p, len);

		if (mult > 0) {
			*end = j + 1;
			return mult;
		}
		k = next_word(s, j);
		j = k;
	}
	return 0;
}

static int
percent_after(const ld_side *s, size_t i, size_t *end)
{
	size_t j = next_word(s, i);

	if (j < s->n && (ieq(&s->t[j], "%") || ieq(&s->t[j], "procent"))) {
		*end = j + 1;
		return 1;
	}
	return 0;
}

/* A lone year right after a month name ("1 januari 2023" split up). */
static int
after_month(const ld_side *s, size_t i)
{
	size_t j = i;

	while (j > 0 && s->t[j - 1].space)
		j--;
	return j > 0 && is_month(&s->t[j - 1]);
}

/* Read one number token at i; returns the index to go on from. */
static size_t
read_number(const ld_side *s, size_t i, size_t t1, struct vals *v)
{
	const ld_tok *t = &s->t[i];
	size_t end = i + 1;
	double x, mult;
	int y;

	if (ld_parse_swedish_number(t->s, t->len, &x) != 0)
		x = 0;
	if ((mult = unit_after(s, i, &end)) > 0) {
		if (v->namount++ == 0)
			v->amount = x * mult;
		return end < t1 ? end : t1;
	}
	if (percent_after(s, i, &end)) {
		if (v->nnum++ == 0)
			v->num = x;
		return end < t1 ? end : t1;
	}
	if ((y = lone_year(t)) > 0) {
		if (v->nyear++ == 0)
			v->year = y;
		v->datectx |= after_month(s, i);
		return i + 1;
	}
	if (v->nnum++ == 0)
		v->num = x;
	return i + 1;
}

/* An edit that starts in the unit of a number just before it ("500
 * [kronor -> tkr]") changes that amount: read it as one, and go on after
 * the unit.  Returns where reading goes on. */
static size_t
unit_of_number_before(const ld_side *s, size_t t0, size_t t1,
    struct vals *v)
{
	size_t j = t0, end = t0;
	double x, mult;

	memset(v, 0, sizeof *v);
	while (j > 0 && s->t[j - 1].space)
		j--;
	if (j == 0 || t0 == t1 || s->t[j - 1].type != LDIFF_TOK_NUMBER ||
	    (mult = unit_after(s, j - 1, &end)) == 0 || end <= t0 ||
	    ld_parse_swedish_number(s->t[j - 1].s, s->t[j - 1].len, &x) != 0)
		return t0;
	v->namount = 1;
	v->amount = x * mult;
	return end < t1 ? end : t1;
}

static void
read_side(const ld_side *s, size_t t0, size_t t1, struct vals *v,
    uint32_t *words)
{
	size_t i = unit_of_number_before(s, t0, t1, v);

	v->words = words;
	while (i < t1) {
		const ld_tok *t = &s->t[i];

		if (t->space) {
			i++;
		} else if (t->type == LDIFF_TOK_YEARRANGE) {
			if (v->nrange++ == 0) {
				v->range0 = range_start(t);
				v->range1 = range_end(t);
			}
			i++;
		} else if (t->type == LDIFF_TOK_DATE) {
			v->ndate++;
			i++;
		} else if (t->type == LDIFF_TOK_NUMBER || lone_year(t)) {
			i = read_number(s, i, t1, v);
		} else {
			int nw = number_word(t);

			if (nw >= 0 && v->nnumw++ == 0) {
				v->numw = nw;
				v->numw_id = t->id;
			}
			v->words[v->nwords++] = t->id;
			i++;
		}
	}
}

static int
same_words(const struct vals *x, const struct vals *y)
{
	return x->nwords == y->nwords && (x->nwords == 0 ||
	    memcmp(x->words, y->words, x->nwords * sizeof *x->words) == 0);
}

/* Drop the first number word from the words of v. */
static void
drop_number_word(struct vals *v)
{
	size_t i;

	for (i = 0; i < v->nwords; i++)
		if (v->words[i] == v->numw_id) {
			memmove(&v->words[i], &v->words[i + 1],
			    (v->nwords - i - 1) * sizeof *v->words);
			v->nwords--;
			return;
		}
}

/* "tre" -> "fyra": one number word each side, of different values, is a
 * number change ("minst tre gånger" -> "minst fyra gånger"). */
static int
number_words(struct vals *o, struct vals *n)
{
	if (o->nnumw != 1 || n->nnumw != 1 || o->numw == n->numw)
		return 0;
	drop_number_word(o);
	drop_number_word(n);
	o->nnum++;
	n->nnum++;
	if (o->nnum == 1)
		o->num = o->numw;
	if (n->nnum == 1)
		n->num = n->numw;
	return 1;
}

/* The keys of the two sides' whole texts, so that a difference in how
 * the tokenizer cut them does not matter. */
static int
keys_equal(const ld_side *a, const ld_side *b, const ld_run *r)
{
	ld_buf ka, kb;
	const char *p;
	size_t n;
	int eq = 0;

	ld_buf_init(&ka);
	ld_buf_init(&kb);
	p = r->a0 < r->a1 ? a->t[r->a0].s : "";
	n = r->a0 < r->a1 ? (size_t)(a->t[r->a1 - 1].s +
	    a->t[r->a1 - 1].len - p) : 0;
	if (ld_text_key_buf(&ka, p, n) != 0)
		goto out;
	p = r->b0 < r->b1 ? b->t[r->b0].s : "";
	n = r->b0 < r->b1 ? (size_t)(b->t[r->b1 - 1].s +
	    b->t[r->b1 - 1].len - p) : 0;
	if (ld_text_key_buf(&kb, p, n) != 0)
		goto out;
	eq = ka.len == kb.len && (ka.len == 0 ||
	    memcmp(ka.data, kb.data, ka.len) == 0);
out:
	ld_buf_free(&ka);
	ld_buf_free(&kb);
	return eq;
}

/* The classes from the values and words of both sides. */
static unsigned
classes(struct vals *o, struct vals *n, int shift, ldiff_edit *e)
{
	unsigned c = 0;

	number_words(o, n);
	if (!same_words(o, n))
		c |= LDIFF_CLASS_WORDING;
	if (range_moved(o, n))
		c |= LDIFF_CLASS_PERIOD;
	else if (o->nrange || n->nrange)
		c |= LDIFF_CLASS_NUMBER;
	if (o->ndate || n->ndate)
		c |= LDIFF_CLASS_DATE;
	if (o->nyear && n->nyear) {
		if (o->datectx || n->datectx)
			c |= LDIFF_CLASS_DATE;
		else if (n->year - o->year == shift ||
		    (shift == 0 && abs(n->year - o->year) == 4))
			c |= LDIFF_CLASS_PERIOD;
		else
			c |= LDIFF_CLASS_NUMBER;
	} else if (o->nyear || n->nyear)
		c |= LDIFF_CLASS_NUMBER;
	if (o->namount || n->namount) {
		c |= LDIFF_CLASS_AMOUNT;
		if (o->namount && n->namount) {
			e->has_values = 1;
			e->old_value = o->amount;
			e->new_value = n->amount;
		}
	}
	if (o->nnum || n->nnum) {
		c |= LDIFF_CLASS_NUMBER;
		if (o->nnum && n->nnum && !e->has_values) {
			e->has_values = 1;
			e->old_value = o->num;
			e->new_value = n->num;
		}
	}
	if (c & LDIFF_CLASS_NUMBER && !e->has_values && o->nyear &&
	    n->nyear && !o->nnum && !n->nnum) {
		e->has_values = 1;
		e->old_value = o->year;
		e->new_value = n->year;
	}
	if (c != 0 && (c & ~(unsigned)(LDIFF_CLASS_AMOUNT |
	    LDIFF_CLASS_NUMBER)) == 0 && e->has_values &&
	    fabs(e->old_value - e->new_value) < 0.005 &&
	    o->namount + o->nnum == 1 &&
	    n->namount + n->nnum == 1) {
		/* "1250000" -> "1 250 000", "1,3 miljoner" -> "1 300 000":
		 * the same value written another way */
		e->has_values = 0;
		e->old_value = e->new_value = 0;
		return LDIFF_CLASS_TYPOGRAPHY;
	}
	return c ? c : LDIFF_CLASS_WORDING;
}

void
ld_classify_edit(const ld_side *a, const ld_side *b, const ld_run *r,
    int period_shift, ldiff_edit *e)
{
	struct vals o, n;
	uint32_t *wo, *wn;

	e->has_values = 0;
	e->old_value = e->new_value = 0;
	if (r->op == LD_RUN_TYPO || keys_equal(a, b, r)) {
		e->cls = LDIFF_CLASS_TYPOGRAPHY;
		return;
	}
	wo = ld_reallocarray(NULL, r->a1 - r->a0 + 1, sizeof *wo);
	wn = ld_reallocarray(NULL, r->b1 - r->b0 + 1, sizeof *wn);
	if (wo == NULL || wn == NULL) {
		/* no memory for the finer reading: say the safe thing */
		e->cls = LDIFF_CLASS_WORDING;
		goto out;
	}
	read_side(a, r->a0, r->a1, &o, wo);
	read_side(b, r->b0, r->b1, &n, wn);
	e->cls = classes(&o, &n, period_shift, e);
out:
	ld_free(wo);
	ld_free(wn);
}

/* Tokens to step back from t (at most avail) to take in k more words. */
static size_t
words_before(const ld_side *s, size_t t, size_t avail, size_t k)
{
	size_t d = 0;

	while (k > 0 && d < avail) {
		d++;
		if (!s->t[t - d].space)
			k--;
	}
	return d;
}

static size_t
words_after(const ld_side *s, size_t t, size_t avail, size_t k)
{
	size_t d = 0;

	while (k > 0 && d < avail) {
		if (!s->t[t + d].space)
			k--;
		d++;
	}
	return d;
}

/* ld_sv_rewrite_check() of old tokens [a0, a1) and new [b0, b1). */
static int
rewrite_check(const ld_side *a, const ld_side *b, size_t a0, size_t a1,
    size_t b0, size_t b1)
{
	const char *pa = a0 < a1 ? a->t[a0].s : "";
	const char *pb = b0 < b1 ? b->t[b0].s : "";
	size_t na = a0 < a1 ? (size_t)(a->t[a1 - 1].s + a->t[a1 - 1].len -
	    pa) : 0;
	size_t nb = b0 < b1 ? (size_t)(b->t[b1 - 1].s + b->t[b1 - 1].len -
	    pb) : 0;

	return ld_sv_rewrite_check(pa, na, pb, nb);
}

/* Bytes the rewrite lexer may read into one token with its neighbour:
 * letters and digits (any byte of a multi-byte character counts) and
 * the signs that join them ("EU-stöd", "2,5", "13.00", "3:e"). */
static int
word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int
join_byte(unsigned char c)
{
	return word_byte(c) || (c != '\0' && strchr("-.,:/", c) != NULL);
}

/* Are tokens t - 1 and t read apart by the lexer, whatever is around? */
static int
lexed_apart(const ld_side *s, size_t t)
{
	const ld_tok *x, *y;
	unsigned char cx, cy;

	if (t == 0 || t >= s->n)
		return 1;
	x = &s->t[t - 1];
	y = &s->t[t];
	if (x->space || y->space || x->len == 0 || y->len == 0)
		return 1;
	cx = (unsigned char)x->s[x->len - 1];
	cy = (unsigned char)y->s[0];
	return !(join_byte(cx) && join_byte(cy) &&
	    (word_byte(cx) || word_byte(cy)));
}

/* Whether context taken at [t0, t1)'s ends is lexed apart from it. */
static int
cut_apart(const ld_side *s, size_t t0, size_t t1)
{
	return lexed_apart(s, t0) && lexed_apart(s, t1);
}

/* Whether the text of tokens [t0, t1) holds a form the rewrite table
 * knows; an empty span holds none. */
static int
span_may_rewrite(const ld_side *s, size_t t0, size_t t1)
{
	const char *p;

	if (t0 >= t1)
		return 0;
	p = s->t[t0].s;
	return ld_sv_may_rewrite(p,
	    (size_t)(s->t[t1 - 1].s + s->t[t1 - 1].len - p));
}

int
ld_language_possible(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t before, size_t after)
{
	size_t l = words_before(a, r->a0, before, LANG_CONTEXT);
	size_t h = words_after(a, r->a1, after, LANG_CONTEXT);

	if (r->a1 - r->a0 > LANG_MAX_TOKENS || r->b1 - r->b0 > LANG_MAX_TOKENS)
		return 0;
	/* the equal context is the same on both sides: l and h serve both */
	return span_may_rewrite(a, r->a0 - l, r->a1 + h) ||
	    span_may_rewrite(b, r->b0 - l, r->b1 + h);
}

int
ld_language_edit(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t before, size_t after, int period_shift)
{
	ldiff_edit e;
	size_t k, lo = (size_t)-1, hi = (size_t)-1;
	int v;

	if ((r->a0 == r->a1 && r->b0 == r->b1) || r->op != LD_RUN_EDIT ||
	    r->a1 - r->a0 > LANG_MAX_TOKENS ||
	    r->b1 - r->b0 > LANG_MAX_TOKENS || keys_equal(a, b, r))
		return 0;
	ld_classify_edit(a, b, r, period_shift, &e);
	if (e.cls == LDIFF_CLASS_TYPOGRAPHY)
		return 0;	/* "1,3 mnkr" -> "1 300 000 kr" stays so */
	for (k = 0; k <= LANG_CONTEXT; k++) {
		/* the equal context is token for token the same on both
		 * sides, so one count of tokens serves both */
		size_t l = words_before(a, r->a0, before, k);
		size_t h = words_after(a, r->a1, after, k);

		if (l == lo && h == hi)
			break;	/* no more context to take */
		lo = l;
		hi = h;
		v = rewrite_check(a, b, r->a0 - l, r->a1 + h, r->b0 - l,
		    r->b1 + h);
		if (v == LD_SV_SAME)
			return 1;
		/* other plain words, and context can only add equal ones */
		if (v == LD_SV_OTHER_WORDS && k == 0 &&
		    cut_apart(a, r->a0, r->a1) && cut_apart(b, r->b0, r->b1))
			return 0;
	}
	return 0;
}

static int
first_range(const ld_side *s, size_t t0, size_t t1)
{
	size_t i;

	for (i = t0; i < t1; i++)
		if (s->t[i].type == LDIFF_TOK_YEARRANGE)
			return range_start(&s->t[i]);
	return 0;
}

int
ld_is_value(const ld_tok *t)
{
	return t->type == LDIFF_TOK_NUMBER || t->type == LDIFF_TOK_DATE ||
	    t->type == LDIFF_TOK_YEARRANGE || t->type == LDIFF_TOK_TIME;
}

size_t
ld_value_end(const ld_side *s, size_t i)
{
	size_t end = i + 1;

	if (s->t[i].type == LDIFF_TOK_NUMBER &&
	    (unit_after(s, i, &end) > 0 || percent_after(s, i, &end)))
		return end;
	return i + 1;
}

int
ld_period_shift(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int y0, y1;

		if (r[i].op != LD_RUN_EDIT)
			continue;
		y0 = first_range(a, r[i].a0, r[i].a1);
		y1 = first_range(b, r[i].b0, r[i].b1);
		if (y0 > 0 && y1 > 0 && y1 != y0)
			return y1 - y0;
	}
	return 0;
}
