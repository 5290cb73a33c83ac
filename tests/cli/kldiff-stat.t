#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff --stat: counts by operation, class and section, words as wdiff -s.
. "$KL_ROOT/tests/lib/tap.sh"

G=$KL_ROOT/tests/golden/kldiff
cd "$G" || exit 1

kl kldiff --stat a.in b.in c.in >"$TMP/abc.stat"
is "$?" 1 "--stat: exit 1 on differences"
golden "$TMP/abc.stat" "$G/a-b-c.stat" "--stat: three versions"
kl kldiff --stat --lang=sv a.in b.in >"$TMP/ab.sv.stat"
golden "$TMP/ab.sv.stat" "$G/a-b.sv.stat" "--stat in Swedish"

s=$(kl kldiff --stat a.in b.in)
like "$s" "^clauses: 14 old, 15 new; " "clause totals of both versions"
like "$s" " 1 inserted, 1 deleted, 1 split, 0 merged$" "operations counted"
# The word totals are the documents' own: every word is common, deleted
# or changed on the old side, common, inserted or changed on the new.
old_words=$(sed -n 's/^old: \([0-9]*\) words.*/\1/p' <<EOF2
$s
EOF2
)
want=$(awk -F'\t' 'NR > 1 { n += split($7, w, /[ \t]+/) } END { print n }' a.in)
is "$old_words" "$want" "old word count matches the document"
new_words=$(printf '%s\n' "$s" | sed -n 's/^new: \([0-9]*\) words.*/\1/p')
want=$(awk -F'\t' 'NR > 1 { n += split($7, w, /[ \t]+/) } END { print n }' b.in)
is "$new_words" "$want" "new word count matches the document"
s=$(kl kldiff --stat a.in a.in)
like "$s" "; 14 unchanged, 0 renumbered, 0 changed" "identical: all unchanged"
like "$s" "^old: 132 words  132 100\.0% common  0 0\.0% deleted" \
    "identical: 100% common"
kl kldiff --stat a.in a.in >/dev/null
is "$?" 0 "identical: exit 0"
s=$(kl kldiff --stat --substantive a.in b.in)
like "$s" "; 4 unchanged, 2 renumbered \\(hidden\\), 4 changed \\(1 more hidden\\), " \
    "--substantive: hidden renumbering and typography are not 'unchanged'"
s=$(kl kldiff --stat --substantive --lang=sv a.in b.in)
like "$s" "; 4 oförändrade, 2 omnumrerade \\(dolda\\), 4 ändrade \\(ytterligare 1 dold\\), " \
    "--substantive in Swedish: hidden counts, singular after 1"
s=$(kl kldiff --stat --lang=sv a.in b.in)
like "$s" ", 1 flyttad, 1 tillagd, 1 borttagen, 1 delad, 0 sammanslagna$" \
    "Swedish: singular after 1, plural after 0"

done_testing
