/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * altchunk.c - imported content (w:altChunk) as paragraphs.
 *
 * Word keeps a chunk pasted or merged from elsewhere as a part of its own
 * and shows it where the w:altChunk stands; the reader sees it, so its
 * text belongs to the document.  The part is read whole (the package's
 * limits apply) and its kind is told by its bytes, not by its name or
 * content type, which files get wrong: a nested .docx is read like any
 * package; HTML, and the HTML inside a web archive (MHTML), become one
 * paragraph per block element; anything else that is UTF-8 text becomes
 * one paragraph per line.  RTF and other kinds are refused with a reason,
 * which docx.c turns into a warning.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docx/wordml.h"

/* A chunk may hold chunks: a package inside a package inside ... */
#define MAX_CHUNK_DEPTH 3

static int
read_part(ld_pkg *p, const char *part, ld_buf *b, ldiff_error *err)
{
	ld_part *pt;
	char tmp[16384];
	long n;
	int r;

	if ((r = ld_part_open(&pt, p, part, err)) != 0)
		return r;
	while ((n = ld_part_read(pt, tmp, sizeof tmp, err)) > 0)
		if (ld_buf_add(b, tmp, (size_t)n) != 0)
			n = LDIFF_ENOMEM;
	ld_part_close(pt);
	if (n == LDIFF_ENOMEM || b->oom)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	return n < 0 ? (int)n : 0;
}

/* ---- paragraphs -------------------------------------------------------- */

/* Append s (white space runs folded to one space, trimmed) as a paragraph
 * of kind and level, unless it is empty. */
static int
add_para(ldiff_doc *d, const char *s, size_t n, ldiff_para_kind kind,
    int level)
{
	ldiff_para *p;
	ld_buf b;
	size_t i;
	int code = 0;

	ld_buf_init(&b);
	for (i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == '\f';

		if (!sp)
			ld_buf_addc(&b, s[i]);
		else if (b.len > 0 && b.data[b.len - 1] != ' ')
			ld_buf_addc(&b, ' ');
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.len--;
	if (b.len > 0 && !b.oom) {
		if ((p = ld_doc_add(d, &code)) != NULL) {
			p->kind = kind;
			p->level = level;
			p->text = ld_utf8_nfc(d->arena, b.data, b.len);
			if (p->text == NULL)
				code = LDIFF_ENOMEM;
		}
	}
	if (b.oom)
		code = LDIFF_ENOMEM;
	ld_buf_free(&b);
	return code;
}

/* Bytes that are not UTF-8 are taken as Windows Latin-1 (what older
 * HTML and text files are), byte by byte. */
static int
as_utf8(ld_buf *out, const char *s, size_t n)
{
	size_t i;

	if (ld_utf8_valid_prefix(s, n) == n)
		return ld_buf_add(out, s, n);
	for (i = 0; i < n; i++)
		ld_utf8_encode(out, (unsigned char)s[i]);
	return out->oom ? LDIFF_ENOMEM : 0;
}

static int
text_paras(ldiff_doc *d, const char *s, size_t n)
{
	size_t i = 0, j;
	int r = 0;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < n && r == 0; i = j + 1) {
		for (j = i; j < n && s[j] != '\n'; j++)
			;
		r = add_para(d, s + i, j - i, LDIFF_PARA_PARAGRAPH, 0);
	}
	return r;
}

/* ---- HTML ---------------------------------------------------------------- */

static const struct {
	const char *name;
	const char *utf8;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", "\xc2\xa0" }, { "ndash", "\xe2\x80\x93" },
	{ "mdash", "\xe2\x80\x94" }, { "aring", "\xc3\xa5" },
	{ "auml", "\xc3\xa4" }, { "ouml", "\xc3\xb6" }, { "Aring", "\xc3\x85" },
	{ "Auml", "\xc3\x84" }, { "Ouml", "\xc3\x96" }, { "eacute", "\xc3\xa9" },
	{ "sect", "\xc2\xa7" }, { "rsquo", "\xe2\x80\x99" },
	{ "ldquo", "\xe2\x80\x9c" }, { "rdquo", "\xe2\x80\x9d" },
	{ "hellip", "\xe2\x80\xa6" }, { "shy", "\xc2\xad" }
};

/* An entity at s ("&amp;", "&#229;", "&#xE5;"): its length, its text
 * into b; 0 when it is none (the '&' is then text). */
static size_t
entity(const char *s, size_t n, ld_buf *b)
{
	size_t len, i;
	long cp;
	char *end;

	for (len = 1; len < n && len < 12 && s[len] != ';'; len++)
		;
	if (len >= n || s[len] != ';')
		return 0;
	if (s[1] == '#') {
		cp = s[2] == 'x' || s[2] == 'X' ? strtol(s + 3, &end, 16) :
		    strtol(s + 2, &end, 10);
		if (end != s + len || cp <= 0 || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp < 0xE000))
			return 0;
		ld_utf8_encode(b, (int32_t)cp);
		return len + 1;
	}
	for (i = 0; i < sizeof entities / sizeof entities[0]; i++)
		if (strlen(entities[i].name) == len - 1 &&
		    strncmp(entities[i].name, s + 1, len - 1) == 0) {
			ld_buf_adds(b, entities[i].utf8);
			return len + 1;
		}
	return 0;
}

/* Elements that end a line of text, and those whose content is none. */
static int
tag_is(const char *tag, size_t n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (strlen(*names) == n && strncasecmp(*names, tag, n) == 0)
			return 1;
	return 0;
}

static const char *const block_tags[] = {
	"p", "div", "br", "li", "tr", "td", "th", "table", "ul", "ol",
	"blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd",
	"section", "article", "header", "footer", "hr", "body", NULL
};
static const char *const skipped_tags[] = {
	"script", "style", "head", "title", NULL
};

struct html {
	ldiff_doc *d;
	ld_buf text;
	int heading;		/* level of an open h1..h6, 0 none */
	int r;
};

static void
html_flush(struct html *h)
{
	if (h->r == 0)
		h->r = add_para(h->d, h->text.data ? h->text.data : "",
		    h->text.len, h->heading ? LDIFF_PARA_HEADING :
		    LDIFF_PARA_PARAGRAPH, h->heading);
	ld_buf_reset(&h->text);
}

/* A tag at s[0] == '<': returns its length; ends a paragraph when it is a
 * block, skips to the matching end tag when its content is none. */
static size_t
html_tag(struct html *h, const char *s, size_t n)
{
	const char *end = memchr(s, '>', n), *name = s + 1, *close;
	size_t len, nl;
	int is_end;

	if (end == NULL)
		return n;
	len = (size_t)(end - s) + 1;
	if (len > 3 && strncmp(s, "<!--", 4) == 0) {
		const char *c = NULL;
		size_t i;

		for (i = 4; i + 2 < n && c == NULL; i++)
			if (memcmp(s + i, "-->", 3) == 0)
				c = s + i;
		return c != NULL ? (size_t)(c - s) + 3 : n;
	}
	is_end = *name == '/';
	name += is_end;
	for (nl = 0; name + nl < end && isalnum((unsigned char)name[nl]); nl++)
		;
	if (!is_end && tag_is(name, nl, skipped_tags)) {
		/* to </name> */
		for (close = end; close != NULL && close < s + n;
		    close = memchr(close + 1, '<', (size_t)(s + n - close - 1)))
			if (close[1] == '/' && (size_t)(s + n - close) > nl + 2 &&
			    strncasecmp(close + 2, name, nl) == 0)
				break;
		if (close == NULL || close >= s + n)
			return n;
		return (size_t)(close - s);
	}
	if (tag_is(name, nl, block_tags)) {
		html_flush(h);
		h->heading = !is_end && nl == 2 && tolower((unsigned char)
		    name[0]) == 'h' && name[1] >= '1' && name[1] <= '6' ?
		    name[1] - '0' : 0;
	}
	return len;
}

static int
html_paras(ldiff_doc *d, const char *s, size_t n)
{
	struct html h = { d, { 0 }, 0, 0 };
	size_t i = 0, k;

	ld_buf_init(&h.text);
	while (i < n && h.r == 0) {
		if (s[i] == '<') {
			i += html_tag(&h, s + i, n - i);
		} else if (s[i] == '&' && (k = entity(s + i, n - i,
		    &h.text)) > 0) {
			i += k;
		} else {
			ld_buf_addc(&h.text, s[i++]);
		}
		if (h.text.oom)
			h.r = LDIFF_ENOMEM;
	}
	html_flush(&h);
	ld_buf_free(&h.text);
	return h.r;
}

/* ---- MHTML (a web archive: MIME parts, the page among them) ------------- */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void
unquote_printable(ld_buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != '=') {
			ld_buf_addc(out, s[i]);
		} else if (i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
			i += s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n' ?
			    2 : 1;	/* a soft line break */
		} else if (i + 2 < n && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			ld_buf_addc(out, (char)(hexval(s[i + 1]) * 16 +
			    hexval(s[i + 2])));
			i += 2;
		} else {
			ld_buf_addc(out, s[i]);
		}
	}
}

static const char *
find_ci(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, what, k) == 0)
			return s + i;
	return NULL;
}

/* The first text/html part: its headers end at a blank line, its body at
 * the next boundary line ("\n--"). */
static int
mhtml_paras(ldiff_doc *d, const char *s, size_t n, ldiff_error *err)
{
	const char *ct = find_ci(s, n, "Content-Type: text/html"), *body, *end;
	const char *qp;
	ld_buf html, u;
	int r;

	if (ct == NULL || (body = strstr(ct, "\n\n")) == NULL) {
		body = ct != NULL ? strstr(ct, "\r\n\r\n") : NULL;
		if (body == NULL)
			return ld_error(err, LDIFF_EINVAL,
			    _("a web archive (MHTML) with no HTML page"));
	}
	qp = find_ci(ct, (size_t)(body - ct), "quoted-printable");
	end = find_ci(body, (size_t)(s + n - body), "\n--");
	if (end == NULL)
		end = s + n;
	ld_buf_init(&html);
	ld_buf_init(&u);
	if (qp != NULL)
		unquote_printable(&html, body, (size_t)(end - body));
	else
		ld_buf_add(&html, body, (size_t)(end - body));
	r = html.oom ? LDIFF_ENOMEM : as_utf8(&u, html.data ? html.data : "",
	    html.len);
	if (r == 0)
		r = html_paras(d, u.data ? u.data : "", u.len);
	ld_buf_free(&html);
	ld_buf_free(&u);
	return r == LDIFF_ENOMEM ? ld_error(err, r, NULL) : r;
}

/* ---- entry -------------------------------------------------------------- */

static int
starts(const char *s, size_t n, const char *prefix)
{
	return n >= strlen(prefix) && memcmp(s, prefix, strlen(prefix)) == 0;
}

static int
chunk_paras(ldiff_doc **out, const char *s, size_t n,
    const ldiff_extract_opts *o, int depth, ld_nested_docx_fn *read_nested,
    ldiff_error *err)
{
	size_t head = n < 4096 ? n : 4096;
	ld_buf u;
	int r;

	if (starts(s, n, "PK\003\004")) {
		if (depth > MAX_CHUNK_DEPTH)
			return ld_error(err, LDIFF_EINVAL, _("a Word document "
			    "inside more than %d others"), MAX_CHUNK_DEPTH);
		return read_nested(out, s, n, o, depth, err);
	}
	if (starts(s, n, "{\\rtf"))
		return ld_error(err, LDIFF_EINVAL, _("an RTF document, which "
		    "kltext cannot read"));
	if (starts(s, n, "\xFF\xFE") || starts(s, n, "\xFE\xFF") ||
	    memchr(s, '\0', head) != NULL)
		return ld_error(err, LDIFF_EINVAL, _("not text (UTF-16 or "
		    "binary data)"));
	if ((r = ld_doc_new(out, &o->limits)) != 0)
		return ld_error(err, r, NULL);
	if (find_ci(s, head, "MIME-Version:") != NULL)
		return mhtml_paras(*out, s, n, err);
	ld_buf_init(&u);
	r = as_utf8(&u, s, n);
	if (r == 0 && (find_ci(s, head, "<html") || find_ci(s, head, "<body") ||
	    find_ci(s, head, "<p")))
		r = html_paras(*out, u.data ? u.data : "", u.len);
	else if (r == 0)
		r = text_paras(*out, u.data ? u.data : "", u.len);
	ld_buf_free(&u);
	return r == LDIFF_ENOMEM ? ld_error(err, r, NULL) : r;
}

int
ld_altchunk_read(ldiff_doc **out, ld_pkg *p, const char *part,
    const ldiff_extract_opts *o, int depth, ld_nested_docx_fn *read_nested,
    ldiff_error *err)
{
	ld_buf b;
	int r;

	*out = NULL;
	ld_buf_init(&b);
	r = read_part(p, part, &b, err);
	if (r == 0)
		r = chunk_paras(out, b.data ? b.data : "", b.len, o, depth,
		    read_nested, err);
	ld_buf_free(&b);
	if (r != 0) {
		ldiff_doc_free(*out);
		*out = NULL;
	}
	return r;
}
