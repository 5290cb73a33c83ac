#!/bin/sh
# diffscale.sh - kldiff from .docx against the word-diff peers, and how
# its cost grows.
#
# 1. The three agreements of corpus/ from .docx (goal: under 50 ms).
# 2. A pair of 60-page agreements with about 300 planted edits
#    (mkpair.sh): kldiff reading both .docx files, against
#    `git diff --no-index --word-diff` and `dwdiff` on the text already
#    extracted (kltext --plain, or klsplit --plain before kltext exists).
#    Goals: within 2x of git, faster than dwdiff.
# 3. The same pair at 10x and 100x: time, user CPU and peak memory, per
#    1000 clauses (near-linear growth keeps these flat).
#
# Medians (wall) and mean user CPU from hyperfine; the machine may be
# shared, so user CPU is the steadier figure.  kldiff uses every
# processor (the versions are read side by side), so its user CPU is
# above its wall time; the goal against git is wall time.  KL_BENCH_MAX_SCALE=10
# leaves out the 100x pair (about 4.5 MB of .docx each).
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
KLDIFF=$KL_BIN/kldiff
C=$KL_ROOT/corpus
MAX=${KL_BENCH_MAX_SCALE:-100}

command -v hyperfine >/dev/null 2>&1 || {
	echo "diffscale: hyperfine not installed, skipped"
	exit 0
}

# bench NAME CMD: "median_wall mean_user" in seconds; CMD may exit 1.
bench() {
	rm -f "$TMP/h.json"
	hyperfine -N --warmup 2 --runs "${RUNS:-10}" -i \
	    --export-json "$TMP/h.json" "$2" >"$TMP/h.log" 2>&1 || {
		echo "diffscale: hyperfine failed on: $2" >&2
		cat "$TMP/h.log" >&2
		echo "0 0"
		return
	}
	tr ',' '\n' <"$TMP/h.json" | awk -F: '
	    /"median"/ { m = $2 } /"user"/ { u = $2 }
	    END { printf "%s %s\n", m, u }'
}

peak_kib() {
	/usr/bin/time -v sh -c "$1" 2>&1 >/dev/null |
	    sed -n 's/.*Maximum resident set size (kbytes): *//p'
}

plain() {
	if [ -x "$KL_BIN/kltext" ]; then
		"$KL_BIN/kltext" --plain "$1"
	else
		"$KL_BIN/klsplit" --plain "$1"
	fi
}

ms() { awk -v s="$1" 'BEGIN { printf "%8.1f ms", s * 1000 }'; }

echo "== kldiff, three agreements of corpus/ from .docx (goal < 50 ms)"
if [ -f "$C/samverkan-2027-2030.docx" ]; then
	v="$C/samverkan-2019-2022.docx $C/samverkan-2023-2026.docx"
	set -- $(bench corpus "$KLDIFF $v $C/samverkan-2027-2030.docx")
	echo "  wall $(ms "$1")   user $(ms "$2")"
else
	echo "  (corpus/*.docx missing: make corpus)"
fi

echo "== 60-page pair, ~300 edits: kldiff from .docx vs peers on text"
sh "$KL_ROOT/tests/bench/mkpair.sh" 1 "$TMP/o1.docx" "$TMP/n1.docx"
plain "$TMP/o1.docx" >"$TMP/o1.txt"
plain "$TMP/n1.docx" >"$TMP/n1.txt"
# kldiff and git in alternate rounds: a shared machine drifts between
# fast and slow spells, and the ratio is taken within each round (its
# median over the rounds is the figure); the times are the rounds' medians.
: >"$TMP/rounds"
r=0
while [ "$r" -lt "${ROUNDS:-5}" ]; do
	set -- $(bench kldiff "$KLDIFF $TMP/o1.docx $TMP/n1.docx") \
	    $(bench git "git diff --no-index --word-diff $TMP/o1.txt $TMP/n1.txt")
	echo "$1 $2 $3 $4" >>"$TMP/rounds"
	r=$((r + 1))
done
set -- $(sort -n -k1 "$TMP/rounds" | awk '{ k[NR] = $1; u[NR] = $2 }
    END { printf "%s %s", k[int((NR + 1) / 2)], u[int((NR + 1) / 2)] }')
kw=$1 ku=$2
set -- $(sort -n -k3 "$TMP/rounds" | awk '{ g[NR] = $3; u[NR] = $4 }
    END { printf "%s %s", g[int((NR + 1) / 2)], u[int((NR + 1) / 2)] }')
gw=$1 gu=$2
rw=$(awk '{ print $1 / $3 }' "$TMP/rounds" | sort -n |
    awk '{ r[NR] = $1 } END { printf "%.2f", r[int((NR + 1) / 2)] }')
rs=$(awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $1 / $3 }' "$TMP/rounds")
set -- $(bench dwdiff "dwdiff $TMP/o1.txt $TMP/n1.txt")
dw=$1 du=$2
printf '  %-34s wall %s  user %s\n' "kldiff OLD.docx NEW.docx" \
    "$(ms "$kw")" "$(ms "$ku")"
printf '  %-34s wall %s  user %s\n' "git diff --no-index --word-diff" \
    "$(ms "$gw")" "$(ms "$gu")"
printf '  %-34s wall %s  user %s\n' "dwdiff" "$(ms "$dw")" "$(ms "$du")"
awk -v rw="$rw" -v rs="$rs" -v ku="$ku" -v gu="$gu" -v dw="$dw" \
    -v kw="$kw" -v du="$du" -v n="${ROUNDS:-5}" 'BEGIN {
	printf "  kldiff / git:    %.2fx wall, median of %d alternate " \
	    "rounds (%s); %.2fx user (goal <= 2)\n", rw, n, rs, ku / gu
	printf "  kldiff / dwdiff: %.2fx wall, %.2fx user (goal < 1)\n",
	    kw / dw, ku / du }'

echo "== growth: the same pair at 1x, 10x, 100x"
for s in 1 10 100; do
	[ "$s" -le "$MAX" ] || continue
	[ "$s" -eq 1 ] || sh "$KL_ROOT/tests/bench/mkpair.sh" "$s" \
	    "$TMP/o$s.docx" "$TMP/n$s.docx"
	n=$("$KL_BIN/klsplit" --plain "$TMP/o$s.docx" | wc -l)
	RUNS=$([ "$s" -ge 100 ] && echo 3 || echo 10)
	set -- $(RUNS=$RUNS bench "x$s" "$KLDIFF $TMP/o$s.docx $TMP/n$s.docx")
	m=$(peak_kib "$KLDIFF $TMP/o$s.docx $TMP/n$s.docx >/dev/null")
	awk -v s="$s" -v n="$n" -v w="$1" -v u="$2" -v m="$m" 'BEGIN {
		printf "  %4dx %7d clauses  wall %9.1f ms  user %9.1f ms" \
		    "  %7.3f ms user/1000 clauses  %8d KiB peak\n",
		    s, n, w * 1000, u * 1000, u * 1e6 / n, m }'
	rm -f "$TMP/o$s.docx.gz"
done
