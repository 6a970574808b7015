"""Run one job on several models in turn, from blocking code (the command line).

Each model gets a fresh engine process: load, run, shut down. So every model
starts with all memory given back, and the process's peak memory is that
model's. A model that cannot be loaded or fails its run is reported in its own
result and the next model still runs. Ctrl+C cancels the running model's
request and ends the comparison (``KeyboardInterrupt`` goes on to the caller).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.compare.settings import ENGINE_JOB, CompareSettings, ModelResult, apply_settings, model_titles
from desktop.engine import protocol
from desktop.engine.session import EngineError, EngineSession

#: on_status(model_index, model_name, status_code, event): status codes are
#: "compare.loading", "compare.running", "compare.done", "compare.failed"; event may be None.
StatusCallback = Callable[[int, str, str, Any], None]


@dataclass(frozen=True)
class CompareJob:
    """The job every model runs: a comparison kind ("draft", "summarize", "translate", "prompt") and its inputs."""

    kind: str
    inputs: dict[str, Any]
    options: dict[str, Any]

    @property
    def engine_kind(self) -> str:
        return ENGINE_JOB[self.kind]


def run_comparison(
    models: list[tuple[str, Path | None]],
    job: CompareJob,
    settings: CompareSettings,
    *,
    on_status: StatusCallback | None = None,
    on_delta: Callable[[int, str], None] | None = None,
    session_factory: Callable[[], EngineSession] = EngineSession,
) -> list[ModelResult]:
    """One ``ModelResult`` per entry of ``models`` ((name, path); path None: not found), in order."""
    results: list[ModelResult] = []
    titles = model_titles([(name, str(path or "")) for name, path in models])
    for index, (name, path) in enumerate(models):
        result = ModelResult(model=name, path=str(path or ""), title=titles[index])
        results.append(result)
        if path is None:
            result.error_code = protocol.MODEL_MISSING
            result.error = _missing_text(name)
            _status(on_status, index, result.shown, "compare.failed", None)
            continue
        _run_one(index, result, path, job, settings, on_status, on_delta, session_factory)
    return results


def _run_one(index: int, result: ModelResult, path: Path, job: CompareJob, settings: CompareSettings,
             on_status: StatusCallback | None, on_delta: Callable[[int, str], None] | None,
             session_factory: Callable[[], EngineSession]) -> None:
    name = result.shown
    _status(on_status, index, name, "compare.loading", None)
    try:
        session = session_factory()
    except OSError as exc:
        result.error_code, result.error = protocol.ENGINE_CRASHED, str(exc)
        _status(on_status, index, name, "compare.failed", None)
        return
    with session:
        started = time.perf_counter()
        try:
            facts = session.load(path, settings.n_ctx, settings.n_threads)
        except EngineError as exc:
            result.error_code, result.error = exc.code, exc.text
            _status(on_status, index, name, "compare.failed", None)
            return
        result.load_s = round(time.perf_counter() - started, 3)
        result.n_ctx = _whole(facts.get("n_ctx"))
        _status(on_status, index, name, "compare.running", None)
        request = protocol.Job(kind=job.engine_kind, inputs=job.inputs, options=apply_settings(job.options, settings))
        pieces: list[str] = []
        sections: dict[int, str] = {}
        for event in session.request(request):
            if isinstance(event, protocol.Section) and job.kind == "translate":
                sections[event.index] = event.text
            elif isinstance(event, protocol.Delta):
                pieces.append(event.text)
                if on_delta is not None:
                    on_delta(index, event.text)
            elif isinstance(event, protocol.Progress):
                _status(on_status, index, name, "compare.running", event)
            elif isinstance(event, protocol.Done):
                result.take_stats(dict(event.stats))
            elif isinstance(event, protocol.Error):
                result.error_code, result.error = event.code, event.message
        result.text = "\n".join(sections[i] for i in sorted(sections)) if sections else "".join(pieces)
    _status(on_status, index, name, "compare.failed" if result.error else "compare.done", None)


def _status(callback: StatusCallback | None, index: int, name: str, code: str, event: Any) -> None:
    if callback is not None:
        callback(index, name, code, event)


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _missing_text(name: str) -> str:
    from desktop.messages import message

    return message("model_not_found", name=name)
