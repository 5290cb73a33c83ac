#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A PDF full of line-end hyphens, and the .docx it was made from.

Usage: make-hyphen-pdf.py OUTDIR

(KL_COLUMN: the column's width in 1/100 mm, default 7000.)

Writes OUTDIR/avstavning.docx and OUTDIR/avstavning.pdf: a short Swedish
agreement text with long compounds, set justified in a narrow column with
LibreOffice's automatic hyphenation on (ParaIsHyphenation, CharLocale
sv-SE, the hyph_sv_SE patterns of Debian's hyphen-sv), so that most line
ends are a typesetter's hyphen that kltext must take out again.  Among
them are the hyphens an author writes and a reader must keep: the shared
compound part ("kompetens- och utbildningsfrågor"), compounds with a name
("Västerbottens-kommunerna", "EU-finansierade") and with a number
("2023-års").  The .docx is the truth: its words are the PDF's words.

LibreOffice runs headless through UNO (python3-uno); the caller starts it
listening on the pipe named in KL_UNO_PIPE (default "klpdf"):

  soffice --headless --norestore --accept="pipe,name=klpdf;urp;" &
"""
import os
import sys

import uno
from unolib import prop
import unolib
from com.sun.star.lang import Locale

TEXT = [
    "Avtal om samverkan kring kompetensförsörjning",
    "1. Parterna i detta samverkansavtal är Region Västerbotten och "
    "Västerbottens-kommunerna, som tillsammans ansvarar för den "
    "regionala kompetensförsörjningsplaneringen och för "
    "arbetsmarknadsutbildningarna i länet.",
    "2. Avtalet omfattar kompetens- och utbildningsfrågor, hälso- och "
    "sjukvårdsförvaltningens personalförsörjningsstrategier samt "
    "yrkeshögskoleutbildningarnas dimensionering i samtliga kommuner.",
    "3. Parterna ska gemensamt utveckla samverkansstrukturerna för "
    "vuxenutbildningsanordnarna och gymnasiesärskolehuvudmännen, så att "
    "utbildningsplatserna motsvarar arbetsgivarorganisationernas "
    "rekryteringsbehov.",
    "4. De EU-finansierade kompetensutvecklingsinsatserna och "
    "socialfondsprojekten redovisas i den årliga "
    "verksamhetsuppföljningsrapporten till regionfullmäktige och "
    "kommunfullmäktigeförsamlingarna.",
    "5. Finansieringen av infrastrukturinvesteringarna, "
    "kollektivtrafikförsörjningen och bredbandsutbyggnadsprogrammet "
    "fördelas enligt 2023-års överenskommelse mellan "
    "länstrafikmyndigheten och kommunalförbunden.",
    "6. Ändringar i detta avtal ska godkännas av samtliga parter genom "
    "beslut i respektive fullmäktigeförsamling, och "
    "förhandlingsdelegationens rekommendationer ska dokumenteras i "
    "sammanträdesprotokollen.",
    "7. Avtalet gäller från och med den 1 januari 2027 och tillsvidare, "
    "med en ömsesidig uppsägningstid om tolv månader; "
    "uppföljningsansvaret ligger hos samordningsfunktionen för "
    "näringslivsutvecklingsfrågor.",
]


def connect(pipe):
    return unolib.connect(pipe, "make-hyphen-pdf.py")


def style(doc, width):
    """Justified, hyphenated Swedish in a column width/100 mm wide."""
    para = doc.StyleFamilies.getByName("ParagraphStyles")
    std = para.getByName("Standard")
    std.CharLocale = Locale("sv", "SE", "")
    std.CharHeight = 11
    std.ParaAdjust = 2                  # BLOCK
    std.ParaIsHyphenation = True
    std.ParaHyphenationMaxHyphens = 0   # no limit on hyphens in a row
    std.ParaHyphenationMaxLeadingChars = 2
    std.ParaHyphenationMaxTrailingChars = 2
    std.ParaBottomMargin = 250
    page = doc.StyleFamilies.getByName("PageStyles").getByName("Standard")
    page.LeftMargin = page.RightMargin = (21000 - width) // 2


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = os.path.abspath(sys.argv[1])
    ctx = connect(os.environ.get("KL_UNO_PIPE", "klpdf"))
    desktop = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank",
                                       0, (prop("Hidden", True),))
    try:
        style(doc, int(os.environ.get("KL_COLUMN", "7000")))
        text = doc.Text
        cur = text.createTextCursor()
        for i, para in enumerate(TEXT):
            if i > 0:
                text.insertControlCharacter(cur, 0, False)  # PARAGRAPH_BREAK
            text.insertString(cur, para, False)
        base = os.path.join(out, "avstavning")
        doc.storeToURL(uno.systemPathToFileUrl(base + ".docx"),
                       (prop("FilterName", "MS Word 2007 XML"),))
        doc.storeToURL(uno.systemPathToFileUrl(base + ".pdf"),
                       (prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)


if __name__ == "__main__":
    main()
