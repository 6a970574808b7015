"""Dense retrieval in the window: the embedding model's vectors for the library, and for each question.

Vectors are computed by the engine process (``EngineClient.embed``), a batch
at a time, so that other panes' jobs can run between batches. Reading and
writing the index happens in Qt's thread pool; the engine is spoken to on the
UI thread. ``VectorFiller`` embeds every passage without a vector;
``QuestionEmbedder`` embeds one question. Both end with one signal, also when
the engine fails (then lexical search alone is used).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.knowledge.embedding import BATCH, passage_text, query_text
from desktop.ui.background import Reply


class _EngineRequests(QObject):
    """Follows the engine's answers to the requests this object sent."""

    def __init__(self, engine: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._request = ""
        engine.done.connect(self._on_done)
        engine.error.connect(self._on_error)

    def send(self, path: Path, texts: list[str]) -> None:
        self._request = self._engine.embed(str(path), texts)

    def answered(self, vectors: list) -> None:  # overridden
        raise NotImplementedError

    def refused(self, text: str) -> None:  # overridden
        raise NotImplementedError

    @Slot(str, dict)
    def _on_done(self, request_id: str, stats: dict) -> None:
        if request_id and request_id == self._request:
            self._request = ""
            self.answered(list(stats.get("vectors") or []))

    @Slot(str, str, str)
    def _on_error(self, request_id: str, _code: str, text: str) -> None:
        if request_id and request_id == self._request:
            self._request = ""
            self.refused(text)


class VectorFiller(_EngineRequests):
    """Embeds the library's passages that have no vector from ``model_path`` yet."""

    progress = Signal(int, int, str)
    finished = Signal(int, str)          # passages embedded, a problem for the user ("" when none)
    _batch_ready = Signal(list, int)     # [(passage id, text)], passages still without a vector

    def __init__(self, engine: Any, index_path: Path, model_path: Path, label: str,
                 parent: QObject | None = None) -> None:
        super().__init__(engine, parent)
        self.index_path = index_path
        self.model_path = model_path
        self.model = model_path.name
        self.label = label
        self.cancel_flag = threading.Event()
        self._batch: list = []
        self._done = 0
        self._total = 0
        self._batch_ready.connect(self._on_batch)

    def start(self) -> None:
        reply, index_path, model = Reply(self), self.index_path, self.model
        QThreadPool.globalInstance().start(lambda: _read_batch(index_path, model, reply))

    @Slot(list, int)
    def _on_batch(self, batch: list, remaining: int) -> None:
        if not self._total:
            self._total = remaining
        if not batch or self.cancel_flag.is_set():
            self.finished.emit(self._done, "")
            return
        self._batch = batch
        self.send(self.model_path, [passage_text(text, self.model) for _pid, text in batch])

    def answered(self, vectors: list) -> None:
        batch, self._batch = self._batch, []
        if len(vectors) != len(batch):
            self.finished.emit(self._done, "")
            return
        self._done += len(batch)
        self.progress.emit(self._done, self._total, self.label)

        reply, index_path, model = Reply(self), self.index_path, self.model

        def store() -> None:
            from desktop.knowledge import open_index

            with open_index(index_path) as index:
                index.store_vectors(model, [(pid, vector) for (pid, _), vector in zip(batch, vectors)])
            _read_batch(index_path, model, reply)

        QThreadPool.globalInstance().start(store)

    def refused(self, text: str) -> None:
        self.finished.emit(self._done, text)


def _read_batch(index_path: Path, model: str, reply: Reply) -> None:
    """On a pool thread: the next passages without a vector from ``model``, sent as ``_batch_ready``."""
    from desktop.knowledge import open_index

    with open_index(index_path) as index:
        batch = index.passages_without_vectors(model, BATCH)
        remaining = index.connection.execute(
            "SELECT count(*) FROM passages p LEFT JOIN vectors v ON v.passage_id = p.id AND v.model = ?"
            " WHERE v.passage_id IS NULL", (model,)).fetchone()[0]
    reply.send("_batch_ready", batch, remaining)


class QuestionEmbedder(_EngineRequests):
    """The vector of one question (``embedded``), or an empty list when the engine could not make it."""

    embedded = Signal(str, list)         # model name, vector

    def __init__(self, engine: Any, model_path: Path, parent: QObject | None = None) -> None:
        super().__init__(engine, parent)
        self.model_path = model_path

    def embed(self, question: str) -> None:
        self.send(self.model_path, [query_text(question, self.model_path.name)])

    def answered(self, vectors: list) -> None:
        self.embedded.emit(self.model_path.name, vectors[0] if vectors else [])

    def refused(self, _text: str) -> None:
        self.embedded.emit(self.model_path.name, [])
