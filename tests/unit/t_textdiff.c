/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_textdiff.c - ld_text_diff as a whole: the edit list rebuilds both
 * texts on many random pairs, edits sit on word boundaries, the cleanup
 * reads like a person's edit, pathological input is bounded in work
 * (seqdiff steps, never wall time), and tokens borrowed from the old side
 * change nothing. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"
#include "edits.h"

static ld_arena *A;
static unsigned long rng = 99;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

/* Old and new texts rebuilt from the edits. */
static void
rebuild(const ld_textdiff *td, ld_buf *o, ld_buf *n)
{
	size_t i;

	for (i = 0; i < td->n; i++) {
		const ldiff_edit *e = &td->edits[i];

		if (e->op != LDIFF_EDIT_INSERT)
			ld_buf_adds(o, e->old_text);
		if (e->op != LDIFF_EDIT_DELETE)
			ld_buf_adds(n, e->new_text);
	}
}

static int
is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static int
is_word_byte(char c)
{
	return (unsigned char)c >= 0x80 || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* No edit boundary falls inside a word: the bytes on both sides of every
 * boundary are not both word characters. */
static int
on_word_boundaries(const ld_textdiff *td, int old_side)
{
	ld_buf b;
	size_t i, *cut = calloc(td->n + 1, sizeof *cut), nc = 0;
	int good = 1;

	ld_buf_init(&b);
	for (i = 0; i < td->n; i++) {
		const ldiff_edit *e = &td->edits[i];
		const char *s = old_side ? e->old_text : e->new_text;

		if (old_side ? e->op == LDIFF_EDIT_INSERT :
		    e->op == LDIFF_EDIT_DELETE)
			continue;
		ld_buf_adds(&b, s);
		cut[nc++] = b.len;
	}
	for (i = 0; i + 1 < nc; i++) {
		size_t c = cut[i];

		if (c > 0 && c < b.len && is_word_byte(b.data[c - 1]) &&
		    is_word_byte(b.data[c]))
			good = 0;
	}
	free(cut);
	ld_buf_free(&b);
	return good;
}

/* No one-space equality between two changes of content (next to a
 * typography or language edit it stays: that edit keeps its own class,
 * "[-skall-]{+bör+} [-bl.a.-]{+bland annat+}"). */
static int
no_lone_space(const ld_textdiff *td)
{
	size_t i;

	for (i = 1; i + 1 < td->n; i++) {
		const ldiff_edit *e = &td->edits[i];

		if (e->op == LDIFF_EDIT_EQUAL && strlen(e->old_text) == 1 &&
		    is_space_byte(e->old_text[0]) &&
		    td->edits[i - 1].op != LDIFF_EDIT_EQUAL &&
		    td->edits[i + 1].op != LDIFF_EDIT_EQUAL &&
		    td->edits[i - 1].cls != LDIFF_CLASS_TYPOGRAPHY &&
		    td->edits[i + 1].cls != LDIFF_CLASS_TYPOGRAPHY &&
		    td->edits[i - 1].cls != LDIFF_CLASS_LANGUAGE &&
		    td->edits[i + 1].cls != LDIFF_CLASS_LANGUAGE)
			return 0;
	}
	return 1;
}

static const char *words[] = { "Region", "Västerbotten", "ska", "och",
	"kommunerna", "kommunernas", "samverka", "för", "att", "regional",
	"utveckling", "1 250 000", "kronor", "2023–2026", "2027-2030", "”",
	"\"", ",", ".", "år", "2023", "2,5", "%", "den", "1 januari 2023",
	"i", "länet", "ut\xc2\xadveckling", "a\xcc\x8a", "\xc3\xa5", "  ",
	"\xc2\xa0", "EU-stöd", "bl.a.", "t.ex.", "3 §", "\t", "\xff" };
#define NWORDS (sizeof words / sizeof words[0])

static void
random_text(ld_buf *b, const unsigned *ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			ld_buf_addc(b, ' ');
		ld_buf_adds(b, words[ids[i]]);
	}
}

static void
test_complete_random(void)
{
	int t, bad_old = 0, bad_new = 0, bad_bound = 0, bad_space = 0;
	int bad_cls = 0, rc_bad = 0, runs = 2000;

	for (t = 0; t < runs; t++) {
		unsigned x[60], y[90];
		size_t nx = rnd(60), ny = 0, i;
		ld_buf o, n, ro, rn;
		ld_textdiff td;

		for (i = 0; i < nx; i++)
			x[i] = rnd(NWORDS);
		for (i = 0; i < nx && ny < 88; i++) {
			unsigned r = rnd(8);

			if (r == 0)
				continue;
			if (r == 1)
				y[ny++] = rnd(NWORDS);
			y[ny++] = r == 2 ? rnd(NWORDS) : x[i];
		}
		ld_buf_init(&o), ld_buf_init(&n);
		ld_buf_init(&ro), ld_buf_init(&rn);
		random_text(&o, x, nx);
		random_text(&n, y, ny);
		if (ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 0,
		    &td) != 0) {
			rc_bad++;
			continue;
		}
		rebuild(&td, &ro, &rn);
		bad_old += strcmp(ld_buf_str(&ro), ld_buf_str(&o)) != 0;
		bad_new += strcmp(ld_buf_str(&rn), ld_buf_str(&n)) != 0;
		bad_bound += !on_word_boundaries(&td, 1) ||
		    !on_word_boundaries(&td, 0);
		if (!no_lone_space(&td) && bad_space++ < 3)
			diag("lone space: '%s' -> '%s'", ld_buf_str(&o),
			    ld_buf_str(&n));
		for (i = 0; i < td.n; i++)
			bad_cls += (td.edits[i].op == LDIFF_EDIT_EQUAL) !=
			    (td.edits[i].cls == 0);
		ld_buf_free(&o), ld_buf_free(&n);
		ld_buf_free(&ro), ld_buf_free(&rn);
	}
	is_int(rc_bad, 0, "2000 random pairs: ld_text_diff succeeds");
	is_int(bad_old, 0, "old text rebuilt exactly from the edits");
	is_int(bad_new, 0, "new text rebuilt exactly from the edits");
	is_int(bad_bound, 0, "edits start and end on word boundaries");
	is_int(bad_space, 0, "no one-space equality between two changes");
	is_int(bad_cls, 0, "every non-equal edit has a class, equal none");
}

static const ldiff_edit *
nth_change(const ld_textdiff *td, size_t k)
{
	size_t i;

	for (i = 0; i < td->n; i++)
		if (td->edits[i].op != LDIFF_EDIT_EQUAL && k-- == 0)
			return &td->edits[i];
	return NULL;
}

static size_t
changes(const ld_textdiff *td)
{
	size_t i, k = 0;

	for (i = 0; i < td->n; i++)
		k += td->edits[i].op != LDIFF_EDIT_EQUAL;
	return k;
}

static void
test_cleanup(void)
{
	ld_textdiff td;
	const ldiff_edit *e;

	ld_text_diff(A, "Regionen ska verka för tillväxt.",
	    "Kommunerna ska arbeta för tillväxt.", 0, &td);
	is_int(changes(&td), 1, "a short equality between changes is absorbed");
	e = nth_change(&td, 0);
	is_str(e ? e->old_text : "", "Regionen ska verka", "phrase old");
	is_str(e ? e->new_text : "", "Kommunerna ska arbeta", "phrase new");

	ld_text_diff(A, "Parterna ska samverka kring infrastruktur.",
	    "Parterna ska särskilt samverka kring infrastruktur.", 0, &td);
	e = nth_change(&td, 0);
	is_int(changes(&td), 1, "one insertion");
	ok(e && e->op == LDIFF_EDIT_INSERT, "insertion op");
	is_str(e ? e->new_text : "", "särskilt ", "word then its space");

	ld_text_diff(A, "för tillväxt.", "för tillväxt och sysselsättning.",
	    0, &td);
	e = nth_change(&td, 0);
	is_str(e ? e->new_text : "", " och sysselsättning",
	    "insertion before the full stop keeps its leading space");

	ld_text_diff(A, "ska ska genomföras", "ska genomföras", 0, &td);
	e = nth_change(&td, 0);
	is_str(e ? e->old_text : "", "ska ", "repeated word deleted whole");
	ok(td.edits[0].op == LDIFF_EDIT_DELETE,
	    "the deletion slides to the first copy");

	ld_text_diff(A, "anslaget för 2023–2026 och därtill 1 250 000 kronor",
	    "anslaget för 2027–2030 och därtill 1 300 000 kronor", 0, &td);
	is_int(changes(&td), 2, "period and amount stay two edits");

	ld_text_diff(A, "minst tre möten", "minst fyra sammanträden", 0,
	    &td);
	is_int(changes(&td), 1, "space between two changed words absorbed");
	e = nth_change(&td, 0);
	is_str(e ? e->old_text : "", "tre möten", "no lone space equality");

	ld_text_diff(A, "samma text", "samma text", 0, &td);
	is_int(td.n, 1, "identical texts: one equal edit");
	ok(td.similarity == 1.0 && td.cls == 0 && !td.substantive,
	    "identical: similarity 1, no class");
	ld_text_diff(A, "", "", 0, &td);
	is_int(td.n, 0, "two empty texts: no edits");
	ok(td.similarity == 1.0, "two empty texts are alike");
	ld_text_diff(A, "", "ny text", 0, &td);
	ok(td.n == 1 && td.edits[0].op == LDIFF_EDIT_INSERT,
	    "empty old: one insertion");
	ok(td.similarity == 0.0, "nothing shared: similarity 0");
	ld_text_diff(A, NULL, "x", 0, &td);
	ok(td.n == 1, "NULL text is empty");
}

/* About a megabyte of words, each changed; a long run of one token; a
 * megabyte against a shuffled copy.  Work counted in seqdiff steps. */
static void
test_pathological(void)
{
	ld_buf o, n;
	ld_textdiff td;
	size_t i, len;
	int rc;

	ld_buf_init(&o), ld_buf_init(&n);
	for (i = 0; o.len < 1000000; i++) {
		ld_buf_printf(&o, "ord%zu ", i);
		ld_buf_printf(&n, "term%zu ", i);
	}
	rc = ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 0, &td);
	ok(rc == 0, "1 MB, every word changed: runs");
	len = o.len;
	ok(td.work <= 64L * 2 * 2 * (long)i,
	    "every word changed: work linear in the tokens");
	diag("1 MB every word changed (%zu words, %zu bytes): work %ld, "
	    "capped %d, edits %zu", i, len, td.work, td.capped, td.n);

	ld_buf_reset(&o), ld_buf_reset(&n);
	for (i = 0; i < 10000; i++) {
		ld_buf_adds(&o, "och ");
		ld_buf_adds(&n, i % 100 == 50 ? "eller " : "och ");
	}
	rc = ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 0, &td);
	ok(rc == 0 && changes(&td) == 100,
	    "10 000 identical tokens, 100 changed: 100 edits");
	ok(td.work <= 64L * 4 * 10000, "10 000 identical: work bounded");
	diag("10 000 'och', 100 replaced: work %ld, capped %d", td.work,
	    td.capped);

	ld_buf_reset(&o), ld_buf_reset(&n);
	for (i = 0; o.len < 1000000; i++) {
		ld_buf_adds(&o, words[rnd(NWORDS)]);
		ld_buf_addc(&o, ' ');
		ld_buf_adds(&n, words[rnd(NWORDS)]);
		ld_buf_addc(&n, ' ');
	}
	rc = ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 0, &td);
	ok(rc == 0, "1 MB against an unrelated 1 MB: runs");
	ok(td.capped, "unrelated 1 MB: the cap cut the search");
	ok(td.work <= 64L * 4 * (long)i * 2 + 1000000,
	    "unrelated 1 MB: work within the linear budget");
	diag("1 MB vs unrelated 1 MB (%zu words each): work %ld, capped %d,"
	    " edits %zu", i, td.work, td.capped, td.n);
	ld_buf_free(&o), ld_buf_free(&n);
}

/* A caller's small cost cap cuts the search: the edits stay complete. */
static void
test_small_cap(void)
{
	ld_buf o, n, ro, rn;
	ld_textdiff td;
	size_t i;

	ld_buf_init(&o), ld_buf_init(&n), ld_buf_init(&ro), ld_buf_init(&rn);
	for (i = 0; i < 3000; i++) {
		ld_buf_adds(&o, words[rnd(6)]);
		ld_buf_addc(&o, ' ');
		ld_buf_adds(&n, words[rnd(6)]);
		ld_buf_addc(&n, ' ');
	}
	ok(ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 5, &td) == 0,
	    "max_cost 5 on two random 3000-word texts runs");
	ok(td.capped, "max_cost 5: the cap cut the search");
	rebuild(&td, &ro, &rn);
	ok(strcmp(ld_buf_str(&ro), ld_buf_str(&o)) == 0 &&
	    strcmp(ld_buf_str(&rn), ld_buf_str(&n)) == 0,
	    "max_cost 5: both texts rebuilt from the edits");
	diag("max_cost 5, 2 x 3000 words: work %ld, edits %zu", td.work,
	    td.n);
	ld_buf_free(&o), ld_buf_free(&n), ld_buf_free(&ro), ld_buf_free(&rn);
}

/* Every allocation failing in turn: ENOMEM or success, never a crash
 * or a leak (ASan and valgrind runs check the latter). */
static void
test_oom(void)
{
	const char *o = "Regionen bidrar med 1 250 000 kronor under 2023–2026 "
	    "till \"samverkan\" i länet.";
	const char *n = "Kommunerna bidrar med 1 300 000 kronor under "
	    "2027–2030 till âsamverkanâ i hela länet.";
	int k, bad = 0, enomem = 0, done = 0;

	for (k = 0; k < 200 && !done; k++) {
		ld_arena *a = ld_arena_new();
		ld_textdiff td;
		int rc;

		ld_alloc_fail_after(k);
		rc = a ? ld_text_diff(a, o, n, 0, &td) : LDIFF_ENOMEM;
		ld_alloc_fail_after(-1);
		if (rc == LDIFF_ENOMEM)
			enomem++;
		else if (rc == 0)
			done = 1;
		else
			bad++;
		ld_arena_free(a);
	}
	ok(enomem > 3, "failed allocations report ENOMEM");
	ok(done, "with enough allocations the diff succeeds");
	is_int(bad, 0, "no other error under allocation failure");
}

/* Pieces that make the tokenizer look ahead or back: numbers spread over
 * spaces, references, dates, times after "kl.", abbreviations with and
 * without periods, runs of spaces, no-break spaces. */
static const char *const tricky[] = {
	"1 250 000", "kronor", "3 a §", "2 kap.", "kap", "1 januari 2023",
	"2023–2026", "kl.", "9.00", "13:30", "t. ex.", "t ex", "bl.a.", "bl a",
	"fr.o.m.", "kr.", "Kommunerna", "regionen", "och", "EU:s", "e-tjänster",
	"hälso- och", "12.", "5 i avsnitt", "§", "(2010:630)", "     ",
	"\xc2\xa0", "L.B.", "avsnitt", "1.3.2024", ".", ",", "Regionen", "ÅR",
	"1 a", "p.", "St.", "2,5 %",
	"A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.A.B.C.D.E.F.",
	"7777777777777777777777777777777777777777777777777777777777777777"
	    "7777777777777777777777777777777777777777777777777777777777777777"
};

static void
random_tricky(ld_buf *b, size_t words)
{
	size_t i;

	for (i = 0; i < words; i++) {
		ld_buf_adds(b, tricky[rnd(sizeof tricky / sizeof tricky[0])]);
		ld_buf_adds(b, rnd(5) ? " " : rnd(2) ? "  " : ". ");
	}
}

static int
same_diff(const ld_textdiff *x, const ld_textdiff *y)
{
	return x->cls == y->cls && x->similarity == y->similarity &&
	    x->substantive == y->substantive &&
	    same_edit_lists(x->edits, x->n, y->edits, y->n);
}

/* head + old_mid + tail against head + new_mid + tail, a long tail. */
static void
borrowed_like_whole(const char *head, const char *old_mid,
    const char *new_mid, const char *name)
{
	ld_buf o, n;
	ld_textdiff x, y;
	int i, same;

	ld_buf_init(&o);
	ld_buf_init(&n);
	ld_buf_adds(&o, head);
	ld_buf_adds(&o, old_mid);
	ld_buf_adds(&n, head);
	ld_buf_adds(&n, new_mid);
	for (i = 0; i < 40; i++) {
		ld_buf_adds(&o, "ord och ");
		ld_buf_adds(&n, "ord och ");
	}
	ld_textdiff_borrow = 0;
	same = ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 0, &x) == 0;
	ld_textdiff_borrow = 1;
	same = same && ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 0,
	    &y) == 0 && same_diff(&x, &y);
	ok(same, name);
	ld_buf_free(&o);
	ld_buf_free(&n);
}

/* The new side's tokens borrowed from the old side's (shared head and
 * tail) give the diff that tokenizing it whole gives: random texts of
 * tricky pieces, with an edit somewhere. */
static void
test_borrowed_tokens(void)
{
	size_t i, bad = 0;

	for (i = 0; i < 3000; i++) {
		ld_buf head, mid_o, mid_n, tail, o, n;
		ld_textdiff x, y;

		ld_buf_init(&head);
		ld_buf_init(&mid_o);
		ld_buf_init(&mid_n);
		ld_buf_init(&tail);
		ld_buf_init(&o);
		ld_buf_init(&n);
		random_tricky(&head, rnd(80));
		random_tricky(&mid_o, rnd(3));
		random_tricky(&mid_n, rnd(3));
		random_tricky(&tail, rnd(80));
		ld_buf_adds(&o, ld_buf_str(&head));
		ld_buf_adds(&o, ld_buf_str(&mid_o));
		ld_buf_adds(&o, ld_buf_str(&tail));
		ld_buf_adds(&n, ld_buf_str(&head));
		ld_buf_adds(&n, ld_buf_str(&mid_n));
		ld_buf_adds(&n, ld_buf_str(&tail));
		ld_textdiff_borrow = 0;
		if (ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 0, &x) != 0)
			bad++;
		ld_textdiff_borrow = 1;
		if (ld_text_diff(A, ld_buf_str(&o), ld_buf_str(&n), 0, &y) != 0)
			bad++;
		else if (!same_diff(&x, &y)) {
			if (bad++ == 0)
				diag("differs: \"%s\" -> \"%s\"", ld_buf_str(&o),
				    ld_buf_str(&n));
		}
		ld_buf_free(&head);
		ld_buf_free(&mid_o);
		ld_buf_free(&mid_n);
		ld_buf_free(&tail);
		ld_buf_free(&o);
		ld_buf_free(&n);
	}
	is_int((long)bad, 0, "3000 random pairs: borrowed tokens, same diff");
	borrowed_like_whole("A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X."
	    "Y.Z.A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.A.B.C.D."
	    "E.F.G.H.I.J.K.L.", "x och mer text. ", " ",
	    "a chain of initials read to its end");
	borrowed_like_whole("777777777777777777777777777777777777777777777777"
	    "7777777777777777777777777777777777777777777777777777777777777777"
	    "777777777777777777", "a", " ", "a digit run read to its end");
	borrowed_like_whole("777777777777777777777777777777777777777777777777"
	    "7777777777777777777777777777777777777777777777777777777777777777"
	    "777777777777777777", "a", ".", "... and before a full stop");
}

int
main(void)
{
	A = ld_arena_new();
	test_complete_random();
	test_cleanup();
	test_pathological();
	test_small_cap();
	test_oom();
	test_borrowed_tokens();
	ld_arena_free(A);
	return done_testing();
}
