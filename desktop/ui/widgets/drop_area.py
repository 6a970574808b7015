"""A framed area that accepts files dropped from Explorer, with a button to pick one instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.file_dialogs import open_file_name


class FileDropArea(QFrame):
    """Emits ``files_dropped`` with local file paths that were dropped or chosen.

    ``suffixes`` (like ``(".docx", ".txt")``) limits what is accepted; an
    empty tuple accepts any file. Only local files are accepted, never URLs.
    """

    files_dropped = Signal(list)

    def __init__(
        self,
        suffixes: tuple[str, ...] = (),
        prompt: str = "",
        file_filter: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fileDropArea")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._suffixes = tuple(s.lower() for s in suffixes)
        self._file_filter = file_filter
        self._label = QLabel(prompt or self.tr("Drop a file here"), self)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setWordWrap(True)
        self._button = QPushButton(self.tr("Choose a file…"), self)
        self._button.clicked.connect(self.choose_file)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self._label)
        layout.addWidget(self._button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def accepts(self, path: str) -> bool:
        """Whether ``path`` is a local file of an accepted kind."""
        return bool(path) and (not self._suffixes or Path(path).suffix.lower() in self._suffixes)

    def _local_paths(self, event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and self.accepts(url.toLocalFile())]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._local_paths(event):
            event.acceptProposedAction()
            self.setProperty("dragging", True)
            self.style().polish(self)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.setProperty("dragging", False)
        self.style().polish(self)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.setProperty("dragging", False)
        self.style().polish(self)
        paths = self._local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    @Slot()
    def choose_file(self) -> None:
        """Ask for a file with the system file dialog."""
        path = open_file_name(self, self.tr("Open"), self._file_filter)
        if path and self.accepts(path):
            self.files_dropped.emit([path])
