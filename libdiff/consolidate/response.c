/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * response.c - one party's response to the draft, read for what it
 * proposes.
 *
 * The idea: a response is compared with the draft as the party leaves
 * it, every tracked change accepted; the draft, not the party's own
 * rejected view, is the other side, so that the proposals of every
 * response hang on the same draft clauses.  A tracked response whose
 * rejected view is the draft (the usual case) gives the same comparison
 * as its accepted view against its rejected one, its revisions; when
 * the rejected view differs (an older draft, or edits made with
 * tracking off) the comparison with the draft is the one that tells
 * the truth, and against_draft says so.
 *
 * Who proposes: the authors of the revisions and comments, read from
 * the paragraphs (ldiff_para.revs) of both views, since a deleted
 * paragraph is only in the rejected one.  Each revised paragraph keeps
 * its authors, so a response with several authors can say whose
 * proposal a clause is (ld_response_authors_of).  Comments are the
 * comment paragraphs ("cm:N"), joined per comment, with the author and
 * date of their "comment" revision.
 */
#include <stdlib.h>
#include <string.h>

#include "consolidate/consolidate.h"

int
ld_is_comment_clause(const ldiff_clause *c)
{
	return c->kind == LDIFF_CL_OTHER && strncmp(c->id, "cm:", 3) == 0;
}

int
ld_clauses_without_comments(ldiff_clauses **out, const ldiff_clauses *c)
{
	size_t i, n = ldiff_clauses_count(c);
	int rc = ld_clauses_new(out, &c->limits);

	for (i = 0; i < n && rc == 0; i++) {
		const ldiff_clause *from = ldiff_clauses_get(c, i);
		ldiff_clause *to;

		if (ld_is_comment_clause(from))
			continue;
		if ((to = ld_clauses_add(*out, &rc)) != NULL)
			*to = *from;
	}
	if (rc != 0) {
		ldiff_clauses_free(*out);
		*out = NULL;
	}
	return rc;
}

/* The index of author name, added when new; (size_t)-1 out of memory. */
static size_t
author_index(ld_response *r, const char *name)
{
	size_t i;
	const char **v;

	for (i = 0; i < r->n_authors; i++)
		if (strcmp(r->authors[i], name) == 0)
			return i;
	if (r->n_authors == r->authors_cap) {
		v = ld_grow(r->authors, &r->authors_cap, 4, sizeof *v);
		if (v == NULL)
			return (size_t)-1;
		r->authors = v;
	}
	if ((r->authors[r->n_authors] = ld_arena_strdup(r->arena, name)) ==
	    NULL)
		return (size_t)-1;
	return r->n_authors++;
}

static int
add_revised(ld_response *r, const char *text, size_t author)
{
	ld_revised *v;

	if (r->n_revised > 0 && r->revised[r->n_revised - 1].author ==
	    author && strcmp(r->revised[r->n_revised - 1].text, text) == 0)
		return 0;
	if (r->n_revised == r->revised_cap) {
		v = ld_grow(r->revised, &r->revised_cap, 16, sizeof *v);
		if (v == NULL)
			return LDIFF_ENOMEM;
		r->revised = v;
	}
	v = &r->revised[r->n_revised];
	if ((v->text = ld_arena_strdup(r->arena, text)) == NULL)
		return LDIFF_ENOMEM;
	v->author = author;
	r->n_revised++;
	return 0;
}

/* A comment paragraph: the first of its comment opens a note, the
 * others add their text to it. */
static int
add_note_para(ld_response *r, const ldiff_para *p)
{
	ld_note *v = r->n_notes > 0 ? &r->notes[r->n_notes - 1] : NULL;
	size_t k;

	if (v != NULL && strcmp(v->where, p->where) == 0) {
		v->text = ld_arena_printf(r->arena, "%s\n%s", v->text, p->text);
		return v->text != NULL ? 0 : LDIFF_ENOMEM;
	}
	if (r->n_notes == r->notes_cap) {
		v = ld_grow(r->notes, &r->notes_cap, 8, sizeof *v);
		if (v == NULL)
			return LDIFF_ENOMEM;
		r->notes = v;
	}
	v = &r->notes[r->n_notes];
	memset(v, 0, sizeof *v);
	v->author = (size_t)-1;
	v->date = "";
	for (k = 0; k < p->n_revs; k++)
		if (strcmp(p->revs[k].kind, "comment") == 0 &&
		    p->revs[k].author[0] != '\0') {
			v->author = author_index(r, p->revs[k].author);
			v->date = ld_arena_strdup(r->arena, p->revs[k].date);
			if (v->author == (size_t)-1 || v->date == NULL)
				return LDIFF_ENOMEM;
			break;
		}
	v->where = ld_arena_strdup(r->arena, p->where);
	v->text = ld_arena_strdup(r->arena, p->text);
	if (v->where == NULL || v->text == NULL)
		return LDIFF_ENOMEM;
	r->n_notes++;
	return 0;
}

/* Authors, revised paragraphs and (from the accepted view) comments. */
static int
scan_doc(ld_response *r, const ldiff_doc *d, int comments)
{
	size_t i, k, n = ldiff_doc_count(d);
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		const ldiff_para *p = ldiff_doc_para(d, i);

		if (p->kind == LDIFF_PARA_COMMENT) {
			if (comments)
				rc = add_note_para(r, p);
			continue;
		}
		for (k = 0; k < p->n_revs && rc == 0; k++) {
			size_t a;

			if (strcmp(p->revs[k].kind, "comment") == 0 ||
			    p->revs[k].author[0] == '\0')
				continue;
			r->tracked = 1;
			if ((a = author_index(r, p->revs[k].author)) ==
			    (size_t)-1)
				rc = LDIFF_ENOMEM;
			else
				rc = add_revised(r, p->text, a);
		}
		if (p->flags & (LDIFF_PF_INSERTED | LDIFF_PF_DELETED |
		    LDIFF_PF_MOVED_FROM | LDIFF_PF_MOVED_TO |
		    LDIFF_PF_HAS_REVISIONS))
			r->tracked = 1;
	}
	return rc;
}

/* One view of a .docx response made into clauses and scanned. */
static int
read_view(ld_response *r, ldiff_changes_mode mode, ldiff_clauses **cl,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so)
{
	ldiff_extract_opts o = *xo;
	ldiff_doc *d = NULL;
	int rc;

	o.changes = mode;
	o.authors = 0;
	rc = ldiff_doc_from_docx_mem(&d, r->in->data, r->in->len, &o,
	    &r->err);
	if (rc == 0)
		rc = scan_doc(r, d, mode == LDIFF_CHANGES_ACCEPT);
	if (rc == 0)
		rc = ldiff_clauses_from_doc(cl, d, so, &r->err);
	ldiff_doc_free(d);
	return rc;
}

/* Are the clauses of a and b the same, id by id and word by word? */
static int
same_clauses(const ldiff_clauses *a, const ldiff_clauses *b)
{
	size_t i, n = ldiff_clauses_count(a);

	if (n != ldiff_clauses_count(b))
		return 0;
	for (i = 0; i < n; i++) {
		const ldiff_clause *x = ldiff_clauses_get(a, i);
		const ldiff_clause *y = ldiff_clauses_get(b, i);

		if (strcmp(x->id, y->id) != 0 || strcmp(x->text, y->text) != 0)
			return 0;
	}
	return 1;
}

/* Tracked: is the rejected view the draft? */
static int
check_rejected_view(ld_response *r, const ldiff_clauses *draft,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so)
{
	ldiff_clauses *rej = NULL, *body = NULL;
	int rc = read_view(r, LDIFF_CHANGES_REJECT, &rej, xo, so);

	if (rc == 0)
		rc = ld_clauses_without_comments(&body, rej);
	if (rc == 0)
		r->against_draft = !same_clauses(body, draft);
	ldiff_clauses_free(body);
	ldiff_clauses_free(rej);
	return rc;
}

static int
is_package(const ldiff_response *in)
{
	const unsigned char *p = in->data;

	return in->len > 2 && p[0] == 'P' && p[1] == 'K';
}

static int
read_views(ld_response *r, const ldiff_clauses *draft,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so)
{
	int rc;

	if (!is_package(r->in))
		return ldiff_clauses_from_any(&r->all, r->in->data, r->in->len,
		    xo, so, &r->err);
	rc = read_view(r, LDIFF_CHANGES_ACCEPT, &r->all, xo, so);
	if (rc == 0 && r->tracked)
		rc = check_rejected_view(r, draft, xo, so);
	return rc;
}

int
ld_response_read(ld_response *r, const ldiff_clauses *draft,
    const ldiff_extract_opts *xo, const ldiff_split_opts *so,
    const ldiff_diff_opts *dopt)
{
	const ldiff_clauses *pair[2];
	const char *names[2];
	int rc;

	memset(&r->err, 0, sizeof r->err);
	if ((r->arena = ld_arena_new()) == NULL)
		return r->rc = LDIFF_ENOMEM;
	rc = read_views(r, draft, xo, so);
	if (rc == 0)
		rc = ld_clauses_without_comments(&r->body, r->all);
	if (rc == 0) {
		pair[0] = draft;
		pair[1] = r->body;
		names[0] = "draft";
		names[1] = r->in->name;
		rc = ldiff_diff_new(&r->diff, pair, names, 2, dopt, &r->err);
	}
	if (rc != 0 && r->err.code == 0)
		ld_error(&r->err, rc, "%s", ldiff_strerror(rc));
	return r->rc = rc;
}

void
ld_response_free(ld_response *r)
{
	ldiff_diff_free(r->diff);
	ldiff_clauses_free(r->body);
	ldiff_clauses_free(r->all);
	ld_free(r->authors);
	ld_free(r->revised);
	ld_free(r->notes);
	ld_arena_free(r->arena);
}

/* Does the paragraph text p hold the clause text t, or t hold p (the
 * paragraphs of a row)?  A paragraph keeps a typed number the clause
 * has cut off, so p holding t is the common case. */
static int
texts_meet(const char *p, const char *t)
{
	if (*p == '\0' || *t == '\0')
		return 0;
	return strstr(p, t) != NULL || strstr(t, p) != NULL;
}

size_t
ld_response_authors_of(const ld_response *r, const ldiff_clause *const *cl,
    size_t n, size_t *out, size_t max)
{
	size_t i, k, j, found = 0;

	for (i = 0; i < r->n_revised; i++) {
		const ld_revised *v = &r->revised[i];

		for (k = 0; k < n && !texts_meet(v->text, cl[k]->text); k++)
			;
		if (k == n)
			continue;
		for (j = 0; j < found && out[j] != v->author; j++)
			;
		if (j == found && found < max)
			out[found++] = v->author;
	}
	return found;
}
