#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make the tracked-changes draft of 2027–2030 from the 2023–2026 agreement.

Usage: make-draft.py OLD.docx DRAFT.docx EXPECTED-ACCEPT.txt

The draft is what a reviewer receives in the spring of 2026: the 2023–2026
agreement (made by LibreOffice) with a secretary's first edits made with
Track Changes on — a period shift, rewordings, amounts, an inserted clause,
a deleted clause, a clause moved to another section and a comment.  The
edits are written into word/document.xml as Word writes them: w:ins and
w:del runs, w:delText, paragraph marks inserted or deleted in w:pPr/w:rPr,
a move as w:moveFrom/w:moveTo with named range markers, and a comment in
word/comments.xml anchored with commentRangeStart/End.

Rejecting every change gives the 2023–2026 text exactly.  Accepting every
change gives the text written to EXPECTED-ACCEPT.txt (one paragraph per
line, labels dropped), which check-draft.py compares with pandoc.
"""
import re
import sys
import zipfile

AUTHOR = "Maria Öberg"
DATE = "2026-03-16T09:30:00Z"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_next_id = [100]


def rev_attrs():
    _next_id[0] += 1
    return 'w:id="%d" w:author="%s" w:date="%s"' % (_next_id[0], AUTHOR, DATE)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def t(tag, text):
    sp = ' xml:space="preserve"' if text != text.strip() else ""
    return "<w:%s%s>%s</w:%s>" % (tag, sp, esc(text), tag)


def run(text, deleted=False):
    return "<w:r><w:rPr></w:rPr>%s</w:r>" % t("delText" if deleted else "t", text)


PARA = re.compile(r"<w:p>.*?</w:p>", re.S)
RUN = re.compile(r"<w:r>(<w:rPr>.*?</w:rPr>)?<w:t(?: [^>]*)?>([^<]*)</w:t></w:r>", re.S)


def para_text(p):
    return "".join(m.group(2) for m in RUN.finditer(p))


class Doc:
    def __init__(self, xml):
        self.xml = xml

    def find(self, needle):
        """The one paragraph whose text contains needle (escaped XML)."""
        hits = [m for m in PARA.finditer(self.xml) if esc(needle) in para_text(m.group(0))]
        if len(hits) != 1:
            sys.exit("make-draft: %d paragraphs contain %r" % (len(hits), needle))
        return hits[0]

    def put(self, m, new):
        self.xml = self.xml[:m.start()] + new + self.xml[m.end():]

    def replace(self, needle, old, new):
        """In the paragraph containing needle, replace old by new as a
        tracked deletion followed by a tracked insertion."""
        m = self.find(needle)
        p = m.group(0)
        for r in RUN.finditer(p):
            text = r.group(2)
            if esc(old) not in text:
                continue
            before, after = text.split(esc(old), 1)
            unesc = lambda s: s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            parts = []
            if before:
                parts.append(run(unesc(before)))
            parts.append("<w:del %s>%s</w:del>" % (rev_attrs(), run(old, True)))
            if new:
                parts.append("<w:ins %s>%s</w:ins>" % (rev_attrs(), run(new)))
            if after:
                parts.append(run(unesc(after)))
            self.put(m, p[:r.start()] + "".join(parts) + p[r.end():])
            return
        sys.exit("make-draft: %r not in one run" % old)

    def mark_paragraph(self, m, kind, extra=""):
        """Turn a whole paragraph into a tracked kind (del, moveFrom)."""
        p = m.group(0)
        inner = "<w:rPr><w:%s %s/></w:rPr></w:pPr>" % (kind, rev_attrs())
        p = re.sub(r"<w:rPr></w:rPr></w:pPr>", inner, p, count=1)
        body_start = p.index("</w:pPr>") + len("</w:pPr>")
        runs = p[body_start:-len("</w:p>")]
        if kind == "del":
            runs = runs.replace("<w:t>", "<w:delText>").replace("</w:t>", "</w:delText>")
            runs = re.sub(r"<w:t (xml:space=\"preserve\")>", r"<w:delText \1>", runs)
        return p[:body_start], runs, extra

    def delete_paragraph(self, needle):
        m = self.find(needle)
        head, runs, _ = self.mark_paragraph(m, "del")
        self.put(m, "%s<w:del %s>%s</w:del></w:p>" % (head, rev_attrs(), runs))

    def insert_after(self, needle, text, tag="ins", name=None, like=None):
        """Insert a new paragraph, formatted like the one containing like
        (default: needle), after the paragraph containing needle."""
        anchor = self.find(needle)
        model = self.find(like or needle).group(0)
        ppr = re.match(r"<w:p>(<w:pPr>.*?</w:pPr>)", model, re.S).group(1)
        ppr = ppr.replace("<w:rPr></w:rPr></w:pPr>",
                          "<w:rPr><w:%s %s/></w:rPr></w:pPr>" % (tag, rev_attrs()))
        body = "<w:%s %s>%s</w:%s>" % (tag, rev_attrs(), run(text), tag)
        if name:
            rid = _next_id[0] = _next_id[0] + 1
            body = ('<w:moveToRangeStart w:id="%d" w:author="%s" w:date="%s" w:name="%s"/>'
                    % (rid, AUTHOR, DATE, name) + body +
                    '<w:moveToRangeEnd w:id="%d"/>' % rid)
        new = "<w:p>%s%s</w:p>" % (ppr, body)
        self.xml = self.xml[:anchor.end()] + new + self.xml[anchor.end():]

    def move_paragraph(self, needle, after, name):
        m = self.find(needle)
        text = para_text(m.group(0))
        head, runs, _ = self.mark_paragraph(m, "moveFrom")
        rid = _next_id[0] = _next_id[0] + 1
        self.put(m, '%s<w:moveFromRangeStart w:id="%d" w:author="%s" w:date="%s" w:name="%s"/>'
                 '<w:moveFrom %s>%s</w:moveFrom><w:moveFromRangeEnd w:id="%d"/></w:p>'
                 % (head, rid, AUTHOR, DATE, name, rev_attrs(), runs, rid))
        unesc = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        self.insert_after(after, unesc, tag="moveTo", name=name, like=after)

    def comment(self, needle, anchor_text, cid):
        """Anchor comment cid on anchor_text inside the paragraph."""
        m = self.find(needle)
        p = m.group(0)
        i = p.index(esc(anchor_text))
        # Split the run around the anchored words.
        r = [x for x in RUN.finditer(p) if x.start() < i < x.end()][0]
        text = r.group(2)
        before, after = text.split(esc(anchor_text), 1)
        unesc = lambda s: s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        new = ((run(unesc(before)) if before else "") +
               '<w:commentRangeStart w:id="%d"/>' % cid + run(anchor_text) +
               '<w:commentRangeEnd w:id="%d"/>' % cid +
               '<w:r><w:commentReference w:id="%d"/></w:r>' % cid +
               (run(unesc(after)) if after else ""))
        self.put(m, p[:r.start()] + new + p[r.end():])


COMMENTS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:comments xmlns:w="%s"><w:comment w:id="0" w:author="%s" w:date="%s" '
            'w:initials="MÖ"><w:p><w:r><w:t>Uppräkningen bör följa regionens '
            'budgetindex. Stäm av nivån med ekonomienheten innan förslaget går på '
            'remiss.</w:t></w:r></w:p></w:comment></w:comments>') % (W, AUTHOR, DATE)


def edit(doc):
    """The secretary's edits, in document order."""
    doc.replace("Överenskommelse om samverkan för regional utveckling i Västerbottens län 2023–2026",
                "2023–2026", "2027–2030")
    doc.replace("Under perioden 2019–2022 har parterna", "2019–2022", "2023–2026")
    doc.replace("batteritillverkning och fossilfri", "batteritillverkning och fossilfri stålproduktion",
                "batteritillverkning, gruvnäring och förnybar energi")
    doc.insert_after("att beslut fattas så nära invånarna",
                     "Regeringens nationella strategi för hållbar regional utveckling i hela "
                     "landet 2021–2030 anger inriktningen för det regionala utvecklingsarbetet "
                     "och ska vägleda parternas samverkan.",
                     like="Parterna ska i samverkan beakta de globala målen")
    doc.move_paragraph("Parterna ska samverka om insatser för att attrahera",
                       "etableringslots", "move1")
    doc.delete_paragraph("lärcentrum och motsvarande lokala strukturer")
    doc.replace("Bidragen räknas upp årligen", "2,5 procent", "3 procent")
    doc.comment("Bidragen räknas upp årligen", "räknas upp årligen", 0)
    doc.replace("avsätts 1 250 000 kronor", "1 250 000", "1 500 000")


def accepted_text(xml):
    """Paragraph texts after accepting every change (for the check)."""
    out = []
    for m in PARA.finditer(xml):
        p = m.group(0)
        if re.search(r"<w:rPr><w:(del|moveFrom) ", p):
            continue
        p = re.sub(r"<w:(del|moveFrom) [^>]*>.*?</w:\1>", "", p, flags=re.S)
        text = para_text(p)
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        if text.strip():
            out.append(" ".join(text.split()))
    return out


def main():
    old, draft, expected = sys.argv[1:4]
    with zipfile.ZipFile(old) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = Doc(parts["word/document.xml"].decode("utf-8"))
    edit(doc)
    parts["word/document.xml"] = doc.xml.encode("utf-8")
    parts["word/comments.xml"] = COMMENTS.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>",
                        '<Relationship Id="rIdKlComments" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/comments" Target="comments.xml"/>'
                        "</Relationships>")
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    ct = ct.replace("</Types>",
                    '<Override PartName="/word/comments.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode("utf-8")
    settings = parts["word/settings.xml"].decode("utf-8")
    if "<w:trackRevisions/>" not in settings:
        settings = re.sub(r"(<w:settings[^>]*>)", r"\1<w:trackRevisions/>", settings, count=1)
    parts["word/settings.xml"] = settings.encode("utf-8")
    with zipfile.ZipFile(draft, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with open(expected, "w", encoding="utf-8") as f:
        f.write("\n".join(accepted_text(doc.xml)) + "\n")


if __name__ == "__main__":
    main()
