#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# klsplit.sh - what splitting into clauses costs.
#
# 1. Linear: klsplit on agreement-like paragraph streams of 1x, 4x and 16x
#    the size; time and peak memory per 1000 paragraphs should stay flat.
# 2. Cheap next to extraction: `kltext DOC | klsplit` against `kltext DOC`
#    alone on the benchmark agreement (goal: within 1.5x).  The document
#    is $KL_BENCH_DOCX, else the 60-page agreement tests/bench/mkpair.sh
#    writes, else the largest .docx of corpus/ (said so in the output).
#
# Medians from hyperfine when it is installed, else from five runs timed
# with /usr/bin/time.  Run by `make bench`, or alone:
#   KL_BIN=tools sh tests/bench/klsplit.sh
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# Copies, so a rebuild during the run does not disturb it.
mkdir "$TMP/bin"
cp "$KL_BIN/klsplit" "$TMP/bin/"
[ -x "$KL_BIN/kltext" ] && cp "$KL_BIN/kltext" "$TMP/bin/"
KLSPLIT=$TMP/bin/klsplit
KLTEXT=$TMP/bin/kltext

# A paragraph stream: SECTIONS sections of numbered clauses, a lead-in
# with bullets, lettered items, a table and a footnote each.
make_stream() {
	awk -v sections="$1" 'BEGIN {
		print "#klausul-paragraphs 1"
		w = "Parterna ska gemensamt verka för att arbetsgivare i hela " \
		    "länet kan rekrytera den kompetens de behöver, bl.a. inom " \
		    "vård och omsorg, teknik och industri samt utbildning."
		for (s = 1; s <= sections; s++) {
			printf "heading\t1\t%d.\tHeading 1\t\t\t\tAvsnitt %d\n", s, s
			for (c = 1; c <= 8; c++)
				printf "item\t2\t%d.%d.\tKlausul\t\t%s\t\t%s " \
				    "Klausul %d.%d gäller från den 1 januari 2027.\n",
				    s, c, c == 1 ? "fn:" s : "", w, s, c
			printf "item\t2\t%d.9.\tKlausul\t\t\t\tParterna ska:\n", s
			for (b = 1; b <= 4; b++)
				printf "item\t1\t–\tList Bullet\t\t\t\tsamverka " \
				    "om område %d,\n", b
			for (b = 1; b <= 3; b++)
				printf "item\t3\t%c)\tKlausul\t\t\t\tinformera " \
				    "om beslut %d.\n", 96 + b, b
			for (r = 1; r <= 4; r++) {
				printf "cell\t0\t\t\tt%d.r%d.c1\t\t\tKommun %d\n", s, r, r
				printf "cell\t0\t\t\tt%d.r%d.c2\t\t\t%d 000\n", s, r, r * 25
			}
			printf "footnote\t0\t\tFootnote\tfn:%d\t\t\tJfr prop. " \
			    "2009/10:156.\n", s
		}
	}'
}

# measure CMD: "WALL CPU", the median wall time and the mean user+system
# time (children included) of CMD in seconds.  CPU time is the steadier of
# the two on a loaded machine.
measure() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N --warmup 2 --runs 15 --export-json "$TMP/h.json" \
		    "$1" >/dev/null 2>&1 || hyperfine --warmup 2 --runs 15 \
		    --export-json "$TMP/h.json" "$1" >/dev/null
		tr ',' '\n' <"$TMP/h.json" | awk -F: '
		    /"median"/ { m = $2 } /"user"/ { u = $2 }
		    /"system"/ { s = $2 } END { print m + 0, u + s }'
		return
	fi
	for i in 1 2 3 4 5; do
		/usr/bin/time -f '%e %U %S' sh -c "$1" 2>&1 >/dev/null | tail -1
	done | sort -n | awk 'NR == 3 { print $1, $2 + $3 }'
}

# peak_kb CMD: the peak resident set of CMD in KiB.
peak_kb() {
	/usr/bin/time -v $1 2>&1 >/dev/null |
	    sed -n 's/.*Maximum resident set size (kbytes): //p'
}

echo "klsplit: linearity on paragraph streams"
printf '%6s %9s %10s %12s %10s\n' size paragraphs seconds "us/paragraph" "peak KiB"
for k in 1 4 16; do
	make_stream $((500 * k)) >"$TMP/s$k.tsv"
	paras=$(($(wc -l <"$TMP/s$k.tsv") - 1))
	t=$(measure "$KLSPLIT $TMP/s$k.tsv -o /dev/null" | cut -d' ' -f1)
	m=$(peak_kb "$KLSPLIT $TMP/s$k.tsv -o /dev/null")
	printf '%5sx %9d %10s %12s %10s\n' "$k" "$paras" "$t" \
	    "$(echo "$t $paras" | awk '{ printf "%.2f", $1 * 1e6 / $2 }')" "$m"
done

echo
echo "klsplit: next to kltext"
if [ ! -x "$KLTEXT" ]; then
	echo "kltext not built: skipped"
	exit 0
fi
doc=${KL_BENCH_DOCX:-}
if [ -z "$doc" ] && [ -f "$KL_ROOT/tests/bench/mkpair.sh" ]; then
	sh "$KL_ROOT/tests/bench/mkpair.sh" 1 "$TMP/bench.docx" \
	    "$TMP/bench-new.docx" && doc=$TMP/bench.docx
fi
if [ -z "$doc" ]; then
	doc=$(ls -S "$KL_ROOT"/corpus/*.docx 2>/dev/null | head -1)
	[ -n "$doc" ] && echo "(no benchmark generator: using $doc)"
fi
if [ -z "$doc" ] || [ ! -f "$doc" ]; then
	echo "no document to measure: skipped"
	exit 0
fi
echo "document: $doc ($("$KLTEXT" "$doc" | wc -l) paragraphs," \
    "$("$KLSPLIT" "$doc" | wc -l) clauses)"
printf '%-22s %12s %12s\n' "" "wall (s)" "cpu (s)"
for cmd in "$KLTEXT $doc" "$KLTEXT $doc | $KLSPLIT" "$KLSPLIT $doc"; do
	measure "$cmd -o /dev/null" >"$TMP/one"
	read -r w c <"$TMP/one"
	printf '%-22s %12.4f %12.4f\n' "$(echo "$cmd" |
	    sed "s|$TMP/bin/||g; s|$doc|DOC|")" "$w" "$c"
	cat "$TMP/one" >>"$TMP/times"
done
awk 'NR == 1 { w = $1; c = $2 } NR == 2 {
	printf "kltext | klsplit vs kltext: %.2fx wall, %.2fx cpu " \
	    "(goal <= 1.5x): %s\n", $1 / w, $2 / c,
	    ($2 / c <= 1.5) ? "met" : "NOT met" }' "$TMP/times"
