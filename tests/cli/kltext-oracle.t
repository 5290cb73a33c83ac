#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kltext-oracle.t - kltext --plain against LibreOffice's Text export (and
# pandoc's accept/reject renderings for the tracked-change files) on every
# real-world .docx in ../shared/data.  Scored by tests/helpers/oracle-score.pl:
#   recall    >= 99.5%  of the oracle's words are in our output
#   precision >= 99%    of our words are in the oracle
#   labels    >= 98%    of the oracle's numbered lines appear as lines
# and no file may fail or crash.
. "${KL_ROOT:?}/tests/lib/tap.sh"

S=$KL_SHARED/data
[ -d "$S/realworld/oracle" ] && [ -d "$S/swedish/oracle" ] ||
	skip_all "no ../shared/data with oracles"
command -v perl >/dev/null 2>&1 || skip_all "no perl"

# Files where LibreOffice's Text export leaves out text the document has
# (checked in its XML).  They count for recall and labels, not precision.
known_omission() {
	case $1 in
	*"240-DOP-1013A Lay Down Tubulars.docx")
		echo "oracle drops a floating table (w:tblpPr)" ;;
	*/nested_paragraphs.docx)
		echo "oracle drops a DrawingML text box (wps:txbx)" ;;
	*/image_with_textbox_caption.docx)
		echo "oracle drops a DrawingML text box caption" ;;
	esac
}

list=$TMP/list
failed=
: > "$list"
i=0
cd "$S" || exit 2
find realworld swedish -name '*.docx' -not -path '*/oracle/*' | sort > "$TMP/files"
while IFS= read -r f; do
	i=$((i + 1))
	b=${f%.docx}
	o=${b%%/*}/oracle/${b#*/}
	note=$(known_omission "$f")
	if [ -f "$o.txt" ]; then
		if ! kl kltext --plain "$f" > "$TMP/$i.txt" 2> "$TMP/$i.err"
		then
			failed="$failed $f"
			diag "$f: $(cat "$TMP/$i.err")"
		fi
		printf '%s\t%s\t%s\t%s\n' "$f" "$S/$o.txt" "$TMP/$i.txt" \
		    "$note" >> "$list"
		continue
	fi
	for m in accept reject; do
		[ -f "$o.$m.txt" ] || continue
		if ! kl kltext --plain --changes=$m "$f" > "$TMP/$i.$m.txt" \
		    2> "$TMP/$i.err"; then
			failed="$failed $f:$m"
			diag "$f: $(cat "$TMP/$i.err")"
		fi
		printf '%s\t%s\t%s\t%s\n' "$f:$m" "$S/$o.$m.txt" \
		    "$TMP/$i.$m.txt" "$note" >> "$list"
	done
done < "$TMP/files"

ok "found the real-world files ($i)" test "$i" -ge 100
is "$failed" "" "every file extracted without error"

perl "$KL_ROOT/tests/helpers/oracle-score.pl" < "$list" > "$TMP/score"
sed 's/^/# /' "$TMP/score"
overall=$(tail -n 1 "$TMP/score")
fig() {
	printf '%s\n' "$overall" | sed -n "s/.*$1 \([0-9.]*\)%.*/\1/p"
}
ok "recall $(fig recall)% >= 99.5%" \
    perl -e 'exit !($ARGV[0] >= 99.5)' "$(fig recall)"
ok "precision $(fig precision)% >= 99%" \
    perl -e 'exit !($ARGV[0] >= 99)' "$(fig precision)"
ok "numbered labels $(fig labels)% >= 98%" \
    perl -e 'exit !($ARGV[0] >= 98)' "$(fig labels)"

# The tracked-change files on their own: accept and reject must each agree.
for m in accept reject; do
	grep ":$m	" "$list" > "$TMP/tc.$m"
	ok "tracked changes, --changes=$m: recall and precision 100%" \
	    perl "$KL_ROOT/tests/helpers/oracle-score.pl" 100 100 \
	    < "$TMP/tc.$m"
done

done_testing
