/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nouns.c - the forms of the nouns that name amounts in an agreement's
 * tables, for sentences about them.
 *
 * A list of changes says "Bidragen höjs för ..." and "Sorsele kommuns
 * bidrag sänks ...": the definite plural and the bare form after a
 * genitive.  Swedish forms the definite plural by the noun's declension,
 * which its spelling does not tell (bidrag -> bidragen, avgift ->
 * avgifterna), so the nouns such tables use are listed with their forms
 * (and English words for English output); a header word not listed falls
 * back to "belopp", which is true of every sum of money.
 */
#include <string.h>

#include "sv/sv.h"

static const ld_sv_noun nouns[] = {
	{ "belopp", "beloppen", "amount", "amounts" },
	{ "bidrag", "bidragen", "contribution", "contributions" },
	{ "anslag", "anslagen", "appropriation", "appropriations" },
	{ "avgift", "avgifterna", "fee", "fees" },
	{ "ersättning", "ersättningarna", "payment", "payments" },
	{ "kostnad", "kostnaderna", "cost", "costs" },
	{ "insats", "insatserna", "contribution", "contributions" },
	{ "medel", "medlen", "funds", "funds" },
	{ "ram", "ramarna", "budget", "budgets" },
	{ "stöd", "stöden", "grant", "grants" },
};

/* The noun spelled s[0..n) (its first letter in either case), or NULL. */
const ld_sv_noun *
ld_sv_noun_lookup(const char *s, size_t n)
{
	size_t k;

	for (k = 0; n > 0 && k < sizeof nouns / sizeof nouns[0]; k++) {
		const char *w = nouns[k].sv;

		if (strlen(w) == n && (s[0] | 0x20) == w[0] &&
		    memcmp(s + 1, w + 1, n - 1) == 0)
			return &nouns[k];
	}
	return NULL;
}
