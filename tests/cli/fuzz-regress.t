#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz-regress.t - replay every crash the fuzzers found, and their seeds,
# through the same harness functions without libFuzzer (the replay_NAME
# helpers of tests/helpers/), so `make check` and `make asan` keep them
# fixed.  A file named todo-* in tests/fuzz/regress/NAME/ reproduces a bug
# not fixed yet: its test is marked TODO until it passes.
. "$KL_ROOT/tests/lib/tap.sh"

B=${KL_BUILD:-$KL_ROOT/build}/tests
F=$KL_ROOT/tests/fuzz
found=0

replay() {
	# replay TARGET FILE: exit 0 and no sanitizer report.
	${KL_WRAP:-} timeout 60 "$B/replay_$1" "$2" >"$TMP/out" 2>"$TMP/err"
}

for t in records text docx diff pdf; do
	if [ ! -x "$B/replay_$t" ]; then
		skip "replay_$t not built"
		continue
	fi
	found=1
	for f in "$F/regress/$t"/* "$F/seeds/$t"/*; do
		[ -f "$f" ] || continue
		name="$t: ${f#"$F"/}"
		case ${f##*/} in
		todo-*)
			_tap_n=$((_tap_n + 1))
			if replay "$t" "$f"; then
				echo "ok $_tap_n - $name # TODO fixed? rename it"
			else
				echo "not ok $_tap_n - $name # TODO known bug"
				sed -n '1,5s/^/#   /p' "$TMP/err"
			fi
			;;
		*)
			replay "$t" "$f"
			r=$?
			_tap_result $r "$name"
			[ $r -eq 0 ] || sed -n '1,20s/^/#   /p' "$TMP/err"
			;;
		esac
	done
done
[ $found -eq 1 ] || diag "no replay helper built"
done_testing
