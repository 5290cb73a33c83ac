/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * strmap.c - the library's one map from strings to numbers.
 *
 * The idea: the word lexicon, the word diff's key ids and the style
 * table all ask "which number goes with these bytes?", so they share one
 * table rather than each writing its own probing.  Open addressing with
 * linear probing, kept at most half full so a probe stays short; each
 * slot holds the key's hash beside it, so a miss rarely touches the
 * key's bytes.  The map copies every key into its own arena: callers may
 * look up bytes that move or vanish afterwards (a scratch buffer).
 */
#include <string.h>

#include "util/util.h"

struct slot {
	const char *key;	/* NULL: empty */
	size_t len;
	uint32_t hash, val;
};

struct ld_strmap {
	ld_arena *keys;
	struct slot *slot;
	size_t nslot;		/* a power of two */
	size_t n;
};

#define FIRST_SLOTS 64

ld_strmap *
ld_strmap_new(void)
{
	ld_strmap *m = ld_calloc(1, sizeof *m);

	if (m == NULL)
		return NULL;
	m->nslot = FIRST_SLOTS;
	m->keys = ld_arena_new();
	m->slot = ld_calloc(m->nslot, sizeof *m->slot);
	if (m->keys == NULL || m->slot == NULL) {
		ld_strmap_free(m);
		return NULL;
	}
	return m;
}

void
ld_strmap_free(ld_strmap *m)
{
	if (m == NULL)
		return;
	ld_arena_free(m->keys);
	ld_free(m->slot);
	ld_free(m);
}

size_t
ld_strmap_count(const ld_strmap *m)
{
	return m->n;
}

/* The slot of key s[0..n): where it is, or the empty one it would take. */
static struct slot *
find(const ld_strmap *m, const char *s, size_t n, uint32_t h)
{
	size_t mask = m->nslot - 1, i = h & mask;

	for (;; i = (i + 1) & mask) {
		struct slot *e = &m->slot[i];

		if (e->key == NULL || (e->hash == h && e->len == n &&
		    memcmp(e->key, s, n) == 0))
			return e;
	}
}

int
ld_strmap_get(const ld_strmap *m, const char *s, size_t n, uint32_t *val)
{
	const struct slot *e = find(m, s, n, ld_hash(s, n));

	if (e->key == NULL)
		return 0;
	if (val != NULL)
		*val = e->val;
	return 1;
}

static int
grow(ld_strmap *m)
{
	struct slot *old = m->slot;
	size_t nold = m->nslot, i;

	if ((m->slot = ld_calloc(2 * nold, sizeof *m->slot)) == NULL) {
		m->slot = old;
		return LDIFF_ENOMEM;
	}
	m->nslot = 2 * nold;
	for (i = 0; i < nold; i++)
		if (old[i].key != NULL)
			*find(m, old[i].key, old[i].len, old[i].hash) = old[i];
	ld_free(old);
	return 0;
}

const char *
ld_strmap_put(ld_strmap *m, const char *s, size_t n, uint32_t val)
{
	uint32_t h = ld_hash(s, n);
	struct slot *e = find(m, s, n, h);

	if (e->key == NULL) {
		if (2 * (m->n + 1) > m->nslot) {
			if (grow(m) != 0)
				return NULL;
			e = find(m, s, n, h);
		}
		if ((e->key = ld_arena_strndup(m->keys, s, n)) == NULL)
			return NULL;
		e->len = n;
		e->hash = h;
		m->n++;
	}
	e->val = val;
	return e->key;
}
