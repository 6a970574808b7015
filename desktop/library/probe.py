"""Read model files' headers in a throwaway process, bounded in time and memory.

``python -m desktop --probe FILE...`` (the frozen executable: ``Fumi --probe
FILE...``) prints one JSON line per file, in order, as soon as it is read:
``{"path": ..., "facts": {...}}`` or ``{"path": ..., "reason": ..., "detail": ...}``.

``probe_files`` runs that process from the UI or the command line. A file
that makes the probe hang or die is reported as unreadable (``probe_timeout``
/ ``probe_crashed``) beside the good ones, and the files after it are probed
again in a fresh process: a hostile file can never hang or crash the caller.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.child_process import child_env, limit_address_space, self_command

log = logging.getLogger(__name__)

#: Address-space limit of the probe process (POSIX). The parser itself needs a few MB.
PROBE_MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
#: Keep each command line well under Windows' 32k-character limit.
MAX_COMMAND_CHARS = 16000


@dataclass
class ProbeResult:
    """One file's answer: ``facts`` when readable, else ``reason`` (a message key) and ``detail``."""

    path: Path
    facts: dict[str, Any] | None = None
    reason: str | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.facts is not None


# ---------------------------------------------------------------- child side


def _limit_memory() -> None:
    """Cap this process's address space where the OS allows (POSIX ``RLIMIT_AS``)."""
    limit_address_space(PROBE_MEMORY_LIMIT_BYTES)


def probe_one(path: str) -> dict[str, Any]:
    """The JSON-ready answer for one file (never raises)."""
    from desktop.library.facts import read_model_facts
    from desktop.library.gguf_meta import GGUFFormatError

    try:
        return {"path": path, "facts": read_model_facts(path)}
    except GGUFFormatError as exc:
        return {"path": path, "reason": exc.reason, "detail": exc.detail}
    except MemoryError:
        return {"path": path, "reason": "probe_failed", "detail": "out of memory"}
    except Exception as exc:  # a parser bug must still answer for this file
        return {"path": path, "reason": "probe_failed", "detail": f"{type(exc).__name__}: {exc}"[:300]}


def main(argv: list[str]) -> int:
    """Entry point of ``--probe FILE...``: one JSON line per file on stdout. Exit 0; 2 without files."""
    _limit_memory()
    if not argv:
        print("usage: --probe FILE...", file=sys.stderr)
        return 2
    for path in argv:
        sys.stdout.write(json.dumps(probe_one(path), ensure_ascii=True) + "\n")
        sys.stdout.flush()
    return 0


# --------------------------------------------------------------- parent side


def probe_command(paths: list[str]) -> list[str]:
    """The command that probes ``paths``: this program started with ``--probe``."""
    return self_command("--probe", paths)


def _child_env() -> dict[str, str]:
    """The environment for the probe: from source, make sure ``desktop`` is importable."""
    return child_env()


def _batches(paths: list[str]) -> list[list[str]]:
    batches: list[list[str]] = []
    current: list[str] = []
    length = 0
    for path in paths:
        if current and length + len(path) + 3 > MAX_COMMAND_CHARS:
            batches.append(current)
            current, length = [], 0
        current.append(path)
        length += len(path) + 3
    if current:
        batches.append(current)
    return batches


def _pump(stream: Any, lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _run_batch(batch: list[str], timeout_s: float) -> tuple[list[dict[str, Any]], str | None]:
    """Probe ``batch`` in one process. Returns the answers received (in order) and,
    if the process hung or died before answering them all, ``"probe_timeout"`` or ``"probe_crashed"``.

    The timeout applies to each file: every answer restarts the clock.
    """
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        process = subprocess.Popen(
            probe_command(batch), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=_child_env(), creationflags=flags,
            text=True, encoding="utf-8", errors="replace",
        )
    except OSError as exc:
        log.error("cannot start the probe process: %s", exc)
        return [], "probe_failed"
    lines: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True)
    reader.start()
    answers: list[dict[str, Any]] = []
    failure: str | None = None
    try:
        while len(answers) < len(batch):
            try:
                line = lines.get(timeout=timeout_s)
            except queue.Empty:
                failure = "probe_timeout"
                break
            if line is None:
                failure = "probe_crashed"
                break
            try:
                answer = json.loads(line)
            except ValueError:
                continue  # not ours (should not happen: the probe prints only its answers)
            if isinstance(answer, dict):
                answers.append(answer)
    finally:
        if process.poll() is None:
            process.kill()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.warning("probe process %s did not exit after kill", process.pid)
        reader.join(timeout=2)
        if process.stdout and not reader.is_alive():
            process.stdout.close()
    if failure:
        log.warning("probe %s after %d of %d files (exit %s)", failure, len(answers), len(batch), process.returncode)
    return answers, failure


def _result(path: str, answer: dict[str, Any]) -> ProbeResult:
    facts = answer.get("facts")
    if isinstance(facts, dict):
        return ProbeResult(Path(path), facts=facts)
    return ProbeResult(Path(path), reason=str(answer.get("reason") or "probe_failed"), detail=str(answer.get("detail") or ""))


def probe_files(paths: list[str | os.PathLike[str]], *, timeout_s: float = 10) -> list[ProbeResult]:
    """Facts or a problem for every path, in order, read in separate processes.

    Never raises for a bad file and never waits more than ``timeout_s`` on one file.
    """
    pending = [str(path) for path in paths]
    results: list[ProbeResult] = []
    while pending:
        batch = _batches(pending)[0]
        answers, failure = _run_batch(batch, timeout_s)
        for path, answer in zip(batch, answers):
            results.append(_result(path, answer))
        done = len(answers)
        if failure and done < len(batch):
            # The file being read when the probe hung or died is the culprit; the rest are retried.
            results.append(ProbeResult(Path(batch[done]), reason=failure))
            done += 1
        pending = pending[done:]
    return results
