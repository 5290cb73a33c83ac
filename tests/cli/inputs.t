#!/bin/sh
# What a new user gives the tools by mistake, and what they must say:
# -o naming one of the inputs (by another name or a hard link) is refused
# before anything is written; a PDF, an RTF file, an old .doc or an
# OpenDocument text is named as what it is, never compared as text; a
# file named .docx is always read as a zip; a cut-off .docx is called
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

done_testing
