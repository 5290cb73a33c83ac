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
perl "$MK" nesting nest.pdf
like "$(run nest.pdf)" "^0:" "arrays nested 200 000 deep: read in bounded time"

# A content stream inflating to 1 GiB: poppler streams it (memory stays
# small) at about 100 MB/s, so only under KL_SLOW.
if [ -n "${KL_SLOW:-}" ]; then
	perl "$MK" bomb bomb.pdf
	like "$(run bomb.pdf)" "^0:" "a 1 GiB content stream: within 30 s"
fi

done_testing
