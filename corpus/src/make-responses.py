#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Responses to the 2027-2030 draft, made by real editors, not by klausul.

Usage: /usr/bin/python3 make-responses.py DRAFT.docx OUTDIR

Each municipality answers as municipalities do (see PAPERS.md):
  LibreOffice through UNO, change recording on, the profile's user name the
  party (so every revision carries it as author); the comments are added
  to the package LibreOffice saved, in Word's form (see add_comments):
    umea.docx        Umeå kommun: 5.3.2 changed, a clause after 5.2.4,
                     a comment on 5.3.4
    skelleftea.docx  Skellefteå kommun: 5.3.2 changed as Umeå does (one
                     group), 5.3.1 changed
    lycksele.docx    Lycksele kommun: 5.3.1 changed otherwise (a conflict)
    storuman.docx    Storumans kommun: the same clause after 5.2.4 as Umeå,
                     5.3.3 split in two
    vilhelmina.docx  Vilhelmina kommun: comments only (4.7, 5.3.3)
  python-docx, no tracking (the party named with kldiff -L):
    vindeln.docx     Vindelns kommun: a clean copy, 5.2.2 changed, 4.5 deleted
    asele.docx       Åsele kommun: the draft saved unchanged
truth.json beside them says which party proposes what on which clause.
Needs /usr/bin/python3 with python3-uno and python3-docx, and soffice.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="givenname" oor:op="fuse"><value>%s</value></prop></item>
<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="sn" oor:op="fuse"><value>%s</value></prop></item>
</oor:items>
"""

INSERTED = ("Parterna ska varje år gemensamt följa upp insatserna för "
            "kompetensförsörjning och redovisa resultatet i primärkommunala "
            "delegationen.")

# party -> (file, [(operation, arguments...)])
TRACKED = {
    "Umeå kommun": ("umea.docx", [
        ("replace", "lämna synpunkter innan", "lämna synpunkter i god tid innan"),
        ("insert_after", "lokala överenskommelser som kommunerna har träffat", INSERTED),
        ("comment", "Hemavan", "Flyget till och från Umeå bör prioriteras i planeringen."),
    ]),
    "Skellefteå kommun": ("skelleftea.docx", [
        ("replace", "lämna synpunkter innan", "lämna synpunkter i god tid innan"),
        ("replace", "E4, E12 och E45", "E4, E12, E45 och väg 95"),
    ]),
    "Lycksele kommun": ("lycksele.docx", [
        ("replace", "E4, E12 och E45", "E4, E12, E45 och väg 363"),
    ]),
    "Storumans kommun": ("storuman.docx", [
        ("insert_after", "lokala överenskommelser som kommunerna har träffat", INSERTED),
        ("split", "Regionen är regional kollektivtrafikmyndighet."),
    ]),
    "Vilhelmina kommun": ("vilhelmina.docx", [
        ("comment", "förvaltningsområdet för samiska",
         "Vilhelmina ingår i förvaltningsområdet och vill delta i arbetet."),
        ("comment", "även i glesbygd", "Anropsstyrd trafik behöver nämnas här."),
    ]),
}


def props(**kw):
    from com.sun.star.beans import PropertyValue
    r = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        r.append(p)
    return tuple(r)


def find(doc, text):
    sd = doc.createSearchDescriptor()
    sd.SearchString = text
    sd.SearchCaseSensitive = True
    r = doc.findFirst(sd)
    if r is None:
        raise SystemExit("not in the draft: %r" % text)
    return r


def apply(doc, party, op, args):
    if op == "replace":
        find(doc, args[0]).setString(args[1])
    elif op == "insert_after":
        r = find(doc, args[0])
        cur = r.Text.createTextCursorByRange(r.End)
        cur.gotoEndOfParagraph(False)
        r.Text.insertControlCharacter(cur, 0, False)  # PARAGRAPH_BREAK
        r.Text.insertString(cur, args[1], False)
    elif op == "split":
        r = find(doc, args[0] + " ")
        cur = r.Text.createTextCursorByRange(r.End)
        cur.goLeft(1, True)        # the space becomes the paragraph break
        cur.setString("")
        r.Text.insertControlCharacter(cur, 0, False)


def edit_in_libreoffice(draft, out, party, ops):
    """One soffice per party: its profile's user name is the author."""
    import uno
    given, sn = party.split(" ", 1)
    with tempfile.TemporaryDirectory() as tmp:
        user = os.path.join(tmp, "profile", "user")
        os.makedirs(user)
        with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
            f.write(XCU % (given, sn))
        pipe = "klausulresp%d" % os.getpid()
        proc = subprocess.Popen(["soffice", "--headless", "--norestore", "--nologo",
                                 "-env:UserInstallation=file://" + os.path.join(tmp, "profile"),
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
                raise SystemExit("LibreOffice did not answer")
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            src = os.path.join(tmp, "draft.docx")   # no lock file beside the draft
            shutil.copyfile(draft, src)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src),
                                               "_blank", 0, props(Hidden=True))
            doc.RecordChanges = True
            for op, *args in ops:
                if op != "comment":
                    apply(doc, party, op, args)
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                           props(FilterName="MS Word 2007 XML"))
            doc.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass
        finally:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


COMMENTS_CT = ('<Override PartName="/word/comments.xml" ContentType="application/'
               'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
COMMENTS_REL = ('<Relationship Id="rIdKlComments" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/comments" Target="comments.xml"/>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def add_comments(path, party, comments):
    """Word's comments, anchored by commentRangeStart/End around the run
    holding the words and a commentReference.  LibreOffice 7.4 (nogui)
    crashes saving a document with a comment made through UNO, so the
    comments go into the package LibreOffice saved, in Word's own form."""
    if not comments:
        return
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode("utf-8")
    body = []
    for i, (anchor, text) in enumerate(comments):
        m = re.search(r'<w:r>(?:(?!</w:r>).)*?' + re.escape(anchor) + r'.*?</w:r>', doc)
        if m is None:
            m = re.search(r'<w:r [^>]*>(?:(?!</w:r>).)*?' + re.escape(anchor) + r'.*?</w:r>', doc)
        if m is None:
            raise SystemExit("no run holds %r" % anchor)
        doc = (doc[:m.start()] + '<w:commentRangeStart w:id="%d"/>' % i + m.group(0) +
               '<w:commentRangeEnd w:id="%d"/><w:r><w:commentReference w:id="%d"/></w:r>' % (i, i) +
               doc[m.end():])
        body.append('<w:comment w:id="%d" w:author="%s" w:date="2026-10-20T10:00:00Z" w:initials="%s">'
                    '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:comment>'
                    % (i, party, party[:2], text))
    parts["word/document.xml"] = doc.encode("utf-8")
    parts["word/comments.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  '<w:comments %s>%s</w:comments>' % (W, "".join(body))).encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", COMMENTS_REL + "</Relationships>").encode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = ct.replace("</Types>", COMMENTS_CT + "</Types>").encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def clean_copies(draft, outdir):
    import docx
    d = docx.Document(draft)
    for p in d.paragraphs:
        if p.text.startswith("Regionen ansvarar för att ta fram regionala analyser"):
            p.text = p.text.replace("regionala analyser", "regionala och lokala analyser")
        elif p.text.startswith("Regeringens nationella strategi för hållbar regional"):
            p._element.getparent().remove(p._element)
    d.save(os.path.join(outdir, "vindeln.docx"))
    docx.Document(draft).save(os.path.join(outdir, "asele.docx"))


def main():
    draft, outdir = sys.argv[1:3]
    os.makedirs(outdir, exist_ok=True)
    shutil.copyfile(draft, os.path.join(outdir, "utkast.docx"))
    clean_copies(draft, outdir)
    for party, (name, ops) in TRACKED.items():
        edit_in_libreoffice(draft, os.path.join(outdir, name), party, ops)
        add_comments(os.path.join(outdir, name), party,
                     [tuple(args) for op, *args in ops if op == "comment"])
        print("%s: %s" % (name, party))


if __name__ == "__main__":
    main()
