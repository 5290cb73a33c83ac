#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff --base=DRAFT --docx: the consultation summary (remissammanställning)
# of the responses in corpus/responses/, read back from word/document.xml
# row by row and held against truth.json: landscape A4, the four columns
# with their header row repeated, one block per draft clause in the
# draft's order, every group of parties with its words, the conflict and
# only it, every comment, the parties with nothing to say, the drafter's
# column empty; English with --lang=en; and LibreOffice opens it.
. "$KL_ROOT/tests/lib/tap.sh"

R=$KL_ROOT/corpus/responses
command -v unzip >/dev/null 2>&1 || skip_all "unzip not installed"
perl -MJSON::PP -e 1 2>/dev/null || skip_all "perl with JSON::PP missing"
cd "$R" || exit 1

set -- vindeln.docx asele.docx umea.docx skelleftea.docx lycksele.docx \
    storuman.docx vilhelmina.docx
kl kldiff --base=utkast.docx --docx -o "$TMP/rs.docx" \
    -L "Vindelns kommun" -L "Åsele kommun" "$@"
is "$?" 1 "--base --docx: exit 1 when responses propose something"
unzip -p "$TMP/rs.docx" word/document.xml >"$TMP/doc.xml"
x=$(cat "$TMP/doc.xml")

like "$x" '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' \
    "landscape A4"
like "$x" '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' \
    "the header row repeats on every page"
is "$(printf '%s' "$x" | grep -o '<w:tblHeader/>' | wc -l | tr -d ' ')" 1 \
    "one header row"

# The table as lines: "ROW<TAB>cell1<TAB>cell2<TAB>cell3<TAB>cell4", a
# cell's paragraphs joined by " / ", struck runs in [-...-], underlined
# runs in {+...+}, a continued (merged) clause cell as "^".
rows() {
	perl -e '
		local $/; my $x = <STDIN>;
		my ($tbl) = $x =~ m{<w:tbl>(.*)</w:tbl>}s or exit 1;
		for my $tr ($tbl =~ m{<w:tr>(.*?)</w:tr>}gs) {
			my @cells;
			for my $tc ($tr =~ m{<w:tc>(.*?)</w:tc>}gs) {
				if ($tc =~ m{<w:vMerge/>}) { push @cells, "^"; next }
				my @ps;
				for my $p ($tc =~ m{<w:p(?:>(.*?)</w:p>|/>)}gs) {
					my $t = "";
					for my $r (($p // "") =~ m{<w:r>(.*?)</w:r>}gs) {
						my ($s) = $r =~ m{<w:t[^>]*>(.*?)</w:t>}s;
						$s //= $r =~ /<w:br\/>/ ? "|" : "";
						$s = "[-$s-]" if $r =~ /<w:strike\/>/;
						$s = "{+$s+}" if $r =~ /<w:u /;
						$t .= $s;
					}
					push @ps, $t;
				}
				my $c = join " / ", @ps;
				$c =~ s/&amp;/&/g; $c =~ s/&lt;/</g; $c =~ s/&gt;/>/g;
				push @cells, $c;
			}
			print join("\t", "ROW", @cells), "\n";
		}
	'
}
rows <"$TMP/doc.xml" >"$TMP/rows"
sed 's/^/# /' "$TMP/rows" | cut -c1-150
is "$(head -1 "$TMP/rows")" \
    "$(printf 'ROW\tAvsnitt/klausul\tPart\tFörslag eller synpunkt\tFörvaltningens kommentar')" \
    "the four columns, in Swedish"

# one block per draft clause, in the draft's order
is "$(sed 1d "$TMP/rows" | cut -f2 | grep -v '^^$' | sed 's| / .*||' |
    tr '\n' ' ')" "4.5 4.7 5.2.2 Ny efter 5.2.4 5.3.1 5.3.2 5.3.3 5.3.4 " \
    "a block per clause with proposals or comments, in the draft's order"
is "$(sed 1d "$TMP/rows" | cut -f5 | sort -u | tr '\n' ' ')" " " \
    "the administration's column is left empty"
like "$(grep '^ROW.5.3.1 / ' "$TMP/rows" | cut -f2)" \
    "Infrastruktur och kommunikationer" "the clause cell names its section"

# truth.json: groups, conflicts, comments, the parties with nothing to say
perl -MJSON::PP -e '
	my ($truth_file, $rows_file) = @ARGV;
	local $/;
	open my $t, "<", $truth_file or die;
	my $truth = JSON::PP->new->decode(<$t>);
	open my $g, "<", $rows_file or die;
	my @rows = map { [split /\t/, $_, -1] } grep { length } split /\n/, <$g>;
	shift @rows;
	my ($place, @blocks);
	for my $r (@rows) {
		$place = $r->[1] =~ s{ / .*}{}r unless $r->[1] eq "^";
		push @blocks, { place => $place, party => $r->[2],
		    said => $r->[3] };
	}
	my %op = (deleted => "Utgår", changed => "Ny lydelse",
	    inserted => "Ny klausul", split => "Delas");
	for my $gr (@{$truth->{groups}}) {
		my $p = defined $gr->{base} ? $gr->{base} : "Ny efter $gr->{after}";
		my $who = join " / ", @{$gr->{parties}};
		my @m = grep { $_->{place} eq $p && $_->{party} eq $who &&
		    index($_->{said}, $op{$gr->{op}}) == 0 } @blocks;
		print "group: $p $gr->{op} [$who] not one row\n" if @m != 1;
		next unless @m == 1 && defined $gr->{contains};
		(my $new = $m[0]{said}) =~ s/\[-.*?-\]//g;
		$new =~ s/\{\+|\+\}//g;
		print "group: $p text lacks \"$gr->{contains}\"\n"
		    if index($new, $gr->{contains}) < 0;
	}
	my %conf = map { ($_ => 1) } @{$truth->{conflicts}};
	for my $b (@blocks) {
		my $marked = $b->{said} =~ /konflikt: parterna föreslår olika/;
		print "conflict: $b->{place} [$b->{party}] is ",
		    ($marked ? "" : "not "), "marked\n"
		    if $b->{said} !~ /^Synpunkt/ && $marked != !!$conf{$b->{place}};
	}
	for my $c (@{$truth->{comments}}) {
		my @m = grep { $_->{place} eq $c->{base} &&
		    $_->{party} eq $c->{party} && $_->{said} =~ /^Synpunkt/ &&
		    index($_->{said}, $c->{contains}) >= 0 } @blocks;
		print "comment: $c->{party} on $c->{base} missing\n" if @m != 1;
	}
	my $nc = grep { $_->{said} =~ /^Synpunkt/ } @blocks;
	print "comment: $nc rows, ", scalar @{$truth->{comments}}, " true\n"
	    if $nc != @{$truth->{comments}};
	my $np = grep { $_->{said} !~ /^Synpunkt/ } @blocks;
	print "rows: $np proposal rows, ", scalar @{$truth->{groups}}, " groups\n"
	    if $np != @{$truth->{groups}};
' "$R/truth.json" "$TMP/rows" >"$TMP/score" 2>&1
sed 's/^/# /' "$TMP/score"
is "$(grep -c '^group: ' "$TMP/score")" 0 \
    "a row per group of parties, with its operation and its words"
is "$(grep -c '^conflict: ' "$TMP/score")" 0 "every conflict marked, no other"
is "$(grep -c '^comment: ' "$TMP/score")" 0 "a row per comment, on its clause"
is "$(grep -c '^rows: ' "$TMP/score")" 0 "no other rows"
like "$(grep -o 'Åsele kommun ([^)]*)' "$TMP/doc.xml")" "inga synpunkter" \
    "the parties above the table: one with nothing to say is named so"
like "$(grep '^ROW.5.2.2 / ' "$TMP/rows" | cut -f4)" \
    'regionala \{\+och lokala \+\}analyser' \
    "the new words underlined in the draft's text"
like "$(grep '^ROW.4.5 / ' "$TMP/rows" | cut -f4)" \
    '^Utgår / \[-Regeringens nationella' "a deletion: the draft's text struck"
like "$(grep '^ROW.5.3.3 / ' "$TMP/rows" | cut -f4)" \
    'kollektivtrafikmyndighet\.\|Parterna' "a split: a line per new clause"

# English
kl kldiff --lang=en --base=utkast.docx --docx -o "$TMP/en.docx" "$@"
unzip -p "$TMP/en.docx" word/document.xml | rows >"$TMP/rows.en"
is "$(head -1 "$TMP/rows.en")" \
    "$(printf "ROW\tSection/clause\tParty\tProposal or comment\tAdministration's comment")" \
    "--lang=en: the columns in English"
like "$(cat "$TMP/rows.en")" "New after 5.2.4.*New clause" \
    "--lang=en: the proposals in English"
like "$(unzip -p "$TMP/en.docx" word/document.xml)" \
    "Consultation summary" "--lang=en: the title in English"

# a pipe, or -o: a terminal gets no zip
kl kldiff --base=utkast.docx --docx umea.docx >"$TMP/pipe.docx"
is "$(head -c 2 "$TMP/pipe.docx")" "PK" "--docx to a pipe writes the package"
kl kldiff --base=utkast.docx --docx utkast.docx 2>/dev/null >"$TMP/none.docx"
is "$?" 2 "--base: the draft alone is no response (usage)"
kl kldiff --base=utkast.docx --docx asele.docx >"$TMP/none.docx"
is "$?" 0 "--docx: exit 0 when nobody proposes anything"
like "$(unzip -p "$TMP/none.docx" word/document.xml)" \
    "inga synpunkter i något svar" "and the document says so, with no table"

# LibreOffice opens it: landscape pages, the header on each page
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 &&
    command -v pdfinfo >/dev/null 2>&1; then
	mkdir -p "$TMP/lo"
	HOME=$TMP/lo soffice --headless -env:UserInstallation=file://$TMP/lo/profile \
	    --convert-to pdf --outdir "$TMP/lo" "$TMP/rs.docx" >"$TMP/lo.log" 2>&1
	ok "LibreOffice converts it to PDF" test -s "$TMP/lo/rs.pdf"
	pages=$(pdfinfo "$TMP/lo/rs.pdf" | sed -n 's/^Pages: *//p')
	like "$(pdfinfo "$TMP/lo/rs.pdf" | grep '^Page size')" \
	    '841\.[0-9]* x 595\.[0-9]* pts \(A4\)' "its pages are landscape A4"
	n=0
	for p in $(seq 1 "${pages:-0}"); do
		pdftotext -f "$p" -l "$p" "$TMP/lo/rs.pdf" - |
		    grep -q 'Förvaltningens' && n=$((n + 1))
	done
	[ "${pages:-0}" -gt 1 ] && [ "$n" = "$pages" ]
	is "$?" 0 "the header row on each of its $pages pages ($n)"
else
	skip "soffice, pdftotext or pdfinfo not installed" 3
fi
done_testing
