#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# peers.sh - the planted changes of corpus/ as kldiff and the word-diff
# peers show them, side by side, per kind of change.
#
# kldiff counts as right what tests/cli/kldiff-truth.t checks: the change
# is in the right unit (move, split, merge, insertion ...) with the right
# class.  The peers read the text of each version (kltext --plain, or
# klsplit --plain until kltext exists) and count as right what
# tests/bench/peerscore.pl says, kind by kind: the changed words shown
# as deleted and inserted, a renumbered-only clause shown unchanged, a
# move, split or merge shown as one.  LibreOffice's Compare Document is
# driven through UNO (locompare.py, with /usr/bin/python3 and its uno
# module) when soffice is installed: its tracked changes are rendered in
# the same markup.
set -eu

: "${KL_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${KL_BIN:=$KL_ROOT/tools}"
: "${KL_BUILD:=$KL_ROOT/build}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/klpeers.XXXXXX")
lo_pid=
trap '[ -z "$lo_pid" ] || kill "$lo_pid" 2>/dev/null; rm -rf "$TMP"' EXIT
PORT=${KL_LO_PORT:-2$(($$ % 10000 + 10000))}

# LibreOffice, our own instance (private profile, its own port).
if command -v soffice >/dev/null 2>&1 &&
    /usr/bin/python3 -c 'import uno' 2>/dev/null; then
	soffice --headless --invisible --norestore --nologo \
	    -env:UserInstallation=file://$TMP/lo-profile \
	    --accept="socket,host=127.0.0.1,port=$PORT;urp;" \
	    >/dev/null 2>&1 &
	lo_pid=$!
fi
C=$KL_ROOT/corpus
H=$KL_BUILD/tests/truthscore

plain() {
	if [ -x "$KL_BIN/kltext" ]; then
		"$KL_BIN/kltext" --plain "$1"
	else
		"$KL_BIN/klsplit" --plain "$1"
	fi
}

[ -x "$H" ] || { echo "peers: $H not built (make tests)"; exit 0; }
: >"$TMP/all"
for t in 2019-2022_2023-2026 2023-2026_2027-2030; do
	old=$C/samverkan-${t%_*}.docx
	new=$C/samverkan-${t#*_}.docx
	truth=$C/truth/$t.tsv
	if [ ! -f "$old" ] || [ ! -f "$new" ] || [ ! -f "$truth" ]; then
		echo "peers: corpus/$t missing (make corpus)"
		exit 0
	fi
	"$KL_BIN/klsplit" --plain "$old" >"$TMP/old.cl"
	"$KL_BIN/klsplit" --plain "$new" >"$TMP/new.cl"
	plain "$old" >"$TMP/old.txt"
	plain "$new" >"$TMP/new.txt"
	# kldiff: the truth test's verdict on each planted change
	"$H" "$old" "$new" "$truth" | awk '
	    /^(not )?ok .* - / && !/pairing|substantive|compared/ {
		k = $0; sub(/^(not )?ok [0-9]+ - /, "", k); sub(/ .*/, "", k)
		n[k]++; if ($1 == "ok") r[k]++
	    } END { for (k in n) print k, n[k], r[k] + 0 }' |
	    sed 's/^/kldiff /' >>"$TMP/all"
	if command -v dwdiff >/dev/null 2>&1; then
		dwdiff "$TMP/old.txt" "$TMP/new.txt" >"$TMP/dw.out" || true
		perl "$KL_ROOT/tests/bench/peerscore.pl" "$truth" "$TMP/old.cl" \
		    "$TMP/new.cl" "$TMP/dw.out" | sed 's/^/dwdiff /' >>"$TMP/all"
	fi
	if [ -n "$lo_pid" ] && timeout 300 /usr/bin/python3 \
	    "$KL_ROOT/tests/bench/locompare.py" "$old" "$new" "$PORT" \
	    >"$TMP/lo.out" 2>"$TMP/lo.err"; then
		perl "$KL_ROOT/tests/bench/peerscore.pl" "$truth" "$TMP/old.cl" \
		    "$TMP/new.cl" "$TMP/lo.out" | sed 's/^/lo /' >>"$TMP/all"
	elif [ -n "$lo_pid" ]; then
		echo "peers: LibreOffice compare failed: $(head -c 200 "$TMP/lo.err")"
	fi
	git diff --no-index --word-diff=plain "$TMP/old.txt" "$TMP/new.txt" \
	    >"$TMP/git.out" || true
	perl "$KL_ROOT/tests/bench/peerscore.pl" "$truth" "$TMP/old.cl" \
	    "$TMP/new.cl" "$TMP/git.out" | sed 's/^/git /' >>"$TMP/all"
done

echo "== planted changes of corpus/ shown right (both version pairs)"
awk '
	{ n[$2] = $3; r[$1, $2] += $4; if ($1 == "lo") lo = 1; if (!($2 in seen)) { seen[$2] = 1
	  order[++k] = $2 }; tot[$1, $2] += $3 }
	END {
		printf "  %-16s %7s %7s %7s %9s %11s\n", "kind", "planted",
		    "kldiff", "dwdiff", "git word", "LibreOffice"
		for (i = 1; i <= k; i++) {
			t = order[i]
			printf "  %-16s %7d %7d %7d %9d %11s\n", t,
			    tot["kldiff", t], r["kldiff", t], r["dwdiff", t],
			    r["git", t], lo ? r["lo", t] + 0 : "-"
			T += tot["kldiff", t]; K += r["kldiff", t]
			D += r["dwdiff", t]; G += r["git", t]; L += r["lo", t]
		}
		printf "  %-16s %7d %7d %7d %9d %11s\n", "all", T, K, D, G,
		    lo ? L : "-"
		printf "  %-16s %7s %6.1f%% %6.1f%% %8.1f%% %10s\n", "", "",
		    100 * K / T, 100 * D / T, 100 * G / T,
		    lo ? sprintf("%.1f%%", 100 * L / T) : "-"
	}' "$TMP/all"
