/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clauses_io.c - the clause record stream: klsplit's output, kldiff's
 * input.
 *
 * The stream (TSV).  The first line is the version mark
 *
 *   #klausul-clauses 1
 *
 * then one clause per line, seven fields separated by TAB:
 *
 *   id  parent  kind  level  label  section  text
 *
 *   id       the clause's identity, unique in the stream (see clause.c):
 *            "4.2", "4.2 a)", "4.2/•3", "Bakgrund/¶2", "row:Umeå kommun",
 *            "fn:2", "4.2#s1"; never empty
 *   parent   the id of the enclosing clause or section, "" at the top
 *   kind     section, clause, item, bullet, row, note, sentence or other
 *   level    a decimal number 0..99 without leading zeros: the heading
 *            level of a section, the list level of a numbered clause,
 *            0 when the document gives none
 *   label    the number as the document shows it ("4.2.", "a)", "3 §"),
 *            or ""
 *   section  the heading text of the enclosing section (a section's own)
 *   text     the words without the label; for a row its cells joined by
 *            TAB (paragraphs inside one cell joined by LF)
 *
 * Every field escapes backslash, TAB, LF and CR as \\ \t \n \r and nothing
 * else (a row's cell separators are therefore "\t" in the stream), and is
 * UTF-8.  Reading a stream and writing it again gives the same bytes.  A
 * missing final newline is accepted; CRLF line ends are read as LF; empty
 * lines and lines starting with '#' after the mark are skipped (comments:
 * no id starts with '#', see clause.c).
 *
 * JSON Lines (--json): one object per line, no mark line, keys in this
 * order: {"id":"4.2","parent":"4","kind":"clause","level":2,"label":"4.2.",
 * "section":"Bakgrund","text":"..."}; a row also has "cells":["Umeå
 * kommun","3 275 000"].  Reading takes id, kind and text (required),
 * parent, level, label and section (optional) and ignores other keys.
 *
 * Plain (klsplit --plain): "id<TAB>text" per clause, LF and CR in the
 * text shown as spaces (a row keeps its TABs between cells).
 *
 * Sentences (klsplit --sentences --plain): the body's sentence records,
 * one per line, each after the label it carries, so that the lines hold
 * every character kltext --plain shows; see write_sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "clause/clause.h"

#define NFIELDS 7

/* ---- writing ------------------------------------------------------- */

static void
write_tsv(ld_buf *b, const ldiff_clause *c)
{
	ld_tsv_escape(b, c->id);
	ld_buf_addc(b, '\t');
	ld_tsv_escape(b, c->parent);
	/* Records are written by the million: no printf on this path. */
	ld_buf_addc(b, '\t');
	ld_buf_adds(b, ldiff_clause_kind_name(c->kind));
	ld_buf_addc(b, '\t');
	ld_buf_addint(b, c->level);
	ld_buf_addc(b, '\t');
	ld_tsv_escape(b, c->label);
	ld_buf_addc(b, '\t');
	ld_tsv_escape(b, c->section);
	ld_buf_addc(b, '\t');
	ld_tsv_escape(b, c->text);
	ld_buf_addc(b, '\n');
}

static void
write_cells(ld_buf *b, const ldiff_clause *c)
{
	size_t k;

	ld_buf_adds(b, ",\"cells\":[");
	for (k = 0; k < c->n_cells; k++) {
		if (k > 0)
			ld_buf_addc(b, ',');
		ld_json_string_n(b, c->text + c->cells[k].off,
		    c->cells[k].len);
	}
	ld_buf_addc(b, ']');
}

static void
write_json(ld_buf *b, const ldiff_clause *c)
{
	ld_json_member(b, "{\"id\":", c->id);
	ld_json_member(b, ",\"parent\":", c->parent);
	ld_buf_printf(b, ",\"kind\":\"%s\",\"level\":%d,\"label\":",
	    ldiff_clause_kind_name(c->kind), c->level);
	ld_json_string(b, c->label);
	ld_json_member(b, ",\"section\":", c->section);
	ld_json_member(b, ",\"text\":", c->text);
	if (c->kind == LDIFF_CL_ROW)
		write_cells(b, c);
	ld_buf_adds(b, "}\n");
}

static void
write_plain(ld_buf *b, const ldiff_clause *c)
{
	const char *s;

	ld_buf_adds(b, c->id);
	ld_buf_addc(b, '\t');
	for (s = c->text; *s != '\0'; s++)
		ld_buf_addc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
	ld_buf_addc(b, '\n');
}

/* Where the sentence view is: are the sentences that follow shown (their
 * clause is body text), and whose were the last ones shown. */
typedef struct sentence_view {
	int shown;
	const char *last;
} sentence_view;

/* LDIFF_FMT_SENTENCES: the sentences of the body, one per line, a label
 * in front of the first sentence of its clause (or alone when the
 * clause has no words), an empty line between clauses.  A sentence record
 * follows its clause, so the last other record says whose it is. */
static void
write_sentence(ld_buf *b, const ldiff_clause *c, sentence_view *v)
{
	const char *s;

	if (c->kind != LDIFF_CL_SENTENCE) {
		v->shown = ld_clause_in_body(c);
		return;
	}
	if (!v->shown)
		return;
	if (v->last != NULL && strcmp(v->last, c->parent) != 0)
		ld_buf_addc(b, '\n');
	v->last = c->parent;
	ld_buf_adds(b, c->label);
	if (c->label[0] != '\0' && c->text[0] != '\0')
		ld_buf_addc(b, ' ');
	for (s = c->text; *s != '\0'; s++)
		ld_buf_addc(b, *s == '\n' || *s == '\r' || *s == '\t' ? ' ' :
		    *s);
	ld_buf_addc(b, '\n');
}

struct clauses_view {
	const ldiff_clauses *c;
	ldiff_format fmt;
	sentence_view sv;
};

static void
write_one(ld_buf *b, size_t i, void *ctx)
{
	struct clauses_view *v = ctx;
	const ldiff_clause *cl = &v->c->cl[i];

	if (v->fmt == LDIFF_FMT_TSV)
		write_tsv(b, cl);
	else if (v->fmt == LDIFF_FMT_JSON)
		write_json(b, cl);
	else if (v->fmt == LDIFF_FMT_SENTENCES)
		write_sentence(b, cl, &v->sv);
	else
		write_plain(b, cl);
}

int
ldiff_clauses_write(const ldiff_clauses *c, FILE *out, ldiff_format fmt)
{
	struct clauses_view v = { c, fmt, { 0, NULL } };

	if (c == NULL || out == NULL)
		return LDIFF_EINVAL;
	return ld_write_records(out, fmt == LDIFF_FMT_TSV ? LD_CLAUSE_MARK :
	    NULL, c->n, write_one, &v);
}

/* ---- reading ------------------------------------------------------- */

/* A level as written: 0..99, no sign, no leading zero. */
static int
parse_level(const char *s, int *level)
{
	if (s[0] >= '0' && s[0] <= '9' && s[1] == '\0') {
		*level = s[0] - '0';
		return 0;
	}
	if (s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
	    s[2] == '\0') {
		*level = (s[0] - '0') * 10 + (s[1] - '0');
		return 0;
	}
	return -1;
}

typedef struct reader {
	ldiff_clauses *cs;
	ldiff_error *err;
	long line;
	/* ids seen: open addressing over the arena strings */
	const char **seen;
	size_t nseen, cap;
	int json;		/* the stream is JSON Lines */
} reader;

/* 1 if id is new (and now remembered), 0 if seen, <0 out of memory. */
static int
remember_id(reader *rd, const char *id)
{
	size_t i;

	if ((rd->nseen + 1) * 2 > rd->cap) {
		size_t cap = rd->cap ? rd->cap * 2 : 256, k;
		const char **v = ld_calloc(cap, sizeof *v);

		if (v == NULL)
			return LDIFF_ENOMEM;
		for (k = 0; k < rd->cap; k++) {
			if (rd->seen[k] == NULL)
				continue;
			i = ld_hash_str(rd->seen[k]) & (cap - 1);
			while (v[i] != NULL)
				i = (i + 1) & (cap - 1);
			v[i] = rd->seen[k];
		}
		ld_free(rd->seen);
		rd->seen = v;
		rd->cap = cap;
	}
	i = ld_hash_str(id) & (rd->cap - 1);
	while (rd->seen[i] != NULL) {
		if (strcmp(rd->seen[i], id) == 0)
			return 0;
		i = (i + 1) & (rd->cap - 1);
	}
	rd->seen[i] = id;
	rd->nseen++;
	return 1;
}

static int
bad(reader *rd, int code, const char *what, const char *val)
{
	if (val != NULL)
		return ld_error_line(rd->err, code, rd->line, "%s '%.40s'",
		    what, val);
	return ld_error_line(rd->err, code, rd->line, "%s", what);
}

/* Fill a new clause from its seven unescaped fields (id, parent, kind,
 * level, label, section, text). */
static int
add_record(reader *rd, char **f)
{
	const char **dst[] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	ldiff_clause *cl;
	int kind, level, code = 0, r;
	size_t i;

	if (f[0][0] == '\0')
		return bad(rd, LDIFF_ERECORD, _("empty clause id"), NULL);
	if ((kind = ld_clause_kind_from_name(f[2])) < 0)
		return bad(rd, LDIFF_ERECORD, _("unknown clause kind"), f[2]);
	if (parse_level(f[3], &level) != 0)
		return bad(rd, LDIFF_ERECORD, _("bad level"), f[3]);
	if ((cl = ld_clauses_add(rd->cs, &code)) == NULL) {
		if (code == LDIFF_ELIMIT)
			return ld_error_line(rd->err, code, rd->line,
			    _("more than %zu clauses (--max-clauses)"),
			    rd->cs->limits.max_clauses);
		return ld_error(rd->err, code, NULL);
	}
	cl->kind = (ldiff_clause_kind)kind;
	cl->level = level;
	dst[0] = &cl->id;
	dst[1] = &cl->parent;
	dst[4] = &cl->label;
	dst[5] = &cl->section;
	dst[6] = &cl->text;
	for (i = 0; i < NFIELDS; i++) {
		if (dst[i] == NULL)
			continue;
		*dst[i] = ld_arena_strdup(rd->cs->arena, f[i]);
		if (*dst[i] == NULL)
			return ld_error(rd->err, LDIFF_ENOMEM, NULL);
	}
	if (ld_clause_set_cells(rd->cs, cl) != 0 ||
	    (r = remember_id(rd, cl->id)) < 0)
		return ld_error(rd->err, LDIFF_ENOMEM, NULL);
	if (r == 0)
		return bad(rd, LDIFF_ERECORD, _("duplicate clause id"), f[0]);
	return 0;
}

static int
read_tsv_line(reader *rd, char *line)
{
	char *f[NFIELDS];
	size_t n;
	int r = ld_tsv_record(line, f, NFIELDS, NFIELDS, &n, rd->line,
	    rd->err);

	return r != 0 ? r : add_record(rd, f);
}

static int
read_json_line(reader *rd, char *line)
{
	static const char *const keys[NFIELDS] = { "id", "parent", "kind",
	    "level", "label", "section", "text" };
	ld_json_kv kv[16];
	char *f[NFIELDS];
	int n;
	/* id, kind and text required, level 0 when absent */
	int r = ld_json_record(line, kv, 16, keys, NFIELDS,
	    1u << 0 | 1u << 2 | 1u << 6, 3, f, &n, rd->line, rd->err);

	return r != 0 ? r : add_record(rd, f);
}

static int
check_mark(const char *l, size_t n, ldiff_error *err)
{
	if (n != strlen(LD_CLAUSE_MARK) || memcmp(l, LD_CLAUSE_MARK, n) != 0)
		return ld_error_line(err, LDIFF_ERECORD, 1, "%s",
		    _("not a clause stream version 1 (want '" LD_CLAUSE_MARK
		    "')"));
	return 0;
}

static int
read_line(void *ctx, char *line, long lineno)
{
	reader *rd = ctx;

	rd->line = lineno;
	return rd->json ? read_json_line(rd, line) : read_tsv_line(rd, line);
}

static int
read_stream(reader *rd, const char *data, size_t len, int json)
{
	ld_line_opts lo;

	memset(&lo, 0, sizeof lo);
	lo.max = rd->cs->limits.max_para_bytes;
	lo.skip_empty = 1;
	lo.skip_comments = !json;	/* in JSON such a line is an error */
	lo.utf8 = 1;
	lo.first = json ? NULL : check_mark;
	lo.line = read_line;
	rd->json = json;
	return ld_read_lines(data, len, len >= 3 &&
	    memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, &lo, rd, rd->err);
}

/* Append one record to ns (strings already in ns's arena). */
static int
copy_record(reader *rd, ldiff_clauses *ns, const ldiff_clause *c)
{
	ldiff_clause *d;
	int code = 0;

	if ((d = ld_clauses_add(ns, &code)) == NULL) {
		if (code == LDIFF_ELIMIT)
			return ld_error(rd->err, code,
			    _("more than %zu clauses (--max-clauses)"),
			    ns->limits.max_clauses);
		return ld_error(rd->err, code, NULL);
	}
	*d = *c;
	return 0;
}

/* The sentence records of clause c, after it (--sentences on a stream
 * that has none), made as the builder makes them (sentences.c). */
static int
add_sentences(reader *rd, ldiff_clauses *ns, const ldiff_clause *c)
{
	ldiff_clause s;
	ldiff_span *sp = NULL;
	size_t n = 0, k;
	int r;

	if ((r = ld_clause_sentences(c, &sp, &n)) != 0)
		return ld_error(rd->err, r,
		    _("clause %.40s: cannot split into sentences"), c->id);
	for (k = 0; k < n && r == 0; k++) {
		memset(&s, 0, sizeof s);
		s.kind = LDIFF_CL_SENTENCE;
		s.id = ld_arena_printf(ns->arena, "%s#s%zu", c->id, k + 1);
		s.parent = c->id;
		s.label = k == 0 ? c->label : "";	/* in front of the first */
		s.style_id = "";
		s.section = c->section;
		s.text = ld_arena_strndup(ns->arena, c->text + sp[k].off,
		    sp[k].len);
		if (s.id == NULL || s.text == NULL)
			r = ld_error(rd->err, LDIFF_ENOMEM, NULL);
		else if ((r = remember_id(rd, s.id)) <= 0)
			r = r < 0 ? ld_error(rd->err, LDIFF_ENOMEM, NULL) :
			    ld_error(rd->err, LDIFF_ERECORD, _("sentence id "
			    "'%.40s' is taken"), s.id);
		else
			r = copy_record(rd, ns, &s);
	}
	free(sp);
	return r;
}

/* A stream read with --sentences gets sentence records unless it has
 * some already.  The new set takes over the old one's arena. */
static int
with_sentences(reader *rd)
{
	ldiff_clauses *old = rd->cs, *ns = NULL;
	size_t i;
	int r;

	for (i = 0; i < old->n; i++)
		if (old->cl[i].kind == LDIFF_CL_SENTENCE)
			return 0;
	if ((r = ld_clauses_new(&ns, &old->limits)) != 0)
		return ld_error(rd->err, r, NULL);
	ld_arena_free(ns->arena);
	ns->arena = old->arena;
	for (i = 0, r = 0; i < old->n && r == 0; i++) {
		r = copy_record(rd, ns, &old->cl[i]);
		if (r == 0 && ld_clause_has_sentences(&old->cl[i]))
			r = add_sentences(rd, ns, &old->cl[i]);
	}
	if (r != 0) {
		ns->arena = NULL;	/* still old's */
		ldiff_clauses_free(ns);
		return r;
	}
	old->arena = NULL;
	ldiff_clauses_free(old);
	rd->cs = ns;
	return 0;
}

int
ldiff_clauses_from_records(ldiff_clauses **out, const char *data,
    size_t len, const ldiff_split_opts *o, ldiff_error *err)
{
	reader rd;
	size_t skip = 0;
	int r, json;

	*out = NULL;
	memset(&rd, 0, sizeof rd);
	rd.err = err;
	if (data == NULL)
		return ld_error(err, LDIFF_EINVAL, _("no data"));
	if (o != NULL && (r = ld_check_split_opts(o, err)) != 0)
		return r;
	if ((r = ld_clauses_new(&rd.cs, o != NULL ? &o->limits : NULL)) != 0)
		return ld_error(err, r, NULL);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	json = len > skip && data[skip] == '{';
	r = read_stream(&rd, data, len, json);
	if (r == 0 && o != NULL && o->sentences)
		r = with_sentences(&rd);
	ld_free(rd.seen);
	if (r != 0) {
		ldiff_clauses_free(rd.cs);
		return r;
	}
	*out = rd.cs;
	return 0;
}
