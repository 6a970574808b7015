"""Making ``DocumentError``s: a reason, a catalogue code and its parameters, never text.

The texts live in ``desktop/messages/documents.py`` (codes ``documents.*``);
callers show them with ``desktop.messages.message(error.code, **error.params)``.
``lang`` arguments are accepted for compatibility and ignored here: the caller
chooses the language when it turns the code into text.
"""

from __future__ import annotations

import os
from pathlib import Path

from .model import DocumentError

#: Size limits, in bytes, checked before a file is opened.
MAX_BINARY_BYTES = 50 * 1024 * 1024   # .docx, .pdf
MAX_TEXT_BYTES = 20 * 1024 * 1024     # .txt, .md
SUPPORTED_SUFFIXES = (".docx", ".txt", ".md", ".pdf")

#: Which ``DocumentError.reason`` each code belongs to (a code not listed is its own reason).
_REASONS = {
    "not_a_file": "missing",
    "unreadable": "missing",
    "unsupported_doc": "unsupported",
    "encrypted_docx": "encrypted",
    "encrypted_pdf": "encrypted",
    "pdf_needs_crypto": "encrypted",
    "missing_library": "unsupported",
    "corrupt_docx": "corrupt",
    "corrupt_pdf": "corrupt",
    "corrupt_text": "corrupt",
    "garbled_text": "corrupt",
    "unaligned": "corrupt",
    "unpacks_too_large": "too_large",
    "took_too_long": "too_large",
    "reader_crashed": "corrupt",
    "no_text_mapping": "no_text",
}


def resolve_lang(lang: str | None = None) -> str:
    """"en" when asked for (argument, else ``FUMI_LANG``), otherwise "ja" (for location labels)."""
    chosen = lang or os.environ.get("FUMI_LANG") or "ja"
    return "en" if chosen.lower().startswith("en") else "ja"


def file_name(path: Path | str) -> str:
    return Path(path).name or str(path)


def document_error(key: str, path: Path | str | None = None, lang: str | None = None, **values: object) -> DocumentError:
    """A ``DocumentError`` with code ``documents.<key>``; ``{name}`` is the file's name."""
    if path is not None:
        values.setdefault("name", file_name(path))
    return DocumentError(_REASONS.get(key, key), f"documents.{key}", values)


def notice(key: str, path: Path | str, **values: object) -> dict[str, object]:
    """A ``Document.warnings`` entry: ``{"code": "documents.<key>", "params": {...}}``."""
    return {"code": f"documents.{key}", "params": {"name": file_name(path), **values}}


def too_large_error(path: Path, size: int, limit: int, lang: str | None = None) -> DocumentError:
    """The "too_large" error, naming the file's size and the limit for its kind."""
    return document_error("too_large", path, lang, size=format_size(size), limit=format_size(limit),
                          suffix=path.suffix.lower() or "?")


def format_size(size: int) -> str:
    """A size in bytes as people say it: "512 KB", "50 MB"."""
    if size >= 1024 * 1024:
        value = size / (1024 * 1024)
        return f"{value:.0f} MB" if value >= 10 or value.is_integer() else f"{value:.1f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} B"
