#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# pdfscore.pl - how much of a document the PDF reader got back, against
# the same document read from its .docx.
#
#   pdfscore.pl words DOCX.txt PDF.txt     word recall and precision
#   pdfscore.pl labels DOCX.cl PDF.cl      clause labels found
#
# words: the texts of `kltext --plain`; words are \w+ runs after NFC and
# case folding, matched in order (LCS): recall = LCS / words of the .docx,
# precision = LCS / words of the PDF, so a word out of place, lost or made
# up counts against the reader.  labels: the klsplit streams; the share of
# the .docx's labelled clause ids ("4.2") the PDF has too, and the share
# of the PDF's the .docx has.  Prints "recall R precision P" with four
# decimals.
use strict;
use warnings;
use feature qw(fc);
use Unicode::Normalize qw(NFC);
use Algorithm::Diff qw(LCS_length);

binmode STDOUT, ':utf8';
my ($mode, $fa, $fb) = @ARGV;
die "usage: pdfscore.pl words|labels DOCX PDF\n" unless defined $fb;

sub slurp {
	my ($f) = @_;
	open my $h, '<:encoding(UTF-8)', $f or die "$f: $!\n";
	local $/;
	return <$h>;
}

sub words {
	my $t = fc(NFC(slurp($_[0])));
	return [ $t =~ /(\w+)/g ];
}

sub labels {
	my %ids;
	for (split /\n/, slurp($_[0])) {
		next if /^#/;
		my @f = split /\t/;
		$ids{$f[0]} = 1 if defined $f[4] && $f[4] ne '';
	}
	return \%ids;
}

if ($mode eq 'words') {
	my ($a, $b) = (words($fa), words($fb));
	my $l = LCS_length($a, $b);
	printf "recall %.4f precision %.4f\n", @$a ? $l / @$a : 1,
	    @$b ? $l / @$b : 1;
} elsif ($mode eq 'labels') {
	my ($a, $b) = (labels($fa), labels($fb));
	my $inb = grep { $b->{$_} } keys %$a;
	my $ina = grep { $a->{$_} } keys %$b;
	printf "recall %.4f precision %.4f\n", %$a ? $inb / keys %$a : 1,
	    %$b ? $ina / keys %$b : 1;
} else {
	die "pdfscore.pl: words or labels, not $mode\n";
}
