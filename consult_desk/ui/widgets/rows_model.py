"""A table model over a plain list of rows, with a header row of translated titles.

A subclass keeps only what is its own: ``headers()`` (translated with its own ``self.tr`` so the
strings stay in the subclass's translation context) and ``data()``. The number of columns is the
number of headers.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class RowsTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []
        self._columns: int | None = None

    def headers(self) -> list[str]:
        raise NotImplementedError

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row(self, index: Index) -> T:
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        if self._columns is None:  # the views ask often; the titles' number never changes
            self._columns = len(self.headers())
        return self._columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None


def setup_list_table(table: QTableView, model: QAbstractItemModel, name: str, single: bool = False) -> QTableView:
    """A read-only list: whole rows selected (one at a time with ``single``), no row numbers,
    columns as wide as their contents and the last one stretched."""
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
