/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_arena.c - the per-document arena and the growable buffer on hostile
 * sizes: a request near SIZE_MAX fails instead of wrapping round to a
 * tiny block, and one large allocation does not waste the block in use.
 * Also the two helpers of the parallel word diffs: one arena adopting
 * another's blocks, and tasks spread over threads (parallel.c). */
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static void
test_huge_requests(void)
{
	ld_arena *a = ld_arena_new();
	size_t n;

	ok(a != NULL, "arena made");
	for (n = SIZE_MAX - 20; n != 0; n++) {
		if (ld_arena_alloc(a, n) != NULL) {
			ok(0, "a request near SIZE_MAX fails");
			diag("ld_arena_alloc(SIZE_MAX - %zu) gave a block",
			    SIZE_MAX - n);
			break;
		}
	}
	if (n == 0)
		ok(1, "every request of SIZE_MAX - 20 .. SIZE_MAX fails");
	ok(ld_arena_strndup(a, "x", SIZE_MAX) == NULL,
	    "strndup of SIZE_MAX bytes fails (n + 1 would wrap to 0)");
	ok(ld_arena_used(a) == 0, "and none of them took a block");
	ok(ld_arena_alloc(a, 0) != NULL, "a zero-size request still works");
	ld_arena_free(a);
}

static void
test_large_beside_small(void)
{
	ld_arena *a = ld_arena_new();
	size_t before;
	char *small1, *big, *small2;

	small1 = ld_arena_strdup(a, "Parterna");
	before = ld_arena_used(a);
	big = ld_arena_alloc(a, 200 * 1024);
	small2 = ld_arena_strdup(a, "kommunerna");
	ok(small1 && big && small2, "small, large, small allocated");
	is_int((long)(ld_arena_used(a) - before), 200 * 1024,
	    "a large block of its own; the small ones share the first");
	memset(big, 'x', 200 * 1024);
	is_str(small1, "Parterna", "first string intact");
	is_str(small2, "kommunerna", "second string intact");
	ld_arena_free(a);
}

/* Blocks of one arena handed to another: everything stays readable and
 * is freed once, with the second arena (ASan and valgrind check that). */
static void
test_adopt(void)
{
	ld_arena *a = ld_arena_new(), *b = ld_arena_new(), *e = ld_arena_new();
	char *s1, *s2, *big, *s3;
	size_t ua, ub;

	s1 = ld_arena_strdup(a, "regionen");
	s2 = ld_arena_strdup(b, "kommunerna");
	big = ld_arena_alloc(b, 100 * 1024);
	ok(s1 && s2 && big, "strings in two arenas");
	ua = ld_arena_used(a);
	ub = ld_arena_used(b);
	ld_arena_adopt(a, b);
	is_int((long)ld_arena_used(a), (long)(ua + ub), "sizes add up");
	s3 = ld_arena_strdup(a, "parterna");
	is_str(s1, "regionen", "own string intact");
	is_str(s2, "kommunerna", "adopted string intact");
	is_str(s3, "parterna", "and the arena goes on serving");
	ld_arena_adopt(e, ld_arena_new());	/* nothing into nothing */
	is_int((long)ld_arena_used(e), 0, "an empty arena adopted: no blocks");
	ld_arena_adopt(e, a);			/* everything into nothing */
	is_str(s3, "parterna", "adopted by an empty arena");
	ld_arena_adopt(e, NULL);
	ld_arena_free(e);
}

struct tally {
	int hits[1000];
	size_t max_worker;
};

static void
count_task(void *ctx, size_t task, size_t worker)
{
	struct tally *t = ctx;

	__atomic_fetch_add(&t->hits[task], 1, __ATOMIC_RELAXED);
	if (worker > __atomic_load_n(&t->max_worker, __ATOMIC_RELAXED))
		__atomic_store_n(&t->max_worker, worker, __ATOMIC_RELAXED);
}

/* Every task runs exactly once, on a worker below the thread count. */
static void
test_parallel(void)
{
	static const size_t threads[] = { 0, 1, 2, 4, 1000 };
	static const size_t ntasks[] = { 0, 1, 3, 1000 };
	size_t i, j, k, wrong;

	for (i = 0; i < sizeof threads / sizeof threads[0]; i++)
		for (j = 0; j < sizeof ntasks / sizeof ntasks[0]; j++) {
			struct tally t;
			size_t cap = threads[i] < 1 ? 1 : threads[i] >
			    LD_MAX_THREADS ? LD_MAX_THREADS : threads[i];

			memset(&t, 0, sizeof t);
			ld_parallel(ntasks[j], threads[i], count_task, &t);
			for (k = 0, wrong = 0; k < 1000; k++)
				wrong += t.hits[k] != (k < ntasks[j]);
			ok(wrong == 0 && t.max_worker < cap,
			    "each task once, each worker below the threads");
			if (wrong != 0 || t.max_worker >= cap)
				diag("%zu tasks on %zu threads: %zu wrong, "
				    "worker %zu", ntasks[j], threads[i],
				    wrong, t.max_worker);
		}
}

static void
test_buf_huge(void)
{
	ld_buf b;

	ld_buf_init(&b);
	ok(ld_buf_adds(&b, "ok") == 0, "buffer takes a string");
	ok(ld_buf_add(&b, "x", SIZE_MAX) == LDIFF_ENOMEM,
	    "buffer refuses SIZE_MAX more bytes");
	ok(b.oom, "and stays failed");
	ld_buf_free(&b);
}

int
main(void)
{
	test_adopt();
	test_parallel();
	test_huge_requests();
	test_large_beside_small();
	test_buf_huge();
	return done_testing();
}
