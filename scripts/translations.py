#!/usr/bin/env python3
"""The widgets' Japanese translations: Qt .ts files made by pyside6-lupdate, edited in Qt Linguist.

    .venv/bin/python scripts/translations.py update   # re-read the sources into resources/i18n/*_ja.ts
    .venv/bin/python scripts/translations.py check    # what tests/test_translations.py checks

One .ts per UI package (``AREAS``): lupdate keeps every translation already there, adds new source
texts as unfinished and drops vanished ones (``-no-obsolete``). Locations are left out
(``-locations none``) so that moving code does not change the files; Linguist still finds a text by
its context (the class) and source. Then open the .ts in Linguist (``pyside6-linguist``), translate
what is unfinished and save; scripts/setup.sh compiles the .qm files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "consult_desk" / "ui"
I18N = ROOT / "resources" / "i18n"


def _py(folder: str, exclude: tuple[str, ...] = ()) -> list[Path]:
    return sorted(p for p in (UI / folder).glob("*.py") if p.name not in exclude)


def areas() -> dict[str, list[Path]]:
    """resources/i18n/<area>_ja.ts from these sources (the upgrade notice has its own: the installer's)."""
    return {
        "main": _py("shell", exclude=("upgrade_notice.py",)),
        "installer": [UI / "shell" / "upgrade_notice.py"],
        "desk": _py("desk"),
        "session": _py("session"),
        "mail": _py("mail"),
        "supervisor": _py("supervisor"),
        "widgets": _py("widgets"),
    }


def lupdate_exe() -> str:
    local = Path(sys.executable).with_name("pyside6-lupdate")
    return str(local) if local.exists() else "pyside6-lupdate"


def lupdate(sources: list[Path], ts: Path) -> None:
    subprocess.run(
        [lupdate_exe(), *[str(p) for p in sources], "-ts", str(ts), "-source-language", "en",
         "-target-language", "ja_JP", "-no-obsolete", "-locations", "none", "-silent"],
        check=True, capture_output=True, text=True,
    )


def update(i18n: Path = I18N) -> list[Path]:
    written = []
    for area, sources in areas().items():
        ts = i18n / f"{area}_ja.ts"
        lupdate(sources, ts)
        written.append(ts)
    return written


def stale() -> list[str]:
    """The .ts files that lupdate would change (run into a temporary copy and compared)."""
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        for area, sources in areas().items():
            ts = I18N / f"{area}_ja.ts"
            copy = Path(tmp) / ts.name
            if ts.exists():
                shutil.copy2(ts, copy)
            lupdate(sources, copy)
            if not ts.exists() or copy.read_bytes() != ts.read_bytes():
                changed.append(ts.name)
    return changed


@dataclass
class Problem:
    file: str
    context: str
    source: str
    what: str

    def __str__(self) -> str:
        return f"{self.file} [{self.context}] {self.source!r}: {self.what}"


_PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text or ""))


def problems(i18n: Path = I18N) -> list[Problem]:
    """Every message translated (none unfinished or empty), the same placeholders (%1, %n) on both sides,
    and an accelerator (&X) in the translation when the source has one."""
    found = []
    for ts in sorted(i18n.glob("*_ja.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
                texts = forms or ([translation.text or ""] if translation is not None else [])
                if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                    t.strip() for t in texts
                ):
                    found.append(Problem(ts.name, name, source, "no Japanese translation"))
                    continue
                for text in texts:
                    wanted = placeholders(source)
                    got = placeholders(text)
                    if message.get("numerus") == "yes":  # %n may be left out of a form
                        wanted = [p for p in wanted if p != "%n"]
                        got = [p for p in got if p != "%n"]
                    if wanted != got:
                        found.append(Problem(ts.name, name, source, f"placeholders {wanted} but {got} in {text!r}"))
                    if re.search(r"&[^&\s]", source.replace("&&", "")) and not re.search(r"&[^&\s]", text.replace("&&", "")):
                        found.append(Problem(ts.name, name, source, f"accelerator lost in {text!r}"))
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        for ts in update():
            print("updated", ts.relative_to(ROOT))
        for problem in problems():
            print(problem)
        return 0
    if command == "check":
        changed = stale()
        for name in changed:
            print(f"{name}: not what pyside6-lupdate makes of the sources (run scripts/translations.py update)")
        found = problems()
        for problem in found:
            print(problem)
        return 1 if changed or found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
