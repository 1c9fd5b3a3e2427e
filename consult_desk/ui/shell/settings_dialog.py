"""Settings of this desk: UI language (next start), Japanese era years in dates, idle lock time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consult_desk.ui.shell.settings import settings
from consult_desk.ui.widgets.format import set_era, truthy

LANGUAGES = (("ja", "日本語"), ("en", "English"))


class SettingsDialog(QDialog):
    """Stored in QSettings: ``ui/language`` ("ja"/"en"), ``ui/era`` (bool) and ``ui/idle_lock_minutes``
    (0: the office's ``idle_lock_minutes``; a desk may lock sooner than its office says, never later)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        s = settings()
        self.language = QComboBox(self)
        self.language.setObjectName("settings_language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(str(s.value("ui/language", "ja")))))
        self.era = QCheckBox(self.tr("Show Japanese era years (令和9年1月13日)"), self)
        self.era.setObjectName("settings_era")
        self.era.setChecked(truthy(s.value("ui/era", False)))
        note = QLabel(self.tr("A new language takes effect the next time Consult Desk starts."), self)
        note.setWordWrap(True)
        self.idle = QSpinBox(self)
        self.idle.setObjectName("settings_idle_lock")
        self.idle.setRange(0, 120)
        self.idle.setSpecialValueText(self.tr("The office's setting"))
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(int(s.value("ui/idle_lock_minutes", 0) or 0))
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", note)
        form.addRow(self.era)
        form.addRow(self.tr("Lock after &idle time"), self.idle)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        s = settings()
        s.setValue("ui/language", self.language.currentData())
        s.setValue("ui/era", self.era.isChecked())
        s.setValue("ui/idle_lock_minutes", self.idle.value())
        s.sync()
        set_era(self.era.isChecked())
        super().accept()
