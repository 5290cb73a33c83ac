/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xmlread.c - one safe way to read an XML part: streaming and locked down.
 *
 * Every part goes through libxml2's xmlTextReader fed by ld_part_read, so no
 * part is ever held whole in memory.  The reader gets no network, no DTD
 * loading and no entity substitution, and a document type declaration is
 * refused outright: Word never writes one, and without it there are no
 * entity bombs and no external entities.  Element depth is limited here;
 * the inflation limits are enforced by the part reader underneath.
 *
 * Transitional and Strict OOXML namespaces are folded into one id, so the
 * walkers compare small integers, not URIs.
 *
 * Most of kldiff's time is spent in here, and most of that in libxml2
 * 2.9's character data: after the first non-ASCII byte of a text node
 * (an å) it reads the rest of the node character by character, some 85
 * instructions each, a third of reading a Swedish document.  Tried and
 * left out: handing it every non-ASCII character of character data as a
 * reference (&#xE5;) keeps it on its fast path, but each reference costs
 * libxml2 about 700 instructions, so reading fell only 7 % for a lexer of
 * 300 lines in front of the parser; XML_PARSE_COMPACT changed nothing.
 */
#include <pthread.h>
#include <string.h>

#include <libxml/parserInternals.h>	/* XML_MAX_TEXT_LENGTH */
#include <libxml/xmlreader.h>

#include "docx/docx.h"

struct ld_xml {
	xmlTextReaderPtr rd;
	ld_part *part;
	char *name;		/* part name for messages */
	uint32_t max_depth;
	/* The first failure seen by the read callback or the parser. */
	ldiff_error io_err;
	int io_code;
	char parse_msg[256];
	long parse_line;
	int depth_error;	/* libxml2's own depth cap was hit */
	int huge_text;		/* libxml2's cap on one text node was hit */
	size_t max_para;	/* --max-paragraph, for that message */
	/* Synthesised end of an empty or skipped element. */
	int pending_end, have_node, node_ret;
	const xmlChar *end_name;
	int end_ns;
	int in_end;
};

static const struct {
	const char *uri;
	int id;
} ns_table[] = {
	{ "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	    LD_NS_W },
	{ "http://purl.oclc.org/ooxml/wordprocessingml/main", LD_NS_W },
	{ "http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships", LD_NS_R },
	{ "http://purl.oclc.org/ooxml/officeDocument/relationships",
	    LD_NS_R },
	{ "http://schemas.openxmlformats.org/markup-compatibility/2006",
	    LD_NS_MC },
	{ "http://schemas.openxmlformats.org/package/2006/relationships",
	    LD_NS_PKGREL },
};

static int
ns_lookup(const xmlChar *uri)
{
	size_t i;

	if (uri == NULL)
		return LD_NS_OTHER;
	for (i = 0; i < sizeof ns_table / sizeof ns_table[0]; i++)
		if (strcmp((const char *)uri, ns_table[i].uri) == 0)
			return ns_table[i].id;
	return LD_NS_OTHER;
}

/*
 * The namespace URI of the current element or attribute, as
 * xmlTextReaderConstNamespaceUri() gives it but without interning it in
 * the reader's dictionary first: that lookup, once per element, was a
 * twentieth of reading a document.  The pointer is good until the next
 * read; ns_lookup() compares the text, so a freed and reused address
 * can never be mistaken for another namespace.
 */
static const xmlChar *
node_ns_uri(ld_xml *x)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->rd);

	if (n == NULL || (n->type != XML_ELEMENT_NODE &&
	    n->type != XML_ATTRIBUTE_NODE) || n->ns == NULL)
		return NULL;
	return n->ns->href;
}

static int
read_cb(void *ctx, char *buf, int len)
{
	ld_xml *x = ctx;
	long n;

	if (x->io_code != 0)
		return -1;
	n = ld_part_read(x->part, buf, (size_t)len, &x->io_err);
	if (n < 0) {
		x->io_code = (int)n;
		return -1;
	}
	return (int)n;
}

static int
close_cb(void *ctx)
{
	LD_UNUSED(ctx);
	return 0;
}

static void
on_error(void *ctx, xmlErrorPtr e)
{
	ld_xml *x = ctx;
	size_t n;
	char *p;

	if (e == NULL || e->level < XML_ERR_ERROR || x->parse_msg[0])
		return;
	snprintf(x->parse_msg, sizeof x->parse_msg, "%s",
	    e->message ? e->message : "error");
	n = strlen(x->parse_msg);
	while (n > 0 && (x->parse_msg[n - 1] == '\n' ||
	    x->parse_msg[n - 1] == ' '))
		x->parse_msg[--n] = '\0';
	/* one line: libxml2 puts "Bytes: 0x.." on a line of its own */
	for (p = x->parse_msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	x->parse_line = e->line;
	x->depth_error = strstr(x->parse_msg, "Excessive depth") != NULL;
	x->huge_text = strstr(x->parse_msg, "huge text node") != NULL;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

int
ld_xml_open(ld_xml **out, ld_pkg *p, const char *part, ldiff_error *err)
{
	ld_xml *x;
	int r;

	*out = NULL;
	/* Documents may be read in several threads at once; libxml2 2.9
	 * wants its first initialisation done in one. */
	pthread_once(&xml_once, xmlInitParser);
	x = ld_calloc(1, sizeof *x);
	if (x == NULL || (x->name = ld_malloc(strlen(part) + 1)) == NULL) {
		ld_free(x);
		return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	strcpy(x->name, part);
	x->max_depth = ld_pkg_limits(p)->max_xml_depth;
	x->max_para = ld_pkg_limits(p)->max_para_bytes;
	if ((r = ld_part_open(&x->part, p, part, err)) != 0) {
		ld_xml_close(x);
		return r;
	}
	/* libxml2 caps nesting at 256 by itself; past that only
	 * XML_PARSE_HUGE lifts the cap, and our own limit (checked on every
	 * element) takes over.  Part sizes stay bounded by the part reader. */
	x->rd = xmlReaderForIO(read_cb, close_cb, x, part, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    (x->max_depth > 256 ? XML_PARSE_HUGE : 0));
	if (x->rd == NULL) {
		ld_xml_close(x);
		return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	xmlTextReaderSetStructuredErrorHandler(x->rd, on_error, x);
	*out = x;
	return 0;
}

void
ld_xml_close(ld_xml *x)
{
	if (x == NULL)
		return;
	if (x->rd != NULL)
		xmlFreeTextReader(x->rd);
	ld_part_close(x->part);
	ld_free(x->name);
	ld_free(x);
}

/* The longest text node libxml2 takes, as the reader was opened. */
static int
text_cap(const ld_xml *x)
{
	return x->max_depth > 256 ? 1000000000 : XML_MAX_TEXT_LENGTH;
}

static int
fail(ld_xml *x, ldiff_error *err)
{
	if (x->io_code != 0) {
		if (err != NULL)
			*err = x->io_err;
		return x->io_code;
	}
	if (x->depth_error)
		return ld_error(err, LDIFF_ELIMIT, _("%s:%ld: elements nest "
		    "deeper than the limit of %lu (--max-depth)"), x->name,
		    x->parse_line, (unsigned long)x->max_depth);
	/* A text node over 10 MB (XML_MAX_TEXT_LENGTH; 1 GB when the
	 * depth limit asked for XML_PARSE_HUGE): libxml2 stops before the
	 * paragraph limit can be judged.  Say which limit. */
	if (x->huge_text && x->max_para < (size_t)text_cap(x))
		return ld_error(err, LDIFF_ELIMIT, _("%s:%ld: a paragraph is "
		    "longer than the limit of %lu bytes (--max-paragraph)"),
		    x->name, x->parse_line, (unsigned long)x->max_para);
	if (x->huge_text)
		return ld_error(err, LDIFF_ELIMIT, _("%s:%ld: a run of text "
		    "is longer than the XML reader's limit of %d bytes, which "
		    "--max-paragraph cannot raise"), x->name, x->parse_line,
		    text_cap(x));
	if (x->parse_msg[0])
		return ld_error(err, LDIFF_EXML, _("%s:%ld: malformed XML: "
		    "%s"), x->name, x->parse_line, x->parse_msg);
	return ld_error(err, LDIFF_EXML, _("%s:%ld: malformed XML"),
	    x->name, ld_xml_line(x));
}

static int
on_start(ld_xml *x, ldiff_error *err)
{
	int depth = xmlTextReaderDepth(x->rd);

	if (depth >= 0 && (uint32_t)depth >= x->max_depth)
		return ld_error(err, LDIFF_ELIMIT, _("%s:%ld: elements nest "
		    "deeper than the limit of %lu (--max-depth)"), x->name,
		    ld_xml_line(x), (unsigned long)x->max_depth);
	if (xmlTextReaderIsEmptyElement(x->rd)) {
		x->pending_end = 1;
		x->end_name = xmlTextReaderConstLocalName(x->rd);
		x->end_ns = ld_xml_ns(x);
	}
	return LD_XML_START;
}

int
ld_xml_next(ld_xml *x, ldiff_error *err)
{
	int r, t;

	x->in_end = 0;
	for (;;) {
		if (x->pending_end) {
			x->pending_end = 0;
			x->in_end = 1;
			return LD_XML_END;
		}
		if (x->have_node) {
			x->have_node = 0;
			r = x->node_ret;
		} else {
			r = xmlTextReaderRead(x->rd);
		}
		if (r < 0 || x->io_code != 0)
			return fail(x, err);
		if (r == 0)
			return x->parse_msg[0] ? fail(x, err) : 0;
		t = xmlTextReaderNodeType(x->rd);
		switch (t) {
		case XML_READER_TYPE_ELEMENT:
			return on_start(x, err);
		case XML_READER_TYPE_END_ELEMENT:
			return LD_XML_END;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			return LD_XML_TEXT;
		case XML_READER_TYPE_DOCUMENT_TYPE:
		case XML_READER_TYPE_ENTITY_REFERENCE:
		case XML_READER_TYPE_ENTITY:
			return ld_error(err, LDIFF_EXML, _("%s:%ld: a document "
			    "type or entity declaration; Word never writes "
			    "one, so the part is refused"), x->name,
			    ld_xml_line(x));
		default:
			break;
		}
	}
}

void
ld_xml_skip(ld_xml *x)
{
	if (x->pending_end)
		return;	/* empty: its end comes next anyway */
	x->end_name = xmlTextReaderConstLocalName(x->rd);
	x->end_ns = ld_xml_ns(x);
	x->node_ret = xmlTextReaderNext(x->rd);
	x->have_node = 1;
	x->pending_end = 1;
}

int
ld_xml_ns(ld_xml *x)
{
	if (x->in_end && x->end_name != NULL)
		return x->end_ns;
	return ns_lookup(node_ns_uri(x));
}

const char *
ld_xml_name(ld_xml *x)
{
	const xmlChar *n;

	if (x->in_end && x->end_name != NULL)
		return (const char *)x->end_name;
	n = xmlTextReaderConstLocalName(x->rd);
	return n ? (const char *)n : "";
}

int
ld_xml_depth(ld_xml *x)
{
	return xmlTextReaderDepth(x->rd);
}

const char *
ld_xml_text(ld_xml *x)
{
	const xmlChar *v = xmlTextReaderConstValue(x->rd);

	return v ? (const char *)v : "";
}

int
ld_xml_attr(ld_xml *x, int ns, const char *name, char *buf, size_t size)
{
	int r, found = 0;

	r = xmlTextReaderMoveToFirstAttribute(x->rd);
	while (r == 1) {
		const xmlChar *ln = xmlTextReaderConstLocalName(x->rd);

		if (ln != NULL && strcmp((const char *)ln, name) == 0 &&
		    ns_lookup(node_ns_uri(x)) == ns) {
			const xmlChar *v = xmlTextReaderConstValue(x->rd);
			size_t n = v != NULL ? strlen((const char *)v) : 0;

			if (size > 0) {	/* cut to fit, as snprintf would */
				n = n < size - 1 ? n : size - 1;
				memcpy(buf, v != NULL ? (const char *)v : "", n);
				buf[n] = '\0';
			}
			found = 1;
			break;
		}
		r = xmlTextReaderMoveToNextAttribute(x->rd);
	}
	xmlTextReaderMoveToElement(x->rd);
	return found;
}

const char *
ld_xml_part(const ld_xml *x)
{
	return x->name;
}

long
ld_xml_line(ld_xml *x)
{
	return xmlTextReaderGetParserLineNumber(x->rd);
}

const char *
ld_xml_qname(ld_xml *x)
{
	const xmlChar *n = xmlTextReaderConstName(x->rd);

	return n ? (const char *)n : "";
}

int
ld_xml_empty(ld_xml *x)
{
	return x->pending_end;
}

/* An attribute value as XML text: the five characters that matter, and
 * white space that attribute normalisation would fold. */
static void
attr_value(ld_buf *out, const char *v)
{
	for (; *v != '\0'; v++)
		switch (*v) {
		case '&': ld_buf_adds(out, "&amp;"); break;
		case '<': ld_buf_adds(out, "&lt;"); break;
		case '"': ld_buf_adds(out, "&quot;"); break;
		case '\t': ld_buf_adds(out, "&#9;"); break;
		case '\n': ld_buf_adds(out, "&#10;"); break;
		case '\r': ld_buf_adds(out, "&#13;"); break;
		default: ld_buf_addc(out, *v); break;
		}
}

int
ld_xml_write_start(ld_xml *x, ld_buf *out)
{
	int r;

	ld_buf_addc(out, '<');
	ld_buf_adds(out, ld_xml_qname(x));
	for (r = xmlTextReaderMoveToFirstAttribute(x->rd); r == 1;
	    r = xmlTextReaderMoveToNextAttribute(x->rd)) {
		const xmlChar *n = xmlTextReaderConstName(x->rd);
		const xmlChar *v = xmlTextReaderConstValue(x->rd);

		ld_buf_addc(out, ' ');
		ld_buf_adds(out, n ? (const char *)n : "");
		ld_buf_adds(out, "=\"");
		attr_value(out, v ? (const char *)v : "");
		ld_buf_addc(out, '"');
	}
	xmlTextReaderMoveToElement(x->rd);
	ld_buf_adds(out, x->pending_end ? "/>" : ">");
	return out->oom ? LDIFF_ENOMEM : 0;
}
