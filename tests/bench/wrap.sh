#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# wrap.sh - what wrapping clause text costs (kldiff --width) on a clause
# of many edits and few spaces: N words joined by "." against the same
# words joined by ",", so every separator is an edit and no space offers a
# place to wrap.  Each size is timed wrapped (--width=80) and not
# (--width=0); the two should grow alike, linearly in N (4x the words,
# about 4x the time).  Medians from hyperfine when it is installed, else
# one run timed with /usr/bin/time.  Run by `make bench`, or alone:
#   sh tests/bench/wrap.sh
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klwrap.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

pair() {
	awk -v n="$1" 'BEGIN { printf "#klausul-clauses 1\n1\t\tclause\t1\t1.\tAvsnitt\t";
		for (i = 1; i < n; i++) printf "aaaaa."; print "aaaaa" }' >"$TMP/a.in"
	awk -v n="$1" 'BEGIN { printf "#klausul-clauses 1\n1\t\tclause\t1\t1.\tAvsnitt\t";
		for (i = 1; i < n; i++) printf "aaaaa,"; print "aaaaa" }' >"$TMP/b.in"
}

seconds() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -i --warmup 1 --runs "${RUNS:-5}" \
		    --export-json "$TMP/h.json" "$*" >/dev/null 2>&1
		awk -F: '/"median"/ { gsub(/[ ,]/, "", $2); print $2; exit }' \
		    "$TMP/h.json"
	else
		/usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -n 1
	fi
}

printf '%8s  %12s  %12s\n' words "width=0 s" "width=80 s"
for n in 10000 40000 160000; do
	pair $n
	w0=$(seconds "$KL_BIN/kldiff" --width=0 "$TMP/a.in" "$TMP/b.in")
	w80=$(seconds "$KL_BIN/kldiff" --width=80 "$TMP/a.in" "$TMP/b.in")
	printf '%8s  %12s  %12s\n' "$n" "$w0" "$w80"
done
