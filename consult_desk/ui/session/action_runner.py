"""The one way the window runs a life-cycle action (the Today board and the reservation panel alike).

From the action's spec in the one action table (``consult_desk.states.SPECS``: a reason, a channel,
minutes, a prohibited act, the connection test of the check-in dialog, whether it is irreversible)
the runner asks for what is needed, in the same dialog opened the same way (window-modal), asks for confirmation when the action
cannot be undone (``states.IRREVERSIBLE``) or needs one, calls the life-cycle service, shows a
refusal as its sentence, and opens the callback panel after a connection failure. What the action
stored reaches every view through the change hub; ``after(reservation_id)`` hears which reservation
to show next (the new one after a move or a next booking).

The services enforce the same table; :func:`needs` only says how the window asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consult_desk import lifecycle, seed_rules
from consult_desk.actions import Need
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, clause_text
from consult_desk.i18n import join
from consult_desk.lifecycle import ActOptions
from consult_desk.offices import get_config
from consult_desk.presets import CHANNELS, OfficeConfig, channel_label
from consult_desk.states import action_label
from consult_desk.states import spec as action_spec
from consult_desk.ui.session.callback_panel import open_callback_panel
from consult_desk.ui.session.checkin_dialog import CheckInDialog
from consult_desk.ui.session.terminate_dialog import TerminateDialog
from consult_desk.ui.shell import openers
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import paren
from consult_desk.ui.widgets.messages import confirm, show_error
from consult_desk.ui.widgets.platform_calls import follow_up


@dataclass(frozen=True)
class Needs:
    """What the window asks before an action (the services check the same and refuse without it)."""

    reason: bool = False  # a note is required
    note: bool = False  # a note may be given
    channel: str | None = None  # "cancel": the office's cancellation channels; "contact": phone / e-mail ...
    minutes: str | None = None  # "extend": minutes to add; "duration": how long the phone consultation took
    prohibited_act: bool = False  # terminate: which act of the office's list (the terminate dialog)
    checkin: bool = False  # the check-in dialog: connection test, face and name, companions
    booking: str | None = None  # "reschedule" / "next": the booking dialog
    callback_panel: bool = False  # the phone callback's own panel
    confirm: bool = False  # ask before acting even though it can be undone

    @property
    def details(self) -> bool:
        return self.reason or self.note or self.channel is not None or self.minutes is not None


# What each action needs comes from the one action table (``consult_desk.states.SPECS``, which the
# services enforce); only how the window asks for it is decided here.
NOTE_WITH = frozenset({"cancel", "complete-by-phone"})  # a note may go with these
BOOKING = {"reschedule": "reschedule", "next-booking": "next"}  # the booking dialog opens for these
CALLBACK_PANEL = frozenset({"callback", "callback-attempt"})  # the phone callback's own panel


def needs(action: str) -> Needs:
    """How the window asks for what ``action`` needs (from its spec in the action table)."""
    if action in CALLBACK_PANEL:
        return Needs(callback_panel=True)
    try:
        spec = action_spec(action)
    except ConsultDeskError:
        return Needs()
    need = spec.needs
    channel = None
    if Need.CHANNEL in need or action == "contact":
        channel = "cancel" if action == "cancel" else "contact"
    minutes = None
    if action == "extend":
        minutes = "extend"  # the service takes the maximum without it; the window asks how many
    elif Need.MINUTES in need:
        minutes = "duration"
    return Needs(
        reason=Need.REASON in need,
        note=action in NOTE_WITH,
        channel=channel,
        minutes=minutes,
        prohibited_act=Need.PROHIBITED_ACT in need,
        checkin=Need.CONNECTION_TEST in need,
        booking=BOOKING.get(action),
        confirm=spec.irreversible,
    )


def irreversible(action: str) -> bool:
    try:
        return action_spec(action).irreversible
    except ConsultDeskError:
        return False


class ActionDialog(QDialog):
    """The details an action needs (from :func:`needs`): channel, reason or note, minutes."""

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
        self.spec = needs(action)
        # a rule that asks for a reason now (issue 12: 004 第4条(1), 000 第5条(2), 000 第10条(7))
        self.reason_rule = reason
        if reason is not None:
            self.spec = Needs(**{**self.spec.__dict__, "reason": True})
        self.other_time: QCheckBox | None = None
        self.other_start: QDateTimeEdit | None = None
        self.setWindowTitle(f"{action_label(action)} — #{info['id']} {info['name']}")
        form = QFormLayout()
        self.channel_box: QComboBox | None = None
        self.minutes: QSpinBox | None = None

        if self.spec.channel is not None:
            self.channel_box = QComboBox(self)
            self.channel_box.setObjectName("action_channel")
            if self.spec.channel == "cancel":
                channels = list(config["cancel_channels"])
            else:
                channels = [c for c in CHANNELS if c != "in-session"]
                self.channel_box.addItem("", "")
            for code in channels:
                self.channel_box.addItem(channel_label(code), code)
            form.addRow(self.tr("&Channel"), self.channel_box)
            if self.spec.channel == "cancel":
                same_day = join((channel_label(c) for c in config["same_day_cancel_channels"]), alternatives=True)
                hint = QLabel(self.tr("On the day itself: %1 only").replace("%1", same_day), self)
                form.addRow("", hint)
        if self.spec.minutes is not None:
            self.minutes = QSpinBox(self)
            self.minutes.setObjectName("action_minutes")
            self.minutes.setSuffix(self.tr(" min"))
            if self.spec.minutes == "extend":
                length = int((dt.datetime.fromisoformat(info["end"]) - dt.datetime.fromisoformat(info["start"]))
                             .total_seconds() // 60)
                room = max(0, config.max_session_minutes - length)
                self.minutes.setRange(min(5, room) if room else 0, room)
                self.minutes.setValue(room)
                form.addRow(self.tr("Extend by"), self.minutes)
            else:
                self.minutes.setRange(1, 240)
                self.minutes.setValue(config.session_minutes)
                form.addRow(self.tr("Phone consultation lasted"), self.minutes)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("action_note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.note.textChanged.connect(self._update)
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
        if reason is not None:
            rule = QLabel(reason.message + (paren(clause_text(reason.clause)) if reason.clause else ""), self)
            rule.setObjectName("action_reason_rule")
            rule.setWordWrap(True)
            rule.setStyleSheet(f"color:{style.ERROR};")
            form.addRow("", rule)
        note_label = self.tr("&Reason (required)") if self.spec.reason else self.tr("&Note")
        form.addRow(note_label, self.note)

        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color:{style.ERROR};")
        if irreversible(action):
            self.warning.setText(self.tr("This cannot be undone from the desk."))
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
        self.ok_button.setEnabled(not self.spec.reason or bool(self.note.toPlainText().strip()))

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        super().accept()

    def channel(self) -> str:
        return str(self.channel_box.currentData() or "") if self.channel_box is not None else ""

    def options(self) -> ActOptions:
        return ActOptions(
            note=self.note.toPlainText(),
            channel=self.channel(),
            minutes=self.minutes.value() if self.minutes is not None and self.minutes.value() else None,
            new_start=self._other_start(),
        )

    def _other_start(self) -> dt.datetime | None:
        if self.other_time is None or self.other_start is None or not self.other_time.isChecked():
            return None
        value = self.other_start.dateTime()
        day, time = value.date(), value.time()
        return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


def _show(dialog: QDialog) -> QDialog:
    """Every action dialog opens the same way: window-modal, without blocking the event loop."""
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.open()
    return dialog


def run_action(
    ctx: Context,
    reservation_id: int,
    action: str,
    parent: QWidget,
    after: Callable[[int], object] | None = None,
) -> QDialog | bool | None:
    """Run ``action`` on the reservation: the dialog it opened (not yet answered), or whether it was
    stored at once (None when it needs nothing but was not stored: refused or not confirmed)."""
    spec = needs(action)
    done = after or (lambda _rid: None)
    if spec.callback_panel:
        return open_callback_panel(ctx, reservation_id, parent)
    if spec.checkin:
        dialog: QDialog = CheckInDialog(ctx, reservation_id, parent)
        dialog.accepted.connect(lambda: done(reservation_id))
        return _show(dialog)
    if spec.booking is not None:
        return _booking(ctx, reservation_id, spec.booking, parent, done)
    if spec.prohibited_act:
        terminate = TerminateDialog(ctx, reservation_id, parent)
        terminate.accepted.connect(lambda: _confirm_and_act(ctx, reservation_id, action, terminate.options(), parent, done))
        return _show(terminate)
    try:  # issue 12: a rule may ask for a reason now (004 第4条(1), 000 第10条(7)); offer may name another time
        res = lifecycle.get_reservation(reservation_id)
        reason = seed_rules.reason_needed(action, res, get_config(res.office_id), ctx.clock.today())
    except ConsultDeskError as exc:
        show_error(parent, exc)
        return None
    if spec.details or reason is not None or action == "offer":
        try:
            info = lifecycle.describe(res)
        except ConsultDeskError as exc:
            show_error(parent, exc)
            return None
        details = ActionDialog(action, get_config(info["office"]), info, parent, reason)
        details.accepted.connect(lambda: _confirm_and_act(ctx, reservation_id, action, details.options(), parent, done))
        return _show(details)
    return _confirm_and_act(ctx, reservation_id, action, ActOptions(), parent, done)


def _booking(ctx: Context, reservation_id: int, kind: str, parent: QWidget, done: Callable[[int], object]) -> QDialog | None:
    if kind == "next":
        dialog = openers.next_booking(ctx, reservation_id, parent)
    else:
        try:
            office = lifecycle.get_reservation(reservation_id).office_id
        except ConsultDeskError as exc:
            show_error(parent, exc)
            return None
        dialog = openers.booking_dialog(ctx, office, parent, rescheduled_from=reservation_id)
    if dialog is None:
        return None

    def booked() -> None:
        made = getattr(dialog, "reservation", None)
        done(made.id if made is not None else reservation_id)

    dialog.accepted.connect(booked)
    return _show(dialog)


def _confirm_and_act(
    ctx: Context, reservation_id: int, action: str, options: ActOptions, parent: QWidget, done: Callable[[int], object]
) -> bool | None:
    if irreversible(action) or needs(action).confirm:
        try:
            name = lifecycle.get_reservation(reservation_id).applicant.name
        except ConsultDeskError as exc:
            show_error(parent, exc)
            return None
        question = QCoreApplication.translate("ActionRunner", "“%1” for reservation #%2 (%3)?")
        if irreversible(action):
            question = QCoreApplication.translate("ActionRunner", "“%1” for reservation #%2 (%3) cannot be undone. Go ahead?")
        question = question.replace("%1", action_label(action)).replace("%2", str(reservation_id)).replace("%3", name)
        if not confirm(parent, action_label(action), question, action_label(action)):
            return None
    try:
        if action == "cancel":
            res = lifecycle.cancel(ctx, reservation_id, options.channel, options.note)
        else:
            res = lifecycle.act(ctx, reservation_id, action, options)
    except ConsultDeskError as exc:
        show_error(parent, exc)
        return None
    follow_up(ctx, action, res)  # the platform meeting follows, in the background (issue 16)
    done(reservation_id)
    if action == "connection-failed":  # 000 第10条(7), 003 8: the phone callback starts at once
        open_callback_panel(ctx, reservation_id, parent)
    return True
