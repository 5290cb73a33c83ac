/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clause.c - paragraphs become clauses: the units a reader cites and
 * kldiff compares.
 *
 * The idea: a clause is known by the number the document shows, never by
 * its position, and the number is an attribute, not part of the words.
 * One pass in document order keeps three small stacks (open sections,
 * open numbered clauses, open lettered items) and the "owner" that
 * bullets and enumeration items attach to; every step is O(1) apart from
 * the bounded look-ahead of the Swedish enumeration test, so the whole
 * split is linear in the size of the document.
 *
 * Identity (the id field), in order of preference:
 *   - a computed list label ("4.2." -> "4.2"), or a number typed at the
 *     start of the text ("3 §", "3 a §", "2 kap. 3 §", "§ 4", "Punkt 4",
 *     "Bilaga 1", "Artikel 3", "1.2.3", "1."; on a heading also "1 Parter"),
 *     which is then cut from the text into label (so are typed bullets,
 *     "– " "• " "- " "* " ...);
 *   - a local label ("a)", "(b)", "iv)", "1)", or "1." under a lead-in)
 *     qualified by its parent's id: "4.2 a)";
 *   - bullets and unlettered enumeration items: parent id, "/•", ordinal:
 *     "4.2/•3";
 *   - unnumbered paragraphs: the heading text of the section, "/¶",
 *     ordinal within the section: "Bakgrund/¶2" ("¶2" before any heading);
 *   - unnumbered headings: their text;
 *   - table rows: "row:" and the key cell, the first cell of the row that
 *     holds a letter ("row:Umeå kommun"; its first paragraph, at most 60
 *     characters); "t1.r3" if no cell has one;
 *   - notes, comments, headers, footers: their where ("fn:2", "cm:0");
 *   - table of contents lines (styles "TOC 1", "Innehåll 2"): "toc:N",
 *     kind other, so they do not take the numbers of the headings.
 * Ids are unique within a document: a clash is qualified with the section
 * ("Syfte/1"), and if that clashes too, numbered ("1#2").  Ids never hold
 * TAB or newline (white space is collapsed to one space), and never start
 * with '#' (a heading "#1 Mål" gets "id:#1 Mål"): in the stream such a
 * line is a comment.
 *
 * Structure: headings open sections (parent: the enclosing section);
 * numbered clauses nest by level (parent: the closest open numbered clause
 * of a lower level, else the section); a lead-in ending in ':' keeps the
 * numbered, lettered and plain lower-case paragraphs after it as items,
 * and so does a paragraph followed by the Swedish enumeration pattern
 * (lower-case items ending in ',' or ';', the second to last in "och",
 * "samt" or "eller", the last in '.'); bullets attach to the last clause
 * or item; cells become one row record per table row (cells joined by
 * TAB, paragraphs inside a cell by LF); notes and comments attach to the
 * clause whose refs name them.
 *
 * Plain text (every paragraph a bare "paragraph" with no style): a line is
 * a heading when it is all capitals, or when it is short (at most 10 words
 * and 80 bytes), ends without punctuation and the next non-empty line
 * carries a deeper number than its own ("2 Bakgrund" before "2.1 ...").
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "clause/label.h"

/* ---- the builder ----------------------------------------------------- */

#define MAXSEC 10
#define MAXSTACK 100
#define ENUM_LOOKAHEAD 64

typedef struct opened {
	int level;
	const char *id;		/* in the clause arena */
	const char *text;	/* sections: the heading text */
	size_t ordinal;		/* sections: unnumbered paragraphs so far */
	int colon;		/* clauses: a lead-in ending in ':' */
} opened;

typedef struct builder {
	ldiff_clauses *cs;
	const ldiff_doc *doc;
	const ldiff_split_opts *o;
	ldiff_error *err;
	int plain;		/* plain text: guess headings */
	ld_typed typed;		/* the pattern of typed numbers */

	opened sec[MAXSEC];
	int nsec;
	opened num[MAXSTACK];	/* open numbered clauses of this section */
	int nnum;
	opened rel[MAXSTACK];	/* open lettered items of the owner */
	int nrel;

	const char *base;	/* what lettered items attach to */
	int base_level;
	const char *owner;	/* what bullets and items attach to */
	int owner_level;
	int owner_colon;	/* the owner is a lead-in ending in ':' */
	size_t owner_count;	/* bullets and plain items so far */
	size_t enum_left;	/* plain items still to come (pattern) */

	/* A row, note or comment being gathered from several paragraphs. */
	int pend_kind;		/* -1: none */
	ld_buf pend_key, pend_text, pend_refs;
	int pend_cell;

	ld_strmap *ids;		/* every id given out */
	ld_strmap *dups;	/* id -> the next N of "id#N" */
	ld_strmap *refs;	/* "fn:2" -> index in citers */
	ld_ptrs citers;		/* the clauses citing a note (struct citer) */
	size_t i;		/* paragraph being read */
	size_t toc_lines;	/* table of contents lines so far */
	size_t src;		/* paragraph whose formatting a record keeps */
	size_t pend_first;	/* first paragraph of the pending record */
	int rc;			/* the first failure */
} builder;

static const char *
cur_section_id(const builder *b)
{
	return b->nsec > 0 ? b->sec[b->nsec - 1].id : "";
}

static const char *
cur_section_text(const builder *b)
{
	return b->nsec > 0 ? b->sec[b->nsec - 1].text : "";
}

/* Remember the first failure (err may be NULL) and return its code. */
static int
fail(builder *b, int code)
{
	if (b->rc == 0) {
		b->rc = code;
		if (code == LDIFF_ENOMEM)
			ld_error(b->err, code, NULL);
	}
	return b->rc;
}

static int
oom(builder *b)
{
	return fail(b, LDIFF_ENOMEM);
}

/* Copy s[0..n) collapsing white space runs to one space, trimmed. */
static char *
collapse(builder *b, const char *s, size_t n)
{
	char *t = ld_arena_alloc(b->cs->arena, n + 1), *w = t;
	size_t i;
	int space = 0;

	if (t == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		/* NBSP (C2 A0) reads as a space in an id. */
		if (c == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) {
			space = 1;
			i++;
			continue;
		}
		if (space && w != t)
			*w++ = ' ';
		space = 0;
		*w++ = (char)c;
	}
	*w = '\0';
	return t;
}

/* The id of a label: white space collapsed, a trailing ':' dropped, a
 * trailing '.' dropped unless it belongs to an abbreviation ("2 kap."). */
static char *
label_id(builder *b, const char *s, size_t n)
{
	char *id = collapse(b, s, n);
	size_t k;

	if (id == NULL)
		return NULL;
	k = strlen(id);
	if (k > 1 && id[k - 1] == ':')
		id[--k] = '\0';
	if (k > 1 && id[k - 1] == '.' &&
	    !(k >= 4 && strcmp(id + k - 4, "kap.") == 0))
		id[--k] = '\0';
	return id;
}

/* Make id unique: as is, else "section/id", else "id#N".  The next N of
 * each id is remembered, so many equal ids cost no more than distinct
 * ones. */
/* Take id unless it was given out: 1 taken, 0 already given, or
 * LDIFF_ENOMEM. */
static int
take_id(builder *b, const char *id)
{
	size_t n = strlen(id);

	if (ld_strmap_get(b->ids, id, n, NULL))
		return 0;
	return ld_strmap_put(b->ids, id, n, 0) != NULL ? 1 : LDIFF_ENOMEM;
}

static const char *
unique_id(builder *b, const char *id)
{
	const char *sec = cur_section_text(b);
	uint32_t next = 2;
	char *q;
	int r;

	if ((r = take_id(b, id)) != 0)
		return r > 0 ? id : NULL;
	if (sec[0] != '\0' && strcmp(sec, id) != 0) {
		q = ld_arena_printf(b->cs->arena, "%s/%s", sec, id);
		if (q == NULL || (r = take_id(b, q)) < 0)
			return NULL;
		if (r > 0)
			return q;
	}
	ld_strmap_get(b->dups, id, strlen(id), &next);
	for (;; next++) {
		q = ld_arena_printf(b->cs->arena, "%s#%u", id, (unsigned)next);
		if (q == NULL || (r = take_id(b, q)) < 0)
			return NULL;
		if (r > 0)
			break;
	}
	if (ld_strmap_put(b->dups, id, strlen(id), next + 1) == NULL)
		return NULL;
	return q;
}

/* Append a clause record; strings must already live in the clause arena
 * (text is copied here).  Returns the record's final id or NULL. */
static const char *
emit(builder *b, ldiff_clause_kind kind, const char *id, const char *parent,
    int level, const char *lab, size_t lablen, const char *text,
    size_t textlen)
{
	ldiff_clause *cl;
	const char *uid, *t, *l;
	int code = 0;

	if (id[0] == '\0')	/* never: a safety net for the stream */
		id = ld_arena_printf(b->cs->arena, "p%zu", b->src + 1);
	else if (id[0] == '#')	/* a stream line so begun is a comment */
		id = ld_arena_printf(b->cs->arena, "id:%s", id);
	uid = id != NULL ? unique_id(b, id) : NULL;
	/* Qualifying a clash with its section can begin the id with '#'
	 * too (a heading "#" gives "#/1"). */
	if (uid != NULL && uid[0] == '#')
		uid = ld_arena_printf(b->cs->arena, "id:%s", uid);
	t = ld_arena_strndup(b->cs->arena, text, textlen);
	l = lab != NULL ? ld_arena_strndup(b->cs->arena, lab, lablen) : "";
	if (uid == NULL || t == NULL || l == NULL) {
		oom(b);
		return NULL;
	}
	if ((cl = ld_clauses_add(b->cs, &code)) == NULL) {
		if (code == LDIFF_ELIMIT) {
			ld_error(b->err, code, _("more than %zu clauses "
			    "(--max-clauses)"), b->cs->limits.max_clauses);
			fail(b, code);
		} else
			oom(b);
		return NULL;
	}
	cl->kind = kind;
	cl->id = uid;
	cl->parent = parent;
	cl->level = level;
	cl->label = l;
	cl->section = cur_section_text(b);
	cl->text = t;
	if (b->src < b->doc->n) {
		const ldiff_para *p = &b->doc->paras[b->src];

		if (p->style_id != NULL && p->style_id[0] != '\0' &&
		    (cl->style_id = ld_arena_strdup(b->cs->arena,
		    p->style_id)) == NULL) {
			cl->style_id = "";
			oom(b);
			return NULL;
		}
		cl->num_id = p->num_id;
		cl->ilvl = p->ilvl;
		cl->xml_p = p->xml_p;
		if (p->flags & LDIFF_PF_NOT_NFC)
			cl->flags |= LDIFF_CLF_NOT_NFC;
	}
	return uid;
}

/* Who cites a note or comment. */
typedef struct cite {
	const char *id, *section;
} cite;

/* Record the notes and comments a clause cites ("fn:2 cm:0"). */
static int
note_refs(builder *b, const char *refs, const char *id)
{
	const char *s = refs;
	cite *by = NULL;

	while (*s != '\0') {
		size_t n = strcspn(s, " ");

		if (n > 0) {
			if (by == NULL) {
				by = ld_arena_alloc(b->cs->arena, sizeof *by);
				if (by == NULL ||
				    ld_ptrs_push(&b->citers, by) != 0)
					return oom(b);
				by->id = id;
				by->section = cur_section_text(b);
			}
			if (ld_strmap_put(b->refs, s, n,
			    (uint32_t)(b->citers.n - 1)) == NULL)
				return oom(b);
		}
		s += n;
		while (*s == ' ')
			s++;
	}
	return 0;
}

/* Sentence records of the clause just emitted (--sentences); the first
 * carries the clause's label, so that its sentences show its whole text. */
static int
add_sentences(builder *b)
{
	/* a copy: emitting the sentences may move the array */
	const ldiff_clause cl = b->cs->cl[b->cs->n - 1];
	ldiff_span *sp = NULL;
	size_t n = 0, k;
	int r;

	if (!b->o->sentences || !ld_clause_has_sentences(&cl))
		return 0;
	if ((r = ld_clause_sentences(&cl, &sp, &n)) != 0) {
		ld_error(b->err, r, _("paragraph %zu: cannot split into "
		    "sentences"), b->i + 1);
		return fail(b, r);
	}
	for (k = 0, r = 0; k < n && r == 0; k++) {
		char *sid = ld_arena_printf(b->cs->arena, "%s#s%zu", cl.id,
		    k + 1);
		const char *lab = k == 0 ? cl.label : "";

		if (sid == NULL)
			r = oom(b);
		else if (emit(b, LDIFF_CL_SENTENCE, sid, cl.id, 0, lab,
		    strlen(lab), cl.text + sp[k].off, sp[k].len) == NULL)
			r = b->rc;
	}
	free(sp);
	return r;
}


/* ---- small text tests ---------------------------------------------- */

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t' || **s == '\n' ||
	    **s == '\r'))
		(*s)++, (*n)--;
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
	    (*s)[*n - 1] == '\n' || (*s)[*n - 1] == '\r'))
		(*n)--;
}

static int
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Ends with the word w (preceded by a space or a comma). */
static int
ends_with_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return ends_with(s, n, w) && n > k &&
	    (s[n - k - 1] == ' ' || s[n - k - 1] == ',');
}

static int
first_is_lower(const char *s, size_t n)
{
	int32_t cp;

	if (n == 0)
		return 0;
	ld_utf8_decode(s, n, &cp);
	return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int
is_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0)
		return 0;
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* All capitals, at least two letters: "ALLMÄNNA BESTÄMMELSER". */
static int
all_caps(const char *s, size_t n)
{
	size_t i = 0, letters = 0;

	while (i < n) {
		int32_t cp;

		i += ld_utf8_decode(s + i, n - i, &cp);
		if (!is_letter(cp))
			continue;
		if (utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
			return 0;
		letters++;
	}
	return letters >= 2;
}

static size_t
count_words(const char *s, size_t n)
{
	size_t i, w = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\t';

		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static int
ends_in_punct(const char *s, size_t n)
{
	return n > 0 && (strchr(".:;,!?", s[n - 1]) != NULL ||
	    ends_with(s, n, "…"));
}

static const ldiff_para *
para(const builder *b, size_t i)
{
	return i < b->doc->n ? &b->doc->paras[i] : NULL;
}

/* The label of paragraph i, typed or computed, and its text after it. */
static void
para_label(builder *b, size_t i, label *lb, const char **s, size_t *n)
{
	const ldiff_para *p = para(b, i);

	*s = p->text;
	*n = strlen(p->text);
	trim(s, n);
	if (p->label[0] != '\0') {
		ld_label_computed(lb, p);
		return;
	}
	ld_label_typed(&b->typed, lb, *s, *n);
	*s += lb->skip;
	*n -= lb->skip;
	trim(s, n);
}

/* Plain text: is paragraph i (label lb, text s) a heading?  See the top. */
static int
plain_heading(builder *b, const label *lb, const char *s, size_t n)
{
	label next;
	const char *ns;
	size_t nn, j;
	int own = lb->cls == LAB_NONE ? 0 : lb->decimal;

	if (lb->cls == LAB_BULLET || lb->cls == LAB_REL || n == 0)
		return 0;
	if (lb->cls == LAB_ABS && lb->decimal == 0 && lb->level != 1)
		return 0;	/* "3 §" is a clause, "2 kap." may head one */
	if (all_caps(s, n) && n <= 120)
		return 1;
	if (n > 80 || count_words(s, n) > 10 || ends_in_punct(s, n))
		return 0;
	for (j = b->i + 1; j < b->doc->n; j++) {
		para_label(b, j, &next, &ns, &nn);
		if (nn > 0 || next.cls != LAB_NONE)
			break;
	}
	if (j == b->doc->n || next.cls != LAB_ABS || next.head_only)
		return 0;
	if (next.decimal == 0)
		return lb->cls == LAB_NONE || lb->decimal == 0;
	return next.decimal > own;
}

/* The Swedish enumeration after paragraph `from - 1`: lower-case items
 * ending in ',' or ';', the second to last in "och", "samt" or "eller",
 * the last in '.'.  Returns the number of items, 0 if no such run. */
static size_t
enumeration_run(builder *b, size_t from)
{
	size_t j, count = 0;
	int conj = 0;

	for (j = from; j < b->doc->n && j < from + ENUM_LOOKAHEAD; j++) {
		const ldiff_para *p = para(b, j);
		label lb;
		const char *s;
		size_t n;

		if (p->kind != LDIFF_PARA_PARAGRAPH &&
		    p->kind != LDIFF_PARA_ITEM)
			return 0;
		para_label(b, j, &lb, &s, &n);
		if (lb.cls != LAB_NONE || !first_is_lower(s, n))
			return 0;
		count++;
		if (ends_with(s, n, "."))
			return count >= 2 && conj ? count : 0;
		conj = ends_with_word(s, n, "och") ||
		    ends_with_word(s, n, "samt") ||
		    ends_with_word(s, n, "eller");
		if (!conj && !ends_with(s, n, ",") && !ends_with(s, n, ";"))
			return 0;
	}
	return 0;
}

/* ---- records ---------------------------------------------------------- */

static void
set_owner(builder *b, const char *id, int level, const char *s, size_t n)
{
	b->owner = id;
	b->owner_level = level;
	b->owner_colon = ends_with(s, n, ":");
	b->owner_count = 0;
	b->enum_left = b->owner_colon ? 0 : enumeration_run(b, b->i + 1);
}

/* The emitted clause: refs and sentences. */
static int
finish_clause(builder *b, const char *id, const ldiff_para *p)
{
	if (note_refs(b, p->refs, id) != 0)
		return b->rc;
	return add_sentences(b);
}

static int
add_heading(builder *b, const ldiff_para *p, const label *lb,
    const char *s, size_t n, int level)
{
	const char *parent, *id, *text;

	if (level < 1)
		level = 1;
	if (level > MAXSEC - 1)
		level = MAXSEC - 1;
	id = lb->cls != LAB_NONE ? label_id(b, lb->shown, lb->len) :
	    collapse(b, s, n);
	if (id == NULL)
		return oom(b);
	if (id[0] == '\0')
		return 0;	/* only spaces (NBSP): no heading */
	while (b->nsec > 0 && b->sec[b->nsec - 1].level >= level)
		b->nsec--;
	parent = cur_section_id(b);
	if ((id = emit(b, LDIFF_CL_SECTION, id, parent, level, lb->shown,
	    lb->len, s, n)) == NULL)
		return b->rc;
	text = b->cs->cl[b->cs->n - 1].text;
	b->cs->cl[b->cs->n - 1].section = text;
	b->sec[b->nsec].level = level;
	b->sec[b->nsec].id = id;
	b->sec[b->nsec].text = text;
	b->sec[b->nsec].ordinal = 0;
	b->nsec++;
	b->nnum = b->nrel = 0;
	b->owner = NULL;
	b->owner_colon = 0;
	b->owner_count = 0;
	b->enum_left = 0;
	return finish_clause(b, id, p);
}

/* "HEAD/MARKn", or "MARKn" without the slash ("Bakgrund/¶2", "¶1",
 * "4.2/•3"): a clause's ordinal id, made once per paragraph, so without
 * printf.  A section whose heading has no text ("3.") still gets its
 * slash: "/¶1" is not the "¶1" before the first heading. */
static char *
ordinal_id(builder *b, const char *head, int slash, const char *mark,
    size_t n)
{
	char digits[24], *id, *p;
	size_t nd = 0, hl = strlen(head), ml = strlen(mark);

	do
		digits[nd++] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	id = ld_arena_alloc(b->cs->arena, hl + 1 + ml + nd + 1);
	if (id == NULL)
		return NULL;
	p = id;
	memcpy(p, head, hl);
	p += hl;
	if (slash)
		*p++ = '/';
	memcpy(p, mark, ml);
	p += ml;
	while (nd > 0)
		*p++ = digits[--nd];
	*p = '\0';
	return id;
}

/* A paragraph without a number: "Bakgrund/¶2". */
static int
add_plain(builder *b, const ldiff_para *p, const char *s, size_t n)
{
	size_t ord;
	char *id;

	if (b->nsec > 0) {
		ord = ++b->sec[b->nsec - 1].ordinal;
		id = ordinal_id(b, cur_section_text(b), 1, "¶", ord);
	} else {
		/* before any heading: a spare slot counts */
		ord = ++b->sec[MAXSEC - 1].ordinal;
		id = ordinal_id(b, "", 0, "¶", ord);
	}
	if (id == NULL)
		return oom(b);
	if ((id = (char *)emit(b, LDIFF_CL_CLAUSE, id, cur_section_id(b), 0,
	    "", 0, s, n)) == NULL)
		return b->rc;
	b->nrel = 0;
	b->base = id;
	b->base_level = 0;
	set_owner(b, id, 0, s, n);
	return finish_clause(b, id, p);
}

/* Bullets, and items of an enumeration that carry no letter. */
static int
add_member(builder *b, const ldiff_para *p, ldiff_clause_kind kind,
    const label *lb, const char *s, size_t n)
{
	const char *parent = b->owner != NULL ? b->owner : cur_section_id(b);
	const char *id;

	id = ordinal_id(b, parent, parent[0] != '\0', "•",
	    ++b->owner_count);
	if (id == NULL)
		return oom(b);
	if ((id = emit(b, kind, id, parent, b->owner_level + 1,
	    lb->cls != LAB_NONE ? lb->shown : "", lb->len, s, n)) == NULL)
		return b->rc;
	return finish_clause(b, id, p);
}

/* A lettered item: "4.2 a)", nested under an open item of lower level. */
static int
add_relative(builder *b, const ldiff_para *p, const label *lb,
    const char *s, size_t n)
{
	const char *parent, *lid, *id;
	int level;

	if (lb->level > 0)
		while (b->nrel > 0 && b->rel[b->nrel - 1].level >= lb->level)
			b->nrel--;
	else if (b->nrel > 0)
		b->nrel--;	/* typed: a sibling of the last one */
	if (b->nrel > 0) {
		parent = b->rel[b->nrel - 1].id;
		level = b->rel[b->nrel - 1].level + 1;
	} else {
		parent = b->base != NULL ? b->base : cur_section_id(b);
		level = b->base_level + 1;
	}
	if (lb->level > 0)
		level = lb->level;
	if ((lid = label_id(b, lb->shown, lb->len)) == NULL)
		return oom(b);
	id = parent[0] != '\0' ?
	    ld_arena_printf(b->cs->arena, "%s %s", parent, lid) : lid;
	if (id == NULL)
		return oom(b);
	if ((id = emit(b, LDIFF_CL_ITEM, id, parent, level, lb->shown, lb->len,
	    s, n)) == NULL)
		return b->rc;
	if (b->nrel < MAXSTACK) {
		b->rel[b->nrel].level = lb->level > 0 ? lb->level : level;
		b->rel[b->nrel].id = id;
		b->nrel++;
	}
	set_owner(b, id, level, s, n);
	return finish_clause(b, id, p);
}

/* A numbered clause: "4.2" under the open clause "4" or the section. */
static int
add_numbered(builder *b, const ldiff_para *p, const label *lb,
    const char *s, size_t n)
{
	const char *parent, *id;
	ldiff_clause_kind kind = LDIFF_CL_CLAUSE;

	while (b->nnum > 0 && b->num[b->nnum - 1].level >= lb->level)
		b->nnum--;
	parent = cur_section_id(b);
	if (b->nnum > 0) {
		parent = b->num[b->nnum - 1].id;
		if (b->num[b->nnum - 1].colon)	/* a lead-in */
			kind = LDIFF_CL_ITEM;
	}
	if ((id = label_id(b, lb->shown, lb->len)) == NULL)
		return oom(b);
	if ((id = emit(b, kind, id, parent, lb->level, lb->shown, lb->len,
	    s, n)) == NULL)
		return b->rc;
	if (b->nnum < MAXSTACK) {
		b->num[b->nnum].level = lb->level;
		b->num[b->nnum].id = id;
		b->num[b->nnum].colon = ends_with(s, n, ":");
		b->nnum++;
	}
	b->nrel = 0;
	b->base = id;
	b->base_level = lb->level;
	set_owner(b, id, lb->level, s, n);
	return finish_clause(b, id, p);
}

/* "1." under a lead-in or inside a numbered clause is local.  A number
 * from Word's list at the lead-in's own level or above is not: it is
 * the next clause ("10." after "9. ... bidra till:" and its bullets),
 * whether or not the bullets closed the lead-in. */
static int
is_local_number(const builder *b, const ldiff_para *p, const label *lb)
{
	int computed = p->label[0] != '\0';

	if (lb->cls != LAB_ABS || lb->decimal != 1)
		return 0;
	if (b->owner_colon && !(computed && b->owner_level >= lb->level))
		return 1;
	if (!computed)
		return b->nrel > 0;
	return b->nnum > 0 && b->num[b->nnum - 1].level < lb->level;
}

/* A body paragraph: numbered, lettered, bulleted, an item or plain. */
static int
add_body(builder *b, const ldiff_para *p, label *lb, const char *s,
    size_t n)
{
	if (lb->head_only) {	/* "2 Parterna ..." outside a heading */
		memset(lb, 0, sizeof *lb);
		lb->cls = LAB_NONE;
		s = p->text;
		n = strlen(s);
		trim(&s, &n);
	}
	if (lb->cls == LAB_NONE) {
		if (n == 0)
			return 0;	/* an empty paragraph */
		if (b->enum_left > 0) {
			b->enum_left--;
			return add_member(b, p, LDIFF_CL_ITEM, lb, s, n);
		}
		if (b->owner_colon && first_is_lower(s, n)) {
			if (ends_with(s, n, "."))
				b->owner_colon = 0;
			return add_member(b, p, LDIFF_CL_ITEM, lb, s, n);
		}
		return add_plain(b, p, s, n);
	}
	if (lb->cls == LAB_BULLET)
		return add_member(b, p, LDIFF_CL_BULLET, lb, s, n);
	if (is_local_number(b, p, lb))
		lb->cls = LAB_REL;
	if (lb->cls == LAB_REL)
		return add_relative(b, p, lb, s, n);
	return add_numbered(b, p, lb, s, n);
}

/* ---- rows, notes and the like: gathered over several paragraphs ------- */

/* "t1.r2.c3/t1.r1.c1" -> row key "t1.r2", cell 3 (the outer table). */
static int
cell_of(const char *where, size_t *keylen)
{
	size_t n = strcspn(where, "/"), i;
	int cell = 0;

	for (i = n; i > 1; i--)
		if (where[i - 2] == '.' && where[i - 1] == 'c')
			break;
	if (i <= 1) {
		*keylen = n;
		return 1;
	}
	*keylen = i - 2;
	for (; i < n && where[i] >= '0' && where[i] <= '9' && cell < 10000;
	    i++)
		cell = cell * 10 + (where[i] - '0');
	return cell > 0 ? cell : 1;
}

#define ROW_KEY_MAX 60	/* characters of a key cell kept in the id */

/* How much of a key cell names the row: its first paragraph, at most
 * ROW_KEY_MAX characters (a cover page's layout table may hold pages). */
static size_t
key_length(const char *c, size_t n)
{
	size_t i = 0, chars = 0;

	while (i < n && c[i] != '\n' && chars < ROW_KEY_MAX) {
		int32_t cp;

		i += ld_utf8_decode(c + i, n - i, &cp);
		chars++;
	}
	return i;
}

/* The key cell of a row: the first that holds a letter. */
static const char *
row_key(builder *b, const char *text, const ldiff_span *cells, size_t nc)
{
	size_t k;

	for (k = 0; k < nc; k++) {
		const char *c = text + cells[k].off;
		size_t n = cells[k].len, i = 0;

		while (i < n) {
			int32_t cp;

			i += ld_utf8_decode(c + i, n - i, &cp);
			if (is_letter(cp))
				return collapse(b, c, key_length(c, n));
		}
	}
	return NULL;
}

static int
flush_pending(builder *b)
{
	ldiff_clause_kind kind = (ldiff_clause_kind)b->pend_kind;
	const char *id = NULL, *parent = "", *text;
	const ldiff_span *cells = NULL;
	size_t nc = 0;
	int r = 0;

	if (b->pend_kind < 0)
		return 0;
	b->pend_kind = -1;
	if (b->pend_key.oom || b->pend_text.oom || b->pend_refs.oom)
		return oom(b);
	text = ld_buf_str(&b->pend_text);
	if (kind == LDIFF_CL_ROW) {
		const char *key;

		if (ld_row_cells(b->cs, text, &cells, &nc) != 0)
			return oom(b);
		key = row_key(b, text, cells, nc);

		id = key != NULL ?
		    ld_arena_printf(b->cs->arena, "row:%s", key) :
		    ld_arena_strdup(b->cs->arena, ld_buf_str(&b->pend_key));
		parent = cur_section_id(b);
	} else
		id = ld_arena_strdup(b->cs->arena, ld_buf_str(&b->pend_key));
	if (id == NULL)
		return oom(b);
	if (id[0] == '\0')
		id = kind == LDIFF_CL_NOTE ? "note" : "other";
	b->src = b->pend_first;
	id = emit(b, kind, id, parent, 0, "", 0, text, b->pend_text.len);
	b->src = b->i;
	if (id == NULL)
		return b->rc;
	if (kind == LDIFF_CL_OTHER)	/* a comment's comes from its citer */
		b->cs->cl[b->cs->n - 1].section = "";
	b->cs->cl[b->cs->n - 1].cells = cells;	/* spans: the copy's too */
	b->cs->cl[b->cs->n - 1].n_cells = nc;
	if (kind == LDIFF_CL_ROW)
		r = note_refs(b, ld_buf_str(&b->pend_refs), id);
	return r != 0 ? r : add_sentences(b);
}

/* Append one cell paragraph (TAB between cells, LF inside a cell), after
 * its list number if Word gives it one: a row has no label of its own,
 * and the number is part of the cell as shown. */
static void
add_cell_text(builder *b, int cell, const ldiff_para *p, const char *s,
    size_t n)
{
	size_t i;
	label lb;

	if (b->pend_cell == 0) {
		for (i = 1; i < (size_t)cell && i < 64; i++)
			ld_buf_addc(&b->pend_text, '\t');
	} else if (cell == b->pend_cell)
		ld_buf_addc(&b->pend_text, '\n');
	else
		for (i = (size_t)b->pend_cell; i < (size_t)cell && i <
		    (size_t)b->pend_cell + 64; i++)
			ld_buf_addc(&b->pend_text, '\t');
	ld_label_computed(&lb, p);
	for (i = 0; i < lb.len; i++)
		ld_buf_addc(&b->pend_text, lb.shown[i] == '\t' ? ' ' :
		    lb.shown[i]);
	if (lb.len > 0 && n > 0)
		ld_buf_addc(&b->pend_text, ' ');
	/* A TAB inside a cell would split it. */
	for (i = 0; i < n; i++)
		ld_buf_addc(&b->pend_text, s[i] == '\t' ? ' ' : s[i]);
	if (cell > b->pend_cell)
		b->pend_cell = cell;
}

/* Cells, notes, comments, headers and footers: one record for the
 * paragraphs that share a row or a where. */
static int
add_gathered(builder *b, const ldiff_para *p, ldiff_clause_kind kind)
{
	const char *s = p->text;
	size_t n = strlen(s), keylen = strlen(p->where);
	int cell = 0;

	trim(&s, &n);
	if (kind == LDIFF_CL_ROW)
		cell = cell_of(p->where, &keylen);
	if (b->pend_kind != (int)kind || b->pend_key.len != keylen ||
	    memcmp(ld_buf_str(&b->pend_key), p->where, keylen) != 0 ||
	    (kind == LDIFF_CL_ROW && cell < b->pend_cell)) {
		if (flush_pending(b) != 0)
			return b->rc;
		b->pend_kind = (int)kind;
		b->pend_first = b->i;
		b->pend_cell = 0;
		ld_buf_reset(&b->pend_key);
		ld_buf_reset(&b->pend_text);
		ld_buf_reset(&b->pend_refs);
		ld_buf_add(&b->pend_key, p->where, keylen);
		ld_buf_addc(&b->pend_key, '\0');
		if (b->pend_key.oom)	/* its length below would be a lie */
			return oom(b);
		b->pend_key.len = keylen;
	} else if (kind != LDIFF_CL_ROW)
		ld_buf_addc(&b->pend_text, '\n');
	if (kind == LDIFF_CL_ROW)
		add_cell_text(b, cell, p, s, n);
	else
		ld_buf_add(&b->pend_text, s, n);
	ld_buf_adds(&b->pend_refs, p->refs);
	ld_buf_addc(&b->pend_refs, ' ');
	return 0;
}

/* Notes and comments hang under the clause that cites them, in its
 * section; so do their sentences. */
static void
resolve_citations(builder *b)
{
	size_t i;
	uint32_t which;
	const cite *by = NULL;

	for (i = 0; i < b->cs->n; i++) {
		ldiff_clause *cl = &b->cs->cl[i];

		if (cl->kind == LDIFF_CL_SENTENCE) {
			if (by != NULL)
				cl->section = by->section;
			continue;
		}
		by = NULL;
		if (cl->kind != LDIFF_CL_NOTE && cl->kind != LDIFF_CL_OTHER)
			continue;
		if (ld_strmap_get(b->refs, cl->id, strlen(cl->id), &which)) {
			by = b->citers.v[which];
			cl->parent = by->id;
			cl->section = by->section;
		}
	}
}

/* ---- the pass ---------------------------------------------------------- */

/* Body paragraphs that carry no structure: plain text, or a PDF whose
 * headings look like its body (its table cells, notes, headers and
 * footers do not make it less plain). */
static int
is_plain_text(const ldiff_doc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const ldiff_para *p = &d->paras[i];

		if (p->kind == LDIFF_PARA_HEADING ||
		    p->kind == LDIFF_PARA_ITEM || p->style[0] != '\0' ||
		    p->label[0] != '\0' || (p->kind == LDIFF_PARA_PARAGRAPH &&
		    p->where[0] != '\0'))
			return 0;
	}
	return 1;
}

/* "TOC 1", "toc 2", "Innehåll 3": a table of contents line repeats a
 * heading and its number, so it must not take the number from it. */
static int
is_toc_style(const char *style)
{
	const char *s = style;

	if (strncasecmp(s, "toc ", 4) == 0)
		s += 4;
	else if (strncmp(s, "Innehåll ", strlen("Innehåll ")) == 0)
		s += strlen("Innehåll ");
	else
		return 0;
	return *s >= '1' && *s <= '9';
}

static int
add_toc_line(builder *b, const ldiff_para *p)
{
	const char *s = p->text, *id;
	size_t n = strlen(s);
	label lb;

	ld_label_computed(&lb, p);	/* Word may number the line: keep it */
	trim(&s, &n);
	if (n == 0 && lb.len == 0)
		return 0;
	id = ld_arena_printf(b->cs->arena, "toc:%zu", ++b->toc_lines);
	if (id == NULL)
		return oom(b);
	if (emit(b, LDIFF_CL_OTHER, id, "", 0, lb.shown, lb.len, s, n) ==
	    NULL)
		return b->rc;
	b->cs->cl[b->cs->n - 1].section = "";
	return add_sentences(b);
}

static int
split_para(builder *b, const ldiff_para *p)
{
	label lb;
	const char *s;
	size_t n;

	switch (p->kind) {
	case LDIFF_PARA_CELL:
		return add_gathered(b, p, LDIFF_CL_ROW);
	case LDIFF_PARA_FOOTNOTE:
	case LDIFF_PARA_ENDNOTE:
		return add_gathered(b, p, LDIFF_CL_NOTE);
	case LDIFF_PARA_COMMENT:
	case LDIFF_PARA_HEADER:
	case LDIFF_PARA_FOOTER:
		return add_gathered(b, p, LDIFF_CL_OTHER);
	default:
		break;
	}
	if (flush_pending(b) != 0)
		return b->rc;
	if (is_toc_style(p->style))
		return add_toc_line(b, p);
	para_label(b, b->i, &lb, &s, &n);
	if (p->kind == LDIFF_PARA_HEADING) {
		if (n == 0 && lb.cls == LAB_NONE)
			return 0;
		return add_heading(b, p, &lb, s, n, p->level);
	}
	if (b->plain && plain_heading(b, &lb, s, n))
		return add_heading(b, p, &lb, s, n,
		    lb.decimal > 0 ? lb.decimal : 1);
	return add_body(b, p, &lb, s, n);
}

int
ldiff_clauses_from_doc(ldiff_clauses **out, const ldiff_doc *d,
    const ldiff_split_opts *o, ldiff_error *err)
{
	ldiff_split_opts defaults;
	builder b;
	int r;

	*out = NULL;
	if (d == NULL)
		return ld_error(err, LDIFF_EINVAL, _("no document"));
	if (o == NULL) {
		ldiff_split_opts_init(&defaults);
		o = &defaults;
	}
	if ((r = ld_check_split_opts(o, err)) != 0)
		return r;
	memset(&b, 0, sizeof b);
	b.doc = d;
	b.o = o;
	b.err = err;
	b.pend_kind = -1;
	ld_buf_init(&b.pend_key);
	ld_buf_init(&b.pend_text);
	ld_buf_init(&b.pend_refs);
	if ((r = ld_clauses_new(&b.cs, &o->limits)) != 0) {
		oom(&b);
		goto out;
	}
	if (ld_typed_init(&b.typed) != 0) {
		oom(&b);
		goto out;
	}
	b.ids = ld_strmap_new();
	b.dups = ld_strmap_new();
	b.refs = ld_strmap_new();
	if (b.ids == NULL || b.dups == NULL || b.refs == NULL) {
		oom(&b);
		goto out;
	}
	b.plain = is_plain_text(d);
	for (b.i = 0; b.i < d->n && b.rc == 0; b.i++) {
		b.src = b.i;
		split_para(&b, &d->paras[b.i]);
	}
	b.src = b.i;
	if (b.rc == 0)
		flush_pending(&b);
	if (b.rc == 0) {
		resolve_citations(&b);
		*out = b.cs;
		b.cs = NULL;
	}
out:
	r = b.rc;
	ldiff_clauses_free(b.cs);
	ld_typed_free(&b.typed);
	ld_strmap_free(b.ids);
	ld_strmap_free(b.dups);
	ld_strmap_free(b.refs);
	ld_ptrs_free(&b.citers);
	ld_buf_free(&b.pend_key);
	ld_buf_free(&b.pend_text);
	ld_buf_free(&b.pend_refs);
	return r;
}
