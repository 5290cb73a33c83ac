/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mkhostile.c - write the hostile and broken inputs of tests/cli/hostile.t
 * into a directory: mkhostile DIR.
 *
 * Every file is generated here, never committed: damaged zips, packages
 * whose relationships point outside, truncations of a good document,
 * OLE compound files (an encrypted package, a Word 97-2003 .doc), a
 * 1 GB zip bomb streamed through libzip from a callback (so neither this
 * program nor the disk ever holds the gigabyte), XML with entity bombs,
 * external entities and 100 000 nested elements, invalid UTF-8, and the
 * harmless extremes: an empty document, only tables, 200 000 paragraphs.
 * What each tool must say about each file is in hostile.t.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

static const char *dir;

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "mkhostile: %s: %s\n", what, why);
	exit(2);
}

static char *
path_of(const char *name)
{
	static char buf[4096];

	snprintf(buf, sizeof buf, "%s/%s", dir, name);
	return buf;
}

static void
write_bytes(const char *name, const void *p, size_t n)
{
	FILE *f = fopen(path_of(name), "wb");

	if (f == NULL || fwrite(p, 1, n, f) != n || fclose(f) != 0)
		die(name, strerror(errno));
}

static char *
read_bytes(const char *name, size_t *n)
{
	FILE *f = fopen(path_of(name), "rb");
	char *p;
	long len;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0)
		die(name, strerror(errno));
	rewind(f);
	if ((p = malloc((size_t)len + 1)) == NULL)
		die(name, "out of memory");
	if (fread(p, 1, (size_t)len, f) != (size_t)len)
		die(name, "short read");
	fclose(f);
	*n = (size_t)len;
	return p;
}

/* ---- packages ------------------------------------------------------- */

#define XMLDECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/" \
	"wordprocessingml/2006/main\" xmlns:r=\"http://schemas." \
	"openxmlformats.org/officeDocument/2006/relationships\""
#define DOC_OPEN XMLDECL "<w:document " W_NS "><w:body>"
#define DOC_CLOSE "</w:body></w:document>"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships/"

static const char content_types[] = XMLDECL
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"rels\" ContentType=\""
    "application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    "\"/></Types>";

static const char pkg_rels[] = XMLDECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"" REL_NS
    "officeDocument\" Target=\"word/document.xml\"/></Relationships>";

static const char styles[] = XMLDECL
    "<w:styles " W_NS "><w:style w:type=\"paragraph\" w:default=\"1\" "
    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name "
    "w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr>"
    "<w:outlineLvl w:val=\"0\"/></w:pPr></w:style></w:styles>";

typedef struct zw {
	zip_t *za;
	const char *name;
} zw;

static zw
zw_open(const char *name)
{
	zw z;
	int e;

	z.name = name;
	z.za = zip_open(path_of(name), ZIP_CREATE | ZIP_TRUNCATE, &e);
	if (z.za == NULL)
		die(name, "cannot create the zip");
	return z;
}

/* Add a part from memory; own = 1 hands the buffer to libzip. */
static void
zw_add(zw *z, const char *part, const void *p, size_t n, int own)
{
	zip_source_t *s = zip_source_buffer(z->za, p, n, own);

	if (s == NULL || zip_file_add(z->za, part, s, ZIP_FL_OVERWRITE) < 0)
		die(z->name, zip_strerror(z->za));
}

static void
zw_adds(zw *z, const char *part, const char *s)
{
	zw_add(z, part, s, strlen(s), 0);
}

static void
zw_close(zw *z)
{
	if (zip_close(z->za) != 0)
		die(z->name, zip_strerror(z->za));
}

/* A package with the usual parts and this document.xml. */
static void
docx(const char *name, const char *document, const char *docrels)
{
	zw z = zw_open(name);

	zw_adds(&z, "[Content_Types].xml", content_types);
	zw_adds(&z, "_rels/.rels", pkg_rels);
	zw_adds(&z, "word/document.xml", document);
	zw_adds(&z, "word/styles.xml", styles);
	if (docrels != NULL)
		zw_adds(&z, "word/_rels/document.xml.rels", docrels);
	zw_close(&z);
}

/* ---- a part streamed from a callback: head, n filler bytes, tail ---- */

typedef struct stream {
	const char *head, *tail;
	const char *fill;	/* repeated to make n bytes; "" = NULs */
	zip_uint64_t n, at, total;
} stream;

/* Copy filler bytes from offset off of the repeated pattern. */
static void
fill_out(char *out, const char *pat, zip_uint64_t off, zip_uint64_t len)
{
	size_t pl = strlen(pat), k, c;

	if (pl <= 1) {
		memset(out, pl ? pat[0] : '\0', len);
		return;
	}
	for (k = 0; k < len; k += c) {
		size_t o = (size_t)((off + k) % pl);

		c = pl - o < len - k ? pl - o : (size_t)(len - k);
		memcpy(out + k, pat + o, c);
	}
}

static zip_int64_t
stream_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	stream *s = ud;
	zip_uint64_t hl = strlen(s->head), tl = strlen(s->tail), i, k;
	char *out = data;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		s->at = 0;
		s->total = hl + s->n + tl;
		return 0;
	case ZIP_SOURCE_READ:
		for (k = 0; k < len && s->at < s->total; k += i, s->at += i) {
			if (s->at < hl) {		/* the head */
				i = hl - s->at < len - k ? hl - s->at : len - k;
				memcpy(out + k, s->head + s->at, i);
			} else if (s->at < hl + s->n) {	/* the filler */
				i = hl + s->n - s->at;
				i = i < len - k ? i : len - k;
				fill_out(out + k, s->fill, s->at - hl, i);
			} else {			/* the tail */
				i = s->total - s->at;
				i = i < len - k ? i : len - k;
				memcpy(out + k, s->tail + (s->at - hl - s->n),
				    i);
			}
		}
		return (zip_int64_t)k;
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;

		zip_stat_init(st);
		st->size = hl + s->n + tl;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR:
		return 0;
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

static void
docx_stream(const char *name, stream *st)
{
	zw z = zw_open(name);
	zip_source_t *s;
	zip_int64_t i;

	zw_adds(&z, "[Content_Types].xml", content_types);
	zw_adds(&z, "_rels/.rels", pkg_rels);
	if ((s = zip_source_function(z.za, stream_cb, st)) == NULL ||
	    (i = zip_file_add(z.za, "word/document.xml", s, 0)) < 0 ||
	    zip_set_file_compression(z.za, (zip_uint64_t)i, ZIP_CM_DEFLATE,
	    9) != 0)
		die(name, zip_strerror(z.za));
	zw_close(&z);
}

/* ---- documents -------------------------------------------------------- */

/* A good agreement-like document of n sections (also the base of the
 * truncated files). */
static char *
agreement(int sections)
{
	size_t cap = 1 << 16, len = 0;
	char *b = malloc(cap);
	int i, j;

#define PUT(...) do { \
	int k_ = snprintf(b + len, cap - len, __VA_ARGS__); \
	while (k_ >= 0 && (size_t)k_ >= cap - len) { \
		cap *= 2; \
		if ((b = realloc(b, cap)) == NULL) \
			die("agreement", "out of memory"); \
		k_ = snprintf(b + len, cap - len, __VA_ARGS__); \
	} \
	len += (size_t)k_; \
} while (0)
	if (b == NULL)
		die("agreement", "out of memory");
	b[0] = '\0';
	PUT("%s", DOC_OPEN);
	for (i = 1; i <= sections; i++) {
		PUT("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r>"
		    "<w:t>%d. Avsnitt om samverkan %d</w:t></w:r></w:p>", i, i);
		for (j = 1; j <= 3; j++)
			PUT("<w:p><w:r><w:t xml:space=\"preserve\">%d.%d "
			    "Region Västerbotten och kommunerna ska under "
			    "2023–2026 samverka om regional utveckling, "
			    "bl.a. med %d 250 000 kronor per år.</w:t></w:r>"
			    "</w:p>", i, j, i + j);
	}
	PUT("%s", DOC_CLOSE);
#undef PUT
	return b;
}

static void
good_and_truncated(void)
{
	static const int pct[] = { 10, 50, 90 };
	char *doc = agreement(40), name[64], *p;
	size_t n, i, cd;

	docx("good.docx", doc, NULL);
	free(doc);
	p = read_bytes("good.docx", &n);
	for (i = 0; i < sizeof pct / sizeof pct[0]; i++) {
		snprintf(name, sizeof name, "truncated-%d.docx", pct[i]);
		write_bytes(name, p, n * (size_t)pct[i] / 100);
	}
	/* Just before the central directory: its first record. */
	for (cd = 0; cd + 4 <= n; cd++)
		if (memcmp(p + cd, "PK\001\002", 4) == 0)
			break;
	write_bytes("truncated-cd.docx", p, cd);
	free(p);
}

static void
rels_outside(void)
{
	static const char main_outside[] = XMLDECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL_NS
	    "officeDocument\" Target=\"../../../../etc/passwd\"/>"
	    "</Relationships>";
	static const char main_absolute[] = XMLDECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL_NS
	    "officeDocument\" Target=\"/etc/passwd\"/></Relationships>";
	static const char main_url[] = XMLDECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL_NS
	    "officeDocument\" Target=\"file:///etc/passwd\" TargetMode=\""
	    "External\"/></Relationships>";
	static const char main_missing[] = XMLDECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL_NS
	    "officeDocument\" Target=\"word/nothere.xml\"/></Relationships>";
	/* The body is fine; its styles, numbering, notes and header point
	 * outside the package, to absolute paths, to URLs, to nothing. */
	static const char doc_rels[] = XMLDECL
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"" REL_NS "styles\" Target=\""
	    "../../etc/passwd\"/>"
	    "<Relationship Id=\"rId2\" Type=\"" REL_NS "numbering\" Target=\""
	    "/etc/passwd\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" REL_NS "footnotes\" Target=\""
	    "file:///etc/passwd\" TargetMode=\"External\"/>"
	    "<Relationship Id=\"rId4\" Type=\"" REL_NS "hyperlink\" Target=\""
	    "http://example.invalid/x\" TargetMode=\"External\"/>"
	    "<Relationship Id=\"rId5\" Type=\"" REL_NS "header\" Target=\""
	    "header9.xml\"/>"
	    "<Relationship Id=\"rId6\" Type=\"" REL_NS "endnotes\" Target=\""
	    "../../../../../../../../etc/passwd\"/>"
	    "</Relationships>";
	static const char doc[] = DOC_OPEN
	    "<w:p><w:r><w:t>Texten finns kvar.</w:t></w:r></w:p>"
	    "<w:p><w:hyperlink r:id=\"rId4\"><w:r><w:t>Länk</w:t></w:r>"
	    "</w:hyperlink></w:p>"
	    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId5\"/>"
	    "</w:sectPr>" DOC_CLOSE;
	zw z;

	z = zw_open("rels-main-outside.docx");
	zw_adds(&z, "[Content_Types].xml", content_types);
	zw_adds(&z, "_rels/.rels", main_outside);
	zw_adds(&z, "word/document.xml", doc);
	zw_close(&z);
	z = zw_open("rels-main-absolute.docx");
	zw_adds(&z, "[Content_Types].xml", content_types);
	zw_adds(&z, "_rels/.rels", main_absolute);
	zw_close(&z);
	z = zw_open("rels-main-url.docx");
	zw_adds(&z, "[Content_Types].xml", content_types);
	zw_adds(&z, "_rels/.rels", main_url);
	zw_close(&z);
	z = zw_open("rels-main-missing.docx");
	zw_adds(&z, "[Content_Types].xml", content_types);
	zw_adds(&z, "_rels/.rels", main_missing);
	zw_adds(&z, "word/document.xml", doc);
	zw_close(&z);
	docx("rels-parts-outside.docx", doc, doc_rels);
}

static void
not_docx(void)
{
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
		'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0
	};
	static const char damaged[] = "PK\003\004\024\000\000\000\010\000"
	    "this is not what a local header continues with";
	zw z;

	write_bytes("not-a-zip.docx", png, sizeof png);
	write_bytes("damaged-zip.docx", damaged, sizeof damaged - 1);
	write_bytes("zero-bytes.docx", "", 0);
	z = zw_open("no-content-types.docx");
	zw_adds(&z, "_rels/.rels", pkg_rels);
	zw_adds(&z, "word/document.xml", DOC_OPEN "<w:p><w:r><w:t>Utan "
	    "innehållstyper.</w:t></w:r></w:p>" DOC_CLOSE);
	zw_close(&z);
	z = zw_open("zip-not-docx.docx");
	zw_adds(&z, "mimetype", "application/vnd.oasis.opendocument.text");
	zw_adds(&z, "content.xml", XMLDECL "<office:document-content/>");
	zw_close(&z);
}

/* A zip whose document.xml has its deflate stream damaged mid-way. */
static void
corrupt_deflate(void)
{
	size_t n, i, at = 0;
	char *p = read_bytes("good.docx", &n);

	/* The local header of word/document.xml, then well into its data. */
	for (i = 0; i + 17 <= n; i++)
		if (memcmp(p + i, "word/document.xml", 17) == 0) {
			at = i + 17;
			break;
		}
	if (at == 0 || at + 400 > n)
		die("corrupt-deflate.docx", "no document.xml in good.docx");
	for (i = at + 200; i < at + 400; i++)
		p[i] = (char)(p[i] ^ 0x5a);
	write_bytes("corrupt-deflate.docx", p, n);
	free(p);
}

/* ---- OLE compound files --------------------------------------------- */

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void
put32(unsigned char *p, unsigned long v)
{
	put16(p, (unsigned)(v & 0xffff));
	put16(p + 2, (unsigned)(v >> 16));
}

static void
dirent(unsigned char *e, const char *name, int type, unsigned long child,
    unsigned long right)
{
	size_t i, n = strlen(name);

	for (i = 0; i < n; i++)
		put16(e + 2 * i, (unsigned char)name[i]);
	put16(e + 64, (unsigned)(2 * n + 2));
	e[66] = (unsigned char)type;	/* 1 storage, 2 stream, 5 root */
	e[67] = 1;			/* black */
	put32(e + 68, 0xFFFFFFFFUL);	/* left sibling */
	put32(e + 72, right);
	put32(e + 76, child);
	put32(e + 116, 0xFFFFFFFEUL);	/* start sector: none */
}

/* A minimal compound file: header, one FAT sector, one directory sector
 * with the root and two streams. */
static void
cfb(const char *name, const char *s1, const char *s2)
{
	static const unsigned char magic[8] = {
		0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
	};
	unsigned char f[512 * 3];
	int i;

	memset(f, 0, sizeof f);
	memcpy(f, magic, 8);
	put16(f + 24, 0x3E);		/* minor version */
	put16(f + 26, 3);		/* major version: 512-byte sectors */
	put16(f + 28, 0xFFFE);		/* byte order */
	put16(f + 30, 9);		/* sector shift */
	put16(f + 32, 6);		/* mini sector shift */
	put32(f + 44, 1);		/* FAT sectors */
	put32(f + 48, 1);		/* first directory sector */
	put32(f + 56, 4096);		/* mini stream cutoff */
	put32(f + 60, 0xFFFFFFFEUL);	/* no mini FAT */
	put32(f + 68, 0xFFFFFFFEUL);	/* no DIFAT sectors */
	put32(f + 76, 0);		/* DIFAT[0]: the FAT is sector 0 */
	for (i = 1; i < 109; i++)
		put32(f + 76 + 4 * i, 0xFFFFFFFFUL);
	/* Sector 0 (file offset 512): the FAT. */
	for (i = 0; i < 128; i++)
		put32(f + 512 + 4 * i, 0xFFFFFFFFUL);
	put32(f + 512, 0xFFFFFFFDUL);	/* sector 0 is the FAT */
	put32(f + 516, 0xFFFFFFFEUL);	/* sector 1: directory, ends */
	/* Sector 1 (offset 1024): directory entries of 128 bytes. */
	dirent(f + 1024, "Root Entry", 5, 1, 0xFFFFFFFFUL);
	dirent(f + 1024 + 128, s1, 2, 0xFFFFFFFFUL, 2);
	dirent(f + 1024 + 256, s2, 2, 0xFFFFFFFFUL, 0xFFFFFFFFUL);
	write_bytes(name, f, sizeof f);
}

/* ---- XML attacks ------------------------------------------------------ */

static void
xml_attacks(void)
{
	static const char laughs[] = XMLDECL
	    "<!DOCTYPE w:document [\n"
	    " <!ENTITY a \"hahahahahahahahahaha\">\n"
	    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	    " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
	    " <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
	    "]>\n<w:document " W_NS "><w:body><w:p><w:r><w:t>&i;</w:t>"
	    "</w:r></w:p>" DOC_CLOSE;
	static const char xxe[] = XMLDECL
	    "<!DOCTYPE w:document [\n"
	    " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
	    "]>\n<w:document " W_NS "><w:body><w:p><w:r><w:t>före &xxe; "
	    "efter</w:t></w:r></w:p>" DOC_CLOSE;
	static const char bad_utf8[] = DOC_OPEN
	    "<w:p><w:r><w:t>Ogiltig \xff\xfe UTF-8 \xc3 h\xe4r</w:t></w:r>"
	    "</w:p>" DOC_CLOSE;
	static const char not_wf[] = DOC_OPEN
	    "<w:p><w:r><w:t>Ej välformad</w:r></w:p>" DOC_CLOSE;
	size_t depth = 100000, i, len = 0;
	const char *open = "<w:sdt><w:sdtContent>";
	const char *close = "</w:sdtContent></w:sdt>";
	char *deep;

	docx("billion-laughs.docx", laughs, NULL);
	docx("external-entity.docx", xxe, NULL);
	docx("invalid-utf8.docx", bad_utf8, NULL);
	docx("not-well-formed.docx", not_wf, NULL);
	deep = malloc(sizeof DOC_OPEN + sizeof DOC_CLOSE + 64 +
	    depth / 2 * (strlen(open) + strlen(close)));
	if (deep == NULL)
		die("deep-nesting.docx", "out of memory");
	len += (size_t)sprintf(deep + len, "%s", DOC_OPEN);
	for (i = 0; i < depth / 2; i++)
		len += (size_t)sprintf(deep + len, "%s", open);
	len += (size_t)sprintf(deep + len, "<w:p><w:r><w:t>djup</w:t>"
	    "</w:r></w:p>");
	for (i = 0; i < depth / 2; i++)
		len += (size_t)sprintf(deep + len, "%s", close);
	sprintf(deep + len, "%s", DOC_CLOSE);
	docx("deep-nesting.docx", deep, NULL);
	free(deep);
}

/* ---- size ------------------------------------------------------------- */

static void
bombs(void)
{
	static stream zeros = {
		"", "", "", (zip_uint64_t)1 << 30, 0, 0
	};
	static stream spaces = {
		DOC_OPEN "<w:p><w:r><w:t>Bomb</w:t></w:r></w:p>", DOC_CLOSE,
		" ", (zip_uint64_t)300 << 20, 0, 0
	};
	static stream para = {
		DOC_OPEN "<w:p><w:r><w:t>", "</w:t></w:r></w:p>" DOC_CLOSE,
		"a", (zip_uint64_t)64 << 20, 0, 0
	};
	/* 24 MiB of small elements: no huge text node, so only the ratio
	 * (or the part size) stops it. */
	static stream ratio = {
		DOC_OPEN, "<w:p><w:r><w:t>Slut.</w:t></w:r></w:p>" DOC_CLOSE,
		"<w:proofErr/>", (zip_uint64_t)13 * (2 << 20), 0, 0
	};

	docx_stream("bomb-zeros.docx", &zeros);
	docx_stream("bomb-spaces.docx", &spaces);
	docx_stream("long-paragraph.docx", &para);
	docx_stream("ratio-bomb.docx", &ratio);
}

/* The zip directory of bomb-spaces.docx (300 MiB of white space, more
 * than the default part limit of 256 MiB, inside a valid document) says
 * document.xml is 1 KiB: the
 * reader must count what it inflates, not what it is told. */
static void
lying_sizes(void)
{
	size_t n, i;
	char *p = read_bytes("bomb-spaces.docx", &n);

	for (i = 0; i + 46 <= n; i++) {
		if (memcmp(p + i, "PK\003\004", 4) == 0 && i + 30 + 17 <= n &&
		    memcmp(p + i + 30, "word/document.xml", 17) == 0)
			put32((unsigned char *)p + i + 22, 1024);
		if (memcmp(p + i, "PK\001\002", 4) == 0 &&
		    memcmp(p + i + 46, "word/document.xml", 17) == 0)
			put32((unsigned char *)p + i + 24, 1024);
	}
	write_bytes("bomb-lying-size.docx", p, n);
	free(p);
	/* ratio-bomb.docx claiming a compressed size of 2 GiB: a ratio
	 * judged on that claim never trips. */
	p = read_bytes("ratio-bomb.docx", &n);
	for (i = 0; i + 46 <= n; i++) {
		if (memcmp(p + i, "PK\003\004", 4) == 0 && i + 30 + 17 <= n &&
		    memcmp(p + i + 30, "word/document.xml", 17) == 0)
			put32((unsigned char *)p + i + 18, 0x7FFFFFFFUL);
		if (memcmp(p + i, "PK\001\002", 4) == 0 &&
		    memcmp(p + i + 46, "word/document.xml", 17) == 0)
			put32((unsigned char *)p + i + 20, 0x7FFFFFFFUL);
	}
	write_bytes("ratio-lying-size.docx", p, n);
	free(p);
}

static void
extremes(void)
{
	static const char empty[] = DOC_OPEN "<w:sectPr/>" DOC_CLOSE;
	static const char tables[] = DOC_OPEN
	    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kommun</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>Belopp</w:t></w:r></w:p></w:tc></w:tr>"
	    "<w:tr><w:tc><w:p><w:r><w:t>Umeå</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>1 250 000</w:t></w:r></w:p></w:tc></w:tr>"
	    "<w:tr><w:tc><w:p><w:r><w:t>Skellefteå</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>980 000</w:t></w:r></w:p></w:tc></w:tr>"
	    "</w:tbl>" DOC_CLOSE;
	size_t n = 200000, i, len = 0, cap = n * 110 + 256;
	char *big = malloc(cap);

	docx("empty.docx", empty, NULL);
	docx("only-tables.docx", tables, NULL);
	if (big == NULL)
		die("200k-paragraphs.docx", "out of memory");
	len += (size_t)sprintf(big, "%s", DOC_OPEN);
	for (i = 1; i <= n; i++)
		len += (size_t)snprintf(big + len, cap - len,
		    "<w:p><w:r><w:t>Stycke %zu om samverkan.</w:t></w:r>"
		    "</w:p>", i);
	len += (size_t)snprintf(big + len, cap - len, "%s", DOC_CLOSE);
	{
		/* The same, cut short by an unclosed element near the end:
		 * nothing of the 200 000 good paragraphs may be printed. */
		char *late = malloc(len + 64);
		size_t k = len - strlen(DOC_CLOSE);

		if (late == NULL)
			die("late-error.docx", "out of memory");
		memcpy(late, big, k);
		k += (size_t)sprintf(late + k, "<w:p><w:r><w:t>x</w:r>%s",
		    DOC_CLOSE);
		{
			zw z = zw_open("late-error.docx");

			zw_adds(&z, "[Content_Types].xml", content_types);
			zw_adds(&z, "_rels/.rels", pkg_rels);
			zw_add(&z, "word/document.xml", late, k, 1);
			zw_close(&z);
		}
	}
	{
		zw z = zw_open("200k-paragraphs.docx");

		zw_adds(&z, "[Content_Types].xml", content_types);
		zw_adds(&z, "_rels/.rels", pkg_rels);
		zw_add(&z, "word/document.xml", big, len, 1);
		zw_close(&z);
	}
}

/* Record streams for klsplit and kldiff. */
static void
streams(void)
{
	static const char bad_paras[] = "#klausul-paragraphs 1\n"
	    "paragraph\t0\t\t\t\t\t\tGiltig rad.\n"
	    "paragraph\t0\t\t\t\t\t\tOgiltig \xff\xfe UTF-8.\n";
	static const char bad_clauses[] = "#klausul-clauses 1\n"
	    "1\t\tclause\t1\t1.\t\tGiltig.\n"
	    "2\t\tclause\t1\t2.\t\tOgiltig \xc3\x28 UTF-8.\n";
	static const char bad_plain[] = "Första stycket.\n"
	    "Andra \xed\xa0\x80 stycket (surrogat).\n";
	static const char future[] = "#klausul-paragraphs 9\n"
	    "paragraph\t0\t\t\t\t\t\tFrån framtiden.\n";
	static const char nul[] = "Text med\0NUL.\n";
	FILE *f;
	int i;

	write_bytes("invalid-utf8-paragraphs.tsv", bad_paras,
	    sizeof bad_paras - 1);
	write_bytes("invalid-utf8-clauses.tsv", bad_clauses,
	    sizeof bad_clauses - 1);
	write_bytes("invalid-utf8-plain.txt", bad_plain, sizeof bad_plain - 1);
	write_bytes("future-version.tsv", future, sizeof future - 1);
	write_bytes("nul-byte.txt", nul, sizeof nul - 1);
	/* 100 000 good records, then a bad one: no output at all. */
	if ((f = fopen(path_of("late-error.tsv"), "w")) == NULL)
		die("late-error.tsv", strerror(errno));
	fputs("#klausul-paragraphs 1\n", f);
	for (i = 1; i <= 100000; i++)
		fprintf(f, "paragraph\t0\t\t\t\t\t\tStycke %d.\n", i);
	fputs("paragraph\t0\t\t\t\t\t\tSist \xff.\n", f);
	if (fclose(f) != 0)
		die("late-error.tsv", strerror(errno));
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: mkhostile DIR\n");
		return 2;
	}
	dir = argv[1];
	good_and_truncated();
	rels_outside();
	not_docx();
	corrupt_deflate();
	cfb("encrypted.docx", "EncryptionInfo", "EncryptedPackage");
	cfb("word97-renamed.docx", "WordDocument", "1Table");
	xml_attacks();
	bombs();
	lying_sizes();
	extremes();
	streams();
	return 0;
}
