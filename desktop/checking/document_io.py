"""Documents in and out of a check: the text whose offsets findings use, and the corrected document.

The checked text is what ``fumi check`` and the pane agree on: for .txt and
.md the decoded file with line ends as "\\n" (so offsets match the file's own
lines); for .docx and .pdf ``Document.text()`` (the blocks, one per line).
A corrected .docx goes through the same write-back as translation
(``writers.write_translated_docx``), block by block, so its structure stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.checking.findings import Finding, apply_findings, shift
from desktop.documents import Document
from desktop.documents.readers import _read_checked, decode_text_file

TEXT_FORMATS = ("txt", "md")


def checked_text(path: str | Path, document: Document, lang: str | None = None) -> str:
    """The text whose offsets findings use, for ``document`` already read from ``path``.

    For .txt/.md the file is decoded again here (the reader process has already
    accepted it, and decoding is bounded by the readers' size check) so that
    offsets follow the file's own lines; otherwise ``document.text()``.
    """
    if document.format not in TEXT_FORMATS:
        return document.text()
    path = Path(path)
    decoded = decode_text_file(path, _read_checked(path, path.suffix.lower(), lang), lang)
    return decoded.text.replace("\r\n", "\n").replace("\r", "\n")


def block_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each block in ``document.text()``."""
    spans = []
    position = 0
    for block in document.blocks:
        spans.append((position, position + len(block.text)))
        position += len(block.text) + 1
    return spans


def corrected_blocks(document: Document, findings: Sequence[Finding]) -> list[str | None]:
    """Each block's text with the suggestions of the findings inside it applied; None where nothing changed.

    Offsets are into ``document.text()``; a finding across a block boundary is left out.
    """
    out: list[str | None] = []
    for block, (start, end) in zip(document.blocks, block_spans(document)):
        inside = [f for f in findings if f.fixable and f.start >= start and f.end <= end]
        fixed = apply_findings(block.text, shift(inside, -start)) if inside else None
        out.append(fixed if fixed != block.text else None)
    return out


def blocks_from_text(document: Document, text: str) -> list[str | None] | None:
    """The blocks of an edited ``document.text()``, when its lines still match the blocks one to one."""
    lines = text.split("\n")
    if len(lines) != len(document.blocks) or any("\n" in b.text for b in document.blocks):
        return None
    return [line if line != block.text else None for line, block in zip(lines, document.blocks)]


def write_corrected(document: Document, text: str, out_path: str | Path,
                    blocks: Sequence[str | None] | None = None) -> Path:
    """Write the corrected document: ``text`` is the whole corrected text, ``blocks`` the per-block texts if known.

    .docx from a .docx source with known blocks keeps the source's structure;
    otherwise .docx is composed from ``text``; .txt and .md get ``text`` as it is.
    Raises ``DocumentError`` ("unwritable", "unsupported").
    """
    from desktop.documents import writers

    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix == ".docx" and document.format == "docx" and document.path and blocks is not None:
        return writers.write_translated_docx(document.path, list(blocks), out_path, target_lang="ja")
    return writers.write_text(out_path, text, ai_notice=False)
