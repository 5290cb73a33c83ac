/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * styles.c - styles.xml: what a paragraph style means for structure.
 *
 * A style is looked up by id in the library's string map.  What matters is
 * inherited along w:basedOn: the outline level (heading or not), the
 * numbering (w:numPr) and hidden text (w:rPr/w:vanish).  Chains are
 * walked at lookup time with a hop limit, so a cycle in basedOn (which
 * Word never writes, but a file can) ends the walk instead of looping.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docx/docx.h"

#define MAX_HOPS 32

struct style {
	const char *id, *name, *based_on;
	int is_para, outline;	/* outline -1: not set */
	int num_id, ilvl;	/* num_id -1: not set */
	int vanish;		/* -1: not set */
	int heading;		/* resolved once the table is built */
};

struct ld_styles {
	ld_arena *arena;
	struct style *v;
	size_t n, cap;
	ld_strmap *by_id;	/* id -> index in v */
	const char *default_para;
};

static int resolve_heading(const ld_styles *s, const struct style *st);

static const struct style *
find(const ld_styles *s, const char *id)
{
	uint32_t i;

	if (s == NULL || s->by_id == NULL || id == NULL || id[0] == '\0' ||
	    !ld_strmap_get(s->by_id, id, strlen(id), &i))
		return NULL;
	return &s->v[i];
}

static int
build_index(ld_styles *s)
{
	size_t i;

	if ((s->by_id = ld_strmap_new()) == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < s->n; i++) {
		const char *id = s->v[i].id;

		if (find(s, id) != NULL)
			continue;	/* first definition wins */
		if (!ld_strmap_put(s->by_id, id, strlen(id), (uint32_t)i))
			return LDIFF_ENOMEM;
	}
	return 0;
}

static struct style *
add_style(ld_styles *s)
{
	struct style *v;

	if (s->n == s->cap) {
		v = ld_grow(s->v, &s->cap, 64, sizeof *v);
		if (v == NULL)
			return NULL;
		s->v = v;
	}
	v = &s->v[s->n++];
	memset(v, 0, sizeof *v);
	v->id = v->name = v->based_on = "";
	v->outline = -1;
	v->num_id = -1;
	v->vanish = -1;
	return v;
}

/* Word stores some built-in names in lower case ("heading 1") but shows
 * them capitalised; do the same for the common ones. */
static const char *
display_name(ld_arena *a, const char *name)
{
	static const char *const builtin[] = {
		"heading ", "caption", "header", "footer", "footnote text",
		"endnote text", "annotation text", "title", "subtitle",
		"list bullet", "list number", "list", "index ", "normal",
		"table of figures", "footnote reference", "body text",
		"toc "
	};
	size_t i, n;
	char *s, *p;

	for (i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
		n = strlen(builtin[i]);
		if (strncmp(name, builtin[i], n) == 0)
			break;
	}
	if (i == sizeof builtin / sizeof builtin[0])
		return ld_arena_strdup(a, name);
	s = ld_arena_strdup(a, name);
	if (s == NULL)
		return NULL;
	if (strncmp(s, "toc ", 4) == 0) {
		memcpy(s, "TOC", 3);
		return s;
	}
	for (p = s; *p; p++)
		if ((p == s || p[-1] == ' ') && islower((unsigned char)*p))
			*p = (char)toupper((unsigned char)*p);
	return s;
}

/* Attribute w:val into the arena, or NULL when missing or no memory. */
static const char *
val_dup(ld_xml *x, ld_arena *a)
{
	char buf[512];

	if (!ld_xml_attr(x, LD_NS_W, "val", buf, sizeof buf))
		return NULL;
	return ld_arena_strdup(a, buf);
}

static int
int_attr(ld_xml *x, const char *name, int def)
{
	char buf[32];

	if (!ld_xml_attr(x, LD_NS_W, name, buf, sizeof buf))
		return def;
	return atoi(buf);
}

/* A toggle property: present means on unless w:val says off. */
static int
on_off(ld_xml *x)
{
	char buf[16];

	if (!ld_xml_attr(x, LD_NS_W, "val", buf, sizeof buf))
		return 1;
	return !(strcmp(buf, "0") == 0 || strcmp(buf, "false") == 0 ||
	    strcmp(buf, "off") == 0);
}

/* One element inside a w:style (its w:rPr included: w:vanish). */
static int
style_child(ld_styles *s, struct style *st, ld_xml *x, const char *n)
{
	const char *v;

	if (strcmp(n, "name") == 0 && (v = val_dup(x, s->arena)) != NULL) {
		st->name = display_name(s->arena, v);
		if (st->name == NULL)
			return LDIFF_ENOMEM;
	} else if (strcmp(n, "basedOn") == 0 &&
	    (v = val_dup(x, s->arena)) != NULL) {
		st->based_on = v;
	} else if (strcmp(n, "outlineLvl") == 0) {
		st->outline = int_attr(x, "val", 9);
	} else if (strcmp(n, "numId") == 0) {
		st->num_id = int_attr(x, "val", 0);
	} else if (strcmp(n, "ilvl") == 0) {
		st->ilvl = int_attr(x, "val", 0);
	} else if (strcmp(n, "vanish") == 0) {
		st->vanish = on_off(x);
	} else if (strcmp(n, "tblPr") == 0 || strcmp(n, "rPrChange") == 0 ||
	    strcmp(n, "tblStylePr") == 0 || strcmp(n, "pPrChange") == 0) {
		ld_xml_skip(x);
	}
	return 0;
}

static int
style_start(ld_styles *s, ld_xml *x, struct style **cur)
{
	char buf[512];
	struct style *st = add_style(s);

	if (st == NULL)
		return LDIFF_ENOMEM;
	if (ld_xml_attr(x, LD_NS_W, "styleId", buf, sizeof buf) &&
	    (st->id = ld_arena_strdup(s->arena, buf)) == NULL)
		return LDIFF_ENOMEM;
	st->name = st->id;
	st->is_para = !ld_xml_attr(x, LD_NS_W, "type", buf, sizeof buf) ||
	    strcmp(buf, "paragraph") == 0;
	if (st->is_para && s->default_para == NULL &&
	    ld_xml_attr(x, LD_NS_W, "default", buf, sizeof buf) &&
	    (strcmp(buf, "1") == 0 || strcmp(buf, "true") == 0 ||
	    strcmp(buf, "on") == 0))
		s->default_para = st->id;
	*cur = st;
	return 0;
}

static int
parse(ld_styles *s, ld_xml *x, ldiff_error *err)
{
	struct style *cur = NULL;
	int t, r;
	const char *n;

	while ((t = ld_xml_next(x, err)) > 0) {
		if (t == LD_XML_END && cur != NULL &&
		    ld_xml_ns(x) == LD_NS_W &&
		    strcmp(ld_xml_name(x), "style") == 0) {
			cur = NULL;
			continue;
		}
		if (t != LD_XML_START || ld_xml_ns(x) != LD_NS_W)
			continue;
		n = ld_xml_name(x);
		if (cur == NULL && strcmp(n, "style") == 0) {
			r = style_start(s, x, &cur);
		} else if (cur == NULL) {
			if (strcmp(n, "docDefaults") == 0 ||
			    strcmp(n, "latentStyles") == 0)
				ld_xml_skip(x);
			r = 0;
		} else {
			r = style_child(s, cur, x, n);
		}
		if (r != 0)
			return ld_error(err, r, NULL);
	}
	return t;
}

int
ld_styles_load(ld_styles **out, ld_pkg *p, const char *part,
    ldiff_error *err)
{
	ld_styles *s;
	ld_xml *x = NULL;
	size_t i;
	int r = 0;

	*out = NULL;
	s = ld_calloc(1, sizeof *s);
	if (s == NULL || (s->arena = ld_arena_new()) == NULL) {
		ld_free(s);
		return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	if (part != NULL && ld_pkg_has_part(p, part)) {
		r = ld_xml_open(&x, p, part, err);
		if (r == 0)
			r = parse(s, x, err);
		ld_xml_close(x);
		if (r < 0)
			goto out;
	}
	if (build_index(s) != 0) {
		r = ld_error(err, LDIFF_ENOMEM, NULL);
		goto out;
	}
	/* Headings are asked for every paragraph: resolve chains once. */
	for (i = 0; i < s->n; i++)
		s->v[i].heading = resolve_heading(s, &s->v[i]);
out:
	if (r < 0) {
		ld_styles_free(s);
		return r;
	}
	*out = s;
	return 0;
}

void
ld_styles_free(ld_styles *s)
{
	if (s == NULL)
		return;
	ld_arena_free(s->arena);
	ld_free(s->v);
	ld_strmap_free(s->by_id);
	ld_free(s);
}

const char *
ld_styles_default_para(const ld_styles *s)
{
	return s && s->default_para ? s->default_para : "";
}

const char *
ld_styles_name(const ld_styles *s, const char *id)
{
	const struct style *st = find(s, id);

	return st ? st->name : "";
}

static int
ci_prefix(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncasecmp(s, prefix, n) == 0 ? (int)n : 0;
}

/* "heading 3", "Heading3", "Rubrik 3", "Überschrift 3" -> 3, else 0. */
static int
builtin_heading(const char *s)
{
	static const char *const words[] = {
		"heading", "rubrik", "\303\234berschrift" /* Ü */, "titre",
		"kop", "overskrift", "otsikko", "titolo", "nag\xc5\x82\xc3\xb3wek"
	};
	size_t i;
	int n;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if ((n = ci_prefix(s, words[i])) == 0)
			continue;
		s += n;
		if (*s == ' ')
			s++;
		if (*s >= '1' && *s <= '9' && s[1] == '\0')
			return *s - '0';
		return 0;
	}
	return 0;
}

int
ld_styles_heading(const ld_styles *s, const char *id)
{
	const struct style *st = find(s, id);

	return st ? st->heading : 0;
}

static int
resolve_heading(const ld_styles *s, const struct style *st)
{
	int hops, h;

	for (hops = 0; st != NULL && hops < MAX_HOPS; hops++) {
		if (st->outline >= 0)
			return st->outline <= 8 ? st->outline + 1 : 0;
		if ((h = builtin_heading(st->id)) != 0 ||
		    (h = builtin_heading(st->name)) != 0)
			return h;
		st = find(s, st->based_on);
	}
	return 0;
}

int
ld_styles_numpr(const ld_styles *s, const char *id, int *num_id, int *ilvl)
{
	const struct style *st = find(s, id);
	int hops;

	for (hops = 0; st != NULL && hops < MAX_HOPS; hops++) {
		if (st->num_id >= 0) {
			*num_id = st->num_id;
			*ilvl = st->ilvl;
			return st->num_id > 0;
		}
		st = find(s, st->based_on);
	}
	return 0;
}

int
ld_styles_style_numid(const ld_styles *s, const char *id)
{
	int num = 0, lvl = 0;

	return ld_styles_numpr(s, id, &num, &lvl) ? num : 0;
}

int
ld_styles_vanish(const ld_styles *s, const char *id)
{
	const struct style *st = find(s, id);
	int hops;

	for (hops = 0; st != NULL && hops < MAX_HOPS; hops++) {
		if (st->vanish >= 0)
			return st->vanish;
		st = find(s, st->based_on);
	}
	return -1;
}
