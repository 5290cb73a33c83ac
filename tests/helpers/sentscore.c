/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sentscore.c - score sentence splitters against a gold set.
 *
 * A gold set (tests/sentences/README) holds paragraphs as blocks separated
 * by blank lines, one sentence per line; lines starting with "# " are
 * comments.  A paragraph is its sentences joined with one space, and a
 * gold boundary is the offset where one of its sentences ends, the last
 * excluded (a paragraph end is given, not found).  Boundaries are scored
 * exactly: precision, recall and F1 over all paragraphs.
 *
 *   sentscore talbanken FILE.conllu   gold set from UD # newpar / # text
 *   sentscore paras GOLD              the paragraphs, one per line
 *   sentscore score [-m libdiff|naive] [-p PRED] [-v] GOLD
 *   sentscore tokens|sentences FILE   tokenize or split every line (timing)
 *
 * "naive" is the baseline rule: split after . ! or ? when a space and a
 * capital follow.  -p scores a prediction in gold format (ICU's output).
 * -v lists the misses (FN) and false alarms (FP) on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

struct para {
	char *text;	/* the sentences joined with one space */
	size_t *ends;	/* boundaries (all sentence ends) */
	size_t n;
};

struct set {
	struct para *p;
	size_t n, cap;
};

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL) {
		fprintf(stderr, "sentscore: out of memory\n");
		exit(2);
	}
	return p;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *d = NULL;
	size_t n = 0, cap = 0, r;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	do {
		if (cap - n < 65536)
			d = xrealloc(d, cap = cap * 2 + 65536);
		r = fread(d + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	fclose(f);
	d[n] = '\0';
	*len = n;
	return d;
}

static size_t
trim_end(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	return n;
}

/* ---- reading a gold set ------------------------------------------------ */

static void
para_add_sentence(struct para *p, const char *s, size_t n)
{
	size_t have = p->text ? strlen(p->text) : 0;

	p->text = xrealloc(p->text, have + n + 2);
	if (have > 0)
		p->text[have++] = ' ';
	memcpy(p->text + have, s, n);
	p->text[have + n] = '\0';
	p->ends = xrealloc(p->ends, (p->n + 1) * sizeof *p->ends);
	p->ends[p->n++] = have + n;
}

static struct para *
set_new_para(struct set *st)
{
	if (st->n == st->cap) {
		st->cap = st->cap * 2 + 64;
		st->p = xrealloc(st->p, st->cap * sizeof *st->p);
	}
	memset(&st->p[st->n], 0, sizeof st->p[0]);
	return &st->p[st->n++];
}

static void
set_free(struct set *st)
{
	size_t k;

	for (k = 0; k < st->n; k++) {
		free(st->p[k].text);
		free(st->p[k].ends);
	}
	free(st->p);
}

static void
read_gold(const char *path, struct set *st)
{
	size_t len, pos = 0, ll;
	char *d = slurp(path, &len);
	const char *line;
	struct para *cur = NULL;

	while (ld_next_line(d, len, &pos, &line, &ll)) {
		ll = trim_end(line, ll);
		if (ll >= 2 && line[0] == '#' && line[1] == ' ')
			continue;
		if (ll == 0) {
			cur = NULL;
			continue;
		}
		if (cur == NULL)
			cur = set_new_para(st);
		para_add_sentence(cur, line, ll);
	}
	free(d);
}

/* ---- predictions -------------------------------------------------------- */

struct ends {
	size_t *v;
	size_t n;
};

static void
ends_push(struct ends *e, size_t x)
{
	e->v = xrealloc(e->v, (e->n + 1) * sizeof *e->v);
	e->v[e->n++] = x;
}

static void
predict_libdiff(const char *t, struct ends *e)
{
	ldiff_span *sp;
	size_t n, i;

	if (ldiff_sentences(t, strlen(t), &sp, &n) != 0) {
		fprintf(stderr, "sentscore: ldiff_sentences failed\n");
		exit(2);
	}
	for (i = 0; i < n; i++)
		ends_push(e, sp[i].off + sp[i].len);
	free(sp);
}

static int
is_capital_at(const char *t, size_t n, size_t i)
{
	int32_t cp;

	if (i >= n)
		return 0;
	ld_utf8_decode(t + i, n - i, &cp);
	return cp >= 0 && (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_LT);
}

/* The baseline: after . ! ? when a space and a capital follow. */
static void
predict_naive(const char *t, struct ends *e)
{
	size_t n = strlen(t), i;

	for (i = 0; i + 2 < n; i++)
		if ((t[i] == '.' || t[i] == '!' || t[i] == '?') &&
		    t[i + 1] == ' ' && is_capital_at(t, n, i + 2))
			ends_push(e, i + 1);
	ends_push(e, n);
}

/* A prediction in gold format: find each of its sentences in turn. */
static void
predict_file(const struct set *pred, size_t k, const char *t,
    struct ends *e)
{
	const struct para *p;
	size_t pos = 0, j;

	if (k >= pred->n) {
		fprintf(stderr, "sentscore: prediction has fewer paragraphs\n");
		exit(2);
	}
	p = &pred->p[k];
	for (j = 0; j < p->n; j++) {
		size_t s0 = j ? p->ends[j - 1] + 1 : 0, l = p->ends[j] - s0;

		while (t[pos] == ' ')
			pos++;
		if (strncmp(t + pos, p->text + s0, l) != 0) {
			fprintf(stderr, "sentscore: paragraph %zu: prediction "
			    "does not match the text\n", k + 1);
			exit(2);
		}
		pos += l;
		ends_push(e, pos);
	}
}

/* ---- scoring ---------------------------------------------------------- */

struct score {
	size_t tp, fp, fn;
};

static void
show(const char *what, const char *t, size_t at)
{
	size_t a = at > 40 ? at - 40 : 0, len = strlen(t);
	size_t b = at + 40 < len ? at + 40 : len;

	while (a > 0 && ((unsigned char)t[a] & 0xc0) == 0x80)
		a--;
	while (b < len && ((unsigned char)t[b] & 0xc0) == 0x80)
		b++;
	fprintf(stderr, "%s: %.*s|%.*s\n", what, (int)(at - a), t + a,
	    (int)(b - at), t + at);
}

static void
score_para(const struct para *g, const struct ends *e, int verbose,
    struct score *sc)
{
	size_t len = strlen(g->text), i = 0, j = 0;

	/* Both lists are sorted; the paragraph end is not a boundary. */
	while (i < g->n || j < e->n) {
		size_t a = i < g->n ? g->ends[i] : (size_t)-1;
		size_t b = j < e->n ? e->v[j] : (size_t)-1;

		if (a == b) {
			if (a < len)
				sc->tp++;
			i++, j++;
		} else if (a < b) {
			if (a < len) {
				sc->fn++;
				if (verbose)
					show("FN", g->text, a);
			}
			i++;
		} else {
			if (b < len) {
				sc->fp++;
				if (verbose)
					show("FP", g->text, b);
			}
			j++;
		}
	}
}

static int
cmd_score(int argc, char **argv)
{
	const char *method = "libdiff", *predpath = NULL, *gold;
	struct set st = { NULL, 0, 0 }, pred = { NULL, 0, 0 };
	struct score sc = { 0, 0, 0 };
	double p, r, f;
	int i, verbose = 0;
	size_t k;

	for (i = 0; i < argc - 1; i++) {
		if (strcmp(argv[i], "-m") == 0 && i + 2 < argc)
			method = argv[++i];
		else if (strcmp(argv[i], "-p") == 0 && i + 2 < argc)
			predpath = argv[++i], method = "file";
		else if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else
			return 2;
	}
	if (argc < 1)
		return 2;
	gold = argv[argc - 1];
	read_gold(gold, &st);
	if (predpath != NULL)
		read_gold(predpath, &pred);
	for (k = 0; k < st.n; k++) {
		struct ends e = { NULL, 0 };

		if (predpath != NULL)
			predict_file(&pred, k, st.p[k].text, &e);
		else if (strcmp(method, "naive") == 0)
			predict_naive(st.p[k].text, &e);
		else if (strcmp(method, "libdiff") == 0)
			predict_libdiff(st.p[k].text, &e);
		else
			return 2;
		score_para(&st.p[k], &e, verbose, &sc);
		free(e.v);
	}
	p = sc.tp + sc.fp ? (double)sc.tp / (sc.tp + sc.fp) : 1;
	r = sc.tp + sc.fn ? (double)sc.tp / (sc.tp + sc.fn) : 1;
	f = p + r > 0 ? 2 * p * r / (p + r) : 0;
	printf("P=%.4f R=%.4f F1=%.4f tp=%zu fp=%zu fn=%zu paragraphs=%zu\n",
	    p, r, f, sc.tp, sc.fp, sc.fn, st.n);
	set_free(&st);
	set_free(&pred);
	return 0;
}

/* ---- converting Talbanken ----------------------------------------------- */

/* Does a gold sentence end in . ! ? or …, past closing quotes? */
static int
has_terminal(const char *s, size_t n)
{
	static const char *const cl[] = { "'", "\"", ")", "]",
	    "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb", NULL };
	int k, again = 1;

	while (again && n > 0) {
		again = 0;
		n = trim_end(s, n);
		for (k = 0; cl[k] != NULL; k++) {
			size_t l = strlen(cl[k]);

			if (n >= l && memcmp(s + n - l, cl[k], l) == 0) {
				n -= l;
				again = 1;
				break;
			}
		}
	}
	if (n == 0)
		return 0;
	if (strchr(".!?", s[n - 1]) != NULL)
		return 1;
	return n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0;
}

/* Paragraphs from "# newpar"; a sentence without terminal punctuation
 * (a heading, a caption, a lead-in ending in a colon) ends its line and
 * stands alone, as the issue defines the set. */
static int
cmd_talbanken(const char *path)
{
	size_t len, pos = 0, ll, in_para = 0;
	char *d = slurp(path, &len);
	const char *line;

	while (ld_next_line(d, len, &pos, &line, &ll)) {
		if ((ll >= 8 && memcmp(line, "# newpar", 8) == 0) ||
		    (ll >= 8 && memcmp(line, "# newdoc", 8) == 0)) {
			if (in_para)
				printf("\n");
			in_para = 0;
			continue;
		}
		if (ll < 9 || memcmp(line, "# text = ", 9) != 0)
			continue;
		line += 9;
		ll = trim_end(line, ll - 9);
		if (!has_terminal(line, ll)) {
			printf("%s%.*s\n\n", in_para ? "\n" : "", (int)ll,
			    line);
			in_para = 0;
			continue;
		}
		printf("%.*s\n", (int)ll, line);
		in_para = 1;
	}
	free(d);
	return 0;
}

static int
cmd_paras(const char *path)
{
	struct set st = { NULL, 0, 0 };
	size_t k;

	read_gold(path, &st);
	for (k = 0; k < st.n; k++)
		printf("%s\n", st.p[k].text);
	set_free(&st);
	return 0;
}

/* Tokenize or split every line: what the speed benchmark times.  what is
 * "tokens" (ldiff_tokenize) or "sentences" (ldiff_sentences, which
 * tokenizes first). */
static int
cmd_run(const char *what, const char *path)
{
	size_t len, pos = 0, ll, count = 0, n;
	char *d = slurp(path, &len);
	const char *line;
	int sent = strcmp(what, "sentences") == 0;

	while (ld_next_line(d, len, &pos, &line, &ll)) {
		ldiff_span *sp = NULL;
		ldiff_token *tk = NULL;
		int rc;

		if (sent)
			rc = ldiff_sentences(line, ll, &sp, &n);
		else
			rc = ldiff_tokenize(line, ll, &tk, &n);
		free(sp);
		free(tk);
		if (rc != 0) {
			fprintf(stderr, "sentscore: %s\n", ldiff_strerror(rc));
			free(d);
			return 2;
		}
		count += n;
	}
	printf("bytes=%zu %s=%zu\n", len, what, count);
	free(d);
	return 0;
}

int
main(int argc, char **argv)
{
	int rc = 2;

	if (argc >= 3 && strcmp(argv[1], "talbanken") == 0)
		rc = cmd_talbanken(argv[2]);
	else if (argc >= 3 && strcmp(argv[1], "paras") == 0)
		rc = cmd_paras(argv[2]);
	else if (argc >= 3 && (strcmp(argv[1], "tokens") == 0 ||
	    strcmp(argv[1], "sentences") == 0))
		rc = cmd_run(argv[1], argv[2]);
	else if (argc >= 3 && strcmp(argv[1], "score") == 0)
		rc = cmd_score(argc - 2, argv + 2);
	if (rc == 2 && (argc < 3 || (strcmp(argv[1], "score") != 0 &&
	    strcmp(argv[1], "talbanken") != 0 &&
	    strcmp(argv[1], "paras") != 0 && strcmp(argv[1], "tokens") != 0 &&
	    strcmp(argv[1], "sentences") != 0)))
		fprintf(stderr, "usage: sentscore talbanken|paras|tokens|"
		    "sentences FILE\n       sentscore score [-m libdiff|naive] "
		    "[-p PRED] [-v] GOLD\n");
	return rc;
}
