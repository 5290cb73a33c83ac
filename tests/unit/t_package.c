/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_package.c - opening hostile or unusual packages: not a zip, no main
 * part, OLE files (encrypted / old .doc), DOCTYPE and entity bombs,
 * malformed XML, every limit with the option that raises it, Strict
 * namespaces, a main part at a non-standard path, memory input, and
 * allocation failures at every step.
 */
#include "tap.h"
#include "mkdocx.h"
#include "internal.h"

#define BODY "<w:p><w:r><w:t>Hej v\xc3\xa4rlden</w:t></w:r></w:p>"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0) {
		rewind(f);
		p = malloc((size_t)n + 1);
		if (p != NULL && fread(p, 1, (size_t)n, f) != (size_t)n) {
			free(p);
			p = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return p;
}

static int
open_mem(const void *data, size_t len, const ldiff_extract_opts *o,
    ldiff_error *err, ldiff_doc **d)
{
	memset(err, 0, sizeof *err);
	*d = NULL;
	return ldiff_doc_from_docx_mem(d, data, len, o, err);
}

static void
expect(int got, int want, const ldiff_error *err, const char *needle,
    const char *name)
{
	char n2[160];

	is_int(got, want, name);
	snprintf(n2, sizeof n2, "%s: message names '%s'", name, needle);
	ok(strstr(err->msg, needle) != NULL, n2);
	if (strstr(err->msg, needle) == NULL)
		diag("message: %s", err->msg);
}

static void
test_not_docx(void)
{
	static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
	    "................E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
	static const char doc97[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
	    "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
	struct mk_part p[2] = { { "hello.txt", "hello", 0 },
		{ "[Content_Types].xml", "<Types/>", 0 } };
	ldiff_error err;
	ldiff_doc *d;
	size_t len;
	char *data;
	int r;

	r = open_mem("hello, world", 12, NULL, &err, &d);
	expect(r, LDIFF_ENOTZIP, &err, "not a zip", "plain text: ENOTZIP");
	r = open_mem(ole, sizeof ole - 1, NULL, &err, &d);
	expect(r, LDIFF_EENCRYPTED, &err, "encrypted",
	    "OLE with EncryptedPackage: EENCRYPTED");
	r = open_mem(doc97, sizeof doc97 - 1, NULL, &err, &d);
	expect(r, LDIFF_ENOTDOCX, &err, "Word 97-2003",
	    "OLE without it: an old .doc");
	/* the same through a file */
	{
		FILE *f = fopen(mk_path(), "wb");

		if (f != NULL) {
			fwrite(ole, 1, sizeof ole - 1, f);
			fclose(f);
		}
		memset(&err, 0, sizeof err);
		r = ldiff_doc_from_docx_file(&d, mk_path(), NULL, &err);
		expect(r, LDIFF_EENCRYPTED, &err, "password",
		    "encrypted file: EENCRYPTED");
		unlink(mk_path());
	}
	ok(mk_zip(mk_path(), p, 1) == 0, "wrote a zip of a text file");
	data = slurp(mk_path(), &len);
	r = open_mem(data, len, NULL, &err, &d);
	expect(r, LDIFF_ENOTDOCX, &err, "[Content_Types].xml",
	    "zip without [Content_Types].xml: ENOTDOCX");
	free(data);
	ok(mk_zip(mk_path(), p, 2) == 0, "wrote a zip without a document");
	data = slurp(mk_path(), &len);
	r = open_mem(data, len, NULL, &err, &d);
	expect(r, LDIFF_ENOTDOCX, &err, "officeDocument",
	    "zip without a main part: ENOTDOCX");
	free(data);
	unlink(mk_path());
	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_docx_file(&d, "/nonexistent/x.docx", NULL, &err);
	is_int(r, LDIFF_EIO, "missing file: EIO");
}

static int
from_any(const void *data, size_t len, ldiff_error *err)
{
	ldiff_clauses *cs = NULL;
	int r;

	memset(err, 0, sizeof *err);
	r = ldiff_clauses_from_any(&cs, data, len, NULL, NULL, err);
	ldiff_clauses_free(cs);
	return r;
}

/* Documents taken for a .docx, through the one entry point of the tools
 * (which used to read them as text) and through a file. */
static void
test_impostors(void)
{
	static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\n";
	static const char rtf[] = "{\\rtf1\\ansi Hej}\n";
	static const char doc97[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
	    "W\0o\0r\0d\0";
	static const char empty_zip[] = "PK\005\006\0\0\0\0\0\0\0\0\0\0"
	    "\0\0\0\0\0\0\0\0";
	static const char u16[] = "\xFF\xFEH\0e\0j\0\n\0";
	struct mk_part docx[3] = {
		{ "_rels/.rels", "<?xml version=\"1.0\"?><Relationships "
		    "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
		    "relationships\"><Relationship Id=\"rId1\" Type=\""
		    MK_RELTYPE "officeDocument\" Target=\"word/document.xml\"/>"
		    "</Relationships>", 0 },
		{ "word/document.xml", "<w:document xmlns:w=\"" MK_W "\"><w:body>"
		    BODY "</w:body></w:document>", 0 },
		{ "[Content_Types].xml", "<Types/>", 0 }
	};
	struct mk_part odt[2] = {
		{ "mimetype", "application/vnd.oasis.opendocument.text", 0 },
		{ "content.xml", "<office:document-content/>", 0 }
	};
	ldiff_error err;
	ldiff_doc *d = NULL;
	size_t len, cut;
	char *data;
	FILE *f;
	int r;

	expect(from_any(pdf, sizeof pdf - 1, &err), LDIFF_EPDF, &err,
	    "a damaged PDF", "from_any: a PDF goes to the PDF reader");
	expect(from_any(rtf, sizeof rtf - 1, &err), LDIFF_ENOTDOCX, &err,
	    "an RTF document", "from_any: an RTF file is named");
	expect(from_any(doc97, sizeof doc97 - 1, &err), LDIFF_ENOTDOCX, &err,
	    "Word 97-2003", "from_any: an old .doc is named");
	expect(from_any(empty_zip, sizeof empty_zip - 1, &err),
	    LDIFF_ENOTDOCX, &err, "[Content_Types].xml",
	    "from_any: an empty zip is a package");
	expect(from_any(u16, sizeof u16 - 1, &err), LDIFF_EUTF8, &err,
	    "UTF-16", "from_any: UTF-16 text is named");
	r = open_mem("", 0, NULL, &err, &d);
	expect(r, LDIFF_ENOTZIP, &err, "empty file", "no bytes: empty");
	r = open_mem("\xEF\xBB\xBF\r\n<HTML><body>", 17, NULL, &err, &d);
	expect(r, LDIFF_ENOTDOCX, &err, "an HTML page", "a web page is named");

	ok(mk_zip(mk_path(), odt, 2) == 0, "wrote an .odt");
	data = slurp(mk_path(), &len);
	expect(from_any(data, len, &err), LDIFF_ENOTDOCX, &err,
	    "OpenDocument text (.odt)", "from_any: an .odt is named");
	free(data);
	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_docx_file(&d, mk_path(), NULL, &err);
	expect(r, LDIFF_ENOTDOCX, &err, "OpenDocument text (.odt)",
	    "file: an .odt is named");

	ok(mk_zip(mk_path(), docx, 3) == 0, "wrote a .docx");
	data = slurp(mk_path(), &len);
	is_int(from_any(data, len, &err), 0, "from_any: the .docx whole");
	for (cut = 4; data != NULL && cut < len; cut += len / 7) {
		char name[128];

		snprintf(name, sizeof name, "from_any: the first %zu of %zu "
		    "bytes: truncated", cut, len);
		expect(from_any(data, cut, &err), LDIFF_ENOTZIP, &err,
		    "damaged or truncated zip archive", name);
	}
	if ((f = fopen(mk_path(), "wb")) != NULL) {
		fwrite(data, 1, len / 2, f);
		fclose(f);
	}
	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_docx_file(&d, mk_path(), NULL, &err);
	expect(r, LDIFF_ENOTZIP, &err, "damaged or truncated",
	    "file: half a .docx: truncated");
	if ((f = fopen(mk_path(), "wb")) != NULL) {
		fwrite(pdf, 1, sizeof pdf - 1, f);
		fclose(f);
	}
	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_docx_file(&d, mk_path(), NULL, &err);
	expect(r, LDIFF_ENOTDOCX, &err, "a PDF document", "file: a PDF");
	free(data);
	unlink(mk_path());
}

/* A package whose document.xml is given whole; the file stays when
 * raw_doc_keep is set. */
static int raw_doc_keep;

static int
raw_doc(const char *xml, const ldiff_extract_opts *o, ldiff_error *err,
    ldiff_doc **d)
{
	struct mk_part p[3] = {
		{ "_rels/.rels", "<?xml version=\"1.0\"?><Relationships "
		    "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
		    "relationships\"><Relationship Id=\"rId1\" Type=\""
		    MK_RELTYPE "officeDocument\" Target=\"word/document.xml\"/>"
		    "</Relationships>", 0 },
		{ "word/document.xml", xml, 0 },
		{ "[Content_Types].xml", "<Types/>", 0 }
	};
	int r;

	memset(err, 0, sizeof *err);
	*d = NULL;
	if (mk_zip(mk_path(), p, 3) != 0)
		return -100;
	r = ldiff_doc_from_docx_file(d, mk_path(), o, err);
	if (!raw_doc_keep)
		unlink(mk_path());
	return r;
}

static void
test_xml(void)
{
	ldiff_error err;
	ldiff_doc *d;
	int r;

	r = raw_doc("<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [\n"
	    "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>\n"
	    "<w:document xmlns:w=\"" MK_W "\"><w:body><w:p><w:r><w:t>&b;"
	    "</w:t></w:r></w:p></w:body></w:document>", NULL, &err, &d);
	expect(r, LDIFF_EXML, &err, "word/document.xml",
	    "DOCTYPE with entities refused");
	ok(d == NULL, "no document on error");
	r = raw_doc("<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM "
	    "\"http://example.invalid/x.dtd\">\n<w:document xmlns:w=\"" MK_W
	    "\"/>", NULL, &err, &d);
	is_int(r, LDIFF_EXML, "external DTD refused");
	r = raw_doc("<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"" MK_W
	    "\">\n<w:body>\n<w:p>\n</w:body></w:document>", NULL, &err, &d);
	expect(r, LDIFF_EXML, &err, "word/document.xml:5: malformed XML",
	    "malformed XML: part and line");
	r = raw_doc("<?xml version=\"1.0\"?><w:document xmlns:w=\""
	    "http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
	    BODY "</w:body></w:document>", NULL, &err, &d);
	is_int(r, 0, "Strict namespace read");
	is_str(mk_text(d, 0), "Hej v\xc3\xa4rlden", "Strict text");
	ldiff_doc_free(d);
}

static void
test_limits(void)
{
	ldiff_extract_opts o;
	ldiff_error err;
	ldiff_doc *d;
	char *big, *xml;
	size_t n = 3 << 20;
	int r;

	big = malloc(n + 1);
	xml = malloc(n + 512);
	if (big == NULL || xml == NULL) {
		free(big);
		free(xml);
		return;
	}
	memset(big, 'a', n);
	big[n] = '\0';
	snprintf(xml, n + 512, "<?xml version=\"1.0\"?><w:document "
	    "xmlns:w=\"" MK_W "\"><w:body><w:p><w:r><w:t>%s</w:t></w:r>"
	    "</w:p></w:body></w:document>", big);

	ldiff_extract_opts_init(&o);
	o.limits.max_part_bytes = 1 << 20;
	r = raw_doc(xml, &o, &err, &d);
	expect(r, LDIFF_ELIMIT, &err, "word/document.xml: inflated size "
	    "exceeds the part limit of 1 MiB (--max-part-size)",
	    "part limit");
	ldiff_extract_opts_init(&o);
	o.limits.max_total_bytes = 2 << 20;
	r = raw_doc(xml, &o, &err, &d);
	expect(r, LDIFF_ELIMIT, &err, "--max-total-size", "total limit");
	ldiff_extract_opts_init(&o);
	o.limits.max_ratio = 50;
	r = raw_doc(xml, &o, &err, &d);
	expect(r, LDIFF_ELIMIT, &err, "--max-ratio", "ratio limit");
	{
		/* the same, the zip claiming 2 GiB of compressed data */
		size_t zl = 0, i;
		unsigned char *z;

		raw_doc_keep = 1;
		raw_doc(xml, NULL, &err, &d);
		raw_doc_keep = 0;
		ldiff_doc_free(d);
		z = (unsigned char *)slurp(mk_path(), &zl);
		unlink(mk_path());
		for (i = 0; z != NULL && i + 63 <= zl; i++) {
			if (memcmp(z + i, "PK\003\004", 4) == 0 &&
			    memcmp(z + i + 30, "word/document.xml", 17) == 0)
				memcpy(z + i + 18, "\xff\xff\xff\x7f", 4);
			if (memcmp(z + i, "PK\001\002", 4) == 0 &&
			    memcmp(z + i + 46, "word/document.xml", 17) == 0)
				memcpy(z + i + 20, "\xff\xff\xff\x7f", 4);
		}
		ldiff_extract_opts_init(&o);
		o.limits.max_ratio = 50;
		r = open_mem(z, zl, &o, &err, &d);
		expect(r, LDIFF_ELIMIT, &err, "--max-ratio",
		    "ratio limit when the zip lies about the compressed size");
		ldiff_doc_free(d);
		free(z);
	}
	ldiff_extract_opts_init(&o);
	o.limits.max_para_bytes = 1 << 20;
	r = raw_doc(xml, &o, &err, &d);
	expect(r, LDIFF_ELIMIT, &err, "--max-paragraph", "paragraph limit");
	ldiff_extract_opts_init(&o);
	r = raw_doc(xml, &o, &err, &d);
	is_int(r, 0, "the same document within default limits");
	ok(d != NULL && strlen(mk_text(d, 0)) == n, "all of its text");
	ldiff_doc_free(d);

	ldiff_extract_opts_init(&o);
	o.limits.max_xml_depth = 4;
	r = raw_doc("<?xml version=\"1.0\"?><w:document xmlns:w=\"" MK_W
	    "\"><w:body>" BODY "</w:body></w:document>", &o, &err, &d);
	expect(r, LDIFF_ELIMIT, &err, "--max-depth", "depth limit");
	{
		size_t k, m = 1000;
		char *deep = malloc(m * 48 + 512), *q = deep;

		if (deep != NULL) {
			q += sprintf(q, "<?xml version=\"1.0\"?><w:document "
			    "xmlns:w=\"" MK_W "\"><w:body>");
			for (k = 0; k < m; k++)
				q += sprintf(q, "<w:sdt><w:sdtContent>");
			q += sprintf(q, "%s", BODY);
			for (k = 0; k < m; k++)
				q += sprintf(q, "</w:sdtContent></w:sdt>");
			sprintf(q, "</w:body></w:document>");
			r = raw_doc(deep, NULL, &err, &d);
			expect(r, LDIFF_ELIMIT, &err, "(--max-depth)",
			    "1000 levels: the default depth limit");
			ldiff_extract_opts_init(&o);
			o.limits.max_xml_depth = 5000;
			r = raw_doc(deep, &o, &err, &d);
			is_int(r, 0, "1000 levels read with --max-depth=5000 "
			    "(past libxml2's own cap)");
			is_str(mk_text(d, 0), "Hej v\xc3\xa4rlden",
			    "the deep text");
			ldiff_doc_free(d);
			free(deep);
		}
	}
	ldiff_extract_opts_init(&o);
	o.limits.max_paras = 2;
	r = raw_doc("<?xml version=\"1.0\"?><w:document xmlns:w=\"" MK_W
	    "\"><w:body>" BODY BODY BODY "</w:body></w:document>", &o, &err,
	    &d);
	expect(r, LDIFF_ELIMIT, &err, "paragraphs", "paragraph count limit");
	free(big);
	free(xml);
}

static void
test_paths_and_memory(void)
{
	struct mk_doc md;
	ldiff_error err;
	ldiff_doc *d = NULL, *m = NULL;
	size_t len = 0;
	char *data;
	int r;

	memset(&md, 0, sizeof md);
	md.body = BODY;
	md.main_name = "custom/main.xml";
	d = mk_extract(&md, LDIFF_CHANGES_ACCEPT, &err);
	is_str(mk_text(d, 0), "Hej v\xc3\xa4rlden",
	    "main part found through _rels/.rels, not a fixed path");
	ldiff_doc_free(d);

	md.main_name = NULL;
	ok(mk_docx(mk_path(), &md) == 0, "fixture written");
	data = slurp(mk_path(), &len);
	r = open_mem(data, len, NULL, &err, &m);
	is_int(r, 0, "read from memory");
	is_str(mk_text(m, 0), "Hej v\xc3\xa4rlden", "same text from memory");
	ldiff_doc_free(m);
	free(data);
	unlink(mk_path());
}

/* Every allocation of ours may fail: the error is ENOMEM, nothing leaks
 * (ASan and valgrind check), and a later call works. */
static void
test_oom(void)
{
	struct mk_doc md;
	ldiff_error err;
	ldiff_doc *d;
	size_t len = 0;
	char *data;
	long n;
	int r = -1, bad = 0;

	memset(&md, 0, sizeof md);
	md.body = "<w:tbl><w:tr><w:tc>" BODY "</w:tc></w:tr></w:tbl>"
	    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"
	    "</w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>";
	md.styles = "<w:style w:type=\"paragraph\" w:styleId=\"A\">"
	    "<w:name w:val=\"A\"/></w:style>";
	md.numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl "
	    "w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
	    "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
	    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
	md.footnotes = "<w:footnote w:id=\"1\">" BODY "</w:footnote>";
	if (mk_docx(mk_path(), &md) != 0 ||
	    (data = slurp(mk_path(), &len)) == NULL) {
		ok(0, "OOM fixture");
		return;
	}
	unlink(mk_path());
	for (n = 0; n < 10000; n++) {
		ld_alloc_fail_after(n);
		r = open_mem(data, len, NULL, &err, &d);
		ld_alloc_fail_after(-1);
		if (r == 0)
			break;
		if (r != LDIFF_ENOMEM || d != NULL) {
			diag("failing allocation %ld: %d %s", n, r, err.msg);
			bad++;
		}
	}
	ok(r == 0 && n > 10, "succeeds once allocations stop failing");
	diag("%ld allocation failure points checked", n);
	is_int(bad, 0, "every injected failure gives ENOMEM and no document");
	is_str(mk_all(d), "Hej v\xc3\xa4rlden|1. x|Hej v\xc3\xa4rlden",
	    "then the document is whole");
	ldiff_doc_free(d);
	free(data);
}

int
main(void)
{
	plan_no_plan();
	test_not_docx();
	test_impostors();
	test_xml();
	test_limits();
	test_paths_and_memory();
	test_oom();
	return done_testing();
}
