"""What every command-line subcommand shares: errors, the engine, jobs, results.

Promises: every failure is one line on stderr (never a traceback) and an exit
code of ``desktop.cli.exitcodes``; Ctrl+C cancels the running request and
exits 130; progress goes to stderr, results to stdout or the output file.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.cli import exitcodes
from desktop.engine import protocol
from desktop.messages import describe, message, warning_texts

log = logging.getLogger(__name__)

#: protocol error code -> exit code
#: Between a file and a place in it on the console: U+2015 (―), which CP932 consoles can show; U+2014 (—) cannot.
SEPARATOR = "\u2015"

EXIT_CODES = {
    protocol.MODEL_MISSING: exitcodes.MODEL_PROBLEM,
    protocol.MODEL_CORRUPT: exitcodes.MODEL_PROBLEM,
    protocol.MODEL_TOO_LARGE: exitcodes.MODEL_PROBLEM,
    protocol.OUT_OF_MEMORY: exitcodes.MODEL_PROBLEM,
    protocol.CONTEXT_OVERFLOW: exitcodes.DOCUMENT_PROBLEM,
    protocol.BAD_INPUT: exitcodes.DOCUMENT_PROBLEM,
    protocol.CANCELLED: exitcodes.CANCELLED,
    protocol.ENGINE_CRASHED: exitcodes.ENGINE_FAILURE,
    protocol.INTERNAL: exitcodes.ENGINE_FAILURE,
}


class CliError(Exception):
    """Ends the command with ``exit_code`` after printing ``message`` (one line) on stderr."""

    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def run_guarded(fn: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a subcommand; turn every failure into one line on stderr and an exit code."""
    from desktop.engine.session import EngineError

    try:
        return int(fn(args) or 0)
    except CliError as exc:
        print(f"fumi: {_one_line(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except EngineError as exc:
        print(f"fumi: {_one_line(exc.text)}", file=sys.stderr)
        return EXIT_CODES.get(exc.code, exitcodes.ENGINE_FAILURE)
    except KeyboardInterrupt:
        print(f"fumi: {message(protocol.CANCELLED)}", file=sys.stderr)
        return exitcodes.CANCELLED
    except BrokenPipeError:
        return exitcodes.OK  # the reader of our output went away (e.g. `| head`)
    except Exception as exc:  # the promise: never a traceback
        document_error = _document_error_type()
        if document_error is not None and isinstance(exc, document_error):
            print(f"fumi: {_one_line(describe(exc))}", file=sys.stderr)
            return exitcodes.DOCUMENT_PROBLEM
        log.debug("unexpected failure", exc_info=True)
        print(f"fumi: {message(protocol.INTERNAL)} ({type(exc).__name__}: {_one_line(str(exc))})",
              file=sys.stderr)
        return exitcodes.ENGINE_FAILURE


def _document_error_type() -> type | None:
    try:
        from desktop.documents.model import DocumentError
    except ImportError:
        return None
    return DocumentError


# ------------------------------------------------------------------ documents

def read_input_document(path: str | Path, *, show_warnings: bool = True) -> Any:
    """The ``Document`` at ``path``, read in the limited reader process (``desktop.reading``).

    Its warnings (stray NULs dropped, comments not read, garbled pages left out, ...) go to
    stderr, one line each, unless ``show_warnings`` is false. ``CliError`` (exit 4) when the
    file cannot be read, with the reader's reason.
    """
    from desktop.documents import DocumentError
    from desktop.reading import read_isolated

    try:
        document = read_isolated(path)
    except DocumentError as exc:
        raise CliError(exitcodes.DOCUMENT_PROBLEM, describe(exc)) from None
    if show_warnings:
        for text in warning_texts(document.warnings):
            print(f"fumi: {_one_line(text)}", file=sys.stderr)
    return document


# ------------------------------------------------------------------ models

def resolve_model(name_or_path: str | None) -> Path:
    """The model file for ``--model`` (a path, or a name the library finds; the catalog's
    digest is checked), else the library's default model. ``CliError`` (exit 3) when none."""
    from desktop.library import ModelNotFound, default_model, find_model
    from desktop.settings import Settings

    settings = Settings.load()
    try:
        if name_or_path:
            return Path(find_model(name_or_path, settings))
        return Path(default_model(settings))
    except ModelNotFound as exc:
        raise CliError(exitcodes.MODEL_PROBLEM, exc.message) from None


def _print_progress(event: protocol.Progress) -> None:
    from desktop.messages import progress_text

    print(progress_text(event.label, event.done, event.total), file=sys.stderr, flush=True)


def open_engine(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    """Start the engine and load the model of ``--model`` (``--ctx``, ``--threads``).

    Returns ``(EngineSession, facts)``; the caller closes the session. Load
    progress goes to stderr. Raises ``CliError`` 3 (model problem) or 5 (engine).
    """
    from desktop.engine.session import EngineError, EngineSession

    path = resolve_model(getattr(args, "model", None))
    print(message("using_model", name=path.name, folder=str(path.parent)), file=sys.stderr, flush=True)
    try:
        session = EngineSession()
    except OSError as exc:
        raise CliError(exitcodes.ENGINE_FAILURE, f"{message('engine_stopped')} ({exc})") from None
    try:
        facts = session.load(path, getattr(args, "ctx", None), getattr(args, "threads", None),
                             on_progress=_print_progress)
    except EngineError as exc:
        session.close()
        raise CliError(EXIT_CODES.get(exc.code, exitcodes.ENGINE_FAILURE), exc.text) from None
    except BaseException:
        session.close()
        raise
    if facts.get("chat_template_warning"):
        print(f"fumi: {_one_line(facts['chat_template_warning'])}", file=sys.stderr)
    return session, facts


# ------------------------------------------------------------------ jobs

@dataclass
class JobResult:
    """What a job produced: the streamed text, its sections and the final stats."""

    text: str = ""
    sections: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)


def run_job(
    session: Any,
    kind: str,
    inputs: dict[str, Any],
    options: dict[str, Any],
    *,
    on_delta: Callable[[str], None] | None = None,
) -> JobResult:
    """Run a job through the engine; progress to stderr; an error event becomes ``CliError``."""
    result = JobResult()
    pieces: list[str] = []
    for event in session.request(protocol.Job(kind=kind, inputs=inputs, options=options)):
        if isinstance(event, protocol.Delta):
            pieces.append(event.text)
            if on_delta is not None:
                on_delta(event.text)
        elif isinstance(event, protocol.Section):
            result.sections.append({"index": event.index, "text": event.text, "meta": dict(event.meta)})
        elif isinstance(event, protocol.Progress):
            _print_progress(event)
        elif isinstance(event, protocol.Done):
            result.stats = dict(event.stats)
        elif isinstance(event, protocol.Error):
            raise CliError(EXIT_CODES.get(event.code, exitcodes.ENGINE_FAILURE), event.message)
    result.text = "".join(pieces)
    return result


# ------------------------------------------------------------------ results

def write_result(text: str, out: str | None, *, title: str = "", ai_notice: bool = True) -> None:
    """Write ``text`` to stdout (``out`` None or "-") or to ``out`` (.docx/.txt/.md by extension)."""
    if out is None or out == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    path = Path(out)
    try:
        from desktop.documents.writers import write_text
    except ImportError:
        write_text = None
    try:
        if write_text is not None:
            write_text(path, text, title=title, ai_notice=ai_notice)
        elif path.suffix.lower() in (".txt", ".md", ""):
            path.write_text(text, encoding="utf-8")
        else:
            raise CliError(exitcodes.USAGE, message("output_unwritable", name=str(path)))
    except OSError as exc:
        log.debug("writing %s failed: %s", path, exc)
        raise CliError(exitcodes.DOCUMENT_PROBLEM, message("output_unwritable", name=str(path))) from None
