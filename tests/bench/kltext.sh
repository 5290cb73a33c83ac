#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kltext.sh - what extraction costs, against its peers.
#
# On the 60-page agreement written by build/tests/mkagreement (numbered
# clauses and headings through numbering.xml, bullets, tables, footnotes;
# about 25 000 words):
#   1. kltext --plain against pandoc -t plain       (goal: >= 25x faster)
#   2. kltext --plain against streaming the main part through xmllint:
#      unzip -p FILE word/document.xml | xmllint --stream --noout -
#                                                  (goal: within 2x)
#   3. peak RSS and time of kltext --plain at 1x, 4x and 16x the size
#      (/usr/bin/time -v): memory should grow no faster than the input.
#
# Medians from hyperfine --export-json.  Run by `make bench`, or alone:
#   KL_BIN=tools KL_BUILD=build sh tests/bench/kltext.sh
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
: "${KL_BUILD:=$KL_ROOT/build}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
KLTEXT=$KL_BIN/kltext
MK=$KL_BUILD/tests/mkagreement

for t in "$KLTEXT" "$MK"; do
	[ -x "$t" ] || { echo "kltext.sh: $t not built (make tests)" >&2
		exit 2; }
done
command -v hyperfine >/dev/null 2>&1 ||
	{ echo "kltext.sh: hyperfine is needed" >&2; exit 2; }

"$MK" -s 1 "$TMP/a1.docx"
"$MK" -s 4 "$TMP/a4.docx"
"$MK" -s 16 "$TMP/a16.docx"
words=$("$KLTEXT" --plain "$TMP/a1.docx" | wc -w)
echo "kltext benchmark document: $words words, $(wc -c < "$TMP/a1.docx")" \
    "bytes (.docx)"

# median CMD...: median wall seconds of each command, one per line.
median() {
	hyperfine -N --warmup 2 --min-runs 10 --export-json "$TMP/h.json" \
	    "$@" >/dev/null 2>&1 ||
	    hyperfine --warmup 2 --min-runs 10 --export-json "$TMP/h.json" \
	    "$@" >/dev/null
	perl -MJSON::PP -e 'local $/; my $j = decode_json(<STDIN>);
	    printf "%.6f\n", $_->{median} for @{$j->{results}}' < "$TMP/h.json"
	cp "$TMP/h.json" "$TMP/last.json"
}

# cpu: mean user+system seconds of the last median run (steadier than
# wall time on a loaded machine).
cpu() {
	perl -MJSON::PP -e 'local $/; my $j = decode_json(<STDIN>);
	    printf "%.6f\n", $_->{user} + $_->{system} for @{$j->{results}}' \
	    < "$TMP/last.json"
}

ratio() {
	perl -e 'printf "%.1f", $ARGV[0] / $ARGV[1]' "$1" "$2"
}

ms() {
	perl -e 'printf "%.1f ms", $ARGV[0] * 1000' "$1"
}

k=$(median "$KLTEXT --plain $TMP/a1.docx")
kc=$(cpu)
if command -v pandoc >/dev/null 2>&1; then
	p=$(median "pandoc -t plain $TMP/a1.docx")
	pc=$(cpu)
	echo "kltext --plain vs pandoc -t plain: $(ratio "$p" "$k")x faster" \
	    "(kltext $(ms "$k"), pandoc $(ms "$p"); goal >= 25x)"
	echo "  cpu time (user+sys): $(ratio "$pc" "$kc")x less" \
	    "(kltext $(ms "$kc"), pandoc $(ms "$pc"))"
else
	echo "kltext --plain vs pandoc -t plain: skipped (no pandoc)"
fi
if command -v xmllint >/dev/null 2>&1; then
	x=$(median "sh -c 'unzip -p $TMP/a1.docx word/document.xml |
	    xmllint --stream --noout -'")
	xc=$(cpu)
	echo "kltext --plain vs unzip|xmllint --stream: $(ratio "$k" "$x")x" \
	    "the time (kltext $(ms "$k"), unzip|xmllint $(ms "$x");" \
	    "goal <= 2x)"
	echo "  cpu time (user+sys): $(ratio "$kc" "$xc")x" \
	    "(kltext $(ms "$kc"), unzip|xmllint $(ms "$xc"))"
else
	echo "kltext --plain vs xmllint --stream: skipped (no xmllint)"
fi

# Peak memory at 1x, 4x, 16x.
for s in 1 4 16; do
	/usr/bin/time -v "$KLTEXT" --plain "$TMP/a$s.docx" > /dev/null \
	    2> "$TMP/time.$s"
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' \
	    "$TMP/time.$s")
	el=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$TMP/time.$s")
	echo "kltext --plain at ${s}x ($(wc -c < "$TMP/a$s.docx") bytes):" \
	    "peak RSS $rss KiB, wall $el"
done
