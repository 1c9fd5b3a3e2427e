"""Edit an office's mail wording (administrator): subject on line 1, empty line 2, body from line 3.

The edited text is kept with the office in the database (every desk sharing it uses it);
"Back to the shipped text" removes the office's copy. Placeholders are listed beside the text;
an unknown one is refused when saving, with the rule's message.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk import templates
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.ui.widgets.screen_fit import fit_to_screen

ERROR_STYLE = "color: #c62828;"


class TemplateEditorDialog(QDialog):
    def __init__(self, ctx: Context, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_editor_dialog")
        self.setWindowTitle(self.tr("Mail templates"))
        self.ctx = ctx
        self.office = office
        self.template_box = QComboBox(self)
        self.template_box.setObjectName("template_name")
        for name in templates.TEMPLATE_NAMES:
            self.template_box.addItem(templates.template_label(name), name)
        self.template_box.currentIndexChanged.connect(self.load)
        self.origin_label = QLabel(self)
        self.origin_label.setObjectName("template_origin")
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("template_text")
        self.text_edit.setMinimumSize(420, 200)  # the laptop at 150 %: the text scrolls
        self.placeholders = QListWidget(self)
        self.placeholders.setObjectName("template_placeholders")
        for key, meaning in templates.PLACEHOLDERS.items():
            self.placeholders.addItem(f"${{{key}}}  {meaning}")
        self.placeholders.itemDoubleClicked.connect(
            lambda item: self.text_edit.insertPlainText(item.text().split()[0])
        )
        self.message = QLabel(self)
        self.message.setObjectName("template_message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("template_save")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(self.tr("&Back to the shipped text"), self)
        self.reset_button.setObjectName("template_reset")
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.accept)

        top = QHBoxLayout()
        name_label = QLabel(self.tr("&Message:"), self)
        name_label.setBuddy(self.template_box)
        top.addWidget(name_label)
        top.addWidget(self.template_box, 1)
        top.addWidget(self.origin_label)
        middle = QHBoxLayout()
        middle.addWidget(self.text_edit, 3)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Placeholders (double-click to insert):"), self))
        side.addWidget(self.placeholders)
        middle.addLayout(side, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Line 1: subject. Line 2: empty. From line 3: the body."), self))
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.load()
        fit_to_screen(self, QSize(860, 620))

    @property
    def name(self) -> str:
        return str(self.template_box.currentData())

    def load(self) -> None:
        source = templates.source(self.office, self.name)
        self.text_edit.setPlainText(source.text)
        self.origin_label.setText(
            {
                "office": self.tr("This office's own text"),
                "shipped": self.tr("Shipped text for this office"),
                "default": self.tr("Shipped standard text"),
            }[source.origin]
        )
        self.reset_button.setEnabled(source.origin == "office")
        self.message.clear()

    def save(self) -> None:
        try:
            templates.save(self.ctx, self.office, self.name, self.text_edit.toPlainText())
        except ConsultDeskError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message)
            return
        self.load()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved."))

    def reset(self) -> None:
        try:
            templates.reset(self.ctx, self.office, self.name)
        except ConsultDeskError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message)
            return
        self.load()
