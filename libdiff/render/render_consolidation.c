/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_consolidation.c - the parties' responses to a draft, as a
 * reviewer reads them (text), as a script reads them (JSON Lines) and
 * counted (the clauses x parties matrix).
 *
 * The idea: the consolidation (consolidate/) already holds every record
 * in the draft's order with its grouped proposals and comments; these
 * renderers only print it, so the three outputs cannot disagree.  The
 * labels are English, or Swedish when asked for, built in like the
 * diff renderers' (text_writer.c): a reviewer's terms must not depend on
 * an installed catalogue.
 */
#include <string.h>

#include "consolidate/consolidate.h"
#include "render/consolidation.h"
#include "render/render.h"

static const struct {
	const char *en, *sv;
} labels[] = {
	[K_TITLE] = { N_("Responses to"), "Remissvar på" },
	[K_NOTHING] = { N_("no proposals or comments"), "inga synpunkter" },
	[K_AGAINST] = { N_("with every change rejected it is not the draft: "
	    "its text was compared with the draft"),
	    "med alla ändringar avvisade är svaret inte utkastet: dess text "
	    "har jämförts med utkastet" },
	[K_CONFLICT] = { N_("CONFLICT"), "KONFLIKT" },
	[K_COMMENT] = { N_("comment"), "kommentar" },
	[K_AFTER] = { N_("new after"), "ny efter" },
	[K_TOP] = { N_("new at the beginning"), "ny i början" },
	[K_GENERAL] = { N_("(general)"), "(allmänt)" },
	[K_CLAUSE] = { N_("clause"), "klausul" },
	[K_PARTY] = { N_("party"), "part" },
	[K_NONE] = { N_("no proposals or comments in any response"),
	    "inga synpunkter i något svar" },
	[K_SUMMARY] = { N_("Consultation summary"), "Remissammanställning" },
	[K_DRAFT] = { N_("Draft"), "Utkast" },
	[K_PARTIES] = { N_("Responding parties"), "Remissinstanser" },
	[K_DATE] = { N_("Date"), "Datum" },
	[K_COL_PLACE] = { N_("Section/clause"), "Avsnitt/klausul" },
	[K_COL_PARTY] = { N_("Party"), "Part" },
	[K_COL_SAID] = { N_("Proposal or comment"), "Förslag eller synpunkt" },
	[K_COL_ANSWER] = { N_("Administration's comment"),
	    "Förvaltningens kommentar" },
	[K_CONFLICT_NOTE] = { N_("conflict: the parties propose different "
	    "texts"), "konflikt: parterna föreslår olika lydelser" },
	[K_REMARK] = { N_("Comment"), "Synpunkt" },
	[K_MATRIX] = { N_("Proposals by clause and party"),
	    "Förslag per klausul och part" },
	[K_BY_CLAUSE] = { N_("Proposals and comments"),
	    "Förslag och synpunkter" },
	[K_LEGEND] = { N_("Legend"), "Teckenförklaring" },
	[K_DRAFT_TEXT] = { N_("Draft text"), "Utkastets lydelse" },
	[K_GROUP] = { N_("group"), "grupp" },
	[K_HINT] = { N_("Point at or click a mark to read the proposal; "
	    "the same letter in a row is the same proposal."),
	    "Peka på eller klicka på en markering för att läsa förslaget; "
	    "samma bokstav på en rad är samma förslag." },
	[K_MARK_COMMENT] = { N_("cmt"), "synp" },
	[K_NO_SECTION] = { N_("Before the first heading"),
	    "Före första rubriken" },
};

/* What a party proposes, as a committee paper says it. */
static const struct {
	const char *en, *sv;
} proposes[] = {
	[LDIFF_OP_EQUAL] = { N_("Unchanged"), "Oförändrad" },
	[LDIFF_OP_CHANGED] = { N_("New wording"), "Ny lydelse" },
	[LDIFF_OP_MOVED] = { N_("Move"), "Flyttas" },
	[LDIFF_OP_INSERTED] = { N_("New clause"), "Ny klausul" },
	[LDIFF_OP_DELETED] = { N_("Delete"), "Utgår" },
	[LDIFF_OP_SPLIT] = { N_("Split"), "Delas" },
	[LDIFF_OP_MERGED] = { N_("Merge"), "Slås samman" },
};

/* An operation's name, its Swedish plural ("2 ändrade"; the English
 * participle has none) and its short forms for the matrix. */
static const struct {
	const char *en, *sv, *sv_many, *en_short, *sv_short;
} ops[] = {
	[LDIFF_OP_EQUAL] = { N_("unchanged"), "oförändrad", "oförändrade",
	    "=", "=" },
	[LDIFF_OP_CHANGED] = { N_("changed"), "ändrad", "ändrade", "chg",
	    "ändr" },
	[LDIFF_OP_MOVED] = { N_("moved"), "flyttad", "flyttade", "mov",
	    "flytt" },
	[LDIFF_OP_INSERTED] = { N_("inserted"), "tillagd", "tillagda", "ins",
	    "ny" },
	[LDIFF_OP_DELETED] = { N_("deleted"), "borttagen", "borttagna", "del",
	    "bort" },
	[LDIFF_OP_SPLIT] = { N_("split"), "delad", "delade", "spl", "delad" },
	[LDIFF_OP_MERGED] = { N_("merged"), "sammanslagen", "sammanslagna",
	    "mrg", "samm" },
};

#ifndef ENABLE_NLS
#define dngettext(dom, one, many, n) ((n) == 1 ? (one) : (many))
#endif

/* "1 comment", "2 comments": a count and its noun, agreeing. */
enum { N_PROPOSALS, N_COMMENTS, N_RESPONSES };

static const char *const counted_sv[][2] = {
	[N_PROPOSALS] = { "%zu förslag", "%zu förslag" },
	[N_COMMENTS] = { "%zu kommentar", "%zu kommentarer" },
	[N_RESPONSES] = { "%zu svar:", "%zu svar:" },
};

typedef struct cw {
	const ldiff_consolidation *c;
	FILE *f;
	int sv;
	ld_buf b;
} cw;

/* Does the proposal change a word (a split may change none)? */
int
ld_cons_changes_words(const ldiff_proposal *p)
{
	size_t k;

	for (k = 0; k < p->n_edits; k++)
		if (p->edits[k].op != LDIFF_EDIT_EQUAL)
			return 1;
	return 0;
}

const char *
ld_cons_label(int k, int sv)
{
	return sv ? labels[k].sv : _(labels[k].en);
}

const char *
ld_cons_op(ldiff_op op, int sv)
{
	return sv ? ops[op].sv : _(ops[op].en);
}

const char *
ld_cons_op_short(ldiff_op op, int sv)
{
	return sv ? ops[op].sv_short : ops[op].en_short;
}

const char *
ld_cons_proposes(ldiff_op op, int sv)
{
	return sv ? proposes[op].sv : _(proposes[op].en);
}

int
ld_cons_swedish(const ldiff_render_opts *o)
{
	return o == NULL || o->lang == NULL || strncmp(o->lang, "en", 2) != 0;
}

static int
want_sv(const ldiff_render_opts *o)
{
	if (o != NULL && o->lang != NULL)
		return strncmp(o->lang, "sv", 2) == 0;
	return ldiff_lang_from_env() != NULL;
}

static const char *
lab(const cw *w, int k)
{
	return ld_cons_label(k, w->sv);
}

static const char *
op_label(const cw *w, ldiff_op op)
{
	return ld_cons_op(op, w->sv);
}

/* The format of a counted noun, for n. */
static const char *
counted(const cw *w, int id, size_t n)
{
	unsigned long k = n;

	if (w->sv)
		return counted_sv[id][n != 1];
	if (id == N_PROPOSALS)
		return dngettext("klausul", "%zu proposal", "%zu proposals", k);
	if (id == N_COMMENTS)
		return dngettext("klausul", "%zu comment", "%zu comments", k);
	return dngettext("klausul", "%zu response:", "%zu responses:", k);
}

/* An operation after a count: "2 ändrade", "2 changed". */
static const char *
op_counted(const cw *w, ldiff_op op, size_t n)
{
	return w->sv ? (n == 1 ? ops[op].sv : ops[op].sv_many) :
	    _(ops[op].en);
}

static const char *
op_short(const cw *w, ldiff_op op)
{
	return ld_cons_op_short(op, w->sv);
}

static int
start(cw *w, const ldiff_consolidation *c, FILE *out,
    const ldiff_render_opts *o)
{
	if (ld_check_render_opts(o) != 0)
		return LDIFF_EINVAL;
	w->c = c;
	w->f = out;
	w->sv = want_sv(o);
	ld_buf_init(&w->b);
	return 0;
}

/* Write the buffer and free it: 0, LDIFF_ENOMEM or LDIFF_EIO. */
static int
finish(cw *w)
{
	int rc = w->b.oom ? LDIFF_ENOMEM :
	    ld_fwrite_all(w->f, w->b.data, w->b.len);

	ld_buf_free(&w->b);
	if (rc == 0 && fflush(w->f) != 0)
		rc = LDIFF_EIO;
	return rc;
}

static const char *
party_name(const cw *w, size_t i)
{
	return ldiff_consolidation_party(w->c, i)->name;
}

/* "Umeå kommun, Skellefteå kommun" */
static void
put_parties(cw *w, const size_t *v, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (k > 0)
			ld_buf_adds(&w->b, ", ");
		ld_buf_adds(&w->b, party_name(w, v[k]));
	}
}

/* ---- text ------------------------------------------------------------ */

static void
put_header(cw *w)
{
	const ldiff_consolidation *c = w->c;
	size_t i, n = ldiff_consolidation_parties(c);

	ld_buf_printf(&w->b, "%s %s\n", lab(w, K_TITLE),
	    ldiff_consolidation_base_name(c));
	ld_buf_printf(&w->b, counted(w, N_RESPONSES,
	    ldiff_consolidation_responses(c)), ldiff_consolidation_responses(c));
	ld_buf_addc(&w->b, '\n');
	for (i = 0; i < n; i++) {
		const ldiff_party *p = ldiff_consolidation_party(c, i);
		const ldiff_response_info *r =
		    ldiff_consolidation_response(c, p->response);

		/* the file in brackets, unless the party is named by it */
		ld_buf_printf(&w->b, strcmp(p->name, r->name) != 0 ?
		    "  %s (%s)" : "  %s", p->name, r->name);
		if (p->n_proposals + p->n_comments == 0)
			ld_buf_printf(&w->b, ": %s", lab(w, K_NOTHING));
		if (r->against_draft && r->first_party == i)
			ld_buf_printf(&w->b, "\n    %s", lab(w, K_AGAINST));
		ld_buf_addc(&w->b, '\n');
	}
}

/* The proposal's words against the draft: [-old-]{+new+}. */
static void
put_wdiff(cw *w, const ldiff_proposal *p)
{
	size_t k;

	if (p->op == LDIFF_OP_INSERTED || p->n_edits == 0) {
		ld_buf_adds(&w->b, p->text);
		return;
	}
	for (k = 0; k < p->n_edits; k++) {
		const ldiff_edit *e = &p->edits[k];

		if (e->op == LDIFF_EDIT_EQUAL) {
			ld_buf_adds(&w->b, e->old_text);
			continue;
		}
		if (e->op != LDIFF_EDIT_INSERT)
			ld_buf_printf(&w->b, "[-%s-]", e->old_text);
		if (e->op != LDIFF_EDIT_DELETE)
			ld_buf_printf(&w->b, "{+%s+}", e->new_text);
	}
}

/* Where a record stands: "5.3.2 text" or "new after 5.2.4". */
static void
put_place(cw *w, const ldiff_consolidated *r)
{
	if (r->base != NULL) {
		ld_buf_printf(&w->b, "%s%s%s\n", r->base->label[0] != '\0' ?
		    r->base->label : r->base->id, " ", r->base->text);
	} else if (r->after[0] != '\0')
		ld_buf_printf(&w->b, "%s %s\n", lab(w, K_AFTER), r->after);
	else
		ld_buf_printf(&w->b, "%s\n", lab(w, K_TOP));
}

static void
put_record(cw *w, const ldiff_consolidated *r)
{
	size_t k;

	put_place(w, r);
	for (k = 0; k < r->n_proposals; k++) {
		const ldiff_proposal *p = &r->proposals[k];

		ld_buf_printf(&w->b, "  %s – ", op_label(w, p->op));
		put_parties(w, p->parties, p->n_parties);
		if (r->conflict)
			ld_buf_printf(&w->b, "  [%s]", lab(w, K_CONFLICT));
		ld_buf_adds(&w->b, "\n    ");
		put_wdiff(w, p);
		ld_buf_addc(&w->b, '\n');
	}
	for (k = 0; k < r->n_comments; k++) {
		const ldiff_comment *m = &r->comments[k];

		ld_buf_printf(&w->b, "  %s – %s%s%s:\n    %s\n",
		    lab(w, K_COMMENT), party_name(w, m->party),
		    m->date[0] != '\0' ? ", " : "", m->date, m->text);
	}
}

const char *
ld_cons_section(const ldiff_consolidation *c, const ldiff_consolidated *r)
{
	return ld_consolidated_section(c, r);
}

int
ldiff_render_consolidation_text(const ldiff_consolidation *c, FILE *out,
    const ldiff_render_opts *o)
{
	cw w;
	size_t i, n = ldiff_consolidation_count(c);
	const char *section = NULL;

	if (start(&w, c, out, o) != 0)
		return LDIFF_EINVAL;
	put_header(&w);
	if (n == 0)
		ld_buf_printf(&w.b, "\n%s\n", lab(&w, K_NONE));
	for (i = 0; i < n; i++) {
		const ldiff_consolidated *r = ldiff_consolidation_get(c, i);
		const char *s = ld_cons_section(c, r);

		if (s != NULL && (section == NULL || strcmp(s, section) != 0)) {
			ld_buf_printf(&w.b, "\n== %s\n", s[0] != '\0' ? s :
			    lab(&w, K_GENERAL));
			section = s;
		}
		ld_buf_addc(&w.b, '\n');
		put_record(&w, r);
	}
	return finish(&w);
}

/* ---- JSON Lines ------------------------------------------------------ */

static void
json_proposal(cw *w, const ldiff_proposal *p)
{
	size_t k;

	ld_buf_adds(&w->b, "{\"parties\":[");
	for (k = 0; k < p->n_parties; k++) {
		if (k > 0)
			ld_buf_addc(&w->b, ',');
		ld_json_string(&w->b, party_name(w, p->parties[k]));
	}
	ld_buf_printf(&w->b, "],\"op\":\"%s\",\"id\":", ldiff_op_name(p->op));
	ld_json_string(&w->b, p->id);
	ld_json_member(&w->b, ",\"text\":", p->text);
	ld_buf_adds(&w->b, ",\"edits\":");
	ld_json_edits(&w->b, p->edits, p->n_edits, 0);
	ld_buf_adds(&w->b, ",\"class\":");
	ld_json_classes(&w->b, p->cls);
	ld_buf_printf(&w->b, ",\"substantive\":%s}",
	    p->substantive ? "true" : "false");
}

static void
json_comment(cw *w, const ldiff_comment *m)
{
	ld_json_member(&w->b, "{\"party\":", party_name(w, m->party));
	ld_json_member(&w->b, ",\"text\":", m->text);
	ld_json_member(&w->b, ",\"anchor\":", m->anchor);
	ld_json_member(&w->b, ",\"date\":", m->date);
	ld_buf_addc(&w->b, '}');
}

static void
json_place(cw *w, const ldiff_consolidated *r)
{
	if (r->base == NULL) {
		ld_buf_adds(&w->b, "{\"base\":null,\"after\":");
		ld_json_string(&w->b, r->after);
		ld_json_member(&w->b, ",\"section\":", "");
		return;
	}
	ld_buf_adds(&w->b, "{\"base\":{\"id\":");
	ld_json_string(&w->b, r->base->id);
	ld_json_member(&w->b, ",\"label\":", r->base->label);
	ld_json_member(&w->b, ",\"text\":", r->base->text);
	ld_buf_adds(&w->b, "},\"section\":");
	ld_json_string(&w->b, r->base->section);
}

static void
json_record(cw *w, const ldiff_consolidated *r)
{
	size_t k;

	json_place(w, r);
	ld_buf_adds(&w->b, ",\"proposals\":[");
	for (k = 0; k < r->n_proposals; k++) {
		if (k > 0)
			ld_buf_addc(&w->b, ',');
		json_proposal(w, &r->proposals[k]);
	}
	ld_buf_adds(&w->b, "],\"comments\":[");
	for (k = 0; k < r->n_comments; k++) {
		if (k > 0)
			ld_buf_addc(&w->b, ',');
		json_comment(w, &r->comments[k]);
	}
	ld_buf_printf(&w->b, "],\"conflict\":%s}\n",
	    r->conflict ? "true" : "false");
}

int
ldiff_render_consolidation_json(const ldiff_consolidation *c, FILE *out,
    const ldiff_render_opts *o)
{
	cw w;
	size_t i, n = ldiff_consolidation_count(c);

	if (start(&w, c, out, o) != 0)
		return LDIFF_EINVAL;
	for (i = 0; i < n; i++)
		json_record(&w, ldiff_consolidation_get(c, i));
	return finish(&w);
}

/* ---- the matrix --------------------------------------------------------- */

/* What party pi does in record r: the op's short name, "*" after it in
 * a conflict, "+k" for comments (alone: "k"); "" for nothing. */
static void
cell(cw *w, const ldiff_consolidated *r, size_t pi, ld_buf *b)
{
	size_t k, j;
	int comments = 0;

	ld_buf_reset(b);
	for (k = 0; k < r->n_proposals; k++)
		for (j = 0; j < r->proposals[k].n_parties; j++)
			if (r->proposals[k].parties[j] == pi)
				ld_buf_printf(b, "%s%s", op_short(w,
				    r->proposals[k].op), r->conflict ? "*" :
				    "");
	for (k = 0; k < r->n_comments; k++)
		comments |= r->comments[k].party == pi;
	if (comments)
		ld_buf_adds(b, b->len > 0 ? "+k" : "k");
}

static void
put_matrix(cw *w)
{
	const ldiff_consolidation *c = w->c;
	size_t i, p, np = ldiff_consolidation_parties(c);
	size_t n = ldiff_consolidation_count(c);
	ld_buf b;

	ld_buf_init(&b);
	ld_buf_printf(&w->b, "%-16s", lab(w, K_CLAUSE));
	for (p = 0; p < np; p++)
		ld_buf_printf(&w->b, " P%-6zu", p + 1);
	ld_buf_addc(&w->b, '\n');
	for (i = 0; i < n; i++) {
		const ldiff_consolidated *r = ldiff_consolidation_get(c, i);

		if (r->base != NULL)
			ld_buf_printf(&w->b, "%-16.16s", r->base->id);
		else
			ld_buf_printf(&w->b, "+%-15.15s", r->after);
		for (p = 0; p < np; p++) {
			cell(w, r, p, &b);
			ld_buf_printf(&w->b, " %-7s", ld_buf_str(&b));
		}
		ld_buf_addc(&w->b, '\n');
	}
	ld_buf_free(&b);
}

/* "P1 Umeå kommun: 2 förslag (1 ändrad, 1 tillagd), 1 kommentar" */
static void
put_party_counts(cw *w)
{
	const ldiff_consolidation *c = w->c;
	size_t i, k, j, p, np = ldiff_consolidation_parties(c);
	size_t n = ldiff_consolidation_count(c);

	ld_buf_addc(&w->b, '\n');
	for (p = 0; p < np; p++) {
		const ldiff_party *pa = ldiff_consolidation_party(c, p);
		size_t by_op[LDIFF_OP_MERGED + 1] = { 0 };
		int first = 1;

		for (i = 0; i < n; i++) {
			const ldiff_consolidated *r =
			    ldiff_consolidation_get(c, i);

			for (k = 0; k < r->n_proposals; k++)
				for (j = 0; j < r->proposals[k].n_parties; j++)
					by_op[r->proposals[k].op] +=
					    r->proposals[k].parties[j] == p;
		}
		ld_buf_printf(&w->b, "P%-3zu %s: ", p + 1, pa->name);
		ld_buf_printf(&w->b, counted(w, N_PROPOSALS, pa->n_proposals),
		    pa->n_proposals);
		for (k = 0; k <= LDIFF_OP_MERGED; k++) {
			if (by_op[k] == 0)
				continue;
			ld_buf_printf(&w->b, "%s%zu %s", first ? " (" : ", ",
			    by_op[k], op_counted(w, (ldiff_op)k, by_op[k]));
			first = 0;
		}
		ld_buf_adds(&w->b, first ? ", " : "), ");
		ld_buf_printf(&w->b, counted(w, N_COMMENTS, pa->n_comments),
		    pa->n_comments);
		ld_buf_addc(&w->b, '\n');
	}
}

int
ldiff_render_consolidation_stat(const ldiff_consolidation *c, FILE *out,
    const ldiff_render_opts *o)
{
	cw w;

	if (start(&w, c, out, o) != 0)
		return LDIFF_EINVAL;
	put_matrix(&w);
	put_party_counts(&w);
	return finish(&w);
}
