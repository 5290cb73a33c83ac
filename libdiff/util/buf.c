/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buf.c - growable byte buffers and pointer arrays.
 *
 * Capacity doubles, so appending n bytes one at a time costs O(n); an
 * allocation failure is sticky (oom) so a long chain of appends can be
 * checked once at the end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

void
ld_buf_init(ld_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}

static int
grow(ld_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->oom)
		return LDIFF_ENOMEM;
	if (extra > SIZE_MAX - b->len - 1)
		goto fail;
	if (b->len + extra + 1 <= b->cap)
		return 0;
	cap = b->cap;
	while (cap < b->len + extra + 1)
		if ((cap = ld_grown_cap(cap, 64, 1)) == 0)
			goto fail;
	p = ld_realloc(b->data, cap);
	if (p == NULL)
		goto fail;
	b->data = p;
	b->cap = cap;
	return 0;
fail:
	b->oom = 1;
	return LDIFF_ENOMEM;
}

int
ld_buf_reserve(ld_buf *b, size_t n)
{
	return grow(b, n);
}

int
ld_buf_add(ld_buf *b, const void *p, size_t n)
{
	if (grow(b, n) != 0)
		return LDIFF_ENOMEM;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
ld_buf_adds(ld_buf *b, const char *s)
{
	return ld_buf_add(b, s, strlen(s));
}

int
ld_buf_addc(ld_buf *b, char c)
{
	return ld_buf_add(b, &c, 1);
}

int
ld_buf_addint(ld_buf *b, long v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return ld_buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

int
ld_buf_printf(ld_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(b, (size_t)n) != 0)
		return LDIFF_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void
ld_buf_reset(ld_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
ld_buf_free(ld_buf *b)
{
	ld_free(b->data);
	ld_buf_init(b);
}

const char *
ld_buf_str(const ld_buf *b)
{
	return b->data != NULL ? b->data : "";
}

void *
ld_grow(void *v, size_t *cap, size_t first, size_t size)
{
	size_t c = ld_grown_cap(*cap, first, size);

	if (c == 0 || (v = ld_reallocarray(v, c, size)) == NULL)
		return NULL;
	*cap = c;
	return v;
}

int
ld_ptrs_push(ld_ptrs *p, void *x)
{
	if (p->n == p->cap) {
		void **v = ld_grow(p->v, &p->cap, 16, sizeof *v);

		if (v == NULL)
			return LDIFF_ENOMEM;
		p->v = v;
	}
	p->v[p->n++] = x;
	return 0;
}

void
ld_ptrs_free(ld_ptrs *p)
{
	ld_free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}
