"""The supervisor's and administrator's part of the main window: the review, reports and audit tabs
(only for roles that may use them; the services refuse anyway), the Administration menu (staff,
backup, restore, anonymisation, own password) and the start-of-day duties (automatic backup, the
retention proposal). MainWindow calls :func:`add_supervisor_views` and :func:`add_supervisor_menu`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk import backup, changes, retention
from consult_desk.errors import ConsultDeskError
from consult_desk.permissions import can
from consult_desk.ui.shell import hub
from consult_desk.ui.shell.ops import Op, Outcome, run_op
from consult_desk.ui.shell.settings import settings
from consult_desk.ui.widgets.file_dialogs import open_file_name, save_file_name
from consult_desk.ui.widgets.format import setup_date_edit
from consult_desk.ui.widgets.messages import confirm, show_error


class PurgeDialog(QDialog):
    """Anonymise old personal data: the count first, then the purge (000 第6条, 001 9, 002 8, 004 第6条)."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("purge_dialog")
        self.ctx = ctx
        self.result_plan: retention.PurgePlan | None = None
        self.setWindowTitle(self.tr("Anonymise old personal data"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Names, readings, phone numbers, e-mail addresses, addresses, job-seeker numbers and free-text "
                "answers of people whose every reservation is older than the cut-off are replaced. Reservations, "
                "statuses and history stay, so statistics do not change. This cannot be undone."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.by_retention = QRadioButton(self.tr("Past each office's &retention period"), self)
        self.by_date = QRadioButton(self.tr("Ended &before:"), self)
        group = QButtonGroup(self)
        group.addButton(self.by_retention)
        group.addButton(self.by_date)
        self.by_retention.setChecked(True)
        today = ctx.clock.today()
        self.date = QDateEdit(QDate(today.year - 1, today.month, 1), self)
        self.date.setObjectName("purge_before")
        self.date.setCalendarPopup(True)
        setup_date_edit(self.date)
        layout.addWidget(self.by_retention)
        layout.addWidget(self.by_date)
        layout.addWidget(self.date)
        self.count = QLabel(self)
        self.count.setObjectName("purge_count")
        self.count.setWordWrap(True)
        layout.addWidget(self.count)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Anonymise"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for signal in (self.by_retention.toggled, self.date.dateChanged):
            signal.connect(lambda *_a: self.update_count())
        self.update_count()
        self.setMinimumWidth(520)

    def before(self) -> dt.date | None:
        if self.by_retention.isChecked():
            return None
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    def update_count(self) -> Op[retention.PurgePlan]:
        """Count what the cut-off would anonymise, off the window's thread (the newest count wins)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        ctx, before = self.ctx, self.before()
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation

        def counted(plan: retention.PurgePlan) -> None:
            if generation != self._generation:
                return
            self.count.setText(
                self.tr("%1 reservations of %2 people will be anonymised.")
                .replace("%1", str(plan.reservations))
                .replace("%2", str(plan.applicants))
            )
            ok.setEnabled(plan.reservations > 0)

        def failed(exc: ConsultDeskError) -> None:
            if generation == self._generation:
                self.count.setText(exc.message)

        self.count_op = run_op(self, lambda: retention.plan(ctx, before=before), counted, failure=failed)
        return self.count_op

    def accept(self) -> None:
        """The purge runs off the window's thread; the dialog closes when it is done."""
        if getattr(self, "op", None) is not None and not self.op.finished:
            return
        self.buttons.setEnabled(False)
        ctx, before = self.ctx, self.before()

        def done(plan: retention.PurgePlan) -> None:
            self.result_plan = plan
            QDialog.accept(self)

        def failed(exc: ConsultDeskError) -> None:
            self.buttons.setEnabled(True)
            show_error(self, exc)

        self.op: Op[retention.PurgePlan] | None = run_op(
            self, lambda: retention.purge(ctx, before=before), done, failure=failed,
            label=self.tr("Anonymising old personal data"))


class SupervisorActions(QObject):
    """Holds the supervisor tabs and the Administration menu of one MainWindow."""

    restored = Signal()  # the database was replaced: the desk asks for a sign-in again

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx  # type: ignore[attr-defined]
        self.actions: dict[str, QAction] = {}

    # -------------------------------------------------------------- tabs and menu

    def add_views(self) -> None:
        """The tabs are built (their modules imported, their figures read) when first shown or asked
        for (``window.daily_review``, ``window.reports``, ``window.audit_view``)."""
        w = self.window
        if can(self.ctx, "review"):
            w.add_lazy_view("daily_review", self.tr("Daily review"), self._daily_review)  # type: ignore[attr-defined]
        if can(self.ctx, "report"):
            w.add_lazy_view("reports", self.tr("Reports"), self._reports)  # type: ignore[attr-defined]
        if can(self.ctx, "audit_view"):
            w.add_lazy_view("audit_view", self.tr("Audit log"), self._audit_view)  # type: ignore[attr-defined]

    def _daily_review(self) -> QWidget:
        from consult_desk.ui.supervisor.daily_review import DailyReviewView

        return DailyReviewView(self.ctx, self.window)

    def _reports(self) -> QWidget:
        from consult_desk.ui.supervisor.reports_view import ReportsView

        return ReportsView(self.ctx, self.window, office=self.window.office)  # type: ignore[attr-defined]

    def _audit_view(self) -> QWidget:
        from consult_desk.ui.supervisor.audit_view import AuditView

        return AuditView(self.ctx, self.window)

    def add_menu(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Administration"))
        menu.setObjectName("administration_menu")
        entries = [
            ("staff", self.tr("&Staff…"), "manage_staff", self.manage_staff),
            ("backup", self.tr("&Back up now…"), "backup", lambda: self.back_up()),
            ("restore", self.tr("&Restore from a backup…"), "restore", lambda: self.restore()),
            ("purge", self.tr("&Anonymise old personal data…"), "purge", self.purge),
            ("meetings", self.tr("&Meeting platform (Zoom, Teams)…"), "manage_offices", self.meeting_platform),
        ]
        for key, text, permission, slot in entries:
            if can(self.ctx, permission):
                action = QAction(text, self.window)
                action.triggered.connect(slot)
                menu.addAction(action)
                self.actions[key] = action
        if self.actions:
            menu.addSeparator()
        action = QAction(self.tr("&Change my password…"), self.window)
        action.triggered.connect(self.change_password)
        menu.addAction(action)
        self.actions["password"] = action

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    # -------------------------------------------------------------- actions

    def manage_staff(self) -> None:
        from consult_desk.ui.supervisor.staff_dialog import StaffDialog

        StaffDialog(self.ctx, self.window).exec()

    def meeting_platform(self) -> None:
        """The current office's meeting platform: Zoom or Teams creating the meetings (issue 16)."""
        from consult_desk.ui.supervisor.meetings_dialog import MeetingsDialog

        MeetingsDialog(self.ctx, self.window.office, self.window).exec()  # type: ignore[attr-defined]

    def change_password(self) -> None:
        from consult_desk.ui.supervisor.staff_dialog import OwnPasswordDialog

        if OwnPasswordDialog(self.ctx, self.window).exec() == QDialog.DialogCode.Accepted:
            self._status(self.tr("Password changed."))

    def back_up(self, path: Path | None = None) -> Op[backup.BackupInfo] | None:
        """The backup runs off the window's thread; ``op.result.path`` is the file once it is done."""
        if path is None:
            suggestion = f"consult_desk-{self.ctx.clock.today():%Y%m%d}.sqlite3"
            chosen = save_file_name(self.window, self.tr("Back up the database"), suggestion,
                                                    self.tr("Database backup (*.sqlite3)"))
            if not chosen:
                return None
            path = Path(chosen)
        ctx, dest = self.ctx, path

        def saved(info: backup.BackupInfo) -> None:
            self._status(self.tr("Backup saved: %1 (%2 reservations)").replace("%1", str(info.path))
                         .replace("%2", str(info.reservations)))

        return run_op(self.window, lambda: backup.backup_to(ctx, dest), saved,
                      failure=lambda exc: show_error(self.window, exc), label=self.tr("Backing up the database"))

    def restore(self, path: Path | None = None) -> Outcome[bool] | None:
        """Check the file, confirm, restore: the check and the restore run off the window's thread;
        ``op.result`` is True once the data was replaced (None when nothing was started)."""
        if path is None:
            try:
                start = str(backup.folder())
            except ConsultDeskError:
                start = ""
            chosen = open_file_name(self.window, self.tr("Restore from a backup"), start,
                                                    self.tr("Database backup (*.sqlite3);;All files (*)"))
            if not chosen:
                return False
            path = Path(chosen)
        source = path
        ctx = self.ctx
        outcome: Outcome[bool] = Outcome()
        finish = outcome.set

        def failed(exc: ConsultDeskError) -> None:
            show_error(self.window, exc)
            finish(False)

        def checked(info: backup.BackupInfo) -> None:
            if not self._confirm_restore(source, info):
                finish(False)
                return
            run_op(self.window, lambda: backup.restore(ctx, source), restored, failure=failed,
                   label=self.tr("Restoring from a backup"))

        def restored(result: backup.RestoreResult) -> None:
            self._status(self.tr("Restored from %1; the previous data is in %2.").replace("%1", str(source))
                         .replace("%2", str(result.safety_copy)))
            hub.hub().publish(changes.ALL)  # the whole database was replaced: every view reads again
            self.restored.emit()
            finish(True)

        run_op(self.window, lambda: backup.check_backup(source), checked, failure=failed)
        return outcome

    def _confirm_restore(self, path: Path, info: backup.BackupInfo) -> bool:
        text = self.tr(
            "Replace the data of every office with this backup?\n\n%1\n%2 reservations, schema %3.\n\n"
            "The current data is kept as a safety copy in the backups folder. Everyone signs in again afterwards."
        ).replace("%1", str(path)).replace("%2", str(info.reservations)).replace("%3", str(info.schema))
        return confirm(self.window, self.tr("Restore from a backup"), text, self.tr("&Restore"))

    def purge(self) -> None:
        dialog = PurgeDialog(self.ctx, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_plan is not None:
            self._status(self.tr("%1 reservations anonymised.").replace("%1", str(dialog.result_plan.reservations)))
            self._purge_meetings()

    def _purge_meetings(self) -> None:
        """The anonymised sessions' platform meetings are deleted in the background (issue 16)."""
        from consult_desk import meetings
        from consult_desk.ui.widgets.platform_calls import runner

        ctx = self.ctx

        def call() -> meetings.Outcome | None:
            outcomes = meetings.follow_purge(ctx)
            failed = [o for o in outcomes if not o.ok]
            return failed[0] if failed else (outcomes[-1] if outcomes else None)

        runner().run("purge", call)

    # -------------------------------------------------------------- start of the day

    def start_of_day(self, ask: bool = True) -> Op[Path | None]:
        """The daily automatic backup (off the window's thread), then (supervisors) the retention
        proposal, once a day."""
        ctx = self.ctx

        def then() -> None:
            try:
                retention.wipe_credentials(self.ctx)  # yesterday's passcodes are nobody's business (issue 13)
            except ConsultDeskError as exc:
                self._status(exc.message)
            if can(self.ctx, "audit_view"):
                self.check_audit_log()
            if ask and can(self.ctx, "purge"):
                self.propose_purge()

        def made(path: Path | None) -> None:
            if path is not None:
                self._status(self.tr("Daily backup saved: %1").replace("%1", str(path)))
            then()

        def failed(exc: ConsultDeskError) -> None:
            self._status(self.tr("The daily backup failed: %1").replace("%1", exc.message))
            then()

        return run_op(self.window, lambda: backup.daily_backup(ctx), made, failure=failed,
                      label=self.tr("Daily backup"))

    def check_audit_log(self):  # noqa: ANN201 (chain.Verification | None)
        """At start: the newest entries' hash chain and the triggers (issue 13). A break or missing triggers
        is said plainly in a message box; the administrator can open the audit view to reinstall them."""
        from consult_desk import audit

        try:
            result = audit.verify(self.ctx, tail=audit.RECENT_TAIL)
        except ConsultDeskError:
            return None
        self.last_audit_check = result
        problems = audit.problem_messages(result)
        if not problems:
            return result
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Audit log"), "\n\n".join(problems),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("audit_alert")
        if can(self.ctx, "audit_view"):
            show = box.addButton(self.tr("&Open the audit log"), QMessageBox.ButtonRole.ActionRole)
            show.clicked.connect(self._open_audit_view)
        box.open()  # window-modal, does not hold up the start
        self.audit_alert = box
        return result

    def _open_audit_view(self) -> None:
        view = getattr(self.window, "audit_view", None)
        if view is None:
            return
        tabs = getattr(self.window, "tabs", None)
        if tabs is not None and tabs.indexOf(view) >= 0:
            tabs.setCurrentWidget(view)
        view.verify()

    def propose_purge(self) -> Op[retention.PurgePlan] | None:
        """Personal data past the retention period: say how much (counted off the window's thread),
        offer the purge (asked once a day)."""
        key = f"retention/asked/{self.ctx.actor.login}"
        today = self.ctx.clock.today().isoformat()
        if str(settings().value(key, "")) == today:
            return None
        ctx = self.ctx

        def counted(plan: retention.PurgePlan) -> None:
            if plan.reservations == 0:
                return
            settings().setValue(key, today)
            text = self.tr(
                "%1 reservations of %2 people are past their office's retention period. Anonymise their personal "
                "data now? Statistics do not change."
            ).replace("%1", str(plan.reservations)).replace("%2", str(plan.applicants))
            answer = QMessageBox.question(self.window, self.tr("Retention period"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return
            run_op(self.window, lambda: retention.purge(ctx),
                   lambda done: self._status(self.tr("%1 reservations anonymised.").replace("%1", str(done.reservations))),
                   failure=lambda exc: show_error(self.window, exc), label=self.tr("Anonymising old personal data"))

        return run_op(self.window, lambda: retention.due(ctx), counted, failure=lambda _exc: None)


def add_supervisor_views(window: QMainWindow) -> None:
    window.supervisor = SupervisorActions(window)  # type: ignore[attr-defined]
    window.supervisor.add_views()  # type: ignore[attr-defined]


def add_supervisor_menu(window: QMainWindow) -> None:
    if not hasattr(window, "supervisor"):
        window.supervisor = SupervisorActions(window)  # type: ignore[attr-defined]
    window.supervisor.add_menu()  # type: ignore[attr-defined]
