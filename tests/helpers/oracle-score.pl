#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# oracle-score.pl - how well extracted text agrees with an oracle rendering.
#
# Reads lines "NAME<TAB>ORACLE_FILE<TAB>OUTPUT_FILE[<TAB>NOTE]" on stdin
# and prints,
# per file and overall:
#   recall     share of the oracle's words found in the output
#   precision  share of the output's words found in the oracle
#   labels     share of the oracle's numbered lines ("1.", "3.2", "a)",
#              "iv.") found, label and text, as a line of the output
# Words are \w+ runs after NFC and case folding, counted as multisets.
# Line order, line wrapping and white space do not matter.  A NOTE marks
# a file whose oracle is known to leave out text that the document has
# (say why in NOTE): it counts for recall and labels, not for the
# precision that is checked; the raw precision is printed as well.
#
# Usage: oracle-score.pl [MIN_RECALL MIN_PRECISION MIN_LABELS] < list
# Exit 1 when an overall figure is below its minimum.
use strict;
use warnings;
use utf8;
use feature qw(fc);
use Unicode::Normalize qw(NFC);

binmode STDOUT, ':encoding(UTF-8)';
my ($min_r, $min_p, $min_l) = @ARGV;

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:encoding(UTF-8)', $f) or die "$f: $!\n";
	local $/;
	my $s = <$fh>;
	close $fh;
	$s =~ s/^\x{FEFF}//;
	return NFC($s);
}

sub words {
	my ($s) = @_;
	my %c;
	$c{fc $1}++ while $s =~ /(\w+)/g;
	return \%c;
}

sub common {
	my ($a, $b) = @_;
	my $n = 0;
	for my $w (keys %$a) {
		next unless exists $b->{$w};
		$n += $a->{$w} < $b->{$w} ? $a->{$w} : $b->{$w};
	}
	return $n;
}

sub total {
	my ($a) = @_;
	my $n = 0;
	$n += $_ for values %$a;
	return $n;
}

sub norm_line {
	my ($l) = @_;
	$l =~ s/\s+/ /g;
	$l =~ s/^ //;
	$l =~ s/ $//;
	return fc $l;
}

my $label_re = qr/^(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|[ivxlc]+[.)]|[IVXLC]+[.)])
    \s+\S/x;

sub labels {
	my ($oracle, $out) = @_;
	my %have = map { norm_line($_) => 1 } split /\n/, $out;
	my ($n, $found) = (0, 0);
	for my $l (split /\n/, $oracle) {
		my $t = $l;
		$t =~ s/^\s+//;
		next unless $t =~ $label_re;
		$n++;
		$found++ if $have{norm_line($t)};
	}
	return ($n, $found);
}

my ($or, $ot, $pr, $pt, $ln, $lf, $rr, $rt) = (0) x 8;
printf "%-60s %7s %7s %9s\n", 'file', 'recall', 'precis', 'labels';
while (my $line = <STDIN>) {
	chomp $line;
	my ($name, $ofile, $xfile, $note) = split /\t/, $line;
	my $oracle = slurp($ofile);
	my $out = slurp($xfile);
	my ($ow, $xw) = (words($oracle), words($out));
	my $c = common($ow, $xw);
	my ($to, $tx) = (total($ow), total($xw));
	my ($n, $f) = labels($oracle, $out);
	$or += $c; $ot += $to; $ln += $n; $lf += $f;
	$rr += $c; $rt += $tx;
	if (!$note) {
		$pr += $c;
		$pt += $tx;
	}
	printf "%-60s %7s %7s %9s\n", substr($name, -60),
	    $to ? sprintf('%.1f%%', 100 * $c / $to) : '-',
	    $tx ? sprintf('%.1f%%', 100 * $c / $tx) : '-',
	    $n ? "$f/$n" : '-';
	print "    ($note)\n" if $note;
}
my $R = $ot ? 100 * $or / $ot : 100;
my $P = $pt ? 100 * $pr / $pt : 100;
my $L = $ln ? 100 * $lf / $ln : 100;
printf "overall: recall %.2f%% (%d/%d words), precision %.2f%% (%d/%d; " .
    "raw %.2f%%), labels %.2f%% (%d/%d)\n", $R, $or, $ot, $P, $pr, $pt,
    $rt ? 100 * $rr / $rt : 100, $L, $lf, $ln;
my $bad = 0;
$bad = 1 if defined $min_r && $R < $min_r;
$bad = 1 if defined $min_p && $P < $min_p;
$bad = 1 if defined $min_l && $L < $min_l;
exit $bad;
