/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * wordml.c - walk one WordprocessingML part and append its paragraphs.
 *
 * The idea: one pass over the reader's events with a little state, never a
 * tree.  An element stack gives each event its context; counters say
 * whether we are inside a revision (w:ins, w:del, w:moveFrom, w:moveTo), in
 * a field's instruction, in a vertically merged cell, and so on.  Text is
 * kept or dropped where it arrives, by the chosen view:
 *
 *   accept  w:ins and w:moveTo kept, w:del and w:moveFrom dropped
 *   reject  the opposite
 *   markup  both, wrapped {+ins+} [-del-] {>moved to>} [<moved from<]
 *
 * A paragraph whose mark is deleted (accept) or was inserted (reject) did
 * not end in that view: its text is carried into the next paragraph of the
 * same container (a table cell, a note, a text box; never across one).  In
 * markup no paragraph joins; a paragraph whose mark and text are all one
 * revision is flagged whole (LDIFF_PF_INSERTED ...).  Under reject the
 * properties in w:pPrChange replace the paragraph's own (style, numbering,
 * outline level).  Text-box paragraphs (w:txbxContent) are written after
 * the paragraph that anchors them: they are appended as they come and the
 * anchor is rotated in front of them when it ends.
 *
 * What the reader does not see is left out: hidden text (w:vanish on the
 * run, its character style or the paragraph's style) is only counted.
 * What the reader sees is kept: a drop cap (a paragraph of its own, framed
 * with w:dropCap) opens the paragraph after it, a note reference keeps
 * the mark the reader sees, imported content (w:altChunk) is handed to
 * docx.c.  Every revision remembers its author and date.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "docx/wordml.h"

enum el {
	E_OTHER, E_P, E_PPR, E_PSTYLE, E_NUMPR, E_NUMID, E_ILVL, E_OUTLINE,
	E_RPR, E_R, E_T, E_DELTEXT, E_TAB, E_PTAB, E_BR, E_CR, E_SYM,
	E_SOFTHYPHEN, E_NBHYPHEN, E_INS, E_DEL, E_MOVEFROM, E_MOVETO,
	E_FLDCHAR, E_TBL, E_TR, E_TC, E_GRIDSPAN, E_VMERGE, E_GRIDBEFORE,
	E_TXBX, E_FNREF, E_ENREF, E_CMREF, E_FOOTNOTE, E_ENDNOTE, E_COMMENT,
	E_HDRREF, E_FTRREF, E_SKIP, E_AC, E_CHOICE, E_FALLBACK, E_PPRCHANGE,
	E_FRAMEPR, E_VANISH, E_RSTYLE, E_ALTCHUNK
};

/* Elements of the main namespace we act on, sorted by name. */
static const struct elname {
	const char *name;
	enum el el;
} w_names[] = {
	{ "altChunk", E_ALTCHUNK }, { "br", E_BR }, { "comment", E_COMMENT },
	{ "commentReference", E_CMREF }, { "cr", E_CR },
	{ "del", E_DEL }, { "delInstrText", E_SKIP },
	{ "delText", E_DELTEXT }, { "endnote", E_ENDNOTE },
	{ "endnoteReference", E_ENREF }, { "ffData", E_SKIP },
	{ "fldChar", E_FLDCHAR }, { "fldData", E_SKIP },
	{ "footerReference", E_FTRREF }, { "footnote", E_FOOTNOTE },
	{ "footnoteReference", E_FNREF }, { "framePr", E_FRAMEPR },
	{ "gridBefore", E_GRIDBEFORE },
	{ "gridSpan", E_GRIDSPAN }, { "headerReference", E_HDRREF },
	{ "ilvl", E_ILVL }, { "ins", E_INS }, { "instrText", E_SKIP },
	{ "moveFrom", E_MOVEFROM }, { "moveTo", E_MOVETO },
	{ "noBreakHyphen", E_NBHYPHEN }, { "numId", E_NUMID },
	{ "numPr", E_NUMPR }, { "numberingChange", E_SKIP },
	{ "outlineLvl", E_OUTLINE }, { "p", E_P }, { "pPr", E_PPR },
	{ "pPrChange", E_PPRCHANGE }, { "pStyle", E_PSTYLE }, { "ptab", E_PTAB },
	{ "r", E_R }, { "rPr", E_RPR }, { "rPrChange", E_SKIP },
	{ "rStyle", E_RSTYLE },
	{ "sdtEndPr", E_SKIP }, { "sdtPr", E_SKIP },
	{ "sectPrChange", E_SKIP }, { "softHyphen", E_SOFTHYPHEN },
	{ "sym", E_SYM }, { "t", E_T }, { "tab", E_TAB }, { "tbl", E_TBL },
	{ "tblGrid", E_SKIP }, { "tblPr", E_SKIP },
	{ "tblPrChange", E_SKIP }, { "tc", E_TC }, { "tcPrChange", E_SKIP },
	{ "tr", E_TR }, { "trPrChange", E_SKIP }, { "txbxContent", E_TXBX },
	{ "vMerge", E_VMERGE }, { "vanish", E_VANISH }
};

static int
cmp_elname(const void *k, const void *e)
{
	return strcmp(k, ((const struct elname *)e)->name);
}

static enum el
classify_slow(int ns, const char *name)
{
	const struct elname *e;

	if (ns == LD_NS_MC) {
		if (strcmp(name, "AlternateContent") == 0)
			return E_AC;
		if (strcmp(name, "Choice") == 0)
			return E_CHOICE;
		if (strcmp(name, "Fallback") == 0)
			return E_FALLBACK;
		return E_OTHER;
	}
	if (ns != LD_NS_W)
		return E_OTHER;
	e = bsearch(name, w_names, sizeof w_names / sizeof w_names[0],
	    sizeof w_names[0], cmp_elname);
	return e ? e->el : E_OTHER;
}

/* Names are interned by the reader: cache the class by name pointer. */
static enum el
classify(struct walker *w, int ns, const char *name)
{
	size_t h = ((uintptr_t)name >> 4 ^ (size_t)ns) & (NCACHE - 1);

	if (w->cache[h].name == name && w->cache[h].ns == ns)
		return w->cache[h].el;
	w->cache[h].name = name;
	w->cache[h].ns = ns;
	w->cache[h].el = classify_slow(ns, name);
	return w->cache[h].el;
}

static enum el
parent(const struct walker *w, int up)
{
	/* the current element is on top of the stack */
	return w->top >= (size_t)up + 2 ?
	    (enum el)w->stack[w->top - 2 - up] : E_OTHER;
}

static struct pctx *
cur_para(struct walker *w)
{
	return w->npc > 0 ? &w->pc[w->npc - 1] : NULL;
}

/* ---- text -------------------------------------------------------------- */

static const char *const open_mark[] = { "", "{+", "[-", "{>", "[<" };
static const char *const close_mark[] = { "", "+}", "-]", ">}", "<]" };

static int
rev_now(const struct walker *w, int is_deltext)
{
	if (w->del > 0)
		return REV_DEL;
	if (w->mfrom > 0)
		return REV_MFROM;
	if (w->ins > 0)
		return REV_INS;
	if (w->mto > 0)
		return REV_MTO;
	return is_deltext ? REV_DEL : REV_NONE;
}

/* Record the first failure; returns it (sticky: later ones are echoes). */
static int
wm_fail(struct walker *w, int code)
{
	if (w->rc == 0)
		w->rc = code;
	return w->rc;
}

/* Hand a finished paragraph to the caller, unless it is hidden. */
static void
wm_emit(struct walker *w, struct pctx *pc)
{
	int r;

	if (w->rc != 0 || w->suppress > 0)
		return;
	r = w->on_paragraph(w->para_ctx, w, pc);
	if (r != 0)
		wm_fail(w, r);
}

/* ---- revisions and note marks ------------------------------------------ */

void
wm_note_rev(struct walker *w, struct pctx *pc, int kind, const char *author,
    const char *date)
{
	struct prev *v;
	size_t i;

	for (i = 0; i < pc->nrevs; i++)
		if (pc->revs[i].kind == kind &&
		    strcmp(pc->revs[i].author, author) == 0 &&
		    strcmp(pc->revs[i].date, date) == 0)
			return;
	if (pc->nrevs == pc->caprevs) {
		v = ld_grow(pc->revs, &pc->caprevs, 4, sizeof *v);
		if (v == NULL) {
			wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
			return;
		}
		pc->revs = v;
	}
	v = &pc->revs[pc->nrevs++];
	v->kind = kind;
	snprintf(v->author, sizeof v->author, "%s", author);
	snprintf(v->date, sizeof v->date, "%s", date);
}

const char *
wm_note_number(struct walker *w, int endnote, const char *id)
{
	struct notemarks *nm = w->nm;
	struct nm *v;
	ld_buf b;

	if (nm == NULL)
		return "";
	if (nm->n == nm->cap) {
		v = ld_grow(nm->v, &nm->cap, 16, sizeof *v);
		if (v == NULL) {
			wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
			return "";
		}
		nm->v = v;
	}
	v = &nm->v[nm->n++];
	v->endnote = endnote;
	snprintf(v->id, sizeof v->id, "%s", id);
	ld_buf_init(&b);
	ld_num_format(&b, nm->fmt[endnote], nm->start[endnote] +
	    nm->count[endnote]++);
	snprintf(v->mark, sizeof v->mark, "%s", b.oom ? "" : ld_buf_str(&b));
	ld_buf_free(&b);
	return v->mark;
}

const char *
wm_note_lookup(const struct walker *w, int endnote, const char *id)
{
	size_t i;

	for (i = 0; w->nm != NULL && i < w->nm->n; i++)
		if (w->nm->v[i].endnote == endnote &&
		    strcmp(w->nm->v[i].id, id) == 0)
			return w->nm->v[i].mark;
	return "";
}

static int
rev_shown(const struct walker *w, int rev)
{
	switch (w->mode) {
	case LDIFF_CHANGES_ACCEPT:
		return rev != REV_DEL && rev != REV_MFROM;
	case LDIFF_CHANGES_REJECT:
		return rev != REV_INS && rev != REV_MTO;
	default:
		return 1;
	}
}

static int
too_long(struct walker *w, size_t len)
{
	return wm_fail(w, ld_error(w->err, LDIFF_ELIMIT, _("%s:%ld: a "
	    "paragraph is longer than the limit of %lu bytes "
	    "(--max-paragraph)"), w->part, ld_xml_line(w->x),
	    (unsigned long)len));
}

/* Close the open markup wrapper, naming its author when asked:
 * {+text+|author}. */
static void
close_wrapper(struct walker *w, struct pctx *pc)
{
	const char *m = close_mark[pc->mstate];

	if (pc->mstate == REV_NONE)
		return;
	if (w->authors && pc->mauthor[0] != '\0') {
		ld_buf_addc(&pc->text, m[0]);
		ld_buf_addc(&pc->text, '|');
		ld_buf_adds(&pc->text, pc->mauthor);
		ld_buf_addc(&pc->text, m[1]);
	} else {
		ld_buf_adds(&pc->text, m);
	}
	pc->mstate = REV_NONE;
}

/* Append shown text of class rev by author, inside the right wrapper. */
static void
append(struct walker *w, struct pctx *pc, const char *s, size_t n, int rev,
    const char *author)
{
	if (w->mode == LDIFF_CHANGES_MARKUP && (pc->mstate != rev ||
	    (w->authors && strcmp(pc->mauthor, author) != 0))) {
		close_wrapper(w, pc);
		ld_buf_adds(&pc->text, open_mark[rev]);
		pc->mstate = rev;
		snprintf(pc->mauthor, sizeof pc->mauthor, "%s", author);
	}
	ld_buf_add(&pc->text, s, n);
	if (pc->text.oom)
		wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
	else if (pc->text.len > w->lim->max_para_bytes)
		too_long(w, w->lim->max_para_bytes);
}

/* Is the text of the open run hidden (w:vanish)?  The run's own property
 * wins, then its character style, then the paragraph's style. */
static int
run_hidden(struct walker *w, const struct pctx *pc)
{
	int h;

	if (w->in_run == 0)
		return 0;
	if (w->run_hidden >= 0)
		return w->run_hidden;
	h = w->run_vanish;
	if (h < 0 && w->run_style[0] != '\0')
		h = ld_styles_vanish(w->st, w->run_style);
	if (h < 0)
		h = ld_styles_vanish(w->st, pc->style_id[0] ? pc->style_id :
		    ld_styles_default_para(w->st));
	w->run_hidden = h > 0;
	return w->run_hidden;
}

static size_t
count_chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static const int rev_kind_of[NREV] = { -1, RK_INS, RK_DEL, RK_MTO, RK_MFROM };

/* Add text of revision class rev to the open paragraph, if shown. */
static void
put(struct walker *w, const char *s, size_t n, int rev)
{
	struct pctx *pc = cur_para(w);

	if (pc == NULL || n == 0 || w->ninstr > 0 || w->suppress > 0)
		return;
	pc->nrev[rev] += n;
	if (rev != REV_NONE)
		wm_note_rev(w, pc, rev_kind_of[rev], w->rev_author[rev],
		    w->rev_date[rev]);
	if (!rev_shown(w, rev))
		return;
	if (run_hidden(w, pc)) {
		pc->hidden += count_chars(s, n);
		return;
	}
	append(w, pc, s, n, rev, rev != REV_NONE ? w->rev_author[rev] : "");
}

static void
put_cp(struct walker *w, int32_t cp)
{
	ld_buf b;

	ld_buf_init(&b);
	if (ld_utf8_encode(&b, cp) == 0)
		put(w, b.data, b.len, rev_now(w, 0));
	ld_buf_free(&b);
}

/* A footnote or endnote reference: the mark the reader sees is kept
 * beside the text, at this offset (a custom mark is text already). */
static void
note_anchor(struct walker *w, struct pctx *pc, int endnote, const char *id)
{
	char custom[16];
	const char *mark;
	struct pnote *v;

	if (ld_xml_attr(w->x, LD_NS_W, "customMarkFollows", custom,
	    sizeof custom) && strcmp(custom, "0") != 0 &&
	    strcmp(custom, "false") != 0 && strcmp(custom, "off") != 0)
		return;
	mark = wm_note_number(w, endnote, id);
	if (mark[0] == '\0' || run_hidden(w, pc))
		return;
	if (pc->nnotes == pc->capnotes) {
		v = ld_grow(pc->notes, &pc->capnotes, 4, sizeof *v);
		if (v == NULL) {
			wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
			return;
		}
		pc->notes = v;
	}
	v = &pc->notes[pc->nnotes++];
	v->off = pc->text.len;
	snprintf(v->mark, sizeof v->mark, "%s", mark);
}

static void
add_ref(struct walker *w, const char *prefix)
{
	struct pctx *pc = cur_para(w);
	char id[64];

	if (pc == NULL || w->suppress > 0 || w->ninstr > 0 ||
	    !rev_shown(w, rev_now(w, 0)) ||
	    !ld_xml_attr(w->x, LD_NS_W, "id", id, sizeof id))
		return;
	if (pc->refs.len > 0)
		ld_buf_addc(&pc->refs, ' ');
	ld_buf_printf(&pc->refs, "%s:%s", prefix, id);
	if (strcmp(prefix, "cm") != 0)
		note_anchor(w, pc, prefix[0] == 'e', id);
}

/* ---- fields ---------------------------------------------------------- */

static void
fld_char(struct walker *w)
{
	char type[32];

	if (!ld_xml_attr(w->x, LD_NS_W, "fldCharType", type, sizeof type))
		return;
	if (strcmp(type, "begin") == 0) {
		if (w->nfld < MAX_FIELDS)
			w->fld[w->nfld] = FLD_INSTR;
		w->nfld++;
		w->ninstr++;
	} else if (strcmp(type, "separate") == 0 && w->nfld > 0) {
		if (w->nfld <= MAX_FIELDS && w->fld[w->nfld - 1] == FLD_INSTR) {
			w->fld[w->nfld - 1] = FLD_RESULT;
			w->ninstr--;
		}
	} else if (strcmp(type, "end") == 0 && w->nfld > 0) {
		w->nfld--;
		if (w->nfld >= MAX_FIELDS || w->fld[w->nfld] == FLD_INSTR)
			w->ninstr--;
	}
}

/* ---- run content ------------------------------------------------------- */

static void
on_break(struct walker *w)
{
	char type[32];

	if (ld_xml_attr(w->x, LD_NS_W, "type", type, sizeof type) &&
	    (strcmp(type, "page") == 0 || strcmp(type, "column") == 0))
		return;
	put(w, "\n", 1, rev_now(w, 0));
}

static void
on_sym(struct walker *w)
{
	char hex[16], font[64];
	long cp;

	if (!ld_xml_attr(w->x, LD_NS_W, "char", hex, sizeof hex))
		return;
	if (!ld_xml_attr(w->x, LD_NS_W, "font", font, sizeof font))
		font[0] = '\0';
	cp = strtol(hex, NULL, 16);
	if (cp <= 0 || cp > 0x10FFFF)
		return;
	put_cp(w, wm_symbol(font, (int32_t)cp));
}

/* An element inside a w:r (its w:rPr is skipped). */
static void
run_content(struct walker *w, enum el e)
{
	switch (e) {
	case E_T:
	case E_DELTEXT:
		w->in_t = e;
		break;
	case E_TAB:
	case E_PTAB:
		put(w, "\t", 1, rev_now(w, 0));
		break;
	case E_BR:
		on_break(w);
		break;
	case E_CR:
		put(w, "\n", 1, rev_now(w, 0));
		break;
	case E_SYM:
		on_sym(w);
		break;
	case E_SOFTHYPHEN:
		put(w, "\xc2\xad", 2, rev_now(w, 0));
		break;
	case E_NBHYPHEN:
		put(w, "\xe2\x80\x91", 3, rev_now(w, 0));
		break;
	case E_FLDCHAR:
		fld_char(w);
		break;
	case E_FNREF:
		add_ref(w, "fn");
		break;
	case E_ENREF:
		add_ref(w, "en");
		break;
	case E_CMREF:
		add_ref(w, "cm");
		break;
	default:
		break;
	}
}

/* ---- paragraph properties ----------------------------------------------- */

static int
int_val(struct walker *w, int def)
{
	char buf[32];

	if (!ld_xml_attr(w->x, LD_NS_W, "val", buf, sizeof buf))
		return def;
	return atoi(buf);
}

/* Author and date of the current revision element. */
static void
rev_attrs(struct walker *w, char *author, char *date)
{
	if (!ld_xml_attr(w->x, LD_NS_W, "author", author, MAX_AUTHOR))
		author[0] = '\0';
	if (!ld_xml_attr(w->x, LD_NS_W, "date", date, MAX_DATE))
		date[0] = '\0';
}

static void
mark_revision(struct walker *w, enum el e)
{
	struct pctx *pc = cur_para(w);
	char author[MAX_AUTHOR], date[MAX_DATE];

	if (pc == NULL)
		return;
	pc->mark |= e == E_INS ? MARK_INS : e == E_DEL ? MARK_DEL :
	    e == E_MOVEFROM ? MARK_MFROM : MARK_MTO;
	rev_attrs(w, author, date);
	wm_note_rev(w, pc, e == E_INS ? RK_INS_MARK : e == E_DEL ?
	    RK_DEL_MARK : e == E_MOVEFROM ? RK_MFROM : RK_MTO, author, date);
}

/* A drop cap is set in a frame of its own; its paragraph is the first
 * letters of the next one ("D" + "rop cap." is "Drop cap."). */
static void
frame(struct walker *w, struct pctx *pc)
{
	char v[16];

	if (ld_xml_attr(w->x, LD_NS_W, "dropCap", v, sizeof v) &&
	    (strcmp(v, "drop") == 0 || strcmp(v, "margin") == 0))
		pc->drop_cap = 1;
}

/* An element inside w:pPr of the open paragraph. */
static void
ppr_content(struct walker *w, enum el e)
{
	struct pctx *pc = cur_para(w);
	enum el up = parent(w, 0);

	if (pc == NULL)
		return;
	if (e == E_PSTYLE && up == E_PPR) {
		if (!ld_xml_attr(w->x, LD_NS_W, "val", pc->style_id,
		    sizeof pc->style_id))
			pc->style_id[0] = '\0';
	} else if (e == E_NUMID && up == E_NUMPR) {
		pc->has_numid = 1;
		pc->num_id = int_val(w, 0);
	} else if (e == E_ILVL && up == E_NUMPR) {
		pc->has_ilvl = 1;
		pc->ilvl = int_val(w, 0);
	} else if (e == E_OUTLINE && up == E_PPR) {
		pc->outline = int_val(w, 9);
	} else if (e == E_FRAMEPR && up == E_PPR) {
		frame(w, pc);
	} else if ((e == E_INS || e == E_DEL || e == E_MOVEFROM ||
	    e == E_MOVETO) && up == E_RPR) {
		mark_revision(w, e);
	}
}

/* w:pPrChange/w:pPr under reject: the old properties replace the new. */
static void
old_ppr(struct walker *w)
{
	struct pctx *pc = cur_para(w);

	if (pc == NULL) {
		ld_xml_skip(w->x);
		return;
	}
	pc->style_id[0] = '\0';
	pc->has_numid = pc->has_ilvl = 0;
	pc->num_id = pc->ilvl = 0;
	pc->outline = -1;
	w->in_ppr++;
}

/* ---- paragraphs ---------------------------------------------------------- */

static void
pctx_reset(struct pctx *pc, int keep_text)
{
	if (!keep_text) {
		ld_buf_reset(&pc->text);
		ld_buf_reset(&pc->refs);
		memset(pc->nrev, 0, sizeof pc->nrev);
		pc->mark = 0;
		pc->mstate = REV_NONE;
		pc->joined = 0;
		pc->revs_seen = 0;
		pc->hidden = 0;
		pc->nrevs = 0;
		pc->nnotes = 0;
	}
	pc->drop_cap = 0;
	pc->style_id[0] = '\0';
	pc->has_numid = pc->has_ilvl = 0;
	pc->num_id = pc->ilvl = 0;
	pc->outline = -1;
	pc->has_defer = 0;
}

static void
para_start(struct walker *w)
{
	struct pctx *pc, *v;

	if (w->npc == w->cappc) {
		size_t cap = w->cappc ? w->cappc * 2 : 4;

		v = ld_reallocarray(w->pc, cap, sizeof *v);
		if (v == NULL) {
			wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
			return;
		}
		memset(v + w->cappc, 0, (cap - w->cappc) * sizeof *v);
		w->pc = v;
		w->cappc = cap;
	}
	pc = &w->pc[w->npc++];
	w->p_seen++;
	/* A paragraph mark that is gone in this view: keep its text. */
	pctx_reset(pc, pc->joined);
	if (pc->joined)
		pc->mark = 0;
	else
		pc->ordinal = w->p_seen;
}

static int
mark_gone(const struct walker *w, const struct pctx *pc)
{
	if (w->mode == LDIFF_CHANGES_ACCEPT)
		return (pc->mark & (MARK_DEL | MARK_MFROM)) != 0;
	if (w->mode == LDIFF_CHANGES_REJECT)
		return (pc->mark & (MARK_INS | MARK_MTO)) != 0;
	return 0;
}

/* The author of the paragraph mark's revision of that kind. */
static const char *
mark_author(const struct pctx *pc, int kind)
{
	size_t i;

	for (i = 0; i < pc->nrevs; i++)
		if (pc->revs[i].kind == kind)
			return pc->revs[i].author;
	return "";
}

/* Markup: a paragraph mark inserted or deleted on its own (a paragraph
 * split or joined) is shown as {+¶+} or [-¶-]; a paragraph inserted or
 * deleted whole is shown by its text. */
static void
mark_pilcrow(struct walker *w, struct pctx *pc)
{
	const size_t *r = pc->nrev;
	static const char pilcrow[] = "\xc2\xb6";

	if (w->mode != LDIFF_CHANGES_MARKUP || w->suppress > 0)
		return;
	if ((pc->mark & MARK_INS) && (r[REV_NONE] || r[REV_DEL] ||
	    r[REV_MTO] || r[REV_MFROM]))
		append(w, pc, pilcrow, 2, REV_INS,
		    mark_author(pc, RK_INS_MARK));
	else if ((pc->mark & MARK_DEL) && (r[REV_NONE] || r[REV_INS] ||
	    r[REV_MTO] || r[REV_MFROM]))
		append(w, pc, pilcrow, 2, REV_DEL,
		    mark_author(pc, RK_DEL_MARK));
}

static void
para_end(struct walker *w)
{
	struct pctx *pc = cur_para(w);

	if (pc == NULL)
		return;
	mark_pilcrow(w, pc);
	close_wrapper(w, pc);
	if ((mark_gone(w, pc) || pc->drop_cap) && w->suppress == 0) {
		pc->joined = 1;
		if (!pc->drop_cap)
			pc->revs_seen = 1;
		w->npc--;
		return;
	}
	wm_emit(w, pc);
	pc->joined = 0;
	w->npc--;
}

/* A container boundary: a carried paragraph cannot join across it. */
static void
flush_joins(struct walker *w)
{
	struct pctx *pc = w->npc < w->cappc ? &w->pc[w->npc] : NULL;

	if (pc != NULL && pc->joined) {
		if (pc->text.len > 0 || pc->refs.len > 0)
			wm_emit(w, pc);
		pc->joined = 0;
		ld_buf_reset(&pc->text);
		ld_buf_reset(&pc->refs);
		pc->nrevs = pc->nnotes = 0;
		pc->hidden = 0;
	}
}

/* ---- tables ---------------------------------------------------------------- */

static void
tbl_start(struct walker *w)
{
	struct tbl *v;
	int no;

	flush_joins(w);
	if (w->ntb == w->captb) {
		int cap = w->captb ? w->captb * 2 : 4;

		v = ld_reallocarray(w->tb, (size_t)cap, sizeof *v);
		if (v == NULL) {
			wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
			return;
		}
		w->tb = v;
		w->captb = cap;
	}
	no = w->ntb > 0 ? ++w->tb[w->ntb - 1].child_tables :
	    ++w->body_tables;
	v = &w->tb[w->ntb++];
	memset(v, 0, sizeof *v);
	v->no = no;
}

static void
tbl_event(struct walker *w, enum el e, int is_end)
{
	struct tbl *t = w->ntb > 0 ? &w->tb[w->ntb - 1] : NULL;

	if (e == E_TBL && !is_end) {
		tbl_start(w);
		return;
	}
	if (t == NULL)
		return;
	if (e == E_TBL) {
		flush_joins(w);
		w->ntb--;
	} else if (e == E_TR && !is_end) {
		t->row++;
		t->col = 0;
	} else if (e == E_GRIDBEFORE && !is_end) {
		t->col += int_val(w, 0) > 0 ? int_val(w, 0) : 0;
	} else if (e == E_TC && !is_end) {
		flush_joins(w);
		t->cell_col = t->col;
		t->span = 1;
		t->skip = 0;
		t->child_tables = 0;
	} else if (e == E_TC) {
		flush_joins(w);
		t->col += t->span;
		if (t->skip)
			w->suppress--;
		t->skip = 0;
	} else if (e == E_GRIDSPAN && !is_end) {
		int n = int_val(w, 1);

		t->span = n >= 1 && n <= 1000 ? n : 1;
	} else if (e == E_VMERGE && !is_end && !t->skip) {
		char v[32];

		if (!ld_xml_attr(w->x, LD_NS_W, "val", v, sizeof v) ||
		    strcmp(v, "continue") == 0) {
			t->skip = 1;
			w->suppress++;
		}
	}
}

/* ---- notes, comments, section references ---------------------------------- */

static void
note_start(struct walker *w, enum el e)
{
	char id[32], type[48];

	if (ld_xml_attr(w->x, LD_NS_W, "type", type, sizeof type) &&
	    (strcmp(type, "separator") == 0 ||
	    strcmp(type, "continuationSeparator") == 0 ||
	    strcmp(type, "continuationNotice") == 0)) {
		ld_xml_skip(w->x);
		return;
	}
	if (!ld_xml_attr(w->x, LD_NS_W, "id", id, sizeof id))
		id[0] = '\0';
	snprintf(w->where_prefix, sizeof w->where_prefix, "%s:%s",
	    e == E_FOOTNOTE ? "fn" : e == E_ENDNOTE ? "en" : "cm", id);
	w->body_tables = 0;
	w->note_mark[0] = '\0';
	if (e != E_COMMENT) {
		snprintf(w->note_mark, sizeof w->note_mark, "%s",
		    wm_note_lookup(w, e == E_ENDNOTE, id));
	} else {
		w->in_comment = 1;
		rev_attrs(w, w->cm_author, w->cm_date);
	}
}

/* w:altChunk: imported content, read by docx.c through its r:id. */
static void
alt_chunk(struct walker *w)
{
	char rid[128];

	flush_joins(w);
	if (w->on_alt_chunk == NULL || w->suppress > 0)
		return;
	if (!ld_xml_attr(w->x, LD_NS_R, "id", rid, sizeof rid))
		rid[0] = '\0';
	if (w->on_alt_chunk(w->chunk_ctx, w, rid) != 0)
		wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
}

static void
section_ref(struct walker *w, enum el e)
{
	char type[32], rid[128];

	if (w->on_section_ref == NULL)
		return;
	if (!ld_xml_attr(w->x, LD_NS_W, "type", type, sizeof type))
		strcpy(type, "default");
	if (!ld_xml_attr(w->x, LD_NS_R, "id", rid, sizeof rid))
		return;
	if (w->on_section_ref(w->cb_ctx, e == E_HDRREF, type, rid) != 0)
		wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
}

/* ---- the event loop ---------------------------------------------------- */

static void
alt_content(struct walker *w, enum el e)
{
	if (e == E_AC) {
		if (w->nac < MAX_AC)
			w->ac[w->nac] = 0;
		w->nac++;
		return;
	}
	if (w->nac == 0 || w->nac > MAX_AC)
		return;
	/* Never both: the first branch we meet wins (Choice before
	 * Fallback), every other one is skipped. */
	if (w->ac[w->nac - 1])
		ld_xml_skip(w->x);
	else
		w->ac[w->nac - 1] = 1;
}

/* An element inside a run's w:rPr: only hidden text matters here. */
static void
rpr_content(struct walker *w, enum el e, enum el up)
{
	char v[16];

	if (e == E_SKIP) {
		ld_xml_skip(w->x);
	} else if (e == E_VANISH && up == E_RPR) {
		w->run_vanish = !ld_xml_attr(w->x, LD_NS_W, "val", v,
		    sizeof v) || !(strcmp(v, "0") == 0 ||
		    strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
	} else if (e == E_RSTYLE && up == E_RPR) {
		if (!ld_xml_attr(w->x, LD_NS_W, "val", w->run_style,
		    sizeof w->run_style))
			w->run_style[0] = '\0';
	}
}

static void
run_reset(struct walker *w)
{
	w->run_vanish = -1;
	w->run_hidden = -1;
	w->run_style[0] = '\0';
}

/* A revision element opens: keep its author and date for its text. */
static void
rev_open(struct walker *w, int *depth, int rev)
{
	if (w->in_ppr != 0)
		return;
	(*depth)++;
	rev_attrs(w, w->rev_author[rev], w->rev_date[rev]);
}

static void
on_start(struct walker *w, enum el e)
{
	enum el up = parent(w, 0);

	if (w->in_rpr > 0) {
		rpr_content(w, e, up);
		return;
	}
	if (w->in_ppr > 0) {
		if (e == E_RPR || e == E_NUMPR || e == E_SKIP)
			;
		else
			ppr_content(w, e);
	}
	switch (e) {
	case E_SKIP:
		ld_xml_skip(w->x);
		return;
	case E_P:
		para_start(w);
		return;
	case E_PPR:
		if (up == E_P) {
			w->in_ppr++;
		} else if (up == E_PPRCHANGE) {
			old_ppr(w);
		} else {
			ld_xml_skip(w->x);
		}
		return;
	case E_PPRCHANGE:
		/* The properties before a formatting change matter only
		 * when changes are rejected (a clause that became a list
		 * item is numbered as it was). */
		if (w->mode != LDIFF_CHANGES_REJECT || up != E_PPR)
			ld_xml_skip(w->x);
		return;
	case E_RPR:
		if (w->in_ppr == 0 && up == E_R)
			w->in_rpr++;
		else if (w->in_ppr == 0)
			ld_xml_skip(w->x);
		return;
	case E_R:
		w->in_run++;
		run_reset(w);
		return;
	case E_INS:
		rev_open(w, &w->ins, REV_INS);
		return;
	case E_DEL:
		rev_open(w, &w->del, REV_DEL);
		return;
	case E_MOVEFROM:
		rev_open(w, &w->mfrom, REV_MFROM);
		return;
	case E_MOVETO:
		rev_open(w, &w->mto, REV_MTO);
		return;
	case E_ALTCHUNK:
		alt_chunk(w);
		return;
	case E_TBL: case E_TR: case E_TC: case E_GRIDSPAN: case E_VMERGE:
	case E_GRIDBEFORE:
		tbl_event(w, e, 0);
		return;
	case E_TXBX: {
		struct pctx *pc = cur_para(w);

		if (pc != NULL && !pc->has_defer) {
			pc->has_defer = 1;
			pc->defer_start = w->d->n;
		}
		return;
	}
	case E_FOOTNOTE: case E_ENDNOTE: case E_COMMENT:
		if (w->note_kind)
			note_start(w, e);
		return;
	case E_HDRREF: case E_FTRREF:
		section_ref(w, e);
		return;
	case E_AC: case E_CHOICE: case E_FALLBACK:
		alt_content(w, e);
		return;
	default:
		if (w->in_run > 0)
			run_content(w, e);
		return;
	}
}

static void
on_end(struct walker *w, enum el e)
{
	if (w->in_rpr > 0) {
		if (e == E_RPR)
			w->in_rpr--;
		return;
	}
	switch (e) {
	case E_P:
		para_end(w);
		break;
	case E_PPR:
		if (w->in_ppr > 0 && (parent(w, 0) == E_P ||
		    parent(w, 0) == E_PPRCHANGE))
			w->in_ppr--;
		break;
	case E_R:
		w->in_run--;
		run_reset(w);
		break;
	case E_T:
	case E_DELTEXT:
		w->in_t = 0;
		break;
	case E_INS:
		if (w->in_ppr == 0 && w->ins > 0)
			w->ins--;
		break;
	case E_DEL:
		if (w->in_ppr == 0 && w->del > 0)
			w->del--;
		break;
	case E_MOVEFROM:
		if (w->in_ppr == 0 && w->mfrom > 0)
			w->mfrom--;
		break;
	case E_MOVETO:
		if (w->in_ppr == 0 && w->mto > 0)
			w->mto--;
		break;
	case E_TBL: case E_TR: case E_TC:
		tbl_event(w, e, 1);
		break;
	case E_TXBX:
		flush_joins(w);
		break;
	case E_FOOTNOTE: case E_ENDNOTE: case E_COMMENT:
		flush_joins(w);
		w->where_prefix[0] = '\0';
		w->note_mark[0] = '\0';
		w->in_comment = 0;
		break;
	case E_AC:
		if (w->nac > 0)
			w->nac--;
		break;
	default:
		break;
	}
}

static int
push(struct walker *w, enum el e)
{
	unsigned char *v;

	if (w->top == w->capstack) {
		v = ld_grow(w->stack, &w->capstack, 64, 1);
		if (v == NULL)
			return wm_fail(w, ld_error(w->err, LDIFF_ENOMEM, NULL));
		w->stack = v;
	}
	w->stack[w->top++] = (unsigned char)e;
	return 0;
}

int
wm_walk(struct walker *w, wm_para_fn *on_paragraph, void *ctx)
{
	enum el e;
	int t;

	w->on_paragraph = on_paragraph;
	w->para_ctx = ctx;
	w->p_seen = 0;
	while (w->rc == 0 && (t = ld_xml_next(w->x, w->err)) != 0) {
		if (t < 0)
			return wm_fail(w, t);
		if (t == LD_XML_TEXT) {
			if (w->in_t)
				put(w, ld_xml_text(w->x),
				    strlen(ld_xml_text(w->x)),
				    rev_now(w, w->in_t == E_DELTEXT));
			continue;
		}
		if (t == LD_XML_START) {
			e = classify(w, ld_xml_ns(w->x), ld_xml_name(w->x));
			if (push(w, e) != 0)
				break;
			on_start(w, e);
		} else if (w->top > 0) {
			e = (enum el)w->stack[w->top - 1];
			on_end(w, e);
			w->top--;
		}
	}
	if (w->rc == 0)
		flush_joins(w);
	return w->rc;
}
