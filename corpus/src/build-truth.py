#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build a ground-truth TSV (corpus/truth/OLD_NEW.tsv) for one pair of versions.

Usage: build-truth.py OLD.json NEW.json CHANGES.tsv OUT.tsv

CHANGES.tsv (in corpus/src) lists the planted changes by *label* (the {#label}
of each clause or heading in the source files; `title` for the document title,
`row:NAME` for a table row, `a+b` for split/merge, `-` for absent). This script
resolves labels to the clause numbers LibreOffice displays (from the models
written by gen.py), checks that every snippet occurs in the clause it names,
adds one `renumbered` line for every clause or heading whose number changed
while its text stayed identical, and fails if any difference between the two
versions is not accounted for by some line.
"""
import json
import sys

KINDS = {"reworded", "rewritten", "inserted", "deleted", "new_section", "moved", "split",
         "merged", "heading_renamed", "renumbered", "amount", "number", "row_added",
         "row_deleted", "period", "date", "typography"}


def load(path):
    items = json.load(open(path, encoding="utf-8"))
    return {it["label"]: it for it in items}, items


def main():
    old_path, new_path, changes_path, out_path = sys.argv[1:5]
    old, old_items = load(old_path)
    new, new_items = load(new_path)
    errors = []
    out = []
    mentioned_old, mentioned_new = set(), set()
    comments = []

    def resolve(side, labels, lineno):
        if labels == "-":
            return "-", ""
        ids, texts = [], []
        for lab in labels.split("+"):
            it = side.get(lab)
            if it is None:
                errors.append("line %d: unknown label %r" % (lineno, lab))
                return "?", ""
            ids.append(it["id"])
            texts.append(it["text"])
        return "+".join(ids), "\n".join(texts)

    with open(changes_path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                comments.append(line)
                continue
            cols = line.split("\t")
            if len(cols) != 6:
                errors.append("line %d: %d columns" % (lineno, len(cols)))
                continue
            kind, ol, nl, osn, nsn, note = cols
            if kind == "kind":
                continue
            if kind not in KINDS:
                errors.append("line %d: bad kind %s" % (lineno, kind))
            oid, otext = resolve(old, ol, lineno)
            nid, ntext = resolve(new, nl, lineno)
            if ol != "-":
                mentioned_old.update(ol.split("+"))
            if nl != "-":
                mentioned_new.update(nl.split("+"))
            if osn != "-" and osn not in otext:
                errors.append("line %d: old snippet not in %s: %r" % (lineno, oid, osn))
            if nsn != "-" and nsn not in ntext:
                errors.append("line %d: new snippet not in %s: %r" % (lineno, nid, nsn))
            for sn, t in ((osn, otext), (nsn, ntext)):
                if sn != "-" and len(t.split()) >= 12 and not (5 <= len(sn.split()) <= 12):
                    errors.append("line %d: snippet has %d words: %r" % (lineno, len(sn.split()), sn))
            out.append([kind, oid, nid, osn, nsn, note])

    # automatic renumbered lines + completeness check
    for it in old_items:
        lab = it["label"]
        if lab not in new:
            if lab not in mentioned_old:
                errors.append("unaccounted: %s (%s) only in old" % (lab, it["id"]))
            continue
        nit = new[lab]
        if it["text"] == nit["text"] and it["id"] == nit["id"]:
            continue
        if lab in mentioned_old or lab in mentioned_new:
            continue
        if it["text"] != nit["text"]:
            errors.append("unaccounted difference in %s (%s -> %s)" % (lab, it["id"], nit["id"]))
            continue
        words = it["text"].split("\n")[0].split()
        snip = " ".join(words[:8]) if len(words) >= 5 else "-"
        note = "heading, words identical" if it["kind"] == "heading" else "words identical"
        out.append(["renumbered", it["id"], nit["id"], snip, snip, note])
    for it in new_items:
        lab = it["label"]
        if lab not in old and lab not in mentioned_new:
            errors.append("unaccounted: %s (%s) only in new" % (lab, it["id"]))

    if errors:
        sys.stderr.write("\n".join(errors) + "\n")
        sys.exit(1)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("kind\told_id\tnew_id\told_snippet\tnew_snippet\tnote\n")
        for c in comments:
            f.write(c + "\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    counts = {}
    for row in out:
        counts[row[0]] = counts.get(row[0], 0) + 1
    sys.stderr.write("%s: %d lines %s\n" % (out_path, len(out), dict(sorted(counts.items()))))


if __name__ == "__main__":
    main()
