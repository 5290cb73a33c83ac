# SPDX-License-Identifier: GPL-3.0-or-later
# tap.sh - TAP helpers for the shell tests of the tools.
#
# . "$KL_ROOT/tests/lib/tap.sh"   then:  ok CMD...; is "$got" "$want" name;
# skip_all why; done_testing.  Tools are run as "$KL_BIN/kltext"; when
# KL_WRAP is set (valgrind) each tool runs under it: use kl kltext ARGS.

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
: "${KL_SHARED:=$KL_ROOT/../shared}"
export LC_ALL="${LC_ALL:-C.UTF-8}"
_tap_n=0
_tap_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kltest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Run a tool from the build (optionally under $KL_WRAP).
kl() {
	_t=$1
	shift
	${KL_WRAP:-} "$KL_BIN/$_t" "$@"
}

_tap_result() {
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_tap_n - $2"
	else
		echo "not ok $_tap_n - $2"
		_tap_failed=$((_tap_failed + 1))
	fi
}

# ok NAME CMD [ARG...]: passes when CMD exits 0.
ok() {
	_name=$1
	shift
	"$@" >/dev/null 2>&1
	_tap_result $? "$_name"
}

# is GOT WANT NAME
is() {
	if [ "$1" = "$2" ]; then
		_tap_result 0 "$3"
	else
		_tap_result 1 "$3"
		printf '#          got: %s\n#     expected: %s\n' "$1" "$2" |
		    head -n 40
	fi
}

# like GOT REGEX NAME (grep -E)
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		_tap_result 0 "$3"
	else
		_tap_result 1 "$3"
		printf '#          got: %s\n#  not matching: %s\n' "$1" "$2" |
		    head -n 40
	fi
}

# golden FILE_GOT FILE_WANT NAME: compare files, show a diff on failure.
# KL_UPDATE_GOLDEN=1 rewrites the golden file instead.
golden() {
	if [ -n "${KL_UPDATE_GOLDEN:-}" ]; then
		cp "$1" "$2"
	fi
	if cmp -s "$1" "$2"; then
		_tap_result 0 "$3"
	else
		_tap_result 1 "$3"
		diff -u "$2" "$1" | head -n 40 | sed 's/^/# /'
	fi
}

skip() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n # SKIP $1"
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

diag() {
	echo "# $*"
}

done_testing() {
	echo "1..$_tap_n"
	[ "$_tap_failed" -eq 0 ]
}

# json_at PATH FILE: one value of the JSON in FILE, PATH its keys and
# indexes joined by dots ("filters.start.eq"); an array gives its length,
# a boolean "true" or "false".
json_at() {
	perl -MJSON::PP -e '
		local $/; my $v = JSON::PP->new->decode(<STDIN>);
		$v = ref $v eq "ARRAY" ? $v->[$_] : $v->{$_}
		    for split /\./, $ARGV[0];
		print ref $v eq "ARRAY" ? scalar @$v :
		    JSON::PP::is_bool($v) ? ($v ? "true" : "false") : $v;
	' "$1" <"$2"
}
