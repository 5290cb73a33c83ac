/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libdiff.h - the one public header of libdiff, the library behind klausul.
 *
 * Data flows one way:
 *
 *   .docx -> package -> paragraphs (ldiff_doc) -> clauses (ldiff_clauses)
 *         -> alignment and edits (ldiff_diff) -> renderers
 *
 * Every stage has an opaque handle with a _new/_from_* constructor and a
 * _free destructor.  Records handed out by a handle (ldiff_para,
 * ldiff_clause, ldiff_unit ...) live as long as the handle: the caller never
 * frees them.  Functions return 0 (LDIFF_OK) or a negative LDIFF_E* code and,
 * when given an ldiff_error, fill it with a message a person can read.  The
 * library never prints to the terminal and never exits; the renderers write
 * only to the FILE * the caller passes.
 */
#ifndef LIBDIFF_H
#define LIBDIFF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LDIFF_VERSION "0.3.0"

/*
 * Option structs carry a version as their first member, set by their
 * _init function to the LDIFF_*_VERSION constant of the header the
 * program was built with.  A library that knows a newer version reads
 * only the fields that version 1 ... had; a version it does not know (or
 * 0: a struct never initialised) is refused with LDIFF_EINVAL.  Adding a
 * field at the end of a struct then bumps its version, not the ABI.
 */
#define LDIFF_LIMITS_VERSION 2	/* 2: max_pages */
#define LDIFF_EXTRACT_OPTS_VERSION 1
#define LDIFF_SPLIT_OPTS_VERSION 1
#define LDIFF_DIFF_OPTS_VERSION 1
#define LDIFF_RENDER_OPTS_VERSION 3

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

enum {
	LDIFF_OK = 0,
	LDIFF_ENOMEM = -1,	/* out of memory */
	LDIFF_EIO = -2,		/* cannot read or write (errno kept in sys_errno) */
	LDIFF_ENOTZIP = -3,	/* not a zip archive, or a damaged one */
	LDIFF_ENOTDOCX = -4,	/* a zip, but not a WordprocessingML package */
	LDIFF_EENCRYPTED = -5,	/* encrypted or password protected */
	LDIFF_EXML = -6,	/* a part is not well-formed XML */
	LDIFF_ELIMIT = -7,	/* a configured limit was hit */
	LDIFF_EUTF8 = -8,	/* invalid UTF-8 */
	LDIFF_ERECORD = -9,	/* malformed record stream */
	LDIFF_EINVAL = -10,	/* invalid argument */
	LDIFF_EPDF = -11,	/* a damaged PDF, or one poppler cannot read */
	LDIFF_ENOTEXT = -12	/* a PDF with no text layer (a scan) */
};

/* Where and why an operation failed.  msg is complete on its own, e.g.
 * "word/document.xml: inflated size exceeds --max-part-size (64 MiB)". */
typedef struct ldiff_error {
	int code;		/* LDIFF_E* */
	int sys_errno;		/* errno for LDIFF_EIO, else 0 */
	long line;		/* input line for record streams, else 0 */
	char msg[512];
} ldiff_error;

/* A static English description of an error code. */
const char *ldiff_strerror(int code);

/* ------------------------------------------------------------------ */
/* Limits: every input is hostile until proven otherwise               */
/* ------------------------------------------------------------------ */

typedef struct ldiff_limits {
	unsigned version;		/* LDIFF_LIMITS_VERSION */
	uint64_t max_part_bytes;	/* inflated size of one zip part */
	uint64_t max_total_bytes;	/* inflated size of all parts read */
	uint32_t max_ratio;		/* inflated/compressed, per part */
	uint32_t max_xml_depth;		/* element nesting */
	size_t max_para_bytes;		/* one paragraph / one input line */
	size_t max_paras;		/* paragraphs in one document */
	size_t max_clauses;		/* clauses in one document */
	size_t max_pages;		/* pages of one PDF (version 2) */
} ldiff_limits;

/* Fill with the documented defaults (see kltext(1), LIMITS). */
void ldiff_limits_init(ldiff_limits *lim);

/* ------------------------------------------------------------------ */
/* Paragraphs: what kltext extracts                                    */
/* ------------------------------------------------------------------ */

typedef enum {
	LDIFF_PARA_HEADING,
	LDIFF_PARA_PARAGRAPH,
	LDIFF_PARA_ITEM,	/* a list item (numbered or bulleted) */
	LDIFF_PARA_CELL,	/* a paragraph inside a table cell */
	LDIFF_PARA_FOOTNOTE,
	LDIFF_PARA_ENDNOTE,
	LDIFF_PARA_COMMENT,
	LDIFF_PARA_HEADER,
	LDIFF_PARA_FOOTER
} ldiff_para_kind;

/* Flags of a paragraph record. */
enum {
	LDIFF_PF_INSERTED = 1 << 0,	/* the whole paragraph is a tracked insertion */
	LDIFF_PF_DELETED = 1 << 1,	/* the whole paragraph is a tracked deletion */
	LDIFF_PF_MOVED_FROM = 1 << 2,
	LDIFF_PF_MOVED_TO = 1 << 3,
	LDIFF_PF_HAS_REVISIONS = 1 << 4,	/* some run inside was revised */
	LDIFF_PF_NOT_NFC = 1 << 5	/* the source text was not in NFC (set
					 * from .docx only; not in the record
					 * stream) */
};

/* A revision, or a comment, held by a paragraph (ldiff_para.revs). */
typedef struct ldiff_revision {
	const char *kind;	/* "ins", "del", "movefrom", "moveto" (text);
				 * "ins-mark", "del-mark" (the paragraph mark:
				 * a paragraph split or joined); "comment"
				 * (a comment's own paragraphs) */
	const char *author;	/* w:author, or "" */
	const char *date;	/* w:date as written (ISO 8601), or "" */
} ldiff_revision;

/* A footnote or endnote reference in a paragraph's text: the mark the
 * reader sees there.  The text itself holds no mark (a renumbered note
 * must not change the clause that cites it); --plain inserts it. */
typedef struct ldiff_note_ref {
	size_t off;		/* byte offset into text */
	const char *mark;	/* "2", "iv" */
} ldiff_note_ref;

typedef struct ldiff_para {
	ldiff_para_kind kind;
	int level;		/* heading: outline level 1..9; item: ilvl+1; else 0 */
	const char *label;	/* computed list label as shown ("4.2.", "a)", "•"), or "" */
	const char *style;	/* style name as shown ("Heading 1", "Rubrik 1"), or "" */
	const char *where;	/* "" in the body; cells "t1.r2.c3" (nested cells
				 * joined by "/"); notes "fn:2", "en:1"; comments
				 * "cm:0"; headers and footers "hdr:default",
				 * "ftr:first" ... */
	const char *refs;	/* notes and comments referenced here, space
				 * separated ("fn:2 cm:0"), or "" */
	const char *text;	/* NFC UTF-8; in markup mode with revision marks */
	unsigned flags;		/* LDIFF_PF_* */
	/* Not part of the record stream; filled only when read from .docx. */
	const char *style_id;	/* w:pStyle value, or "" */
	int num_id;		/* w:numId in effect, 0 if none */
	int ilvl;		/* w:ilvl in effect */
	/* In the record stream's optional ninth field and in JSON. */
	const char *note;	/* a footnote's or endnote's paragraphs: the
				 * note's mark as the reader sees it ("2",
				 * "ii"), or "" */
	const ldiff_note_ref *note_refs;	/* in order of offset */
	size_t n_note_refs;
	size_t hidden_chars;	/* characters of hidden text (w:vanish)
				 * left out of text */
	const ldiff_revision *revs;	/* distinct, in order met */
	size_t n_revs;
	size_t xml_p;		/* which w:p of its part it is, counted from 1
				 * in document order (every w:p the reader
				 * meets, text boxes and empty ones too; of
				 * mc:AlternateContent only the branch read);
				 * 0 when not from .docx */
} ldiff_para;

typedef enum {
	LDIFF_CHANGES_ACCEPT,	/* the text as if every change were accepted */
	LDIFF_CHANGES_REJECT,	/* ... rejected */
	LDIFF_CHANGES_MARKUP	/* both, marked: {+ins+} [-del-] {>moved to>}
				 * [<moved from<]; a paragraph mark inserted or
				 * deleted alone (a split or a join) {+¶+} [-¶-] */
} ldiff_changes_mode;

typedef struct ldiff_extract_opts {
	unsigned version;	/* LDIFF_EXTRACT_OPTS_VERSION */
	ldiff_changes_mode changes;
	ldiff_limits limits;
	int authors;		/* markup: each mark names its author,
				 * {+text+|author} [-text-|author] */
} ldiff_extract_opts;

void ldiff_extract_opts_init(ldiff_extract_opts *o);

typedef struct ldiff_doc ldiff_doc;

/* Read a .docx from a file (path "-" is not special here) or from memory.
 * The memory is not kept after the call returns. */
int ldiff_doc_from_docx_file(ldiff_doc **out, const char *path,
    const ldiff_extract_opts *o, ldiff_error *err);
int ldiff_doc_from_docx_mem(ldiff_doc **out, const void *data, size_t len,
    const ldiff_extract_opts *o, ldiff_error *err);

/* Read a PDF from memory (poppler-glib): lines joined into paragraphs,
 * running headers, footers and page numbers dropped, footnotes kept as
 * LDIFF_PARA_FOOTNOTE.  Typed clause numbers stay in the text, as in
 * plain text; klsplit makes them labels.  limits.max_pages and
 * limits.max_total_bytes (of the text) apply, and before poppler reads
 * anything every stream is decoded and counted against max_part_bytes,
 * max_total_bytes and max_ratio, and the nesting against max_xml_depth
 * (LDIFF_ELIMIT). */
int ldiff_doc_from_pdf_mem(ldiff_doc **out, const void *data, size_t len,
    const ldiff_extract_opts *o, ldiff_error *err);

/* Read a paragraph record stream (#klausul-paragraphs, TSV or JSON Lines)
 * or plain UTF-8 text, one paragraph per line (detected). */
int ldiff_doc_from_records(ldiff_doc **out, const char *data, size_t len,
    const ldiff_limits *lim, ldiff_error *err);

size_t ldiff_doc_count(const ldiff_doc *d);
/* What was read but could not be shown (an imported chunk of a kind
 * the library cannot read ...): messages, complete on their own. */
size_t ldiff_doc_warning_count(const ldiff_doc *d);
const char *ldiff_doc_warning(const ldiff_doc *d, size_t i);
const ldiff_para *ldiff_doc_para(const ldiff_doc *d, size_t i);
void ldiff_doc_free(ldiff_doc *d);

typedef enum {
	LDIFF_FMT_TSV,		/* the record stream, with its version mark */
	LDIFF_FMT_JSON,		/* JSON Lines */
	LDIFF_FMT_PLAIN,	/* what a person reads */
	LDIFF_FMT_SENTENCES	/* clause sets only: the body's sentence
				 * records one per line, each after its
				 * label (the first of a clause carries it) */
} ldiff_format;

/* For LDIFF_FMT_PLAIN: which non-body paragraphs to include. */
enum {
	LDIFF_PLAIN_NOTES = 1 << 0,	/* footnotes and endnotes */
	LDIFF_PLAIN_COMMENTS = 1 << 1,
	LDIFF_PLAIN_HEADERS = 1 << 2	/* headers and footers */
};

/* Write every paragraph.  Returns LDIFF_EIO when the stream fails
 * (EPIPE included: the caller decides how quietly to end). */
int ldiff_doc_write(const ldiff_doc *d, FILE *out, ldiff_format fmt,
    unsigned plain_flags);

const char *ldiff_para_kind_name(ldiff_para_kind k);	/* "heading" ... */

/* ------------------------------------------------------------------ */
/* Tokens and sentences (Swedish rules)                                */
/* ------------------------------------------------------------------ */

typedef enum {
	LDIFF_TOK_WORD,		/* letters, digits inside words, compounds (EU-stöd) */
	LDIFF_TOK_NUMBER,	/* 1 250 000, 2,5, 12 */
	LDIFF_TOK_DATE,		/* 2023-01-01, 13.12.2013, 1 januari 2023 */
	LDIFF_TOK_YEARRANGE,	/* 2023–2026, 2023-2026 */
	LDIFF_TOK_REF,		/* 3 §, 2 kap., 2010:630, prop. 2009/10:156 */
	LDIFF_TOK_ABBR,		/* bl.a., t.ex., m.m. */
	LDIFF_TOK_TIME,		/* kl. 9.00 -> "9.00" */
	LDIFF_TOK_PUNCT,
	LDIFF_TOK_SPACE,	/* white space, kept so tokens rebuild the text */
	LDIFF_TOK_OTHER
} ldiff_token_type;

typedef struct ldiff_token {
	size_t off, len;	/* bytes into the text */
	ldiff_token_type type;
} ldiff_token;

/* Tokenize UTF-8 text.  The tokens cover the text exactly, in order.
 * *out is allocated with malloc; the caller frees it with free(). */
int ldiff_tokenize(const char *text, size_t len, ldiff_token **out,
    size_t *n);

typedef struct ldiff_span {
	size_t off, len;
} ldiff_span;

/* Sentence spans of one paragraph.  The spans cover the text without
 * leading or trailing white space; the text itself is never changed.
 * *out is allocated with malloc; the caller frees it with free(). */
int ldiff_sentences(const char *text, size_t len, ldiff_span **out,
    size_t *n);

/* ------------------------------------------------------------------ */
/* Clauses: what klsplit builds                                        */
/* ------------------------------------------------------------------ */

typedef enum {
	LDIFF_CL_SECTION,	/* a heading; opens a section */
	LDIFF_CL_CLAUSE,	/* a numbered or plain paragraph */
	LDIFF_CL_ITEM,		/* an enumeration item of a lead-in */
	LDIFF_CL_BULLET,	/* a bullet item */
	LDIFF_CL_ROW,		/* a table row; text holds its cells joined by
				 * TAB, ldiff_clause.cells says where */
	LDIFF_CL_NOTE,		/* a footnote or endnote */
	LDIFF_CL_SENTENCE,	/* one sentence of a clause (--sentences) */
	LDIFF_CL_OTHER		/* headers, footers, comments */
} ldiff_clause_kind;

typedef struct ldiff_clause {
	const char *id;		/* stable identity: the number the document
				 * shows ("4.2", "3 §", "2 kap. 3 §", "a)"),
				 * else a path from the heading ("Bakgrund/¶2") */
	const char *parent;	/* id of the parent clause, "" at the top */
	ldiff_clause_kind kind;
	int level;
	const char *label;	/* the number as shown ("4.2.", "a)"), or "" */
	const char *section;	/* the heading text of the enclosing section */
	const char *text;	/* the words, without the label */
	/* Formatting of the clause's first paragraph, for renderers that
	 * rebuild the document (DOCX redline); "" / 0 when read from a
	 * record stream.  Not part of the clause record stream. */
	const char *style_id;
	int num_id;
	int ilvl;
	unsigned flags;		/* LDIFF_CLF_*; from .docx only, not part of
				 * the clause record stream */
	size_t xml_p;		/* ldiff_para.xml_p of that first paragraph:
				 * where the DOCX redline finds it in NEW's
				 * part; 0 when unknown */
	const ldiff_span *cells;	/* a row: its cells, in order, as spans
					 * of text (without the TABs between
					 * them; a cell's paragraphs joined by
					 * LF); NULL for every other kind */
	size_t n_cells;		/* at least 1 for a row */
} ldiff_clause;

/* Flags of a clause. */
enum {
	LDIFF_CLF_NOT_NFC = 1 << 0	/* its first paragraph's source text
					 * was not NFC (LDIFF_PF_NOT_NFC) */
};

typedef struct ldiff_split_opts {
	unsigned version;	/* LDIFF_SPLIT_OPTS_VERSION */
	int sentences;		/* also emit LDIFF_CL_SENTENCE records */
	ldiff_limits limits;
} ldiff_split_opts;

void ldiff_split_opts_init(ldiff_split_opts *o);

typedef struct ldiff_clauses ldiff_clauses;

/* The clauses own copies of their strings: d may be freed afterwards.
 * Options may be NULL for the defaults, here and in every _new/_from_*. */
int ldiff_clauses_from_doc(ldiff_clauses **out, const ldiff_doc *d,
    const ldiff_split_opts *o, ldiff_error *err);
/* Read a clause record stream (#klausul-clauses, TSV or JSON Lines). */
int ldiff_clauses_from_records(ldiff_clauses **out, const char *data,
    size_t len, const ldiff_split_opts *o, ldiff_error *err);

size_t ldiff_clauses_count(const ldiff_clauses *c);
const ldiff_clause *ldiff_clauses_get(const ldiff_clauses *c, size_t i);
int ldiff_clauses_write(const ldiff_clauses *c, FILE *out, ldiff_format fmt);
void ldiff_clauses_free(ldiff_clauses *c);

const char *ldiff_clause_kind_name(ldiff_clause_kind k);	/* "section" ... */

/* Read any input kldiff accepts: .docx bytes (zip magic), a clause stream,
 * a paragraph stream, or plain text; the last two go through klsplit's
 * rules.  This is the one entry point the tools use for "a version". */
int ldiff_clauses_from_any(ldiff_clauses **out, const void *data, size_t len,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so,
    ldiff_error *err);

/* ------------------------------------------------------------------ */
/* Structural diff of two or more versions                              */
/* ------------------------------------------------------------------ */

typedef enum {
	LDIFF_OP_EQUAL,
	LDIFF_OP_CHANGED,
	LDIFF_OP_MOVED,		/* moved, possibly also changed */
	LDIFF_OP_INSERTED,
	LDIFF_OP_DELETED,
	LDIFF_OP_SPLIT,		/* one old clause -> several new */
	LDIFF_OP_MERGED		/* several old clauses -> one new */
} ldiff_op;

/* Change classes (bit set). */
enum {
	LDIFF_CLASS_WORDING = 1 << 0,	/* substantive wording */
	LDIFF_CLASS_NUMBER = 1 << 1,	/* a number other than an amount */
	LDIFF_CLASS_AMOUNT = 1 << 2,	/* kronor */
	LDIFF_CLASS_DATE = 1 << 3,
	LDIFF_CLASS_PERIOD = 1 << 4,	/* year range shift (2023–2026 -> 2027–2030) */
	LDIFF_CLASS_TYPOGRAPHY = 1 << 5,	/* not substantive */
	LDIFF_CLASS_RENUMBER = 1 << 6,	/* only the clause number changed */
	LDIFF_CLASS_LANGUAGE = 1 << 7	/* språkvård, not substantive:
					 * skall -> ska, bl.a. -> bland annat */
};

typedef enum {
	LDIFF_EDIT_EQUAL,
	LDIFF_EDIT_INSERT,
	LDIFF_EDIT_DELETE,
	LDIFF_EDIT_REPLACE
} ldiff_edit_op;

typedef struct ldiff_edit {
	ldiff_edit_op op;
	const char *old_text;	/* "" for an insertion */
	const char *new_text;	/* "" for a deletion */
	unsigned cls;		/* LDIFF_CLASS_* of this edit (0 for equal) */
	int has_values;		/* numbers: old_value and new_value are set */
	double old_value, new_value;	/* kronor for amounts */
} ldiff_edit;

typedef struct ldiff_unit {
	ldiff_op op;
	size_t from, to;	/* indexes of the two versions compared */
	const ldiff_clause *const *old_cl;	/* clauses of version `from` */
	size_t n_old;
	const ldiff_clause *const *new_cl;	/* clauses of version `to` */
	size_t n_new;
	int substantive;	/* not only typography, language or
				 * renumbering */
	unsigned cls;		/* union of the classes of the edits */
	const ldiff_edit *edits;	/* word-level edits, old -> new */
	size_t n_edits;
	double similarity;	/* 0..1 of the aligned texts */
	size_t lineage;		/* same value for one clause across versions */
} ldiff_unit;

/* A substitution repeated through a document pair, summarised once. */
typedef struct ldiff_subst {
	size_t from, to;
	const char *old_text, *new_text;
	size_t count;
	unsigned cls;
} ldiff_subst;

typedef struct ldiff_diff_opts {
	unsigned version;	/* LDIFF_DIFF_OPTS_VERSION */
	long max_cost;		/* cost cap of one token diff; 0 = default */
	double min_similarity;	/* default 0.5: below this two clauses pair
				 * only by position - the one clause left
				 * between two pairs on each side (a rewrite
				 * in place, down to 0.15), or headings there
				 * in equal number (a renamed heading) */
	int detect_moves;	/* default 1 */
	int threads;		/* default 1: the word diffs of a version
				 * pair run in the calling thread; more
				 * spreads them over that many threads;
				 * 0: one per processor */
} ldiff_diff_opts;

/* The processors online (at least 1): what threads = 0 asks for. */
size_t ldiff_processors(void);

void ldiff_diff_opts_init(ldiff_diff_opts *o);

typedef struct ldiff_diff ldiff_diff;

/* Compare versions[0] -> versions[1] -> ... (each consecutive pair).
 * names label the versions in output (file names).  The clause sets must
 * outlive the diff. */
int ldiff_diff_new(ldiff_diff **out, const ldiff_clauses *const *versions,
    const char *const *names, size_t n, const ldiff_diff_opts *o,
    ldiff_error *err);

size_t ldiff_diff_versions(const ldiff_diff *d);
const char *ldiff_diff_version_name(const ldiff_diff *d, size_t i);
const ldiff_clauses *ldiff_diff_version(const ldiff_diff *d, size_t i);
size_t ldiff_diff_count(const ldiff_diff *d);
const ldiff_unit *ldiff_diff_unit(const ldiff_diff *d, size_t i);
size_t ldiff_diff_subst_count(const ldiff_diff *d);
const ldiff_subst *ldiff_diff_subst(const ldiff_diff *d, size_t i);
/* Any unit not EQUAL, or EQUAL with a class (a renumbered clause). */
int ldiff_diff_has_changes(const ldiff_diff *d);
/* Whether u is a difference at all, by that same rule: the one test of
 * "changed" that every renderer, the lineage and kldiff apply. */
int ldiff_unit_changed(const ldiff_unit *u);
void ldiff_diff_free(ldiff_diff *d);

const char *ldiff_op_name(ldiff_op op);	/* "equal", "changed" ... */
const char *ldiff_class_name(unsigned one_class);	/* "wording" ... */

/* ------------------------------------------------------------------ */
/* Consolidation: the parties' responses to a draft, per draft clause   */
/* ------------------------------------------------------------------ */

/* One response to the draft as the caller read it. */
typedef struct ldiff_response {
	const char *name;	/* its file name: messages, and the party of
				 * last resort */
	const char *label;	/* the party as the caller names it, or NULL */
	const void *data;	/* .docx bytes or any input kldiff reads */
	size_t len;
} ldiff_response;

/* Where a party's name came from. */
typedef enum {
	LDIFF_PARTY_AUTHOR,	/* the author of revisions or comments */
	LDIFF_PARTY_LABEL,	/* ldiff_response.label */
	LDIFF_PARTY_FILE	/* the last part of ldiff_response.name */
} ldiff_party_source;

typedef struct ldiff_party {
	const char *name;	/* "Umeå kommun" */
	size_t response;	/* the response it answered in */
	ldiff_party_source source;
	size_t n_proposals;	/* proposals it makes (grouped or not) */
	size_t n_comments;
} ldiff_party;

typedef struct ldiff_response_info {
	const char *name;
	int tracked;		/* it holds tracked changes: its proposals
				 * are its revisions */
	int against_draft;	/* tracked, but with every change rejected
				 * it is not the draft: its accepted text
				 * was compared with the draft instead */
	size_t first_party, n_parties;	/* its parties, consecutive */
} ldiff_response_info;

/* One proposal for a draft clause, made by one or more parties in the
 * same words (typography, case and white space aside). */
typedef struct ldiff_proposal {
	ldiff_op op;		/* changed, deleted, inserted, split,
				 * merged, moved */
	const char *text;	/* the clause as proposed: "" when deleted;
				 * split and inserted clauses joined by LF */
	const char *id;		/* the (first) clause's id in the response
				 * of the first party, "" when deleted */
	const ldiff_edit *edits;	/* draft -> text, word by word (none
					 * for an insertion) */
	size_t n_edits;
	unsigned cls;		/* LDIFF_CLASS_* */
	int substantive;
	const size_t *parties;	/* ldiff_consolidation_party indexes */
	size_t n_parties;
} ldiff_proposal;

typedef struct ldiff_comment {
	size_t party;
	const char *text;
	const char *date;	/* as written (ISO 8601), or "" */
	const char *anchor;	/* id of the clause the comment is anchored
				 * in, in the response */
} ldiff_comment;

/* A draft clause with what the parties propose and say about it, or the
 * clauses the parties insert after one. */
typedef struct ldiff_consolidated {
	const ldiff_clause *base;	/* NULL for insertions */
	const char *after;	/* insertions: id of the draft clause they
				 * follow, "" at the top; else NULL */
	const ldiff_proposal *proposals;	/* in order of first party */
	size_t n_proposals;
	const ldiff_comment *comments;	/* in order of party */
	size_t n_comments;
	int conflict;		/* parties propose different texts */
} ldiff_consolidated;

typedef struct ldiff_consolidation ldiff_consolidation;

/* Compare every response with the draft base and gather the result per
 * draft clause, in the draft's order, insertions after the clause they
 * follow.  The responses are read here (xo: limits; the changes mode is
 * chosen per view), in do->threads threads; the bytes are not kept.
 * base must outlive the consolidation. */
int ldiff_consolidation_new(ldiff_consolidation **out,
    const ldiff_clauses *base, const char *base_name,
    const ldiff_response *responses, size_t n,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so,
    const ldiff_diff_opts *dopt, ldiff_error *err);
const char *ldiff_consolidation_base_name(const ldiff_consolidation *c);
/* Records with a proposal or a comment. */
size_t ldiff_consolidation_count(const ldiff_consolidation *c);
const ldiff_consolidated *ldiff_consolidation_get(
    const ldiff_consolidation *c, size_t i);
size_t ldiff_consolidation_parties(const ldiff_consolidation *c);
const ldiff_party *ldiff_consolidation_party(const ldiff_consolidation *c,
    size_t i);
size_t ldiff_consolidation_responses(const ldiff_consolidation *c);
const ldiff_response_info *ldiff_consolidation_response(
    const ldiff_consolidation *c, size_t i);
void ldiff_consolidation_free(ldiff_consolidation *c);

/* ------------------------------------------------------------------ */
/* Renderers: each reads the same units, none recomputes them           */
/* ------------------------------------------------------------------ */

enum {
	LDIFF_HIDE_TYPOGRAPHY = 1 << 0,
	LDIFF_HIDE_RENUMBER = 1 << 1,
	LDIFF_HIDE_PERIOD = 1 << 2,
	LDIFF_HIDE_EQUAL = 1 << 3,
	LDIFF_HIDE_LANGUAGE = 1 << 4,
	LDIFF_HIDE_NONSUBSTANTIVE = LDIFF_HIDE_TYPOGRAPHY | LDIFF_HIDE_RENUMBER |
	    LDIFF_HIDE_LANGUAGE
};

typedef struct ldiff_render_opts {
	unsigned version;	/* LDIFF_RENDER_OPTS_VERSION */
	int color;		/* ANSI colour in text output */
	unsigned hide;		/* LDIFF_HIDE_* */
	const char *lang;	/* "sv" or "en" for labels; NULL = from locale */
	const char *title;	/* HTML / DOCX title, NULL = derived */
	const char *author;	/* DOCX revision author, NULL = "kldiff" */
	const char *date;	/* DOCX revision date (ISO 8601), NULL = now */
	int width;		/* text: wrap clause text at this many
				 * columns; 0 = one line per clause */
	/* version 2 */
	int unmarked;		/* parallel layout: changed words not
				 * marked, as a bill prints them */
	int all_pairs;		/* papers: every version pair, not only
				 * the last */
	/* version 3 */
	int whole;		/* parallel layout: reprint a long
				 * provision whole, no "– – –" for its
				 * unchanged sentences */
} ldiff_render_opts;

void ldiff_render_opts_init(ldiff_render_opts *o);

/* "sv" when the message locale (LC_ALL, then LC_MESSAGES, then LANG) is
 * Swedish, installed or not; else NULL.  For ldiff_render_opts.lang. */
const char *ldiff_lang_from_env(void);

/* Nonzero when the LDIFF_HIDE_* flags hide a unit: an equal unit under
 * LDIFF_HIDE_EQUAL; an equal or changed unit whose every class is hidden
 * (typography, language, renumbering, period).  Moves, splits, merges, insertions
 * and deletions are never hidden.  Every renderer, and kldiff's exit
 * status, filter with this one rule. */
int ldiff_unit_hidden(const ldiff_unit *u, unsigned hide);

int ldiff_render_text(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o);
int ldiff_render_json(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o);
int ldiff_render_stat(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o);
int ldiff_render_html(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o);
/* A .docx of the last version with every difference from the one before
 * as a tracked change.  new_docx is that last version's .docx bytes (its
 * styles and numbering are kept), or NULL.  Writes the package to out. */
int ldiff_render_docx(const ldiff_diff *d, const void *new_docx,
    size_t new_len, FILE *out, const ldiff_render_opts *o,
    ldiff_error *err);

/* The consolidation: per section and draft clause, each proposal with
 * its parties and its words [-old-]{+new+}, conflicts marked (text);
 * one JSON object per record (json; see kldiff(1), CONSOLIDATION); the
 * clauses x parties matrix and each party's counts (stat). */
int ldiff_render_consolidation_text(const ldiff_consolidation *c, FILE *out,
    const ldiff_render_opts *o);
int ldiff_render_consolidation_json(const ldiff_consolidation *c, FILE *out,
    const ldiff_render_opts *o);
int ldiff_render_consolidation_stat(const ldiff_consolidation *c, FILE *out,
    const ldiff_render_opts *o);
/* The consultation summary (remissammanställning) as a .docx: landscape
 * A4, one ruled table whose header row repeats on every page, columns
 * section/clause | party | proposal or comment | the administration's
 * comment (left empty for the drafter); per draft clause with proposals
 * or comments, in the draft's order, one row per group of parties with
 * the same proposal and one per comment, conflicts marked; above it the
 * draft's name and every responding party, those with nothing to say
 * too.  Swedish unless o->lang is "en"; o->title and o->date, when set,
 * are its title and date.  In the body font of base_docx (the draft's
 * .docx bytes) when given. */
int ldiff_render_consolidation_docx(const ldiff_consolidation *c,
    const void *base_docx, size_t base_len, FILE *out,
    const ldiff_render_opts *o, ldiff_error *err);
/* The consolidation as one self-contained page: a matrix of the draft
 * clauses with proposals or comments (rows) by party (columns), each
 * cell marking what the party proposes (changed, inserted, deleted ...,
 * a comment; a letter per group of the same proposal; conflicts
 * flagged) and showing the proposal when pointed at or clicked, then
 * every record in full.  No script, no request.  Swedish unless
 * o->lang is "en". */
int ldiff_render_consolidation_html(const ldiff_consolidation *c,
    FILE *out, const ldiff_render_opts *o);
/* Committee papers of the last version pair (every pair with all_pairs):
 * the parallel layout (parallelluppställning: one row per provision whose
 * content changed, old and new wording side by side, the changes that
 * are not of content told in one closing row) and the list of changes
 * (ändringsförteckning: one sentence per change, under the sections of
 * the new version).  lang "sv" writes them in Swedish, else English. */
typedef enum {
	LDIFF_PAPER_PARALLEL,
	LDIFF_PAPER_SUMMARY
} ldiff_paper;

typedef enum {
	LDIFF_PAPER_TEXT,	/* plain text: two columns, or a list */
	LDIFF_PAPER_MARKDOWN,	/* a Markdown table or list */
	LDIFF_PAPER_HTML	/* a self-contained page */
} ldiff_paper_format;

int ldiff_render_paper(const ldiff_diff *d, ldiff_paper paper,
    ldiff_paper_format fmt, FILE *out, const ldiff_render_opts *o);
/* The paper as a .docx: A4, the parallel layout a Word table whose
 * header row repeats on every page, the list headings and bullets; in the
 * body font of new_docx (the last version's .docx bytes) when given. */
int ldiff_render_paper_docx(const ldiff_diff *d, ldiff_paper paper,
    const void *new_docx, size_t new_len, FILE *out,
    const ldiff_render_opts *o, ldiff_error *err);

#ifdef __cplusplus
}
#endif

#endif /* LIBDIFF_H */
