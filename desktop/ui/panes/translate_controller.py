"""The state and engine traffic of the translate pane, without any widget.

``TranslateController`` holds the document, its segments, the translations
and their glossary flags, and runs the ``translate`` job through a
``JobRunner``. It tells the view what changed by signals (a segment started,
new text for it, it finished or was abandoned), so it is tested without clicking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.documents.model import Document
from desktop.glossary import (
    GlossaryError, Term, default_glossary_path, load_glossary, missing_terms, select_terms,
)
from desktop.documents.marks import readable
from desktop.documents.segments import Segment, segment_document, translations_by_block
from desktop.languages import LanguageError, detect_language, resolve_pair
from desktop.ui.context import AppContext
from desktop.ui.document_loader import DocumentLoader
from desktop.ui.job_runner import CANCELLED, PaneController
from desktop.ui.panes.translate_versions import SegmentVersions


class TranslateController(PaneController):
    """The translation of one document: what is translated, what is flagged, and the running job.

    Rows are the document's segments (``segments``), each known by its block
    index; ``translations`` and ``flags`` are keyed by that index.
    """

    document_changed = Signal()
    segment_started = Signal(int)            # block index now being translated
    segment_delta = Signal(int, str)         # block index, new text
    segment_finished = Signal(int, str, list)  # block index, translation, missing terms
    segment_abandoned = Signal(int, str)     # block index, the text to show again (stopped mid-segment)
    progress = Signal(int, int)
    problem = Signal(str)                    # something the user must act on (shown as a notice)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(context.engine, parent)
        self._context = context
        self.document: Document | None = None
        self.source_path: Path | None = None
        self.segments: list[Segment] = []
        self.translations: dict[int, str] = {}
        self.flags: dict[int, list[dict[str, str]]] = {}
        self.reviews: dict[int, list[str]] = {}  # block index -> why to look ("marks", "empty", "truncated")
        self.cut: set[int] = set()           # blocks whose translation stopped early (length limit, loop)
        self.versions = SegmentVersions()    # earlier translations of each block, with the user's edits
        self.source: str | None = None       # the languages of the last translation
        self.target = "en"
        self._order: list[int] = []          # block indexes of the running job, in order
        self._started: set[int] = set()      # segments of the running job that have begun (by their first text)
        self.glossary_path = default_glossary_path(context.paths)
        self.terms: list[Term] = self._load_terms()
        self.runner.part_delta.connect(self._on_part_delta)
        self.runner.section.connect(self._on_section)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self._loader = DocumentLoader(self)
        self._loader.document_loaded.connect(self._on_document_read)
        self._loader.failed.connect(self._on_read_failed)
        self._loader.unreadable.connect(self._on_read_failed)

    # ------------------------------------------------------------- state

    def _load_terms(self) -> list[Term]:
        if not self.glossary_path.exists():
            return []
        try:
            return load_glossary(self.glossary_path)
        except GlossaryError as exc:
            self.problem.emit(exc.message)
            return []

    def reload_glossary(self) -> None:
        """Read the glossary again (after the editor saved it) and re-check every translation."""
        self.terms = self._load_terms()
        for segment in self.segments:
            if segment.index in self.translations:
                self._check(segment.index, self.translations[segment.index])

    def set_document(self, document: Document, path: Path | None = None) -> None:
        """Show ``document``; translations of the previous one are dropped."""
        if self.running:
            self.runner.cancel()
        self.document = document
        self.source_path = path
        self.segments = segment_document(document)
        self.translations = {}
        self.flags = {}
        self.reviews = {}
        self.cut = set()
        self.versions.clear()
        self.document_changed.emit()

    def restore_languages(self, source: str, target: str) -> None:
        """The languages a restored translation was made with (``source`` may be "auto": judged from the document)."""
        try:
            self.source, self.target = resolve_pair(source, target, self.document.text() if self.document else "")
        except LanguageError:
            self.source, self.target = None, target

    def open_path(self, path: Path) -> bool:
        """Read the document at ``path`` off the UI thread (True: reading started).

        When it is read, ``set_document``; when it cannot be, ``problem`` says
        why (the reader's message) and the current document stays.
        """
        self._loader.load(path)
        return True

    @Slot(str, object)
    def _on_document_read(self, path: str, document: Document) -> None:
        if self.running:  # read before the run began: it would cancel the translation
            self.message.emit(self.tr("Another document cannot be opened while translating. Stop the translation first, then open it."))
            return
        name = Path(path).name
        if not segment_document(document):
            self.problem.emit(self.tr("There is no text to translate in {name}.").format(name=name))
            return
        self.set_document(document, Path(path))
        self.message.emit(self.tr("Opened {name}: {count} segments.").format(name=name, count=len(self.segments)))

    @Slot(str, str)
    def _on_read_failed(self, _path: str, message: str) -> None:
        self.problem.emit(message)

    def use_text(self, text: str) -> bool:
        """Translate pasted ``text`` (one segment per paragraph)."""
        from desktop.documents import document_from_text

        document = document_from_text(text)
        if not segment_document(document):
            self.problem.emit(self.tr("Paste or type the text to translate first."))
            return False
        self.set_document(document, None)
        return True

    def detected_source(self) -> str | None:
        return detect_language(self.document.text()) if self.document else None

    def source_text(self, index: int) -> str:
        return next((s.text for s in self.segments if s.index == index), "")

    # --------------------------------------------------------- translating
    def problem_with(self, source: str, target: str) -> str:
        """Why translating cannot start now ("" when it can)."""
        if not self.model_loaded:
            return self.tr("No model is loaded. Load one on the Model page first.")
        if self.document is None or not self.segments:
            return self.tr("Open a document or paste text first.")
        if self.running:
            return self.tr("Already translating. Press Esc to stop.")
        try:
            resolve_pair(source, target, self.document.text())
        except LanguageError as exc:
            return exc.message
        return ""

    def translate(self, source: str, target: str, register: str, only: list[int] | None = None) -> bool:
        """Start translating every segment, or only the blocks in ``only``; False with a message if it cannot."""
        problem = self.problem_with(source, target)
        if problem:
            self.message.emit(problem)
            return False
        self.source, self.target = resolve_pair(source, target, self.document.text())
        settings = self._context.settings
        options: dict[str, Any] = {
            "source": source, "target": target, "register": register,
            "temperature": min(float(settings.get("temperature")), 0.3),
            "max_tokens": int(settings.get("max_tokens")),
            "parallel": int(settings.get("parallel")),
        }
        if only is not None:
            options["only"] = list(only)
        inputs = {
            "document": self.document.to_dict(),
            "glossary": [term.as_pair() for term in self.terms],
            "translations": {str(index): text for index, text in self.translations.items()},
        }
        wanted = set(only) if only is not None else None
        self._order = [s.index for s in self.segments if wanted is None or s.index in wanted]
        self._started = set()
        self.runner.start("translate", inputs, options)
        self.message.emit(self.tr("Translating…"))
        return True

    def set_translation(self, index: int, text: str) -> None:
        """The user edited a translation (or another version is shown): keep it and re-check its glossary terms."""
        self.translations[index] = text
        self.versions.edited(index, text)
        self.reviews.pop(index, None)
        self.cut.discard(index)
        self._check(index, text)

    def _check(self, index: int, text: str) -> None:
        missing = missing_terms(self._words(index, text), select_terms(self.terms, self.source_text(index)))
        self.flags[index] = [{"source": t.source, "target": t.target} for t in missing]
        if not self.flags[index]:
            del self.flags[index]
        self.segment_finished.emit(index, text, self.flags.get(index, []))

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self.progress.emit(done, total)

    @Slot(int, str)
    def _on_part_delta(self, index: int, text: str) -> None:
        """Text of the segment at block ``index``: the delta names it (never guessed from progress).
        Several segments may be written at once: each starts with its first text."""
        if index not in self._started:
            self._started.add(index)
            self.segment_started.emit(index)
        self.segment_delta.emit(index, text)

    @Slot(int, str, dict)
    def _on_section(self, index: int, text: str, meta: dict) -> None:
        self._started.discard(index)
        if meta.get("error"):
            self.segment_abandoned.emit(index, self.translations.get(index, ""))
            self.problem.emit(str(meta["error"].get("message") or meta["error"].get("code")))
            return
        self.versions.made(index, self.translations.get(index, ""), text)
        self.translations[index] = text
        reviews = list(meta.get("flags") or [])
        if reviews:
            self.reviews[index] = reviews
        else:
            self.reviews.pop(index, None)
        if meta.get("truncated"):
            self.cut.add(index)
        else:
            self.cut.discard(index)
        flagged = list(meta.get("missing_terms") or [])
        if flagged:
            self.flags[index] = flagged
        else:
            self.flags.pop(index, None)
        self.segment_finished.emit(index, text, flagged)

    @Slot(dict)
    def _on_finished(self, stats: dict) -> None:
        flagged = sum(1 for s in self.segments if s.index in self.flags or s.index in self.reviews)
        if self.cut:
            self.message.emit(self.tr("Done, but {count} segments stopped early (the length limit or a repeating "
                                      "sentence): {where}. Raise “Longest answer” in Settings if needed, and "
                                      "translate those segments again.")
                              .format(count=len(self.cut), where=self._cut_rows()))
        elif any(s.index in self.reviews for s in self.segments):
            self.message.emit(self.tr("Done. {count} segments need a check (see the marked rows).").format(count=flagged))
        elif flagged:
            self.message.emit(self.tr("Done. {count} segments need a check: a glossary term is missing.")
                              .format(count=flagged))
        else:
            self.message.emit(self.tr("Done. Check the translation before you use it."))

    def _cut_rows(self) -> str:
        rows = [str(row + 1) for row, segment in enumerate(self.segments) if segment.index in self.cut]
        return self.tr("rows {rows}").format(rows=", ".join(rows[:10]) + (" …" if len(rows) > 10 else ""))

    @Slot(str, str)
    def _on_failed(self, code: str, message: str) -> None:
        for index in sorted(self._started):
            self.segment_abandoned.emit(index, self.translations.get(index, ""))
        self._started = set()
        if code == CANCELLED:
            done = sum(1 for s in self.segments if s.index in self.translations)
            self.message.emit(self.tr("Stopped. {done} of {total} segments are translated and kept.")
                              .format(done=done, total=len(self.segments)))
        else:
            self.problem.emit(message or code)
            self.message.emit(self.tr("Translation stopped by an error."))

    # ------------------------------------------------------------ exporting
    def translated_pairs(self) -> list[tuple[str, str]]:
        """(source, translation as words) for every segment, "" where not translated yet."""
        return [(s.text, self._words(s.index, self.translations.get(s.index, ""))) for s in self.segments]

    def _words(self, index: int, text: str) -> str:
        """Block ``index``'s translation ``text`` as words: without its inline marks when the block has some."""
        block = self.document.blocks[index] if self.document is not None and index < len(self.document.blocks) else None
        if block is None:
            return text
        return readable(text, block.marked is not None or block.atoms is not None, block.atoms)

    def translated_text(self) -> str:
        return "\n".join(text for _source, text in self.translated_pairs())

    def export(self, path: Path, bilingual: bool = False) -> None:
        """Write the translation to ``path``; raises DocumentError with a message for the user.

        A bilingual export is a two-column .docx table. Otherwise a .docx made
        from a .docx keeps the source's structure, a .txt/.md made from the
        same format keeps its lines, and anything else is composed from the
        segments. Untranslated segments keep their source text. The "AI
        notice" line follows the setting (on by default) for every export.
        """
        from desktop.documents import writers

        assert self.document is not None
        ai_notice = bool(self._context.settings.get("ai_notice"))
        source = self.source or "ja"
        if bilingual:
            structured = self.document.format == "docx" and bool(self.document.path)
            writers.write_bilingual_docx(
                self.translated_pairs(), path, source_lang=source, target_lang=self.target,
                title=self.document.title, ai_notice=ai_notice,
                source_docx=self.document.path if structured else None,
                translations=translations_by_block(self.document, self.translations) if structured else None)
        else:
            aligned = translations_by_block(self.document, self.translations)
            writers.write_translation(self.document, aligned, path, target_lang=self.target, ai_notice=ai_notice)
