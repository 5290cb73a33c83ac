#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff --html: one self-contained review page.  Checked on the file
# itself (the browser test, kldiff-browser.t, checks what a reader sees):
# the page holds every unit of --json and the counts of --stat, asks for
# nothing outside itself, escapes the documents' text, has its labels in
# Swedish (English with --lang=en), and is the same bytes every time.
. "$KL_ROOT/tests/lib/tap.sh"

G=$KL_ROOT/tests/golden/kldiff
C=$KL_ROOT/corpus
CHECK=$KL_ROOT/tests/helpers/htmlcheck.pl
cd "$G" || exit 1
command -v perl >/dev/null 2>&1 && perl -MJSON::PP -e 1 2>/dev/null ||
    skip_all "perl with JSON::PP missing"

kl kldiff --html a.in b.in c.in >"$TMP/abc.html"
is "$?" 1 "--html: exit 1 on differences"
golden "$TMP/abc.html" "$G/a-b-c.html" "--html: three versions (golden)"
kl kldiff --html a.in b.in c.in >"$TMP/abc2.html"
ok "the same bytes on every run" cmp -s "$TMP/abc.html" "$TMP/abc2.html"
kl kldiff --html -o "$TMP/o.html" a.in b.in c.in
ok "-o FILE writes the same page" cmp -s "$TMP/abc.html" "$TMP/o.html"

page=$(cat "$TMP/abc.html")
like "$page" '^<!DOCTYPE html>' "a standalone HTML document"
like "$page" '<html lang="sv">' "Swedish by default"
like "$page" "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">" \
    "a CSP forbids every request"
is "$(grep -Eci '(src|href|action)="?(https?:)?//|<(script|link|img|iframe|object)[ >]|@import|url\(' "$TMP/abc.html")" 0 \
    "no external resource, script or import"
for l in Tillagd Borttagen Ändrad Flyttad Omnumrerad Delad Beloppsändring \
    Periodändring Typografi Oförändrad; do
	like "$page" ">$l<" "Swedish label $l"
done
nb=$(printf '\302\240')
like "$page" "Beloppsändring: 1${nb}250${nb}000${nb}kr → 1${nb}300${nb}000${nb}kr \\(\\+50${nb}000${nb}kr, \\+4,0${nb}%\\)" \
    "an amount with its difference, non-breaking spaces in numbers"
like "$page" '<del><span class="sr">borttaget: </span>' \
    "deletions are <del> with words for screen readers"
like "$page" '<ins><span class="sr">tillagt: </span>' \
    "insertions are <ins> with words for screen readers"
like "$page" '<main>' "a main landmark"
like "$page" '<nav aria-labelledby="sum-h">' "the summary is a labelled landmark"
like "$page" '@media print\{[^}]*\.ctl' "a print stylesheet hides the controls"
like "$page" '@media \(max-width:700px\)\{[^@]*\.side\{grid-template-columns:1fr' \
    "side by side becomes stacked on a phone"
like "$page" '#f-ns:checked~main \.ns[,{]' "the substantive filter is CSS"
like "$page" '<input class="ctl" type="checkbox" id="f-eq" checked>' \
    "unchanged clauses hidden at first"
like "$page" '<input class="ctl" type="checkbox" id="f-ns">' \
    "non-substantive changes shown at first"
like "$page" '<section id="lineage"' "three versions: a lineage table"
like "$page" '>Ändringar i sak<' "Swedish: 'ändringar i sak', not an anglicism"
ok "no 'Substantiella' anywhere" sh -c "! grep -q Substantiell '$TMP/abc.html'"
ok "the legend does not name typography twice" \
    sh -c "! grep -q 'Typografi</ins> / <del' '$TMP/abc.html'"
like "$page" '<del class="ty">–</del><ins class="ty">-</ins> <del class="ty">”</del><ins class="ty">&quot;</ins> typografi, inte i sak' \
    "the legend shows what a typography change is"

# every unit of --json is on the page, the counts are --stat's
kl kldiff --json a.in b.in c.in >"$TMP/abc.jsonl"
kl kldiff --stat --lang=en a.in b.in c.in >"$TMP/abc.stat"
ok "every --json unit is an article (op, ids, pair)" \
    perl "$CHECK" units "$TMP/abc.html" "$TMP/abc.jsonl"
ok "summary counts equal --stat" \
    perl "$CHECK" stats "$TMP/abc.html" "$TMP/abc.stat"
# the checker itself sees a missing unit
sed '0,/<article /s/data-op="[a-z]*"/data-op="bogus"/' "$TMP/abc.html" \
    >"$TMP/bad.html"
perl "$CHECK" units "$TMP/bad.html" "$TMP/abc.jsonl" >/dev/null
is "$?" 1 "the unit check fails on a changed page"

# moved clauses link both ways
mv_id=$(grep -o 'id="u[0-9]*-from"' "$TMP/abc.html" | head -n 1 |
    sed 's/id="\(u[0-9]*\)-from"/\1/')
like "$page" "<a class=\"mv\" href=\"#$mv_id-from\">" "a moved clause links to where it stood"
like "$page" "<div class=\"stub\" id=\"$mv_id-from\">.*<a href=\"#$mv_id\">" \
    "where it stood links to the moved clause"

kl kldiff --html --lang=en a.in b.in >"$TMP/en.html"
en=$(cat "$TMP/en.html")
like "$en" '<html lang="en">' "--lang=en: English page"
like "$en" '>Inserted<' "--lang=en: English labels"
kl kldiff --html --substantive a.in b.in >"$TMP/s.html"
like "$(cat "$TMP/s.html")" '<input class="ctl" type="checkbox" id="f-ns" checked>' \
    "--substantive: the page opens with the filter on"
kl kldiff --html -u a.in b.in >"$TMP/u.html"
like "$(cat "$TMP/u.html")" '<input class="ctl" type="checkbox" id="f-eq">' \
    "-u: unchanged clauses shown at first"
kl kldiff --html --title='Remiss <2027>' a.in b.in >"$TMP/t.html"
like "$(cat "$TMP/t.html")" '<title>Remiss &lt;2027&gt;</title>' "--title, escaped"

# hostile text: markup, quotes and control characters stay text
printf 'Avtalet gäller.\nParterna ska samverka.\n' >"$TMP/h1.txt"
printf 'Avtalet <script>alert("x")</script> & "gäller" \001.\nParterna ska <b>samverka</b>.\n' \
    >"$TMP/h2.txt"
kl kldiff --html "$TMP/h1.txt" "$TMP/h2.txt" >"$TMP/h.html"
is "$?" 1 "hostile text: compared"
is "$(grep -c '<script\|<b>' "$TMP/h.html")" 0 "hostile markup is escaped"
like "$(cat "$TMP/h.html")" '&lt;script&gt;alert\(&quot;x&quot;\)' "and shown as text"
is "$(tr -d '\n\t\r' <"$TMP/h.html" | LC_ALL=C grep -c '[[:cntrl:]]')" 0 \
    "no control characters reach the page"
kl kldiff --html "$TMP/h1.txt" "$TMP/h1.txt" >"$TMP/same.html"
is "$?" 0 "identical versions: exit 0"
like "$(cat "$TMP/same.html")" 'Inga skillnader\.' "and the page says so"

# the corpus: three versions, every unit, the counts
if [ -f "$C/samverkan-2027-2030.docx" ]; then
	set -- "$C/samverkan-2019-2022.docx" "$C/samverkan-2023-2026.docx" \
	    "$C/samverkan-2027-2030.docx"
	kl kldiff --html "$@" >"$TMP/corpus.html"
	is "$?" 1 "corpus: exit 1"
	kl kldiff --json "$@" >"$TMP/corpus.jsonl"
	kl kldiff --stat --lang=en "$@" >"$TMP/corpus.stat"
	ok "corpus: every --json unit on the page" \
	    perl "$CHECK" units "$TMP/corpus.html" "$TMP/corpus.jsonl"
	ok "corpus: summary counts equal --stat" \
	    perl "$CHECK" stats "$TMP/corpus.html" "$TMP/corpus.stat"
	ok "corpus: every element closed in order" perl -e '
		local $/; my $h = <STDIN>; my @st;
		$h =~ s/<style>.*?<\/style>//s;
		while ($h =~ /<(\/?)([a-z][a-z0-9]*)[^>]*>/g) {
			my ($end, $t) = ($1, $2);
			next if $t =~ /^(meta|input|br)$/;
			if (!$end) { push @st, $t; next }
			my $top = pop @st;
			die "</$t> closes <$top>\n" if !defined $top || $top ne $t;
		}
		die "unclosed: @st\n" if @st;' <"$TMP/corpus.html"
else
	skip "corpus missing"
fi

# ---- the parallel layout as a view of the page -----------------------------
A=$C/samverkan-2023-2026.docx B=$C/samverkan-2027-2030.docx
if [ -f "$A" ] && [ -f "$B" ]; then
	kl kldiff --html --lang=sv "$A" "$B" >"$TMP/par.html"
	page=$(cat "$TMP/par.html")
	like "$page" '<input class="ctl" type="radio" id="v-par" name="view"><label for="v-par">Parallelluppställning</label>' \
	    "a view 'Parallelluppställning' beside side by side and inline"
	like "$page" '<section class="par" id="parallel"' "the view's section"
	like "$page" '<th scope="col">Nuvarande lydelse</th><th scope="col">Föreslagen lydelse</th>' \
	    "its table's header"
	# the rows of the view are the rows of --parallel, in its order
	sed -n '/<section class="par"/,/<\/section>/p' "$TMP/par.html" |
	    grep '^<tr><td>' | sed 's/^<tr><td>\([^ <]*\).*/\1/' >"$TMP/par.ids"
	kl kldiff --parallel --markdown --lang=sv "$A" "$B" |
	    grep '^| ' | grep -v '^| \(Nuvarande\|---\)' | grep -v '^| Ändringar som' |
	    sed 's/^| \([^ |]*\).*/\1/' >"$TMP/md.ids"
	golden "$TMP/par.ids" "$TMP/md.ids" "the view's rows are those of --parallel"
	like "$page" '<tr><td>5\.7\.3 Parterna ska verka[^<]*</td><td>Utgår</td></tr>' \
	    "a deleted provision: Utgår"
	like "$page" '<tr><td></td><td>4\.5 Regeringens' "a new provision: the left cell empty"
	like "$page" '2\.3 Västerbottens län har ca <del><span class="sr">borttaget: </span>275.000</del> invånare .* förutsättningar\. – – –</td>' \
	    "a long provision shortened, its changed number marked"
	like "$page" '<tr class="minor"><td colspan="2">Ändringar som inte redovisas ovan: Avtalsperioden ändras' \
	    "the closing row"
	kl kldiff --html --lang=en "$A" "$B" >"$TMP/par.en.html"
	like "$(cat "$TMP/par.en.html")" '<label for="v-par">Parallel layout</label>' \
	    "--lang=en: the view in English"
	like "$(cat "$TMP/par.en.html")" '<th scope="col">Current wording</th><th scope="col">Proposed wording</th>' \
	    "--lang=en: its columns in English"
else
	for i in 1 2 3 4 5 6 7 8 9 10; do skip "corpus missing"; done
fi

done_testing
