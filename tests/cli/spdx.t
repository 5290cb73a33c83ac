#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# spdx.t - every source file of the project names its licence in an SPDX
# line near its top, as LICENSE and the README say (GPL-3.0-or-later).
. "${KL_ROOT:?}/tests/lib/tap.sh"
command -v git >/dev/null 2>&1 && [ -e "$KL_ROOT/.git" ] ||
    skip_all "not a git checkout"
cd "$KL_ROOT" || exit 2
n=0 missing=
for f in $(git ls-files 'libdiff/*.[ch]' 'tools/*.[ch]' 'tests/*.[ch]' \
    'tests/*.sh' 'tests/*.t' 'tests/*.pl' 'tests/*.py' 'corpus/*.py' \
    'libdiff/*.sh' 'Makefile' '*.mk'); do
	n=$((n + 1))
	head -n 5 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' ||
	    missing="$missing $f"
done
ok "source files found ($n)" test "$n" -gt 100
is "$missing" "" "every source file has an SPDX line"
grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' libdiff/libdiff.pc.in
_tap_result $? "libdiff.pc names the licence"
done_testing
