"""Crash safety: a desk process killed with SIGKILL in the middle of a stream of bookings and
transitions, many times over. After every kill the database passes SQLite's integrity_check,
every reservation has its history and consent, statuses match their newest history entry, seat
claims match statuses, and the change counter counts exactly the history written (no half-written
action). The killed stream is then resumed on the same database by a new process.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from consult_desk.models import History, Reservation, open_database
from consult_desk.models.check import problems
from consult_desk.models.schema import change_count
from consult_desk.offices import create_office

CHILD = Path(__file__).with_name("crash_child.py")


def run_and_kill(target: str, seed: int, run_for: float) -> list[str]:
    """Start the stream, let it run ``run_for`` seconds after it is ready, SIGKILL it.
    Returns the actions it reported as stored."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), target, str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        ready = proc.stdout.readline().strip()
        assert ready == "ready", ready + proc.stderr.read()
        try:
            code = proc.wait(timeout=run_for)  # the stream never ends by itself
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        else:
            pytest.fail(f"the stream stopped by itself (exit {code}): {proc.stderr.read()}")
        assert proc.returncode == -signal.SIGKILL
        return proc.stdout.read().splitlines()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def crash_loop(any_db, ctx, rounds: int, seed: int) -> None:
    target = any_db.target
    for office in ("hellowork-kawagoe", "nishitokyo-childcare"):
        create_office(ctx, office)
    baseline = change_count()  # office set-up bumps the counter without history
    any_db.close()
    rng = random.Random(seed)
    stored = 0
    for round_ in range(rounds):
        stored += len(run_and_kill(target, seed * 1000 + round_, rng.uniform(0.05, 0.6)))
        database = open_database(target, create=False)
        try:
            assert problems() == [], f"round {round_}"
            # One stored action = one history entry (two for a reschedule that books the new slot)
            # and one counter bump, in one transaction: equal counts mean nothing half-written.
            linked = (
                History.select().join(Reservation)
                .where(History.action == "book", Reservation.rescheduled_from.is_null(False)).count()
            )
            assert change_count() - baseline == History.select().count() - linked, f"round {round_}"
        finally:
            database.close()
    open_database(target, create=False)
    assert Reservation.select().count() > 0
    assert stored >= rounds  # the streams did work between the kills


def test_killed_mid_stream_leaves_a_consistent_database(any_db, ctx):
    crash_loop(any_db, ctx, rounds=4, seed=1)


@pytest.mark.slow
def test_killed_mid_stream_many_times(any_db, ctx):
    crash_loop(any_db, ctx, rounds=16, seed=2)
