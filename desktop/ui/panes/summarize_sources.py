"""The way back to the source in the summarize pane: highlighting a range, marking the cited sources.

The ranges and labels come as data from the summarize job (``SectionMeta``,
``SummarizeStats["citations"]``); nothing here reads the model's text for
them. The marks use the catalogue's text for a source that does not exist
(``summarize.source_not_found``), in either language, since a summary may be
written in a language other than the window's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from desktop.messages import LANGUAGES, message

HIGHLIGHT_COLOR = QColor("#fff1b8")
INVALID_COLOR = QColor("#b3261e")


def highlight(view: QPlainTextEdit, start: int, end: int) -> None:
    """Mark the characters ``start``..``end`` of ``view`` (clamped to its text) and scroll them into view."""
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(view.document())
    length = len(view.toPlainText())
    cursor.setPosition(min(start, length))
    cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setBackground(HIGHLIGHT_COLOR)
    selection.format = fmt
    selection.cursor = cursor
    view.setExtraSelections([selection])
    view_cursor = QTextCursor(view.document())
    view_cursor.setPosition(min(start, length))
    view.setTextCursor(view_cursor)
    view.centerCursor()


def mark_citations(view: QPlainTextEdit, stats: dict[str, Any]) -> None:
    """Underline, as links, the sources ``stats["citations"]`` found in the document; show in red
    the marks put in place of ``stats["invalid_citations"]``."""
    selections = []
    document = view.document()
    found = QTextCharFormat()
    found.setFontUnderline(True)
    found.setForeground(view.palette().link())
    invalid = QTextCharFormat()
    invalid.setForeground(INVALID_COLOR)
    texts = [(str(ref.get("label", "")), found) for ref in stats.get("citations") or [] if isinstance(ref, dict)]
    texts += [(message("summarize.source_not_found", lang, label=label), invalid)
              for label in stats.get("invalid_citations") or [] for lang in LANGUAGES]
    for text, text_format in texts:
        cursor = document.find(text) if text else QTextCursor()
        while not cursor.isNull():
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = cursor, text_format
            selections.append(selection)
            cursor = document.find(text, cursor)
    view.setExtraSelections(selections)
