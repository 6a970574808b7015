"""Finding model files off the UI thread.

``desktop.library.discover_models`` probes every file in a child process and
can take seconds; it runs on Qt's thread pool and its result comes back
through a ``Reply`` (``desktop.ui.background``), so a result that arrives
after its ``ModelDiscovery`` was deleted is dropped.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.ui.background import Reply

log = logging.getLogger(__name__)


class _DiscoveryTask(QRunnable):
    def __init__(self, settings: Any, generation: int, reply: Reply) -> None:
        super().__init__()
        self._settings = settings
        self._generation = generation
        self._reply = reply

    def run(self) -> None:  # runs on a pool thread: no widgets here, the reply only
        try:
            from desktop.library import discover_models

            entries = list(discover_models(self._settings))
        except Exception as exc:  # reported to the UI, never lost on a pool thread
            log.exception("model discovery failed")
            self._reply.send("_task_failed", self._generation, str(exc))
            return
        self._reply.send("_task_finished", self._generation, entries)


class ModelDiscovery(QObject):
    """Starts discoveries; only the newest one's result is reported.

    ``finished(list)`` carries the library's ``ModelEntry`` objects;
    ``failed(str)`` a message when the library itself failed.
    """

    started = Signal()
    finished = Signal(list)
    failed = Signal(str)
    _task_finished = Signal(int, list)   # generation, entries
    _task_failed = Signal(int, str)      # generation, message

    def __init__(self, settings: Any, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._running = False
        self._task_finished.connect(self._on_finished)
        self._task_failed.connect(self._on_failed)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Look for models again; an earlier unfinished look is ignored."""
        self._generation += 1
        self._running = True
        self.started.emit()
        self._pool.start(_DiscoveryTask(self._settings, self._generation, Reply(self)))

    def cancel(self) -> None:
        """Forget the look under way: its result is never reported (the window that asked is closing)."""
        self._generation += 1
        self._running = False

    @Slot(int, list)
    def _on_finished(self, generation: int, entries: list) -> None:
        if generation == self._generation:
            self._running = False
            self.finished.emit(entries)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._running = False
            self.failed.emit(message)
