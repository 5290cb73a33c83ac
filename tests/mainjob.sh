#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The main job: compare the three agreements of corpus/ the way a reviewer
# would, 2019–2022 -> 2023–2026 -> proposal 2027–2030.  Prints the
# statistics first (how much changed, where, of what kind), then the
# readable diff with each clause's history, and writes the same comparison
# for scripts (build/review.jsonl), as text (build/review.txt), as an HTML
# review page (build/review.html) and as a Word redline of the proposal
# (build/review-2027-2030.docx), the last two when kldiff can.
#
# Differences are the expected outcome: kldiff's exit status 1 is success
# here; only 2 (trouble) fails the job.
set -u
cd "$(dirname "$0")/.." || exit 2
BIN=${KL_BIN:-tools}
KLDIFF=$BIN/kldiff
OUT=${KL_BUILD:-build}
V1=corpus/samverkan-2019-2022.docx
V2=corpus/samverkan-2023-2026.docx
V3=corpus/samverkan-2027-2030.docx

if [ ! -x "$KLDIFF" ]; then
	echo "mainjob: $KLDIFF missing: run make first" >&2
	exit 2
fi
for f in "$V1" "$V2" "$V3"; do
	if [ ! -f "$f" ]; then
		echo "mainjob: $f missing (make corpus regenerates it)" >&2
		exit 2
	fi
done
mkdir -p "$OUT"

# kldiff's 0 (same) and 1 (different) are both a finished comparison.
run() {
	"$@"
	rc=$?
	if [ "$rc" -gt 1 ]; then
		echo "mainjob: failed ($rc): $*" >&2
		exit 2
	fi
}

rule() {
	printf '\n==== %s ====\n\n' "$1"
}

rule "Summary: kldiff --stat (clauses, words, classes, amounts, sections)"
run "$KLDIFF" --stat "$V1" "$V2" "$V3"

rule "Substantive changes: kldiff --substantive"
run "$KLDIFF" --substantive --color=never -o "$OUT/review.txt" \
    "$V1" "$V2" "$V3"
cat "$OUT/review.txt"

run "$KLDIFF" --json -o "$OUT/review.jsonl" "$V1" "$V2" "$V3"
rule "Written"
echo "text (substantive):   $OUT/review.txt"
echo "JSON Lines (all):     $OUT/review.jsonl ($(wc -l <"$OUT/review.jsonl") units)"
if "$KLDIFF" --help | grep -q -- '--html'; then
	run "$KLDIFF" --html -o "$OUT/review.html" "$V1" "$V2" "$V3"
	echo "HTML review page:     $OUT/review.html"
else
	echo "HTML review page:     (this kldiff has no --html yet)"
fi
# The proposal as Word shows a redline: 2023–2026 -> 2027–2030 as tracked
# changes in the proposal's own package.
if "$KLDIFF" --help | grep -q -- '--docx'; then
	run "$KLDIFF" --docx -o "$OUT/review-2027-2030.docx" "$V2" "$V3"
	echo "Word redline:         $OUT/review-2027-2030.docx"
fi
exit 0
