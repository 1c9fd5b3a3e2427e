"""Sign-in at start, the first administrator on a new database, and the idle lock.

The lock follows the office's ``idle_lock_minutes``: an application-wide event filter notes every
key press, click and wheel turn; a QTimer compares the time since then with the limit. The clock
is injected (``now``), so tests drive it without waiting. When the desk locks, every window is
covered by an opaque sheet (no personal data left on screen, nothing typed is lost) until someone
signs in again; another staff member may sign in, and then the window is rebuilt for their role.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from consult_desk import auth
from consult_desk.clock import Clock, SystemClock
from consult_desk.context import Actor, Context
from consult_desk.errors import ConsultDeskError
from consult_desk.ui.shell.settings import settings
from consult_desk.ui.widgets.messages import message_label, ok_cancel
from consult_desk.ui.widgets.password_fields import check_repeated, password_pair

DEFAULT_IDLE_MINUTES = 10


def _demo_hint() -> str:
    """The demo database's accounts (README): shown on its sign-in dialog only."""
    if not auth.demo_accounts_present():
        return ""
    return "\n".join(f"{login} / {password}" for login, _n, _r, password in auth.DEMO_ACCOUNTS)


class SignInDialog(QDialog):
    """Login and password; the service checks them (argon2id) and audits the attempt."""

    def __init__(
        self,
        clock: Clock | None = None,
        locked_for: Actor | None = None,
        parent: QWidget | None = None,
        reason: str = "idle",
        check: Callable[[str, str, Clock], Actor] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_dialog")
        self.clock = clock or SystemClock()
        # who checks the password: the service (default), or connecting to the server as that login role
        # before anything is open (PostgreSQL, issue 13)
        self.check = check or auth.sign_in
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Locked") if locked_for and reason != "sign_out" else self.tr("Sign in"))
        layout = QVBoxLayout(self)
        if locked_for:
            texts = {
                "idle": self.tr("The desk was locked after a time without use. %1 or another staff member may sign in."),
                "lock": self.tr("The desk is locked. %1 or another staff member may sign in."),
                "sign_out": self.tr("%1 has signed out. Sign in with your staff login."),
            }
            intro = QLabel(texts.get(reason, texts["idle"]).replace("%1", locked_for.name or locked_for.login))
        else:
            intro = QLabel(self.tr("Sign in with your staff login."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        # Never prefilled: whoever sits down types their own login (a supervisor taking over the desk
        # is not recorded as a failed sign-in of the clerk before them).
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)
        self.message = message_label(self)
        layout.addWidget(self.message)
        hint = _demo_hint() if check is None else ""
        if hint:
            demo = QLabel(self.tr("Demo accounts (login / password): %1").replace("%1", "\n" + hint), self)
            demo.setObjectName("demo_hint")
            layout.addWidget(demo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit") if locked_for else self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.login.setFocus()
        self.setMinimumWidth(420)
        self.adjustSize()

    def accept(self) -> None:
        try:
            self.actor = self.check(self.login.text(), self.password.text(), self.clock)
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        super().accept()


class FirstAdminDialog(QDialog):
    """A new database has no staff: the first account is the administrator's."""

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_admin_dialog")
        self.clock = clock or SystemClock()
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database has no staff accounts yet. Create the administrator's account; the "
                "administrator then adds the other staff (Administration > Staff)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.login = QLineEdit("admin", self)
        self.login.setObjectName("login")
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.password, self.repeat = password_pair(self)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.repeat)
        layout.addLayout(form)
        hint = QLabel(self.tr("At least %1 characters.").replace("%1", str(auth.MIN_PASSWORD)), self)
        layout.addWidget(hint)
        self.message = message_label(self)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))
        self.name.setFocus()
        self.setMinimumWidth(460)
        self.adjustSize()

    def accept(self) -> None:
        try:
            check_repeated(self.password, self.repeat)
            self.actor = auth.create_first_admin(self.login.text(), self.name.text(), self.password.text(), self.clock)
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
            return
        super().accept()


def sign_in_at_start(clock: Clock | None = None, parent: QWidget | None = None) -> Actor | None:
    """The first administrator on a new database, else the sign-in dialog; None if cancelled."""
    dialog: FirstAdminDialog | SignInDialog
    dialog = FirstAdminDialog(clock, parent) if auth.needs_first_admin() else SignInDialog(clock, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


class IdleLock(QObject):
    """Emits ``locked`` once the desk has had no key press, click or wheel turn for ``minutes``."""

    locked = Signal()
    INPUT_EVENTS = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.TabletPress,
        }
    )

    def __init__(
        self,
        minutes: float,
        parent: QObject | None = None,
        now: Callable[[], float] = time.monotonic,
        interval_ms: int = 5000,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.minutes = float(minutes)
        self.last_input = now()
        self.paused = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.last_input = self.now()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() in self.INPUT_EVENTS and not self.paused:
            self.last_input = self.now()
        return False

    def idle_seconds(self) -> float:
        return self.now() - self.last_input

    def check(self) -> None:
        if not self.paused and self.minutes > 0 and self.idle_seconds() >= self.minutes * 60:
            self.paused = True
            self.locked.emit()

    def resume(self) -> None:
        self.last_input = self.now()
        self.paused = False


class DeskSession(QObject):
    """Who is signed in at this desk: the window, its idle lock, and signing in again after a lock."""

    def __init__(
        self,
        ctx: Context,
        window: QMainWindow,
        make_window: Callable[[Context], QMainWindow],
        now: Callable[[], float] = time.monotonic,
        ask: Callable[[Actor], Actor | None] | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.window = window
        self.make_window = make_window
        self.ask = ask or self._ask
        self.lock = IdleLock(self.idle_minutes(), self, now=now)
        self.lock.locked.connect(self.lock_now)
        self._watch_office()
        self._connect_window()
        self.lock.start()

    def idle_minutes(self) -> float:
        """The office's idle lock time (``idle_lock_minutes``); 10 minutes when it has none; shorter if
        this desk's settings say so (File → Settings, ``ui/idle_lock_minutes``)."""
        from consult_desk.offices import get_config

        office_minutes = float(DEFAULT_IDLE_MINUTES)
        office = getattr(self.window, "office", "")
        if office:
            try:
                office_minutes = float(get_config(office).get("idle_lock_minutes") or DEFAULT_IDLE_MINUTES)
            except ConsultDeskError:
                pass
        try:
            desk = float(settings().value("ui/idle_lock_minutes", 0) or 0)
        except (TypeError, ValueError):
            desk = 0.0
        return min(desk, office_minutes) if desk > 0 else office_minutes

    def settings_changed(self) -> None:
        self.lock.minutes = self.idle_minutes()

    def _watch_office(self) -> None:
        box = getattr(self.window, "office_box", None)
        if box is not None:
            box.currentIndexChanged.connect(lambda _i: setattr(self.lock, "minutes", self.idle_minutes()))

    def _ask(self, actor: Actor, reason: str = "idle") -> Actor | None:
        dialog = SignInDialog(self.ctx.clock, locked_for=actor, reason=reason)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _connect_window(self) -> None:
        """File → Lock (Ctrl+L) and File → Sign out of the window this session holds."""
        for signal, slot in (("lock_requested", self.lock_by_hand), ("sign_out_requested", self.sign_out),
                             ("settings_changed", self.settings_changed)):
            if hasattr(self.window, signal):
                getattr(self.window, signal).connect(slot)

    def lock_by_hand(self) -> None:
        self.lock_now(reason="lock")

    def sign_out(self) -> None:
        """File → Sign out: the window stays (covered), whatever this person had open closes unsaved,
        and the next person signs in (the window is rebuilt for them, even for the same person)."""
        self.lock_now(reason="sign_out")

    def lock_now(self, reason: str = "idle") -> None:
        """Cover every window (nothing personal left on screen, typed input kept), ask for a sign-in;
        the same person gets everything back as it was, another one a new window for their role.
        ``reason``: "idle" (the idle lock), "lock" (Ctrl+L) or "sign_out"."""
        self.lock.paused = True
        try:
            if reason == "sign_out":
                auth.sign_out(self.ctx)
            else:
                auth.record_lock(self.ctx)
        except ConsultDeskError:
            pass  # the database is unavailable: locking must still happen
        if reason == "sign_out":
            self._close_others(keep=self.window)
        covers = [LockCover(w) for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        actor = self.ask(self.ctx.actor, reason) if reason != "idle" else self.ask(self.ctx.actor)
        for cover in covers:
            cover.remove()
        if actor is None:
            self._close_others(keep=None)
            self.window.close()
            QApplication.quit()
            return
        if actor != self.ctx.actor or reason == "sign_out":
            # Another person: what the previous one left open (dialogs, panels) closes unsaved.
            self.ctx = Context(actor=actor, clock=self.ctx.clock)
            old = self.window
            self.window = self.make_window(self.ctx)
            self._close_others(keep=self.window)
            old.close()
            old.deleteLater()
            self._watch_office()
            self._connect_window()
        self.lock.minutes = self.idle_minutes()
        self.window.show()
        self.lock.resume()

    @staticmethod
    def _close_others(keep: QWidget | None) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is keep or not widget.isVisible() or isinstance(widget, QMainWindow):
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()


class LockCover(QWidget):
    """An opaque sheet over a window's whole area while the desk is locked: the window itself, and a
    dialog the clerk was typing in, stay as they were underneath."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), palette.color(palette.ColorRole.Window).darker(115))
        self.setPalette(palette)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def remove(self) -> None:
        self.hide()
        self.deleteLater()
