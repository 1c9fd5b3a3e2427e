"""Preview a message to the applicant, then send it (worker thread), save it as .eml or copy it.

The preview masks passcodes, room keys and passwords until the clerk reveals them (audited);
the message actually sent, saved or copied carries them. Sending never blocks the window: the
SMTP conversation runs in :mod:`consult_desk.ui.mail.mail_worker` and the outcome comes back as a
signal; a failure is shown here and in the outbox, and can be tried again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk import credentials, mail, templates
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.lifecycle import get_reservation
from consult_desk.offices import get_config
from consult_desk.states import Status
from consult_desk.ui.mail.mail_worker import MailSender, sender
from consult_desk.ui.widgets.file_dialogs import save_file_name
from consult_desk.ui.widgets.screen_fit import WrappedLabel, fit_to_screen

ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


def fitting_templates(status: str, offer_flow: bool) -> list[str]:
    """The messages that fit a reservation in ``status`` (the dialog offers only these)."""
    names = []
    for name, statuses in templates.TEMPLATE_STATUSES.items():
        if Status(status) in statuses and (name != "offered" or offer_flow):
            names.append(name)
    return names


class MailPreviewDialog(QDialog):
    """``MailPreviewDialog(ctx, reservation_id, template=None)``; ``changed`` after something was stored."""

    changed = Signal(int)

    def __init__(
        self,
        ctx: Context,
        reservation_id: int,
        template: str | None = None,
        parent: QWidget | None = None,
        mail_sender: MailSender | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mail_preview_dialog")
        self.setWindowTitle(self.tr("E-mail to the applicant"))
        self.ctx = ctx
        self.reservation_id = reservation_id
        self.mail_sender = mail_sender or sender()
        self.revealed = False
        self.outbox_id: int | None = None
        self.rendered: templates.RenderedMail | None = None
        res = get_reservation(reservation_id)
        self.office = res.office_id
        self.config = get_config(res.office_id)
        self.status = res.status

        self.template_box = QComboBox(self)
        self.template_box.setObjectName("mail_template")
        for name in fitting_templates(res.status, bool(self.config.get("offer_flow"))):
            self.template_box.addItem(templates.template_label(name), name)
        if template is not None and self.template_box.findData(template) >= 0:
            self.template_box.setCurrentIndex(self.template_box.findData(template))
        self.template_box.currentIndexChanged.connect(self._template_changed)

        self.to_label = QLabel(self)
        self.to_label.setObjectName("mail_to")
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("mail_subject")
        self.subject_edit.setReadOnly(True)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setObjectName("mail_body")
        self.body_edit.setReadOnly(True)
        self.body_edit.setMinimumSize(480, 160)  # the laptop at 150 %: the body scrolls

        form = QFormLayout()
        template_label = QLabel(self.tr("&Message:"), self)
        template_label.setBuddy(self.template_box)
        form.addRow(template_label, self.template_box)
        form.addRow(self.tr("To:"), self.to_label)
        form.addRow(self.tr("Subject:"), self.subject_edit)

        self.reveal_button = QPushButton(self.tr("Re&veal passcode / key"), self)
        self.reveal_button.setObjectName("mail_reveal")
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.clicked.connect(self.reveal)
        self.mark_box = QCheckBox(self)
        self.mark_box.setObjectName("mail_mark_done")
        self.mark_box.setChecked(True)
        self.status_label = WrappedLabel("", self)
        self.status_label.setObjectName("mail_status")

        self.send_button = QPushButton(self.tr("&Send"), self)
        self.send_button.setObjectName("mail_send")
        self.send_button.clicked.connect(self.send)
        self.eml_button = QPushButton(self.tr("Save as .&eml…"), self)
        self.eml_button.setObjectName("mail_save_eml")
        self.eml_button.setAutoDefault(False)
        self.eml_button.clicked.connect(self._ask_and_save)
        self.copy_button = QPushButton(self.tr("&Copy to clipboard"), self)
        self.copy_button.setObjectName("mail_copy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.eml_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.mark_box)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        self.mail_sender.finished.connect(self._finished)
        self.send_blocked = self._send_blocked_reason()
        self.render_preview()
        fit_to_screen(self, QSize(640, 600))

    # -------------------------------------------------------------- state

    @property
    def template(self) -> str:
        return str(self.template_box.currentData() or "")

    def _send_blocked_reason(self) -> str:
        if not self.config.get("may_send_mail", True):
            return self.tr("This office does not send mail from the desk PC: save it as .eml or copy it.")
        if not mail.smtp_settings(self.office).configured:
            return self.tr("No SMTP settings for this office yet (Outbox tab, SMTP settings): save it as .eml or copy it.")
        return ""

    def _say(self, text: str, style: str = "") -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(text)

    def _template_changed(self) -> None:
        self.outbox_id = None
        self.render_preview()

    def render_preview(self) -> None:
        """Show the message as it will go out; secrets masked unless revealed."""
        self.rendered = None
        ok = bool(self.template)
        if ok:
            try:
                self.rendered = templates.render(self.reservation_id, self.template, self.ctx.clock.today(), self.revealed)
            except ConsultDeskError as exc:
                ok = False
                self.subject_edit.clear()
                self.body_edit.clear()
                self._say(exc.message, ERROR_STYLE)
        else:
            self._say(self.tr("No message fits this reservation now."), ERROR_STYLE)
        if self.rendered is not None:
            self.to_label.setText(f"{self.rendered.to_name} <{self.rendered.to_addr}>")
            self.subject_edit.setText(self.rendered.subject)
            self.body_edit.setPlainText(self.rendered.body)
            self._say(self.send_blocked)
        self._update_mark_box()
        has_secret = any(credentials.summary(self.reservation_id).values.get(f) for f in credentials.SECRET_FIELDS)
        self.reveal_button.setVisible(has_secret and not self.revealed)
        self.send_button.setEnabled(ok and not self.send_blocked)
        self.eml_button.setEnabled(ok)
        self.copy_button.setEnabled(ok)

    def reveal(self) -> None:
        """Show the passcode / room key / password in the preview; written to the audit log first."""
        try:
            credentials.reveal(self.ctx, self.reservation_id)
        except ConsultDeskError as exc:
            self._say(exc.message, ERROR_STYLE)
            return
        self.revealed = True
        self.render_preview()

    # -------------------------------------------------------------- sending, saving, copying

    def send(self) -> None:
        """Queue the message (or take the failed one again) and hand it to the worker."""
        try:
            if self.outbox_id is None or mail.get_outbox(self.outbox_id).state == "sent":
                self.outbox_id = mail.queue(self.ctx, self.reservation_id, self.template).id
            self.mail_sender.send(self.ctx, self.outbox_id)
        except ConsultDeskError as exc:
            self._say(exc.message, ERROR_STYLE)
            self.changed.emit(self.reservation_id)
            return
        self.send_button.setEnabled(False)
        self.template_box.setEnabled(False)
        self._say(self.tr("Sending…"))
        self.changed.emit(self.reservation_id)

    def _finished(self, outbox_id: int, error: str) -> None:
        if outbox_id != self.outbox_id:
            return
        self.template_box.setEnabled(True)
        if error:
            self._say(self.tr("Not sent: %1 (you can try again)").replace("%1", error), ERROR_STYLE)
            self.send_button.setText(self.tr("Try &again"))
            self.send_button.setEnabled(True)
        else:
            self._say(self.tr("Sent to %1.").replace("%1", self.rendered.to_addr if self.rendered else ""), OK_STYLE)
            self.send_button.setText(self.tr("&Send"))
            self.send_button.setEnabled(False)
        self._refresh_status()
        self.changed.emit(self.reservation_id)

    def _refresh_status(self) -> None:
        self.status = get_reservation(self.reservation_id).status
        self._update_mark_box()

    def _update_mark_box(self) -> None:
        """Offered only while saving or copying would be the step itself (confirmed -> details sent...)."""
        step = mail.STATUS_ACTIONS.get(self.template)
        moves = step is not None and self.status == step[0].value
        self.mark_box.setVisible(moves)
        if moves and self.template == "details":
            self.mark_box.setText(self.tr("After saving or copying, mark the meeting details as sent"))
        elif moves:
            self.mark_box.setText(self.tr("After saving or copying, mark the time as offered"))

    def ask_eml_path(self) -> Path | None:
        default = f"{self.reservation_id}-{self.template}.eml"
        path = save_file_name(self, self.tr("Save as .eml"), default, self.tr("E-mail (*.eml)"))
        return Path(path) if path else None

    def _ask_and_save(self) -> None:
        path = self.ask_eml_path()
        if path is not None:
            self.save_eml(path)

    def save_eml(self, path: Path) -> None:
        try:
            mail.save_eml(self.ctx, self.reservation_id, self.template, path, mark_done=self._mark_done())
        except (ConsultDeskError, OSError) as exc:
            self._say(getattr(exc, "message", None) or str(exc), ERROR_STYLE)
            return
        self._say(self.tr("Saved as %1.").replace("%1", str(path)), OK_STYLE)
        self._refresh_status()
        self.changed.emit(self.reservation_id)

    def copy(self) -> None:
        try:
            text, _row = mail.copy_text(self.ctx, self.reservation_id, self.template, mark_done=self._mark_done())
        except ConsultDeskError as exc:
            self._say(exc.message, ERROR_STYLE)
            return
        QGuiApplication.clipboard().setText(text)
        self._say(self.tr("Copied: paste it into the mail program."), OK_STYLE)
        self._refresh_status()
        self.changed.emit(self.reservation_id)

    def _mark_done(self) -> bool:
        return not self.mark_box.isHidden() and self.mark_box.isChecked()

    def done(self, result: int) -> None:  # noqa: D401 (Qt naming)
        try:
            self.mail_sender.finished.disconnect(self._finished)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
