#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Individual samverkansavtal made from one template, filled in and edited
by the municipalities with real editors, not by klausul (issue 16).

Usage: /usr/bin/python3 make-template.py OUTDIR     (corpus/template)

mall.docx is TEMPLATE below -> gen.py -> Flat ODT -> LibreOffice
--convert-to docx.  Then each municipality returns its copy:
  LibreOffice through UNO, clean copies edited without tracking (the party
  named with kldiff -L), each filling in its name and its amount:
    lycksele.docx    6.2 notice 12 months (conflict), 5.2 paid by 30 June
    umea.docx        6.2 notice 3 months (conflict), 3.4 deleted
    sorsele.docx     a clause inserted after 4.3 (as Vännäs: one group)
    vannas.docx      the same clause after 4.3, 4.4 reworded
  LibreOffice through UNO, change recording on, two authors in one copy
  (the profile's user name changed between the edits):
    robertsfors.docx "Anna Lind, Robertsfors kommun" fills in name and
                     amount; "Erik Berg, Robertsfors kommun" changes 3.2
  LibreOffice converting a Flat ODT with office:annotation elements
  (mall.docx -> .fodt by LibreOffice, annotations added, -> .docx by
  LibreOffice: the comments.xml is LibreOffice's export):
    mala.docx        "Karin Holm, Malå kommun": comments on 3.4 and 5.3,
                     no proposals
truth.json beside them (the form of corpus/responses/truth.json) is
written from the same tables, the clause numbers resolved through gen.py's
model of the template; "fill": true marks the expected fills.
Needs /usr/bin/python3 with python3-uno, and soffice.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

DATE = "2026-10-20T10:00:00Z"
NAME, AMOUNT = "[KOMMUNENS NAMN]", "[BELOPP]"

TEMPLATE = """\
%date 2026-09-30T09:00:00
%doctitle Individuellt samverkansavtal 2027–2030 (mall)
%title Individuellt samverkansavtal om regional utveckling 2027–2030
%subtitle mellan Region Västerbotten och kommunen
Mall, Region Västerbotten 2026-09-30. Kommunen fyller i sitt namn och sitt bidrag och returnerar avtalet senast den 30 oktober 2026.

# Parter {#h-parter}
. Detta avtal har ingåtts mellan Region Västerbotten, nedan kallad ”regionen”, och [KOMMUNENS NAMN], nedan kallad ”kommunen”. {#parter}
. Regionen och kommunen benämns nedan gemensamt ”parterna”. {#parterna}

# Bakgrund och syfte {#h-syfte}
. Avtalet grundar sig på Överenskommelse om samverkan för regional utveckling i Västerbottens län 2027–2030 mellan regionen och länets femton kommuner, nedan kallad ”den gemensamma överenskommelsen”. {#grund}
. Syftet med avtalet är att ange hur parterna samverkar i de frågor i den gemensamma överenskommelsen som särskilt berör kommunen och vilka åtaganden parterna har gentemot varandra. {#syfte}
. Vid motstridighet mellan detta avtal och den gemensamma överenskommelsen gäller den gemensamma överenskommelsen. {#forrang}

# Samverkan {#h-samverkan}
. Parterna ska samverka inom kompetensförsörjning, näringslivsutveckling, infrastruktur och kollektivtrafik samt hälsa och välfärd. {#omraden}
. Kommunen ska utse en kontaktperson för samverkan enligt detta avtal och meddela regionen kontaktpersonens namn senast den 31 januari varje år. {#kontakt-kommun}
. Regionen ska utse en kontaktperson vid avdelningen för regional utveckling som kommunen kan vända sig till i frågor som rör avtalet. {#kontakt-region}
. Parterna ska träffas minst två gånger per år för att följa upp samverkan enligt avtalet. {#moten}
. Regionen ska ge kommunen tillfälle att lämna synpunkter på regionala strategier och program som berör kommunen innan de beslutas. {#synpunkter}

# Åtaganden {#h-ataganden}
. Kommunen ska delta i regionens arbete med den regionala utvecklingsstrategin och bidra med lokalt kunskapsunderlag. {#strategi}
. Regionen ska stödja kommunen i arbetet med lokala utvecklingsprogram och i ansökningar om regionala och statliga projektmedel. {#stod}
. Parterna ska samordna sina insatser för att underlätta etablering av nya företag i kommunen. {#etablering}
. Kommunen ansvarar för att de lokala insatserna genomförs och följs upp. {#lokala}

# Finansiering {#h-fin}
. Kommunen bidrar till den gemensamma samverkan med [BELOPP] kronor per år under avtalsperioden. {#bidrag}
. Bidraget betalas i förskott senast den 31 mars varje år mot faktura från regionen. {#betalning}
. Bidraget räknas upp årligen med det index som primärkommunala delegationen beslutar om. {#index}
. Regionen redovisar årligen för kommunen hur bidraget har använts. {#redovisning}

# Giltighet och uppsägning {#h-giltighet}
. Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2030. {#period}
. Part som vill säga upp avtalet ska göra det skriftligen senast sex månader före avtalsperiodens slut. {#uppsagning}
. Ändringar av och tillägg till avtalet ska vara skriftliga och undertecknade av båda parter för att gälla. {#andringar}
. Tvister med anledning av avtalet ska i första hand lösas genom förhandling mellan parterna. {#tvister}

# Underskrifter {#h-underskrifter}
. Avtalet har upprättats i två likalydande exemplar, av vilka parterna har tagit var sitt. {#exemplar}
. För Region Västerbotten undertecknar regionstyrelsens ordförande och för [KOMMUNENS NAMN] kommunstyrelsens ordförande. {#undertecknare}
"""

INSERTED = ("Parterna ska gemensamt verka för att nya företag i kommunen "
            "får tillgång till regionens företagsstöd inom tre månader "
            "från etableringen.")


def fills(name, amount):
    """The expected deviations: the municipality's name and amount."""
    return [("fill", "parter", NAME, name),
            ("fill", "bidrag", AMOUNT, amount),
            ("fill", "undertecknare", "och för |" + NAME, name)]


# Clean copies, no tracking: file, party (kldiff -L), edits.  An edit is
# (op, label, old words, new words); fill and replace change words of the
# clause with that label, delete removes it, insert_after adds a clause.
CLEAN = [
    ("lycksele.docx", "Lycksele kommun", fills("Lycksele kommun", "420 000") + [
        ("replace", "uppsagning", "senast sex månader", "senast tolv månader"),
        ("replace", "betalning", "senast den 31 mars", "senast den 30 juni"),
    ]),
    ("umea.docx", "Umeå kommun", fills("Umeå kommun", "2 850 000") + [
        ("replace", "uppsagning", "senast sex månader", "senast tre månader"),
        ("delete", "moten", "Parterna ska träffas minst två gånger", None),
    ]),
    ("sorsele.docx", "Sorsele kommun", fills("Sorsele kommun", "135 000") + [
        ("insert_after", "etablering", "underlätta etablering av nya företag i kommunen.", INSERTED),
    ]),
    ("vannas.docx", "Vännäs kommun", fills("Vännäs kommun", "310 000") + [
        ("insert_after", "etablering", "underlätta etablering av nya företag i kommunen.", INSERTED),
        ("replace", "lokala", "genomförs och följs upp.",
         "genomförs och att regionen får del av uppföljningen."),
    ]),
]

# One copy with tracked changes by two people of one municipality.
TWO_AUTHORS = ("robertsfors.docx", [
    ("Anna Lind, Robertsfors kommun", fills("Robertsfors kommun", "240 000")),
    ("Erik Berg, Robertsfors kommun", [
        ("replace", "kontakt-kommun", "senast den 31 januari", "senast den 28 februari"),
    ]),
])

# Comments only: (label, anchor words, comment text).
COMMENTER = ("mala.docx", "Karin Holm, Malå kommun", [
    ("moten", "minst två gånger per år",
     "Två möten per år räcker inte för en inlandskommun; vi föreslår fyra."),
    ("index", "det index som primärkommunala delegationen beslutar om",
     "Vilket index avses? Ange gärna att det är regionens uppräkningsindex."),
])

XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="givenname" oor:op="fuse"><value>%s</value></prop></item>
<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="sn" oor:op="fuse"><value>%s</value></prop></item>
</oor:items>
"""


def split_name(author):
    """'Anna Lind, Robertsfors kommun' -> given name 'Anna', surname
    'Lind, Robertsfors kommun': LibreOffice's full name is 'given sn'."""
    given, sn = author.split(" ", 1)
    return given, sn


class Office:
    """A headless soffice on its own profile (its user name the author of
    what it records), listening on a pipe."""

    def __init__(self, tmp, author):
        import unolib
        self.tmp = tmp
        prof = os.path.join(tmp, "profile-%d" % os.getpid())
        user = os.path.join(prof, "user")
        os.makedirs(user, exist_ok=True)
        with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
            f.write(XCU % split_name(author))
        pipe = "klausultmpl%d" % os.getpid()
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--norestore", "--nologo",
             "-env:UserInstallation=file://" + prof,
             "--accept=pipe,name=%s;urp;" % pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ctx = unolib.connect(pipe, "make-template.py")
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx)

    def set_author(self, author):
        """The user name that the next recorded changes carry."""
        import unolib
        given, sn = split_name(author)
        cp = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        acc = cp.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (unolib.prop("nodepath", "/org.openoffice.UserProfile/Data"),))
        acc.setPropertyValue("givenname", given)
        acc.setPropertyValue("sn", sn)
        acc.commitChanges()

    def load(self, path):
        import uno
        import unolib
        src = os.path.join(self.tmp, "in-" + os.path.basename(path))
        shutil.copyfile(path, src)     # no lock file beside the template
        return self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(src), "_blank", 0, (unolib.prop("Hidden", True),))

    def save(self, doc, out):
        import uno
        import unolib
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       (unolib.prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def find(doc, text):
    sd = doc.createSearchDescriptor()
    sd.SearchString = text
    sd.SearchCaseSensitive = True
    r = doc.findFirst(sd)
    if r is None:
        raise SystemExit("not in the template: %r" % text)
    return r


def edit(doc, op, old, new):
    if op in ("fill", "replace"):
        # "context|words": the words after the context (a placeholder
        # recurs, and a recorded deletion still holds the old one)
        before, _, words = old.rpartition("|")
        r = find(doc, before + words)
        cur = r.Text.createTextCursorByRange(r.Start)
        cur.goRight(len(before), False)
        cur.goRight(len(words), True)
        cur.setString(new)
    elif op == "insert_after":
        r = find(doc, old)
        cur = r.Text.createTextCursorByRange(r.End)
        cur.gotoEndOfParagraph(False)
        r.Text.insertControlCharacter(cur, 0, False)   # PARAGRAPH_BREAK
        r.Text.insertString(cur, new, False)
    elif op == "delete":
        # from the end of the clause before to the end of this one: the
        # paragraph and its mark go, the clause before keeps its own
        r = find(doc, old)
        cur = r.Text.createTextCursorByRange(r.Start)
        cur.gotoStartOfParagraph(False)
        cur.goLeft(1, False)
        cur.goRight(1, True)
        cur.gotoEndOfParagraph(True)
        cur.setString("")
    else:
        raise SystemExit("unknown edit %r" % op)


def make_template(outdir, tmp):
    """mall.docx the way the corpus agreements are made; the model gives
    each label its displayed number."""
    src = os.path.join(tmp, "mall.txt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(TEMPLATE)
    fodt, model = os.path.join(tmp, "mall.fodt"), os.path.join(tmp, "mall.json")
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), src, fodt, model], check=True)
    convert(tmp, fodt, "docx:MS Word 2007 XML", os.path.join(outdir, "mall.docx"))
    with open(model, encoding="utf-8") as f:
        return {it["label"]: it["id"] for it in json.load(f) if it.get("label")}


def convert(tmp, path, to, out):
    """soffice --convert-to, on a profile of its own."""
    prof = os.path.join(tmp, "convert-profile")
    conv = os.path.join(tmp, "conv")
    os.makedirs(conv, exist_ok=True)
    subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + prof,
                    "--convert-to", to, "--outdir", conv, path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ext = to.split(":")[0]
    made = os.path.join(conv, os.path.splitext(os.path.basename(path))[0] + "." + ext)
    shutil.move(made, out)


def normalize(path):
    subprocess.run([sys.executable, os.path.join(HERE, "normalize-docx.py"), path, DATE], check=True)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_commented(outdir, tmp, mall):
    """The template as LibreOffice writes it in flat ODF, with each comment
    an office:annotation over its words (office:annotation-end closing the
    range), converted back to .docx by LibreOffice."""
    name, author, comments = COMMENTER
    fodt = os.path.join(tmp, os.path.splitext(name)[0] + ".fodt")
    convert(tmp, mall, "fodt", fodt)
    with open(fodt, encoding="utf-8") as f:
        x = f.read()
    for i, (label, anchor, text) in enumerate(comments):
        a = xml_escape(anchor)
        if x.count(a) != 1:
            raise SystemExit("anchor %r occurs %d times in LibreOffice's flat ODF" % (anchor, x.count(a)))
        tag = "__Annotation__%d" % i
        ann = ('<office:annotation office:name="%s"><dc:creator>%s</dc:creator>'
               '<dc:date>%s</dc:date><text:p>%s</text:p></office:annotation>'
               % (tag, xml_escape(author), DATE.rstrip("Z"), xml_escape(text)))
        x = x.replace(a, ann + a + '<office:annotation-end office:name="%s"/>' % tag)
    with open(fodt, "w", encoding="utf-8") as f:
        f.write(x)
    out = os.path.join(outdir, name)
    convert(tmp, fodt, "docx:MS Word 2007 XML", out)
    normalize(out)
    return author, comments


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        num = make_template(outdir, tmp)
        mall = os.path.join(outdir, "mall.docx")
        normalize(mall)

        office = Office(tmp, "Ingen Redigerare")
        try:
            for name, party, edits in CLEAN:
                doc = office.load(mall)
                doc.RecordChanges = False
                for op, label, old, new in edits:
                    edit(doc, op, old, new)
                office.save(doc, os.path.join(outdir, name))
                print("%s: %s" % (name, party))
        finally:
            office.close()

        name, rounds = TWO_AUTHORS
        office = Office(tmp, rounds[0][0])
        try:
            doc = office.load(mall)
            doc.RecordChanges = True
            for author, edits in rounds:
                office.set_author(author)
                for op, label, old, new in edits:
                    edit(doc, op, old, new)
            office.save(doc, os.path.join(outdir, name))
            print("%s: %s" % (name, ", ".join(a for a, _ in rounds)))
        finally:
            office.close()

        author, comments = make_commented(outdir, tmp, mall)
        print("%s: %s" % (COMMENTER[0], author))
    for name, *_ in CLEAN + [TWO_AUTHORS]:
        normalize(os.path.join(outdir, name))
    write_truth(outdir, num)


def write_truth(outdir, num):
    """Proposals per place, the parties that make the same one grouped."""
    groups = {}

    def add(party, op, label, old, new):
        if op == "insert_after":
            key = ("after", num[label], "inserted", new)
            contains = new[:40]
        elif op == "delete":
            key = ("base", num[label], "deleted", "")
            contains = None
        else:
            key = ("base", num[label], "changed", "%s/%s" % (old, new))
            contains = new
        old = old.rpartition("|")[2]
        g = groups.setdefault(key, {key[0]: key[1], "op": key[2], "parties": []})
        if contains is not None:
            g["contains"] = contains
        if op == "fill":
            g["fill"] = True
        g["parties"].append(party)

    for name, party, edits in CLEAN:
        for e in edits:
            add(party, *e)
    for author, edits in TWO_AUTHORS[1]:
        for e in edits:
            add(author, *e)
    # one clause with different planted changes is a conflict; the fills
    # (different names and amounts in one clause) are conflicts too
    places = {}
    for key in groups:
        if key[0] == "base" and key[2] == "changed":
            places.setdefault(key[1], set()).add(key)
    conflicts = sorted(p for p, ks in places.items() if len(ks) > 1)
    planted = sorted(p for p in conflicts
                     if not any(groups[k].get("fill") for k in places[p]))
    truth = {
        "SPDX-License-Identifier": "GPL-3.0-or-later",
        "draft": "mall.docx",
        "responses": [{"file": n, "label": p} for n, p, _ in CLEAN] +
                     [{"file": TWO_AUTHORS[0]}, {"file": COMMENTER[0]}],
        "groups": sorted(groups.values(), key=lambda g: (g.get("base") or g.get("after"), g["op"])),
        "conflicts": conflicts,
        "planted_conflicts": planted,
        "comments": [{"base": num[l], "party": COMMENTER[1], "contains": t[:30]}
                     for l, _, t in COMMENTER[2]],
        "authors": {TWO_AUTHORS[0]: [a for a, _ in TWO_AUTHORS[1]]},
        "comments_only": [COMMENTER[1]],
    }
    with open(os.path.join(outdir, "truth.json"), "w", encoding="utf-8") as f:
        f.write("{\n" + ",\n".join(" %s: %s" % (json.dumps(k, ensure_ascii=False), dump(v))
                                   for k, v in truth.items()) + "\n}\n")


def dump(v):
    if isinstance(v, list) and v and isinstance(v[0], dict):
        return "[\n  " + ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in v) + "\n ]"
    return json.dumps(v, ensure_ascii=False)


if __name__ == "__main__":
    main()
