"""The core's and command line's messages: gettext catalogue with English ids (issue 15, deliverable 4).

Every message id in the sources has a Japanese translation, the placeholders of id and translation
match, the catalogue is up to date with the sources (what ``pybabel extract`` finds), no
(Japanese, English) pair is left unconverted, and real messages come out in both languages.
"""

from __future__ import annotations

import gettext
import importlib.util
import string
import subprocess
import sys
from pathlib import Path

import pytest

from consult_desk import errors, i18n
from consult_desk.errors import MESSAGES, RuleError, set_language

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "messages_to_gettext.py"


def _converter():
    spec = importlib.util.spec_from_file_location("messages_to_gettext", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


conv = _converter()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def catalogue():
    return conv.read_catalogue()


@pytest.fixture(scope="module")
def extracted():
    return conv.extract()


def test_every_message_id_in_the_code_has_a_japanese_translation(catalogue, extracted):
    ids = [(m.context, m.id) for m in extracted if m.id]
    assert len(ids) > 300  # MESSAGES alone has more than 250
    missing = [key for key in ids if not (catalogue.get(key[1], context=key[0]) and catalogue.get(key[1], context=key[0]).string)]
    assert not missing, f"no Japanese for {missing}: run scripts/messages_to_gettext.py and fill in the .po"


def test_placeholders_match_between_id_and_translation(catalogue):
    wrong = [
        (m.id, m.string)
        for m in catalogue
        if m.id and m.string and placeholders(str(m.id)) != placeholders(str(m.string))
    ]
    assert not wrong


def test_no_japanese_in_an_english_id(catalogue):
    japanese = [m.id for m in catalogue if m.id and any(ord(c) > 0x2FFF for c in str(m.id))]
    assert not japanese


def test_catalogue_is_up_to_date_with_the_sources(catalogue, extracted):
    """pybabel extract (into memory, as into a temporary .pot) finds no id the catalogue lacks, and
    the catalogue keeps no id the sources no longer use."""
    in_code = {(m.context, m.id) for m in extracted if m.id}
    in_po = {(m.context, m.id) for m in catalogue if m.id}
    assert in_code - in_po == set(), "new ids: run scripts/messages_to_gettext.py"
    assert in_po - in_code == set(), "ids no longer used: run scripts/messages_to_gettext.py"


def test_pybabel_extract_with_babel_cfg_finds_the_same_ids(tmp_path, extracted):
    """The documented command line (babel.cfg + the keywords) agrees with the converter's extraction."""
    pot = tmp_path / "consult_desk.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
            "--no-default-keywords", "-k", "_t", "-k", "N_", "-k", "_p:1c,2", "-k", "NP_:1c,2",
            "-o", str(pot), "consult_desk",
        ],
        cwd=ROOT, check=True, capture_output=True,
    )
    from babel.messages.pofile import read_po

    with pot.open("rb") as f:
        template = read_po(f)
    assert {(m.context, m.id) for m in template if m.id} == {(m.context, m.id) for m in extracted if m.id}


def test_no_message_pair_is_left_unconverted():
    """A (Japanese, English) pair added since the last conversion shows here: run the converter."""
    left = {code: entry for code, entry in MESSAGES.items() if not isinstance(entry, str)}
    assert not left, f"run .venv/bin/python scripts/messages_to_gettext.py to convert {sorted(left)}"
    would_change = [p for p in conv.sources() if conv.convert_module(p)[0] != p.read_text(encoding="utf-8")]
    assert not would_change, f"run .venv/bin/python scripts/messages_to_gettext.py ({would_change})"


def test_compiled_catalogue_matches_the_po(catalogue):
    """The shipped .mo (read by the installed program and the bundle) is the compiled .po."""
    assert conv.MO.read_bytes() == conv.mo_bytes(catalogue)
    assert conv.MO.parent == i18n.locale_dir() / "ja" / "LC_MESSAGES"
    assert isinstance(gettext.translation(i18n.DOMAIN, str(i18n.locale_dir()), languages=["ja"]), gettext.GNUTranslations)


def test_rule_error_in_japanese_and_english():
    err = RuleError("unknown_office", office="x-office")
    assert err.message == "事業所「x-office」は登録されていません"
    set_language("en")
    assert err.message == "Office 'x-office' does not exist"
    assert err.one_line() == "unknown_office: Office 'x-office' does not exist"
    set_language("ja")
    assert errors.message("transition", status="予約確定", action="相談開始") == "現在の状態（予約確定）では「相談開始」はできません"


def test_labels_follow_the_language_chosen_after_import():
    from consult_desk.credentials import FIELD_LABELS
    from consult_desk.presets import channel_label
    from consult_desk.states import action_label, status_label

    assert (status_label("confirmed"), action_label("check-in"), channel_label("phone")) == ("予約確定", "入室確認", "電話")
    assert FIELD_LABELS["meeting_id"] == "meeting ID"  # tables hold ids, translated where shown
    set_language("en")
    assert (status_label("confirmed"), action_label("check-in"), channel_label("phone")) == ("confirmed", "Check in", "phone")
    set_language("ja")


def test_a_label_inside_an_english_sentence_is_english():
    """No Japanese inside English sentences: the credentials' field label is translated too."""
    from consult_desk.credentials import field_label
    from consult_desk.presets import OfficeConfig, load_preset

    config = OfficeConfig("yamaguchi-vocational", load_preset("yamaguchi-vocational"))
    set_language("en")
    try:
        err = RuleError("credential_field_unused", field=field_label(config, "url"), platform="Teams")
        assert all(ord(c) < 0x3000 for c in err.message), err.message
    finally:
        set_language("ja")
    assert field_label(config, "url") == "会議URL"


def test_context_keeps_two_translations_of_one_english_word(catalogue):
    """The same English word in two tables may take different Japanese (message contexts)."""
    assert catalogue.get("no-show", context="states.status").string == "無断キャンセル"
    assert i18n.in_language("ja", "due today", "details") == "本日送付期限"
    assert i18n.in_language("en", "due today", "details") == "due today"


def test_cli_refusal_in_both_languages(tmp_path, capsys):
    from tests.cli_support import Cli

    cli = Cli(tmp_path / "d.sqlite3", capsys)
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    assert "プリセット「no-such-preset」はありません" in cli("init", "--preset", "no-such-preset", expect=2)
    assert "There is no preset 'no-such-preset'" in cli("--lang", "en", "init", "--preset", "no-such-preset", expect=2)


def test_the_converter_turns_pairs_into_ids_and_catalogue_entries(tmp_path):
    """What another helper adds as pairs (a MESSAGES entry, a label table and its lookup) converts
    mechanically: English ids in the code, the Japanese into the catalogue."""
    source = tmp_path / "sample.py"
    source.write_text(
        "from consult_desk.errors import language\n"
        "\n"
        "MESSAGES: dict[str, tuple[str, str]] = {\n"
        '    "done": N_("It is done"),\n'
        '    "new_rule": ("規則「{name}」に反します", "This breaks the rule \'{name}\'"),\n'
        '    "long": (\n'
        '        "長い"\n'
        '        "文{x}",\n'
        '        "A long "\n'
        '        "sentence {x}",\n'
        "    ),\n"
        "}\n"
        'KIND_LABELS: dict[str, tuple[str, str]] = {"a": ("エー", "ay")}\n'
        "\n"
        "\n"
        "def kind_label(kind: str) -> str:\n"
        "    ja, en = KIND_LABELS.get(kind, (kind, kind))\n"
        '    return en if language() == "en" else ja\n',
        encoding="utf-8",
    )
    text, entries = conv.convert_module(source, module="sample")
    assert sorted(entries, key=str) == sorted([
        (None, "This breaks the rule '{name}'", "規則「{name}」に反します"),
        (None, "A long sentence {x}", "長い文{x}"),
        ("sample.kind", "ay", "エー"),
    ], key=str)
    assert '"new_rule": N_("This breaks the rule \'{name}\'"),' in text
    assert '"long": N_(\n        "A long "\n        "sentence {x}"\n    ),' in text
    assert 'KIND_LABELS: dict[str, str] = {"a": NP_("sample.kind", "ay")}' in text
    assert 'return _p("sample.kind", KIND_LABELS.get(kind, kind))' in text
    assert "from consult_desk.i18n import NP_, N_, _p" in text
    compile(text, "sample.py", "exec")


def test_the_converter_takes_pairs_among_a_table_of_calls(tmp_path):
    """The action table (states.SPECS) builds its labels in calls: ActionSpec(..., ("日本語", "English"));
    those pairs convert too, in the context their lookup translates with."""
    source = tmp_path / "states.py"
    source.write_text(
        "SPECS = {\n"
        "    spec.action: spec\n"
        "    for spec in (\n"
        '        Spec("offer", ("a",), ("日時を提示", "Offer a time")),\n'
        '        Spec("extend", ("b", "c"), label=("延長", "Extend"), needs=("x", "y")),\n'
        "    )\n"
        "}\n",
        encoding="utf-8",
    )
    text, entries = conv.convert_module(source, module="states")
    assert sorted(entries) == [("states.action", "Extend", "延長"), ("states.action", "Offer a time", "日時を提示")]
    assert 'Spec("offer", ("a",), NP_("states.action", "Offer a time"))' in text
    assert 'label=NP_("states.action", "Extend"), needs=("x", "y"))' in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_argparse_speaks_the_language_too(lang, monkeypatch, capsys):
    """``--help`` and a mistyped command: argparse's own words (usage:, options, its error sentence)
    come from the catalogue as well, so a Japanese help page has no English frame around it."""
    from consult_desk import cli

    monkeypatch.setenv("CONSULT_DESK_LANG", lang)
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    page = capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        cli.main(["bokk"])
    assert done.value.code == 2
    error = capsys.readouterr().err
    if lang == "ja":
        assert page.startswith("使い方: consult-desk") and "\nオプション:\n" in page and "usage" not in page
        assert "エラー: 引数 cmd: 選べない値です: 'bokk'" in error, error
    else:
        assert page.startswith("usage: consult-desk") and "\noptions:\n" in page
        assert "error: argument cmd: invalid choice: 'bokk'" in error, error
