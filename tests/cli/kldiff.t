#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff: arguments, exit status, errors, -o FILE, stdin, pipes.
. "$KL_ROOT/tests/lib/tap.sh"

G=$KL_ROOT/tests/golden/kldiff
cd "$G" || exit 1

# Exit status as diff(1): 0 same, 1 different, 2 trouble.
out=$(kl kldiff a.in a.in 2>"$TMP/err"); rc=$?
is "$rc" 0 "identical versions: exit 0"
is "$out" "" "identical versions: no output"
is "$(cat "$TMP/err")" "" "identical versions: nothing on stderr"
kl kldiff a.in b.in >/dev/null 2>&1
is "$?" 1 "different versions: exit 1"
kl kldiff a.in b.in c.in >/dev/null 2>&1
is "$?" 1 "three versions: exit 1"
kl kldiff -q a.in b.in >"$TMP/q" 2>&1
is "$?" 1 "--quiet: exit 1 on differences"
is "$(cat "$TMP/q")" "" "--quiet: no output"
kl kldiff --json a.in a.in >/dev/null 2>&1
is "$?" 0 "--json of identical versions: exit 0 (equal records are no difference)"

# A difference of typography only is not substantive.
sed 's/”parterna”/"parterna"/' b.in >"$TMP/b-typo.in"
sed 's/"parterna"/”parterna”/' a.in >"$TMP/a-typo.in"
kl kldiff a.in "$TMP/a-typo.in" >/dev/null 2>&1
is "$?" 1 "typography only: exit 1"
kl kldiff --substantive a.in "$TMP/a-typo.in" >"$TMP/s" 2>&1
is "$?" 0 "typography only with --substantive: exit 0"
is "$(cat "$TMP/s")" "" "typography only with --substantive: nothing shown"
kl kldiff --hide-typography a.in "$TMP/a-typo.in" >/dev/null 2>&1
is "$?" 0 "typography only with --hide-typography: exit 0"

# Usage errors.
kl kldiff >"$TMP/o" 2>"$TMP/err"
is "$?" 2 "no inputs: exit 2"
like "$(cat "$TMP/err")" "^kldiff: no versions to compare" "no inputs: says so"
like "$(cat "$TMP/err")" "^Usage: kldiff \[OPTION\]\.\.\. OLD NEW" \
    "no inputs: the usage line"
like "$(cat "$TMP/err")" "kldiff --help" "no inputs: points to --help"
is "$(cat "$TMP/o")" "" "no inputs: nothing on stdout"
kl kldiff a.in >/dev/null 2>"$TMP/err"
is "$?" 2 "one input: exit 2"
kl kldiff --lang=fi a.in b.in >/dev/null 2>"$TMP/err"
is "$?" 2 "bad --lang: exit 2"
kl kldiff --color=sometimes a.in b.in >/dev/null 2>"$TMP/err"
is "$?" 2 "bad --color: exit 2"
kl kldiff --changes=maybe a.in b.in >/dev/null 2>"$TMP/err"
is "$?" 2 "bad --changes: exit 2"
kl kldiff --no-such-option a.in b.in >/dev/null 2>"$TMP/err"
is "$?" 2 "unknown option: exit 2"
kl kldiff --max-clauses=lots a.in b.in >/dev/null 2>"$TMP/err"
is "$?" 2 "bad limit: exit 2"

out=$(kl kldiff --help); rc=$?
is "$rc" 0 "--help: exit 0"
like "$out" "^Usage: kldiff " "--help: usage on stdout"
like "$out" "--json" "--help: lists --json"
like "$(kl kldiff --version)" "^kldiff \(klausul\) [0-9]" "--version"

# Bad inputs: "kldiff: FILE: reason", exit 2.
kl kldiff a.in no-such-file.in >/dev/null 2>"$TMP/err"
is "$?" 2 "missing file: exit 2"
like "$(cat "$TMP/err")" "^kldiff: no-such-file.in: No such file" \
    "missing file: named with the system's reason"
printf '#klausul-clauses 1\nonly-one-field\n' >"$TMP/bad.in"
kl kldiff a.in "$TMP/bad.in" >/dev/null 2>"$TMP/err"
is "$?" 2 "malformed clause stream: exit 2"
like "$(cat "$TMP/err")" "^kldiff: $TMP/bad.in:2: " \
    "malformed clause stream: file and line named"
printf 'PK\003\004not really a zip' >"$TMP/bad.docx"
kl kldiff "$TMP/bad.docx" a.in >/dev/null 2>"$TMP/err"
is "$?" 2 "damaged .docx: exit 2"
like "$(cat "$TMP/err")" "^kldiff: $TMP/bad.docx: .*zip" \
    "damaged .docx: named, says why"
kl kldiff --max-clauses=3 a.in b.in >/dev/null 2>"$TMP/err"
is "$?" 2 "a limit hit: exit 2"
like "$(cat "$TMP/err")" "^kldiff: a\.in:[0-9]+: .*--max-clauses" \
    "a limit hit: the file, the line and the option named"
kl kldiff a.in . >/dev/null 2>"$TMP/err"
is "$?" 2 "a directory: exit 2"

# Contradictory options are told, not resolved behind the user's back.
for pair in "--json --html" "--stat --json" "-s -j" "--html --docx" \
    "--docx --stat"; do
	# shellcheck disable=SC2086
	kl kldiff $pair a.in b.in >"$TMP/out" 2>"$TMP/err"
	is "$?" 2 "$pair: exit 2"
	like "$(head -n 1 "$TMP/err")" \
	    "^kldiff: choose one of --json, --stat, --html, --docx, --markdown$" \
	    "$pair: says to choose one"
	is "$(cat "$TMP/out")" "" "$pair: nothing on stdout"
done
kl kldiff --json -j a.in b.in >/dev/null 2>"$TMP/err"
is "$?:$(cat "$TMP/err")" "1:" "the same format twice: fine"
kl kldiff -L x -L y -L z a.in b.in >/dev/null 2>"$TMP/err"
is "$?" 2 "more -L than versions: exit 2"
like "$(head -n 1 "$TMP/err")" "^kldiff: 3 labels \(-L\) for 2 versions" \
    "more -L than versions: says so"
is "$(kl kldiff -L x a.in b.in | head -n 2)" "--- x
+++ b.in" "fewer -L than versions: the first ones named (diff -L)"

# Standard input, at most once.
out=$(kl kldiff - b.in <a.in)
is "$out" "$(kl kldiff --label=- a.in b.in)" "- reads standard input"
kl kldiff - - <a.in >/dev/null 2>"$TMP/err"
is "$?" 2 "- twice: exit 2"
like "$(cat "$TMP/err")" "more than once" "- twice: says so"

# Plain text inputs go through klsplit's rules.
printf 'Första stycket.\nAndra stycket här.\n' >"$TMP/p1.txt"
printf 'Första stycket.\nAndra stycket där.\n' >"$TMP/p2.txt"
out=$(kl kldiff "$TMP/p1.txt" "$TMP/p2.txt")
like "$out" "Andra stycket \[-här-\]\{\+där\+\}\." "plain text inputs"

# -o FILE: written on success, nothing left behind on error.
kl kldiff -o "$TMP/out.txt" a.in b.in
is "$?" 1 "-o: exit 1 on differences"
kl kldiff a.in b.in >"$TMP/stdout.txt"
ok "-o: same bytes as standard output" cmp "$TMP/out.txt" "$TMP/stdout.txt"
mkdir "$TMP/o2"
kl kldiff -o "$TMP/o2/out.txt" a.in no-such-file.in 2>/dev/null
is "$?" 2 "-o with a bad input: exit 2"
is "$(ls -A "$TMP/o2")" "" "-o with a bad input: no file, no temporary left"
echo keep >"$TMP/o2/old.txt"
kl kldiff -o "$TMP/o2/old.txt" a.in "$TMP/bad.in" 2>/dev/null
is "$(cat "$TMP/o2/old.txt")" "keep" "-o with a bad input: old file untouched"
is "$(ls -A "$TMP/o2")" "old.txt" "-o with a bad input: no temporary left"
kl kldiff --color=always -o "$TMP/c.txt" a.in b.in
ok "-o with --color=always: coloured" grep -q "$(printf '\033')" "$TMP/c.txt"
kl kldiff -o "$TMP/nc.txt" a.in b.in
ok "-o without --color=always: no colour" \
    sh -c "! grep -q '$(printf '\033')' '$TMP/nc.txt'"

# A reader that goes away: quiet, whatever the size of the output.
awk 'BEGIN { print "#klausul-clauses 1";
	for (i = 1; i <= 3000; i++)
		printf "%d\t\tclause\t1\t%d.\tAvsnitt\tKlausul %d gäller ett belopp om %d kr per år.\n", i, i, i, i * 1000 }' >"$TMP/big1.in"
awk 'BEGIN { print "#klausul-clauses 1";
	for (i = 1; i <= 3000; i++)
		printf "%d\t\tclause\t1\t%d.\tAvsnitt\tKlausul %d gäller ett belopp om %d kr per månad.\n", i, i, i, i * 1000 + 500 }' >"$TMP/big2.in"
kl kldiff "$TMP/big1.in" "$TMP/big2.in" 2>"$TMP/err" | head -1 >"$TMP/head"
is "$(cat "$TMP/err")" "" "| head -1: nothing on stderr"
is "$(cat "$TMP/head")" "--- $TMP/big1.in" "| head -1: the first line"
kl kldiff --json "$TMP/big1.in" "$TMP/big2.in" 2>"$TMP/err" | head -1 >/dev/null
is "$(cat "$TMP/err")" "" "--json | head -1: nothing on stderr"

# A .docx with tracked changes: read as accepted, or rejected.
if command -v zip >/dev/null 2>&1; then
	mkdir -p "$TMP/dx/_rels" "$TMP/dx/word"
	cat >"$TMP/dx/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
XML
	cat >"$TMP/dx/_rels/.rels" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
XML
	cat >"$TMP/dx/word/document.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Parterna ska samverka.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Bidraget är </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>1 250 000</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>1 300 000</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> kr per år.</w:t></w:r></w:p></w:body></w:document>
XML
	(cd "$TMP/dx" && zip -q -X -r ../tracked.docx '[Content_Types].xml' \
	    _rels word)
	printf 'Parterna ska samverka.\nBidraget är 1 250 000 kr per år.\n' \
	    >"$TMP/before.txt"
	kl kldiff --changes=reject "$TMP/tracked.docx" "$TMP/before.txt" \
	    >"$TMP/o" 2>&1
	is "$?" 0 "--changes=reject: the draft before its tracked changes"
	out=$(kl kldiff "$TMP/before.txt" "$TMP/tracked.docx")
	is "$?" 1 "tracked changes accepted by default: differs"
	like "$out" "amount: 1 250 000 kr → 1 300 000 kr \(\+50 000 kr, \+4,0 %\)" \
	    "tracked changes accepted by default: the new amount"
	kl kldiff --changes=accept "$TMP/tracked.docx" "$TMP/tracked.docx" \
	    >/dev/null 2>&1
	is "$?" 0 "--changes=accept: a document equals itself"
else
	skip "zip missing: no tracked-change .docx"
	skip "zip missing: no tracked-change .docx"
	skip "zip missing: no tracked-change .docx"
	skip "zip missing: no tracked-change .docx"
fi

# The agreements of corpus/ through a pipe that closes early.
C=$KL_ROOT/corpus
if [ -f "$C/samverkan-2019-2022.docx" ] &&
    [ -f "$C/samverkan-2023-2026.docx" ]; then
	kl kldiff "$C/samverkan-2019-2022.docx" "$C/samverkan-2023-2026.docx" \
	    2>"$TMP/err" | head -1 >"$TMP/head"
	is "$(cat "$TMP/err")" "" "kldiff A.docx B.docx | head -1: quiet"
	is "$(cat "$TMP/head")" "--- $C/samverkan-2019-2022.docx" \
	    "kldiff A.docx B.docx | head -1: the header"
else
	skip "corpus/*.docx missing"
	skip "corpus/*.docx missing"
fi

done_testing
