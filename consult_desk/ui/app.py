"""Starting the desk window: application object, translations, database, first start."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from consult_desk.context import Actor, Context
from consult_desk.errors import ConsultDeskError, set_language
from consult_desk.models import open_database
from consult_desk.models.db import classify_error
from consult_desk.models.schema import ensure_schema
from consult_desk.paths import resources_dir

ORG = "ConsultDesk"
APP = "Consult Desk"


def settings() -> QSettings:
    return QSettings(ORG, APP)


def ui_language() -> str:
    return str(settings().value("ui/language", "ja"))


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
    return app  # type: ignore[return-value]


def open_storage(target: str, demo: bool = False) -> list[str]:
    """Open (and create or migrate) the database; on a new database with ``demo``, load the sample."""
    open_database(target, create=True)
    try:
        done = ensure_schema(create=True)
    except ConsultDeskError:
        raise
    except Exception as exc:
        raise classify_error(exc, target) from exc
    from consult_desk.offices import list_offices

    if demo and not list_offices():
        from consult_desk.demo import load_demo

        load_demo()
    return done


def run_window(target: str, demo: bool = False, smoke_test: bool = False) -> int:
    app = application()
    install_translators(app, ui_language())
    try:
        open_storage(target, demo=demo)
    except ConsultDeskError as exc:
        QMessageBox.critical(None, APP, exc.message)
        return 2
    from consult_desk.ui.main_window import MainWindow

    actor = Actor("desk", "受付", "admin")
    if not smoke_test and not choose_offices_if_none(Context(actor=actor)):
        return 0
    window = MainWindow(Context(actor=actor), db_location=target)
    window.show()
    if smoke_test:
        return smoke_check(window)
    return app.exec()


def choose_offices_if_none(ctx: Context) -> bool:
    """First start on an empty database: the offices are chosen from the presets. False if cancelled."""
    from consult_desk.offices import list_offices
    from consult_desk.ui.first_start import OfficeSetupDialog

    if list_offices():
        return True
    return OfficeSetupDialog(ctx).exec() == OfficeSetupDialog.DialogCode.Accepted


def smoke_check(window) -> int:
    """For the installed bundle: the window shows, presets and translations load."""
    from consult_desk.presets import PRESET_IDS, load_preset

    for preset in PRESET_IDS:
        load_preset(preset)
    app = QApplication.instance()
    translated = app.translate("MainWindow", "Calendar") if app else "Calendar"
    ok = window.isVisible() and translated != "Calendar"
    print("smoke-test:", "ok" if ok else f"failed (window visible={window.isVisible()}, translation={translated!r})")
    window.close()
    return 0 if ok else 1
