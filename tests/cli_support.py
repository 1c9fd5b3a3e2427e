"""Driving the command line in-process, as administrators' scripts do: exit code, stdout JSON, stderr line."""

from __future__ import annotations

import json
import os
from unittest import mock

from consult_desk.cli import main


class Cli:
    def __init__(self, db_path, capsys):
        self.db = str(db_path)
        self.capsys = capsys

    def __call__(self, *argv: str, expect: int = 0, password: str | None = None, new_password: str | None = None):
        """Run ``consult-desk --db DB ARGV``; a refusal (exit 2) must be exactly one stderr line, returned.

        ``password`` is handed over as a script does, in CONSULT_DESK_PASSWORD (with ``--staff LOGIN`` in
        ARGV); ``new_password`` in CONSULT_DESK_NEW_PASSWORD (``staff add``, ``staff password``)."""
        env = {k: v for k, v in (("CONSULT_DESK_PASSWORD", password), ("CONSULT_DESK_NEW_PASSWORD", new_password)) if v}
        with mock.patch.dict(os.environ, env):
            for key in ("CONSULT_DESK_PASSWORD", "CONSULT_DESK_NEW_PASSWORD"):
                if key not in env:
                    os.environ.pop(key, None)
            code = main(["--db", self.db, *argv])
        out, err = self.capsys.readouterr()
        assert code == expect, f"exit {code}: {err}"
        if expect == 2:
            lines = err.strip().splitlines()
            assert len(lines) == 1, err
            return lines[0]
        return json.loads(out) if "--json" in argv and out.strip() else out
