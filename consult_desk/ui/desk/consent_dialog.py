"""The consent checklist: the office's terms (version, effective date, full text) and each item to confirm.

Staff read every item to the caller and tick it (Space); "Record consent" stays disabled until every
required item is ticked. The booking service checks the same again and stores what was ticked,
by whom, when and for which terms version.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk.context import Context
from consult_desk.errors import clause_text
from consult_desk.offices import get_config
from consult_desk.presets import display_text, label_text
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import fmt_date
from consult_desk.ui.widgets.screen_fit import CheckRowDelegate, fit_to_screen

KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1
REQUIRED_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class TermsDialog(QDialog):
    """The full text of the office's terms of use, read-only."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("terms_text")
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(720, 640))


class ConsentDialog(QDialog):
    """``ConsentDialog(ctx, office, parent, ticked)``; after Accepted, :meth:`ticked` gives the ticked keys."""

    def __init__(self, ctx: Context, office: str, parent: QWidget | None = None, ticked: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent_dialog")
        self.ctx = ctx
        self.config = get_config(office)
        terms = self.config["terms"]
        self.terms_version = self.config.terms_version
        self.setWindowTitle(self.tr("Consent checklist — %1").replace("%1", self.config.display_short_name))

        title = QLabel(f"<b>{display_text(self.config.data, 'terms_title')}</b>", self)
        title.setWordWrap(True)
        effective = terms.get("effective_date")
        effective_text = fmt_date(dt.date.fromisoformat(effective)) if effective else "—"
        self.version_label = QLabel(
            self.tr("Version %1, effective %2").replace("%1", self.config.version_text()).replace("%2", effective_text), self
        )
        self.version_label.setObjectName("terms_version")
        self.full_text_button = QPushButton(self.tr("Read the full &terms…"), self)
        self.full_text_button.setAutoDefault(False)
        self.full_text_button.clicked.connect(self.show_terms)
        head = QHBoxLayout()
        head.addWidget(self.version_label, 1)
        head.addWidget(self.full_text_button)

        hint = QLabel(
            self.tr("Read each item to the applicant and tick it with Space when they confirm it "
                    "(Space moves on to the next); Enter records.")
            + " "
            + self.tr(
                "Conditions of use (required) come first; the advice the terms ask the applicant to follow is "
                "read out or sent and recorded as advised."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.items = QListWidget(self)
        self.items.setObjectName("consent_items")
        self.items.setWordWrap(True)
        self.items.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again when the dialog is resized
        self.items.setItemDelegate(CheckRowDelegate(self.items))
        self.items.setAlternatingRowColors(True)
        self.items.setSpacing(3)
        already = set(ticked or [])
        # conditions of use first (001 2, 004 前文, 004 第2条(2)), then the advice (not blocking)
        items = self.config.consent_items()
        for item in [i for i in items if i.get("required", True)] + [i for i in items if not i.get("required", True)]:
            required = item.get("required", True)
            text = label_text(item["label"])
            if not required:
                text += " " + self.tr("(advice: tick when read out or sent; recorded as advised, not required)")
            row = QListWidgetItem(text, self.items)
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item["key"] in already else Qt.CheckState.Unchecked)
            row.setData(KEY_ROLE, item["key"])
            row.setData(REQUIRED_ROLE, required)
            if item.get("clause"):
                row.setToolTip(self.tr("Clause: %1").replace("%1", clause_text(str(item["clause"]))))
        self.items.setCurrentRow(0)
        self.items.itemChanged.connect(self._update)
        self.items.installEventFilter(self)  # Space ticks and moves on
        self.all_button = QPushButton(self.tr("&All read and confirmed"), self)
        self.all_button.setObjectName("consent_all")
        self.all_button.setAutoDefault(False)
        self.all_button.setToolTip(self.tr("Ticks every item once all were read out and the applicant confirmed them"))
        self.all_button.clicked.connect(self.tick_all_required)

        self.status = QLabel(self)
        self.status.setObjectName("consent_status")
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("&Record consent"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("record_consent")
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(head)
        layout.addWidget(hint)
        layout.addWidget(self.items, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.all_button)
        layout.addLayout(foot)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.items, self.all_button)
        self.setTabOrder(self.all_button, self.full_text_button)
        self.setTabOrder(self.full_text_button, self.ok_button)
        self.items.setFocus()
        fit_to_screen(self, QSize(760, min(640, 240 + 30 * self.items.count())))
        self._update()

    def _rows(self) -> list[QListWidgetItem]:
        return [self.items.item(i) for i in range(self.items.count())]

    def ticked(self) -> list[str]:
        """The keys ticked now, in the office's order."""
        return [str(row.data(KEY_ROLE)) for row in self._rows() if row.checkState() == Qt.CheckState.Checked]

    def missing(self) -> list[str]:
        return [
            str(row.data(KEY_ROLE))
            for row in self._rows()
            if row.data(REQUIRED_ROLE) and row.checkState() != Qt.CheckState.Checked
        ]

    def set_ticked(self, key: str, ticked: bool = True) -> None:
        for row in self._rows():
            if row.data(KEY_ROLE) == key:
                row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        """Space on an item ticks it (or unticks a ticked one) and moves to the next item."""
        if watched is self.items and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Space:
            row = self.items.currentItem()
            if row is not None:
                checked = row.checkState() == Qt.CheckState.Checked
                row.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                if not checked and self.items.currentRow() < self.items.count() - 1:
                    self.items.setCurrentRow(self.items.currentRow() + 1)
            return True
        return super().eventFilter(watched, event)

    def tick_all_required(self) -> None:
        """After reading every item to the applicant and hearing their yes: tick them all (the
        conditions as confirmed, the advice as read out)."""
        for row in self._rows():
            row.setCheckState(Qt.CheckState.Checked)
        self.items.setFocus()

    def _update(self, *_args: object) -> None:
        missing = self.missing()
        self.ok_button.setEnabled(not missing)
        if missing:
            self.status.setText(self.tr("Not yet confirmed: %1 of the required items").replace("%1", str(len(missing))))
            self.status.setStyleSheet(f"color:{style.ERROR};")
        else:
            self.status.setText(self.tr("Every required item is confirmed."))
            self.status.setStyleSheet(f"color:{style.FREE_MARK};")

    def accept(self) -> None:
        if self.missing():  # the button is disabled; Enter must not get round it either
            return
        super().accept()

    def show_terms(self) -> None:
        terms = self.config["terms"]
        TermsDialog(display_text(self.config.data, "terms_title"), str(terms.get("text", "")), self).exec()

    @classmethod
    def ask(cls, ctx: Context, office: str, parent: QWidget | None = None, ticked: list[str] | None = None) -> list[str] | None:
        """Open the checklist; the ticked keys, or None when staff cancelled."""
        dialog = cls(ctx, office, parent, ticked)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.ticked()
        return None
