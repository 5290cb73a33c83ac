#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# sentences-roundtrip.t - klsplit --sentences --plain keeps every
# character: one sentence per line, the lines hold the body text of the
# paragraph records (list numbers, headings, table rows included: what
# kltext --plain shows but the note reference marks), only white space
# differs.  Checked on every corpus/*.docx and every .docx under
# $KL_SHARED/data (realworld/, swedish/) three ways: the .docx itself, the
# paragraph stream (kltext FILE | klsplit -s -p -) and the clause stream
# (klsplit FILE | klsplit -s -p -, sentences made by the stream reader).
. "${KL_ROOT:?}/tests/lib/tap.sh"

command -v perl >/dev/null 2>&1 || skip_all "no perl"

# The text without white space (Unicode's: NBSP and U+2002 too, which
# the sentence spans leave out at their ends).
nonspace() {	# IN OUT
	perl -CSD -0777 -pe 's/\s+//g' "$1" >"$2"
}

files=0 chars=0 failed=
# The body text of a paragraph stream: label and text of every paragraph
# but notes, comments, headers and footers, as kltext --plain shows it
# less the note reference marks, which stand beside a paragraph's text,
# not in it (kltext(1)).
body_text() {	# PARAS.tsv OUT
	perl -CSD -ne 'next if /^#/; chomp; my @f = split /\t/, $_, -1;
	    next if $f[0] =~ /^(footnote|endnote|comment|header|footer)$/; for (@f[2, 7]) {
	    s/\\(.)/$1 eq "t" ? "\t" : $1 eq "n" ? "\n" : $1 eq "r" ? "\r" : $1/ge;
	    print "$_\n" }' "$1" >"$2"
}

# check FILE NAME: the three ways against the body text.
check() {
	f=$1
	if ! kl kltext "$f" >"$TMP/paras.tsv" 2>"$TMP/err" ||
	    ! kl klsplit "$f" >"$TMP/clauses.tsv" 2>>"$TMP/err"; then
		_tap_result 1 "$2: read"
		sed 's/^/# /' "$TMP/err"
		return
	fi
	body_text "$TMP/paras.tsv" "$TMP/want.txt"
	nonspace "$TMP/want.txt" "$TMP/want"
	for way in docx paras clauses; do
		case $way in
		docx) in=$f ;;
		paras) in=$TMP/paras.tsv ;;
		clauses) in=$TMP/clauses.tsv ;;
		esac
		kl klsplit --sentences --plain - <"$in" >"$TMP/got.txt" \
		    2>"$TMP/err"
		rc=$?
		nonspace "$TMP/got.txt" "$TMP/got"
		if [ "$rc" -eq 0 ] && cmp -s "$TMP/want" "$TMP/got"; then
			_tap_result 0 "$2 ($way)"
		else
			_tap_result 1 "$2 ($way)"
			failed="$failed $2($way)"
			cmp "$TMP/want" "$TMP/got" 2>&1 | sed 's/^/# /'
		fi
	done
	files=$((files + 1))
	chars=$((chars + $(wc -m <"$TMP/want")))
}

for f in "$KL_ROOT"/corpus/*.docx; do
	check "$f" "corpus/${f##*/}"
done
corpus_files=$files
ok "the corpus has .docx files ($corpus_files)" test "$corpus_files" -ge 4

S=$KL_SHARED/data
if [ -d "$S/realworld" ] && [ -d "$S/swedish" ]; then
	find "$S/realworld" "$S/swedish" -name '*.docx' \
	    -not -path '*/oracle/*' | sort >"$TMP/files"
	while IFS= read -r f; do
		check "$f" "${f#"$S"/}"
	done <"$TMP/files"
	ok "shared data has .docx files ($((files - corpus_files)))" \
	    test "$((files - corpus_files))" -ge 100
else
	skip "no \$KL_SHARED/data: corpus only"
fi
ok "characters compared ($chars)" test "$chars" -gt 0
diag "$files files, $chars non-space characters each way${failed:+; failed:$failed}"
done_testing
