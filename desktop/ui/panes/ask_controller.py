"""The 質問 pane's controller: the library (folders, index updates, state) and asking.

Asking is two steps: the library is searched off the UI thread
(``LibraryWorker``); when the retrieval scores say nothing relevant was
found, the answer is the plain "not found" sentence and the model is not
asked; otherwise the engine's ``ask`` job answers from the passages. The
job's final ``section`` carries the checked answer and the cited passages'
indices (``sources_changed`` gives the view the passages, cited ones first).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

from desktop.knowledge.folders import add_user_folders, library_folders, remove_user_folder
from desktop.knowledge.search import MAX_QUESTION_CHARS
from desktop.messages import message
from desktop.ui.background import Reply
from desktop.ui.context import AppContext
from desktop.ui.job_runner import CANCELLED, PaneController
from desktop.ui.panes.ask_library import LibraryWorker
from desktop.ui.panes.ask_vectors import QuestionEmbedder, VectorFiller

TOP = 5


class AskController(PaneController):
    """State of the 質問 pane; the view only shows what this says."""

    delta = Signal(str)
    answer_started = Signal(str)         # the question
    answer_replaced = Signal(str)        # the checked answer (citations rewritten)
    sources_changed = Signal(list)       # [{"file", "location", "text", "cited": bool}]
    library_state = Signal(dict)
    library_progress = Signal(int, int, str)
    indexing_changed = Signal(bool)
    folders_changed = Signal(list)
    _embedding_found = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(context.engine, parent)
        self._context = context
        self._tokens = itertools.count(1)
        self._search_token = 0
        self._question = ""
        self._passages: list[dict] = []
        self.indexing = False
        self.answer_text = ""
        # The worker has no parent: a task still running in the pool keeps it alive after the pane is gone.
        self.worker = LibraryWorker(context.paths.library_index)
        self.worker.progress.connect(self.library_progress)
        self.worker.updated.connect(self._on_updated)
        self.worker.state.connect(self.library_state)
        self.worker.searched.connect(self._on_searched)
        self.worker.failed.connect(self._on_worker_failed)
        self._embedding_path: Path | None = None
        self._filler: VectorFiller | None = None
        self._question_embedder: QuestionEmbedder | None = None
        self._embedding_found.connect(self._on_embedding_found)
        self._look_for_embedding_model()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.runner.delta.connect(self.delta)
        self.runner.section.connect(self._on_section)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)

    @Slot()
    def shutdown(self) -> None:
        """Cancel an update in progress (it stops after the file it is reading)."""
        self.worker.cancel_flag.set()
        if self._filler is not None:
            self._filler.cancel_flag.set()

    def _look_for_embedding_model(self) -> None:
        from desktop.knowledge.embedding import find_embedding_model

        settings = self._context.settings
        reply = Reply(self)
        self._in_background(lambda: reply.send("_embedding_found", str(find_embedding_model(settings) or "")))

    @Slot(str)
    def _on_embedding_found(self, path: str) -> None:
        self._embedding_path = Path(path) if path else None
        if self._embedding_path is not None:
            self._question_embedder = QuestionEmbedder(self._engine, self._embedding_path, self)
            self._question_embedder.embedded.connect(self._on_question_embedded)

    def _in_background(self, work) -> None:
        QThreadPool.globalInstance().start(work)

    # ------------------------------------------------------------------ library
    def folders(self) -> list[str]:
        return library_folders(self._context.settings)

    def refresh_state(self) -> None:
        self._in_background(self.worker.read_state)

    def add_folder(self, folder: str) -> None:
        if add_user_folders(self._context.settings, [folder]):
            self._context.settings.save()
        self.folders_changed.emit(self.folders())
        self.refresh_state()
        self.update_library()

    def remove_folder(self, folder: str) -> None:
        if remove_user_folder(self._context.settings, folder):
            self._context.settings.save()
            self.folders_changed.emit(self.folders())
            self.refresh_state()
            self.update_library()

    @Slot()
    def update_library(self) -> bool:
        """Bring the index up to date in the background; False when an update is already running."""
        if self.indexing:
            return False
        self.indexing = True
        self.indexing_changed.emit(True)
        folders = self.folders()
        self.worker.cancel_flag.clear()
        worker = self.worker   # parentless: its signals outlive a closed pane, and Qt drops them then
        self._in_background(lambda: worker.update(folders))
        return True

    @Slot()
    def cancel_update(self) -> None:
        self.worker.cancel_flag.set()
        if self._filler is not None:
            self._filler.cancel_flag.set()

    @Slot(dict)
    def _on_updated(self, report: dict) -> None:
        if not report.get("cancelled") and self._embedding_path is not None:
            self._fill_vectors()
        else:
            self.indexing = False
            self.indexing_changed.emit(False)
        if report.get("cancelled"):
            self.message.emit(self.tr("Update stopped. What was read so far is kept."))
        else:
            self.message.emit(self.tr("Library updated: {added} added, {changed} changed, {removed} removed, "
                                      "{failed} could not be read.").format(
                added=len(report["added"]), changed=len(report["changed"]),
                removed=len(report["removed"]), failed=len(report["failed"])))

    def _fill_vectors(self) -> None:
        """Embed the passages that have no vector yet (the update stays "running" until done)."""
        self._filler = VectorFiller(self._engine, self._context.paths.library_index, self._embedding_path,
                                    message("knowledge.embedding"), self)
        self._filler.progress.connect(self.library_progress)
        self._filler.finished.connect(self._on_vectors_filled)
        self._filler.start()

    @Slot(int, str)
    def _on_vectors_filled(self, _count: int, problem: str) -> None:
        self._filler = None
        self.indexing = False
        self.indexing_changed.emit(False)
        if problem:
            self.message.emit(problem)

    @Slot(str)
    def _on_worker_failed(self, text: str) -> None:
        if self.indexing:
            self.indexing = False
            self.indexing_changed.emit(False)
        self.message.emit(text)

    # ------------------------------------------------------------------ asking
    def problem_with(self, question: str) -> str:
        """Why ``question`` cannot be asked now ("" when it can)."""
        text = question.strip()
        if not text:
            return message("knowledge.question_empty")
        if len(text) > MAX_QUESTION_CHARS:
            return message("knowledge.question_too_long", length=len(text), limit=MAX_QUESTION_CHARS)
        if self.running or self._search_token:
            return self.tr("Already answering. Press Esc to stop.")
        return ""

    @Slot(str)
    def ask(self, question: str) -> bool:
        """Search the library for ``question`` and answer; False (with a message) when it cannot start."""
        problem = self.problem_with(question)
        if problem:
            self.message.emit(problem)
            return False
        self._question = question.strip()
        self._passages = []
        self.answer_text = ""
        self.answer_started.emit(self._question)
        self.sources_changed.emit([])
        self._search_token = next(self._tokens)
        self.message.emit(self.tr("Searching the library…"))
        if self._question_embedder is not None:
            self._question_embedder.embed(self._question)
        else:
            self._search(self._search_token, self._question, "", [])
        return True

    def _search(self, token: int, question: str, model: str, vector: list) -> None:
        worker = self.worker
        self._in_background(lambda: worker.search(token, question, TOP, model, vector))

    @Slot(str, list)
    def _on_question_embedded(self, model: str, vector: list) -> None:
        if self._search_token:
            self._search(self._search_token, self._question, model, vector)

    @Slot(int, list, bool)
    def _on_searched(self, token: int, hits: list, found: bool) -> None:
        if token != self._search_token:
            return  # stopped meanwhile
        self._search_token = 0
        self._passages = [{"file": h["file"], "location": h["location"], "text": h["text"]} for h in hits]
        if not found or not hits:
            self.answer_text = message("knowledge.not_found")
            self.answer_replaced.emit(self.answer_text)
            self.sources_changed.emit([{**p, "cited": False} for p in self._passages])
            self.message.emit(self.tr("No passage in the library answers this question."))
            return
        self.sources_changed.emit([{**p, "cited": False} for p in self._passages])
        if not self.model_loaded:
            self.message.emit(self.tr("Passages found. Load a model on the Model page to get a written answer."))
            return
        settings = self._context.settings
        options: dict[str, Any] = {"max_tokens": settings.get("max_tokens"), "temperature": 0.2}
        self.runner.start("ask", {"question": self._question, "passages": self._passages, "found": True}, options)
        self.message.emit(self.tr("Writing the answer…"))

    @Slot()
    def stop(self) -> None:
        if self._search_token:
            self._search_token = 0
            self.message.emit(self.tr("Stopped."))
        super().stop()

    @Slot(int, str, dict)
    def _on_section(self, _index: int, text: str, meta: dict) -> None:
        self.answer_text = text
        self.answer_replaced.emit(text)
        cited = [i for i in meta.get("sources", []) if isinstance(i, int) and 0 <= i < len(self._passages)]
        ordered = cited + [i for i in range(len(self._passages)) if i not in cited]
        self.sources_changed.emit([{**self._passages[i], "cited": i in cited} for i in ordered])
        if meta.get("invalid"):
            self.message.emit(self.tr("{n} citation(s) named no passage given and were removed.").format(
                n=meta["invalid"]))

    @Slot(dict)
    def _on_finished(self, _stats: dict) -> None:
        self.message.emit(self.tr("Done. Check the answer against its sources before you use it."))

    @Slot(str, str)
    def _on_failed(self, code: str, text: str) -> None:
        if code == CANCELLED:
            self.message.emit(self.tr("Stopped. The text so far is kept."))
        else:
            self.message.emit(text or code)

    @property
    def question(self) -> str:
        return self._question

    @property
    def passages(self) -> list[dict]:
        return list(self._passages)

    def restore(self, question: str, answer: str, passages: list[dict]) -> None:
        """Show a past question again (from the history)."""
        self._question, self.answer_text, self._passages = question, answer, list(passages)
        self.answer_started.emit(question)
        self.answer_replaced.emit(answer)
        self.sources_changed.emit([{**p, "cited": False} for p in self._passages])
