#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The library's files depend on each other one way only: no file cycles,
# and no stage calling a later one (util sv docx pdf clause diff consolidate render).
# tests/helpers/layers.pl reads the dependencies from nm of the objects;
# its report goes out as TAP diagnostics, so a failure names the files.
. "$KL_ROOT/tests/lib/tap.sh"
command -v nm >/dev/null 2>&1 || skip_all "nm not installed"
command -v perl >/dev/null 2>&1 || skip_all "perl not installed"
[ -d "$KL_BUILD/libdiff" ] || skip_all "no objects in $KL_BUILD/libdiff"
perl "$KL_ROOT/tests/helpers/layers.pl" "$KL_BUILD/libdiff" \
    >"$TMP/layers" 2>&1
rc=$?
sed 's/^/# /' "$TMP/layers"
is "$rc" 0 "no file cycles, no call into a later stage"
is "$(grep -c '^cycle: ' "$TMP/layers")" 0 "no file cycles"
is "$(grep -c '^stage: ' "$TMP/layers")" 0 "no call from a stage into a later one"
done_testing
