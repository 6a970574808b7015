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
FOOTNOTE = "footnote"      # a footnote's paragraph (docx), after the paragraph that cites it; ``note`` is its id
ENDNOTE = "endnote"        # an endnote's paragraph (docx), likewise
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL, HEADER, FOOTER, FOOTNOTE, ENDNOTE)


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
    of the source text where the block starts (txt, md, paste). ``part`` is
    the .docx package part holding the block's paragraphs when it is not the
    main document ("/word/footnotes.xml", "/word/header1.xml", ...) and
    ``note`` the footnote or endnote id (w:id), so a writer can find them.

    ``marked`` is the text as a translation model sees it when the paragraph
    has inline structure (formatting, links, fields, tabs, breaks: see
    ``marks``), None when it has none; ``atoms`` is what each atom of
    ``marked`` shows as plain text (a field's result, a tab).
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
    part: str = ""
    note: int | None = None
    marked: str | None = None
    atoms: dict[str, str] | None = None

    def words(self) -> str:
        """The text a translation works on: ``marked`` when there is one, else ``text``."""
        return self.text if self.marked is None else self.marked


@dataclass
class Document:
    """A document read from a file (``path``) or pasted (``path`` empty).

    ``format`` is "docx", "txt", "md", "pdf" or "paste"; ``encoding`` is the
    text encoding that was detected, for text files ("utf-8", "utf-8-sig",
    "utf-16-le", "utf-16-be", "cp932", "euc-jp", "euc-jp-ms", "iso-2022-jp", or
    what charset-normalizer named). ``warnings`` say what was read imperfectly
    or left out, each ``{"code": "documents.*", "params": {...}}`` for
    ``desktop.messages.message``.
    """

    blocks: list[Block] = field(default_factory=list)
    path: str = ""
    format: str = "paste"
    encoding: str | None = None
    title: str = ""
    warnings: list[dict[str, Any]] = field(default_factory=list)

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
    ``code`` is the catalogue code (``documents.*``) saying exactly what is
    wrong and ``params`` its fields; the caller turns them into text with
    ``desktop.messages.message(code, **params)``.
    """

    def __init__(self, reason: str, code: str = "", params: dict[str, Any] | None = None) -> None:
        super().__init__(code or reason)
        self.reason = reason
        self.code = code or f"documents.{reason}"
        self.params = dict(params or {})

    def __reduce__(self):  # picklable across processes
        return (type(self), (self.reason, self.code, self.params))
