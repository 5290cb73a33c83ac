#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff.sh - what a comparison costs.
#
# 1. The main job: kldiff (text, --json, --stat) on the three agreements
#    of corpus/, with peak memory.
# 2. Near-linear: kldiff on agreement-like clause streams of 1x, 4x and
#    16x the size, one clause in ten reworded, an amount changed, a clause
#    inserted and one moved per section; time and peak memory per 1000
#    clauses should stay flat.
# 3. Peers on the same words: wdiff -s and dwdiff -s on the clause texts of
#    the two newest agreements (they see words, not clauses: no moves, no
#    renumbering, no amounts), against kldiff --stat on the same streams.
#
# Medians from hyperfine when installed, else from five runs timed with
# /usr/bin/time.  Run by `make bench`, or alone:
#   KL_BIN=tools sh tests/bench/kldiff.sh
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
KLDIFF=$KL_BIN/kldiff
KLSPLIT=$KL_BIN/klsplit
C=$KL_ROOT/corpus
V1=$C/samverkan-2019-2022.docx
V2=$C/samverkan-2023-2026.docx
V3=$C/samverkan-2027-2030.docx

# median_seconds CMD: the median wall time of CMD (a shell command line),
# which must finish with status 0 or 1 (differences).
median_seconds() {
	if sh -c "$1"; then :; elif [ $? -gt 1 ]; then
		echo "bench: failed: $1" >&2
		exit 2
	fi
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine --warmup 1 --runs 7 -i --export-json "$TMP/h.json" \
		    "$1" >/dev/null 2>&1
		sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$TMP/h.json" |
		    head -1
	else
		for i in 1 2 3 4 5; do
			/usr/bin/time -f %e sh -c "$1" 2>&1 >/dev/null | tail -1
		done | sort -n | sed -n 3p
	fi
}

# peak_kib CMD: the peak resident memory of CMD in KiB.
peak_kib() {
	/usr/bin/time -v sh -c "$1" 2>&1 >/dev/null |
	    sed -n 's/.*Maximum resident set size (kbytes): *//p'
}

# A clause stream of $1 sections of 10 clauses and a table; variant $2
# (0 old, 1 new) rewords clause 3, changes the amount of clause 5, inserts
# a clause after 7 and moves clause 9 before clause 1 in every section.
make_stream() {
	awk -v sections="$1" -v new="$2" 'BEGIN {
		print "#klausul-clauses 1"
		w = "Parterna ska gemensamt verka för att arbetsgivare i hela " \
		    "länet kan rekrytera den kompetens de behöver, bl.a. inom " \
		    "vård och omsorg, teknik och industri samt utbildning"
		for (s = 1; s <= sections; s++) {
			printf "%d\t\tsection\t1\t%d.\tAvsnitt %d\tAvsnitt %d\n",
			    s, s, s, s
			if (new)
				clause(s, 9, 1)
			for (c = 1; c <= 10; c++) {
				if (new && c == 9)
					continue
				clause(s, c, new)
				if (new && c == 7)
					printf "%d.%d\t%d\tclause\t2\t\tAvsnitt %d\t" \
					    "Regionen ansvarar för uppföljningen av " \
					    "avsnitt %d.\n", s, 11, s, s, s
			}
			for (r = 1; r <= 3; r++)
				printf "row:K%d.%d\t%d\trow\t2\t\tAvsnitt %d\tKommun " \
				    "%d\\t%d 000\n", s, r, s, s, r, r * 25 + new * (r == 2)
		}
	}
	function clause(s, c, variant) {
		t = w " inom avsnitt " s " punkt " c "."
		if (variant && c == 3)
			sub(/gemensamt verka/, "tillsammans arbeta", t)
		if (c == 5)
			t = "Bidraget är " (variant ? "1 300 000" : "1 250 000") \
			    " kr per år för avsnitt " s "."
		printf "%d.%d\t%d\tclause\t2\t%d.%d.\tAvsnitt %d\t%s\n",
		    s, c, s, s, c, s, t
	}'
}

echo "== kldiff on corpus/ (three agreements)"
if [ -f "$V1" ] && [ -f "$V2" ] && [ -f "$V3" ]; then
	for mode in "" "--json" "--stat"; do
		cmd="$KLDIFF $mode $V1 $V2 $V3 >/dev/null"
		printf '  kldiff %-7s %8.4f s  %7s KiB peak\n' "$mode" \
		    "$(median_seconds "$cmd")" "$(peak_kib "$cmd")"
	done
else
	echo "  (corpus/*.docx missing: make corpus)"
fi

echo "== kldiff on clause streams: linear?"
for n in 25 100 400; do
	make_stream "$n" 0 >"$TMP/old$n.in"
	make_stream "$n" 1 >"$TMP/new$n.in"
	clauses=$(($(wc -l <"$TMP/old$n.in") - 1))
	cmd="$KLDIFF $TMP/old$n.in $TMP/new$n.in >/dev/null"
	t=$(median_seconds "$cmd")
	m=$(peak_kib "$cmd")
	printf '  %6d clauses  %8.4f s  %8.4f s/1000  %7s KiB peak\n' \
	    "$clauses" "$t" "$(echo "$t $clauses" | awk '{ print $1 * 1000 / $2 }')" "$m"
done

echo "== peers on the words of the two newest agreements"
if [ -f "$V2" ] && [ -f "$V3" ] && [ -x "$KLSPLIT" ]; then
	"$KLSPLIT" "$V2" >"$TMP/v2.in"
	"$KLSPLIT" "$V3" >"$TMP/v3.in"
	cut -f7 "$TMP/v2.in" | tail -n +2 >"$TMP/v2.txt"
	cut -f7 "$TMP/v3.in" | tail -n +2 >"$TMP/v3.txt"
	printf '  %-28s %8.4f s\n' "kldiff --stat (clauses)" \
	    "$(median_seconds "$KLDIFF --stat $TMP/v2.in $TMP/v3.in >/dev/null")"
	for peer in wdiff dwdiff; do
		if command -v $peer >/dev/null 2>&1; then
			printf '  %-28s %8.4f s\n' "$peer -s (words)" \
			    "$(median_seconds "$peer -s $TMP/v2.txt $TMP/v3.txt >/dev/null 2>&1")"
		else
			echo "  $peer: not installed"
		fi
	done
else
	echo "  (corpus/*.docx or klsplit missing)"
fi
