"""The reservation panel: applicant, slot, status with its full history, consent, meeting credentials,
and only the actions the state machine allows now (``states.allowed_actions``).

Actions go through ``lifecycle.act`` / ``lifecycle.cancel``, a move through the booking dialog
(``lifecycle.reschedule``). Whatever cannot be undone (``states.IRREVERSIBLE``) asks first; a refusal is
shown as the rule's message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import audit, lifecycle, seed_rules
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.offices import get_config
from consult_desk.permissions import can
from consult_desk.presets import CHANNELS, OfficeConfig, channel_label, label_text
from consult_desk.states import FINAL, IRREVERSIBLE, Status, action_label, allowed_actions, status_label
from consult_desk.ui.shell import openers
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import fmt_date, fmt_datetime, fmt_span
from consult_desk.ui.widgets.messages import confirm, show_error
from consult_desk.ui.widgets.platform_calls import follow_up
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

Index = QModelIndex | QPersistentModelIndex
MASK = "••••••"
NOTE_REQUIRED = frozenset({"no-show", "undo-no-show", "contact", "terminate"})
# Actions that need details (channel, reason, prohibited act, minutes) before they run.
NEEDS_DIALOG = frozenset(
    {"offer", "cancel", "terminate", "no-show", "undo-no-show", "contact", "extend", "complete-by-phone",
     "refuse", "unreachable", "connection-failed"}
)


class HistoryModel(RowsTableModel[dict[str, Any]]):
    """The append-only history: when, what, status, channel, staff, note."""

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Action"), self.tr("Status"), self.tr("Channel"), self.tr("Staff"),
                self.tr("Note")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row(index)
        column = index.column()
        if column == 0:
            return fmt_datetime(dt.datetime.fromisoformat(row["at"]))
        if column == 1:
            return action_label(row["action"])
        if column == 2:
            return status_label(row["status"])
        if column == 3:
            return channel_label(row["channel"]) if row["channel"] else ""
        if column == 4:
            return row["staff"]
        return row["note"]


class CredentialsView(QWidget):
    """Read-only meeting credentials; passcode, room key and password masked until revealed (audited).

    A placeholder until the credentials editor of the outbox work replaces it through
    :attr:`ReservationPanel.credentials_factory`.
    """

    SECRET = ("passcode", "room_key", "password")

    def __init__(self, ctx: Context, reservation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentials_view")
        self.ctx = ctx
        self.reservation_id = reservation_id
        from consult_desk import schedule  # the calendar's module: imported when first needed (start-up)

        self.credentials = schedule.meeting_credentials(reservation_id)
        self.revealed = False
        self.value_labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        names = {
            "url": self.tr("URL"),
            "meeting_id": self.tr("Meeting ID"),
            "passcode": self.tr("Passcode"),
            "room_key": self.tr("Room key"),
            "password": self.tr("Password"),
        }
        self.reveal_button = QPushButton(self.tr("Re&veal passcode / key"), self)
        self.reveal_button.setObjectName("reveal_credentials")
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.clicked.connect(self.reveal)
        if not self.credentials:
            form.addRow(QLabel(self.tr("No meeting details yet."), self))
            self.reveal_button.hide()
            return
        current = self.credentials[0]
        for key, name in names.items():
            value = getattr(current, key)
            if not value:
                continue
            label = QLabel(MASK if key in self.SECRET else value, self)
            label.setObjectName(f"credential_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.value_labels[key] = label
            form.addRow(name, label)
        issued = self.tr("Issued %1 by %2").replace("%1", fmt_datetime(current.issued_at)).replace(
            "%2", current.issued_by)
        form.addRow(QLabel(issued, self))
        if any(k in self.value_labels for k in self.SECRET):
            form.addRow(self.reveal_button)
        else:
            self.reveal_button.hide()

    def reveal(self) -> None:
        """Show the secrets; the reveal is written to the audit log first (004 第5条)."""
        if self.revealed or not self.credentials:
            return
        try:
            audit.record_reveal(self.ctx, self.reservation_id)
        except ConsultDeskError as exc:
            show_error(self, exc)
            return
        current = self.credentials[0]
        for key in self.SECRET:
            if key in self.value_labels:
                self.value_labels[key].setText(getattr(current, key))
        self.revealed = True
        self.reveal_button.setEnabled(False)


class ActionDialog(QDialog):
    """The details an action needs: channel, reason, prohibited act, minutes or check-in checks."""

    def __init__(
        self,
        action: str,
        config: OfficeConfig,
        info: dict[str, Any],
        parent: QWidget | None = None,
        reason: ConsultDeskError | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("action_dialog")
        self.action = action
        self.config = config
        # a rule that asks for a reason now (issue 12: 004 第4条(1), 000 第10条(7)); None: the action's own
        self.reason_rule = reason
        self.other_time: QCheckBox | None = None
        self.other_start: QDateTimeEdit | None = None
        self.setWindowTitle(f"{action_label(action)} — #{info['id']} {info['name']}")
        form = QFormLayout()
        self.channel_box: QComboBox | None = None
        self.act_box: QComboBox | None = None
        self.minutes: QSpinBox | None = None

        if action in ("cancel", "contact"):
            self.channel_box = QComboBox(self)
            self.channel_box.setObjectName("action_channel")
            if action == "cancel":
                channels = list(config["cancel_channels"])
            else:
                channels = [c for c in CHANNELS if c != "in-session"]
                self.channel_box.addItem("", "")
            for code in channels:
                self.channel_box.addItem(channel_label(code), code)
            form.addRow(self.tr("&Channel"), self.channel_box)
            if action == "cancel":
                same_day = "・".join(channel_label(c) for c in config["same_day_cancel_channels"])
                hint = QLabel(self.tr("On the day itself: %1 only").replace("%1", same_day), self)
                form.addRow("", hint)
        if action == "terminate":
            self.act_box = QComboBox(self)
            self.act_box.setObjectName("action_prohibited_act")
            self.act_box.addItem(self.tr("— choose the prohibited act —"), "")
            for item in config.prohibited_acts():
                text = label_text(item["label"])
                if item.get("clause"):
                    text += f"（{item['clause']}）"
                self.act_box.addItem(text, item["key"])
            self.act_box.currentIndexChanged.connect(self._update)
            form.addRow(self.tr("&Prohibited act"), self.act_box)
        if action in ("extend", "complete-by-phone"):
            self.minutes = QSpinBox(self)
            self.minutes.setObjectName("action_minutes")
            if action == "extend":
                length = int((dt.datetime.fromisoformat(info["end"]) - dt.datetime.fromisoformat(info["start"]))
                             .total_seconds() // 60)
                room = max(0, config.max_session_minutes - length)
                self.minutes.setRange(min(5, room) if room else 0, room)
                self.minutes.setValue(room)
                self.minutes.setSuffix(self.tr(" min"))
                form.addRow(self.tr("Extend by"), self.minutes)
            else:
                self.minutes.setRange(1, 240)
                self.minutes.setValue(config.session_minutes)
                self.minutes.setSuffix(self.tr(" min"))
                form.addRow(self.tr("Phone consultation lasted"), self.minutes)
        if action == "offer":  # 004 第4条(2): the office may answer with another time than the one asked
            self.other_time = QCheckBox(self.tr("Offer &another time:"), self)
            self.other_time.setObjectName("offer_other_time")
            start = dt.datetime.fromisoformat(info["start"])
            self.other_start = QDateTimeEdit(QDateTime(start.date(), start.time()), self)
            self.other_start.setObjectName("offer_other_start")
            self.other_start.setCalendarPopup(True)
            self.other_start.setEnabled(False)
            self.other_time.toggled.connect(self.other_start.setEnabled)
            form.addRow(self.other_time, self.other_start)
            hint = QLabel(self.tr("The applicant receiving this mail confirms the booking; no reply is asked."), self)
            hint.setWordWrap(True)
            form.addRow("", hint)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("action_note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.note.textChanged.connect(self._update)
        required = action in NOTE_REQUIRED or reason is not None
        note_label = self.tr("&Reason (required)") if required else self.tr("&Note")
        form.addRow(note_label, self.note)

        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color:{style.ERROR};")
        warnings = []
        if reason is not None:
            warnings.append(reason.message + (f"（{reason.clause}）" if reason.clause else ""))
        if action in IRREVERSIBLE:
            warnings.append(self.tr("This cannot be undone from the desk."))
        self.warning.setText("\n".join(warnings))
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(action_label(action), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("action_ok")
        self.ok_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.resize(520, 0)
        self._update()

    def _update(self, *_args: object) -> None:
        ok = True
        if (self.action in NOTE_REQUIRED or self.reason_rule is not None) and not self.note.toPlainText().strip():
            ok = False
        if self.act_box is not None and not self.act_box.currentData():
            ok = False
        self.ok_button.setEnabled(ok)

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        super().accept()

    def channel(self) -> str:
        return str(self.channel_box.currentData() or "") if self.channel_box is not None else ""

    def options(self) -> lifecycle.ActOptions:
        return lifecycle.ActOptions(
            note=self.note.toPlainText(),
            channel=self.channel(),
            minutes=self.minutes.value() if self.minutes is not None and self.minutes.value() else None,
            prohibited_act=str(self.act_box.currentData()) if self.act_box is not None else None,
            new_start=self._other_start(),
        )

    def _other_start(self) -> dt.datetime | None:
        if self.other_time is None or self.other_start is None or not self.other_time.isChecked():
            return None
        value = self.other_start.dateTime()
        return dt.datetime(value.date().year(), value.date().month(), value.date().day(),
                           value.time().hour(), value.time().minute())


def _credentials_widget(ctx: Context, reservation_id: int) -> QWidget:
    from consult_desk.ui.desk.credentials_widget import (
        CredentialsWidget,  # imported when first shown (start-up)
    )

    return CredentialsWidget(ctx, reservation_id)


class ReservationPanel(QWidget):
    """Shows one reservation; ``changed`` is emitted (with the reservation id) after an action."""

    changed = Signal(int)
    # The meeting-credentials editor of issue 5 (CredentialsView above stays as a read-only fallback).
    credentials_factory: Callable[[Context, int], QWidget] = _credentials_widget

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reservation_panel")
        self.ctx = ctx
        self.reservation_id: int | None = None
        self.info: dict[str, Any] | None = None
        self.config: OfficeConfig | None = None
        self.action_buttons: dict[str, QPushButton] = {}

        self.empty = QLabel(self.tr("Select a reservation in the calendar, or search for one (Ctrl+F)."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grow, and scroll, rather than squash
        self.title = QLabel(self.body)
        self.title.setObjectName("panel_title")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(max(10.0, font.pointSizeF() * 1.25))
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.status_chip = QLabel(self.body)
        self.status_chip.setObjectName("panel_status")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(head)
        self.warnings = QLabel(self.body)
        self.warnings.setObjectName("panel_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            f"background:{style.WARN_BG}; border:1px solid {style.WARN_BORDER}; color:{style.ERROR}; padding:4px;"
        )
        body.addWidget(self.warnings)

        self.actions_box = QGroupBox(self.tr("Actions"), self.body)
        self.actions_grid = QGridLayout(self.actions_box)
        body.addWidget(self.actions_box)

        self.details_box = QGroupBox(self.tr("Reservation"), self.body)
        self.details = QFormLayout(self.details_box)
        self.details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        body.addWidget(self.details_box)

        self.credentials_box = QGroupBox(self.tr("Meeting details"), self.body)
        self.credentials_area = QVBoxLayout(self.credentials_box)
        body.addWidget(self.credentials_box)

        history_box = QGroupBox(self.tr("History"), self.body)
        history_layout = QVBoxLayout(history_box)
        self.history_model = HistoryModel(self)
        self.history = QTableView(history_box)
        setup_list_table(self.history, self.history_model, "panel_history")
        self.history.setMinimumHeight(160)
        history_layout.addWidget(self.history)
        body.addWidget(history_box)

        self.consent_box = QGroupBox(self.tr("Consent"), self.body)
        consent_layout = QVBoxLayout(self.consent_box)
        self.consent_label = QLabel(self.consent_box)
        self.consent_label.setObjectName("panel_consent")
        self.consent_label.setWordWrap(True)
        self.consent_label.setTextFormat(Qt.TextFormat.RichText)
        consent_layout.addWidget(self.consent_label)
        body.addWidget(self.consent_box)
        body.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.scroll_area = scroll
        self.clear()

    # -------------------------------------------------------------- showing

    def clear(self) -> None:
        self.reservation_id = None
        self.info = None
        self.empty.show()
        self.scroll_area.hide()

    def refresh(self) -> None:
        """Reload after a change (this desk's or another's, polled). Unchanged: nothing is rebuilt, so
        the keyboard focus stays where it was; changed: the focus goes back to the same action."""
        if self.reservation_id is None:
            return
        try:
            info = lifecycle.describe(lifecycle.get_reservation(self.reservation_id))
        except ConsultDeskError:
            info = None
        if info is not None and info == self.info:
            return
        focus = QApplication.focusWidget()
        inside = focus is not None and self.isAncestorOf(focus)
        focused_action = next((a for a, b in self.action_buttons.items() if b is focus), None)
        self.show_reservation(self.reservation_id)
        if inside:
            button = self.action_buttons.get(focused_action or "")
            (button.setFocus() if button is not None else self.focus_actions())

    def set_office(self, code: str) -> None:  # the panel shows any office's reservation
        pass

    def show_reservation(self, reservation_id: int) -> None:
        try:
            info = lifecycle.describe(lifecycle.get_reservation(reservation_id))
        except ConsultDeskError as exc:
            self.clear()
            self.empty.setText(exc.message)
            return
        self.reservation_id = reservation_id
        self.info = info
        self.config = get_config(info["office"])
        self.empty.hide()
        self.scroll_area.show()
        self._fill_header(info)
        self._fill_actions(info)
        self._fill_details(info)
        self._fill_consent(info)
        self._fill_credentials(reservation_id)
        self.history_model.set_rows(info["history"])
        self.history.resizeRowsToContents()

    def current_start(self) -> dt.datetime | None:
        return dt.datetime.fromisoformat(self.info["start"]) if self.info else None

    def focus_actions(self) -> None:
        """Put the keyboard focus on the first action, so Tab/Space drive the panel."""
        first = next(iter(self.action_buttons.values()), None)
        (first or self.history).setFocus()

    def _fill_header(self, info: dict[str, Any]) -> None:
        self.title.setText(f"#{info['id']}  {info['name']}")
        self.status_chip.setText(status_label(info["status"]))
        self.status_chip.setStyleSheet(
            f"background:{style.STATUS_COLORS.get(info['status'], '#fff')}; border:1px solid #9e9e9e; padding:2px 8px;"
        )
        warnings = []
        if info.get("flagged"):
            warnings.append(self.tr("Earlier trouble recorded for this applicant"))
        if not info["terms_current"] and Status(info["status"]) not in FINAL:
            assert self.config is not None
            warnings.append(self.tr("Consent was given to an older version of the terms (%1); the current version is %2.")
                            .replace("%1", str(info["terms_version"])).replace("%2", self.config.terms_version))
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))

    def _fill_actions(self, info: dict[str, Any]) -> None:
        while self.actions_grid.count():
            item = self.actions_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.action_buttons = {}
        # The state machine's actions now, less those this role may not do (the services refuse them anyway).
        actions = [a for a in allowed_actions(info["status"]) if a != "undo-no-show" or can(self.ctx, "undo_no_show")]
        for number, action in enumerate(actions):
            button = QPushButton(action_label(action), self.actions_box)
            button.setObjectName(f"action_{action}")
            button.setAutoDefault(False)
            if action in IRREVERSIBLE:
                button.setToolTip(self.tr("Asks for confirmation: cannot be undone"))
            button.clicked.connect(lambda _c=False, a=action: self.run_action(a))
            self.actions_grid.addWidget(button, number // 3, number % 3)
            button.show()  # at once, so that the focus can go to it before the next event loop pass
            self.action_buttons[action] = button
        if not actions:
            self.actions_grid.addWidget(QLabel(self.tr("No further actions: the reservation is closed."), self.actions_box))

    def _row(self, label: str, value: str | QWidget) -> None:
        if isinstance(value, str):
            widget = QLabel(value, self.details_box)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value = widget
        self.details.addRow(label, value)

    def _fill_details(self, info: dict[str, Any]) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        assert self.config is not None
        start = dt.datetime.fromisoformat(info["start"])
        end = dt.datetime.fromisoformat(info["end"])
        self._row(self.tr("Date and time"), fmt_span(start, end))
        self._row(self.tr("Office"), self.config.short_name)
        if info.get("seat"):
            self._row(self.tr("Seat"), str(info["seat"]))
        self._row(self.tr("Applied by"), channel_label(info["channel"]))
        labels = {f.key: f.label for f in self.config.fields}
        for key in ("kana", "phone", "email", "address", "job_seeker_no"):
            if info.get(key):
                self._row(labels.get(key, key), str(info[key]))
        for key, value in (info.get("answers") or {}).items():
            self._row(labels.get(key, key), str(value))
        companions = info.get("companions") or []
        if companions:
            self._row(self.tr("Companions"), "\n".join(f"{c['name']}（{c['relation']}）" for c in companions))
        if info.get("notify_by"):
            self._row(self.tr("Meeting details due"), fmt_date(dt.date.fromisoformat(info["notify_by"])))
        if info.get("offer_reply_by"):
            self._row(self.tr("Offer mail due"), fmt_date(dt.date.fromisoformat(info["offer_reply_by"])))
        if info.get("rescheduled_from"):
            self._row(self.tr("Moved from"), self._link(int(info["rescheduled_from"])))
        for target in info.get("rescheduled_to") or []:
            self._row(self.tr("Moved to"), self._link(int(target)))

    def _link(self, reservation_id: int) -> QPushButton:
        button = QPushButton(self.tr("Open #%1").replace("%1", str(reservation_id)), self.details_box)
        button.setObjectName(f"open_{reservation_id}")
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.show_reservation(reservation_id))
        return button

    def _fill_consent(self, info: dict[str, Any]) -> None:
        assert self.config is not None
        consent = info.get("consent")
        if not consent:
            self.consent_label.setText(self.tr("No consent recorded."))
            return
        labels = {c["key"]: label_text(c["label"]) for c in self.config.consent_items()}
        advised = set(consent.get("advised") or [])  # advice read out or sent, not a condition (issue 12)
        items = "".join(
            f"<li>✓ {labels.get(key, key)}{' ' + self.tr('(advised)') if key in advised else ''}</li>"
            for key in consent["items"]
        )
        at = fmt_datetime(dt.datetime.fromisoformat(consent["at"]))
        who = self.tr("Ticked by %1 on %2, terms version %3").replace("%1", consent["staff"]).replace(
            "%2", at).replace("%3", consent["terms_version"])
        text = f"{who}<ul style='margin:2px'>{items}</ul>"
        if consent["terms_version"] != self.config.terms_version:
            older = self.tr("Older terms version: consent was given to %1, the office now uses %2.").replace(
                "%1", consent["terms_version"]).replace("%2", self.config.terms_version)
            text = f"<p style='color:{style.ERROR}'><b>{older}</b></p>" + text
        self.consent_label.setText(text)

    def _fill_credentials(self, reservation_id: int) -> None:
        while self.credentials_area.count():
            item = self.credentials_area.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        widget = type(self).credentials_factory(self.ctx, reservation_id)
        if hasattr(widget, "changed"):  # the credentials widget saved or sent something: show it here
            widget.changed.connect(self.changed)
        self.credentials_area.addWidget(widget)

    # -------------------------------------------------------------- actions

    def run_action(self, action: str) -> None:
        """Run one allowed action: details first where needed, a confirmation where it cannot be undone."""
        if self.reservation_id is None or self.info is None or self.config is None:
            return
        rid = self.reservation_id
        if action == "reschedule":
            self._reschedule(rid)
            return
        if action == "check-in":  # the session day's own dialog: connection test, face and name, companions
            if openers.checkin_dialog(self.ctx, rid, self).exec() == QDialog.DialogCode.Accepted:
                self._acted(rid)
            return
        options = lifecycle.ActOptions()
        if action in NEEDS_DIALOG:
            reason = seed_rules.reason_needed(action, lifecycle.get_reservation(rid), self.config, self.ctx.clock.today())
            dialog = ActionDialog(action, self.config, self.info, self, reason)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        if action in IRREVERSIBLE:
            question = self.tr("“%1” for reservation #%2 (%3) cannot be undone. Go ahead?").replace(
                "%1", action_label(action)).replace("%2", str(rid)).replace("%3", self.info["name"])
            if not confirm(self, action_label(action), question, action_label(action)):
                return
        try:
            if action == "cancel":
                res = lifecycle.cancel(self.ctx, rid, options.channel, options.note)
            else:
                res = lifecycle.act(self.ctx, rid, action, options)
            follow_up(self.ctx, action, res)  # the platform meeting follows, in the background (issue 16)
        except ConsultDeskError as exc:
            show_error(self, exc)
            return
        self._acted(rid)

    def _acted(self, rid: int) -> None:
        self.show_reservation(rid)
        self.changed.emit(rid)
        self.focus_actions()

    def _reschedule(self, rid: int) -> None:
        assert self.info is not None
        from consult_desk.ui.desk.booking_dialog import BookingDialog  # imported when first used (start-up)

        dialog = BookingDialog(self.ctx, self.info["office"], self, rescheduled_from=rid)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.reservation is None:
            return
        new_id = dialog.reservation.id
        self.show_reservation(new_id)
        self.changed.emit(new_id)
        self.focus_actions()
