#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What a new user gives the tools by mistake, and what they must say:
# -o naming one of the inputs (by another name or a hard link) is refused
# before anything is written; a PDF is read as a PDF by its content
# (whatever its name), so a damaged one is called a damaged PDF; an RTF
# file, an old .doc or an OpenDocument text is named as what it is, never
# compared as text; any other file named .docx is always read as a zip; a cut-off .docx is called
# damaged or truncated; kltext reads its own paragraph stream from a file
# as it does from standard input.
. "$KL_ROOT/tests/lib/tap.sh"

A=$KL_ROOT/corpus/samverkan-2023-2026.docx
B=$KL_ROOT/corpus/samverkan-2027-2030.docx
[ -f "$A" ] && [ -f "$B" ] || skip_all "corpus/ has no agreements yet"
export LC_ALL=C.UTF-8 NO_COLOR=1
command -v python3 >/dev/null 2>&1 || skip_all "python3 (makes the .odt)"

cd "$TMP" || exit 2

# ---- -o over an input ------------------------------------------------
cp "$A" a.docx
cp "$A" orig.docx
ln a.docx hard.docx
# "tool ARGS" runs, with OUT the -o file
refused() {
	_out=$1
	shift
	_t=$1
	shift
	kl "$_t" -o "$_out" "$@" >out 2>err
	is "$?" 2 "$_t -o $_out $*: exit 2"
	is "$(cat err)" "$_t: $_out: output would overwrite an input" \
	    "$_t -o $_out $*: told on stderr"
	ok "$_t -o $_out $*: input untouched" cmp -s a.docx orig.docx
	is "$(ls | grep -c '\.docx\.')" 0 "$_t -o $_out $*: no temp left"
}
refused a.docx kltext a.docx
refused ./a.docx kltext a.docx
refused a.docx kltext "$TMP/a.docx"
refused hard.docx kltext a.docx
refused a.docx klsplit a.docx
refused hard.docx klsplit ./a.docx
refused a.docx kldiff a.docx "$B"
refused a.docx kldiff "$B" a.docx
refused a.docx kldiff --docx "$B" ./a.docx
refused hard.docx kldiff --html a.docx "$B"
kl kltext -o a.docx - <a.docx >out 2>err
is "$?:$(cat err)" "2:kltext: a.docx: output would overwrite an input" \
    "kltext -o a.docx < a.docx: refused"
ok "kltext -o a.docx < a.docx: input untouched" cmp -s a.docx orig.docx
kl klsplit -o a.docx <a.docx >out 2>err
is "$?:$(cat err)" "2:klsplit: a.docx: output would overwrite an input" \
    "klsplit -o a.docx < a.docx: refused"
# a distinct output, and /dev/null, still work
kl kltext -o p.tsv a.docx 2>err
is "$?:$(cat err)" "0:" "kltext -o OTHER INPUT: runs"
kl kldiff -o /dev/null a.docx "$B" 2>err
is "$?:$(cat err)" "1:" "kldiff -o /dev/null: runs"

# ---- documents that are not .docx ----------------------------------
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' \
    >doc.pdf
cp doc.pdf pdf.docx
printf '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hej}\n' >doc.rtf
printf '\320\317\021\340\241\261\032\341' >old.doc
head -c 2000 /dev/zero >>old.doc
printf 'Avtalet gäller 2023–2026.\n' >text.docx
printf 'Avtalet gäller 2023–2026.\n' >old.txt
printf 'Avtalet gäller 2027–2030.\n' >new.txt
python3 - <<'EOF'
import zipfile
z = zipfile.ZipFile("doc.odt", "w")
z.writestr("mimetype", "application/vnd.oasis.opendocument.text",
           compress_type=zipfile.ZIP_STORED)
z.writestr("content.xml", "<office:document-content/>")
z.close()
EOF

# tool FILE: "exit:stderr"
run() {
	_t=$1
	shift
	if [ "$_t" = kldiff ]; then
		kl kldiff "$@" "$B" >out 2>err
	else
		kl "$_t" "$@" >out 2>err
	fi
	echo "$?:$(cat err)"
}
for t in kltext klsplit kldiff; do
	like "$(run $t doc.pdf)" "^2:$t: doc.pdf: a damaged PDF" \
	    "$t: a broken PDF is called one"
	like "$(run $t pdf.docx)" "^2:$t: pdf.docx: a damaged PDF" \
	    "$t: a PDF named .docx is read as a PDF"
	is "$(run $t doc.rtf)" "2:$t: doc.rtf: an RTF document, not a .docx" \
	    "$t: an RTF file is named"
	is "$(run $t old.doc)" "2:$t: old.doc: a Word 97-2003 .doc, not a .docx; save it as .docx and try again" \
	    "$t: an old .doc is named"
	is "$(run $t doc.odt)" "2:$t: doc.odt: an OpenDocument text (.odt), not a .docx" \
	    "$t: an .odt is named"
	is "$(run $t text.docx)" "2:$t: text.docx: not a zip archive, so not a .docx" \
	    "$t: a text file named .docx is read as a zip"
	like "$(run $t - <doc.pdf)" "^2:$t: .standard input.: a damaged PDF" \
	    "$t: a PDF on standard input is read as a PDF"
	# nothing on stdout for any of them
	is "$(cat out)" "" "$t: nothing on stdout"
done
# a web page saved under the document's name (a login page downloaded)
printf '\n  <!DOCTYPE HTML>\n<html><body>Logga in</body></html>\n' >login.docx
for t in kltext klsplit kldiff; do
	is "$(run $t login.docx)" "2:$t: login.docx: an HTML page, not a .docx (a download that failed?)" \
	    "$t: an HTML page named .docx is named"
done
# an empty .docx (a failed save): empty, not a zip of no parts
: >empty.docx
for t in kltext klsplit kldiff; do
	is "$(run $t empty.docx)" "2:$t: empty.docx: an empty file (0 bytes), not a .docx" \
	    "$t: an empty .docx is named"
done
# an empty text file is an empty version, not an error
: >empty.txt
kl kldiff empty.txt old.txt >out 2>err
is "$?:$(cat err)" "1:" "kldiff: an empty text file is a version"
# the name decides, in any case of letters
cp text.docx TEXT.DOCX
is "$(run kldiff TEXT.DOCX)" "2:kldiff: TEXT.DOCX: not a zip archive, so not a .docx" \
    "kldiff: .DOCX is a .docx too"
# plain text under another name is still text
kl kldiff old.txt new.txt >out 2>err
is "$?:$(cat err)" "1:" "kldiff: text files are still compared"

# text saved as "Unicode" (UTF-16) is named, with and without its mark
printf 'Avtalet gäller 2023–2026.\n' | iconv -t UTF-16 >u16.txt
printf 'Avtalet gäller 2023–2026.\n' | iconv -t UTF-16BE >u16be.txt
printf 'Avtalet gäller 2023–2026.\n' | iconv -t UTF-16LE >u16le.txt
for f in u16.txt u16be.txt u16le.txt; do
	for t in klsplit kldiff; do
		is "$(run $t $f)" "2:$t: $f: UTF-16 text, not UTF-8; save it as UTF-8 and try again" \
		    "$t: UTF-16 text ($f) is named"
	done
done

# ---- a cut-off .docx -----------------------------------------------
size=$(wc -c <"$A")
for n in 30 5000 9000 13900 $((size / 2)) $((size - 1)); do
	head -c "$n" "$A" >cut.docx
	for t in kltext klsplit kldiff; do
		like "$(run $t cut.docx)" \
		    "^2:$t: cut\\.docx: damaged or truncated zip archive \\(" \
		    "$t: the first $n bytes: damaged or truncated"
	done
done
head -c 9000 "$A" >cut.bin
like "$(run kldiff cut.bin)" "^2:kldiff: cut\\.bin: damaged or truncated zip archive" \
    "kldiff: cut off under another name: damaged or truncated"
like "$(run kltext - <cut.bin)" "^2:kltext: \\(standard input\\): damaged or truncated zip archive" \
    "kltext: cut off on standard input: damaged or truncated"

# ---- kltext: its own stream from a file ------------------------------
kl kltext "$A" >p.tsv
kl kltext -p <p.tsv >stdin.txt 2>err
is "$?:$(cat err)" "0:" "kltext -p < stream: runs"
kl kltext -p p.tsv >file.txt 2>err
is "$?:$(cat err)" "0:" "kltext -p STREAM-FILE: runs"
golden file.txt stdin.txt "kltext -p STREAM-FILE: as on standard input"
kl kltext -j p.tsv >file.json 2>/dev/null
kl kltext -j <p.tsv >stdin.json
golden file.json stdin.json "kltext -j STREAM-FILE: as on standard input"
kl kltext -p "$A" >docx.txt
golden file.txt docx.txt "kltext -p STREAM-FILE: as on the .docx"
# a pipe (a FIFO, as <(...) and /dev/stdin give): read once, into memory
mkfifo fifo
cat p.tsv >fifo &
kl kltext -p fifo >fifo.txt 2>err
is "$?:$(cat err)" "0:" "kltext -p FIFO of the stream: runs"
wait
golden fifo.txt stdin.txt "kltext -p FIFO of the stream: as on standard input"
cat "$A" >fifo &
kl kltext -p fifo >fifo.txt 2>err
is "$?:$(cat err)" "0:" "kltext -p FIFO of the .docx: runs"
wait
golden fifo.txt docx.txt "kltext -p FIFO of the .docx: as the file"
cp p.tsv stream.docx
is "$(run kltext stream.docx)" "2:kltext: stream.docx: not a zip archive, so not a .docx" \
    "kltext: a stream named .docx is read as a zip"

done_testing
