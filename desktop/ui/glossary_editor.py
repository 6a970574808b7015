"""The glossary editor: a table of 原語 / 訳語 / メモ, saved to the user's glossary file.

Rows can be added and removed, filtered by a search box, imported from a
TSV/CSV file (merged: an imported term replaces the row with the same
source) and exported. ``Save`` writes the file atomically; nothing is written
until then.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.glossary import GlossaryError, Term, load_glossary, save_glossary
from desktop.ui.file_dialogs import open_file_name, save_file_name

COLUMNS = 3


class GlossaryEditor(QDialog):
    """Edit the glossary file at ``path`` (it need not exist yet)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryEditor")
        self.setWindowTitle(self.tr("Glossary"))
        self.resize(720, 520)
        self.path = Path(path)
        self._build()
        terms: list[Term] = []
        if self.path.exists():
            try:
                terms = load_glossary(self.path)
            except GlossaryError as exc:
                self.status.setText(exc.message)
        self.set_terms(terms)

    def _build(self) -> None:
        intro = QLabel(self.tr("Terms that are always translated the same way. Only the terms that appear in "
                               "a paragraph are given to the model with it; a translation that does not use "
                               "a term is marked for checking."), self)
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Search terms"))
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("glossaryTable")
        self.table.setHorizontalHeaderLabels([self.tr("Source term"), self.tr("Translation"), self.tr("Note")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)

        self.add_button = QPushButton(self.tr("Add row"), self)
        self.remove_button = QPushButton(self.tr("Remove rows"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Add terms from a TSV or CSV file (UTF-8 or Shift_JIS)"))
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        tools = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.import_button)
        tools.addWidget(self.export_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self._import_clicked)
        self.export_button.clicked.connect(self._export_clicked)
        self.filter_edit.textChanged.connect(self._filter)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    # ------------------------------------------------------------ rows
    def set_terms(self, terms: list[Term]) -> None:
        self.table.setRowCount(0)
        for term in terms:
            self._append(term.source, term.target, term.note)
        self._count()

    def terms(self) -> list[Term]:
        """The rows with both a source and a translation; a later row for the same source wins."""
        found: dict[str, Term] = {}
        for row in range(self.table.rowCount()):
            source, target, note = (self._cell(row, column) for column in range(COLUMNS))
            if source and target:
                found[source] = Term(source, target, note)
        return list(found.values())

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _append(self, source: str = "", target: str = "", note: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((source, target, note)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    @Slot()
    def add_row(self) -> None:
        self.filter_edit.clear()
        row = self._append()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    @Slot()
    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._count()

    @Slot(str)
    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            cells = " ".join(self._cell(row, column) for column in range(COLUMNS)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in cells)

    def _count(self) -> None:
        self.status.setText(self.tr("{count} terms").format(count=len(self.terms())))

    # ------------------------------------------------------------ files
    @Slot()
    def _import_clicked(self) -> None:
        self.import_file()

    @Slot()
    def _export_clicked(self) -> None:
        self.export_file()

    def import_file(self, path: str | None = None) -> bool:
        """Merge the terms of a TSV/CSV file into the table."""
        if path is None:
            path = open_file_name(self, self.tr("Import glossary"), self.tr("Glossary (*.tsv *.csv *.txt)"))
        if not path:
            return False
        try:
            imported = load_glossary(path)
        except GlossaryError as exc:
            QMessageBox.warning(self, self.tr("Cannot import"), exc.message)
            return False
        rows = {self._cell(row, 0): row for row in range(self.table.rowCount())}
        for term in imported:
            row = rows.get(term.source)
            if row is None:
                self._append(term.source, term.target, term.note)
            else:
                self.table.item(row, 1).setText(term.target)
                self.table.item(row, 2).setText(term.note)
        self._count()
        self.status.setText(self.tr("Imported {count} terms from {name}.").format(
            count=len(imported), name=Path(path).name))
        return True

    def export_file(self, path: str | None = None) -> bool:
        """Write the table to a TSV (or CSV, by extension) file elsewhere."""
        if path is None:
            path = save_file_name(self, self.tr("Export glossary"), "glossary.tsv", self.tr("TSV (*.tsv);;CSV (*.csv)"))
        if not path:
            return False
        try:
            save_glossary(path, self.terms())
        except GlossaryError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), exc.message)
            return False
        self.status.setText(self.tr("Exported to {name}.").format(name=Path(path).name))
        return True

    @Slot()
    def save(self) -> bool:
        """Save to the glossary file and close; on failure say why and stay open."""
        try:
            save_glossary(self.path, self.terms())
        except GlossaryError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), exc.message)
            return False
        self.accept()
        return True
