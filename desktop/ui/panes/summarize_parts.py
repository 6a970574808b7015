"""The summarize pane's list of partial summaries while several parts are written at once.

Rows stay in document order whatever order parts finish in: a row is made for a
part when its first text arrives (``show_part_text``) or when it finishes
(``show_section``), and only finished rows carry the source range
(``Qt.ItemDataRole.UserRole``) that choosing a row highlights.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

#: The row's part index.
PART_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
#: A part still being written shows only the end of its text, on one line, so that the several rows
#: filling in at once stay in view together (about 30 characters fit one line of the list at 1280×720).
STREAMING_TAIL_CHARS = 30


def part_item(parts: QListWidget, index: int) -> QListWidgetItem:
    """The row of part ``index``, inserted at its place in document order when first needed."""
    row = parts.count()
    for position in range(parts.count()):
        held = parts.item(position).data(PART_INDEX_ROLE)
        if held == index:
            return parts.item(position)
        if held is not None and held > index:
            row = position
            break
    item = QListWidgetItem()
    item.setData(PART_INDEX_ROLE, index)
    parts.insertItem(row, item)
    return item


def show_part_text(parts: QListWidget, index: int, text: str) -> None:
    """Part ``index`` still being written: its number and the end of its text so far, on one line."""
    tail = " ".join(text.split())
    if len(tail) > STREAMING_TAIL_CHARS:
        tail = "…" + tail[-STREAMING_TAIL_CHARS:]
    part_item(parts, index).setText(f"{index + 1}. {tail}" if tail else f"{index + 1}. …")


def show_section(parts: QListWidget, index: int, text: str, meta: dict) -> QListWidgetItem:
    """Part ``index`` finished: its source label, its text, and the source range to highlight."""
    source = meta.get("source", "")
    item = part_item(parts, index)
    item.setText(f"{meta.get('part', index + 1)}. {source}\n{text.strip()}")
    item.setData(Qt.ItemDataRole.UserRole, (meta.get("start", 0), meta.get("end", 0)))
    item.setToolTip(source)
    return item


def keep_unfinished(parts: QListWidget, label: str, unfinished: dict[int, str]) -> None:
    """After a stop, a row still being written shows all its text written so far (``unfinished``: part
    index -> text, ``SummarizeController.unfinished_parts``), headed "N. ``label``": nothing on screen
    is lost, and several parts may have been half written at once. Any other unfinished row (no text
    yet) goes; finished rows are untouched."""
    for row in reversed(range(parts.count())):
        item = parts.item(row)
        if item.data(Qt.ItemDataRole.UserRole) is not None:
            continue
        index = item.data(PART_INDEX_ROLE)
        if index in unfinished:
            item.setText(f"{index + 1}. {label}\n{unfinished[index].strip()}")
        else:
            parts.takeItem(row)
