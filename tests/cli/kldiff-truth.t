#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff-truth.t - the diff engine against the changes planted in corpus/.
#
# corpus/truth/OLD_NEW.tsv lists every change planted between two versions
# of the agreement.  The truthscore helper compares the .docx files through
# the library (the same calls kldiff makes) and checks each planted change
# is found and classified right (one test each), then the precision and
# recall of clause pairing and of the substantive flag (thresholds and why
# in tests/helpers/truthscore.c).  The figures are printed as diagnostics.
. "$KL_ROOT/tests/lib/tap.sh"

C=$KL_ROOT/corpus
H=${KL_BUILD:-$KL_ROOT/build}/tests/truthscore
args=
for t in 2019-2022_2023-2026 2023-2026_2027-2030; do
	old=$C/samverkan-${t%_*}.docx
	new=$C/samverkan-${t#*_}.docx
	truth=$C/truth/$t.tsv
	if [ ! -f "$old" ] || [ ! -f "$new" ] || [ ! -f "$truth" ]; then
		skip_all "corpus/$t not built (make corpus)"
	fi
	args="$args $old $new $truth"
done
[ -x "$H" ] || skip_all "truthscore helper not built"
# shellcheck disable=SC2086
exec ${KL_WRAP:-} "$H" $args
