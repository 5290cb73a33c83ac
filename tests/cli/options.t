#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What every tool owes a Unix user: --help on standard output and exit 0,
# --version, an unknown option told on standard error with exit 2, - for
# standard input, -o FILE (and nothing left behind on trouble), messages
# as "tool: file: message"; and the options a user can find (manual page,
# bash completion) are the options the tool takes.
. "$KL_ROOT/tests/lib/tap.sh"

A=$KL_ROOT/corpus/samverkan-2023-2026.docx
B=$KL_ROOT/corpus/samverkan-2027-2030.docx
[ -f "$A" ] && [ -f "$B" ] || skip_all "corpus/ has no agreements yet"
export LC_ALL=C.UTF-8 NO_COLOR=1

# Each tool's inputs for one ordinary run: "ARGS" with FILE standing for
# the input that will be given as a path or as -.
args() {
	case $1 in
	kldiff) echo "-L old -L new FILE $B" ;;
	*) echo "FILE" ;;
	esac
}

for t in kltext klsplit kldiff; do
	# ---- --help, --version ------------------------------------------
	kl $t --help >"$TMP/help" 2>"$TMP/help.err"
	is "$?" 0 "$t --help: exit 0"
	like "$(head -n 1 "$TMP/help")" "^Usage: $t " "$t --help: usage on stdout"
	is "$(cat "$TMP/help.err")" "" "$t --help: nothing on stderr"
	kl $t -h >"$TMP/h" 2>&1
	golden "$TMP/h" "$TMP/help" "$t -h is --help"
	is "$(kl $t --version 2>&1)" "$t (klausul) 0.3.0" "$t --version"
	is "$(kl $t -V 2>&1)" "$t (klausul) 0.3.0" "$t -V"

	# ---- bad options -----------------------------------------------
	kl $t --no-such-option "$A" >"$TMP/out" 2>"$TMP/err"
	is "$?" 2 "$t --no-such-option: exit 2"
	is "$(cat "$TMP/out")" "" "$t --no-such-option: nothing on stdout"
	like "$(head -n 1 "$TMP/err")" \
	    "^($KL_BIN/)?$t: unrecognized option '--no-such-option'" \
	    "$t --no-such-option: told on stderr"
	like "$(tail -n 1 "$TMP/err")" "^Try '$t --help' for more information\.$" \
	    "$t --no-such-option: points to --help"
	kl $t -Z "$A" >/dev/null 2>"$TMP/err"
	is "$?" 2 "$t -Z: exit 2"
	like "$(cat "$TMP/err")" "invalid option -- 'Z'" "$t -Z: told on stderr"
	kl $t "$A" -o >/dev/null 2>"$TMP/err"
	is "$?" 2 "$t -o without its file: exit 2"
	like "$(cat "$TMP/err")" "requires an argument -- 'o'" \
	    "$t -o without its file: told on stderr"
	kl $t --max-depth=lots "$A" >/dev/null 2>"$TMP/err"
	is "$?:$(cat "$TMP/err")" "2:$t: invalid limit 'lots'" \
	    "$t --max-depth=lots: exit 2, named"

	# ---- a file, -, -o FILE -------------------------------------------
	a=$(args $t)
	# shellcheck disable=SC2086
	kl $t $(echo "$a" | sed "s|FILE|$A|") >"$TMP/by-path" 2>"$TMP/err"
	rc=$?
	ok "$t FILE: runs ($rc)" test "$rc" -le 1
	is "$(cat "$TMP/err")" "" "$t FILE: nothing on stderr"
	# shellcheck disable=SC2086
	kl $t $(echo "$a" | sed "s|FILE|-|") <"$A" >"$TMP/by-stdin" 2>&1
	is "$?" "$rc" "$t -: the same exit status from standard input"
	golden "$TMP/by-stdin" "$TMP/by-path" "$t -: the same output from standard input"
	# shellcheck disable=SC2086
	kl $t $(echo "$a" | sed "s|FILE|$A|") <"$A" >"$TMP/by-default" 2>&1
	if [ $t != kldiff ]; then
		kl $t <"$A" >"$TMP/by-default" 2>&1
		golden "$TMP/by-default" "$TMP/by-path" "$t: no FILE reads standard input"
	fi
	# shellcheck disable=SC2086
	kl $t -o "$TMP/out.file" $(echo "$a" | sed "s|FILE|$A|") >"$TMP/o.stdout" 2>&1
	is "$?" "$rc" "$t -o FILE: the same exit status"
	golden "$TMP/out.file" "$TMP/by-path" "$t -o FILE: the output in FILE"
	is "$(cat "$TMP/o.stdout")" "" "$t -o FILE: nothing on stdout"
	# shellcheck disable=SC2086
	kl $t --output="$TMP/out2.file" $(echo "$a" | sed "s|FILE|$A|") >/dev/null 2>&1
	golden "$TMP/out2.file" "$TMP/by-path" "$t --output=FILE: the same"
	echo keep >"$TMP/keep"
	# shellcheck disable=SC2086
	kl $t -o "$TMP/keep" $(echo "$a" | sed "s|FILE|$TMP/none.docx|") \
	    >/dev/null 2>&1
	is "$?:$(cat "$TMP/keep")" "2:keep" "$t -o FILE on trouble: exit 2, FILE untouched"
	is "$(ls "$TMP" | grep -c '^keep\.')" 0 "$t -o FILE on trouble: no temporary file left"

	# ---- messages name the file -----------------------------------------
	# shellcheck disable=SC2086
	kl $t $(echo "$a" | sed "s|FILE|$TMP/none.docx|") >"$TMP/out" 2>"$TMP/err"
	is "$?" 2 "$t on a missing file: exit 2"
	is "$(cat "$TMP/err")" "$t: $TMP/none.docx: No such file or directory" \
	    "$t on a missing file: '$t: file: message'"
	is "$(cat "$TMP/out")" "" "$t on a missing file: nothing on stdout"
	printf 'PK\003\004 this is no zip archive' >"$TMP/broken.docx"
	# shellcheck disable=SC2086
	kl $t $(echo "$a" | sed "s|FILE|$TMP/broken.docx|") >/dev/null 2>"$TMP/err"
	is "$?" 2 "$t on a damaged .docx: exit 2"
	like "$(cat "$TMP/err")" "^$t: $TMP/broken\.docx: [a-z]" \
	    "$t on a damaged .docx: '$t: file: message'"
	is "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "$t on a damaged .docx: one line"
	# shellcheck disable=SC2086
	kl $t $(echo "$a" | sed "s|FILE|$KL_ROOT|") >/dev/null 2>"$TMP/err"
	is "$?:$(cat "$TMP/err")" "2:$t: $KL_ROOT: Is a directory" \
	    "$t on a directory: exit 2, named"
done

# kldiff reads standard input once.
kl kldiff - - <"$A" >/dev/null 2>"$TMP/err"
is "$?:$(cat "$TMP/err" | head -n 1)" \
    "2:kldiff: standard input (-) given more than once" "kldiff - -: refused"

# ---- the options a user can find ----------------------------------------
# The long options of a tool, from its getopt table (and the shared limits).
longopts() {
	{
		sed -n 's/.*{ *"\([a-z-]*\)", *[a-z_]*_argument.*/\1/p' \
		    "$KL_ROOT/tools/$1.c"
		sed -n 's/.*{ *"\([a-z-]*\)", *[a-z_]*_argument.*/\1/p' \
		    "$KL_ROOT/tools/common.h"
	} | sort -u
}
for t in kltext klsplit kldiff; do
	# Manual page: every option but the limit kltext takes and ignores
	# (--max-clauses counts clauses, which kltext does not make).
	missing=
	for o in $(longopts $t); do
		[ $t = kltext ] && [ $o = max-clauses ] && continue
		sed 's/\\-/-/g' "$KL_ROOT/tools/$t.1" |
		    grep -Eq -- "Fl -$o( |\$)" || missing="$missing --$o"
	done
	is "$missing" "" "$t.1 documents every long option"
	# --help: every option but the limits, which it sums up.
	missing=
	for o in $(longopts $t); do
		case $o in max-clauses|colour) continue ;; esac
		kl $t --help | grep -q -- "--$o" || missing="$missing --$o"
	done
	is "$missing" "" "$t --help names every long option"
done

if command -v bash >/dev/null 2>&1; then
	C=$KL_ROOT/tools/completion/klausul.bash
	for t in kltext klsplit kldiff; do
		got=$(bash -c '. "$1"; v=_klausul_opts_$2
		    printf "%s\n" ${!v} $_klausul_limits' sh "$C" $t |
		    sed 's/=$//; s/^--//' | sort -u)
		want=$(longopts $t | grep -vx colour)
		is "$got" "$want" "completion offers exactly $t's long options"
	done
	# complete WORDS...: what bash would offer for the last word.
	complete_words() {
		bash -c '. "$1"; shift; COMP_WORDS=("$@")
		    COMP_CWORD=$(($# - 1)); _klausul "$1" 2>/dev/null
		    printf "%s\n" "${COMPREPLY[@]}"' sh "$C" "$@" | sort |
		    paste -sd ' ' -
	}
	ok "completion is registered for the three tools" bash -c \
	    '. "$1"; complete -p kltext && complete -p klsplit && complete -p kldiff' \
	    sh "$C"
	is "$(complete_words kldiff --subst)" "--substantive" \
	    "complete: kldiff --subst"
	is "$(complete_words kldiff --hide-)" \
	    "--hide-language --hide-period --hide-renumbering --hide-typography" \
	    "complete: kldiff --hide-"
	is "$(complete_words kltext --changes '')" "accept markup reject" \
	    "complete: kltext --changes (accept, reject, markup)"
	is "$(complete_words klsplit --changes = '')" "accept reject" \
	    "complete: klsplit --changes= (accept, reject)"
	is "$(complete_words kldiff --color = '')" "always auto never" \
	    "complete: kldiff --color="
	is "$(complete_words kldiff --color '')" "$(complete_words kldiff '')" \
	    "complete: kldiff --color WORD is a file (the value must be joined)"
	is "$(complete_words kldiff --lang = s)" "sv" "complete: kldiff --lang=s"
	is "$(complete_words kldiff -w '')" "" "complete: kldiff -w offers nothing"
	mkdir -p "$TMP/c/dir.d"
	: >"$TMP/c/avtal.docx"
	: >"$TMP/c/AVTAL2.DOCX"
	: >"$TMP/c/notes.txt"
	is "$(cd "$TMP/c" && complete_words kltext '')" \
	    "AVTAL2.DOCX avtal.docx dir.d" "complete: kltext offers .docx files and directories"
	is "$(cd "$TMP/c" && complete_words kldiff avtal.docx '')" \
	    "AVTAL2.DOCX avtal.docx dir.d notes.txt" \
	    "complete: kldiff offers any file (streams and text are input too)"
else
	skip "bash is not installed"
fi

done_testing
