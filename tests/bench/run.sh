#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: every benchmark of tests/bench/ in the order of the data flow,
# each printing its ratios against the peers named in the issues.  The
# peers (pandoc, dwdiff, git, xmllint, hyperfine) are measured when they are
# installed; a missing one is reported, not faked.
cd "$(dirname "$0")/../.." || exit 2
status=0
for b in kltext pdf klsplit sentences textdiff kldiff diffscale consolidate wrap peers html hostile; do
	f=tests/bench/$b.sh
	[ -f "$f" ] || continue
	echo "==== bench: $b ===="
	sh "$f" || { echo "bench $b: failed (exit $?)"; status=1; }
	echo
done
exit $status
