/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_clause.c - clause ids, structure, the clause stream and its errors.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "internal.h"

static ldiff_clauses *
split(const char *in, int sentences)
{
	ldiff_split_opts o;
	ldiff_clauses *cs = NULL;
	ldiff_error err;
	int r;

	ldiff_split_opts_init(&o);
	o.sentences = sentences;
	memset(&err, 0, sizeof err);
	r = ldiff_clauses_from_any(&cs, in, strlen(in), NULL, &o, &err);
	if (r != 0)
		diag("split failed: %s", err.msg);
	return cs;
}

static const ldiff_clause *
find(const ldiff_clauses *cs, const char *id)
{
	size_t i;

	for (i = 0; i < ldiff_clauses_count(cs); i++)
		if (strcmp(ldiff_clauses_get(cs, i)->id, id) == 0)
			return ldiff_clauses_get(cs, i);
	return NULL;
}

/* "id|parent|kind|label|text" of a clause, or "(none)". */
static const char *
show(const ldiff_clauses *cs, const char *id)
{
	static char buf[1024];
	const ldiff_clause *c = find(cs, id);

	if (c == NULL)
		return "(none)";
	snprintf(buf, sizeof buf, "%s|%s|%s|%s|%s", c->id, c->parent,
	    ldiff_clause_kind_name(c->kind), c->label, c->text);
	return buf;
}

static char *
write_mem(const ldiff_clauses *cs, ldiff_format fmt, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	ldiff_clauses_write(cs, f, fmt);
	fclose(f);
	return buf;
}

#define P "#klausul-paragraphs 1\n"

static void
test_kinds(void)
{
	int k;

	for (k = LDIFF_CL_SECTION; k <= LDIFF_CL_OTHER; k++)
		is_int(ld_clause_kind_from_name(
		    ldiff_clause_kind_name((ldiff_clause_kind)k)), k,
		    "kind name round trip");
	is_int(ld_clause_kind_from_name("chapter"), -1, "unknown kind");
}

static void
test_docx_like(void)
{
	const char *in = P
	    "heading\t1\t1.\tHeading 1\t\t\t\tParter\n"
	    "item\t2\t1.1.\t\t\t\t\tParterna är:\n"
	    "item\t1\t–\t\t\t\t\tRegionen\n"
	    "item\t1\t–\t\t\t\t\tKommunerna\n"
	    "item\t2\t1.2.\t\t\tfn:2\t\tParterna ska:\n"
	    "item\t3\ta)\t\t\t\t\tsamverka,\n"
	    "item\t3\tb)\t\t\t\t\tinformera varandra.\n"
	    "heading\t2\t1.1.\tHeading 2\t\t\t\tUnderrubrik\n"
	    "item\t3\t1.1.1.\t\t\t\t\tDjup klausul.\n"
	    "heading\t1\t\tHeading 1\t\t\t\tBakgrund\n"
	    "paragraph\t0\t\t\t\t\t\tFörsta stycket.\n"
	    "paragraph\t0\t\t\t\t\t\t\n"
	    "paragraph\t0\t\t\t\t\t\tAndra stycket.\n"
	    "cell\t0\t\t\tt1.r1.c1\t\t\tPart\n"
	    "cell\t0\t\t\tt1.r1.c2\t\t\tBidrag\n"
	    "cell\t0\t\t\tt1.r2.c1\t\t\tUmeå kommun\n"
	    "cell\t0\t\t\tt1.r2.c2\t\t\t3 275 000\n"
	    "cell\t0\t\t\tt1.r2.c2\t\t\tkronor\n"
	    "cell\t0\t\t\tt1.r3.c1\t\t\t1 000\n"
	    "cell\t0\t\t\tt1.r3.c2\t\t\t2 000\n"
	    "footnote\t0\t\t\tfn:2\t\t\tJfr prop. 2009/10:156.\n"
	    "header\t0\t\t\thdr:default\t\t\tSida\n";
	ldiff_clauses *cs = split(in, 0);

	ok(cs != NULL, "paragraph stream splits");
	if (cs == NULL)
		return;
	is_str(show(cs, "1"), "1||section|1.|Parter", "numbered heading");
	is_str(show(cs, "1.1"), "1.1|1|clause|1.1.|Parterna är:",
	    "numbered clause under its section");
	is_str(show(cs, "1.1/•2"), "1.1/•2|1.1|bullet|–|Kommunerna",
	    "bullet under the lead-in");
	is_str(show(cs, "1.2 a)"), "1.2 a)|1.2|item|a)|samverka,",
	    "lettered item qualified by its parent");
	is_str(show(cs, "1.2 b)"), "1.2 b)|1.2|item|b)|informera varandra.",
	    "second lettered item");
	is_str(show(cs, "Parter/1.1"), "Parter/1.1|1|section|1.1.|Underrubrik",
	    "clashing id qualified by the section");
	is_str(show(cs, "1.1.1"), "1.1.1|Parter/1.1|clause|1.1.1.|Djup klausul.",
	    "clause under a subsection");
	is_str(show(cs, "Bakgrund"), "Bakgrund||section||Bakgrund",
	    "unnumbered heading: its text");
	is_str(show(cs, "Bakgrund/¶2"), "Bakgrund/¶2|Bakgrund|clause||"
	    "Andra stycket.", "unnumbered paragraphs: section and ordinal, "
	    "empty ones skipped");
	is_str(show(cs, "row:Umeå kommun"), "row:Umeå kommun|Bakgrund|row||"
	    "Umeå kommun\t3 275 000\nkronor", "row: key cell, cells by TAB");
	is_str(show(cs, "t1.r3"), "t1.r3|Bakgrund|row||1 000\t2 000",
	    "row without a letter: its place");
	is_str(show(cs, "fn:2"), "fn:2|1.2|note||Jfr prop. 2009/10:156.",
	    "footnote under the clause citing it");
	is_str(find(cs, "fn:2")->section, "Parter", "note in its section");
	is_str(show(cs, "hdr:default"), "hdr:default||other||Sida",
	    "header kept as other");
	is_str(find(cs, "1.2 a)")->section, "Parter", "section text");
	ldiff_clauses_free(cs);
}

static void
test_typed(void)
{
	const char *in =
	    "ALLMÄNNA BESTÄMMELSER\n"
	    "1 § Denna lag gäller.\n"
	    "3 a § Särskilt.\n"
	    "2 kap. 3 § Kapitlet.\n"
	    "§ 4 Omvänd.\n"
	    "Bilaga 1 Budget för åren\n"
	    "Punkt 4: Avgifter tas ut.\n"
	    "1. Parter\n"
	    "1.1 Parterna är:\n"
	    "– Regionen\n"
	    "• Kommunerna\n"
	    "1.2.3 Djupt.\n"
	    "a) första,\n"
	    "b) andra.\n"
	    "Syfte\n"
	    "2.1. Syftet.\n"
	    "13.12.2013 var ett datum.\n"
	    "15 kommuner ingår.\n";
	ldiff_clauses *cs = split(in, 0);

	ok(cs != NULL, "plain text splits");
	if (cs == NULL)
		return;
	is_str(show(cs, "ALLMÄNNA BESTÄMMELSER"), "ALLMÄNNA BESTÄMMELSER||"
	    "section||ALLMÄNNA BESTÄMMELSER", "all capitals: a heading");
	is_str(show(cs, "1 §"), "1 §|ALLMÄNNA BESTÄMMELSER|clause|1 §|"
	    "Denna lag gäller.", "typed 1 § cut from the text");
	is_str(show(cs, "3 a §"), "3 a §|ALLMÄNNA BESTÄMMELSER|clause|3 a §|"
	    "Särskilt.", "typed 3 a §");
	is_str(show(cs, "2 kap. 3 §"), "2 kap. 3 §|ALLMÄNNA BESTÄMMELSER|"
	    "clause|2 kap. 3 §|Kapitlet.", "typed 2 kap. 3 §");
	is_str(show(cs, "§ 4"), "§ 4|ALLMÄNNA BESTÄMMELSER|clause|§ 4|Omvänd.",
	    "typed § 4");
	is_str(show(cs, "Bilaga 1"), "Bilaga 1||section|"
	    "Bilaga 1|Budget för åren", "typed Bilaga 1 heading a part (level 1)");
	is_str(show(cs, "Punkt 4"), "Punkt 4|Bilaga 1|clause|"
	    "Punkt 4:|Avgifter tas ut.", "typed Punkt 4:");
	is_str(show(cs, "1"), "1||section|1.|Parter",
	    "short line before a deeper number: a heading");
	is_str(show(cs, "1.1"), "1.1|1|clause|1.1|Parterna är:",
	    "typed 1.1 under heading 1");
	is_str(show(cs, "1.1/•1"), "1.1/•1|1.1|bullet|–|Regionen",
	    "typed dash bullet");
	is_str(show(cs, "1.1/•2"), "1.1/•2|1.1|bullet|•|Kommunerna",
	    "typed bullet");
	is_str(show(cs, "1.2.3"), "1.2.3|1.1|item|1.2.3|Djupt.",
	    "deeper number under a lead-in is its item");
	is_str(show(cs, "1.2.3 a)"), "1.2.3 a)|1.2.3|item|a)|första,",
	    "typed a) qualified");
	is_str(show(cs, "1.2.3 b)"), "1.2.3 b)|1.2.3|item|b)|andra.",
	    "typed b) a sibling of a)");
	is_str(show(cs, "Syfte"), "Syfte||section||Syfte",
	    "unnumbered short line before a number: a heading");
	is_str(show(cs, "2.1"), "2.1|Syfte|clause|2.1.|Syftet.",
	    "typed 2.1. keeps its dot in the label only");
	is_str(show(cs, "Syfte/¶1"), "Syfte/¶1|Syfte|clause||"
	    "13.12.2013 var ett datum.", "a date is not a number");
	is_str(show(cs, "Syfte/¶2"), "Syfte/¶2|Syfte|clause||"
	    "15 kommuner ingår.", "a count is not a number");
	ldiff_clauses_free(cs);
}

/* The label of the clause whose text is `text`, or "(none)". */
static const char *
label_of(const ldiff_clauses *cs, const char *text)
{
	size_t i;

	for (i = 0; i < ldiff_clauses_count(cs); i++)
		if (strcmp(ldiff_clauses_get(cs, i)->text, text) == 0)
			return ldiff_clauses_get(cs, i)->label;
	return "(none)";
}

/* Every way a typed number can begin, and words that only look like one
 * (clause.c rules most paragraphs out before its pattern runs). */
static void
test_typed_starts(void)
{
	const char *in =
	    "Parterna ska:\n"
	    "i) samverka,\n"
	    "iv) informera,\n"
	    "xviii) besluta,\n"
	    "ä) pröva,\n"
	    "(c) rapportera och\n"
	    "12) följa upp.\n"
	    "Kapitel 3 Ekonomin styrs.\n"
	    "Avsnitt 2: Reglerna gäller.\n"
	    "artikel 7 gäller också.\n"
	    "Artikel 8 gäller.\n"
	    "* Stjärnpunkt\n"
	    "Ko) är inget nummer.\n"
	    "xy) är inget nummer.\n"
	    "Stycke utan nummer.\n"
	    "kapitlet börjar med gemen.\n";
	ldiff_clauses *cs = split(in, 0);

	ok(cs != NULL, "typed starts split");
	if (cs == NULL)
		return;
	is_str(label_of(cs, "samverka,"), "i)", "i)");
	is_str(label_of(cs, "informera,"), "iv)", "iv)");
	is_str(label_of(cs, "pröva,"), "ä)", "ä) (a letter outside ASCII)");
	is_str(label_of(cs, "rapportera och"), "(c)", "(c)");
	is_str(label_of(cs, "följa upp."), "12)", "12)");
	is_str(label_of(cs, "Ekonomin styrs."), "Kapitel 3", "Kapitel 3");
	is_str(label_of(cs, "Reglerna gäller."), "Avsnitt 2:", "Avsnitt 2:");
	is_str(label_of(cs, "gäller också."), "artikel 7", "artikel 7");
	is_str(label_of(cs, "gäller."), "Artikel 8", "Artikel 8");
	is_str(label_of(cs, "Stjärnpunkt"), "*", "* bullet");
	is_str(label_of(cs, "Ko) är inget nummer."), "", "Ko) is text");
	is_str(label_of(cs, "xy) är inget nummer."), "", "xy) is text");
	is_str(label_of(cs, "Stycke utan nummer."), "", "a word is text");
	is_str(label_of(cs, "kapitlet börjar med gemen."), "",
	    "kapitlet is text");
	ldiff_clauses_free(cs);
}

/* A numbered heading without text ("3.") gives its paragraphs "/¶n":
 * never the "¶n" of the paragraphs before the first heading. */
static void
test_empty_heading_ids(void)
{
	const char *in = P
	    "paragraph\t0\t\t\t\t\t\tFöre.\n"
	    "heading\t1\t3.\tHeading 1\t\t\t\t\n"
	    "paragraph\t0\t\t\t\t\t\tEtt stycke.\n";
	ldiff_clauses *cs = split(in, 0);

	ok(cs != NULL, "empty heading splits");
	if (cs == NULL)
		return;
	is_str(show(cs, "¶1"), "¶1||clause||Före.", "before any heading: ¶1");
	is_str(show(cs, "/¶1"), "/¶1|3|clause||Ett stycke.",
	    "under a heading without text: /¶1");
	ldiff_clauses_free(cs);
}

/* "2 Parterna" is a number only on a heading; elsewhere it stays text. */
static void
test_heading_numbers(void)
{
	ldiff_clauses *cs = split(P
	    "heading\t1\t\t\t\t\t\t3 Syfte\n"
	    "heading\t2\t\t\t\t\t\t\xC2\xA0 \xC2\xA0\n"
	    "paragraph\t0\t\tNormal\t\t\t\t2 Parterna ska samverka.\n"
	    "heading\t2\t\t\t\t\t\t#1 Mål\n", 0);

	ok(cs != NULL, "typed heading numbers split");
	if (cs == NULL)
		return;
	is_str(show(cs, "3"), "3||section|3|Syfte", "typed number on a heading");
	is_str(show(cs, "Syfte/¶1"), "Syfte/¶1|3|clause||"
	    "2 Parterna ska samverka.", "not on a paragraph: text kept whole");
	is_int(ldiff_clauses_count(cs), 3, "a heading of NBSP only is none");
	is_str(show(cs, "id:#1 Mål"), "id:#1 Mål|3|section||#1 Mål",
	    "no id starts with '#' (a comment in the stream)");
	ldiff_clauses_free(cs);
}

/* Word's list numbers a clause after a lead-in and its bullets at the
 * lead-in's own level: the next clause, not an item of the lead-in; a
 * deeper "1." under a lead-in stays its item. */
static void
test_number_after_bullets(void)
{
	const char *in = P
	    "item\t1\t9.\tList Number\t\t\t\tAvtalet ska bidra till:\n"
	    "item\t1\t\xe2\x80\xa2\tList Bullet\t\t\t\ten sak, och\n"
	    "item\t1\t10.\tList Number\t\t\t\tAvtalet ska följas upp.\n"
	    "item\t1\t11.\tList Number\t\t\t\tParterna ska:\n"
	    "item\t2\t1.\tList Number 2\t\t\t\tsamverka.\n";
	ldiff_clauses *cs = split(in, 0);

	ok(cs != NULL, "numbers after bullets split");
	if (cs == NULL)
		return;
	is_str(show(cs, "9/•1"), "9/•1|9|bullet|•|en sak, och",
	    "bullet under the lead-in");
	is_str(show(cs, "10"), "10||clause|10.|Avtalet ska följas upp.",
	    "number after the bullets: the next clause");
	is_str(show(cs, "11 1"), "11 1|11|item|1.|samverka.",
	    "deeper number under a lead-in: its item");
	ldiff_clauses_free(cs);
}

static void
test_enumeration(void)
{
	const char *in =
	    "Bakgrund\n"
	    "1.1 Parterna ska verka för\n"
	    "en hållbar utveckling,\n"
	    "effektiva resurser, och\n"
	    "en tydlig rollfördelning.\n"
	    "Detta gäller alla.\n"
	    "Samverkan bygger på\n"
	    "respekt,\n"
	    "öppenhet.\n";
	ldiff_clauses *cs = split(in, 0);

	ok(cs != NULL, "enumeration splits");
	if (cs == NULL)
		return;
	is_str(show(cs, "1.1/•3"), "1.1/•3|1.1|item||en tydlig rollfördelning.",
	    "Swedish enumeration without a colon: items");
	is_str(show(cs, "Bakgrund/¶1"), "Bakgrund/¶1|Bakgrund|clause||"
	    "Detta gäller alla.", "after the enumeration: a paragraph");
	is_str(show(cs, "Bakgrund/¶3"), "Bakgrund/¶3|Bakgrund|clause||"
	    "respekt,", "no 'och' before the last: no enumeration");
	ldiff_clauses_free(cs);
}

static void
test_row_keys(void)
{
	ldiff_clauses *cs = split(P
	    "cell\t0\t\t\tt1.r1.c1\t\t\tSkellefteå kommun\n"
	    "cell\t0\t\t\tt1.r1.c1\t\t\tmed Jörn\n"
	    "cell\t0\t\t\tt1.r2.c1\t\t\t"
	    "Åååååååååååååååååååååååååååååååååååååååååååååååååååååååååååå"
	    "xyz\n", 0);

	ok(cs != NULL, "row keys split");
	if (cs == NULL)
		return;
	ok(find(cs, "row:Skellefteå kommun") != NULL,
	    "row key: the first paragraph of the cell");
	ok(find(cs, "row:"
	    "Åååååååååååååååååååååååååååååååååååååååååååååååååååååååååååå")
	    != NULL, "row key: at most 60 characters");
	ldiff_clauses_free(cs);
}

static void
test_toc(void)
{
	ldiff_clauses *cs = split(P
	    "paragraph\t0\t\tTOC 1\t\t\t\t1\\tParter\\t3\n"
	    "paragraph\t0\t\ttoc 2\t\t\t\t1.1 Bakgrund\\t3\n"
	    "heading\t1\t1.\tHeading 1\t\t\t\tParter\n"
	    "heading\t2\t1.1.\tHeading 2\t\t\t\tBakgrund\n", 0);

	ok(cs != NULL, "table of contents splits");
	if (cs == NULL)
		return;
	is_str(show(cs, "toc:2"), "toc:2||other||1.1 Bakgrund\t3",
	    "a contents line is kind other");
	is_str(show(cs, "1.1"), "1.1|1|section|1.1.|Bakgrund",
	    "the heading keeps its number");
	ldiff_clauses_free(cs);
}

static void
test_renumbered(void)
{
	ldiff_clauses *a = split("1. Parter\n1.1 Parterna samverkar.\n"
	    "1.2 Regionen leder.\n", 0);
	ldiff_clauses *b = split("1. Parter\n1.1 Nytt.\n1.2 Parterna "
	    "samverkar.\n1.3 Regionen leder.\n", 0);

	ok(a != NULL && b != NULL, "two versions split");
	if (a != NULL && b != NULL) {
		is_str(find(a, "1.2")->text, find(b, "1.3")->text,
		    "renumbered clause: same text");
		is_str(find(b, "1.3")->label, "1.3", "its new number");
	}
	ldiff_clauses_free(a);
	ldiff_clauses_free(b);
}

static void
test_duplicates(void)
{
	ldiff_clauses *cs = split(P
	    "heading\t1\t\t\t\t\t\tSyfte\n"
	    "item\t1\t1.\t\t\t\t\tEtt.\n"
	    "heading\t1\t\t\t\t\t\tMål\n"
	    "item\t1\t1.\t\t\t\t\tEtt igen.\n"
	    "heading\t1\t\t\t\t\t\tMål\n"
	    "item\t1\t1.\t\t\t\t\tTredje.\n", 0);

	ok(cs != NULL, "restarting lists split");
	if (cs == NULL)
		return;
	is_str(show(cs, "1"), "1|Syfte|clause|1.|Ett.", "first keeps its id");
	is_str(show(cs, "Mål/1"), "Mål/1|Mål|clause|1.|Ett igen.",
	    "second qualified by its section");
	is_str(show(cs, "Mål#2"), "Mål#2||section||Mål", "same heading twice");
	is_str(show(cs, "1#2"), "1#2|Mål#2|clause|1.|Tredje.",
	    "third numbered");
	ldiff_clauses_free(cs);
}

static void
test_sentences(void)
{
	ldiff_clauses *cs = split("1. Parter\n1.1 Regionen leder. "
	    "Kommunerna bidrar, t.ex. med kansli.\n", 1);
	const ldiff_clause *s2;

	ok(cs != NULL, "split with sentences");
	if (cs == NULL)
		return;
	is_str(show(cs, "1.1#s1"), "1.1#s1|1.1|sentence|1.1|Regionen leder.",
	    "first sentence carries the clause's label");
	s2 = find(cs, "1.1#s2");
	ok(s2 != NULL && strcmp(s2->text,
	    "Kommunerna bidrar, t.ex. med kansli.") == 0 &&
	    s2->label[0] == '\0', "second sentence, abbreviation kept, "
	    "no label");
	is_str(show(cs, "1#s1"), "1#s1|1|sentence|1.|Parter",
	    "a heading is a sentence too, with its number");
	ldiff_clauses_free(cs);
}

/* --sentences --plain shows the body whole: labels in front of their
 * first sentence or alone, headings, rows cell by cell with their cells'
 * list numbers, table of contents lines; notes, headers left out. */
static void
test_sentence_view(void)
{
	ldiff_clauses *cs = split(P
	    "paragraph\t0\t2.\tTOC 1\t\t\t\tSyfte\n"
	    "heading\t1\t1.\tHeading 1\t\t\t\tParter\n"
	    "item\t1\t1.1.\tList\t\tfn:1\t\tEtt. Två.\n"
	    "item\t1\t1.2.\tList\t\t\t\t\n"
	    "heading\t1\t2.\tHeading 1\t\t\t\t\n"
	    "cell\t0\t\t\tt1.r1.c1\t\t\tNamn. Ort\n"
	    "cell\t0\ta)\t\tt1.r1.c2\t\t\tAnna. Umeå\n"
	    "footnote\t0\t\t\tfn:1\t\t\tNot.\n"
	    "header\t0\t\t\thdr:default\t\t\tSida\n", 1);
	size_t len = 0;
	char *out;

	ok(cs != NULL, "sentence view: splits");
	if (cs == NULL)
		return;
	out = write_mem(cs, LDIFF_FMT_SENTENCES, &len);
	is_str(out, "2. Syfte\n\n1. Parter\n\n1.1. Ett.\nTvå.\n\n1.2.\n\n"
	    "2.\n\nNamn.\nOrt\na) Anna.\nUmeå\n",
	    "sentence view: labels kept, label-only lines, rows by cell");
	is_str(show(cs, "fn:1#s1"), "fn:1#s1|fn:1|sentence||Not.",
	    "a note keeps its sentences in the stream");
	free(out);
	ldiff_clauses_free(cs);
}

static void
test_roundtrip(void)
{
	const char *in = P
	    "heading\t1\t1.\t\t\t\t\tParter\\tmed\\\\tab\n"
	    "item\t2\t1.1.\t\t\t\t\tRad ett\\nrad två\n"
	    "cell\t0\t\t\tt1.r1.c1\t\t\tUmeå\n"
	    "cell\t0\t\t\tt1.r1.c2\t\t\t\"1\"\n";
	ldiff_clauses *cs = split(in, 1), *back = NULL;
	char *tsv, *tsv2, *json, *json2;
	size_t n, n2, jn, jn2;
	int r;

	ok(cs != NULL, "split for round trip");
	if (cs == NULL)
		return;
	tsv = write_mem(cs, LDIFF_FMT_TSV, &n);
	r = ldiff_clauses_from_records(&back, tsv, n, NULL, NULL);
	is_int(r, 0, "TSV reads back");
	tsv2 = back != NULL ? write_mem(back, LDIFF_FMT_TSV, &n2) : NULL;
	ok(tsv2 != NULL && n == n2 && memcmp(tsv, tsv2, n) == 0,
	    "TSV: read and written again, the same bytes");
	ldiff_clauses_free(back);
	back = NULL;
	json = write_mem(cs, LDIFF_FMT_JSON, &jn);
	ok(strstr(json, "\"cells\":[\"Umeå\",\"\\\"1\\\"\"]") != NULL,
	    "JSON row has its cells");
	r = ldiff_clauses_from_any(&back, json, jn, NULL, NULL, NULL);
	is_int(r, 0, "JSON reads back through from_any");
	json2 = back != NULL ? write_mem(back, LDIFF_FMT_JSON, &jn2) : NULL;
	ok(json2 != NULL && jn == jn2 && memcmp(json, json2, jn) == 0,
	    "JSON: read and written again, the same bytes");
	free(tsv2);
	tsv2 = back != NULL ? write_mem(back, LDIFF_FMT_TSV, &n2) : NULL;
	ok(tsv2 != NULL && n == n2 && memcmp(tsv, tsv2, n) == 0,
	    "JSON and TSV carry the same records");
	ldiff_clauses_free(back);
	free(tsv);
	free(tsv2);
	free(json);
	free(json2);
	ldiff_clauses_free(cs);
}

/* Expect an error of that code on that line. */
static void
bad_stream(const char *in, size_t len, int code, long line,
    const char *name)
{
	ldiff_clauses *cs = NULL;
	ldiff_error err;
	ldiff_split_opts o;
	int r;

	ldiff_split_opts_init(&o);
	o.limits.max_para_bytes = 200;
	memset(&err, 0, sizeof err);
	r = ldiff_clauses_from_records(&cs, in, len, &o, &err);
	if (!ok(r == code && err.line == line && cs == NULL, name))
		diag("got %d at line %ld (%s)", r, err.line, err.msg);
	ldiff_clauses_free(cs);
}

#define C "#klausul-clauses 1\n"
#define BAD(s, code, line, name) bad_stream(s, sizeof s - 1, code, line, name)

static void
test_errors(void)
{
	static const char crlf[] = C "1\t\tclause\t0\t\t\tx\r\n"
	    "2\t\tclause\t0\t\t\ty";
	char longline[400];
	ldiff_clauses *cs = NULL;
	int r;

	BAD(C "1\t\tclause\t0\t\t\n", LDIFF_ERECORD, 2, "too few fields");
	BAD(C "1\t\tclause\t0\t\t\tx\ty\n", LDIFF_ERECORD, 2,
	    "too many fields");
	BAD(C "1\t\tclause\t0\t\t\tx\\q\n", LDIFF_ERECORD, 2, "bad escape");
	BAD(C "1\t\tclause\t0\t\t\tx\\\n", LDIFF_ERECORD, 2, "lone backslash");
	BAD(C "1\t\tchapter\t0\t\t\tx\n", LDIFF_ERECORD, 2, "unknown kind");
	BAD(C "1\t\tclause\t01\t\t\tx\n", LDIFF_ERECORD, 2,
	    "level with a leading zero");
	BAD(C "1\t\tclause\t-1\t\t\tx\n", LDIFF_ERECORD, 2, "negative level");
	BAD(C "1\t\tclause\t100\t\t\tx\n", LDIFF_ERECORD, 2, "level too big");
	BAD(C "\t\tclause\t0\t\t\tx\n", LDIFF_ERECORD, 2, "empty id");
	BAD(C "# a comment\n\n1\t\tclause\t0\t\t\tx\n"
	    "1\t\tclause\t0\t\t\ty\n", LDIFF_ERECORD, 5,
	    "comments and empty lines skipped, lines still counted");
	BAD(C "1\t\tclause\t0\t\t\tx\n2\t\tclause\t0\t\t\ty\n"
	    "1\t\tclause\t0\t\t\tz\n", LDIFF_ERECORD, 4, "duplicate id");
	BAD(C "1\t\tclause\t0\t\t\t\xC3\x28\n", LDIFF_EUTF8, 2,
	    "invalid UTF-8");
	BAD(C "1\t\tclause\t0\t\t\tx\0y\n", LDIFF_ERECORD, 2, "NUL byte");
	BAD("#klausul-clauses 2\n1\t\tclause\t0\t\t\tx\n", LDIFF_ERECORD, 1,
	    "unknown version");
	BAD("{\"id\":\"1\",\"kind\":\"clause\"}\n", LDIFF_ERECORD, 1,
	    "JSON without text");
	BAD("{\"id\":\"1\",\"kind\":\"clause\",\"text\":\"x\"\n",
	    LDIFF_ERECORD, 1, "broken JSON");
	BAD("{\"id\":\"1\",\"kind\":\"clause\",\"level\":1.5,\"text\":\"x\"}\n",
	    LDIFF_ERECORD, 1, "JSON bad level");
	memset(longline, 'x', sizeof longline);
	memcpy(longline, C "1\t\tclause\t0\t\t\t", 30);
	longline[sizeof longline - 1] = '\n';
	bad_stream(longline, sizeof longline, LDIFF_ELIMIT, 2,
	    "line longer than --max-paragraph");

	r = ldiff_clauses_from_records(&cs, crlf, strlen(crlf), NULL, NULL);
	ok(r == 0 && ldiff_clauses_count(cs) == 2 &&
	    strcmp(ldiff_clauses_get(cs, 0)->text, "x") == 0,
	    "CRLF read as LF; no final newline is fine");
	ldiff_clauses_free(cs);
}

static void
test_limits(void)
{
	ldiff_split_opts o;
	ldiff_clauses *cs = NULL;
	ldiff_error err;
	const char *in = "a.\nb.\nc.\nd.\n";
	int r;

	ldiff_split_opts_init(&o);
	o.limits.max_clauses = 3;
	r = ldiff_clauses_from_any(&cs, in, strlen(in), NULL, &o, &err);
	ok(r == LDIFF_ELIMIT && cs == NULL &&
	    strstr(err.msg, "--max-clauses") != NULL,
	    "more clauses than --max-clauses");
}

/* Every allocation failing in turn: an error or a result, never a
 * crash or a leak (valgrind and ASan check the rest). */
static void
test_oom(void)
{
	const char *in = P
	    "heading\t1\t1.\t\t\t\t\tParter\n"
	    "item\t2\t1.1.\t\t\tfn:1\t\tParterna är:\n"
	    "item\t1\t–\t\t\t\t\tRegionen\n"
	    "cell\t0\t\t\tt1.r1.c1\t\t\tUmeå\n"
	    "footnote\t0\t\t\tfn:1\t\t\tNot.\n";
	long n;
	int failed = 0, okays = 0;

	for (n = 0; n < 400; n++) {
		ldiff_clauses *cs = NULL;
		int r;

		ld_alloc_fail_after(n);
		r = ldiff_clauses_from_any(&cs, in, strlen(in), NULL, NULL,
		    NULL);
		ld_alloc_fail_after(-1);
		if (r == 0 && cs != NULL)
			okays++;
		else if (r != LDIFF_ENOMEM || cs != NULL)
			failed++;
		ldiff_clauses_free(cs);
	}
	is_int(failed, 0, "out of memory: LDIFF_ENOMEM and nothing else");
	ok(okays > 0, "and enough memory: a result");
}

/* The same for a clause stream read with --sentences. */
static void
test_oom_sentences(void)
{
	static const char in[] = "#klausul-clauses 1\n"
	    "1\t\tsection\t1\t1.\tParter\tParter\n"
	    "1.1\t1\tclause\t2\t1.1.\tParter\tEtt. Två, t.ex. tre.\n"
	    "fn:1\t1.1\tnote\t0\t\tParter\tNot.\n";
	ldiff_split_opts o;
	long n;
	int failed = 0, okays = 0;

	ldiff_split_opts_init(&o);
	o.sentences = 1;
	for (n = 0; n < 200; n++) {
		ldiff_clauses *cs = NULL;
		int r;

		ld_alloc_fail_after(n);
		r = ldiff_clauses_from_records(&cs, in, strlen(in), &o, NULL);
		ld_alloc_fail_after(-1);
		if (r == 0 && cs != NULL && ldiff_clauses_count(cs) == 7)
			okays++;
		else if (r != LDIFF_ENOMEM || cs != NULL)
			failed++;
		ldiff_clauses_free(cs);
	}
	is_int(failed, 0, "stream with sentences, out of memory: ENOMEM");
	ok(okays > 0, "and enough memory: 3 records and 4 sentences "
	    "(the heading's too)");
}

/* The paragraph reader normalizes every field; its fast path for text
 * that is already NFC must not let anything else through. */
static void
test_nfc_fast_path(void)
{
	static const char nfc[] = "Umeå – ”x” 1\xC2\xA0" "000";
	ld_arena *a = ld_arena_new();

	is_str(ld_utf8_nfc(a, nfc, strlen(nfc)), nfc, "NFC text kept as is");
	is_str(ld_utf8_nfc(a, "Ume\x61\xCC\x8A", 7), "Umeå",
	    "decomposed å composed");
	is_str(ld_utf8_nfc(a, "a\xE2\x80\x80" "b", 5), "a\xE2\x80\x82" "b",
	    "U+2000 becomes U+2002");
	ok(ld_utf8_nfc(a, "a\xC3", 2) == NULL, "invalid UTF-8 refused");
	ld_arena_free(a);
}

int
main(void)
{
	plan_no_plan();
	test_kinds();
	test_docx_like();
	test_typed();
	test_typed_starts();
	test_empty_heading_ids();
	test_heading_numbers();
	test_enumeration();
	test_number_after_bullets();
	test_row_keys();
	test_toc();
	test_renumbered();
	test_duplicates();
	test_sentences();
	test_sentence_view();
	test_roundtrip();
	test_errors();
	test_limits();
	test_oom();
	test_oom_sentences();
	test_nfc_fast_path();
	return done_testing();
}
