#!/usr/bin/env python3
"""Fill Japanese translations into a .ts file from a small table.

    .venv/bin/python scripts/ts-fill.py resources/i18n/AREA_ja.ts TABLE.tsv

TABLE.tsv: one "English source<TAB>Japanese" per line. Only messages whose source matches are
changed (type="unfinished" removed); everything else is kept. Prints what is still untranslated.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, table_path: str) -> int:
    table = {}
    with open(table_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if "\t" in line:
                src, dst = line.split("\t", 1)
                table[src.replace("\\n", "\n")] = dst.replace("\\n", "\n")
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            missing.append(source)
    with open(ts_path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    for source in missing:
        print("untranslated:", source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
