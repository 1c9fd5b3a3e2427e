"""First start on an empty database: offices are created from the chosen presets, by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from consult_desk.offices import get_config, list_offices
from consult_desk.ui.shell.first_start import OfficeSetupDialog


def test_offices_chosen_by_keyboard(db, ctx, qtbot, monkeypatch):
    dialog = OfficeSetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    warned = []
    monkeypatch.setattr("consult_desk.ui.shell.first_start.QMessageBox.information", lambda *a: warned.append(a))
    dialog.accept()  # nothing ticked: told so, nothing created
    assert warned and list_offices() == []
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    for _ in range(4):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.chosen() == ["nishitokyo-childcare", "hellowork-kawagoe"]
    dialog.accept()
    assert dialog.result() == OfficeSetupDialog.DialogCode.Accepted
    assert sorted(o.code for o in list_offices()) == ["hellowork-kawagoe", "nishitokyo-childcare"]
    assert get_config("hellowork-kawagoe").max_session_minutes == 45
