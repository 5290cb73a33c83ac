#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kltext-faithful.t - what LibreOffice writes (tests/fixtures/lo-*.docx,
# made by mk-lo-fixtures.py): a drop cap, a paragraph split and a join
# recorded as tracked changes; and the real-world notes files, whose
# reference marks LibreOffice shows in the text.
. "${KL_ROOT:?}/tests/lib/tap.sh"
F=$KL_ROOT/tests/fixtures

is "$(kl kltext --plain "$F/lo-dropcap.docx")" "Drop cap paragraph text.
Second paragraph." "LibreOffice's drop cap: one paragraph"

is "$(kl kltext --plain --changes=markup "$F/lo-split.docx")" "Första meningen. {+¶+}
Andra meningen." "markup: a split shows the inserted break"
is "$(kl kltext --plain --changes=markup --authors "$F/lo-split.docx")" \
    "Första meningen. {+¶+|Umeå kommun}
Andra meningen." "markup --authors: ... and who made it"
is "$(kl kltext --plain --changes=reject "$F/lo-split.docx")" \
    "Första meningen. Andra meningen." "reject: the split undone"
is "$(kl kltext --plain --changes=markup "$F/lo-join.docx")" "Ett stycke[-¶-]
 som fortsätter." "markup: a join shows the deleted break"
is "$(kl kltext --plain "$F/lo-join.docx")" "Ett stycke som fortsätter." \
    "accept: joined"
is "$(kl kltext "$F/lo-join.docx" | awk -F '\t' 'NR == 2 { print $9 }')" \
    "del-mark=Umeå kommun,2026-12-07T22:27:40Z" \
    "the record carries the join's author and date"
is "$(kl kltext -j "$F/lo-split.docx" | head -n 1 | grep -o '"revisions":.*')" \
    '"revisions":[{"kind":"ins-mark","author":"Umeå kommun","date":"2026-12-07T22:27:40Z"}]}' \
    "JSON too"
kl kltext "$F/lo-join.docx" > "$TMP/join.tsv"
is "$(kl kltext "$TMP/join.tsv" | cmp - "$TMP/join.tsv" && echo same)" same \
    "the stream read back is written the same"
is "$(kl klsplit "$TMP/join.tsv" | tail -n 1 | cut -f 7)" \
    "Ett stycke som fortsätter." "klsplit reads the ninth field"

S=$KL_SHARED/data/realworld/mammoth.js/test/test-data
if [ -f "$S/footnotes.docx" ]; then
	is "$(kl kltext --plain --notes "$S/footnotes.docx")" "Ouch1.2
[footnote 1]  A tachyon walks into a bar.
[footnote 2]  Fin." "footnote marks as LibreOffice shows them; notes by number"
	is "$(kl kltext --plain --notes "$S/endnotes.docx")" "Ouchi.ii
[endnote i]  A tachyon walks into a bar.
[endnote ii]  Fin." "endnotes: lower-case roman"
	is "$(kl kltext -j "$S/endnotes.docx" | sed -n '2s/.*"where":"\([^"]*\)".*"note":"\([^"]*\)".*/\1 \2/p')" \
	    "en:2 i" "the internal id stays in JSON beside the mark"
fi
done_testing
