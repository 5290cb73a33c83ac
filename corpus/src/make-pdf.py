#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Export the corpus agreements as PDF, as they are archived once signed.

Usage: make-pdf.py OUTDIR FILE.docx...

An agreement in force is kept as the PDF that was signed, not as the
.docx: kltext must read it back.  So each PDF carries what a real one
carries and a reader has to drop again: a running header (the agreement's
title) and a footer "Sida N av M" built from PageNumber and PageCount
fields.  LibreOffice runs headless through UNO (python3-uno); the caller
starts it listening on the pipe named in KL_UNO_PIPE (default "klpdf"):

  soffice --headless --norestore --accept="pipe,name=klpdf;urp;" &
"""
import os
import sys

import uno
from unolib import prop
import unolib


def connect(pipe):
    return unolib.connect(pipe, "make-pdf.py")


def title_of(doc):
    """The first non-empty paragraph: the agreement's title."""
    paras = doc.Text.createEnumeration()
    while paras.hasMoreElements():
        p = paras.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph") and p.String.strip():
            return p.String.strip()
    return ""


def add_footer(doc, style):
    """'Sida N av M', centred: the two numbers are fields, as in Word."""
    style.FooterIsOn = True
    text = style.FooterText
    text.String = ""
    cur = text.createTextCursor()
    cur.ParaAdjust = 3      # CENTER
    text.insertString(cur, "Sida ", False)
    num = doc.createInstance("com.sun.star.text.TextField.PageNumber")
    num.NumberingType = 4   # ARABIC
    num.SubType = 1         # CURRENT
    text.insertTextContent(cur, num, False)
    text.insertString(cur, " av ", False)
    count = doc.createInstance("com.sun.star.text.TextField.PageCount")
    count.NumberingType = 4
    text.insertTextContent(cur, count, False)


def add_header(doc, style):
    style.HeaderIsOn = True
    style.HeaderText.String = title_of(doc)


def export(desktop, src, out):
    url = uno.systemPathToFileUrl(os.path.abspath(src))
    doc = desktop.loadComponentFromURL(url, "_blank", 0,
                                       (prop("Hidden", True),))
    try:
        styles = doc.StyleFamilies.getByName("PageStyles")
        for name in styles.ElementNames:
            style = styles.getByName(name)
            if style.isInUse():
                add_header(doc, style)
                add_footer(doc, style)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       (prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    ctx = connect(os.environ.get("KL_UNO_PIPE", "klpdf"))
    desktop = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", ctx)
    for src in sys.argv[2:]:
        base = os.path.splitext(os.path.basename(src))[0]
        export(desktop, src, os.path.join(sys.argv[1], base + ".pdf"))


if __name__ == "__main__":
    main()
