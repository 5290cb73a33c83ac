#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# mkseeds.sh DIR SHARED - seed inputs for the fuzzers, made at run time.
#
# The .docx files of corpus/ and of SHARED/data are referenced, never
# copied into the tree.  Every seed starts with the configuration byte the
# harnesses read (fuzz.h): for fuzz_docx 0, 1, 2 = accept, reject, markup,
# and 0x40 added = "the rest is XML parts separated by NUL bytes" (the
# harness packs them into a .docx), so the fuzzer mutates XML rather than
# deflate streams.  For fuzz_diff two or three versions separated by the
# line "--klausul--".
set -eu
out=$1
shared=${2:-../shared}
rm -rf "$out"
mkdir -p "$out/docx" "$out/diff" "$out/text" "$out/records" "$out/pdf"

byte() { printf "\\$(printf '%03o' "$1")"; }

i=0
for f in corpus/*.docx "$shared"/data/realworld/*/*/*.docx \
    "$shared"/data/realworld/*/*/*/*.docx \
    "$shared"/data/realworld/*/*/*/*/*.docx "$shared"/data/swedish/*.docx
do
	[ -f "$f" ] || continue
	size=$(wc -c < "$f")
	[ "$size" -le 190000 ] || continue
	i=$((i + 1))
	base=$(basename "$f" .docx | tr -c "A-Za-z0-9_.\n-" "_")
	{ byte $((i % 3)); cat "$f"; } > "$out/docx/$i-$base.bin"
	# The XML parts of the package, each after a NUL.
	{
		byte $((64 + i % 3))
		for p in word/document.xml word/styles.xml word/numbering.xml \
		    word/footnotes.xml word/endnotes.xml word/comments.xml \
		    word/header1.xml word/footer1.xml; do
			unzip -p "$f" "$p" 2>/dev/null || true
			printf '\000'
		done
	} > "$out/docx/$i-$base.xml.bin"
done

sep='
--klausul--
'
t=corpus/text
if [ -f $t/samverkan-2019-2022.txt ]; then
	{ byte 0; cat $t/samverkan-2019-2022.txt; printf '%s' "$sep"
	  cat $t/samverkan-2023-2026.txt; } > "$out/diff/text-2.bin"
	{ byte 1; cat $t/samverkan-2019-2022.txt; printf '%s' "$sep"
	  cat $t/samverkan-2023-2026.txt; printf '%s' "$sep"
	  cat $t/samverkan-2027-2030.txt; } > "$out/diff/text-3.bin"
	for v in 2019-2022 2023-2026 2027-2030; do
		{ byte 0; cat $t/samverkan-$v.txt; } > "$out/text/$v.bin"
		# Plain text split into clauses, with sentences.
		{ byte 6; cat $t/samverkan-$v.txt; } > "$out/records/$v.bin"
	done
fi
if [ -f corpus/samverkan-2027-2030.docx ]; then
	{ byte 98; cat corpus/samverkan-2023-2026.docx; printf '%s' "$sep"
	  cat corpus/samverkan-2027-2030.docx; } > "$out/diff/docx-2.bin"
fi
# The corpus's PDFs, with default and with small limits.
for f in corpus/pdf/*.pdf; do
	[ -f "$f" ] || continue
	base=$(basename "$f" .pdf)
	{ byte 0; cat "$f"; } > "$out/pdf/$base.bin"
	{ byte 128; cat "$f"; } > "$out/pdf/$base.small.bin"
done
echo "seeds: $(ls "$out/pdf" | wc -l) pdf, $(ls "$out/docx" | wc -l) docx, $(ls "$out/diff" | wc -l) diff, $(ls "$out/text" | wc -l) text, $(ls "$out/records" | wc -l) records"
