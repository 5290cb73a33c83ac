#!/usr/bin/env python3
"""Check the tracked-changes draft.

Usage: check-draft.py DRAFT.docx OLD.docx NEW.docx

1. The draft's XML has insertions, deletions, a named move (moveFrom/moveTo
   with range markers) and a comment.
2. With pandoc: rejecting all changes gives the text of OLD and accepting
   all changes gives the text of NEW. Compared paragraph by paragraph after
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
        p = " ".join(p.split())
        p = re.sub(r"^(\d+\.|-|•)\s*", "", p).strip()
        if p:
            res.append(p)
    return res


def main():
    draft, old, new = sys.argv[1:4]
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
        for mode, ref in (("reject", old), ("accept", new)):
            got, want = paras(draft, mode), paras(ref)
            if got != want:
                bad += 1
                print("draft: --track-changes=%s differs from %s" % (mode, ref))
                import difflib
                for l in list(difflib.unified_diff(want, got, lineterm="", n=0))[:20]:
                    print("   ", l[:150])
            else:
                print("draft: --track-changes=%s gives the text of %s (%d paragraphs)" % (mode, ref, len(got)))
    else:
        print("draft: pandoc not installed, accept/reject not checked")
    print("check-draft: %d problems" % bad)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
