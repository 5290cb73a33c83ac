#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# klsplit.t - klsplit on hand-made inputs: golden outputs for each format,
# the lossless clause stream, options, exit status and bad input.
. "$KL_ROOT/tests/lib/tap.sh"

G=$KL_ROOT/tests/golden/klsplit

# run OUT ERR ARGS...: klsplit with its output and errors kept; sets rc.
run() {
	_o=$1
	_e=$2
	shift 2
	kl klsplit "$@" >"$_o" 2>"$_e"
	rc=$?
}

# --- golden outputs ------------------------------------------------------
run "$TMP/a.tsv" "$TMP/err" "$G/agreement.in"
is "$rc" 0 "paragraph stream: exit 0"
golden "$TMP/a.tsv" "$G/agreement.tsv" "paragraph stream -> clause stream"
run "$TMP/a.json" "$TMP/err" --json "$G/agreement.in"
golden "$TMP/a.json" "$G/agreement.json" "--json"
run "$TMP/a.plain" "$TMP/err" -p "$G/agreement.in"
golden "$TMP/a.plain" "$G/agreement.plain" "--plain: id TAB text"
run "$TMP/p.tsv" "$TMP/err" "$G/plain.in"
golden "$TMP/p.tsv" "$G/plain.tsv" "plain text: typed numbers, headings"
run "$TMP/p.s" "$TMP/err" --sentences --plain "$G/plain.in"
golden "$TMP/p.s" "$G/plain.sentences" "--sentences --plain"
run "$TMP/p.st" "$TMP/err" -s "$G/plain.in"
golden "$TMP/p.st" "$G/plain-sentences.tsv" "--sentences in the stream"
is "$(cat "$TMP/err")" "" "no messages on good input"

# Every sentence line of --sentences --plain is a sentence record: its
# label (the clause's, on its first sentence), a space, its text.
kl klsplit -s "$G/plain.in" |
    awk -F'\t' '$3 == "sentence" {
	print $5 ($5 != "" && $7 != "" ? " " : "") $7 }' >"$TMP/s1"
grep -v '^$' "$TMP/p.s" >"$TMP/s2"
ok "--sentences --plain: the sentence records and nothing else" \
    cmp "$TMP/s1" "$TMP/s2"
# ... and together they are the input's text, labels and headings too.
tr -d ' \n' <"$G/plain.in" >"$TMP/t1"
tr -d ' \n' <"$TMP/p.s" >"$TMP/t2"
ok "--sentences --plain: every character of the input" \
    cmp "$TMP/t1" "$TMP/t2"

# --sentences on a clause stream: the same sentences as from its source.
kl klsplit -s "$G/agreement.in" >"$TMP/s-from-para" 2>/dev/null
kl klsplit -s "$G/agreement.tsv" >"$TMP/s-from-clauses" 2>/dev/null
ok "--sentences on a clause stream adds the same sentences" \
    cmp "$TMP/s-from-para" "$TMP/s-from-clauses"
kl klsplit -s -p "$G/plain.tsv" >"$TMP/s-plain" 2>/dev/null
ok "--sentences --plain on a clause stream" \
    cmp "$TMP/s-plain" "$G/plain.sentences"

# --- the clause stream is lossless ---------------------------------------
run "$TMP/rt.tsv" "$TMP/err" "$G/agreement.tsv"
ok "clause stream read and written: the same bytes" \
    cmp "$TMP/rt.tsv" "$G/agreement.tsv"
run "$TMP/rt.json" "$TMP/err" --json "$G/agreement.json"
ok "JSON clause stream read and written: the same bytes" \
    cmp "$TMP/rt.json" "$G/agreement.json"
run "$TMP/rt2.tsv" "$TMP/err" "$G/agreement.json"
ok "JSON in, TSV out: the same records" cmp "$TMP/rt2.tsv" "$G/agreement.tsv"
printf '%s\n' '{"kind":"section","text":"Parter","id":"1","level":1}' \
    '{"text":"Ett.","parent":"1","id":"1.1","kind":"clause"}' >"$TMP/jq.json"
run "$TMP/jq.tsv" "$TMP/err" "$TMP/jq.json"
is "$(cut -f1-4,7 "$TMP/jq.tsv" | tr '\t\n' '|;')" \
    "#klausul-clauses 1;1||section|1|Parter;1.1|1|clause|0|Ett.;" \
    "JSON clauses with keys in another order (jq) are clauses"
run "$TMP/rt3.tsv" "$TMP/err" "$G/plain-sentences.tsv"
ok "stream with sentences: lossless" cmp "$TMP/rt3.tsv" "$G/plain-sentences.tsv"

# --- input and output ------------------------------------------------------
kl klsplit <"$G/agreement.in" >"$TMP/stdin.tsv" 2>/dev/null
ok "no FILE: standard input" cmp "$TMP/stdin.tsv" "$G/agreement.tsv"
kl klsplit - <"$G/agreement.in" >"$TMP/dash.tsv" 2>/dev/null
ok "-: standard input" cmp "$TMP/dash.tsv" "$G/agreement.tsv"
run "$TMP/o.out" "$TMP/err" -o "$TMP/o.tsv" "$G/agreement.in"
ok "-o FILE writes FILE" cmp "$TMP/o.tsv" "$G/agreement.tsv"
is "$(cat "$TMP/o.out")" "" "-o FILE: nothing on stdout"

mkfifo "$TMP/fifo"
cat "$TMP/fifo" >"$TMP/fifo.out" &
run "$TMP/x" "$TMP/err" -o "$TMP/fifo" "$G/agreement.in"
wait
ok "-o FIFO: written in place" cmp "$TMP/fifo.out" "$G/agreement.tsv"
ok "-o FIFO: still a FIFO, not replaced by a file" test -p "$TMP/fifo"

head -c -1 "$G/plain.in" >"$TMP/nonl.in"
run "$TMP/nonl.tsv" "$TMP/err" "$TMP/nonl.in"
ok "no final newline: the same clauses" cmp "$TMP/nonl.tsv" "$G/plain.tsv"
is "$(cat "$TMP/err")" "" "no final newline: no message"
sed 's/$/\r/' "$G/plain.in" >"$TMP/crlf.in"
run "$TMP/crlf.tsv" "$TMP/err" "$TMP/crlf.in"
is "$rc" 0 "CRLF: exit 0"
ok "CRLF: the same clauses as LF" cmp "$TMP/crlf.tsv" "$G/plain.tsv"
like "$(cat "$TMP/err")" "^klsplit: .*crlf.in: CRLF line ends read as LF$" \
    "CRLF: a warning"

# --- options ---------------------------------------------------------------
run "$TMP/h" "$TMP/err" --help
is "$rc" 0 "--help: exit 0"
like "$(head -1 "$TMP/h")" "^Usage: klsplit" "--help on stdout"
run "$TMP/v" "$TMP/err" --version
like "$(cat "$TMP/v")" "^klsplit \\(klausul\\) [0-9]" "--version"
run "$TMP/x" "$TMP/err" --bogus
is "$rc" 2 "unknown option: exit 2"
run "$TMP/x" "$TMP/err" --json --plain "$G/plain.in"
is "$rc" 2 "--json with --plain: exit 2"
run "$TMP/x" "$TMP/err" "$G/plain.in" "$G/plain.in"
is "$rc" 2 "two inputs: exit 2"
run "$TMP/x" "$TMP/err" --changes=maybe "$G/plain.in"
is "$rc" 2 "--changes=maybe: exit 2"
like "$(cat "$TMP/err")" "invalid --changes 'maybe'" "--changes: says why"

# --- bad input: prog: FILE:LINE: reason, exit 2 ----------------------------
printf 'Rad ett\nRad \303\050 två\n' >"$TMP/utf8.txt"
run "$TMP/x" "$TMP/err" "$TMP/utf8.txt"
is "$rc" 2 "invalid UTF-8: exit 2"
like "$(cat "$TMP/err")" "^klsplit: .*utf8.txt:2: invalid UTF-8" \
    "invalid UTF-8: file and line"

printf '#klausul-clauses 1\n1\t\tclause\t0\t\t\tx\n2\t\tclause\t0\tx\n' \
    >"$TMP/fields.tsv"
run "$TMP/x" "$TMP/err" "$TMP/fields.tsv"
is "$rc" 2 "wrong field count: exit 2"
like "$(cat "$TMP/err")" "^klsplit: .*fields.tsv:3: expected 7 fields" \
    "wrong field count: file and line"

printf '#klausul-clauses 1\n1\t\tchapter\t0\t\t\tx\n' >"$TMP/kind.tsv"
run "$TMP/x" "$TMP/err" "$TMP/kind.tsv"
like "$(cat "$TMP/err")" "kind.tsv:2: unknown clause kind 'chapter'" \
    "unknown kind"
printf '#klausul-clauses 1\n1\t\tclause\tx\t\t\tx\n' >"$TMP/level.tsv"
run "$TMP/x" "$TMP/err" "$TMP/level.tsv"
like "$(cat "$TMP/err")" "level.tsv:2: bad level 'x'" "bad level"
printf '#klausul-clauses 1\n1\t\tclause\t0\t\t\tx\\y\n' >"$TMP/esc.tsv"
run "$TMP/x" "$TMP/err" "$TMP/esc.tsv"
like "$(cat "$TMP/err")" "esc.tsv:2: bad escape in field 7" "bad escape"
printf '#klausul-paragraphs 1\nheading\t1\t\t\t\t\t\n' >"$TMP/para.tsv"
run "$TMP/x" "$TMP/err" "$TMP/para.tsv"
like "$(cat "$TMP/err")" "para.tsv:2: expected 8 fields" \
    "malformed paragraph stream: file and line"
printf '#klausul-paragraphs 1\nchapter\t1\t\t\t\t\t\tx\n' >"$TMP/pk.tsv"
run "$TMP/x" "$TMP/err" "$TMP/pk.tsv"
is "$rc" 2 "unknown paragraph kind: exit 2"

awk 'BEGIN { print "kort rad"; s = "x"; while (length(s) < 300) s = s s;
    print s }' >"$TMP/long.txt"
run "$TMP/x" "$TMP/err" --max-paragraph=100 "$TMP/long.txt"
is "$rc" 2 "line over --max-paragraph: exit 2"
like "$(cat "$TMP/err")" "long.txt:2: .*--max-paragraph" \
    "line over --max-paragraph: file, line and limit"
run "$TMP/x" "$TMP/err" --max-clauses=3 "$G/plain.in"
is "$rc" 2 "over --max-clauses: exit 2"
like "$(cat "$TMP/err")" "--max-clauses" "over --max-clauses: says which"

printf 'PK\003\004 not really a zip' >"$TMP/fake.docx"
run "$TMP/x" "$TMP/err" "$TMP/fake.docx"
is "$rc" 2 "damaged .docx: exit 2"
like "$(cat "$TMP/err")" "^klsplit: .*fake.docx: " "damaged .docx: named"
run "$TMP/x" "$TMP/err" "$TMP/no-such-file"
is "$rc" 2 "missing file: exit 2"
like "$(cat "$TMP/err")" "^klsplit: .*no-such-file: " "missing file: named"

run "$TMP/x" "$TMP/err" -o "$TMP/never.tsv" "$TMP/utf8.txt"
ok "-o FILE not created on error" test ! -e "$TMP/never.tsv"
is "$(ls "$TMP" | grep -c 'never.tsv')" 0 "-o: no temporary file left"

printf '' | kl klsplit >"$TMP/empty.tsv" 2>"$TMP/err"
is "$?" 0 "empty input: exit 0"
is "$(cat "$TMP/empty.tsv")" "#klausul-clauses 1" "empty input: the mark"

# A reader that goes away: no message.
awk 'BEGIN { for (i = 1; i < 20000; i++) printf "%d.%d Klausul nummer %d.\n",
    i, 1, i }' >"$TMP/big.txt"
kl klsplit "$TMP/big.txt" 2>"$TMP/err" | head -1 >/dev/null
is "$(cat "$TMP/err")" "" "closed pipe: quiet"

done_testing
