"""A read-only text view that receives a model's output piece by piece.

Each delta is appended to a buffer; a timer flushes the buffer every ~40 ms
with one ``QTextCursor.insertText`` at the end of the document, so a fast
model costs a repaint per flush, not per token. The view follows the end
while the user has not scrolled up.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

FLUSH_INTERVAL_MS = 40


class StreamingTextView(QPlainTextEdit):
    """Output text that grows as deltas arrive; selectable and copyable, not editable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setObjectName("streamingText")
        self._pending: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self.flush)

    @Slot(str)
    def append_delta(self, text: str) -> None:
        """Queue ``text`` to be added at the end on the next flush."""
        if not text:
            return
        self._pending.append(text)
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Add everything queued so far at the end, in one edit."""
        self._timer.stop()
        if not self._pending:
            return
        chunk = "".join(self._pending)
        self._pending.clear()
        scrollbar = self.verticalScrollBar()
        at_end = scrollbar.value() >= scrollbar.maximum() - 4
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(chunk)
        if at_end:
            scrollbar.setValue(scrollbar.maximum())

    def text(self) -> str:
        """All the text, including what is still queued."""
        return self.toPlainText() + "".join(self._pending)

    def clear(self) -> None:  # noqa: D102 - same promise as QPlainTextEdit.clear, plus the queue
        self._pending.clear()
        self._timer.stop()
        super().clear()
