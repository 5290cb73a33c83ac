#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# locompare.py - LibreOffice's Compare Document as a peer of kldiff.
#
#   /usr/bin/python3 locompare.py OLD.docx NEW.docx PORT > OUT
#
# Talks UNO to a `soffice --headless --accept=socket,...,port=PORT` that
# peers.sh starts: opens NEW, compares it with OLD (.uno:CompareDocuments)
# and prints NEW's text with every tracked change LibreOffice made marked
# wdiff-style, {+inserted+} and [-deleted-], one paragraph (or table cell)
# per line, list labels first - the same markup peerscore.pl reads from
# dwdiff and git.  A measuring aid only: nothing of klausul depends on it.
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:socket,host=127.0.0.1,port=%s;urp;StarOffice.ComponentContext"
    for _ in range(120):
        try:
            return resolver.resolve(url % port)
        except Exception:
            time.sleep(0.5)
    sys.exit("locompare: no soffice on port %s" % port)


def paragraph(par, out):
    label = ""
    try:
        label = par.getPropertyValue("ListLabelString") or ""
    except Exception:
        pass
    line = [label + ("\t" if label else "")]
    portions = par.createEnumeration()
    while portions.hasMoreElements():
        p = portions.nextElement()
        if p.getPropertyValue("TextPortionType") == "Redline":
            kind = p.getPropertyValue("RedlineType")
            start = p.getPropertyValue("IsStart")
            if kind == "Insert":
                line.append("{+" if start else "+}")
            elif kind == "Delete":
                line.append("[-" if start else "-]")
        else:
            line.append(p.getString())
    out.append("".join(line))


def walk(text, out):
    e = text.createEnumeration()
    while e.hasMoreElements():
        el = e.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            paragraph(el, out)
        elif el.supportsService("com.sun.star.text.TextTable"):
            table(el, out)


# A row LibreOffice tracks as a whole (HasTextChangesOnly false: the old
# table it keeps beside the new one) is marked deleted; other cells as
# their text portions say.
def table(t, out):
    rows = t.getRows()
    for name in t.getCellNames():
        cell = t.getCellByName(name)
        row = int("".join(ch for ch in name if ch.isdigit())) - 1
        tracked = not rows.getByIndex(row).getPropertyValue(
            "HasTextChangesOnly")
        lines = []
        walk(cell.getText(), lines)
        for line in lines:
            out.append("[-" + line + "-]" if tracked else line)


def main():
    old, new, port = sys.argv[1:4]
    ctx = connect(port)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop",
                                             ctx)
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(new)), "_blank", 0,
        (prop("Hidden", True),))
    disp = smgr.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", ctx)
    disp.executeDispatch(
        doc.getCurrentController().getFrame(), ".uno:CompareDocuments", "",
        0, (prop("URL", uno.systemPathToFileUrl(os.path.abspath(old))),
            prop("NoAcceptDialog", True)))
    out = []
    walk(doc.getText(), out)
    doc.close(True)
    sys.stdout.write("\n".join(out) + "\n")


main()
