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
    parts: dict[int, str] = field(default_factory=dict)  # text of deltas that carried a part's index


def parallel_option(args: argparse.Namespace) -> int:
    """``--parallel N`` (N >= 1), else the setting (0 = automatic); ``CliError`` (exit 2) below 1."""
    value = getattr(args, "parallel", None)
    if value is None:
        from desktop.settings import Settings

        return int(Settings.load().get("parallel"))
    if value < 1:
        raise CliError(exitcodes.USAGE, message("cli.parallel_too_low"))
    return int(value)


def add_temperature_argument(parser: argparse.ArgumentParser, default: float) -> None:
    """``--temperature T``: sampling temperature, 0 (greedy: the same reply every run) to 2."""
    parser.add_argument("--temperature", type=float, metavar="T",
                        help=f"sampling temperature, 0 (greedy) to 2 (default {default})")


def temperature_option(args: argparse.Namespace, options: dict[str, Any]) -> None:
    """Put ``--temperature`` into the job's ``options`` when given; ``CliError`` (exit 2) outside 0..2."""
    value = getattr(args, "temperature", None)
    if value is None:
        return
    if not 0.0 <= value <= 2.0:
        raise CliError(exitcodes.USAGE, message("cli.temperature_out_of_range"))
    options["temperature"] = float(value)


def run_job(
    session: Any,
    kind: str,
    inputs: dict[str, Any],
    options: dict[str, Any],
    *,
    on_delta: Callable[[str], None] | None = None,
    on_part: Callable[[int, str], None] | None = None,
) -> JobResult:
    """Run a job through the engine; progress to stderr; an error event becomes ``CliError``.

    Deltas carrying a part's index go to ``result.parts`` and ``on_part``, not to the main text.
    """
    result = JobResult()
    pieces: list[str] = []
    for event in session.request(protocol.Job(kind=kind, inputs=inputs, options=options)):
        if isinstance(event, protocol.Delta) and event.part is not None:
            result.parts[event.part] = result.parts.get(event.part, "") + event.text
            if on_part is not None:
                on_part(event.part, event.text)
        elif isinstance(event, protocol.Delta):
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

def write_result(text: str, out: str | None, *, title: str = "", ai_notice: bool = True,
                 letterhead: Path | None = None) -> None:
    """Write ``text`` to stdout (``out`` None or "-") or to ``out`` (.docx/.txt/.md by extension).

    A failed save keeps the text (beside ``out`` or on stdout) and raises ``CliError`` 4
    (``desktop.cli.saving``)."""
    if out is None or out == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    from desktop.cli.saving import save_or_rescue
    from desktop.documents.writers import write_text

    path = Path(out)
    save_or_rescue(lambda: write_text(path, text, title=title, ai_notice=ai_notice, letterhead=letterhead),
                   text, path)


def report_finish(stats: dict[str, Any], kind: str) -> None:
    """One stderr line when the output stopped early: cut at the length limit (and how to get the
    rest) or stopped by the repetition guard. ``kind``: draft, summary or generate."""
    reason = stats.get("finish_reason")
    if reason == "repetition":
        print(f"fumi: {message('output.repetition')}", file=sys.stderr)
    elif reason == "length":
        print(f"fumi: {message('output.cut_' + kind, tokens=stats.get('generated_tokens', '?'))}", file=sys.stderr)


def report_cut_segments(sections: list[dict[str, Any]]) -> None:
    """One stderr line naming the translated segments the length limit cut or the repetition guard stopped."""
    cut = [s for s in sections if s.get("meta", {}).get("truncated")]
    if not cut:
        return
    where = message("list_separator").join(str(s["meta"].get("location") or s["index"] + 1) for s in cut[:10])
    if len(cut) > 10:
        where += " …"
    print(f"fumi: {message('output.cut_segments', count=len(cut), where=where)}", file=sys.stderr)
