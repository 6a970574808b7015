"""What the summarize pane keeps: its state for autosave, a past run from the history, unsaved output.

``SummaryKeeping`` is a part of ``SummarizePane`` (a mixin: its ``tr()`` texts
belong to the pane's translation context, "SummarizePane"). It offers the
``Pane`` protocol's ``autosave_state``/``restore_autosave_state``,
``reopen_run``, ``has_unsaved_output`` and ``mark_exported``, and puts state
back only through the controller's methods.

The summary's versions, with the user's edits, and their history runs are
``summarize_result.SummaryResult``'s; here they are put in the autosave
(``versions``) and put back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.documents.model import Document
from desktop.history import Run
from desktop.ui.history_recorder import partial_summaries
from desktop.ui.panes.stored_state import document_from
from desktop.ui.panes.unsaved_result import may_replace


class SummaryKeeping:
    """Autosave, history and unsaved-output support for ``SummarizePane`` (see the module docstring)."""

    def _output_text(self) -> str:
        """What an export would write now: the summary, else the partial summaries."""
        return self.summary_view.toPlainText().strip() or self.controller.partial_text()

    def has_unsaved_output(self) -> bool:
        """True when there is a summary that differs from what was last exported or reopened."""
        text = self._output_text()
        return bool(text) and text != self._saved_output

    def mark_exported(self) -> None:
        """The summary as it is now is kept elsewhere (exported, copied): closing need not ask about it,
        nor opening another document about this version."""
        self._saved_output = self._output_text()
        self.result.mark_exported()

    def may_replace_summary(self) -> bool:
        """True when another document may take the pane: nothing would be lost, or the user saved or
        discarded it when asked (``unsaved_result.may_replace``).

        Lost would be the summary on screen unless it is exported or in the history, and
        any earlier version (◀ ▶) that is neither in the history nor exported as it is
        (``KeptResult.lost_if_forgotten``). 書き出し… exports each of them in turn.
        """
        from desktop.ui.panes import pane_title

        earlier = self.result.lost_if_forgotten(earlier_only=True)  # also notes the text on screen
        current = self.result.current
        shown_lost = self.has_unsaved_output() and not (current is not None and self.result.kept_elsewhere(current))
        return may_replace(self, pane_title("summarize"), shown_lost or bool(earlier),
                           lambda: self._export_versions(earlier, shown_lost))

    def _export_versions(self, earlier: list[Any], shown_lost: bool) -> bool:
        """Export each of the ``earlier`` versions (shown in turn, each with its file dialog), then the
        summary on screen when ``shown_lost``; False when one is not exported. The summary on screen is
        shown again after the earlier ones, and counts as exported only if it was."""
        shown, saved_output = self.result.current, self._saved_output
        exported_all = True
        for version in earlier:
            if not (self.result.show_version(version) and self.save_file()):
                exported_all = False
                break
        if shown is not None:
            self.result.show_version(shown)
        self._saved_output = saved_output
        return exported_all and (not shown_lost or self.save_file())

    def _set_options(self, options: dict[str, Any]) -> None:
        for combo, key in ((self.length_combo, "length"), (self.style_combo, "style"),
                           (self.language_combo, "output_language")):
            index = combo.findData(options.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        if isinstance(options.get("focus"), str):
            self.focus_edit.setText(options["focus"])

    def _show_source(self, document: Document | None, path: str = "", text: str = "") -> None:
        """Show ``document`` (read from ``path`` when it came from a file), else pasted ``text``."""
        if document is not None and path:
            self.controller.set_document(document, Path(path))
        elif document is not None:
            self.new_text()
            self.controller.set_document(document)
        else:
            self.new_text()
            self.source_view.setPlainText(text)

    def _show_results(self, sections: list[tuple[int, str, dict]], summary: str,
                      citations: list[dict] | None = None, invalid: list[str] | None = None,
                      run_id: int | None = None) -> None:
        self.parts_list.clear()
        self.controller.restore_results(sections, summary, citations, invalid)  # the list fills as if just made
        self.show_summary(summary, run_id, citations, invalid)
        self._mark_citations()

    def reopen_run(self, run: Run) -> bool:
        """Put a past run (a ``desktop.history.Run`` of this pane) back: source, options, partial summaries, summary.

        When the history kept only a preview of a large source, the source box
        stays empty and a note says so. False while a summary is being made.
        """
        if self.controller.running or not self.may_replace_summary():
            return False
        inputs = run.inputs if isinstance(run.inputs, dict) else {}
        stats = run.stats if isinstance(run.stats, dict) else {}
        document = document_from(inputs.get("document"))
        path = document.path if document is not None else ""
        self._show_source(document, path, str(inputs.get("text") or ""))
        if document is None and "document" in (inputs.get("omitted") or []):
            name = inputs.get("document_path") or inputs.get("document_title") or ""
            name = str(name).replace("\\", "/").rsplit("/", 1)[-1]
            self.document_label.setText(self.tr("The source ({name}) was too large to keep in the history. "
                                                "Open it again to summarize it.").format(name=name) if name else
                                        self.tr("The source was too large to keep in the history. "
                                                "Open it again to summarize it."))
            self.notice.show_notice(self.document_label.text(), "info")
        self._set_options(run.options if isinstance(run.options, dict) else {})
        metas = stats.get("part_meta") if isinstance(stats.get("part_meta"), list) else []
        parts = partial_summaries(stats)
        sections = [(i, text, dict(metas[i]) if i < len(metas) and isinstance(metas[i], dict) else {})
                    for i, text in enumerate(parts)]
        self._show_results(sections, run.output, stats.get("citations"), stats.get("invalid_citations"), run.id)
        self._saved_output = self._output_text()  # it is in the history already
        self.status_label.setText(self.tr("Reopened from the history. Check the summary against the source."))
        return True

    def take_result(self, run: Run) -> bool:
        """A summary chosen in 比較 (``TakesResult``): its source document and the summary, editable and
        exportable, stored in the history (edits follow it there).

        A summary that would be lost is asked about as before opening another
        document (``may_replace_summary``: 書き出し… / 破棄 / キャンセル). False while
        summarizing, when the user cancels, or when the run carries no document.
        """
        from desktop.ui.panes.chosen_result import keep_in_history

        inputs = run.inputs if isinstance(run.inputs, dict) else {}
        document = document_from(inputs.get("document"))
        if self.controller.running or document is None:
            return False
        if not self.may_replace_summary():
            return False
        self._show_source(document, document.path)  # another file: the summaries of the one before leave
        self._show_results([], run.output, run_id=keep_in_history(self._context.history, run))
        self._saved_output = ""  # a new result: closing asks until it is exported
        self.status_label.setText(self.tr("The summary of %1, chosen in Compare. Check it against the source.")
                                  .replace("%1", run.model))
        return True

    def autosave_state(self) -> dict[str, Any]:
        """The source (pasted text, or the document read from a file), the options and the summary.

        {} while nothing has been typed or made.
        """
        c = self.controller
        from_file = c.source_path is not None and c.document is not None
        source = "" if from_file else self.source_view.toPlainText()
        summary = self.summary_view.text()
        versions = self.result.to_state()
        if not from_file and not source.strip() and not summary.strip() and not self.focus_edit.text().strip() \
                and len(self.result.versions) < 2:
            return {}
        state: dict[str, Any] = {
            **self.options(),
            "sourceText": source,
            "summaryText": summary,
            "parts": [[index, text, meta] for index, text, meta in c.sections],
            "citations": list(c.stats.get("citations") or []),
            "invalidCitations": list(c.stats.get("invalid_citations") or []),
            "versions": versions,
        }
        if from_file:
            state["document"] = c.document.to_dict()
            state["sourcePath"] = str(c.source_path)
        return state

    def restore_autosave_state(self, state: dict[str, Any]) -> None:
        """Put back what ``autosave_state`` gave (after a crash)."""
        if not state or self.controller.running:
            return
        document = document_from(state.get("document"))
        self._show_source(document, str(state.get("sourcePath") or "") if document else "",
                          str(state.get("sourceText") or ""))
        self._set_options(state)
        sections = [(int(p[0]), str(p[1]), dict(p[2])) for p in state.get("parts") or []
                    if isinstance(p, list) and len(p) == 3 and isinstance(p[2], dict)]
        summary = str(state.get("summaryText") or "")
        self._show_results(sections, summary, state.get("citations"), state.get("invalidCitations"))
        self.result.restore(state.get("versions"), summary)  # the autosave's summary is the one shown
