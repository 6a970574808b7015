"""Table rows as tall as their wrapped text, kept so when the columns change width.

A ``QTableWidget`` filled while hidden sizes its rows for the columns it had
then (a few pixels wide: one row can fill the view); ``ResizeToContents`` does
not follow later column changes. ``RowFitter`` resizes the rows once the
columns have their width, and again whenever they change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QTableView


class RowFitter(QObject):
    """Keeps ``table``'s rows fitted to their text (a child of the table; nothing to call)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._timer = QTimer(self, singleShot=True, interval=0)  # one resize after a burst of column changes
        self._timer.timeout.connect(table.resizeRowsToContents)
        table.horizontalHeader().sectionResized.connect(self._column_resized)

    @Slot(int, int, int)
    def _column_resized(self, _column: int, _old: int, _new: int) -> None:
        self._timer.start()
