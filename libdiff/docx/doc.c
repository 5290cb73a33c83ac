/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * doc.c - a document's paragraphs, and the paragraph record stream.
 *
 * The stream is kltext's output and klsplit's input.  Its first line is
 * the version mark "#klausul-paragraphs 1"; then one paragraph per line,
 * eight TAB-separated fields and an optional ninth:
 *
 *   kind  level  label  style  where  refs  flags  text  [extra]
 *
 * extra is written only when it is not empty, so that a document with no
 * revisions, notes or hidden text gives the stream older readers know.  It
 * is a list of key=value items separated by ';' (see write_extra):
 * note=MARK, hidden=N, ref=OFFSET,MARK (a note reference in the text),
 * and KIND=AUTHOR,DATE for each revision (ins, del, movefrom, moveto,
 * ins-mark, del-mark, comment); '%', ';', ',' and '=' in a value are
 * written %25, %3B, %2C and %3D.
 *
 * kind is heading, paragraph, item, cell, footnote, endnote, comment,
 * header or footer; level a decimal number; flags a comma-separated list
 * of ins, del, movefrom, moveto, rev (or empty).  Text fields escape \\,
 * \t, \n and \r and nothing else, so the stream is lossless: reading it
 * and writing it again gives the same bytes.  Lines starting with '#'
 * after the mark are comments.  The JSON Lines form carries the same
 * fields as one object per line, with no mark.
 *
 * Plain text (no mark, not JSON) is read as one paragraph per line.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "docx/doc.h"

#define NFIELDS 8
#define MAXFIELDS 9

static const char *const kind_names[] = {
	"heading", "paragraph", "item", "cell", "footnote", "endnote",
	"comment", "header", "footer"
};

static const struct {
	unsigned flag;
	const char *name;
} flag_names[] = {
	{ LDIFF_PF_INSERTED, "ins" },
	{ LDIFF_PF_DELETED, "del" },
	{ LDIFF_PF_MOVED_FROM, "movefrom" },
	{ LDIFF_PF_MOVED_TO, "moveto" },
	{ LDIFF_PF_HAS_REVISIONS, "rev" },
};

#define NKINDS (sizeof kind_names / sizeof kind_names[0])
#define NFLAGS (sizeof flag_names / sizeof flag_names[0])

const char *
ldiff_para_kind_name(ldiff_para_kind k)
{
	if ((unsigned)k < NKINDS)
		return kind_names[k];
	return "paragraph";
}

int
ld_para_kind_from_name(const char *name)
{
	return ld_name_index(kind_names, NKINDS, name);
}

void
ldiff_extract_opts_init(ldiff_extract_opts *o)
{
	o->version = LDIFF_EXTRACT_OPTS_VERSION;
	o->changes = LDIFF_CHANGES_ACCEPT;
	ldiff_limits_init(&o->limits);
	o->authors = 0;
}

/* Version 1 is every field there is: nothing newer to leave unread. */
int
ld_check_extract_opts(const ldiff_extract_opts *o, ldiff_error *err)
{
	int r = ld_check_version(err, "ldiff_extract_opts", o->version,
	    LDIFF_EXTRACT_OPTS_VERSION);

	return r != 0 ? r : ld_check_limits(&o->limits, err);
}

int
ld_doc_new(ldiff_doc **out, const ldiff_limits *lim)
{
	ldiff_doc *d = ld_calloc(1, sizeof *d);

	*out = NULL;
	if (d == NULL)
		return LDIFF_ENOMEM;
	if (ld_set_init(&d->arena, &d->limits, lim) != 0) {
		ld_free(d);
		return LDIFF_ENOMEM;
	}
	*out = d;
	return 0;
}

ldiff_para *
ld_doc_add(ldiff_doc *d, int *code)
{
	void *grown = d->paras;
	ldiff_para *p = ld_set_append(d->paras, &d->n, &d->cap,
	    d->limits.max_paras, sizeof *p, &grown, code);

	d->paras = grown;
	if (p == NULL)
		return NULL;
	p->kind = LDIFF_PARA_PARAGRAPH;
	p->label = p->style = p->where = p->refs = p->text = "";
	p->style_id = p->note = "";
	return p;
}

int
ld_doc_warn(ldiff_doc *d, const char *fmt, ...)
{
	char msg[512];
	const char **v;
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (i = 0; i < d->nwarn; i++)
		if (strcmp(d->warnings[i], msg) == 0)
			return 0;	/* said once is enough */
	if (d->nwarn == d->capwarn) {
		v = ld_grow(d->warnings, &d->capwarn, 4, sizeof *v);
		if (v == NULL)
			return LDIFF_ENOMEM;
		d->warnings = v;
	}
	if ((d->warnings[d->nwarn] = ld_arena_strdup(d->arena, msg)) == NULL)
		return LDIFF_ENOMEM;
	d->nwarn++;
	return 0;
}

size_t
ldiff_doc_warning_count(const ldiff_doc *d)
{
	return d != NULL ? d->nwarn : 0;
}

const char *
ldiff_doc_warning(const ldiff_doc *d, size_t i)
{
	return d != NULL && i < d->nwarn ? d->warnings[i] : NULL;
}

size_t
ldiff_doc_count(const ldiff_doc *d)
{
	return d != NULL ? d->n : 0;
}

const ldiff_para *
ldiff_doc_para(const ldiff_doc *d, size_t i)
{
	return d != NULL && i < d->n ? &d->paras[i] : NULL;
}

void
ldiff_doc_free(ldiff_doc *d)
{
	if (d == NULL)
		return;
	ld_arena_free(d->arena);
	ld_free(d->paras);
	ld_free(d->warnings);
	ld_free(d);
	/* a document is the largest thing the library frees, often in a
	 * thread of its own: the comparison after it should not start
	 * with that memory stranded in the thread's arena */
	ld_trim_freed_memory();
}

/* ---- writing ------------------------------------------------------- */

static void
flags_text(ld_buf *b, unsigned flags)
{
	size_t i, first = 1;

	for (i = 0; i < NFLAGS; i++) {
		if (!(flags & flag_names[i].flag))
			continue;
		if (!first)
			ld_buf_addc(b, ',');
		ld_buf_adds(b, flag_names[i].name);
		first = 0;
	}
}

/* A value of the extra field, its separators escaped. */
static void
extra_value(ld_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == ';' || *s == ',' || *s == '=')
			ld_buf_printf(b, "%%%02X", (unsigned char)*s);
		else
			ld_buf_addc(b, *s);
	}
}

static void
extra_sep(ld_buf *b, size_t start)
{
	if (b->len > start)
		ld_buf_addc(b, ';');
}

/* The ninth field (see the top of this file); nothing when empty. */
static void
write_extra(ld_buf *b, const ldiff_para *p)
{
	size_t start = b->len, i;

	if (p->note[0] != '\0') {
		ld_buf_adds(b, "note=");
		extra_value(b, p->note);
	}
	if (p->hidden_chars > 0) {
		extra_sep(b, start);
		ld_buf_printf(b, "hidden=%zu", p->hidden_chars);
	}
	for (i = 0; i < p->n_note_refs; i++) {
		extra_sep(b, start);
		ld_buf_printf(b, "ref=%zu,", p->note_refs[i].off);
		extra_value(b, p->note_refs[i].mark);
	}
	for (i = 0; i < p->n_revs; i++) {
		extra_sep(b, start);
		ld_buf_adds(b, p->revs[i].kind);
		ld_buf_addc(b, '=');
		extra_value(b, p->revs[i].author);
		ld_buf_addc(b, ',');
		extra_value(b, p->revs[i].date);
	}
}

static void
write_tsv(ld_buf *b, const ldiff_para *p)
{
	ld_buf extra;

	const char *fields[] = { p->label, p->style, p->where, p->refs };
	size_t i;

	ld_buf_adds(b, ldiff_para_kind_name(p->kind));
	ld_buf_addc(b, '\t');
	ld_buf_addint(b, p->level);
	ld_buf_addc(b, '\t');
	for (i = 0; i < 4; i++) {
		ld_tsv_escape(b, fields[i]);
		ld_buf_addc(b, '\t');
	}
	flags_text(b, p->flags);
	ld_buf_addc(b, '\t');
	ld_tsv_escape(b, p->text);
	ld_buf_init(&extra);
	write_extra(&extra, p);
	if (extra.len > 0) {
		ld_buf_addc(b, '\t');
		ld_tsv_escape(b, ld_buf_str(&extra));
	}
	if (extra.oom)
		b->oom = 1;
	ld_buf_free(&extra);
	ld_buf_addc(b, '\n');
}

static void
json_extra(ld_buf *b, const ldiff_para *p)
{
	size_t i;

	ld_json_member(b, ",\"note\":", p->note);
	ld_buf_adds(b, ",\"note_refs\":[");
	for (i = 0; i < p->n_note_refs; i++) {
		ld_buf_printf(b, "%s{\"at\":%zu,\"mark\":", i ? "," : "",
		    p->note_refs[i].off);
		ld_json_string(b, p->note_refs[i].mark);
		ld_buf_addc(b, '}');
	}
	ld_buf_printf(b, "],\"hidden_chars\":%zu,\"revisions\":[",
	    p->hidden_chars);
	for (i = 0; i < p->n_revs; i++) {
		ld_buf_adds(b, i ? ",{\"kind\":" : "{\"kind\":");
		ld_json_string(b, p->revs[i].kind);
		ld_json_member(b, ",\"author\":", p->revs[i].author);
		ld_json_member(b, ",\"date\":", p->revs[i].date);
		ld_buf_addc(b, '}');
	}
	ld_buf_addc(b, ']');
}

static void
write_json(ld_buf *b, const ldiff_para *p)
{
	ld_buf flags;

	ld_buf_init(&flags);
	flags_text(&flags, p->flags);
	ld_buf_printf(b, "{\"kind\":\"%s\",\"level\":%d,\"label\":",
	    ldiff_para_kind_name(p->kind), p->level);
	ld_json_string(b, p->label);
	ld_json_member(b, ",\"style\":", p->style);
	ld_json_member(b, ",\"where\":", p->where);
	ld_json_member(b, ",\"refs\":", p->refs);
	ld_json_member(b, ",\"flags\":", ld_buf_str(&flags));
	ld_json_member(b, ",\"text\":", p->text);
	json_extra(b, p);
	ld_buf_adds(b, "}\n");
	if (flags.oom)
		b->oom = 1;
	ld_buf_free(&flags);
}

static int
plain_wanted(const ldiff_para *p, unsigned plain_flags)
{
	switch (p->kind) {
	case LDIFF_PARA_FOOTNOTE:
	case LDIFF_PARA_ENDNOTE:
		return (plain_flags & LDIFF_PLAIN_NOTES) != 0;
	case LDIFF_PARA_COMMENT:
		return (plain_flags & LDIFF_PLAIN_COMMENTS) != 0;
	case LDIFF_PARA_HEADER:
	case LDIFF_PARA_FOOTER:
		return (plain_flags & LDIFF_PLAIN_HEADERS) != 0;
	default:
		return 1;
	}
}

/* The comment's author and day ("Anna Berg, 2024-03-01: "), before the
 * first paragraph of a comment. */
static void
comment_byline(ld_buf *b, const ldiff_para *p)
{
	size_t i;

	for (i = 0; i < p->n_revs; i++) {
		const ldiff_revision *r = &p->revs[i];

		if (strcmp(r->kind, "comment") != 0 ||
		    (r->author[0] == '\0' && r->date[0] == '\0'))
			continue;
		ld_buf_adds(b, r->author);
		if (r->author[0] != '\0' && r->date[0] != '\0')
			ld_buf_adds(b, ", ");
		ld_buf_add(b, r->date, strcspn(r->date, "T"));
		ld_buf_adds(b, ": ");
		return;
	}
}

/* Where a note or the like is introduced: a note by the mark the reader
 * sees ("[footnote 2] "), else by its place ("[fn:3] ", "[cm:0] "). */
static void
plain_prefix(ld_buf *b, const ldiff_para *p, const ldiff_para *prev)
{
	switch (p->kind) {
	case LDIFF_PARA_FOOTNOTE:
	case LDIFF_PARA_ENDNOTE:
		if (p->note[0] != '\0')
			ld_buf_printf(b, "[%s %s] ", p->kind ==
			    LDIFF_PARA_FOOTNOTE ? "footnote" : "endnote",
			    p->note);
		else
			ld_buf_printf(b, "[%s] ", p->where);
		break;
	case LDIFF_PARA_COMMENT:
		ld_buf_printf(b, "[%s] ", p->where);
		if (prev == NULL || prev->kind != LDIFF_PARA_COMMENT ||
		    strcmp(prev->where, p->where) != 0)
			comment_byline(b, p);
		break;
	case LDIFF_PARA_HEADER:
	case LDIFF_PARA_FOOTER:
		ld_buf_printf(b, "[%s] ", p->where);
		break;
	default:
		break;
	}
}

/* The text with the note marks where LibreOffice shows them
 * ("Ouch1.2"). */
static void
plain_text(ld_buf *b, const ldiff_para *p)
{
	size_t at = 0, len = strlen(p->text), i;

	for (i = 0; i < p->n_note_refs; i++) {
		size_t off = p->note_refs[i].off;

		if (off < at || off > len)
			continue;
		ld_buf_add(b, p->text + at, off - at);
		ld_buf_adds(b, p->note_refs[i].mark);
		at = off;
	}
	ld_buf_adds(b, p->text + at);
}

/* What a person reads, shaped like LibreOffice's Text export: the list
 * label, a space, the text; notes and the like only when asked for,
 * introduced by their mark or place. */
static void
write_plain(ld_buf *b, const ldiff_para *p, const ldiff_para *prev)
{
	plain_prefix(b, p, prev);
	if (p->label[0] != '\0') {
		ld_buf_adds(b, p->label);
		ld_buf_addc(b, ' ');
	}
	plain_text(b, p);
	ld_buf_addc(b, '\n');
}

struct doc_view {
	const ldiff_doc *d;
	ldiff_format fmt;
	unsigned plain_flags;
	const ldiff_para *prev;	/* plain: the paragraph shown last */
};

static void
write_one(ld_buf *b, size_t i, void *ctx)
{
	struct doc_view *v = ctx;
	const ldiff_para *p = &v->d->paras[i];

	if (v->fmt == LDIFF_FMT_TSV)
		write_tsv(b, p);
	else if (v->fmt == LDIFF_FMT_JSON)
		write_json(b, p);
	else if (plain_wanted(p, v->plain_flags)) {
		write_plain(b, p, v->prev);
		v->prev = p;
	}
}

int
ldiff_doc_write(const ldiff_doc *d, FILE *out, ldiff_format fmt,
    unsigned plain_flags)
{
	struct doc_view v = { d, fmt, plain_flags, NULL };

	return ld_write_records(out, fmt == LDIFF_FMT_TSV ? LD_PARA_MARK :
	    NULL, d->n, write_one, &v);
}

/* ---- reading ------------------------------------------------------- */

static int
parse_level(const char *s, int *level)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0 || v > 99)
		return -1;
	*level = (int)v;
	return 0;
}

static int
parse_flags(const char *s, unsigned *flags)
{
	*flags = 0;
	while (*s != '\0') {
		size_t n = strcspn(s, ","), i;

		for (i = 0; i < NFLAGS; i++)
			if (strlen(flag_names[i].name) == n &&
			    strncmp(flag_names[i].name, s, n) == 0)
				break;
		if (i == NFLAGS)
			return -1;
		*flags |= flag_names[i].flag;
		s += n;
		if (*s == ',')
			s++;
	}
	return 0;
}

/* Copy a field into the arena as NFC, checking UTF-8. */
static int
take_text(ldiff_doc *d, const char *s, const char **dst, long line,
    ldiff_error *err)
{
	size_t n = strlen(s);
	char *t;

	if (ld_utf8_valid_prefix(s, n) != n)
		return ld_error_line(err, LDIFF_EUTF8, line,
		    _("invalid UTF-8"));
	t = ld_utf8_nfc(d->arena, s, n);
	if (t == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	*dst = t;
	return 0;
}

/* Fill p from the eight unescaped fields of a record. */
static int
fill_para(ldiff_doc *d, ldiff_para *p, char **f, long line,
    ldiff_error *err)
{
	int kind = ld_para_kind_from_name(f[0]);
	const char **dst[] = { &p->label, &p->style, &p->where, &p->refs };
	size_t i;
	int r;

	if (kind < 0)
		return ld_error_line(err, LDIFF_ERECORD, line,
		    _("unknown paragraph kind '%.40s'"), f[0]);
	p->kind = (ldiff_para_kind)kind;
	if (parse_level(f[1], &p->level) != 0)
		return ld_error_line(err, LDIFF_ERECORD, line,
		    _("bad level '%.40s'"), f[1]);
	for (i = 0; i < 4; i++)
		if ((r = take_text(d, f[2 + i], dst[i], line, err)) != 0)
			return r;
	if (parse_flags(f[6], &p->flags) != 0)
		return ld_error_line(err, LDIFF_ERECORD, line,
		    _("bad flags '%.40s'"), f[6]);
	return take_text(d, f[7], &p->text, line, err);
}

/* Undo extra_value's escapes in place. */
static int
unpercent(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		unsigned v;

		if (*s != '%') {
			*w++ = *s;
			continue;
		}
		if (sscanf(s + 1, "%2x", &v) != 1 || v == 0 || s[1] == '\0' ||
		    s[2] == '\0')
			return -1;
		*w++ = (char)v;
		s += 2;
	}
	*w = '\0';
	return 0;
}

static const char *const rev_kinds[] = {
	"ins", "del", "movefrom", "moveto", "ins-mark", "del-mark", "comment"
};

static const char *
rev_kind(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof rev_kinds / sizeof rev_kinds[0]; i++)
		if (strcmp(rev_kinds[i], s) == 0)
			return rev_kinds[i];
	return NULL;
}

/* Room for n note references and n revisions in the arena. */
static int
extra_arrays(ldiff_doc *d, ldiff_para *p, size_t n)
{
	ldiff_note_ref *refs = ld_arena_alloc(d->arena, n * sizeof *refs);
	ldiff_revision *revs = ld_arena_alloc(d->arena, n * sizeof *revs);

	if (refs == NULL || revs == NULL)
		return LDIFF_ENOMEM;
	p->note_refs = refs;
	p->revs = revs;
	return 0;
}

static int
add_note_ref(ldiff_doc *d, ldiff_para *p, size_t off, const char *mark,
    long line, ldiff_error *err)
{
	ldiff_note_ref *r = (ldiff_note_ref *)&p->note_refs[p->n_note_refs];
	int code;

	r->off = off;
	if ((code = take_text(d, mark, &r->mark, line, err)) == 0)
		p->n_note_refs++;
	return code;
}

static int
add_rev(ldiff_doc *d, ldiff_para *p, const char *kind, const char *author,
    const char *date, long line, ldiff_error *err)
{
	ldiff_revision *r = (ldiff_revision *)&p->revs[p->n_revs];
	int code;

	r->kind = kind;
	if ((code = take_text(d, author, &r->author, line, err)) == 0 &&
	    (code = take_text(d, date, &r->date, line, err)) == 0)
		p->n_revs++;
	return code;
}

/* One key=value item of the extra field; unknown keys are left for a
 * newer reader. */
static int
extra_item(ldiff_doc *d, ldiff_para *p, char *item, long line,
    ldiff_error *err)
{
	char *val = strchr(item, '='), *second, *end;
	const char *kind;

	if (val == NULL)
		goto bad;
	*val++ = '\0';
	second = strchr(val, ',');
	if (second != NULL)
		*second++ = '\0';
	if (unpercent(val) != 0 || (second && unpercent(second) != 0))
		goto bad;
	if (strcmp(item, "note") == 0)
		return take_text(d, val, &p->note, line, err);
	if (strcmp(item, "hidden") == 0) {
		errno = 0;
		p->hidden_chars = (size_t)strtoull(val, &end, 10);
		if (errno != 0 || *end != '\0' || end == val)
			goto bad;
		return 0;
	}
	if (strcmp(item, "ref") == 0 && second != NULL) {
		size_t off = (size_t)strtoull(val, &end, 10);

		if (*end != '\0' || end == val)
			goto bad;
		return add_note_ref(d, p, off, second, line, err);
	}
	if ((kind = rev_kind(item)) != NULL)
		return add_rev(d, p, kind, val, second ? second : "", line,
		    err);
	return 0;
bad:
	return ld_error_line(err, LDIFF_ERECORD, line,
	    _("bad item '%.40s' in the ninth field"), item);
}

static int
read_extra(ldiff_doc *d, ldiff_para *p, char *f, long line,
    ldiff_error *err)
{
	size_t n = 1;
	char *s, *next;
	int r = 0;

	for (s = f; *s != '\0'; s++)
		n += *s == ';';
	if (extra_arrays(d, p, n) != 0)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	for (s = f; r == 0 && s != NULL && *s != '\0'; s = next) {
		if ((next = strchr(s, ';')) != NULL)
			*next++ = '\0';
		r = extra_item(d, p, s, line, err);
	}
	return r;
}

/* The objects of a JSON array of flat objects, one by one: *pos moves
 * past each; returns the object's text (NUL-terminated in place) or
 * NULL at the end. */
static char *
next_object(char **pos)
{
	char *p = *pos, *start;
	int depth = 0, in_str = 0;

	while (*p != '\0' && *p != '{')
		p++;
	if (*p == '\0')
		return NULL;
	for (start = p; *p != '\0'; p++) {
		if (in_str) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '"')
				in_str = 0;
		} else if (*p == '"') {
			in_str = 1;
		} else if (*p == '{') {
			depth++;
		} else if (*p == '}' && --depth == 0) {
			*pos = p + 1;
			return start;
		}
	}
	return NULL;
}

/* note_refs and revisions of a JSON record: arrays of flat objects. */
static int
read_json_arrays(ldiff_doc *d, ldiff_para *p, const char *refs,
    const char *revs, long line, ldiff_error *err)
{
	ld_json_kv kv[8];
	char *copy, *pos, *o;
	size_t n = 1, len;
	int r = 0, k;

	len = (refs ? strlen(refs) : 0) + (revs ? strlen(revs) : 0);
	for (pos = (char *)refs; pos && *pos; pos++)
		n += *pos == '{';
	for (pos = (char *)revs; pos && *pos; pos++)
		n += *pos == '{';
	if (extra_arrays(d, p, n) != 0 || (copy = ld_malloc(len + 2)) == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	snprintf(copy, len + 2, "%s", refs ? refs : "");
	for (pos = copy; r == 0 && (o = next_object(&pos)) != NULL; ) {
		char save = *pos, *end;
		const char *at, *mark;

		*pos = '\0';
		k = ld_json_parse_flat(o, kv, 8);
		at = k > 0 ? ld_json_get(kv, k, "at") : NULL;
		mark = k > 0 ? ld_json_get(kv, k, "mark") : NULL;
		if (at == NULL || mark == NULL)
			r = ld_error_line(err, LDIFF_ERECORD, line,
			    _("malformed JSON record"));
		else
			r = add_note_ref(d, p, (size_t)strtoull(at, &end, 10),
			    mark, line, err);
		*pos = save;
	}
	snprintf(copy, len + 2, "%s", revs ? revs : "");
	for (pos = copy; r == 0 && (o = next_object(&pos)) != NULL; ) {
		char save = *pos;
		const char *kind, *author, *date;

		*pos = '\0';
		k = ld_json_parse_flat(o, kv, 8);
		kind = k > 0 ? ld_json_get(kv, k, "kind") : NULL;
		author = k > 0 ? ld_json_get(kv, k, "author") : NULL;
		date = k > 0 ? ld_json_get(kv, k, "date") : NULL;
		if (kind != NULL && (kind = rev_kind(kind)) != NULL)
			r = add_rev(d, p, kind, author ? author : "",
			    date ? date : "", line, err);
		*pos = save;
	}
	ld_free(copy);
	return r;
}

static int
add_failed(const ldiff_doc *d, int code, long lineno, ldiff_error *err)
{
	if (code == LDIFF_ELIMIT)
		return ld_error_line(err, code, lineno,
		    _("more than %zu paragraphs"), d->limits.max_paras);
	return ld_error_line(err, code, lineno, "%s", ldiff_strerror(code));
}

static int
read_tsv_line(ldiff_doc *d, char *line, long lineno, ldiff_error *err)
{
	char *f[MAXFIELDS];
	size_t n;
	ldiff_para *p;
	int code = 0, r;

	if ((r = ld_tsv_record(line, f, NFIELDS, MAXFIELDS, &n, lineno,
	    err)) != 0)
		return r;
	if ((p = ld_doc_add(d, &code)) == NULL)
		return add_failed(d, code, lineno, err);
	r = fill_para(d, p, f, lineno, err);
	if (r == 0 && n == MAXFIELDS)
		r = read_extra(d, p, f[NFIELDS], lineno, err);
	return r;
}

static int
read_json_line(ldiff_doc *d, char *line, long lineno, ldiff_error *err)
{
	static const char *const keys[NFIELDS] = { "kind", "level", "label",
	    "style", "where", "refs", "flags", "text" };
	ld_json_kv kv[16];
	char *f[NFIELDS], *end;
	const char *v;
	ldiff_para *p;
	int n, r, code = 0;

	/* kind and text required, level 0 when absent */
	if ((r = ld_json_record(line, kv, 16, keys, NFIELDS, 1u << 0 | 1u << 7,
	    1, f, &n, lineno, err)) != 0)
		return r;
	if ((p = ld_doc_add(d, &code)) == NULL)
		return add_failed(d, code, lineno, err);
	if ((r = fill_para(d, p, f, lineno, err)) != 0)
		return r;
	if ((v = ld_json_get(kv, n, "note")) != NULL &&
	    (r = take_text(d, v, &p->note, lineno, err)) != 0)
		return r;
	if ((v = ld_json_get(kv, n, "hidden_chars")) != NULL)
		p->hidden_chars = (size_t)strtoull(v, &end, 10);
	return read_json_arrays(d, p, ld_json_get(kv, n, "note_refs"),
	    ld_json_get(kv, n, "revisions"), lineno, err);
}

static int
read_plain_line(ldiff_doc *d, const char *line, long lineno,
    ldiff_error *err)
{
	ldiff_para *p;
	int code = 0;

	if ((p = ld_doc_add(d, &code)) == NULL)
		return add_failed(d, code, lineno, err);
	return take_text(d, line, &p->text, lineno, err);
}

enum stream_kind { STREAM_TSV, STREAM_JSON, STREAM_PLAIN };

static int
starts_with(const char *data, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && memcmp(data, prefix, n) == 0;
}

static enum stream_kind
sniff(const char *data, size_t len, size_t *pos)
{
	/* A UTF-8 byte order mark says nothing; skip it. */
	if (starts_with(data, len, "\xEF\xBB\xBF"))
		*pos = 3;
	/* Any version of the mark: check_mark() says if it is ours. */
	if (starts_with(data + *pos, len - *pos, "#klausul-"))
		return STREAM_TSV;
	if (len - *pos >= 2 && data[*pos] == '{' && data[*pos + 1] == '"')
		return STREAM_JSON;
	return STREAM_PLAIN;
}

struct doc_reader {
	ldiff_doc *d;
	enum stream_kind kind;
	ldiff_error *err;
};

static int
read_line(void *ctx, char *line, long lineno)
{
	struct doc_reader *rd = ctx;

	if (rd->kind == STREAM_TSV)
		return read_tsv_line(rd->d, line, lineno, rd->err);
	if (rd->kind == STREAM_JSON)
		return read_json_line(rd->d, line, lineno, rd->err);
	return read_plain_line(rd->d, line, lineno, rd->err);
}

static int
check_mark(const char *line, size_t n, ldiff_error *err)
{
	if (starts_with(line, n, "#klausul-clauses"))
		return ld_error_line(err, LDIFF_ERECORD, 1,
		    _("a clause stream where paragraphs were expected"));
	if (n != strlen(LD_PARA_MARK) ||
	    memcmp(line, LD_PARA_MARK, n) != 0)
		return ld_error_line(err, LDIFF_ERECORD, 1,
		    _("unsupported record stream version (want '%s')"),
		    LD_PARA_MARK);
	return 0;
}

/* Text saved as "Unicode" by Windows tools is UTF-16: a byte order mark,
 * or ASCII with every other byte NUL.  Named, not "NUL byte in text". */
static int
is_utf16(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;

	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
	    (p[0] == 0xFE && p[1] == 0xFF)))
		return 1;
	return len >= 4 && ((p[0] != 0 && p[1] == 0 && p[2] != 0 &&
	    p[3] == 0) || (p[0] == 0 && p[1] != 0 && p[2] == 0 && p[3] != 0));
}

int
ldiff_doc_from_records(ldiff_doc **out, const char *data, size_t len,
    const ldiff_limits *lim, ldiff_error *err)
{
	struct doc_reader rd = { NULL, STREAM_PLAIN, err };
	ld_line_opts lo;
	size_t pos = 0;
	int r;

	*out = NULL;
	if (lim != NULL && (r = ld_check_limits(lim, err)) != 0)
		return r;
	if (is_utf16(data, len))
		return ld_error(err, LDIFF_EUTF8, _("UTF-16 text, not UTF-8; "
		    "save it as UTF-8 and try again"));
	if ((r = ld_doc_new(&rd.d, lim)) != 0)
		return ld_error(err, r, NULL);
	rd.kind = sniff(data, len, &pos);
	memset(&lo, 0, sizeof lo);
	lo.max = rd.d->limits.max_para_bytes;
	/* plain text keeps every line as a paragraph, empty ones too */
	lo.skip_empty = lo.skip_comments = rd.kind != STREAM_PLAIN;
	lo.first = rd.kind == STREAM_TSV ? check_mark : NULL;
	lo.line = read_line;
	if ((r = ld_read_lines(data, len, pos, &lo, &rd, err)) != 0) {
		if (r == LDIFF_ENOMEM)
			ld_error(err, r, NULL);
		ldiff_doc_free(rd.d);
		return r;
	}
	*out = rd.d;
	return 0;
}
