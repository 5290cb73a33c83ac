/* t_zip.c - the zip reader and writer of libdiff/zip.c: archives written
 * by it read back whole, by it and by libzip; archives of libzip read by
 * it; and archives broken on purpose (no end record, lying directory,
 * lying sizes, bad CRC, damaged or cut deflate data, encryption, unknown
 * methods, zip64 fields) refused with the right code, never read past
 * their end.  Allocation failures give LD_ZIP_ENOMEM and leak nothing. */
#include <stdlib.h>
#include <string.h>

#include <zip.h>
#include <zlib.h>

#include "docx/docx.h"
#include "tap.h"

static const char *const names[] = {
	"[Content_Types].xml", "word/document.xml", "empty", "word/åäö.xml"
};
#define N (sizeof names / sizeof names[0])

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

/* Entry i of archive (p, n) read whole into b; the LD_ZIP code. */
static int
read_all(const void *p, size_t n, const char *name, ld_buf *b)
{
	ld_zip *z;
	ld_zip_file *f;
	char buf[1000];
	long i, k;
	int rc;

	ld_buf_free(b);		/* a fresh buffer: its oom flag is sticky */
	ld_buf_init(b);
	if ((rc = ld_zip_open(&z, p, n)) != 0)
		return rc;
	if ((i = ld_zip_find(z, name, 0)) < 0) {
		ld_zip_close(z);
		return -1;
	}
	if ((rc = ld_zip_fopen(&f, z, (size_t)i)) == 0) {
		while ((k = ld_zip_fread(f, buf, sizeof buf)) > 0)
			ld_buf_add(b, buf, (size_t)k);
		rc = k < 0 ? (int)-k : b->oom ? LD_ZIP_ENOMEM : 0;
		ld_zip_fclose(f);
	}
	ld_zip_close(z);
	return rc;
}

static void
test_round_trip(void)
{
	ld_buf b;
	ld_zip *z;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *lz;
	size_t i, same = 0, lsame = 0;

	ld_buf_init(&b);
	is_int(ld_zip_write(&arch, N, names, data), 0, "archive written");
	ok(ld_zip_open(&z, arch.data, arch.len) == 0 &&
	    ld_zip_count(z) == N, "and opened: every entry listed");
	ld_zip_close(z);
	for (i = 0; i < N; i++)
		same += read_all(arch.data, arch.len, names[i], &b) == 0 &&
		    b.len == data[i].len &&
		    memcmp(b.data ? b.data : "", data[i].data ? data[i].data : "",
		    b.len) == 0;
	is_int((long)same, (long)N, "every entry reads back byte for byte");
	/* libzip reads it too: the format, not just our own reading of it */
	zip_error_init(&ze);
	src = zip_source_buffer_create(arch.data, arch.len, 0, &ze);
	lz = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) :
	    NULL;
	for (i = 0; lz != NULL && i < N; i++) {
		zip_file_t *f = zip_fopen(lz, names[i], 0);
		char *buf = malloc(data[i].len + 1);
		zip_int64_t k = f && buf ? zip_fread(f, buf, data[i].len + 1) : -1;

		lsame += k == (zip_int64_t)data[i].len &&
		    memcmp(buf, data[i].data ? data[i].data : "", (size_t)k) == 0;
		if (f)
			zip_fclose(f);
		free(buf);
	}
	is_int((long)lsame, (long)N, "libzip reads every entry the same");
	if (lz)
		zip_discard(lz);
	else if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	ld_buf_free(&b);
}

/* Offsets in arch: the first local header with name, its directory
 * entry, and the end record. */
static size_t
find(const char *sig, const char *name, size_t name_at)
{
	size_t i;

	for (i = 0; i + name_at + strlen(name) <= arch.len; i++)
		if (memcmp(arch.data + i, sig, 4) == 0 &&
		    memcmp(arch.data + i + name_at, name, strlen(name)) == 0)
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

/* A copy of the archive with one change, read for entry name. */
static int
patched(size_t at, const void *bytes, size_t n, const char *name)
{
	char *p = malloc(arch.len);
	ld_buf b;
	int rc;

	memcpy(p, arch.data, arch.len);
	if (at != (size_t)-1 && at + n <= arch.len)
		memcpy(p + at, bytes, n);
	ld_buf_init(&b);
	rc = read_all(p, arch.len, name, &b);
	ld_buf_free(&b);
	free(p);
	return rc;
}

static void
test_broken(void)
{
	const char *doc = "word/document.xml";
	size_t loc = find("PK\003\004", doc, 30);
	size_t cen = find("PK\001\002", doc, 46);
	size_t end = find("PK\005\006", "", 0);
	char v[4];
	ld_buf b;
	ld_zip *z;

	ok(loc != (size_t)-1 && cen != (size_t)-1 && end != (size_t)-1,
	    "headers found");
	ld_buf_init(&b);
	is_int(read_all(arch.data, end, doc, &b), LD_ZIP_ENOEND,
	    "no end record: LD_ZIP_ENOEND");
	is_int(read_all("", 0, doc, &b), LD_ZIP_ENOEND, "no bytes at all");
	is_int(read_all(arch.data + 1, arch.len - 1, doc, &b), LD_ZIP_EINCONS,
	    "one byte missing at the front: the offsets are wrong");
	put32(v, 0x50005);	/* entries on disk, entries in total: 5 */
	is_int(patched(end + 8, v, 4, doc), LD_ZIP_EINCONS,
	    "the end record counts more entries than the directory holds");
	put32(v, (unsigned long)arch.len);
	is_int(patched(end + 16, v, 4, doc), LD_ZIP_EINCONS,
	    "the directory said to start past its end");
	is_int(patched(cen + 46 + 4, "\0", 1, doc), LD_ZIP_EINCONS,
	    "a name with a NUL in it: LD_ZIP_EINCONS");
	is_int(patched(cen + 46 + 4, "X", 1, doc), -1, "nor a changed name");
	is_int(patched(loc + 30 + 4, "X", 1, doc), LD_ZIP_EINCONS,
	    "a local header naming another entry");
	is_int(patched(cen + 8, "\1", 1, doc), LD_ZIP_EENCRYPTED,
	    "an encrypted entry: LD_ZIP_EENCRYPTED");
	is_int(patched(cen + 10, "\14", 1, doc), LD_ZIP_EMETHOD,
	    "bzip2 (method 12): LD_ZIP_EMETHOD");
	is_int(patched(cen + 16, "XXXX", 4, doc), LD_ZIP_ECRC,
	    "a CRC that does not match: LD_ZIP_ECRC");
	put32(v, 1024);
	is_int(patched(cen + 24, v, 4, doc), LD_ZIP_ESIZE,
	    "a size claimed too small: read on, then LD_ZIP_ESIZE");
	put32(v, 0x7fffffffUL);
	is_int(patched(cen + 20, v, 4, doc), 0,
	    "a compressed size claimed past the archive: read to the end");
	/* a first block of type 3, which does not exist */
	is_int(patched(loc + 30 + strlen(doc), "\377", 1, doc), LD_ZIP_EDATA,
	    "damaged deflate data: LD_ZIP_EDATA");
	put32(v, 40);
	is_int(patched(cen + 20, v, 4, doc), LD_ZIP_ESHORT,
	    "deflate data cut short: LD_ZIP_ESHORT");
	/* zip64: sizes of 0xFFFFFFFF mean "in the extra field", and there is
	 * none here */
	is_int(patched(cen + 20, "\377\377\377\377", 4, doc), LD_ZIP_EINCONS,
	    "a zip64 size without its extra field: LD_ZIP_EINCONS");
	ok(ld_zip_open(&z, arch.data, arch.len) == 0 &&
	    ld_zip_find(z, "WORD/DOCUMENT.XML", 1) >= 0 &&
	    ld_zip_find(z, "WORD/DOCUMENT.XML", 0) < 0,
	    "names found with or without case");
	ld_zip_close(z);
	ld_buf_free(&b);
}

/* An entry whose sizes and offset live in a zip64 extra field. */
static void
test_zip64(void)
{
	static const char body[] = "zip64 i kommunerna";
	unsigned char a[512];
	size_t n = 0, cd, nl = 5, bl = sizeof body - 1;
	unsigned long crc;
	ld_buf b;

	memset(a, 0, sizeof a);
	crc = crc32(0, (const unsigned char *)body, (unsigned)bl);
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
	is_int(read_all(a, n, "a.xml", &b), 0, "zip64 extra fields read");
	is_str(ld_buf_str(&b), body, "and the entry's bytes with them");
	ld_buf_free(&b);
}

/* A stored entry: sizes that differ are refused; sizes past the end of
 * the archive are read to its end, then LD_ZIP_ESHORT. */
static void
test_stored(void)
{
	const char *name = "bin";
	ld_buf d, a, b;
	size_t i, cen;
	char v[4];

	ld_buf_init(&d);
	ld_buf_init(&a);
	ld_buf_init(&b);
	for (i = 0; i < 200; i++)		/* deflate cannot shrink it */
		ld_buf_addc(&d, (char)(i * 7919 % 251 ^ i * 31));
	ok(ld_zip_write(&a, 1, &name, &d) == 0 &&
	    read_all(a.data, a.len, name, &b) == 0 && b.len == 200,
	    "an entry deflate cannot shrink is stored, and reads back");
	for (cen = 0; cen + 4 <= a.len &&
	    memcmp(a.data + cen, "PK\001\002", 4) != 0; cen++)
		;
	ok(cen + 4 <= a.len && a.data[cen + 10] == 0, "method 0");
	put32(v, 100);
	memcpy(a.data + cen + 20, v, 4);		/* compressed size */
	is_int(read_all(a.data, a.len, name, &b), LD_ZIP_EINCONS,
	    "stored with two sizes: LD_ZIP_EINCONS");
	put32(v, 100000);
	memcpy(a.data + cen + 20, v, 4);
	memcpy(a.data + cen + 24, v, 4);	/* and size */
	is_int(read_all(a.data, a.len, name, &b), LD_ZIP_ESHORT,
	    "stored past the archive's end: LD_ZIP_ESHORT");
	ld_buf_free(&d);
	ld_buf_free(&a);
	ld_buf_free(&b);
}

static void
test_alloc_failures(void)
{
	ld_buf b, out;
	long k;
	int bad = 0, rc = 0;

	ld_buf_init(&b);
	for (k = 0; k < 200; k++) {
		ld_alloc_fail_after(k);
		rc = read_all(arch.data, arch.len, "word/document.xml", &b);
		ld_alloc_fail_after(-1);
		if (rc == 0)
			break;
		bad += rc != LD_ZIP_ENOMEM;
	}
	is_int(bad, 0, "reading: every failure gives LD_ZIP_ENOMEM");
	ok(rc == 0 && b.len == data[1].len, "then the entry whole");
	for (k = 0; k < 200; k++) {
		ld_buf_init(&out);
		ld_alloc_fail_after(k);
		rc = ld_zip_write(&out, N, names, data);
		ld_alloc_fail_after(-1);
		ld_buf_free(&out);
		if (rc == 0)
			break;
		bad += rc != LDIFF_ENOMEM;
	}
	is_int(bad, 0, "writing: every failure gives LDIFF_ENOMEM");
	is_int(rc, 0, "then the archive");
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
	test_alloc_failures();
	for (i = 0; i < N; i++)
		ld_buf_free(&data[i]);
	ld_buf_free(&arch);
	return done_testing();
}
