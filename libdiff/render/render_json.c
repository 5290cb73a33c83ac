/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * render_json.c - the diff as JSON Lines, one record per aligned unit.
 *
 * A script reads each line on its own (jq -c, grep, a JSON Lines reader),
 * so every record carries everything about its unit: what happened, the
 * clauses of both sides with the numbers the documents show, the classes,
 * the word-level edits with the values of changed amounts, the versions
 * compared, the similarity and the lineage that ties one clause across
 * three versions.  Equal units are records too, so a script sees the whole
 * document; LDIFF_HIDE_EQUAL (kldiff --changes-only) leaves them out.  The
 * hide flags drop units, never edits inside a unit: data stays complete.
 *
 *   {"op":"changed","old":[{"id":"4.2","kind":"clause","text":"..."}],
 *    "new":[...],
 *    "substantive":true,"class":["amount"],"edits":[{"op":"replace",
 *    "old":"1 250 000","new":"1 300 000","class":["amount"],
 *    "old_value":1250000,"new_value":1300000}],"from":"a.docx",
 *    "to":"b.docx","section":"Finansiering","similarity":0.93,"lineage":12}
 *
 * A moved unit also has "old_section", the heading it was under.
 *
 * Only the edits that change something are listed; the texts are in
 * "old" and "new".  Numbers are written without the C locale, which
 * under a Swedish LC_NUMERIC would write 0,93.  Each record is built in
 * memory and written whole, several at a time, so a reader never sees half
 * a line.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/render.h"

static const char *const edit_names[] = {
	"equal", "insert", "delete", "replace"
};

void
ld_json_classes(ld_buf *b, unsigned cls)
{
	size_t i;
	int first = 1;

	ld_buf_addc(b, '[');
	for (i = 0; i < LD_N_CLASSES; i++) {
		if (!(cls & ld_classes[i].bit))
			continue;
		if (!first)
			ld_buf_addc(b, ',');
		ld_buf_addc(b, '"');
		ld_buf_adds(b, ld_classes[i].name);
		ld_buf_addc(b, '"');
		first = 0;
	}
	ld_buf_addc(b, ']');
}

/* Whole numbers in decimal, as %llu and %lld write them (printf was a
 * tenth of the JSON output's cost). */
static void
json_unsigned(ld_buf *b, unsigned long long u, int neg)
{
	char tmp[24], *p = tmp + sizeof tmp;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (neg)
		*--p = '-';
	ld_buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

static void
json_integer(ld_buf *b, long long v)
{
	json_unsigned(b, v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v, v < 0);
}

/* A JSON number whatever LC_NUMERIC says; null when not finite. */
static void
json_number(ld_buf *b, double v)
{
	char tmp[64], *p;

	if (!isfinite(v)) {
		ld_buf_adds(b, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 9e15) {
		json_integer(b, (long long)v);
		return;
	}
	snprintf(tmp, sizeof tmp, "%.15g", v);
	for (p = tmp; *p != '\0'; p++)
		if (*p == ',')
			*p = '.';
	ld_buf_adds(b, tmp);
}

/* Three decimals at most: 0.93, 1, 0.5. */
static void
json_similarity(ld_buf *b, double s)
{
	char tmp[8];
	size_t n;
	long k;

	if (!isfinite(s) || s < 0)
		s = 0;
	if (s > 1)
		s = 1;
	k = (long)(s * 1000 + 0.5);
	/* k <= 1000: "1.000" or "0.ddd", then the trailing zeros go */
	tmp[0] = (char)('0' + k / 1000);
	tmp[1] = '.';
	tmp[2] = (char)('0' + k / 100 % 10);
	tmp[3] = (char)('0' + k / 10 % 10);
	tmp[4] = (char)('0' + k % 10);
	n = 5;
	while (tmp[n - 1] == '0')
		n--;
	if (tmp[n - 1] == '.')
		n--;
	ld_buf_add(b, tmp, n);
}

static void
json_clauses(ld_buf *b, const ldiff_clause *const *cl, size_t n)
{
	size_t i;

	ld_buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		ld_buf_adds(b, i > 0 ? ",{\"id\":" : "{\"id\":");
		ld_json_string(b, cl[i]->id);
		ld_json_member(b, ",\"kind\":",
		    ldiff_clause_kind_name(cl[i]->kind));
		ld_json_member(b, ",\"text\":", cl[i]->text);
		ld_buf_addc(b, '}');
	}
	ld_buf_addc(b, ']');
}

void
ld_json_edits(ld_buf *b, const ldiff_edit *edits, size_t n, int values)
{
	size_t i;
	int first = 1;

	ld_buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		const ldiff_edit *e = &edits[i];

		if (e->op == LDIFF_EDIT_EQUAL || (unsigned)e->op > 3)
			continue;
		ld_buf_adds(b, first ? "{\"op\":\"" : ",{\"op\":\"");
		ld_buf_adds(b, edit_names[e->op]);
		ld_buf_adds(b, "\",\"old\":");
		ld_json_string(b, e->old_text);
		ld_json_member(b, ",\"new\":", e->new_text);
		ld_buf_adds(b, ",\"class\":");
		ld_json_classes(b, e->cls);
		/* a row inserted (deleted) whole has no old (new) value:
		 * the key is left out rather than claim 0 */
		if (values && e->has_values && e->op != LDIFF_EDIT_INSERT) {
			ld_buf_adds(b, ",\"old_value\":");
			json_number(b, e->old_value);
		}
		if (values && e->has_values && e->op != LDIFF_EDIT_DELETE) {
			ld_buf_adds(b, ",\"new_value\":");
			json_number(b, e->new_value);
		}
		ld_buf_addc(b, '}');
		first = 0;
	}
	ld_buf_addc(b, ']');
}

static void
json_unit(ld_buf *b, const ldiff_diff *d, const ldiff_unit *u)
{
	const char *from = ldiff_diff_version_name(d, u->from);
	const char *to = ldiff_diff_version_name(d, u->to);

	ld_buf_adds(b, "{\"op\":\"");
	ld_buf_adds(b, (unsigned)u->op <= LDIFF_OP_MERGED ?
	    ldiff_op_name(u->op) : "changed");
	ld_buf_adds(b, "\",\"old\":");
	json_clauses(b, u->old_cl, u->n_old);
	ld_buf_adds(b, ",\"new\":");
	json_clauses(b, u->new_cl, u->n_new);
	ld_buf_adds(b, u->substantive ? ",\"substantive\":true,\"class\":" :
	    ",\"substantive\":false,\"class\":");
	ld_json_classes(b, u->cls);
	ld_buf_adds(b, ",\"edits\":");
	ld_json_edits(b, u->edits, u->n_edits, 1);
	ld_json_member(b, ",\"from\":", from != NULL ? from : "");
	ld_json_member(b, ",\"to\":", to != NULL ? to : "");
	ld_json_member(b, ",\"section\":", ld_unit_section(u));
	/* where a moved clause came from: section is where it went */
	if (u->op == LDIFF_OP_MOVED && u->n_old > 0) {
		ld_json_member(b, ",\"old_section\":", u->old_cl[0]->section);
	}
	ld_buf_adds(b, ",\"similarity\":");
	json_similarity(b, u->similarity);
	ld_buf_adds(b, ",\"lineage\":");
	json_unsigned(b, u->lineage, 0);
	ld_buf_adds(b, "}\n");
}

int
ldiff_render_json(const ldiff_diff *d, FILE *out,
    const ldiff_render_opts *o)
{
	unsigned hide;
	size_t i, n;
	ld_buf b;
	int r = 0;

	if (d == NULL || out == NULL)
		return LDIFF_EINVAL;
	if (o != NULL && ld_check_render_opts(o) != 0)
		return LDIFF_EINVAL;
	hide = o != NULL ? o->hide : 0;
	ld_buf_init(&b);
	n = ldiff_diff_count(d);
	/* whole records, about 64 KiB at a time */
	for (i = 0; i < n && r == 0; i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);

		if (!ldiff_unit_hidden(u, hide))
			json_unit(&b, d, u);
		if (b.oom)
			r = LDIFF_ENOMEM;
		else if (b.len >= 65536 || (i + 1 == n && b.len > 0))
			r = ld_fwrite_all(out, b.data, b.len);
		if (b.len >= 65536)
			ld_buf_reset(&b);
	}
	ld_buf_free(&b);
	if (r == 0 && (fflush(out) != 0 || ferror(out)))
		r = LDIFF_EIO;
	return r;
}
