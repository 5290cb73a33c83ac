#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# pdf.sh - what reading a PDF costs, against poppler's own pdftotext.
#
# The 60-section agreement of mkpair.sh (about 74 pages, 30 000 words)
# exported by LibreOffice with a running header and a "Sida N av M"
# footer (corpus/src/make-pdf.py), then:
#   1. kltext on the PDF against pdftotext -layout   (goal: within 2x;
#      both parse with poppler, kltext also joins lines into paragraphs,
#      drops the furniture and learns the words for the hyphens)
#   2. what kltext gets back: words (recall, precision) and clause labels
#      against the .docx, and kldiff --substantive -q PDF .docx
# Needs soffice and python3-uno (/usr/bin/python3) for the export,
# pdftotext and hyperfine; a missing one is reported, not faked.
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klbench.XXXXXX")
LO=
cleanup() {
	[ -z "$LO" ] || kill "$LO" 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT
for t in soffice pdftotext hyperfine; do
	command -v $t >/dev/null 2>&1 ||
	    { echo "pdf.sh: skipped: $t not installed"; exit 0; }
done
/usr/bin/python3 -c 'import uno' 2>/dev/null ||
    { echo "pdf.sh: skipped: python3-uno not installed"; exit 0; }

sh "$KL_ROOT/tests/bench/mkpair.sh" 1 "$TMP/o.docx" "$TMP/n.docx"
soffice --headless --norestore -env:UserInstallation=file://$TMP/lo \
    --accept="pipe,name=klbench$$;urp;" >/dev/null 2>&1 &
LO=$!
KL_UNO_PIPE=klbench$$ /usr/bin/python3 "$KL_ROOT/corpus/src/make-pdf.py" \
    "$TMP" "$TMP/o.docx"
pages=$(pdfinfo "$TMP/o.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
echo "pdf benchmark document: ${pages:-?} pages, $(wc -c < "$TMP/o.pdf") bytes"

hyperfine -N --warmup 2 --min-runs 10 --export-json "$TMP/h.json" \
    "$KL_BIN/kltext $TMP/o.pdf" "pdftotext -layout $TMP/o.pdf /dev/null" \
    >/dev/null
perl -MJSON::PP -e 'local $/; my $j = decode_json(<STDIN>);
    my ($k, $p) = map { $_->{median} } @{$j->{results}};
    printf "kltext PDF vs pdftotext -layout: %.2fx the time (kltext %.1f ms," .
        " pdftotext %.1f ms; goal within 2x)\n", $k / $p, $k * 1000,
        $p * 1000' < "$TMP/h.json"

"$KL_BIN/kltext" --plain "$TMP/o.docx" >"$TMP/d.txt"
"$KL_BIN/kltext" --plain "$TMP/o.pdf" >"$TMP/p.txt"
"$KL_BIN/klsplit" "$TMP/o.docx" >"$TMP/d.cl"
"$KL_BIN/klsplit" "$TMP/o.pdf" >"$TMP/p.cl"
echo "words: $(perl "$KL_ROOT/tests/helpers/pdfscore.pl" words \
    "$TMP/d.txt" "$TMP/p.txt")"
echo "clause labels: $(perl "$KL_ROOT/tests/helpers/pdfscore.pl" labels \
    "$TMP/d.cl" "$TMP/p.cl")"
if "$KL_BIN/kldiff" --substantive -q "$TMP/o.pdf" "$TMP/o.docx"; then
	echo "kldiff --substantive PDF .docx: no change"
else
	echo "kldiff --substantive PDF .docx: changes (see kldiff --stat)"
fi
