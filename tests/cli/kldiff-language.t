#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Språkvård is no change of substance: corpus/lang/ modernises the
# language of a 2019-style agreement throughout (skall -> ska, ej -> inte,
# bl.a. -> bland annat, 4 ggr -> fyra gånger, den 1 januari -> ISO ...)
# and plants four real changes among the rewrites (corpus/lang/README.md).
# kldiff --substantive must show exactly those four, and nothing else.
. "$KL_ROOT/tests/lib/tap.sh"

# has GOT STRING NAME: GOT holds STRING as it is (no regex).
has() {
	if printf '%s\n' "$1" | grep -Fq -- "$2"; then
		_tap_result 0 "$3"
	else
		_tap_result 1 "$3"
		printf '#  missing: %s\n' "$2"
	fi
}

A="$KL_ROOT/corpus/lang/avtal-2019.txt"
B="$KL_ROOT/corpus/lang/avtal-2027.txt"

out=$(kl kldiff --substantive --lang=en "$A" "$B")
is "$?" 1 "--substantive: exit 1, real changes remain"
is "$(printf '%s\n' "$out" | sed -n 's/^  \([0-9.]*\) → .*/\1/p' | paste -sd ' ' -)" \
    "2.2 3.3 3.4 4.1" "--substantive shows exactly the four planted changes"
is "$(printf '%s\n' "$out" | grep -c 'language')" 0 \
    "--substantive: no language class left"
has "$out" "[-skall-]{+bör+}" "the modal verb skall -> bör is shown"
has "$out" "ersätts[- ej-]" "the removed negation is shown"
like "$out" "number: 40 % → 45 %" "the changed share is shown with its values, a rate like the 60 % it is joined to"

out=$(kl kldiff --hide-language --lang=en "$A" "$B")
is "$(printf '%s\n' "$out" | sed -n 's/^  \([0-9.]*\) → .*/\1/p' | paste -sd ' ' -)" \
    "2.2 3.3 3.4 4.1" "--hide-language alone hides the same clauses"

out=$(kl kldiff --lang=en "$A" "$B")
is "$?" 1 "without filters: exit 1"
is "$(printf '%s\n' "$out" | grep -c '^  [0-9.]* → .*changed (language)$')" 7 \
    "seven clauses changed only in language"
has "$out" "Regionen [-skall-]{+bör+} [-tillse-]{+se till+} att" \
    "a substantive clause still shows its rewrites, each as one edit"
has "$out" "[-bl.a.-]{+bland annat+}" "bl.a. -> bland annat is one edit"
has "$out" "3.3 → 3.3  changed (number, language)" \
    "a rewrite between two changed values is language, not wording"
has "$out" "[-40-]{+45+} [-resp.-]{+respektive+} [-60-]{+55+}" \
    "... and an edit of its own between them"
has "$out" "throughout: [-skall-] → {+ska+} (2 times, language)" \
    "a repeated rewrite is told once, as language"

out=$(kl kldiff --stat --lang=en "$A" "$B")
like "$out" "classes: wording 3, number 1, date 1, language 10" \
    "--stat counts the language class"

out=$(kl kldiff --lang=sv "$A" "$B")
has "$out" "ändrad (språklig)" "Swedish label: språklig"

out=$(kl kldiff --json "$A" "$B" | grep -c '"substantive":false,"class":\["language"\]')
is "$out" 7 "JSON: seven units of class [\"language\"], not substantive"

out=$(kl kldiff --html --lang=sv "$A" "$B")
like "$out" "Språklig" "HTML: the language label"

done_testing
