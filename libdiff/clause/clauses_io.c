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
	ld_buf_adds(b, "{\"id\":");
	ld_json_string(b, c->id);
	ld_buf_adds(b, ",\"parent\":");
	ld_json_string(b, c->parent);
	ld_buf_printf(b, ",\"kind\":\"%s\",\"level\":%d,\"label\":",
	    ldiff_clause_kind_name(c->kind), c->level);
	ld_json_string(b, c->label);
	ld_buf_adds(b, ",\"section\":");
	ld_json_string(b, c->section);
	ld_buf_adds(b, ",\"text\":");
	ld_json_string(b, c->text);
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

int
ldiff_clauses_write(const ldiff_clauses *c, FILE *out, ldiff_format fmt)
{
	sentence_view view = { 0, NULL };
	ld_buf b;
	size_t i;
	int r = 0;

	if (c == NULL || out == NULL)
		return LDIFF_EINVAL;
	ld_buf_init(&b);
	if (fmt == LDIFF_FMT_TSV)
		ld_buf_adds(&b, LD_CLAUSE_MARK "\n");
	for (i = 0; i < c->n && r == 0; i++) {
		if (fmt == LDIFF_FMT_TSV)
			write_tsv(&b, &c->cl[i]);
		else if (fmt == LDIFF_FMT_JSON)
			write_json(&b, &c->cl[i]);
		else if (fmt == LDIFF_FMT_SENTENCES)
			write_sentence(&b, &c->cl[i], &view);
		else
			write_plain(&b, &c->cl[i]);
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
	size_t n, i;

	n = ld_tsv_split(line, f, NFIELDS);
	if (n != NFIELDS || strchr(f[NFIELDS - 1], '\t') != NULL)
		return ld_error_line(rd->err, LDIFF_ERECORD, rd->line,
		    _("expected %d fields, found %zu"), NFIELDS,
		    n < NFIELDS ? n : n + 1);
	for (i = 0; i < NFIELDS; i++)
		if (ld_tsv_unescape(f[i]) != 0)
			return ld_error_line(rd->err, LDIFF_ERECORD, rd->line,
			    _("bad escape in field %zu"), i + 1);
	return add_record(rd, f);
}

static int
read_json_line(reader *rd, char *line)
{
	static const char *const keys[NFIELDS] = { "id", "parent", "kind",
	    "level", "label", "section", "text" };
	ld_json_kv kv[16];
	char *f[NFIELDS];
	int n, i;

	n = ld_json_parse_flat(line, kv, 16);
	if (n < 0)
		return bad(rd, LDIFF_ERECORD, _("malformed JSON record"),
		    NULL);
	for (i = 0; i < NFIELDS; i++) {
		const char *v = ld_json_get(kv, n, keys[i]);

		if (v == NULL && (i == 0 || i == 2 || i == 6))
			return ld_error_line(rd->err, LDIFF_ERECORD, rd->line,
			    _("JSON record without \"%s\""), keys[i]);
		f[i] = (char *)(v != NULL ? v : (i == 3 ? "0" : ""));
	}
	return add_record(rd, f);
}

static int
check_line(reader *rd, const char *l, size_t n, size_t max)
{
	if (n > max)
		return ld_error_line(rd->err, LDIFF_ELIMIT, rd->line,
		    _("line longer than %zu bytes (--max-paragraph)"), max);
	if (memchr(l, '\0', n) != NULL)
		return bad(rd, LDIFF_ERECORD, _("NUL byte in text"), NULL);
	if (ld_utf8_valid_prefix(l, n) != n)
		return ld_error_line(rd->err, LDIFF_EUTF8, rd->line,
		    _("invalid UTF-8 at byte %zu"),
		    ld_utf8_valid_prefix(l, n) + 1);
	return 0;
}

static int
read_stream(reader *rd, const char *data, size_t len, int json)
{
	size_t pos = 0, n;
	const char *l;
	ld_buf line;
	int r = 0;

	ld_buf_init(&line);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (r == 0 && ld_next_line(data, len, &pos, &l, &n)) {
		rd->line++;
		if (!json && rd->line == 1) {
			if (n != strlen(LD_CLAUSE_MARK) ||
			    memcmp(l, LD_CLAUSE_MARK, n) != 0)
				r = bad(rd, LDIFF_ERECORD, _("not a clause "
				    "stream version 1 (want '" LD_CLAUSE_MARK
				    "')"), NULL);
			continue;
		}
		if (n == 0 || (!json && l[0] == '#'))
			continue;	/* empty lines and comments */
		if ((r = check_line(rd, l, n, rd->cs->limits.max_para_bytes))
		    != 0)
			break;
		ld_buf_reset(&line);
		if ((r = ld_buf_add(&line, l, n)) != 0) {
			r = ld_error(rd->err, r, NULL);
			break;
		}
		r = json ? read_json_line(rd, line.data) :
		    read_tsv_line(rd, line.data);
	}
	ld_buf_free(&line);
	return r;
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
