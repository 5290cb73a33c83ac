/* t_arena.c - the per-document arena and the growable buffer on hostile
 * sizes: a request near SIZE_MAX fails instead of wrapping round to a
 * tiny block, and one large allocation does not waste the block in use. */
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
	test_huge_requests();
	test_large_beside_small();
	test_buf_huge();
	return done_testing();
}
