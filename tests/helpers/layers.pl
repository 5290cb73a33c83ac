#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# layers.pl - the library's files depend on each other one way only.
#
#   perl tests/helpers/layers.pl BUILD/libdiff
#
# Reads nm of every object under the folder: file A depends on file B when
# A uses a symbol that B defines.  Prints one line per violation:
#   cycle: a.c b.c ...        files that reach each other
#   stage: a.c (clause) -> b.c (diff) [symbol]
#                             an earlier stage calling into a later one
# and a last line "N files, M dependencies, K violations".  The stages, in
# the order data flows, are the folders of libdiff/; a file directly in the
# folder (the flat tree before the stages) has no stage and is checked for
# cycles only.  Exit 0 when there is no violation, 1 when there is one.
use strict;
use warnings;
use File::Find;

my @STAGES = qw(util sv docx pdf clause diff consolidate render);
my %rank;
@rank{@STAGES} = (0 .. $#STAGES);

my $dir = shift or die "usage: layers.pl BUILD/libdiff\n";
my @objs;
find(sub { push @objs, $File::Find::name if /\.o$/ && !/\.pic\.o$/ }, $dir);
@objs = sort @objs;
die "layers.pl: $dir: no objects\n" unless @objs;

my (%defs, %uses, %stage, %name);
for my $o (@objs) {
	(my $rel = $o) =~ s/^\Q$dir\E\/?//;
	$rel =~ s/\.o$/.c/;
	$name{$o} = $rel;
	$stage{$o} = $rel =~ m{^([^/]+)/} ? $1 : undef;
	for (`nm $o`) {
		my ($type, $sym) = /^\s*(?:[0-9a-f]+\s+)?([A-Za-z])\s+(\S+)$/ or next;
		if ($type eq 'U') { $uses{$o}{$sym} = 1 }
		elsif ($type =~ /[TDBRVWC]/) { $defs{$sym} = $o }
	}
}

my (%edge, $nedges, @bad);
for my $o (@objs) {
	for my $sym (sort keys %{ $uses{$o} }) {
		my $to = $defs{$sym} or next;
		next if $to eq $o;
		$nedges++ unless $edge{$o}{$to};
		$edge{$o}{$to} //= $sym;
	}
}
# A call from an earlier stage into a later one.
for my $o (@objs) {
	for my $to (sort keys %{ $edge{$o} || {} }) {
		my ($a, $b) = ($stage{$o}, $stage{$to});
		next unless defined $a && defined $b;
		die "layers.pl: $name{$o}: unknown stage $a\n" unless exists $rank{$a};
		push @bad, "stage: $name{$o} ($a) -> $name{$to} ($b) [$edge{$o}{$to}]"
		    if $rank{$a} < $rank{$b};
	}
}
# Cycles: strongly connected components of more than one file (Tarjan).
my ($index, %idx, %low, %on, @stack) = (0);
my $visit;
$visit = sub {
	my ($v) = @_;
	$idx{$v} = $low{$v} = $index++;
	push @stack, $v;
	$on{$v} = 1;
	for my $w (sort keys %{ $edge{$v} || {} }) {
		if (!exists $idx{$w}) {
			$visit->($w);
			$low{$v} = $low{$w} if $low{$w} < $low{$v};
		} elsif ($on{$w}) {
			$low{$v} = $idx{$w} if $idx{$w} < $low{$v};
		}
	}
	return unless $low{$v} == $idx{$v};
	my @scc;
	while (1) {
		my $w = pop @stack;
		$on{$w} = 0;
		push @scc, $name{$w};
		last if $w eq $v;
	}
	push @bad, "cycle: " . join(' ', sort @scc) if @scc > 1;
};
for my $o (@objs) { $visit->($o) unless exists $idx{$o} }

print "$_\n" for @bad;
printf "%d files, %d dependencies, %d violations\n", scalar @objs,
    $nedges // 0, scalar @bad;
exit(@bad ? 1 : 0);
