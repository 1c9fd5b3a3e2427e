"""The booking dialog: slot, the office's intake fields, channel, companions, consent, earlier trouble.

Every check shown here is the booking service's own (``booking.validate_field``, ``booking.slots``,
``booking.trouble_for``...), so the dialog and the command line refuse the same things with the same
words. Saving calls ``booking.book`` (or ``lifecycle.reschedule`` for a move); a refusal is shown as
the rule's message and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk import booking, lifecycle, schedule
from consult_desk.booking import BookingRequest, SlotInfo, Trouble
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, RuleError, clause_text
from consult_desk.models import Event, Reservation
from consult_desk.offices import get_config
from consult_desk.presets import STANDARD_FIELDS, channel_label, choice_text
from consult_desk.states import Status, status_label
from consult_desk.ui.desk.consent_dialog import ConsentDialog
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import (
    fmt_date,
    fmt_datetime,
    fmt_span,
    fmt_time_span,
    join_list,
    setup_date_edit,
)
from consult_desk.ui.widgets.messages import confirm, show_error
from consult_desk.ui.widgets.platform_calls import follow_up
from consult_desk.ui.widgets.screen_fit import WrappedLabel
from consult_desk.validation import format_phone

ERROR_STYLE = f"color:{style.ERROR};"


class DateEdit(QDateEdit):
    """A date field where Up/Down step the day and Tab leaves the field (Left/Right move between parts)."""

    def focusNextPrevChild(self, next_child: bool) -> bool:  # noqa: N802 (Qt naming)
        return QWidget.focusNextPrevChild(self, next_child)

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().focusInEvent(event)
        self.setCurrentSection(QDateEdit.Section.DaySection)


class CompanionRow(QWidget):
    """One companion named in advance: name and relation or affiliation (003 5(1)①, 004 第10条(3))."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name"))
        self.relation = QLineEdit(self)
        self.relation.setPlaceholderText(self.tr("Relation or affiliation"))
        self.remove = QToolButton(self)
        self.remove.setText("×")
        self.remove.setToolTip(self.tr("Remove this companion"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(self.relation, 1)
        row.addWidget(self.remove)

    def value(self) -> dict[str, str]:
        return {"name": self.name.text(), "relation": self.relation.text()}


class BookingDialog(QDialog):
    """Book a slot (or a place in a group event), or move a reservation with ``rescheduled_from``.

    After ``exec()`` returns Accepted, :attr:`reservation` is the booked reservation (for a
    reschedule, the new linked one). :attr:`refused` is True when staff refused the booking
    because of earlier trouble (the decision is in the audit log).
    """

    def __init__(
        self,
        ctx: Context,
        office: str,
        parent: QWidget | None = None,
        start: dt.datetime | None = None,
        prefill: dict[str, str] | None = None,
        channel: str | None = None,
        rescheduled_from: int | None = None,
        event_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("booking_dialog")
        self.ctx = ctx
        self.office = office
        self.config = get_config(office)
        self.reservation: Reservation | None = None
        self.refused = False
        self.rescheduled_from = rescheduled_from
        self.old: dict[str, Any] | None = None
        if rescheduled_from is not None:
            self.old = lifecycle.describe(lifecycle.get_reservation(rescheduled_from))
        self.group_event: Event | None = None
        if event_id is not None:
            self.group_event = Event.get_or_none(Event.id == event_id, Event.office == office)
        self.consent: list[str] = []
        self.consent_version: str | None = None
        self.troubles: list[Trouble] = []
        self.touched: set[str] = set()
        self.errors: dict[str, str | None] = {}
        self.save_tried = False
        self.slot_infos: list[SlotInfo] = []
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.companion_rows: list[CompanionRow] = []
        self.prefill = dict(prefill or {})
        self._ready = False  # signals from filling the widgets wait until everything is built

        if self.old is not None:
            self.setWindowTitle(self.tr("Reschedule reservation #%1").replace("%1", str(rescheduled_from)))
        else:
            self.setWindowTitle(self.tr("New booking — %1").replace("%1", self.config.display_short_name))

        left = QVBoxLayout()
        right = QVBoxLayout()
        left.addWidget(self._build_slot_group(start))
        left.addWidget(self._build_applicant_group(prefill or {}))
        left.addStretch(1)
        right.addWidget(self._build_application_group(channel))
        if self.config.get("companions", "none") != "none" and self.old is None:
            right.addWidget(self._build_companions_group())
        right.addWidget(self._build_consent_group())
        right.addWidget(self._build_trouble_box())
        right.addStretch(1)

        self.problems = QLabel(self)
        self.problems.setObjectName("booking_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(self)
        save_text = self.tr("&Reschedule") if self.old is not None else self.tr("&Book")
        self.save_button = self.buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_booking")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)

        # Two columns side by side where the screen is wide enough, one above the other otherwise; on a
        # small screen (1366×768 at 150 %) the form scrolls instead of being cut off (fit_to).
        body = QWidget(self)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.addLayout(left, 3)
        self.columns.addLayout(right, 2)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("booking_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(body)
        header = QLabel(self._header_text(), self)
        header.setObjectName("booking_header")
        header.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self._set_tab_order()
        self._ready = True
        self._load_slots(start)
        for key in self.editors:
            self._validate(key)
            if key in self.touched:
                self._tidy(key)  # a prefilled ０９０－… shows as 090-…
        self._check_trouble()
        self._update_state()
        first_empty = next((w for k, w in self.editors.items() if w.isEnabled() and not self._text(k)), None)
        if self.old is not None or self.group_event is None and start is None:
            (self.date_edit if self.group_event is None else self.save_button).setFocus()
        elif first_empty is not None:
            first_empty.setFocus()
        else:
            self.save_button.setFocus()
        screen = self.screen() if parent is None else parent.screen()
        self.fit_to(screen.availableGeometry().size() if screen is not None else QSize(1366, 728))

    def fit_to(self, available: QSize) -> None:
        """Size the dialog for a screen of ``available`` (logical) pixels: side by side when both
        columns fit, else stacked; never larger than the screen (the form scrolls)."""
        body = self.scroll.widget()
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight)
        wide = body.sizeHint().width() + 40
        if wide > available.width():
            self.columns.setDirection(QBoxLayout.Direction.TopToBottom)
        self.layout().activate()
        body_hint = body.sizeHint()
        chrome = self.sizeHint().height() - self.scroll.sizeHint().height()
        width = min(max(1000 if wide <= available.width() else 0, body_hint.width() + 40), available.width() - 20)
        height = min(max(480, body_hint.height() + chrome + 20), available.height() - 40)
        self.resize(width, height)

    # -------------------------------------------------------------- building

    def _header_text(self) -> str:
        if self.old is not None:
            old_start = dt.datetime.fromisoformat(self.old["start"])
            old_end = dt.datetime.fromisoformat(self.old["end"])
            return self.tr("Move %1's reservation of %2 (%3) to another slot. The old one becomes “%4”.").replace(
                "%1", self.old["name"]).replace("%2", fmt_span(old_start, old_end)).replace(
                "%3", status_label(self.old["status"])).replace("%4", status_label(Status.RESCHEDULED))
        return f"<b>{self.config.display_name}</b>"

    def _build_slot_group(self, start: dt.datetime | None) -> QGroupBox:
        box = QGroupBox(self.tr("Slot"), self)
        grid = QGridLayout(box)
        self.date_edit = DateEdit(box)
        self.date_edit.setObjectName("booking_date")
        self.date_edit.setCalendarPopup(True)
        setup_date_edit(self.date_edit)
        self.slot_box = QComboBox(box)
        self.slot_box.setObjectName("booking_slot")
        self.slot_box.setMinimumContentsLength(24)
        # 003 6: 30, 45 or 60 minutes where the office offers several lengths (issue 12)
        self.length_box = QComboBox(box)
        self.length_box.setObjectName("booking_length")
        for minutes in self.config.session_lengths:
            self.length_box.addItem(self.tr("%1 minutes").replace("%1", str(minutes)), minutes)
        self.length_box.setCurrentIndex(max(0, self.length_box.findData(self.config.session_minutes)))
        self._length_by_hand = False  # set once the clerk picks a length: a new time keeps it
        self._fitted_for: dt.datetime | None = None
        self.deadlines = QLabel(box)
        self.deadlines.setObjectName("booking_deadlines")
        self.deadlines.setWordWrap(True)
        self.slot_problem = QLabel(box)
        self.slot_problem.setObjectName("slot_problem")
        self.slot_problem.setWordWrap(True)
        self.slot_problem.setStyleSheet(ERROR_STYLE)
        if self.group_event is not None:
            event_label = QLabel(
                f"<b>{self.group_event.title}</b><br>{fmt_span(self.group_event.start, self.group_event.end)}", box
            )
            event_label.setObjectName("booking_event")
            grid.addWidget(QLabel(self.tr("Event"), box), 0, 0)
            grid.addWidget(event_label, 0, 1)
            self.date_edit.hide()
            self.slot_box.hide()
        else:
            date_label = QLabel(self.tr("&Date"), box)
            date_label.setBuddy(self.date_edit)
            slot_label = QLabel(self.tr("&Time"), box)
            slot_label.setBuddy(self.slot_box)
            grid.addWidget(date_label, 0, 0)
            grid.addWidget(self.date_edit, 0, 1)
            grid.addWidget(slot_label, 1, 0)
            grid.addWidget(self.slot_box, 1, 1)
            if len(self.config.session_lengths) > 1 and self.old is None:
                grid.addWidget(self.length_box, 1, 2)
            else:
                self.length_box.hide()
        grid.addWidget(self.deadlines, 2, 0, 1, 2)
        grid.addWidget(self.slot_problem, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        if start is not None:
            day = start.date()
        elif self.old is not None:
            day = dt.date.fromisoformat(self.old["start"][:10])
        else:
            first = schedule.first_bookable(self.ctx, self.office, self.ctx.clock.today(), days=92)
            day = first.date() if first else self.config.calendar.next_business_day(self.ctx.clock.today())
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.dateChanged.connect(lambda _d: self._load_slots(None))
        self.slot_box.currentIndexChanged.connect(lambda _i: self._slot_changed())
        self.length_box.currentIndexChanged.connect(lambda _i: self._slot_changed())
        self.length_box.activated.connect(lambda _i: self._length_chosen())
        return box

    def _length_chosen(self) -> None:
        self._length_by_hand = True

    def session_minutes(self) -> int | None:
        """The length chosen (003 6), or None where the office has one length."""
        return int(self.length_box.currentData()) if not self.length_box.isHidden() else None

    def _build_applicant_group(self, prefill: dict[str, str]) -> QGroupBox:
        box = QGroupBox(self.tr("Applicant"), self)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        old_values = self._old_values()
        row = 0
        for spec in self.config.fields:
            label = QLabel(spec.label + (" *" if spec.required else ""), box)
            label.setWordWrap(True)  # a long English label takes two lines, not the field's width
            em = label.fontMetrics().horizontalAdvance("あ")
            label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(label.text()) + 4, em * 11))
            label.setMaximumWidth(em * 14)
            editor: QLineEdit | QComboBox
            if spec.type == "choice" and spec.choices:
                combo = QComboBox(box)
                combo.addItem(self.tr("— choose —"), "")
                for choice in spec.choices:
                    combo.addItem(choice_text(self.config.data, choice), choice)
                combo.currentIndexChanged.connect(lambda _i, k=spec.key: self._edited(k))
                editor = combo
            else:
                line = QLineEdit(box)
                line.setMinimumWidth(line.fontMetrics().horizontalAdvance("あ") * 20)  # a full name fits
                if spec.example:
                    line.setPlaceholderText(self.tr("e.g. %1").replace("%1", spec.example))
                line.textChanged.connect(lambda _t, k=spec.key: self._edited(k))
                line.editingFinished.connect(lambda k=spec.key: self._tidy(k))
                editor = line
            editor.setObjectName(f"field_{spec.key}")
            tip = spec.help or ""
            if spec.clause:
                tip = (tip + "\n" if tip else "") + self.tr("Clause: %1").replace("%1", clause_text(spec.clause))
            if tip:
                editor.setToolTip(tip)
            label.setBuddy(editor)
            error = QLabel(box)
            error.setObjectName(f"error_{spec.key}")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1)
            grid.addWidget(error, row + 1, 1)
            row += 2
            self.editors[spec.key] = editor
            self.error_labels[spec.key] = error
            value = old_values.get(spec.key) if self.old is not None else prefill.get(spec.key)
            if value:
                self._set_text(spec.key, value)
                self.touched.add(spec.key)
            if self.old is not None:
                editor.setEnabled(False)
        grid.setColumnStretch(1, 1)
        return box

    def _old_values(self) -> dict[str, str]:
        if self.old is None:
            return {}
        values = {k: str(self.old.get(k) or "") for k in ("name", "kana", "phone", "email", "address", "job_seeker_no")}
        values.update({k: str(v) for k, v in (self.old.get("answers") or {}).items()})
        return values

    def _build_application_group(self, channel: str | None) -> QGroupBox:
        box = QGroupBox(self.tr("Application"), self)
        grid = QGridLayout(box)
        self.channel_box = QComboBox(box)
        self.channel_box.setObjectName("booking_channel")
        for code in self.config["booking_channels"]:
            self.channel_box.addItem(channel_label(code), code)
        first = self.config.get("first_booking_channels") or self.config["booking_channels"]
        # A desk books callers on the phone: phone by default wherever the office takes it.
        default = channel if channel in self.config["booking_channels"] else (
            "phone" if "phone" in first else next((c for c in first if c != "in-session"),
                                                  self.config["booking_channels"][0]))
        self.channel_box.setCurrentIndex(max(0, self.channel_box.findData(default)))
        channel_label_widget = QLabel(self.tr("C&hannel"), box)
        channel_label_widget.setBuddy(self.channel_box)
        self.channel_note = QLabel(self._channels_not_taken(), box)
        self.channel_note.setObjectName("channel_note")
        self.channel_note.setWordWrap(True)
        self.channel_note.setVisible(bool(self.channel_note.text()))
        self.note = QLineEdit(box)
        self.note.setObjectName("booking_note")
        note_label = QLabel(self.tr("&Note"), box)
        note_label.setBuddy(self.note)
        self.city_fault = QCheckBox(self.tr("The city caused the connection failure"), box)
        self.city_fault.setObjectName("city_fault")
        row = 0
        if self.old is None:
            grid.addWidget(channel_label_widget, row, 0)
            grid.addWidget(self.channel_box, row, 1)
            row += 1
            grid.addWidget(self.channel_note, row, 1)
            row += 1
        else:
            self.channel_box.hide()
            self.channel_note.hide()
        grid.addWidget(note_label, row, 0)
        grid.addWidget(self.note, row, 1)
        row += 1
        if self.old is not None and self.old["status"] == Status.PHONE_CALLBACK:
            grid.addWidget(self.city_fault, row, 0, 1, 2)
            clause = self.config.clause("connection_failure")
            if clause:
                self.city_fault.setToolTip(self.tr("Clause: %1").replace("%1", clause_text(clause)))
            self.city_fault.toggled.connect(lambda _on: self._load_slots(self.selected_start()))
        else:
            self.city_fault.hide()
        grid.setColumnStretch(1, 1)
        self.channel_box.currentIndexChanged.connect(lambda _i: self._update_state())
        return box

    def _channels_not_taken(self) -> str:
        """Why the list lacks phone, e-mail or form: the office does not take them (with its clause)."""
        missing = [c for c in ("phone", "email", "form") if c not in self.config["booking_channels"]]
        if not missing:
            return ""
        names = join_list(channel_label(c) for c in missing)
        clause = self.config.clause("booking_channels")
        if clause:
            return self.tr("This office does not take applications by %1 (%2).").replace("%1", names).replace("%2", clause_text(clause))
        return self.tr("This office does not take applications by %1.").replace("%1", names)

    def _build_companions_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Companions named in advance"), self)
        self.companions_layout = QVBoxLayout(box)
        clause = self.config.clause("companions")
        hint = WrappedLabel(self.tr("Interpreter, assistant or family joining the session, with relation or affiliation."), box)
        if clause:
            hint.setToolTip(self.tr("Clause: %1").replace("%1", clause_text(clause)))
        self.companions_layout.addWidget(hint)
        self.add_companion_button = QPushButton(self.tr("&Add companion"), box)
        self.add_companion_button.setObjectName("add_companion")
        self.add_companion_button.setAutoDefault(False)
        self.add_companion_button.clicked.connect(lambda: self.add_companion())
        self.companions_layout.addWidget(self.add_companion_button)
        return box

    def add_companion(self, name: str = "", relation: str = "") -> CompanionRow:
        row = CompanionRow(self)
        row.name.setText(name)
        row.relation.setText(relation)
        row.name.textChanged.connect(lambda _t: self._update_state())
        row.relation.textChanged.connect(lambda _t: self._update_state())
        row.remove.clicked.connect(lambda: self._remove_companion(row))
        self.companions_layout.insertWidget(self.companions_layout.count() - 1, row)
        row.show()  # now, not at the next event loop pass: Tab must reach it at once
        self.companion_rows.append(row)
        self._set_tab_order()
        row.name.setFocus()
        self._update_state()
        return row

    def _remove_companion(self, row: CompanionRow) -> None:
        self.companion_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.add_companion_button.setFocus()
        self._set_tab_order()
        self._update_state()

    def _build_consent_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consent to the terms of use"), self)
        layout = QVBoxLayout(box)
        self.consent_label = QLabel(box)
        self.consent_label.setObjectName("consent_summary")
        self.consent_label.setWordWrap(True)
        self.consent_button = QPushButton(self.tr("&Consent checklist…"), box)
        self.consent_button.setObjectName("open_consent")
        self.consent_button.clicked.connect(self.open_consent)
        layout.addWidget(self.consent_label)
        layout.addWidget(self.consent_button)
        consent = (self.old or {}).get("consent") or {}
        if self.old is not None and consent.get("terms_version") == self.config.terms_version:
            # The consent given carries over to the new slot; after a terms change it is taken afresh.
            self.consent_button.hide()
            self.consent = list(consent.get("items") or [])
            self.consent_version = consent.get("terms_version")
        return box

    def _build_trouble_box(self) -> QFrame:
        self.trouble_box = QFrame(self)
        self.trouble_box.setObjectName("trouble_box")
        self.trouble_box.setStyleSheet(
            f"QFrame#trouble_box {{ background:{style.WARN_BG}; border:2px solid {style.WARN_BORDER}; }}"
        )
        layout = QVBoxLayout(self.trouble_box)
        self.trouble_label = QLabel(self.trouble_box)
        self.trouble_label.setObjectName("trouble_text")
        self.trouble_label.setWordWrap(True)
        self.go_ahead = QCheckBox(self.tr("&Go ahead: staff checked the earlier trouble"), self.trouble_box)
        self.go_ahead.setObjectName("trouble_go_ahead")
        self.go_ahead.toggled.connect(lambda _c: self._update_state())
        self.refuse_button = QPushButton(self.tr("Re&fuse the booking"), self.trouble_box)
        self.refuse_button.setObjectName("trouble_refuse")
        self.refuse_button.setAutoDefault(False)
        self.refuse_button.clicked.connect(self.refuse)
        layout.addWidget(self.trouble_label)
        layout.addWidget(self.go_ahead)
        layout.addWidget(self.refuse_button)
        self.trouble_box.hide()
        return self.trouble_box

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        if self.group_event is None:
            chain += [self.date_edit, self.slot_box]
            if not self.length_box.isHidden():
                chain.append(self.length_box)
        chain += list(self.editors.values())
        if self.old is None:
            chain.append(self.channel_box)
        chain.append(self.note)
        if not self.city_fault.isHidden():
            chain.append(self.city_fault)
        for row in self.companion_rows:
            chain += [row.name, row.relation, row.remove]
        if hasattr(self, "add_companion_button"):
            chain.append(self.add_companion_button)
        if hasattr(self, "consent_button"):
            chain.append(self.consent_button)
        if hasattr(self, "go_ahead"):
            chain += [self.go_ahead, self.refuse_button]
        if hasattr(self, "save_button"):
            chain += [self.save_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -------------------------------------------------------------- slot

    def selected_date(self) -> dt.date:
        q = self.date_edit.date()
        return dt.date(q.year(), q.month(), q.day())

    def selected_start(self) -> dt.datetime | None:
        if self.group_event is not None:
            return self.group_event.start
        data = self.slot_box.currentData()
        return dt.datetime.fromisoformat(data) if data else None

    def select_slot(self, start: dt.datetime) -> bool:
        """Choose ``start`` (date and time) as if picked with the keyboard; False if the day has no such slot."""
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        index = self.slot_box.findData(start.isoformat())
        if index >= 0:
            self.slot_box.setCurrentIndex(index)
        return index >= 0

    def _selected_slot(self) -> SlotInfo | None:
        start = self.selected_start()
        return next((s for s in self.slot_infos if s.start == start), None)

    def _load_slots(self, start: dt.datetime | None) -> None:
        if self.group_event is not None:
            self._slot_changed()
            return
        day = self.selected_date()
        city = getattr(self, "city_fault", None)  # the city's re-arrangement is no new application (000 第10条(7))
        new_application = not (city is not None and not city.isHidden() and city.isChecked())
        self.slot_infos = booking.slots(self.ctx, self.office, day, new_application)
        self.slot_box.blockSignals(True)
        self.slot_box.clear()
        for slot in self.slot_infos:
            span = fmt_time_span(slot.start, slot.end)
            if slot.bookable:
                text = f"{span}  " + self.tr("free %1 of %2").replace("%1", str(slot.seats - slot.booked)).replace(
                    "%2", str(slot.seats))
            elif slot.rule == "full":
                text = f"{span}  " + self.tr("(full)")
            else:
                text = f"{span}  " + self.tr("(not bookable)")
            self.slot_box.addItem(text, slot.start.isoformat())
        wanted = next((i for i, s in enumerate(self.slot_infos) if start is not None and s.start == start), -1)
        if wanted < 0:
            wanted = next((i for i, s in enumerate(self.slot_infos) if s.bookable), 0 if self.slot_infos else -1)
        self.slot_box.setCurrentIndex(wanted)
        self.slot_box.blockSignals(False)
        self._slot_changed()

    def _fit_length(self) -> None:
        """A new time keeps the length the clerk chose; otherwise it takes the length the slot list
        shows there (003 6: the office's 60 minutes, or at 16:00 the 30 that end by 16:30), as the
        service does for a booking made without a length."""
        slot = self._selected_slot() if self.group_event is None else None
        if slot is None or slot.start == self._fitted_for:
            return
        self._fitted_for = slot.start
        if self.length_box.isHidden() or self._length_by_hand:
            return
        shown = int((slot.end - slot.start).total_seconds() // 60)
        index = self.length_box.findData(shown)
        if index >= 0:
            self.length_box.setCurrentIndex(index)

    def _slot_changed(self) -> None:
        self._fit_length()
        day = self.group_event.start.date() if self.group_event is not None else self.selected_date()
        deadline = booking.application_deadline(self.config, day)
        details = booking.details_deadline(self.config, day)
        lines = [
            self.tr("Application deadline: %1").replace("%1", fmt_date(deadline) if deadline else "—"),
            self.tr("Meeting details to be sent by: %1").replace("%1", fmt_date(details) if details else "—"),
        ]
        self.deadlines.setText("\n".join(lines))
        self.slot_problem.setText(self._slot_problem() or "")
        self._update_state()

    def _slot_problem(self) -> str | None:
        if self.group_event is not None:
            return None  # the service checks the event (deadline, capacity) when saving
        day = self.selected_date()
        closed = self.config.calendar.closed_reason(day)
        if closed:
            return self.tr("%1 is a closed day (%2)").replace("%1", fmt_date(day)).replace("%2", closed)
        slot = self._selected_slot()
        if slot is None:
            return self.tr("Choose a time")
        if not slot.bookable:
            return slot.reason
        minutes = self.session_minutes()
        if minutes is not None and not self.config.fits(slot.start, minutes):
            return self.tr("A %1-minute session does not end within the hours at this time").replace("%1", str(minutes))
        return None

    # -------------------------------------------------------------- fields

    def _text(self, key: str) -> str:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        return editor.text()

    def _set_text(self, key: str, value: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index < 0:
                editor.addItem(value, value)
                index = editor.count() - 1
            editor.setCurrentIndex(index)
        else:
            editor.setText(value)

    def set_field(self, key: str, value: str) -> None:
        """Fill a field as if typed (prefill from elsewhere, tests)."""
        self._set_text(key, value)
        self._edited(key)

    def _edited(self, key: str) -> None:
        self.touched.add(key)
        if self._ready:
            self._refresh_field(key)

    def _refresh_field(self, key: str) -> None:
        self._validate(key)
        if key in ("phone", "email", "job_seeker_no"):
            self._check_trouble()
        self._update_state()

    def _validate(self, key: str) -> str | None:
        try:
            booking.validate_field(self.config, key, self._text(key))
            error = None
        except RuleError as exc:
            error = exc.message
        self.errors[key] = error
        label = self.error_labels[key]
        show = error is not None and (key in self.touched or self.save_tried)
        label.setText(error or "")
        label.setVisible(show)
        return error

    def _tidy(self, key: str) -> None:
        """On leaving a field, show the value as it will be stored (０９０－… becomes 090-…)."""
        editor = self.editors[key]
        if not isinstance(editor, QLineEdit) or self.errors.get(key) or not editor.text().strip():
            return
        value = self._normalised(key)
        spec = self.config.field(key)
        if spec is not None and spec.type == "phone":
            value = format_phone(value)
        if value and value != editor.text():
            editor.setText(value)

    def _normalised(self, key: str) -> str:
        if key not in self.editors or self.errors.get(key):
            return ""
        try:
            return booking.validate_field(self.config, key, self._text(key))
        except RuleError:
            return ""

    def _check_trouble(self) -> None:
        """Earlier no-shows, terminations or refusals of the same phone, e-mail or 求職番号."""
        if self.old is not None:
            return
        troubles = booking.trouble_for(
            self._normalised("phone"), self._normalised("email"), self._normalised("job_seeker_no")
        )
        if [t.reservation_id for t in troubles] != [t.reservation_id for t in self.troubles]:
            self.go_ahead.setChecked(False)
        self.troubles = troubles
        if troubles:
            clause = self.config.clause("no_show")
            head = self.tr("Earlier trouble with this applicant:")
            if clause:
                head += f" ({clause_text(clause)})"
            items = "".join(f"<li>{t.text()}</li>" for t in troubles)
            self.trouble_label.setText(f"<b>{head}</b><ul>{items}</ul>" + self.tr(
                "Go ahead (recorded in the reservation's history) or refuse (recorded in the audit log)."))
        self.trouble_box.setVisible(bool(troubles))

    # -------------------------------------------------------------- consent

    def open_consent(self) -> None:
        dialog = ConsentDialog(self.ctx, self.office, self, self.consent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_consent(dialog.ticked(), dialog.terms_version)
        # Checklist done and nothing else missing: Enter now books.
        (self.save_button if self.save_button.isEnabled() else self.consent_button).setFocus()

    def set_consent(self, ticked: list[str], version: str | None) -> None:
        self.consent = list(ticked)
        self.consent_version = version
        self._update_state()

    def consent_missing(self) -> list[str]:
        return [k for k in self.config.required_consent_keys() if k not in self.consent]

    def _consent_text(self) -> str:
        required = self.config.required_consent_keys()
        done = len([k for k in required if k in self.consent])
        text = self.tr("%1 of %2 items confirmed").replace("%1", str(done)).replace("%2", str(len(required)))
        text += "\n" + self.tr("Terms version: %1").replace("%1", self.config.version_text())
        if self.consent_version and self.consent_version != self.config.terms_version:
            text += "\n" + self.tr("Consent was given to an older version (%1)").replace("%1", self.consent_version)
        return text

    # -------------------------------------------------------------- state and saving

    def companions(self) -> list[dict[str, str]]:
        return [row.value() for row in self.companion_rows]

    def problem_list(self) -> list[str]:
        problems = []
        slot_problem = self._slot_problem()
        if slot_problem:
            problems.append(slot_problem)
        invalid = [spec.label for spec in self.config.fields if self.errors.get(spec.key)]
        if invalid:
            problems.append(self.tr("Check: %1").replace("%1", join_list(invalid)))
        if self.old is None and self.companion_rows:
            try:
                booking.validate_companions(self.config, self.companions())
            except RuleError as exc:
                problems.append(exc.message)
        if self.old is None and self.consent_missing():
            problems.append(self.tr("The consent checklist is not complete"))
        if self.troubles and not self.go_ahead.isChecked():
            problems.append(self.tr("Earlier trouble: tick “Go ahead” or refuse the booking"))
        return problems

    def _update_state(self) -> None:
        if not self._ready:
            return
        problems = self.problem_list()
        self.save_button.setEnabled(not problems)
        self.problems.setText("\n".join(problems))
        done = not self.consent_missing()
        self.consent_label.setText(self._consent_text())
        self.consent_label.setStyleSheet(f"color:{style.FREE_MARK};" if done else ERROR_STYLE)

    def typed_data(self) -> bool:
        """Something staff typed or chose here that closing would lose."""
        prefilled = self._old_values() if self.old is not None else self.prefill
        typed = any(self._text(k).strip() and self._text(k) != prefilled.get(k) for k in self.touched if k in self.editors)
        return typed or bool(self.note.text().strip() or self.companion_rows or (self.consent and self.old is None))

    def cancel(self) -> None:
        """Esc or Cancel: asks first when something typed would be lost.
        (``reject()`` itself does not ask: the desk's sign-out closes dialogs without a question.)"""
        if self.typed_data() and not confirm(
            self, self.windowTitle(), self.tr("Discard what you typed in this booking?"), self.tr("&Discard")
        ):
            return
        self.reject()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Enter saves when the booking is complete; otherwise it shows what is missing. Esc asks
        before throwing typed data away."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancel()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.save_button.isEnabled():
            self.save_tried = True
            for key in self.editors:
                self._validate(key)
            self._update_state()
            event.accept()
            return
        super().keyPressEvent(event)

    def save(self) -> None:
        self.save_tried = True
        for key in self.editors:
            self._validate(key)
        self._update_state()
        if not self.save_button.isEnabled():
            return
        start = self.selected_start()
        try:
            if self.old is not None:
                assert start is not None and self.rescheduled_from is not None
                question = self.tr("Move reservation #%1 to %2? The old reservation becomes “%3”.").replace(
                    "%1", str(self.rescheduled_from)).replace("%2", fmt_datetime(start)).replace(
                    "%3", status_label(Status.RESCHEDULED))
                if not confirm(self, self.windowTitle(), question, self.tr("Reschedule")):
                    return
                options = lifecycle.ActOptions(
                    note=self.note.text(),
                    city_fault=self.city_fault.isChecked(),
                    consent_items=list(self.consent) if self.consent else None,
                    terms_version=self.consent_version if self.consent else None,
                    acknowledge_trouble=self.trouble_acknowledged(),
                )
                self.reservation = lifecycle.reschedule(self.ctx, self.rescheduled_from, start, options)
                follow_up(self.ctx, "reschedule", self.reservation)  # the meeting moves along (issue 16)
            else:
                values = {key: self._text(key) for key in self.editors}
                request = BookingRequest(
                    office=self.office,
                    start=None if self.group_event is not None else start,
                    name=values.get("name", ""),
                    kana=values.get("kana", ""),
                    phone=values.get("phone", ""),
                    email=values.get("email", ""),
                    channel=str(self.channel_box.currentData() or ""),
                    answers={k: v for k, v in values.items() if k not in STANDARD_FIELDS and v},
                    consent_items=list(self.consent),
                    terms_version=self.consent_version,
                    companions=self.companions(),
                    event_id=self.group_event.id if self.group_event is not None else None,
                    note=self.note.text(),
                    minutes=self.session_minutes(),
                    acknowledge_trouble=self.trouble_acknowledged(),
                )
                self.reservation = booking.book(self.ctx, request)
                follow_up(self.ctx, "book", self.reservation)  # confirmed at once: its meeting (issue 16)
        except ConsultDeskError as exc:
            show_error(self, exc)
            return
        self.accept()

    def trouble_acknowledged(self) -> bool:
        """Staff ticked "Go ahead" for the earlier trouble shown (booking.book refuses without it)."""
        return bool(self.troubles) and self.go_ahead.isChecked()

    def refuse(self) -> None:
        """Staff refuse the booking because of the earlier trouble: recorded, nothing booked."""
        question = self.tr("Refuse this booking because of the earlier trouble? The decision is recorded.")
        if not confirm(self, self.windowTitle(), question, self.tr("Refuse")):
            return
        try:
            booking.record_trouble_refusal(self.ctx, self.office, self._text("name"), self._normalised("phone"),
                                           self.troubles)
        except ConsultDeskError as exc:
            show_error(self, exc)
            return
        self.refused = True
        self.reject()

