#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the tracked-changes draft.

Usage: check-draft.py DRAFT.docx OLD.docx EXPECTED-ACCEPT.txt

1. The draft's XML has insertions, deletions, a named move (moveFrom/moveTo
   with range markers) and a comment.
2. With pandoc: rejecting all changes gives the text of OLD, and accepting
   all changes gives the words of EXPECTED-ACCEPT.txt (written by
   make-draft.py) in the same order. Paragraphs are compared after
   dropping list numbers and empty paragraphs: pandoc keeps an empty list
   item where a whole paragraph (including its paragraph mark) was inserted
   and the change is rejected, or deleted and the change is accepted.
"""
import re
import shutil
import subprocess
import sys
import zipfile


def paras(docx, mode=None):
    cmd = ["pandoc", "-t", "plain", "--wrap=none"]
    if mode:
        cmd.append("--track-changes=" + mode)
    out = subprocess.run(cmd + [docx], check=True, capture_output=True, text=True).stdout
    res = []
    for p in out.split("\n\n"):
        # List labels are pandoc's own numbering; notes come at the end.
        if re.match(r"^\[\d+\]", p):
            continue
        p = "\n".join(re.sub(r"^\s*(\d+\.|-|•)\s+", "", l) for l in p.split("\n"))
        p = " ".join(re.sub(r"\[\d+\]", "", p).split())
        p = re.sub(r"^(\d+\.|-|•)\s*", "", p).strip()
        if p:
            res.append(p)
    return res


def main():
    draft, old, expected = sys.argv[1:4]
    bad = 0
    with zipfile.ZipFile(draft) as z:
        doc = z.read("word/document.xml").decode("utf-8")
        names = z.namelist()
    for what, pat in [("insertion", r"<w:ins "), ("deletion", r"<w:del "),
                      ("moveFrom", r"<w:moveFrom "), ("moveTo", r"<w:moveTo "),
                      ("moveFromRangeStart", r"<w:moveFromRangeStart [^>]*w:name=\"move1\""),
                      ("moveToRangeStart", r"<w:moveToRangeStart [^>]*w:name=\"move1\""),
                      ("comment reference", r"<w:commentReference ")]:
        n = len(re.findall(pat, doc))
        print("draft: %d x %s" % (n, what))
        if n == 0:
            bad += 1
    if "word/comments.xml" not in names:
        print("draft: no word/comments.xml")
        bad += 1
    if shutil.which("pandoc"):
        for mode, ref in (("reject", old), ("accept", expected)):
            got = paras(draft, mode)
            if ref.endswith(".txt"):
                want = open(ref, encoding="utf-8").read()
                # pandoc keeps Title and Subtitle as metadata, not text.
                want = want.split("\n", 2)[2]
                got = re.findall(r"\w+", " ".join(got))
                want = re.findall(r"\w+", want)
            else:
                want = paras(ref)
            if got != want:
                bad += 1
                print("draft: --track-changes=%s differs from %s" % (mode, ref))
                import difflib
                for l in list(difflib.unified_diff(want, got, lineterm="", n=0))[:20]:
                    print("   ", l[:150])
            else:
                print("draft: --track-changes=%s gives the text of %s (%d paragraphs or words)" % (mode, ref, len(got)))
    else:
        print("draft: pandoc not installed, accept/reject not checked")
    print("check-draft: %d problems" % bad)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
