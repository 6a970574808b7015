"""The 質問 pane's library work, off the UI thread: updating the index, searching, reading its state.

The controller runs ``LibraryWorker``'s methods in Qt's thread pool and hears
back by signals (queued to the UI thread), so the window never waits on a
disk, a slow network share or SQLite. Each call opens its own connection to
the index (SQLite connections stay in the thread that made them). Cancel sets
a flag that an update checks between files.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class LibraryWorker(QObject):
    """Library operations, each safe to run in any thread; results and progress go out as signals."""

    progress = Signal(int, int, str)
    updated = Signal(dict)                 # UpdateReport.as_dict()
    state = Signal(dict)                   # {"files", "passages", "failed": [{"file", "reason"}], "last_update", "notice"}
    searched = Signal(int, list, bool)     # token, hits as dicts (with "passage_id"), found
    failed = Signal(str)                   # a message for the user

    def __init__(self, index_path: Path) -> None:
        super().__init__()
        self.index_path = index_path
        self.cancel_flag = threading.Event()

    def _open(self):
        from desktop.knowledge import open_index

        return open_index(self.index_path)

    def update(self, folders: list) -> None:
        from desktop.knowledge import LibraryBusy, update_index
        from desktop.messages import message

        try:
            with self._open() as index:
                report = update_index(index, [str(f) for f in folders], progress=self._progress,
                                      cancelled=self.cancel_flag.is_set)
                self.updated.emit(report.as_dict())
                self.state.emit(self._state_of(index))
        except LibraryBusy:
            self.failed.emit(message("knowledge.busy"))
        except Exception as exc:  # the window must hear of every failure, never crash
            log.exception("library update failed")
            self.failed.emit(message("knowledge.read_failed", kind=type(exc).__name__))

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.emit(done, total, label)

    def read_state(self) -> None:
        try:
            with self._open() as index:
                self.state.emit(self._state_of(index))
        except Exception as exc:
            log.exception("reading the library state failed")
            self.failed.emit(str(type(exc).__name__))

    def search(self, token: int, question: str, top: int, model: str = "", vector: list | None = None) -> None:
        """Emit ``searched`` with the ``top`` passages (fused with dense results when ``vector`` is given)."""
        from desktop.knowledge import Searcher

        try:
            with self._open() as index:
                result = Searcher(index).search(question, top, vector=vector or None, model=model)
        except Exception as exc:
            log.exception("library search failed")
            self.failed.emit(str(type(exc).__name__))
            self.searched.emit(token, [], False)
            return
        hits = [{**hit.as_dict(), "passage_id": hit.passage_id} for hit in result.hits]
        self.searched.emit(token, hits, result.found)

    @staticmethod
    def _state_of(index) -> dict:
        files = index.files()
        last = max((f.indexed_at for f in files), default=0.0)
        return {
            "files": sum(1 for f in files if f.state == "ok"),
            "passages": index.passage_count(),
            "failed": [{"file": f.path, "reason": f.reason} for f in files if f.state == "failed"],
            "last_update": time.strftime("%Y-%m-%d %H:%M", time.localtime(last)) if last else "",
            "notice": index.notice,
        }
