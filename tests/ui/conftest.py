"""Fixtures for the window tests: remembered settings cleared, the UI language, a private mail worker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool, QTranslator

from consult_desk.errors import set_language
from consult_desk.ui.mail.mail_worker import MailSender
from consult_desk.ui.shell import hub, wiring
from consult_desk.ui.shell.app import install_translators
from consult_desk.ui.shell.settings import settings
from consult_desk.ui.widgets.format import set_era


@pytest.fixture(autouse=True, scope="session")
def openers_installed():
    """The shell's opener table filled the way the main window fills it (shell/wiring.py)."""
    wiring.install()


@pytest.fixture(autouse=True)
def fresh_change_hub():
    """Each test's views hear only that test's changes (the hub is one per process)."""
    yield
    hub.reset()


@pytest.fixture
def clean_settings():
    """Each window test starts with no remembered geometry, tab, office or language."""
    settings().clear()
    set_era(False)
    yield settings()
    settings().clear()
    set_era(False)


@pytest.fixture
def japanese(qapp):
    """The Japanese translations loaded for the test (the desk's default), removed afterwards."""
    installed = install_translators(qapp, "ja")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp):
    """English, the source language: any translator an earlier test left installed is set aside meanwhile."""
    left = qapp.findChildren(QTranslator)
    for translator in left:
        qapp.removeTranslator(translator)
    set_language("en")
    yield
    for translator in left:
        qapp.installTranslator(translator)


@pytest.fixture
def worker(qtbot):
    """A mail sender on its own thread pool, drained at the end of the test."""
    pool = QThreadPool()
    sender = MailSender(pool=pool)
    yield sender
    pool.waitForDone(10_000)
