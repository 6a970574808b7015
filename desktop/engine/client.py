"""The UI side of the pipe: ``EngineClient``, a QObject over a QProcess running the engine.

Promises:
- Requests are methods that return the request id at once; nothing blocks the
  UI thread. The worker's output is read on Qt's event loop and every event
  becomes one signal; the worker's stderr goes to ``logging``.
- Every request ends with exactly one of ``loaded``, ``done`` or ``error``.
- When the worker dies, every request in flight gets ``error(id, "engine_crashed")``
  (``model_corrupt`` for a load: the file killed it), text already streamed stays
  with the receiver, a fresh worker starts, and the model that was loaded is not
  reloaded behind the user's back (``model_facts`` becomes None).
- An error ``model_missing`` or ``model_corrupt`` on any request means the worker
  has no model loaded any more (``model_facts`` becomes None).
- The worker's stderr is logged line by line; the worker never writes the user's
  text there, and lines that are not protocol are logged by length only.
"""

from __future__ import annotations

import itertools
import logging
import time
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal, Slot

from desktop.engine import protocol
from desktop.engine.launch import engine_command, engine_environment
from desktop.engine.protocol import (
    ENGINE_CRASHED, MODEL_CORRUPT, MODEL_MISSING, Cancel, CountTokens, Delta, Done, Embed, Error, Job, Load, Loaded,
    Message, Progress, Section, Shutdown, Unload,
)
from desktop.messages import message

log = logging.getLogger(__name__)
engine_log = logging.getLogger("desktop.engine.worker")

SHUTDOWN_TIMEOUT_MS = 3000
MAX_RESTARTS = 5          # within RESTART_WINDOW_S; beyond that the client stays stopped
RESTART_WINDOW_S = 60.0


class EngineClient(QObject):
    """Talks to the engine process. States: stopped, starting, idle, loading, busy."""

    loaded = Signal(str, dict)
    progress = Signal(str, int, int, str)
    delta = Signal(str, str)
    part_delta = Signal(str, int, str)  # id, part index, text: a delta that names its part (never also sent as delta)
    section = Signal(str, int, str, dict)
    done = Signal(str, dict)
    error = Signal(str, str, str)
    state_changed = Signal(str)
    job_started = Signal(str, str, dict, dict)  # id, kind, inputs, options (for the history)

    def __init__(self, parent: QObject | None = None, *, command: list[str] | None = None,
                 env: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self._command = command or engine_command()
        self._env = env
        self._ids = itertools.count(1)
        self._pending: dict[str, str] = {}   # request id -> request type
        self._outbox: list[bytes] = []       # written once the process has started
        self._stdout_buffer = b""
        self._stderr_buffer = b""
        self._facts: dict[str, Any] | None = None
        self._state = "stopped"
        self._shutting_down = False
        self._crash_times: list[float] = []
        self._process: QProcess | None = None

    # ------------------------------------------------------------------ state

    @property
    def model_facts(self) -> dict[str, Any] | None:
        """Facts of the loaded model; None when no model is loaded."""
        return self._facts

    @property
    def state(self) -> str:
        return self._state

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _update_state(self) -> None:
        if self._process is None or self._process.state() == QProcess.ProcessState.NotRunning:
            self._set_state("stopped")
        elif self._process.state() == QProcess.ProcessState.Starting:
            self._set_state("starting")
        elif "load" in self._pending.values():
            self._set_state("loading")
        elif self._pending:
            self._set_state("busy")
        else:
            self._set_state("idle")

    # ------------------------------------------------------------------ process

    def start(self) -> None:
        """Start the worker (if it is not running)."""
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            return
        self._shutting_down = False
        process = QProcess(self)
        environment = QProcessEnvironment()
        for key, value in (self._env or engine_environment()).items():
            environment.insert(key, value)
        process.setProcessEnvironment(environment)
        process.setProgram(self._command[0])
        process.setArguments(self._command[1:])
        process.readyReadStandardOutput.connect(self._read_stdout)
        process.readyReadStandardError.connect(self._read_stderr)
        process.started.connect(self._on_started)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error_occurred)
        self._process = process
        self._stdout_buffer = b""
        self._stderr_buffer = b""
        process.start()
        self._update_state()

    def pid(self) -> int:
        """The worker's process id (0 when not running)."""
        return int(self._process.processId()) if self._process is not None else 0

    @Slot()
    def _on_started(self) -> None:
        outbox, self._outbox = self._outbox, []
        for data in outbox:
            self._process.write(data)
        self._update_state()

    def _write(self, request: Message) -> str:
        if not request.id:
            request.id = f"r{next(self._ids)}"
        data = protocol.encode(request).encode("utf-8")
        if self._process is None or self._process.state() == QProcess.ProcessState.NotRunning:
            self.start()
        if self._process.state() == QProcess.ProcessState.Running:
            self._process.write(data)
        else:
            self._outbox.append(data)
        return request.id

    def _request(self, request: Message) -> str:
        request_id = self._write(request)
        self._pending[request_id] = request.TYPE
        self._update_state()
        return request_id

    # ------------------------------------------------------------------ requests

    def load(self, path: str, *, n_ctx: int | None = None, n_threads: int | None = None,
             options: dict[str, Any] | None = None) -> str:
        """Load a model (the loaded one is freed first); answered by ``loaded`` or ``error``."""
        self._facts = None
        return self._request(Load(path=str(path), n_ctx=n_ctx, n_threads=n_threads, options=dict(options or {})))

    def run_job(self, kind: str, inputs: dict[str, Any], options: dict[str, Any]) -> str:
        """Run a job; events come as ``progress``/``delta``/``section``, then ``done`` or ``error``.

        ``job_started`` is emitted with the id, kind, inputs and options before any event of the job.
        """
        request_id = self._request(Job(kind=kind, inputs=dict(inputs), options=dict(options)))
        self.job_started.emit(request_id, kind, dict(inputs), dict(options))
        return request_id

    def count_tokens(self, text: str = "", *, texts: list[str] | None = None,
                     summary: dict[str, Any] | None = None) -> str:
        """Count tokens of ``text``; answered by ``done`` with ``stats["tokens"]``.

        With ``texts`` the answer also has ``stats["counts"]`` (one per text, in
        order); with ``summary`` (summarize options) ``stats["summary_budget"]``
        (see ``protocol.CountTokens``).
        """
        return self._request(CountTokens(text=text, texts=None if texts is None else list(texts),
                                         summary=None if summary is None else dict(summary)))

    def embed(self, path: str, texts: list[str]) -> str:
        """Vectors of ``texts`` from the embedding model at ``path``; answered by ``done`` with ``stats["vectors"]``."""
        return self._request(Embed(path=str(path), texts=list(texts)))

    def unload(self) -> str:
        """Free the model; answered by ``done``."""
        self._facts = None
        return self._request(Unload())

    def cancel(self, request_id: str) -> None:
        """Stop a request; it ends with ``error(id, "cancelled")``."""
        if request_id in self._pending and self._process is not None:
            self._write(Cancel(target=request_id))

    def shutdown(self) -> None:
        """Ask the worker to exit; kill it after a timeout. No restart follows."""
        self._shutting_down = True
        process = self._process
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            self._update_state()
            return
        if process.state() == QProcess.ProcessState.Running:
            process.write(protocol.encode(Shutdown(id="shutdown")).encode("utf-8"))
            process.closeWriteChannel()
        if not process.waitForFinished(SHUTDOWN_TIMEOUT_MS):
            log.warning("the engine did not stop; killing it")
            process.kill()
            process.waitForFinished(SHUTDOWN_TIMEOUT_MS)
        self._facts = None
        self._update_state()

    def shutdown_later(self) -> None:
        """Ask the worker to exit without waiting for it: ``state_changed("stopped")`` follows once it
        has (at once when it is not running). Killed after ``SHUTDOWN_TIMEOUT_MS``; no restart follows;
        requests still in flight end with ``error`` as the process ends."""
        self._shutting_down = True
        self._facts = None
        process = self._process
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            self._update_state()
            return

        def kill_if_running() -> None:
            if process.state() != QProcess.ProcessState.NotRunning:
                log.warning("the engine did not stop; killing it")
                process.kill()

        data = protocol.encode(Shutdown(id="shutdown")).encode("utf-8")
        if process.state() == QProcess.ProcessState.Running:
            process.write(data)
            process.closeWriteChannel()
        else:
            self._outbox.append(data)   # still starting: asked as soon as it has started
        QTimer.singleShot(SHUTDOWN_TIMEOUT_MS, process, kill_if_running)

    # ------------------------------------------------------------------ reading

    @Slot()
    def _read_stdout(self) -> None:
        if self._process is None:
            return
        self._stdout_buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._stdout_buffer = self._stdout_buffer.split(b"\n")
        for line in lines:
            if not line.strip():
                continue
            try:
                event = protocol.decode(line)
            except protocol.ProtocolError:
                # never the line itself: it may hold the user's text
                log.warning("engine sent a line that is not protocol (%d bytes)", len(line))
                continue
            self._dispatch(event)

    @Slot()
    def _read_stderr(self) -> None:
        if self._process is None:
            return
        self._stderr_buffer += bytes(self._process.readAllStandardError().data())
        *lines, self._stderr_buffer = self._stderr_buffer.split(b"\n")
        for line in lines:
            text = line.decode("utf-8", errors="replace").rstrip()
            if text:
                engine_log.info("%s", text)

    def _dispatch(self, event: Message) -> None:
        request_id = getattr(event, "id", "")
        if isinstance(event, Delta) and event.part is not None:
            self.part_delta.emit(request_id, event.part, event.text)
        elif isinstance(event, Delta):
            self.delta.emit(request_id, event.text)
        elif isinstance(event, Progress):
            self.progress.emit(request_id, event.done, event.total, event.label)
        elif isinstance(event, Section):
            self.section.emit(request_id, event.index, event.text, dict(event.meta))
        elif isinstance(event, Loaded):
            self._pending.pop(request_id, None)
            self._facts = dict(event.facts)
            self.loaded.emit(request_id, dict(event.facts))
        elif isinstance(event, Done):
            kind = self._pending.pop(request_id, None)
            if kind == "unload":
                self._facts = None
            self.done.emit(request_id, dict(event.stats))
        elif isinstance(event, Error):
            kind = self._pending.pop(request_id, None)
            if kind == "load" or event.code in (MODEL_MISSING, MODEL_CORRUPT):
                self._facts = None  # the worker has no model now (a job on a changed file frees it)
            if request_id or kind:
                self.error.emit(request_id, event.code, event.message)
        self._update_state()

    # ------------------------------------------------------------------ the worker died

    @Slot(QProcess.ProcessError)
    def _on_error_occurred(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.error("the engine could not be started: %s", self._process.errorString())
            self._fail_pending(stopped=True)
            self._process = None
            self._update_state()

    @Slot(int, QProcess.ExitStatus)
    def _on_finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        self._read_stdout()
        self._read_stderr()
        expected = self._shutting_down
        log.log(logging.INFO if expected else logging.ERROR,
                "engine exited (code %s, %s)", exit_code, exit_status.name)
        self._facts = None
        self._fail_pending(stopped=False)
        self._process = None
        self._update_state()
        # a receiver of those errors may have shut the client down meanwhile: then it stays stopped
        if not expected and not self._shutting_down and self._may_restart():
            self.start()

    def _fail_pending(self, *, stopped: bool) -> None:
        """End every request in flight with an error; a load's file is blamed for the crash."""
        pending, self._pending = self._pending, {}
        self._outbox = []
        for request_id, kind in pending.items():
            code = MODEL_CORRUPT if kind == "load" and not stopped else ENGINE_CRASHED
            text = message("engine_stopped") if stopped else message(code)
            self.error.emit(request_id, code, text)

    def _may_restart(self) -> bool:
        now = time.monotonic()
        self._crash_times = [t for t in self._crash_times if now - t < RESTART_WINDOW_S] + [now]
        if len(self._crash_times) > MAX_RESTARTS:
            log.error("the engine keeps dying; not restarting it")
            return False
        return True
