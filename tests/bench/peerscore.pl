#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# peerscore.pl - how many planted changes a word-diff peer shows right.
#
#   perl peerscore.pl TRUTH.tsv OLD.clauses NEW.clauses PEER.out
#
# OLD/NEW.clauses are `klsplit --plain` of the two versions (id TAB text);
# PEER.out is the peer's output with wdiff markers: [-deleted-] and
# {+inserted+} (dwdiff's default, git diff --word-diff=plain, and
# locompare.py's rendering of LibreOffice's tracked changes).  Prints one
# line per kind: "kind planted right".
#
# "Right", kind by kind (simple and the same for every peer):
#   wording, number, amount, period, date, typography, heading renamed:
#     every token of the old clause missing from the new clause lies in a
#     deleted segment, and every token of the new clause missing from the
#     old one in an inserted segment (tokens split at white space, counted
#     as multisets; the snippets when a clause is not found);
#   inserted / new section / row added: 80 % of the words of the new
#     clause lie in inserted segments; deleted / row deleted: 80 % of the
#     old clause's words in deleted segments;
#   renumbered: the peer's output line holding the clause has no marker
#     (a clause whose words did not change must not show as a change);
#   moved, split, merged: right only if shown as a move, split or merge -
#     plain word diffs have no such markup, so never.
use strict;
use warnings;
use utf8;
use open qw(:std :encoding(UTF-8));

my ($truth, $oldc, $newc, $peer) = @ARGV;
die "usage: peerscore.pl TRUTH OLD.clauses NEW.clauses PEER.out\n"
    unless defined $peer;

sub clauses {
	my ($f) = @_;
	my %c;
	open my $fh, '<', $f or die "$f: $!\n";
	while (<$fh>) {
		chomp;
		my ($id, $text) = split /\t/, $_, 2;
		$c{$id} = $text // '';
	}
	return \%c;
}

sub find {
	my ($c, $id) = @_;
	return $c->{$id} if exists $c->{$id};
	return $c->{"$id kommun"} if exists $c->{"$id kommun"};
	for my $k (keys %$c) {	# the title is named by its text
		return $c->{$k} if $c->{$k} eq $id;
	}
	return undef;
}

my ($old, $new) = (clauses($oldc), clauses($newc));
local $/;
open my $ph, '<', $peer or die "$peer: $!\n";
my $out = <$ph>;
my @del = $out =~ /\[-(.*?)-\]/gs;
my @ins = $out =~ /\{\+(.*?)\+\}/gs;
my %del_tok = map { $_ => 1 } map { split ' ' } @del;
my %ins_tok = map { $_ => 1 } map { split ' ' } @ins;
my %del_w = map { lc($_) => 1 } map { /(\w+)/g } @del;
my %ins_w = map { lc($_) => 1 } map { /(\w+)/g } @ins;
my @lines = split /\n/, $out;
$/ = "\n";

# Tokens of a that b lacks (multiset).
sub minus {
	my ($a, $b) = @_;
	my %n;
	$n{$_}++ for split ' ', $b;
	my @r;
	for (split ' ', $a) {
		if ($n{$_}) { $n{$_}-- } else { push @r, $_ }
	}
	return @r;
}

sub shown_change {
	my ($o, $n) = @_;
	my @od = minus($o, $n);
	my @nd = minus($n, $o);
	return 0 unless @od || @nd;
	for (@od) { return 0 unless $del_tok{$_} || inside($_, \@del) }
	for (@nd) { return 0 unless $ins_tok{$_} || inside($_, \@ins) }
	return 1;
}

# A token split differently by the peer still counts when the segments
# contain it.
# A character-level peer (LibreOffice) marks "landstingsfullm" inside
# "landstingsfullmäktige": a segment of three or more characters within
# the token counts too.
sub inside {
	my ($t, $segs) = @_;
	for (@$segs) {
		return 1 if index($_, $t) >= 0;
		my $s = $_;
		$s =~ s/^\s+|\s+$//g;
		return 1 if length($s) >= 3 && index($t, $s) >= 0;
	}
	return 0;
}

sub words_in {
	my ($text, $set) = @_;
	return 0 unless defined $text;
	my @w = map { lc } $text =~ /(\w+)/g;
	return 0 unless @w;
	my $hit = grep { $set->{$_} } @w;
	return $hit / @w >= 0.8;
}

sub unmarked {
	my ($text) = @_;
	return 0 unless defined $text && length $text;
	my $probe = substr($text, 0, 40);
	for (@lines) {
		next unless index($_, $probe) >= 0;
		# a change of the paragraph before may close at its start
		(my $l = $_) =~ s/^([^\t]*\t)?(-\]|\+\})/$1/;
		return $l !~ /\[-|-\]|\{\+|\+\}/;
	}
	return 0;
}

my (%planted, %right, @order);
open my $th, '<', $truth or die "$truth: $!\n";
while (<$th>) {
	chomp;
	next if /^#/ || /^kind\t/ || !length;
	my ($kind, $oid, $nid, $os, $ns, $note) = split /\t/;
	my $ok = 0;
	if ($kind =~ /^(reworded|rewritten|number|amount|period|date|typography|heading_renamed)$/) {
		my ($a, $b) = (find($old, $oid), find($new, $nid));
		($a, $b) = ($os, $ns) unless defined $a && defined $b;
		$ok = shown_change($a, $b);
	} elsif ($kind =~ /^(inserted|new_section|row_added)$/) {
		$ok = words_in(find($new, $nid), \%ins_w);
	} elsif ($kind =~ /^(deleted|row_deleted)$/) {
		$ok = words_in(find($old, $oid), \%del_w);
	} elsif ($kind eq 'renumbered') {
		$ok = unmarked(find($new, $nid));
	}
	push @order, $kind unless $planted{$kind}++;
	$right{$kind} += $ok;
}
printf "%s %d %d\n", $_, $planted{$_}, $right{$_} // 0 for @order;
