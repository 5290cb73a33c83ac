/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_classify.c - change classes on realistic clause pairs from a
 * Swedish regional development agreement: each pair lists the changes
 * expected (op, old, new, class, values); the rest must be equal. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

#define W LDIFF_CLASS_WORDING
#define N LDIFF_CLASS_NUMBER
#define AM LDIFF_CLASS_AMOUNT
#define D LDIFF_CLASS_DATE
#define P LDIFF_CLASS_PERIOD
#define T LDIFF_CLASS_TYPOGRAPHY
#define NBSP "\xc2\xa0"
#define SHY "\xc2\xad"

struct want {
	char op;		/* '+' insert, '-' delete, '~' replace */
	const char *old, *new;
	unsigned cls;
	int has_values;
	double ov, nv;
};

struct pair {
	const char *name, *old, *new;
	int substantive;
	struct want w[4];
};

static const struct pair pairs[] = {
	{ "reworded sentence: two insertions around a kept phrase",
	  "Regionen ansvarar för att ta fram en regional "
	  "utvecklingsstrategi.",
	  "Regionen ansvarar för att i samverkan med kommunerna ta fram och "
	  "fastställa en regional utvecklingsstrategi.", 1,
	  { { '+', "", "i samverkan med kommunerna ", W, 0, 0, 0 },
	    { '+', "", "och fastställa ", W, 0, 0, 0 } } },
	{ "rewritten phrase reads as one replacement",
	  "Regionen ska verka för hållbar tillväxt i hela länet.",
	  "Kommunerna ska arbeta för hållbar tillväxt i hela länet.", 1,
	  { { '~', "Regionen ska verka", "Kommunerna ska arbeta", W, 0, 0,
	      0 } } },
	{ "amount in kronor",
	  "Regionen bidrar med 1 250 000 kronor per år till arbetet.",
	  "Regionen bidrar med 1 300 000 kronor per år till arbetet.", 1,
	  { { '~', "1 250 000", "1 300 000", AM, 1, 1250000, 1300000 } } },
	{ "amount in tkr",
	  "Varje kommun bidrar med 500 tkr årligen.",
	  "Varje kommun bidrar med 750 tkr årligen.", 1,
	  { { '~', "500", "750", AM, 1, 500000, 750000 } } },
	{ "amount in miljoner kronor, decimal comma",
	  "Den totala ramen är 2,5 miljoner kronor.",
	  "Den totala ramen är 3 miljoner kronor.", 1,
	  { { '~', "2,5", "3", AM, 1, 2500000, 3000000 } } },
	{ "amount whose unit changes with it",
	  "Anslaget uppgår till 1 250 000 kronor.",
	  "Anslaget uppgår till 1,3 miljoner kronor.", 1,
	  { { '~', "1 250 000", "1,3 miljoner", AM, 1, 1250000,
	      1300000 } } },
	{ "only the unit of an amount changes",
	  "Varje kommun bidrar med 500 kronor per invånare.",
	  "Varje kommun bidrar med 500 tkr per invånare.", 1,
	  { { '~', "kronor", "tkr", AM, 1, 500, 500000 } } },
	{ "the same amount written another way is typography",
	  "Ramen är 2,3 miljoner kronor och 2500 deltagare.",
	  "Ramen är 2 300 000 kronor och 2 500 deltagare.", 0,
	  { { '~', "2,3 miljoner", "2 300 000", T, 0, 0, 0 },
	    { '~', "2500", "2 500", T, 0, 0, 0 } } },
	{ "amount in Mkr and kr.",
	  "Budgeten är 12 Mkr varav 50 000 kr. till administration.",
	  "Budgeten är 14 Mkr varav 60 000 kr. till administration.", 1,
	  { { '~', "12", "14", AM, 1, 12e6, 14e6 },
	    { '~', "50 000", "60 000", AM, 1, 50000, 60000 } } },
	{ "period shift",
	  "Överenskommelsen avser perioden 2023–2026.",
	  "Överenskommelsen avser perioden 2027–2030.", 1,
	  { { '~', "2023–2026", "2027–2030", P, 0, 0, 0 } } },
	{ "a range that did not move as a whole is no period shift",
	  "Strategin för Västerbottens län 2014–2020 är gemensam.",
	  "Strategin för Västerbottens län 2020–2030 är gemensam.", 1,
	  { { '~', "2014–2020", "2020–2030", N, 0, 0, 0 } } },
	{ "period with a hyphen, and a lone year moved by the same shift",
	  "Strategin för 2019-2022 följs upp senast 2021.",
	  "Strategin för 2023-2026 följs upp senast 2025.", 1,
	  { { '~', "2019-2022", "2023-2026", P, 0, 0, 0 },
	    { '~', "2021", "2025", P, 0, 0, 0 } } },
	{ "lone year, four years on: the period shift",
	  "En första uppföljning görs under 2024.",
	  "En första uppföljning görs under 2028.", 1,
	  { { '~', "2024", "2028", P, 0, 0, 0 } } },
	{ "lone year, four years back (an older version compared)",
	  "En första uppföljning görs under 2028.",
	  "En första uppföljning görs under 2024.", 1,
	  { { '~', "2028", "2024", P, 0, 0, 0 } } },
	{ "lone year against the text's own period shift of 3 years",
	  "Perioden 2020–2023 följs upp 2022.",
	  "Perioden 2023–2026 följs upp 2026.", 1,
	  { { '~', "2020–2023", "2023–2026", P, 0, 0, 0 },
	    { '~', "2022", "2026", N, 1, 2022, 2026 } } },
	{ "lone year, one year on: a number",
	  "En första uppföljning görs under 2024.",
	  "En första uppföljning görs under 2025.", 1,
	  { { '~', "2024", "2025", N, 1, 2024, 2025 } } },
	{ "ISO date",
	  "Överenskommelsen gäller från 2023-01-01.",
	  "Överenskommelsen gäller från 2027-01-01.", 1,
	  { { '~', "2023-01-01", "2027-01-01", D, 0, 0, 0 } } },
	{ "written dates",
	  "Den gäller från den 1 januari 2023 till den 31 december 2026.",
	  "Den gäller från den 1 januari 2027 till den 31 december 2030.", 1,
	  { { '~', "1 januari 2023", "1 januari 2027", D, 0, 0, 0 },
	    { '~', "31 december 2026", "31 december 2030", D, 0, 0, 0 } } },
	{ "percentage with %",
	  "Kostnaderna får öka med högst 2,5 % per år.",
	  "Kostnaderna får öka med högst 3,0 % per år.", 1,
	  { { '~', "2,5", "3,0", N, 1, 2.5, 3.0 } } },
	{ "percentage in words, and a count",
	  "Parterna träffas 4 gånger per år; ökningen är 2,5 procent.",
	  "Parterna träffas 6 gånger per år; ökningen är 3 procent.", 1,
	  { { '~', "4", "6", N, 1, 4, 6 },
	    { '~', "2,5", "3", N, 1, 2.5, 3 } } },
	{ "Swedish quotes against straight quotes",
	  "Arbetet kallas \"regional samverkan\" i detta avtal.",
	  "Arbetet kallas \xe2\x80\x9dregional samverkan\xe2\x80\x9d i detta "
	  "avtal.", 0,
	  { { '~', "\"", "\xe2\x80\x9d", T, 0, 0, 0 },
	    { '~', "\"", "\xe2\x80\x9d", T, 0, 0, 0 } } },
	{ "hyphen against en dash in the period",
	  "Avtalet gäller 2023-2026.",
	  "Avtalet gäller 2023\xe2\x80\x93" "2026.", 0,
	  { { '~', "2023-2026", "2023\xe2\x80\x93" "2026", T, 0, 0, 0 } } },
	{ "no-break spaces in an amount",
	  "Beloppet är 1 250 000 kronor.",
	  "Beloppet är 1" NBSP "250" NBSP "000" NBSP "kronor.", 0,
	  { { '~', "1 250 000 ", "1" NBSP "250" NBSP "000" NBSP, T, 0, 0,
	      0 } } },
	{ "soft hyphens",
	  "Den regionala utvecklingsstrategin gäller.",
	  "Den regionala ut" SHY "vecklings" SHY "strategin gäller.", 0,
	  { { '~', "utvecklingsstrategin", "ut" SHY "vecklings" SHY
	      "strategin", T, 0, 0, 0 } } },
	{ "NFD against NFC, double space",
	  "Region Va\xcc\x88sterbotten  och kommunerna.",
	  "Region V\xc3\xa4sterbotten och kommunerna.", 0,
	  { { '~', "Va\xcc\x88sterbotten  ", "V\xc3\xa4sterbotten ", T, 0,
	      0, 0 } } },
	{ "deleted parenthetical phrase",
	  "Kommunerna ska, inom ramen för sitt ansvar, bidra till "
	  "genomförandet.",
	  "Kommunerna ska bidra till genomförandet.", 1,
	  { { '-', ", inom ramen för sitt ansvar,", "", W, 0, 0, 0 } } },
	{ "inflection is wording",
	  "Planen tas fram i dialog med kommunerna.",
	  "Planen tas fram i dialog med kommunernas företrädare.", 1,
	  { { '~', "kommunerna", "kommunernas företrädare", W, 0, 0, 0 } } },
	{ "period and amount in one sentence stay two edits",
	  "Under 2023–2026 avsätts 1 250 000 kronor.",
	  "Under 2027–2030 avsätts 1 300 000 kronor.", 1,
	  { { '~', "2023–2026", "2027–2030", P, 0, 0, 0 },
	    { '~', "1 250 000", "1 300 000", AM, 1, 1250000, 1300000 } } },
	{ "number words",
	  "Delegationen sammanträder minst tre gånger per år.",
	  "Delegationen sammanträder minst fyra gånger per år.", 1,
	  { { '~', "tre", "fyra", N, 1, 3, 4 } } },
	{ "articles are no numbers",
	  "Parterna tar fram en plan.",
	  "Parterna tar fram ett program.", 1,
	  { { '~', "en plan", "ett program", W, 0, 0, 0 } } },
	{ "a word added before an amount: the amount keeps its class",
	  "Regionen bidrar med 1 250 000 kronor per år.",
	  "Regionen bidrar med högst 1 300 000 kronor per år.", 1,
	  { { '+', "", "högst ", W, 0, 0, 0 },
	    { '~', "1 250 000", "1 300 000", AM, 1, 1250000, 1300000 } } },
	{ "a period next to a changed word: cut apart",
	  "Avtalet gäller 2023–2026 och omfattar 15 kommuner.",
	  "Avtalet gäller 2027–2030 samt omfattar 14 kommuner.", 1,
	  { { '~', "2023–2026", "2027–2030", P, 0, 0, 0 },
	    { '~', " och", " samt", W, 0, 0, 0 },
	    { '~', "15", "14", N, 1, 15, 14 } } },
	{ "years replaced by a word: one mixed edit",
	  "Uppföljning sker 2024 och 2026.",
	  "Uppföljning sker årligen.", 1,
	  { { '~', "2024 och 2026", "årligen", W | N, 0, 0, 0 } } },
	{ "new obligation appended",
	  "Regionen sammankallar parterna.",
	  "Regionen sammankallar parterna två gånger per år.", 1,
	  { { '+', "", " två gånger per år", W, 0, 0, 0 } } },
};

static char
op_char(ldiff_edit_op op)
{
	return op == LDIFF_EDIT_INSERT ? '+' : op == LDIFF_EDIT_DELETE ? '-' :
	    op == LDIFF_EDIT_REPLACE ? '~' : '=';
}

static int
check_edit(const ldiff_edit *e, const struct want *w)
{
	if (op_char(e->op) != w->op || strcmp(e->old_text, w->old) != 0 ||
	    strcmp(e->new_text, w->new) != 0 || e->cls != w->cls ||
	    e->has_values != w->has_values)
		return 0;
	return !w->has_values || (fabs(e->old_value - w->ov) < 1e-6 &&
	    fabs(e->new_value - w->nv) < 1e-6);
}

static void
check_pair(ld_arena *a, const struct pair *p)
{
	ld_textdiff td;
	size_t i, k = 0, nw = 0;
	int good = 1;
	unsigned cls = 0;

	while (nw < 4 && p->w[nw].op != 0)
		nw++;
	if (ld_text_diff(a, p->old, p->new, 0, &td) != 0) {
		ok(0, p->name);
		return;
	}
	for (i = 0; i < td.n; i++) {
		const ldiff_edit *e = &td.edits[i];

		if (e->op == LDIFF_EDIT_EQUAL)
			continue;
		if (k >= nw || !check_edit(e, &p->w[k]))
			good = 0;
		if (!good && k < 8)
			diag("edit %zu: %c '%s' -> '%s' class %#x values %d "
			    "%.2f %.2f", k, op_char(e->op), e->old_text,
			    e->new_text, e->cls, e->has_values,
			    e->old_value, e->new_value);
		k++;
		cls |= e->cls;
	}
	ok(good && k == nw, p->name);
	is_int(td.substantive, p->substantive, "  substantive flag");
	is_int(td.cls, cls, "  text class is the union of edit classes");
}

static void
test_delta_text(ld_arena *a)
{
	ld_textdiff td;
	ld_buf b;
	size_t i;

	ld_buf_init(&b);
	ld_text_diff(a, "Bidraget är 1 250 000 kronor.",
	    "Bidraget är 1 300 000 kronor.", 0, &td);
	for (i = 0; i < td.n; i++)
		if (td.edits[i].cls == LDIFF_CLASS_AMOUNT)
			ld_format_delta(&b, td.edits[i].old_value,
			    td.edits[i].new_value, LD_FMT_SEK);
	is_str(ld_buf_str(&b), "+50 000 kr (+4,0 %)",
	    "amount edit values format as +50 000 kr (+4,0 %)");
	ld_buf_free(&b);
}

static void
test_similarity(ld_arena *a)
{
	ld_textdiff td;

	ld_text_diff(a, "ett två tre fyra", "ett två tre fem", 0, &td);
	ok(fabs(td.similarity - 0.75) < 1e-9, "3 of 4 words shared: 0,75");
	ld_text_diff(a, "Avtalet gäller 2023-2026.",
	    "Avtalet  gäller 2023\xe2\x80\x93" "2026.", 0, &td);
	ok(td.similarity == 1.0, "typography only: similarity 1");
}

/* The planted changes of corpus/truth whose kind is a class: each
 * snippet pair must carry that class (typography: only that class).
 * Amounts in table rows are bare numbers: without their column they are
 * numbers with values. */
static unsigned
truth_class(const char *kind, const char *old)
{
	if (strcmp(kind, "period") == 0)
		return P;
	if (strcmp(kind, "date") == 0)
		return D;
	if (strcmp(kind, "number") == 0)
		return N;
	if (strcmp(kind, "typography") == 0)
		return T;
	if (strcmp(kind, "amount") == 0)
		return strstr(old, "kr") ? AM : N;
	return 0;
}

static void
truth_file(ld_arena *a, const char *path, int *rows, int *bad)
{
	FILE *f = fopen(path, "r");
	char line[4096];

	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		char *fld[6], *p = line;
		int k;
		unsigned want;
		ld_textdiff td;

		line[strcspn(line, "\n")] = '\0';
		for (k = 0; k < 6 && p != NULL; k++) {
			fld[k] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (k < 5 || (want = truth_class(fld[0], fld[3])) == 0)
			continue;
		(*rows)++;
		if (ld_text_diff(a, fld[3], fld[4], 0, &td) != 0 ||
		    !(td.cls & want) || (want == T && (td.cls != T ||
		    td.substantive))) {
			(*bad)++;
			diag("%s: '%s' -> '%s': class %#x", fld[0], fld[3],
			    fld[4], td.cls);
		}
	}
	fclose(f);
}

static void
test_truth(ld_arena *a)
{
	const char *root = getenv("KL_ROOT");
	char p1[1024], p2[1024];
	int rows = 0, bad = 0;

	snprintf(p1, sizeof p1, "%s/corpus/truth/2019-2022_2023-2026.tsv",
	    root ? root : ".");
	snprintf(p2, sizeof p2, "%s/corpus/truth/2023-2026_2027-2030.tsv",
	    root ? root : ".");
	truth_file(a, p1, &rows, &bad);
	truth_file(a, p2, &rows, &bad);
	if (rows == 0) {
		ok(1, "# SKIP corpus/truth absent");
		return;
	}
	diag("corpus truth: %d planted value/typography changes", rows);
	is_int(bad, 0, "every planted change carries its class");
}

int
main(void)
{
	ld_arena *a = ld_arena_new();
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		check_pair(a, &pairs[i]);
	test_delta_text(a);
	test_similarity(a);
	test_truth(a);
	ld_arena_free(a);
	return done_testing();
}
