"""The translate pane never loses an edited cell: re-translation, earlier versions, history.

``TranslationEdits`` is a part of ``TranslatePane`` (a mixin: its ``tr()``
texts belong to the pane's translation context, "TranslatePane").

What a good desktop program does here, and why:

- 翻訳 (all segments) when some cells hold the user's edits **asks once**:
  keep the edits and translate only the other segments (the default: staff
  usually correct a few cells, then change a setting or the glossary and run
  again, and expect their corrections to stand, as a translation memory tool
  keeps confirmed segments), or translate everything again, or cancel. Asking
  per cell would mean dozens of questions for one document.
- 「この部分を再翻訳」 on one cell is itself the user's explicit wish for that
  cell, so it does not ask; the edit stays an **earlier version** of the cell
  (``translate_versions.SegmentVersions``) and 「◀ 1/2 ▶」 under the table
  brings it back with one click. A full re-translation keeps edits the same way.
- A row whose translation is the user's edit shows 「✎」 in its row header
  (tooltip 「編集済み」), so that a reviewer sees at a glance which cells a
  person corrected; ◀ back to the model's version takes the mark away.
- The edits are in the autosave (``segmentVersions``, with every translation)
  and are written to the last run's history row (``stats["translations"]``
  and the output) as soon as a cell's edit is committed (one write per turn
  of the event loop, however many cells changed).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from desktop.ui.panes.unsaved_result import history_keeps, may_replace

KEEP, REPLACE, CANCEL = "keep", "replace", "cancel"

#: shown after the row number of a segment whose translation the user edited
EDITED_MARK = "✎"


class TranslationEdits:
    """Edited cells kept through re-translation, versions and history, for ``TranslatePane`` (module docstring)."""

    def _keep_edits(self) -> None:
        """Start following edits (called once by the pane, after the table page is built)."""
        self._run_request = ""       # the request of the last translation run of this pane
        self._run_id: int | None = None
        self._written: dict[int, str] = {}   # the translations the history row holds
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(0)
        self._edit_timer.timeout.connect(self.keep_edits_in_history)
        self.version_nav.step.connect(self.show_segment_version)
        self.table.itemSelectionChanged.connect(self._update_segment_versions)
        self.controller.segment_finished.connect(self._translation_changed)
        self.controller.document_changed.connect(self._forget_run)

    # ------------------------------------------------------------ running
    @Slot()
    def translate_all(self) -> bool:
        """翻訳 (Ctrl+Enter): every segment; when cells hold edits, asks whether to keep them (see the module)."""
        c = self.controller
        only = None
        edited = c.versions.edited_blocks() & set(c.translations)
        if edited and not c.running and c.document is not None:
            choice = self.ask_about_edits(len(edited))
            if choice == CANCEL:
                return False
            if choice == KEEP:
                only = [segment.index for segment in c.segments if segment.index not in edited]
                if not only:
                    self.status_label.setText(self.tr("Every segment holds your edit: nothing to translate."))
                    return False
        return self._start_translation(only)

    @Slot()
    def retranslate_selected(self) -> bool:
        """Translate the selected segment again; an edit of it stays an earlier version (◀)."""
        index = self.selected_index()
        if index is None:
            self.status_label.setText(self.tr("Select the segment to translate again."))
            return False
        return self._start_translation([index])

    def ask_about_edits(self, count: int) -> str:
        """KEEP, REPLACE or CANCEL: what to do with ``count`` edited cells when everything is translated again."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Translate again"),
                          self.tr("You edited {count} translated segments.").format(count=count),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("Keep your edits and translate only the other segments? "
                                       "If you translate everything again, each edit is kept as an earlier "
                                       "version of its segment (◀ under the table)."))
        keep = box.addButton(self.tr("Keep my edits"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("Translate everything again"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return KEEP if clicked is keep else REPLACE if clicked is replace else CANCEL

    def _start_translation(self, only: list[int] | None) -> bool:
        self.keep_edits_in_history()
        started = self.controller.translate(self.source_language(), self.target_language(), self.register(),
                                            only=only)
        if started:
            self._run_request, self._run_id = self.controller.runner.request_id, None
        return started

    # ------------------------------------------------------------ versions
    @Slot(int)
    def show_segment_version(self, step: int) -> bool:
        """Show the selected segment's translation ``step`` versions away (-1 earlier, 1 later)."""
        c = self.controller
        index = self.selected_index()
        if index is None or c.running:
            return False
        text = c.versions.go(index, step, c.translations.get(index, ""))
        if text is None:
            return False
        c.set_translation(index, text)
        return True

    @Slot()
    def _update_segment_versions(self) -> None:
        index = self.selected_index()
        versions = self.controller.versions.of(index) if index is not None else None
        count = len(versions) if versions is not None else 0
        self.version_nav.show_position(versions.index if versions else -1, count,
                                       enabled=not self.controller.running)

    def mark_edited_rows(self, indexes=None) -> None:
        """Rows (of blocks ``indexes``, default all) whose translation is the user's edit show ``EDITED_MARK``
        after their number in the row header, with the tooltip 「編集済み」; other rows show their number."""
        edited = self.controller.versions.edited_blocks()
        for index in self._rows if indexes is None else indexes:
            row = self._rows.get(index)
            if row is None:
                continue
            item = self.table.verticalHeaderItem(row)
            if item is None:
                if index not in edited:
                    continue
                item = QTableWidgetItem()
                self.table.setVerticalHeaderItem(row, item)
            item.setText(f"{row + 1} {EDITED_MARK}" if index in edited else str(row + 1))
            item.setToolTip(self.tr("Edited") if index in edited else "")

    @Slot(int, str, list)
    def _translation_changed(self, index: int, _text: str, _missing: list) -> None:
        self.mark_edited_rows([index])
        self._update_segment_versions()
        if not self.controller.running and self._run_id is not None:
            self._edit_timer.start()

    # ------------------------------------------------------------ history
    def note_recorded(self, request_id: str, run_id: int) -> None:
        """The history stored the run of ``request_id`` as ``run_id`` (``KeepsEdits``): later edits go to it."""
        if request_id and request_id == self._run_request:
            self._run_id = run_id
            self._written = dict(self.controller.translations)
            self._edit_timer.start()  # a cell edited while the run was being stored

    def follow_run(self, run_id: int | None) -> None:
        """Later edits go to history row ``run_id`` (a reopened run), or nowhere (None)."""
        self._run_request, self._run_id = "", run_id
        self._written = dict(self.controller.translations)

    def may_replace_translations(self) -> bool:
        """True when another document may take the table: the translations are exported or in the history
        (pending edits are written first), or the user saved or discarded them when asked."""
        from desktop.ui.panes import pane_title

        self.keep_edits_in_history()
        kept = history_keeps(self.context.history, self._run_id) and self.controller.translations == self._written
        return may_replace(self, pane_title("translate"), self.has_unsaved_output() and not kept)

    @Slot()
    def _forget_run(self) -> None:
        """Another document: its edits belong to no run yet (the old one's were written when made)."""
        self._edit_timer.stop()
        self.follow_run(None)

    @Slot()
    def keep_edits_in_history(self) -> bool:
        """Write every translation on screen to the last run's history row; True when it was updated."""
        self._edit_timer.stop()
        c, history = self.controller, self.context.history
        if self._run_id is None or history is None or c.running or c.translations == self._written:
            return False
        ordered = [c.translations[s.index] for s in c.segments if c.translations.get(s.index)]
        translations = {str(index): text for index, text in c.translations.items()}
        try:
            written = history.update_output(self._run_id, "\n\n".join(ordered), {"translations": translations})
        except Exception:  # the history must never cost the text on screen
            return False
        if written:
            self._written = dict(c.translations)
        return written
