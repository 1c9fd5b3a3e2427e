"""Driving the command line in-process, as administrators' scripts do: exit code, stdout JSON, stderr line."""

from __future__ import annotations

import json

from consult_desk.cli import main


class Cli:
    def __init__(self, db_path, capsys):
        self.db = str(db_path)
        self.capsys = capsys

    def __call__(self, *argv: str, expect: int = 0):
        """Run ``consult-desk --db DB ARGV``; a refusal (exit 2) must be exactly one stderr line, returned."""
        code = main(["--db", self.db, *argv])
        out, err = self.capsys.readouterr()
        assert code == expect, f"exit {code}: {err}"
        if expect == 2:
            lines = err.strip().splitlines()
            assert len(lines) == 1, err
            return lines[0]
        return json.loads(out) if "--json" in argv and out.strip() else out
