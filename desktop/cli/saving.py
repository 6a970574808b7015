"""Saving a result so that a failed save never loses it.

``save_or_rescue(write, text, out)`` runs ``write()``; when it fails, the
generated text is written beside the target as ``<name>.unsaved.txt`` (UTF-8
text, the simplest format and the one least likely to fail), or, when that
fails too (a read-only or vanished folder), to stdout; then the command ends
with exit 4 and one stderr line: why the save failed and where the text went.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli import exitcodes
from desktop.cli.common import CliError
from desktop.messages import describe, message

log = logging.getLogger(__name__)

RESCUE_SUFFIX = ".unsaved.txt"


def rescue_path(out: Path) -> Path:
    """Where the text goes when ``out`` cannot be written: beside it, with a valid, short-enough name."""
    from desktop.documents.filenames import safe_file_name

    return out.with_name(safe_file_name(out.stem, RESCUE_SUFFIX))


def save_or_rescue(write: Callable[[], Any], text: str, out: Path) -> None:
    """``write()``, or the text kept beside ``out`` or on stdout and ``CliError`` (exit 4) saying so."""
    from desktop.documents import DocumentError

    try:
        write()
        return
    except DocumentError as exc:
        reason = describe(exc)
    except OSError as exc:
        log.debug("writing %s failed: %s", out, exc)
        reason = message("output_unwritable", name=str(out))
    beside = rescue_path(out)
    try:
        from desktop.documents.writers import write_text

        write_text(beside, text, ai_notice=False)
    except (DocumentError, OSError):
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        raise CliError(exitcodes.DOCUMENT_PROBLEM, message("output.save_failed_stdout", reason=reason)) from None
    raise CliError(exitcodes.DOCUMENT_PROBLEM, message("output.save_failed_beside", reason=reason, name=str(beside)))
