/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_strmap.c - the library's one string map: get, put, growth, keys with
 * NULs, keys copied, and running out of memory. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static void
test_basics(void)
{
	ld_strmap *m = ld_strmap_new();
	char buf[8] = "avtal";
	const char *copy;
	uint32_t v = 0;

	ok(m != NULL, "a new map");
	ok(!ld_strmap_get(m, "avtal", 5, &v), "empty: no key");
	copy = ld_strmap_put(m, buf, 5, 7);
	ok(copy != NULL && copy != buf && strcmp(copy, "avtal") == 0,
	    "put keeps a NUL-terminated copy");
	memcpy(buf, "xxxxx", 5);
	ok(ld_strmap_get(m, "avtal", 5, &v) && v == 7,
	    "the key outlives the caller's bytes");
	ok(!ld_strmap_get(m, "avta", 4, NULL), "a prefix is another key");
	ok(ld_strmap_put(m, "avtal", 5, 9) == copy, "put again: same copy");
	ok(ld_strmap_get(m, "avtal", 5, &v) && v == 9, "... new value");
	ok(ld_strmap_put(m, "a\0b", 3, 1) && !ld_strmap_get(m, "a", 1, NULL)
	    && ld_strmap_get(m, "a\0b", 3, &v) && v == 1,
	    "keys may hold NULs");
	ok(ld_strmap_put(m, "", 0, 4) && ld_strmap_get(m, "", 0, &v) &&
	    v == 4, "the empty key");
	is_int(ld_strmap_count(m), 3, "three keys");
	ld_strmap_free(m);
}

static void
test_growth(void)
{
	ld_strmap *m = ld_strmap_new();
	char k[32];
	uint32_t i, v, wrong = 0;

	for (i = 0; i < 20000; i++) {
		snprintf(k, sizeof k, "ord%u", i);
		if (!ld_strmap_put(m, k, strlen(k), i))
			wrong++;
	}
	for (i = 0; i < 20000; i++) {
		snprintf(k, sizeof k, "ord%u", i);
		if (!ld_strmap_get(m, k, strlen(k), &v) || v != i)
			wrong++;
	}
	is_int(wrong, 0, "20000 keys through many doublings");
	is_int(ld_strmap_count(m), 20000, "all counted once");
	ld_strmap_free(m);
}

/* Every allocation failing in turn: NULL back, the map as it was. */
static void
test_nomem(void)
{
	long f;
	int bad = 0;

	for (f = 0; f < 40; f++) {
		ld_strmap *m;
		char k[16];
		uint32_t i, v, n = 0;

		ld_alloc_fail_after(f);
		if ((m = ld_strmap_new()) == NULL)
			continue;
		for (i = 0; i < 200; i++) {
			snprintf(k, sizeof k, "k%u", i);
			if (ld_strmap_put(m, k, strlen(k), i) == NULL)
				break;
			n++;
		}
		ld_alloc_fail_after(-1);
		for (i = 0; i < n; i++) {
			snprintf(k, sizeof k, "k%u", i);
			if (!ld_strmap_get(m, k, strlen(k), &v) || v != i)
				bad++;
		}
		if (ld_strmap_count(m) != n)
			bad++;
		ld_strmap_free(m);
	}
	ld_alloc_fail_after(-1);
	is_int(bad, 0, "a failed put leaves every earlier key in place");
}

int
main(void)
{
	plan_no_plan();
	test_basics();
	test_growth();
	test_nomem();
	return done_testing();
}
