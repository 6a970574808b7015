"""The translate pane's source | translation table: filling it, streaming into it, its marks.

``TranslationTable`` is a part of ``TranslatePane`` (a mixin: its ``tr()``
texts belong to the pane's translation context, "TranslatePane"). It puts the
controller's segments in the table (one row per segment, the source read-only),
shows each translation as it streams (the text that arrived is added at most
once per ``FLUSH_INTERVAL_MS``, not once per token), marks the row being
translated and the rows to look at (a glossary term not used, damaged marks,
an empty or cut reply, with the reason as the tooltip), and hands the user's
edits of a cell to the controller.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidgetItem

from desktop.languages import AUTO
from desktop.ui.panes.translate_display import TranslationDisplay

#: ms between two repaints of a streaming translation
FLUSH_INTERVAL_MS = 40
#: background of a translation to look at (a glossary term, marks, an empty or cut reply)
FLAG_COLOR = QColor("#fff1d6")
#: background of the segment being translated
CURRENT_COLOR = QColor("#e8f0fe")


class TranslationTable:
    """Rows of segments, streamed translations and their marks, for ``TranslatePane`` (module docstring)."""

    SOURCE_COLUMN = 0
    TRANSLATION_COLUMN = 1

    def _start_table(self) -> None:
        """Set up the table's state (called once by the pane, before the table is built)."""
        self._rows: dict[int, int] = {}       # block index -> table row
        self._pending: dict[int, list[str]] = {}
        self._display = TranslationDisplay(self.controller)  # the marks stay in the controller, not on screen
        self._filling = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_INTERVAL_MS)
        self._flush_timer.timeout.connect(self._flush)

    @Slot()
    def _fill_table(self) -> None:
        c = self.controller
        self._filling = True
        self.table.setRowCount(0)
        self._rows = {}
        self.table.setRowCount(len(c.segments))
        for row, segment in enumerate(c.segments):
            self._rows[segment.index] = row
            source = QTableWidgetItem(segment.text)
            source.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            source.setToolTip(" — ".join(filter(None, [self._kind_name(segment.kind), segment.location])))
            self.table.setItem(row, self.SOURCE_COLUMN, source)
            self.table.setItem(row, self.TRANSLATION_COLUMN, QTableWidgetItem(""))
        self._filling = False
        name = c.source_path.name if c.source_path else self.tr("Pasted text")
        self.document_label.setText(self.tr("{name} — {count} segments").format(name=name, count=len(c.segments)))
        detected = c.detected_source()
        if self.source_language() == AUTO and detected:
            if self.target_language() == detected:
                self.target_combo.setCurrentIndex(self.target_combo.findData("en" if detected != "en" else "ja"))
        self.progress_bar.setRange(0, max(1, len(c.segments)))
        self.progress_bar.setValue(0)
        self.progress_label.clear()
        if self.controller.model_loaded:
            self.notice.hide()
        self.stack.setCurrentIndex(1)
        self._update_buttons()

    def _kind_name(self, kind: str) -> str:
        names = {"heading": self.tr("Heading"), "paragraph": self.tr("Paragraph"), "list_item": self.tr("List item"),
                 "table_cell": self.tr("Table cell"), "header": self.tr("Page header"), "footer": self.tr("Page footer")}
        return names.get(kind, "")

    def _translation_item(self, index: int) -> QTableWidgetItem | None:
        row = self._rows.get(index)
        return None if row is None else self.table.item(row, self.TRANSLATION_COLUMN)

    @Slot(int)
    def _segment_started(self, index: int) -> None:
        self._flush()
        item = self._translation_item(index)
        if item is None:
            return
        self._filling = True
        self._display.start(index)
        item.setText("")
        item.setBackground(QBrush(CURRENT_COLOR))
        self._filling = False
        self.table.scrollToItem(item)

    @Slot(int, str)
    def _segment_delta(self, index: int, text: str) -> None:
        self._pending.setdefault(index, []).append(text)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    @Slot()
    def _flush(self) -> None:
        """Add the text that arrived since the last flush (one repaint per ~40 ms, not per token)."""
        pending, self._pending = self._pending, {}
        self._filling = True
        for index, pieces in pending.items():
            item = self._translation_item(index)
            if item is not None:
                item.setText(self._display.add(index, "".join(pieces)))
        self._filling = False

    @Slot(int, str, list)
    def _segment_finished(self, index: int, text: str, missing: list) -> None:
        self._pending.pop(index, None)
        item = self._translation_item(index)
        if item is None:
            return
        self._filling = True
        item.setText(self._display.finish(index, text))
        notes = [self._review_note(reason) for reason in self.controller.reviews.get(index, [])]
        if missing:
            terms = "\n".join(f"{m['source']} → {m['target']}" for m in missing)
            notes.insert(0, self.tr("A glossary term is not used in this translation:\n{terms}").format(terms=terms))
        if notes:
            item.setBackground(QBrush(FLAG_COLOR))
            item.setToolTip("\n".join(notes))
            item.setData(Qt.ItemDataRole.DecorationRole, self.style().standardIcon(
                self.style().StandardPixmap.SP_MessageBoxWarning))
        else:
            item.setBackground(QBrush())
            item.setToolTip("")
            item.setData(Qt.ItemDataRole.DecorationRole, None)
        self._filling = False

    def _review_note(self, reason: str) -> str:
        return {"marks": self.tr("The marks for formatting, links or fields came back damaged: "
                                 "this paragraph was translated piece by piece. Check the wording."),
                "empty": self.tr("The model gave no translation: the source text was kept."),
                "truncated": self.tr("The translation stopped at the length limit. Raise the longest reply "
                                     "in Settings and translate this paragraph again.")}.get(reason, "")

    @Slot(int, str)
    def _segment_abandoned(self, index: int, text: str) -> None:
        """A segment stopped half-way: its partial text goes, the translation it had before comes back."""
        self._pending.pop(index, None)
        self._segment_finished(index, text, self.controller.flags.get(index, []))

    @Slot(QTableWidgetItem)
    def _item_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != self.TRANSLATION_COLUMN:
            return
        index = next((i for i, row in self._rows.items() if row == item.row()), None)
        if index is not None:
            self.controller.set_translation(index, item.text())

    def is_flagged(self, index: int) -> bool:
        """Whether the row of block ``index`` is marked for a look (a glossary term, marks, an empty or cut reply)."""
        item = self._translation_item(index)
        return item is not None and bool(item.toolTip())

    def selected_index(self) -> int | None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return next((i for i, r in self._rows.items() if r == row), None)

    def _clear_current_marks(self) -> None:
        self._filling = True
        for index in self._rows:
            item = self._translation_item(index)
            if item is not None and not self.controller.flags.get(index) and index not in self.controller.reviews:
                item.setBackground(QBrush())
        self._filling = False
