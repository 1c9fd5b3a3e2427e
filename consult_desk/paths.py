"""Where resources and user data live (source tree, installed package or PyInstaller bundle)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ConsultDesk"
APP_AUTHOR = "ConsultDesk"


def resources_dir() -> Path:
    """The ``resources/`` folder: next to the package in a checkout, inside the bundle when frozen."""
    override = os.environ.get("CONSULT_DESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    """The embedded SQLite default: the OS's standard per-user data folder."""
    override = os.environ.get("CONSULT_DESK_DB")
    if override:
        return Path(override)
    return user_data_dir() / "consult_desk.sqlite3"


def backups_dir(db_path: Path) -> Path:
    """The automatic backups' folder beside the database (created 0700 by whoever writes into it)."""
    return db_path.parent / "backups"
