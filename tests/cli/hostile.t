#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# hostile.t - kltext, klsplit and kldiff on damaged, hostile and extreme
# inputs (written by tests/helpers/mkhostile.c).
#
# For every bad input each tool must exit 2, print nothing on stdout, say
# "tool: FILE[:LINE]: reason" on stderr, leave an existing -o file as it
# was with no temporary file beside it, never show a line of /etc/passwd,
# stay under 200 MB, and end well before the hang guard.  The harmless
# extremes (an empty document, only tables, 200 000 paragraphs) must
# work.  Limits hit must name the part and the option that raises them,
# and each --max-* option must move its limit both ways.  A check known
# to fail is marked TODO with the reason, until the owner fixes it.
. "$KL_ROOT/tests/lib/tap.sh"

B=${KL_BUILD:-$KL_ROOT/build}/tests
[ -x "$B/mkhostile" ] || skip_all "mkhostile not built"
for t in kltext klsplit kldiff; do
	[ -x "$KL_BIN/$t" ] || skip_all "$t not built"
done

# The files are generated once per build of mkhostile (the 1 GB bomb
# takes seconds of deflate), into a directory named by its checksum and
# renamed into place whole, so test runs side by side never see half a
# set.  Sets of other builds are removed once they are hours old (a run
# under valgrind may still be reading one).
top=${KL_BUILD:-$KL_ROOT/build}
H=$top/hostile-$(cksum < "$B/mkhostile" | cut -d' ' -f1)
if [ ! -d "$H" ]; then
	mkdir -p "$H.$$" && "$B/mkhostile" "$H.$$" ||
	    { rm -rf "$H.$$"; echo "Bail out! mkhostile failed"; exit 1; }
	mv -T "$H.$$" "$H" 2>/dev/null || rm -rf "$H.$$"
	find "$top" -maxdepth 1 -name 'hostile-*' ! -path "$H" -mmin +240 \
	    -exec rm -rf {} + 2>/dev/null
fi
cd "$H" || exit 1

# A hang guard, not a speed test (tests/bench/hostile.sh measures): the
# 200 000-paragraph cases take seconds on a loaded machine, more under ASan.
HANG=60
CHECK_RSS=1
TOOLS="kltext klsplit kldiff"
if [ -n "${KL_WRAP:-}" ]; then
	HANG=600
	CHECK_RSS=
fi
# Under valgrind (KL_SLOW) the package and XML cases run through kltext
# only: klsplit and kldiff reach the same reader.
[ -n "${KL_SLOW:-}" ] && TOOLS=kltext
case ${KL_BUILD:-} in *asan*|*tsan*) CHECK_RSS= HANG=300 ;; esac
TIME=/usr/bin/time
[ -x $TIME ] || { TIME=; CHECK_RSS=; diag "no /usr/bin/time: RSS not checked"; }
grep -v '^$' /etc/passwd > "$TMP/passwd"

# res STATUS NAME: a result (STATUS 0 is a pass).
res() {
	_tap_result "$1" "$2"
}

# run TOOL ARG...: rc, $TMP/out, $TMP/err, $TMP/time ("seconds KB").
run() {
	_t=$1
	shift
	if [ -n "$TIME" ]; then
		$TIME -f '%e %M' -o "$TMP/time.raw" timeout $HANG \
		    ${KL_WRAP:-} "$KL_BIN/$_t" "$@" >"$TMP/out" 2>"$TMP/err"
		rc=$?
		tail -n 1 "$TMP/time.raw" > "$TMP/time"
	else
		timeout $HANG ${KL_WRAP:-} "$KL_BIN/$_t" "$@" \
		    >"$TMP/out" 2>"$TMP/err"
		rc=$?
		echo "0 0" > "$TMP/time"
	fi
}

# The checks every run gets: no leak of /etc/passwd, bounded memory.
common_checks() {
	cat "$TMP/out" "$TMP/err" | grep -F -q -f "$TMP/passwd"
	res $((1 - $?)) "$1: no line of /etc/passwd in the output"
	if [ -n "$CHECK_RSS" ]; then
		kb=$(cut -d' ' -f2 < "$TMP/time")
		[ "${kb:-0}" -lt 204800 ]
		res $? "$1: peak RSS ${kb} KB < 200 MB"
	fi
}

# fails TOOL FILE REGEX [ARG...]: exit 2, nothing on stdout, the message
# names the file and says why on one line; with $OCHECK set, an existing
# -o FILE is left alone.
OCHECK=
fails() {
	_tool=$1 _file=$2 _re=$3
	shift 3
	if [ "$_tool" = kldiff ]; then
		set -- "$@" good.docx "$_file"
	else
		set -- "$@" "$_file"
	fi
	run "$_tool" "$@"
	_n="$_tool $*"
	res $([ "$rc" -eq 2 ]; echo $?) "$_n: exit 2 (got $rc)"
	res $([ ! -s "$TMP/out" ]; echo $?) "$_n: nothing on stdout"
	_msg=$(head -n 1 "$TMP/err")
	printf '%s\n' "$_msg" | grep -Eq -- "^$_tool: $_file(:[0-9]+)?: "
	res $? "$_n: message names the file: $_msg"
	grep -Eiq -- "$_re" "$TMP/err"
	res $? "$_n: message says why ($_re)"
	grep -v -q "^$_tool: " "$TMP/err"
	res $((1 - $?)) "$_n: every stderr line is '$_tool: ...'"
	common_checks "$_n"
	[ -n "$OCHECK" ] || return 0
	# -o: an existing file is left as it was, nothing left beside it.
	echo keep > "$TMP/o/keep"
	run "$_tool" -o "$TMP/o/keep" "$@"
	res $([ "$rc" -eq 2 ] && [ "$(cat "$TMP/o/keep")" = keep ] &&
	    [ "$(ls "$TMP/o" | wc -l)" -eq 1 ]; echo $?) \
	    "$_n -o: exit 2, existing file untouched, no temporary left"
}
mkdir -p "$TMP/o"

# ---- damaged packages and impostors ------------------------------------
for t in $TOOLS; do
	OCHECK=1
	fails $t damaged-zip.docx 'damaged or truncated zip archive'
	OCHECK=
	fails $t truncated-10.docx 'zip'
	fails $t truncated-50.docx 'zip'
	fails $t truncated-90.docx 'zip'
	fails $t truncated-cd.docx 'zip'
	fails $t corrupt-deflate.docx 'word/document.xml: damaged'
	fails $t zip-not-docx.docx 'an OpenDocument text \(\.odt\), not a \.docx'
	fails $t rels-main-outside.docx 'not a Word document'
	fails $t rels-main-absolute.docx 'not a Word document'
	fails $t rels-main-url.docx 'not a Word document'
	fails $t rels-main-missing.docx 'not a Word document|missing'
done
fails kltext not-a-zip.docx 'not a zip'
fails kltext zero-bytes.docx 'an empty file \(0 bytes\), not a \.docx'
fails kltext encrypted.docx 'encrypted'
fails kltext word97-renamed.docx 'Word 97-2003'
# klsplit and kldiff sniff the input: a compound file must still be named
# for what it is, not read as text, and a file named .docx is a zip.
for t in klsplit kldiff; do
	fails $t not-a-zip.docx 'not a zip'
	fails $t zero-bytes.docx 'an empty file \(0 bytes\), not a \.docx'
	fails $t encrypted.docx 'encrypted'
	fails $t word97-renamed.docx 'Word 97-2003'
done
fails kltext no-content-types.docx 'not a Word document.*Content_Types'

# ---- XML attacks ------------------------------------------------------
for t in $TOOLS; do
	fails $t billion-laughs.docx 'word/document.xml.*(entity|document type)'
	fails $t external-entity.docx 'word/document.xml.*(entity|document type)'
	fails $t deep-nesting.docx 'word/document.xml.*(depth|deeper)'
	fails $t invalid-utf8.docx 'word/document.xml.*UTF-8'
	fails $t not-well-formed.docx 'word/document.xml.*malformed'
	fails $t bomb-zeros.docx 'word/document.xml'
	OCHECK=1
	fails $t bomb-spaces.docx 'word/document.xml'
	OCHECK=
	fails $t bomb-lying-size.docx 'word/document.xml'
	fails $t long-paragraph.docx 'word/document.xml:2: .*--max-paragraph'
done

# A late error: none of what came before it may reach stdout.
if [ -z "${KL_SLOW:-}" ]; then
	for t in kltext klsplit kldiff; do
		OCHECK=1
		fails $t late-error.docx 'word/document.xml:.*malformed'
		OCHECK=
	done
fi

# ---- record streams ----------------------------------------------------
for t in klsplit kldiff; do
	OCHECK=1
	fails $t invalid-utf8-paragraphs.tsv 'UTF-8'
	fails $t late-error.tsv 'UTF-8'
	OCHECK=
	fails $t invalid-utf8-clauses.tsv 'UTF-8'
	fails $t invalid-utf8-plain.txt 'UTF-8'
	fails $t future-version.tsv 'version'
	fails $t nul-byte.txt 'NUL'
done

# ---- limits: hit, named, and moved by their options ---------------------
OCHECK=1
fails kltext bomb-spaces.docx \
    'word/document.xml: inflated size exceeds .*1 MiB.*--max-part-size' \
    --max-part-size=1M
# The zip directory claims 1 KiB: only counting what is inflated stops it.
fails klsplit bomb-lying-size.docx \
    'word/document.xml: inflated size exceeds .*1 MiB.*--max-part-size' \
    --max-part-size=1M
fails kldiff bomb-lying-size.docx \
    'word/document.xml: inflated size exceeds .*--max-part-size' \
    --max-part-size=1M
fails kltext good.docx 'word/document.xml: .*10 KiB.*--max-part-size' \
    --max-part-size=10K
fails kltext good.docx 'word/document.xml: .*10 KiB.*--max-total-size' \
    --max-total-size=10K
fails klsplit ratio-bomb.docx 'word/document.xml: .*ratio.*--max-ratio' \
    --max-ratio=100
# The same with a compressed size of 2 GiB claimed: judge the ratio on
# what was read (or the archive's size), not on the claim.
fails klsplit ratio-lying-size.docx 'word/document.xml: .*ratio.*--max-ratio' \
    --max-ratio=100
fails kltext deep-nesting.docx 'word/document.xml:.*10.*--max-depth' \
    --max-depth=10
fails kltext good.docx 'word/document.xml:.*50 bytes.*--max-paragraph' \
    --max-paragraph=50
# One 64 MiB w:t: libxml2 refuses text nodes over 10 MB before the
# paragraph limit is judged; the message names that limit all the same,
# and says when --max-paragraph cannot lift libxml2's.
fails kltext long-paragraph.docx \
    'word/document.xml:2: .*limit of 1024 bytes.*--max-paragraph' \
    --max-paragraph=1K
fails kltext long-paragraph.docx \
    "word/document.xml:2: .*reader's limit.*--max-paragraph cannot" \
    --max-paragraph=20M
fails klsplit good.docx 'more than 10 clauses.*--max-clauses' \
    --max-clauses=10
fails kldiff good.docx 'more than 10 clauses.*--max-clauses' \
    --max-clauses=10
fails klsplit invalid-utf8-plain.txt '--max-paragraph' --max-paragraph=10
OCHECK=

# ... and raised: the same files pass with the limit moved up.
ok_run() {
	_n="$*"
	run "$@"
	res $([ "$rc" -eq 0 ]; echo $?) "$_n: exit 0 (got $rc)"
	[ "$rc" -eq 0 ] || sed -n '1,3s/^/#   /p' "$TMP/err"
}
ok_run kltext --max-part-size=10K --max-part-size=1M good.docx
ok_run kltext --max-total-size=1M good.docx
ok_run klsplit --max-ratio=100000 --max-part-size=64M ratio-bomb.docx
ok_run kltext --max-depth=20 good.docx
ok_run kltext --max-paragraph=1K good.docx
ok_run klsplit --max-clauses=1000 good.docx
# Above libxml2's own ceiling of 256 too.
ok_run kltext --max-depth=200000 deep-nesting.docx

# ---- the harmless extremes ----------------------------------------------
run kltext --plain empty.docx
res $([ "$rc" -eq 0 ] && [ ! -s "$TMP/out" ]; echo $?) \
    "kltext --plain empty.docx: exit 0, no output"
run kltext empty.docx
is "$rc:$(cat "$TMP/out")" "0:#klausul-paragraphs 1" \
    "kltext empty.docx: the stream mark only"
run klsplit empty.docx
is "$rc:$(cat "$TMP/out")" "0:#klausul-clauses 1" \
    "klsplit empty.docx: the stream mark only"
run kldiff empty.docx empty.docx
is "$rc:$(wc -c < "$TMP/out")" "0:0" "kldiff empty empty: same, silent"

run kltext --plain only-tables.docx
is "$rc:$(tr '\n' '|' < "$TMP/out")" \
    "0:Kommun|Belopp|Umeå|1 250 000|Skellefteå|980 000|" \
    "kltext only-tables.docx: every cell"
common_checks "kltext only-tables.docx"
run klsplit only-tables.docx
res $([ "$rc" -eq 0 ] && grep -q 'Umeå' "$TMP/out"; echo $?) \
    "klsplit only-tables.docx: rows"

run kltext rels-parts-outside.docx
res $([ "$rc" -eq 0 ] && grep -q 'Texten finns kvar' "$TMP/out"; echo $?) \
    "kltext rels-parts-outside.docx: the body is read"
common_checks "kltext rels-parts-outside.docx"
run klsplit rels-parts-outside.docx
common_checks "klsplit rels-parts-outside.docx"
run kldiff good.docx rels-parts-outside.docx
common_checks "kldiff good rels-parts-outside.docx"

if [ -n "${KL_SLOW:-}" ]; then
	skip "200 000 paragraphs: not under valgrind"
else
	run kltext 200k-paragraphs.docx
	is "$rc:$(wc -l < "$TMP/out"):$(tail -n 1 "$TMP/out" | cut -f 8)" \
	    "0:200001:Stycke 200000 om samverkan." \
	    "kltext 200k-paragraphs.docx: every paragraph"
	common_checks "kltext 200k-paragraphs.docx"
	run klsplit 200k-paragraphs.docx
	res $([ "$rc" -eq 0 ]; echo $?) "klsplit 200k-paragraphs.docx: exit 0"
	common_checks "klsplit 200k-paragraphs.docx"
	run kldiff 200k-paragraphs.docx 200k-paragraphs.docx
	res $([ "$rc" -eq 0 ]; echo $?) "kldiff 200k 200k: exit 0 (got $rc)"
	common_checks "kldiff 200k-paragraphs.docx (twice)"
	# -o on success: written whole, nothing left beside it.
	rm -f "$TMP/o/"*
	run kltext -o "$TMP/o/out.tsv" 200k-paragraphs.docx
	res $([ "$rc" -eq 0 ] && [ "$(wc -l < "$TMP/o/out.tsv")" -eq 200001 ] &&
	    [ "$(ls "$TMP/o" | wc -l)" -eq 1 ]; echo $?) \
	    "kltext -o: the whole result, no temporary left"

	# SIGPIPE: a reader that goes away ends the tool quietly.
	for t in kltext klsplit kldiff; do
		[ $t = kldiff ] && a="good.docx 200k-paragraphs.docx" ||
		    a=200k-paragraphs.docx
		# shellcheck disable=SC2086
		{ timeout $HANG ${KL_WRAP:-} "$KL_BIN/$t" $a 2>"$TMP/err"
		    echo $? > "$TMP/rc"; } | head -n 1 > /dev/null
		st=$(cat "$TMP/rc")
		res $([ ! -s "$TMP/err" ]; echo $?) "$t | head -1: no message"
		res $([ "$st" -eq 141 ] || [ "$st" -eq 0 ]; echo $?) \
		    "$t | head -1: exit 141 or 0 (got $st)"
	done
fi

done_testing
