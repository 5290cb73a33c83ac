/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * textdiff.c - the word-level diff of two texts (one aligned clause pair).
 *
 * The idea: diff on tokens, compare on keys, show the bytes.  Both texts
 * are tokenized (white space tokens included, so tokens rebuild the text
 * exactly); each token's comparison key (key.c) is interned to an id, and
 * the id sequences go through the capped Myers diff (seqdiff.c).  The
 * runs it yields are cleaned up for people (cleanup.c), equal runs are
 * split where the bytes differ although the keys agree (a typography
 * edit), and every non-equal edit is classified (classify.c).
 *
 * The edit list is complete: the old_text of EQUAL, DELETE and REPLACE
 * edits concatenated is the old text byte for byte, the new_text of
 * EQUAL, INSERT and REPLACE edits the new text.
 *
 * Character detail inside a changed word (kommunerna -> kommunernas) is
 * not split into edits here: edits begin and end on token boundaries, so
 * every renderer can rely on whole words; a renderer that wants the
 * changed letters can compare old_text and new_text of a one-word edit.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/textdiff.h"

#define LANG_SPLIT_WORDS 12	/* edits cut into change and rewrite */
#define LANG_PART_WORDS 6	/* the longest rewrite looked for in a cut:
				 * "den 31 dec. 2030" */

/* ---- interning keys -------------------------------------------------- */

/* Key ids: each distinct key gets the next id.  Tokens repeat, so the
 * raw bytes of each distinct token map straight to their key's id and
 * space flag (id * 2 + space), and each key is computed once. */
struct intern {
	ld_buf key;		/* the key being made */
	ld_strmap *ids;		/* key -> id */
	ld_strmap *raw;		/* token bytes -> id * 2 + space */
};

static int
intern_init(struct intern *in)
{
	ld_buf_init(&in->key);
	in->ids = ld_strmap_new();
	in->raw = ld_strmap_new();
	return in->ids && in->raw ? 0 : LDIFF_ENOMEM;
}

static void
intern_free(struct intern *in)
{
	ld_buf_free(&in->key);
	ld_strmap_free(in->ids);
	ld_strmap_free(in->raw);
}

/* The id of in->key: its own, or the next one when new. */
static int
intern_key(struct intern *in, uint32_t *id)
{
	if (ld_strmap_get(in->ids, in->key.data, in->key.len, id))
		return 0;
	*id = (uint32_t)ld_strmap_count(in->ids);
	return ld_strmap_put(in->ids, in->key.data, in->key.len, *id) ?
	    0 : LDIFF_ENOMEM;
}

/* ---- sides --------------------------------------------------------- */

/* The side's tokens from raw ones (which it takes over). */
static int
side_from_raw(ld_side *s, const char *text, ldiff_token *raw, size_t n)
{
	size_t i;

	s->text = text;
	s->raw = raw;
	s->n = 0;
	s->t = ld_reallocarray(NULL, n + 1, sizeof *s->t);
	s->cum = ld_reallocarray(NULL, n + 1, sizeof *s->cum);
	if (s->t == NULL || s->cum == NULL)
		return LDIFF_ENOMEM;
	s->cum[0] = 0;
	for (i = 0; i < n; i++) {
		size_t k, c = 0;

		s->t[i].s = text + raw[i].off;
		s->t[i].len = raw[i].len;
		s->t[i].type = raw[i].type;
		for (k = 0; k < s->t[i].len; k++)	/* UTF-8 lead bytes */
			c += ((unsigned char)s->t[i].s[k] & 0xc0) != 0x80;
		s->cum[i + 1] = s->cum[i] + c;
	}
	s->n = n;
	return 0;
}

static int
side_tokens(ld_side *s, const char *text)
{
	ldiff_token *raw = NULL;
	size_t n;
	int rc;

	memset(s, 0, sizeof *s);
	if ((rc = ldiff_tokenize(text, strlen(text), &raw, &n)) != 0)
		return rc;
	return side_from_raw(s, text, raw, n);
}

/*
 * The new side's tokens, borrowed from the old side's where they cannot
 * differ.  Most changed clauses change a few words: the two texts share
 * a long head and tail byte for byte, and tokenizing those twice was
 * most of a word diff.  Tokenizing is left to right and a token depends
 * only on the bytes from its start on and on whether "kl." came before.
 * How far on: LOOK_FROM_START past its start, LOOK_PAST_END past its
 * end, across spaces to the next printable character, and LOOK_PAST_END
 * past a run of digits or of initials that starts with it.  So:
 *
 *   - an old token whose bytes and look-ahead lie inside the shared head
 *     is the new side's too;
 *   - the new text is tokenized from there; once a new token starts in
 *     the shared tail where an old token starts at the same distance from
 *     the end, with the same "kl." before it, every token after it is the
 *     old side's, moved.
 *
 * The tokens are those tokenizing the new text gives, so the diff is too;
 * src[i] names the old token new token i is a copy of (SIZE_MAX: none).
 */
#define LOOK_FROM_START 128
#define LOOK_PAST_END 32
#define BORROW_MIN 256		/* shared bytes worth the trouble */

int ld_textdiff_borrow = 1;	/* tests compare the results without it */

struct join {
	const ld_side *a;
	size_t na, alen, blen;
	size_t tail;		/* new positions from here are in the tail */
	size_t k;		/* the old token looked at */
	size_t at;		/* the old token the scan joined, or SIZE_MAX */
};

static int
join_old(void *ctx, size_t off, int after_kl)
{
	struct join *j = ctx;
	size_t aoff;

	if (off < j->tail)
		return 0;
	aoff = off + j->alen - j->blen;
	while (j->k < j->na && j->a->raw[j->k].off < aoff)
		j->k++;
	if (j->k < j->na && j->a->raw[j->k].off == aoff &&
	    ld_after_kl(j->a->text, j->a->raw, j->k) == after_kl) {
		j->at = j->k;
		return 1;
	}
	return 0;
}

/* Where the two scans that run on past a token end, from its start:
 * initials ("A.B.C.", read to the end of the chain before the first is
 * taken for one) and digits (a number reads its whole run before the
 * pattern may take 64 bytes of it). */
static size_t
run_end(const char *s, size_t n, size_t i)
{
	size_t d = i, c = i;

	while (d < n && s[d] >= '0' && s[d] <= '9')
		d++;
	while (c + 1 < n && s[c] >= 'A' && s[c] <= 'Z' && s[c + 1] == '.')
		c += 2;
	return d > c ? d : c;
}

/* Old tokens [0, j) that the new text has too: it shares pre bytes. */
static size_t
shared_head(const ld_side *a, size_t pre)
{
	size_t last = pre, j;

	/* one past the last printable ASCII character in the head */
	while (last > 0 && !((unsigned char)a->text[last - 1] > ' ' &&
	    (unsigned char)a->text[last - 1] < 0x7f))
		last--;
	for (j = 0; j < a->n; j++) {
		size_t off = a->raw[j].off, end = off + a->raw[j].len;

		if (off + LOOK_FROM_START > pre || end + LOOK_PAST_END > pre ||
		    end + 2 > last ||
		    run_end(a->text, pre, off) + LOOK_PAST_END > pre)
			break;
	}
	return j;
}

static int
side_tokens_like(ld_side *b, const char *text, const ld_side *a,
    size_t **src)
{
	size_t alen = strlen(a->text), blen = strlen(text), pre = 0, suf = 0;
	size_t head, n, end, i, shift;
	struct join j;
	ldiff_token *raw = NULL, *v;
	int rc;

	*src = NULL;
	while (pre < alen && pre < blen && a->text[pre] == text[pre])
		pre++;
	while (suf < alen - pre && suf < blen - pre &&
	    a->text[alen - 1 - suf] == text[blen - 1 - suf])
		suf++;
	if (!ld_textdiff_borrow || a->raw == NULL || pre + suf < BORROW_MIN)
		return side_tokens(b, text);
	memset(b, 0, sizeof *b);
	head = shared_head(a, pre);
	j.a = a;
	j.na = a->n;
	j.alen = alen;
	j.blen = blen;
	j.tail = blen - suf;
	j.k = 0;
	j.at = SIZE_MAX;
	rc = ld_tokenize_from(text, blen, a->raw, head, join_old, &j, &raw,
	    &n, &end);
	if (rc != 0)
		return rc;
	if (j.at != SIZE_MAX) {		/* the old side's tail, moved */
		v = ld_reallocarray(raw, n + (a->n - j.at) + 1, sizeof *v);
		if (v == NULL) {
			ld_free(raw);
			return LDIFF_ENOMEM;
		}
		raw = v;
		shift = alen - blen;	/* unsigned: wraps and back */
		for (i = j.at; i < a->n; i++, n++) {
			raw[n] = a->raw[i];
			raw[n].off -= shift;
		}
	}
	if ((*src = ld_reallocarray(NULL, n + 1, sizeof **src)) == NULL) {
		ld_free(raw);
		return LDIFF_ENOMEM;
	}
	for (i = 0; i < n; i++)
		(*src)[i] = i < head ? i : SIZE_MAX;
	if (j.at != SIZE_MAX)
		for (i = n - (a->n - j.at); i < n; i++)
			(*src)[i] = j.at + (i - (n - (a->n - j.at)));
	return side_from_raw(b, text, raw, n);
}

/* Key ids of a side's tokens.  White space keys to "" after trimming;
 * it gets the key " " so it never equals a token that vanishes in the
 * key (a lone soft hyphen). */
static int
side_ids(ld_side *s, struct intern *in, uint32_t *ids, const size_t *src,
    const ld_side *a, const uint32_t *ia)
{
	size_t i;
	int rc;

	for (i = 0; i < s->n; i++) {
		ld_tok *t = &s->t[i];
		uint32_t v;

		if (src != NULL && src[i] != SIZE_MAX) {	/* a's token */
			t->id = ids[i] = ia[src[i]];
			t->space = a->t[src[i]].space;
			continue;
		}
		if (ld_strmap_get(in->raw, t->s, t->len, &v)) {
			t->id = ids[i] = v / 2;
			t->space = v % 2;
			continue;
		}
		ld_buf_reset(&in->key);
		if ((rc = ld_text_key_buf(&in->key, t->s, t->len)) != 0)
			return rc;
		t->space = t->type == LDIFF_TOK_SPACE ||
		    (in->key.len == 0 && t->len > 0 &&
		    (unsigned char)t->s[0] <= ' ');
		if (t->space) {
			ld_buf_reset(&in->key);
			ld_buf_addc(&in->key, ' ');
		}
		if ((rc = intern_key(in, &t->id)) != 0)
			return rc;
		ids[i] = t->id;
		if (!ld_strmap_put(in->raw, t->s, t->len,
		    t->id * 2 + (uint32_t)t->space))
			return LDIFF_ENOMEM;
	}
	return 0;
}

/* ---- runs ------------------------------------------------------------ */

static void
set_run(ld_run *r, int op, size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (r == NULL)
		return;
	r->op = op;
	r->a0 = a0;
	r->a1 = a1;
	r->b0 = b0;
	r->b1 = b1;
}

/* Runs from the seqdiff marks: EQ, EDIT, EQ, ..., EQ (ends maybe empty);
 * with r NULL only counted. */
static size_t
runs_from_marks(size_t na, size_t nb, const char *ca, const char *cb,
    ld_run *r)
{
	size_t i = 0, j = 0, i0, j0, n = 0;

	for (;;) {
		i0 = i;
		j0 = j;
		while (i < na && j < nb && !ca[i] && !cb[j])
			i++, j++;
		set_run(r ? &r[n] : NULL, LD_RUN_EQ, i0, i, j0, j);
		n++;
		if (i == na && j == nb)
			return n;
		i0 = i;
		j0 = j;
		while (i < na && ca[i])
			i++;
		while (j < nb && cb[j])
			j++;
		set_run(r ? &r[n] : NULL, LD_RUN_EDIT, i0, i, j0, j);
		n++;
	}
}

static size_t
span_bytes(const ld_side *s, size_t t0, size_t t1, const char **p)
{
	if (t0 >= t1) {
		*p = "";
		return 0;
	}
	*p = s->t[t0].s;
	return (size_t)(s->t[t1 - 1].s + s->t[t1 - 1].len - s->t[t0].s);
}

static int
tok_bytes_equal(const ld_tok *x, const ld_tok *y)
{
	return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* ---- edits ----------------------------------------------------------- */

struct out {
	ld_arena *ar;
	ldiff_edit *e;
	size_t n, cap;
};

static int
add_edit(struct out *o, const ld_side *a, const ld_side *b,
    const ld_run *r, int period_shift)
{
	ldiff_edit *e;
	const char *p;
	size_t k;

	if (r->a0 == r->a1 && r->b0 == r->b1)
		return 0;
	if (o->n == o->cap) {
		ldiff_edit *ne = ld_arena_grow(o->ar, o->e, &o->cap, 16,
		    sizeof *ne);

		if (ne == NULL)
			return LDIFF_ENOMEM;
		o->e = ne;
	}
	e = &o->e[o->n++];
	memset(e, 0, sizeof *e);
	k = span_bytes(a, r->a0, r->a1, &p);
	e->old_text = ld_arena_strndup(o->ar, p, k);
	k = span_bytes(b, r->b0, r->b1, &p);
	e->new_text = ld_arena_strndup(o->ar, p, k);
	if (e->old_text == NULL || e->new_text == NULL)
		return LDIFF_ENOMEM;
	if (r->op == LD_RUN_EQ) {
		e->op = LDIFF_EDIT_EQUAL;
		return 0;
	}
	e->op = r->a0 == r->a1 ? LDIFF_EDIT_INSERT :
	    r->b0 == r->b1 ? LDIFF_EDIT_DELETE : LDIFF_EDIT_REPLACE;
	ld_classify_edit(a, b, r, period_shift, e);
	return 0;
}

/* An equal run, split where the bytes of key-equal tokens differ: those
 * stretches become typography edits. */
static int
emit_equal(struct out *o, const ld_side *a, const ld_side *b,
    const ld_run *r, int shift)
{
	size_t i = r->a0, j = r->b0;
	int rc;

	while (i < r->a1) {
		ld_run q;
		int same = tok_bytes_equal(&a->t[i], &b->t[j]);

		q.op = same ? LD_RUN_EQ : LD_RUN_TYPO;
		q.a0 = i;
		q.b0 = j;
		while (i < r->a1 &&
		    tok_bytes_equal(&a->t[i], &b->t[j]) == same)
			i++, j++;
		q.a1 = i;
		q.b1 = j;
		if ((rc = add_edit(o, a, b, &q, shift)) != 0)
			return rc;
	}
	return 0;
}

static size_t
first_word(const ld_side *s, size_t t0, size_t t1)
{
	while (t0 < t1 && s->t[t0].space)
		t0++;
	return t0;
}

/* One past the last non-space token of [t0, t1), t0 if none. */
static size_t
last_word_end(const ld_side *s, size_t t0, size_t t1)
{
	while (t1 > t0 && s->t[t1 - 1].space)
		t1--;
	return t1;
}

/* Where to cut a replacement after a leading value shared by both sides
 * ("2023–2026 och" -> "2027–2030 samt": after the year ranges); 0 when
 * there is no such value or nothing follows it. */
static int
lead_value_cut(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t *ca, size_t *cb)
{
	size_t fa = first_word(a, r->a0, r->a1), fb = first_word(b, r->b0,
	    r->b1);

	if (fa == r->a1 || fb == r->b1 || !ld_is_value(&a->t[fa]) ||
	    !ld_is_value(&b->t[fb]))
		return 0;
	*ca = ld_value_end(a, fa);
	*cb = ld_value_end(b, fb);
	if (*ca > r->a1)
		*ca = r->a1;
	if (*cb > r->b1)
		*cb = r->b1;
	return first_word(a, *ca, r->a1) < r->a1 ||
	    first_word(b, *cb, r->b1) < r->b1;
}

/* The same for a trailing value ("1 250 000" -> "högst 1 300 000"). */
static int
tail_value_cut(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t *ca, size_t *cb)
{
	size_t ea = last_word_end(a, r->a0, r->a1);
	size_t eb = last_word_end(b, r->b0, r->b1);

	if (ea == r->a0 || eb == r->b0 || !ld_is_value(&a->t[ea - 1]) ||
	    !ld_is_value(&b->t[eb - 1]))
		return 0;
	*ca = ea - 1;
	*cb = eb - 1;
	return first_word(a, r->a0, *ca) < *ca ||
	    first_word(b, r->b0, *cb) < *cb;
}

/* The part of *rest before old token ca and new token cb as an edit of
 * its own; *rest then starts there. */
static int
emit_head(struct out *o, const ld_side *a, const ld_side *b, ld_run *rest,
    size_t ca, size_t cb, int shift)
{
	ld_run head = *rest;

	head.a1 = ca;
	head.b1 = cb;
	rest->a0 = ca;
	rest->b0 = cb;
	return add_edit(o, a, b, &head, shift);
}

static int add_language_edit(struct out *o, const ld_side *a,
    const ld_side *b, const ld_run *r, int shift);

/* The words a value cut leaves between values: a rewrite of its own
 * ("40 resp. 60" -> "45 respektive 55": " resp. " -> " respektive " is
 * language, not wording), else an edit as any other.  No equal words lie
 * around it to lend context: its neighbours are the values. */
static int
add_between(struct out *o, const ld_side *a, const ld_side *b,
    const ld_run *r, int shift)
{
	if (ld_language_possible(a, b, r, 0, 0) &&
	    ld_language_edit(a, b, r, 0, 0, shift))
		return add_language_edit(o, a, b, r, shift);
	return add_edit(o, a, b, r, shift);
}

/* A replacement whose two sides begin (or end) with a value is cut
 * there, so the value change keeps a class of its own: the period shift
 * can be hidden without hiding the wording beside it.  What a cut leaves
 * between the values is read again for a rewrite (add_between). */
static int
emit_valued(struct out *o, const ld_side *a, const ld_side *b,
    const ld_run *r, int shift)
{
	ld_run rest = *r, mid;
	size_t ca, cb;
	int rc, cut = 0;

	if (r->a0 == r->a1 || r->b0 == r->b1)
		return add_edit(o, a, b, r, shift);
	if (lead_value_cut(a, b, &rest, &ca, &cb)) {
		if ((rc = emit_head(o, a, b, &rest, ca, cb, shift)) != 0)
			return rc;
		cut = 1;
	}
	if (rest.a0 < rest.a1 && rest.b0 < rest.b1 &&
	    tail_value_cut(a, b, &rest, &ca, &cb)) {
		mid = rest;
		mid.a1 = ca;
		mid.b1 = cb;
		rest.a0 = ca;
		rest.b0 = cb;
		if ((rc = add_between(o, a, b, &mid, shift)) != 0)
			return rc;
		return add_edit(o, a, b, &rest, shift);
	}
	return cut ? add_between(o, a, b, &rest, shift) :
	    add_edit(o, a, b, &rest, shift);
}

/* A rewrite as an edit of class LANGUAGE, never cut at its values: "den
 * 1 januari 2027" -> "2027-01-01" is one date written another way. */
static int
add_language_edit(struct out *o, const ld_side *a, const ld_side *b,
    const ld_run *r, int shift)
{
	int rc = add_edit(o, a, b, r, shift);

	if (rc == 0 && o->n > 0) {
		o->e[o->n - 1].cls = LDIFF_CLASS_LANGUAGE;
		o->e[o->n - 1].has_values = 0;
		o->e[o->n - 1].old_value = o->e[o->n - 1].new_value = 0;
	}
	return rc;
}

/* Token for token the same keys or bytes: an equal run.  (Bytes, too:
 * "13.00" after "kl." is a time token, after "klockan" a number.) */
static int
ids_equal(const ld_side *a, const ld_side *b, const ld_run *r)
{
	size_t k;

	if (r->a1 - r->a0 != r->b1 - r->b0)
		return 0;
	for (k = 0; k < r->a1 - r->a0; k++)
		if (a->t[r->a0 + k].id != b->t[r->b0 + k].id &&
		    !tok_bytes_equal(&a->t[r->a0 + k], &b->t[r->b0 + k]))
			return 0;
	return 1;
}

static int cut_ok(const ld_side *s, size_t t0, size_t t1, size_t c);
static size_t count_words(const ld_side *s, size_t t0, size_t t1);

/* The first cut of rewrite r whose head is a rewrite (or equal) and
 * whose tail is one too: "skall bl.a." -> "ska bland annat" reads as two
 * rewrites, "kl. 13.00" -> "klockan 13.00" keeps "13.00" equal. */
static int
find_rewrite_cut(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t before, int shift, ld_run *head)
{
	size_t i, j;

	*head = *r;
	for (i = r->a0; i <= r->a1; i++)
		for (j = r->b0; j <= r->b1; j++) {
			if (!cut_ok(a, r->a0, r->a1, i) ||
			    !cut_ok(b, r->b0, r->b1, j) ||
			    (i == r->a0 && j == r->b0) ||
			    (i == r->a1 && j == r->b1))
				continue;
			head->a1 = i;
			head->b1 = j;
			head->op = ids_equal(a, b, head) ? LD_RUN_EQ :
			    LD_RUN_EDIT;
			if (head->op == LD_RUN_EQ ||
			    ld_language_edit(a, b, head, before, 0, shift))
				return 1;
		}
	return 0;
}

/* Rewrite r as few small LANGUAGE edits as its words allow, equal words
 * between them kept equal; the whole of r when it cuts no further. */
static int
add_language(struct out *o, const ld_side *a, const ld_side *b,
    const ld_run *r, int shift, size_t before, size_t after)
{
	ld_run head, tail = *r;
	int rc;

	if (count_words(a, r->a0, r->a1) > LANG_SPLIT_WORDS ||
	    count_words(b, r->b0, r->b1) > LANG_SPLIT_WORDS)
		return add_language_edit(o, a, b, r, shift);
	while (find_rewrite_cut(a, b, &tail, before, shift, &head)) {
		ld_run rest = tail;

		rest.a0 = head.a1;
		rest.b0 = head.b1;
		rest.op = ids_equal(a, b, &rest) ? LD_RUN_EQ : LD_RUN_EDIT;
		/* white space ending both sides of the head stays equal:
		 * the rest begins with it */
		while (head.op == LD_RUN_EDIT && head.a1 > head.a0 &&
		    head.b1 > head.b0 && a->t[head.a1 - 1].space &&
		    b->t[head.b1 - 1].space)
			head.a1--, head.b1--;
		if (rest.op == LD_RUN_EDIT &&
		    !ld_language_edit(a, b, &rest, 0, after, shift))
			break;	/* not this cut: keep the rest whole */
		rc = head.op == LD_RUN_EQ ? emit_equal(o, a, b, &head, shift) :
		    add_language_edit(o, a, b, &head, shift);
		if (rc != 0)
			return rc;
		rest.a0 = head.a1;
		rest.b0 = head.b1;
		if (rest.op == LD_RUN_EQ)
			return emit_equal(o, a, b, &rest, shift);
		tail = rest;
		before = 0;
	}
	return add_language_edit(o, a, b, &tail, shift);
}

/* Where an edit may be cut in two: before a word, at either end. */
static int
cut_ok(const ld_side *s, size_t t0, size_t t1, size_t c)
{
	return c == t0 || c == t1 || (s->t[c - 1].space && !s->t[c].space);
}

static size_t
count_words(const ld_side *s, size_t t0, size_t t1)
{
	size_t n = 0;

	for (; t0 < t1; t0++)
		n += !s->t[t0].space;
	return n;
}

/* Is the part of r from cut (i, j) on (tail) or before it (head) a
 * rewrite?  Only the equal words beyond r's own end lend context. */
static int
part_is_language(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t i, size_t j, int tail, size_t before, size_t after, int shift)
{
	ld_run p = *r;

	if (!cut_ok(a, r->a0, r->a1, i) || !cut_ok(b, r->b0, r->b1, j) ||
	    (i == r->a0 && j == r->b0) || (i == r->a1 && j == r->b1))
		return 0;
	if (tail ? count_words(a, i, r->a1) > LANG_PART_WORDS ||
	    count_words(b, j, r->b1) > LANG_PART_WORDS :
	    count_words(a, r->a0, i) > LANG_PART_WORDS ||
	    count_words(b, r->b0, j) > LANG_PART_WORDS)
		return 0;
	if (tail) {
		p.a0 = i, p.b0 = j;
		return ld_language_edit(a, b, &p, 0, after, shift);
	}
	p.a1 = i, p.b1 = j;
	return ld_language_edit(a, b, &p, before, 0, shift);
}

/* The cut of an edit into a real change and a rewrite ("skall bl.a." ->
 * "bör bland annat": "skall" -> "bör" is wording, "bl.a." -> "bland
 * annat" language), the rewrite at the end (*lang_tail) or the start;
 * 0 when there is none.  Cuts are tried at word boundaries, the longest
 * rewrite first. */
static int
find_language_cut(const ld_side *a, const ld_side *b, const ld_run *r,
    size_t before, size_t after, int shift, size_t *ca, size_t *cb,
    int *lang_tail)
{
	size_t i, j, na = r->a1 - r->a0;

	if (count_words(a, r->a0, r->a1) > LANG_SPLIT_WORDS ||
	    count_words(b, r->b0, r->b1) > LANG_SPLIT_WORDS)
		return 0;
	for (i = r->a0; i <= r->a1; i++)
		for (j = r->b0; j <= r->b1; j++)
			if (part_is_language(a, b, r, i, j, 1, before, after,
			    shift)) {
				*ca = i, *cb = j, *lang_tail = 1;
				return 1;
			}
	for (i = 0; i <= na; i++)
		for (j = r->b1 + 1; j-- > r->b0; )
			if (part_is_language(a, b, r, r->a1 - i, j, 0, before,
			    after, shift)) {
				*ca = r->a1 - i, *cb = j, *lang_tail = 0;
				return 1;
			}
	return 0;
}

/* An edit that is all rewrite becomes one LANGUAGE edit; one that is a
 * rewrite at one end and a real change at the other is cut in two, the
 * white space both parts share at the cut kept equal between them; any
 * other goes on to the value cuts. */
static int
emit_edit(struct out *o, const ld_side *a, const ld_side *b,
    const ld_run *r, int shift, size_t before, size_t after)
{
	ld_run head = *r, mid = *r, tail = *r;
	size_t ca, cb;
	int lt, rc;

	if (!ld_language_possible(a, b, r, before, after))
		return emit_valued(o, a, b, r, shift);
	if (ld_language_edit(a, b, r, before, after, shift))
		return add_language(o, a, b, r, shift, before, after);
	if (!find_language_cut(a, b, r, before, after, shift, &ca, &cb, &lt))
		return emit_valued(o, a, b, r, shift);
	head.a1 = mid.a0 = mid.a1 = tail.a0 = ca;
	head.b1 = mid.b0 = mid.b1 = tail.b0 = cb;
	mid.op = LD_RUN_EQ;
	while (head.a1 > head.a0 && head.b1 > head.b0 &&
	    a->t[head.a1 - 1].space && b->t[head.b1 - 1].space)
		head.a1--, head.b1--, mid.a0--, mid.b0--;
	if ((rc = lt ? emit_valued(o, a, b, &head, shift) :
	    add_language(o, a, b, &head, shift, before, 0)) != 0 ||
	    (rc = emit_equal(o, a, b, &mid, shift)) != 0)
		return rc;
	return lt ? add_language(o, a, b, &tail, shift, 0, after) :
	    emit_valued(o, a, b, &tail, shift);
}

static int
emit(struct out *o, const ld_side *a, const ld_side *b, const ld_run *r,
    size_t n, ld_textdiff *td)
{
	int shift = ld_period_shift(a, b, r, n);
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		size_t before = i > 0 ? r[i - 1].a1 - r[i - 1].a0 : 0;
		size_t after = i + 1 < n ? r[i + 1].a1 - r[i + 1].a0 : 0;

		rc = r[i].op == LD_RUN_EQ ? emit_equal(o, a, b, &r[i], shift) :
		    emit_edit(o, a, b, &r[i], shift, before, after);
		if (rc != 0)
			return rc;
	}
	td->edits = o->e;
	td->n = o->n;
	for (i = 0; i < o->n; i++)
		td->cls |= o->e[i].cls;
	td->substantive = (td->cls & ~(unsigned)(LDIFF_CLASS_TYPOGRAPHY |
	    LDIFF_CLASS_LANGUAGE | LDIFF_CLASS_RENUMBER)) != 0;
	return 0;
}

/* Shared non-space tokens over all non-space tokens (Dice), from the
 * seqdiff marks, before cleanup; two empty texts are alike. */
static double
similarity(const ld_side *a, const ld_side *b, const char *ca)
{
	size_t i, na = 0, nb = 0, kept = 0;

	for (i = 0; i < a->n; i++)
		if (!a->t[i].space) {
			na++;
			kept += !ca[i];
		}
	for (i = 0; i < b->n; i++)
		if (!b->t[i].space)
			nb++;
	if (na + nb == 0)
		return 1.0;
	return 2.0 * (double)kept / (double)(na + nb);
}

int
ld_text_diff(ld_arena *ar, const char *old_text, const char *new_text,
    long max_cost, ld_textdiff *td)
{
	ld_side a = { 0 }, b = { 0 };
	struct intern in;
	struct out o = { 0 };
	uint32_t *ia = NULL, *ib = NULL;
	char *ca = NULL, *cb = NULL;
	ld_run *r = NULL;
	ld_seqstats st;
	size_t nr, *src = NULL;
	int rc;

	memset(td, 0, sizeof *td);
	memset(&in, 0, sizeof in);	/* freed even when never made */
	o.ar = ar;
	if ((rc = side_tokens(&a, old_text ? old_text : "")) != 0 ||
	    (rc = side_tokens_like(&b, new_text ? new_text : "", &a,
	    &src)) != 0)
		goto out;
	rc = LDIFF_ENOMEM;
	if (intern_init(&in) != 0)
		goto out;
	ia = ld_reallocarray(NULL, a.n + 1, sizeof *ia);
	ib = ld_reallocarray(NULL, b.n + 1, sizeof *ib);
	ca = ld_malloc(a.n + 1);
	cb = ld_malloc(b.n + 1);
	if (!ia || !ib || !ca || !cb)
		goto out;
	if ((rc = side_ids(&a, &in, ia, NULL, NULL, NULL)) != 0 ||
	    (rc = side_ids(&b, &in, ib, src, &a, ia)) != 0 ||
	    (rc = ld_seqdiff(ia, a.n, ib, b.n, max_cost, ca, cb, &st)) != 0)
		goto out;
	td->work = st.work;
	td->capped = st.capped;
	td->similarity = similarity(&a, &b, ca);
	nr = runs_from_marks(a.n, b.n, ca, cb, NULL);
	rc = LDIFF_ENOMEM;
	if ((r = ld_reallocarray(NULL, nr, sizeof *r)) == NULL)
		goto out;
	runs_from_marks(a.n, b.n, ca, cb, r);
	ld_cleanup_runs(&a, &b, r, &nr);
	rc = emit(&o, &a, &b, r, nr, td);
out:
	ld_free(a.t);
	ld_free(b.t);
	ld_free(a.cum);
	ld_free(b.cum);
	ld_free(a.raw);
	ld_free(b.raw);
	ld_free(src);
	intern_free(&in);
	ld_free(ia);
	ld_free(ib);
	ld_free(ca);
	ld_free(cb);
	ld_free(r);
	return rc;
}
