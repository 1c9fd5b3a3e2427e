"""Qt's own file dialog, in Japanese through qtbase_ja.qm (issue 15, 4: no "Look in:" in the Japanese UI)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from consult_desk.ui.widgets.file_dialogs import file_dialog


@pytest.mark.usefixtures("clean_settings", "japanese")
def test_the_save_dialog_speaks_japanese(qtbot, tmp_path):
    dialog = file_dialog(None, "PDFに保存", str(tmp_path / "日次確認.pdf"), "PDF (*.pdf)", save=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.defaultSuffix() == "pdf"
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel) if w.objectName()}
    # Qt 6's "&Look in:" / "Files of &type:" are missing from qtbase_ja.qm: resources/i18n/qtbase_extra_ja.ts
    assert labels["lookInLabel"] == "ファイルの場所(&L):" and labels["fileTypeLabel"] == "ファイルの種類(&T):"
    assert "ファイル名" in labels["fileNameLabel"]
    for text in labels.values():
        assert not re.search(r"[A-Za-z]{2,}", text), text  # nothing left in English
    buttons = dialog.findChild(QDialogButtonBox)
    assert {b.text().replace("&", "") for b in buttons.buttons()} <= {"保存(S)", "キャンセル", "保存", "開く(O)", "開く"}


@pytest.mark.usefixtures("clean_settings", "english")
def test_the_dialog_in_english(qtbot, tmp_path):
    dialog = file_dialog(None, "Open", str(tmp_path), "PEM (*.pem *.crt)", save=False)
    qtbot.addWidget(dialog)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel) if w.objectName()}
    assert labels["fileTypeLabel"] == "Files of &type:"
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFile
