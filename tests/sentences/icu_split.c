/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * icu_split.c - the ICU baseline: sentences by ICU's BreakIterator for
 * sv_SE (CLDR rules and suppressions), for tests/sentences/eval.sh.
 *
 * Reads paragraphs, one per line, on stdin; writes each paragraph's
 * sentences one per line, trimmed, with a blank line after each paragraph
 * (the gold format of tests/sentences/README).  Built by the evaluation
 * scripts only when pkg-config finds icu-uc: ICU is never a dependency of
 * klausul itself.  "sv_SE@ss=standard" (abbreviation suppressions) gives
 * the same boundaries: ICU 72 ships no Swedish suppression list.
 *
 *   cc -o icu_split icu_split.c $(pkg-config --cflags --libs icu-uc icu-i18n)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

static void
put_trimmed(const char *s, long a, long b)
{
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	if (b > a)
		printf("%.*s\n", (int)(b - a), s + a);
}

static int
split_line(UBreakIterator *bi, const char *line, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, line, (int64_t)len, &st);
	int32_t prev, cur;

	if (U_FAILURE(st))
		return -1;
	ubrk_setUText(bi, ut, &st);
	if (U_FAILURE(st)) {
		utext_close(ut);
		return -1;
	}
	/* With a UTF-8 UText the boundaries are byte offsets. */
	prev = ubrk_first(bi);
	while ((cur = ubrk_next(bi)) != UBRK_DONE) {
		put_trimmed(line, prev, cur);
		prev = cur;
	}
	printf("\n");
	utext_close(ut);
	return 0;
}

int
main(void)
{
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	bi = ubrk_open(UBRK_SENTENCE, "sv_SE", NULL, 0, &st);
	if (U_FAILURE(st)) {
		fprintf(stderr, "icu_split: %s\n", u_errorName(st));
		return 2;
	}
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (split_line(bi, line, (size_t)n) != 0) {
			fprintf(stderr, "icu_split: cannot split\n");
			return 2;
		}
	}
	free(line);
	ubrk_close(bi);
	return 0;
}
