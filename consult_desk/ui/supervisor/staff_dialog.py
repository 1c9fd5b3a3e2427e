"""The administrator manages staff: add, change name, role or office, reset a password, deactivate.
Every change goes through consult_desk.auth (admin only, never leaves no administrator, audited)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import auth
from consult_desk.context import ROLES, Context
from consult_desk.errors import ConsultDeskError
from consult_desk.offices import display_name, list_offices
from consult_desk.permissions import role_label
from consult_desk.ui.widgets.messages import message_label, ok_cancel
from consult_desk.ui.widgets.password_fields import check_repeated, password_pair
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

Index = QModelIndex | QPersistentModelIndex


class StaffModel(RowsTableModel[auth.StaffInfo]):
    def headers(self) -> list[str]:
        return [self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("Office"), self.tr("State")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.row(index)
        if role == Qt.ItemDataRole.DisplayRole:
            state = self.tr("active") if s.active else self.tr("inactive")
            return [s.login, s.name, role_label(s.role), s.office or "", state][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not s.active:
            return QColor("#888888")
        return None


class StaffEditDialog(QDialog):
    """A new account (login, name, role, office, password twice) or an existing one (name, role, office)."""

    def __init__(self, ctx: Context, existing: auth.StaffInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.existing = existing
        self.setWindowTitle(self.tr("Edit staff member") if existing else self.tr("New staff member"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.login = QLineEdit(existing.login if existing else "", self)
        self.login.setObjectName("login")
        self.login.setReadOnly(existing is not None)
        self.name = QLineEdit(existing.name if existing else "", self)
        self.name.setObjectName("name")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData(existing.role if existing else "reception")))
        self.office = QComboBox(self)
        self.office.setObjectName("office")
        self.office.addItem(self.tr("(all offices)"), "")
        for office in list_offices():
            self.office.addItem(display_name(office), office.code)
        self.office.setCurrentIndex(max(0, self.office.findData(existing.office or "" if existing else "")))
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Office:"), self.office)
        self.password, self.repeat = password_pair(self)
        if existing is None:
            form.addRow(self.tr("&Password:"), self.password)
            form.addRow(self.tr("R&epeat password:"), self.repeat)
        else:  # not laid out: hidden, never floating over the login field
            self.password.hide()
            self.repeat.hide()
        layout.addLayout(form)
        self.message = message_label(self)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        office = str(self.office.currentData() or "") or None
        try:
            if self.existing is None:
                check_repeated(self.password, self.repeat)
                auth.create_staff(self.ctx, self.login.text(), self.name.text(), str(self.role.currentData()),
                                  self.password.text(), office)
            else:
                auth.update_staff(self.ctx, self.existing.login, display_name=self.name.text(),
                                  role=str(self.role.currentData()), office=office)
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
            return
        super().accept()


class PasswordDialog(QDialog):
    """The administrator sets a new password for someone (told to them in person)."""

    def __init__(self, ctx: Context, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.login = login
        self.setWindowTitle(self.tr("New password for %1").replace("%1", login))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.password, self.repeat = password_pair(self)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("R&epeat password:"), self.repeat)
        layout.addLayout(form)
        self.message = message_label(self, wrap=False)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        try:
            check_repeated(self.password, self.repeat)
            auth.set_password(self.ctx, self.login, self.password.text())
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
            return
        super().accept()


class StaffDialog(QDialog):
    """Administration > Staff: the list, and buttons for each change."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff_dialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Staff"))
        layout = QVBoxLayout(self)
        self.model = StaffModel(self)
        self.table = QTableView(self)
        setup_list_table(self.table, self.model, "staff_table", single=True)
        self.table.activated.connect(lambda _i: self.edit())
        layout.addWidget(self.table)
        self.message = message_label(self)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.clicked.connect(lambda: self.edit())
        self.password_button = QPushButton(self.tr("Set &password…"), self)
        self.password_button.clicked.connect(lambda: self.reset_password())
        self.active_button = QPushButton(self.tr("&Deactivate / activate"), self)
        self.active_button.clicked.connect(self.toggle_active)
        for b in (self.add_button, self.edit_button, self.password_button, self.active_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(720, 420)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.set_rows(auth.list_staff(self.ctx))
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
            self.model.set_rows([])
        if self.model.rows:
            self.table.selectRow(0)

    def selected(self) -> auth.StaffInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def add(self, dialog: StaffEditDialog | None = None) -> bool:
        dialog = dialog or StaffEditDialog(self.ctx, parent=self)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        self.refresh()
        return ok

    def edit(self, dialog: StaffEditDialog | None = None) -> bool:
        current = self.selected()
        if current is None:
            return False
        dialog = dialog or StaffEditDialog(self.ctx, current, self)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        self.refresh()
        return ok

    def reset_password(self, dialog: PasswordDialog | None = None) -> bool:
        current = self.selected()
        if current is None:
            return False
        dialog = dialog or PasswordDialog(self.ctx, current.login, self)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def toggle_active(self) -> None:
        current = self.selected()
        if current is None:
            return
        try:
            auth.update_staff(self.ctx, current.login, active=not current.active)
            self.message.setText("")
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
        self.refresh()


class OwnPasswordDialog(QDialog):
    """Anyone changes their own password, giving the current one first."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change my password"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current = QLineEdit(self)
        self.current.setObjectName("current")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.password, self.repeat = password_pair(self)
        form.addRow(self.tr("&Current password:"), self.current)
        form.addRow(self.tr("&New password:"), self.password)
        form.addRow(self.tr("R&epeat password:"), self.repeat)
        layout.addLayout(form)
        self.message = message_label(self, wrap=False)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        try:
            check_repeated(self.password, self.repeat)
            auth.change_own_password(self.ctx, self.current.text(), self.password.text())
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
            return
        super().accept()
