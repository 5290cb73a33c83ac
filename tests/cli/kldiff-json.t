#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kldiff --json: every line one valid JSON object with the documented
# fields; checked with perl's JSON::PP (always there with perl) and, when
# installed, with jq the way a script would use it.
. "$KL_ROOT/tests/lib/tap.sh"

G=$KL_ROOT/tests/golden/kldiff
cd "$G" || exit 1
command -v perl >/dev/null 2>&1 && perl -MJSON::PP -e 1 2>/dev/null ||
    skip_all "perl with JSON::PP missing"

kl kldiff --json a.in b.in c.in >"$TMP/abc.jsonl"
is "$?" 1 "--json: exit 1 on differences"
golden "$TMP/abc.jsonl" "$G/a-b-c.jsonl" "--json: three versions"

# Each line a JSON object with every field, of the right type.
check=$(perl -MJSON::PP -ne '
	my $r = eval { JSON::PP->new->utf8->decode($_) };
	if (!$r || ref $r ne "HASH") { print "line $.: not a JSON object\n"; next }
	for my $k (qw(op old new substantive class edits from to section
	    similarity lineage)) {
		print "line $.: no $k\n" unless exists $r->{$k};
	}
	print "line $.: bad op $r->{op}\n" unless $r->{op} =~
	    /^(equal|changed|moved|inserted|deleted|split|merged)$/;
	for my $k (qw(old new class edits)) {
		print "line $.: $k not an array\n" unless ref $r->{$k} eq "ARRAY";
	}
	print "line $.: substantive not boolean\n"
	    unless JSON::PP::is_bool($r->{substantive});
	print "line $.: similarity out of range\n"
	    unless $r->{similarity} >= 0 && $r->{similarity} <= 1;
	print "line $.: inserted with an old side\n"
	    if $r->{op} eq "inserted" && @{$r->{old}};
	print "line $.: deleted with a new side\n"
	    if $r->{op} eq "deleted" && @{$r->{new}};
	for my $c (@{$r->{old}}, @{$r->{new}}) {
		print "line $.: clause without id/text\n"
		    unless defined $c->{id} && defined $c->{text};
	}
	for my $e (@{$r->{edits}}) {
		print "line $.: bad edit op\n"
		    unless $e->{op} =~ /^(insert|delete|replace)$/;
	}' "$TMP/abc.jsonl")
is "$check" "" "--json: every line a complete record"
n=$(wc -l <"$TMP/abc.jsonl")
ok "--json: equal units included (more lines than changes)" \
    test "$n" -gt "$(grep -vc '"op":"equal","old":\[[^]]*\],"new":\[[^]]*\],"substantive":false,"class":\[\]' "$TMP/abc.jsonl")"

# The amount record as a script reads it.
amount=$(perl -MJSON::PP -ne '
	my $r = JSON::PP->new->utf8->decode($_);
	for my $e (@{$r->{edits}}) {
		next unless grep { $_ eq "amount" } @{$e->{class}};
		print "$r->{old}[0]{id} $r->{new}[0]{id} $e->{old_value} $e->{new_value} $r->{from} $r->{to}\n";
	}' "$TMP/abc.jsonl")
is "$amount" "2.1 2.1 1250000 1300000 a.in b.in
2.1 2.1 1300000 1400000 b.in c.in" "--json: amounts with their values"
# 2.2 is introduced in b.in and changed in c.in: one lineage.
lineage=$(perl -MJSON::PP -ne '
	my $r = JSON::PP->new->utf8->decode($_);
	print "$r->{lineage}\n" if $r->{op} eq "inserted" && $r->{new}[0]{id} eq "2.2"
	    || $r->{from} eq "b.in" && @{$r->{old}} && $r->{old}[0]{id} eq "2.2";' \
	"$TMP/abc.jsonl" | sort -u | wc -l)
is "$lineage" 1 "--json: one lineage ties a clause across three versions"

kl kldiff --json --changes-only a.in b.in >"$TMP/ab.changes.jsonl"
is "$(grep -c '"op":"equal","old":\[[^]]*\],"new":\[[^]]*\],"substantive":false,"class":\[\]' "$TMP/ab.changes.jsonl")" 0 \
    "--changes-only: no unchanged records"
like "$(cat "$TMP/ab.changes.jsonl")" '"class":\["renumber"\]' \
    "--changes-only: renumbered records stay"
kl kldiff --json --substantive a.in b.in >"$TMP/ab.S.jsonl"
is "$(grep -c '"substantive":false,"class":\["typography"\]' "$TMP/ab.S.jsonl")" 0 \
    "--substantive: no typography-only records"

# Numbers are JSON numbers whatever the locale says about decimals.
for loc in sv_SE.UTF-8 de_DE.UTF-8; do
	LC_ALL=$loc kl kldiff --json a.in b.in 2>/dev/null >"$TMP/loc.jsonl"
	is "$(perl -MJSON::PP -ne 'eval { JSON::PP->new->decode($_) } or print "bad\n"' "$TMP/loc.jsonl")" "" \
	    "--json under LC_ALL=$loc: valid JSON"
done

# A moved clause says where it came from: old_section, only on moves.
ms=$(perl -MJSON::PP -ne '
	my $r = JSON::PP->new->utf8->decode($_);
	print "$r->{op} $r->{old_section}\n" if exists $r->{old_section};' \
	"$TMP/abc.jsonl")
is "$ms" "moved Giltighet" "--json: old_section on the moved record only"
H='#klausul-clauses 1'
T='Parterna ska årligen redovisa hur de gemensamma medlen har använts.'
printf '%s\n' "$H" "1		section	1	1.	Bakgrund	Bakgrund" \
    "1.1	1	clause	2	1.1.	Bakgrund	$T" \
    "1.2	1	clause	2	1.2.	Bakgrund	Regionen och kommunerna benämns nedan parterna." \
    "2		section	1	2.	Uppföljning	Uppföljning" \
    "2.1	2	clause	2	2.1.	Uppföljning	Uppföljningen sker inom ramen för primärkommunala delegationen." >"$TMP/mv1.tsv"
printf '%s\n' "$H" "1		section	1	1.	Bakgrund	Bakgrund" \
    "1.1	1	clause	2	1.1.	Bakgrund	Regionen och kommunerna benämns nedan parterna." \
    "2		section	1	2.	Uppföljning	Uppföljning" \
    "2.1	2	clause	2	2.1.	Uppföljning	Uppföljningen sker inom ramen för primärkommunala delegationen." \
    "2.2	2	clause	2	2.2.	Uppföljning	$T" >"$TMP/mv2.tsv"
kl kldiff --json "$TMP/mv1.tsv" "$TMP/mv2.tsv" >"$TMP/mv.jsonl"
ms=$(perl -CO -MJSON::PP -ne '
	my $r = JSON::PP->new->utf8->decode($_);
	print "$r->{old}[0]{id} $r->{old_section} -> $r->{new}[0]{id} $r->{section}\n"
	    if $r->{op} eq "moved";' "$TMP/mv.jsonl")
is "$ms" "1.1 Bakgrund -> 2.2 Uppföljning" \
    "--json: a clause moved to another section names both"

if command -v jq >/dev/null 2>&1; then
	out=$(jq -r 'select(.op == "moved") | "\(.old[0].id) \(.new[0].id)"' \
	    <"$TMP/abc.jsonl")
	is "$out" "3.4 3.3" "jq: the moved clause with both numbers"
	out=$(jq -s -r '[.[] | select(.substantive)] | length' <"$TMP/abc.jsonl")
	ok "jq: substantive units counted" test "$out" -gt 5
	out=$(jq -r 'select(.op == "split") | [.new[].id] | join("+")' \
	    <"$TMP/abc.jsonl")
	is "$out" "2.5+2.6" "jq: the split clause's new parts"
else
	skip "jq missing"
	skip "jq missing"
	skip "jq missing"
fi

done_testing
