#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# textdiff.sh - what the word-level diff of one clause pair costs.
#
# 1. A pair of ~1 000-word clauses with 50 planted changes (words
#    replaced, inserted and deleted, amounts, the period, quotes):
#    ld_text_diff run 1 000 times in one process, minus the process run
#    with 0 repetitions, gives the cost of one call.  For scale, the
#    whole-process time of dwdiff and git --word-diff on the same pair.
# 2. The pathological pairs (about 1 MB each, see bench_textdiff):
#    every word changed, 10 000 equal words with 100 changed, two
#    unrelated texts, one 1 MB word; time, peak memory and the seqdiff
#    work and cap figures.
#
# Medians from hyperfine when it is installed, else one run timed with
# /usr/bin/time.  Run by `make bench`, or alone (after `make tests`):
#   KL_BUILD=build sh tests/bench/textdiff.sh
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BUILD:=$KL_ROOT/build}"
B=$KL_BUILD/tests/bench_textdiff
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kltextdiff.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

if [ ! -x "$B" ]; then
	echo "textdiff.sh: $B missing (make tests)" >&2
	exit 2
fi

# median wall seconds of a command; the mean user CPU seconds go to
# $TMP/user (on a loaded machine the CPU time is the steadier figure)
median() {
	rm -f "$TMP/h.json"
	if command -v hyperfine >/dev/null 2>&1 &&
	    hyperfine -N -i --warmup 2 --runs "${RUNS:-10}" \
	    --export-json "$TMP/h.json" "$1" >/dev/null 2>&1 &&
	    [ -s "$TMP/h.json" ]; then
		awk -F: '/"user"/ { gsub(/[ ,]/, "", $2); print $2; exit }' \
		    "$TMP/h.json" > "$TMP/user"
		awk -F: '/"median"/ { gsub(/[ ,]/, "", $2); print $2; exit }' \
		    "$TMP/h.json"
	else
		/usr/bin/time -f '%e %U' sh -c "$1 >/dev/null" 2>"$TMP/t"
		tail -1 "$TMP/t" | cut -d' ' -f2 > "$TMP/user"
		tail -1 "$TMP/t" | cut -d' ' -f1
	fi
}

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) on $(nproc 2>/dev/null) CPUs"
echo "== ld_text_diff, 1 000-word clause pair, 50 planted changes"
"$B" gen 1000 50 1 "$TMP/old.txt" "$TMP/new.txt"
echo "   words: $(wc -w < "$TMP/old.txt") -> $(wc -w < "$TMP/new.txt")"
echo "   one run: $("$B" diff "$TMP/old.txt" "$TMP/new.txt" 1)"
t1=$(median "$B diff $TMP/old.txt $TMP/new.txt 1000")
u1=$(cat "$TMP/user")
t0=$(median "$B diff $TMP/old.txt $TMP/new.txt 0")
u0=$(cat "$TMP/user")
awk -v a="$t1" -v b="$t0" -v ua="$u1" -v ub="$u0" 'BEGIN {
	printf "   per call: %.1f us wall, %.1f us user CPU (1000 calls: %.3f s, start-up %.3f s)\n",
	    (a - b) * 1e6 / 1000, (ua - ub) * 1e6 / 1000, a, b }'
if command -v dwdiff >/dev/null 2>&1; then
	t=$(median "dwdiff $TMP/old.txt $TMP/new.txt")
	awk -v a="$t" 'BEGIN { printf "   dwdiff, whole process: %.1f ms\n", a * 1e3 }'
fi
if command -v git >/dev/null 2>&1; then
	t=$(median "git diff --no-index --word-diff $TMP/old.txt $TMP/new.txt")
	awk -v a="$t" 'BEGIN { printf "   git --word-diff, whole process: %.1f ms\n", a * 1e3 }'
fi

echo "== pathological pairs (~1 MB each unless said)"
for kind in allchanged identical unrelated longline; do
	RUNS=5
	t=$(median "$B patho $kind 1")
	u=$(cat "$TMP/user")
	rss=$(/usr/bin/time -f %M "$B" patho "$kind" 1 2>&1 >/dev/null | tail -1)
	line=$("$B" patho "$kind" 1)
	awk -v k="$kind" -v t="$t" -v u="$u" -v m="$rss" -v l="$line" 'BEGIN {
		printf "   %-10s %7.1f ms wall %7.1f ms user %6.1f MB  %s\n", k,
		    t * 1e3, u * 1e3, m / 1024, l }'
done
