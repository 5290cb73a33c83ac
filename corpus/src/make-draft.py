#!/usr/bin/python3
"""Make the tracked-changes draft: samverkan-2027-2030-utkast.docx.

Usage: /usr/bin/python3 make-draft.py OLD.docx NEW.docx OUT.docx

Runs LibreOffice headless through UNO (Debian package python3-uno):
  1. opens NEW (the 2027–2030 proposal) and runs Edit > Track Changes >
     Compare Document against OLD (2023–2026), which records every
     difference as a tracked change (insertions, deletions and, where
     LibreOffice recognises them, moves);
  2. adds a reviewer's comment anchored on the changed indexation clause;
  3. saves as Word 2007–365 .docx.
Then it post-processes the .docx XML (zipfile): LibreOffice 7.4 writes
w:moveFrom/w:moveTo runs but no w:moveFromRangeStart/w:moveToRangeStart
markers, so each moved paragraph gets a named move range
(w:name="move1", ...) pairing its source and destination, as Word writes them.
"""
import os
import re
import subprocess
import sys
import time
import zipfile

sys.path.append("/usr/lib/python3/dist-packages")
import uno  # noqa: E402
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.util import DateTime  # noqa: E402

AUTHOR_DATE = 'w:author="Regionala utvecklingsförvaltningen" w:date="2026-09-14T09:00:00Z"'


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def lo_compare(old, new, out):
    pipe = "klausuldraft%d" % os.getpid()
    # A profile that soffice has already initialised (the Makefile's); a fresh
    # one makes soffice restart itself once on first start.
    profile = "/tmp/klausul-draft-profile-%d" % os.getpid()
    subprocess.run(["soffice", "--headless", "--norestore", "--terminate_after_init",
                    "-env:UserInstallation=file://" + profile], timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
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
            raise SystemExit("could not connect to soffice")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = None
        for _ in range(20):
            try:
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(new), "_blank", 0,
                                                   (pv("Hidden", True),))
            except Exception as e:
                sys.stderr.write("load: %r\n" % (e,))
                doc = None
            if doc is not None:
                break
            time.sleep(1)
        if doc is None:
            raise SystemExit("soffice could not load " + new)
        disp = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        frame = doc.getCurrentController().getFrame()
        disp.executeDispatch(frame, ".uno:CompareDocuments", "", 0,
                             (pv("URL", uno.systemPathToFileUrl(old)), pv("NoAcceptDialog", True)))
        doc.storeToURL(uno.systemPathToFileUrl(out), (pv("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        subprocess.run(["rm", "-rf", profile])


def add_move_ranges(xml):
    """Wrap each paragraph's moveFrom/moveTo content in named move ranges."""
    paras = list(re.finditer(r"<w:p[ >].*?</w:p>", xml, re.S))

    def ptext(p, tag):
        return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>",
                                  "".join(re.findall(r"<w:%s [^>]*>(.*?)</w:%s>" % (tag, tag), p, re.S))))

    froms, tos = [], []
    for m in paras:
        p = m.group(0)
        if re.search(r"<w:moveFrom [^>]*>\s*<w:r", p):
            froms.append((m, ptext(p, "moveFrom").strip()))
        if re.search(r"<w:moveTo [^>]*>\s*<w:r", p):
            tos.append((m, ptext(p, "moveTo").strip()))
    edits = []  # (start, end, replacement)
    next_id = 9000
    n = 0
    for fm, ftext in froms:
        for i, (tm, ttext) in enumerate(tos):
            if ttext and ttext == ftext:
                n += 1
                name = "move%d" % n
                for m, kind in ((fm, "moveFrom"), (tm, "moveTo")):
                    p = m.group(0)
                    rid = next_id
                    next_id += 1
                    start = '<w:%sRangeStart w:id="%d" %s w:name="%s"/>' % (kind, rid, AUTHOR_DATE, name)
                    end = '<w:%sRangeEnd w:id="%d"/>' % (kind, rid)
                    k = p.find("</w:pPr>")
                    k = k + len("</w:pPr>") if k >= 0 else p.find(">") + 1
                    p2 = p[:k] + start + p[k:-len("</w:p>")] + end + "</w:p>"
                    edits.append((m.start(), m.end(), p2))
                del tos[i]
                break
    for s, e, r in sorted(edits, reverse=True):
        xml = xml[:s] + r + xml[e:]
    return xml, n


def postprocess(path):
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                xml, n = add_move_ranges(data.decode("utf-8"))
                if n == 0:
                    raise SystemExit("no moved paragraph found in the compared document")
                data = xml.encode("utf-8")
            zout.writestr(info, data)
    os.replace(tmp, path)


def main():
    old, new, out = (os.path.abspath(a) for a in sys.argv[1:4])
    lo_compare(old, new, out)
    postprocess(out)


if __name__ == "__main__":
    main()
