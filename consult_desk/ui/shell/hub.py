"""The window's one change hub: what changed, by topic, for every view.

The services report what a committed write touched (``consult_desk.changes``); the hub subscribes
there once and re-emits the topics on the GUI thread (a worker thread's commit is queued over, a
GUI-thread commit is delivered at once). The window's poll of the database's change counter
(``change_watcher.ChangeWatcher``, 2 s) publishes :data:`consult_desk.changes.ALL` on the same hub when
another desk moved the counter. Each view subscribes to the topics it shows and refreshes only for
those (:func:`on`); nothing else refreshes a view's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from consult_desk import changes
from consult_desk.changes import Topic


class ChangeHub(QObject):
    changed = Signal(object)  # frozenset[Topic], on the GUI thread
    local_commit = Signal()  # a commit of this process was delivered (the poll need not refresh for it)
    _arrived = Signal(object)  # from any thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Auto connection: direct when the commit ran on the GUI thread, queued from a worker thread.
        self._arrived.connect(self._deliver, Qt.ConnectionType.AutoConnection)
        self._unsubscribe = changes.subscribe(self._heard)

    def _heard(self, topics: frozenset[Topic]) -> None:
        """Called by ``consult_desk.changes`` on the committing thread: never touch a widget here."""
        self._arrived.emit(topics)

    @Slot(object)
    def _deliver(self, topics: frozenset[Topic]) -> None:
        self.changed.emit(frozenset(topics))
        self.local_commit.emit()

    def publish(self, topics: Iterable[Topic | str]) -> None:
        """News from outside this process (the poll: another desk changed something)."""
        news = frozenset(Topic(t) for t in topics)
        if news:
            self.changed.emit(news)

    def on(self, topics: Iterable[Topic | str], slot: Callable[[], object], owner: QObject) -> None:
        """Call ``slot()`` whenever one of ``topics`` changed, for as long as ``owner`` lives."""
        _Subscription(self, frozenset(Topic(t) for t in topics), slot, owner)

    def close(self) -> None:
        self._unsubscribe()


class _Subscription(QObject):
    """A child of the view: destroyed with it, which ends the subscription."""

    def __init__(self, hub: ChangeHub, topics: frozenset[Topic], slot: Callable[[], object], owner: QObject) -> None:
        super().__init__(owner)
        self.topics = topics
        self.slot = slot
        hub.changed.connect(self._changed)

    @Slot(object)
    def _changed(self, topics: frozenset[Topic]) -> None:
        if topics & self.topics:
            self.slot()


_HUB: ChangeHub | None = None


def hub() -> ChangeHub:
    """The process's one hub (made on first use, on the GUI thread)."""
    global _HUB
    if _HUB is None:
        _HUB = ChangeHub()
    return _HUB


def reset() -> None:
    """Drop the hub and every subscription to it (a new database in the same process: the tests)."""
    global _HUB
    if _HUB is not None:
        _HUB.close()
        _HUB.deleteLater()
        _HUB = None


def on(topics: Iterable[Topic | str], slot: Callable[[], object], owner: QObject) -> None:
    hub().on(topics, slot, owner)
