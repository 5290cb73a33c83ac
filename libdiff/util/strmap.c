/*
 * strmap.c - a map from strings to pointers, for the ids of a document.
 *
 * The idea: the building of clauses asks "is this id taken?" once per
 * clause, and a document can have hundreds of thousands, so the lookup is
 * open addressing with linear probing, at most half full, each slot
 * holding the key's hash so that a probe compares strings only when the
 * hashes agree.  Keys and values are borrowed (they live in the caller's
 * arena); the map never copies or frees them.
 */
#include <string.h>

#include "util/util.h"

static size_t
map_slot(const ld_strmap *m, const char *key, size_t h)
{
	size_t i = h & (m->cap - 1);

	while (m->s[i].key != NULL && (m->s[i].hash != h ||
	    strcmp(m->s[i].key, key) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

const void *
ld_strmap_get(const ld_strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = map_slot(m, key, ld_hash_str(key));
	return m->s[i].key != NULL ? m->s[i].val : NULL;
}

/* Room for `want` keys at a load of at most one half. */
int
ld_strmap_reserve(ld_strmap *m, size_t want)
{
	ld_strmap g;
	size_t i;

	if (want < m->n + 1)
		want = m->n + 1;
	if (want * 2 <= m->cap)
		return 0;
	g.cap = m->cap ? m->cap : 256;
	while (g.cap < want * 2)
		g.cap *= 2;
	g.n = m->n;
	if ((g.s = ld_calloc(g.cap, sizeof *g.s)) == NULL)
		return LDIFF_ENOMEM;
	for (i = 0; i < m->cap; i++)
		if (m->s[i].key != NULL)
			g.s[map_slot(&g, m->s[i].key, m->s[i].hash)] =
			    m->s[i];
	ld_free(m->s);
	*m = g;
	return 0;
}

/* Insert key -> val unless key is there; 1 if inserted, 0 if present. */
int
ld_strmap_put(ld_strmap *m, const char *key, const void *val)
{
	size_t i, h;

	if ((m->n + 1) * 2 > m->cap && ld_strmap_reserve(m, m->n + 1) != 0)
		return LDIFF_ENOMEM;
	h = ld_hash_str(key);
	i = map_slot(m, key, h);
	if (m->s[i].key != NULL)
		return 0;
	m->s[i].key = key;
	m->s[i].val = val;
	m->s[i].hash = h;
	m->n++;
	return 1;
}

void
ld_strmap_free(ld_strmap *m)
{
	ld_free(m->s);
}
