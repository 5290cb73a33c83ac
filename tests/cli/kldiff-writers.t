#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff-writers.t - the diff engine on the agreement as other writers
# make it: pandoc (one ordered list 1..N, sub-clauses "a)"), python-docx
# (List Number / List Bullet at one level) and LibreOffice (HTML opened
# and saved as .docx through UNO).  corpus/writers/ holds one OLD/NEW
# pair per writer with its truth, made by corpus/src/writers.py from the
# corpus sources and changes (make -C corpus writers); scored like the
# corpus pairs, each pair on its own (tests/helpers/truthscore.c).
. "$KL_ROOT/tests/lib/tap.sh"

W=$KL_ROOT/corpus/writers
H=${KL_BUILD:-$KL_ROOT/build}/tests/truthscore
args=
for p in pandoc_2023-2026_2027-2030 python-docx_2019-2022_2023-2026 \
    libreoffice_2023-2026_2027-2030; do
	w=${p%%_*}
	r=${p#*_}
	old=$W/$w-${r%_*}.docx
	new=$W/$w-${r#*_}.docx
	truth=$W/truth/$p.tsv
	if [ ! -f "$old" ] || [ ! -f "$new" ] || [ ! -f "$truth" ]; then
		skip_all "corpus/writers/$p not built (make -C corpus writers)"
	fi
	args="$args $old $new $truth"
done
[ -x "$H" ] || skip_all "truthscore helper not built"
# shellcheck disable=SC2086
exec ${KL_WRAP:-} "$H" $args
