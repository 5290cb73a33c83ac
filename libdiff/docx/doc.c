/*
 * doc.c - a document's paragraphs, and the paragraph record stream.
 *
 * The stream is kltext's output and klsplit's input.  Its first line is
 * the version mark "#klausul-paragraphs 1"; then one paragraph per line,
 * eight TAB-separated fields:
 *
 *   kind  level  label  style  where  refs  flags  text
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
#include <stdlib.h>
#include <string.h>

#include "docx/doc.h"

#define NFIELDS 8

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
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (strcmp(kind_names[i], name) == 0)
			return (int)i;
	return -1;
}

void
ldiff_extract_opts_init(ldiff_extract_opts *o)
{
	o->version = LDIFF_EXTRACT_OPTS_VERSION;
	o->changes = LDIFF_CHANGES_ACCEPT;
	ldiff_limits_init(&o->limits);
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
	d->arena = ld_arena_new();
	if (d->arena == NULL) {
		ld_free(d);
		return LDIFF_ENOMEM;
	}
	if (lim != NULL)
		d->limits = *lim;
	else
		ldiff_limits_init(&d->limits);
	*out = d;
	return 0;
}

ldiff_para *
ld_doc_add(ldiff_doc *d, int *code)
{
	ldiff_para *p;

	if (d->n >= d->limits.max_paras) {
		*code = LDIFF_ELIMIT;
		return NULL;
	}
	if (d->n == d->cap) {
		p = ld_grow(d->paras, &d->cap, 64, sizeof *p);
		if (p == NULL) {
			*code = LDIFF_ENOMEM;
			return NULL;
		}
		d->paras = p;
	}
	p = &d->paras[d->n++];
	memset(p, 0, sizeof *p);
	p->kind = LDIFF_PARA_PARAGRAPH;
	p->label = p->style = p->where = p->refs = p->text = "";
	p->style_id = "";
	return p;
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

static void
write_tsv(ld_buf *b, const ldiff_para *p)
{
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
	ld_buf_addc(b, '\n');
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
	ld_buf_adds(b, ",\"style\":");
	ld_json_string(b, p->style);
	ld_buf_adds(b, ",\"where\":");
	ld_json_string(b, p->where);
	ld_buf_adds(b, ",\"refs\":");
	ld_json_string(b, p->refs);
	ld_buf_adds(b, ",\"flags\":");
	ld_json_string(b, ld_buf_str(&flags));
	ld_buf_adds(b, ",\"text\":");
	ld_json_string(b, p->text);
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

/* What a person reads, shaped like LibreOffice's Text export: the list
 * label, a space, the text; notes and the like only when asked for,
 * introduced by their reference ("[fn:2] ..."). */
static void
write_plain(ld_buf *b, const ldiff_para *p)
{
	switch (p->kind) {
	case LDIFF_PARA_FOOTNOTE:
	case LDIFF_PARA_ENDNOTE:
	case LDIFF_PARA_COMMENT:
	case LDIFF_PARA_HEADER:
	case LDIFF_PARA_FOOTER:
		ld_buf_printf(b, "[%s] ", p->where);
		break;
	default:
		break;
	}
	if (p->label[0] != '\0') {
		ld_buf_adds(b, p->label);
		ld_buf_addc(b, ' ');
	}
	ld_buf_adds(b, p->text);
	ld_buf_addc(b, '\n');
}

int
ldiff_doc_write(const ldiff_doc *d, FILE *out, ldiff_format fmt,
    unsigned plain_flags)
{
	ld_buf b;
	size_t i;
	int r = 0;

	ld_buf_init(&b);
	if (fmt == LDIFF_FMT_TSV)
		ld_buf_adds(&b, LD_PARA_MARK "\n");
	for (i = 0; i < d->n && r == 0; i++) {
		const ldiff_para *p = &d->paras[i];

		if (fmt == LDIFF_FMT_TSV)
			write_tsv(&b, p);
		else if (fmt == LDIFF_FMT_JSON)
			write_json(&b, p);
		else if (plain_wanted(p, plain_flags))
			write_plain(&b, p);
		if (b.oom)
			r = LDIFF_ENOMEM;
		else if (b.len >= 1 << 16 || i + 1 == d->n) {
			r = ld_fwrite_all(out, b.data, b.len);
			ld_buf_reset(&b);
		}
	}
	if (r == 0 && b.len > 0)
		r = ld_fwrite_all(out, b.data, b.len);
	ld_buf_free(&b);
	return r;
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
	char *f[NFIELDS];
	size_t n, i;
	ldiff_para *p;
	int code = 0;

	n = ld_tsv_split(line, f, NFIELDS);
	if (n != NFIELDS || strchr(f[NFIELDS - 1], '\t') != NULL)
		return ld_error_line(err, LDIFF_ERECORD, lineno,
		    _("expected %d fields, found %zu"), NFIELDS,
		    n < NFIELDS ? n : n + 1);
	for (i = 0; i < NFIELDS; i++)
		if (ld_tsv_unescape(f[i]) != 0)
			return ld_error_line(err, LDIFF_ERECORD, lineno,
			    _("bad escape in field %zu"), i + 1);
	if ((p = ld_doc_add(d, &code)) == NULL)
		return add_failed(d, code, lineno, err);
	return fill_para(d, p, f, lineno, err);
}

static int
read_json_line(ldiff_doc *d, char *line, long lineno, ldiff_error *err)
{
	static const char *const keys[NFIELDS] = { "kind", "level", "label",
	    "style", "where", "refs", "flags", "text" };
	ld_json_kv kv[16];
	char *f[NFIELDS];
	ldiff_para *p;
	int n, i, code = 0;

	n = ld_json_parse_flat(line, kv, 16);
	if (n < 0)
		return ld_error_line(err, LDIFF_ERECORD, lineno,
		    _("malformed JSON record"));
	for (i = 0; i < NFIELDS; i++) {
		const char *v = ld_json_get(kv, n, keys[i]);

		if (v == NULL && (i == 0 || i == 7))
			return ld_error_line(err, LDIFF_ERECORD, lineno,
			    _("JSON record without \"%s\""), keys[i]);
		f[i] = (char *)(v != NULL ? v : (i == 1 ? "0" : ""));
	}
	if ((p = ld_doc_add(d, &code)) == NULL)
		return add_failed(d, code, lineno, err);
	return fill_para(d, p, f, lineno, err);
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

static int
read_line(ldiff_doc *d, enum stream_kind kind, char *line, long lineno,
    ldiff_error *err)
{
	if (kind == STREAM_TSV)
		return read_tsv_line(d, line, lineno, err);
	if (kind == STREAM_JSON)
		return read_json_line(d, line, lineno, err);
	return read_plain_line(d, line, lineno, err);
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
	ldiff_doc *d = NULL;
	ld_buf line;
	size_t pos = 0, n;
	const char *l;
	long lineno = 0;
	enum stream_kind kind;
	int r;

	*out = NULL;
	if (lim != NULL && (r = ld_check_limits(lim, err)) != 0)
		return r;
	if (is_utf16(data, len))
		return ld_error(err, LDIFF_EUTF8, _("UTF-16 text, not UTF-8; "
		    "save it as UTF-8 and try again"));
	if ((r = ld_doc_new(&d, lim)) != 0)
		return ld_error(err, r, NULL);
	ld_buf_init(&line);
	kind = sniff(data, len, &pos);
	while (ld_next_line(data, len, &pos, &l, &n)) {
		lineno++;
		if (kind == STREAM_TSV && lineno == 1) {
			if ((r = check_mark(l, n, err)) != 0)
				goto out;
			continue;
		}
		if (kind != STREAM_PLAIN && (n == 0 || l[0] == '#'))
			continue;
		if (n > d->limits.max_para_bytes) {
			r = ld_error_line(err, LDIFF_ELIMIT, lineno,
			    _("line longer than %zu bytes (--max-paragraph)"),
			    d->limits.max_para_bytes);
			goto out;
		}
		if (memchr(l, '\0', n) != NULL) {
			r = ld_error_line(err, LDIFF_ERECORD, lineno,
			    _("NUL byte in text"));
			goto out;
		}
		ld_buf_reset(&line);
		if ((r = ld_buf_add(&line, l, n)) != 0 ||
		    (r = read_line(d, kind, line.data, lineno, err)) != 0)
			goto out;
	}
	*out = d;
	d = NULL;
	r = 0;
out:
	if (r == LDIFF_ENOMEM)
		ld_error(err, r, NULL);
	ld_buf_free(&line);
	ldiff_doc_free(d);
	return r;
}
