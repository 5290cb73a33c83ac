#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# readme-using.sh - rewrite the "## Using klausul" section of README.md
# with the real output of its commands on corpus/, so the examples never
# drift from what the tools print.  Run from anywhere after make:
#   sh tests/readme-using.sh
# The section ends at the next "## " heading (or the end of the file);
# the rest of README.md is kept byte for byte.
set -eu
cd "$(dirname "$0")/.."
A=corpus/samverkan-2019-2022.docx
B=corpus/samverkan-2023-2026.docx
C=corpus/samverkan-2027-2030.docx
P=corpus/pdf/samverkan-2023-2026.pdf
R=corpus/responses
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klreadme.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export LC_ALL=C.UTF-8

# Copies of the tools, so a rebuild in the tree cannot disturb a run.
mkdir "$TMP/tools"
for t in kltext klsplit kldiff; do
	[ -x tools/$t ] && cp tools/$t "$TMP/tools/"
done

# run CMD: show the command as typed, then what it prints.
run() {
	echo "\$ $*"
	sh -c "$(printf '%s\n' "$*" | sed "s|tools/|$TMP/tools/|g")" 2>&1 |
	    sed "s|$TMP/tools/|tools/|g" || true
}

section() {
	cat <<'EOF'
## Using klausul

Three tools, each the same library cut at a different point:
`kltext` prints a document's paragraphs (list numbers included, as Word
shows them), `klsplit` splits them into clauses with the numbers the
document shows, and `kldiff` compares two or more versions clause by
clause. Each reads a `.docx`, the other tools' record streams, plain text
or standard input (`-`); each has a manual page (`man tools/kldiff.1`).
The outputs below are real: `tests/readme-using.sh` pastes them from
running the commands in this directory on the agreements in `corpus/`,
in the English of `LC_ALL=C.UTF-8`. Under a Swedish `LANG` the labels
are Swedish (`Klausulernas historik`, not `Lineage`), so add `--lang=en`
to `kldiff` for the lines shown here and for the `sed` patterns below.

### Review a new draft

`make main` runs the three-version comparison: the statistics, then the
substantive changes with each clause's history, and it writes
`build/review.html` (one self-contained review page),
`build/review-2027-2030.docx` (the proposal with every change from
2023–2026 as a tracked change, for Word), `build/review.txt` and
`build/review.jsonl`.

First the statistics: how much changed, of what kind and where (as
`wdiff -s` does for words).

```
EOF
	run tools/kldiff --stat $A $B $C
	cat <<'EOF'
```

Then the changes themselves, section by section, with the clause numbers
of both versions, the words that changed inline (`[-old-]{+new+}`, or red
and green on a terminal) and the difference of every amount.
`--substantive` leaves out typography and renumbering; `--hide-period`
would leave out the period shift, which is told once at the top with its
count.

```
EOF
	run "tools/kldiff --substantive $B $C | sed -n '1,4p;/^Finansiering/,/^Primär/p'"
	cat <<'EOF'
```

With three or more versions every pair is compared and the history of
each clause that changed ends the output:

```
EOF
	run "tools/kldiff $A $B $C | sed -n '/^Lineage/,\$p' | sed -n '1p;/ 5\\.[2-9]/p' | head -14"
	cat <<'EOF'
```

`--lang=sv` gives the labels in Swedish (`ändrad (belopp)`,
`omnumrerade, oförändrad text`, `Klausulernas historik`), and so does a
Swedish `LANG`.

### Script against it

`kldiff --json` writes one JSON object per aligned unit (JSON Lines):
`op`, the `old` and `new` clauses with their ids and text, `substantive`,
`class`, the word-level `edits` (with `old_value`/`new_value` for
amounts), `from`, `to`, `section`, `similarity` and a `lineage` number
shared by one clause across versions. Unchanged units are included so a
script sees the whole document; `--changes-only` drops them.

```
EOF
	run "tools/kldiff --json $B $C | jq -r .op | sort | uniq -c | sort -rn"
	echo
	run "tools/kldiff --json --changes-only $B $C | jq -r '.new[0].id as \$id | .edits[] | select(.class | index(\"amount\")) | \"\\(\$id)\\t\\(.old_value)\\t\\(.new_value)\"'"
	echo
	run "tools/kldiff --json --substantive $B $C | jq -r 'select(.op == \"moved\" or .op == \"split\" or .op == \"merged\") | [.op, ([.old[].id] | join(\"+\")), ([.new[].id] | join(\"+\"))] | @tsv'"
	cat <<'EOF'
```

### Papers for the committee

The committee that decides on a new agreement reads two papers, and
`kldiff` writes both from the same comparison: `--parallel`, the
*parallelluppställning* (old and new wording side by side, one row per
provision changed in content, the rest told in a closing row), and
`--summary`, the *ändringsförteckning* (one sentence per change, under
the sections of the new version, saying what changed and never why).
Both are Swedish unless `--lang=en`, and come as text, `--markdown`,
`--html` or `--docx -o FILE` (an A4 Word table whose header row repeats
on every page, in the agreement's own font):

```
EOF
	run "tools/kldiff --summary --lang=sv $B $C | sed -n '1p;/^7 /,/^\$/{/./p;}'"
	echo
	run "tools/kldiff --parallel --lang=sv $B $C | sed -n '3,4p;/^5.7.3/,/^─/p'"
	cat <<'EOF'
```

`--whole` prints every provision whole; by default a long provision of
which only some sentences changed shows "– – –" for the unchanged ones
before and after, as a bill does. The review page (`--html`) has the
parallel layout as a view of its own.

### The signed agreement as a PDF

The agreements in force are archived as PDF. All three tools read a PDF
as they read a .docx, recognised by its content: lines become
paragraphs, running headers, footers and page numbers are left out
(`kltext --headers` keeps them), footnotes go to `--notes`, a word
hyphenated at a line end is joined again (but "kompetens- och" keeps its
hyphen). The signed 2023–2026 agreement as archived, against the
proposal (`corpus/pdf/` holds the three agreements exported by
LibreOffice):

```
EOF
	run "tools/kldiff --stat $P $C | sed -n '3,5p'"
	cat <<'EOF'
```

A PDF without a text layer (a scan) is refused with exit 2 and "no text
layer: run OCR first, e.g. ocrmypdf"; so is one that is encrypted,
broken, or built to exhaust the reader.

### Responses from the parties

Each municipality returns the draft with its proposals: tracked changes
and comments under its own name, or a copy edited without tracking.
`kldiff --base=DRAFT RESPONSE...` compares every response with the
draft and gathers the proposals per draft clause: who proposed what,
which parties propose the same words, where they conflict, and what they
commented. The party is the author of the tracked changes and comments,
else `--label`, else the file name. `--docx -o FILE` writes the
*remissammanställning* (a landscape Word table with an empty column for
the administration's comment), `--html` a page with the clauses as rows
and the parties as columns, `--json` one record per clause:

```
EOF
	run "tools/kldiff --base=$R/utkast.docx $R/lycksele.docx $R/skelleftea.docx $R/storuman.docx | sed -n '/^5.3.1/,/^\$/p'"
	cat <<'EOF'
```

The same works for copies of one template: `corpus/template/` holds an
individual samverkansavtal (`mall.docx`, with placeholders for the
municipality's name and amount) and the municipalities' copies, filled
in and edited by LibreOffice, one with two authors' tracked changes and
one with comments only; `kldiff --base=corpus/template/mall.docx
corpus/template/*.docx` tells which municipality deviates where (the
fills of name and amount show as changes, and as conflicts between
municipalities, as kldiff knows no placeholders).

The clause stream of `klsplit` (one clause per line: id, parent, kind,
level, label, section, text; `--json` for JSON Lines) is made for `grep`,
`cut` and `awk`:

```
EOF
	if [ -x "$TMP/tools/kltext" ]; then
		run "tools/kltext $C | tools/klsplit | grep -i kronor | cut -f1,7"
	else
		run "tools/klsplit $C | grep -i kronor | cut -f1,7"
	fi
	cat <<'EOF'
```

The exit status is diff's: 0 when no difference is shown, 1 when one is,
2 on trouble (`kldiff: FILE: reason` on standard error). The hide options
take part, so a script can ask whether anything of substance changed:

```
EOF
	run "tools/kldiff -q --substantive $B $C; echo \$?"
	run "tools/kldiff -q $A $A; echo \$?"
	run "tools/kldiff $A no-such.docx; echo \$?"
	echo '```'
}

section >"$TMP/section.md"
awk -v new="$TMP/section.md" '
	/^## Using klausul$/ { skip = 1; while ((getline l < new) > 0) print l
		print ""; next }
	skip && /^## / { skip = 0 }
	!skip { print }' README.md >"$TMP/README.md"
grep -q '^## Using klausul$' README.md || {
	cat README.md
	echo
	cat "$TMP/section.md"
} >"$TMP/README.md"
# no trailing blank line at the end of the file
sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$TMP/README.md" >README.md
