"""The command line never fails on its own output, whatever the console's encoding.

On Japanese Windows a console, and a redirect such as ``fumi summarize a.txt > out.txt``,
is CP932: 𠮷, 〜 as U+301C, emoji and U+FFFD have no byte there, and Python's
default ``strict`` error handler would end the run (after the whole job).
``install()`` makes stdout and stderr replace such a character with 〓 (the
geta mark Japanese text uses for "a character that cannot be shown"; "?" where
the encoding lacks it too) and counts them; ``report()`` then says on stderr
how many were replaced and that ``-o FILE`` keeps every character. UTF-8
streams are left as they are. ``write_json()`` is the one way a command prints
``--json``: a JSON document must stay lossless, so when the stream's encoding
cannot round-trip every character it is written with ``\\uXXXX`` escapes
(``ensure_ascii``), the same keys and values, instead of 〓.
"""

from __future__ import annotations

import codecs
import json
import sys
from typing import TextIO

HANDLER = "fumi-console-replace"
_state = {"count": 0}


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    _state["count"] += error.end - error.start
    return _mark(error.encoding) * (error.end - error.start), error.end


def _mark(encoding: str) -> str:
    try:
        "〓".encode(encoding)
        return "〓"
    except (UnicodeError, LookupError):
        return "?"


codecs.register_error(HANDLER, _replace)


def _lossless(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig", "utf16", "utf32")


def install(streams: tuple[TextIO, ...] | None = None) -> None:
    """Make ``streams`` (default: stdout and stderr) replace and count what their encoding cannot hold."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        if stream is None or _lossless(stream) or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(errors=HANDLER)
        except (ValueError, OSError):  # a closed or detached stream
            continue


def _holds(stream: TextIO, text: str) -> bool:
    """True when ``stream``'s encoding writes ``text`` and reads back the same characters."""
    if _lossless(stream):
        return True
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return text.encode(encoding).decode(encoding) == text
    except (UnicodeError, LookupError):
        return False


def write_json(document: object, *, indent: int | None = None, stream: TextIO | None = None) -> None:
    """Write ``document`` as one JSON document and a newline to ``stream`` (default stdout).

    Readable characters where the stream's encoding holds them all; else
    ASCII with ``\\uXXXX`` escapes (still valid JSON, decoding to the same value).
    """
    stream = stream if stream is not None else sys.stdout
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    if not _holds(stream, text):
        text = json.dumps(document, ensure_ascii=True, indent=indent)
    stream.write(text + "\n")


def replaced_count() -> int:
    """How many characters were replaced since the process started."""
    return _state["count"]


def report() -> None:
    """One stderr line when characters were replaced (nothing otherwise)."""
    if not _state["count"]:
        return
    from desktop.messages import message

    encoding = getattr(sys.stdout, "encoding", None) or "?"
    try:
        sys.stdout.flush()
        print("fumi: " + message("output.console_replaced", count=_state["count"], encoding=encoding,
                                 mark=_mark(encoding)), file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
