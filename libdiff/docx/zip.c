/*
 * zip.c - zip archives in memory: the parts of a .docx read, a redline's
 * parts written.
 *
 * The idea: a .docx needs two things of the zip format, stored and
 * deflated entries found through the central directory, and zlib does
 * the inflating.  That is all libzip was asked for, and libzip brought
 * libcrypto, liblzma and libbz2 into every process: about 1.7 ms of
 * dynamic linking per run, more than the whole comparison of two short
 * agreements.
 *
 * Reading trusts nothing the archive says.  Every offset and length is
 * checked against the bytes there are before it is followed; the end
 * record is looked for only in the last 64 KiB; the directory must hold
 * the number of entries the end record says; a local header must name
 * the entry the directory names.  The sizes the directory gives are only
 * claims: an entry is inflated until its deflate stream ends (or the
 * archive does), the caller counts what comes out against its limits,
 * and at the end size and CRC-32 must match the claims.
 *
 * Writing is deterministic: entries in the order given, a fixed time
 * (1980-01-01 00:00, what libzip wrote), deflate level 1, and an entry
 * that deflate cannot shrink stored.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "docx/doc.h"
#include "docx/docx.h"

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_END 0x06054b50u
#define SIG_END64 0x06064b50u
#define SIG_LOC64 0x07064b50u
#define END_LEN 22
#define CENTRAL_LEN 46
#define LOCAL_LEN 30
#define LOC64_LEN 20
#define END64_LEN 56
#define MAX_COMMENT 65535

struct ld_zip {
	const unsigned char *p;
	size_t len;
	ld_zip_entry *e;
	size_t n;
	char *names;		/* every name, NUL-terminated, one block */
};

struct ld_zip_file {
	const ld_zip_entry *e;
	const unsigned char *in;	/* compressed bytes left */
	size_t in_len;
	z_stream zs;
	int inflating;		/* zs is initialised */
	int cut;		/* the archive ends before the claimed size */
	int done;
	uint64_t out;		/* bytes given so far */
	uLong crc;
};

static uint16_t
rd16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
rd64(const unsigned char *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

const char *
ld_zip_strerror(int code)
{
	switch (code) {
	case LD_ZIP_ENOEND: return "no central directory";
	case LD_ZIP_EINCONS: return "zip archive inconsistent";
	case LD_ZIP_ENOMEM: return "out of memory";
	case LD_ZIP_EENCRYPTED: return "encrypted entry";
	case LD_ZIP_EMETHOD: return "compression method not supported";
	case LD_ZIP_EDATA: return "damaged compressed data";
	case LD_ZIP_ESHORT: return "compressed data cut short";
	case LD_ZIP_ESIZE: return "size differs from the directory's";
	case LD_ZIP_ECRC: return "CRC error";
	default: return "zip error";
	}
}

/* ---- the directory ---------------------------------------------------- */

/* The end record: the last "PK\5\6" in the final 64 KiB whose comment
 * ends at or before the end of the data.  0 or LD_ZIP_ENOEND. */
static int
find_end(const unsigned char *p, size_t len, size_t *at)
{
	size_t i, low;

	if (len < END_LEN)
		return LD_ZIP_ENOEND;
	low = len - END_LEN > MAX_COMMENT ? len - END_LEN - MAX_COMMENT : 0;
	for (i = len - END_LEN + 1; i-- > low; )
		if (rd32(p + i) == SIG_END &&
		    i + END_LEN + rd16(p + i + 20) <= len) {
			*at = i;
			return 0;
		}
	return LD_ZIP_ENOEND;
}

struct dir {
	uint64_t count, size, offset;
	size_t end;		/* where the directory may end at most */
};

/* Count, size and offset of the directory, from the end record or its
 * zip64 form. */
static int
read_end(const unsigned char *p, size_t at, struct dir *d)
{
	uint64_t count = rd16(p + at + 10);

	if (rd16(p + at + 4) != 0 || rd16(p + at + 6) != 0 ||
	    rd16(p + at + 8) != count)
		return LD_ZIP_EINCONS;	/* split over several disks */
	d->count = count;
	d->size = rd32(p + at + 12);
	d->offset = rd32(p + at + 16);
	d->end = at;
	/* a zip64 end record only when the plain one says it is full */
	if ((count == 0xffff || d->size == 0xffffffffu ||
	    d->offset == 0xffffffffu) && at >= LOC64_LEN &&
	    rd32(p + at - LOC64_LEN) == SIG_LOC64) {
		uint64_t e64 = rd64(p + at - LOC64_LEN + 8);

		if (e64 > at - LOC64_LEN || at - LOC64_LEN - e64 < END64_LEN ||
		    rd32(p + e64) != SIG_END64)
			return LD_ZIP_EINCONS;
		d->count = rd64(p + e64 + 32);
		if (rd64(p + e64 + 24) != d->count)
			return LD_ZIP_EINCONS;
		d->size = rd64(p + e64 + 40);
		d->offset = rd64(p + e64 + 48);
		d->end = (size_t)e64;
	}
	if (d->offset > d->end || d->size > d->end - d->offset)
		return LD_ZIP_EINCONS;
	/* each entry takes 46 bytes at least */
	if (d->count > d->size / CENTRAL_LEN)
		return LD_ZIP_EINCONS;
	return 0;
}

/* The zip64 extra field of an entry: the sizes and offset that did not
 * fit in 32 bits, in this order, only those. */
static int
read_zip64(const unsigned char *x, size_t xlen, ld_zip_entry *e,
    int want_u, int want_c, int want_off)
{
	size_t i = 0;

	while (i + 4 <= xlen) {
		size_t id = rd16(x + i), sz = rd16(x + i + 2), k = i + 4;

		if (sz > xlen - i - 4)
			return LD_ZIP_EINCONS;
		if (id == 1) {
			if (want_u) {
				if (k + 8 > i + 4 + sz)
					return LD_ZIP_EINCONS;
				e->usize = rd64(x + k);
				k += 8;
			}
			if (want_c) {
				if (k + 8 > i + 4 + sz)
					return LD_ZIP_EINCONS;
				e->csize = rd64(x + k);
				k += 8;
			}
			if (want_off) {
				if (k + 8 > i + 4 + sz)
					return LD_ZIP_EINCONS;
				e->offset = rd64(x + k);
			}
			return 0;
		}
		i += 4 + sz;
	}
	return want_u || want_c || want_off ? LD_ZIP_EINCONS : 0;
}

/* One directory entry at p (bytes left: n); its length in *used. */
static int
read_entry(const unsigned char *p, size_t n, ld_zip_entry *e, char *name,
    size_t *used)
{
	size_t nlen, xlen, clen;
	int rc;

	if (n < CENTRAL_LEN || rd32(p) != SIG_CENTRAL)
		return LD_ZIP_EINCONS;
	nlen = rd16(p + 28);
	xlen = rd16(p + 30);
	clen = rd16(p + 32);
	if (CENTRAL_LEN + nlen + xlen + clen > n)
		return LD_ZIP_EINCONS;
	e->flags = rd16(p + 8);
	e->method = rd16(p + 10);
	e->crc = rd32(p + 16);
	e->csize = rd32(p + 20);
	e->usize = rd32(p + 24);
	e->offset = rd32(p + 42);
	rc = read_zip64(p + CENTRAL_LEN + nlen, xlen, e,
	    e->usize == 0xffffffffu, e->csize == 0xffffffffu,
	    e->offset == 0xffffffffu);
	if (rc != 0)
		return rc;
	memcpy(name, p + CENTRAL_LEN, nlen);
	name[nlen] = '\0';
	if (memchr(name, '\0', nlen) != NULL)
		return LD_ZIP_EINCONS;	/* a name no lookup could match */
	e->name = name;
	e->name_len = nlen;
	*used = CENTRAL_LEN + nlen + xlen + clen;
	return 0;
}

int
ld_zip_open(ld_zip **out, const void *data, size_t len)
{
	const unsigned char *p = data;
	struct dir d;
	ld_zip *z;
	size_t at, i, off, used, nbytes;
	int rc;

	*out = NULL;
	if ((rc = find_end(p, len, &at)) != 0 ||
	    (rc = read_end(p, at, &d)) != 0)
		return rc;
	if ((z = ld_calloc(1, sizeof *z)) == NULL)
		return LD_ZIP_ENOMEM;
	z->p = p;
	z->len = len;
	/* names take at most the directory's bytes, plus a NUL each */
	nbytes = (size_t)d.size + (size_t)d.count + 1;
	z->e = ld_calloc((size_t)d.count + 1, sizeof *z->e);
	z->names = ld_malloc(nbytes);
	if (z->e == NULL || z->names == NULL) {
		ld_zip_close(z);
		return LD_ZIP_ENOMEM;
	}
	for (i = 0, off = 0, used = 0; i < d.count; i++) {
		rc = read_entry(p + d.offset + off, (size_t)d.size - off,
		    &z->e[i], z->names + off + i, &used);
		if (rc != 0) {
			ld_zip_close(z);
			return rc;
		}
		off += used;
	}
	z->n = (size_t)d.count;
	*out = z;
	return 0;
}

void
ld_zip_close(ld_zip *z)
{
	if (z == NULL)
		return;
	ld_free(z->e);
	ld_free(z->names);
	ld_free(z);
}

size_t
ld_zip_count(const ld_zip *z)
{
	return z->n;
}

const ld_zip_entry *
ld_zip_entry_at(const ld_zip *z, size_t i)
{
	return i < z->n ? &z->e[i] : NULL;
}

long
ld_zip_find(const ld_zip *z, const char *name, int nocase)
{
	size_t i;

	for (i = 0; i < z->n; i++)
		if ((nocase ? strcasecmp(z->e[i].name, name) :
		    strcmp(z->e[i].name, name)) == 0)
			return (long)i;
	return -1;
}

/* ---- reading an entry ------------------------------------------------- */

static voidpf
z_alloc(voidpf opaque, uInt items, uInt size)
{
	(void)opaque;
	return ld_calloc(items, size);
}

static void
z_free(voidpf opaque, voidpf p)
{
	(void)opaque;
	ld_free(p);
}

/* Where the entry's data begins, after a local header that names it. */
static int
data_start(const ld_zip *z, const ld_zip_entry *e, size_t *at)
{
	const unsigned char *p = z->p;
	uint64_t off = e->offset;
	size_t nlen, xlen;

	if (off > z->len || z->len - off < LOCAL_LEN ||
	    rd32(p + off) != SIG_LOCAL)
		return LD_ZIP_EINCONS;
	nlen = rd16(p + off + 26);
	xlen = rd16(p + off + 28);
	if (z->len - off - LOCAL_LEN < nlen + xlen || nlen != e->name_len ||
	    memcmp(p + off + LOCAL_LEN, e->name, nlen) != 0)
		return LD_ZIP_EINCONS;
	*at = (size_t)off + LOCAL_LEN + nlen + xlen;
	return 0;
}

int
ld_zip_fopen(ld_zip_file **out, const ld_zip *z, size_t i)
{
	const ld_zip_entry *e;
	ld_zip_file *f;
	size_t at;
	int rc;

	*out = NULL;
	if ((e = ld_zip_entry_at(z, i)) == NULL)
		return LD_ZIP_EINCONS;
	if (e->flags & 1)
		return LD_ZIP_EENCRYPTED;
	if (e->method != 0 && e->method != 8)
		return LD_ZIP_EMETHOD;
	if (e->method == 0 && e->csize != e->usize)
		return LD_ZIP_EINCONS;	/* stored: both sizes are one */
	if ((rc = data_start(z, e, &at)) != 0)
		return rc;
	if ((f = ld_calloc(1, sizeof *f)) == NULL)
		return LD_ZIP_ENOMEM;
	f->e = e;
	f->in = z->p + at;
	/* the claimed compressed size, but never past the archive's end:
	 * a deflate stream says itself where it ends */
	f->in_len = e->csize < z->len - at ? (size_t)e->csize : z->len - at;
	f->cut = e->csize > z->len - at;
	f->crc = crc32(0L, Z_NULL, 0);
	if (e->method == 8) {
		f->zs.zalloc = z_alloc;
		f->zs.zfree = z_free;
		rc = inflateInit2(&f->zs, -MAX_WBITS);
		if (rc != Z_OK) {
			ld_free(f);
			return rc == Z_MEM_ERROR ? LD_ZIP_ENOMEM : LD_ZIP_EDATA;
		}
		f->inflating = 1;
	}
	*out = f;
	return 0;
}

/* At the end of an entry its size and CRC-32 must be those claimed. */
static long
finish(ld_zip_file *f)
{
	f->done = 1;
	if (f->out != f->e->usize)
		return -LD_ZIP_ESIZE;
	if ((uint32_t)f->crc != f->e->crc)
		return -LD_ZIP_ECRC;
	return 0;
}

static long
read_stored(ld_zip_file *f, unsigned char *buf, size_t len)
{
	size_t n = len < f->in_len ? len : f->in_len;

	if (n == 0)
		return f->cut && f->out < f->e->usize ? -LD_ZIP_ESHORT :
		    finish(f);
	memcpy(buf, f->in, n);
	f->in += n;
	f->in_len -= n;
	return (long)n;
}

static long
read_deflated(ld_zip_file *f, unsigned char *buf, size_t len)
{
	uInt take = (uInt)(len < UINT_MAX ? len : UINT_MAX);
	int rc;

	f->zs.next_out = buf;
	f->zs.avail_out = take;
	while (f->zs.avail_out == take) {
		if (f->zs.avail_in == 0 && f->in_len > 0) {
			size_t k = f->in_len < UINT_MAX ? f->in_len : UINT_MAX;

			f->zs.next_in = (Bytef *)(uintptr_t)f->in;
			f->zs.avail_in = (uInt)k;
			f->in += k;
			f->in_len -= k;
		}
		rc = inflate(&f->zs, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			break;
		if (rc == Z_MEM_ERROR)
			return -LD_ZIP_ENOMEM;
		if (rc == Z_BUF_ERROR && f->zs.avail_in == 0 &&
		    f->in_len == 0)
			return -LD_ZIP_ESHORT;
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			return -LD_ZIP_EDATA;
	}
	if (f->zs.avail_out == take)
		return finish(f);
	return (long)(take - f->zs.avail_out);
}

long
ld_zip_fread(ld_zip_file *f, void *buf, size_t len)
{
	long n;

	if (f->done || len == 0)
		return 0;
	if (len > UINT_MAX)	/* what one crc32() call takes */
		len = UINT_MAX;
	n = f->e->method == 8 ? read_deflated(f, buf, len) :
	    read_stored(f, buf, len);
	if (n > 0) {
		f->crc = crc32(f->crc, buf, (uInt)n);
		f->out += (uint64_t)n;
	}
	return n;
}

void
ld_zip_fclose(ld_zip_file *f)
{
	if (f == NULL)
		return;
	if (f->inflating)
		inflateEnd(&f->zs);
	ld_free(f);
}

/* ---- writing ----------------------------------------------------------- */

#define DOS_DATE 0x0021		/* 1980-01-01 */
#define DOS_TIME 0x0000		/* 00:00:00 */

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xff);
	p[1] = (unsigned char)(v >> 8 & 0xff);
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

/* The fields a local header and a directory entry share, from offset 4
 * of the local header (offset 6 of the directory entry): version needed,
 * flags (bit 11: the name is UTF-8), method, time, date, CRC and sizes,
 * name length. */
static void
put_common(unsigned char *p, int utf8, unsigned method, uint32_t crc,
    uint32_t csize, uint32_t usize, size_t nlen)
{
	put16(p, 20);
	put16(p + 2, utf8 ? 0x800 : 0);
	put16(p + 4, method);
	put16(p + 6, DOS_TIME);
	put16(p + 8, DOS_DATE);
	put32(p + 10, crc);
	put32(p + 14, csize);
	put32(p + 18, usize);
	put16(p + 22, (unsigned)nlen);
}

/* Bit 11 (the name is UTF-8) for a name with bytes above ASCII that are
 * UTF-8; other names keep the flag clear, as they came. */
static int
utf8_name(const char *s)
{
	size_t n = strlen(s);

	return ld_utf8_skip_ascii(s, n, 0) < n &&
	    ld_utf8_valid_prefix(s, n) == n;
}

struct scratch {
	unsigned char *p;
	size_t cap, len;
};

/* Data deflated (raw, level 1) into d; 1 when that made it smaller. */
static int
deflated(const unsigned char *p, size_t n, struct scratch *d, int *rc)
{
	z_stream zs;
	size_t bound;
	int r;

	memset(&zs, 0, sizeof zs);
	zs.zalloc = z_alloc;
	zs.zfree = z_free;
	*rc = 0;
	if (n == 0 || n > UINT_MAX / 2)
		return 0;
	if (deflateInit2(&zs, 1, Z_DEFLATED, -MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK) {
		*rc = LDIFF_ENOMEM;
		return 0;
	}
	bound = (size_t)deflateBound(&zs, (uLong)n);
	if (bound > d->cap) {
		ld_free(d->p);
		d->cap = 0;
		if ((d->p = ld_malloc(bound)) == NULL) {
			deflateEnd(&zs);
			*rc = LDIFF_ENOMEM;
			return 0;
		}
		d->cap = bound;
	}
	zs.next_in = (Bytef *)(uintptr_t)p;
	zs.avail_in = (uInt)n;
	zs.next_out = d->p;
	zs.avail_out = (uInt)bound;
	r = deflate(&zs, Z_FINISH);
	d->len = (size_t)zs.total_out;
	deflateEnd(&zs);
	if (r != Z_STREAM_END) {
		*rc = LDIFF_ENOMEM;
		return 0;
	}
	return d->len < n;
}

struct central {
	uint32_t crc, csize, usize, offset;
	unsigned method;
};

int
ld_zip_write(ld_buf *out, size_t n, const char *const *names,
    const ld_buf *data)
{
	struct central *c = ld_calloc(n + 1, sizeof *c);
	struct scratch d = { NULL, 0, 0 };
	size_t k, cd;
	unsigned char h[CENTRAL_LEN];
	int rc = c == NULL ? LDIFF_ENOMEM : 0;

	if (n > 0xffff)
		rc = LDIFF_EINVAL;
	for (k = 0; k < n && rc == 0; k++) {
		const unsigned char *p = (const unsigned char *)data[k].data;
		size_t len = data[k].len, nlen = strlen(names[k]);
		int packed;

		if (len > 0xfffffffeu || nlen > 0xffff || out->len > 0xfffffffeu) {
			rc = LDIFF_EINVAL;	/* zip64 is never needed here */
			break;
		}
		packed = deflated(p, len, &d, &rc);
		if (rc != 0)
			break;
		c[k].crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0),
		    len ? p : (const Bytef *)"", (uInt)len);
		c[k].usize = (uint32_t)len;
		c[k].csize = (uint32_t)(packed ? d.len : len);
		c[k].method = packed ? 8 : 0;
		c[k].offset = (uint32_t)out->len;
		put32(h, SIG_LOCAL);
		put_common(h + 4, utf8_name(names[k]), c[k].method,
		    c[k].crc, c[k].csize, c[k].usize, nlen);
		put16(h + 28, 0);
		ld_buf_add(out, h, LOCAL_LEN);
		ld_buf_add(out, names[k], nlen);
		ld_buf_add(out, packed ? (const char *)d.p : (const char *)p,
		    packed ? d.len : len);
	}
	cd = out->len;
	for (k = 0; k < n && rc == 0; k++) {
		size_t nlen = strlen(names[k]);

		memset(h, 0, sizeof h);
		put32(h, SIG_CENTRAL);
		put16(h + 4, 20);
		put_common(h + 6, utf8_name(names[k]), c[k].method,
		    c[k].crc, c[k].csize, c[k].usize, nlen);
		put32(h + 42, c[k].offset);
		ld_buf_add(out, h, CENTRAL_LEN);
		ld_buf_add(out, names[k], nlen);
	}
	if (rc == 0) {
		memset(h, 0, END_LEN);
		put32(h, SIG_END);
		put16(h + 8, (unsigned)n);
		put16(h + 10, (unsigned)n);
		put32(h + 12, (uint32_t)(out->len - cd));
		put32(h + 16, (uint32_t)cd);
		ld_buf_add(out, h, END_LEN);
		if (out->oom)
			rc = LDIFF_ENOMEM;
		else if (out->len > 0xffffffffu)
			rc = LDIFF_EINVAL;	/* would need zip64 */
	}
	ld_free(d.p);
	ld_free(c);
	return rc;
}
