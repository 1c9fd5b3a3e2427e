"""Starting the desk window: application object, translations, database, first start.

The window starts in two turns of the event loop (issue 18). :func:`run_window` shows the main
window's frame (its title, inactive menus, tabs, the Today board's column headers over 「読み込み中…」,
the status bar; nothing in it acts) before peewee and the services are imported. As soon as the frame
has painted, the next turn (:class:`WindowStart`) imports them, opens the database, signs the person in
(the dialogs come over the frame), and fills the window: the board, the panel, the due list, the menus.
A failure in that turn (a damaged or locked file, a refused server) is a message box, then the desk
closes. The smoke test builds the whole window at once, as before.
"""

from __future__ import annotations

import sqlite3
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from consult_desk.errors import ConsultDeskError, set_language
from consult_desk.paths import resources_dir
from consult_desk.ui.shell.settings import APP, ORG, ui_language

if TYPE_CHECKING:
    from consult_desk.context import Actor, Context
    from consult_desk.ui.shell.main_window import MainWindow

FILL_LATEST_MS = 300  # a frame that does not paint (a start minimised) is filled all the same


def smoke_actor() -> Actor:
    from consult_desk.context import Actor

    return Actor("smoke-test", "動作確認", "admin")


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Japanese by default from resources/i18n/*_ja.qm (one file per area); English is the source language."""
    set_language(lang)
    installed = []
    if lang == "ja":
        for qm in sorted((resources_dir() / "i18n").glob("*_ja.qm")):
            ours = QTranslator(app)
            if ours.load(str(qm)):
                app.installTranslator(ours)
                installed.append(ours)
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Japanese), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    return installed


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setDesktopFileName("consult-desk")  # matches installer/linux/consult-desk.desktop
    icon = resources_dir() / "icons" / "consult-desk.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def open_storage(target: str, demo: bool = False) -> list[str]:
    """Open (and create or migrate) the database; on a new database with ``demo``, load the sample."""
    from consult_desk.models import open_database
    from consult_desk.models.db import check_writable, classify_error
    from consult_desk.models.schema import ensure_schema

    open_database(target, create=True)
    try:
        done = ensure_schema(create=True)
    except ConsultDeskError:
        raise
    except Exception as exc:
        raise classify_error(exc, target) from exc
    check_writable(target)  # a read-only file is refused now, not at the clerk's first booking
    from consult_desk.offices import list_offices

    if demo and not list_offices():
        from consult_desk.demo import load_demo

        load_demo()
    return done


def server_sign_in(target: str, demo: bool = False) -> tuple[Actor, list[str]] | None:
    """Sign in to a PostgreSQL server as one's own login role before anything is open; None if cancelled."""
    from consult_desk import audit, auth
    from consult_desk.clock import Clock
    from consult_desk.context import Context
    from consult_desk.models import transaction
    from consult_desk.models.db import with_login
    from consult_desk.ui.shell.sign_in_dialog import SignInDialog

    opened: list[list[str]] = []

    def connect(login: str, password: str, clock: Clock) -> Actor:
        key = auth.normalise_login(login)
        opened.append(open_storage(with_login(target, key, password), demo=demo))
        actor = auth.connected_actor(key)
        with transaction():
            audit.record(Context(actor, clock), "sign_in", actor.login, detail="server")
        return actor

    dialog = SignInDialog(check=connect)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    return dialog.actor, opened[-1]


def run_window(target: str, demo: bool = False, smoke_test: bool = False) -> int:
    app = application()
    install_translators(app, ui_language())
    if smoke_test:
        return smoke_start(target, demo)
    install_excepthook()
    from consult_desk.ui.shell import bench_hook
    from consult_desk.ui.shell.main_window import MainWindow

    window = MainWindow.frame(target)  # painted before the services are imported
    start = WindowStart(app, window, target, demo)
    if bench_hook.active():
        bench_hook.watch(app, window)  # reports the frame's first paint and the filled window's
    window.show()
    code = app.exec()
    if start.session is None:  # the desk never opened (cancelled, refused) or the bench's run
        return code
    start.session.lock.stop()
    from consult_desk.ui.mail.mail_worker import finish_pending_sends

    finish_pending_sends()
    from consult_desk.ui.widgets.platform_calls import runner

    runner().wait(30_000)  # a meeting being created or deleted finishes and is stored (issue 16)
    from consult_desk.ui.shell import ops

    ops.wait_all()  # a backup or an export under way finishes before the process ends
    return code


class WindowStart(QObject):
    """The start's second turn: once the frame has painted (or after :data:`FILL_LATEST_MS` if it does
    not paint), import the services, open the database, sign in and fill the window."""

    def __init__(self, app: QApplication, window: MainWindow, target: str, demo: bool) -> None:
        super().__init__(window)
        self.app, self.window, self.target, self.demo = app, window, target, demo
        self.begun = False
        self.session = None  # DeskSession once the window is filled (not in the bench's run)
        window.installEventFilter(self)
        QTimer.singleShot(FILL_LATEST_MS, self, self.begin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.window and event.type() == QEvent.Type.Paint and not self.begun:
            QTimer.singleShot(0, self, self.begin)  # the next turn: after this paint has completed
        return False

    def begin(self) -> None:
        if self.begun:
            return
        self.begun = True
        self.window.removeEventFilter(self)
        try:
            code = self.fill()
        except Exception as exc:  # a damaged or locked file, a server gone, a bug: a sentence, not a traceback
            QMessageBox.critical(self.window, APP, error_text(exc, exc.__traceback__, self.target))
            code = 2
        if code is not None:
            from PySide6.QtCore import Qt

            self.window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
            self.window.hide()  # not close(): a frame half filled saves no window state
            self.window.deleteLater()
            self.app.exit(code)

    def fill(self) -> int | None:
        """Everything after the frame; an exit code when the desk does not open (cancelled: 0)."""
        from consult_desk.context import Context
        from consult_desk.ui.shell import bench_hook

        actor: Actor | None = None
        try:
            done = open_storage(self.target, demo=self.demo)
        except ConsultDeskError as exc:
            if exc.code != "sign_in_failed":
                raise
            # PostgreSQL with login roles: the desk's settings hold no password; the staff member signs in
            # and the desk connects as their own login role (issue 13)
            signed = server_sign_in(self.target, self.demo)
            if signed is None:
                return 0
            actor, done = signed
        if actor is not None:
            pass  # signed in already, to the server
        elif bench_hook.active():
            actor = bench_hook.actor()  # bench/run.py opens the window without anyone signing in
        else:
            from consult_desk.ui.shell.sign_in_dialog import sign_in_at_start

            actor = sign_in_at_start()  # the first administrator on a new database, else the sign-in
            if actor is None:
                return 0
        if not choose_offices_if_none(Context(actor=actor)):
            return 0
        self.window.fill(Context(actor=actor))
        from consult_desk.ui.shell.upgrade_notice import show_upgrade_notice

        show_upgrade_notice(self.window, done)  # after an upgrade: where the backup is, which schema
        if bench_hook.active():
            bench_hook.filled(self.window)
        else:
            self.session = start_session(self.window, self.target)  # held while the application runs
        return None


def smoke_start(target: str, demo: bool = False) -> int:
    """The bundle's check: the whole window at once, no sign-in, no event loop; see :func:`smoke_check`."""
    try:
        done = open_storage(target, demo=demo)
    except ConsultDeskError as exc:  # unattended: no modal box that nobody will close
        print("smoke-test: failed:", exc.one_line(), file=sys.stderr)
        return 2
    install_excepthook()
    from consult_desk.context import Context
    from consult_desk.ui.shell.main_window import MainWindow
    from consult_desk.ui.shell.upgrade_notice import show_upgrade_notice

    window = MainWindow(Context(actor=smoke_actor()), db_location=target)
    window.show()
    show_upgrade_notice(window, done)  # after an upgrade: where the backup is, which schema
    return smoke_check(window)


def error_text(exc: BaseException, tb: TracebackType | None, target: str = "") -> str:
    """The sentence for a failure: a rule or a storage problem says its own; anything else is written to
    the error log and the sentence says where."""
    if isinstance(exc, ConsultDeskError):
        return exc.message
    pw = sys.modules.get("peewee")  # a peewee error means peewee was imported: no import for the check
    if isinstance(exc, sqlite3.DatabaseError) or (pw is not None and isinstance(exc, pw.DatabaseError | pw.InterfaceError)):
        from consult_desk.models.db import classify_error

        return classify_error(exc, target).message
    from consult_desk import crashlog

    return crashlog.sentence(exc, crashlog.record(type(exc), exc, tb))


def install_excepthook() -> None:
    """A fault inside the window (a slot that raised) becomes a message box, not a silent traceback.

    Known failures (a rule, a locked or damaged database) show their own sentence; anything else is
    written to the error log and the message says where. The window keeps running.
    """

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        QMessageBox.critical(QApplication.activeWindow(), APP, error_text(exc, tb))

    sys.excepthook = hook


def start_session(window, target: str):  # noqa: ANN001, ANN201 (MainWindow, DeskSession: Qt types)
    """Idle lock and signing in again; the daily backup and the retention proposal of the day."""
    from consult_desk.ui.shell.main_window import MainWindow
    from consult_desk.ui.shell.sign_in_dialog import DeskSession

    def make_window(ctx: Context) -> MainWindow:
        new = MainWindow(ctx, db_location=target)
        _connect_restore(new, session)
        new.show()
        new.start_outbox_sender(delay_ms=1_000)
        return new

    session = DeskSession(window.ctx, window, make_window)
    _connect_restore(window, session)
    # what is due in the outbox goes out (issue 17), off the UI thread; after the first paint
    window.start_outbox_sender(delay_ms=1_000)
    supervisor = getattr(window, "supervisor", None)
    if supervisor is not None:
        # After the first paint: the daily backup and the retention count take a moment on a big file.
        QTimer.singleShot(0, supervisor.start_of_day)
    return session


def _connect_restore(window, session) -> None:  # noqa: ANN001
    """After a restore the accounts may differ: the desk locks and asks for a sign-in."""
    supervisor = getattr(window, "supervisor", None)
    if supervisor is not None:
        supervisor.restored.connect(session.lock_now)


def choose_offices_if_none(ctx: Context) -> bool:
    """First start on an empty database: the offices are chosen from the presets. False if cancelled."""
    from consult_desk.offices import list_offices
    from consult_desk.ui.shell.first_start import OfficeSetupDialog

    if list_offices():
        return True
    return OfficeSetupDialog(ctx).exec() == OfficeSetupDialog.DialogCode.Accepted


SMOKE_MODULES = (  # imported by name or inside functions: the bundle must still hold them
    "consult_desk.demo",
    "consult_desk.search",
    "consult_desk.ui.shell.upgrade_notice",
    "playhouse.db_url",
    "playhouse.migrate",
    "jpholiday",
    "icalendar",
    "keyring",
    "platformdirs",
    "tzdata",  # zoneinfo reads Asia/Tokyo from it where the OS has no tz database (Windows)
)


def smoke_check(window) -> int:
    """For the installed bundle: the window shows, presets with their terms and the Japanese translations
    (ours and Qt's) load, modules imported lazily are there, the database is at the current schema.
    Prints ``smoke-test: ok`` or ``smoke-test: failed: ...`` (every problem) and returns 0 or 1."""
    import importlib
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from consult_desk.models.schema import SCHEMA_VERSION, stored_version
    from consult_desk.presets import PRESET_IDS, load_preset

    problems = []
    if not window.isVisible():
        problems.append("window not visible")
    for preset in PRESET_IDS:
        try:
            load_preset(preset)
        except Exception as exc:  # report every missing resource, not only the first
            problems.append(f"preset {preset}: {exc}")
    app = QApplication.instance()
    qms = sorted((resources_dir() / "i18n").glob("*_ja.qm"))
    if not qms:
        problems.append(f"no *_ja.qm in {resources_dir() / 'i18n'}")
    for qm in qms:
        probe = QTranslator()
        if not probe.load(str(qm)) or probe.isEmpty():
            problems.append(f"translation {qm.name} does not load")
    if ui_language() != "ja":  # the check is about the bundle, not this user's language choice
        install_translators(app, "ja")
    if app.translate("UpgradeNotice", "Database upgraded") == "Database upgraded":  # installer_ja.qm
        problems.append("Japanese translations not installed")
    if app.translate("QPlatformTheme", "Cancel") == "Cancel":
        problems.append("Qt's Japanese translation (qtbase_ja.qm) not loaded")
    for module in SMOKE_MODULES:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            problems.append(f"module {module}: {exc}")
    try:
        ZoneInfo("Asia/Tokyo")
    except (ZoneInfoNotFoundError, ValueError) as exc:
        problems.append(f"time zone Asia/Tokyo: {exc}")
    version = stored_version()
    if version != SCHEMA_VERSION:
        problems.append(f"database schema {version}, expected {SCHEMA_VERSION}")
    print("smoke-test: ok" if not problems else "smoke-test: failed: " + "; ".join(problems), flush=True)
    window.close()
    return 0 if not problems else 1
