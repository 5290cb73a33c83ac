/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * arena.c - per-document memory.
 *
 * The idea (git's chastore_t): a document's many small strings and records
 * are carved out of large blocks and all freed together with the document,
 * so no record needs its own free and no path can leak one.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

#define BLOCK_MIN (64 * 1024)

struct block {
	struct block *next;
	size_t size, used;
	/* data follows, 16-aligned */
};

struct ld_arena {
	struct block *head;
	size_t total;
};

#define HDR ((sizeof(struct block) + 15) & ~(size_t)15)

ld_arena *
ld_arena_new(void)
{
	return ld_calloc(1, sizeof(ld_arena));
}

/*
 * A block for a request of need bytes.  A request larger than a quarter
 * of a block gets a block of its own, linked behind the head, so the
 * space left in the head block still serves the small requests after it.
 */
static struct block *
new_block(ld_arena *a, size_t need)
{
	size_t size = need > BLOCK_MIN ? need : BLOCK_MIN;
	struct block *b;

	if (size > SIZE_MAX - HDR)
		return NULL;
	b = ld_malloc(HDR + size);
	if (b == NULL)
		return NULL;
	b->size = size;
	b->used = 0;
	if (need > BLOCK_MIN / 4 && a->head != NULL) {
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = a->head;
		a->head = b;
	}
	a->total += size;
	return b;
}

/* n bytes, not cleared: for strings, which are written whole at once. */
static void *
take(ld_arena *a, size_t n)
{
	struct block *b = a->head;
	void *p;

	if (n > SIZE_MAX - 15)
		return NULL;	/* rounding up would wrap round to 0 */
	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	if (b == NULL || b->size - b->used < n) {
		b = new_block(a, n);
		if (b == NULL)
			return NULL;
	}
	p = (char *)b + HDR + b->used;
	b->used += n;
	return p;
}

void *
ld_arena_alloc(ld_arena *a, size_t n)
{
	void *p = take(a, n);

	if (p != NULL)
		memset(p, 0, n);
	return p;
}

char *
ld_arena_strndup(ld_arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX || (p = take(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
ld_arena_strdup(ld_arena *a, const char *s)
{
	return ld_arena_strndup(a, s, strlen(s));
}

char *
ld_arena_printf(ld_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = take(a, (size_t)n + 1);
	if (p == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t
ld_arena_used(const ld_arena *a)
{
	return a->total;
}

/* The blocks go behind into's head, which stays the block that serves
 * the next small request. */
void
ld_arena_adopt(ld_arena *into, ld_arena *from)
{
	struct block *last;

	if (from == NULL)
		return;
	if (from->head != NULL) {
		for (last = from->head; last->next != NULL; last = last->next)
			;
		if (into->head == NULL)
			into->head = from->head;
		else {
			last->next = into->head->next;
			into->head->next = from->head;
		}
		into->total += from->total;
	}
	ld_free(from);
}

void
ld_arena_free(ld_arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		ld_free(b);
	}
	ld_free(a);
}

void *
ld_arena_grow(ld_arena *a, const void *v, size_t *cap, size_t first,
    size_t size)
{
	size_t c = ld_grown_cap(*cap, first, size);
	void *p;

	if (c == 0 || (p = ld_arena_alloc(a, c * size)) == NULL)
		return NULL;
	if (*cap > 0)
		memcpy(p, v, *cap * size);
	*cap = c;
	return p;
}
