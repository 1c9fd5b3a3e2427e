"""First start on an empty database: choose which offices (presets) this desk serves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.offices import create_office
from consult_desk.presets import PRESET_IDS, OfficeConfig, load_preset


class OfficeSetupDialog(QDialog):
    """Lists the shipped presets; every ticked one becomes an office (editable later)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: list[str] = []
        self.setWindowTitle(self.tr("Set up offices"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database has no office yet. Tick the offices this desk serves; each starts from the "
                "office's terms of use and can be edited later."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("presets")
        for preset in PRESET_IDS:
            data = load_preset(preset)
            config = OfficeConfig(preset, data)
            item = QListWidgetItem(f"{config.display_name}  ({config.platform_label})")
            item.setData(Qt.ItemDataRole.UserRole, preset)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 320)

    def chosen(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [str(it.data(Qt.ItemDataRole.UserRole)) for it in items if it.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        chosen = self.chosen()
        if not chosen:
            QMessageBox.information(self, self.windowTitle(), self.tr("Tick at least one office (Space ticks the selected row)."))
            return
        try:
            for preset in chosen:
                create_office(self.ctx, preset)
                self.created.append(preset)
        except ConsultDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        super().accept()
