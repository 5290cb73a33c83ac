#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Table rows in a money column inserted or deleted whole: their money is
# in the amounts an analyst sums (JSON values, the --stat amounts list,
# the text's amount line), not only the rows that changed.
. "$KL_ROOT/tests/lib/tap.sh"

command -v perl >/dev/null 2>&1 && perl -MJSON::PP -e 1 2>/dev/null ||
    skip_all "perl with JSON::PP missing"

printf '%s\n' '#klausul-clauses 1' \
    '7		section	1	7.	Finansiering	Finansiering' \
    'row:Part	7	row	0		Finansiering	Part\tBidrag (kronor)' \
    'row:Umeå kommun	7	row	0		Finansiering	Umeå kommun\t3 275 000' \
    'row:Sorsele kommun	7	row	0		Finansiering	Sorsele kommun\t60 000' \
    'row:Summa	7	row	0		Finansiering	Summa\t3 335 000' >"$TMP/a.tsv"
printf '%s\n' '#klausul-clauses 1' \
    '7		section	1	7.	Finansiering	Finansiering' \
    'row:Part	7	row	0		Finansiering	Part\tBidrag (kronor)' \
    'row:Umeå kommun	7	row	0		Finansiering	Umeå kommun\t3 450 000' \
    'row:Region Västerbotten, civil beredskap	7	row	0		Finansiering	Region Västerbotten, civil beredskap\t500 000' \
    'row:Summa	7	row	0		Finansiering	Summa\t3 950 000' >"$TMP/b.tsv"

kl kldiff --json "$TMP/a.tsv" "$TMP/b.tsv" >"$TMP/ab.jsonl"
is "$?" 1 "--json: exit 1 on differences"
vals=$(perl -MJSON::PP -ne '
	my $r = JSON::PP->new->utf8->decode($_);
	for my $e (@{$r->{edits}}) {
		next unless grep { $_ eq "amount" } @{$e->{class}};
		printf "%s %s %s %s\n", $r->{op}, $e->{op},
		    exists $e->{old_value} ? $e->{old_value} : "-",
		    exists $e->{new_value} ? $e->{new_value} : "-";
	}' "$TMP/ab.jsonl")
is "$vals" "changed replace 3275000 3450000
deleted delete 60000 -
inserted insert - 500000
changed replace 3335000 3950000" \
    "--json: inserted and deleted rows carry their amount, one side only"
# The changes of the rows add up to the change of the sum.
sum=$(perl -MJSON::PP -ne '
	my $r = JSON::PP->new->utf8->decode($_);
	next if $r->{new}[0] && $r->{new}[0]{id} eq "row:Summa";
	for my $e (@{$r->{edits}}) {
		next unless grep { $_ eq "amount" } @{$e->{class}};
		$s += ($e->{new_value} // 0) - ($e->{old_value} // 0);
	}
	END { print $s }' "$TMP/ab.jsonl")
is "$sum" 615000 "--json: the rows' changes sum to the total's"
like "$(grep '"op":"inserted"' "$TMP/ab.jsonl")" '"class":\[[^]]*"amount"' \
    "--json: the inserted row's class says amount"

kl kldiff --stat --lang=en "$TMP/a.tsv" "$TMP/b.tsv" >"$TMP/ab.stat"
like "$(cat "$TMP/ab.stat")" 'row Region Västerbotten, civil beredskap  – → 500 000 kr \(\+500 000 kr\)' \
    "--stat: the inserted row in the amounts list"
like "$(cat "$TMP/ab.stat")" 'row Sorsele kommun  60 000 kr → – \(-60 000 kr, -100,0 %\)' \
    "--stat: the deleted row in the amounts list"
kl kldiff --lang=en --color=never "$TMP/a.tsv" "$TMP/b.tsv" >"$TMP/ab.txt"
like "$(cat "$TMP/ab.txt")" 'amount: – → 500 000 kr' \
    "text: the inserted row's amount line"

done_testing
