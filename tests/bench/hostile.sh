#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# hostile.sh - what each hostile or extreme input costs each tool.
#
# Generates the files of tests/helpers/mkhostile.c, runs kltext, klsplit
# and kldiff (as `kldiff good.docx FILE`) on each under /usr/bin/time and
# prints one row per run: case, tool, exit status, peak memory (MB),
# seconds, and the first line of the message.  The goal is every bad case
# under 1 s and 200 MB; rows over either are marked "OVER".  Run by
# `make bench`, or alone:
#   KL_BIN=tools KL_BUILD=build sh tests/bench/hostile.sh
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
: "${KL_BUILD:=$KL_ROOT/build}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klhostile.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
[ -x /usr/bin/time ] || { echo "hostile.sh: needs /usr/bin/time" >&2; exit 2; }
[ -x "$KL_BUILD/tests/mkhostile" ] ||
    { echo "hostile.sh: build mkhostile first (make tests)" >&2; exit 2; }

# Copies, so a rebuild during the run does not disturb it.
mkdir "$TMP/bin" "$TMP/h"
for t in kltext klsplit kldiff; do cp "$KL_BIN/$t" "$TMP/bin/"; done
"$KL_BUILD/tests/mkhostile" "$TMP/h"
cd "$TMP/h"

row() {
	# row CASE TOOL ARG...
	c=$1 t=$2
	shift 2
	/usr/bin/time -f '%e %M' -o "$TMP/time" timeout 60 "$TMP/bin/$t" \
	    "$@" >/dev/null 2>"$TMP/err" && rc=0 || rc=$?
	set -- $(tail -n 1 "$TMP/time")
	mb=$(awk -v k="$2" 'BEGIN { printf "%.1f", k / 1024 }')
	over=$(awk -v s="$1" -v k="$2" 'BEGIN {
	    if (s > 1 || k > 200 * 1024) print "OVER"; else print "" }')
	msg=$(head -n 1 "$TMP/err" | cut -c 1-110)
	printf '%-28s %-7s %4s %8s %7s %-4s %s\n' "$c" "$t" "$rc" "$mb" \
	    "$1" "$over" "$msg"
}

printf '%-28s %-7s %4s %8s %7s %-4s %s\n' case tool exit "peak MB" \
    seconds "" message
for f in *; do
	for t in kltext klsplit kldiff; do
		if [ $t = kldiff ]; then
			row "$f" $t good.docx "$f"
		else
			row "$f" $t "$f"
		fi
	done
done
# The limits lowered by their options.
row "bomb-lying-size.docx 1M" kltext --max-part-size=1M bomb-lying-size.docx
row "ratio-bomb.docx 100:1" kltext --max-ratio=100 ratio-bomb.docx
row "deep-nesting.docx 10" kltext --max-depth=10 deep-nesting.docx
row "200k-paragraphs.docx x2" kldiff 200k-paragraphs.docx \
    200k-paragraphs.docx
