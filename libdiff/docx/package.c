/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * package.c - a .docx as an OPC package: a zip of parts, read through
 * libzip.
 *
 * The idea: trust nothing the archive says about itself.  An OLE compound
 * file (an encrypted package or an old .doc) and the other documents a
 * user may take for a .docx are told apart by their first bytes before
 * libzip sees them; libzip opens the rest from memory; and every byte
 * inflated is counted against the part, total and ratio limits as it is
 * read, a chunk at a time, because the sizes in a zip directory are only
 * claims.  Which parts matter is
 * found through relationships (rels.c), never fixed paths.
 *
 * libzip allocates with malloc, not through ld_malloc: the allocation-
 * failure sweeps of the tests reach our allocations only, and a failure
 * inside libzip is reported as LDIFF_ENOMEM when libzip says ZIP_ER_MEMORY.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <zip.h>

#include "docx/docx.h"

struct ld_pkg {
	zip_t *zip;
	void *own;		/* the archive's bytes, when read from a file */
	ldiff_limits lim;
	uint64_t total;		/* bytes inflated from every part so far */
	uint64_t size;		/* bytes of the archive itself */
};

struct ld_part {
	ld_pkg *pkg;
	zip_file_t *f;
	char *name;
	uint64_t comp;		/* compressed size, for the ratio */
	uint64_t claim;		/* size the directory gives, or UINT64_MAX */
	uint64_t got;		/* bytes inflated so far */
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
	/* libzip takes no bytes for an archive of no parts */
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
has_zip_magic(const unsigned char *p, size_t n)
{
	return n >= 4 && p[0] == 'P' && p[1] == 'K' &&
	    ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6));
}

/* libzip finds an archive by its central directory at the end: a file
 * cut short (a broken download or copy) starts like a zip but has none.
 * zerr is libzip's ZIP_ER_ code for zip_open_from_source. */
static int
archive_open_error(int zerr, int magic, ldiff_error *err)
{
	if (magic && zerr == ZIP_ER_NOZIP)
		return ld_error(err, LDIFF_ENOTZIP, _("damaged or truncated "
		    "zip archive (its directory at the end is missing)"));
	if (magic && zerr == ZIP_ER_INCONS)
		return ld_error(err, LDIFF_ENOTZIP, _("damaged or truncated "
		    "zip archive (its directory does not match its "
		    "contents)"));
	switch (zerr) {
	case ZIP_ER_MEMORY:
		return ld_error(err, LDIFF_ENOMEM, NULL);
	case ZIP_ER_NOZIP:
		return ld_error(err, LDIFF_ENOTZIP, _("not a zip archive, so "
		    "not a .docx"));
	default:
		return ld_error(err, LDIFF_ENOTZIP, _("a damaged zip "
		    "archive"));
	}
}

/* Why a part cannot be read, in our words for the damage we know (the
 * messages the tools gave before libzip read for them), in libzip's for
 * the rest. */
static const char *
damage_reason(zip_error_t *ze)
{
	switch (zip_error_code_zip(ze)) {
	case ZIP_ER_INCONS:
		return "zip archive inconsistent";
	case ZIP_ER_COMPNOTSUPP:
		return "compression method not supported";
	case ZIP_ER_ZLIB:
	case ZIP_ER_COMPRESSED_DATA:
		return "damaged compressed data";
	case ZIP_ER_EOF:
	case ZIP_ER_READ:
		return "compressed data cut short";
	case ZIP_ER_CRC:
		return "CRC error";
	default:
		return zip_error_strerror(ze);
	}
}

/* Up to len bytes of entry i, whole or cut short; -1 when unreadable. */
static long
read_entry_head(zip_t *z, zip_int64_t i, char *buf, size_t len)
{
	zip_file_t *f;
	zip_int64_t n;
	size_t got = 0;

	if ((f = zip_fopen_index(z, (zip_uint64_t)i, 0)) == NULL)
		return -1;
	while (got < len && (n = zip_fread(f, buf + got, len - got)) > 0)
		got += (size_t)n;
	zip_fclose(f);
	return (long)got;
}

/*
 * An OpenDocument file is a zip too, without [Content_Types].xml and with
 * its media type stored first as the part "mimetype".  Returns 0 when z
 * is not one (then docx.c says what is missing from the package).
 */
static int
odf_error(zip_t *z, ldiff_error *err)
{
	static const char odf[] = "application/vnd.oasis.opendocument.";
	char type[64];
	zip_int64_t i;
	long n;

	if (zip_name_locate(z, "[Content_Types].xml", 0) >= 0 ||
	    (i = zip_name_locate(z, "mimetype", 0)) < 0)
		return 0;
	n = read_entry_head(z, i, type, sizeof type - 1);
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

/*
 * The archive in data[0, len), opened by libzip from memory, read-only.
 * Not with ZIP_CHECKCONS: libzip 1.7 then refuses an entry whose claimed
 * compressed size runs past the directory, and says "not a zip archive"
 * ("its directory at the end is missing"), which is wrong; without it
 * the entry is read to the archive's end and the ratio limit judges what
 * came out.  The directory is still checked (end record, entry count,
 * offsets), libzip checks each part's CRC-32 at its end and
 * ld_part_read its size.  0, or a ZIP_ER_ code.
 */
static int
archive_open(zip_t **out, const void *data, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;
	int code = 0;

	zip_error_init(&ze);
	*out = NULL;
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src == NULL)
		code = zip_error_code_zip(&ze);
	else if ((*out = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		code = zip_error_code_zip(&ze);
		zip_source_free(src);
	}
	zip_error_fini(&ze);
	return code;
}

/* The package of the zip archive in data[0, len); own (data or NULL) is
 * freed with it, or here on failure. */
static int
pkg_new(ld_pkg **out, const void *data, size_t len, void *own,
    const ldiff_limits *lim, ldiff_error *err)
{
	zip_t *z;
	ld_pkg *p;
	int r;

	*out = NULL;
	if ((r = archive_open(&z, data, len)) != 0) {
		r = archive_open_error(r, has_zip_magic(data, len), err);
		ld_free(own);
		return r;
	}
	if ((r = odf_error(z, err)) != 0) {
		zip_discard(z);
		ld_free(own);
		return r;
	}
	if ((p = ld_calloc(1, sizeof *p)) == NULL) {
		zip_discard(z);
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
	zip_discard(p->zip);	/* before the bytes it reads from */
	ld_free(p->own);
	ld_free(p);
}

const ldiff_limits *
ld_pkg_limits(const ld_pkg *p)
{
	return &p->lim;
}

/* Part names are case-insensitive in OPC ("Word/Document.xml" is the
 * part word/document.xml). */
static zip_int64_t
find_part(const ld_pkg *p, const char *name)
{
	return zip_name_locate(p->zip, name, ZIP_FL_NOCASE);
}

int
ld_pkg_has_part(ld_pkg *p, const char *name)
{
	return find_part(p, name) >= 0;
}

size_t
ld_pkg_count(const ld_pkg *p)
{
	zip_int64_t n = zip_get_num_entries(p->zip, 0);

	return n > 0 ? (size_t)n : 0;
}

const char *
ld_pkg_name(const ld_pkg *p, size_t i)
{
	return zip_get_name(p->zip, (zip_uint64_t)i, 0);
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

/* What the directory claims of entry idx.  The compressed size is for
 * the ratio, and can lie; the archive's own size cannot, and no part
 * holds more compressed bytes than that.  The size is compared with what
 * was inflated once the part ends (libzip checks the CRC-32 there, not
 * the size). */
static void
read_claims(ld_part *pt, zip_int64_t idx)
{
	const ld_pkg *p = pt->pkg;
	zip_stat_t st;

	pt->comp = p->size;
	pt->claim = UINT64_MAX;		/* none */
	zip_stat_init(&st);
	if (zip_stat_index(p->zip, (zip_uint64_t)idx, 0, &st) != 0)
		return;
	if ((st.valid & ZIP_STAT_COMP_SIZE) &&
	    (p->size == 0 || st.comp_size < p->size))
		pt->comp = st.comp_size;
	if (st.valid & ZIP_STAT_SIZE)
		pt->claim = st.size;
}

/* libzip could not open the part: zerr says why. */
static int
part_open_error(zip_error_t *ze, const char *name, ldiff_error *err)
{
	switch (zip_error_code_zip(ze)) {
	case ZIP_ER_MEMORY:
		return ld_error(err, LDIFF_ENOMEM, NULL);
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD:
	case ZIP_ER_ENCRNOTSUPP:
		return ld_error(err, LDIFF_EENCRYPTED, _("%s: the part is "
		    "encrypted"), name);
	default:
		return ld_error(err, LDIFF_ENOTZIP, _("%s: cannot read the "
		    "part: %s"), name, damage_reason(ze));
	}
}

int
ld_part_open(ld_part **out, ld_pkg *p, const char *name, ldiff_error *err)
{
	zip_int64_t idx;
	ld_part *pt;
	int r;

	*out = NULL;
	idx = find_part(p, name);
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
	read_claims(pt, idx);
	pt->f = zip_fopen_index(p->zip, (zip_uint64_t)idx, 0);
	if (pt->f == NULL) {
		r = part_open_error(zip_get_error(p->zip), name, err);
		ld_part_close(pt);
		return r;
	}
	*out = pt;
	return 0;
}

/* At most this much is inflated between two looks at the limits, however
 * large the caller's buffer: a part is never more than this past them. */
#define PART_CHUNK ((size_t)64 << 10)

long
ld_part_read(ld_part *pt, char *buf, size_t len, ldiff_error *err)
{
	zip_int64_t n;
	int r;

	n = zip_fread(pt->f, buf, len < PART_CHUNK ? len : PART_CHUNK);
	if (n < 0) {
		zip_error_t *ze = zip_file_get_error(pt->f);

		if (zip_error_code_zip(ze) == ZIP_ER_MEMORY)
			return ld_error(err, LDIFF_ENOMEM, NULL);
		return ld_error(err, LDIFF_ENOTZIP, _("%s: damaged data in the "
		    "zip archive: %s"), pt->name, damage_reason(ze));
	}
	if (n == 0 && pt->claim != UINT64_MAX && pt->got != pt->claim)
		return ld_error(err, LDIFF_ENOTZIP, _("%s: damaged data in the "
		    "zip archive: %s"), pt->name, "size differs from the "
		    "directory's");
	pt->got += (uint64_t)n;
	pt->pkg->total += (uint64_t)n;
	if ((r = check_limits(pt, err)) != 0)
		return r;
	return (long)n;
}

void
ld_part_close(ld_part *pt)
{
	if (pt == NULL)
		return;
	if (pt->f != NULL)
		zip_fclose(pt->f);
	ld_free(pt->name);
	ld_free(pt);
}
