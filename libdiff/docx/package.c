/*
 * package.c - a .docx as an OPC package: a zip of parts tied by .rels.
 *
 * The idea: trust nothing the archive says about itself.  Parts are found
 * through relationships, never fixed paths; an OLE compound file is told
 * apart (encrypted package or old .doc) before the zip reader (zip.c)
 * sees it; and every byte inflated is counted against the part, total and
 * ratio limits as it is read, because a zip directory can lie about sizes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "docx/docx.h"

struct ld_pkg {
	ld_zip *zip;
	void *own;		/* the archive's bytes, when read from a file */
	ldiff_limits lim;
	uint64_t total;		/* bytes inflated from every part so far */
	uint64_t size;		/* bytes of the archive itself */
};

struct ld_part {
	ld_pkg *pkg;
	ld_zip_file *f;
	char *name;
	uint64_t comp, got;
};

static const unsigned char ole_magic[8] = {
	0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
};

/* "EncryptedPackage" as an OLE directory entry name (UTF-16LE). */
static const char enc_name[] =
    "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
#define ENC_LEN (sizeof enc_name - 1)

/* Messages name no file: the caller knows which one it opened and says
 * so ("kltext: FILE: message"); they name parts inside the package. */
static int
ole_error(int encrypted, ldiff_error *err)
{
	if (encrypted)
		return ld_error(err, LDIFF_EENCRYPTED, _("the document is "
		    "encrypted (password-protected); save it without a "
		    "password and try again"));
	return ld_error(err, LDIFF_ENOTDOCX, _("a Word 97-2003 .doc, not a "
	    ".docx; save it as .docx and try again"));
}

static int
mem_has(const unsigned char *p, size_t n, const char *needle, size_t m)
{
	size_t i;

	for (i = 0; i + m <= n; i++)
		if (p[i] == (unsigned char)needle[0] &&
		    memcmp(p + i, needle, m) == 0)
			return 1;
	return 0;
}

/* An OLE file: scan it (in overlapping chunks) for the directory name. */
static int
ole_file_error(FILE *fp, ldiff_error *err)
{
	unsigned char buf[65536 + ENC_LEN];
	size_t keep = 0, n;
	int found = 0;

	rewind(fp);
	while (!found && (n = fread(buf + keep, 1, 65536, fp)) > 0) {
		size_t tot = keep + n;

		found = mem_has(buf, tot, enc_name, ENC_LEN);
		keep = tot < ENC_LEN - 1 ? tot : ENC_LEN - 1;
		memmove(buf, buf + tot - keep, keep);
	}
	return ole_error(found, err);
}

/* A web page saved under the document's name (an intranet's login or
 * error page): "<!DOCTYPE html" or "<html" after a BOM and white space. */
static int
is_html(const unsigned char *p, size_t n)
{
	static const char *const start[] = { "<!doctype html", "<html" };
	size_t i, k, m;

	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	else
		i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
	    p[i] == '\n'))
		i++;
	for (k = 0; k < sizeof start / sizeof start[0]; k++) {
		m = strlen(start[k]);
		if (n - i >= m && strncasecmp((const char *)p + i, start[k],
		    m) == 0)
			return 1;
	}
	return 0;
}

/*
 * Other documents a user may take for a .docx, told by their first bytes
 * so that they are named instead of called "not a zip archive".  Returns
 * 0 when the bytes are none of them.
 */
static int
foreign_error(const unsigned char *p, size_t n, ldiff_error *err)
{
	/* no bytes would otherwise pass for an archive of no parts */
	if (n == 0)
		return ld_error(err, LDIFF_ENOTZIP, _("an empty file (0 bytes), "
		    "not a .docx"));
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return ld_error(err, LDIFF_ENOTDOCX, _("a PDF document, not a "
		    ".docx"));
	if (n >= 5 && memcmp(p, "{\\rtf", 5) == 0)
		return ld_error(err, LDIFF_ENOTDOCX, _("an RTF document, not a "
		    ".docx"));
	if (is_html(p, n))
		return ld_error(err, LDIFF_ENOTDOCX, _("an HTML page, not a "
		    ".docx (a download that failed?)"));
	return 0;
}

/* The zip signatures: a local file header, or the end record of an empty
 * archive.  Data starting so was meant to be a zip. */
static int
zip_magic(const unsigned char *p, size_t n)
{
	return n >= 4 && p[0] == 'P' && p[1] == 'K' &&
	    ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6));
}

/* An archive is found by its central directory at the end: a file cut
 * short (a broken download or copy) starts like a zip but has none. */
static int
zip_open_error(int zerr, int magic, ldiff_error *err)
{
	if (magic && zerr == LD_ZIP_ENOEND)
		return ld_error(err, LDIFF_ENOTZIP, _("damaged or truncated "
		    "zip archive (its directory at the end is missing)"));
	if (magic && zerr == LD_ZIP_EINCONS)
		return ld_error(err, LDIFF_ENOTZIP, _("damaged or truncated "
		    "zip archive (its directory does not match its "
		    "contents)"));
	switch (zerr) {
	case LD_ZIP_ENOMEM:
		return ld_error(err, LDIFF_ENOMEM, NULL);
	case LD_ZIP_ENOEND:
		return ld_error(err, LDIFF_ENOTZIP, _("not a zip archive, so "
		    "not a .docx"));
	default:
		return ld_error(err, LDIFF_ENOTZIP, _("a damaged zip "
		    "archive"));
	}
}

/* Up to len bytes of entry i, whole or cut short; -1 when unreadable. */
static long
read_entry_head(const ld_zip *z, size_t i, char *buf, size_t len)
{
	ld_zip_file *f;
	long n, got = 0;

	if (ld_zip_fopen(&f, z, i) != 0)
		return -1;
	while ((size_t)got < len &&
	    (n = ld_zip_fread(f, buf + got, len - (size_t)got)) > 0)
		got += n;
	ld_zip_fclose(f);
	return got;
}

/*
 * An OpenDocument file is a zip too, without [Content_Types].xml and with
 * its media type stored first as the part "mimetype".  Returns 0 when z
 * is not one (then docx.c says what is missing from the package).
 */
static int
odf_error(const ld_zip *z, ldiff_error *err)
{
	static const char odf[] = "application/vnd.oasis.opendocument.";
	char type[64];
	long i, n;

	if (ld_zip_find(z, "[Content_Types].xml", 0) >= 0 ||
	    (i = ld_zip_find(z, "mimetype", 0)) < 0)
		return 0;
	n = read_entry_head(z, (size_t)i, type, sizeof type - 1);
	if (n < (long)sizeof odf - 1 ||
	    memcmp(type, odf, sizeof odf - 1) != 0)
		return 0;
	type[n] = '\0';
	if (strcmp(type + sizeof odf - 1, "text") == 0)
		return ld_error(err, LDIFF_ENOTDOCX, _("an OpenDocument text "
		    "(.odt), not a .docx"));
	return ld_error(err, LDIFF_ENOTDOCX, _("an OpenDocument file (%s), "
	    "not a .docx"), type);
}

/* The package of the zip archive in data[0, len). */
static int
pkg_new(ld_pkg **out, const void *data, size_t len, void *own,
    const ldiff_limits *lim, ldiff_error *err)
{
	ld_zip *z;
	ld_pkg *p;
	int r;

	*out = NULL;
	if ((r = ld_zip_open(&z, data, len)) != 0) {
		r = zip_open_error(r, zip_magic(data, len), err);
		ld_free(own);
		return r;
	}
	if ((r = odf_error(z, err)) != 0) {
		ld_zip_close(z);
		ld_free(own);
		return r;
	}
	if ((p = ld_calloc(1, sizeof *p)) == NULL) {
		ld_zip_close(z);
		ld_free(own);
		return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	p->zip = z;
	p->own = own;
	p->size = len;
	if (lim != NULL)
		p->lim = *lim;
	else
		ldiff_limits_init(&p->lim);
	*out = p;
	return 0;
}

/* The whole file, read into memory: in one block the size of a regular
 * file (no doubling, so the peak is the file), growing for a pipe. */
static int
slurp(FILE *fp, char **out, size_t *len, ldiff_error *err)
{
	struct stat st;
	size_t cap = 1 << 16, n = 0, k;
	char *p, *q;

	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0 && (uintmax_t)st.st_size < SIZE_MAX / 2)
		cap = (size_t)st.st_size + 1;	/* + 1: the end is seen */
	p = ld_malloc(cap);

	while (p != NULL && (k = fread(p + n, 1, cap - n, fp)) > 0) {
		n += k;
		if (n == cap) {
			q = cap > SIZE_MAX / 2 ? NULL :
			    ld_realloc(p, cap * 2);
			if (q == NULL) {
				ld_free(p);
				p = NULL;
				break;
			}
			p = q;
			cap *= 2;
		}
	}
	if (p == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	if (ferror(fp)) {
		ld_free(p);
		return ld_error(err, LDIFF_EIO, _("cannot read: %s"),
		    strerror(errno));
	}
	*out = p;
	*len = n;
	return 0;
}

int
ld_pkg_open_file(ld_pkg **out, const char *path, const ldiff_limits *lim,
    ldiff_error *err)
{
	unsigned char magic[64];
	FILE *fp;
	char *data = NULL;
	size_t n, len = 0;
	int r;

	*out = NULL;
	fp = fopen(path, "rb");
	if (fp == NULL)
		return ld_error(err, LDIFF_EIO, "%s", strerror(errno));
	n = fread(magic, 1, sizeof magic, fp);
	if (n < sizeof magic && ferror(fp)) {	/* a directory: EISDIR */
		r = ld_error(err, LDIFF_EIO, "%s", strerror(errno));
		fclose(fp);
		return r;
	}
	if (n >= 8 && memcmp(magic, ole_magic, 8) == 0) {
		r = ole_file_error(fp, err);
		fclose(fp);
		return r;
	}
	if ((r = foreign_error(magic, n, err)) != 0) {
		fclose(fp);
		return r;
	}
	rewind(fp);
	r = slurp(fp, &data, &len, err);
	fclose(fp);
	if (r != 0)
		return r;
	return pkg_new(out, data, len, data, lim, err);
}

int
ld_pkg_open_mem(ld_pkg **out, const void *data, size_t len,
    const ldiff_limits *lim, ldiff_error *err)
{
	int code;

	*out = NULL;
	if (len >= 8 && memcmp(data, ole_magic, 8) == 0)
		return ole_error(mem_has(data, len, enc_name, ENC_LEN), err);
	if ((code = foreign_error(data, len, err)) != 0)
		return code;
	return pkg_new(out, data, len, NULL, lim, err);
}

void
ld_pkg_close(ld_pkg *p)
{
	if (p == NULL)
		return;
	ld_zip_close(p->zip);
	ld_free(p->own);
	ld_free(p);
}

const ldiff_limits *
ld_pkg_limits(const ld_pkg *p)
{
	return &p->lim;
}

int
ld_pkg_has_part(ld_pkg *p, const char *name)
{
	return ld_zip_find(p->zip, name, 1) >= 0;
}

size_t
ld_pkg_count(const ld_pkg *p)
{
	return ld_zip_count(p->zip);
}

const char *
ld_pkg_name(const ld_pkg *p, size_t i)
{
	const ld_zip_entry *e = ld_zip_entry_at(p->zip, i);

	return e != NULL ? e->name : NULL;
}

/* ---- limits while inflating ------------------------------------------ */

static void
fmt_size(char *buf, size_t size, uint64_t n)
{
	if (n >= (1u << 20) && n % (1u << 20) == 0)
		snprintf(buf, size, "%llu MiB", (unsigned long long)(n >> 20));
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(buf, size, "%llu KiB", (unsigned long long)(n >> 10));
	else
		snprintf(buf, size, "%llu bytes", (unsigned long long)n);
}

/* Ratio is only judged past this many bytes: small parts of repeated
 * markup compress very well and are harmless. */
#define RATIO_FLOOR (1u << 20)

static int
check_limits(ld_part *pt, ldiff_error *err)
{
	const ldiff_limits *l = &pt->pkg->lim;
	char sz[64];

	if (pt->got > l->max_part_bytes) {
		fmt_size(sz, sizeof sz, l->max_part_bytes);
		return ld_error(err, LDIFF_ELIMIT, _("%s: inflated size "
		    "exceeds the part limit of %s (--max-part-size)"),
		    pt->name, sz);
	}
	if (pt->pkg->total > l->max_total_bytes) {
		fmt_size(sz, sizeof sz, l->max_total_bytes);
		return ld_error(err, LDIFF_ELIMIT, _("%s: inflated size of "
		    "all parts exceeds the limit of %s (--max-total-size)"),
		    pt->name, sz);
	}
	if (l->max_ratio > 0 && pt->got > RATIO_FLOOR &&
	    pt->got / (pt->comp ? pt->comp : 1) > l->max_ratio)
		return ld_error(err, LDIFF_ELIMIT, _("%s: compression ratio "
		    "exceeds the limit of %lu:1, a likely zip bomb "
		    "(--max-ratio)"), pt->name, (unsigned long)l->max_ratio);
	return 0;
}

int
ld_part_open(ld_part **out, ld_pkg *p, const char *name, ldiff_error *err)
{
	const ld_zip_entry *e;
	long idx;
	ld_part *pt;
	int zerr;

	*out = NULL;
	idx = ld_zip_find(p->zip, name, 1);
	if (idx < 0)
		return ld_error(err, LDIFF_ENOTDOCX, _("%s: part missing from "
		    "the package"), name);
	pt = ld_calloc(1, sizeof *pt);
	if (pt == NULL || (pt->name = ld_malloc(strlen(name) + 1)) == NULL) {
		ld_free(pt);
		return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	strcpy(pt->name, name);
	pt->pkg = p;
	/* The directory's compressed size can lie; the archive's own size
	 * cannot, and no part holds more compressed bytes than that. */
	e = ld_zip_entry_at(p->zip, (size_t)idx);
	pt->comp = p->size;
	if (p->size == 0 || e->csize < p->size)
		pt->comp = e->csize;
	zerr = ld_zip_fopen(&pt->f, p->zip, (size_t)idx);
	if (zerr != 0) {
		ld_part_close(pt);
		if (zerr == LD_ZIP_ENOMEM)
			return ld_error(err, LDIFF_ENOMEM, NULL);
		if (zerr == LD_ZIP_EENCRYPTED)
			return ld_error(err, LDIFF_EENCRYPTED, _("%s: the part "
			    "is encrypted"), name);
		return ld_error(err, LDIFF_ENOTZIP, _("%s: cannot read the "
		    "part: %s"), name, ld_zip_strerror(zerr));
	}
	*out = pt;
	return 0;
}

long
ld_part_read(ld_part *pt, char *buf, size_t len, ldiff_error *err)
{
	long n;
	int r;

	n = ld_zip_fread(pt->f, buf, len);
	if (n == -LD_ZIP_ENOMEM)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	if (n < 0)
		return ld_error(err, LDIFF_ENOTZIP, _("%s: damaged data in the "
		    "zip archive: %s"), pt->name, ld_zip_strerror((int)-n));
	pt->got += (uint64_t)n;
	pt->pkg->total += (uint64_t)n;
	if ((r = check_limits(pt, err)) != 0)
		return r;
	return n;
}

void
ld_part_close(ld_part *pt)
{
	if (pt == NULL)
		return;
	ld_zip_fclose(pt->f);
	ld_free(pt->name);
	ld_free(pt);
}

/* ---- relationships ---------------------------------------------------- */

void
ld_rels_free(ld_rels *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		ld_free(r->v[i].type);
		ld_free(r->v[i].id);
		ld_free(r->v[i].target);
	}
	ld_free(r->v);
	r->v = NULL;
	r->n = 0;
}

const ld_rel *
ld_rels_by_type(const ld_rels *r, const char *type)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].type, type) == 0)
			return &r->v[i];
	return NULL;
}

const ld_rel *
ld_rels_by_id(const ld_rels *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].id, id) == 0)
			return &r->v[i];
	return NULL;
}

static char *
dup_str(const char *s, size_t n)
{
	char *p = ld_malloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* "word/_rels/document.xml.rels" for "word/document.xml". */
static char *
rels_name(const char *part)
{
	const char *slash = strrchr(part, '/');
	size_t dir = slash ? (size_t)(slash - part + 1) : 0;
	size_t n = strlen(part);
	char *s = ld_malloc(n + 16);

	if (s == NULL)
		return NULL;
	memcpy(s, part, dir);
	strcpy(s + dir, "_rels/");
	strcat(s, part + dir);
	strcat(s, ".rels");
	return s;
}

/* Resolve target against the folder of the source part; "..", "." and a
 * leading "/" handled; the result has no leading slash. */
static char *
resolve_target(const char *source, const char *target)
{
	const char *slash = strrchr(source, '/');
	size_t dir = slash ? (size_t)(slash - source + 1) : 0;
	char *s, *out;
	size_t n, i, o = 0;

	if (target[0] == '/') {
		dir = 0;
		target++;
	}
	n = dir + strlen(target);
	s = ld_malloc(n + 1);
	out = ld_malloc(n + 1);
	if (s == NULL || out == NULL) {
		ld_free(s);
		ld_free(out);
		return NULL;
	}
	memcpy(s, source, dir);
	strcpy(s + dir, target);
	for (i = 0; i < n;) {
		size_t seg = strcspn(s + i, "/");
		if (seg == 1 && s[i] == '.') {
			/* nothing */
		} else if (seg == 2 && s[i] == '.' && s[i + 1] == '.') {
			while (o > 0 && out[o - 1] == '/')
				o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else if (seg > 0) {
			memcpy(out + o, s + i, seg);
			o += seg;
			if (s[i + seg] == '/')
				out[o++] = '/';
		}
		i += seg + (s[i + seg] == '/');
	}
	out[o] = '\0';
	ld_free(s);
	return out;
}

static int
rel_add(ld_rels *r, const char *source, const char *type, const char *id,
    const char *target)
{
	const char *seg = strrchr(type, '/');
	ld_rel *v, *e;

	v = ld_reallocarray(r->v, r->n + 1, sizeof *v);
	if (v == NULL)
		return LDIFF_ENOMEM;
	r->v = v;
	e = &v[r->n];
	e->type = dup_str(seg ? seg + 1 : type, strlen(seg ? seg + 1 : type));
	e->id = dup_str(id, strlen(id));
	e->target = resolve_target(source, target);
	r->n++;
	if (e->type == NULL || e->id == NULL || e->target == NULL)
		return LDIFF_ENOMEM;
	return 0;
}

static int
read_rels(ld_xml *x, const char *part, ld_rels *out, ldiff_error *err)
{
	char type[512], id[256], target[1024], mode[32];
	int t;

	while ((t = ld_xml_next(x, err)) > 0) {
		if (t != LD_XML_START || ld_xml_ns(x) != LD_NS_PKGREL ||
		    strcmp(ld_xml_name(x), "Relationship") != 0)
			continue;
		if (!ld_xml_attr(x, LD_NS_OTHER, "Type", type, sizeof type) ||
		    !ld_xml_attr(x, LD_NS_OTHER, "Target", target,
		    sizeof target))
			continue;
		if (!ld_xml_attr(x, LD_NS_OTHER, "Id", id, sizeof id))
			id[0] = '\0';
		if (ld_xml_attr(x, LD_NS_OTHER, "TargetMode", mode,
		    sizeof mode) && strcmp(mode, "External") == 0)
			continue;
		if (rel_add(out, part, type, id, target) != 0)
			return ld_error(err, LDIFF_ENOMEM, NULL);
	}
	return t;
}

int
ld_pkg_rels(ld_pkg *p, const char *part, ld_rels *out, ldiff_error *err)
{
	char *name;
	ld_xml *x = NULL;
	int r;

	out->v = NULL;
	out->n = 0;
	name = part[0] ? rels_name(part) : dup_str("_rels/.rels", 11);
	if (name == NULL)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	if (!ld_pkg_has_part(p, name)) {
		ld_free(name);
		return 0;
	}
	r = ld_xml_open(&x, p, name, err);
	if (r == 0)
		r = read_rels(x, part, out, err);
	ld_xml_close(x);
	ld_free(name);
	if (r < 0)
		ld_rels_free(out);
	return r < 0 ? r : 0;
}
