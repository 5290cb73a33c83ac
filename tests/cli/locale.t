#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Swedish at work: LANG=sv_SE.UTF-8 gives Swedish help, messages and labels
# whether or not the sv_SE locale is generated on the machine (without it
# the tools fall back to C.UTF-8 and ask gettext for Swedish through
# LANGUAGE); the tools of a build tree find the catalogue the build made
# with no variable set (beside their executable), KL_LOCALEDIR overrides
# it; LANG=C gives English; a real Swedish locale changes no byte of
# the machine-readable outputs (LC_NUMERIC would write 0,93 in JSON); and
# sv.po translates every message of the sources as they are now.
. "$KL_ROOT/tests/lib/tap.sh"

CATALOGUES=${KL_BUILD:-$KL_ROOT/build}/locale
[ -f "$CATALOGUES/sv/LC_MESSAGES/klausul.mo" ] ||
    skip_all "no built catalogue in $CATALOGUES (make locale)"
A=$KL_ROOT/corpus/samverkan-2023-2026.docx
B=$KL_ROOT/corpus/samverkan-2027-2030.docx
[ -f "$A" ] && [ -f "$B" ] || skip_all "corpus/ has no agreements yet"

# Run a tool in a clean environment: only what is given, plus, when set,
# LOCPATH (which locales exist).  No KL_LOCALEDIR: the tools must find
# the catalogue of their build tree themselves, as after a plain make.
run() {
	env -i PATH="$PATH" ${LOCPATH:+LOCPATH="$LOCPATH"} "$@"
}

# ---- sv_SE.UTF-8 not generated ---------------------------------------------
# A LOCPATH that holds C.UTF-8 and nothing else stands for such a machine
# even where sv_SE is generated.
mkdir "$TMP/nosv"
for c in /usr/lib/locale/C.utf8 /usr/lib/locale/C.UTF-8; do
	[ -d "$c" ] && ln -s "$c" "$TMP/nosv/${c##*/}"
done
LOCPATH=$TMP/nosv
is "$(run LANG=sv_SE.UTF-8 locale 2>&1 >/dev/null | head -n 1)" \
    "locale: Cannot set LC_CTYPE to default locale: No such file or directory" \
    "setup: sv_SE.UTF-8 is not available under this LOCPATH"

out=$(run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" --help); rc=$?
is "$rc" 0 "no sv_SE: kldiff --help exits 0"
is "$(printf '%s\n' "$out" | head -n 1)" \
    "Användning: kldiff [FLAGGA]... GAMMAL NY [NYARE]..." \
    "no sv_SE: kldiff --help is in Swedish"
like "$out" '^Slutstatus: 0 om inga skillnader visas' \
    "no sv_SE: kldiff --help tells the exit status in Swedish"
like "$(run LANG=sv_SE.UTF-8 "$KL_BIN/kltext" --help)" \
    '^Användning: kltext \[FLAGGA\]\.\.\. \[FIL\]' \
    "no sv_SE: kltext --help is in Swedish"
like "$(run LANG=sv_SE.UTF-8 "$KL_BIN/klsplit" --help)" \
    '^Dela ett dokument i klausuler' "no sv_SE: klsplit --help is in Swedish"

err=$(run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" "$A" 2>&1 >/dev/null); rc=$?
is "$rc" 2 "no sv_SE: a usage error exits 2"
is "$(printf '%s\n' "$err" | sed -n '1p;$p')" \
    "kldiff: en version räcker inte: ange GAMMAL och NY
Prova 'kldiff --help' för mer information." \
    "no sv_SE: the tool's own message is in Swedish"
printf 'not a zip' >"$TMP/fake.docx"
printf 'PK\003\004 not really' >"$TMP/fake.docx"
err=$(run LANG=sv_SE.UTF-8 "$KL_BIN/kltext" "$TMP/fake.docx" 2>&1)
like "$err" "^kltext: $TMP/fake.docx: (ett skadat zip-arkiv|inte ett zip-arkiv)" \
    "no sv_SE: the library's message is in Swedish, after the file name"
err=$(run LANG=sv_SE.UTF-8 "$KL_BIN/klsplit" --max-clauses=3 "$A" 2>&1)
is "$err" "klsplit: $A: fler än 3 klausuler (--max-clauses)" \
    "no sv_SE: a limit is told in Swedish with its option"
like "$(run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" --stat "$A" "$B")" \
    '^klausuler: 178 före, 183 efter; 124 oförändrade' \
    "no sv_SE: the labels are Swedish"

# Which variable speaks: LC_ALL, then LC_MESSAGES, then LANG.
like "$(run LANG=C LC_ALL=sv_SE.UTF-8 "$KL_BIN/kldiff" --help)" \
    '^Användning:' "no sv_SE: LC_ALL=sv_SE.UTF-8 over LANG=C: Swedish"
like "$(run LANG=C LC_MESSAGES=sv_SE.UTF-8 "$KL_BIN/kldiff" --help)" \
    '^Användning:' "no sv_SE: LC_MESSAGES=sv_SE.UTF-8: Swedish"
like "$(run LANG=sv_SE.UTF-8 LC_MESSAGES=C.UTF-8 "$KL_BIN/kldiff" --help)" \
    '^Usage:' "no sv_SE: LC_MESSAGES=C.UTF-8 over LANG=sv_SE.UTF-8: English"
like "$(run LANG=sv_SE.UTF-8 LANGUAGE= "$KL_BIN/kldiff" --help)" \
    '^Användning:' "no sv_SE: an empty LANGUAGE in the environment: Swedish"
out=$(run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" --lang=en --stat "$A" "$B")
like "$out" '^clauses: 178 old, 183 new; 124 unchanged' \
    "no sv_SE: --lang=en gives English labels"
unset LOCPATH

# ---- where the catalogue is ------------------------------------------------
# The tool's own path (/proc/self/exe) leads to the catalogue, not argv[0]
# and not the directory it is run from.  The same rule also covers a copy
# of the tool laid out as a build tree with a catalogue of its own.
LOCPATH=$TMP/nosv
mkdir "$TMP/bin"
ln -s "$KL_BIN/kldiff" "$TMP/bin/kldiff"
like "$(cd "$TMP" && run LANG=sv_SE.UTF-8 bin/kldiff --help)" \
    '^Användning: kldiff' "a symlink to the built kldiff: Swedish"
like "$(cd / && env -i PATH="$KL_BIN" LOCPATH="$LOCPATH" LANG=sv_SE.UTF-8 \
    kldiff --help)" '^Användning: kldiff' \
    "kldiff found through PATH, run from /: Swedish"
like "$(run LANG=sv_SE.UTF-8 KL_LOCALEDIR="$TMP/none" "$KL_BIN/kldiff" \
    --help)" '^Usage:' "KL_LOCALEDIR with no catalogue overrides the build tree's"
if command -v msgfmt >/dev/null 2>&1 &&
    rel=$(realpath -m --relative-to="$KL_BIN" "$CATALOGUES" 2>/dev/null); then
	mkdir -p "$TMP/tree/tools" "$TMP/tree/tools/$rel/sv/LC_MESSAGES"
	cp "$KL_BIN/kldiff" "$TMP/tree/tools/"
	printf '%s\n' 'msgid ""' 'msgstr "Content-Type: text/plain; charset=UTF-8\n"' \
	    'msgid "Usage: %s [OPTION]... OLD NEW [NEWER]...\n"' \
	    'msgstr "Kopians katalog: %s\n"' >"$TMP/copy.po"
	msgfmt -o "$TMP/tree/tools/$rel/sv/LC_MESSAGES/klausul.mo" "$TMP/copy.po"
	like "$(run LANG=sv_SE.UTF-8 "$TMP/tree/tools/kldiff" --help)" \
	    '^Kopians katalog: kldiff$' \
	    "a copy of kldiff speaks the catalogue at $rel beside it"
	like "$(run LANG=sv_SE.UTF-8 KL_LOCALEDIR="$CATALOGUES" \
	    "$TMP/tree/tools/kldiff" --help)" '^Användning: kldiff' \
	    "KL_LOCALEDIR names another catalogue: that one speaks"
else
	skip "no msgfmt or realpath --relative-to"
	skip "no msgfmt or realpath --relative-to"
fi
unset LOCPATH

# ---- English -------------------------------------------------------------
out=$(run LANG=C "$KL_BIN/kldiff" --help)
is "$(printf '%s\n' "$out" | head -n 1)" \
    "Usage: kldiff [OPTION]... OLD NEW [NEWER]..." "LANG=C: --help in English"
err=$(run LANG=C "$KL_BIN/kldiff" "$A" 2>&1 >/dev/null)
is "$(printf '%s\n' "$err" | sed -n '1p;$p')" \
    "kldiff: one version is not enough: give OLD and NEW
Try 'kldiff --help' for more information." "LANG=C: messages in English"
like "$(run LANG=C.UTF-8 "$KL_BIN/kldiff" --stat "$A" "$B")" \
    '^clauses: 178 old' "LANG=C.UTF-8: English labels"

# ---- sv_SE.UTF-8 generated -------------------------------------------------
# Generated into a LOCPATH of the test's own (localedef, no root needed)
# unless the machine has it already.
if locale -a 2>/dev/null | grep -qix 'sv_SE\.utf-\{0,1\}8'; then
	SV=system
elif command -v localedef >/dev/null 2>&1 &&
    [ -f /usr/share/i18n/locales/sv_SE ]; then
	mkdir "$TMP/loc"
	for c in "$TMP"/nosv/*; do
		[ -e "$c" ] && ln -s "$(readlink "$c")" "$TMP/loc/${c##*/}"
	done
	localedef -i sv_SE -f UTF-8 "$TMP/loc/sv_SE.UTF-8" >/dev/null 2>&1 &&
	    SV=$TMP/loc
fi
if [ -z "${SV:-}" ]; then
	skip "sv_SE.UTF-8 cannot be generated here (no localedef or locale data)"
else
	[ "$SV" = system ] || LOCPATH=$SV
	is "$(run LANG=sv_SE.UTF-8 locale 2>&1 | grep -c 'Cannot')" 0 \
	    "setup: sv_SE.UTF-8 is a real locale here ($SV)"
	like "$(run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" --help)" \
	    '^Användning: kldiff \[FLAGGA\]' "sv_SE: kldiff --help is in Swedish"
	err=$(run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" "$A" 2>&1 >/dev/null)
	like "$err" '^kldiff: en version räcker inte' "sv_SE: messages in Swedish"
	err=$(run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" "$A" "$TMP/none.docx" 2>&1)
	is "$err" "kldiff: $TMP/none.docx: Filen eller katalogen finns inte" \
	    "sv_SE: a system error is Swedish too (glibc's catalogue)"

	# Nothing machine-readable depends on the locale: LC_NUMERIC=sv_SE
	# writes a decimal comma with printf, which would break JSON.
	run LANG=C.UTF-8 "$KL_BIN/kldiff" --json "$A" "$B" >"$TMP/c.json"
	run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" --json "$A" "$B" >"$TMP/sv.json"
	golden "$TMP/sv.json" "$TMP/c.json" "sv_SE: --json is byte for byte LANG=C's"
	like "$(grep -c '"similarity":0\.[0-9]' "$TMP/sv.json")" '^[1-9]' \
	    "sv_SE: similarities have a decimal point"
	run LANG=C.UTF-8 "$KL_BIN/klsplit" "$B" >"$TMP/c.tsv"
	run LANG=sv_SE.UTF-8 "$KL_BIN/klsplit" "$B" >"$TMP/sv.tsv"
	golden "$TMP/sv.tsv" "$TMP/c.tsv" "sv_SE: the clause stream is LANG=C's"
	run LANG=C.UTF-8 "$KL_BIN/kldiff" --html "$A" "$B" >"$TMP/c.html"
	run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" --html "$A" "$B" >"$TMP/sv.html"
	golden "$TMP/sv.html" "$TMP/c.html" "sv_SE: the HTML page is LANG=C's (Swedish both)"
	run LANG=C.UTF-8 "$KL_BIN/kldiff" --lang=sv "$A" "$B" >"$TMP/c.txt"
	run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" "$A" "$B" >"$TMP/sv.txt"
	golden "$TMP/sv.txt" "$TMP/c.txt" "sv_SE: the text is LANG=C --lang=sv's"

	# Swedish numbers: groups of three with a space, decimal comma, a
	# space before %.
	like "$(cat "$TMP/sv.txt")" \
	    '^    belopp: 1 250 000 kr → 1 500 000 kr \(\+250 000 kr, \+20,0 %\)$' \
	    "sv_SE: an amount change as 1 250 000 kr and +20,0 %"
	like "$(cat "$TMP/sv.txt")" '^    tal: 2,5 % → 3 % \(\+0,5 procentenheter\)$' \
	    "sv_SE: a rate as 2,5, not 2,50"
	like "$(run LANG=sv_SE.UTF-8 "$KL_BIN/kldiff" --stat "$A" "$B")" \
	    '^före: 2543 ord  2386 93,8 % gemensamma' \
	    "sv_SE: --stat percentages as 93,8 %"
	nb=$(printf '\302\240')
	like "$(grep -c "Beloppsändring: 1${nb}250${nb}000${nb}kr → 1${nb}500${nb}000${nb}kr (+250${nb}000${nb}kr, +20,0${nb}%)" "$TMP/sv.html")" \
	    '^[1-9]' "sv_SE: HTML amounts with no-break spaces"
	unset LOCPATH
fi

# ---- the translation is complete -----------------------------------------
if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1
then
	(cd "$KL_ROOT" && xgettext --from-code=UTF-8 -k_ -kN_ -c/ \
	    --package-name=klausul -o "$TMP/klausul.pot" tools/*.c libdiff/*/*.c)
	msgmerge -q -o "$TMP/sv.po" "$KL_ROOT/tools/po/sv.po" "$TMP/klausul.pot"
	stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$TMP/sv.po" 2>&1)
	like "$stats" '^[0-9]+ translated messages\.$' \
	    "sv.po translates every message of the sources (else: make pot, translate)"
	for k in only-fuzzy untranslated; do
		msgattrib --$k --no-obsolete "$TMP/sv.po" 2>/dev/null |
		    grep -A1 '^msgid' | grep -v '^msgid ""$\|^--' |
		    head -n 6 | sed "s/^/#   $k: /"
	done
else
	skip "xgettext is not installed"
fi

done_testing
