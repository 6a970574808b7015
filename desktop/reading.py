"""Reading untrusted documents in a throwaway process, bounded in time and memory.

``read_isolated(path)`` runs ``python -m desktop --read-document PATH`` (the
frozen executable: ``Fumi --read-document PATH``), which reads the file with
``desktop.documents.read_document`` under an address-space limit and prints
one JSON line: ``{"document": {...}}`` or ``{"error": {"reason", "code",
"params"}}``. A file that makes the reader hang past ``timeout_s`` or die
(out of memory, a parser crash) becomes a ``DocumentError`` ("took_too_long",
"reader_crashed") naming the file: a crafted document can never take the
window or the command line down. The window's ``DocumentLoader`` and every
command that reads a document use this path, so both read the same way.

Limits: ``READER_MEMORY_LIMIT_BYTES`` of memory (``desktop.child_process``:
address space on POSIX, a job object on Windows), the readers' own limits
(``desktop.documents.safezip``, the size checks) and a time limit per file (``DEFAULT_TIMEOUT_S`` plus ``TIMEOUT_PER_MB_S`` per MB).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from desktop.child_process import child_env, limit_address_space, self_command
from desktop.documents.model import Document, DocumentError

log = logging.getLogger(__name__)

#: Address-space limit of the reader process: imports take ~0.5 GB of it, the rest is for the document.
READER_MEMORY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024
#: A document that takes longer than this to read is refused: a base, plus time per MB of file
#: (pypdf extracts ~70 text pages/s here; an old office PC is several times slower).
DEFAULT_TIMEOUT_S = 60.0
TIMEOUT_PER_MB_S = 3.0


# ---------------------------------------------------------------- child side


def read_answer(path: str, lang: str | None = None) -> dict[str, Any]:
    """The JSON-ready answer for one file (never raises)."""
    from desktop.documents import read_document

    try:
        return {"document": read_document(path, lang=lang).to_dict()}
    except DocumentError as exc:
        return {"error": {"reason": exc.reason, "code": exc.code, "params": exc.params}}
    except MemoryError:
        return {"error": {"reason": "too_large", "code": "documents.reader_crashed", "params": {"name": Path(path).name}}}
    except RecursionError:
        return {"error": {"reason": "corrupt", "code": "documents.reader_crashed", "params": {"name": Path(path).name}}}


def main(argv: list[str]) -> int:
    """Entry point of ``--read-document PATH [LANG]``: one JSON line on stdout. Exit 0; 2 without a path."""
    limit_address_space(READER_MEMORY_LIMIT_BYTES)
    if not argv:
        print("usage: --read-document PATH [LANG]", file=sys.stderr)
        return 2
    answer = read_answer(argv[0], argv[1] if len(argv) > 1 else None)
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False, default=str).encode("utf-8", "replace") + b"\n")
    sys.stdout.flush()
    return 0


# --------------------------------------------------------------- parent side


def reader_command(path: str, lang: str | None) -> list[str]:
    """The command that reads ``path``: this program started with ``--read-document``."""
    return self_command("--read-document", [path] + ([lang] if lang else []))


def read_isolated(path: str | os.PathLike[str], *, lang: str | None = None,
                  timeout_s: float | None = None) -> Document:
    """The document at ``path``, read in a separate, limited process.

    ``timeout_s`` defaults to ``DEFAULT_TIMEOUT_S`` plus ``TIMEOUT_PER_MB_S`` per MB of the file.

    Raises ``DocumentError`` for every file that cannot be read, including one
    that makes the reader hang ("took_too_long") or die ("reader_crashed").
    """
    name = Path(path).name or str(path)
    if timeout_s is None:
        try:
            size_mb = os.path.getsize(path) / (1024 * 1024)
        except OSError:
            size_mb = 0.0
        timeout_s = DEFAULT_TIMEOUT_S + TIMEOUT_PER_MB_S * size_mb
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        done = subprocess.run(
            reader_command(os.fspath(path), lang), stdin=subprocess.DEVNULL, capture_output=True,
            env=child_env(), creationflags=flags, timeout=timeout_s,
        )
    except subprocess.TimeoutExpired:
        raise DocumentError("too_large", "documents.took_too_long", {"name": name, "seconds": int(timeout_s)}) from None
    except OSError as exc:
        log.error("cannot start the reader process: %s", exc)
        raise DocumentError("corrupt", "documents.reader_crashed", {"name": name}) from None
    answer = _answer(done.stdout)
    if answer is None:
        log.warning("reader process for %s ended with %s: %s", name, done.returncode,
                    done.stderr.decode("utf-8", "replace")[-500:])
        raise DocumentError("corrupt", "documents.reader_crashed", {"name": name})
    if "document" in answer:
        return Document.from_dict(answer["document"])
    error = answer.get("error") or {}
    raise DocumentError(str(error.get("reason") or "corrupt"), str(error.get("code") or "documents.reader_crashed"),
                        dict(error.get("params") or {"name": name}))


def _answer(stdout: bytes) -> dict[str, Any] | None:
    for line in reversed(stdout.decode("utf-8", "replace").splitlines()):
        try:
            answer = json.loads(line)
        except ValueError:
            continue
        if isinstance(answer, dict) and ("document" in answer or "error" in answer):
            return answer
    return None
