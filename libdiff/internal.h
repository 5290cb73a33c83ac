/*
 * internal.h - shared by the files of libdiff, never installed.
 *
 * Names here start with ld_ (functions) or LD_ (macros).  Anything used by
 * one file only stays static in that file.
 */
#ifndef LIBDIFF_INTERNAL_H
#define LIBDIFF_INTERNAL_H

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

/* ---- growable byte buffer (buf.c) ----------------------------------- */
typedef struct ld_buf {
	char *data;	/* always NUL-terminated when len > 0 or after add */
	size_t len, cap;
	int oom;	/* sticky: an append failed */
} ld_buf;
void ld_buf_init(ld_buf *b);
int ld_buf_add(ld_buf *b, const void *p, size_t n);	/* 0 or LDIFF_ENOMEM */
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

/* ---- Swedish abbreviations (sv_abbrev.c, token.c) ---------------------
 * Shared by the tokenizer and the sentence splitter. */
enum {
	LD_ABBR_NONE = 0,
	LD_ABBR_NO_BREAK,	/* never ends a sentence: bl.a., t.ex., prop. */
	LD_ABBR_MAY_END,	/* ends one before a capital: m.m., etc., kr. */
	LD_ABBR_INITIALS	/* L.B.: never ends a sentence */
};
/* Class of a table key: lowercase, internal periods, no final period
 * ("bl.a", "dvs", "fr.o.m"); LD_ABBR_NONE if not in the table. */
int ld_abbrev_class(const char *key);
/* Does some key start with prefix ("fr.o.")?  Lets a matcher stop early. */
int ld_abbrev_has_prefix(const char *prefix);
/* Length of the abbreviation written at s[0..n) ("bl.a.", "Bl a", "t. ex.",
 * "fr o m", "dvs.", "L.B."), final period included; 0 if none.  A word
 * of one part counts only with its period.  *cls gets the class. */
size_t ld_abbrev_at(const char *s, size_t n, int *cls);
/* Do tokens v[0, n) of s end in "kl." (and spaces)?  A time may follow. */
int ld_after_kl(const char *s, const ldiff_token *v, size_t n);
/* The tokens of text[off, len) where off ends the nprior tokens given
 * (those of the text before it, which give the context: "kl." before a
 * time), prior tokens included in *out.  stop(ctx, at, after_kl), asked
 * at each token start, ends the scan there when it returns nonzero; *end
 * is where the scan ended.  ldiff_tokenize is this from the start. */
int ld_tokenize_from(const char *text, size_t len, const ldiff_token *prior,
    size_t nprior, int (*stop)(void *ctx, size_t off, int after_kl),
    void *ctx, ldiff_token **out, size_t *n, size_t *end);

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

/* ---- documents (doc.c) ------------------------------------------------
 * A document is an arena and a growing array of paragraphs.  Extractors
 * (wordml.c) and record readers append with ld_doc_add(); every string of
 * a paragraph lives in d->arena. */
struct ldiff_doc {
	ld_arena *arena;
	ldiff_para *paras;
	size_t n, cap;
	ldiff_limits limits;
};
int ld_doc_new(ldiff_doc **out, const ldiff_limits *lim);
/* Append a paragraph with every string "" and every number 0; NULL when
 * out of memory or past limits.max_paras (*code says which). */
ldiff_para *ld_doc_add(ldiff_doc *d, int *code);
/* Kind from its record name ("heading" ...), -1 if unknown. */
int ld_para_kind_from_name(const char *name);

/* ---- clause sets (clause.c builds them, clauses_io.c reads/writes) ---- */
struct ldiff_clauses {
	ld_arena *arena;
	ldiff_clause *cl;
	size_t n, cap;
	ldiff_limits limits;
};
int ld_clauses_new(ldiff_clauses **out, const ldiff_limits *lim);
/* Append a clause with every string "" (NULL: out of memory or past
 * limits.max_clauses; *code says which).  The pointer is valid until the
 * next ld_clauses_add. */
ldiff_clause *ld_clauses_add(ldiff_clauses *c, int *code);
int ld_clause_kind_from_name(const char *name);

/* ---- comparison keys and word-level diff (key.c, seqdiff.c, classify.c)
 * The key is what two texts are compared on: NFC, case-folded, typography
 * folded (dashes, quotes, spaces, soft hyphens), white space collapsed.
 * Display text is never changed. */
char *ld_text_key(ld_arena *a, const char *text);
/* The same key of s[0..n), appended to b: 0 or LDIFF_ENOMEM. */
int ld_text_key_buf(ld_buf *b, const char *s, size_t n);

typedef struct ld_textdiff {
	ldiff_edit *edits;	/* in the arena */
	size_t n;
	unsigned cls;		/* union of the edits' classes */
	int substantive;	/* any class other than typography/renumber */
	double similarity;	/* 0..1, shared tokens over all tokens */
	long work;		/* token-diff work done (seqdiff steps) */
	int capped;		/* 1 when the cost cap cut the search */
} ld_textdiff;
/* Word-level diff of two texts with semantic cleanup and classification
 * (textdiff.c, cleanup.c, classify.c).  The edits, in the arena, are
 * complete: old_text of EQUAL/DELETE/REPLACE edits concatenated is
 * old_text, new_text of EQUAL/INSERT/REPLACE edits is new_text.  Edits
 * begin and end on token boundaries; white space between two changed
 * words is inside the edit.  Key-equal but byte-different stretches are
 * REPLACE edits of class TYPOGRAPHY (letter case included).  AMOUNT
 * edits carry kronor values, NUMBER edits their numbers (has_values).
 * max_cost <= 0 takes the default cap (xdiff's: sqrt of the diagonals,
 * at least 256); NULL texts are empty.  0 or LDIFF_ENOMEM. */
int ld_text_diff(ld_arena *a, const char *old_text, const char *new_text,
    long max_cost, ld_textdiff *out);
/* 0: the new side is tokenized whole, never borrowing the old side's
 * tokens (tests check the two ways agree).  1 by default. */
extern int ld_textdiff_borrow;

/* Token-sequence diff (seqdiff.c): Myers O(ND), linear space, with a cost
 * cap per split (like xdiff's mxcost) and a total work budget, so any
 * input ends in near-linear time with a valid, maybe not minimal, diff. */
typedef struct ld_seqstats {
	long max_cost;	/* edit cost allowed per split before cutting */
	long budget;	/* total work allowed before boxes go whole */
	long work;	/* diagonals visited + snake steps taken */
	int capped;	/* 1 when a cap or the budget cut the search */
} ld_seqstats;
/* chg_a[i] = 1 when a[i] is deleted, chg_b[j] = 1 when b[j] is inserted
 * (the arrays are zeroed first).  Elements compare by id.  max_cost <= 0
 * takes the default.  st may be NULL.  Returns 0 or LDIFF_ENOMEM. */
int ld_seqdiff(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    long max_cost, char *chg_a, char *chg_b, ld_seqstats *st);

/* Swedish numbers and kronor (numfmt.c).
 * "1 250 000", "1 250 000,50", "2,5", "−3", NBSP/U+202F/thin-space groups;
 * 0 or LDIFF_EINVAL when s[0..n) is not one number. */
int ld_parse_swedish_number(const char *s, size_t n, double *v);
/* Kronor per unit: "kr" "kr." "kronor" "SEK" ":-" 1, "tkr" "tusen kronor"
 * 1e3, "mnkr" "Mkr" "miljoner kronor" 1e6, "mdkr" "miljarder kronor" 1e9;
 * 0 when s[0..n) is not a money unit (case-insensitive, spaces folded).
 * A bare "miljoner" is no unit: "2 miljoner invånare". */
double ld_amount_multiplier(const char *s, size_t n);
enum {
	LD_FMT_NBSP = 1 << 0,	/* U+00A0 in groups and before the unit */
	LD_FMT_MINUS = 1 << 1,	/* U+2212 instead of "-" */
	LD_FMT_SEK = 1 << 2,	/* ld_format_delta: amounts in kronor */
	LD_FMT_TYPO = LD_FMT_NBSP | LD_FMT_MINUS	/* HTML, DOCX */
};
/* "1 250 000" / "2,5": grouped thousands, decimal comma; `decimals`
 * decimals, or with decimals < 0 none for whole numbers and two else. */
int ld_format_number(ld_buf *b, double v, int decimals, unsigned flags);
/* "1 250 000 kr" ("1 250 000,50 kr" with öre); "2,5 %" (one decimal). */
int ld_format_sek(ld_buf *b, double kronor, unsigned flags);
int ld_format_percent(ld_buf *b, double pct, unsigned flags);
/* The change old -> new: "+50 000 kr (+4,0 %)" with LD_FMT_SEK, else
 * "+2 (+50,0 %)"; the percentage is left out when old is 0. */
int ld_format_delta(ld_buf *b, double old_v, double new_v, unsigned flags);

/* ---- Swedish terms for clause similarity (stem.c) --------------------
 * A lexicon per version pair: ld_lexicon_words() interns the case-folded
 * words of every text (the vocabulary); only then ld_lexicon_term() maps a
 * word to its term: Snowball stem of the base form (a definite ending is
 * dropped when the shorter word is in the vocabulary), years as "#year".
 * Stop words weigh 0.2, numbers 0.5, other terms 1. */
typedef struct ld_lexicon ld_lexicon;
int ld_lexicon_new(ld_lexicon **out);
void ld_lexicon_free(ld_lexicon *lx);
/* Word ids of text, in order, into *ids (ld_malloc'd; caller ld_frees);
 * with ids NULL the words only join the vocabulary. */
int ld_lexicon_words(ld_lexicon *lx, const char *text, uint32_t **ids,
    size_t *n);
long ld_lexicon_term(ld_lexicon *lx, uint32_t word);	/* >= 0 or error */
double ld_lexicon_weight(const ld_lexicon *lx, long term);
const char *ld_lexicon_term_text(const ld_lexicon *lx, long term);
size_t ld_lexicon_nterms(const ld_lexicon *lx);
int ld_is_stopword(const ld_lexicon *lx, const char *folded, size_t n);
/* The words of many texts gathered apart from any lexicon (one version's,
 * in a thread of its own), then merged into one in the order first seen:
 * the lexicon's word ids are those it would have given reading the same
 * texts itself. */
typedef struct ld_wordset ld_wordset;
typedef struct ld_ids {		/* a growing list of word ids */
	uint32_t *v;
	size_t n, cap;
} ld_ids;
int ld_wordset_new(ld_wordset **out);
/* The words of text; their ids in ws appended to ids (may be NULL). */
int ld_wordset_add(ld_wordset *ws, const char *text, ld_ids *ids);
size_t ld_wordset_count(const ld_wordset *ws);
int ld_lexicon_merge(ld_lexicon *lx, const ld_wordset *ws, uint32_t *map);
void ld_wordset_free(ld_wordset *ws);

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

/* ---- grouping equal entries (group.c) -------------------------------
 * Reorder the n entries of `size` bytes at base so that entries the same()
 * (and of equal hash()) stand together, each group in input order. */
int ld_group_equal(void *base, size_t n, size_t size,
    uint32_t (*hash)(const void *), int (*same)(const void *, const void *));

/* ---- clause alignment (align.c, align_sim.c) ------------------------- */
/* Work done by one diff, for tests that bound it (never wall time). */
typedef struct ld_align_stats {
	size_t sim_calls;	/* clause-pair similarities computed */
	size_t dp_cells;	/* cells of ordered fuzzy alignment */
	size_t anchor_items;	/* items sorted by the identical-key stage */
	size_t candidates;	/* postings read from the inverted index */
	size_t text_diffs;	/* ld_text_diff calls */
	long text_work;		/* their seqdiff work, summed */
} ld_align_stats;

/* A weighted bag of terms: sorted term ids, weight x count per term. */
typedef struct ld_bag {
	uint32_t *term;
	double *w;
	size_t n;
	double total;
} ld_bag;
/* Weighted Dice: 2 * shared weight / (total a + total b), 0..1. */
double ld_bag_similarity(const ld_bag *a, const ld_bag *b);
/* Shared weight over b's total: how much of b is found in a. */
double ld_bag_containment(const ld_bag *a, const ld_bag *b);
/* out = a + b (arena). */
int ld_bag_union(ld_arena *ar, const ld_bag *a, const ld_bag *b,
    ld_bag *out);
/* The bag of text (arena), through lx (whose vocabulary is complete). */
int ld_bag_of(ld_arena *ar, ld_lexicon *lx, const uint32_t *words,
    size_t nwords, ld_bag *out);

/* One aligned group of a version pair: clause-set indexes of up to three
 * old and three new clauses (split/merge), op as in ldiff_unit. */
#define LD_LINK_MAX 3
typedef struct ld_link {
	ldiff_op op;
	size_t old[LD_LINK_MAX], nold;
	size_t new[LD_LINK_MAX], nnew;
	double similarity;	/* of the bags; 1 for identical keys */
} ld_link;
/* Align clause set a (older) with b; links in unit order (the new
 * document's reading order, deleted clauses where they stood).  *links is
 * in ar. */
int ld_align(ld_arena *ar, const ldiff_clauses *a, const ldiff_clauses *b,
    const ldiff_diff_opts *o, ld_link **links, size_t *nlinks,
    ld_align_stats *st, ldiff_error *err);

/* ---- the diff (diff.c, align.c) ------------------------------------ */
struct ldiff_diff {
	ld_arena *arena;
	size_t nver;
	const ldiff_clauses **ver;
	const char **names;
	ldiff_unit *units;	/* per consecutive pair, in reading order */
	size_t n, cap;
	ldiff_subst *substs;
	size_t nsubst, substcap;
	ldiff_diff_opts opts;
	ld_align_stats stats;	/* work counters (align.c, diff.c) */
};

/* ---- shared by the renderers (render_common.c) ----------------------- */
const char *ld_unit_section(const ldiff_unit *u);
#define LD_SLOT_NONE ((size_t)-1)	/* not a moved unit */
#define LD_SLOT_TOP ((size_t)-2)	/* before the pair's first unit */
/* For each unit i of pair (slot has ldiff_diff_count entries): for a moved
 * unit, the unit after which its clause stood in the old version, or
 * LD_SLOT_TOP; LD_SLOT_NONE for every other unit. */
int ld_moved_slots(const ldiff_diff *d, size_t pair, size_t *slot);
/* The moved units of [lo, hi) sorted by the place they left (the top
 * first), several at one place in their old order, for a cursor walk;
 * *out is ld_malloc'd (the caller ld_frees). */
typedef struct ld_move {
	size_t after;	/* slot[unit] */
	size_t unit;
	size_t old;	/* index of its first clause in the old version */
} ld_move;
int ld_moves_by_place(const ldiff_diff *d, size_t pair, const size_t *slot,
    size_t lo, size_t hi, ld_move **out, size_t *n);
/* Append a short name of a version: with years, the year range of the
 * file name ("2019–2022") when it has one; else the base name. */
int ld_version_label(ld_buf *b, const char *name, int years);
/* Whether the number of edit i of u is a rate in per cent: "%" or
 * "procent" in the edit or right after it ("2,5 procent", "3 %"). */
int ld_edit_is_percent(const ldiff_unit *u, size_t i);

/* ---- lineages (lineage.c) ------------------------------------------ */
/* The units of one clause across versions: units[start..end) of the
 * array ld_lineages() fills, keyed by reading order. */
typedef struct ld_lineage {
	size_t start, end;
	double key;	/* where the clause stands: 0 top .. 1 end */
} ld_lineage;
/* The lineages with a change shown under hide (0: any change), in reading
 * order; *units (unit indexes, grouped by lineage) and *groups are
 * ld_malloc'd, the caller ld_frees both. */
int ld_lineages(const ldiff_diff *d, unsigned hide, size_t **units,
    ld_lineage **groups, size_t *n);

#endif /* LIBDIFF_INTERNAL_H */
