#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# pdf.t - the signed agreement as archived (a PDF) against its .docx and
# against other versions.  The corpus's PDFs are LibreOffice exports of
# the .docx files with a running header and a "Sida N av M" footer
# (corpus/src/make-pdf.py), so the .docx is the truth for each one:
#   - words (kltext --plain, in order): recall and precision >= 0.99
#   - clause labels (klsplit ids with a label): both ways >= 0.98
#   - kldiff V.pdf V.docx: no substantive change, and >= 98 % of the
#     units equal or typography only (a PDF has no NBSP to tell apart)
#   - kldiff --stat of the PDF pair: the same substantive counts as of
#     the .docx pair
# Then what comes after: three versions mixing PDF and .docx, --html,
# --docx (NEW must be a .docx), --headers, and the refusals: a scan, an
# encrypted, a damaged, a hostile PDF end with exit 2, "kltext: FILE:
# reason", in bounded time.
. "$KL_ROOT/tests/lib/tap.sh"

C=$KL_ROOT/corpus
[ -f "$C/pdf/samverkan-2023-2026.pdf" ] || skip_all "corpus/pdf/ not made"
command -v perl >/dev/null 2>&1 || skip_all "perl (the scorer)"
perl -MAlgorithm::Diff -e1 2>/dev/null || skip_all "Algorithm::Diff"
export NO_COLOR=1
SCORE=$KL_ROOT/tests/helpers/pdfscore.pl
MK=$KL_ROOT/tests/helpers/mkpdf.pl
cd "$TMP" || exit 2

# at_least VALUE MIN NAME: VALUE >= MIN (decimals).
at_least() {
	awk -v v="$1" -v m="$2" 'BEGIN { exit !(v + 0 >= m + 0) }'
	_tap_result $? "$3 ($1 >= $2)"
}

for v in 2019-2022 2023-2026 2027-2030; do
	pdf=$C/pdf/samverkan-$v.pdf
	docx=$C/samverkan-$v.docx
	kl kltext --plain "$docx" >d.txt
	kl kltext --plain "$pdf" >p.txt
	set -- $(perl "$SCORE" words d.txt p.txt)
	at_least "$2" 0.99 "$v: word recall"
	at_least "$4" 0.99 "$v: word precision"
	kl klsplit "$docx" >d.cl
	kl klsplit "$pdf" >p.cl
	set -- $(perl "$SCORE" labels d.cl p.cl)
	at_least "$2" 0.98 "$v: the .docx's clause labels found in the PDF"
	at_least "$4" 0.98 "$v: the PDF's clause labels are the .docx's"
	kl kldiff --substantive -q "$pdf" "$docx"
	is "$?" 0 "$v: PDF against its .docx: no substantive change"
	kl kldiff --json "$pdf" "$docx" >units.json
	share=$(awk '{ n++ }
	    /"op":"equal"/ || (/"op":"changed"/ && /"substantive":false/ &&
	    /"class":\["typography"\]/) { good++ }
	    END { printf "%.4f", n ? good / n : 0 }' units.json)
	at_least "$share" 0.98 "$v: units equal or typography only"
	grep -q 'Sida' p.txt
	is "$?" 1 "$v: no page footer in the text"
	is "$(grep -c 'Överenskommelse om samverkan' p.txt)" \
	    "$(grep -c 'Överenskommelse om samverkan' d.txt)" \
	    "$v: the running header is not in the text"
done

# The --stat summary lines of the PDF pair and of the .docx pair: the
# same but for what a PDF cannot say (NBSP, NFC: typography only) and
# its header and footer (clauses of their own, never aligned).
subst() {
	sed -n 's/^classes: //p' | tr ',' '\n' |
	    grep -v -e typography -e '^ *$' | sed 's/^ *//'
}
for pair in "2019-2022 2023-2026" "2023-2026 2027-2030"; do
	set -- $pair
	kl kldiff --stat "$C/pdf/samverkan-$1.pdf" "$C/pdf/samverkan-$2.pdf" \
	    | subst >p.stat
	kl kldiff --stat "$C/samverkan-$1.docx" "$C/samverkan-$2.docx" \
	    | subst >d.stat
	is "$(cat p.stat)" "$(cat d.stat)" \
	    "--stat $1 → $2: PDFs and .docx agree on every substantive class"
done

# ---- downstream --------------------------------------------------------
kl kldiff "$C/pdf/samverkan-2019-2022.pdf" "$C/samverkan-2023-2026.docx" \
    "$C/pdf/samverkan-2027-2030.pdf" >three.txt 2>err
is "$?:$(cat err)" "1:" "three versions, PDF .docx PDF: differences, no error"
grep -q '2022/1184' three.txt
is "$?" 0 "three versions: the middle .docx's text is in the diff"
kl kldiff --html "$C/pdf/samverkan-2023-2026.pdf" \
    "$C/samverkan-2027-2030.docx" >d.html 2>err
is "$?:$(cat err)" "1:" "--html from a PDF"
grep -q '</html>' d.html
is "$?" 0 "--html: a whole page"
kl kldiff --docx -o r.docx "$C/pdf/samverkan-2023-2026.pdf" \
    "$C/samverkan-2027-2030.docx" 2>err
is "$?:$(cat err)" "1:" "--docx: OLD a PDF, NEW a .docx"
is "$(head -c 2 r.docx)" "PK" "--docx: a package"
kl kldiff --docx -o r2.docx "$C/samverkan-2023-2026.docx" \
    "$C/pdf/samverkan-2027-2030.pdf" 2>err
is "$?:$(cat err)" "2:kldiff: $C/pdf/samverkan-2027-2030.pdf: --docx needs the new version as a .docx, not a PDF" \
    "--docx: NEW a PDF is refused"
[ ! -e r2.docx ]
is "$?" 0 "--docx: nothing written"
kl kltext --plain --headers "$C/pdf/samverkan-2023-2026.pdf" >h.txt
grep -q '^\[ftr:1\] Sida 1 av 8$' h.txt
is "$?" 0 "--headers: the footer is kept, once"
cp "$C/pdf/samverkan-2023-2026.pdf" signed.docx
kl klsplit signed.docx >s.cl 2>err
is "$?:$(cat err)" "0:" "a PDF named .docx is read by its content"

# ---- line-end hyphens (a PDF written by mkpdf.pl) ----------------------
perl "$MK" text text.pdf
kl kltext --plain text.pdf >t.txt
grep -q 'utvecklingsansvaret i lanet och for Vasterbottens-kommunerna, som har kompetens- och utbildningsansvar' t.txt
is "$?" 0 "hyphens: joined, kept, kept with the space"
grep -q 'denna period av samverkan' t.txt
is "$?" 0 "a paragraph over a page break is joined"

# ---- automatic hyphenation (corpus/src/make-hyphen-pdf.py) -------------
# LibreOffice's Swedish hyphenation in a justified column 7 cm wide: most
# line ends are the typesetter's hyphen, some lines are two words spread
# wide, and the author's hyphens ("kompetens- och", "hälso- och",
# "Västerbottens-kommunerna", "EU-finansierade", "2023-års") must stay.
kl kltext --plain "$C/pdf/avstavning.docx" >hd.txt
kl kltext --plain "$C/pdf/avstavning.pdf" >hp.txt
set -- $(perl "$SCORE" words hd.txt hp.txt)
is "$2 $4" "1.0000 1.0000" "hyphenated PDF: word recall and precision 1"
is "$(diff hd.txt hp.txt)" "" "hyphenated PDF: the .docx's text, line for line"
for w in "kompetens- och" "hälso- och" "Västerbottens-kommunerna" \
    "EU-finansierade" "2023-års" "kompetensförsörjningsplaneringen"; do
	grep -q -- "$w" hp.txt
	is "$?" 0 "hyphenated PDF: $w"
done

# ---- refusals ----------------------------------------------------------
# run FILE [OPTION]: "exit:stderr" of kltext, within 30 s
run() {
	_f=$1
	shift
	timeout 30 "$KL_BIN/kltext" "$@" "$_f" >out 2>err
	echo "$?:$(cat err)"
}
perl "$MK" scan scan.pdf
is "$(run scan.pdf)" "2:kltext: scan.pdf: no text layer: run OCR first, e.g. ocrmypdf" \
    "a scan: exit 2, run OCR first"
is "$(cat out)" "" "a scan: nothing on stdout"
perl "$MK" encrypted enc.pdf
is "$(run enc.pdf)" "2:kltext: enc.pdf: an encrypted PDF: open it with its password and save it without one" \
    "an encrypted PDF: exit 2"
head -c 5000 "$C/pdf/samverkan-2023-2026.pdf" >cut.pdf
like "$(run cut.pdf)" "^2:kltext: cut.pdf: a damaged PDF" "a cut-off PDF: exit 2"
is "$(run "$C/pdf/samverkan-2023-2026.pdf" --max-pages=5)" \
    "2:kltext: $C/pdf/samverkan-2023-2026.pdf: 8 pages exceed --max-pages (5)" \
    "--max-pages"
perl "$MK" pages pages.pdf
like "$(run pages.pdf)" "^2:kltext: pages.pdf: " \
    "a page tree claiming 10^9 pages: exit 2"
# Hostile PDFs: scan.c decodes every stream and measures the nesting
# before poppler is given the bytes, so each ends with exit 2 and the
# limit's name, well within 2 s (poppler alone: the bomb 7-11 s, exit 0).
# fast NAME FILE [OPTION...]: exit 2 naming a limit, in under 2 s.
fast() {
	_name=$1
	shift
	_t0=$(date +%s%N)
	_r=$(run "$@")
	_ms=$((($(date +%s%N) - _t0) / 1000000))
	like "$_r" "^2:kltext: [^:]*: .*\\(--max-[a-z-]*\\)\$" \
	    "$_name: exit 2, the limit named"
	ok "$_name: in $_ms ms (< 2000)" [ "$_ms" -lt 2000 ]
}
perl "$MK" nesting nest.pdf
fast "arrays nested 200 000 deep in a content stream" nest.pdf
like "$(cat err)" "nests arrays or dictionaries deeper than 256 \(--max-depth\)" \
    "nesting: --max-depth named"
perl "$MK" deep deep.pdf
fast "arrays nested 100 000 deep in a page dictionary" deep.pdf
is "$(run deep.pdf --max-depth=200000 --plain)" "0:" \
    "nesting under a raised --max-depth is read (poppler's own limit)"
perl "$MK" bomb bomb.pdf
fast "a content stream inflating to 1 GiB" bomb.pdf
like "$(cat err)" "inflates more than 1000:1, a likely bomb \(--max-ratio\)" \
    "the bomb: --max-ratio named"
fast "the bomb with the ratio allowed: the stream's size" bomb.pdf \
    --max-ratio=100000 --max-part-size=64M
like "$(cat err)" "inflates past 64 MiB \(--max-part-size\)" \
    "the bomb: --max-part-size named"
perl "$MK" bomb2 bomb2.pdf
fast "[/FlateDecode /FlateDecode] to 256 MiB" bomb2.pdf
perl "$MK" a85bomb a85.pdf
fast "[/ASCII85Decode /FlateDecode] to 64 MiB, ratio allowed" a85.pdf \
    --max-ratio=100000 --max-part-size=63M
is "$(run a85.pdf --max-ratio=100000 --max-part-size=65M --plain)" "0:" \
    "the same within 65 MiB: read (the chain decodes to 64 MiB and a line)"
is "$(cat out)" "Bomb." "and its text is the line before the comment"

done_testing
