#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# gen-abbrev.sh - generate libdiff/sv/sv_abbrev.c, the Swedish abbreviation
# table compiled into the library, from ../shared/data/sv-abbreviations.tsv.
#
#   sh libdiff/sv/gen-abbrev.sh [TSV] > libdiff/sv/sv_abbrev.c
#
# The generated file is committed so that builds do not need ../shared.
# Keys are kept as the TSV writes them (lowercase, internal periods, no
# final period) and sorted bytewise so the library can bsearch with strcmp.
set -eu
tsv=${1:-$(dirname "$0")/../../../shared/data/sv-abbreviations.tsv}
[ -r "$tsv" ] || { echo "gen-abbrev.sh: $tsv: cannot read" >&2; exit 2; }

cat <<'HEAD'
/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sv_abbrev.c - the Swedish abbreviation table (GENERATED, do not edit:
 * run libdiff/sv/gen-abbrev.sh).
 *
 * Source: ../shared/data/sv-abbreviations.tsv, which merges
 *   LO  LibreOffice/core extras/source/autocorr/lang/sv/SentenceExceptList.xml
 *   SPV spraakbanken/sparv-models segment/bettertokenizer.sv
 *   SPC explosion/spaCy spacy/lang/sv/tokenizer_exceptions.py
 *   LEG legal and administrative additions (Ds 1998:43, Myndigheternas
 *       skrivregler, Språkrådet)
 * Classes: NO_BREAK never ends a sentence; MAY_END ends one only before a
 * capital (homographs such as "bil", units, list-closers such as "m.m.").
 * gen-abbrev.sh overrides the class of f.n. (NO_BREAK), with its reason.
 */
#include <stdlib.h>
#include <string.h>

#include "sv/sv.h"

struct abbrev {
	const char *key;
	int cls;
};

static const struct abbrev table[] = {
HEAD
# Overrides of the TSV's class, each with its reason (klausul's own
# evaluation, tests/sentences/):
#   f.n  "för närvarande" stands mid-clause, mostly before a name
#        ("Ordförande är f.n. Anna Berg"): NO_BREAK.
overrides='f.n	NO_BREAK'
{ grep -v '^#' "$tsv"; } | awk -F '\t' -v ov="$overrides" '
BEGIN {
	n = split(ov, lines, "\n")
	for (i = 1; i <= n; i++) {
		split(lines[i], f, "\t")
		force[f[1]] = f[2]
	}
}
NF >= 2 && $1 != "" {
	c = ($1 in force) ? force[$1] : $2
	cls = (c == "NO_BREAK") ? "LD_ABBR_NO_BREAK" : "LD_ABBR_MAY_END"
	printf "%s\t%s\n", $1, cls
}' | LC_ALL=C sort -u -t '	' -k1,1 | awk -F '\t' '{
	printf "\t{ \"%s\", %s },\n", $1, $2
}'
cat <<'TAIL'
};

static int
cmp_key(const void *k, const void *e)
{
	return strcmp(k, ((const struct abbrev *)e)->key);
}

int
ld_abbrev_class(const char *key)
{
	const struct abbrev *a;

	a = bsearch(key, table, sizeof table / sizeof table[0],
	    sizeof table[0], cmp_key);
	return a != NULL ? a->cls : LD_ABBR_NONE;
}

int
ld_abbrev_has_prefix(const char *prefix)
{
	size_t lo = 0, hi = sizeof table / sizeof table[0], mid;

	while (lo < hi) {	/* the first key >= prefix */
		mid = lo + (hi - lo) / 2;
		if (strcmp(table[mid].key, prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sizeof table / sizeof table[0] &&
	    strncmp(table[lo].key, prefix, strlen(prefix)) == 0;
}
TAIL
