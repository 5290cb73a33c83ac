#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff --base=mall.docx on the municipalities' copies of one template
# (corpus/template/, made by LibreOffice, corpus/src/make-template.py)
# against truth.json beside them: every planted deviation with its
# municipality (precision and recall, fills aside), the fills, the group,
# the conflicts, two authors of one copy as two parties, the comments on
# their clauses with their author, and --substantive hiding none of it.
. "$KL_ROOT/tests/lib/tap.sh"

T=$KL_ROOT/corpus/template
command -v perl >/dev/null 2>&1 && perl -MJSON::PP -e 1 2>/dev/null ||
    skip_all "perl with JSON::PP missing"
cd "$T" || exit 1

set -- -L "Lycksele kommun" -L "Umeå kommun" -L "Sorsele kommun" \
    -L "Vännäs kommun" lycksele.docx umea.docx sorsele.docx vannas.docx \
    robertsfors.docx mala.docx

kl kldiff --json --base=mall.docx "$@" >"$TMP/cons.jsonl"
is "$?" 1 "--base --json: exit 1 when the copies deviate"
kl kldiff --json --substantive --base=mall.docx "$@" >"$TMP/subst.jsonl"
is "$?" 1 "--base --json --substantive: exit 1 too"

# score TRUTH JSONL: diagnostics, one line per finding
score() {
	perl -MJSON::PP -e '
	my ($truth_file, $got_file) = @ARGV;
	local $/;
	open my $t, "<", $truth_file or die; my $truth = JSON::PP->new->decode(<$t>);
	open my $g, "<", $got_file or die; my @lines = split /\n/, <$g>;
	my @recs = map { JSON::PP->new->decode($_) } @lines;
	my (%want, %fill, %got, @bad);
	my $place = sub { my $r = shift; defined $r->{base} && ref $r->{base} ?
	    "base:$r->{base}{id}" : defined $r->{base} ? "base:$r->{base}" :
	    "after:$r->{after}" };
	for my $gr (@{$truth->{groups}}) {
		my $h = $gr->{fill} ? \%fill : \%want;
		$h->{$place->($gr) . "|$gr->{op}|$_"} = 1 for @{$gr->{parties}};
	}
	for my $r (@recs) {
		for my $p (@{$r->{proposals}}) {
			$got{$place->($r) . "|$p->{op}|$_"} = 1 for @{$p->{parties}};
		}
	}
	my @dev = grep { !$fill{$_} } keys %got;
	my $hit = grep { $got{$_} } keys %want;
	printf "precision %.3f recall %.3f (%d deviations by party, %d planted)\n",
	    @dev ? $hit / @dev : 1, %want ? $hit / keys %want : 1,
	    scalar @dev, scalar keys %want;
	print "extra: $_\n" for grep { !$want{$_} } sort @dev;
	print "missed: $_\n" for grep { !$got{$_} } sort keys %want;
	print "fill missed: $_\n" for grep { !$got{$_} } sort keys %fill;
	for my $gr (@{$truth->{groups}}) {
		my $k = $place->($gr);
		my ($r) = grep { $place->($_) eq $k } @recs;
		my $ps = join ",", sort @{$gr->{parties}};
		my ($p) = $r ? grep { join(",", sort @{$_->{parties}}) eq $ps &&
		    $_->{op} eq $gr->{op} } @{$r->{proposals}} : ();
		print "group: $k $gr->{op} [$ps] not one group\n" unless $p;
		print "group: $k text lacks \"$gr->{contains}\"\n" if $p &&
		    defined $gr->{contains} && index($p->{text}, $gr->{contains}) < 0;
		print "substantive: $k $gr->{op} [$ps] is not\n"
		    if $p && !$p->{substantive};
	}
	my %conf = map { ("base:$_" => 1) } @{$truth->{conflicts}};
	for my $r (@recs) {
		my $k = $place->($r);
		print "conflict: $k is ", ($r->{conflict} ? "" : "not "), "marked\n"
		    if !!$r->{conflict} != !!$conf{$k};
	}
	for my $c (@{$truth->{planted_conflicts}}) {
		my ($r) = grep { $place->($_) eq "base:$c" } @recs;
		print "conflict: planted $c not marked\n" unless $r && $r->{conflict};
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
	my %proposes = map { $_ => 1 } map { /\|[^|]*\|(.*)$/ } keys %got;
	for my $file (sort keys %{$truth->{authors}}) {
		for my $a (@{$truth->{authors}{$file}}) {
			print "author: $a of $file proposes nothing\n"
			    unless $proposes{$a};
		}
	}
	for my $a (@{$truth->{comments_only}}) {
		print "comments only: $a proposes\n" if $proposes{$a};
	}
	' "$1" "$2"
}

score "$T/truth.json" "$TMP/cons.jsonl" >"$TMP/score" 2>&1
sed 's/^/# /' "$TMP/score"
like "$(head -1 "$TMP/score")" "^precision 1.000 recall 1.000" \
    "planted deviations with their municipalities: precision and recall 1"
is "$(grep -c '^fill missed: ' "$TMP/score")" 0 "every fill, by its party"
is "$(grep -c '^group: ' "$TMP/score")" 0 "every group, with its text"
is "$(grep -c '^conflict: ' "$TMP/score")" 0 \
    "the planted conflict and the fills' conflicts, no other"
is "$(grep -c '^comment: ' "$TMP/score")" 0 \
    "every comment on its clause, with its author"
is "$(grep -c '^author: \|^comments only: ' "$TMP/score")" 0 \
    "two authors of one copy: two parties, each with its proposals"
is "$(grep -c '^substantive: ' "$TMP/score")" 0 \
    "every planted deviation and fill is substantive"

score "$T/truth.json" "$TMP/subst.jsonl" >"$TMP/score.S" 2>&1
sed 's/^/# --substantive: /' "$TMP/score.S"
is "$(cat "$TMP/score.S")" "$(cat "$TMP/score")" \
    "--substantive hides nothing planted"

kl kldiff --lang=en --base=mall.docx "$@" >"$TMP/cons.txt"
is "$?" 1 "--base text: exit 1"
for p in "Lycksele kommun (lycksele.docx)" "Umeå kommun (umea.docx)" \
    "Sorsele kommun (sorsele.docx)" "Vännäs kommun (vannas.docx)" \
    "Anna Lind, Robertsfors kommun (robertsfors.docx)" \
    "Erik Berg, Robertsfors kommun (robertsfors.docx)" \
    "Karin Holm, Malå kommun (mala.docx)"; do
	is "$(grep -c "^  $p\$" "$TMP/cons.txt")" 1 "text: party $p"
done
# the text's records: place line, then its proposals and comments
awk '/^[0-9][0-9.]*\. |^new after /{ place = $1 " " $2 " " $3 }
    /^  [a-z]+ – /{ print place "|" $0 }' "$TMP/cons.txt" >"$TMP/rows"
sed 's/^/# /' "$TMP/rows"
like "$(grep '^6\.2\. ' "$TMP/rows")" "changed – Lycksele kommun  \\[CONFLICT\\]" \
    "text: 6.2 Lycksele in conflict"
like "$(grep '^6\.2\. ' "$TMP/rows")" "changed – Umeå kommun  \\[CONFLICT\\]" \
    "text: 6.2 Umeå in conflict"
like "$(grep '^new after 4\.3' "$TMP/rows")" \
    "inserted – Sorsele kommun, Vännäs kommun\$" \
    "text: the clause after 4.3 one group of Sorsele and Vännäs"
like "$(grep '^3\.4\. ' "$TMP/rows")" "deleted – Umeå kommun\$" \
    "text: 3.4 deleted by Umeå"
like "$(grep '^3\.2\. ' "$TMP/rows")" "changed – Erik Berg, Robertsfors kommun\$" \
    "text: 3.2 changed by Erik Berg alone"
like "$(grep '^5\.1\. ' "$TMP/rows")" "changed – Anna Lind, Robertsfors kommun" \
    "text: the amount filled in by Anna Lind"
like "$(grep '^3\.4\. ' "$TMP/rows")" "comment – Karin Holm, Malå kommun, " \
    "text: the comment on 3.4 by Karin Holm"
like "$(grep '^5\.3\. ' "$TMP/rows")" "comment – Karin Holm, Malå kommun, " \
    "text: the comment on 5.3 by Karin Holm"
like "$(sed -n '/^3\.4\. /,/^$/p' "$TMP/cons.txt")" "vi föreslår fyra" \
    "text: the comment's words"
# an insertion is told under the section of the clause it follows (4.3,
# Åtaganden), not under the last section told (Samverkan, for 3.4)
is "$(awk '/^== /{ s = $0 } /^new after 4\.3$/{ print s }' "$TMP/cons.txt")" \
    "== Åtaganden" "text: the clause after 4.3 under 4.3's section"
kl kldiff --html --base=mall.docx "$@" >"$TMP/cons.html"
is "$(grep -a -o 'scope="rowgroup">[^<]*\|data-place="after:4\.3"' \
    "$TMP/cons.html" | grep -B1 'after:4\.3' | head -1)" \
    'scope="rowgroup">Åtaganden' "html: the clause after 4.3 under 4.3's section"
kl kldiff --lang=en --substantive --base=mall.docx "$@" >"$TMP/cons.S.txt"
is "$(cat "$TMP/cons.S.txt")" "$(cat "$TMP/cons.txt")" \
    "text: --substantive hides nothing here"
done_testing
