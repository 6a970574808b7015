"""The engine process: reads requests on stdin, runs them one at a time, writes events on stdout.

Promises:
- The protocol pipe is a private copy of the original stdout; fd 1 then points
  at stderr, so nothing native (llama.cpp, a stray print) can corrupt the pipe.
- The offline guard is installed before anything else runs.
- A reader thread takes requests off stdin; ``cancel`` takes effect at once (a
  running request stops within one token, a queued one is answered ``cancelled``).
  The main thread runs one request at a time; one model is loaded at a time.
- Every request ends with exactly one final event (``loaded``, ``done`` or
  ``error``); errors carry a protocol code and a message in the user's language.
- After an error of code ``model_missing`` or ``model_corrupt`` no model is
  loaded (e.g. the model's file was removed or changed since it was loaded:
  llama.cpp maps the file, so it is never read again once changed).
- The user's text (prompts, documents, outputs) is never logged: failures are
  logged by type and place, refused lines by length.
- EOF on stdin or a ``shutdown`` request frees the model and exits 0.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from desktop import offline
from desktop.engine import protocol
from desktop.engine.memory import peak_rss_mb
from desktop.engine.protocol import (
    BAD_INPUT, CANCELLED, INTERNAL, MODEL_CORRUPT, MODEL_MISSING, MODEL_TOO_LARGE, OUT_OF_MEMORY,
    Cancel, CountTokens, Done, Embed, Error, Job, Load, Loaded, Message, Progress, Shutdown, Unload,
)
from desktop.messages import message

log = logging.getLogger(__name__)


class RequestFailed(Exception):
    """A request cannot be done; ``code`` is a protocol error code."""

    def __init__(self, code: str, text: str | None = None) -> None:
        super().__init__(text or message(code))
        self.code = code
        self.text = text or message(code)


class EventWriter:
    """Writes events to the protocol pipe, one JSON line each, from any thread.

    When the pipe breaks (the window is gone), ``on_closed`` is called once, so
    that the engine stops its work instead of running on for nobody.
    """

    def __init__(self, stream: BinaryIO, on_closed: Callable[[], None] | None = None) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self.on_closed = on_closed
        self.closed = False

    def send(self, event: Message) -> None:
        data = protocol.encode(event).encode("utf-8")
        with self._lock:
            if self.closed:
                return
            try:
                self._stream.write(data)
                self._stream.flush()
                return
            except (BrokenPipeError, OSError, ValueError):
                log.warning("the pipe to the window is closed; stopping")
                self.closed = True
        if self.on_closed is not None:
            self.on_closed()


def _claim_stdout() -> BinaryIO:
    """A private copy of stdout for the protocol; fd 1 (and ``sys.stdout``) then go to stderr."""
    sys.stdout.flush()
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return os.fdopen(protocol_fd, "wb", buffering=0)


def _log_failure(request: Message, exc: BaseException) -> None:
    """Log an unexpected failure: its type and where it happened, never its text.

    An exception's text may quote the user's document (a job's ``ValueError``,
    a template error), and the log file must never hold the user's text.
    """
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("request %s (%s) failed with %s\n%s", request.id, request.TYPE, type(exc).__name__,
              frames.rstrip())


def _format_bytes(count: int) -> str:
    return f"{count / 1024 ** 3:.1f} GB"


class Engine:
    """Runs requests against at most one loaded model and sends their events."""

    def __init__(self, writer: EventWriter) -> None:
        self._writer = writer
        self._model: Any = None  # desktop.engine.llm.Model, imported on first load
        self._model_file: FileIdentity | None = None  # the loaded file as it was when loaded
        self._embedder: Any = None  # desktop.engine.embedder.Embedder, loaded by the first ``embed``
        self._queue: queue.Queue[Message | None] = queue.Queue()
        self._flags: dict[str, threading.Event] = {}
        self._waiting: set[str] = set()  # queued, not started yet
        self._flags_lock = threading.Lock()
        self._running = True

    # ------------------------------------------------------- called by the reader thread

    def submit(self, request: Message) -> None:
        """Queue a request, or act on a ``cancel`` at once.

        Cancelling the running request sets its flag (it stops within one token);
        cancelling a queued one answers it ``cancelled`` now and drops it.
        """
        if isinstance(request, Cancel):
            with self._flags_lock:
                flag = self._flags.get(request.target)
                dropped = request.target in self._waiting
                self._waiting.discard(request.target)
            if flag is not None:
                flag.set()
            if dropped:
                self._writer.send(Error(code=CANCELLED, message=message(CANCELLED), id=request.target))
            return
        with self._flags_lock:
            self._flags[request.id] = threading.Event()
            self._waiting.add(request.id)
        self._queue.put(request)

    def end_of_input(self) -> None:
        """Nobody is listening any more: stop the running request and end after it."""
        with self._flags_lock:
            for flag in self._flags.values():
                flag.set()
        self._queue.put(None)

    # ------------------------------------------------------- the main loop

    def run(self) -> None:
        """Handle requests until ``shutdown`` or the end of input."""
        while self._running:
            request = self._queue.get()
            if request is None:
                break
            self._handle(request)
        self.close_model()

    def _handle(self, request: Message) -> None:
        with self._flags_lock:
            if request.id not in self._waiting:
                self._flags.pop(request.id, None)
                return  # cancelled while queued, already answered
            self._waiting.discard(request.id)
            flag = self._flags.get(request.id) or threading.Event()
        try:
            final = self._dispatch(request, flag)
        except RequestFailed as failure:
            final = Error(code=failure.code, message=failure.text)
        except MemoryError:
            final = Error(code=OUT_OF_MEMORY, message=message(OUT_OF_MEMORY))
        except Exception as exc:
            _log_failure(request, exc)
            final = Error(code=INTERNAL, message=message(INTERNAL))
        finally:
            with self._flags_lock:
                self._flags.pop(request.id, None)
        final.id = request.id
        self._writer.send(final)

    def _dispatch(self, request: Message, flag: threading.Event) -> Message:
        if isinstance(request, Load):
            return self._load(request, flag)
        if isinstance(request, Job):
            return self._job(request, flag)
        if isinstance(request, CountTokens):
            return self._count(request)
        if isinstance(request, Embed):
            return self._embed(request, flag)
        if isinstance(request, Unload):
            self.close_model()
            return Done(stats={})
        if isinstance(request, Shutdown):
            self.close_model()
            self._running = False
            return Done(stats={})
        raise RequestFailed(BAD_INPUT)

    def _send(self, event: Message, request_id: str) -> None:
        event.id = request_id
        self._writer.send(event)

    def _require_model(self) -> Any:
        """The loaded model, if its file is still the one that was loaded.

        llama.cpp maps the file into memory: a file overwritten in place would feed
        the model garbage or crash the process on the next read. So a file that was
        removed or changed since the load frees the model and fails the request
        with a clear message (the user loads the model again).
        """
        if self._model is None:
            raise RequestFailed(MODEL_MISSING, message("no_model_loaded"))
        if self._model_file is not None:
            change = self._model_file.change()
            if change:
                log.warning("the model file %s since it was loaded; model freed", change)
                self.close_model()
                if change == "was removed":
                    raise RequestFailed(MODEL_MISSING, message("model_file_removed"))
                raise RequestFailed(MODEL_CORRUPT, message("model_file_changed"))
        return self._model

    def _embed(self, request: Embed, flag: threading.Event) -> Message:
        from desktop.engine.embedder import Embedder
        from desktop.engine.llm import ModelLoadError

        if self._embedder is None or str(self._embedder.path) != request.path:
            self._close_embedder()
            try:
                self._embedder = Embedder.load(request.path)
            except ModelLoadError as exc:
                # bad_input, not model_*: those codes promise the chat model is gone, and it is not
                raise RequestFailed(BAD_INPUT, exc.message) from None
        vectors = self._embedder.embed([str(text) for text in request.texts], flag.is_set)
        if flag.is_set():
            raise RequestFailed(CANCELLED)
        return Done(stats={"vectors": vectors, "model": self._embedder.name})

    def _close_embedder(self) -> None:
        if self._embedder is not None:
            embedder, self._embedder = self._embedder, None
            embedder.close()

    def close_model(self) -> None:
        """Free the loaded models (chat and embedding), if any."""
        self._close_embedder()
        self._model_file = None
        if self._model is not None:
            model, self._model = self._model, None
            model.close()
            log.info("model closed")

    # ------------------------------------------------------- load

    def _load(self, request: Load, flag: threading.Event) -> Message:
        steps = 2
        self._send(Progress(done=0, total=steps, label="progress_checking"), request.id)
        self.close_model()  # one model at a time: free the old one before reading the new one
        path = Path(request.path)
        if not path.is_file():
            raise RequestFailed(MODEL_MISSING)
        identity = FileIdentity.of(path)
        file_facts = _read_facts(path)
        n_ctx = _context_size(file_facts, _whole_number(request.n_ctx))
        _check_ram(file_facts, n_ctx, force=bool(request.options.get("force")))
        if flag.is_set():
            raise RequestFailed(CANCELLED)
        self._send(Progress(done=1, total=steps, label="progress_loading"), request.id)
        from desktop.engine.llm import Model, ModelLoadError

        try:
            model = Model.load(path, n_ctx=n_ctx, n_threads=_whole_number(request.n_threads) or None)
        except ModelLoadError as exc:
            raise RequestFailed(exc.code, exc.message) from None
        if flag.is_set():
            model.close()
            raise RequestFailed(CANCELLED)
        self._model = model
        self._model_file = identity
        self._send(Progress(done=steps, total=steps, label="progress_ready"), request.id)
        log.info("loaded %s: %s", path, model.facts)
        return Loaded(facts={**file_facts, **model.facts})

    # ------------------------------------------------------- counting

    def _count(self, request: CountTokens) -> Message:
        from desktop.contracts import JobError
        from desktop.jobs.token_counts import count_stats

        model = self._require_model()
        try:
            return Done(stats=dict(count_stats(model, request.text, request.texts, request.summary)))
        except JobError as exc:
            if exc.code in (MODEL_MISSING, MODEL_CORRUPT):
                self.close_model()  # the rule: after a model error no model is loaded
            raise RequestFailed(exc.code, exc.message) from None

    # ------------------------------------------------------- jobs

    def _job(self, request: Job, flag: threading.Event) -> Message:
        from desktop.jobs import job_for
        from desktop.contracts import Cancelled, JobError

        try:
            run = job_for(request.kind)
        except (KeyError, ImportError):
            raise RequestFailed(BAD_INPUT, message("unknown_job", kind=request.kind)) from None
        model = self._require_model()
        model.cancel_check = flag.is_set
        model.begin_request()
        started = time.perf_counter()
        extra: dict[str, Any] = {}
        try:
            events = run(model, dict(request.inputs), dict(request.options))
            while True:
                if flag.is_set():
                    raise Cancelled()
                try:
                    event = next(events)
                except StopIteration as stop:
                    extra = stop.value if isinstance(stop.value, dict) else {}
                    break
                self._send(event, request.id)
        except Cancelled:
            raise RequestFailed(CANCELLED) from None
        except JobError as exc:
            if exc.code in (MODEL_MISSING, MODEL_CORRUPT):
                self.close_model()  # the rule: after a model error no model is loaded
            raise RequestFailed(exc.code, exc.message) from None
        finally:
            model.cancel_check = lambda: False
        stats = model.request_stats(time.perf_counter() - started)
        stats["peak_rss_mb"] = peak_rss_mb()
        stats.update(extra)
        return Done(stats=stats)


# ------------------------------------------------------------------ checks before llama.cpp

def _read_facts(path: Path) -> dict[str, Any]:
    """The file's facts from its GGUF header, read by the library's bounded reader.

    Malformed files are refused here (``model_corrupt``), before llama.cpp sees them.
    """
    from desktop.library import GGUFFormatError, read_model_facts

    try:
        return read_model_facts(path)
    except GGUFFormatError as exc:
        log.warning("refused %s before loading: %s", path, exc)
        raise RequestFailed(MODEL_CORRUPT) from None


def _context_size(facts: dict[str, Any], requested: int) -> int:
    """The context to load with: the request's (up to the trained context), else the library's choice."""
    from desktop.library import choose_context

    return choose_context(facts, requested)


def _check_ram(facts: dict[str, Any], n_ctx: int, *, force: bool = False) -> None:
    """``model_too_large`` when the estimate (file + KV cache + overhead) exceeds the available RAM.

    ``force`` (the user insists, e.g. after closing other programs) compares with
    the PC's whole memory instead: more than that can never work, and trying
    would only push the PC into swapping or the process into the OOM killer.
    """
    from desktop.library import available_ram_bytes, estimate_ram, total_ram_bytes

    need = estimate_ram(facts, n_ctx)
    free = total_ram_bytes() if force else available_ram_bytes()
    if need and free and need > free:
        log.warning("refused to load: needs about %s, %s %s", _format_bytes(need),
                    "RAM is" if force else "free is", _format_bytes(free))
        raise RequestFailed(MODEL_TOO_LARGE, message(MODEL_TOO_LARGE, need=_format_bytes(need),
                                                     free=_format_bytes(free)))


def _whole_number(value: Any) -> int:
    """A request's size field (n_ctx, n_threads) as an int >= 0; ``bad_input`` for anything else."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RequestFailed(BAD_INPUT)
    return value


@dataclass(frozen=True)
class FileIdentity:
    """Which file ``path`` named at one moment (device, inode), with its size and time of change."""

    path: Path
    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity:
        info = path.stat()
        return cls(path, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)

    def change(self) -> str:
        """"" while the file is as it was, else what happened to it: "was removed", "was replaced", "was changed"."""
        try:
            now = FileIdentity.of(self.path)
        except FileNotFoundError:
            return "was removed"
        except OSError:
            return ""  # cannot tell (e.g. a network share gone for a moment): keep going
        if now == self:
            return ""
        return "was replaced" if (now.device, now.inode) != (self.device, self.inode) else "was changed"


# ------------------------------------------------------------------ process entry

def _read_requests(stdin: BinaryIO, engine: Engine, writer: EventWriter) -> None:
    """The reader thread: decode each line; hand requests to the engine; tell the engine at EOF."""
    try:
        for line in stdin:
            if not line.strip():
                continue
            try:
                request = protocol.decode(line)
            except protocol.ProtocolError:
                # never the line itself: it may hold the user's text
                log.warning("bad request line (%d bytes) refused", len(line))
                writer.send(Error(code=BAD_INPUT, message=message(BAD_INPUT), id=""))
                continue
            if not isinstance(request, protocol.REQUEST_TYPES):
                writer.send(Error(code=BAD_INPUT, message=message(BAD_INPUT), id=getattr(request, "id", "")))
                continue
            engine.submit(request)
    finally:
        engine.end_of_input()


def main() -> int:
    """Run the engine until shutdown or EOF, then end the process with exit code 0."""
    offline.install()
    protocol_out = _claim_stdout()
    logging.basicConfig(
        level=os.environ.get("FUMI_ENGINE_LOG", "INFO").upper(),
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("llama.cpp").setLevel(logging.WARNING)
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the caller's to handle: it sends cancel
    writer = EventWriter(protocol_out)
    engine = Engine(writer)
    writer.on_closed = engine.end_of_input
    reader = threading.Thread(
        target=_read_requests, args=(sys.stdin.buffer, engine, writer), name="requests", daemon=True,
    )
    reader.start()
    engine.run()  # returns with the model freed
    logging.shutdown()
    sys.stderr.flush()
    # End now: the reader thread may be blocked reading stdin, and a normal interpreter
    # shutdown would then abort ("could not acquire lock for <stdin>"), reported as a crash.
    os._exit(0)
