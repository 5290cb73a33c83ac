/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * replay.h - a main() for a libFuzzer harness without libFuzzer.
 *
 * tests/helpers/replay_NAME.c includes tests/fuzz/fuzz_NAME.c and this
 * file: the result runs LLVMFuzzerTestOneInput over each file named on
 * the command line (crash regressions and seeds), so `make check` and
 * `make asan` replay them with the ordinary compiler.  A broken property
 * aborts; a clean run prints one line per file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
replay_one(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL, *p;
	size_t n = 0, cap = 0, got;

	if (f == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(buf, cap)) == NULL) {
				fprintf(stderr, "replay: out of memory\n");
				exit(2);
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	/* Exactly n bytes, as libFuzzer hands them (ASan sees overreads). */
	p = malloc(n ? n : 1);
	if (p == NULL)
		exit(2);
	memcpy(p, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(p, n);
	free(p);
	printf("replayed %s\n", path);
	return 0;
}

int
main(int argc, char **argv)
{
	int i, bad = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++)
		if (replay_one(argv[i]) != 0)
			bad = 1;
	return bad ? 2 : 0;
}
