#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The corpus agreement as other writers make it: pandoc, python-docx, LibreOffice.

Usage: writers.py WRITER SRC.txt OUT.docx MODEL.json
       writers.py check MODEL.json TEXT.txt

WRITER is one of
  pandoc       Markdown -> pandoc: unnumbered headings, the clauses one
               ordered list numbered 1..N through the document (each list
               after a heading starts where the last one ended), the
               bullets of a clause as its sub-clauses "a)", "b)";
  python-docx  python-docx's default template: Heading 1/2, every clause in
               style List Number (one list, 1..N), bullets in List Bullet at
               the same list level, no footnote (python-docx cannot make one);
  libreoffice  the same Markdown with nested bullet lists, pandoc -> HTML,
               opened and saved as .docx by LibreOffice through UNO, so the
               lists are LibreOffice's own numbering.

The model (same format as gen.py's) gives every heading its text as id and
every clause its number N; build-truth.py resolves the changes TSVs against
it, so the planted changes and the renumbered lines are known for each
writer.  `check` verifies a model against LibreOffice's txt rendering of
the .docx: each clause must be shown with its number, each heading and row
with its text, so the truth never rests on what the library reads.
Needs pandoc, /usr/bin/python3 with python3-docx and python3-uno, soffice.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402  (the corpus's own source parser and numbering)

NOTE_RE = re.compile(r"\^\[(.*?)\]")
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|^~$@])")


def flat_model(blocks):
    """gen.py's model with headings named by text and clauses numbered 1..N."""
    items = gen.number(blocks)
    n = 0
    for it in items:
        if it["kind"] == "heading":
            it["id"] = it["text"]
        elif it["kind"] == "clause":
            n += 1
            it["id"] = str(n)
    return items


def without_notes(blocks):
    for b in blocks:
        if "text" in b:
            b["text"] = NOTE_RE.sub("", b["text"])


# ---- Markdown (pandoc, and LibreOffice through HTML) ------------------------

def md_escape(s):
    s = MD_SPECIAL.sub(r"\\\1", gen.expand_special(s))
    s = re.sub(r"^([-+])", r"\\\1", s)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", s)


def md_inline(text):
    out, pos = [], 0
    for m in NOTE_RE.finditer(text):
        out.append(md_escape(text[pos:m.start()]))
        out.append("^[%s]" % md_escape(m.group(1)))
        pos = m.end()
    out.append(md_escape(text[pos:]))
    return "".join(out)


def md_table(rows):
    out = []
    for r in rows:
        out.append("| " + " | ".join(md_inline(c) for c in r["cells"]) + " |")
        if r["header"]:
            out.append("|:---|---:|")
    return "\n".join(out)


def markdown(blocks, lettered):
    """The agreement in pandoc Markdown; bullets as "a)" items or "-"."""
    head = ["---"]
    body = []
    n = 0
    letter = 0
    indent = ""
    for b in blocks:
        t = b["t"]
        if t in ("title", "subtitle"):
            head.append('%s: "%s"' % (t, gen.expand_special(b["text"]).replace('"', '\\"')))
        elif t == "h":
            body.append("\n%s %s\n" % ("#" * b["lvl"], md_inline(b["text"])))
        elif t == "c":
            n += 1
            letter = 0
            marker = "%d.  " % n
            indent = " " * len(marker)  # a sub-list starts at the text's column
            body.append(marker + md_inline(b["text"]))
        elif t == "b":
            if lettered:
                body.append("%s%s)  %s" % (indent, chr(ord("a") + letter), md_inline(b["text"])))
                letter += 1
            else:
                body.append("%s-   %s" % (indent, md_inline(b["text"])))
        elif t == "table":
            body.append("\n" + md_table(b["rows"]) + "\n")
        elif t == "p":
            body.append("\n%s\n" % md_inline(b["text"]))
    head.append("lang: sv-SE\n---\n")
    return "\n".join(head) + "\n".join(body) + "\n"


def pandoc(md, out, to="docx", standalone=False):
    cmd = ["pandoc", "-f", "markdown-smart", "-t", to, "-o", out]
    if standalone:
        cmd.append("-s")
    subprocess.run(cmd, input=md.encode("utf-8"), check=True)


# ---- python-docx ------------------------------------------------------------

def write_python_docx(blocks, out):
    import docx
    d = docx.Document()
    d.core_properties.author = "Regionala utvecklingsförvaltningen"
    for b in blocks:
        t = b["t"]
        text = gen.expand_special(b.get("text", ""))
        if t == "title":
            d.add_paragraph(text, style="Title")
        elif t == "subtitle":
            d.add_paragraph(text, style="Subtitle")
        elif t == "h":
            d.add_heading(text, level=b["lvl"])
        elif t == "c":
            d.add_paragraph(text, style="List Number")
        elif t == "b":
            d.add_paragraph(text, style="List Bullet")
        elif t == "table":
            rows = b["rows"]
            tbl = d.add_table(rows=len(rows), cols=2)
            tbl.style = "Table Grid"
            for r, row in zip(tbl.rows, rows):
                for cell, c in zip(r.cells, row["cells"]):
                    cell.text = gen.expand_special(c)
        elif t == "p":
            d.add_paragraph(text)
    d.save(out)


# ---- LibreOffice through UNO ------------------------------------------------

def uno_convert(src, out, profile, styles):
    """Open src in LibreOffice, give the paragraphs whose text is a key of
    styles that paragraph style (HTML has no Title style: its title comes
    in as a heading), and save it as Word 2007 XML."""
    import uno
    from com.sun.star.beans import PropertyValue

    def props(**kw):
        r = []
        for k, v in kw.items():
            p = PropertyValue()
            p.Name, p.Value = k, v
            r.append(p)
        return tuple(r)

    pipe = "klausulwriters%d" % os.getpid()
    proc = subprocess.Popen(["soffice", "--headless", "--norestore", "--nologo",
                             "-env:UserInstallation=file://" + profile,
                             "--accept=pipe,name=%s;urp;" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not answer on pipe %s" % pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           props(Hidden=True, FilterName="HTML (StarWriter)"))
        paras = doc.Text.createEnumeration()
        while paras.hasMoreElements():
            para = paras.nextElement()
            if para.supportsService("com.sun.star.text.Paragraph") and para.String in styles:
                para.ParaStyleName = styles[para.String]
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       props(FilterName="MS Word 2007 XML"))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge drops as LibreOffice exits
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def write_libreoffice(blocks, out):
    md = markdown(blocks, lettered=False)
    with tempfile.TemporaryDirectory() as tmp:
        html = os.path.join(tmp, "agreement.html")
        pandoc(md, html, to="html5", standalone=True)
        styles = {gen.expand_special(b["text"]): b["t"].capitalize()
                  for b in blocks if b["t"] in ("title", "subtitle")}
        uno_convert(html, out, os.path.join(tmp, "profile"), styles)


# ---- check against LibreOffice's rendering ----------------------------------

def check(model_path, text_path):
    """Every clause shown as "N. text", every heading and row by its text."""
    items = json.load(open(model_path, encoding="utf-8"))
    lines = [l.strip() for l in open(text_path, encoding="utf-8-sig").read().split("\n")]
    shown = set(lines)
    bad = 0
    for it in items:
        first = it["text"].split("\n")[0]
        if it["kind"] == "clause":
            want = "%s. %s" % (it["id"], first)
            ok = any(l.replace("\t", " ") == want for l in lines)
        elif it["kind"] == "row":
            ok = it["text"].split("\n")[0] in shown
        else:
            ok = first in shown or any(l.endswith(first) for l in lines)
        if not ok:
            bad += 1
            sys.stderr.write("%s: %s %s not shown: %.60s\n" % (text_path, it["kind"], it["id"], first))
    if bad:
        sys.exit(1)


def normalize(path, date):
    """Fixed zip timestamps and core.xml dates, so a rebuild gives the same bytes."""
    stamp = tuple(int(x) for x in re.match(r"(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)", date).groups())
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in sorted(zin.infolist(), key=lambda i: i.filename != "[Content_Types].xml"):
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                s = data.decode("utf-8")
                s = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", r"\g<1>%sZ\3" % date, s)
                s = re.sub(r"<cp:revision>[^<]*</cp:revision>", "<cp:revision>1</cp:revision>", s)
                data = s.encode("utf-8")
            elif info.filename == "docProps/app.xml":
                data = re.sub(rb"<TotalTime>[^<]*</TotalTime>", b"<TotalTime>0</TotalTime>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    os.replace(tmp, path)


WRITERS = {
    "pandoc": lambda blocks, out: pandoc(markdown(blocks, lettered=True), out),
    "python-docx": write_python_docx,
    "libreoffice": write_libreoffice,
}


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
        return
    if len(sys.argv) != 5 or sys.argv[1] not in WRITERS:
        raise SystemExit(__doc__)
    writer, src, out, model = sys.argv[1:5]
    meta, blocks = gen.parse(src)
    if writer == "python-docx":
        without_notes(blocks)
    items = flat_model(blocks)  # also computes the table's sums
    WRITERS[writer](blocks, out)
    normalize(out, meta.get("date", "2022-01-01T00:00:00"))
    with open(model, "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
