/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_nfd.c - a clause that only changed its Unicode normal form.  Text is
 * NFC by contract, so the extractor keeps that the source was not
 * (LDIFF_PF_NOT_NFC, LDIFF_CLF_NOT_NFC), and the diff shows the pair as
 * a typography change that is not substantive, with no word edits.
 */
#include "tap.h"
#include "mkdocx.h"

#define P(x) "<w:p>" x "</w:p>"
#define R(x) "<w:r>" x "</w:r>"
#define T(x) "<w:t xml:space=\"preserve\">" x "</w:t>"

/* "Kulturliv för alla i länet." composed (NFC) and decomposed (NFD) */
#define NFC_TEXT "Kulturliv f\xc3\xb6r alla i l\xc3\xa4net."
#define NFD_TEXT "Kulturliv fo\xcc\x88r alla i la\xcc\x88net."
#define OTHER "Parterna samverkar."

static ldiff_clauses *
clauses(const char *body, unsigned *pflags)
{
	ldiff_doc *d = mk_body(body, LDIFF_CHANGES_ACCEPT);
	ldiff_clauses *c = NULL;
	ldiff_error err;

	*pflags = 0;
	if (d == NULL)
		return NULL;
	if (ldiff_doc_count(d) > 1)
		*pflags = ldiff_doc_para(d, 1)->flags;
	if (ldiff_clauses_from_doc(&c, d, NULL, &err) != 0)
		c = NULL;
	ldiff_doc_free(d);
	return c;
}

static const ldiff_unit *
unit_with(const ldiff_diff *d, const char *prefix)
{
	size_t i;

	for (i = 0; i < ldiff_diff_count(d); i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);

		if (u->n_new == 1 && strncmp(u->new_cl[0]->text, prefix,
		    strlen(prefix)) == 0)
			return u;
	}
	return NULL;
}

int
main(void)
{
	unsigned fa, fb, fc;
	ldiff_clauses *v[3];
	const ldiff_unit *u;
	ldiff_diff *d;
	ldiff_error err;
	size_t i;

	v[0] = clauses(P(R(T(OTHER))) P(R(T(NFC_TEXT))), &fa);
	v[1] = clauses(P(R(T(OTHER))) P(R(T(NFD_TEXT))), &fb);
	v[2] = clauses(P(R(T(OTHER))) P(R(T(NFD_TEXT))), &fc);
	ok(v[0] && v[1] && v[2], "three versions read");
	if (!(v[0] && v[1] && v[2]))
		return done_testing();
	ok(!(fa & LDIFF_PF_NOT_NFC), "NFC source: no flag");
	ok(fb & LDIFF_PF_NOT_NFC, "NFD source: LDIFF_PF_NOT_NFC");
	is_str(ldiff_clauses_get(v[1], 1)->text, NFC_TEXT,
	    "NFD source: the text is still NFC");
	ok(ldiff_clauses_get(v[1], 1)->flags & LDIFF_CLF_NOT_NFC,
	    "the clause keeps the flag");
	ok(!(ldiff_clauses_get(v[1], 0)->flags & LDIFF_CLF_NOT_NFC),
	    "an NFC clause beside it does not");

	is_int(ldiff_diff_new(&d, (const ldiff_clauses *const *)v, NULL, 3,
	    NULL, &err), 0, "diff of NFC -> NFD -> NFD");
	u = unit_with(d, "Kulturliv");
	ok(u != NULL && u->from == 0 && u->op == LDIFF_OP_CHANGED &&
	    u->cls == LDIFF_CLASS_TYPOGRAPHY && !u->substantive &&
	    u->n_edits == 0,
	    "NFC -> NFD: changed, typography only, not substantive");
	for (i = 0, u = NULL; i < ldiff_diff_count(d); i++)
		if (ldiff_diff_unit(d, i)->from == 1 &&
		    ldiff_diff_unit(d, i)->n_new == 1 &&
		    ldiff_diff_unit(d, i)->new_cl[0]->text[0] == 'K')
			u = ldiff_diff_unit(d, i);
	ok(u != NULL && u->op == LDIFF_OP_EQUAL && u->cls == 0,
	    "NFD -> NFD: equal");
	u = unit_with(d, "Parterna");
	ok(u != NULL && u->op == LDIFF_OP_EQUAL && u->cls == 0,
	    "the NFC clause: equal");
	ok(ldiff_unit_hidden(unit_with(d, "Kulturliv"),
	    LDIFF_HIDE_TYPOGRAPHY), "--hide-typography hides it");
	ldiff_diff_free(d);
	for (i = 0; i < 3; i++)
		ldiff_clauses_free(v[i]);
	return done_testing();
}
