"""The document model shared by the readers, the writers, the jobs and the panes.

A document is a flat list of blocks in reading order. It crosses the pipe as
plain JSON (``to_dict`` / ``from_dict``), so it holds only text and a few facts
per block: enough to split at structure boundaries, to point back to where a
summary point came from, and to put a translation back in the same place.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Kinds of block.
HEADING = "heading"        # level 1.. in ``level``
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"    # nesting depth in ``level`` (0 = top)
TABLE_CELL = "table_cell"  # ``table``, ``row``, ``col`` say where
HEADER = "header"          # page header text (docx)
FOOTER = "footer"          # page footer text (docx)
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL, HEADER, FOOTER)


@dataclass
class Block:
    """One paragraph-like unit of a document.

    ``location`` is a short label a person can follow back to the source
    ("見出し: 第2章 予算", "表1 2行3列", "p.4"); ``style`` is the source paragraph
    style name where the format has one.

    The readers never produce a block whose text is empty or only white space:
    empty paragraphs and empty table cells are left out (and the writers walk
    the source the same way, so translations stay aligned). ``table``, ``row``
    and ``col`` are 0-based (the ``location`` label counts from 1); a table
    cell holding several paragraphs gives one block per paragraph, all with the
    same coordinates. ``page`` is 1-based (PDF). ``line`` is the 0-based line
    of the source text where the block starts (txt, md, paste).
    """

    kind: str
    text: str
    level: int = 0
    location: str = ""
    style: str = ""
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    line: int | None = None


@dataclass
class Document:
    """A document read from a file (``path``) or pasted (``path`` empty).

    ``format`` is "docx", "txt", "md", "pdf" or "paste"; ``encoding`` is the
    text encoding that was detected, for text files ("utf-8", "utf-8-sig",
    "utf-16-le", "utf-16-be", "cp932", "euc-jp"). ``warnings`` are sentences
    for the user about a document that was read but not perfectly (e.g. a text
    file with a few undecodable bytes, replaced by "\ufffd").
    """

    blocks: list[Block] = field(default_factory=list)
    path: str = ""
    format: str = "paste"
    encoding: str | None = None
    title: str = ""
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        """All block texts, one per line, in reading order."""
        return "\n".join(block.text for block in self.blocks)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        blocks = [Block(**block) for block in data.get("blocks", [])]
        rest = {k: v for k, v in data.items() if k != "blocks"}
        return cls(blocks=blocks, **rest)


class DocumentError(Exception):
    """A document that cannot be read or written.

    ``reason`` is one of "missing", "empty", "corrupt", "encrypted", "binary",
    "too_large", "unsupported", "no_text" (a scanned PDF), "unwritable";
    ``message`` says which and why, in the user's language.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
