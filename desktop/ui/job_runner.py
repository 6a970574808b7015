"""One job at a time on the engine, with only that job's events passed on.

A pane's controller owns a ``JobRunner``: it starts a job through the
``EngineClient``, remembers the request id, and re-emits the engine's events
for that id only, so panes never see each other's output. Everything arrives
by signal on the UI thread; nothing here blocks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.engine.client import EngineClient

CANCELLED = "cancelled"


class JobRunner(QObject):
    """Runs jobs of one pane; ``running`` is true from ``start`` until ``finished`` or ``failed``."""

    delta = Signal(str)
    part_delta = Signal(int, str)    # part index, text: deltas of a multi-part job (never also sent as delta)
    section = Signal(int, str, dict)
    progress = Signal(int, int, str)
    finished = Signal(dict)          # the done event's stats
    failed = Signal(str, str)        # code, message for the user (code "cancelled" after stop)
    running_changed = Signal(bool)

    def __init__(self, engine: EngineClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._request_id = ""
        engine.delta.connect(self._on_delta)
        engine.part_delta.connect(self._on_part_delta)
        engine.section.connect(self._on_section)
        engine.progress.connect(self._on_progress)
        engine.done.connect(self._on_done)
        engine.error.connect(self._on_error)

    @property
    def running(self) -> bool:
        return bool(self._request_id)

    @property
    def request_id(self) -> str:
        return self._request_id

    def start(self, kind: str, inputs: dict[str, Any], options: dict[str, Any]) -> str:
        """Ask the engine to run ``kind``; returns the request id. One job at a time."""
        if self._request_id:
            raise RuntimeError("a job is already running")
        self._request_id = self._engine.run_job(kind, inputs, options)
        self.running_changed.emit(True)
        return self._request_id

    @Slot()
    def cancel(self) -> None:
        """Ask the engine to stop the job; it ends with ``failed("cancelled", ...)``."""
        if self._request_id:
            self._engine.cancel(self._request_id)

    def _end(self) -> None:
        self._request_id = ""
        self.running_changed.emit(False)

    @Slot(str, str)
    def _on_delta(self, request_id: str, text: str) -> None:
        if request_id and request_id == self._request_id:
            self.delta.emit(text)

    @Slot(str, int, str)
    def _on_part_delta(self, request_id: str, part: int, text: str) -> None:
        if request_id and request_id == self._request_id:
            self.part_delta.emit(part, text)

    @Slot(str, int, str, dict)
    def _on_section(self, request_id: str, index: int, text: str, meta: dict) -> None:
        if request_id and request_id == self._request_id:
            self.section.emit(index, text, meta)

    @Slot(str, int, int, str)
    def _on_progress(self, request_id: str, done: int, total: int, label: str) -> None:
        if request_id and request_id == self._request_id:
            self.progress.emit(done, total, label)

    @Slot(str, dict)
    def _on_done(self, request_id: str, stats: dict) -> None:
        if request_id and request_id == self._request_id:
            self._end()
            self.finished.emit(stats)

    @Slot(str, str, str)
    def _on_error(self, request_id: str, code: str, message: str) -> None:
        if request_id and request_id == self._request_id:
            self._end()
            self.failed.emit(code, message)


class PaneController(QObject):
    """What every pane's controller shares: a ``JobRunner`` and whether a model is ready.

    ``ready_changed`` tells the view whether running is possible (a model is
    loaded); ``running_changed`` follows the runner; ``message`` is a short
    status line for the user. Subclasses connect the runner's other signals.
    """

    message = Signal(str)
    running_changed = Signal(bool)
    ready_changed = Signal(bool)

    def __init__(self, engine: EngineClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.runner = JobRunner(engine, self)
        self.runner.running_changed.connect(self.running_changed)
        engine.state_changed.connect(self._on_state_changed)
        engine.loaded.connect(self._on_loaded)

    @property
    def model_loaded(self) -> bool:
        return self._engine.model_facts is not None

    @property
    def running(self) -> bool:
        return self.runner.running

    @Slot()
    def stop(self) -> None:
        """Stop the running job; what it produced so far stays with the pane."""
        if self.running:
            self.runner.cancel()
            self.message.emit(self.tr("Stopping…"))

    # Slots take exactly their signal's arguments (PySide6 miscounts references
    # to values passed to a ``*args`` slot).
    @Slot(str)
    def _on_state_changed(self, _state: str) -> None:
        self.ready_changed.emit(self.model_loaded)

    @Slot(str, dict)
    def _on_loaded(self, _request_id: str, _facts: dict) -> None:
        self.ready_changed.emit(self.model_loaded)


class GenerationController(PaneController):
    """A pane controller whose job streams one text (draft, generate), shared so that panes do not copy it.

    ``delta`` carries the text as it comes; ``output_cleared`` asks the view to
    empty its output before a new run (not before a continuation). A stop
    keeps the text so far; an error's message goes to ``message``. Subclasses
    say what a finished run means (``_on_finished``). ``tr()`` texts here are
    looked up under the subclass's name (its translation context).
    """

    delta = Signal(str)
    output_cleared = Signal()

    def __init__(self, engine: EngineClient, parent: QObject | None = None) -> None:
        super().__init__(engine, parent)
        self.runner.delta.connect(self.delta)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)

    def start_stream(self, kind: str, inputs: dict[str, Any], options: dict[str, Any], *, clear: bool = True) -> bool:
        """Run ``kind``; ``clear`` empties the view's output first. True (a job has started)."""
        if clear:
            self.output_cleared.emit()
        self.runner.start(kind, inputs, options)
        self.message.emit(self.tr("Writing…"))
        return True

    @Slot(dict)
    def _on_finished(self, stats: dict) -> None:
        self.message.emit(self.tr("Done."))

    @Slot(str, str)
    def _on_failed(self, code: str, message: str) -> None:
        if code == CANCELLED:
            self.message.emit(self.tr("Stopped. The text so far is kept."))
        else:
            self.message.emit(message or code)
