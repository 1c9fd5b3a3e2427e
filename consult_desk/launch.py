"""The program's entry point (``consult-desk``, ``python -m consult_desk``, the bundle's launcher).

Without a command the desk window opens; with one, the command line (:mod:`consult_desk.cli`) runs
as before. This module is light on purpose: for the window it imports neither the command line (its
parser and every service it drives) nor peewee, so the window's frame can paint before they are
imported (:func:`consult_desk.ui.shell.app.run_window`). Anything it does not recognise as the
window's own options (a command, ``--help``, a misspelt option) goes to the command line's parser.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

# The options the window takes (cli.build_parser's top level); True: the option takes a value.
WINDOW_OPTIONS = {"--db": True, "--lang": True, "--smoke-test": False, "--demo": False}
LANGS = ("ja", "en")


class WindowArgs:
    """The window's options (a plain class: importing dataclasses costs about 10 ms at start)."""

    def __init__(self, db: str | None = None, lang: str | None = None, smoke_test: bool = False,
                 demo: bool = False) -> None:
        self.db, self.lang, self.smoke_test, self.demo = db, lang, smoke_test, demo

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WindowArgs) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"WindowArgs({vars(self)})"


def window_args(argv: Sequence[str]) -> WindowArgs | None:
    """The window's options when ``argv`` names no command; None when the command line must read it."""
    values: dict[str, str] = {}
    items = list(argv)
    while items:
        item = items.pop(0)
        name, sep, value = item.partition("=")
        if name not in WINDOW_OPTIONS or (sep and not WINDOW_OPTIONS[name]):
            return None  # a command, --help, an unknown option: the command line's parser answers
        if WINDOW_OPTIONS[name]:
            if not sep:
                if not items:
                    return None  # `--db` without its value: the parser's message
                value = items.pop(0)
            if name == "--lang" and value not in LANGS:
                return None
            values[name] = value
        else:
            values[name] = "1"
    return WindowArgs(db=values.get("--db") or None, lang=values.get("--lang"),
                      smoke_test="--smoke-test" in values, demo="--demo" in values)


def main(argv: Sequence[str] | None = None) -> int:
    args = window_args(sys.argv[1:] if argv is None else argv)
    if args is None:
        from consult_desk.cli import main as command_line

        return command_line(argv)
    from consult_desk.errors import set_language
    from consult_desk.files import private_umask
    from consult_desk.paths import default_db_path

    private_umask()  # every file and folder this program makes is the user's only (issue 13)
    set_language(args.lang or os.environ.get("CONSULT_DESK_LANG", "ja"))
    target = args.db or str(default_db_path())
    from consult_desk.ui.shell.app import run_window

    return run_window(target, demo=args.demo, smoke_test=args.smoke_test)
