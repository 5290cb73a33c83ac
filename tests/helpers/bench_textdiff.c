/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench_textdiff.c - inputs and a driver for tests/bench/textdiff.sh.
 *
 *   bench_textdiff gen WORDS EDITS SEED OLD NEW
 *       write a clause of WORDS agreement-like words and a copy with
 *       EDITS planted changes (words replaced, inserted, deleted,
 *       amounts, years, typography), deterministic for SEED
 *   bench_textdiff diff OLD NEW REPS
 *       run ld_text_diff REPS times on the two files; print the edits,
 *       the classes and the seqdiff work of one run
 *   bench_textdiff patho KIND REPS
 *       the same on a built-in pathological pair of about 1 MB each:
 *       allchanged (every word differs), identical (10 000 equal words,
 *       100 changed), unrelated (two random texts over a small
 *       vocabulary), longline (one 1 MB word against another)
 *
 * The timing is done outside, by hyperfine or /usr/bin/time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static unsigned long rng;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

static const char *vocab[] = { "Region", "Västerbotten", "och", "länets",
	"kommuner", "ska", "samverka", "för", "att", "stärka", "den",
	"regionala", "utvecklingen", "i", "hela", "länet", "parterna",
	"gemensamt", "verka", "genom", "dialog", "om", "prioriteringar",
	"inom", "kompetensförsörjning", "infrastruktur", "näringsliv",
	"kultur", "folkhälsa", "samt", "följa", "upp", "arbetet", "årligen",
	"enligt", "överenskommelsen", "bl.a.", "t.ex.", "strategin", "med",
	"stöd", "av", "beslut", "fattade", "gällande", "EU-stöd", "," };
#define NV (sizeof vocab / sizeof vocab[0])

static const char *swaps[] = { "utveckla", "främja", "regionens",
	"kommunernas", "särskilt", "tillsammans", "hållbar", "omställning",
	"landsbygd", "digitalisering" };

struct w {
	char s[64];
};

static void
gen_words(struct w *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i % 97 == 40)
			snprintf(w[i].s, sizeof w[i].s, "%u 250 000 kronor",
			    1 + rnd(9));
		else if (i % 131 == 70)
			snprintf(w[i].s, sizeof w[i].s, "2023\xe2\x80\x93" "2026");
		else
			snprintf(w[i].s, sizeof w[i].s, "%s", vocab[rnd(NV)]);
	}
}

/* One planted change at a random place of the new copy. */
static size_t
plant(struct w *w, size_t n, size_t cap)
{
	size_t i = rnd((unsigned)n);

	switch (rnd(6)) {
	case 0:		/* replace a word */
	case 1:
		snprintf(w[i].s, sizeof w[i].s, "%s", swaps[rnd(10)]);
		return n;
	case 2:		/* insert a word */
		if (n + 1 >= cap)
			return n;
		memmove(&w[i + 1], &w[i], (n - i) * sizeof *w);
		snprintf(w[i].s, sizeof w[i].s, "%s", swaps[rnd(10)]);
		return n + 1;
	case 3:		/* delete a word */
		memmove(&w[i], &w[i + 1], (n - i - 1) * sizeof *w);
		return n - 1;
	case 4:		/* an amount or the period */
		snprintf(w[i].s, sizeof w[i].s, rnd(2) ? "%u 300 000 kronor" :
		    "2027\xe2\x80\x93" "2030", 1 + rnd(9));
		return n;
	default:	/* typography: straight quotes around a word */
		if (strlen(w[i].s) < 60) {
			size_t k = strlen(w[i].s);

			/* Quote in place: k + 2 quotes + NUL fit in 64. */
			memmove(w[i].s + 1, w[i].s, k);
			w[i].s[0] = '"';
			w[i].s[k + 1] = '"';
			w[i].s[k + 2] = '\0';
		}
		return n;
	}
}

static int
write_words(const char *path, const struct w *w, size_t n)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (f == NULL)
		return -1;
	for (i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? " " : "", w[i].s);
	fputs(".", f);
	return fclose(f);
}

static int
gen(size_t words, size_t edits, unsigned long seed, const char *po,
    const char *pn)
{
	size_t cap = words + edits + 1, n = words, i;
	struct w *a = calloc(cap, sizeof *a), *b = calloc(cap, sizeof *b);

	rng = seed;
	gen_words(a, words);
	memcpy(b, a, words * sizeof *a);
	for (i = 0; i < edits; i++)
		n = plant(b, n, cap);
	if (write_words(po, a, words) != 0 || write_words(pn, b, n) != 0) {
		perror("bench_textdiff");
		return 2;
	}
	free(a);
	free(b);
	return 0;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	ld_buf b;
	char tmp[65536];
	size_t k;

	if (f == NULL)
		return NULL;
	ld_buf_init(&b);
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		ld_buf_add(&b, tmp, k);
	fclose(f);
	ld_buf_add(&b, "", 0);
	return b.data;
}

static int
run(const char *o, const char *n, long reps)
{
	ld_textdiff td;
	long r;
	size_t i, changes = 0;

	memset(&td, 0, sizeof td);
	for (r = 0; r < reps; r++) {
		ld_arena *a = ld_arena_new();

		if (ld_text_diff(a, o, n, 0, &td) != 0) {
			fprintf(stderr, "bench_textdiff: ld_text_diff failed\n");
			return 2;
		}
		changes = 0;
		for (i = 0; i < td.n; i++)
			changes += td.edits[i].op != LDIFF_EDIT_EQUAL;
		ld_arena_free(a);
	}
	printf("bytes %zu/%zu edits %zu changes %zu classes %#x "
	    "similarity %.3f work %ld capped %d\n", strlen(o), strlen(n),
	    td.n, changes, td.cls, td.similarity, td.work, td.capped);
	return 0;
}

static void
patho(const char *kind, ld_buf *o, ld_buf *n)
{
	size_t i;

	rng = 7;
	if (strcmp(kind, "allchanged") == 0) {
		for (i = 0; o->len < 1000000; i++) {
			ld_buf_printf(o, "ord%zu ", i);
			ld_buf_printf(n, "term%zu ", i);
		}
	} else if (strcmp(kind, "identical") == 0) {
		for (i = 0; i < 10000; i++) {
			ld_buf_adds(o, "och ");
			ld_buf_adds(n, i % 100 == 50 ? "eller " : "och ");
		}
	} else if (strcmp(kind, "unrelated") == 0) {
		while (o->len < 1000000) {
			ld_buf_adds(o, vocab[rnd(8)]);
			ld_buf_addc(o, ' ');
			ld_buf_adds(n, vocab[rnd(8)]);
			ld_buf_addc(n, ' ');
		}
	} else {
		for (i = 0; i < 1000000; i++) {
			ld_buf_addc(o, 'a');
			ld_buf_addc(n, i == 500000 ? 'b' : 'a');
		}
	}
}

int
main(int argc, char **argv)
{
	if (argc == 7 && strcmp(argv[1], "gen") == 0)
		return gen(strtoul(argv[2], NULL, 10),
		    strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10),
		    argv[5], argv[6]);
	if (argc == 5 && strcmp(argv[1], "diff") == 0) {
		char *o = slurp(argv[2]), *n = slurp(argv[3]);
		int rc;

		if (o == NULL || n == NULL) {
			perror("bench_textdiff");
			return 2;
		}
		rc = run(o, n, atol(argv[4]));
		ld_free(o);
		ld_free(n);
		return rc;
	}
	if (argc == 4 && strcmp(argv[1], "patho") == 0) {
		ld_buf o, n;
		int rc;

		ld_buf_init(&o);
		ld_buf_init(&n);
		patho(argv[2], &o, &n);
		rc = run(ld_buf_str(&o), ld_buf_str(&n), atol(argv[3]));
		ld_buf_free(&o);
		ld_buf_free(&n);
		return rc;
	}
	fprintf(stderr, "usage: bench_textdiff gen WORDS EDITS SEED OLD NEW\n"
	    "       bench_textdiff diff OLD NEW REPS\n"
	    "       bench_textdiff patho allchanged|identical|unrelated|"
	    "longline REPS\n");
	return 2;
}
