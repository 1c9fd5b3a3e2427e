"""What a write changed, reported by the write itself.

A service that stores something says what it touched with :func:`touch`, inside its transaction
(``models.transaction()``). When the outermost transaction commits, the change counter in ``meta``
is bumped in that same transaction (other desks poll it) and, after the commit, every subscriber is
told which topics changed. A rolled-back transaction reports nothing and bumps nothing. Nobody bumps
the counter by hand.

The window has one hub that subscribes here (and also publishes :data:`ALL` when its poll notices
that another desk moved the counter); each view refreshes only for the topics it shows.

State is per thread: a worker thread's transaction reports on that thread, and the window's hub
moves the news to the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from enum import StrEnum


class Topic(StrEnum):
    RESERVATIONS = "reservations"  # reservations, their history, seats, consent, credentials
    CALLBACKS = "callbacks"  # phone callbacks and their attempts
    MAIL = "mail"  # the outbox
    OFFICES = "offices"  # office settings, closures, templates
    STAFF = "staff"  # staff accounts
    AUDIT = "audit"  # the audit log
    LOANS = "loans"  # equipment lent (002 4(1))


ALL: frozenset[Topic] = frozenset(Topic)

Listener = Callable[[frozenset[Topic]], None]

_local = threading.local()
_listeners: list[Listener] = []
_listeners_lock = threading.Lock()


def _stack() -> list[set[Topic]]:
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


def touch(*topics: Topic | str) -> None:
    """Record that the current write changed ``topics``. Outside a transaction the news is published
    at once (a write that is its own statement, e.g. an audit row appended in autocommit)."""
    stack = _stack()
    wanted = {Topic(t) for t in topics}
    if stack:
        stack[-1].update(wanted)
    elif wanted:
        _bump()
        publish(wanted)


def pending() -> frozenset[Topic]:
    """What the transaction in progress on this thread has touched so far (tests, debugging)."""
    stack = _stack()
    return frozenset().union(*stack) if stack else frozenset()


def depth() -> int:
    """How many transactions (``models.transaction()``) are open on this thread."""
    return len(_stack())


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call ``listener(topics)`` after each commit that changed something (on the committing thread).
    Returns a function that unsubscribes."""
    with _listeners_lock:
        _listeners.append(listener)

    def unsubscribe() -> None:
        with _listeners_lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return unsubscribe


def publish(topics: Iterable[Topic | str]) -> None:
    """Tell every subscriber that ``topics`` changed (after a commit, or when another desk's change
    was noticed). A failing listener does not stop the others."""
    news = frozenset(Topic(t) for t in topics)
    if not news:
        return
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(news)
        except Exception:  # a view's bug must not undo a stored action
            import logging

            logging.getLogger(__name__).exception("change listener failed")


# --- used by models.db.transaction() -------------------------------------------------------------


def begin() -> None:
    _stack().append(set())


def before_commit() -> None:
    """In the outermost transaction, just before it commits: bump the counter if anything changed.
    A nested transaction (savepoint) hands its topics to the enclosing one."""
    stack = _stack()
    if len(stack) == 1 and stack[0]:
        _bump()


def end(committed: bool) -> frozenset[Topic]:
    """Leave a transaction level; returns what the outermost level committed (to publish)."""
    stack = _stack()
    topics = stack.pop() if stack else set()
    if not committed:
        return frozenset()
    if stack:
        stack[-1].update(topics)
        return frozenset()
    return frozenset(topics)


def _bump() -> None:
    from consult_desk.models.schema import count_change

    count_change()
