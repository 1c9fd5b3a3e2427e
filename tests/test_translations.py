"""The widgets' Japanese translations (issue 15, 4): the .ts files are what pyside6-lupdate makes of
the sources, every message has a Japanese translation with the same placeholders and an accelerator."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
translations = importlib.util.module_from_spec(spec)
sys.modules["translations"] = translations
spec.loader.exec_module(translations)


def test_lupdate_leaves_the_ts_files_unchanged():
    """pyside6-lupdate run into a temporary copy of each .ts gives the same bytes: no text in the code
    is missing from the .ts files and none is left over."""
    assert translations.stale() == []


def test_every_widget_message_has_a_japanese_translation_with_matching_placeholders():
    assert [str(p) for p in translations.problems()] == []


def test_every_ui_module_belongs_to_one_area():
    covered = [p for sources in translations.areas().values() for p in sources]
    assert len(covered) == len(set(covered))
    assert set(covered) == set((ROOT / "consult_desk" / "ui").glob("*/*.py"))
    assert not (ROOT / "resources" / "i18n" / "tables").exists() and not (ROOT / "scripts" / "ts-fill.py").exists()


def test_the_check_finds_a_missing_translation_and_a_placeholder_mismatch(tmp_path):
    (tmp_path / "x_ja.ts").write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context><name>A</name>
<message><source>Booked %1 at %2</source><translation>%1を予約</translation></message>
<message><source>New</source><translation type="unfinished"></translation></message>
<message><source>&amp;Book</source><translation>予約する</translation></message>
<message numerus="yes"><source>%n item(s)</source><translation><numerusform>%n件</numerusform></translation></message>
</context></TS>
""",
        encoding="utf-8",
    )
    found = [(p.source, p.what.split(" ")[0]) for p in translations.problems(tmp_path)]
    assert found == [("Booked %1 at %2", "placeholders"), ("New", "no"), ("&Book", "accelerator")]
