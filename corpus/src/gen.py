#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn a corpus source file (light markup, see README.md) into a Flat ODT.

Usage: gen.py SRC.txt OUT.fodt [MODEL.json]

The model JSON lists every numbered item (heading or clause) with the number
LibreOffice will display, its label and its plain text, plus the table rows.
build-truth.py uses it to resolve labels to clause numbers; check-truth.py
verifies those numbers against LibreOffice's own text rendering.
"""
import json
import re
import sys
import unicodedata
from xml.sax.saxutils import escape

LABEL_RE = re.compile(r"\s*\{#([A-Za-z0-9_.-]+)\}\s*$")


def inline_plain(text, note_counter):
    """Plain text as LibreOffice's txt export shows it (footnote -> citation number)."""
    out = []
    pos = 0
    for m in re.finditer(r"\^\[(.*?)\]", text):
        out.append(text[pos:m.start()])
        note_counter[0] += 1
        out.append(str(note_counter[0]))
        pos = m.end()
    out.append(text[pos:])
    return expand_special("".join(out))


def expand_special(s):
    s = s.replace("&nbsp;", "\u00a0")
    s = re.sub(r"\{nfd:(.*?)\}", lambda m: unicodedata.normalize("NFD", m.group(1)), s)
    return s


def inline_xml(text, note_counter):
    out = []
    pos = 0
    for m in re.finditer(r"\^\[(.*?)\]", text):
        out.append(xml_text(text[pos:m.start()]))
        note_counter[0] += 1
        n = note_counter[0]
        out.append(
            '<text:note text:id="ftn%d" text:note-class="footnote">'
            "<text:note-citation>%d</text:note-citation><text:note-body>"
            '<text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
            % (n, n, xml_text(m.group(1)))
        )
        pos = m.end()
    out.append(xml_text(text[pos:]))
    return "".join(out)


def xml_text(s):
    s = escape(expand_special(s))
    # keep runs of spaces (none expected, but be safe)
    return re.sub(r"  +", lambda m: " " + '<text:s text:c="%d"/>' % (len(m.group(0)) - 1), s)


def parse(path):
    meta = {}
    blocks = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("//"):
                continue
            label = None
            m = LABEL_RE.search(line)
            if m:
                label = m.group(1)
                line = line[: m.start()]
            if line.startswith("%"):
                key, _, val = line[1:].partition(" ")
                if key in ("title", "subtitle"):
                    blocks.append({"t": key, "text": val})
                else:
                    meta[key] = val
            elif line.startswith("#*"):
                blocks.append({"t": "h", "lvl": 1, "num": False, "text": line[2:].strip(), "label": label})
            elif line.startswith("##"):
                blocks.append({"t": "h", "lvl": 2, "num": True, "text": line[2:].strip(), "label": label})
            elif line.startswith("#"):
                blocks.append({"t": "h", "lvl": 1, "num": True, "text": line[1:].strip(), "label": label})
            elif line.startswith(".. "):
                blocks.append({"t": "c", "deep": 1, "text": line[3:].strip(), "label": label})
            elif line.startswith(". "):
                blocks.append({"t": "c", "deep": 0, "text": line[2:].strip(), "label": label})
            elif line.startswith("- "):
                blocks.append({"t": "b", "text": line[2:].strip()})
            elif line.startswith("|"):
                header = line.startswith("|=")
                cells = [c.strip() for c in line[2 if header else 1:].split("|")]
                if blocks and blocks[-1]["t"] == "table":
                    tbl = blocks[-1]
                else:
                    tbl = {"t": "table", "rows": []}
                    blocks.append(tbl)
                tbl["rows"].append({"header": header, "cells": cells, "label": label})
            else:
                blocks.append({"t": "p", "text": line.strip()})
    return meta, blocks


def fmt_amount(n):
    s = "{:,}".format(n).replace(",", " ")
    return s


def parse_amount(s):
    return int(s.replace(" ", "").replace("\u00a0", ""))


MUNICIPALITIES = ["Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling", "Norsjö",
                  "Robertsfors", "Skellefteå", "Sorsele", "Storuman", "Umeå", "Vilhelmina",
                  "Vindeln", "Vännäs", "Åsele"]


def row_name(cell):
    """`Vindelns kommun` -> `Vindeln`; other rows keep their full text."""
    m = re.match(r"^(.*?)s? kommun$", cell)
    if m:
        for name in MUNICIPALITIES:
            if cell in (name + " kommun", name + "s kommun"):
                return name
    return cell


def row_id(cells):
    return "row:" + row_name(cells[0])


def number(blocks):
    """Assign LibreOffice's displayed numbers; return model."""
    counters = [0, 0, 0]
    head_lvl = 0
    items = []
    notes = [0]
    last = None
    for b in blocks:
        if b["t"] == "title":
            items.append({"kind": "title", "id": expand_special(b["text"]), "label": "title",
                          "text": expand_special(b["text"])})
            continue
        if b["t"] == "h":
            if b["num"]:
                lvl = b["lvl"]
                counters[lvl - 1] += 1
                for i in range(lvl, 3):
                    counters[i] = 0
                head_lvl = lvl
                b["level"] = lvl
                b["id"] = ".".join(str(c) for c in counters[:lvl])
            else:
                b["id"] = b["text"]
                head_lvl = 0
            last = {"kind": "heading", "id": b["id"], "label": b["label"],
                    "text": inline_plain(b["text"], notes)}
            items.append(last)
        elif b["t"] == "c":
            lvl = head_lvl + 1 + b["deep"]
            if lvl > 3 or head_lvl == 0:
                raise SystemExit("clause outside numbered section or too deep: %s" % b["text"][:40])
            counters[lvl - 1] += 1
            for i in range(lvl, 3):
                counters[i] = 0
            b["level"] = lvl
            b["id"] = ".".join(str(c) for c in counters[:lvl])
            last = {"kind": "clause", "id": b["id"], "label": b["label"],
                    "text": inline_plain(b["text"], notes)}
            items.append(last)
        elif b["t"] == "b":
            t = inline_plain(b["text"], notes)
            if last is not None and last["kind"] == "clause":
                last["text"] += "\n" + t
        elif b["t"] == "table":
            rows = b["rows"]
            # compute sums
            for r in rows:
                for i, c in enumerate(r["cells"]):
                    if c == "=SUM":
                        tot = 0
                        for r2 in rows:
                            if r2 is r or r2["header"] or r2["cells"][i] == "=SUM":
                                continue
                            if r2.get("subtotal"):
                                continue
                            tot += parse_amount(r2["cells"][i])
                        r["cells"][i] = fmt_amount(tot)
                    elif c.startswith("=SUMROWS:"):
                        # subtotal of the rows named by first-cell prefix match
                        want = c.split(":", 1)[1]
                        tot = sum(parse_amount(r2["cells"][i]) for r2 in rows
                                  if not r2["header"] and r2["cells"][0].endswith(want)
                                  and not r2["cells"][i].startswith("="))
                        r["cells"][i] = fmt_amount(tot)
                        r["subtotal"] = True
            for r in rows:
                if r["header"]:
                    continue
                rid = "row:" + r["label"] if r["label"] else row_id(r["cells"])
                items.append({"kind": "row", "id": rid, "label": rid,
                              "text": "\n".join(expand_special(c) for c in r["cells"])})
            last = None
        else:
            last = None
    return items


STYLES = """<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="page"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="sv" fo:country="SE" fo:hyphenate="false"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="115%"/>
 </style:style>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
  <style:text-properties fo:font-size="14pt"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
  <style:text-properties fo:font-size="12pt"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Subtitle" style:class="chapter">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="20pt"/>
 </style:style>
 <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:class="chapter">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="normal"/>
 </style:style>
 <style:style style:name="Klausul" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text"/>
 <style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
 </style:style>
 <style:style style:name="Table_20_Amount" style:display-name="Table Amount" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.6cm" fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Signature" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-top="0.5cm"/>
 </style:style>
 <text:outline-style style:name="Outline">
  <text:outline-level-style text:level="1" style:num-format=""/>
  <text:outline-level-style text:level="2" style:num-format=""/>
 </text:outline-style>
 <text:list-style style:name="Klausulnumrering" style:display-name="Klausulnumrering">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-1cm" fo:margin-left="1cm"/></style:list-level-properties>
  </text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-1cm" fo:margin-left="1cm"/></style:list-level-properties>
  </text:list-level-style-number>
  <text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" text:display-levels="3">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.25cm" fo:text-indent="-1.25cm" fo:margin-left="1.25cm"/></style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
 <text:list-style style:name="Strecksats" style:display-name="Strecksats">
  <text:list-level-style-bullet text:level="1" text:bullet-char="–">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.6cm" fo:text-indent="-0.6cm" fo:margin-left="1.6cm"/></style:list-level-properties>
   <style:text-properties style:font-name="Liberation Serif"/>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="15cm" table:align="left"/></style:style>
 <style:style style:name="TblA" style:family="table-column"><style:table-column-properties style:column-width="10cm"/></style:style>
 <style:style style:name="TblB" style:family="table-column"><style:table-column-properties style:column-width="5cm"/></style:style>
 <style:style style:name="TblCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
"""

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:xsl-formatting-objects:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def list_wrap(inner_xml, level, first):
    """Wrap one paragraph in the nested list structure for `level`, continuing the list."""
    attrs = ('xml:id="klausuler" ' if first else 'text:continue-list="klausuler" ')
    x = inner_xml
    for _ in range(level - 1):
        x = "<text:list><text:list-item>%s</text:list-item></text:list>" % x
    return '<text:list %stext:style-name="Klausulnumrering"><text:list-item>%s</text:list-item></text:list>' % (attrs, x)


def emit(meta, blocks):
    notes = [0]
    body = []
    first = [True]
    i = 0
    n = len(blocks)

    def wrap(x, lvl):
        r = list_wrap(x, lvl, first[0])
        first[0] = False
        return r

    while i < n:
        b = blocks[i]
        t = b["t"]
        if t == "title":
            body.append('<text:p text:style-name="Title">%s</text:p>' % inline_xml(b["text"], notes))
        elif t == "subtitle":
            body.append('<text:p text:style-name="Subtitle">%s</text:p>' % inline_xml(b["text"], notes))
        elif t == "h":
            style = "Heading_20_%d" % b["lvl"]
            h = '<text:h text:style-name="%s" text:outline-level="%d">%s</text:h>' % (style, b["lvl"], inline_xml(b["text"], notes))
            body.append(wrap(h, b["lvl"]) if b["num"] else h)
        elif t == "c":
            p = '<text:p text:style-name="Klausul">%s</text:p>' % inline_xml(b["text"], notes)
            body.append(wrap(p, b["level"]))
        elif t == "b":
            items = []
            while i < n and blocks[i]["t"] == "b":
                items.append('<text:list-item><text:p text:style-name="List_20_Bullet">%s</text:p></text:list-item>'
                             % inline_xml(blocks[i]["text"], notes))
                i += 1
            body.append('<text:list text:style-name="Strecksats">%s</text:list>' % "".join(items))
            continue
        elif t == "table":
            rows = []
            for r in b["rows"]:
                cells = []
                for ci, c in enumerate(r["cells"]):
                    if r["header"]:
                        ps = "Table_20_Heading"
                    elif ci > 0:
                        ps = "Table_20_Amount"
                    else:
                        ps = "Table_20_Contents"
                    cells.append('<table:table-cell table:style-name="TblCell" office:value-type="string"><text:p text:style-name="%s">%s</text:p></table:table-cell>'
                                 % (ps, inline_xml(c, notes)))
                tag = "table-header-rows" if r["header"] else None
                row = "<table:table-row>%s</table:table-row>" % "".join(cells)
                rows.append(("<table:table-header-rows>%s</table:table-header-rows>" % row) if tag else row)
            body.append('<table:table table:name="Bidrag" table:style-name="Tbl"><table:table-column table:style-name="TblA"/><table:table-column table:style-name="TblB"/>%s</table:table>' % "".join(rows))
        elif t == "p":
            style = "Signature" if b["text"].startswith("För ") else "Text_20_body"
            body.append('<text:p text:style-name="%s">%s</text:p>' % (style, inline_xml(b["text"], notes)))
        i += 1

    date = meta.get("date", "2022-01-01T00:00:00")
    metax = ("<office:meta><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>"
             "<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date><dc:title>%s</dc:title>"
             "<dc:language>sv-SE</dc:language><meta:generator>klausul corpus/src/gen.py</meta:generator></office:meta>"
             % (escape(meta.get("author", "Regionala utvecklingsförvaltningen")),
                escape(meta.get("author", "Regionala utvecklingsförvaltningen")),
                date, date, escape(meta.get("doctitle", ""))))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">\n%s\n%s<office:body><office:text>\n%s\n'
            '</office:text></office:body></office:document>\n' % (NS, metax, STYLES, "\n".join(body)))


def main():
    src, out = sys.argv[1], sys.argv[2]
    meta, blocks = parse(src)
    items = number(blocks)
    with open(out, "w", encoding="utf-8") as f:
        f.write(emit(meta, blocks))
    if len(sys.argv) > 3:
        labels = [it["label"] for it in items if it["label"]]
        dup = {l for l in labels if labels.count(l) > 1}
        if dup:
            raise SystemExit("duplicate labels: %s" % sorted(dup))
        missing = [it["text"][:40] for it in items if not it["label"] and it["kind"] != "row"]
        if missing:
            raise SystemExit("items without label: %s" % missing)
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            json.dump(items, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
