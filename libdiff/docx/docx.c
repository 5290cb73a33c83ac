/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * docx.c - a .docx to paragraphs: the parts in reading order, records.
 *
 * The main part is found through _rels/.rels (transitional or Strict
 * officeDocument relationship), everything else through the main part's
 * relationships.  Reading order: the body, then footnotes, endnotes,
 * comments, then each header part once and each footer part once, in the
 * order the section properties name them.  List counters run over the
 * paragraphs of the chosen view, separately for the body and for each
 * other part.  Paragraphs with no text, no label and no references (empty
 * paragraphs, merged-away cells) are dropped after counting, because Word
 * counts an empty numbered paragraph.  On any failure the document is
 * freed: partial output is never presented as success.
 *
 * Footnote and endnote references are numbered here as the reader sees
 * them: in the body's order, in the format settings.xml gives (decimal
 * footnotes and lower-case roman endnotes unless it says otherwise), and
 * the notes are named by that mark.  Imported content (w:altChunk) is
 * read by altchunk.c and its paragraphs put where the chunk stands; what
 * cannot be read is a warning, never silence.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "docx/wordml.h"

struct secref {
	int header;
	char type[32];
	char rid[128];
};

struct reader {
	int depth;		/* of altChunk packages inside packages */
	const char *main_part;
	struct notemarks nm;
	ld_pkg *pkg;
	ldiff_doc *d;
	const ldiff_extract_opts *o;
	ldiff_error *err;
	ld_styles *st;
	ld_numbering *nb;
	ld_rels rels;		/* of the main part */
	struct secref *refs;
	size_t nrefs, caprefs;
};

/* ---- revisions and notes ------------------------------------------------ */

static const char *const rev_kind_names[NRK] = {
	"ins", "del", "movefrom", "moveto", "ins-mark", "del-mark", "comment"
};

/* w:footnotePr and w:endnotePr of settings.xml: the marks' format and
 * first number. */
static int
note_format(struct reader *rd)
{
	const ld_rel *rel = ld_rels_by_type(&rd->rels, "settings");
	ld_xml *x = NULL;
	int t, which = -1, r;
	char v[32];

	snprintf(rd->nm.fmt[0], sizeof rd->nm.fmt[0], "decimal");
	snprintf(rd->nm.fmt[1], sizeof rd->nm.fmt[1], "lowerRoman");
	rd->nm.start[0] = rd->nm.start[1] = 1;
	if (rel == NULL || !ld_pkg_has_part(rd->pkg, rel->target))
		return 0;
	if ((r = ld_xml_open(&x, rd->pkg, rel->target, rd->err)) != 0)
		return r;
	while ((t = ld_xml_next(x, rd->err)) > 0) {
		const char *n = ld_xml_name(x);

		if (ld_xml_ns(x) != LD_NS_W)
			continue;
		if (strcmp(n, "footnotePr") == 0 || strcmp(n, "endnotePr") == 0)
			which = t == LD_XML_START ? n[0] == 'e' : -1;
		else if (t != LD_XML_START || which < 0 ||
		    !ld_xml_attr(x, LD_NS_W, "val", v, sizeof v))
			continue;
		else if (strcmp(n, "numFmt") == 0)
			snprintf(rd->nm.fmt[which], sizeof rd->nm.fmt[0], "%s",
			    v);
		else if (strcmp(n, "numStart") == 0 && atol(v) >= 0)
			rd->nm.start[which] = atol(v);
	}
	ld_xml_close(x);
	return t;
}

static ld_nested_docx_fn read_nested;

/* ---- one paragraph -> one record --------------------------------------- */

static void
numbering_of(const struct walker *w, const struct pctx *pc, const char *sid,
    int *num, int *ilvl)
{
	int snum = 0, slvl = 0, has_style;

	has_style = ld_styles_numpr(w->st, sid, &snum, &slvl);
	if (pc->has_numid) {
		*num = pc->num_id;
		*ilvl = pc->has_ilvl ? pc->ilvl : has_style ? slvl : 0;
	} else if (has_style) {
		*num = snum;
		*ilvl = pc->has_ilvl ? pc->ilvl : slvl;
	} else {
		*num = 0;
		*ilvl = 0;
	}
}

static const char *
where_of(struct walker *w)
{
	ld_buf *b = &w->where;
	int i;

	ld_buf_reset(b);
	if (w->part_where[0])
		ld_buf_adds(b, w->part_where);
	else if (w->where_prefix[0])
		ld_buf_adds(b, w->where_prefix);
	for (i = 0; i < w->ntb; i++) {
		if (b->len > 0)
			ld_buf_addc(b, '/');
		ld_buf_addc(b, 't');	/* "t1.r2.c3", without printf */
		ld_buf_addint(b, w->tb[i].no);
		ld_buf_adds(b, ".r");
		ld_buf_addint(b, w->tb[i].row);
		ld_buf_adds(b, ".c");
		ld_buf_addint(b, w->tb[i].cell_col + 1);
	}
	return ld_buf_str(b);
}

static unsigned
flags_of(const struct pctx *pc)
{
	const size_t *r = pc->nrev;
	unsigned f = 0;

	if (pc->mark || pc->revs_seen || r[REV_INS] || r[REV_DEL] ||
	    r[REV_MTO] || r[REV_MFROM])
		f |= LDIFF_PF_HAS_REVISIONS;
	if ((pc->mark & MARK_INS) && !r[REV_NONE] && !r[REV_DEL] &&
	    !r[REV_MTO] && !r[REV_MFROM])
		f |= LDIFF_PF_INSERTED;
	if ((pc->mark & MARK_DEL) && !r[REV_NONE] && !r[REV_INS] &&
	    !r[REV_MTO] && !r[REV_MFROM])
		f |= LDIFF_PF_DELETED;
	if ((pc->mark & MARK_MTO) && !r[REV_NONE] && !r[REV_DEL] &&
	    !r[REV_MFROM])
		f |= LDIFF_PF_MOVED_TO;
	if ((pc->mark & MARK_MFROM) && !r[REV_NONE] && !r[REV_INS] &&
	    !r[REV_MTO])
		f |= LDIFF_PF_MOVED_FROM;
	return f;
}

/* Text-box paragraphs were appended before their anchor ended: move the
 * anchor (the last record) in front of them. */
static void
rotate_anchor(ldiff_doc *d, size_t at)
{
	ldiff_para tmp;

	if (at + 1 >= d->n)
		return;
	tmp = d->paras[d->n - 1];
	memmove(&d->paras[at + 1], &d->paras[at],
	    (d->n - 1 - at) * sizeof tmp);
	d->paras[at] = tmp;
}

/* Text whose code points are all below U+0300 (Latin, with å ä ö) or
 * common punctuation (U+2010..U+2027, U+2030..U+205E) is already NFC:
 * none of them decomposes or combines.  Most agreement text is, and NFC
 * through utf8proc is the dearest step of extraction. */
static int
nfc_stable(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n && (i = ld_utf8_skip_ascii(s, n, i)) < n) {
		if (p[i] >= 0xC2 && p[i] < 0xCC) {
			i += 2;		/* U+0080..U+02FF */
		} else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		    p[i + 2] >= 0x90 && p[i + 2] <= 0xA7) {
			i += 3;
		} else if (p[i] == 0xE2 && i + 2 < n && ((p[i + 1] == 0x80 &&
		    p[i + 2] >= 0xB0) || (p[i + 1] == 0x81 &&
		    p[i + 2] <= 0x9E))) {
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

static const char *
nfc(ld_arena *a, const char *s, size_t n)
{
	if (nfc_stable(s, n))
		return ld_arena_strndup(a, s, n);
	return ld_utf8_nfc(a, s, n);
}

/* s in the document's arena: the copy made for the paragraph before
 * when it says the same (most paragraphs share their style and place),
 * no copy at all when it is empty.  NULL when out of memory. */
enum { KEEP_STYLE_ID, KEEP_STYLE, KEEP_WHERE, KEEP_REFS, KEEP_NOTE };

static const char *
kept(struct walker *w, int slot, const char *s, size_t n)
{
	const char *k = w->kept[slot];

	if (n == 0)
		return "";
	if (k != NULL && strncmp(k, s, n) == 0 && k[n] == '\0')
		return k;
	if ((k = ld_arena_strndup(w->d->arena, s, n)) != NULL)
		w->kept[slot] = k;
	return k;
}

/* Where a note mark at byte off of the raw text stands in the NFC
 * text: the length of the NFC prefix. */
static size_t
nfc_offset(ld_arena *a, const struct pctx *pc, const ldiff_para *p,
    size_t off)
{
	const char *pre;

	if (!(p->flags & LDIFF_PF_NOT_NFC))
		return off;
	pre = ld_utf8_nfc(a, ld_buf_str(&pc->text), off);
	return pre != NULL ? strlen(pre) : off;
}

/* Note marks, hidden text and revisions of the record. */
static int
fill_extra(struct walker *w, struct pctx *pc, ldiff_para *p)
{
	ld_arena *a = w->d->arena;
	ldiff_note_ref *nr;
	ldiff_revision *rv;
	size_t i, n = pc->nrevs + (w->in_comment != 0);

	p->hidden_chars = pc->hidden;
	p->note = kept(w, KEEP_NOTE, w->note_mark, strlen(w->note_mark));
	if (pc->nnotes > 0) {
		if ((nr = ld_arena_alloc(a, pc->nnotes * sizeof *nr)) == NULL)
			return LDIFF_ENOMEM;
		for (i = 0; i < pc->nnotes; i++) {
			nr[i].off = nfc_offset(a, pc, p, pc->notes[i].off);
			nr[i].mark = ld_arena_strdup(a, pc->notes[i].mark);
			if (nr[i].mark == NULL)
				return LDIFF_ENOMEM;
		}
		p->note_refs = nr;
		p->n_note_refs = pc->nnotes;
	}
	if (n == 0)
		return p->note == NULL ? LDIFF_ENOMEM : 0;
	if ((rv = ld_arena_alloc(a, n * sizeof *rv)) == NULL)
		return LDIFF_ENOMEM;
	n = 0;
	if (w->in_comment) {
		rv[n].kind = rev_kind_names[RK_COMMENT];
		rv[n].author = ld_arena_strdup(a, w->cm_author);
		rv[n++].date = ld_arena_strdup(a, w->cm_date);
	}
	for (i = 0; i < pc->nrevs; i++) {
		rv[n].kind = rev_kind_names[pc->revs[i].kind];
		rv[n].author = ld_arena_strdup(a, pc->revs[i].author);
		rv[n++].date = ld_arena_strdup(a, pc->revs[i].date);
	}
	for (i = 0; i < n; i++)
		if (rv[i].author == NULL || rv[i].date == NULL)
			return LDIFF_ENOMEM;
	p->revs = rv;
	p->n_revs = n;
	return p->note == NULL ? LDIFF_ENOMEM : 0;
}

static int
fill(struct walker *w, struct pctx *pc, ldiff_para *p)
{
	ld_arena *a = w->d->arena;
	const char *sid = pc->style_id[0] ? pc->style_id :
	    ld_styles_default_para(w->st);
	const char *style, *where;
	int heading;

	heading = pc->outline >= 0 ? (pc->outline <= 8 ? pc->outline + 1 : 0)
	    : ld_styles_heading(w->st, sid);
	numbering_of(w, pc, sid, &p->num_id, &p->ilvl);
	if (w->part_kind != LDIFF_PARA_PARAGRAPH)
		p->kind = w->part_kind;
	else if (w->ntb > 0)
		p->kind = LDIFF_PARA_CELL;
	else if (heading > 0)
		p->kind = LDIFF_PARA_HEADING;
	p->level = p->kind == LDIFF_PARA_HEADING ? heading : 0;
	style = ld_styles_name(w->st, sid);
	where = where_of(w);
	p->style_id = kept(w, KEEP_STYLE_ID, pc->style_id,
	    strlen(pc->style_id));
	p->style = kept(w, KEEP_STYLE, style, strlen(style));
	p->where = kept(w, KEEP_WHERE, where, strlen(where));
	p->refs = kept(w, KEEP_REFS, ld_buf_str(&pc->refs), pc->refs.len);
	p->text = nfc(a, ld_buf_str(&pc->text), pc->text.len);
	p->flags = flags_of(pc);
	p->xml_p = pc->ordinal;
	/* the text is NFC by contract; that the source was not is kept,
	 * so a change of normal form alone can be shown (typography) */
	if (p->text != NULL && (strlen(p->text) != pc->text.len ||
	    memcmp(p->text, ld_buf_str(&pc->text), pc->text.len) != 0))
		p->flags |= LDIFF_PF_NOT_NFC;
	if (p->style_id == NULL || p->style == NULL || p->where == NULL ||
	    p->refs == NULL || p->text == NULL || w->where.oom ||
	    pc->refs.oom)
		return LDIFF_ENOMEM;
	return fill_extra(w, pc, p);
}

/* The walker's on_paragraph: the finished paragraph becomes a record. */
static int
emit_para(void *ctx, struct walker *w, struct pctx *pc)
{
	ldiff_para *p;
	int code = 0;

	(void)ctx;
	p = ld_doc_add(w->d, &code);
	if (p == NULL) {
		if (code == LDIFF_ELIMIT)
			return ld_error(w->err, LDIFF_ELIMIT, _("%s: more "
			    "than %lu paragraphs (limit max_paras)"), w->part,
			    (unsigned long)w->lim->max_paras);
		return ld_error(w->err, LDIFF_ENOMEM, NULL);
	}
	if (fill(w, pc, p) != 0)
		return ld_error(w->err, LDIFF_ENOMEM, NULL);
	if (pc->has_defer)
		rotate_anchor(w->d, pc->defer_start);
	return 0;
}

/* ---- after a part: list labels, then drop empty paragraphs --------------- */

static int
blank(const ldiff_para *p)
{
	const char *s;

	if (p->label[0] || p->refs[0])
		return 0;
	for (s = p->text; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

static int
label_part(ldiff_doc *d, const ld_numbering *nb, size_t start)
{
	ld_numstate *ns = ld_numstate_new(nb);
	ld_buf lab;
	size_t i;
	int r = 0;

	if (ns == NULL)
		return LDIFF_ENOMEM;
	ld_buf_init(&lab);
	for (i = start; i < d->n && r >= 0; i++) {
		ldiff_para *p = &d->paras[i];

		if (p->num_id <= 0)
			continue;
		r = ld_numstate_next(ns, p->num_id, p->ilvl, &lab);
		if (r <= 0 || lab.len == 0)
			continue;
		p->label = ld_arena_strndup(d->arena, lab.data, lab.len);
		if (p->label == NULL)
			r = LDIFF_ENOMEM;
		else if (p->kind == LDIFF_PARA_PARAGRAPH)
			p->kind = LDIFF_PARA_ITEM;
		if (p->kind == LDIFF_PARA_ITEM)
			p->level = p->ilvl + 1;
	}
	ld_buf_free(&lab);
	ld_numstate_free(ns);
	return r < 0 ? r : 0;
}

static void
drop_blank(ldiff_doc *d, size_t start)
{
	size_t i, o = start;

	for (i = start; i < d->n; i++)
		if (!blank(&d->paras[i]))
			d->paras[o++] = d->paras[i];
	d->n = o;
}

/* ---- parts ------------------------------------------------------------- */

static int
on_secref(void *ctx, int header, const char *type, const char *rid)
{
	struct reader *rd = ctx;
	struct secref *v;

	if (rd->nrefs == rd->caprefs) {
		v = ld_grow(rd->refs, &rd->caprefs, 8, sizeof *v);
		if (v == NULL)
			return LDIFF_ENOMEM;
		rd->refs = v;
	}
	v = &rd->refs[rd->nrefs++];
	v->header = header;
	snprintf(v->type, sizeof v->type, "%s", type);
	snprintf(v->rid, sizeof v->rid, "%s", rid);
	return 0;
}

/* The paragraphs of a chunk's body where the chunk stands: in a table
 * cell they are that cell's. */
static int
put_chunk(struct walker *w, const ldiff_doc *c)
{
	ld_arena *a = w->d->arena;
	const char *where = where_of(w);
	size_t i;
	int code = 0;

	for (i = 0; i < c->n && code == 0; i++) {
		const ldiff_para *q = &c->paras[i];
		ldiff_para *p;

		if (q->kind > LDIFF_PARA_CELL)
			continue;	/* the chunk's notes, headers ... */
		if ((p = ld_doc_add(w->d, &code)) == NULL)
			break;
		p->kind = w->ntb > 0 ? LDIFF_PARA_CELL : q->kind;
		p->level = p->kind == q->kind ? q->level : 0;
		p->label = ld_arena_strdup(a, q->label);
		p->style = ld_arena_strdup(a, q->style);
		p->where = ld_arena_strdup(a, where[0] ? where : q->where);
		p->text = ld_arena_strdup(a, q->text);
		p->flags = q->flags;
		p->hidden_chars = q->hidden_chars;
		if (p->label == NULL || p->style == NULL || p->where == NULL ||
		    p->text == NULL)
			code = LDIFF_ENOMEM;
	}
	if (code == LDIFF_ELIMIT)
		return ld_error(w->err, LDIFF_ELIMIT, _("%s: more "
		    "than %lu paragraphs (limit max_paras)"), w->part,
		    (unsigned long)w->lim->max_paras);
	return code;
}

/* w:altChunk: imported content, read where it stands, or a warning. */
static int
on_alt_chunk(void *ctx, struct walker *w, const char *rid)
{
	struct reader *rd = ctx;
	ld_rels own = { NULL, 0 };
	const ld_rel *rel;
	ldiff_doc *chunk = NULL;
	ldiff_error cerr = { 0 };
	int r;

	if (strcmp(w->part, rd->main_part) != 0 &&
	    (r = ld_pkg_rels(rd->pkg, w->part, &own, &cerr)) != 0)
		return r == LDIFF_ENOMEM ? r : ld_doc_warn(w->d, "%s: %s",
		    w->part, cerr.msg);
	rel = ld_rels_by_id(own.v != NULL ? &own : &rd->rels, rid);
	if (rel == NULL || !ld_pkg_has_part(rd->pkg, rel->target)) {
		r = ld_doc_warn(w->d, _("%s: imported content (w:altChunk "
		    "r:id=\"%s\") is not in the package; left out"), w->part,
		    rid);
	} else if ((r = ld_altchunk_read(&chunk, rd->pkg, rel->target, rd->o,
	    rd->depth + 1, read_nested, &cerr)) == 0) {
		r = put_chunk(w, chunk);
		for (size_t i = 0; r == 0 && i < chunk->nwarn; i++)
			r = ld_doc_warn(w->d, "%s", chunk->warnings[i]);
	} else if (r != LDIFF_ENOMEM) {
		r = ld_doc_warn(w->d, _("%s: imported content %s could not "
		    "be read (%s); left out"), w->part, rel->target,
		    cerr.msg);
	}
	ldiff_doc_free(chunk);
	ld_rels_free(&own);
	return r;
}

static void
walker_free(struct walker *w)
{
	size_t i;

	for (i = 0; i < w->cappc; i++) {
		ld_buf_free(&w->pc[i].text);
		ld_buf_free(&w->pc[i].refs);
		ld_free(w->pc[i].revs);
		ld_free(w->pc[i].notes);
	}
	ld_free(w->pc);
	ld_free(w->tb);
	ld_free(w->stack);
	ld_buf_free(&w->where);
	ld_xml_close(w->x);
}

static int
walk_part(struct reader *rd, const char *part, ldiff_para_kind kind,
    const char *where)
{
	struct walker w;
	size_t start = rd->d->n;
	int r;

	memset(&w, 0, sizeof w);
	w.d = rd->d;
	w.st = rd->st;
	w.lim = &rd->o->limits;
	w.mode = rd->o->changes;
	w.err = rd->err;
	w.part = part;
	w.part_kind = kind;
	w.part_where = where;
	w.note_kind = kind == LDIFF_PARA_FOOTNOTE ||
	    kind == LDIFF_PARA_ENDNOTE || kind == LDIFF_PARA_COMMENT;
	w.authors = rd->o->authors && rd->o->changes == LDIFF_CHANGES_MARKUP;
	w.nm = &rd->nm;
	w.on_alt_chunk = on_alt_chunk;
	w.chunk_ctx = rd;
	if (kind == LDIFF_PARA_PARAGRAPH) {
		w.on_section_ref = on_secref;
		w.cb_ctx = rd;
	}
	ld_buf_init(&w.where);
	r = ld_xml_open(&w.x, rd->pkg, part, rd->err);
	if (r == 0)
		r = wm_walk(&w, emit_para, rd);
	walker_free(&w);
	if (r == 0 && (r = label_part(rd->d, rd->nb, start)) != 0)
		r = ld_error(rd->err, r, NULL);
	if (r == 0)
		drop_blank(rd->d, start);
	return r;
}

static int
walk_rel(struct reader *rd, const char *type, ldiff_para_kind kind)
{
	const ld_rel *rel = ld_rels_by_type(&rd->rels, type);

	if (rel == NULL || !ld_pkg_has_part(rd->pkg, rel->target))
		return 0;
	return walk_part(rd, rel->target, kind, "");
}

/* Each header (or footer) part once, as the sections name them. */
static int
walk_sections(struct reader *rd, int header)
{
	const char *done[64];
	size_t i, j, ndone = 0;
	const ld_rel *rel;
	char where[64];
	int r;

	for (i = 0; i < rd->nrefs; i++) {
		if (rd->refs[i].header != header ||
		    (rel = ld_rels_by_id(&rd->rels, rd->refs[i].rid)) == NULL ||
		    !ld_pkg_has_part(rd->pkg, rel->target))
			continue;
		for (j = 0; j < ndone; j++)
			if (strcmp(done[j], rel->target) == 0)
				break;
		if (j < ndone || ndone == 64)
			continue;
		done[ndone++] = rel->target;
		snprintf(where, sizeof where, "%s:%s", header ? "hdr" : "ftr",
		    rd->refs[i].type);
		r = walk_part(rd, rel->target, header ? LDIFF_PARA_HEADER :
		    LDIFF_PARA_FOOTER, where);
		if (r != 0)
			return r;
	}
	return 0;
}

static int
load_tables(struct reader *rd)
{
	const ld_rel *s = ld_rels_by_type(&rd->rels, "styles");
	const ld_rel *n = ld_rels_by_type(&rd->rels, "numbering");
	int r;

	r = ld_styles_load(&rd->st, rd->pkg, s ? s->target : NULL, rd->err);
	if (r == 0)
		r = ld_numbering_load(&rd->nb, rd->pkg, n ? n->target : NULL,
		    rd->st, rd->err);
	return r;
}

static int
read_package(struct reader *rd)
{
	ld_rels pkg_rels;
	const ld_rel *main;
	char *main_part = NULL;
	int r;

	/* Every OPC package has one; Word refuses a file without it. */
	if (!ld_pkg_has_part(rd->pkg, "[Content_Types].xml"))
		return ld_error(rd->err, LDIFF_ENOTDOCX, _("a zip archive, but "
		    "not a Word document: [Content_Types].xml is missing"));
	if ((r = ld_pkg_rels(rd->pkg, "", &pkg_rels, rd->err)) != 0)
		return r;
	main = ld_rels_by_type(&pkg_rels, "officeDocument");
	if (main == NULL || !ld_pkg_has_part(rd->pkg, main->target)) {
		ld_rels_free(&pkg_rels);
		return ld_error(rd->err, LDIFF_ENOTDOCX, _("a zip archive, but "
		    "not a Word document: no main document part "
		    "(officeDocument relationship in _rels/.rels)"));
	}
	main_part = ld_malloc(strlen(main->target) + 1);
	if (main_part != NULL)
		strcpy(main_part, main->target);
	ld_rels_free(&pkg_rels);
	if (main_part == NULL)
		return ld_error(rd->err, LDIFF_ENOMEM, NULL);
	rd->main_part = main_part;
	r = ld_pkg_rels(rd->pkg, main_part, &rd->rels, rd->err);
	if (r == 0)
		r = load_tables(rd);
	if (r == 0)
		r = note_format(rd);
	if (r == 0)
		r = walk_part(rd, main_part, LDIFF_PARA_PARAGRAPH, "");
	if (r == 0)
		r = walk_rel(rd, "footnotes", LDIFF_PARA_FOOTNOTE);
	if (r == 0)
		r = walk_rel(rd, "endnotes", LDIFF_PARA_ENDNOTE);
	if (r == 0)
		r = walk_rel(rd, "comments", LDIFF_PARA_COMMENT);
	if (r == 0)
		r = walk_sections(rd, 1);
	if (r == 0)
		r = walk_sections(rd, 0);
	ld_free(main_part);
	return r;
}

/* ---- entry points ---------------------------------------------------------- */

static int
read_docx(ldiff_doc **out, ld_pkg *pkg, const ldiff_extract_opts *o,
    int depth, ldiff_error *err)
{
	struct reader rd;
	int r;

	memset(&rd, 0, sizeof rd);
	rd.depth = depth;
	rd.pkg = pkg;
	rd.o = o;
	rd.err = err;
	if ((r = ld_doc_new(&rd.d, &o->limits)) != 0)
		return ld_error(err, r, NULL);
	r = read_package(&rd);
	ld_rels_free(&rd.rels);
	ld_free(rd.nm.v);
	ld_styles_free(rd.st);
	ld_numbering_free(rd.nb);
	ld_free(rd.refs);
	if (r != 0) {
		ldiff_doc_free(rd.d);
		return r;
	}
	*out = rd.d;
	return 0;
}

/* *o, or the defaults in def when NULL; checked. */
static int
opts_or_default(const ldiff_extract_opts **o, ldiff_extract_opts *def,
    ldiff_error *err)
{
	if (*o == NULL) {
		ldiff_extract_opts_init(def);
		*o = def;
	}
	return ld_check_extract_opts(*o, err);
}

static int
read_and_close(ldiff_doc **out, ld_pkg *pkg, const ldiff_extract_opts *o,
    ldiff_error *err)
{
	int r = read_docx(out, pkg, o, 0, err);

	ld_pkg_close(pkg);
	return r;
}

int
ldiff_doc_from_docx_file(ldiff_doc **out, const char *path,
    const ldiff_extract_opts *o, ldiff_error *err)
{
	ldiff_extract_opts def;
	ld_pkg *pkg;
	int r;

	if (out == NULL || path == NULL)
		return ld_error(err, LDIFF_EINVAL, NULL);
	*out = NULL;
	if ((r = opts_or_default(&o, &def, err)) != 0 ||
	    (r = ld_pkg_open_file(&pkg, path, &o->limits, err)) != 0)
		return r;
	return read_and_close(out, pkg, o, err);
}

int
ldiff_doc_from_docx_mem(ldiff_doc **out, const void *data, size_t len,
    const ldiff_extract_opts *o, ldiff_error *err)
{
	ldiff_extract_opts def;
	ld_pkg *pkg;
	int r;

	if (out == NULL || (data == NULL && len > 0))
		return ld_error(err, LDIFF_EINVAL, NULL);
	*out = NULL;
	if ((r = opts_or_default(&o, &def, err)) != 0 ||
	    (r = ld_pkg_open_mem(&pkg, data, len, &o->limits, err)) != 0)
		return r;
	return read_and_close(out, pkg, o, err);
}

/* A .docx in memory read as a chunk of another, depth packages deep. */
static int
read_nested(ldiff_doc **out, const void *data, size_t len,
    const ldiff_extract_opts *o, int depth, ldiff_error *err)
{
	ld_pkg *pkg;
	int r;

	*out = NULL;
	if ((r = ld_pkg_open_mem(&pkg, data, len, &o->limits, err)) != 0)
		return r;
	r = read_docx(out, pkg, o, depth, err);
	ld_pkg_close(pkg);
	return r;
}
