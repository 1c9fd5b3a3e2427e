"""「会議を作成」 and 「会議を削除」 in a reservation's meeting details (issue 16).

Shown only where the office has a meeting platform (Zoom, Teams). The call runs off the UI thread
(:mod:`consult_desk.ui.widgets.platform_calls`); meanwhile the buttons are disabled and a line says
what is happening; the result (or why it failed: the details can still be typed in) comes back as
a sentence and the credentials are reloaded.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from consult_desk import credentials, meetings
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.meetings import settings as msettings
from consult_desk.permissions import can
from consult_desk.presets import OfficeConfig
from consult_desk.ui.widgets.platform_calls import reservation_key, runner

ERROR_STYLE = "color: #c62828;"


class MeetingButtons(QWidget):
    """``changed(reservation_id)`` once a platform call stored something."""

    changed = Signal(int)

    def __init__(self, ctx: Context, reservation_id: int, config: OfficeConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_buttons")
        self.ctx, self.reservation_id = ctx, reservation_id
        try:
            self.settings = msettings.of_office(config)
        except ConsultDeskError:
            self.settings = None
        label = self.settings.label if self.settings else ""
        self.create_button = QPushButton(self.tr("Create &meeting on %1").replace("%1", label), self)
        self.create_button.setObjectName("meeting_create")
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self.create)
        self.delete_button = QPushButton(self.tr("Delete meeting on %1").replace("%1", label), self)
        self.delete_button.setObjectName("meeting_delete")
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete)
        self.message = QLabel(self)
        self.message.setObjectName("meeting_message")
        self.message.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.create_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.message, 1)
        self.setVisible(self.settings is not None)
        runner().finished.connect(self._finished)

    @property
    def key(self) -> str:
        return reservation_key(self.reservation_id)

    def refresh(self, status: str) -> None:
        if self.settings is None:
            return
        row = credentials.current(self.reservation_id)
        has_platform = row is not None and bool(row.platform_id)
        busy = runner().busy(self.key)
        open_ = status in {s.value for s in credentials.EDITABLE} and can(self.ctx, "set_credentials")
        self.create_button.setVisible(not has_platform)
        self.delete_button.setVisible(has_platform)
        self.create_button.setEnabled(open_ and not busy)
        self.delete_button.setEnabled(open_ and not busy)
        if busy:
            self._say(self.tr("Talking to %1…").replace("%1", self.settings.label))
        elif not self.message.text():
            self._say(self.tr("Made by %1.").replace("%1", self.settings.label) if has_platform else "")

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _start(self, call) -> None:  # noqa: ANN001
        label = self.tr("Talking to %1").replace("%1", self.settings.label if self.settings else "")
        if runner().run(self.key, call, label=label):
            self.create_button.setEnabled(False)
            self.delete_button.setEnabled(False)
            self._say(self.tr("Talking to %1…").replace("%1", self.settings.label if self.settings else ""))

    def create(self) -> None:
        ctx, rid = self.ctx, self.reservation_id
        label = self.settings.label if self.settings else ""

        def call() -> meetings.Outcome:  # worker thread: no widget touched
            meetings.create_meeting(ctx, rid)
            return meetings.Outcome(True, meetings.MeetingError("meetings_created", platform=label).message)

        self._start(call)

    def delete(self) -> None:
        ctx, rid = self.ctx, self.reservation_id
        self._start(lambda: meetings.delete_meeting(ctx, rid))

    def _finished(self, key: str, ok: bool, message: str) -> None:
        if key != self.key:
            return
        try:
            self._say(message, error=not ok)
        except RuntimeError:  # the widget was closed meanwhile: the main window's status bar says it
            return
        self.changed.emit(self.reservation_id)
