"""Reading a file of any supported kind into a ``Document``; every failure is a ``DocumentError``.

``read_document`` checks the file before reading it (exists, is a file, has a
supported extension, is not empty, is under the size limit for its kind) and
then dispatches on the extension, case-insensitively:

- .docx: unpacked within ``safezip``'s limits (on what members really
  inflate to), then python-docx, walked by ``docx_walk.walk_docx`` (the same
  walk the translation writer uses); comments and imported parts (w:altChunk)
  are reported in ``Document.warnings``. A password-protected .docx is an OLE compound
  file (D0 CF 11 E0), not a zip: "encrypted". An old .doc renamed .docx:
  "unsupported".
- .txt / .md: ``textdecode`` finds the encoding; ``plaintext`` finds the blocks.
  A few undecodable bytes are replaced and reported in ``Document.warnings``;
  many make the file "corrupt".
- .pdf: ``pdf_reader`` (text layer only; no text: "no_text").

Errors carry a catalogue code (``documents.*``); ``lang`` only picks the
language of block location labels. Reading untrusted files in a child process
with limits is ``desktop.reading.read_isolated``; this module reads in-process.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from .errors import (
    MAX_BINARY_BYTES,
    format_size,
    MAX_TEXT_BYTES,
    SUPPORTED_SUFFIXES,
    document_error,
    notice,
    too_large_error,
)
from .model import Document, DocumentError
from .plaintext import parse_text
from .safezip import ArchiveTooLarge, unpack
from .textdecode import DecodedText, UndecodableText, decode_text_bytes

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A .docx whose parts unpack to more than this is refused as corrupt (a "zip bomb").
MAX_DOCX_UNPACKED = 10 * MAX_BINARY_BYTES


def read_document(path: str | Path, *, lang: str | None = None) -> Document:
    """The document at ``path`` (.docx, .txt, .md, .pdf); raises ``DocumentError`` naming what is wrong."""
    path = Path(path)
    suffix = path.suffix.lower()
    data = _read_checked(path, suffix, lang)
    if suffix == ".docx":
        return read_docx_bytes(path, data, lang)
    if suffix == ".pdf":
        from .pdf_reader import read_pdf

        return read_pdf(path, data, lang)
    return _read_text_file(path, data, "md" if suffix == ".md" else "txt", lang)


def document_from_text(text: str, *, format: str = "paste", lang: str | None = None) -> Document:
    """A document from text typed or pasted by the user (Markdown-ish and Japanese headings recognised)."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    mode = "md" if format == "md" else "paste" if format == "paste" else "txt"
    parsed = parse_text(normalized, mode, lang)
    return Document(blocks=parsed.blocks, format=format)


def _read_checked(path: Path, suffix: str, lang: str | None) -> bytes:
    """The file's bytes, after the checks every kind shares."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise document_error("missing", path, lang) from None
    except PermissionError:
        raise document_error("unreadable", path, lang) from None
    except OSError:
        raise document_error("missing", path, lang) from None
    if path.is_dir():
        raise document_error("not_a_file", path, lang)
    if suffix not in SUPPORTED_SUFFIXES:
        key = "unsupported_doc" if suffix == ".doc" else "unsupported"
        raise document_error(key, path, lang, suffix=suffix or "?")
    if size == 0:
        raise document_error("empty", path, lang)
    limit = MAX_TEXT_BYTES if suffix in (".txt", ".md") else MAX_BINARY_BYTES
    if size > limit:
        raise too_large_error(path, size, limit, lang)
    try:
        return path.read_bytes()
    except PermissionError:
        raise document_error("unreadable", path, lang) from None
    except OSError:
        raise document_error("missing", path, lang) from None


def read_docx_bytes(path: Path, data: bytes, lang: str | None = None) -> Document:
    """A .docx from its bytes (``path`` names it in messages)."""
    document = open_docx_bytes(path, data, lang, keep_media=False)
    from .docx_walk import walk_docx
    from .docx_notes import docx_warnings

    try:
        blocks = [block for block, _ in walk_docx(document, lang)]
        warnings = docx_warnings(document, path)
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise document_error("corrupt_docx", path, lang) from exc
    if not blocks:
        raise document_error("empty", path, lang)
    try:
        title = (document.core_properties.title or "").strip()
    except Exception:  # noqa: BLE001 - the title is optional
        title = ""
    return Document(blocks=blocks, path=str(path), format="docx", title=title or path.stem, warnings=warnings)


def open_docx_bytes(path: Path, data: bytes, lang: str | None = None, *, keep_media: bool = True):
    """A python-docx ``Document`` from the bytes of ``path``, or the ``DocumentError`` saying why not.

    The archive is unpacked within ``safezip``'s limits first ("unpacks_too_large"); without
    ``keep_media`` images and embedded objects are left out (reading needs only the XML).
    """
    if data.startswith(CFB_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" not in data and b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00" in data:
            raise document_error("unsupported_doc", path, lang)
        raise document_error("encrypted_docx", path, lang)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            declared = sum(info.file_size for info in archive.infolist())
        if declared > MAX_DOCX_UNPACKED:
            raise ArchiveTooLarge(MAX_DOCX_UNPACKED)
        unpacked = unpack(data, keep_media=keep_media)
    except ArchiveTooLarge as exc:
        raise document_error("unpacks_too_large", path, lang, limit=format_size(exc.limit)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError,
            RuntimeError):
        raise document_error("corrupt_docx", path, lang) from None
    try:
        import docx
        from lxml.etree import LxmlError

        from .docx_walk import register_note_parts
    except ImportError as exc:
        raise document_error("missing_library", path, lang, library=exc.name or "python-docx") from None

    register_note_parts()
    try:
        return docx.Document(BytesIO(unpacked))
    except (LxmlError, zipfile.BadZipFile, KeyError, ValueError, AttributeError, TypeError, OSError) as exc:
        raise document_error("corrupt_docx", path, lang) from exc
    except Exception as exc:  # python-docx's own exceptions (PackageNotFoundError, InvalidXmlError, ...)
        if type(exc).__module__.startswith("docx"):
            raise document_error("corrupt_docx", path, lang) from exc
        raise


def decode_text_file(path: Path, data: bytes, lang: str | None = None) -> DecodedText:
    """The decoded text of a .txt/.md file, or a "binary"/"corrupt"/"empty" ``DocumentError``."""
    try:
        decoded = decode_text_bytes(data)
    except UndecodableText as exc:
        if exc.reason in ("binary", "garbled"):
            raise document_error("binary" if exc.reason == "binary" else "garbled_text", path, lang) from None
        raise document_error("corrupt_text", path, lang, bad=exc.bad) from None
    if not decoded.text.strip():
        raise document_error("empty", path, lang)
    return decoded


def _read_text_file(path: Path, data: bytes, mode: str, lang: str | None) -> Document:
    decoded = decode_text_file(path, data, lang)
    parsed = parse_text(decoded.text, mode, lang)
    if not parsed.blocks:
        raise document_error("empty", path, lang)
    warnings = []
    if decoded.replaced:
        warnings.append(notice("replaced_chars", path, bad=decoded.replaced))
    if decoded.nuls_dropped:
        warnings.append(notice("nul_dropped", path, count=decoded.nuls_dropped))
    return Document(
        blocks=parsed.blocks,
        path=str(path),
        format=mode,
        encoding=decoded.encoding,
        title=path.stem,
        warnings=warnings,
    )


__all__ = ["DocumentError", "document_from_text", "read_document"]
