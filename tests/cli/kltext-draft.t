#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The tracked-changes draft of corpus/: rejecting every change gives the
# 2023–2026 agreement exactly, accepting every change gives the draft's
# text, and markup shows both sides.
. "$KL_ROOT/tests/lib/tap.sh"
C="$KL_ROOT/corpus"
D="$C/samverkan-2027-2030-utkast.docx"
[ -f "$D" ] || skip_all "no tracked draft in corpus/"

kl kltext --plain "$C/samverkan-2023-2026.docx" > "$TMP/old.txt"
kl kltext --plain --changes=reject "$D" > "$TMP/rej.txt"
golden "$TMP/rej.txt" "$TMP/old.txt" "reject gives 2023–2026 exactly, labels included"

# Accept: the same paragraphs, labels dropped, as make-draft.py wrote them.
kl kltext --changes=accept "$D" |
    awk -F '\t' 'NR > 1 && $1 !~ /footnote|endnote|comment|header|footer/ && $8 != "" { print $8 }' |
    sed 's/\\t/ /g' > "$TMP/acc.txt"
golden "$TMP/acc.txt" "$C/text/samverkan-2027-2030-utkast.accept.txt" \
    "accept gives the draft's text"

kl kltext --plain --changes=markup "$D" > "$TMP/markup.txt"
like "$(cat "$TMP/markup.txt")" '\[-2023–2026-\]\{\+2027–2030\+\}' "markup: replacement"
like "$(cat "$TMP/markup.txt")" '\[<Parterna ska samverka om insatser för att attrahera' "markup: moved from"
like "$(cat "$TMP/markup.txt")" '\{>Parterna ska samverka om insatser för att attrahera' "markup: moved to"
like "$(cat "$TMP/markup.txt")" '\[-Parterna ska verka för att lärcentrum' "markup: deleted paragraph"

flags() {
	kl kltext --changes="$1" "$D" | awk -F '\t' '$7 ~ /'"$2"'/ { print $8 }'
}
like "$(flags accept ins)" "^Regeringens nationella strategi för hållbar" "accept: the inserted paragraph is flagged ins"
like "$(flags reject del)" "^Parterna ska verka för att lärcentrum" "reject: the deleted paragraph is flagged del"
like "$(flags accept moveto)" "^Parterna ska samverka om insatser för att attrahera" "accept: the moved paragraph is flagged moveto"
is "$(flags accept 'ins|del|move' | wc -l)" 2 "accept: no other paragraph is flagged"
like "$(flags reject movefrom)" "^Parterna ska samverka om insatser för att attrahera" "reject: ... and movefrom where it was"
comments=$(kl kltext --plain --comments "$D" | grep -c '^\[cm:0\]')
is "$comments" 1 "the comment is there with --comments"
done_testing
