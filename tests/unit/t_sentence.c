/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_sentence.c - ldiff_sentences: one case per Swedish rule of the issue,
 * then the span contract (inside the text, in order, no white space at
 * either end) on random and hostile input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

#define NBSP "\xc2\xa0"

/* The sentences of text joined with " | ". */
static const char *
split(const char *text)
{
	static char buf[4096];
	ldiff_span *s;
	size_t n, i, o = 0;

	if (ldiff_sentences(text, strlen(text), &s, &n) != 0)
		return "(error)";
	buf[0] = '\0';
	for (i = 0; i < n && o + s[i].len + 4 < sizeof buf; i++) {
		if (i > 0) {
			memcpy(buf + o, " | ", 3);
			o += 3;
		}
		memcpy(buf + o, text + s[i].off, s[i].len);
		o += s[i].len;
		buf[o] = '\0';
	}
	free(s);
	return buf;
}

/* The text must come back as one sentence. */
static void
one(const char *text, const char *why)
{
	is_str(split(text), text, why);
}

static void
test_no_break(void)
{
	one("Vi samverkar bl.a. Region Västerbotten och Umeå.",
	    "bl.a. before a capital");
	one("Det gäller t.ex. Umeå kommun.", "t.ex. before a capital");
	one("Kansliet, dvs. Regionens tjänstepersoner, bereder.",
	    "dvs. before a capital");
	one("Bidraget beräknas enl. SCB:s statistik.", "enl.");
	one("Det gäller fr.o.m. Januari nästa år.", "fr.o.m.");
	one("Ordförande är f.n. Anna Berg i Skellefteå.", "f.n. (overridden)");
	one("Se prop. Regeringens förslag finns där.", "prop.");
	one("Invånarna är ca. Tretusen till antalet.", "ca.");
	one("Beslut nr. Ett fattades i går.", "nr.");
	one("Se avsnitt 4, jfr. Bilaga 2, för detaljer.", "jfr.");
	one("Enligt 2 kap. 3 § kommunallagen får regionen det.",
	    "2 kap. before a number");
}

static void
test_may_end(void)
{
	is_str(split("Vi bygger vägar, skolor m.m. Parterna ska samverka."),
	    "Vi bygger vägar, skolor m.m. | Parterna ska samverka.",
	    "m.m. before a capital ends a sentence");
	one("Vi bygger vägar, skolor m.m. och annat.", "m.m. before lowercase");
	is_str(split("Deltar gör regionen, SKR m.fl. De har ansvar."),
	    "Deltar gör regionen, SKR m.fl. | De har ansvar.", "m.fl.");
	is_str(split("Vi planerar, bygger osv. Alla deltar."),
	    "Vi planerar, bygger osv. | Alla deltar.", "osv.");
	is_str(split("Lokaler, resor etc. Regionen betalar."),
	    "Lokaler, resor etc. | Regionen betalar.", "etc.");
	is_str(split("Avgiften är 200 kr. Ingen moms tillkommer."),
	    "Avgiften är 200 kr. | Ingen moms tillkommer.", "kr.");
	one("Avgiften är 200 kr. per år.", "kr. before lowercase");
	is_str(split("Han köpte en bil. Den var röd."),
	    "Han köpte en bil. | Den var röd.", "bil. is a word");
}

static void
test_spaced(void)
{
	one("Det gäller t ex Umeå kommun.", "t ex");
	one("Det gäller bl" NBSP "a Umeå kommun.", "bl a with NBSP");
	one("Det gäller fr o m Januari.", "fr o m");
	one("Det gäller t. ex. Umeå kommun.", "the wrong form t. ex.");
}

static void
test_names_and_refs(void)
{
	one("Handläggare är L.B. Larsson på regionen.", "initials L.B.");
	one("Se A. I. Rabin om kibbutzbarnen.", "spaced initials");
	is_str(split("Se bilaga A. Parterna ska betala."),
	    "Se bilaga A. | Parterna ska betala.",
	    "a letter named by a noun is no initial");
	is_str(split("Välj plan B. Den är billigast."),
	    "Välj plan B. | Den är billigast.", "plan B.");
	is_str(split("Det står i Bilaga C. Den gäller."),
	    "Det står i Bilaga C. | Den gäller.",
	    "a capitalised noun names the letter too");
	one("Se NJA 2014 s. 499 om avsiktsförklaringar.", "NJA 2014 s. 499");
	is_str(split("Se NJA 2014 s. 499. Domstolen fann det."),
	    "Se NJA 2014 s. 499. | Domstolen fann det.", "after the page");
	one("Enligt prop. 2007/08:95 ska det ske.", "prop. 2007/08:95");
	is_str(split("Lagen (2010:630) gäller. Den är ny."),
	    "Lagen (2010:630) gäller. | Den är ny.", "SFS number");
	one("Enligt EU:s regler ska det ske.", "EU:s");
	one("Det beslutades den 13.12.2013 i Umeå.", "dotted date");
	one("Mötet börjar kl. 9.00 i Umeå.", "time after kl.");
	is_str(split("Mötet börjar kl. 9.00. Kaffe serveras."),
	    "Mötet börjar kl. 9.00. | Kaffe serveras.", "after a time");
	one("Räntan är 2,5 procent.", "decimal comma");
	one("Bidraget är 1 250 000 kr per år.", "spaced thousands");
	one("Det 1:a förslaget antogs.", "ordinal");
	one("Se artikel 107.1 i EUF-fördraget.", "article number");
	one("Mer finns på www.regionvasterbotten.se i dag.", "web address");
}

static void
test_quotes_and_brackets(void)
{
	is_str(split("Han sa: \xe2\x80\x9dKom hit.\xe2\x80\x9d Sedan gick han."),
	    "Han sa: \xe2\x80\x9dKom hit.\xe2\x80\x9d | Sedan gick han.",
	    "a closing quote stays with its sentence");
	is_str(split("Det höjs. (Se bilaga 2.) Nästa steg följer."),
	    "Det höjs. | (Se bilaga 2.) | Nästa steg följer.",
	    "a sentence in brackets");
	is_str(split("Det heter \xc2\xbbTillsammans\xc2\xbb. Den antogs."),
	    "Det heter \xc2\xbbTillsammans\xc2\xbb. | Den antogs.",
	    "guillemets");
	one("\xe2\x80\x9dVem ansvarar?\xe2\x80\x9d frågade en ledamot.",
	    "a quoted question the sentence goes on after");
}

static void
test_terminators(void)
{
	is_str(split("Vad då? Inget! Nu."), "Vad då? | Inget! | Nu.",
	    "? and !");
	one("Följande gäller: Parterna ska samverka.", "a colon never ends");
	is_str(split("Vänta\xe2\x80\xa6 Nu går vi."),
	    "Vänta\xe2\x80\xa6 | Nu går vi.", "… before a capital");
	is_str(split("Vänta... Nu går vi."), "Vänta... | Nu går vi.",
	    "... before a capital");
	one("Vänta... nu går vi.", "... before lowercase");
	one("Det var slut. och sedan kom mer.", "lowercase never starts one");
	is_str(split("Det gällde 2023. 2024 infördes en ny regel."),
	    "Det gällde 2023. | 2024 infördes en ny regel.",
	    "a number may start a sentence");
	one("Det gällde utvecklingen. 7", "but not a lone footnote number");
	is_str(split("Avgiften tas ut årligen. § 4 anger beloppet."),
	    "Avgiften tas ut årligen. | § 4 anger beloppet.", "§ starts one");
	is_str(split("Avgiften tas ut årligen. 3 § anger beloppet."),
	    "Avgiften tas ut årligen. | 3 § anger beloppet.",
	    "a reference starts one");
	one("Det var slut.Nästa", "no space, no boundary");
}

static void
test_labels_and_headings(void)
{
	one("3. Parterna ska samverka.", "a list label is no sentence");
	is_str(split("4.2. Regionen ska. Kommunerna ska."),
	    "4.2. Regionen ska. | Kommunerna ska.", "a label 4.2.");
	one("IV. Parterna ska samverka.", "a Roman label");
	one("§ 3. Parterna ska samverka.", "a label § 3.");
	one("Bilaga 1. Fördelning av bidrag", "a caption");
	one("Bakgrund och syfte", "a heading is one sentence");
	is_str(split("Region Västerbotten\nUmeå kommun"),
	    "Region Västerbotten | Umeå kommun", "a line break before a capital");
	one("Överenskommelse om samverkan\nför regional utveckling",
	    "a line break before lowercase");
	one("Det gäller bl.a.\nRegion Västerbotten.",
	    "a line break after bl.a.");
	is_str(split("Parter\xe2\x80\xa8Region Västerbotten"),
	    "Parter | Region Västerbotten", "U+2028 too");
	one("Parterna ska sträva efter att 1. öka andelen, 2. minska "
	    "utsläppen, och 3. främja cirkulär ekonomi.",
	    "an enumeration inside a sentence");
}

static void
test_spans(void)
{
	static const char text[] = "  Hej. \t Då.  ";
	ldiff_span *s;
	size_t n;

	is_int(ldiff_sentences(text, sizeof text - 1, &s, &n), 0, "splits");
	is_int(n, 2, "two sentences");
	if (n == 2) {
		is_int(s[0].off, 2, "first starts after the spaces");
		is_int(s[0].len, 4, "first is 'Hej.'");
		is_int(s[1].off, 9, "second starts after the spaces");
		is_int(s[1].len, 4, "second is 'Då.' (4 bytes) without trailing space");
	}
	free(s);
	is_int(ldiff_sentences(" \t ", 3, &s, &n), 0, "white space only");
	is_int(n, 0, "has no sentences");
	free(s);
	is_int(ldiff_sentences("x", 1, NULL, &n), LDIFF_EINVAL, "EINVAL");
	ld_alloc_fail_after(1);
	is_int(ldiff_sentences("Ett. Två.", 9, &s, &n), LDIFF_ENOMEM,
	    "allocation failure is ENOMEM");
	ld_alloc_fail_after(-1);
}

static uint32_t seed = 4711;

static uint32_t
rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

static int
is_ws(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Spans inside the text, in order, never starting or ending in ASCII
 * white space. */
static int
spans_ok(const char *t, size_t len, const ldiff_span *s, size_t n)
{
	size_t i, at = 0;

	for (i = 0; i < n; i++) {
		if (s[i].off < at || s[i].len == 0 ||
		    s[i].off + s[i].len > len)
			return 0;
		if (is_ws((unsigned char)t[s[i].off]) ||
		    is_ws((unsigned char)t[s[i].off + s[i].len - 1]))
			return 0;
		at = s[i].off + s[i].len;
	}
	return 1;
}

static void
test_random(void)
{
	static const char *const frag[] = { "Ett", "två", ". ", "? ", "! ",
	    "m.m.", "bl.a.", " ", "\xe2\x80\x9d", ")", "(", "3.", "A.",
	    "kl. 9.00", "\xe2\x80\xa6", "\xff", "\xc3", "\n", "2 kap.", "kr." };
	char buf[1024];
	int round, good = 0;

	for (round = 0; round < 2000; round++) {
		size_t len = 0, n;
		ldiff_span *s;

		while (len + 16 < sizeof buf && rnd() % 30 != 0) {
			const char *f = frag[rnd() % (sizeof frag /
			    sizeof frag[0])];

			memcpy(buf + len, f, strlen(f));
			len += strlen(f);
		}
		if (ldiff_sentences(buf, len, &s, &n) == 0 &&
		    spans_ok(buf, len, s, n))
			good++;
		free(s);
	}
	is_int(good, 2000, "2000 random paragraphs: spans well formed");
}

int
main(void)
{
	plan_no_plan();
	test_no_break();
	test_may_end();
	test_spaced();
	test_names_and_refs();
	test_quotes_and_brackets();
	test_terminators();
	test_labels_and_headings();
	test_spans();
	test_random();
	return done_testing();
}
