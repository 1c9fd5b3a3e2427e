"""The reservation panel: applicant, slot, status with its full history, consent, meeting credentials,
and only the actions the state machine allows now (``states.allowed_actions``).

Actions run through the one action runner (``ui/session/action_runner.py``, reached through
``ui/shell/openers.py``), which asks for what each needs, confirms what cannot be undone
(``states.IRREVERSIBLE``) and shows a refusal as the rule's message, exactly as on the Today board.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import audit, lifecycle
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.offices import get_config
from consult_desk.permissions import can
from consult_desk.presets import OfficeConfig, channel_label, choice_text, label_text
from consult_desk.states import FINAL, IRREVERSIBLE, Status, action_label, allowed_actions, status_label
from consult_desk.ui.shell import hub, openers
from consult_desk.ui.shell.selection import Selection
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import fmt_date, fmt_datetime, fmt_span, paren, person
from consult_desk.ui.widgets.messages import show_error
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table
from consult_desk.ui.widgets.scroll import VerticalScrollArea

Index = QModelIndex | QPersistentModelIndex
ACTION_COLUMNS = 2  # action buttons per row: the panel fits beside the views on a 1366×768 screen at 150 %
MASK = "••••••"


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
            return person(row["staff"])
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
            "%2", person(current.issued_by))
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


def _credentials_widget(ctx: Context, reservation_id: int) -> QWidget:
    from consult_desk.ui.desk.credentials_widget import (
        CredentialsWidget,  # imported when first shown (start-up)
    )

    return CredentialsWidget(ctx, reservation_id)


class ReservationPanel(QWidget):
    """Shows the window's current reservation (the shared selection, ``shell/selection.py``), never
    one of another office than the selected one; reads it again when the change hub says so."""

    # The meeting-credentials editor of issue 5 (CredentialsView above stays as a read-only fallback).
    credentials_factory: Callable[[Context, int], QWidget] = _credentials_widget

    def __init__(self, ctx: Context, parent: QWidget | None = None, selection: Selection | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reservation_panel")
        self.ctx = ctx
        self.selection = selection or Selection("", self)  # on its own: any office
        self.active_dialog: QDialog | None = None
        self.reservation_id: int | None = None
        self.info: dict[str, Any] | None = None
        self.config: OfficeConfig | None = None
        self.action_buttons: dict[str, QPushButton] = {}

        self.empty = QLabel(self.tr("Select a reservation in the calendar, or search for one (Ctrl+F)."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.body = QWidget(self)
        # The scroll area gives the body the height its wrapped rows need (height for width) and scrolls
        # vertically; the body is as narrow as its widest word, so nothing scrolls or is cut sideways.
        body = QVBoxLayout(self.body)
        self.title = QLabel(self.body)
        self.title.setObjectName("panel_title")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(max(10.0, font.pointSizeF() * 1.25))
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.status_chip = QLabel(self.body)
        self.status_chip.setObjectName("panel_status")
        self.status_chip.setWordWrap(True)  # a long status in English wraps rather than being cut
        self.status_chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        head = QHBoxLayout()
        head.addWidget(self.title, 3)
        head.addWidget(self.status_chip, 2, Qt.AlignmentFlag.AlignTop)
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
        # label | value rows; both wrap (long English labels such as the job-seeker record's phone), so
        # the panel stays narrow and no row overlaps the next (a grid, not QFormLayout's WrapLongRows)
        self.details = QGridLayout(self.details_box)
        self.details.setColumnStretch(0, 2)
        self.details.setColumnStretch(1, 3)
        self.details.setVerticalSpacing(4)
        self.detail_rows: list[tuple[QLabel, QWidget]] = []
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
        self.history.setMinimumWidth(0)  # scrolls sideways in itself; the panel stays narrow
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

        scroll = VerticalScrollArea(self.body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.scroll_area = scroll
        self.clear()
        self.selection.reservation_changed.connect(self._selection_changed)
        hub.on((Topic.RESERVATIONS, Topic.CALLBACKS, Topic.MAIL, Topic.OFFICES), self.refresh, self)

    # -------------------------------------------------------------- showing

    def clear(self) -> None:
        """Nothing shown: no reservation, no action buttons left behind."""
        self.reservation_id = None
        self.info = None
        self.config = None
        self._clear_actions()
        self.empty.setText(self.tr("Select a reservation in the calendar, or search for one (Ctrl+F)."))
        self.empty.show()
        self.scroll_area.hide()

    def _selection_changed(self, reservation_id: int | None) -> None:
        if reservation_id is None:
            self.clear()
        elif reservation_id != self.reservation_id:
            self.show_reservation(reservation_id)

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

    def set_office(self, code: str) -> None:
        """The office switched: a reservation of another office is no longer shown."""
        self.selection.set_office(code)  # a shared selection has done so already (and cleared)
        if self.info is not None and self.info["office"] != code:
            self.clear()

    def show_reservation(self, reservation_id: int) -> None:
        """Show a reservation of the selected office (it becomes the current reservation)."""
        try:
            info = lifecycle.describe(lifecycle.get_reservation(reservation_id))
        except ConsultDeskError as exc:
            self.clear()
            self.empty.setText(exc.message)
            return
        if self.selection.office and info["office"] != self.selection.office:
            self.clear()
            self.empty.setText(self.tr("Reservation #%1 belongs to another office: switch the office to see it.")
                               .replace("%1", str(reservation_id)))
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
        self.scroll_area.refit()  # the panel as wide as this reservation's rows need, never cut
        self.selection.select(reservation_id, info["office"])

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
                            .replace("%1", self.config.version_text(str(info["terms_version"]))).replace("%2", self.config.version_text()))
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))

    def _clear_actions(self) -> None:
        while self.actions_grid.count():
            item = self.actions_grid.takeAt(0)
            if item.widget():
                item.widget().hide()  # no live button left behind until deleteLater runs
                item.widget().deleteLater()
        self.action_buttons = {}

    def _fill_actions(self, info: dict[str, Any]) -> None:
        self._clear_actions()
        # The state machine's actions now, less those this role may not do (the services refuse them anyway).
        actions = [a for a in allowed_actions(info["status"]) if a != "undo-no-show" or can(self.ctx, "undo_no_show")]
        for number, action in enumerate(actions):
            button = QPushButton(action_label(action), self.actions_box)
            button.setObjectName(f"action_{action}")
            button.setAutoDefault(False)
            if action in IRREVERSIBLE:
                button.setToolTip(self.tr("Asks for confirmation: cannot be undone"))
            button.clicked.connect(lambda _c=False, a=action: self.run_action(a))
            self.actions_grid.addWidget(button, number // ACTION_COLUMNS, number % ACTION_COLUMNS)
            button.show()  # at once, so that the focus can go to it before the next event loop pass
            self.action_buttons[action] = button
        if not actions:
            self.actions_grid.addWidget(QLabel(self.tr("No further actions: the reservation is closed."), self.actions_box))

    def _row(self, label: str, value: str | QWidget) -> None:
        name = QLabel(label, self.details_box)
        name.setWordWrap(True)
        name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if isinstance(value, str):
            widget = QLabel(value, self.details_box)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget.setWordWrap(True)
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = widget
        name.setBuddy(value)
        row = len(self.detail_rows)
        self.details.addWidget(name, row, 0)
        self.details.addWidget(value, row, 1)
        name.show()  # at once, not at the next pass of the event loop: the panel measures them now (refit)
        value.show()
        self.detail_rows.append((name, value))

    def _fill_details(self, info: dict[str, Any]) -> None:
        for name, value in self.detail_rows:
            for widget in (name, value):
                self.details.removeWidget(widget)
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        self.detail_rows = []
        assert self.config is not None
        start = dt.datetime.fromisoformat(info["start"])
        end = dt.datetime.fromisoformat(info["end"])
        self._row(self.tr("Date and time"), fmt_span(start, end))
        self._row(self.tr("Office"), self.config.display_short_name)
        if info.get("seat"):
            self._row(self.tr("Seat"), str(info["seat"]))
        self._row(self.tr("Applied by"), channel_label(info["channel"]))
        labels = {f.key: f.label for f in self.config.fields}
        for key in ("kana", "phone", "email", "address", "job_seeker_no"):
            if info.get(key):
                self._row(labels.get(key, key), str(info[key]))
        for key, value in (info.get("answers") or {}).items():
            self._row(labels.get(key, key), choice_text(self.config.data, str(value)))
        companions = info.get("companions") or []
        if companions:
            self._row(self.tr("Companions"), "\n".join(f"{c['name']}{paren(c['relation'])}" for c in companions))
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
        advised_mark = " " + self.tr("(advised)")  # not inside the f-string: lupdate would not see it
        items = "".join(
            f"<li>✓ {labels.get(key, key)}{advised_mark if key in advised else ''}</li>"
            for key in consent["items"]
        )
        at = fmt_datetime(dt.datetime.fromisoformat(consent["at"]))
        who = self.tr("Ticked by %1 on %2, terms version %3").replace("%1", person(consent["staff"])).replace(
            "%2", at).replace("%3", self.config.version_text(consent["terms_version"]))
        text = f"{who}<ul style='margin:2px'>{items}</ul>"
        if consent["terms_version"] != self.config.terms_version:
            older = self.tr("Older terms version: consent was given to %1, the office now uses %2.").replace(
                "%1", self.config.version_text(consent["terms_version"])).replace("%2", self.config.version_text())
            text = f"<p style='color:{style.ERROR}'><b>{older}</b></p>" + text
        self.consent_label.setText(text)

    def _fill_credentials(self, reservation_id: int) -> None:
        while self.credentials_area.count():
            item = self.credentials_area.takeAt(0)
            if item.widget():
                item.widget().hide()  # at once: deleteLater waits for the event loop
                item.widget().deleteLater()
        widget = type(self).credentials_factory(self.ctx, reservation_id)
        self.credentials_area.addWidget(widget)
        widget.show()  # at once: the panel measures it now (refit)

    # -------------------------------------------------------------- actions

    def run_action(self, action: str) -> QDialog | bool | None:
        """Run one allowed action through the one action runner (``session/action_runner.py``, reached
        through the shell's openers): the same dialogs, questions and confirmations as the Today board."""
        if self.reservation_id is None or self.info is None:
            return None
        result = openers.run_action(self.ctx, self.reservation_id, action, self, self._acted)
        if isinstance(result, QDialog):
            self.active_dialog = result
        return result

    def _acted(self, rid: int) -> None:
        """Stored: show the reservation to go on with (a moved one's new reservation), focus its actions."""
        if rid != self.reservation_id:
            self.show_reservation(rid)
        self.focus_actions()
