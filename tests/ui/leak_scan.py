"""Find Japanese in an English window: walk every widget and every table's cells and headers.

:func:`texts` yields ``(where, text)`` for each text a person can see or hover: labels, buttons,
group boxes, tab titles, combo box items, line edits (text and placeholder), text views, menus and
actions, window titles, tool tips, the status bar, and every item view's header and cells
(DisplayRole and ToolTipRole). :func:`leaks` keeps those with Japanese characters, except in the
columns and fields that hold personal data or Japanese documents (:data:`PERSONAL_COLUMNS`,
:data:`PERSONAL_WIDGETS`): the applicant's own words are not the interface's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# Hiragana, katakana (and its phonetic extensions), CJK ideographs, the CJK punctuation (「」、。),
# and full-width forms (（）～): none of them belongs in an English sentence.
JAPANESE = re.compile(r"[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]")

# Table columns (by the English header title) whose cells are personal data or a Japanese document.
PERSONAL_COLUMNS = frozenset({
    "Name", "Applicant", "Reading", "Address", "Note", "Notes", "Memo", "Subject", "Body",
})
# Form rows (by the English label of the row) whose field shows personal data.
PERSONAL_ROWS = frozenset({"Name", "Full name", "Name in kana", "Address", "Companions", "Note", "Notes"})
# Widgets (by object name) that show personal data or a Japanese document: the applicant's own
# data in the booking form and the panel, the terms of use, an e-mail's body to the applicant.
PERSONAL_WIDGETS = frozenset({
    "panel_title", "detail_name", "terms_text", "mail_body", "mail_subject",
    "field_name", "field_kana", "field_address",  # and their placeholders: a Japanese name as example
    "smtp_from_name",  # the sender name applicants see on the office's mail (the office's Japanese name)
    "settings_language",  # each language named in its own words: 日本語, English
    "settings_era",  # "Show Japanese era years (令和9年1月13日)": the Japanese date style it turns on
})


def japanese(text: str) -> bool:
    return bool(JAPANESE.search(text or ""))


def _model_texts(model: QAbstractItemModel, where: str, parent: QModelIndex | None = None,
                 depth: int = 0) -> Iterator[tuple[str, str]]:
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model's columnCount is private in PySide6: one column
        columns = 1 if not parent.isValid() else 0
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    if depth == 0:
        for title in headers:
            yield f"{where} header", title
    for row in range(min(model.rowCount(parent), 400)):
        for column in range(columns):
            index = model.index(row, column, parent)
            title = headers[column] if column < len(headers) else str(column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    yield f"{where}[{row}, {title}]", value
            if depth < 3 and column == 0 and _children(model, index):
                yield from _model_texts(model, f"{where}>{row}", index, depth + 1)


def _document_texts(document: QTextDocument, where: str) -> Iterator[tuple[str, str]]:
    """A rich text's paragraphs; a table's cells named by their column's first-row title, like a model's."""
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is None:
            yield where, block.text()
        else:
            cell = table.cellAt(QTextCursor(block))
            head = table.cellAt(0, cell.column())
            title = document.toPlainText()[head.firstPosition():head.lastPosition()] if cell.row() else ""
            yield (f"{where}[{cell.row()}, {title}]" if cell.row() else f"{where} header"), block.text()
        block = block.next()


def _row_label(widget: QWidget) -> str | None:
    """The label of the form row ``widget`` is the field of, if any ("Reading", "Address")."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    forms = [layout] if isinstance(layout, QFormLayout) else []
    forms += [f for f in (parent.findChildren(QFormLayout) if parent is not None else [])]
    for form in forms:
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field is not None and field.widget() is widget and label is not None and label.widget() is not None:
                text = getattr(label.widget(), "text", lambda: "")()
                return text.replace("&", "").rstrip(": ")
    return None


def _in_combo(widget: QWidget) -> bool:
    """A combo box's pop-up list (its items are read from the combo box itself)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    try:
        return model.rowCount(index) > 0
    except TypeError:
        return False


def _name(widget: QWidget) -> str:
    name = f"{type(widget).__name__}#{widget.objectName()}" if widget.objectName() else type(widget).__name__
    row = _row_label(widget)
    return f"{name}<{row}>" if row else name


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Every visible or hoverable text under ``root`` (``root`` included)."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        where = _name(widget)
        if widget.isWindow():
            yield f"{where} title", widget.windowTitle()
        yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield where, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{where} placeholder", widget.placeholderText()
            yield where, widget.text()
        elif isinstance(widget, QTextEdit):
            yield from _document_texts(widget.document(), where)
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, QPlainTextEdit):
            yield where, widget.toPlainText()
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{where} item {i}", widget.itemText(i)
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{where} tab {i}", widget.tabText(i)
                yield f"{where} tab {i} tooltip", widget.tabToolTip(i)
        elif isinstance(widget, QMenu):
            yield where, widget.title()
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) \
                and not _in_combo(widget):
            model = widget.model()
            if model is not None:
                yield from _model_texts(model, where)
        if isinstance(widget, QMainWindow):
            yield f"{where} status", widget.statusBar().currentMessage()
        for action in widget.actions():
            yield f"{where} action", action.text()
            yield f"{where} action tooltip", action.toolTip()
            menu = action.menu()
            if menu is not None:
                yield from texts(menu)


def _personal(where: str, root: QWidget) -> bool:
    column = re.search(r"\[\d+, ([^\]]+)\]$", where)
    if column and column.group(1) in PERSONAL_COLUMNS:
        return True
    row = re.search(r"<([^>]+)>", where)
    if row and row.group(1) in PERSONAL_ROWS and "tooltip" not in where:
        return True
    name = re.search(r"#(\w+)", where)
    return bool(name and name.group(1) in PERSONAL_WIDGETS and "tooltip" not in where)


def personal_values() -> list[str]:
    """The applicants' names, readings and addresses in the database: a calendar cell or a list
    line shows them inside the interface's own words ("#16 清水 美咲 (checked in)"), and they
    are taken out of a text before it is checked. Longest first (a name inside a longer one)."""
    from consult_desk.models import Applicant

    values = {v for a in Applicant.select() for v in (a.name, a.kana, a.address) if v}
    return sorted(values, key=len, reverse=True)


def leaks(root: QWidget, personal: list[str] | None = None) -> list[str]:
    """``where: text`` for each text with Japanese outside the personal data (``personal``: values
    to take out of any text, see :func:`personal_values`)."""
    found = []
    seen = set()
    for where, text in texts(root):
        checked = text or ""
        for value in personal or ():
            checked = checked.replace(value, "")
        if japanese(checked) and not _personal(where, root) and (where, text) not in seen:
            seen.add((where, text))
            found.append(f"{where}: {text[:120]!r}")
    return found
