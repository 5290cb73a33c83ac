/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mkagreement.c - write an agreement-like .docx for the kltext benchmarks.
 *
 *   mkagreement [-s SCALE] OUT.docx
 *
 * SCALE x 60 sections (about 60 pages and 25 000 words at SCALE 1), each a
 * Heading 1 numbered through numbering.xml, ten clauses numbered "N.M."
 * through the Klausul style's list, a lead-in with bullet items, runs split
 * mid-word as Word leaves them, a footnote reference, and every fifth
 * section a contributions table.  Footnotes, styles and numbering are real
 * parts, so the whole extraction path is exercised.  Deterministic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships"
#define RT R_NS "/"

static const char *words[] = {
	"regionen", "kommunerna", "samverkan", "utveckling", "länet",
	"ansvar", "finansiering", "uppföljning", "strategi", "insatser",
	"kompetensförsörjning", "infrastruktur", "kollektivtrafik",
	"näringslivet", "bostäder", "digitalisering", "landsbygden",
	"inlandet", "kusten", "överenskommelsen", "parterna", "gemensamt",
	"årligen", "budget", "kronor", "beslut", "samråd", "dialog", "och",
	"att", "för", "med", "inom", "enligt", "samt", "som", "ska", "kan",
	"den", "det", "till", "av", "på", "om", "de", "i", "en", "ett"
};
#define NWORDS (sizeof words / sizeof words[0])

static unsigned long seed = 12345;

static unsigned
rnd(unsigned n)
{
	seed = seed * 1103515245UL + 12345UL;
	return (unsigned)((seed >> 16) % n);
}

struct out {
	char *p;
	size_t len, cap;
};

static void
put(struct out *o, const char *s)
{
	size_t n = strlen(s);

	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->p = realloc(o->p, o->cap);
		if (o->p == NULL) {
			perror("mkagreement");
			exit(2);
		}
	}
	memcpy(o->p + o->len, s, n + 1);
	o->len += n;
}

static void
putf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#include <stdarg.h>
static void
putf(struct out *o, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	put(o, buf);
}

/* A clause of n words, the sentence split over runs as Word does. */
static void
clause_runs(struct out *o, unsigned n)
{
	unsigned i;
	const char *w;

	put(o, "<w:r><w:t xml:space=\"preserve\">Parterna ska ");
	for (i = 0; i < n; i++) {
		w = words[rnd(NWORDS)];
		if (rnd(9) == 0 && strlen(w) > 4) {
			/* a run boundary inside a word */
			putf(o, "%.3s</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
			    "<w:t xml:space=\"preserve\">%s", w, w + 3);
		} else {
			put(o, w);
		}
		put(o, i + 1 < n ? " " : ".");
	}
	put(o, "</w:t></w:r>");
}

static void
para(struct out *o, const char *style, unsigned nwords, int fn)
{
	putf(o, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	clause_runs(o, nwords);
	if (fn > 0)
		putf(o, "<w:r><w:rPr><w:rStyle w:val=\"Fotnotsreferens\"/>"
		    "</w:rPr><w:footnoteReference w:id=\"%d\"/></w:r>", fn);
	put(o, "</w:p>\n");
}

static void
table(struct out *o, int s)
{
	int r;

	put(o, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
	    "<w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"2000\"/>"
	    "</w:tblGrid>");
	for (r = 0; r < 16; r++)
		putf(o, "<w:tr><w:tc><w:p><w:r><w:t>Kommun %d</w:t></w:r></w:p>"
		    "</w:tc><w:tc><w:p><w:r><w:t>%d %03d kr</w:t></w:r></w:p>"
		    "</w:tc></w:tr>", r + 1, s + r, (s * 37 + r) % 1000);
	put(o, "</w:tbl>\n");
}

static void
section(struct out *o, struct out *fn, int s, int *fnid)
{
	int c, b;

	putf(o, "<w:p><w:pPr><w:pStyle w:val=\"Rubrik1\"/></w:pPr><w:r>"
	    "<w:t>Avsnitt %d om samverkan</w:t></w:r></w:p>\n", s);
	for (c = 0; c < 10; c++) {
		int ref = c == 0 ? ++*fnid : 0;

		para(o, "Klausul", 28 + rnd(14), ref);
		if (ref)
			putf(fn, "<w:footnote w:id=\"%d\"><w:p><w:pPr><w:pStyle "
			    "w:val=\"Fotnotstext\"/></w:pPr><w:r><w:footnoteRef/>"
			    "</w:r><w:r><w:t xml:space=\"preserve\"> Jfr lag "
			    "(2010:630) om regionalt utvecklingsansvar, avsnitt "
			    "%d.</w:t></w:r></w:p></w:footnote>\n", ref, s);
		if (c == 4)
			for (b = 0; b < 3; b++)
				para(o, "Punkt", 6 + rnd(6), 0);
	}
	if (s % 5 == 0)
		table(o, s);
}

static const char *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Rubrik1\"><w:name "
    "w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr>"
    "<w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Klausul\"><w:name "
    "w:val=\"Klausul\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr>"
    "<w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Punkt\"><w:name "
    "w:val=\"List Bullet\"/><w:pPr><w:numPr><w:numId w:val=\"2\"/>"
    "</w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Fotnotstext\"><w:name "
    "w:val=\"footnote text\"/></w:style>"
    "</w:styles>";

static const char *numbering =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:numbering xmlns:w=\"" W_NS "\">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:pStyle w:val=\"Rubrik1\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:pStyle w:val=\"Klausul\"/><w:lvlText w:val=\"%1.%2.\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
    "<w:lvlText w:val=\"\xe2\x80\x93\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "</w:numbering>";

static const char *rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"" RT
    "officeDocument\" Target=\"word/document.xml\"/></Relationships>";

static const char *doc_rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" RT "styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" RT "numbering\" "
    "Target=\"numbering.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" RT "footnotes\" "
    "Target=\"footnotes.xml\"/></Relationships>";

static const char *types =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/><Default "
    "Extension=\"xml\" ContentType=\"application/xml\"/><Override "
    "PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
    "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
    "</Types>";

static int
add(zip_t *z, const char *name, const char *data)
{
	zip_source_t *s = zip_source_buffer(z, data, strlen(data), 0);

	if (s == NULL || zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct out doc = { 0 }, fn = { 0 };
	int c, scale = 1, s, fnid = 0, err;
	zip_t *z;

	while ((c = getopt(argc, argv, "s:")) != -1) {
		if (c != 's' || (scale = atoi(optarg)) < 1) {
			fprintf(stderr, "usage: mkagreement [-s SCALE] OUT\n");
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: mkagreement [-s SCALE] OUT\n");
		return 2;
	}
	put(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:document xmlns:w=\"" W_NS "\" "
	    "xmlns:r=\"" R_NS "\"><w:body>\n<w:p><w:pPr><w:pStyle "
	    "w:val=\"Normal\"/></w:pPr><w:r><w:t>\xc3\x96verenskommelse om "
	    "samverkan f\xc3\xb6r regional utveckling 2027\xe2\x80\x93"
	    "2030</w:t></w:r></w:p>\n");
	put(&fn, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"" W_NS "\">"
	    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r>"
	    "<w:separator/></w:r></w:p></w:footnote>\n");
	for (s = 1; s <= 60 * scale; s++)
		section(&doc, &fn, s, &fnid);
	put(&doc, "<w:sectPr/></w:body></w:document>\n");
	put(&fn, "</w:footnotes>\n");
	z = zip_open(argv[optind], ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (z == NULL || add(z, "[Content_Types].xml", types) ||
	    add(z, "_rels/.rels", rels) ||
	    add(z, "word/_rels/document.xml.rels", doc_rels) ||
	    add(z, "word/document.xml", doc.p) ||
	    add(z, "word/styles.xml", styles) ||
	    add(z, "word/numbering.xml", numbering) ||
	    add(z, "word/footnotes.xml", fn.p) || zip_close(z) != 0) {
		fprintf(stderr, "mkagreement: cannot write %s\n", argv[optind]);
		return 2;
	}
	free(doc.p);
	free(fn.p);
	return 0;
}
