#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# sentences.sh - the sentence splitter: quality against the baselines and
# speed of the tokenizer and the splitter.
#
# 1. Quality: tests/sentences/eval.sh (klausul, the naive rule and ICU's
#    sv_SE BreakIterator on the legal gold set and on Talbanken).
# 2. Speed: ldiff_tokenize and ldiff_sentences (which tokenizes first)
#    over every paragraph of a text repeated to about $KL_SENT_MB MB
#    (default 16): $KL_SENT_TEXT if set, else the 60-page benchmark
#    agreement as kltext --plain gives it, else the gold paragraphs.
#    MB/s (10^6 bytes) from the means of hyperfine when installed, else
#    from the best of five runs of /usr/bin/time, over wall and over CPU
#    time; both include reading the file.
#
# Run by `make bench`, or alone:  sh tests/bench/sentences.sh
set -eu
: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BUILD:=$KL_ROOT/build}"
: "${KL_SHARED:=$KL_ROOT/../shared}"
: "${KL_SENT_MB:=16}"
SS=$KL_BUILD/tests/sentscore
if [ ! -x "$SS" ]; then	# `make bench` builds the tools, not the helpers
	rel=${KL_BUILD#"$KL_ROOT"/}
	(cd "$KL_ROOT" && ${MAKE:-make} -s BUILD="$rel" "$rel/tests/sentscore")
fi
[ -x "$SS" ] || { echo "sentences.sh: $SS: not built (make tests)" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

echo "== sentence boundaries: F1 on the gold sets (exact offsets)"
sh "$KL_ROOT/tests/sentences/eval.sh"

# The text: $KL_SENT_TEXT, else the plain text of the 60-page benchmark
# agreement ($KL_BENCH_DOCX or tests/bench/mkagreement.sh, read by kltext),
# else the paragraphs of the gold sets.
: "${KL_BIN:=$KL_ROOT/tools}"
doc=${KL_BENCH_DOCX:-}
if [ -z "$doc" ] && [ -f "$KL_ROOT/tests/bench/mkagreement.sh" ]; then
	sh "$KL_ROOT/tests/bench/mkagreement.sh" "$TMP/bench.docx" \
	    >/dev/null 2>&1 && doc=$TMP/bench.docx
fi
if [ -n "${KL_SENT_TEXT:-}" ]; then
	cp "$KL_SENT_TEXT" "$TMP/one.txt"
	src=$KL_SENT_TEXT
elif [ -n "$doc" ] && [ -x "$KL_BIN/kltext" ] &&
    "$KL_BIN/kltext" --plain "$doc" > "$TMP/one.txt" 2>/dev/null &&
    [ -s "$TMP/one.txt" ]; then
	src="the benchmark agreement ($(wc -c < "$TMP/one.txt") bytes)"
else
	"$SS" paras "$KL_ROOT/tests/sentences/gold-legal.txt" > "$TMP/one.txt"
	src="the legal gold paragraphs"
	tb=$KL_SHARED/data/talbanken-dev/sv_talbanken-ud-dev.conllu
	if [ -r "$tb" ]; then
		"$SS" talbanken "$tb" > "$TMP/tb.gold"
		"$SS" paras "$TMP/tb.gold" >> "$TMP/one.txt"
		src="$src and Talbanken"
	fi
fi
want=$((KL_SENT_MB * 1048576))
: > "$TMP/text.txt"
while [ "$(wc -c < "$TMP/text.txt")" -lt "$want" ]; do
	cat "$TMP/one.txt" "$TMP/one.txt" "$TMP/one.txt" "$TMP/one.txt" \
	    >> "$TMP/text.txt"
done
bytes=$(wc -c < "$TMP/text.txt")
paras=$(wc -l < "$TMP/text.txt")
echo
echo "== speed over $bytes bytes, $paras paragraphs: $src, repeated"

# CMD...: "wall cpu" seconds: the means of hyperfine, else the best of
# five runs of /usr/bin/time.  CPU (user + system) is what to compare on a
# loaded machine; wall is what a user waits.
seconds() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N --warmup 1 --runs 5 --export-json "$TMP/h.json" \
		    "$*" >/dev/null 2>&1
		for k in mean user system; do
			sed -n "s/^ *\"$k\": *\([0-9.e+-]*\),*\$/\1/p" \
			    "$TMP/h.json" | head -n 1
		done | awk '{ v[NR] = $1 } END { print v[1], v[2] + v[3] }'
	else
		for i in 1 2 3 4 5; do
			/usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null |
			    tail -n 1
		done | sort -n | head -n 1 | awk '{ print $1, $2 + $3 }'
	fi
}

echo "what       wall s     MB/s   cpu s     MB/s"
for what in tokens sentences; do
	set -- $(seconds "$SS" "$what" "$TMP/text.txt")
	awk -v w="$what" -v wall="$1" -v cpu="$2" -v b="$bytes" 'BEGIN {
		printf "%-10s %6.3f %8.1f  %6.3f %8.1f\n", w, wall,
		    b / 1e6 / wall, cpu, b / 1e6 / cpu
	}'
done
"$SS" tokens "$TMP/text.txt"
"$SS" sentences "$TMP/text.txt"
