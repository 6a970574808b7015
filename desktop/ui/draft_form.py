"""The form a drafting template asks for, generated from its fields.

line → QLineEdit, text → QPlainTextEdit, choice → QComboBox, date → a
checkable QDateEdit (Japanese date format; the 令和 date it sends is shown
beside it), document → a text box that also takes a dropped or opened file
(.docx .txt .md .pdf), showing the file's name and its length.

Files are read on a worker thread (``DocumentLoader``), so a large PDF never
freezes the window; the result comes back by signal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.templates import Field, Template, japanese_date
from desktop.ui.document_loader import DocumentLoader
from desktop.ui.file_dialogs import open_file_name

DOCUMENT_SUFFIXES = (".docx", ".txt", ".md", ".pdf")


def local_document_paths(mime) -> list[str]:
    """Local files of a kind Fumi reads, from a drag's mime data."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in DOCUMENT_SUFFIXES]


class _DroppableTextEdit(QPlainTextEdit):
    """A plain text box where a dropped document file becomes ``file_dropped`` instead of its URL text."""

    file_dropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("takesFileDrops", True)  # the window leaves dropped documents to this field

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if local_document_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if local_document_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = local_document_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.file_dropped.emit(paths[0])
        else:
            super().dropEvent(event)


class DocumentField(QWidget):
    """Text that can be pasted, or read from a dropped or opened file.

    ``open_path(path)`` reads the file in the background; ``source_label``
    shows "name.docx・12,345字" (or just the length for pasted text).
    """

    failed = Signal(str)  # a message for the user

    def __init__(self, item: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = item
        self.editor = _DroppableTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("Paste the text here, drop a file, or use Open…"))
        self.editor.setMinimumHeight(110)
        self.open_button = QPushButton(self.tr("Open…"), self)
        self.open_button.setToolTip(self.tr("Read a .docx, .txt, .md or .pdf file into this field"))
        self.source_label = QLabel(self)
        self.source_label.setObjectName("fieldHint")
        self._file_name = ""
        self._loader = DocumentLoader(self)
        self._loader.loaded.connect(self._on_loaded)
        self._loader.failed.connect(self._on_failed)
        self.editor.file_dropped.connect(self.open_path)
        self.editor.textChanged.connect(self._update_label)
        self.open_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.source_label, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        self._update_label()

    def value(self) -> str:
        return self.editor.toPlainText()

    def set_value(self, text: str) -> None:
        self._file_name = ""
        self.editor.setPlainText(text)

    @Slot()
    def choose_file(self) -> None:
        path = open_file_name(self, self.tr("Open"), self.tr("Documents (*.docx *.txt *.md *.pdf);;All files (*)"))
        if path:
            self.open_path(path)

    @Slot(str)
    def open_path(self, path: str) -> None:
        """Read ``path`` into the field (in the background)."""
        self.source_label.setText(self.tr("Reading {name}…").format(name=Path(path).name))
        self._loader.load(path)

    @Slot(str, str)
    def _on_loaded(self, path: str, text: str) -> None:
        self.editor.setPlainText(text)
        self._file_name = Path(path).name  # after setPlainText: its textChanged clears the name
        self._update_label()

    @Slot(str, str)
    def _on_failed(self, path: str, message: str) -> None:
        self._update_label()
        self.failed.emit(message or self.tr("Cannot read {name}.").format(name=Path(path).name))

    @Slot()
    def _update_label(self) -> None:
        if self.sender() is self.editor and self._file_name:
            self._file_name = ""  # the text was edited after the file was read... keep the name only if unchanged
        count = len(self.editor.toPlainText())
        length = self.tr("{count} characters").format(count=f"{count:,}")
        self.source_label.setText(self.tr("{name} · {length}").format(name=self._file_name, length=length)
                                  if self._file_name else length)


class DateField(QWidget):
    """A date that may be left unset; its value is ISO text ("" when unset), shown also as 令和."""

    def __init__(self, item: Field, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.field = item
        self.enabled_box = QCheckBox(self)
        self.enabled_box.setToolTip(self.tr("Include this date"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(self.tr("MMM d, yyyy"))
        start = today or dt.date.today()
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.era_label = QLabel(self)
        self.era_label.setObjectName("fieldHint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.era_label, 1)
        self.enabled_box.toggled.connect(self._update)
        self.date_edit.dateChanged.connect(self._update)
        has_date = item.required or bool(item.default)
        if item.default and item.default != "today":
            self.set_value(item.default)
        self.enabled_box.setChecked(has_date)
        self.enabled_box.setVisible(not item.required)
        self._update()

    def value(self) -> str:
        if not self.enabled_box.isChecked():
            return ""
        return self.date_edit.date().toString("yyyy-MM-dd")

    def set_value(self, text: str) -> None:
        date = QDate.fromString(text.strip(), "yyyy-MM-dd")
        if date.isValid():
            self.date_edit.setDate(date)
            self.enabled_box.setChecked(True)
        else:
            self.enabled_box.setChecked(False)

    @Slot()
    def _update(self) -> None:
        on = self.enabled_box.isChecked()
        self.date_edit.setEnabled(on)
        self.era_label.setText(japanese_date(self.value(), weekday=self.field.weekday) if on else self.tr("(not specified)"))


#: One-line fields whose label (up to this many characters) sits beside them; others have it above.
BESIDE_KINDS = ("line", "choice", "date")
BESIDE_LABEL_CHARS = 8


class TemplateForm(QWidget):
    """The input widgets for one template; ``values()`` gives {field name: text} for the job.

    ``changed`` is emitted whenever the user (or ``set_values``) changes a text or a choice.
    """

    failed = Signal(str)
    changed = Signal()

    def __init__(self, template: Template, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.widgets: dict[str, QWidget] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setVerticalSpacing(6)
        # required fields first (each group in the template's order): they stay in view at 1280×720
        for item in sorted(template.fields, key=lambda field: not field.required):
            widget = self._widget_for(item, lang)
            self.widgets[item.name] = widget
            label = QLabel(item.label_for(lang) + ("  *" if item.required else ""), self)
            label.setObjectName("fieldLabel")
            label.setBuddy(widget)
            help_text = item.help_for(lang)
            if help_text:
                widget.setToolTip(help_text)
                label.setToolTip(help_text)
            if item.kind in BESIDE_KINDS and len(label.text()) <= BESIDE_LABEL_CHARS:
                layout.addRow(label, widget)
            else:  # texts and long labels above their field: the column stays narrow
                layout.addRow(label)
                layout.addRow(widget)
            self._watch(widget)

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(self.changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.changed)
        elif isinstance(widget, DocumentField):
            widget.editor.textChanged.connect(self.changed)

    def _widget_for(self, item: Field, lang: str) -> QWidget:
        help_text = item.help_for(lang)
        if item.kind == "line":
            widget = QLineEdit(item.default, self)
            widget.setPlaceholderText(help_text)
            return widget
        if item.kind == "text":
            widget = QPlainTextEdit(self)
            widget.setPlainText(item.default)
            widget.setPlaceholderText(help_text)
            widget.setTabChangesFocus(True)
            lines = widget.fontMetrics().lineSpacing()
            widget.setMinimumHeight(lines * 2 + 26)  # more than two lines, yet the メモ field below stays in view
            widget.setMaximumHeight(lines * 4 + 26)
            return widget
        if item.kind == "choice":
            widget = QComboBox(self)
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(8)  # a long choice is cut, the column never scrolls sideways
            widget.addItems(item.choices)
            if item.default in item.choices:
                widget.setCurrentText(item.default)
            return widget
        if item.kind == "date":
            return DateField(item, self)
        widget = DocumentField(item, self)
        widget.set_value(item.default)
        widget.failed.connect(self.failed)
        return widget

    def values(self) -> dict[str, str]:
        return {name: widget_value(widget) for name, widget in self.widgets.items()}

    def set_values(self, values: dict[str, str]) -> None:
        for name, text in values.items():
            widget = self.widgets.get(name)
            if widget is not None:
                set_widget_value(widget, text)

    def document_fields(self) -> list[DocumentField]:
        return [w for w in self.widgets.values() if isinstance(w, DocumentField)]

    def focus_field(self, name: str) -> None:
        widget = self.widgets.get(name)
        if widget is not None:
            target = widget.editor if isinstance(widget, DocumentField) else widget
            target.setFocus()


def widget_value(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, (DateField, DocumentField)):
        return widget.value()
    return ""


def set_widget_value(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(text)
    elif isinstance(widget, (DateField, DocumentField)):
        widget.set_value(text)
