#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shared library exports the public API and nothing else: every
# defined dynamic symbol starts with ldiff_, and every function declared in
# libdiff.h is there.
. "$KL_ROOT/tests/lib/tap.sh"
so="$KL_BUILD/libdiff.so"
[ -e "$so" ] || skip_all "no shared library built"
command -v nm >/dev/null 2>&1 || skip_all "nm not installed"
nm -D --defined-only "$so" | awk '$2 ~ /[TDBR]/ { sub(/@.*/, "", $3); print $3 }' |
    sort > "$TMP/exported"
is "$(grep -v '^ldiff_' "$TMP/exported" | tr '\n' ' ')" "" "only ldiff_ symbols are exported"
grep -o '\bldiff_[a-z_0-9]*(' "$KL_ROOT/libdiff/libdiff.h" | tr -d '(' |
    sort -u > "$TMP/declared"
is "$(comm -23 "$TMP/declared" "$TMP/exported" | tr '\n' ' ')" "" \
    "every function of libdiff.h is exported"
done_testing
