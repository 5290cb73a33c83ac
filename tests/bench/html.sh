#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# html.sh - what the review outputs cost.
#
# 1. The main job: kldiff --html on the three agreements of corpus/ must
#    take under 100 ms (median); its size per unit and per clause of the
#    newest version, and kldiff --json on the same inputs as the yardstick
#    (the page's own cost is the difference).
# 2. kldiff --docx, the redline of the two newest agreements.
# 3. Near-linear: --html and --docx on the 60-page pair of mkpair.sh at
#    1x, 4x and 16x; time per 1000 units should stay flat.
#
# Medians from hyperfine when installed, else from five runs timed with
# /usr/bin/time.  Exit 1 when the corpus page takes 100 ms or more.
#   KL_BIN=tools sh tests/bench/html.sh
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
KLDIFF=$KL_BIN/kldiff
C=$KL_ROOT/corpus
V1=$C/samverkan-2019-2022.docx
V2=$C/samverkan-2023-2026.docx
V3=$C/samverkan-2027-2030.docx
LIMIT_MS=100

# median_seconds CMD: the median wall time of CMD (no shell: hyperfine
# -N, the output discarded), which must end with status 0 or 1.  The mean
# user CPU time is left in $USER_MS: on a loaded machine it is the steadier
# figure.
median_seconds() {
	if $1 >/dev/null; then :; elif [ $? -gt 1 ]; then
		echo "bench: failed: $1" >&2
		exit 2
	fi
	if command -v hyperfine >/dev/null 2>&1 &&
	    hyperfine -N --warmup 3 --runs "${RUNS:-21}" -i \
	    --export-json "$TMP/h.json" "$1" >/dev/null 2>&1; then
		USER_MS=$(sed -n 's/.*"user": *\([0-9.e-]*\).*/\1/p' \
		    "$TMP/h.json" | head -1 | awk '{ printf "%.1f", $1 * 1000 }')
		sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$TMP/h.json" |
		    head -1
	else
		USER_MS=?
		for i in 1 2 3 4 5; do
			/usr/bin/time -f %e $1 2>&1 >/dev/null | tail -1
		done | sort -n | sed -n 3p
	fi
}

peak_kib() {
	/usr/bin/time -v $1 2>&1 >/dev/null |
	    sed -n 's/.*Maximum resident set size (kbytes): *//p'
}

ms() {
	awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'
}

echo "kldiff --html, three versions of corpus/ (limit ${LIMIT_MS} ms):"
html="$KLDIFF --html $V1 $V2 $V3"
json="$KLDIFF --json $V1 $V2 $V3"
median_seconds "$html" >"$TMP/t"
th=$(cat "$TMP/t")
uh=$USER_MS
th_corpus=$th
median_seconds "$json" >"$TMP/t"
tj=$(cat "$TMP/t")
uj=$USER_MS
$html >"$TMP/r.html" || :
$json >"$TMP/r.jsonl" || :
units=$(wc -l <"$TMP/r.jsonl" | tr -d ' ')
clauses=$("$KL_BIN/klsplit" "$V3" | grep -vc '^#')
bytes=$(wc -c <"$TMP/r.html" | tr -d ' ')
printf '  --html  %7s ms median  %6s ms user  %7s KiB peak  %d bytes\n' \
    "$(ms "$th")" "$uh" "$(peak_kib "$html")" "$bytes"
printf '  --json  %7s ms median  %6s ms user  (the same units, %d bytes)\n' \
    "$(ms "$tj")" "$uj" "$(wc -c <"$TMP/r.jsonl" | tr -d ' ')"
printf '  %d units: %d bytes per unit; %d clauses in the newest version: %d bytes per clause\n' \
    "$units" $((bytes / units)) "$clauses" $((bytes / clauses))

echo "kldiff --docx, 2023-2026 -> 2027-2030:"
docx="$KLDIFF --docx --date=2026-01-01T00:00:00Z -o $TMP/r.docx $V2 $V3"
median_seconds "$docx" >"$TMP/t"
td=$(cat "$TMP/t")
printf '  --docx  %7s ms median  %6s ms user  %7s KiB peak  %d bytes\n' \
    "$(ms "$td")" "$USER_MS" "$(peak_kib "$docx")" \
    "$(wc -c <"$TMP/r.docx" | tr -d ' ')"

if command -v zip >/dev/null 2>&1; then
	echo "scale (mkpair.sh: 60 pages per 1x):"
	RUNS=5
	for n in 1 4 16; do
		sh "$KL_ROOT/tests/bench/mkpair.sh" $n "$TMP/o$n.docx" \
		    "$TMP/n$n.docx"
		u=$("$KLDIFF" --json "$TMP/o$n.docx" "$TMP/n$n.docx" | wc -l)
		tj=$(median_seconds "$KLDIFF --json $TMP/o$n.docx $TMP/n$n.docx")
		th=$(median_seconds "$KLDIFF --html $TMP/o$n.docx $TMP/n$n.docx")
		td=$(median_seconds "$KLDIFF --docx -o $TMP/x.docx $TMP/o$n.docx $TMP/n$n.docx")
		printf '  %3dx %6d units  json %8.1f ms  html %8.1f ms (%.2f ms/1000 more)  docx %8.1f ms (%.2f ms/1000 more)\n' \
		    "$n" "$u" "$(ms "$tj")" "$(ms "$th")" \
		    "$(awk -v a="$th" -v b="$tj" -v u="$u" 'BEGIN { print (a - b) * 1e6 / u }')" \
		    "$(ms "$td")" \
		    "$(awk -v a="$td" -v b="$tj" -v u="$u" 'BEGIN { print (a - b) * 1e6 / u }')"
	done
else
	echo "scale: zip not installed, skipped"
fi

if awk -v s="$th_corpus" -v l="$LIMIT_MS" 'BEGIN { exit !(s * 1000 < l) }'; then
	echo "ok: the corpus page in $(ms "$th_corpus") ms (< $LIMIT_MS ms)"
else
	echo "FAIL: the corpus page took $(ms "$th_corpus") ms (limit $LIMIT_MS ms)"
	exit 1
fi
