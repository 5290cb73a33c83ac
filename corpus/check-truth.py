#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Verify corpus/truth/*.tsv against LibreOffice's text renderings (corpus/text/*.txt).

Usage: check-truth.py [CORPUS_DIR]

For every line of each truth file: the old ids must exist in the old
version's rendering and the new ids in the new version's rendering, with the
number LibreOffice shows in front of the clause (or the heading / title text,
or the table row `row:NAME`), and each snippet must be an exact substring of
the text of the clause(s) named. `renumbered` lines must name clauses whose
text is identical in both versions. Needs only python3; no word processor.
"""
import os
import re
import sys

PAIRS = [("2019-2022", "2023-2026"), ("2023-2026", "2027-2030")]
KINDS = {"reworded", "rewritten", "inserted", "deleted", "new_section", "moved", "split",
         "merged", "heading_renamed", "renumbered", "amount", "number", "row_added",
         "row_deleted", "period", "date", "typography"}
MUNICIPALITIES = ["Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling", "Norsjö",
                  "Robertsfors", "Skellefteå", "Sorsele", "Storuman", "Umeå", "Vilhelmina",
                  "Vindeln", "Vännäs", "Åsele"]


def row_name(cell):
    """`Vindelns kommun` -> `Vindeln`; other rows keep their full text."""
    for name in MUNICIPALITIES:
        if cell in (name + " kommun", name + "s kommun"):
            return name
    return cell


NUM_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.\s+(.*)$")


def parse_text(path):
    """Map id -> text from a LibreOffice txt rendering."""
    lines = open(path, encoding="utf-8-sig").read().split("\n")
    items = {}
    items[lines[0].strip()] = lines[0].strip()  # title
    cur = None
    in_table = False
    i = 0
    while i < len(lines):
        line = lines[i]
        m = NUM_RE.match(line)
        if m:
            cur = m.group(1)
            items[cur] = m.group(2)
            in_table = False
        elif line.strip().startswith("•") and cur:
            items[cur] += "\n" + line.strip()[1:].strip()
        elif line.strip() == "Part" and i + 1 < len(lines) and "bidrag" in lines[i + 1]:
            in_table = True
            cur = None
            i += 2
            continue
        elif in_table and line.strip():
            name = row_name(line.strip())
            items["row:" + name] = line.strip() + "\n" + lines[i + 1].strip()
            i += 2
            continue
        elif line.strip() and not line.startswith(" "):
            # unnumbered heading or paragraph
            items.setdefault(line.strip(), line.strip())
            cur = None
        i += 1
    return items


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    bad = 0
    total = 0
    for old, new in PAIRS:
        ot = parse_text(os.path.join(root, "text", "samverkan-%s.txt" % old))
        nt = parse_text(os.path.join(root, "text", "samverkan-%s.txt" % new))
        tpath = os.path.join(root, "truth", "%s_%s.tsv" % (old, new))
        with open(tpath, encoding="utf-8") as f:
            rows = [l.rstrip("\n") for l in f]
        if rows[0] != "kind\told_id\tnew_id\told_snippet\tnew_snippet\tnote":
            print("%s: bad header" % tpath)
            bad += 1
        for n, row in enumerate(rows[1:], 2):
            if not row or row.startswith("#"):
                continue
            total += 1
            cols = row.split("\t")
            if len(cols) != 6 or cols[0] not in KINDS:
                print("%s:%d: malformed line" % (tpath, n))
                bad += 1
                continue
            kind, oid, nid, osn, nsn, _ = cols

            def text(side, ids):
                if ids in ("-", "*"):
                    return ""
                out = []
                for i in ids.split("+"):
                    if i not in side:
                        return None
                    out.append(side[i])
                return "\n".join(out)

            otext, ntext = text(ot, oid), text(nt, nid)
            if otext is None:
                print("%s:%d: old id %s not found" % (tpath, n, oid))
                bad += 1
                continue
            if ntext is None:
                print("%s:%d: new id %s not found" % (tpath, n, nid))
                bad += 1
                continue
            if osn != "-" and osn not in otext:
                print("%s:%d: old snippet not in %s: %r" % (tpath, n, oid, osn))
                bad += 1
            if nsn != "-" and nsn not in ntext:
                print("%s:%d: new snippet not in %s: %r" % (tpath, n, nid, nsn))
                bad += 1
            if kind == "renumbered" and (otext != ntext or oid == nid):
                print("%s:%d: renumbered but text differs or same number" % (tpath, n))
                bad += 1
            if kind in ("inserted", "row_added") and oid != "-":
                print("%s:%d: inserted with old id" % (tpath, n))
                bad += 1
            if kind in ("deleted", "row_deleted") and nid != "-":
                print("%s:%d: deleted with new id" % (tpath, n))
                bad += 1
    print("check-truth: %d lines checked, %d problems" % (total, bad))
    print("%d passed, %d failed" % (total - bad, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
