/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * util/util.h - the library's own toolbox: errors, allocation, arenas, buffers,
 * threads, UTF-8, record-stream escaping, hashing.  Every stage includes
 * it; it includes nothing of theirs.
 *
 * Names start with ld_ (functions) or LD_ (macros).  Anything used by
 * one file only stays static in that file.
 */
#ifndef LD_UTIL_H
#define LD_UTIL_H



#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "libdiff.h"

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) dgettext("klausul", s)
#else
#define _(s) (s)
#endif
#define N_(s) (s)

#define LD_UNUSED(x) ((void)(x))


/* ---- errors (error.c) ---------------------------------------------- */

/* Set err (may be NULL) and return code.  fmt is printf-like. */
int ld_error(ldiff_error *err, int code, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Same, with a line number for record streams. */
int ld_error_line(ldiff_error *err, int code, long line, const char *fmt,
    ...)
#ifdef __GNUC__
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Pages of a PDF when the limits predate max_pages (version 1). */
#define LD_MAX_PAGES 10000

/* ---- allocation (alloc.c) ---------------------------------------------
 * Every allocation of the library goes through these, so tests can inject
 * failures (ld_alloc_fail_after). */
void *ld_malloc(size_t n);
void *ld_calloc(size_t n, size_t size);
void *ld_realloc(void *p, size_t n);
void *ld_reallocarray(void *p, size_t n, size_t size);	/* overflow-checked */
void ld_free(void *p);
/* Fail the n-th allocation from now (testing); -1 turns it off. */
void ld_alloc_fail_after(long n);

/* ---- arena (arena.c): per-document memory, freed at once -------------- */
typedef struct ld_arena ld_arena;
ld_arena *ld_arena_new(void);
void *ld_arena_alloc(ld_arena *a, size_t n);	/* zeroed, 16-aligned */
char *ld_arena_strndup(ld_arena *a, const char *s, size_t n);
char *ld_arena_strdup(ld_arena *a, const char *s);
char *ld_arena_printf(ld_arena *a, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
size_t ld_arena_used(const ld_arena *a);
/* Every block of from moves into into; from is freed. */
void ld_arena_adopt(ld_arena *into, ld_arena *from);
void ld_arena_free(ld_arena *a);

/* ---- tasks on a few threads (parallel.c) ------------------------------
 * fn(ctx, task, worker) for every task in [0, ntasks), on at most
 * `threads` threads (the caller's among them, as worker 0; workers are
 * numbered below min(threads, LD_MAX_THREADS)).  Tasks must not share
 * anything they write. */
#define LD_MAX_THREADS 64
/* Below this many bytes of text to work on, a thread costs more to start
 * than it saves. */
#define LD_PARALLEL_MIN_BYTES (16 * 1024)
void ld_parallel(size_t ntasks, size_t threads,
    void (*fn)(void *ctx, size_t task, size_t worker), void *ctx);

/* ---- the machine (system.c; ldiff_processors, ldiff_lang_from_env) ---
 * What a thread freed stays in its malloc arena, out of reach of the
 * other threads: when much is free, give it back to the system (glibc;
 * elsewhere nothing).  Called where a document's memory is freed. */
void ld_trim_freed_memory(void);

/* ---- growable byte buffer (buf.c) ----------------------------------- */
typedef struct ld_buf {
	char *data;	/* always NUL-terminated when len > 0 or after add */
	size_t len, cap;
	int oom;	/* sticky: an append failed */
} ld_buf;
void ld_buf_init(ld_buf *b);
int ld_buf_add(ld_buf *b, const void *p, size_t n);	/* 0 or LDIFF_ENOMEM */
/* Room for n more bytes (and the NUL) past b->len, to write in place. */
int ld_buf_reserve(ld_buf *b, size_t n);
int ld_buf_adds(ld_buf *b, const char *s);
int ld_buf_addc(ld_buf *b, char c);
int ld_buf_addint(ld_buf *b, long v);	/* decimal, without printf */
int ld_buf_printf(ld_buf *b, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void ld_buf_reset(ld_buf *b);	/* len = 0, memory kept */
void ld_buf_free(ld_buf *b);
/* The contents, "" when empty; valid until the next change. */
const char *ld_buf_str(const ld_buf *b);

/* ---- growable array of pointers (buf.c) ------------------------------ */
typedef struct ld_ptrs {
	void **v;
	size_t n, cap;
} ld_ptrs;
int ld_ptrs_push(ld_ptrs *p, void *x);
/* The one growth rule of the library's arrays: a full array of
 * elements of size bytes doubles (to first when empty).  Returns the
 * array, moved or not, and updates *cap; NULL when out of memory (the
 * old array is then still valid and *cap unchanged). */
void *ld_grow(void *v, size_t *cap, size_t first, size_t size);
/* The same rule for an array in an arena: a new block of twice the
 * room gets the *cap elements of v (the old block stays in the arena). */
void *ld_arena_grow(ld_arena *a, const void *v, size_t *cap, size_t first,
    size_t size);
/* The capacity after cap by that rule; 0 when it would overflow. */
static inline size_t
ld_grown_cap(size_t cap, size_t first, size_t size)
{
	size_t c = cap ? cap * 2 : first;

	return c < cap || c > SIZE_MAX / size ? 0 : c;
}
void ld_ptrs_free(ld_ptrs *p);

/* ---- UTF-8 (utf8.c) ---------------------------------------------------- */
/* Length of the longest valid UTF-8 prefix of s (== n when all valid). */
size_t ld_utf8_valid_prefix(const char *s, size_t n);
/* Decode one code point at s (n bytes left); returns bytes used (>= 1),
 * *cp = -1 for an invalid sequence (1 byte consumed). */
size_t ld_utf8_decode(const char *s, size_t n, int32_t *cp);
/* Append the UTF-8 encoding of cp. */
int ld_utf8_encode(ld_buf *b, int32_t cp);
/* The first index from i on that is not ASCII, or n (8 bytes a step). */
size_t ld_utf8_skip_ascii(const char *s, size_t n, size_t i);
/* NFC of s into the arena.  Returns NULL on invalid UTF-8 or no memory. */
char *ld_utf8_nfc(ld_arena *a, const char *s, size_t n);
/* NFC + case fold (keeps å ä ö), into a malloc'd string the caller frees. */
char *ld_utf8_fold(const char *s, size_t n);
/* The library's one lower-casing: the simple lower case of a code point
 * (utf8proc_tolower), ASCII and Latin-1 answered without a call.  ß, ÿ
 * and the signs × ÷ are their own lower case.  tests/unit/t_fastpath.c
 * compares it with utf8proc for every code point. */
int32_t ld_lower_cp(int32_t cp);
/* The same for one byte of UTF-8 text: an ASCII capital lowered, every
 * other byte (a part of a longer character) as it is. */
static inline int
ld_lower_byte(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}
/* Append s[0..n) lower-cased code point by code point (a byte of invalid
 * UTF-8 is kept as it is); 0 or LDIFF_ENOMEM.  This is no case fold:
 * ß stays ß (the comparison key folds it to "ss" through utf8proc). */
int ld_utf8_lower(ld_buf *b, const char *s, size_t n);


/* ---- record streams (record.c) ----------------------------------------
 * Text fields escape backslash, TAB, LF and CR as \\ \t \n \r; nothing
 * else is touched, so reading and writing give back the same bytes. */
#define LD_PARA_MARK "#klausul-paragraphs 1"
#define LD_CLAUSE_MARK "#klausul-clauses 1"
int ld_tsv_escape(ld_buf *b, const char *s);
/* Unescape in place (the result is never longer); returns LDIFF_ERECORD
 * on a lone or unknown escape. */
int ld_tsv_unescape(char *s);
/* Split a line (no newline) at TABs, in place.  Returns the field count;
 * fields beyond max are not split further. */
size_t ld_tsv_split(char *line, char **fields, size_t max);
/* Write s as a JSON string literal (with quotes). */
int ld_json_string(ld_buf *b, const char *s);
/* The same for the n bytes at s (a span of a longer string). */
int ld_json_string_n(ld_buf *b, const char *s, size_t n);
/* A member of an object: head (its separator and key, ",\"text\":")
 * then s as a JSON string. */
int ld_json_member(ld_buf *b, const char *head, const char *s);
int ld_json_fputs(FILE *out, const char *s);
/* Next line of data[*pos..len): sets *line and *linelen (without the
 * newline, CR of CRLF removed), advances *pos; returns 0 at the end. */
int ld_next_line(const char *data, size_t len, size_t *pos,
    const char **line, size_t *linelen);

/* A flat JSON object of one record line (json.c).  String values are
 * unescaped in place into the line; numbers, true, false and null keep
 * their literal text; nested arrays and objects are kept as raw text. */
typedef struct ld_json_kv {
	const char *key;
	const char *val;
	int is_string;
} ld_json_kv;
/* Returns the pair count (<= max), or LDIFF_ERECORD. */
int ld_json_parse_flat(char *line, ld_json_kv *kv, int max);
const char *ld_json_get(const ld_json_kv *kv, int n, const char *key);

/* Write a whole buffer; LDIFF_EIO on failure. */
int ld_fwrite_all(FILE *out, const void *p, size_t n);

/* ---- record sets and their streams (recset.c) ---------------------------
 * What the paragraph container and the clause set share. */
/* A set's arena, and its limits (lim, or the defaults); LDIFF_ENOMEM. */
int ld_set_init(ld_arena **arena, ldiff_limits *limits,
    const ldiff_limits *lim);
/* Append one zeroed element of size to the array v of *n (room for
 * *cap), at most max: the element, *grown set when the array moved; NULL
 * with *code LDIFF_ELIMIT (past max) or LDIFF_ENOMEM. */
void *ld_set_append(void *v, size_t *n, size_t *cap, size_t max,
    size_t size, void **grown, int *code);
/* The index of name in names[0..n), or -1. */
int ld_name_index(const char *const *names, size_t n, const char *name);
/* Write the mark line (unless NULL), then one(b, i, ctx) for each of n
 * records, buffered; 0, LDIFF_ENOMEM or LDIFF_EIO. */
int ld_write_records(FILE *out, const char *mark, size_t n,
    void (*one)(ld_buf *b, size_t i, void *ctx), void *ctx);
/* Split a TSV record into f[0..*n), min to max fields, and unescape
 * them; 0 or LDIFF_ERECORD (said in err, at lineno). */
int ld_tsv_record(char *line, char **f, size_t min, size_t max, size_t *n,
    long lineno, ldiff_error *err);
/* The values of keys[0..nkeys) of a JSON record into f ("" when absent,
 * "0" for key number zero); a key whose bit is set in required must be
 * there.  *n gets the pairs in kv.  0 or LDIFF_ERECORD (said in err). */
int ld_json_record(char *line, ld_json_kv *kv, int max,
    const char *const *keys, size_t nkeys, unsigned required, size_t zero,
    char **f, int *n, long lineno, ldiff_error *err);
/* How ld_read_lines reads a stream. */
typedef struct ld_line_opts {
	size_t max;		/* the longest line (--max-paragraph) */
	int skip_empty, skip_comments;	/* empty lines, lines begun by '#' */
	int utf8;		/* check UTF-8 here */
	/* line 1, when not NULL: the mark (0 or an error said in err) */
	int (*first)(const char *l, size_t n, ldiff_error *err);
	/* every other line, NUL-terminated and writable */
	int (*line)(void *ctx, char *line, long lineno);
} ld_line_opts;
/* Read data's lines from pos on (past a byte order mark), each checked
 * (length, NUL, UTF-8 if asked); stops at the first error. */
int ld_read_lines(const char *data, size_t len, size_t pos,
    const ld_line_opts *o, void *ctx, ldiff_error *err);


/* ---- hashing for the library's tables ------------------------------
 * One hash for every table of strings and ids.  Most keys are words and
 * short ids: up to 8 bytes are read as two overlapping 4-byte loads (or
 * three single bytes) and mixed with one multiplication, longer keys 8
 * bytes at a time; the length goes in first, so "ab" and "abb" differ.
 * Only bytes inside [p, p + n) are read. */
static inline uint64_t
ld_load64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

static inline uint32_t
ld_load32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

static inline uint32_t
ld_hash(const void *key, size_t n)
{
	const unsigned char *p = key;
	uint64_t h = 0x9e3779b97f4a7c15u ^ ((uint64_t)n * 0xff51afd7ed558ccdu);
	uint64_t x = 0;

	for (; n > 8; p += 8, n -= 8) {
		h = (h ^ ld_load64(p)) * 0xbf58476d1ce4e5b9u;
		h ^= h >> 29;
	}
	if (n >= 4)
		x = ld_load32(p) | (uint64_t)ld_load32(p + n - 4) << 32;
	else if (n > 0)
		x = (uint64_t)p[0] << 16 | (uint64_t)p[n / 2] << 8 | p[n - 1];
	h = (h ^ x) * 0x94d049bb133111ebu;
	h ^= h >> 31;
	return (uint32_t)h ^ (uint32_t)(h >> 32);
}

static inline uint32_t
ld_hash_str(const char *s)
{
	return ld_hash(s, strlen(s));
}

/* ---- a map from strings to numbers (strmap.c) -------------------------
 * The library's one hash table of strings: the lexicon's words, the word
 * diff's key ids, styles by id.  Keys are byte strings (NULs allowed),
 * copied into the map, so what was looked up may change afterwards. */
typedef struct ld_strmap ld_strmap;
ld_strmap *ld_strmap_new(void);		/* NULL when out of memory */
void ld_strmap_free(ld_strmap *m);
size_t ld_strmap_count(const ld_strmap *m);
/* 1 and the value in *val (may be NULL) when s[0..n) is a key, else 0. */
int ld_strmap_get(const ld_strmap *m, const char *s, size_t n,
    uint32_t *val);
/* s[0..n) maps to val from now on.  Returns the map's copy of the key
 * (NUL-terminated, valid while the map lives), NULL when out of memory
 * (the map is then as it was). */
const char *ld_strmap_put(ld_strmap *m, const char *s, size_t n,
    uint32_t val);

/* ---- grouping equal entries (group.c) -------------------------------
 * Reorder the n entries of `size` bytes at base so that entries the same()
 * (and of equal hash()) stand together, each group in input order. */
int ld_group_equal(void *base, size_t n, size_t size,
    uint32_t (*hash)(const void *), int (*same)(const void *, const void *));

/* ---- versions of the option structs (error.c) ----------------------- */
/* 0 when version `got` of the struct named `what` ("ldiff_diff_opts") is
 * one this library reads (1 .. known), else LDIFF_EINVAL with a message
 * in err (which may be NULL). */
int ld_check_version(ldiff_error *err, const char *what, unsigned got,
    unsigned known);
int ld_check_limits(const ldiff_limits *lim, ldiff_error *err);


#endif /* LD_UTIL_H */
