/* SPDX-License-Identifier: GPL-3.0-or-later */
/* edits.h - for unit tests: are two edit lists the same, edit by edit
 * (op, class and both texts)?  Used where one result is checked against
 * another made a different way (threads, borrowed tokens). */
#ifndef KL_EDITS_H
#define KL_EDITS_H

#include <string.h>

#include "libdiff.h"

static int
same_edit_lists(const ldiff_edit *a, size_t na, const ldiff_edit *b,
    size_t nb)
{
	size_t k;

	if (na != nb)
		return 0;
	for (k = 0; k < na; k++)
		if (a[k].op != b[k].op || a[k].cls != b[k].cls ||
		    strcmp(a[k].old_text, b[k].old_text) != 0 ||
		    strcmp(a[k].new_text, b[k].new_text) != 0)
			return 0;
	return 1;
}

#endif
