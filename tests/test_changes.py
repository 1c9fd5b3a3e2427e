"""The change report: a write says what it touched; the counter moves in the same transaction."""

from __future__ import annotations

import pytest

from consult_desk import changes
from consult_desk.changes import Topic
from consult_desk.models import transaction
from consult_desk.models.schema import change_count


def test_a_committed_write_bumps_once_and_publishes_after_commit(db):
    seen: list[frozenset[Topic]] = []
    unsubscribe = changes.subscribe(seen.append)
    try:
        before = change_count()
        with transaction():
            changes.touch(Topic.RESERVATIONS)
            with transaction():  # a nested level hands its topics to the outer one
                changes.touch(Topic.CALLBACKS)
            assert seen == []
        assert change_count() == before + 1
        assert seen == [frozenset({Topic.RESERVATIONS, Topic.CALLBACKS})]
    finally:
        unsubscribe()


def test_a_rolled_back_write_reports_nothing(db):
    seen: list[frozenset[Topic]] = []
    unsubscribe = changes.subscribe(seen.append)
    try:
        before = change_count()
        with pytest.raises(RuntimeError), transaction():
            changes.touch(Topic.MAIL)
            raise RuntimeError("refused")
        with transaction():
            pass  # touched nothing: no bump, no news
        assert change_count() == before and seen == []
    finally:
        unsubscribe()
