"""Telling the desk that its database was upgraded on start: where the backup is, which schema it has now.

``ensure_schema()`` returns what it did (``"backup PATH"``, ``"migrated to schema N"``, ``"created schema N"``).
After an upgrade (new program over an older database) the window shows a non-modal message and a
status-bar line; a new or already current database shows nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

STATUS_TIMEOUT_MS = 60_000
_BACKUP = re.compile(r"^backup (?P<path>.+)$")
_MIGRATED = re.compile(r"^migrated to schema (?P<version>\d+)$")


@dataclass
class Upgrade:
    backups: list[str] = field(default_factory=list)
    versions: list[int] = field(default_factory=list)

    @property
    def happened(self) -> bool:
        return bool(self.versions)


def parse_steps(done: Sequence[str]) -> Upgrade:
    """The backups made and schema versions reached, from ``ensure_schema()``'s list."""
    upgrade = Upgrade()
    for step in done:
        if m := _BACKUP.match(step):
            upgrade.backups.append(m["path"])
        elif m := _MIGRATED.match(step):
            upgrade.versions.append(int(m["version"]))
    return upgrade


def notice_texts(upgrade: Upgrade) -> tuple[str, str]:
    """(headline, details) in the UI language."""
    translate = QCoreApplication.translate
    headline = translate("UpgradeNotice", "The database was upgraded to schema %1.")
    headline = headline.replace("%1", str(upgrade.versions[-1]))
    if upgrade.backups:
        details = translate("UpgradeNotice", "A copy of the database as it was before is kept in:")
        details += "\n" + "\n".join(upgrade.backups)
    else:
        details = translate("UpgradeNotice", "No file copy was made (server database): keep the server's own backups.")
    return headline, details


def show_upgrade_notice(window: QMainWindow, done: Sequence[str]) -> QMessageBox | None:
    """After a migration: a non-modal message over the window and a status-bar line. None otherwise."""
    upgrade = parse_steps(done)
    if not upgrade.happened:
        return None
    translate = QCoreApplication.translate
    headline, details = notice_texts(upgrade)
    title = translate("UpgradeNotice", "Database upgraded")
    box = QMessageBox(QMessageBox.Icon.Information, title, headline, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("upgrade_notice")
    box.setInformativeText(details)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    status = headline
    if upgrade.backups:
        status += " " + translate("UpgradeNotice", "Backup: %1").replace("%1", upgrade.backups[-1])
    window.statusBar().showMessage(status, STATUS_TIMEOUT_MS)
    return box
