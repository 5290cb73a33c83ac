/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * recset.c - what the paragraph container (docx/doc.c) and the clause set
 * (clause/clauses.c, clause/clauses_io.c) share: an arena and a growing
 * array under a limit, record kinds by name, and the record streams'
 * writing and reading loops.
 *
 * The idea: the two containers are the same thing holding different
 * records, so they grow, check their limit, write and read their lines
 * with one piece of code; each keeps only what its records say.
 */
#include <stdio.h>
#include <string.h>

#include "util/util.h"

int
ld_set_init(ld_arena **arena, ldiff_limits *limits, const ldiff_limits *lim)
{
	if ((*arena = ld_arena_new()) == NULL)
		return LDIFF_ENOMEM;
	if (lim != NULL)
		*limits = *lim;
	else
		ldiff_limits_init(limits);
	return 0;
}

void *
ld_set_append(void *v, size_t *n, size_t *cap, size_t max, size_t size,
    void **grown, int *code)
{
	char *p = v;

	if (*n >= max) {
		*code = LDIFF_ELIMIT;
		return NULL;
	}
	if (*n == *cap) {
		if ((p = ld_grow(v, cap, 64, size)) == NULL) {
			*code = LDIFF_ENOMEM;
			return NULL;
		}
		*grown = p;
	}
	p += (*n)++ * size;
	memset(p, 0, size);
	return p;
}

int
ld_name_index(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

int
ld_write_records(FILE *out, const char *mark, size_t n,
    void (*one)(ld_buf *b, size_t i, void *ctx), void *ctx)
{
	ld_buf b;
	size_t i;
	int r = 0;

	ld_buf_init(&b);
	if (mark != NULL) {
		ld_buf_adds(&b, mark);
		ld_buf_addc(&b, '\n');
	}
	for (i = 0; i < n && r == 0; i++) {
		one(&b, i, ctx);
		if (b.oom)
			r = LDIFF_ENOMEM;
		else if (b.len >= 1 << 16) {
			r = ld_fwrite_all(out, b.data, b.len);
			ld_buf_reset(&b);
		}
	}
	if (r == 0 && b.oom)
		r = LDIFF_ENOMEM;
	if (r == 0 && b.len > 0)
		r = ld_fwrite_all(out, b.data, b.len);
	ld_buf_free(&b);
	return r;
}

int
ld_tsv_record(char *line, char **f, size_t min, size_t max, size_t *n,
    long lineno, ldiff_error *err)
{
	size_t i;

	*n = ld_tsv_split(line, f, max);
	if (*n < min || strchr(f[*n - 1], '\t') != NULL)
		return ld_error_line(err, LDIFF_ERECORD, lineno,
		    _("expected %d fields, found %zu"), (int)min,
		    *n < min ? *n : *n + 1);
	for (i = 0; i < *n; i++)
		if (ld_tsv_unescape(f[i]) != 0)
			return ld_error_line(err, LDIFF_ERECORD, lineno,
			    _("bad escape in field %zu"), i + 1);
	return 0;
}

int
ld_json_record(char *line, ld_json_kv *kv, int max, const char *const *keys,
    size_t nkeys, unsigned required, size_t zero, char **f, int *n,
    long lineno, ldiff_error *err)
{
	size_t i;

	if ((*n = ld_json_parse_flat(line, kv, max)) < 0)
		return ld_error_line(err, LDIFF_ERECORD, lineno, "%s",
		    _("malformed JSON record"));
	for (i = 0; i < nkeys; i++) {
		const char *v = ld_json_get(kv, *n, keys[i]);

		if (v == NULL && (required & 1u << i))
			return ld_error_line(err, LDIFF_ERECORD, lineno,
			    _("JSON record without \"%s\""), keys[i]);
		f[i] = (char *)(v != NULL ? v : i == zero ? "0" : "");
	}
	return 0;
}

int
ld_read_lines(const char *data, size_t len, size_t pos,
    const ld_line_opts *o, void *ctx, ldiff_error *err)
{
	size_t n;
	const char *l;
	ld_buf line;
	long lineno = 0;
	int r = 0;

	ld_buf_init(&line);
	while (r == 0 && ld_next_line(data, len, &pos, &l, &n)) {
		lineno++;
		if (lineno == 1 && o->first != NULL) {
			r = o->first(l, n, err);
			continue;
		}
		if ((o->skip_empty && n == 0) ||
		    (o->skip_comments && n > 0 && l[0] == '#'))
			continue;
		if (n > o->max)
			r = ld_error_line(err, LDIFF_ELIMIT, lineno,
			    _("line longer than %zu bytes (--max-paragraph)"),
			    o->max);
		else if (memchr(l, '\0', n) != NULL)
			r = ld_error_line(err, LDIFF_ERECORD, lineno, "%s",
			    _("NUL byte in text"));
		else if (o->utf8 && ld_utf8_valid_prefix(l, n) != n)
			r = ld_error_line(err, LDIFF_EUTF8, lineno,
			    _("invalid UTF-8 at byte %zu"),
			    ld_utf8_valid_prefix(l, n) + 1);
		else if ((r = ld_buf_add(&line, l, n)) != 0)
			r = ld_error(err, r, NULL);
		else
			r = o->line(ctx, line.data, lineno);
		ld_buf_reset(&line);
	}
	ld_buf_free(&line);
	return r;
}
