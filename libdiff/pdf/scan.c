/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf/scan.c - what a PDF would make poppler do, bounded before poppler
 * is given the bytes.
 *
 * poppler-glib has no allocation hooks and no limit on what a stream
 * inflates to: a content stream of 1 MiB that inflates to 1 GiB keeps it
 * busy for seconds, and arrays nested 200 000 deep are parsed as deep as
 * its own recursion limit lets them.  Neither can be stopped once
 * poppler_page_get_text is running.  So the bytes are read once here
 * first, the way poppler will read them, with the reader's limits:
 *
 *   - every stream ("<< ... >> stream ... endstream") is decoded through
 *     its /Filter chain (FlateDecode, ASCIIHexDecode, ASCII85Decode,
 *     RunLengthDecode, any order, any depth up to MAX_FILTERS) into a
 *     small buffer that is counted and thrown away: one stream's decoded
 *     size against limits.max_part_bytes, all streams' against
 *     limits.max_total_bytes, decoded per raw byte against max_ratio.
 *     Memory is a few buffers whatever the stream holds, and the time is
 *     bounded by the limits, since decoding stops at the first one hit.
 *     Counting the decoded bytes is what holds: a stream's /Length and a
 *     page's text both say nothing of what its filters make of it.
 *   - the nesting of arrays and dictionaries, outside streams and inside
 *     every decoded stream that is PDF syntax (page contents, forms,
 *     object streams), against limits.max_xml_depth.  Binary streams
 *     (images, fonts, ICC profiles, sampled functions) are left out of
 *     that count: their '[' and ']' are data.
 *
 * Streams come before anything that could lie about them (the xref, a
 * /Length that is an indirect object) because they are found by their
 * keywords; streams are never inside object streams.  What is not
 * decoded here: a filter poppler applies that is not one of the four
 * (LZWDecode, and the image codecs, which text extraction never runs),
 * an indirect /Filter (read as FlateDecode when the data opens with a
 * zlib header), and an encrypted PDF's streams (ciphertext until poppler
 * decrypts them): for those poppler's own limits are what is left.
 */
#include <stdlib.h>

#include <zlib.h>

#include "pdf/pdf.h"

#define MAX_FILTERS 8
#define CHUNK 65536
/* Raw bytes fed at a time: the ratio is judged this finely. */
#define FEED 4096
/* Ratio is judged past this many decoded bytes, as for a .docx part. */
#define RATIO_FLOOR (1u << 20)

enum { F_FLATE, F_AHX, F_A85, F_RL, F_OTHER };

/* PDF syntax: just enough to count the nesting and to see keywords. */
typedef struct nest {
	size_t depth;
	size_t str;		/* ( ) nesting inside a literal string */
	int esc, comment, hex, lt, gt;
	char tok[12];		/* the regular characters of this token */
	size_t ntok;
	size_t dict_at;		/* where the outermost << began */
} nest;

typedef struct stage {
	int kind;
	int done;		/* end of data, or data it cannot decode */
	z_stream z;
	int zinit;
	unsigned long acc;	/* AHx, A85: the digits so far */
	int nacc;
	int rl;			/* RL: literal bytes left (>0), or repeat
				 * count waiting for its byte (<0) */
	unsigned char *buf;
} stage;

typedef struct scan {
	const ldiff_limits *lim;
	ldiff_error *err;
	stage st[MAX_FILTERS];
	int n;
	int syntax;		/* this stream is PDF syntax */
	int encrypted;
	size_t at;		/* file offset of the stream's data */
	uint64_t raw, out, total;
	nest sn;		/* the nesting inside this stream */
} scan;

static void
fmt_size(char *buf, size_t size, uint64_t n)
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(buf, size, "%llu MiB", (unsigned long long)(n >> 20));
	else
		snprintf(buf, size, "%llu bytes", (unsigned long long)n);
}

static int
is_white(int c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	    c == ' ';
}

static int
is_delim(int c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
	    c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}

/* One byte of PDF syntax: 1 when the nesting goes past max, else 0. */
static int
nest_byte(nest *t, int c, size_t max, size_t pos)
{
	if (t->comment) {
		t->comment = c != '\n' && c != '\r';
		return 0;
	}
	if (t->str) {
		if (t->esc)
			t->esc = 0;
		else if (c == '\\')
			t->esc = 1;
		else if (c == '(')
			t->str++;
		else if (c == ')')
			t->str--;
		return 0;
	}
	if (t->hex) {
		t->hex = c != '>';
		return 0;
	}
	if (t->lt) {
		t->lt = 0;
		if (c != '<') {
			t->hex = c != '>';
			return 0;
		}
		if (t->depth++ == 0)
			t->dict_at = pos - 1;
		return t->depth > max;
	}
	if (t->gt) {
		t->gt = 0;
		if (c == '>') {
			t->depth -= t->depth > 0;
			return 0;
		}
	}
	if (!is_white(c) && !is_delim(c)) {
		if (t->ntok < sizeof t->tok)
			t->tok[t->ntok] = (char)c;
		t->ntok++;
		return 0;
	}
	t->ntok = 0;
	switch (c) {
	case '%': t->comment = 1; break;
	case '(': t->str = 1; break;
	case '<': t->lt = 1; break;
	case '>': t->gt = 1; break;
	case '[': return ++t->depth > max;
	case ']': t->depth -= t->depth > 0; break;
	}
	return 0;
}

static int
too_deep(scan *s, size_t pos, int in_stream)
{
	if (in_stream)
		return ld_error(s->err, LDIFF_ELIMIT, _("the PDF stream at "
		    "byte %zu nests arrays or dictionaries deeper than %lu "
		    "(--max-depth)"), s->at, (unsigned long)s->lim->max_xml_depth);
	return ld_error(s->err, LDIFF_ELIMIT, _("arrays or dictionaries "
	    "nested deeper than %lu at byte %zu of the PDF (--max-depth)"),
	    (unsigned long)s->lim->max_xml_depth, pos);
}

/* The decoded bytes of a stream: counted, and their nesting if syntax. */
static int
sink(scan *s, const unsigned char *p, size_t n)
{
	const ldiff_limits *l = s->lim;
	char sz[64];
	size_t i;

	s->out += n;
	s->total += n;
	if (s->out > l->max_part_bytes) {
		fmt_size(sz, sizeof sz, l->max_part_bytes);
		return ld_error(s->err, LDIFF_ELIMIT, _("the PDF stream at "
		    "byte %zu inflates past %s (--max-part-size)"), s->at, sz);
	}
	if (s->total > l->max_total_bytes) {
		fmt_size(sz, sizeof sz, l->max_total_bytes);
		return ld_error(s->err, LDIFF_ELIMIT, _("the PDF's streams "
		    "inflate past %s in all (--max-total-size)"), sz);
	}
	if (l->max_ratio > 0 && s->out > RATIO_FLOOR &&
	    s->out / (s->raw ? s->raw : 1) > l->max_ratio)
		return ld_error(s->err, LDIFF_ELIMIT, _("the PDF stream at "
		    "byte %zu inflates more than %lu:1, a likely bomb "
		    "(--max-ratio)"), s->at, (unsigned long)l->max_ratio);
	for (i = 0; s->syntax && i < n; i++) {
		if (s->sn.comment) {	/* a comment's bytes, at memchr's pace */
			const unsigned char *e = memchr(p + i, '\n', n - i);

			i = e != NULL ? (size_t)(e - p) : n;
			s->sn.comment = e == NULL;
			continue;
		}
		if (nest_byte(&s->sn, p[i], l->max_xml_depth, i))
			return too_deep(s, 0, 1);
	}
	return 0;
}

static int push(scan *s, int k, const unsigned char *in, size_t n);

static int
flate(scan *s, int k, const unsigned char *in, size_t n)
{
	stage *st = &s->st[k];
	int zr, r;

	if (!st->zinit) {
		if (inflateInit(&st->z) != Z_OK)
			return ld_error(s->err, LDIFF_ENOMEM, NULL);
		st->zinit = 1;
	}
	st->z.next_in = (Bytef *)(uintptr_t)in;
	st->z.avail_in = (uInt)n;
	do {
		st->z.next_out = st->buf;
		st->z.avail_out = CHUNK;
		zr = inflate(&st->z, Z_NO_FLUSH);
		if (CHUNK - st->z.avail_out > 0 && (r = push(s, k + 1, st->buf,
		    CHUNK - st->z.avail_out)) != 0)
			return r;
		if (zr == Z_MEM_ERROR)
			return ld_error(s->err, LDIFF_ENOMEM, NULL);
		if (zr == Z_BUF_ERROR)	/* no progress: wants more input */
			break;
		if (zr != Z_OK) {	/* the end, or data poppler refuses */
			st->done = 1;
			break;
		}
	} while (st->z.avail_in > 0 || st->z.avail_out == 0);
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* ASCIIHexDecode, ASCII85Decode and RunLengthDecode, byte by byte into
 * the stage's buffer. */
static size_t
ascii_byte(stage *st, int c, unsigned char *o)
{
	size_t m = 0;
	int v = 0, i;

	if (st->kind == F_AHX) {
		if (c == '>' || (!is_white(c) && (v = hexval(c)) < 0)) {
			st->done = 1;
			if (st->nacc)
				o[m++] = (unsigned char)(st->acc << 4);
			return m;
		}
		if (is_white(c))
			return 0;
		st->acc = (st->acc << 4) | (unsigned long)v;
		if (++st->nacc == 2) {
			o[m++] = (unsigned char)st->acc;
			st->acc = 0;
			st->nacc = 0;
		}
		return m;
	}
	if (c == 'z' && st->nacc == 0) {
		memset(o, 0, 4);
		return 4;
	}
	if (is_white(c))
		return 0;
	if (c < '!' || c > 'u') {	/* "~>", or not ASCII85 */
		st->done = 1;
		for (i = st->nacc; st->nacc > 1 && i < 5; i++)
			st->acc = st->acc * 85 + 84;
		for (i = 0; st->nacc > 1 && i < st->nacc - 1; i++)
			o[m++] = (unsigned char)(st->acc >> (24 - 8 * i));
		return m;
	}
	st->acc = st->acc * 85 + (unsigned long)(c - '!');
	if (++st->nacc < 5)
		return 0;
	for (i = 0; i < 4; i++)
		o[m++] = (unsigned char)(st->acc >> (24 - 8 * i));
	st->acc = 0;
	st->nacc = 0;
	return m;
}

static size_t
rl_byte(stage *st, int c, unsigned char *o)
{
	if (st->rl > 0) {
		st->rl--;
		*o = (unsigned char)c;
		return 1;
	}
	if (st->rl < 0) {
		memset(o, c, (size_t)-st->rl);
		c = -st->rl;
		st->rl = 0;
		return (size_t)c;
	}
	if (c == 128)
		st->done = 1;
	else if (c < 128)
		st->rl = c + 1;
	else
		st->rl = -(257 - c);
	return 0;
}

/* A stage that turns one byte into at most 128: its buffer is passed
 * on when it may not hold the next byte's. */
static int
bytewise(scan *s, int k, const unsigned char *in, size_t n)
{
	stage *st = &s->st[k];
	size_t i, m = 0;
	int r;

	for (i = 0; i < n && !st->done; i++) {
		m += st->kind == F_RL ? rl_byte(st, in[i], st->buf + m) :
		    ascii_byte(st, in[i], st->buf + m);
		if (m > CHUNK - 128) {
			if ((r = push(s, k + 1, st->buf, m)) != 0)
				return r;
			m = 0;
		}
	}
	return m > 0 ? push(s, k + 1, st->buf, m) : 0;
}

static int
push(scan *s, int k, const unsigned char *in, size_t n)
{
	if (k == s->n)
		return sink(s, in, n);
	if (s->st[k].done)
		return 0;
	if (s->st[k].kind == F_FLATE)
		return flate(s, k, in, n);
	return bytewise(s, k, in, n);
}

/* ---- the stream dictionary -------------------------------------------- */

static const char *
find(const char *p, size_t n, const char *what)
{
	size_t w = strlen(what);

	for (; n >= w; p++, n--)
		if (*p == *what && memcmp(p, what, w) == 0 &&
		    (n == w || is_white(p[w]) || is_delim(p[w])))
			return p;
	return NULL;
}

static int
filter_kind(const char *name, size_t n)
{
	static const struct { const char *name; int kind; } names[] = {
		{ "FlateDecode", F_FLATE }, { "Fl", F_FLATE },
		{ "ASCIIHexDecode", F_AHX }, { "AHx", F_AHX },
		{ "ASCII85Decode", F_A85 }, { "A85", F_A85 },
		{ "RunLengthDecode", F_RL }, { "RL", F_RL } };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == n &&
		    memcmp(names[i].name, name, n) == 0)
			return names[i].kind;
	return F_OTHER;
}

/* The /Filter chain of dict[0..n) into s: 0, 1 when it is not a name or
 * an array of names (an indirect object), or LDIFF_ELIMIT. */
static int
read_filters(scan *s, const char *dict, size_t n)
{
	const char *p = find(dict, n, "/Filter"), *end = dict + n, *q;
	int array = 0;

	if (p == NULL)
		return 0;
	for (p += 7; p < end && is_white(*p); p++)
		;
	if (p < end && *p == '[')
		for (array = 1, p++; p < end && is_white(*p); p++)
			;
	while (p < end && *p == '/') {
		for (q = ++p; q < end && !is_white(*q) && !is_delim(*q); q++)
			;
		if (s->n == MAX_FILTERS)
			return ld_error(s->err, LDIFF_ELIMIT, _("the PDF stream "
			    "at byte %zu has more than %d filters"), s->at,
			    MAX_FILTERS);
		s->st[s->n++].kind = filter_kind(p, (size_t)(q - p));
		for (p = q; p < end && is_white(*p); p++)
			;
		if (!array)
			break;
	}
	return s->n > 0 ? 0 : 1;
}

/* Streams whose bytes are data, not PDF syntax: images, fonts, ICC
 * profiles (/N), sampled functions, metadata, embedded files, xrefs. */
static int
binary_stream(const char *dict, size_t n)
{
	static const char *const keys[] = { "/Image", "/Width",
	    "/Length1", "/Length2", "/Length3", "/FunctionType", "/XRef",
	    "/Metadata", "/EmbeddedFile", "/Type1C", "/CIDFontType0C",
	    "/OpenType" };
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (find(dict, n, keys[i]) != NULL)
			return 1;
	return find(dict, n, "/N") != NULL && find(dict, n, "/ObjStm") == NULL;
}

/* Where the stream's data ends: at /Length when "endstream" follows it
 * there, else at the first "endstream". */
static size_t
data_end(const unsigned char *p, size_t len, size_t at, const char *dict,
    size_t n)
{
	const char *q = find(dict, n, "/Length"), *end = dict + n;
	const unsigned char *e;
	char *stop;
	unsigned long long v;
	size_t i;

	for (q = q != NULL ? q + 7 : end; q < end && is_white(*q); q++)
		;
	if (q < end && *q >= '0' && *q <= '9') {
		v = strtoull(q, &stop, 10);
		while (stop < end && is_white(*stop))
			stop++;
		i = v <= len - at ? at + (size_t)v : len;
		while (i < len && is_white(p[i]))
			i++;
		/* "/Length 12 0 R" is an object number, not a length. */
		if (!(stop < end && *stop >= '0' && *stop <= '9') &&
		    len - i >= 9 && memcmp(p + i, "endstream", 9) == 0)
			return at + (size_t)v;
	}
	for (e = p + at; (size_t)(e - p) + 9 <= len; e++) {
		e = memchr(e, 'e', len - (size_t)(e - p) - 8);
		if (e == NULL)
			break;
		if (memcmp(e, "endstream", 9) == 0)
			return (size_t)(e - p);
	}
	return len;
}

static void
end_stream(scan *s)
{
	int k;

	for (k = 0; k < s->n; k++) {
		if (s->st[k].zinit)
			inflateEnd(&s->st[k].z);
		s->st[k].zinit = 0;
	}
}

/* The stream whose dictionary is p[dict..at) and whose data starts at
 * at: decoded and counted.  *next is where the file goes on. */
static int
one_stream(scan *s, const unsigned char *p, size_t len, size_t dict,
    size_t at, size_t *next)
{
	const char *d = (const char *)p + dict;
	size_t n = at - dict, end = data_end(p, len, at, d, n), i, c;
	int k, r, cut;

	s->n = 0;
	s->at = at;
	if ((r = read_filters(s, d, n)) < 0)
		return r;
	if (r > 0 && len - at > 2 && (p[at] & 0x0f) == 8 &&
	    ((p[at] << 8) | p[at + 1]) % 31 == 0)
		s->st[s->n++].kind = F_FLATE;	/* a zlib header */
	for (k = 0, cut = 0; k < s->n; k++) {
		memset(&s->st[k].z, 0, sizeof s->st[k].z);
		s->st[k].done = s->st[k].nacc = s->st[k].rl = 0;
		s->st[k].acc = 0;
		if (s->st[k].kind == F_OTHER && !cut) {
			cut = 1;	/* not decoded here (see above) */
			s->n = k;
		}
	}
	s->syntax = !s->encrypted && !cut && !binary_stream(d, n);
	memset(&s->sn, 0, sizeof s->sn);
	s->raw = s->out = 0;
	r = 0;
	for (i = at; i < end && r == 0; i += c) {
		c = end - i < FEED ? end - i : FEED;
		s->raw += c;
		r = s->n > 0 || s->syntax ? push(s, 0, p + i, c) : 0;
		if (s->n > 0 && s->st[0].done)
			break;
	}
	if (s->n == 0)
		s->total -= s->out;	/* raw bytes: already in the file */
	end_stream(s);
	*next = end;
	return r;
}

static int
run(scan *s, const unsigned char *p, size_t len)
{
	nest t;
	size_t i, max = s->lim->max_xml_depth, at;
	int r;

	memset(&t, 0, sizeof t);
	for (i = 0; i < len; i++) {
		int was_stream = t.ntok == 6 && memcmp(t.tok, "stream", 6) == 0;

		if (nest_byte(&t, p[i], max, i))
			return too_deep(s, i, 0);
		if (!was_stream || (p[i] != '\n' && p[i] != '\r') ||
		    t.comment || t.str)
			continue;
		at = i + 1 + (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n');
		if ((r = one_stream(s, p, len, t.dict_at < at ? t.dict_at : at,
		    at, &i)) != 0)
			return r;
		memset(&t, 0, sizeof t);
		i--;
	}
	return 0;
}

int
ld_pdf_scan(const void *data, size_t len, const ldiff_limits *lim,
    ldiff_error *err)
{
	scan s;
	int k, r;

	memset(&s, 0, sizeof s);
	s.lim = lim;
	s.err = err;
	s.encrypted = find(data, len, "/Encrypt") != NULL;
	for (k = 0; k < MAX_FILTERS; k++)
		if ((s.st[k].buf = ld_malloc(CHUNK)) == NULL)
			break;
	r = k < MAX_FILTERS ? ld_error(err, LDIFF_ENOMEM, NULL) :
	    run(&s, data, len);
	end_stream(&s);
	for (k = 0; k < MAX_FILTERS; k++)
		ld_free(s.st[k].buf);
	return r;
}
