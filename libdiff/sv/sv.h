/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sv/sv.h - Swedish text: abbreviations, tokens, comparison keys, numbers
 * and kronor, stems.  Knows nothing of documents or clauses.
 */
#ifndef LD_SV_H
#define LD_SV_H

#include "util/util.h"

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
/* Do tokens v[0, n) of s end in "kl." or "klockan" (and spaces)?  A time
 * may follow. */
int ld_after_kl(const char *s, const ldiff_token *v, size_t n);
/* The tokens of text[off, len) where off ends the nprior tokens given
 * (those of the text before it, which give the context: "kl." before a
 * time), prior tokens included in *out.  stop(ctx, at, after_kl), asked
 * at each token start, ends the scan there when it returns nonzero; *end
 * is where the scan ended.  ldiff_tokenize is this from the start. */
int ld_tokenize_from(const char *text, size_t len, const ldiff_token *prior,
    size_t nprior, int (*stop)(void *ctx, size_t off, int after_kl),
    void *ctx, ldiff_token **out, size_t *n, size_t *end);
/* The number-like token at s[i] (an ASCII digit, no "kl." before): its
 * length and type in *t, 0 if none.  With shortcut the tokenizer's own
 * way (plain numbers without PCRE2), else by the pattern alone: the
 * two must agree, which tests/unit/t_fastpath.c checks. */
size_t ld_number_at(const char *s, size_t n, size_t i, int shortcut,
    ldiff_token_type *t);


/* ---- comparison keys and word-level diff (key.c, seqdiff.c, classify.c)
 * The key is what two texts are compared on: NFC, case-folded, typography
 * folded (dashes, quotes, spaces, soft hyphens), white space collapsed.
 * Display text is never changed. */
char *ld_text_key(ld_arena *a, const char *text);
/* The same key of s[0..n), appended to b: 0 or LDIFF_ENOMEM. */
int ld_text_key_buf(ld_buf *b, const char *s, size_t n);


/* ---- språkvård (rewrite.c, tables in rewrite_tables.c) -----------------
 * Do old[0..on) and new[0..nn) say the same thing, read through the
 * tables of rewrites (skall/ska, ej/inte, bl.a./bland annat, fyra/4, den
 * 1 januari 2027/2027-01-01, 5 §/§ 5, kl./klockan, tillse/se till, an
 * omitted "har" before a supine)?  1 yes; 0 no, also for spans too long
 * to be a rewrite or when out of memory (the safe answer). */
int ld_sv_same_meaning(const char *old, size_t on, const char *new,
    size_t nn);
/* Could s[0..n) take part in a rewrite at all: does a word of it have a
 * reading in the tables?  0 lets a caller skip the matcher; 1 also when
 * out of memory. */
int ld_sv_may_rewrite(const char *s, size_t n);
/* ld_sv_same_meaning() with the reason for a no: LD_SV_OTHER_WORDS when
 * the words no table knows differ (in order).  Those words of a span
 * with equal words added at both ends, beyond a space, are those words
 * with the same added: no context makes such spans the same, and a
 * caller that would try more context can stop. */
enum { LD_SV_OTHER, LD_SV_SAME, LD_SV_OTHER_WORDS };
int ld_sv_rewrite_check(const char *old, size_t on, const char *new,
    size_t nn);

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

/* ---- nouns that name amounts (nouns.c) ------------------------------- */
typedef struct ld_sv_noun {
	const char *sv;		/* "bidrag": after a genitive */
	const char *sv_def_pl;	/* "bidragen" */
	const char *en, *en_pl;	/* "contribution", "contributions" */
} ld_sv_noun;
/* The noun spelled s[0..n) (first letter in either case), or NULL. */
const ld_sv_noun *ld_sv_noun_lookup(const char *s, size_t n);

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
/* The lower-cased word of an id from ld_lexicon_words; "" if none. */
const char *ld_lexicon_word_text(const ld_lexicon *lx, uint32_t word);
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


#endif /* LD_SV_H */
