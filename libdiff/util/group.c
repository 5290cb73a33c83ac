/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * group.c - entries with equal keys brought together, in linear time.
 *
 * The idea: alignment keeps asking "which clauses share this key?" - the
 * exact text, the words, a row's key cell.  Sorting answers that in
 * O(n log n) string comparisons, and on two versions of 200 000 clauses
 * the sorts cost more than the rest of alignment.  Here one pass over an
 * open-addressing table of the distinct keys numbers each entry's group,
 * and a counting scatter moves the entries into place.  The scatter is
 * stable: within a group the entries keep the order they came in (the
 * callers list the old version, then the new, each in reading order),
 * which is all the callers need.  The order of the groups is arbitrary.
 */
#include <stdint.h>
#include <string.h>

#include "util/util.h"

int
ld_group_equal(void *base, size_t n, size_t size,
    uint32_t (*hash)(const void *), int (*same)(const void *, const void *))
{
	char *e = base, *out = NULL;
	size_t cap = 16, i, j, ng = 0, *slot, *gid, *start;
	int rc = LDIFF_ENOMEM;

	while (cap < 2 * n)
		cap *= 2;
	slot = ld_calloc(cap, sizeof *slot);	/* group + 1; 0: free */
	gid = ld_reallocarray(NULL, n + 1, sizeof *gid);
	start = ld_calloc(n + 2, sizeof *start);
	if (slot == NULL || gid == NULL || start == NULL)
		goto done;
	for (i = 0; i < n; i++) {
		const void *x = e + i * size;

		for (j = hash(x) & (cap - 1); slot[j] != 0;
		    j = (j + 1) & (cap - 1))
			if (same(e + start[slot[j] - 1] * size, x))
				break;
		if (slot[j] == 0) {
			start[ng] = i;	/* the group's first entry, for now */
			slot[j] = ++ng;
		}
		gid[i] = slot[j] - 1;
	}
	ld_free(slot);		/* before the copy: less at the peak */
	slot = NULL;
	if ((out = ld_reallocarray(NULL, n + 1, size)) == NULL)
		goto done;
	memset(start, 0, (ng + 1) * sizeof *start);
	for (i = 0; i < n; i++)
		start[gid[i] + 1]++;
	for (i = 0; i < ng; i++)
		start[i + 1] += start[i];
	for (i = 0; i < n; i++)
		memcpy(out + start[gid[i]]++ * size, e + i * size, size);
	memcpy(e, out, n * size);
	rc = 0;
done:
	ld_free(slot);
	ld_free(gid);
	ld_free(start);
	ld_free(out);
	return rc;
}
