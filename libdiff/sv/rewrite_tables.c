/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sv/rewrite_tables.c - the data of språkvård: which Swedish words and
 * phrases say the same thing written another way.
 *
 * The idea: when an agreement is revised its language is modernised
 * (skall -> ska, ej -> inte, bl.a. -> bland annat, fyra -> 4), and a
 * reviewer must not read that as a change of substance.  What counts as
 * "the same" is data, kept here in tables with their sources, and read by
 * the matcher in rewrite.c; no rule of it lives in code branches.
 *
 * A group row lists forms separated by "|" that mean the same; forms are
 * written as in text ("bl.a.", "bland annat"): the matcher lexes them as it
 * lexes text, and a period in a form may be left out in the text ("bl a",
 * "ca").  A form may belong to several groups ("st." is both "styck" and
 * "stycket"), which is why these are groups and not one canonical form.
 * Deliberately absent: the modal verbs (ska / bör / får / kan), negations
 * against their absence, fr.o.m. against t.o.m., inklusive against
 * exklusive, procent against procentenheter - each its own meaning.
 */
#include <stddef.h>

#include "sv/rewrite.h"

/* Spelling variants and archaic forms of one word.  Sources: Språkrådet,
 * Myndigheternas skrivregler (Ds 2009:38, 2014 ed.), 7.2 "Ålderdomliga
 * ord" (skall -> ska, icke/ej -> inte); ISOF Frågelådan "ska eller skall"
 * (the two are the same verb, ska the recommended form); Svenska
 * skrivregler (Språkrådet 2017) 11.1 on utav/uti. */
static const char *const spelling[] = {
	"skall|ska",
	"icke|ej|inte",
	"utav|av",
	"uti|i",
	"såsom|som",
	NULL
};

/* Abbreviations and their expansions, each equal only to its own
 * expansion.  Sources: Språkrådet, Svenska skrivregler (2017) ch. 13
 * "Förkortningar" and Myndigheternas skrivregler 13.2; the spelling of
 * each abbreviation as in /work/shared/data/sv-abbreviations.tsv (LO,
 * SPV, LEG entries); Regeringskansliet, Klarspråk "Skriv ut
 * förkortningar". */
static const char *const abbreviations[] = {
	"bl.a.|bland annat",
	"t.ex.|till exempel",
	"enl.|enligt",
	"fr.o.m.|från och med",
	"t.o.m.|till och med",
	"m.m.|med mera",
	"m.fl.|med flera",
	"dvs.|d.v.s.|det vill säga",
	"osv.|o.s.v.|och så vidare",
	"resp.|respektive",
	"inkl.|inklusive",
	"exkl.|exklusive",
	"s.k.|så kallad|så kallade|så kallat",
	"kl.|klockan",
	"ca.|c:a|cirka",
	"ggr.|gånger",
	"kr.|kronor",
	"st.|styck",
	"st.|stycket|stycke",
	"p.g.a.|pga.|på grund av",
	"f.d.|före detta",
	"ang.|angående",
	"avd.|avdelning",
	"nr.|nummer",
	"jfr.|jämför",
	"obs.|observera",
	"kap.|kapitel|kapitlet",
	"t.v.|tills vidare",
	"o.d.|och dylikt",
	"m.a.o.|med andra ord",
	"i.o.m.|i och med",
	"fr.|från",
	NULL
};

/* The percent sign and its word (Myndigheternas skrivregler 8.3: "5
 * procent" or "5 %" - never "procentenheter", a difference of two
 * percentages). */
static const char *const signs[] = {
	"procent|%|proc.",
	NULL
};

/* Plain-language replacements with the same meaning, each inflected form
 * written out.  Sources: Regeringskansliet, "Svarta listan - ord och
 * fraser i författningar som kan bytas ut" (Ds 2009:38 bilaga; klarspråk
 * list of the Government Offices, 2016 revision): tillse -> se till,
 * erhålla -> få, äga rätt -> ha rätt, erforderlig -> nödvändig,
 * därest -> om, emedan / enär -> eftersom, jämväl / tillika -> även,
 * ävensom -> samt, medelst -> genom, ånyo -> på nytt, samtliga -> alla,
 * föreligga -> finnas, tillställa -> skicka, inkomma -> komma in,
 * beträffande -> när det gäller, påföljande -> följande. */
static const char *const plain[] = {
	"tillse|se till",
	"tillser|ser till",
	"tillses|ses till",
	"tillsett|sett till",
	"erhålla|få",
	"erhåller|får",
	"erhålls|erhålles|fås",
	"erhöll|fick",
	"erhållit|fått",
	"äga rätt|ha rätt",
	"äger rätt|har rätt",
	"ägde rätt|hade rätt",
	"ägt rätt|haft rätt",
	"erforderlig|nödvändig",
	"erforderligt|nödvändigt",
	"erforderliga|nödvändiga",
	"därest|om",
	"emedan|eftersom",
	"enär|eftersom",
	"jämväl|även|också",
	"tillika|även|också",
	"ävensom|samt",
	"medelst|genom",
	"ånyo|på nytt|igen",
	"samtliga|alla",
	"föreligger|finns",
	"förelåg|fanns",
	"föreligga|finnas",
	"tillställa|skicka",
	"tillställer|skickar",
	"tillställs|skickas",
	"inkomma|komma in",
	"inkommer|kommer in",
	"inkommit|kommit in",
	"beträffande|när det gäller",
	"påföljande|följande",
	NULL
};

const char *const *const ld_rewrite_groups[] = {
	spelling, abbreviations, signs, plain, NULL
};

/* Number words (Myndigheternas skrivregler 8.1: words for one to twelve
 * in running text, figures above; Språkrådet, Svenska skrivregler 9.1):
 * cardinals, the tens that compose "tjugoen", and ordinals. */
const ld_numword ld_rewrite_cardinals[] = {
	{ "noll", 0 }, { "två", 2 }, { "tre", 3 },
	{ "fyra", 4 }, { "fem", 5 }, { "sex", 6 }, { "sju", 7 },
	{ "åtta", 8 }, { "nio", 9 }, { "tio", 10 }, { "elva", 11 },
	{ "tolv", 12 }, { "tretton", 13 }, { "fjorton", 14 },
	{ "femton", 15 }, { "sexton", 16 }, { "sjutton", 17 },
	{ "arton", 18 }, { "nitton", 19 }, { "hundra", 100 },
	{ "etthundra", 100 }, { "tusen", 1000 }, { "ettusen", 1000 },
	{ NULL, 0 }
};

/* "en" and "ett": the number 1, and articles as often; each equals the
 * figure 1 only, never the other. */
const char *const ld_rewrite_articles[] = { "en", "ett", NULL };

const ld_numword ld_rewrite_tens[] = {
	{ "tjugo", 20 }, { "trettio", 30 }, { "fyrtio", 40 },
	{ "femtio", 50 }, { "sextio", 60 }, { "sjuttio", 70 },
	{ "åttio", 80 }, { "nittio", 90 }, { NULL, 0 }
};

const ld_numword ld_rewrite_ordinals[] = {
	{ "första", 1 }, { "andra", 2 }, { "tredje", 3 }, { "fjärde", 4 },
	{ "femte", 5 }, { "sjätte", 6 }, { "sjunde", 7 }, { "åttonde", 8 },
	{ "nionde", 9 }, { "tionde", 10 }, { "elfte", 11 }, { "tolfte", 12 },
	{ "trettonde", 13 }, { "fjortonde", 14 }, { "femtonde", 15 },
	{ "sextonde", 16 }, { "sjuttonde", 17 }, { "artonde", 18 },
	{ "nittonde", 19 }, { "tjugonde", 20 }, { "trettionde", 30 },
	{ NULL, 0 }
};

/* Month names and their abbreviations (Myndigheternas skrivregler 8.5
 * "Datum": "den 1 januari 2027", "1 jan. 2027", "2027-01-01" are one
 * date; the ISO form is the recommended one in tables). */
const ld_numword ld_rewrite_months[] = {
	{ "januari", 1 }, { "jan.", 1 }, { "februari", 2 }, { "febr.", 2 },
	{ "feb.", 2 }, { "mars", 3 }, { "mar.", 3 }, { "april", 4 },
	{ "apr.", 4 }, { "maj", 5 }, { "juni", 6 }, { "juli", 7 },
	{ "augusti", 8 }, { "aug.", 8 }, { "september", 9 }, { "sept.", 9 },
	{ "sep.", 9 }, { "oktober", 10 }, { "okt.", 10 }, { "november", 11 },
	{ "nov.", 11 }, { "december", 12 }, { "dec.", 12 }, { NULL, 0 }
};

/* Words that stand between the date and nothing else: "den 1 januari"
 * is "1 januari" (Myndigheternas skrivregler 8.5). */
const char *const ld_rewrite_date_articles[] = { "den", NULL };

/* The words for the clock before a time ("kl. 13.00", "klockan 13"). */
const char *const ld_rewrite_clock[] = { "kl.", "klockan", NULL };

/* An omitted "har" before a supine in a subordinate clause ("som
 * beslutats" = "som har beslutats"): Språkrådet, Språkriktighetsboken
 * (2005) "Utelämnat har och hade", ISOF Frågelådan.  The auxiliary may be
 * left out only in a bisats: the conjunctions and the relative pronoun
 * that open one, and the auxiliary that may be left out ("hade" not: a
 * text without it could be read as either, and har / hade is a change of
 * tense). */
const char *const ld_rewrite_aux[] = { "har", NULL };
const char *const ld_rewrite_subjunctions[] = {
	"som", "att", "när", "om", "sedan", "eftersom", "då", "innan",
	"förrän", "ifall", "medan", "tills", "därför", "såvida", "sedan",
	"vilket", "vilka", "vilken", "där", "varefter", NULL
};
/* Words that end like a supine (-t, -ts) but are not one. */
const char *const ld_rewrite_not_supine[] = {
	"rätt", "mycket", "litet", "slut", "skatt", "inte", "intet",
	"något", "allt", "helt", "annat", "eget", "sitt", "ditt", "mitt",
	"fast", "först", "sist", "minst", "mest", "högst", "bäst", "just",
	"nytt", "godt", "gott", "ont", "tyst", "rätts", NULL
};
