/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_align.c - clause alignment: each stage on small hand-built clause
 * sets (identical keys, renumbering, insertions and deletions in place,
 * moves, rewrites, splits, merges, headings, table rows by key), the
 * Swedish lexicon behind similarity, and bounded work on pathological
 * inputs (asserted on work counters, never on time). */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

/* A clause set from "kind|label|text" lines; the id is the label without
 * its period, or "¶N". */
static ldiff_clauses *
set(const char *const *spec, size_t n)
{
	ldiff_clauses *c;
	size_t i;
	int code;

	if (ld_clauses_new(&c, NULL) != 0)
		return NULL;
	for (i = 0; i < n; i++) {
		ldiff_clause *cl = ld_clauses_add(c, &code);
		const char *p = strchr(spec[i], '|'), *q = strchr(p + 1, '|');
		char kind[16];
		size_t kl = (size_t)(p - spec[i]);

		memcpy(kind, spec[i], kl);
		kind[kl] = '\0';
		cl->kind = (ldiff_clause_kind)ld_clause_kind_from_name(kind);
		cl->label = ld_arena_strndup(c->arena, p + 1,
		    (size_t)(q - p - 1));
		cl->id = q - p > 1 ? ld_arena_strndup(c->arena, p + 1,
		    (size_t)(q - p - 1 - (q[-1] == '.'))) :
		    ld_arena_printf(c->arena, "¶%zu", i + 1);
		cl->text = ld_arena_strdup(c->arena, q + 1);
		ld_clause_set_cells(c, cl);
	}
	return c;
}

#define SET(a) set(a, sizeof a / sizeof a[0])

struct run {
	ld_arena *ar;
	ld_link *l;
	size_t n;
	ld_align_stats st;
};

static int
align(struct run *r, const ldiff_clauses *a, const ldiff_clauses *b)
{
	ldiff_diff_opts o;
	ldiff_error err;

	ldiff_diff_opts_init(&o);
	memset(r, 0, sizeof *r);
	r->ar = ld_arena_new();
	return ld_align(r->ar, a, b, &o, &r->l, &r->n, &r->st, &err);
}

/* The links as "op:old>new" words, e.g. "equal:0>0 inserted:-1>1". */
static const char *
show(const struct run *r, const ldiff_clauses *a, const ldiff_clauses *b)
{
	static char s[2048];
	size_t i, k, len = 0;

	s[0] = '\0';
	for (i = 0; i < r->n && len < sizeof s - 100; i++) {
		const ld_link *l = &r->l[i];

		len += (size_t)snprintf(s + len, sizeof s - len, "%s%s:",
		    i ? " " : "", ldiff_op_name(l->op));
		for (k = 0; k < l->nold; k++)
			len += (size_t)snprintf(s + len, sizeof s - len, "%s%s",
			    k ? "+" : "", a->cl[l->old[k]].id);
		if (l->nold == 0)
			len += (size_t)snprintf(s + len, sizeof s - len, "-");
		len += (size_t)snprintf(s + len, sizeof s - len, ">");
		for (k = 0; k < l->nnew; k++)
			len += (size_t)snprintf(s + len, sizeof s - len, "%s%s",
			    k ? "+" : "", b->cl[l->new[k]].id);
		if (l->nnew == 0)
			len += (size_t)snprintf(s + len, sizeof s - len, "-");
	}
	return s;
}

static void
check(const char *const *sa, size_t na, const char *const *sb, size_t nb,
    const char *want, const char *name)
{
	ldiff_clauses *a = set(sa, na), *b = set(sb, nb);
	struct run r;

	is_int(align(&r, a, b), 0, name);
	is_str(show(&r, a, b), want, name);
	ld_arena_free(r.ar);
	ldiff_clauses_free(a);
	ldiff_clauses_free(b);
}

#define CHECK(a, b, want, name) \
	check(a, sizeof a / sizeof a[0], b, sizeof b / sizeof b[0], want, name)

static const char *const base[] = {
	"section|1.|Parter",
	"clause|1.1|Denna överenskommelse har ingåtts mellan regionen och "
	    "kommunerna i länet.",
	"clause|1.2|Regionen och kommunerna benämns nedan gemensamt "
	    "parterna.",
	"section|2.|Bakgrund",
	"clause|2.1|Sedan den 1 januari 2019 är regionen regionalt "
	    "utvecklingsansvarig i länet.",
	"clause|2.2|Länet har ca 270 000 invånare fördelade på femton "
	    "kommuner med olika förutsättningar.",
	"clause|2.3|Regionen och kommunerna har olika men kompletterande "
	    "uppdrag i det regionala utvecklingsarbetet.",
};

static void
test_identical_and_renumbered(void)
{
	static const char *const b[] = {
		"section|1.|Parter",
		"clause|1.1|Denna överenskommelse har ingåtts mellan regionen "
		    "och kommunerna i länet.",
		"clause|1.2|Regionen och kommunerna benämns nedan gemensamt "
		    "parterna.",
		"section|2.|Bakgrund",
		"clause|2.1|Sedan den 1 januari 2019 är regionen regionalt "
		    "utvecklingsansvarig i länet.",
		"clause|2.2|Under perioden 2019–2022 har parterna samverkat "
		    "enligt den tidigare överenskommelsen.",
		"clause|2.3|Länet har ca 270 000 invånare fördelade på femton "
		    "kommuner med olika förutsättningar.",
		"clause|2.4|Regionen och kommunerna har olika men "
		    "kompletterande uppdrag i det regionala "
		    "utvecklingsarbetet.",
	};

	CHECK(base, base, "equal:1>1 equal:1.1>1.1 equal:1.2>1.2 equal:2>2 "
	    "equal:2.1>2.1 equal:2.2>2.2 equal:2.3>2.3",
	    "the same version: every clause equal");
	CHECK(base, b, "equal:1>1 equal:1.1>1.1 equal:1.2>1.2 equal:2>2 "
	    "equal:2.1>2.1 inserted:->2.2 equal:2.2>2.3 equal:2.3>2.4",
	    "an insertion shifts numbers: the rest pairs by text");
	CHECK(b, base, "equal:1>1 equal:1.1>1.1 equal:1.2>1.2 equal:2>2 "
	    "equal:2.1>2.1 deleted:2.2>- equal:2.3>2.2 equal:2.4>2.3",
	    "a deletion stands where it stood in the old version");
}

static void
test_changed_and_rewritten(void)
{
	static const char *const b[] = {
		"section|1.|Parter",
		"clause|1.1|Denna överenskommelse har ingåtts mellan Region "
		    "Västerbotten och kommunerna i länet.",
		"clause|1.2|Regionen och kommunerna benämns nedan gemensamt "
		    "parterna.",
		"section|2.|Bakgrund och syfte",
		"clause|2.1|Sedan den 1 januari 2019 är regionen regionalt "
		    "utvecklingsansvarig i länet.",
		"clause|2.2|Länets befolkning på drygt 270 000 invånare "
		    "minskar i inlandet och blir äldre.",
		"clause|2.3|Regionen och kommunerna har olika men "
		    "kompletterande uppdrag i det regionala "
		    "utvecklingsarbetet.",
	};

	static const char *const c[] = {
		"section|1.|Parter",
		"clause|1.1|Denna överenskommelse har ingåtts mellan regionen "
		    "och kommunerna i länet.",
		"clause|1.2|Regionen och kommunerna benämns nedan gemensamt "
		    "parterna.",
		"section|2.|Bakgrund",
		"clause|2.1|Sedan den 1 januari 2019 är regionen regionalt "
		    "utvecklingsansvarig i länet.",
		"clause|2.2|Tvister löses i första hand genom förhandling.",
		"clause|2.3|Regionen och kommunerna har olika men "
		    "kompletterande uppdrag i det regionala "
		    "utvecklingsarbetet.",
	};

	CHECK(base, b, "equal:1>1 changed:1.1>1.1 equal:1.2>1.2 changed:2>2 "
	    "equal:2.1>2.1 changed:2.2>2.2 equal:2.3>2.3",
	    "reworded clause, renamed heading and a rewrite in place pair");
	CHECK(base, c, "equal:1>1 equal:1.1>1.1 equal:1.2>1.2 equal:2>2 "
	    "equal:2.1>2.1 deleted:2.2>- inserted:->2.2 equal:2.3>2.3",
	    "an unrelated clause in the same place: deleted and inserted");
}

static void
test_moves(void)
{
	static const char *const b[] = {
		"section|1.|Parter",
		"clause|1.1|Denna överenskommelse har ingåtts mellan regionen "
		    "och kommunerna i länet.",
		"clause|1.2|Regionen och kommunerna har olika men "
		    "kompletterande uppdrag i det regionala "
		    "utvecklingsarbetet.",
		"clause|1.3|Regionen och kommunerna benämns nedan gemensamt "
		    "parterna.",
		"section|2.|Bakgrund",
		"clause|2.1|Sedan den 1 januari 2019 är regionen regionalt "
		    "utvecklingsansvarig i länet.",
		"clause|2.2|Länet har ca 275 000 invånare fördelade på femton "
		    "kommuner med mycket olika förutsättningar.",
	};

	CHECK(base, b, "equal:1>1 equal:1.1>1.1 moved:2.3>1.2 equal:1.2>1.3 "
	    "equal:2>2 equal:2.1>2.1 changed:2.2>2.2",
	    "a clause moved to another section is a move");
}

static void
test_split_merge(void)
{
	static const char *const a[] = {
		"section|7.|Finansiering",
		"clause|7.1|Parterna finansierar samverkan gemensamt enligt "
		    "tabellen nedan.",
		"clause|7.2|Kommunernas bidrag har beräknats utifrån antalet "
		    "invånare den 31 december 2021 enligt Statistiska "
		    "centralbyråns befolkningsstatistik. Bidragen räknas "
		    "upp årligen med 2,5 procent från och med år 2024.",
		"clause|7.3|Regionen fakturerar kommunerna sitt bidrag i "
		    "januari varje år.",
	};
	static const char *const b[] = {
		"section|7.|Finansiering",
		"clause|7.1|Parterna finansierar samverkan gemensamt enligt "
		    "tabellen nedan.",
		"clause|7.2|Kommunernas bidrag har beräknats utifrån antalet "
		    "invånare den 31 december 2021 enligt Statistiska "
		    "centralbyråns befolkningsstatistik.",
		"clause|7.3|Bidragen räknas upp årligen med 2,5 procent från "
		    "och med år 2024.",
		"clause|7.4|Regionen fakturerar kommunerna sitt bidrag i "
		    "januari varje år.",
	};

	CHECK(a, b, "equal:7>7 equal:7.1>7.1 split:7.2>7.2+7.3 "
	    "equal:7.3>7.4", "one clause in two is a split");
	CHECK(b, a, "equal:7>7 equal:7.1>7.1 merged:7.2+7.3>7.2 "
	    "equal:7.4>7.3", "two clauses in one is a merge");
}

static void
test_rows(void)
{
	static const char *const a[] = {
		"section|7.|Finansiering",
		"row||Part\tBidrag (kr)",
		"row||Region Västerbotten\t6 640 000",
		"row||Lycksele kommun\t290 000",
		"row||Umeå kommun\t3 100 000",
		"row||Summa\t10 030 000",
	};
	static const char *const b[] = {
		"section|7.|Finansiering",
		"row||Part\tBidrag (kr)",
		"row||Lycksele kommun\t290 000",
		"row||Malå kommun\t60 000",
		"row||Umeå kommun\t3 275 000",
		"row||Region Västerbotten\t6 640 000",
		"row||Summa\t10 265 000",
	};

	CHECK(a, b, "equal:7>7 equal:¶2>¶2 equal:¶4>¶3 inserted:->¶4 "
	    "changed:¶5>¶5 moved:¶3>¶6 changed:¶6>¶7",
	    "rows pair by their key cell, not their position");
}

/* Two tables list the same municipalities; the first is dropped: the
 * second table's rows still pair with their own, not the dropped ones. */
static void
test_rows_per_table(void)
{
	static const char *const a[] = {
		"section|1.|Bidrag 2023",
		"row||Lycksele kommun\t290 000",
		"row||Umeå kommun\t3 100 000",
		"section|2.|Bidrag 2024",
		"row||Lycksele kommun\t300 000",
		"row||Umeå kommun\t3 275 000",
	};
	static const char *const b[] = {
		"section|1.|Bidrag 2024",
		"row||Lycksele kommun\t300 000",
		"row||Umeå kommun\t3 275 000",
	};
	ldiff_clauses *x = SET(a), *y = SET(b);
	struct run r;
	size_t i;

	/* rows carry their section's heading, as klsplit gives them */
	for (i = 1; i < 3; i++)
		x->cl[i].section = "Bidrag 2023";
	for (i = 4; i < 6; i++)
		x->cl[i].section = "Bidrag 2024";
	for (i = 1; i < 3; i++)
		y->cl[i].section = "Bidrag 2024";
	is_int(align(&r, x, y), 0, "rows of two tables");
	is_str(show(&r, x, y), "deleted:1>- deleted:¶2>- deleted:¶3>- "
	    "equal:2>1 equal:¶5>¶2 equal:¶6>¶3",
	    "rows pair within their table's section first");
	ld_arena_free(r.ar);
	ldiff_clauses_free(x);
	ldiff_clauses_free(y);
}

static void
test_no_moves(void)
{
	static const char *const a[] = {
		"clause|1.|Parterna ska samverka om kompetensförsörjning i "
		    "hela länet.",
		"clause|2.|Regionen ansvarar för uppföljningen.",
		"clause|3.|Kommunerna ansvarar för skolan.",
		"clause|4.|Tvister löses genom förhandling mellan parterna.",
	};
	static const char *const b[] = {
		"clause|1.|Regionen ansvarar för uppföljningen.",
		"clause|2.|Kommunerna ansvarar för skolan.",
		"clause|3.|Tvister löses genom förhandling mellan parterna.",
		"clause|4.|Parterna ska samverka om kompetensförsörjning i "
		    "hela länet.",
	};
	ldiff_clauses *x = SET(a), *y = SET(b);
	ldiff_diff_opts o;
	ldiff_error err;
	struct run r;

	is_int(align(&r, x, y), 0, "a clause moved to the end");
	is_str(show(&r, x, y), "equal:2>1 equal:3>2 equal:4>3 moved:1>4",
	    "... is a move (the three that kept their order stay)");
	ld_arena_free(r.ar);
	ldiff_diff_opts_init(&o);
	o.detect_moves = 0;
	memset(&r, 0, sizeof r);
	r.ar = ld_arena_new();
	is_int(ld_align(r.ar, x, y, &o, &r.l, &r.n, &r.st, &err), 0,
	    "without move detection");
	is_str(show(&r, x, y), "deleted:1>- equal:2>1 equal:3>2 equal:4>3 "
	    "inserted:->4", "... a deletion and an insertion");
	ld_arena_free(r.ar);
	ldiff_clauses_free(x);
	ldiff_clauses_free(y);
}

static void
test_repeated(void)
{
	static const char *const a[] = {
		"clause|1.|Se bilaga.",
		"clause|2.|Parterna ska samverka om kompetensförsörjning.",
		"clause|3.|Se bilaga.",
		"clause|4.|Parterna ska samverka om infrastruktur.",
		"clause|5.|Se bilaga.",
	};
	static const char *const b[] = {
		"clause|1.|Se bilaga.",
		"clause|2.|Parterna ska samverka om kompetensförsörjning.",
		"clause|3.|Se bilaga.",
		"clause|4.|Parterna ska samverka om kultur.",
		"clause|5.|Parterna ska samverka om infrastruktur.",
		"clause|6.|Se bilaga.",
	};

	CHECK(a, b, "equal:1>1 equal:2>2 equal:3>3 inserted:->4 equal:4>5 "
	    "equal:5>6", "repeated identical clauses pair in order");
}

static void
test_lexicon(void)
{
	ld_lexicon *lx;
	uint32_t *w[4];
	size_t n[4], i;
	const char *t[] = { "avtalet kommunerna 2023", "avtal kommunernas 2027",
		"Avtalets KOMMUNER och", "beslutet" };

	ok(ld_lexicon_new(&lx) == 0, "lexicon");
	for (i = 0; i < 4; i++)
		ld_lexicon_words(lx, t[i], &w[i], &n[i]);
	is_int(n[0], 3, "three words");
	is_int(ld_lexicon_term(lx, w[0][0]), ld_lexicon_term(lx, w[1][0]),
	    "avtalet and avtal: one term (avtal is in the vocabulary)");
	is_int(ld_lexicon_term(lx, w[2][0]), ld_lexicon_term(lx, w[1][0]),
	    "Avtalets: case folded, genitive definite -> avtal");
	is_int(ld_lexicon_term(lx, w[0][1]), ld_lexicon_term(lx, w[1][1]),
	    "kommunerna and kommunernas: one term");
	is_int(ld_lexicon_term(lx, w[2][1]), ld_lexicon_term(lx, w[0][1]),
	    "KOMMUNER: case folded before stemming");
	is_int(ld_lexicon_term(lx, w[0][2]), ld_lexicon_term(lx, w[1][2]),
	    "years are one term: a period shift keeps clauses alike");
	is_str(ld_lexicon_term_text(lx, ld_lexicon_term(lx, w[3][0])),
	    "beslutet", "no base form in the vocabulary: Snowball alone");
	ok(ld_lexicon_weight(lx, ld_lexicon_term(lx, w[2][2])) < 0.5,
	    "stop word 'och' weighs less");
	ok(ld_lexicon_weight(lx, ld_lexicon_term(lx, w[2][2])) > 0,
	    "... but not nothing");
	for (i = 0; i < 4; i++)
		ld_free(w[i]);
	ld_lexicon_free(lx);
}

/* Words gathered apart and merged get the ids the lexicon would have
 * given reading the texts itself, in the same order; the ids listed while
 * gathering translate through the merge's map to those ids. */
static void
test_wordset_merge(void)
{
	const char *t[] = { "Avtalet gäller för KOMMUNERNA 2023–2026.",
		"Kommunerna och regionen, Ångermanälven; ÉTUDE över ÅR",
		"avtal avtalets kommunernas ﬁnansiering ΑΒΓ 2027" };
	ld_lexicon *direct, *merged;
	ld_wordset *ws[2];
	ld_ids g[2] = { { NULL, 0, 0 }, { NULL, 0, 0 } };
	uint32_t *a, *b, map[2][64];
	size_t na, nb, i, k;
	int same, mapped = 1;

	ok(ld_lexicon_new(&direct) == 0 && ld_lexicon_new(&merged) == 0 &&
	    ld_wordset_new(&ws[0]) == 0 && ld_wordset_new(&ws[1]) == 0,
	    "lexicons and word sets");
	ld_lexicon_words(direct, t[2], NULL, NULL);
	ld_lexicon_words(direct, t[0], NULL, NULL);
	ld_lexicon_words(direct, t[1], NULL, NULL);
	ld_lexicon_words(merged, t[2], NULL, NULL);	/* read before */
	ok(ld_wordset_add(ws[0], t[0], &g[0]) == 0 &&
	    ld_wordset_add(ws[1], t[1], &g[1]) == 0, "words gathered apart");
	ok(ld_wordset_count(ws[0]) < 64 && ld_wordset_count(ws[1]) < 64 &&
	    ld_lexicon_merge(merged, ws[0], map[0]) == 0 &&
	    ld_lexicon_merge(merged, ws[1], map[1]) == 0, "and merged");
	ld_lexicon_words(direct, "kommunerna ÅR avtalet ny", &a, &na);
	ld_lexicon_words(merged, "kommunerna ÅR avtalet ny", &b, &nb);
	same = na == nb && na == 4;
	for (i = 0; same && i < na; i++)
		same = a[i] == b[i] &&
		    ld_lexicon_term(direct, a[i]) == ld_lexicon_term(merged, b[i]);
	ok(same, "the same word ids and terms");
	ld_free(a);
	ld_free(b);
	for (k = 0; k < 2; k++) {
		ld_lexicon_words(direct, t[k], &a, &na);
		mapped = mapped && na == g[k].n;
		for (i = 0; mapped && i < na; i++)
			mapped = map[k][g[k].v[i]] == a[i];
		ld_free(a);
		ld_free(g[k].v);
	}
	ok(mapped, "gathered ids map to the lexicon's");
	ld_wordset_free(ws[0]);
	ld_wordset_free(ws[1]);
	ld_lexicon_free(direct);
	ld_lexicon_free(merged);
}

/* A bag's terms come out ascending and summed whatever the word order,
 * for short clauses and for long ones (the radix sort). */
static void
test_bag_order(void)
{
	ld_lexicon *lx;
	ld_arena *ar = ld_arena_new();
	ld_buf text;
	uint32_t *w, *rev;
	size_t n, i, k;
	int good = 1;

	ld_buf_init(&text);
	for (i = 0; i < 300; i++)
		ld_buf_printf(&text, "ord%zu kommunerna ", i * 7919 % 1000);
	ok(ld_lexicon_new(&lx) == 0 && ar != NULL, "lexicon");
	ld_lexicon_words(lx, ld_buf_str(&text), &w, &n);
	rev = ld_reallocarray(NULL, n, sizeof *rev);
	for (i = 0; rev != NULL && i < n; i++)
		rev[i] = w[n - 1 - i];
	for (k = 3; rev != NULL && k <= n; k = k < n && k * 4 > n ? n : k * 4) {
		ld_bag a, b;

		if (ld_bag_of(ar, lx, w, k, &a) != 0 ||
		    ld_bag_of(ar, lx, rev + n - k, k, &b) != 0 ||
		    a.n != b.n || a.total != b.total) {
			good = 0;
			break;
		}
		for (i = 0; i < a.n; i++)
			if (a.term[i] != b.term[i] || a.w[i] != b.w[i] ||
			    (i > 0 && a.term[i - 1] >= a.term[i]))
				good = 0;
	}
	ok(good, "bags of 3 to 600 words: ascending, the same either way");
	ld_free(w);
	ld_free(rev);
	ld_buf_free(&text);
	ld_lexicon_free(lx);
	ld_arena_free(ar);
}

/* n clauses: identical text, or each its own words. */
static ldiff_clauses *
generated(size_t n, int identical, unsigned seed)
{
	ldiff_clauses *c;
	size_t i;
	int code;

	if (ld_clauses_new(&c, NULL) != 0)
		return NULL;
	for (i = 0; i < n; i++) {
		ldiff_clause *cl = ld_clauses_add(c, &code);

		cl->id = ld_arena_printf(c->arena, "%zu", i + 1);
		cl->label = cl->id;
		cl->text = identical ? "Parterna ska samverka." :
		    ld_arena_printf(c->arena, "Ord%u ord%u ord%u ska gälla "
		    "enligt punkt %zu.", seed * 7919u + (unsigned)i * 31u,
		    seed + (unsigned)i * 17u, (unsigned)i, i);
	}
	return c;
}

static void
test_bounded(void)
{
	ldiff_clauses *a, *b;
	struct run r;
	size_t n = 10000;

	a = generated(n, 1, 0);
	b = generated(n + 1, 1, 0);
	is_int(align(&r, a, b), 0, "10 000 identical clauses align");
	is_int(r.n, n + 1, "... one unit each, one insertion");
	ok(r.st.sim_calls == 0 && r.st.dp_cells == 0,
	    "... no similarity computed: the ends pair by key");
	ld_arena_free(r.ar);
	ldiff_clauses_free(a);
	ldiff_clauses_free(b);

	n = 4000;
	a = generated(n, 0, 1);
	b = generated(n, 0, 2);
	is_int(align(&r, a, b), 0, "4 000 clauses, every one changed");
	diag("sim_calls %zu dp_cells %zu candidates %zu", r.st.sim_calls,
	    r.st.dp_cells, r.st.candidates);
	ok(r.st.dp_cells == 0, "... too large for the table: no cells");
	ok(r.st.sim_calls <= 40 * n, "... similarities bounded (<= 40 n)");
	ok(r.st.candidates <= 4 * 512 * n,
	    "... postings read bounded (4 passes, <= 512 per clause)");
	ld_arena_free(r.ar);
	ldiff_clauses_free(a);
	ldiff_clauses_free(b);
}

/* n long clauses of 2000 words; with edit, one word in ten replaced. */
static ldiff_clauses *
long_clauses(size_t n, int edit)
{
	ldiff_clauses *c;
	size_t i, k;
	int code;

	if (ld_clauses_new(&c, NULL) != 0)
		return NULL;
	for (i = 0; i < n; i++) {
		ldiff_clause *cl = ld_clauses_add(c, &code);
		ld_buf b;

		ld_buf_init(&b);
		for (k = 0; k < 2000; k++)
			ld_buf_printf(&b, "%s%u ", edit && k % 10 == 0 ?
			    "ny" : "ord", (unsigned)((i * 2000 + k) *
			    2654435761u % 1000003u));
		cl->text = ld_arena_strdup(c->arena, ld_buf_str(&b));
		ld_buf_free(&b);
	}
	return c;
}

static void
test_long_gap(void)
{
	ldiff_clauses *a = long_clauses(150, 0), *b = long_clauses(150, 1);
	struct run r;
	size_t i, changed = 0;

	is_int(align(&r, a, b), 0, "150 x 150 changed clauses of 2000 words");
	for (i = 0; i < r.n; i++)
		changed += r.l[i].op == LDIFF_OP_CHANGED &&
		    r.l[i].old[0] == r.l[i].new[0];
	diag("sim_calls %zu dp_cells %zu candidates %zu", r.st.sim_calls,
	    r.st.dp_cells, r.st.candidates);
	ok(r.st.dp_cells == 0, "... the table would merge 9e7 terms: the "
	    "index instead");
	ok(r.st.sim_calls <= 40 * 150, "... similarities bounded (<= 40 n)");
	is_int(changed, 150, "... and every clause still pairs with itself");
	ld_arena_free(r.ar);
	ldiff_clauses_free(a);
	ldiff_clauses_free(b);
}

static void
test_enormous(void)
{
	ldiff_clauses *a, *b;
	struct run r;
	size_t n = 1 << 20, i;
	char *big = ld_malloc(n + 1);
	int code;

	for (i = 0; i < n; i++)
		big[i] = i % 7 == 6 ? ' ' : (char)('a' + i % 5);
	big[n] = '\0';
	ld_clauses_new(&a, NULL);
	ld_clauses_new(&b, NULL);
	ld_clauses_add(a, &code)->text = big;
	ld_clauses_add(b, &code)->text = "En kort klausul.";
	is_int(align(&r, a, b), 0, "a 1 MiB clause aligns");
	ok(r.n == 2 && r.st.sim_calls <= 4, "... with a handful of "
	    "similarities");
	ld_arena_free(r.ar);
	ldiff_clauses_free(a);
	ldiff_clauses_free(b);
	ld_free(big);
}

int
main(void)
{
	test_identical_and_renumbered();
	test_changed_and_rewritten();
	test_moves();
	test_split_merge();
	test_rows();
	test_rows_per_table();
	test_no_moves();
	test_repeated();
	test_lexicon();
	test_wordset_merge();
	test_bag_order();
	test_bounded();
	test_long_gap();
	test_enormous();
	return done_testing();
}
