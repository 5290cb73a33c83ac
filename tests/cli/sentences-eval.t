#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# sentences-eval.t - the sentence splitter against the gold sets: F1 of
# at least 0.995 on the legal set and on Talbanken (when ../shared is
# there), and better than the naive baseline on both.  The baselines
# (naive, ICU when libicu-dev is installed) are printed side by side.
. "${KL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib/tap.sh"
: "${KL_BUILD:=$KL_ROOT/build}"
[ -x "$KL_BUILD/tests/sentscore" ] || skip_all "sentscore helper not built"

out=$(sh "$KL_ROOT/tests/sentences/eval.sh" 2>"$TMP/err")
is "$?" 0 "eval.sh runs"
while IFS= read -r l; do
	case $l in
	\#*) diag "${l#\# }" ;;
	*) diag "$l" ;;
	esac
done <<EOT
$out
EOT

f1() {	# SET METHOD
	echo "$out" | awk -v s="$1" -v m="$2" '$1 == s && $2 == m { print $5 }'
}
at_least() {	# GOT MIN
	[ -n "$1" ] && awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'
}
above() {	# GOT OTHER
	[ -n "$1" ] && [ -n "$2" ] &&
	    awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'
}

ok "legal: F1 $(f1 legal klausul) >= 0.995" at_least "$(f1 legal klausul)" 0.995
ok "legal: better than the naive rule ($(f1 legal naive))" \
    above "$(f1 legal klausul)" "$(f1 legal naive)"
paras=$("$KL_BUILD/tests/sentscore" paras "$KL_ROOT/tests/sentences/gold-legal.txt" | wc -l)
ok "legal: at least 300 paragraphs ($paras)" test "$paras" -ge 300

if [ -r "$KL_SHARED/data/talbanken-dev/sv_talbanken-ud-dev.conllu" ]; then
	ok "talbanken: F1 $(f1 talbanken klausul) >= 0.995" \
	    at_least "$(f1 talbanken klausul)" 0.995
	ok "talbanken: better than the naive rule ($(f1 talbanken naive))" \
	    above "$(f1 talbanken klausul)" "$(f1 talbanken naive)"
else
	skip "talbanken: \$KL_SHARED/data/talbanken-dev absent"
	skip "talbanken: baseline comparison"
fi
done_testing
