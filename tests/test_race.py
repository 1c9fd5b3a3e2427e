"""Two processes racing for the last seat: one booking, one clear "full" refusal (a constraint, not check-then-insert)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from consult_desk.cli import main

ARGS = [
    "book", "--office", "nishitokyo-childcare", "--start", "2027-01-20T10:00", "--field", "address=西東京市南町五丁目6番13号",
    "--field", "relationship=0歳から就学前までの児童の保護者", "--field", "child_age_band=1歳",
    "--field", "residence=西東京市在住", "--channel", "form", "--consent", "--today", "2027-01-04", "--json",
]


@pytest.mark.parametrize("round_", range(3))
def test_two_processes_take_the_last_seat_once(tmp_path, round_, capsys):
    db = str(tmp_path / "race.sqlite3")
    assert main(["--db", db, "init", "--preset", "nishitokyo-childcare", "--json"]) == 0
    capsys.readouterr()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "consult_desk", "--db", db, *ARGS, "--name", f"申込者 {i}", "--phone", f"090-1234-000{i}",
             "--email", f"user{i}@example.jp"],  # two people (one person holds one seat: issue 14 (6))
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for i in range(2)
    ]
    results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    winner = next(out for code, out, _ in results if code == 0)
    loser = next(err for code, _, err in results if code == 2)
    assert json.loads(winner)["status"] == "confirmed"
    assert loser.startswith("full") and "満席" in loser and "Traceback" not in loser
