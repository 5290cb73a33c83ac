#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# filesize.t - no source file is over 1 200 lines (STYLE.md), and every
# file of the library opens, after its SPDX line, with a comment on its
# idea.  paper_say.c at 1 482 lines is why the test is here.
. "${KL_ROOT:?}/tests/lib/tap.sh"
command -v git >/dev/null 2>&1 && [ -e "$KL_ROOT/.git" ] ||
    skip_all "not a git checkout"
cd "$KL_ROOT" || exit 2
long= n=0
for f in $(git ls-files 'libdiff/*.[ch]' 'tools/*.[ch]' 'tests/*.[ch]'); do
	n=$((n + 1))
	[ "$(wc -l <"$f")" -le 1200 ] || long="$long $f"
done
ok "source files found ($n)" test "$n" -gt 100
is "$long" "" "no source file over 1 200 lines"
noidea=
for f in $(git ls-files 'libdiff/*.c'); do
	sed -n 2p "$f" | grep -q '^/\*' || noidea="$noidea $f"
done
is "$noidea" "" "every library file opens with a comment on its idea"
done_testing
