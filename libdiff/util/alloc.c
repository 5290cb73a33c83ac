/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * alloc.c - the one door to the heap.
 *
 * Every allocation of the library passes here so that a test can make the
 * n-th one fail and check that each error path frees what it took.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/util.h"

static long fail_countdown = -1;

void
ld_alloc_fail_after(long n)
{
	fail_countdown = n;
}

static int
should_fail(void)
{
	if (fail_countdown < 0)
		return 0;
	if (fail_countdown == 0)
		return 1;
	fail_countdown--;
	return 0;
}

void *
ld_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	return malloc(n ? n : 1);
}

void *
ld_calloc(size_t n, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(n ? n : 1, size ? size : 1);
}

void *
ld_realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void *
ld_reallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return ld_realloc(p, n * size);
}

void
ld_free(void *p)
{
	free(p);
}
