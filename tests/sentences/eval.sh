#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# eval.sh - score the sentence splitters on the gold sets, side by side.
#
#   sh tests/sentences/eval.sh
#
# Prints one line per set and method:  SET METHOD P R F1 tp fp fn
# Sets: "legal" (tests/sentences/gold-legal.txt) and "talbanken" (built
# from $KL_SHARED/data/talbanken-dev when it is there).  Methods: klausul
# (ldiff_sentences), naive (". ! ? + space + capital") and icu (ICU's
# sentence BreakIterator for sv_SE, compiled here only when pkg-config
# finds icu-uc; ICU is never a dependency of klausul).  Lines starting
# with "#" are remarks.  KL_WRAP (valgrind) wraps the klausul run.
set -eu
: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BUILD:=$KL_ROOT/build}"
: "${KL_SHARED:=$KL_ROOT/../shared}"
SS=$KL_BUILD/tests/sentscore
[ -x "$SS" ] || { echo "eval.sh: $SS: not built (make tests)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/klsent.XXXXXX")
trap 'rm -rf "$work"' EXIT

cp "$KL_ROOT/tests/sentences/gold-legal.txt" "$work/legal.gold"
sets=legal
tb=$KL_SHARED/data/talbanken-dev/sv_talbanken-ud-dev.conllu
if [ -r "$tb" ]; then
	"$SS" talbanken "$tb" > "$work/talbanken.gold"
	sets="$sets talbanken"
else
	echo "# talbanken: not measured ($tb absent)"
fi

icu=
if command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --exists icu-uc icu-i18n 2>/dev/null &&
    ${CC:-cc} -o "$work/icu_split" "$KL_ROOT/tests/sentences/icu_split.c" \
    $(pkg-config --cflags --libs icu-uc icu-i18n) 2>"$work/icu.err"; then
	icu=$work/icu_split
	echo "# ICU $(pkg-config --modversion icu-uc), locale sv_SE"
else
	echo "# ICU: not measured (libicu-dev absent)"
fi

row() {	# SET METHOD sentscore-output
	echo "$3" | awk -v s="$1" -v m="$2" '{
		for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		printf "%-10s %-8s %s %s %s %s %s %s\n", s, m, v["P"], v["R"],
		    v["F1"], v["tp"], v["fp"], v["fn"]
	}'
}

echo "# set       method   P      R      F1     tp fp fn"
for s in $sets; do
	g=$work/$s.gold
	row "$s" klausul "$(${KL_WRAP:-} "$SS" score "$g")"
	row "$s" naive "$("$SS" score -m naive "$g")"
	if [ -n "$icu" ]; then
		"$SS" paras "$g" | "$icu" > "$work/$s.icu"
		row "$s" icu "$("$SS" score -p "$work/$s.icu" "$g")"
	fi
done
