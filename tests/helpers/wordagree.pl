#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# wordagree.pl - word-level agreement of two texts, in reading order.
#
#   wordagree.pl [-l] [MIN] A B
#
# Words are \w+ runs after NFC and case folding.  With -l the list labels
# that start a line ("4.2.", "1)", "a)", "–", "•", markdown's "#") are left
# out on both sides, since readers differ in how they show automatic
# numbers (pandoc "2.", kltext "4.2."), and a pandoc markdown header's
# title and subtitle are read in the document's order.  The agreement is
# 2 * LCS / (|A| + |B|) over the two word sequences (LCS: the longest
# common subsequence, so a word in the wrong place counts as missing),
# printed as a percentage with two decimals.  With MIN the exit status is
# 1 when the agreement is below MIN percent; the first differences are
# then shown on stderr.
use strict;
use warnings;
use feature qw(fc);
use Unicode::Normalize qw(NFC);
use Algorithm::Diff qw(sdiff LCS_length);

my $labels = 1;
if (@ARGV && $ARGV[0] eq '-l') {
	$labels = 0;
	shift;
}
my $min = @ARGV == 3 ? shift : undef;
my ($fa, $fb) = @ARGV;
die "usage: wordagree.pl [MIN] A B\n" unless defined $fb;

sub words {
	my ($f) = @_;
	open(my $fh, '<:encoding(UTF-8)', $f) or die "$f: $!\n";
	local $/;
	my $s = NFC(<$fh> // '');
	close $fh;
	if (!$labels) {
		if ($s =~ s/\A---\n(.*?)\n---\n//s) {
			my $y = $1;
			my ($t) = $y =~ /^title: (.*)$/m;
			my ($u) = $y =~ /^subtitle: (.*)$/m;
			$s = join("\n", grep { defined } $t, $u) . "\n" . $s;
		}
		$s =~ s/^[ \t]*(?:(?:[0-9]+|[a-z]|[ivx]+)[.)])+(?:[0-9]+\.?)*[ \t]+//mg;
		$s =~ s/^[ \t]*[-\x{2013}\x{2022}*][ \t]+//mg;
		$s =~ s/^[ \t]*#+[ \t]+//mg;
	}
	return [ map { fc } $s =~ /(\w+)/g ];
}

my ($a, $b) = (words($fa), words($fb));
my $n = @$a + @$b;
my $lcs = $n ? LCS_length($a, $b) : 0;
my $agree = $n ? 200 * $lcs / $n : 100;
binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';
printf "%.2f\n", $agree;
if (defined $min && $agree < $min) {
	my $shown = 0;
	for my $h (sdiff($a, $b)) {
		next if $h->[0] eq 'u';
		print STDERR "$h->[0] $h->[1] | $h->[2]\n";
		last if ++$shown >= 20;
	}
	exit 1;
}
exit 0;
