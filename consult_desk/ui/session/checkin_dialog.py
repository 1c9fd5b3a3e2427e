"""Check-in: the connection test before the start (000 第5条(4)), face and name checked at entry
(000 第5条(5)), the companions as registered (003 5(1)①, 004 第10条(3)); then, optionally, start.

The service stores each check with the staff member and the time in the history. A failed test is
recorded too: the board then proposes 接続不良 (a phone callback) or a new test, never start.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from consult_desk import lifecycle, seed_rules
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, clause_text
from consult_desk.lifecycle import ActOptions
from consult_desk.offices import get_config
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import fmt_time_span, join_list, paren


class CheckInDialog(QDialog):
    """``CheckInDialog(ctx, reservation_id, parent)``; Accept stores the check-in (and the start when ticked)."""

    def __init__(self, ctx: Context, reservation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkin_dialog")
        self.ctx = ctx
        self.reservation_id = reservation_id
        res = lifecycle.get_reservation(reservation_id)
        config = get_config(res.office_id)
        self.companions = list(res.companions or [])
        self.setWindowTitle(self.tr("Check in — %1").replace("%1", res.applicant.name))

        head = QLabel(f"<b>{res.applicant.name}</b>  {fmt_time_span(res.start, res.end)}", self)

        test_box = QGroupBox(self.tr("Connection test before the start"), self)
        clause = config.clause("connection_test")
        if clause:
            test_box.setToolTip(clause_text(clause))
        self.test_ok = QRadioButton(self.tr("&Works (picture and sound)"), test_box)
        self.test_ok.setObjectName("test_ok")
        self.test_failed = QRadioButton(self.tr("F&ailed"), test_box)
        self.test_failed.setObjectName("test_failed")
        self.test_group = QButtonGroup(self)
        self.test_group.addButton(self.test_ok)
        self.test_group.addButton(self.test_failed)
        row = QHBoxLayout(test_box)
        row.addWidget(self.test_ok)
        row.addWidget(self.test_failed)
        row.addStretch(1)

        self.identity = QCheckBox(self.tr("&Face and name checked (camera and microphone on)"), self)
        self.identity.setObjectName("identity_checked")
        self.companions_box = QCheckBox(self)
        self.companions_box.setObjectName("companions_present")
        if self.companions:
            names = join_list(c["name"] + paren(c["relation"]) for c in self.companions)
            self.companions_box.setText(self.tr("Com&panions as registered: %1").replace("%1", names))
            self.companions_box.setChecked(True)
        else:
            self.companions_box.hide()
        self.start_now = QCheckBox(self.tr("&Start the session now"), self)
        self.start_now.setObjectName("start_now")
        self.note = QLineEdit(self)
        self.note.setObjectName("checkin_note")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        # 000 第5条(2): the details never went out: check-in only with the reason staff give (issue 12)
        self.reason_rule = seed_rules.reason_needed("check-in", res, config, ctx.clock.today())
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("checkin_reason_rule")
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet(f"color:{style.ERROR};")
        if self.reason_rule is not None:
            clause = paren(clause_text(self.reason_rule.clause)) if self.reason_rule.clause else ""
            self.reason_label.setText(self.reason_rule.message + clause)
            self.note.setPlaceholderText(self.tr("Reason (required)"))
            self.note.textChanged.connect(self._update)
        else:
            self.reason_label.hide()
        self.hint = QLabel(self)
        self.hint.setObjectName("checkin_hint")
        self.hint.setWordWrap(True)
        self.hint.setMinimumWidth(420)  # a wrapped hint never leaves 「い。」 alone on a line
        self.error = QLabel(self)
        self.error.setObjectName("checkin_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{style.ERROR};")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(self.tr("&Check in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("checkin_ok")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(test_box)
        layout.addWidget(self.identity)
        layout.addWidget(self.companions_box)
        layout.addWidget(self.start_now)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.note)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # The dialog grows with its hint instead of squeezing the connection test to an empty bar.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        test_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.test_box = test_box
        for widget in (self.test_ok, self.test_failed, self.identity):
            widget.toggled.connect(self._update)
        self._update()
        self.setMinimumWidth(max(480, self.sizeHint().width()))

    def checks(self) -> dict[str, object]:
        return {
            "connection_test": "ok" if self.test_ok.isChecked() else "failed",
            "identity_checked": self.identity.isChecked(),
            "companions_present": self.companions_box.isChecked() if self.companions else True,
        }

    def _update(self) -> None:
        tested = self.test_ok.isChecked() or self.test_failed.isChecked()
        failed = self.test_failed.isChecked()
        self.start_now.setEnabled(self.test_ok.isChecked() and self.identity.isChecked())
        if not self.start_now.isEnabled():
            self.start_now.setChecked(False)
        reason_ok = self.reason_rule is None or bool(self.note.text().strip())
        self.ok_button.setEnabled(tested and (failed or self.identity.isChecked()) and reason_ok)
        if failed:
            self.hint.setText(self.tr("The failed test is recorded. Test again, or switch to a phone callback (Connection failed)."))
        elif self.test_ok.isChecked() and not self.identity.isChecked():
            self.hint.setText(self.tr("Check the applicant's face and name before checking in."))
        else:
            self.hint.clear()
        self.hint.setVisible(bool(self.hint.text()))
        if self.layout() is not None:
            self.layout().activate()
            if self.height() < self.sizeHint().height():
                self.resize(self.width(), self.sizeHint().height())

    def save(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            lifecycle.act(self.ctx, self.reservation_id, "check-in", ActOptions(checks=self.checks(), note=self.note.text()))
        except ConsultDeskError as exc:
            self.error.setText(exc.message)
            return
        if self.start_now.isChecked():
            try:
                lifecycle.act(self.ctx, self.reservation_id, "start")
            except ConsultDeskError as exc:  # checked in all the same: the board shows it
                self.error.setText(exc.message)
                self.accept()
                return
        self.accept()
