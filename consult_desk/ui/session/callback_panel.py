"""The phone callback after a connection failure (001, 003 8, 000 第10条(7)).

The registered phone number is shown large with a copy button; each call is logged (time,
reached / no answer / busy, note); the callback ends as completed by phone (with its length),
rescheduled (the booking dialog opens prefilled and links the two reservations) or unreachable.
Where the office offers no new slot unless the city caused the failure (Nishitokyo, 000 第10条(7)),
the rule is shown and the booking dialog asks for the city's fault and a reason.

The panel is a non-modal window, one per session (:func:`open_callback_panel`). What it stores is
reported by the services to the window's change hub (``ui/shell/hub.py``), so the board, the callback
queue and this panel itself refresh at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import lifecycle, session
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, clause_text
from consult_desk.lifecycle import CALLBACK_RESULTS, PHONE_MINUTES_MAX, ActOptions
from consult_desk.session import CallbackInfo
from consult_desk.states import action_label, status_label
from consult_desk.ui.shell import hub, openers
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import fmt_datetime, paren, person
from consult_desk.ui.widgets.messages import confirm, show_error
from consult_desk.ui.widgets.platform_calls import follow_up
from consult_desk.ui.widgets.screen_fit import fit_to_screen

_PANELS: dict[int, CallbackPanel] = {}


def result_label(result: str) -> str:
    labels = {
        "reached": QGuiApplication.translate("CallbackPanel", "Reached"),
        "no_answer": QGuiApplication.translate("CallbackPanel", "No answer"),
        "busy": QGuiApplication.translate("CallbackPanel", "Busy"),
    }
    return labels.get(result, result)


class AttemptModel(QAbstractTableModel):
    """The calls made so far: time, result, note, staff."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.attempts: list[dict[str, Any]] = []

    def set_attempts(self, attempts: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.attempts = list(attempts)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.attempts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Time"), self.tr("Result"), self.tr("Note"), self.tr("Staff")][section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        attempt = self.attempts[index.row()]
        return [f"{attempt['at']:%H:%M}", result_label(attempt["result"]), attempt["note"], person(attempt["staff"])][index.column()]


class CallbackPanel(QDialog):
    """``CallbackPanel(ctx, reservation_id, parent)``; reloads itself when callbacks or reservations change."""

    def __init__(self, ctx: Context, reservation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callback_panel")
        self.setModal(False)
        self.ctx = ctx
        self.reservation_id = reservation_id
        self.info: CallbackInfo | None = None
        self.booking_dialog: QDialog | None = None

        self.head = QLabel(self)
        self.head.setObjectName("callback_head")
        self.head.setWordWrap(True)
        self.phone = QLabel(self)
        self.phone.setObjectName("callback_phone")
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.phone.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.4)
        font.setBold(True)
        self.phone.setFont(font)
        self.copy_button = QPushButton(self.tr("&Copy number"), self)
        self.copy_button.setObjectName("copy_phone")
        self.copy_button.setToolTip(self.tr("Copies the digits, ready to paste into a phone"))
        self.copy_button.clicked.connect(self.copy_phone)
        self.due = QLabel(self)
        self.due.setObjectName("callback_due")
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(self.copy_button)

        self.attempt_model = AttemptModel(self)
        self.attempt_view = QTableView(self)
        self.attempt_view.setObjectName("callback_attempts")
        self.attempt_view.setModel(self.attempt_model)
        self.attempt_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attempt_view.verticalHeader().setVisible(False)
        self.attempt_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.attempt_view.horizontalHeader().setStretchLastSection(True)
        self.attempt_note = QLineEdit(self)
        self.attempt_note.setObjectName("attempt_note")
        self.attempt_note.setPlaceholderText(self.tr("Note on this call (optional)"))
        self.result_buttons: dict[str, QPushButton] = {}
        results = QHBoxLayout()
        for result in CALLBACK_RESULTS:
            button = QPushButton(result_label(result), self)
            button.setObjectName(f"attempt_{result}")
            button.clicked.connect(lambda _=False, r=result: self.log(r))
            self.result_buttons[result] = button
            results.addWidget(button)
        calls = QGroupBox(self.tr("Calls"), self)
        calls_layout = QVBoxLayout(calls)
        calls_layout.addWidget(self.attempt_view)
        calls_layout.addWidget(self.attempt_note)
        calls_layout.addLayout(results)

        end = QGroupBox(self.tr("End the callback"), self)
        self.duration = QSpinBox(end)
        self.duration.setObjectName("phone_minutes")
        self.duration.setRange(0, PHONE_MINUTES_MAX)
        self.duration.setSpecialValueText("—")
        self.duration.setSuffix(self.tr(" min"))
        self.complete_button = QPushButton(action_label("complete-by-phone"), end)
        self.complete_button.setObjectName("complete_by_phone")
        self.complete_button.clicked.connect(self.complete_by_phone)
        self.reschedule_button = QPushButton(self.tr("&Reschedule…"), end)
        self.reschedule_button.setObjectName("reschedule")
        self.reschedule_button.clicked.connect(self.reschedule)
        self.unreachable_button = QPushButton(action_label("unreachable"), end)
        self.unreachable_button.setObjectName("unreachable")
        self.unreachable_button.clicked.connect(self.unreachable)
        self.rule = QLabel(end)
        self.rule.setObjectName("reschedule_rule")
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet(f"color:{style.ERROR};")
        grid = QGridLayout(end)
        grid.addWidget(QLabel(self.tr("Phone consultation length:"), end), 0, 0)
        grid.addWidget(self.duration, 0, 1)
        grid.addWidget(self.complete_button, 0, 2)
        grid.addWidget(self.reschedule_button, 1, 2)
        grid.addWidget(self.rule, 1, 0, 1, 2)
        grid.addWidget(self.unreachable_button, 2, 2)

        self.message = QLabel(self)
        self.message.setObjectName("callback_message")
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addLayout(phone_row)
        layout.addWidget(self.due)
        layout.addWidget(calls, 1)
        layout.addWidget(end)
        layout.addWidget(self.message)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.duration.valueChanged.connect(lambda _v: self._update())
        fit_to_screen(self, QSize(560, 560))
        self.load()
        hub.on((Topic.CALLBACKS, Topic.RESERVATIONS), self.load, self)

    # ------------------------------------------------------------ state

    def load(self) -> None:
        """Read the callback again; a closed one shows how it ended and offers nothing more."""
        try:
            self.info = session.callback_info(self.reservation_id)
        except ConsultDeskError:
            self.info = None
        if self.info is None:
            res = lifecycle.get_reservation(self.reservation_id)
            self.setWindowTitle(self.tr("Phone callback — %1").replace("%1", res.applicant.name))
            self.head.setText(
                self.tr("This callback is closed: %1").replace("%1", status_label(res.status))
            )
            self.phone.setText(lifecycle.describe(res)["phone"])
            self.due.clear()
            self._update()
            return
        info = self.info
        self.setWindowTitle(self.tr("Phone callback — %1").replace("%1", info.name))
        self.head.setText(
            self.tr("Connection failed in the session at %1. Call the applicant:").replace("%1", f"{info.start:%H:%M}")
            + f"  <b>{info.name}</b>"
        )
        self.phone.setText(info.phone)
        now = self.ctx.clock.now()
        due = self.tr("Call by %1").replace("%1", fmt_datetime(info.due))
        if now >= info.due and not info.reached:
            due += "  " + self.tr("(due now)")
        self.due.setText(due)
        self.attempt_model.set_attempts(info.attempts)
        if info.city_fault_only:
            rule = self.tr("A new slot only when the city caused the failure; give the reason in the booking dialog.")
            self.rule.setText(rule + (paren(clause_text(info.clause)) if info.clause else ""))
        else:
            self.rule.clear()
        self._update()

    def _update(self) -> None:
        info = self.info
        open_ = info is not None
        for button in self.result_buttons.values():
            button.setEnabled(open_)
        self.attempt_note.setEnabled(open_)
        self.copy_button.setEnabled(bool(self.phone.text()))
        self.complete_button.setEnabled(open_ and info.reached and self.duration.value() > 0)  # type: ignore[union-attr]
        self.duration.setEnabled(open_ and info.reached)  # type: ignore[union-attr]
        self.reschedule_button.setEnabled(open_)
        # 000 第10条(7): where the city arranges nothing else, the consultation may end without a call
        self.unreachable_button.setEnabled(open_ and bool(info.attempts or info.city_fault_only))  # type: ignore[union-attr]

    def _stored(self, text: str) -> None:
        self.message.setText(text)
        self.load()

    # ------------------------------------------------------------ steps

    def copy_phone(self) -> None:
        digits = self.info.phone_digits if self.info else "".join(c for c in self.phone.text() if c.isdigit())
        QGuiApplication.clipboard().setText(digits)
        self.message.setText(self.tr("Copied: %1").replace("%1", digits))

    def log(self, result: str) -> None:
        try:
            lifecycle.log_callback_attempt(self.ctx, self.reservation_id, result, self.attempt_note.text())
        except ConsultDeskError as exc:
            show_error(self, exc)
            self.load()
            return
        self.attempt_note.clear()
        self._stored(self.tr("Call logged: %1").replace("%1", result_label(result)))
        if result == "reached":
            self.duration.setFocus()

    def complete_by_phone(self) -> None:
        if not self.complete_button.isEnabled():
            return
        options = ActOptions(minutes=self.duration.value(), channel="phone")
        if self._act("complete-by-phone", options):
            self._stored(action_label("complete-by-phone"))

    def unreachable(self) -> None:
        if not self.unreachable_button.isEnabled() or self.info is None:
            return
        if not self.info.attempts:  # 000 第10条(7) 「一定時間経過しても繋がらない場合は相談を終了」: with a reason
            prompt = self.tr("The connection could not be made: why does the consultation end?")
            text, ok = QInputDialog.getText(self, action_label("unreachable"), prompt)
            if ok and text.strip() and self._act("unreachable", ActOptions(channel="phone", note=text)):
                self._stored(action_label("unreachable"))
            return
        question = self.tr("End the callback as unreachable after %1 calls?").replace("%1", str(len(self.info.attempts)))
        if not confirm(self, self.windowTitle(), question, action_label("unreachable")):
            return
        if self._act("unreachable", ActOptions(channel="phone")):
            self._stored(action_label("unreachable"))

    def reschedule(self) -> None:
        """Open the booking dialog for the same applicant; it books the new slot and links the two."""
        if self.info is None:
            return
        dialog = openers.booking_dialog(self.ctx, self.info.office, self, rescheduled_from=self.reservation_id)
        self.booking_dialog = dialog
        dialog.accepted.connect(lambda: self._stored(action_label("reschedule")))
        dialog.finished.connect(lambda _r: setattr(self, "booking_dialog", None))
        dialog.open()

    def _act(self, action: str, options: ActOptions) -> bool:
        try:
            res = lifecycle.act(self.ctx, self.reservation_id, action, options)
        except ConsultDeskError as exc:
            show_error(self, exc)
            self.load()
            return False
        follow_up(self.ctx, action, res)  # the platform meeting follows, in the background (issue 16)
        return True

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        if _PANELS.get(self.reservation_id) is self:
            del _PANELS[self.reservation_id]
        super().closeEvent(event)


def open_callback_panel(ctx: Context, reservation_id: int, parent: QWidget | None = None) -> CallbackPanel:
    """Show the session's callback panel, or bring the one already open to the front."""
    panel = _PANELS.get(reservation_id)
    if panel is not None:
        try:
            panel.load()
            panel.show()
            panel.raise_()
            panel.activateWindow()
            return panel
        except RuntimeError:  # its window was destroyed with its parent
            del _PANELS[reservation_id]
    panel = CallbackPanel(ctx, reservation_id, parent)
    panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    panel.setWindowFlag(Qt.WindowType.Window, True)
    _PANELS[reservation_id] = panel
    panel.show()
    return panel
