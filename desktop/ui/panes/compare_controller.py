"""The 比較 pane's controller: one job on each chosen model in turn, in an engine of its own.

Each model gets a fresh engine process (load, run, shut down), so every model
starts with all memory given back and its peak memory is its own: the next
model's engine starts only once the previous process has ended, which the
controller waits for through the client's ``state_changed("stopped")``, never
by blocking the UI thread; ``running`` stays True until the last one has ended.
The window's engine keeps its model only while the RAM estimate says it and
each compared model fit together (``desktop.compare.memory.both_fit``);
otherwise that model is unloaded first, and the user is told. A model that
fails to load or run is reported in its own column and the next one runs.
``stop()`` (Esc) cancels the running model and skips the rest.

It is not a ``PaneController``: that kit binds a pane to the window's one
engine and its loaded model, while a comparison owns a sequence of engines of
its own and is ready whenever 2–4 models are chosen. It keeps the kit's
surface (``message``, ``running_changed``, ``running``, ``stop``) so the window
treats it like the other panes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from desktop.compare.settings import (
    ENGINE_JOB, MAX_MODELS, MIN_MODELS, CompareSettings, ModelResult, apply_settings, model_titles,
)
from desktop.engine.client import EngineClient
from desktop.engine.protocol import CANCELLED
from desktop.library.hardware import available_ram_bytes

log = logging.getLogger(__name__)

#: column states, shown by the view
WAITING, LOADING, RUNNING, DONE, FAILED, SKIPPED = "waiting", "loading", "running", "done", "failed", "skipped"


@dataclass
class CompareRequest:
    """What to compare: models as (shown name, path, facts or None), the job and the fair settings."""

    models: list[tuple[str, str, dict[str, Any] | None]]
    kind: str
    inputs: dict[str, Any]
    options: dict[str, Any] = field(default_factory=dict)
    label: str = ""
    settings: CompareSettings = field(default_factory=CompareSettings)


class CompareController(QObject):
    """Runs a ``CompareRequest``; the view listens to the column signals."""

    column_state = Signal(int, str, str)      # index, state, detail for the user
    column_progress = Signal(int, int, int)   # index, done, total
    column_delta = Signal(int, str)           # index, text
    column_finished = Signal(int, object)     # index, ModelResult
    running_changed = Signal(bool)
    message = Signal(str)

    def __init__(self, main_engine: EngineClient, parent: QObject | None = None, *,
                 engine_factory: Callable[[QObject], EngineClient] | None = None) -> None:
        super().__init__(parent)
        self._main_engine = main_engine
        #: makes the engine of one model (a fresh ``EngineClient`` unless the caller gives another)
        self.engine_factory = engine_factory or (lambda owner: EngineClient(owner))
        self._engine: EngineClient | None = None
        self._request: CompareRequest | None = None
        self._results: list[ModelResult] = []
        self._index = -1
        self._job_id = ""
        self._load_id = ""
        self._pieces: list[str] = []
        self._sections: dict[int, str] = {}
        self._stopping = False
        self._load_started = 0.0
        self.last_request: CompareRequest | None = None
        #: the memory available now, in bytes (None: unknown); the RAM check before a comparison asks it
        self.available_ram: Callable[[], int | None] = available_ram_bytes
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close_now)

    @property
    def running(self) -> bool:
        return self._request is not None

    @property
    def results(self) -> list[ModelResult]:
        return list(self._results)

    @property
    def stopped(self) -> bool:
        """True when the last comparison was stopped (Esc) before every model ran."""
        return self._stopping

    def start(self, request: CompareRequest) -> bool:
        """Begin the comparison; False (with ``message``) when it cannot start."""
        if self.running:
            return False
        if not MIN_MODELS <= len(request.models) <= MAX_MODELS:
            self.message.emit(self.tr("Choose 2 to 4 models to compare."))
            return False
        self._request = self.last_request = request
        titles = model_titles([(name, path) for name, path, _facts in request.models])
        self._results = [ModelResult(model=name, path=path, title=title)
                         for (name, path, _facts), title in zip(request.models, titles)]
        self._stopping = False
        self._make_room(request)
        for index in range(len(request.models)):
            self.column_state.emit(index, WAITING, self.tr("Waiting for its turn"))
        self.running_changed.emit(True)
        self._index = -1
        self._next_model()
        return True

    @Slot()
    def stop(self) -> None:
        """Cancel the running model; the models not yet run are skipped."""
        if not self.running:
            return
        self._stopping = True
        if self._engine is not None:
            for request_id in (self._job_id, self._load_id):
                if request_id:
                    self._engine.cancel(request_id)
        self.message.emit(self.tr("Stopping…"))

    # ------------------------------------------------------------ one model after another

    def _make_room(self, request: CompareRequest) -> None:
        """Unload the window's model unless the RAM estimate says it and each compared model fit together."""
        loaded = self._main_engine.model_facts
        if loaded is None:
            return
        from desktop.compare.memory import both_fit

        compared = [facts for _name, _path, facts in request.models]
        if both_fit(loaded, compared, request.settings.n_ctx, self.available_ram()):
            return
        self._main_engine.unload()
        self.message.emit(self.tr("The loaded model was unloaded to make room for the comparison. "
                                  "Load it again from the model panel afterwards."))

    def _next_model(self) -> None:
        self._retire_engine(self._start_next_model)

    def _start_next_model(self) -> None:
        request = self._request
        if request is None:      # closed at quit meanwhile
            return
        self._index += 1
        if self._index >= len(request.models):
            self._finish()
            return
        if self._stopping:
            for index in range(self._index, len(request.models)):
                self._results[index].error_code, self._results[index].error = CANCELLED, self.tr("Skipped")
                self.column_state.emit(index, SKIPPED, self.tr("Skipped"))
            self._finish()
            return
        _name, path, _facts = request.models[self._index]
        self._pieces, self._sections = [], {}
        self._engine = engine = self.engine_factory(self)
        engine.loaded.connect(self._on_loaded)
        engine.delta.connect(self._on_delta)
        engine.section.connect(self._on_section)
        engine.progress.connect(self._on_progress)
        engine.done.connect(self._on_done)
        engine.error.connect(self._on_error)
        self.column_state.emit(self._index, LOADING, self.tr("Loading the model…"))
        self._load_started = time.perf_counter()
        self._load_id = engine.load(path, n_ctx=request.settings.n_ctx, n_threads=request.settings.n_threads)

    def _retire_engine(self, then: Callable[[], None]) -> None:
        """Shut the current model's engine down without waiting on the UI thread; ``then()`` once its
        process has ended (its signals are cut first: what it still says belongs to no column)."""
        engine, self._engine = self._engine, None
        self._job_id = self._load_id = ""
        if engine is None:
            then()
            return
        self._detach(engine)
        ended = False

        def on_state(state: str) -> None:
            nonlocal ended
            if state != "stopped" or ended:
                return
            ended = True
            engine.state_changed.disconnect(on_state)
            engine.deleteLater()
            then()

        engine.state_changed.connect(on_state)
        engine.shutdown_later()
        if engine.state == "stopped":
            on_state("stopped")

    @Slot()
    def close_now(self) -> None:
        """At quit: end the running model's engine at once (this one waits, the application is ending)."""
        self._stopping = True
        engine, self._engine = self._engine, None
        if engine is not None:
            self._detach(engine)
            engine.shutdown()
        self._request = None

    @staticmethod
    def _detach(engine: EngineClient) -> None:
        for signal in (engine.loaded, engine.delta, engine.section, engine.progress, engine.done, engine.error):
            signal.disconnect()

    def _finish(self) -> None:
        def finished() -> None:
            self._request = None
            self.running_changed.emit(False)

        self._retire_engine(finished)

    def _fail_current(self, code: str, text: str) -> None:
        result = self._results[self._index]
        result.error_code, result.error = code, text
        result.text = self._current_text()
        state = SKIPPED if code == CANCELLED else FAILED
        self.column_state.emit(self._index, state, text)
        self.column_finished.emit(self._index, result)
        self._next_model()

    def _current_text(self) -> str:
        if self._sections:
            return "\n".join(self._sections[i] for i in sorted(self._sections))
        return "".join(self._pieces)

    # ------------------------------------------------------------ engine events (one model's engine)

    @Slot(str, dict)
    def _on_loaded(self, request_id: str, facts: dict) -> None:
        if request_id != self._load_id or self._request is None:
            return
        self._load_id = ""
        result = self._results[self._index]
        result.load_s = round(time.perf_counter() - self._load_started, 3)
        n_ctx = facts.get("n_ctx")
        result.n_ctx = n_ctx if isinstance(n_ctx, int) and n_ctx > 0 else None
        if self._stopping:
            self._fail_current(CANCELLED, self.tr("Stopped"))
            return
        request = self._request
        self.column_state.emit(self._index, RUNNING, self.tr("Running…"))
        self._job_id = self._engine.run_job(ENGINE_JOB[request.kind], request.inputs,
                                            apply_settings(request.options, request.settings))

    @Slot(str, str)
    def _on_delta(self, request_id: str, text: str) -> None:
        if request_id == self._job_id and self._request is not None and self._request.kind != "translate":
            self._pieces.append(text)
            self.column_delta.emit(self._index, text)

    @Slot(str, int, str, dict)
    def _on_section(self, request_id: str, index: int, text: str, _meta: dict) -> None:
        if request_id == self._job_id and self._request is not None and self._request.kind == "translate":
            self._sections[index] = text
            self.column_delta.emit(self._index, text + "\n")

    @Slot(str, int, int, str)
    def _on_progress(self, request_id: str, done: int, total: int, _label: str) -> None:
        if request_id in (self._job_id, self._load_id) and total:
            self.column_progress.emit(self._index, done, total)

    @Slot(str, dict)
    def _on_done(self, request_id: str, stats: dict) -> None:
        if request_id != self._job_id:
            return
        result = self._results[self._index]
        result.take_stats(stats)
        result.text = self._current_text()
        if self._sections:
            result.extra["translations"] = {str(i): text for i, text in sorted(self._sections.items())}
        self.column_state.emit(self._index, DONE, "")
        self.column_finished.emit(self._index, result)
        self._next_model()

    @Slot(str, str, str)
    def _on_error(self, request_id: str, code: str, text: str) -> None:
        if request_id and request_id in (self._job_id, self._load_id):
            self._fail_current(code, text)
