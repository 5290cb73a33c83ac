#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff --base=DRAFT RESPONSE...: the responses in corpus/responses/
# (made by LibreOffice and python-docx, corpus/src/make-responses.py)
# against truth.json beside them: precision and recall of the proposals
# with their parties, every group, every conflict, every comment on the
# right clause, and the parties with nothing to say.
. "$KL_ROOT/tests/lib/tap.sh"

R=$KL_ROOT/corpus/responses
command -v perl >/dev/null 2>&1 && perl -MJSON::PP -e 1 2>/dev/null ||
    skip_all "perl with JSON::PP missing"
cd "$R" || exit 1

kl kldiff --json --base=utkast.docx -L "Vindelns kommun" -L "Åsele kommun" \
    vindeln.docx asele.docx umea.docx skelleftea.docx lycksele.docx \
    storuman.docx vilhelmina.docx >"$TMP/cons.jsonl"
is "$?" 1 "--base --json: exit 1 when responses propose something"

perl -MJSON::PP -e '
	my ($truth_file, $got_file) = @ARGV;
	local $/;
	open my $t, "<", $truth_file or die; my $truth = JSON::PP->new->decode(<$t>);
	open my $g, "<", $got_file or die; my @lines = split /\n/, <$g>;
	my @recs = map { JSON::PP->new->decode($_) } @lines;
	my (%want, %got, @bad);
	my $place = sub { my $r = shift; defined $r->{base} && ref $r->{base} ?
	    "base:$r->{base}{id}" : defined $r->{base} ? "base:$r->{base}" :
	    "after:$r->{after}" };
	for my $gr (@{$truth->{groups}}) {
		$want{$place->($gr) . "|$gr->{op}|$_"} = 1 for @{$gr->{parties}};
	}
	for my $r (@recs) {
		for my $p (@{$r->{proposals}}) {
			$got{$place->($r) . "|$p->{op}|$_"} = 1 for @{$p->{parties}};
		}
	}
	my $hit = grep { $got{$_} } keys %want;
	printf "precision %.3f recall %.3f (%d proposals by party, %d true)\n",
	    %got ? $hit / keys %got : 1, %want ? $hit / keys %want : 1,
	    scalar keys %got, scalar keys %want;
	print "extra: $_\n" for grep { !$want{$_} } sort keys %got;
	print "missed: $_\n" for grep { !$got{$_} } sort keys %want;
	for my $gr (@{$truth->{groups}}) {
		my $k = $place->($gr);
		my ($r) = grep { $place->($_) eq $k } @recs;
		my $ps = join ",", sort @{$gr->{parties}};
		my ($p) = $r ? grep { join(",", sort @{$_->{parties}}) eq $ps &&
		    $_->{op} eq $gr->{op} } @{$r->{proposals}} : ();
		print "group: $k $gr->{op} [$ps] not one group\n" unless $p;
		print "group: $k text lacks \"$gr->{contains}\"\n" if $p &&
		    defined $gr->{contains} && index($p->{text}, $gr->{contains}) < 0;
	}
	my %conf = map { ("base:$_" => 1) } @{$truth->{conflicts}};
	for my $r (@recs) {
		my $k = $place->($r);
		print "conflict: $k is ", ($r->{conflict} ? "" : "not "), "marked\n"
		    if !!$r->{conflict} != !!$conf{$k};
	}
	for my $c (@{$truth->{comments}}) {
		my ($r) = grep { $place->($_) eq "base:$c->{base}" } @recs;
		my @m = $r ? grep { $_->{party} eq $c->{party} &&
		    index($_->{text}, $c->{contains}) >= 0 } @{$r->{comments}} : ();
		print "comment: $c->{party} on $c->{base} missing\n" unless @m;
	}
	my $nc = 0; $nc += @{$_->{comments}} for @recs;
	print "comment: $nc found, ", scalar @{$truth->{comments}}, " true\n"
	    if $nc != @{$truth->{comments}};
' "$R/truth.json" "$TMP/cons.jsonl" >"$TMP/score" 2>&1
sed 's/^/# /' "$TMP/score"
like "$(head -1 "$TMP/score")" "^precision 1.000 recall 1.000" \
    "proposals with their parties: precision and recall 1"
is "$(grep -c '^group: ' "$TMP/score")" 0 "every group, with its text"
is "$(grep -c '^conflict: ' "$TMP/score")" 0 "every conflict and no other"
is "$(grep -c '^comment: ' "$TMP/score")" 0 "every comment on its clause"

kl kldiff --lang=sv --base=utkast.docx -L "Vindelns kommun" -L "Åsele kommun" \
    vindeln.docx asele.docx umea.docx >"$TMP/cons.txt"
like "$(grep 'Åsele' "$TMP/cons.txt")" "inga synpunkter" \
    "text: a party without proposals says so"
like "$(cat "$TMP/cons.txt")" "\\{\\+i god tid \\+\\}" "text: the words [-old-]{+new+}"

kl kldiff --stat --lang=en --base=utkast.docx umea.docx lycksele.docx \
    skelleftea.docx >"$TMP/cons.stat"
like "$(grep '^5.3.1 ' "$TMP/cons.stat")" "chg\\*.*chg\\*" \
    "--stat: the conflict in the matrix"
like "$(grep 'Umeå kommun' "$TMP/cons.stat")" \
    "2 proposals \\(1 changed, 1 inserted\\), 1 comment\$" \
    "--stat: a party's counts, one comment in the singular"
kl kldiff --stat --lang=sv --base=utkast.docx umea.docx skelleftea.docx \
    lycksele.docx vilhelmina.docx >"$TMP/cons.stat.sv"
like "$(grep 'Umeå kommun' "$TMP/cons.stat.sv")" "2 förslag .*, 1 kommentar\$" \
    "--stat --lang=sv: 1 kommentar"
like "$(grep 'Vilhelmina kommun' "$TMP/cons.stat.sv")" \
    "0 förslag, 2 kommentarer\$" "--stat --lang=sv: 2 kommentarer"
like "$(grep 'Skellefteå kommun' "$TMP/cons.stat.sv")" "\\(2 ändrade\\)" \
    "--stat --lang=sv: 2 ändrade, in the plural"
is "$(kl kldiff --lang=en --base=utkast.docx umea.docx | sed -n 2p)" \
    "1 response:" "text: one response in the singular"

kl kldiff --base=utkast.docx asele.docx utkast.docx >/dev/null
is "$?" 0 "--base: exit 0 when no response proposes anything"
n=$(kl kldiff --json --base=utkast.docx umea.docx utkast.docx 2>"$TMP/err" |
    wc -l)
m=$(kl kldiff --json --base=utkast.docx umea.docx 2>/dev/null | wc -l)
is "$n" "$m" "--base: the draft among the responses is left out"
like "$(cat "$TMP/err")" "the draft itself" "--base: and that is said"
kl kldiff --base=utkast.docx missing.docx 2>/dev/null
is "$?" 2 "--base: exit 2 on trouble"
done_testing
