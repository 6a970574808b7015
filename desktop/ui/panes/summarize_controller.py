"""The summarize pane's controller: the document, its plan, the partial summaries and the summary.

``SummarizeController`` holds the state and talks to the engine through the
pane kit (``PaneController``'s runner for the summary) and a ``SummaryPlanner``
for the quick plan: tokens and parts at the loaded context, planned here from
token counts the engine answers with the model's own tokenizer, with the job's
budgets and options. Documents are read off the UI thread
(``DocumentLoader``). It is tested without clicking; the view
(``desktop.ui.panes.summarize``) only shows it and asks it to act.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.documents.model import Document
from desktop.documents.pasted import document_from_pasted_text
from desktop.ui.context import AppContext
from desktop.ui.document_loader import DocumentLoader
from desktop.ui.job_runner import CANCELLED, PaneController
from desktop.ui.panes.summary_planner import SummaryPlanner


class SummarizeController(PaneController):
    """One summary: the document, its plan, the partial summaries and the final text.

    ``sections`` are the partial summaries as ``(index, text, meta)`` in the
    order they arrived; ``summary`` is the final summary streamed so far;
    ``stats`` the last run's ``SummarizeStats`` (its ``citations`` lead back to
    the source). The view changes none of these itself: it asks (``open_path``,
    ``use_text``, ``clear_document``, ``restore_results``, ``summarize``, ``stop``).
    """

    document_changed = Signal()
    plan_changed = Signal()                 # ``plan`` has new stats (or was cleared)
    section_added = Signal(int, str, dict)
    part_text = Signal(int, str)        # a part's summary so far, while parts are written at once
    summary_delta = Signal(str)
    progress = Signal(int, int, str)
    problem = Signal(str)
    finished = Signal(dict)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(context.engine, parent)
        self._context = context
        self.document: Document | None = None
        self.source_path: Path | None = None
        self.plan: dict[str, Any] | None = None
        self.sections: list[tuple[int, str, dict]] = []
        self.part_texts: dict[int, str] = {}
        self.summary = ""
        self.stats: dict[str, Any] = {}
        self.options: dict[str, Any] = {}
        self.runner.section.connect(self._on_section)
        self.runner.part_delta.connect(self._on_part_delta)
        self.runner.delta.connect(self._on_delta)
        self.runner.progress.connect(self.progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.planner = SummaryPlanner(self._engine, self)
        self.planner.planned.connect(self._on_plan)
        self.planner.failed.connect(self._on_plan_failed)
        self._loader = DocumentLoader(self)
        self._loader.document_loaded.connect(self._on_document_read)
        self._loader.failed.connect(self._on_read_failed)
        self._loader.unreadable.connect(self._on_unreadable)

    # ------------------------------------------------------------- state
    def set_document(self, document: Document, path: Path | None = None) -> None:
        """Use ``document``; the summary of the previous one is dropped."""
        if self.running:
            self.runner.cancel()
        self.document = document
        self.source_path = path
        self.sections = []
        self.summary = ""
        self.stats = {}
        self.plan = None
        self.document_changed.emit()
        self.plan_changed.emit()

    def open_path(self, path: Path) -> bool:
        """Read the document at ``path`` off the UI thread (True: reading started).

        When it is read, ``set_document``; when it cannot be, ``problem`` says why
        and the current document stays.
        """
        if self.running:
            return False
        self._loader.load(path)
        return True

    @Slot(str, object)
    def _on_document_read(self, path: str, document: Document) -> None:
        if self.running:  # read before the run began: the summary on screen belongs to the document shown
            self.message.emit(self.tr("Another document cannot be opened while summarizing. Stop the summary first, then open it."))
            return
        name = Path(path).name
        if not document.text().strip():
            self.problem.emit(self.tr("There is no text to summarize in {name}.").format(name=name))
            return
        self.set_document(document, Path(path))
        self.message.emit(self.tr("Opened {name}.").format(name=name))

    @Slot(str, str)
    def _on_read_failed(self, _path: str, message: str) -> None:
        self.problem.emit(message)

    @Slot(str, str)
    def _on_unreadable(self, path: str, reason: str) -> None:
        self.problem.emit(self.tr("{name} could not be read: {reason}").format(name=Path(path).name, reason=reason))

    def clear_document(self) -> None:
        """Forget the document, so that text can be pasted; nothing changes while summarizing."""
        if not self.running:
            self.document = None
            self.source_path = None

    def plan_pasted(self, text: str) -> bool:
        """Use pasted ``text`` as the document for planning (quietly; False when it is empty)."""
        if self.running or not text.strip():
            return False
        self.document = document_from_pasted_text(text)
        return True

    def restore_results(self, sections: list[tuple[int, str, dict]], summary: str,
                        citations: list | None = None, invalid: list | None = None) -> None:
        """Put back partial summaries, a summary and its checked sources (history, autosave)."""
        self.stats = {"citations": [ref for ref in citations or [] if isinstance(ref, dict)],
                      "invalid_citations": [str(label) for label in invalid or []]}
        self.sections = []
        for index, text, meta in sections:
            self._on_section(index, text, meta)
        self.summary = summary

    def show_citations(self, citations: Any, invalid: Any) -> None:
        """The checked sources of the summary version on screen (each earlier version keeps its own)."""
        self.stats = {**self.stats, "citations": [ref for ref in citations or [] if isinstance(ref, dict)],
                      "invalid_citations": [str(label) for label in invalid or []]}

    def use_text(self, text: str) -> bool:
        """Summarize pasted ``text``, kept exactly (numbered and # headings are recognised)."""
        if not text.strip():
            self.problem.emit(self.tr("Paste or type some text to summarize first."))
            return False
        self.set_document(document_from_pasted_text(text))
        return True

    # ------------------------------------------------------------- planning
    def request_plan(self, options: dict[str, Any]) -> None:
        """Find how long the document is and how many parts it takes, with the options a run would
        get (answer: ``plan_changed``; ``plan`` has the keys of the job's stats: parts,
        source_tokens, one_pass, output_language)."""
        self.options = dict(options)
        if self.document is None or not self.model_loaded:
            return
        if self.planner.running:
            self.planner.cancel()  # planned for a document or options that are gone: never shown
        self.planner.start(self.document, self.job_options())

    @Slot(dict)
    def _on_plan(self, stats: dict) -> None:
        self.plan = stats
        self.plan_changed.emit()

    @Slot(str, str)
    def _on_plan_failed(self, code: str, message: str) -> None:
        self.plan = None
        self.plan_changed.emit()
        if code != CANCELLED and message:
            self.problem.emit(message)

    # ------------------------------------------------------------- running
    def summarize(self, options: dict[str, Any]) -> bool:
        """Start summarizing with ``options`` (length, style, focus, output_language); False if not possible."""
        if self.running:
            return False
        if not self.model_loaded:
            self.problem.emit(self.tr("No model is loaded yet. Choose one on the Model page."))
            return False
        if self.document is None:
            self.problem.emit(self.tr("Open a document or paste text first."))
            return False
        self.options = dict(options)
        self.sections = []
        self.summary = ""
        self.stats = {}
        self.part_texts = {}
        self.runner.start("summarize", {"document": self.document.to_dict()}, self.job_options())
        return True

    def job_options(self) -> dict[str, Any]:
        """The summarize job's options: the pane's (``options``) and the settings' (answer limit, temperature, parallel)."""
        job_options = {**self.options, "temperature": float(self._context.settings.get("temperature")),
                       "parallel": int(self._context.settings.get("parallel"))}
        max_tokens = int(self._context.settings.get("max_tokens"))
        if max_tokens:
            job_options["max_tokens"] = max_tokens
        return job_options

    @Slot(int, str, dict)
    def _on_section(self, index: int, text: str, meta: dict) -> None:
        """Parts may finish in any order: ``sections`` stays in document order."""
        position = sum(1 for i, _t, _m in self.sections if i < index)
        self.sections.insert(position, (index, text, meta))
        self.section_added.emit(index, text, meta)

    @Slot(int, str)
    def _on_part_delta(self, index: int, text: str) -> None:
        self.part_texts[index] = self.part_texts.get(index, "") + text
        self.part_text.emit(index, self.part_texts[index])

    @Slot(str)
    def _on_delta(self, text: str) -> None:
        self.summary += text
        self.summary_delta.emit(text)

    @Slot(dict)
    def _on_finished(self, stats: dict) -> None:
        self.stats = stats
        self.finished.emit(stats)
        reason = stats.get("finish_reason")
        if reason == "length":
            self.message.emit(self.tr("The summary stopped at the length limit ({tokens} tokens). For the rest, "
                                      "raise “Longest answer” in Settings and summarize again.")
                              .format(tokens=self._context.settings.get("max_tokens")))
        elif reason == "repetition":
            self.message.emit(self.tr("Stopped: the same sentence kept repeating. Summarize again to rewrite it."))
        else:
            self.message.emit(self.tr("Done. Check the summary against the source before you use it."))

    @Slot(str, str)
    def _on_failed(self, code: str, message: str) -> None:
        if code == CANCELLED:
            done, cut = len(self.sections), len(self.unfinished_parts())
            total = (self.plan or {}).get("parts") or done + cut
            if not done and not cut:
                self.message.emit(self.tr("Stopped. No partial summary was written yet."))
            elif not cut:
                self.message.emit(self.tr("Stopped. {done} of {total} partial summaries were finished.")
                                  .format(done=done, total=total))
            else:
                self.message.emit(self.tr("Stopped. {done} of {total} partial summaries were finished; "
                                          "{cut} stopped part-way are kept as written.")
                                  .format(done=done, total=total, cut=cut))
        else:
            self.problem.emit(message or code)
            self.message.emit(self.tr("Summarizing stopped because of an error. What was done is kept."))

    # ------------------------------------------------------------- sources
    def sources(self) -> dict[str, tuple[int, int]]:
        """Every source the summaries point to, as label -> (start, end) characters of the source.

        From data only: the partial summaries' ``meta`` (parts sharing a label
        give the span of all of them) and the final summary's checked pointers
        (``stats["citations"]``, ``SourceRef``s made by the job).
        """
        found: dict[str, tuple[int, int]] = {}
        refs = [(meta.get("source", ""), meta.get("start", 0), meta.get("end", 0)) for _i, _t, meta in self.sections]
        refs += [(ref.get("label", ""), ref.get("start", 0), ref.get("end", 0))
                 for ref in self.stats.get("citations") or [] if isinstance(ref, dict)]
        for label, start, end in refs:
            if not label:
                continue
            if label in found:
                start, end = min(start, found[label][0]), max(end, found[label][1])
            found[label] = (start, end)
        return found

    def source_in(self, line: str) -> tuple[int, int] | None:
        """The source range of the longest known label that ``line`` (of a summary) mentions."""
        known = [(label, span) for label, span in self.sources().items() if label in line]
        return max(known, key=lambda item: len(item[0]))[1] if known else None

    # ------------------------------------------------------------ exporting
    def export(self, path: Path, text: str) -> None:
        """Write ``text`` (the summary as the user edited it) to ``path`` (.docx .txt .md).

        Raises DocumentError with a message for the user.
        """
        from desktop.documents import writers

        name = (self.document.title if self.document and self.document.title else
                self.source_path.stem if self.source_path else "")
        title = self.tr("Summary of {name}").format(name=name) if name else self.tr("Summary")
        writers.write_text(path, text, title=title, ai_notice=bool(self._context.settings.get("ai_notice")))

    def unfinished_parts(self) -> list[tuple[int, str]]:
        """Parts whose text had begun but that did not finish (a stop), as ``(index, text)`` in document order."""
        finished = {index for index, _t, _m in self.sections}
        return [(index, text) for index, text in sorted(self.part_texts.items())
                if index not in finished and text.strip()]

    def partial_text(self) -> str:
        """The partial summaries, each headed by its source, in document order; a part stopped part-way
        comes with what was written of it, headed as such (what is kept after a stop)."""
        blocks = [(index, f"【出典: {meta.get('source', '')}】\n{text}") for index, text, meta in self.sections]
        blocks += [(index, self.tr("[Part {n}, stopped part-way]").format(n=index + 1) + "\n" + text.strip())
                   for index, text in self.unfinished_parts()]
        return "\n\n".join(block for _index, block in sorted(blocks, key=lambda pair: pair[0]))
