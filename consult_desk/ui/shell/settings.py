"""The desk's stored preferences (QSettings): the one place every area reads them from.

A leaf module: it imports nothing of the window, so any area may import it without a circle.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORG = "ConsultDesk"
APP = "Consult Desk"


def settings() -> QSettings:
    return QSettings(ORG, APP)


def ui_language() -> str:
    return str(settings().value("ui/language", "ja"))
