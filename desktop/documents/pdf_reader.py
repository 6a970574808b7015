"""Reading the text layer of a PDF (pypdf, BSD licensed) into paragraph blocks, page by page.

pypdf gives one line of text per line of print. Lines are joined into
paragraphs: a blank line, a numbered heading, or a short line that ends a
sentence (。．.!?！？) closes a paragraph. Each block knows its page.

A page whose text layer is glyph numbers (a font without a character
mapping: pypdf returns letters of unrelated scripts, ``noise.is_noise``) is
left out with a warning; when every page is like that the PDF is refused
like a scanned one ("no_text_mapping"). An encrypted PDF that opens without a
password needs ``cryptography`` for AES; without it the error says so
("pdf_needs_crypto"), never "unexpected error".
"""

from __future__ import annotations

import logging
from io import BytesIO
from pathlib import Path

from . import locations
from .errors import document_error, notice
from .model import PARAGRAPH, Block, Document
from .noise import is_noise
from .plaintext import japanese_heading_level, join_lines

_SENTENCE_END = ("。", "．", ".", "!", "?", "！", "？", "」")


def read_pdf(path: Path, data: bytes, lang: str | None = None) -> Document:
    """The text of every page; raises "encrypted", "corrupt" or "no_text" ``DocumentError``s."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, PdfReadError, PyPdfError
    except ImportError as exc:
        raise document_error("missing_library", path, lang, library=exc.name or "pypdf") from None

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not _open_without_password(reader):
            raise document_error("encrypted_pdf", path, lang)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (DependencyError, ImportError) as exc:
        raise document_error("pdf_needs_crypto", path, lang, library="cryptography") from exc
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            NotImplementedError, OSError, EOFError, ZeroDivisionError, OverflowError, AssertionError) as exc:
        if _is_password_problem(exc):
            raise document_error("encrypted_pdf", path, lang) from exc
        raise document_error("corrupt_pdf", path, lang) from exc
    blocks: list[Block] = []
    unmapped: list[int] = []
    for number, page_text in enumerate(pages, start=1):
        if is_noise(page_text):
            unmapped.append(number)
            continue
        for paragraph in split_page(page_text):
            blocks.append(Block(PARAGRAPH, paragraph, page=number, location=locations.page(number, lang)))
    if not blocks:
        raise document_error("no_text_mapping" if unmapped else "no_text", path, lang)
    warnings = [notice("maybe_garbled", path, pages=", ".join(locations.page(n, lang) for n in unmapped))] if unmapped else []
    return Document(blocks=blocks, path=str(path), format="pdf", title=_title(reader, path), warnings=warnings)


def _open_without_password(reader: object) -> bool:
    """PDFs that are encrypted only to restrict printing or copying open with the empty password."""
    from pypdf.errors import DependencyError

    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except (DependencyError, ImportError):
        raise  # the file opens without a password, but this install cannot decrypt it
    except Exception:  # noqa: BLE001 - any other failure means we cannot open it
        return False


def _is_password_problem(exc: Exception) -> bool:
    text = str(exc).lower()
    return "password" in text or "decrypt" in text or "encrypt" in text


def _title(reader: object, path: Path) -> str:
    try:
        title = reader.metadata.title if reader.metadata else None  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - metadata is optional
        title = None
    return str(title).strip() if title and str(title).strip() else path.stem


def split_page(text: str) -> list[str]:
    """The paragraphs of one page's extracted text."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    longest = max((len(line.strip()) for line in lines), default=0)
    paragraphs: list[str] = []
    current: list[str] = []

    def close() -> None:
        joined = join_lines(current)
        if joined.strip():
            paragraphs.append(joined.strip())
        current.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped:
            close()
            continue
        if japanese_heading_level(stripped):
            close()
            current.append(stripped)
            close()
            continue
        current.append(stripped)
        if stripped.endswith(_SENTENCE_END) and len(stripped) < longest * 0.8:
            close()
    close()
    return paragraphs
