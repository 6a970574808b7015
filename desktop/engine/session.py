"""The engine process driven from plain, blocking code (the command line, benchmarks, tests).

``EngineSession`` starts the worker with pipes (no Qt), sends requests and
yields the events of one request until its final event. It is a context
manager; ``close()`` asks the worker to stop and kills it if it does not.
If the worker dies, the request ends with an ``engine_crashed`` error event.
Ctrl+C while a request runs sends ``cancel`` for it, waits briefly for the
worker to confirm, then lets ``KeyboardInterrupt`` go on (the caller exits 130).
"""

from __future__ import annotations

import itertools
import logging
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from desktop.engine import protocol
from desktop.engine.launch import engine_command, engine_environment
from desktop.engine.protocol import (
    ENGINE_CRASHED, FINAL_EVENT_TYPES, Cancel, Error, Load, Loaded, Message, Progress, Shutdown,
)
from desktop.messages import message

log = logging.getLogger(__name__)
engine_log = logging.getLogger("desktop.engine.worker")

SHUTDOWN_TIMEOUT_S = 5.0
CANCEL_TIMEOUT_S = 5.0


class EngineError(Exception):
    """A request ended with an ``error`` event; ``code`` is its protocol code."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code = code
        self.text = text


def _forward_stderr(stream: IO[bytes]) -> None:
    for raw in stream:
        line = raw.decode("utf-8", errors="replace").rstrip()
        if line:
            engine_log.debug("%s", line)


class EngineSession:
    """A running engine process, spoken to one request at a time."""

    def __init__(self, command: list[str] | None = None, env: dict[str, str] | None = None) -> None:
        self._ids = itertools.count(1)
        self._process = subprocess.Popen(
            command or engine_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env or engine_environment(),
        )
        self._stderr_thread = threading.Thread(
            target=_forward_stderr, args=(self._process.stderr,), name="engine-stderr", daemon=True,
        )
        self._stderr_thread.start()
        self.facts: dict[str, Any] | None = None

    @property
    def pid(self) -> int:
        return self._process.pid

    def __enter__(self) -> EngineSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ requests

    def next_id(self) -> str:
        return f"s{next(self._ids)}"

    def send(self, request: Message) -> str:
        """Send ``request`` (giving it an id if it has none); returns the id."""
        if not getattr(request, "id", ""):
            request.id = self.next_id()
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(protocol.encode(request).encode("utf-8"))
            self._process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            log.warning("the engine's input is closed")
        return request.id

    def _read_event(self) -> Message | None:
        """The next event from the worker; None when it has died or closed its output."""
        assert self._process.stdout is not None
        while True:
            line = self._process.stdout.readline()
            if not line:
                return None
            try:
                return protocol.decode(line)
            except protocol.ProtocolError:
                # never the line itself: it may hold the user's text
                log.warning("engine sent a line that is not protocol (%d bytes)", len(line))

    def request(self, request: Message) -> Iterator[Message]:
        """Send ``request`` and yield its events up to and including its final one.

        If the worker dies first, the last event is ``Error(engine_crashed)``.
        """
        request_id = self.send(request)
        try:
            while True:
                event = self._read_event()
                if event is None:
                    yield Error(code=ENGINE_CRASHED, message=message(ENGINE_CRASHED), id=request_id)
                    return
                if getattr(event, "id", "") != request_id:
                    continue
                yield event
                if isinstance(event, FINAL_EVENT_TYPES):
                    return
        except KeyboardInterrupt:
            self._cancel_and_wait(request_id)
            raise

    def _cancel_and_wait(self, request_id: str) -> None:
        """After Ctrl+C: cancel the request and read until the worker confirms (briefly)."""
        self.cancel(request_id)
        done = threading.Event()

        def drain() -> None:
            while (event := self._read_event()) is not None:
                if getattr(event, "id", "") == request_id and isinstance(event, FINAL_EVENT_TYPES):
                    break
            done.set()

        threading.Thread(target=drain, daemon=True).start()
        try:
            done.wait(CANCEL_TIMEOUT_S)
        except KeyboardInterrupt:
            pass

    def cancel(self, request_id: str) -> None:
        """Ask the worker to stop ``request_id``; it ends with error ``cancelled``."""
        self.send(Cancel(target=request_id))

    def load(
        self,
        path: str | Path,
        n_ctx: int | None = None,
        n_threads: int | None = None,
        *,
        options: dict[str, Any] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> dict[str, Any]:
        """Load a model; returns its facts or raises ``EngineError``."""
        request = Load(path=str(path), n_ctx=n_ctx, n_threads=n_threads, options=dict(options or {}))
        for event in self.request(request):
            if isinstance(event, Progress) and on_progress is not None:
                on_progress(event)
            elif isinstance(event, Loaded):
                self.facts = dict(event.facts)
                return self.facts
            elif isinstance(event, Error):
                self.facts = None
                raise EngineError(event.code, event.message)
        raise EngineError(ENGINE_CRASHED, message(ENGINE_CRASHED))  # not reached: request() ends with a final event

    # ------------------------------------------------------------------ ending

    def close(self) -> None:
        """Ask the worker to shut down; kill it if it has not exited within a few seconds."""
        process = self._process
        if process.poll() is None:
            self.send(Shutdown(id=self.next_id()))
            try:
                process.stdin.close()  # type: ignore[union-attr]
            except OSError:
                pass
            try:
                process.wait(SHUTDOWN_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                log.warning("the engine did not stop; killing it")
                process.kill()
                process.wait()
        self._stderr_thread.join(SHUTDOWN_TIMEOUT_S)  # every line the worker wrote is logged
        for stream in (process.stdout, process.stdin):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
