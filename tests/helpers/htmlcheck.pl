#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# htmlcheck.pl - does a kldiff --html page hold what --json and --stat say?
#
#   htmlcheck.pl units PAGE JSONL   every unit of kldiff --json is an
#                                   article of the page (op, old ids, new
#                                   ids, pair), and nothing else is
#   htmlcheck.pl stats PAGE STAT    the summary's counts per pair equal
#                                   kldiff --stat --lang=en's
#
# PAGE is the HTML itself (attributes read with patterns: the page is
# ours and regular) or what tests/browser/review.js reported from the DOM
# (a JSON object), so the same check runs on the file and in a browser.
# Prints the differences and exits 1 when there are any.
use strict;
use warnings;
use JSON::PP;

my ($mode, $page, $ref) = @ARGV;
die "usage: htmlcheck.pl units|stats PAGE REF\n" unless defined $ref;

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:raw', $f) or die "$f: $!\n";
	local $/;
	my $s = <$fh>;
	return $s;
}

sub unescape {
	my ($s) = @_;
	$s =~ s/&lt;/</g;
	$s =~ s/&quot;/"/g;
	$s =~ s/&amp;/&/g;
	return $s;
}

my $p = slurp($page);
my $dom = $p =~ /^\s*\{/ ? JSON::PP->new->decode($p) : undef;
my $bad = 0;

sub compare {
	my ($what, $want, $got) = @_;
	my %w;
	$w{$_}++ for @$want;
	$w{$_}-- for @$got;
	my $shown = 0;
	for my $k (sort keys %w) {
		next if $w{$k} == 0;
		$bad = 1;
		next if ++$shown > 20;
		printf "%s: %s %s\n", $what, $w{$k} > 0 ? "missing" : "extra", $k;
		$bad = 1;
	}
}

if ($mode eq 'units') {
	my (@want, @got, %pair);
	open(my $fh, '<:raw', $ref) or die "$ref: $!\n";
	while (my $line = <$fh>) {
		my $r = JSON::PP->new->decode($line);
		my $next = scalar keys %pair;
		$pair{$r->{from}} //= $next;
		push @want, join("\t", $r->{op},
		    join('|', map { $_->{id} } @{$r->{old}}),
		    join('|', map { $_->{id} } @{$r->{new}}), $pair{$r->{from}});
	}
	if ($dom) {
		@got = map { join("\t", $_->{op}, $_->{old}, $_->{new},
		    $_->{pair}) } @{$dom->{units}};
	} else {
		while ($p =~ /<article [^>]*data-op="([^"]*)" data-old-id="([^"]*)" data-new-id="([^"]*)"[^>]*data-pair="(\d+)"/g) {
			push @got, join("\t", $1, unescape($2), unescape($3), $4);
		}
	}
	compare('unit', \@want, \@got);
	printf "%d units\n", scalar @got;
} elsif ($mode eq 'stats') {
	my %name = (unchanged => 'equal', renumbered => 'renumbered');
	my (@want, @got, $pair);
	open(my $fh, '<:raw', $ref) or die "$ref: $!\n";
	$pair = -1;
	while (my $line = <$fh>) {
		$pair++ if $line =~ /^--- /;
		if ($line =~ /^clauses: [^;]*; (.*)$/) {
			for (split /, /, $1) {
				my ($n, $k) = /^(\d+) (\w+)$/ or next;
				push @want, "$pair\t" . ($name{$k} // $k) . "\t$n";
			}
		} elsif ($line =~ /^classes: (.*)$/) {
			for (split /, /, $1) {
				my ($k, $n) = /^(\w+) (\d+)$/ or next;
				$k = 'renumber' if $k eq 'renumbered';
				push @want, "$pair\tclass-$k\t$n";
			}
		}
	}
	if ($dom) {
		for my $q (keys %{$dom->{stats}}) {
			my $s = $dom->{stats}{$q};
			push @got, map { "$q\t$_\t$s->{$_}" }
			    grep { $_ ne 'substantive' && ($_ !~ /^class-/ ||
			    $s->{$_} > 0) } keys %$s;
		}
	} else {
		for my $sec (split /<section class="pair" /, $p) {
			my ($q) = $sec =~ /^data-pair="(\d+)"/ or next;
			while ($sec =~ /data-stat="([\w-]+)">(\d+)</g) {
				my ($k, $n) = ($1, $2);
				next if $k eq 'substantive' ||
				    ($k =~ /^class-/ && $n == 0);
				push @got, "$q\t$k\t$n";
			}
		}
	}
	compare('stat', \@want, \@got);
	printf "%d counts\n", scalar @got;
} else {
	die "htmlcheck.pl: unknown mode $mode\n";
}
exit $bad;
