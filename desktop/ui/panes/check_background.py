"""Running a plain function off the UI thread and getting its result back by signal.

Used by the check pane to read documents and to run the rule engine (which
can take longer than a frame on a long document). Each call has a token; a
newer call makes older results stale, and the pane ignores them. A result for
a ``BackgroundCalls`` deleted meanwhile is dropped (``desktop.ui.background``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.ui.background import Reply


class _Call(QRunnable):
    def __init__(self, reply: Reply, token: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._reply = reply
        self._token = token
        self._fn = fn

    def run(self) -> None:
        try:
            result, error = self._fn(), None
        except Exception as exc:  # handed to the UI thread, which shows it
            result, error = None, exc
        self._reply.send("done", self._token, result, error)


class BackgroundCalls(QObject):
    """``submit(fn)`` runs ``fn()`` on a worker thread; ``done(token, result, error)`` arrives on the UI thread."""

    done = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._token = 0

    def submit(self, fn: Callable[[], Any]) -> int:
        self._token += 1
        self._pool.start(_Call(Reply(self), self._token, fn))
        return self._token

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for every submitted call (tests and shutdown)."""
        return self._pool.waitForDone(msecs)
