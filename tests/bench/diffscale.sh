#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# diffscale.sh - kldiff from .docx against the word-diff peers, and how
# its cost grows.
#
# 1. The three agreements of corpus/ from .docx (goal: under 50 ms).
# 2. A pair of 60-page agreements with about 300 planted edits
#    (mkpair.sh): kldiff reading both .docx files, against
#    `git diff --no-index --word-diff` and `dwdiff` on the text already
#    extracted (kltext --plain, or klsplit --plain before kltext exists).
#    Goals: within 2x of git, faster than dwdiff.
# 3. The same pair at 30x (about 1 800 pages): `kldiff --json` against
#    git and dwdiff, the goal again within 2x of git and faster than
#    dwdiff; the XML reading of one version alone (kltext) is shown too,
#    since libxml2 bounds it.
# 4. The pair at 1x, 10x, 30x and 100x: time, user CPU and peak memory,
#    per 1000 clauses (near-linear growth keeps these flat).
#
# Medians (wall) and mean user CPU from hyperfine; the machine may be
# shared, so user CPU is the steadier figure.  kldiff uses every
# processor (the versions are read side by side), so its user CPU is
# above its wall time; the goal against git is wall time.  KL_BENCH_MAX_SCALE=10
# leaves out the 30x and 100x pairs (about 1.4 and 4.5 MB of .docx each).
# ROUNDS (5) alternate rounds at 1x, ROUNDS30 (3) at 30x.
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
	hyperfine -N --warmup "${WARMUP:-2}" --runs "${RUNS:-10}" -i \
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

# rounds N CMD_A CMD_B [CMD_C]: the commands in alternate rounds (a shared
# machine drifts between fast and slow spells, so each ratio is taken
# within a round and its median over the rounds is the figure).  Sets
# aw au bw bu cw cu (the rounds' median wall and user seconds) and
# rab rac (median ratios A/B and A/C, wall) and rs (A/B of each round).
# CMD_C is run RUNS_C times a round (it may be slow), without warm-up.
rounds() {
	n=$1 ca=$2 cb=$3 cc=${4:-}
	: >"$TMP/rounds"
	r=0
	while [ "$r" -lt "$n" ]; do
		set -- $(bench a "$ca") $(bench b "$cb")
		if [ -n "$cc" ]; then
			set -- "$@" $(WARMUP=0 RUNS=${RUNS_C:-1} bench c "$cc")
		else
			set -- "$@" 0 0
		fi
		echo "$1 $2 $3 $4 $5 $6" >>"$TMP/rounds"
		r=$((r + 1))
	done
	med() {	# med COLUMN: the median of that column
		awk -v c="$1" '{ print $c }' "$TMP/rounds" | sort -n |
		    awk '{ v[NR] = $1 } END { printf "%s", v[int((NR + 1) / 2)] }'
	}
	aw=$(med 1) au=$(med 2) bw=$(med 3) bu=$(med 4) cw=$(med 5) cu=$(med 6)
	rab=$(awk '$3 > 0 { print $1 / $3 }' "$TMP/rounds" | sort -n |
	    awk '{ r[NR] = $1 } END { printf "%.2f", r[int((NR + 1) / 2)] }')
	rac=$(awk '$5 > 0 { print $1 / $5 }' "$TMP/rounds" | sort -n |
	    awk '{ r[NR] = $1 } END { printf "%.2f", r[int((NR + 1) / 2)] }')
	rs=$(awk '{ printf "%s%.2f", (NR > 1 ? " " : ""),
	    ($3 > 0 ? $1 / $3 : 0) }' "$TMP/rounds")
}

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
rounds "${ROUNDS:-5}" "$KLDIFF $TMP/o1.docx $TMP/n1.docx" \
    "git diff --no-index --word-diff $TMP/o1.txt $TMP/n1.txt"
kw=$aw ku=$au gw=$bw gu=$bu rw=$rab
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

if [ 30 -le "$MAX" ]; then
	echo "== 30x pair (~1 800 pages): kldiff --json from .docx vs peers on text"
	sh "$KL_ROOT/tests/bench/mkpair.sh" 30 "$TMP/o30.docx" "$TMP/n30.docx"
	plain "$TMP/o30.docx" >"$TMP/o30.txt"
	plain "$TMP/n30.docx" >"$TMP/n30.txt"
	n30=${ROUNDS30:-3}
	RUNS=${RUNS30:-5} rounds "$n30" \
	    "$KLDIFF --json $TMP/o30.docx $TMP/n30.docx" \
	    "git diff --no-index --word-diff $TMP/o30.txt $TMP/n30.txt" \
	    "dwdiff $TMP/o30.txt $TMP/n30.txt"
	printf '  %-34s wall %s  user %s\n' "kldiff --json OLD.docx NEW.docx" \
	    "$(ms "$aw")" "$(ms "$au")"
	printf '  %-34s wall %s  user %s\n' "git diff --no-index --word-diff" \
	    "$(ms "$bw")" "$(ms "$bu")"
	printf '  %-34s wall %s  user %s\n' "dwdiff" "$(ms "$cw")" "$(ms "$cu")"
	awk -v rab="$rab" -v rac="$rac" -v rs="$rs" -v au="$au" -v bu="$bu" \
	    -v cu="$cu" -v n="$n30" 'BEGIN {
		printf "  kldiff --json / git:    %.2fx wall, median of %d " \
		    "alternate rounds (%s); %.2fx user (goal <= 2)\n",
		    rab, n, rs, au / bu
		printf "  kldiff --json / dwdiff: %.2fx wall, %.2fx user " \
		    "(goal < 1)\n", rac, au / cu }'
	# the XML reading alone (one version; kldiff reads the two side
	# by side): libxml2's share, which no change of ours can lower
	if [ -x "$KL_BIN/kltext" ]; then
		set -- $(RUNS=${RUNS30:-5} bench kltext \
		    "$KL_BIN/kltext --plain $TMP/o30.docx")
		printf '  %-34s wall %s  user %s\n' \
		    "kltext --plain OLD.docx (reading)" "$(ms "$1")" \
		    "$(ms "$2")"
	fi
fi

echo "== growth: the same pair at 1x, 10x, 30x, 100x"
for s in 1 10 30 100; do
	[ "$s" -le "$MAX" ] || continue
	[ -f "$TMP/o$s.docx" ] || sh "$KL_ROOT/tests/bench/mkpair.sh" "$s" \
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
