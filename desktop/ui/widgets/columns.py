"""The gap between a pane's side-by-side columns, in one place for every pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

#: px between two columns: the splitter handle, so the gap is where the user drags and no frame touches the next
COLUMN_GAP = 16


def column_splitter(parent: QWidget, *columns: QWidget) -> QSplitter:
    """A horizontal splitter holding ``columns`` left to right, ``COLUMN_GAP`` px apart.

    The columns bring no side margins of their own; stretch factors and sizes are the caller's.
    """
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setHandleWidth(COLUMN_GAP)
    for column in columns:
        splitter.addWidget(column)
    return splitter
