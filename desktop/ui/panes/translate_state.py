"""What the translate pane keeps: the exported translation, its state for autosave, a past run, unsaved output.

``TranslationKeeping`` is a part of ``TranslatePane`` (a mixin: its ``tr()``
texts belong to the pane's translation context, "TranslatePane"). It offers
the ``Pane`` protocol's ``autosave_state``/``restore_autosave_state``,
``reopen_run``, ``has_unsaved_output``, ``mark_exported`` and ``save_file``, and puts state
back only through the controller's methods.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


from desktop.documents.filenames import safe_file_name
from desktop.documents.model import Document, DocumentError
from desktop.history import Run
from desktop.languages import AUTO
from desktop.messages import describe
from desktop.ui.panes.stored_state import document_from, int_keys
from desktop.ui.file_dialogs import save_file_name, start_folder


#: What 比較 takes of a document to translate, in characters.
COMPARE_CHARS = 1500


class TranslationKeeping:
    """Export, autosave, history and unsaved-output support for ``TranslatePane`` (see the module docstring)."""

    def save_file(self, path: str | None = None, mode: str = "same") -> bool:
        """Export the translation (asks for a name when ``path`` is None). Ctrl+S.

        ``mode``: "same" (the source's format and structure), "bilingual"
        (a two-column .docx) or "text" (plain .txt).
        """
        c = self.controller
        if c.document is None or not c.translations:
            self.status_label.setText(self.tr("There is no translation to export yet."))
            return False
        if path is None:
            path = self._ask_export_path(mode)
        if not path:
            return False
        out = Path(path)
        try:
            c.export(out, bilingual=(mode == "bilingual"))
        except (DocumentError, OSError) as exc:
            self.notice.show_notice(describe(exc), "error")
            return False
        untranslated = sum(1 for s in c.segments if s.index not in c.translations)
        note = self.tr(" ({count} untranslated segments are left in the source language)").format(
            count=untranslated) if untranslated else ""
        self.mark_exported()
        self.status_label.setText(self.tr("Saved: {name}").format(name=out.name) + note)
        return True

    def _ask_export_path(self, mode: str) -> str:
        c = self.controller
        stem = (c.source_path.stem if c.source_path else self.tr("translation")) + f"_{c.target}"
        folder = c.source_path.parent if c.source_path else Path(start_folder())
        if mode == "bilingual":
            suffix, file_filter = ".docx", self.tr("Word (*.docx)")
            stem += self.tr("_bilingual")
        elif mode == "text":
            suffix, file_filter = ".txt", self.tr("Text (*.txt)")
        elif c.source_path is not None and c.document.format in ("docx", "txt", "md"):
            suffix = "." + c.document.format
            file_filter = {"docx": self.tr("Word (*.docx)"), "txt": self.tr("Text (*.txt)"),
                           "md": self.tr("Markdown (*.md)")}[c.document.format]
        else:
            suffix, file_filter = ".docx", self.tr("Word (*.docx);;Text (*.txt);;Markdown (*.md)")
        path = save_file_name(self, self.tr("Export"), str(folder / safe_file_name(stem, suffix)), file_filter)
        return path

    def comparison_job(self) -> tuple[str, dict[str, Any]] | None:
        """The start of the source on screen, for 比較 (which translates a short text whole)."""
        document = self.controller.document
        return ("translate", {"text": document.text()[:COMPARE_CHARS]}) if document is not None else None

    def has_unsaved_output(self) -> bool:
        """True when some segment is translated and the translations differ from the last export or reopen."""
        translations = self.controller.translations
        return any(text.strip() for text in translations.values()) and translations != self._saved_translations

    def mark_exported(self) -> None:
        """The translations as they are now are kept elsewhere: closing need not ask about them."""
        self._saved_translations = dict(self.controller.translations)

    def _put_back(self, document: Document, path: str, languages: dict[str, Any],
                  translations: dict[int, str]) -> None:
        """Show ``document`` with ``translations`` (by block index) and the languages they were made with."""
        c = self.controller
        c.set_document(document, Path(path) if path else None)
        self.set_languages(str(languages.get("source") or AUTO), str(languages.get("target") or "en"))
        index = self.register_combo.findData(languages.get("register"))
        if index >= 0:
            self.register_combo.setCurrentIndex(index)
        c.restore_languages(self.source_language(), self.target_language())
        known = {segment.index for segment in c.segments}
        for block, text in translations.items():
            if block in known:
                c.set_translation(block, text)  # shown in its row, glossary terms checked again

    def reopen_run(self, run: Run) -> bool:
        """Put a past run (a ``desktop.history.Run`` of this pane) back: document, languages, translations.

        False (the window then shows the run read-only) while translating, or
        when the history did not keep the source document.
        """
        if self.controller.running:
            return False
        inputs = run.inputs if isinstance(run.inputs, dict) else {}
        document = document_from(inputs.get("document"))
        if document is None:
            return False
        translations = _translations_of(run, document)
        if translations is None or not self.may_replace_translations():
            return False
        self._put_back(document, document.path, run.options if isinstance(run.options, dict) else {}, translations)
        self._saved_translations = dict(self.controller.translations)  # it is in the history already
        self.follow_run(run.id)  # edits of the reopened translation go to its history row
        self.status_label.setText(self.tr("Reopened from the history. Check the translation before you use it."))
        return True

    def take_result(self, run: Run) -> bool:
        """A translation chosen in 比較 (``TakesResult``): its source text and translation, segment by
        segment, editable and exportable, stored in the history.

        Translations that would be lost are asked about as before opening another
        document (``may_replace_translations``: 書き出し… / 破棄 / キャンセル). False
        while translating, when the user cancels, or when the run's segments
        cannot be told apart.
        """
        from desktop.ui.panes.chosen_result import keep_in_history

        inputs = run.inputs if isinstance(run.inputs, dict) else {}
        document = document_from(inputs.get("document"))
        if self.controller.running or document is None:
            return False
        translations = _translations_of(run, document)
        if translations is None:
            return False
        if not self.may_replace_translations():
            return False
        self._put_back(document, document.path, run.options if isinstance(run.options, dict) else {}, translations)
        self.stack.setCurrentIndex(1)
        self.follow_run(keep_in_history(self.context.history, run))  # later edits go to its history row
        self._saved_translations = {}  # a new result: closing asks until it is exported
        self.status_label.setText(self.tr("The translation of %1, chosen in Compare. Check it before you use it.")
                                  .replace("%1", run.model))
        return True

    def autosave_state(self) -> dict[str, Any]:
        """The document (or pasted text), the languages and every translation by block index; {} when empty."""
        c = self.controller
        pasted = self.paste_edit.toPlainText()
        if c.document is None and not pasted.strip():
            return {}
        self._flush()
        state: dict[str, Any] = {
            "pasteText": pasted,
            "source": self.source_language(),
            "target": self.target_language(),
            "register": self.register(),
            "page": self.stack.currentIndex(),
        }
        if c.document is not None:
            state["document"] = c.document.to_dict()
            state["sourcePath"] = str(c.source_path) if c.source_path else ""
            state["translations"] = {str(index): text for index, text in c.translations.items()}
            state["segmentVersions"] = c.versions.to_state()  # edits and earlier translations of each segment
            state["historyRun"] = self._run_id
        return state

    def restore_autosave_state(self, state: dict[str, Any]) -> None:
        """Put back what ``autosave_state`` gave (after a crash)."""
        if not state or self.controller.running:
            return
        self.paste_edit.setPlainText(str(state.get("pasteText") or ""))
        document = document_from(state.get("document"))
        if document is not None:
            translations = int_keys(state.get("translations"))
            self._put_back(document, str(state.get("sourcePath") or ""), state, translations)
            self.controller.versions.restore(state.get("segmentVersions"), translations)
            run_id = state.get("historyRun")
            self.follow_run(run_id if isinstance(run_id, int) else None)
            self._update_segment_versions()
            self.mark_edited_rows()
            self.stack.setCurrentIndex(1 if state.get("page", 1) else 0)
        else:
            self.set_languages(str(state.get("source") or AUTO), str(state.get("target") or "en"))
            self.stack.setCurrentIndex(0)


def _translations_of(run: Any, document: Document) -> dict[int, str] | None:
    """A run's translations by block index.

    The recorder keeps them in ``stats["translations"]``; for an older run
    only the joined output is there, which can be split back only when every
    segment was translated. None when it cannot be told which text is whose.
    """
    from desktop.documents.segments import segment_document

    stats = run.stats if isinstance(run.stats, dict) else {}
    if isinstance(stats.get("translations"), dict):
        return int_keys(stats["translations"])
    segments = segment_document(document)
    pieces = run.output.split("\n\n") if run.output else []
    if len(pieces) != len(segments):
        return None
    return {segment.index: text for segment, text in zip(segments, pieces)}
