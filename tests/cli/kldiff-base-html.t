#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff --base=DRAFT --html: the matrix of the responses in
# corpus/responses/ against truth.json: a row per draft clause with
# proposals or comments in the draft's order, a column per party, in each
# cell the party's marks (operation, group letter, conflict) and, in the
# mark's pop-up, the proposal's words; one file with no script and no
# request; Swedish, and English with --lang=en.  With chromium, the pop-up
# opens on focus (a click) and on hover, and nothing is fetched.
. "$KL_ROOT/tests/lib/tap.sh"

R=$KL_ROOT/corpus/responses
perl -MJSON::PP -e 1 2>/dev/null || skip_all "perl with JSON::PP missing"
cd "$R" || exit 1

set -- vindeln.docx asele.docx umea.docx skelleftea.docx lycksele.docx \
    storuman.docx vilhelmina.docx
kl kldiff --base=utkast.docx --html -o "$TMP/rs.html" \
    -L "Vindelns kommun" -L "Åsele kommun" "$@"
is "$?" 1 "--base --html: exit 1 when responses propose something"
x=$(cat "$TMP/rs.html")

like "$x" '^<html lang="sv">' "Swedish by default"
like "$x" "Content-Security-Policy\" content=\"default-src 'none'" \
    "a policy that forbids every request"
is "$(grep -c '<script\|<link\|<img\| src=\|url(' "$TMP/rs.html")" 0 \
    "no script and nothing to fetch: the page is one file"
is "$(grep -o '<th scope="col" data-party="[0-9]*">[^<]*' "$TMP/rs.html" |
    sed 's/.*>//' | tr '\n' ',')" \
    "Vindelns kommun,Åsele kommun,Umeå kommun,Skellefteå kommun,Lycksele kommun,Storumans kommun,Vilhelmina kommun," \
    "a column per party, in the order of the responses"
is "$(grep -o '<tr id="m[0-9]*" [^>]*' "$TMP/rs.html" |
    sed 's/.*data-place="\([^"]*\)".*/\1/' | tr '\n' ' ')" \
    "base:4.5 base:4.7 base:5.2.2 after:5.2.4 base:5.3.1 base:5.3.2 base:5.3.3 base:5.3.4 " \
    "a row per clause with proposals or comments, in the draft's order"
like "$(grep -o '<li data-party="1"[^<]*Åsele[^/]*' "$TMP/rs.html")" \
    'class="none".*inga synpunkter' "a party with nothing to say is named so"

# The matrix as "PLACE<TAB>PARTY<TAB>OP[:GROUP][!]<TAB>pop-up text" lines.
perl -e '
	local $/; my $x = <STDIN>;
	my %party = $x =~ m{<th scope="col" data-party="(\d+)">([^<]*)</th>}g;
	for my $tr ($x =~ m{(<tr id="m\d+" .*?</tr>)}gs) {
		my ($place) = $tr =~ /data-place="([^"]*)"/;
		while ($tr =~ m{<td data-party="(\d+)">(.*?)</td>}gs) {
			my ($p, $td) = ($1, $2);
			while ($td =~ m{<span class="mk ([^"]*)" tabindex="0" data-op="([^"]*)"(?: data-group="(\w)")?>(.*?)</span></span>}gs) {
				my ($cls, $op, $g, $in) = ($1, $2, $3, $4);
				my ($pop) = $in =~ m{<span class="pop"[^>]*>(.*)}s;
				# the words as read: no deleted words, no
				# screen-reader labels
				$pop =~ s{<del>.*?</del>}{}gs;
				$pop =~ s{<span class="sr">[^<]*</span>}{}g;
				$pop =~ s/<[^>]*>//g;
				$pop =~ s/&amp;/&/g;
				printf "%s\t%s\t%s%s%s\t%s\n", $place, $party{$p}, $op,
				    defined $g ? ":$g" : "", $cls =~ /\bcf\b/ ? "!" : "",
				    $pop;
			}
		}
	}
' <"$TMP/rs.html" >"$TMP/marks"
cut -f1-3 "$TMP/marks" | sed 's/^/# /'

perl -MJSON::PP -e '
	my ($truth_file, $marks_file) = @ARGV;
	local $/;
	open my $t, "<", $truth_file or die;
	my $truth = JSON::PP->new->decode(<$t>);
	open my $g, "<", $marks_file or die;
	my @m = map { [split /\t/, $_, -1] } grep { length } split /\n/, <$g>;
	my %conf = map { ("base:$_" => 1) } @{$truth->{conflicts}};
	my (%want, %letters);
	for my $gr (@{$truth->{groups}}) {
		my $place = defined $gr->{base} ? "base:$gr->{base}" :
		    "after:$gr->{after}";
		my %seen;
		for my $who (@{$gr->{parties}}) {
			$want{"$place|$who|$gr->{op}"} = 1;
			my @hit = grep { $_->[0] eq $place && $_->[1] eq $who &&
			    $_->[2] =~ /^\Q$gr->{op}\E(?::(\w))?(!?)$/ } @m;
			if (@hit != 1) {
				print "mark: $place $who $gr->{op} missing\n";
				next;
			}
			my ($letter, $cf) = $hit[0][2] =~ /(?::(\w))?(!?)$/;
			$seen{$letter // ""} = 1;
			$letters{$place}{$letter // ""} = 1;
			print "conflict: $place $who not flagged\n"
			    if $conf{$place} && !$cf;
			print "pop-up: $place $who lacks \"$gr->{contains}\"\n"
			    if defined $gr->{contains} &&
			    index($hit[0][3], $gr->{contains}) < 0;
		}
		print "group: $place [@{$gr->{parties}}] not one letter\n"
		    if keys %seen != 1 ||
		    (@{$gr->{parties}} > 1 && exists $seen{""});
	}
	for my $place (keys %conf) {
		print "conflict: $place groups share a letter\n"
		    if keys %{$letters{$place} || {}} < 2;
	}
	for my $c (@{$truth->{comments}}) {
		my @hit = grep { $_->[0] eq "base:$c->{base}" &&
		    $_->[1] eq $c->{party} && $_->[2] eq "comment" &&
		    index($_->[3], $c->{contains}) >= 0 } @m;
		print "comment: $c->{party} on $c->{base} missing\n" if @hit != 1;
	}
	for my $x (@m) {
		next if $x->[2] eq "comment";
		(my $op = $x->[2]) =~ s/[:!].*//;
		print "extra: @$x[0..2]\n" unless $want{"$x->[0]|$x->[1]|$op"};
		print "conflict: $x->[0] $x->[1] flagged\n"
		    if $x->[2] =~ /!$/ && !$conf{$x->[0]};
	}
	my $nc = grep { $_->[2] eq "comment" } @m;
	print "comment: $nc marks, ", scalar @{$truth->{comments}}, " true\n"
	    if $nc != @{$truth->{comments}};
' "$R/truth.json" "$TMP/marks" >"$TMP/score" 2>&1
sed 's/^/# /' "$TMP/score"
is "$(grep -c '^mark: \|^extra: ' "$TMP/score")" 0 \
    "every party's proposal marked in its cell, and no other"
is "$(grep -c '^group: ' "$TMP/score")" 0 \
    "the parties of one proposal share a letter"
is "$(grep -c '^conflict: ' "$TMP/score")" 0 \
    "the conflict flagged, its proposals lettered apart, nothing else"
is "$(grep -c '^pop-up: ' "$TMP/score")" 0 "each mark's pop-up has the words"
is "$(grep -c '^comment: ' "$TMP/score")" 0 "every comment marked on its clause"
is "$(grep -c 'data-conflict="1"' "$TMP/rs.html")" 2 \
    "the conflict in the matrix and among the records"
like "$(grep -o '<article [^>]*data-place="base:5.2.2".*' "$TMP/rs.html" |
    head -1)" 'id="r2"' "the records in full, each with an anchor"
like "$x" 'regionala <ins><span class="sr">tillagt: </span>och lokala </ins>' \
    "the new words marked against the draft"

kl kldiff --lang=en --base=utkast.docx --html "$@" >"$TMP/en.html"
y=$(cat "$TMP/en.html")
like "$y" '^<html lang="en">' "--lang=en: an English page"
like "$y" '<h2>Proposals by clause and party</h2>' "--lang=en: its headings"
like "$y" 'data-op="changed" data-group="A">chg A' "--lang=en: its marks"
kl kldiff --base=utkast.docx --html asele.docx >"$TMP/none.html"
is "$?" 0 "--html: exit 0 when nobody proposes anything"
like "$(cat "$TMP/none.html")" "inga synpunkter i något svar" \
    "and the page says so"

# chromium: the pop-up on a click (focus) and on hover, no request
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -n "$CHROMIUM" ] && command -v node >/dev/null 2>&1; then
	export CHROMIUM
	ART=${KL_ARTIFACTS:-$KL_ROOT/tests/artifacts}
	mkdir -p "$ART" 2>/dev/null || ART=$TMP
	node "$KL_ROOT/tests/browser/responses.js" "$TMP/rs.html" "$ART" \
	    >"$TMP/dom.json"
	is "$?" 0 "chromium opened the page"
	q() {
		json_at "$1" "$TMP/dom.json"
	}
	is "$(q rows)" 8 "the matrix has its 8 rows in the browser"
	is "$(q popup.before.shown)/$(q popup.focus.shown)/$(q popup.blurred.shown)/$(q popup.hover.shown)" \
	    "false/true/false/true" \
	    "the pop-up: hidden, shown on focus, hidden again, shown on hover"
	like "$(q popup.focus.text)" "E45 och väg 95" "with the proposal's words"
	is "$(q requests)" 1 "the page requests nothing but itself"
else
	skip "chromium or node not installed" 5
fi
done_testing
