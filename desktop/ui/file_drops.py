"""Files dropped anywhere on a window go to one handler, not into whatever text box is under the mouse.

``FileDropRouter`` watches the application's drag events. A drag of local
files over any widget of its window is accepted, and on the drop the paths go
to ``handler(paths)`` — the window decides what to do (open them in the
current pane, or say why not). Text boxes would otherwise take a dropped file
as the text of its address.

A widget that takes files itself (a document field, a drop area) says so
with the property ``takesFileDrops`` set to True; it keeps the drags of files
it can open (``DOCUMENT_SUFFIXES``).

The router is active only while the window is shown (``attach`` / ``detach``),
so hidden or closed windows cost nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtWidgets import QApplication, QWidget

#: What Fumi opens: the readers of ``desktop.documents``.
DOCUMENT_SUFFIXES = (".docx", ".txt", ".md", ".pdf")

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def local_files(mime: QMimeData | None) -> list[str]:
    """The local file paths a drag carries (any kind), in order."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def is_document(path: str) -> bool:
    """Whether ``path`` is a kind of file Fumi can open (.docx .txt .md .pdf)."""
    return Path(path).suffix.lower() in DOCUMENT_SUFFIXES


def document_files(mime: QMimeData | None) -> list[str]:
    """The local files a drag carries that Fumi can open, in order."""
    return [path for path in local_files(mime) if is_document(path)]


def takes_files_itself(widget: QWidget, window: QWidget) -> bool:
    """Whether ``widget`` or one of its parents up to ``window`` handles dropped documents itself."""
    while widget is not None and widget is not window:
        if widget.property("takesFileDrops") is True:
            return True
        widget = widget.parentWidget()
    return False


class FileDropRouter(QObject):
    """Sends files dropped on ``window`` (on any of its widgets) to ``handler(paths)``."""

    def __init__(self, window: QWidget, handler: Callable[[list[str]], object]) -> None:
        super().__init__(window)
        self._window = window
        self._handler = handler
        window.setAcceptDrops(True)  # so that a drag over a plain label still finds a target

    def attach(self) -> None:
        QApplication.instance().installEventFilter(self)

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() not in _DRAG_EVENTS:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        paths = local_files(event.mimeData())
        if not paths:
            return False  # text and other drags are the widgets' business
        if all(is_document(path) for path in paths) and takes_files_itself(watched, self._window):
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self._handler(paths)
        return True
