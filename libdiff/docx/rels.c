/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rels.c - the relationships of an OPC package: which part is the main
 * document, and which are its styles, numbering, notes, headers.
 *
 * The idea: a .docx names its parts through relationships, never through
 * fixed paths, so everything past the zip is found here.  A .rels part is
 * XML like any other and is read through xmlread.c, which reads parts
 * through package.c: this file sits above both, so that the zip layer
 * never needs the XML reader.  External targets (hyperlinks, linked
 * files) are left out; targets are resolved against the source part's
 * folder into zip entry names.
 */
#include <string.h>

#include "docx/docx.h"

void
ld_rels_free(ld_rels *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		ld_free(r->v[i].type);
		ld_free(r->v[i].id);
		ld_free(r->v[i].target);
	}
	ld_free(r->v);
	r->v = NULL;
	r->n = 0;
}

const ld_rel *
ld_rels_by_type(const ld_rels *r, const char *type)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].type, type) == 0)
			return &r->v[i];
	return NULL;
}

const ld_rel *
ld_rels_by_id(const ld_rels *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].id, id) == 0)
			return &r->v[i];
	return NULL;
}

static char *
dup_str(const char *s, size_t n)
{
	char *p = ld_malloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* "word/_rels/document.xml.rels" for "word/document.xml". */
static char *
rels_name(const char *part)
{
	const char *slash = strrchr(part, '/');
	size_t dir = slash ? (size_t)(slash - part + 1) : 0;
	size_t n = strlen(part);
	char *s = ld_malloc(n + 16);

	if (s == NULL)
		return NULL;
	memcpy(s, part, dir);
	strcpy(s + dir, "_rels/");
	strcat(s, part + dir);
	strcat(s, ".rels");
	return s;
}

/* Resolve target against the folder of the source part; "..", "." and a
 * leading "/" handled; the result has no leading slash. */
static char *
resolve_target(const char *source, const char *target)
{
	const char *slash = strrchr(source, '/');
	size_t dir = slash ? (size_t)(slash - source + 1) : 0;
	char *s, *out;
	size_t n, i, o = 0;

	if (target[0] == '/') {
		dir = 0;
		target++;
	}
	n = dir + strlen(target);
	s = ld_malloc(n + 1);
	out = ld_malloc(n + 1);
	if (s == NULL || out == NULL) {
		ld_free(s);
		ld_free(out);
		return NULL;
	}
	memcpy(s, source, dir);
	strcpy(s + dir, target);
	for (i = 0; i < n;) {
		size_t seg = strcspn(s + i, "/");
		if (seg == 1 && s[i] == '.') {
			/* nothing */
		} else if (seg == 2 && s[i] == '.' && s[i + 1] == '.') {
			while (o > 0 && out[o - 1] == '/')
				o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else if (seg > 0) {
			memcpy(out + o, s + i, seg);
			o += seg;
			if (s[i + seg] == '/')
				out[o++] = '/';
		}
		i += seg + (s[i + seg] == '/');
	}
	out[o] = '\0';
	ld_free(s);
	return out;
}

static int
rel_add(ld_rels *r, const char *source, const char *type, const char *id,
    const char *target)
{
	const char *seg = strrchr(type, '/');
	ld_rel *v, *e;

	v = ld_reallocarray(r->v, r->n + 1, sizeof *v);
	if (v == NULL)
		return LDIFF_ENOMEM;
	r->v = v;
	e = &v[r->n];
	e->type = dup_str(seg ? seg + 1 : type, strlen(seg ? seg + 1 : type));
	e->id = dup_str(id, strlen(id));
	e->target = resolve_target(source, target);
	r->n++;
	if (e->type == NULL || e->id == NULL || e->target == NULL)
		return LDIFF_ENOMEM;
	return 0;
}

static int
read_rels(ld_xml *x, const char *part, ld_rels *out, ldiff_error *err)
{
	char type[512], id[256], target[1024], mode[32];
	int t;

	while ((t = ld_xml_next(x, err)) > 0) {
		if (t != LD_XML_START || ld_xml_ns(x) != LD_NS_PKGREL ||
		    strcmp(ld_xml_name(x), "Relationship") != 0)
			continue;
		if (!ld_xml_attr(x, LD_NS_OTHER, "Type", type, sizeof type) ||
		    !ld_xml_attr(x, LD_NS_OTHER, "Target", target,
		    sizeof target))
			continue;
		if (!ld_xml_attr(x, LD_NS_OTHER, "Id", id, sizeof id))
			id[0] = '\0';
		if (ld_xml_attr(x, LD_NS_OTHER, "TargetMode", mode,
		    sizeof mode) && strcmp(mode, "External") == 0)
			continue;
		if (rel_add(out, part, type, id, target) != 0)
			return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	return t;
}

int
ld_pkg_rels(ld_pkg *p, const char *part, ld_rels *out, ldiff_error *err)
{
	char *name;
	ld_xml *x = NULL;
	int r;

	out->v = NULL;
	out->n = 0;
	name = part[0] ? rels_name(part) : dup_str("_rels/.rels", 11);
	if (name == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	if (!ld_pkg_has_part(p, name)) {
		ld_free(name);
		return 0;
	}
	r = ld_xml_open(&x, p, name, err);
	if (r == 0)
		r = read_rels(x, part, out, err);
	ld_xml_close(x);
	ld_free(name);
	if (r < 0)
		ld_rels_free(out);
	return r < 0 ? r : 0;
}
