"""The summarize pane's final summary: the editable text, its earlier versions (「◀ 2/3 ▶」) and コピー.

``SummaryResult`` is a part of ``SummarizePane`` (a mixin: its ``tr()`` texts
belong to the pane's translation context, "SummarizePane"). A new summary
never replaces the one on screen: that one, with the user's edits, stays an
earlier version (``kept_result.KeptResult``, shared with the drafting pane),
and its edits are written to its history run. Each version keeps the sources
its summary cites (``Version.extra``: ``citations``, ``invalid``), so that
going back to it also brings back its links into the source.

Opening another document from a file starts afresh: the versions belonged to
the old one (their edits are in the history; one kept nowhere else is asked
about first, ``may_replace_summary``). Pasted text that is changed and
summarized again keeps them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.panes.kept_result import KeptResult
from desktop.ui.panes.result_versions import VersionNavigator
from desktop.ui.panes.text_export import copy_text
from desktop.ui.widgets import StreamingTextView


class SummaryResult:
    """The summary view with its versions and copy button, for ``SummarizePane`` (see the module docstring)."""

    def _build_summary_box(self) -> QWidget:
        """The summary's heading, 「◀ ▶」, コピー and the view (``summary_view``); also makes ``result``."""
        self.summary_view = StreamingTextView(self)
        self.summary_view.setObjectName("summaryText")
        self.summary_view.setPlaceholderText(self.tr("The summary appears here. You can edit it before exporting."))
        self.summary_view.setAcceptDrops(False)  # dropped files go to the window's FileDropRouter
        self.version_nav = VersionNavigator(self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the summary (Ctrl+C copies only the selected text)"))
        self.copy_button.clicked.connect(self.copy_output)
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Summary (click a point citing a source to see it)"), self), 1)
        header.addWidget(self.version_nav)
        header.addWidget(self.copy_button)
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.summary_view)
        self.result = KeptResult(self.summary_view, self.version_nav, lambda: self._context.history,
                                 lambda: self.controller.running, self)
        self.result.shown.connect(self._summary_version_shown)
        self.summary_view.textChanged.connect(self._update_copy_button)
        self._update_copy_button()
        return box

    # ------------------------------------------------------------ runs
    def let_summary_go(self) -> None:
        """A new summary comes: the one on screen (with edits) stays an earlier version; the view is cleared."""
        self.result.begin()

    def summary_started(self) -> None:
        """The run just started writes the shown (new) version."""
        self.result.started(self.controller.runner.request_id)

    def summary_ended(self) -> None:
        """The run ended (done, stopped, failed): what it wrote is the version's text as made."""
        self.result.finished()

    def keep_summary_sources(self, stats: dict[str, Any]) -> None:
        """The finished summary's checked sources belong to its version."""
        if self.result.current is not None:
            self.result.current.extra = {"citations": list(stats.get("citations") or []),
                                         "invalid": list(stats.get("invalid_citations") or [])}

    def forget_summaries(self) -> None:
        """Another document: the summaries of the old one leave the screen (their edits are in the history)."""
        self.result.forget()
        self.summary_view.clear()
        self.summary_view.setExtraSelections([])

    def show_summary(self, text: str, run_id: int | None, citations: Any, invalid: Any) -> None:
        """Show ``text`` (reopened or restored, recorded as ``run_id``) as the newest version."""
        extra = {"citations": [ref for ref in citations or [] if isinstance(ref, dict)],
                 "invalid": [str(label) for label in invalid or []]}
        self.result.put(text, run_id, extra)

    @Slot(int)
    def show_summary_version(self, step: int) -> bool:
        """Show the summary ``step`` versions away (-1 earlier, 1 later), with its sources marked."""
        return self.result.show(step)

    @Slot()
    def _summary_version_shown(self) -> None:
        extra = self.result.current.extra if self.result.current is not None else {}
        self.controller.show_citations(extra.get("citations"), extra.get("invalid"))
        self._mark_citations()

    # ------------------------------------------------------------ history
    @Slot()
    def keep_summary_edit(self) -> bool:
        """Write the shown summary's edits to its history run; True when the run was updated."""
        return self.result.keep_edit_in_history()

    def note_recorded(self, request_id: str, run_id: int) -> None:
        """The history stored the run of ``request_id`` as ``run_id`` (``KeepsEdits``)."""
        self.result.note_recorded(request_id, run_id)

    # ------------------------------------------------------------ copy
    @Slot()
    def copy_output(self) -> None:
        """コピー: the summary as on screen (else the partial summaries with their sources) to the clipboard."""
        text = self._output_text()
        if not text:
            self.status_label.setText(self.tr("There is no summary to copy yet."))
            return
        copy_text(text)
        self.mark_exported()
        self.status_label.setText(self.tr("Copied."))

    @Slot()
    def _update_copy_button(self) -> None:
        self.copy_button.setEnabled(bool(self.summary_view.toPlainText().strip() or self.controller.sections))
