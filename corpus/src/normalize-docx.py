#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make a LibreOffice-written .docx reproducible: fixed zip timestamps,
fixed dcterms:created/modified in docProps/core.xml, fixed revision count
and total editing time. Usage: normalize-docx.py FILE.docx DATE(YYYY-MM-DDTHH:MM:SSZ)"""
import os
import re
import sys
import zipfile

path, date = sys.argv[1], sys.argv[2]
stamp = tuple(int(x) for x in re.match(r"(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)", date).groups())
tmp = path + ".tmp"
with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == "docProps/core.xml":
            s = data.decode("utf-8")
            s = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", r"\g<1>%s\3" % date, s)
            s = re.sub(r"<cp:revision>[^<]*</cp:revision>", "<cp:revision>1</cp:revision>", s)
            data = s.encode("utf-8")
        elif info.filename == "docProps/app.xml":
            s = data.decode("utf-8")
            s = re.sub(r"<TotalTime>[^<]*</TotalTime>", "<TotalTime>0</TotalTime>", s)
            s = re.sub(r"<Application>[^<]*</Application>", "<Application>LibreOffice</Application>", s)
            data = s.encode("utf-8")
        zi = zipfile.ZipInfo(info.filename, date_time=stamp)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        zout.writestr(zi, data)
os.replace(tmp, path)
