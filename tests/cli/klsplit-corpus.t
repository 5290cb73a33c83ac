#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# klsplit-corpus.t - clause ids on the three agreements of corpus/.
#
# 1. Every numbered clause and heading gets as its id the number
#    LibreOffice shows for it (corpus/text/*.txt, LibreOffice's Text
#    export), in the same order, with the same first word.
# 2. The tracked-changes draft: --changes=reject gives 2023-2026's clauses,
#    --changes=accept the words pandoc accepts.
# 3. A clause the corpus truth lists as "renumbered" (number changed,
#    words not) has the same text in both versions: the number is an
#    attribute, not part of the words.
. "$KL_ROOT/tests/lib/tap.sh"

C=$KL_ROOT/corpus
[ -d "$C/text" ] || skip_all "corpus/text not present"
[ -d "$C/truth" ] || skip_all "corpus/truth not present"
command -v perl >/dev/null 2>&1 || skip_all "perl not found"

# NFC, so a decomposed å in LibreOffice's text equals kltext's.
nfc() {
	perl -MUnicode::Normalize -CSD -pe '$_ = NFC($_)'
}

# The clauses of a version: kltext | klsplit when kltext is built,
# and klsplit reading the .docx itself (the two must agree).
clauses() {
	kl klsplit "$C/samverkan-$1.docx" >"$TMP/$1.direct" || return 1
	if [ -x "$KL_BIN/kltext" ]; then
		kl kltext "$C/samverkan-$1.docx" | kl klsplit >"$TMP/$1.cl" ||
		    return 1
	else
		cp "$TMP/$1.direct" "$TMP/$1.cl"
	fi
}

# "number<TAB>first word" of LibreOffice's numbered lines.
lo_numbers() {
	sed -n 's/^[[:space:]]*\([0-9][0-9.]*[0-9]\)\.[[:space:]]\{1,\}\([^[:space:]]*\).*$/\1	\2/p;
	    s/^[[:space:]]*\([0-9]\)\.[[:space:]]\{1,\}\([^[:space:]]*\).*$/\1	\2/p' \
	    "$C/text/samverkan-$1.txt" | nfc
}

# The same from the clause stream: records whose label is a number.
kl_numbers() {
	awk -F'\t' 'NR > 1 && $5 ~ /^[0-9][0-9.]*$/ {
		split($7, w, " "); print $1 "\t" w[1] }' "$TMP/$1.cl" | nfc
}

for v in 2019-2022 2023-2026 2027-2030; do
	if [ ! -f "$C/samverkan-$v.docx" ] ||
	    [ ! -f "$C/text/samverkan-$v.txt" ]; then
		skip "samverkan-$v not present"
		continue
	fi
	if ! clauses "$v"; then
		_tap_result 1 "$v: klsplit runs"
		continue
	fi
	if [ -x "$KL_BIN/kltext" ]; then
		ok "$v: kltext | klsplit equals klsplit FILE.docx" \
		    cmp "$TMP/$v.cl" "$TMP/$v.direct"
		kl kltext --json "$C/samverkan-$v.docx" | kl klsplit \
		    >"$TMP/$v.viajson"
		ok "$v: kltext --json | klsplit: the same clauses" \
		    cmp "$TMP/$v.viajson" "$TMP/$v.direct"
	fi
	lo_numbers "$v" >"$TMP/$v.lo"
	kl_numbers "$v" >"$TMP/$v.kl"
	n=$(wc -l <"$TMP/$v.lo")
	ok "$v: LibreOffice shows numbered clauses ($n)" test "$n" -ge 50
	if cmp -s "$TMP/$v.lo" "$TMP/$v.kl"; then
		_tap_result 0 "$v: all $n clause ids equal LibreOffice's numbers"
	else
		_tap_result 1 "$v: clause ids equal LibreOffice's numbers"
		diff "$TMP/$v.lo" "$TMP/$v.kl" | head -20 | sed 's/^/# /'
	fi
	dups=$(awk -F'\t' 'NR > 1 { print $1 }' "$TMP/$v.cl" | sort |
	    uniq -d | head -3)
	is "$dups" "" "$v: ids unique"
done

# The tracked-changes draft: rejecting every change gives 2023-2026's
# clauses (its comment aside); accepting gives clauses whose words are the
# paragraphs pandoc renders with --track-changes=accept.
d=$C/samverkan-2027-2030-utkast.docx
acc=$C/text/samverkan-2027-2030-utkast.accept.txt
if [ -f "$d" ] && [ -f "$acc" ] && [ -f "$TMP/2023-2026.cl" ]; then
	kl klsplit --changes=reject "$d" >"$TMP/rej" 2>"$TMP/err"
	is "$?" 0 "draft --changes=reject: exit 0"
	awk -F'\t' '$3 != "other"' "$TMP/rej" >"$TMP/rej.body"
	awk -F'\t' '$3 != "other"' "$TMP/2023-2026.direct" >"$TMP/23.body"
	ok "draft --changes=reject: the clauses of 2023-2026" \
	    cmp "$TMP/rej.body" "$TMP/23.body"
	kl klsplit --changes=accept "$d" >"$TMP/acc" 2>"$TMP/err"
	is "$?" 0 "draft --changes=accept: exit 0"
	awk -F'\t' 'NR > 1 && $3 != "other" && $3 != "row" &&
	    $3 != "note" { print $7 }' "$TMP/acc" | nfc >"$TMP/acc.texts"
	nfc <"$acc" >"$TMP/acc.lines"
	n=$(wc -l <"$TMP/acc.texts")
	missing=$(grep -vxFf "$TMP/acc.lines" "$TMP/acc.texts" | head -3)
	is "$missing" "" "draft --changes=accept: all $n texts as pandoc accepts"
	ok "draft: accepting differs from rejecting" \
	    test -n "$(cmp "$TMP/acc" "$TMP/rej" 2>&1)"
	dups=$(awk -F'\t' 'NR > 1 { print $1 }' "$TMP/acc" | sort | uniq -d)
	is "$dups" "" "draft --changes=accept: ids unique"
else
	skip "tracked-changes draft not present"
fi

# text_of VERSION ID: the text of that clause.
text_of() {
	awk -F'\t' -v id="$2" 'NR > 1 && $1 == id { print $7; exit }' \
	    "$TMP/$1.cl"
}

for t in "$C"/truth/*_*.tsv; do
	[ -f "$t" ] || continue
	pair=${t##*/}
	pair=${pair%.tsv}
	old=${pair%_*}
	new=${pair#*_}
	if [ ! -f "$TMP/$old.cl" ] || [ ! -f "$TMP/$new.cl" ]; then
		skip "$pair: versions not split"
		continue
	fi
	count=0
	while IFS='	' read -r kind oid nid rest; do
		[ "$kind" = renumbered ] || continue
		count=$((count + 1))
		ot=$(text_of "$old" "$oid")
		nt=$(text_of "$new" "$nid")
		ok "$pair: $oid -> $nid renumbered: both found" \
		    test -n "$ot" -a -n "$nt" -a "$oid" != "$nid"
		is "$nt" "$ot" "$pair: $oid -> $nid: the same text"
	done <"$t"
	ok "$pair: the truth lists renumbered clauses ($count)" \
	    test "$count" -gt 0
done

done_testing
