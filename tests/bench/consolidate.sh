#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# consolidate.sh - what kldiff --base costs as the responses grow.
#
# The draft is mkpair.sh's 60-page agreement (600 clauses, 25 000 words).
# Response i is the draft with tracked insertions by its own author, as a
# party's response is: words added to a clause in every seventh section
# (offset by i, so that some responses change the same clause
# differently: conflicts), and in the even responses the same sentence
# added to one clause (a group).  kldiff --base reads 4, 8, 16
# and 32 of them; the goal is 16 responses in under a second, the time
# linear in the responses (the seconds per added response stay flat
# once the draft's fixed cost is paid).  Text,
# then --docx and --html at 16.  Medians from hyperfine when installed,
# else from three runs timed with /usr/bin/time; with hyperfine the CPU
# time too (user + system, steadier than the wall time on a shared
# machine); peak memory from /usr/bin/time.  Run by `make bench`, or alone:
#   KL_BIN=tools sh tests/bench/consolidate.sh
# KL_BENCH_KEEP=1 keeps the draft and the responses (for a profiler).
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
[ -n "${KL_BENCH_KEEP:-}" ] && trap - EXIT && echo "kept $TMP"
KLDIFF=$KL_BIN/kldiff
command -v zip >/dev/null 2>&1 && command -v unzip >/dev/null 2>&1 || {
	echo "consolidate: zip or unzip not installed, skipped"
	exit 0
}

sh "$KL_ROOT/tests/bench/mkpair.sh" 1 "$TMP/draft.docx" "$TMP/unused.docx"
mkdir "$TMP/x"
(cd "$TMP/x" && unzip -q "$TMP/draft.docx")
i=1
while [ "$i" -le 32 ]; do
	mkdir "$TMP/r$i"
	cp -R "$TMP/x/." "$TMP/r$i"
	awk -v i="$i" '
	# a tracked insertion by the author of response i, inside the run
	function ins(words) {
		return "</w:t></w:r><w:ins w:id=\"" (++id) "\" w:author=\"" \
		    "Kommun " i "\" w:date=\"2026-10-20T10:00:00Z\"><w:r>" \
		    "<w:t xml:space=\"preserve\">" words "</w:t></w:r></w:ins>" \
		    "<w:r><w:t xml:space=\"preserve\">"
	}
	{
		for (s = 1 + i % 7; s <= 60; s += 7) {
			t = "enligt punkt 3 i avsnitt " s "\\."
			sub(t, "enligt punkt 3 i avsnitt " s ins(" och bilaga " \
			    (i % 3 + 1)) ".")
		}
		if (i % 2 == 0)
			sub("enligt punkt 5 i avsnitt 10\\.", "enligt punkt 5 " \
			    "i avsnitt 10." ins(" Uppföljningen sker varje år."))
		print
	}' "$TMP/x/word/document.xml" >"$TMP/r$i/word/document.xml"
	(cd "$TMP/r$i" && zip -qX -r "$TMP/r$i.docx" '[Content_Types].xml' \
	    _rels word)
	i=$((i + 1))
done

responses() {
	k=1
	while [ "$k" -le "$1" ]; do
		printf ' %s' "$TMP/r$k.docx"
		k=$((k + 1))
	done
}

# median_seconds CMD: the median wall time of CMD, which may exit 1.
median_seconds() {
	if sh -c "$1" >/dev/null; then :; elif [ $? -gt 1 ]; then
		echo "bench: failed: $1" >&2
		exit 2
	fi
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine --warmup 1 --runs 5 -i --export-json "$TMP/h.json" \
		    "$1" >/dev/null 2>&1
		sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$TMP/h.json" |
		    head -1
	else
		for k in 1 2 3; do
			/usr/bin/time -f %e sh -c "$1" 2>&1 >/dev/null | tail -1
		done | sort -n | sed -n 2p
	fi
}

# cpu_seconds: user + system CPU of the last hyperfine run (mean), the
# steadier figure on a shared machine; "-" without hyperfine.
cpu_seconds() {
	if [ -f "$TMP/h.json" ]; then
		awk -F: '/"user"/ { u = $2 + 0 } /"system"/ { s = $2 + 0 }
		    END { printf "%.3f", u + s }' "$TMP/h.json"
	else
		echo -
	fi
}

peak_kib() {
	/usr/bin/time -f %M sh -c "$1" 2>&1 >/dev/null | tail -1
}

echo "== kldiff --base: a 60-page draft, n responses (goal: 16 under 1 s)"
echo "   (each added response: the time over the previous line's)"
prev_n=0 prev_t=0
for n in 4 8 16 32; do
	cmd="$KLDIFF --base=$TMP/draft.docx$(responses "$n")"
	t=$(median_seconds "$cmd")
	printf '  %2d responses  %7.3f s  %6.4f s/added response  %6s s CPU  %7s KiB peak\n' \
	    "$n" "$t" "$(echo "$t $prev_t $n $prev_n" |
	    awk '{ print ($1 - $2) / ($3 - $4) }')" "$(cpu_seconds)" \
	    "$(peak_kib "$cmd")"
	prev_n=$n prev_t=$t
done
for fmt in docx html; do
	cmd="$KLDIFF --base=$TMP/draft.docx --$fmt -o $TMP/out.$fmt$(responses 16)"
	printf '  16 responses --%-4s %7.3f s\n' "$fmt" "$(median_seconds "$cmd")"
done
