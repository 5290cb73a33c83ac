/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_pkgzip.c - the package reader (docx/package.c) over libzip: archives
 * written by libzip read back part by part, byte for byte; archives
 * broken on purpose (no end record, a lying directory, lying sizes, a
 * bad CRC, damaged or cut deflate data, encryption, unknown methods,
 * zip64 fields) refused with the right LDIFF_E code and a message that
 * names the part, never read past their end; the inflation limits
 * counted on what comes out, whatever the directory claims, and the
 * size it claims compared with what came out at the end.  Allocation
 * failures of ours give LDIFF_ENOMEM and leak nothing (libzip allocates
 * with malloc, out of reach of ld_alloc_fail_after). */
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "docx/docx.h"
#include "tap.h"

static const char *const names[] = {
	"[Content_Types].xml", "word/document.xml", "empty", "word/åäö.xml"
};
#define N (sizeof names / sizeof names[0])
#define DOC "word/document.xml"

static ld_buf data[N];
static ld_buf arch;

static void
make_parts(void)
{
	size_t i;

	for (i = 0; i < N; i++)
		ld_buf_init(&data[i]);
	ld_buf_adds(&data[0], "<Types/>");
	for (i = 0; i < 2000; i++)
		ld_buf_printf(&data[1], "<w:p><w:r><w:t>Stycke %zu om "
		    "kommunerna och regionen.</w:t></w:r></w:p>", i);
	/* data[2] stays empty */
	for (i = 0; i < 300; i++)		/* does not shrink much */
		ld_buf_addc(&data[3], (char)(i * 7919 % 251));
	ld_buf_init(&arch);
}

/* n parts written by libzip into out, compressed with method (a
 * ZIP_CM_ code).  0 or -1. */
static int
write_archive(ld_buf *out, size_t n, const char *const *nm,
    const ld_buf *d, int method)
{
	zip_error_t ze;
	zip_source_t *src, *s;
	zip_t *z;
	zip_int64_t k;
	char buf[4096];
	size_t i;
	int r = 0;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	z = src != NULL ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	zip_error_fini(&ze);
	if (z == NULL) {
		zip_source_free(src);
		return -1;
	}
	zip_source_keep(src);
	for (i = 0; i < n && r == 0; i++) {
		s = zip_source_buffer(z, d[i].len ? d[i].data : "", d[i].len,
		    0);
		k = s != NULL ? zip_file_add(z, nm[i], s, ZIP_FL_ENC_UTF_8) : -1;
		if (k < 0 || zip_set_file_compression(z, (zip_uint64_t)k,
		    method, 0) != 0)
			r = -1;
	}
	if (r != 0 || zip_close(z) != 0) {
		zip_discard(z);
		zip_source_free(src);
		return -1;
	}
	if (zip_source_open(src) == 0) {
		while ((k = zip_source_read(src, buf, sizeof buf)) > 0)
			ld_buf_add(out, buf, (size_t)k);
		zip_source_close(src);
	}
	zip_source_free(src);
	return out->oom ? -1 : 0;
}

/* Part name of archive (p, n) read whole into b through the package
 * reader under lim (NULL: the defaults); the LDIFF_E code, err filled. */
static int
read_lim(const void *p, size_t n, const char *name, const ldiff_limits *lim,
    ld_buf *b, ldiff_error *err)
{
	ld_pkg *pkg;
	ld_part *pt;
	char buf[1000];
	long k = 0;
	int rc;

	memset(err, 0, sizeof *err);
	ld_buf_free(b);		/* a fresh buffer: its oom flag is sticky */
	ld_buf_init(b);
	if ((rc = ld_pkg_open_mem(&pkg, p, n, lim, err)) != 0)
		return rc;
	if ((rc = ld_part_open(&pt, pkg, name, err)) == 0) {
		while ((k = ld_part_read(pt, buf, sizeof buf, err)) > 0)
			ld_buf_add(b, buf, (size_t)k);
		rc = k < 0 ? (int)k : b->oom ? LDIFF_ENOMEM : 0;
		ld_part_close(pt);
	}
	ld_pkg_close(pkg);
	return rc;
}

static int
read_all(const void *p, size_t n, const char *name, ld_buf *b,
    ldiff_error *err)
{
	return read_lim(p, n, name, NULL, b, err);
}

static int
same(const ld_buf *a, const ld_buf *b)
{
	return a->len == b->len && (a->len == 0 ||
	    memcmp(a->data, b->data, a->len) == 0);
}

static void
test_round_trip(void)
{
	ldiff_error err;
	ld_buf b, st;
	ld_pkg *p;
	size_t i, nsame = 0, listed = 0;

	ld_buf_init(&b);
	ld_buf_init(&st);
	is_int(write_archive(&arch, N, names, data, ZIP_CM_DEFLATE), 0,
	    "libzip wrote the archive");
	if (ld_pkg_open_mem(&p, arch.data, arch.len, NULL, &err) == 0) {
		for (i = 0; i < N && i < ld_pkg_count(p); i++)
			listed += ld_pkg_name(p, i) != NULL &&
			    strcmp(ld_pkg_name(p, i), names[i]) == 0;
		ok(ld_pkg_has_part(p, "WORD/DOCUMENT.XML") &&
		    ld_pkg_has_part(p, "Word/Åäö.xml") == 0 &&
		    !ld_pkg_has_part(p, "word/document"),
		    "parts found without regard to (ASCII) case, whole names "
		    "only");
		ld_pkg_close(p);
	}
	is_int((long)listed, (long)N, "every part listed, in order, by name");
	for (i = 0; i < N; i++)
		nsame += read_all(arch.data, arch.len, names[i], &b,
		    &err) == 0 && same(&b, &data[i]);
	is_int((long)nsame, (long)N, "every part reads back byte for byte");
	ok(write_archive(&st, N, names, data, ZIP_CM_STORE) == 0 &&
	    read_all(st.data, st.len, DOC, &b, &err) == 0 &&
	    same(&b, &data[1]), "a stored part too");
	is_int(read_all(arch.data, arch.len, "word/styles.xml", &b, &err),
	    LDIFF_ENOTDOCX, "a part not there: ENOTDOCX");
	ok(strstr(err.msg, "word/styles.xml: part missing") != NULL,
	    "named as missing");
	ld_buf_free(&b);
	ld_buf_free(&st);
}

/* Offsets in arch: the first header with sig whose name (at name_at)
 * is name. */
static size_t
find(const ld_buf *a, const char *sig, const char *name, size_t name_at)
{
	size_t i;

	for (i = 0; i + name_at + strlen(name) <= a->len; i++)
		if (memcmp(a->data + i, sig, 4) == 0 &&
		    memcmp(a->data + i + name_at, name, strlen(name)) == 0)
			return i;
	return (size_t)-1;
}

static void
put32(char *p, unsigned long v)
{
	p[0] = (char)(v & 0xff);
	p[1] = (char)(v >> 8 & 0xff);
	p[2] = (char)(v >> 16 & 0xff);
	p[3] = (char)(v >> 24 & 0xff);
}

/* A copy of a with one change, read for the part name; the message
 * must hold want (unless NULL). */
static int
patched(const ld_buf *a, size_t at, const void *bytes, size_t n,
    const char *name, const char *want)
{
	char *p = malloc(a->len);
	ldiff_error err;
	ld_buf b;
	int rc;

	memcpy(p, a->data, a->len);
	if (at != (size_t)-1 && at + n <= a->len)
		memcpy(p + at, bytes, n);
	ld_buf_init(&b);
	rc = read_all(p, a->len, name, &b, &err);
	if (rc == 0 && !same(&b, &data[1]) && strcmp(name, DOC) == 0)
		rc = 1;		/* read, but not the part's bytes */
	if (want != NULL && strstr(err.msg, want) == NULL) {
		diag("message: '%s', wanted '%s'", err.msg, want);
		rc = 2;
	}
	ld_buf_free(&b);
	free(p);
	return rc;
}

static void
test_broken(void)
{
	size_t loc = find(&arch, "PK\003\004", DOC, 30);
	size_t cen = find(&arch, "PK\001\002", DOC, 46);
	size_t end = find(&arch, "PK\005\006", "", 0);
	ldiff_error err;
	char v[4];
	ld_buf b;

	ok(loc != (size_t)-1 && cen != (size_t)-1 && end != (size_t)-1,
	    "headers found");
	ld_buf_init(&b);
	is_int(read_all(arch.data, end, DOC, &b, &err), LDIFF_ENOTZIP,
	    "no end record: ENOTZIP");
	ok(strstr(err.msg, "directory at the end is missing") != NULL,
	    "as a truncated archive");
	is_int(read_all("", 0, DOC, &b, &err), LDIFF_ENOTZIP, "no bytes");
	ok(strstr(err.msg, "empty file") != NULL, "named an empty file");
	is_int(read_all(arch.data + 1, arch.len - 1, DOC, &b, &err),
	    LDIFF_ENOTZIP, "one byte missing at the front: the offsets "
	    "are wrong");
	put32(v, 0x50005);	/* entries on disk, entries in total: 5 */
	is_int(patched(&arch, end + 8, v, 4, DOC, "zip archive"),
	    LDIFF_ENOTZIP, "the end record counts more entries than the "
	    "directory holds");
	put32(v, (unsigned long)arch.len);
	is_int(patched(&arch, end + 16, v, 4, DOC, "zip archive"),
	    LDIFF_ENOTZIP, "the directory said to start past its end");
	is_int(patched(&arch, cen + 46 + 4, "X", 1, DOC, DOC ": part "
	    "missing"), LDIFF_ENOTDOCX, "a changed name: that part is "
	    "missing");
	is_int(patched(&arch, cen + 46 + 4, "\0", 1, DOC, DOC ": part "
	    "missing"), LDIFF_ENOTDOCX, "a name with a NUL in it: not the "
	    "part's name");
	/* libzip without ZIP_CHECKCONS goes by the directory (package.c
	 * says why): the data it points at, checked by its CRC-32 */
	is_int(patched(&arch, loc + 30 + 4, "X", 1, DOC, NULL), 0,
	    "a local header naming another entry: the directory's part, "
	    "byte for byte");
	is_int(patched(&arch, cen + 8, "\1", 1, DOC, DOC ": the part is "
	    "encrypted"), LDIFF_EENCRYPTED, "an encrypted part: EENCRYPTED");
	is_int(patched(&arch, cen + 10, "\6", 1, DOC, DOC ": cannot read "
	    "the part: compression method not supported"), LDIFF_ENOTZIP,
	    "implode (method 6): not supported");
	is_int(patched(&arch, cen + 16, "XXXX", 4, DOC, DOC ": damaged data "
	    "in the zip archive: CRC error"), LDIFF_ENOTZIP,
	    "a CRC that does not match");
	put32(v, 1024);
	is_int(patched(&arch, cen + 24, v, 4, DOC, DOC ": damaged data in "
	    "the zip archive: size differs from the directory's"),
	    LDIFF_ENOTZIP, "a size claimed too small: read on, then refused");
	put32(v, 0x7fffffffUL);
	is_int(patched(&arch, cen + 20, v, 4, DOC, NULL), 0,
	    "a compressed size claimed past the archive: read to the end");
	/* a first block of type 3, which does not exist */
	is_int(patched(&arch, loc + 30 + strlen(DOC), "\377", 1, DOC,
	    DOC ": damaged data in the zip archive: damaged compressed data"),
	    LDIFF_ENOTZIP, "damaged deflate data");
	put32(v, 40);
	is_int(patched(&arch, cen + 20, v, 4, DOC, DOC ": damaged data "),
	    LDIFF_ENOTZIP, "deflate data cut short");
	/* zip64: sizes of 0xFFFFFFFF mean "in the extra field", and there is
	 * none here */
	is_int(patched(&arch, cen + 20, "\377\377\377\377", 4, DOC,
	    "zip archive"), LDIFF_ENOTZIP,
	    "a zip64 size without its extra field");
	ld_buf_free(&b);
}

/* The CRC-32 of zip (and of zlib), bit by bit: the test makes one
 * archive by hand. */
static unsigned long
crc32_of(const char *p, size_t n)
{
	unsigned long c = 0xffffffffUL;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		c ^= (unsigned char)p[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0xedb88320UL : c >> 1;
	}
	return c ^ 0xffffffffUL;
}

/* A part whose sizes and offset live in a zip64 extra field. */
static void
test_zip64(void)
{
	static const char body[] = "zip64 i kommunerna";
	unsigned char a[512];
	size_t n = 0, cd, nl = 5, bl = sizeof body - 1;
	unsigned long crc;
	ldiff_error err;
	ld_buf b;

	memset(a, 0, sizeof a);
	crc = crc32_of(body, bl);
	/* local header, stored, sizes in the zip64 extra field */
	memcpy(a, "PK\003\004\055\0\0\0\0\0\0\0\041\0", 14);
	put32((char *)a + 14, crc);
	put32((char *)a + 18, 0xffffffffUL);
	put32((char *)a + 22, 0xffffffffUL);
	a[26] = (unsigned char)nl;
	a[28] = 20;
	memcpy(a + 30, "a.xml", nl);
	memcpy(a + 35, "\001\0\020\0", 4);
	a[39] = (unsigned char)bl;
	a[47] = (unsigned char)bl;
	n = 30 + nl + 20;
	memcpy(a + n, body, bl);
	n += bl;
	cd = n;
	memcpy(a + n, "PK\001\002\055\0\055\0\0\0\0\0\0\0\041\0", 16);
	put32((char *)a + n + 16, crc);
	put32((char *)a + n + 20, 0xffffffffUL);
	put32((char *)a + n + 24, 0xffffffffUL);
	a[n + 28] = (unsigned char)nl;
	a[n + 30] = 28;
	put32((char *)a + n + 42, 0xffffffffUL);
	memcpy(a + n + 46, "a.xml", nl);
	memcpy(a + n + 51, "\001\0\030\0", 4);
	a[n + 55] = (unsigned char)bl;
	a[n + 63] = (unsigned char)bl;
	/* offset 0: all eight bytes zero */
	n += 46 + nl + 28;
	memcpy(a + n, "PK\005\006\0\0\0\0\001\0\001\0", 12);
	put32((char *)a + n + 12, (unsigned long)(n - cd));
	put32((char *)a + n + 16, (unsigned long)cd);
	n += 22;
	ld_buf_init(&b);
	is_int(read_all(a, n, "a.xml", &b, &err), 0, "zip64 extra fields read");
	is_str(ld_buf_str(&b), body, "and the part's bytes with them");
	ld_buf_free(&b);
}

/* A stored part: sizes that differ are refused; sizes past the end of
 * the archive are read to its end, then refused. */
static void
test_stored(void)
{
	const char *name = "bin";
	ldiff_error err;
	ld_buf d, a, b;
	size_t cen;
	char v[4];
	int i;

	ld_buf_init(&d);
	ld_buf_init(&a);
	ld_buf_init(&b);
	for (i = 0; i < 200; i++)
		ld_buf_addc(&d, (char)(i * 7919 % 251 ^ i * 31));
	ok(write_archive(&a, 1, &name, &d, ZIP_CM_STORE) == 0 &&
	    read_all(a.data, a.len, name, &b, &err) == 0 && same(&b, &d),
	    "a stored part reads back");
	cen = find(&a, "PK\001\002", name, 46);
	ok(cen != (size_t)-1 && a.data[cen + 10] == 0, "method 0");
	if (cen == (size_t)-1)
		cen = 0;
	put32(v, 100);
	memcpy(a.data + cen + 20, v, 4);		/* compressed size */
	is_int(read_all(a.data, a.len, name, &b, &err), LDIFF_ENOTZIP,
	    "stored with two sizes: refused");
	ok(strstr(err.msg, "bin: damaged data in the zip archive") != NULL,
	    "naming the part");
	put32(v, 100000);
	memcpy(a.data + cen + 20, v, 4);
	memcpy(a.data + cen + 24, v, 4);	/* and size */
	is_int(read_all(a.data, a.len, name, &b, &err), LDIFF_ENOTZIP,
	    "stored past the archive's end: refused");
	ok(b.len <= a.len, "and nothing read from beyond it");
	ld_buf_free(&d);
	ld_buf_free(&a);
	ld_buf_free(&b);
}

/* 3 MiB of markup whose directory entry claims 1 KiB: the limits are
 * judged on what libzip inflates, chunk by chunk, not on the claim. */
static void
test_limits(void)
{
	const char *nm[1] = { DOC };
	size_t cen, loc, i;
	ldiff_limits lim;
	ldiff_error err;
	ld_buf d, a, b;
	char v[4];

	ld_buf_init(&d);
	ld_buf_init(&a);
	ld_buf_init(&b);
	for (i = 0; i < (3u << 20) / 16; i++)
		ld_buf_adds(&d, "<w:proofErr/>   ");
	ok(write_archive(&a, 1, nm, &d, ZIP_CM_DEFLATE) == 0, "3 MiB part");
	cen = find(&a, "PK\001\002", DOC, 46);
	loc = find(&a, "PK\003\004", DOC, 30);
	put32(v, 1024);
	if (cen != (size_t)-1 && loc != (size_t)-1) {
		memcpy(a.data + cen + 24, v, 4);
		memcpy(a.data + loc + 22, v, 4);
	}
	ldiff_limits_init(&lim);
	lim.max_part_bytes = 1 << 20;
	is_int(read_lim(a.data, a.len, DOC, &lim, &b, &err), LDIFF_ELIMIT,
	    "the part limit, the directory claiming 1 KiB");
	ok(strstr(err.msg, DOC ": inflated size exceeds the part limit of "
	    "1 MiB (--max-part-size)") != NULL, "named, with the part");
	ok(b.len <= lim.max_part_bytes, "nothing past the limit given out");
	ldiff_limits_init(&lim);
	lim.max_total_bytes = 2 << 20;
	is_int(read_lim(a.data, a.len, DOC, &lim, &b, &err), LDIFF_ELIMIT,
	    "the total limit");
	ok(strstr(err.msg, "--max-total-size") != NULL, "named");
	ldiff_limits_init(&lim);
	lim.max_ratio = 50;
	is_int(read_lim(a.data, a.len, DOC, &lim, &b, &err), LDIFF_ELIMIT,
	    "the ratio limit");
	ok(strstr(err.msg, DOC ": compression ratio exceeds the limit of "
	    "50:1") != NULL, "named");
	/* and with a compressed size claimed past the archive's end: the
	 * ratio is judged against the archive's size */
	put32(v, 0x7fffffffUL);
	if (cen != (size_t)-1 && loc != (size_t)-1) {
		memcpy(a.data + cen + 20, v, 4);
		memcpy(a.data + loc + 18, v, 4);
	}
	is_int(read_lim(a.data, a.len, DOC, &lim, &b, &err), LDIFF_ELIMIT,
	    "the ratio limit, 2 GiB of compressed data claimed");
	ldiff_limits_init(&lim);
	is_int(read_lim(a.data, a.len, DOC, &lim, &b, &err), LDIFF_ENOTZIP,
	    "within the limits: read to the end, then the size claim fails");
	ok(b.len == d.len, "after every byte there was");
	ld_buf_free(&d);
	ld_buf_free(&a);
	ld_buf_free(&b);
}

static void
test_alloc_failures(void)
{
	ldiff_error err;
	ld_buf b;
	long k;
	int bad = 0, rc = 0;

	ld_buf_init(&b);
	for (k = 0; k < 200; k++) {
		ld_alloc_fail_after(k);
		rc = read_all(arch.data, arch.len, DOC, &b, &err);
		ld_alloc_fail_after(-1);
		if (rc == 0)
			break;
		bad += rc != LDIFF_ENOMEM;
	}
	ok(k > 0, "our allocations were failed");
	is_int(bad, 0, "every failure gives LDIFF_ENOMEM");
	ok(rc == 0 && same(&b, &data[1]), "then the part whole");
	ld_buf_free(&b);
}

int
main(void)
{
	size_t i;

	make_parts();
	test_round_trip();
	test_broken();
	test_zip64();
	test_stored();
	test_limits();
	test_alloc_failures();
	for (i = 0; i < N; i++)
		ld_buf_free(&data[i]);
	ld_buf_free(&arch);
	return done_testing();
}
