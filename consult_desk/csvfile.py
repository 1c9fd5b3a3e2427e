"""Writing CSV files people open in a spreadsheet: formula-safe cells, CRLF, UTF-8 with BOM or CP932.

A leaf of the core (the audit log's export and the reservation export both write through it), so that
``audit`` and ``export`` do not import each other.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from consult_desk.errors import RuleError
from consult_desk.files import atomic_file
from consult_desk.validation import starts_formula

ENCODINGS = ("utf-8-sig", "cp932")
CP932_SUBSTITUTE = "〓"

_NUMBER_OR_DATE = re.compile(r"^-?\d+(\.\d+)?$|^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Neutralise a cell a spreadsheet would run as a formula: its first character that is not blank
    or invisible is =, +, -, @ (or it starts with tab, CR, LF)."""
    text = "" if value is None else str(value)
    if text and starts_formula(text) and not _NUMBER_OR_DATE.match(text):
        return "'" + text
    return text


@dataclass
class ExportResult:
    rows: int
    path: Path
    encoding: str
    unencodable: list[dict[str, object]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"rows": self.rows, "out": str(self.path), "encoding": self.encoding, "unencodable": self.unencodable}


def write_csv(
    path: Path, header: list[str], rows: Iterable[list[str]], encoding: str = "utf-8-sig"
) -> tuple[int, list[dict[str, object]]]:
    """Write rows with CRLF; for CP932, characters it cannot hold are listed and shown as 〓."""
    if encoding not in ENCODINGS:
        raise RuleError("invalid_value", label="encoding", value=encoding)
    problems: list[dict[str, object]] = []
    count = 0
    with atomic_file(path, "w", encoding=encoding, newline="", errors="strict") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            count += 1
            if encoding == "cp932":
                row = _cp932_row(row, count, header, problems)
            writer.writerow(row)
    return count, problems


def _cp932_row(row: list[str], line: int, header: list[str], problems: list[dict[str, object]]) -> list[str]:
    out = []
    for col, cell in enumerate(row):
        try:
            cell.encode("cp932")
            out.append(cell)
        except UnicodeEncodeError:
            fixed = []
            for ch in cell:
                try:
                    ch.encode("cp932")
                    fixed.append(ch)
                except UnicodeEncodeError:
                    problems.append({"row": line, "column": header[col], "char": ch, "codepoint": f"U+{ord(ch):04X}"})
                    fixed.append(CP932_SUBSTITUTE)
            out.append("".join(fixed))
    return out
