"""Importing form applications (issue 17): pick the CSV, see its encoding, map its columns once
(saved with the office), preview every row, then import and read the report.

The rules are the service's (:mod:`consult_desk.form_import`): the preview is a dry run of the very
import (rolled back), the import books each row in its own transaction, and a row already imported
is reported with its reservation, however often the file is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from consult_desk import form_import
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.offices import get_config
from consult_desk.ui.widgets.file_dialogs import open_file_name
from consult_desk.ui.widgets.format import fmt_datetime
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

Index = QModelIndex | QPersistentModelIndex
OUTCOME_COLORS = {"booked": "#c8e6c9", "refused": "#ffcdd2", "duplicate": "#e0e0e0"}
NONE = ""


class RowsModel(RowsTableModel[form_import.RowResult]):
    dry_run = True

    def headers(self) -> list[str]:
        return [self.tr("Row"), self.tr("Name"), self.tr("Desired time"), self.tr("Result")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [str(row.row), row.name, fmt_datetime(row.start) if row.start else "", row.text(self.dry_run)][column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 3:
            return QBrush(QColor(OUTCOME_COLORS.get(row.outcome, "#ffffff")))
        return None


def _summary(report: form_import.ImportReport) -> str:
    counts = {k: sum(1 for r in report.rows if r.outcome == k) for k in ("booked", "refused", "duplicate")}
    if report.dry_run:
        text = QCoreApplication.translate("ImportWizard", "Will be booked: %1, refused: %2, already imported: %3")
    else:
        text = QCoreApplication.translate("ImportWizard", "Booked: %1, refused: %2, already imported: %3")
    return text.replace("%1", str(counts["booked"])).replace("%2", str(counts["refused"])).replace(
        "%3", str(counts["duplicate"])
    )


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("The form's CSV file"))
        self.setSubTitle(self.tr("The answers exported from the electronic form (UTF-8 or Shift_JIS)."))
        self.path = QLineEdit(self)
        self.path.setObjectName("import_path")
        self.path.textChanged.connect(self._read)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("import_browse")
        browse.clicked.connect(self._browse)
        self.info = QLabel(self)
        self.info.setObjectName("import_file_info")
        self.info.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        label = QLabel(self.tr("&File:"), self)
        label.setBuddy(self.path)
        form.addRow(label, row)
        form.addRow(self.tr("Encoding:"), self.info)

    def _browse(self) -> None:
        name = open_file_name(self, self.tr("Form CSV"), "", self.tr("CSV files (*.csv);;All files (*)"))
        if name:
            self.path.setText(name)

    def _read(self) -> None:
        self.w.data = None
        text = self.path.text().strip()
        if text:
            try:
                self.w.data = form_import.read_file(Path(text))
            except ConsultDeskError as exc:
                self.info.setText(exc.message)
            else:
                data = self.w.data
                self.info.setText(
                    self.tr("%1 — %2 rows, %3 columns").replace("%1", data.encoding_label)
                    .replace("%2", str(len(data.rows))).replace("%3", str(len(data.headers)))
                )
        else:
            self.info.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt naming)
        return self.w.data is not None


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Which column holds what"))
        self.setSubTitle(self.tr("Map the form's columns to the office's fields once; the mapping is saved with the office."))
        self.saved = QComboBox(self)
        self.saved.setObjectName("import_saved_mapping")
        self.saved.activated.connect(self._load_saved)
        self.boxes: dict[str, QComboBox] = {}
        self.form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("import_mapping_name")
        self.save_box = QCheckBox(self.tr("&Save this mapping with the office"), self)
        self.save_box.setObjectName("import_save_mapping")
        self.save_box.setChecked(True)
        self.error = QLabel(self)
        self.error.setObjectName("import_mapping_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c")
        top = QFormLayout()
        top.addRow(self.tr("Saved &mapping:"), self.saved)
        bottom = QFormLayout()
        bottom.addRow(self.tr("Mapping &name:"), self.name)
        bottom.addRow(self.save_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addLayout(bottom)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        data = self.w.data
        assert data is not None
        config = get_config(self.w.office)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.boxes = {}
        for key, required in form_import.mapping_keys(config):
            box = QComboBox(self)
            box.setObjectName(f"import_column_{key}")
            box.addItem(self.tr("(none)"), NONE)
            for header in data.headers:
                box.addItem(header, header)
            label = form_import.key_label(config, key) + (" *" if required else "")
            self.form.addRow(label, box)
            self.boxes[key] = box
        self.saved.clear()
        self.saved.addItem(self.tr("(new mapping)"), NONE)
        for name in form_import.saved_mappings(self.w.office):
            self.saved.addItem(name, name)
        guess = self._best_saved(data)
        if guess:
            self.saved.setCurrentIndex(self.saved.findData(guess))
            self._load_saved()
        else:
            self._guess(config, data)
            self.name.setText(Path(data.name).stem[:40] or "form")

    def _best_saved(self, data: form_import.CsvData) -> str | None:
        """The saved mapping whose columns are all in this file (the same form exported again)."""
        for name, mapping in form_import.saved_mappings(self.w.office).items():
            if all(column in data.headers for column in mapping.values()):
                return name
        return None

    def _guess(self, config, data: form_import.CsvData) -> None:  # noqa: ANN001 (OfficeConfig)
        """A column named like the field (氏名, 電話番号...) is proposed; the shipped sample's names too."""
        sample: dict[str, str] = {}
        try:
            import json

            sample = json.loads(form_import.sample_mapping_path().read_text(encoding="utf-8"))["mapping"]
        except (OSError, ValueError, KeyError):
            pass
        for key, box in self.boxes.items():
            names = [form_import.key_label(config, key), sample.get(key, "")]
            for name in names:
                if name and name in data.headers:
                    box.setCurrentIndex(box.findData(name))
                    break

    def _load_saved(self) -> None:
        name = self.saved.currentData()
        if not name:
            return
        mapping = form_import.saved_mappings(self.w.office).get(name, {})
        for key, box in self.boxes.items():
            index = box.findData(mapping.get(key, NONE))
            box.setCurrentIndex(max(0, index))
        self.name.setText(name)

    def mapping(self) -> dict[str, str]:
        return {key: box.currentData() for key, box in self.boxes.items() if box.currentData()}

    def validatePage(self) -> bool:  # noqa: N802 (Qt naming)
        data = self.w.data
        assert data is not None
        try:
            mapping = form_import.validate_mapping(get_config(self.w.office), self.mapping())
            form_import.check_columns(data, mapping)
            if self.save_box.isChecked():
                form_import.save_mapping(self.w.ctx, self.w.office, self.name.text(), mapping)
        except ConsultDeskError as exc:
            self.error.setText(exc.message)
            return False
        self.error.setText("")
        self.w.mapping = mapping
        self.w.mapping_name = self.name.text().strip()
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Preview: what each row will give"))
        self.setSubTitle(self.tr("Nothing is stored yet. Each row is checked with the same rules as a booking at the desk, "
                                 "the deadline at the time the form was sent."))
        self.model = RowsModel(self)
        self.table = QTableView(self)
        setup_list_table(self.table, self.model, "import_preview_table", single=True)
        self.summary = QLabel(self)
        self.summary.setObjectName("import_preview_summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        assert self.w.data is not None
        try:
            report = form_import.run(self.w.ctx, self.w.office, self.w.data, self.w.mapping, self.w.mapping_name,
                                     dry_run=True)
        except ConsultDeskError as exc:
            self.model.set_rows([])
            self.summary.setText(exc.message)
            return
        self.model.dry_run = True
        self.model.set_rows(report.rows)
        self.table.resizeColumnsToContents()
        self.summary.setText(_summary(report))


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Import report"))
        self.model = RowsModel(self)
        self.model.dry_run = False
        self.table = QTableView(self)
        setup_list_table(self.table, self.model, "import_report_table", single=True)
        self.summary = QLabel(self)
        self.summary.setObjectName("import_report_summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        assert self.w.data is not None
        try:
            report = form_import.run(self.w.ctx, self.w.office, self.w.data, self.w.mapping, self.w.mapping_name)
        except ConsultDeskError as exc:
            self.summary.setText(exc.message)
            return
        self.w.report = report
        self.model.set_rows(report.rows)
        self.table.resizeColumnsToContents()
        self.summary.setText(_summary(report))


class ImportWizard(QWizard):
    """``exec()``; ``report`` holds the import's report once it ran (None if cancelled before)."""

    def __init__(self, ctx: Context, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import form applications"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.ctx = ctx
        self.office = office
        self.data: form_import.CsvData | None = None
        self.mapping: dict[str, str] = {}
        self.mapping_name = ""
        self.report: form_import.ImportReport | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.report_page = ReportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.report_page):
            self.addPage(page)
        self.resize(900, 620)
