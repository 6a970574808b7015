"""A scripted stand-in for ``EngineClient``: the window's tests without an engine process.

``FakeEngine`` is an ``EngineClient`` (same signals, same request methods, the
same event dispatch), but nothing is started: a request is answered on Qt's
event loop by running the real job (``desktop.jobs.job_for``) in this process
with a ``ScriptedModel``, one event per turn of the loop, so the panes see
streaming, progress, sections, cancel and errors as they would from the
engine. Use it where a test checks the window; keep the end-to-end tests that
must cross the pipe on the real ``EngineClient``.

    engine = FakeEngine(ScriptedModel("・要点です。"))
    engine.load("model.gguf")          # answered by loaded(facts)
    engine.run_job("summarize", inputs, options)
"""

from __future__ import annotations

from collections import deque
from typing import Any

from PySide6.QtCore import QTimer

from desktop.contracts import Cancelled, JobError
from desktop.engine.client import EngineClient
from desktop.engine.protocol import (
    CANCELLED, INTERNAL, Cancel, CountTokens, Done, Error, Job, Load, Loaded, Message, Unload,
)
from desktop.messages import message
from tests.support.scripted_model import ScriptedModel

#: The facts a load answers with, unless the test gives its own.
FACTS = {"name": "scripted", "architecture": "llama", "n_ctx": 4096, "path": "scripted.gguf",
         "chat_template_warning": ""}


class FakeEngine(EngineClient):
    """An ``EngineClient`` whose worker is ``model`` (a ``ScriptedModel``) in this process.

    ``requests`` lists every request sent, in order. ``facts`` are what a load
    answers; ``fail_load`` makes loads fail with that error code instead;
    ``loaded`` starts with the model already loaded. A test may also emit the
    signals itself (as the engine would) to drive what listens to them.
    """

    def __init__(self, model: ScriptedModel | None = None, *, facts: dict[str, Any] | None = None,
                 fail_load: str = "", loaded: bool = False, parent=None) -> None:
        super().__init__(parent, command=["fake-engine"])
        self.model = model or ScriptedModel()
        self.facts = dict(FACTS, n_ctx=self.model.n_ctx, **(facts or {}))
        self.fail_load = fail_load
        self.requests: list[Message] = []
        self._running = False
        self._queue: deque[tuple[str, Any]] = deque()   # (request id, generator of events)
        self._cancelled: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        if loaded:
            self.start()
            self._facts = dict(self.facts)

    # -------------------------------------------------------------- process stand-in
    def start(self) -> None:
        self._running = True
        self._update_state()

    def pid(self) -> int:
        return 0

    def shutdown(self) -> None:
        self._shutting_down = True
        self._running = False
        self._queue.clear()
        self._timer.stop()
        self._facts = None
        self._update_state()

    def shutdown_later(self) -> None:
        """As the real one: stopped on a later turn of the event loop, not during the call."""
        QTimer.singleShot(0, self, self.shutdown)

    def cancel(self, request_id: str) -> None:
        if request_id in self._pending:
            self._write(Cancel(target=request_id))

    def _update_state(self) -> None:
        if not self._running:
            self._set_state("stopped")
        elif "load" in self._pending.values():
            self._set_state("loading")
        else:
            self._set_state("busy" if self._pending else "idle")

    def _write(self, request: Message) -> str:
        if not request.id:
            request.id = f"r{next(self._ids)}"
        if not self._running:
            self.start()
        self.requests.append(request)
        if isinstance(request, Cancel):
            self._cancelled.add(request.target)
        else:
            self._queue.append((request.id, self._answer(request)))
            self._timer.start()
        return request.id

    # -------------------------------------------------------------- answering
    def _answer(self, request: Message):
        """The events that answer ``request``, one at a time (a generator)."""
        if isinstance(request, Load):
            if self.fail_load:
                yield Error(code=self.fail_load, message=message(self.fail_load))
            else:
                yield Loaded(facts=dict(self.facts, path=request.path, n_ctx=request.n_ctx or self.facts["n_ctx"]))
        elif isinstance(request, CountTokens):
            from desktop.jobs.token_counts import count_stats

            try:
                yield Done(stats=dict(count_stats(self.model, request.text, request.texts, request.summary)))
            except JobError as exc:
                yield Error(code=exc.code, message=exc.message)
        elif isinstance(request, Unload):
            yield Done(stats={})
        elif isinstance(request, Job):
            yield from self._run_job(request)

    def _run_job(self, request: Job):
        from desktop.jobs import job_for

        events = job_for(request.kind)(self.model, request.inputs, request.options)
        try:
            while True:
                yield next(events)
        except StopIteration as stop:
            stats = dict(stop.value or {})
            stats.setdefault("finish_reason", self.model.last_finish_reason)
            yield Done(stats=stats)
        except Cancelled:
            yield Error(code=CANCELLED, message=message(CANCELLED))
        except JobError as exc:
            yield Error(code=exc.code, message=exc.message)
        except Exception as exc:  # noqa: BLE001 - a job's bug reaches the pane as the engine would send it
            yield Error(code=INTERNAL, message=f"{message(INTERNAL)} ({exc})")

    def _step(self) -> None:
        """Deliver the next event of the oldest request still answering."""
        if not self._queue:
            self._timer.stop()
            return
        request_id, events = self._queue[0]
        if request_id in self._cancelled:
            self._cancelled.discard(request_id)
            self._queue.popleft()
            self._deliver(request_id, Error(code=CANCELLED, message=message(CANCELLED)))
            return
        event = next(events, None)
        if event is None or isinstance(event, (Done, Error, Loaded)):
            self._queue.popleft()
        if event is not None:
            self._deliver(request_id, event)

    def _deliver(self, request_id: str, event: Message) -> None:
        event.id = request_id
        self._dispatch(event)
