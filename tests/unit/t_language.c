/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_language.c - språkvård is not a change of substance, a change of
 * meaning always is.  Realistic clause pairs from Swedish agreements:
 * rewrites (skall -> ska, bl.a. -> bland annat, fyra -> 4, den 1 januari
 * 2027 -> 2027-01-01 ...) must come out not substantive, with a language
 * edit; look-alikes (a modal verb, a negation, another number, date or
 * time, fr.o.m. -> t.o.m., an abbreviation replaced by a word that is not
 * its expansion) must come out substantive, every one of them. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

struct pair {
	const char *old, *new;
};

static const struct pair rewrites[] = {
	/* spelling variants and archaic forms */
	{ "Parterna skall samverka i frågor om regional utveckling.",
	  "Parterna ska samverka i frågor om regional utveckling." },
	{ "Avtalet gäller ej för verksamhet som bedrivs utomlands.",
	  "Avtalet gäller inte för verksamhet som bedrivs utomlands." },
	{ "Kostnaden får icke överstiga den beslutade budgeten.",
	  "Kostnaden får inte överstiga den beslutade budgeten." },
	{ "Skall parterna inte enas avgörs frågan av styrgruppen.",
	  "Ska parterna inte enas avgörs frågan av styrgruppen." },
	{ "Kostnader för resor ersätts ej.",
	  "Kostnader för resor ersätts inte." },
	{ "Parten skall icke utan samtycke överlåta avtalet.",
	  "Parten ska inte utan samtycke överlåta avtalet." },
	/* abbreviations and their expansions */
	{ "Regionen ansvarar bl.a. för kollektivtrafiken.",
	  "Regionen ansvarar bland annat för kollektivtrafiken." },
	{ "Insatser som t.ex. kompetensutveckling omfattas.",
	  "Insatser som till exempel kompetensutveckling omfattas." },
	{ "Ersättning utgår enl. bilaga 2.",
	  "Ersättning utgår enligt bilaga 2." },
	{ "Avtalet gäller fr.o.m. den 1 januari 2027.",
	  "Avtalet gäller från och med den 1 januari 2027." },
	{ "Uppdraget löper t.o.m. 2030-12-31.",
	  "Uppdraget löper till och med 2030-12-31." },
	{ "Regionen ansvarar för planering, uppföljning m.m.",
	  "Regionen ansvarar för planering, uppföljning med mera." },
	{ "Kommunerna, dvs. de tolv kommunerna i länet, deltar.",
	  "Kommunerna, det vill säga de tolv kommunerna i länet, deltar." },
	{ "Parterna bidrar med 40 resp. 60 procent av kostnaden.",
	  "Parterna bidrar med 40 respektive 60 procent av kostnaden." },
	{ "Beloppet är 500 000 kronor inkl. moms.",
	  "Beloppet är 500 000 kronor inklusive moms." },
	{ "Den s.k. styrgruppen sammanträder kvartalsvis.",
	  "Den så kallade styrgruppen sammanträder kvartalsvis." },
	{ "Projektet omfattar ca 200 deltagare.",
	  "Projektet omfattar cirka 200 deltagare." },
	{ "Avgiften är 250 kr per st.",
	  "Avgiften är 250 kronor per styck." },
	{ "Överenskommelsen gäller t.v.",
	  "Överenskommelsen gäller tills vidare." },
	{ "Bidraget avser p.g.a. förseningen endast år 2027.",
	  "Bidraget avser på grund av förseningen endast år 2027." },
	{ "Beslut fattas med enkel majoritet, dvs. mer än hälften av "
	  "rösterna.",
	  "Beslut fattas med enkel majoritet, det vill säga mer än hälften av "
	  "rösterna." },
	{ "Kommunerna ska bl.a. svara för lokaler, teknik m.m.",
	  "Kommunerna ska bland annat svara för lokaler, teknik med mera." },
	/* numbers in words and figures, percent */
	{ "Styrgruppen sammanträder 4 ggr per år.",
	  "Styrgruppen sammanträder fyra gånger per år." },
	{ "Varje kommun utser tre (3) ledamöter.",
	  "Varje kommun utser tre ledamöter." },
	{ "Varje kommun utser tre ledamöter.",
	  "Varje kommun utser 3 ledamöter." },
	{ "Avtalet omfattar tjugoen projekt.",
	  "Avtalet omfattar 21 projekt." },
	{ "Insatsen pågår i tolv månader.",
	  "Insatsen pågår i 12 månader." },
	{ "Avtalet har upprättats i två (2) likalydande exemplar.",
	  "Avtalet har upprättats i två likalydande exemplar." },
	{ "Rapportering sker fyra gånger per år.",
	  "Rapportering sker 4 gånger per år." },
	{ "Avtalet följs upp det 3:e året.",
	  "Avtalet följs upp det tredje året." },
	{ "Andelen uppgår till 25 procent.",
	  "Andelen uppgår till 25 %." },
	{ "Regionen står för 50 % av kostnaden.",
	  "Regionen står för 50 procent av kostnaden." },
	{ "Varje kommun utser en ledamot.",
	  "Varje kommun utser 1 ledamot." },
	/* dates, sections, clock times */
	{ "Rapporten lämnas senast den 1 mars 2027.",
	  "Rapporten lämnas senast 2027-03-01." },
	{ "Avtalet träder i kraft 1 jan. 2027.",
	  "Avtalet träder i kraft 2027-01-01." },
	{ "Ersättningen betalas ut senast den 31 dec. 2027.",
	  "Ersättningen betalas ut senast 2027-12-31." },
	{ "Enligt 5 § ska parterna samråda.",
	  "Enligt § 5 ska parterna samråda." },
	{ "Mötet börjar kl. 13.00 i regionhuset.",
	  "Mötet börjar klockan 13.00 i regionhuset." },
	{ "Mötet hålls kl. 9.30 i kommunhuset.",
	  "Mötet hålls klockan 9.30 i kommunhuset." },
	/* plain-language replacements, an omitted "har" */
	{ "Regionen ska tillse att uppföljning sker.",
	  "Regionen ska se till att uppföljning sker." },
	{ "Kommunen erhåller ersättning kvartalsvis.",
	  "Kommunen får ersättning kvartalsvis." },
	{ "Part äger rätt att säga upp avtalet.",
	  "Part har rätt att säga upp avtalet." },
	{ "Ändringar som beslutats av styrgruppen gäller.",
	  "Ändringar som har beslutats av styrgruppen gäller." },
	{ "Erforderliga medel avsätts i budgeten.",
	  "Nödvändiga medel avsätts i budgeten." },
	{ "Samtliga kommuner i länet deltar.",
	  "Alla kommuner i länet deltar." },
	{ "Regionen tillställer kommunerna rapporten.",
	  "Regionen skickar kommunerna rapporten." },
	{ "Parterna ska ånyo pröva frågan.",
	  "Parterna ska på nytt pröva frågan." },
	{ "Ansökan ska ha inkommit senast den 15 april 2027.",
	  "Ansökan ska ha kommit in senast 2027-04-15." },
	/* several at once */
	{ "Uppsägning skall ske skriftligen, dock ej senare än sex månader "
	  "före periodens slut.",
	  "Uppsägning ska ske skriftligen, dock inte senare än 6 månader "
	  "före periodens slut." },
	{ "Verksamhet som ej erhållit stöd redovisas separat.",
	  "Verksamhet som inte fått stöd redovisas separat." },
	{ "Mötet hålls den 1 januari 2027 kl. 13.00 enl. 5 §.",
	  "Mötet hålls 2027-01-01 klockan 13.00 enligt § 5." },
};

static const struct pair lookalikes[] = {
	/* modal verbs */
	{ "Parterna skall samverka i frågor om regional utveckling.",
	  "Parterna bör samverka i frågor om regional utveckling." },
	{ "Parterna ska samverka i frågor om regional utveckling.",
	  "Parterna får samverka i frågor om regional utveckling." },
	{ "Kommunen kan ansöka om bidrag hos regionen.",
	  "Kommunen ska ansöka om bidrag hos regionen." },
	{ "Parterna bör samråda före beslut.",
	  "Parterna kan samråda före beslut." },
	{ "Parterna skall bl.a. samverka.",
	  "Parterna bör bland annat samverka." },
	/* negations added or removed */
	{ "Avtalet gäller ej för verksamhet som bedrivs utomlands.",
	  "Avtalet gäller för verksamhet som bedrivs utomlands." },
	{ "Kostnaden får överstiga den beslutade budgeten.",
	  "Kostnaden får inte överstiga den beslutade budgeten." },
	{ "Parten skall icke utan samtycke överlåta avtalet.",
	  "Parten ska utan samtycke överlåta avtalet." },
	{ "Part får säga upp avtalet i förtid.",
	  "Part får ej säga upp avtalet i förtid." },
	/* other numbers, dates, times, sections */
	{ "Styrgruppen sammanträder 4 ggr per år.",
	  "Styrgruppen sammanträder fem gånger per år." },
	{ "Varje kommun utser tre (3) ledamöter.",
	  "Varje kommun utser fyra ledamöter." },
	{ "Avtalet har upprättats i två (2) likalydande exemplar.",
	  "Avtalet har upprättats i tre (3) likalydande exemplar." },
	{ "Insatsen pågår i tolv månader.",
	  "Insatsen pågår i 13 månader." },
	{ "Varje kommun utser en ledamot.",
	  "Varje kommun utser 2 ledamöter." },
	{ "Avtalet följs upp det 3:e året.",
	  "Avtalet följs upp det fjärde året." },
	{ "Rapporten lämnas senast den 1 mars 2027.",
	  "Rapporten lämnas senast 2027-04-01." },
	{ "Avtalet träder i kraft 1 jan. 2027.",
	  "Avtalet träder i kraft 2028-01-01." },
	{ "Mötet börjar kl. 13.00 i regionhuset.",
	  "Mötet börjar klockan 14.00 i regionhuset." },
	{ "Enligt 5 § ska parterna samråda.",
	  "Enligt § 6 ska parterna samråda." },
	{ "Kommunerna, dvs. de tolv kommunerna i länet, deltar.",
	  "Kommunerna, dvs. de tretton kommunerna i länet, deltar." },
	{ "Regionen står för 50 % av kostnaden.",
	  "Regionen står för 60 procent av kostnaden." },
	/* opposite abbreviations, percent against percentage points */
	{ "Avtalet gäller fr.o.m. den 1 januari 2027.",
	  "Avtalet gäller till och med den 1 januari 2027." },
	{ "Uppdraget löper t.o.m. 2030-12-31.",
	  "Uppdraget löper från och med 2030-12-31." },
	{ "Beloppet är 500 000 kronor inkl. moms.",
	  "Beloppet är 500 000 kronor exklusive moms." },
	{ "Andelen höjs med 2 procent.",
	  "Andelen höjs med 2 procentenheter." },
	/* an abbreviation replaced by a word that is not its expansion */
	{ "Regionen ansvarar bl.a. för kollektivtrafiken.",
	  "Regionen ansvarar till exempel för kollektivtrafiken." },
	{ "Ersättning utgår enl. bilaga 2.",
	  "Ersättning utgår utöver bilaga 2." },
	{ "Projektet omfattar ca 200 deltagare.",
	  "Projektet omfattar minst 200 deltagare." },
	{ "Parterna bidrar med 40 resp. 60 procent av kostnaden.",
	  "Parterna bidrar med 40 och 60 procent av kostnaden." },
	{ "Den s.k. styrgruppen sammanträder kvartalsvis.",
	  "Den nya styrgruppen sammanträder kvartalsvis." },
	{ "Avgiften är 250 kr per st.",
	  "Avgiften är 250 kr per timme." },
	/* plain-language look-alikes that change the meaning */
	{ "Regionen ska tillse att uppföljning sker.",
	  "Regionen ska medverka till att uppföljning sker." },
	{ "Kommunen erhåller ersättning kvartalsvis.",
	  "Kommunen lämnar ersättning kvartalsvis." },
	{ "Part äger rätt att säga upp avtalet.",
	  "Part har inte rätt att säga upp avtalet." },
	{ "Ändringar som har beslutats av styrgruppen gäller.",
	  "Ändringar som hade beslutats av styrgruppen gäller." },
	{ "Styrgruppen har beslutat om budgeten.",
	  "Styrgruppen beslutat om budgeten." },
	{ "Samtliga kommuner i länet deltar.",
	  "Några kommuner i länet deltar." },
	{ "Ersättning utgår ej för resor.",
	  "Ersättning utgår endast för resor." },
	{ "Varje kommun betalar en avgift.",
	  "Varje kommun betalar ett tillägg." },
};

#define NREWRITES (sizeof rewrites / sizeof rewrites[0])
#define NLOOKALIKES (sizeof lookalikes / sizeof lookalikes[0])

static void
show_edits(const ld_textdiff *td)
{
	size_t i;

	for (i = 0; i < td->n; i++)
		if (td->edits[i].op != LDIFF_EDIT_EQUAL)
			diag("  '%s' -> '%s' class %#x", td->edits[i].old_text,
			    td->edits[i].new_text, td->edits[i].cls);
}

/* Not substantive, only language (and typography) edits, one at least. */
static int
check_rewrite(ld_arena *a, const struct pair *p)
{
	const unsigned quiet = LDIFF_CLASS_LANGUAGE | LDIFF_CLASS_TYPOGRAPHY;
	ld_textdiff td;
	char name[160];
	int good;

	if (ld_text_diff(a, p->old, p->new, 0, &td) != 0)
		return ok(0, "ld_text_diff");
	good = !td.substantive && (td.cls & LDIFF_CLASS_LANGUAGE) &&
	    (td.cls & ~quiet) == 0;
	snprintf(name, sizeof name, "rewrite, language, not substantive: "
	    "%.100s", p->new);
	ok(good, name);
	if (!good)
		show_edits(&td);
	return good;
}

/* Substantive, with a class other than language or typography. */
static int
check_lookalike(ld_arena *a, const struct pair *p)
{
	const unsigned quiet = LDIFF_CLASS_LANGUAGE | LDIFF_CLASS_TYPOGRAPHY;
	ld_textdiff td;
	char name[160];
	int good;

	if (ld_text_diff(a, p->old, p->new, 0, &td) != 0)
		return ok(0, "ld_text_diff");
	good = td.substantive && (td.cls & ~quiet) != 0;
	snprintf(name, sizeof name, "change of substance flagged: %.100s",
	    p->new);
	ok(good, name);
	if (!good)
		show_edits(&td);
	return good;
}

/* The edit with old text old, or NULL. */
static const ldiff_edit *
edit_of(const ld_textdiff *td, const char *old)
{
	size_t i;

	for (i = 0; i < td->n; i++)
		if (td->edits[i].op != LDIFF_EDIT_EQUAL &&
		    strcmp(td->edits[i].old_text, old) == 0)
			return &td->edits[i];
	return NULL;
}

/* A rewrite is one edit, and stays one next to a real change. */
static void
test_one_edit(ld_arena *a)
{
	ld_textdiff td;
	const ldiff_edit *e;

	ld_text_diff(a, "Parterna skall bl.a. samverka.",
	    "Parterna ska bland annat samverka.", 0, &td);
	e = edit_of(&td, "bl.a.");
	ok(e != NULL && strcmp(e->new_text, "bland annat") == 0 &&
	    e->cls == LDIFF_CLASS_LANGUAGE,
	    "[-bl.a.-]{+bland annat+} is one language edit");
	e = edit_of(&td, "skall");
	ok(e != NULL && strcmp(e->new_text, "ska") == 0 &&
	    e->cls == LDIFF_CLASS_LANGUAGE, "[-skall-]{+ska+} one edit");
	ld_text_diff(a, "Rapporten lämnas senast den 1 mars 2027.",
	    "Rapporten lämnas senast 2027-03-01.", 0, &td);
	e = edit_of(&td, "den 1 mars 2027");
	ok(e != NULL && strcmp(e->new_text, "2027-03-01") == 0 &&
	    e->cls == LDIFF_CLASS_LANGUAGE && !e->has_values,
	    "a date written another way is one language edit");
	ld_text_diff(a, "Parterna skall bl.a. samverka.",
	    "Parterna bör bland annat samverka.", 0, &td);
	e = edit_of(&td, "skall");
	ok(e != NULL && strcmp(e->new_text, "bör") == 0 &&
	    e->cls == LDIFF_CLASS_WORDING, "the modal verb is wording");
	e = edit_of(&td, "bl.a.");
	ok(e != NULL && e->cls == LDIFF_CLASS_LANGUAGE,
	    "the rewrite beside it is still shown, as language");
	ok(td.substantive, "  and the clause is substantive");
}

/* The class name and the matcher on its own. */
static void
test_names(void)
{
	is_str(ldiff_class_name(LDIFF_CLASS_LANGUAGE), "language",
	    "class name: language");
	ok(ld_sv_same_meaning("m.m.", 4, "med mera.", 9),
	    "m.m. ending a sentence is med mera.");
	ok(!ld_sv_same_meaning("en", 2, "ett", 3),
	    "en and ett are each 1, not each other");
	ok(!ld_sv_same_meaning("", 0, "inte", 4), "a negation is no rewrite");
	ok(!ld_sv_may_rewrite("regionen samverkar", 18),
	    "plain words have no reading in the tables");
	is_int(ld_sv_rewrite_check("skall", 5, "ska", 3), LD_SV_SAME,
	    "rewrite check: skall/ska is the same");
	is_int(ld_sv_rewrite_check("regionen", 8, "kommunen", 8),
	    LD_SV_OTHER_WORDS, "rewrite check: other plain words say so");
	is_int(ld_sv_rewrite_check("ska", 3, "bör", 4), LD_SV_OTHER_WORDS,
	    "rewrite check: a modal verb for another is other words");
	is_int(ld_sv_rewrite_check("att regionen har beslutat", 25,
	    "att kommunen beslutat", 21), LD_SV_OTHER_WORDS,
	    "  and context with a table word changes nothing");
	is_int(ld_sv_rewrite_check("ska samverka", 12, "ska", 3), LD_SV_OTHER_WORDS,
	    "rewrite check: a dropped plain word is other words");
	is_int(ld_sv_rewrite_check("en", 2, "ett", 3), LD_SV_OTHER,
	    "rewrite check: en/ett are table words, refused later");
}

int
main(void)
{
	ld_arena *a = ld_arena_new();
	size_t i, quiet = 0, flagged = 0;

	for (i = 0; i < NREWRITES; i++)
		quiet += check_rewrite(a, &rewrites[i]);
	for (i = 0; i < NLOOKALIKES; i++)
		flagged += check_lookalike(a, &lookalikes[i]);
	diag("rewrites not flagged: %zu of %zu (%.1f %%)", quiet, NREWRITES,
	    100.0 * (double)quiet / (double)NREWRITES);
	diag("look-alikes flagged: %zu of %zu", flagged, NLOOKALIKES);
	ok(NREWRITES >= 40 && NLOOKALIKES >= 30,
	    "at least 40 rewrites and 30 look-alikes");
	test_one_edit(a);
	test_names();
	ld_arena_free(a);
	return done_testing();
}
