/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * t_styles.c - headings from styles: built-in names and ids, localized
 * names, outline levels through basedOn chains, direct outline levels,
 * display names, the default paragraph style, and basedOn cycles that
 * must end.
 */
#include "tap.h"
#include "mkdocx.h"

#define STYLE(id, name, extra) "<w:style w:type=\"paragraph\" " \
	"w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" extra "</w:style>"
#define BASED(id) "<w:basedOn w:val=\"" id "\"/>"
#define OUTLINE(n) "<w:pPr><w:outlineLvl w:val=\"" #n "\"/></w:pPr>"

static const char *styles =
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Brodtext\">"
    "<w:name w:val=\"Br\xc3\xb6" "dtext\"/></w:style>"
    STYLE("Heading1", "heading 1", "")
    STYLE("Rubrik2", "Rubrik 2", "")
    STYLE("Ueber3", "\xc3\x9c" "berschrift 3", "")
    STYLE("Avsnitt", "Avsnitt", BASED("Heading1"))
    STYLE("Niva", "Niv\xc3\xa5", OUTLINE(2))
    STYLE("UnderNiva", "Under niv\xc3\xa5", BASED("Niva"))
    STYLE("Body", "Body", OUTLINE(9) BASED("Heading1"))
    STYLE("CycA", "Cyc A", BASED("CycB"))
    STYLE("CycB", "Cyc B", BASED("CycA"))
    STYLE("Self", "Self", BASED("Self"));

#define SP(id, text) "<w:p><w:pPr><w:pStyle w:val=\"" id "\"/></w:pPr>" \
	"<w:r><w:t>" text "</w:t></w:r></w:p>"

struct want {
	ldiff_para_kind kind;
	int level;
	const char *style;
};

int
main(void)
{
	static const struct want w[] = {
		{ LDIFF_PARA_HEADING, 1, "Heading 1" },
		{ LDIFF_PARA_HEADING, 2, "Rubrik 2" },
		{ LDIFF_PARA_HEADING, 3, "\xc3\x9c" "berschrift 3" },
		{ LDIFF_PARA_HEADING, 1, "Avsnitt" },
		{ LDIFF_PARA_HEADING, 3, "Niv\xc3\xa5" },
		{ LDIFF_PARA_HEADING, 3, "Under niv\xc3\xa5" },
		{ LDIFF_PARA_PARAGRAPH, 0, "Body" },
		{ LDIFF_PARA_PARAGRAPH, 0, "Cyc A" },
		{ LDIFF_PARA_PARAGRAPH, 0, "Self" },
		{ LDIFF_PARA_PARAGRAPH, 0, "Br\xc3\xb6" "dtext" },
		{ LDIFF_PARA_HEADING, 5, "Br\xc3\xb6" "dtext" },
		{ LDIFF_PARA_PARAGRAPH, 0, "" },
	};
	struct mk_doc md;
	ldiff_error err;
	ldiff_doc *d;
	size_t i;
	char name[128];

	plan_no_plan();
	memset(&md, 0, sizeof md);
	md.styles = styles;
	md.body = SP("Heading1", "a") SP("Rubrik2", "b") SP("Ueber3", "c")
	    SP("Avsnitt", "d") SP("Niva", "e") SP("UnderNiva", "f")
	    SP("Body", "g") SP("CycA", "h") SP("Self", "i")
	    "<w:p><w:r><w:t>j</w:t></w:r></w:p>"
	    "<w:p><w:pPr><w:outlineLvl w:val=\"4\"/></w:pPr>"
	    "<w:r><w:t>k</w:t></w:r></w:p>"
	    SP("Missing", "l");
	d = mk_extract(&md, LDIFF_CHANGES_ACCEPT, &err);
	ok(d != NULL, "extracted (basedOn cycles end)");
	if (d == NULL)
		diag("%s", err.msg);
	is_int(ldiff_doc_count(d), sizeof w / sizeof w[0], "paragraph count");
	for (i = 0; d != NULL && i < ldiff_doc_count(d) &&
	    i < sizeof w / sizeof w[0]; i++) {
		const ldiff_para *p = ldiff_doc_para(d, i);

		snprintf(name, sizeof name, "%s: kind", p->text);
		is_int(p->kind, w[i].kind, name);
		snprintf(name, sizeof name, "%s: level", p->text);
		is_int(p->level, w[i].level, name);
		snprintf(name, sizeof name, "%s: style '%s'", p->text,
		    w[i].style);
		is_str(p->style, w[i].style, name);
	}
	if (d != NULL && ldiff_doc_count(d) > 9) {
		is_str(ldiff_doc_para(d, 0)->style_id, "Heading1",
		    "style_id is the w:pStyle value");
		is_str(ldiff_doc_para(d, 9)->style_id, "",
		    "style_id empty without w:pStyle");
	}
	ldiff_doc_free(d);
	return done_testing();
}
