/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * numbering.c - numbering.xml and the counters Word keeps.
 *
 * The idea (as in Word and Tika's list manager): a w:num is a thin handle
 * on a w:abstractNum, and counters belong to the abstractNum, so several
 * numIds that share one abstractNum count together.  A num's
 * w:startOverride restarts its level the first time that num is used; a
 * full w:lvl override replaces the level's definition for that num only.
 * Using a level resets the deeper levels (or only those whose w:lvlRestart
 * names a level at or above it).  A label is w:lvlText with %1..%9
 * replaced by the formatted counters; w:isLgl shows every level decimal.
 */
#include <stdlib.h>
#include <string.h>

#include "docx/docx.h"

#define NLVL 9
#define MAX_LINK_HOPS 8

struct lvl {
	int defined;
	long start;
	int restart;		/* -1 default, 0 never, n: after level n */
	int is_lgl;
	const char *fmt;	/* w:numFmt, "" = decimal */
	const char *text;	/* w:lvlText, NULL = none given */
};

struct abs {
	int id;
	struct lvl lvl[NLVL];
	const char *num_style_link;
};

struct ovr {
	int has_start;
	long start;
	int has_lvl;
	struct lvl lvl;
};

struct num {
	int id;
	int abs_id;
	long abs_ix;		/* resolved index into abs[], -1 none */
	struct ovr ovr[NLVL];
};

struct ld_numbering {
	ld_arena *arena;
	struct abs *abs;
	size_t nabs, capabs;
	struct num *num;
	size_t nnum, capnum;
};

struct ld_numstate {
	const ld_numbering *nb;
	long *count;		/* nabs * NLVL */
	unsigned char *started;	/* nabs * NLVL */
	unsigned char *applied;	/* nnum * NLVL: startOverride used */
};

/* ---- parsing --------------------------------------------------------- */

struct parse_ctx {
	ld_numbering *nb;
	struct abs *a;		/* inside w:abstractNum */
	struct num *n;		/* inside w:num */
	struct lvl *l;		/* inside w:lvl */
	int ovr_ilvl;		/* inside w:lvlOverride, else -1 */
};

/* v with room for one more than its n elements (ld_grow when full). */
static void *
grow(void *v, size_t *cap, size_t n, size_t size)
{
	return n < *cap ? v : ld_grow(v, cap, 16, size);
}

static int
attr_int(ld_xml *x, const char *name, int def)
{
	char buf[32];

	if (!ld_xml_attr(x, LD_NS_W, name, buf, sizeof buf))
		return def;
	return atoi(buf);
}

static void
lvl_init(struct lvl *l)
{
	memset(l, 0, sizeof *l);
	l->defined = 1;
	l->restart = -1;
	l->fmt = "";
}

static int
start_lvl(struct parse_ctx *c, ld_xml *x)
{
	int i = attr_int(x, "ilvl", 0);

	if (i < 0 || i >= NLVL) {
		ld_xml_skip(x);
		return 0;
	}
	if (c->ovr_ilvl >= 0 && c->n != NULL) {
		c->n->ovr[c->ovr_ilvl].has_lvl = 1;
		c->l = &c->n->ovr[c->ovr_ilvl].lvl;
	} else if (c->a != NULL) {
		c->l = &c->a->lvl[i];
	} else {
		ld_xml_skip(x);
		return 0;
	}
	lvl_init(c->l);
	c->l->start = 1;
	return 0;
}

static int
lvl_child(struct parse_ctx *c, ld_xml *x, const char *n)
{
	char buf[256];
	struct lvl *l = c->l;

	if (strcmp(n, "start") == 0) {
		l->start = attr_int(x, "val", 0);
	} else if (strcmp(n, "numFmt") == 0) {
		/* w14 custom formats come with a plain Fallback: skip them */
		if (ld_xml_attr(x, LD_NS_W, "val", buf, sizeof buf) &&
		    strcmp(buf, "custom") != 0 &&
		    (l->fmt = ld_arena_strdup(c->nb->arena, buf)) == NULL)
			return LDIFF_ENOMEM;
	} else if (strcmp(n, "lvlText") == 0) {
		if (!ld_xml_attr(x, LD_NS_W, "val", buf, sizeof buf))
			buf[0] = '\0';
		if ((l->text = ld_arena_strdup(c->nb->arena, buf)) == NULL)
			return LDIFF_ENOMEM;
	} else if (strcmp(n, "lvlRestart") == 0) {
		l->restart = attr_int(x, "val", -1);
	} else if (strcmp(n, "isLgl") == 0) {
		l->is_lgl = !ld_xml_attr(x, LD_NS_W, "val", buf, sizeof buf) ||
		    (strcmp(buf, "0") != 0 && strcmp(buf, "false") != 0 &&
		    strcmp(buf, "off") != 0);
	} else if (strcmp(n, "pPr") == 0 || strcmp(n, "rPr") == 0) {
		ld_xml_skip(x);
	}
	return 0;
}

static int
start_abs(struct parse_ctx *c, ld_xml *x)
{
	ld_numbering *nb = c->nb;
	struct abs *v = grow(nb->abs, &nb->capabs, nb->nabs, sizeof *v);

	if (v == NULL)
		return LDIFF_ENOMEM;
	nb->abs = v;
	c->a = &v[nb->nabs++];
	memset(c->a, 0, sizeof *c->a);
	c->a->id = attr_int(x, "abstractNumId", -1);
	return 0;
}

static int
start_num(struct parse_ctx *c, ld_xml *x)
{
	ld_numbering *nb = c->nb;
	struct num *v = grow(nb->num, &nb->capnum, nb->nnum, sizeof *v);

	if (v == NULL)
		return LDIFF_ENOMEM;
	nb->num = v;
	c->n = &v[nb->nnum++];
	memset(c->n, 0, sizeof *c->n);
	c->n->id = attr_int(x, "numId", -1);
	c->n->abs_id = -1;
	c->n->abs_ix = -1;
	return 0;
}

static int
on_start(struct parse_ctx *c, ld_xml *x, const char *n)
{
	char buf[256];

	if (c->l != NULL)
		return lvl_child(c, x, n);
	if (strcmp(n, "abstractNum") == 0)
		return start_abs(c, x);
	if (strcmp(n, "num") == 0)
		return start_num(c, x);
	if (strcmp(n, "lvl") == 0)
		return start_lvl(c, x);
	if (c->a != NULL && (strcmp(n, "numStyleLink") == 0) &&
	    ld_xml_attr(x, LD_NS_W, "val", buf, sizeof buf)) {
		c->a->num_style_link = ld_arena_strdup(c->nb->arena, buf);
		return c->a->num_style_link ? 0 : LDIFF_ENOMEM;
	}
	if (c->n == NULL)
		return 0;
	if (strcmp(n, "abstractNumId") == 0) {
		c->n->abs_id = attr_int(x, "val", -1);
	} else if (strcmp(n, "lvlOverride") == 0) {
		c->ovr_ilvl = attr_int(x, "ilvl", -1);
		if (c->ovr_ilvl >= NLVL)
			c->ovr_ilvl = -1;
	} else if (strcmp(n, "startOverride") == 0 && c->ovr_ilvl >= 0) {
		c->n->ovr[c->ovr_ilvl].has_start = 1;
		c->n->ovr[c->ovr_ilvl].start = attr_int(x, "val", 0);
	}
	return 0;
}

static void
on_end(struct parse_ctx *c, const char *n)
{
	if (strcmp(n, "lvl") == 0)
		c->l = NULL;
	else if (strcmp(n, "lvlOverride") == 0)
		c->ovr_ilvl = -1;
	else if (strcmp(n, "abstractNum") == 0)
		c->a = NULL;
	else if (strcmp(n, "num") == 0)
		c->n = NULL;
}

static int
parse(ld_numbering *nb, ld_xml *x, ldiff_error *err)
{
	struct parse_ctx c;
	int t, r;

	memset(&c, 0, sizeof c);
	c.nb = nb;
	c.ovr_ilvl = -1;
	while ((t = ld_xml_next(x, err)) > 0) {
		if (ld_xml_ns(x) != LD_NS_W)
			continue;
		if (t == LD_XML_END) {
			on_end(&c, ld_xml_name(x));
		} else if (t == LD_XML_START) {
			/* pointers into the arrays move when they grow */
			r = on_start(&c, x, ld_xml_name(x));
			if (r != 0)
				return ld_error(err, r, NULL);
		}
	}
	return t;
}

/* ---- resolution ------------------------------------------------------ */

static int
cmp_abs(const void *a, const void *b)
{
	const struct abs *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
cmp_num(const void *a, const void *b)
{
	const struct num *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static long
abs_index(const ld_numbering *nb, int id)
{
	struct abs key;
	const struct abs *f;

	key.id = id;
	f = nb->nabs ? bsearch(&key, nb->abs, nb->nabs, sizeof key, cmp_abs)
	    : NULL;
	return f ? f - nb->abs : -1;
}

static const struct num *
num_find(const ld_numbering *nb, int id)
{
	struct num key;

	key.id = id;
	return nb->nnum ? bsearch(&key, nb->num, nb->nnum, sizeof key,
	    cmp_num) : NULL;
}

/* An abstractNum that only says w:numStyleLink takes its levels from the
 * numbering style's num; follow such links a few hops. */
static long
resolve(const ld_numbering *nb, const ld_styles *st, int abs_id)
{
	long ix = abs_index(nb, abs_id);
	const struct num *n;
	int hops, nid;

	for (hops = 0; ix >= 0 && hops < MAX_LINK_HOPS; hops++) {
		if (nb->abs[ix].num_style_link == NULL)
			return ix;
		nid = ld_styles_style_numid(st, nb->abs[ix].num_style_link);
		if ((n = num_find(nb, nid)) == NULL)
			return ix;
		ix = abs_index(nb, n->abs_id);
	}
	return ix;
}

int
ld_numbering_load(ld_numbering **out, ld_pkg *p, const char *part,
    const ld_styles *st, ldiff_error *err)
{
	ld_numbering *nb;
	ld_xml *x = NULL;
	size_t i;
	int r = 0;

	*out = NULL;
	nb = ld_calloc(1, sizeof *nb);
	if (nb == NULL || (nb->arena = ld_arena_new()) == NULL) {
		ld_free(nb);
		return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	if (part != NULL && ld_pkg_has_part(p, part)) {
		r = ld_xml_open(&x, p, part, err);
		if (r == 0)
			r = parse(nb, x, err);
		ld_xml_close(x);
		if (r < 0) {
			ld_numbering_free(nb);
			return r;
		}
	}
	if (nb->nabs)
		qsort(nb->abs, nb->nabs, sizeof *nb->abs, cmp_abs);
	if (nb->nnum)
		qsort(nb->num, nb->nnum, sizeof *nb->num, cmp_num);
	for (i = 0; i < nb->nnum; i++)
		nb->num[i].abs_ix = resolve(nb, st, nb->num[i].abs_id);
	*out = nb;
	return 0;
}

void
ld_numbering_free(ld_numbering *nb)
{
	if (nb == NULL)
		return;
	ld_arena_free(nb->arena);
	ld_free(nb->abs);
	ld_free(nb->num);
	ld_free(nb);
}

/* ---- counters -------------------------------------------------------- */

ld_numstate *
ld_numstate_new(const ld_numbering *nb)
{
	ld_numstate *s = ld_calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	s->nb = nb;
	s->count = ld_calloc(nb->nabs * NLVL + 1, sizeof *s->count);
	s->started = ld_calloc(nb->nabs * NLVL + 1, 1);
	s->applied = ld_calloc(nb->nnum * NLVL + 1, 1);
	if (s->count == NULL || s->started == NULL || s->applied == NULL) {
		ld_numstate_free(s);
		return NULL;
	}
	return s;
}

void
ld_numstate_free(ld_numstate *s)
{
	if (s == NULL)
		return;
	ld_free(s->count);
	ld_free(s->started);
	ld_free(s->applied);
	ld_free(s);
}

static const struct lvl *
level_of(const ld_numbering *nb, const struct num *n, int i)
{
	if (n->ovr[i].has_lvl)
		return &n->ovr[i].lvl;
	if (n->abs_ix < 0)
		return NULL;
	return nb->abs[n->abs_ix].lvl[i].defined ?
	    &nb->abs[n->abs_ix].lvl[i] : NULL;
}

static void
count(ld_numstate *s, const struct num *n, int ilvl, const struct lvl *l)
{
	const ld_numbering *nb = s->nb;
	long base = n->abs_ix * NLVL;
	size_t ni = (size_t)(n - nb->num) * NLVL + (size_t)ilvl;
	const struct lvl *d;
	int j;

	if (n->ovr[ilvl].has_start && !s->applied[ni]) {
		s->applied[ni] = 1;
		s->count[base + ilvl] = n->ovr[ilvl].start;
	} else if (!s->started[base + ilvl]) {
		s->count[base + ilvl] = l->start;
	} else {
		s->count[base + ilvl]++;
	}
	s->started[base + ilvl] = 1;
	for (j = ilvl + 1; j < NLVL; j++) {
		d = level_of(nb, n, j);
		if (d == NULL || d->restart < 0 ||
		    (d->restart > 0 && ilvl < d->restart))
			s->started[base + j] = 0;
	}
}

/* Symbol and Wingdings bullets live in the Private Use Area. */
static int
bullet_char(ld_buf *b, int32_t cp)
{
	switch (cp) {
	case 0xF0B7: case 0xF06C: case 0xF09F:
		return ld_buf_adds(b, "\xe2\x80\xa2");	/* • */
	case 0xF0A7: case 0xF06E:
		return ld_buf_adds(b, "\xe2\x96\xaa");	/* ▪ */
	case 0xF0D8:
		return ld_buf_adds(b, "\xe2\x9e\xa2");	/* ➢ */
	case 0xF076:
		return ld_buf_adds(b, "\xe2\x9d\x96");	/* ❖ */
	case 0xF0FC:
		return ld_buf_adds(b, "\xe2\x9c\x93");	/* ✓ */
	case 0xF02D:
		return ld_buf_adds(b, "\xe2\x80\x93");	/* – */
	case 0xF0E8:
		return ld_buf_adds(b, "\xe2\x9e\x94");	/* ➔ */
	case 0xF071:
		return ld_buf_adds(b, "\xe2\x9d\x91");	/* ❑ */
	}
	if (cp >= 0xF000 && cp <= 0xF0FF)
		return ld_buf_adds(b, "\xe2\x80\xa2");
	return ld_utf8_encode(b, cp);
}

static int
render(ld_numstate *s, const struct num *n, int ilvl, const struct lvl *l,
    ld_buf *lab)
{
	const char *t = l->text, *end;
	long base = n->abs_ix * NLVL, v;
	const struct lvl *k;
	int32_t cp;
	size_t used;
	int j, r = 0;

	ld_buf_reset(lab);
	if (t == NULL)
		return 0;
	end = t + strlen(t);
	while (t < end && r == 0) {
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			j = t[1] - '1';
			k = level_of(s->nb, n, j);
			v = s->started[base + j] ? s->count[base + j] :
			    (k ? k->start : 1);
			if (k != NULL && strcmp(k->fmt, "bullet") == 0)
				;
			else if (l->is_lgl && j < ilvl)
				r = ld_num_format(lab, "decimal", v);
			else
				r = ld_num_format(lab, k ? k->fmt : "", v);
			t += 2;
			continue;
		}
		used = ld_utf8_decode(t, (size_t)(end - t), &cp);
		r = cp < 0 ? 0 : bullet_char(lab, cp);
		t += used;
	}
	return r;
}

int
ld_numstate_next(ld_numstate *s, int num_id, int ilvl, ld_buf *lab)
{
	const struct num *n;
	const struct lvl *l;

	ld_buf_reset(lab);
	if (num_id <= 0 || ilvl < 0 || ilvl >= NLVL)
		return 0;
	n = num_find(s->nb, num_id);
	if (n == NULL || n->abs_ix < 0 || (l = level_of(s->nb, n, ilvl)) ==
	    NULL)
		return 0;
	count(s, n, ilvl, l);
	if (render(s, n, ilvl, l, lab) != 0)
		return LDIFF_ENOMEM;
	return 1;
}

/* ---- number formats ---------------------------------------------------- */

static int
roman(ld_buf *b, long n, int upper)
{
	static const struct {
		int v;
		const char *s;
	} t[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" }
	};
	size_t i;
	const char *p;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		for (; n >= t[i].v; n -= t[i].v)
			for (p = t[i].s; *p; p++)
				ld_buf_addc(b, upper ? (char)(*p - 'a' + 'A') :
				    *p);
	return b->oom ? LDIFF_ENOMEM : 0;
}

/* Word's letters: a..z, then aa..zz, aaa.. (the letter repeated). */
static int
letters(ld_buf *b, long n, int upper)
{
	long reps = (n - 1) / 26 + 1, i;
	char c = (char)((upper ? 'A' : 'a') + (n - 1) % 26);

	if (reps > 64)
		reps = 64;
	for (i = 0; i < reps; i++)
		ld_buf_addc(b, c);
	return b->oom ? LDIFF_ENOMEM : 0;
}

int
ld_num_format(ld_buf *b, const char *fmt, long n)
{
	if (strcmp(fmt, "none") == 0 || strcmp(fmt, "bullet") == 0)
		return 0;
	if (n > 0 && strcmp(fmt, "lowerLetter") == 0)
		return letters(b, n, 0);
	if (n > 0 && strcmp(fmt, "upperLetter") == 0)
		return letters(b, n, 1);
	if (n > 0 && n < 4000 && strcmp(fmt, "lowerRoman") == 0)
		return roman(b, n, 0);
	if (n > 0 && n < 4000 && strcmp(fmt, "upperRoman") == 0)
		return roman(b, n, 1);
	if (n >= 0 && n < 10 && strcmp(fmt, "decimalZero") == 0)
		return ld_buf_printf(b, "0%ld", n);
	return ld_buf_printf(b, "%ld", n);
}
