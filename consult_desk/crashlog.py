"""Unexpected errors: the details go to a log file, the user gets one sentence saying where."""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path
from types import TracebackType

from consult_desk.clock import JST
from consult_desk.errors import language
from consult_desk.paths import user_data_dir


def log_path() -> Path:
    return user_data_dir() / "logs" / "consult-desk-errors.log"


def record(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path | None:
    """Append the traceback to the error log; None when even that is impossible."""
    path = log_path()
    try:
        from consult_desk.files import private_dir, private_opener

        private_dir(path.parent)
        with open(path, "a", encoding="utf-8", opener=private_opener) as fh:
            fh.write(f"--- {dt.datetime.now(JST).isoformat(timespec='seconds')}\n")
            fh.write("".join(traceback.format_exception(exc_type, exc, tb)))
    except OSError:
        return None
    return path


def sentence(exc: BaseException, logged: Path | None) -> str:
    where = str(logged) if logged else "-"
    if language() == "en":
        return f"An unexpected error occurred ({type(exc).__name__}). Nothing was half-saved. Details: {where}"
    return f"予期しないエラーが発生しました（{type(exc).__name__}）。途中まで保存されたものはありません。詳細：{where}"
