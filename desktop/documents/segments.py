"""Cutting a document into the segments a translation works on, and putting them back.

A segment is one non-empty block of a ``Document`` (a paragraph, a heading, a
list item, a table cell, a header or footer paragraph). Its ``index`` is the
block's position in ``document.blocks``, so a translation can always be put
back in the same place; blocks with no text are simply not segments and come
back as ``None`` ("leave as it is") from ``translations_by_block``.

A paragraph too long to translate in one go is cut at sentence ends into
pieces (``split_long``); the pieces' translations are joined back into one
(``join_pieces``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from . import marks
from .model import Document
from .sentences import split_sentences


@dataclass(frozen=True)
class Segment:
    """A piece of a document to translate: the block at ``index`` and its text."""

    index: int
    text: str
    kind: str
    location: str = ""
    marked: str | None = None   # the block's text with inline marks (see ``marks``), None without any

    @property
    def words(self) -> str:
        """What a translation works on: the marked text when there is one, else the text."""
        return self.text if self.marked is None else self.marked

    @property
    def carries_marks(self) -> bool:
        """Whether the block has inline marks: a real mark in ``marked``, not only words that look like one."""
        return self.marked is not None and marks.has_marks(self.marked)

    @property
    def plain_words(self) -> str:
        """The words as they are, for a block that ``carries_marks`` not: look-alikes of marks unescaped."""
        return self.text if self.marked is None else marks.strip_marks(self.marked)

    def in_block_form(self, translation: str) -> str:
        """A plain ``translation`` in the form of the block's translations: marked text (escaped) when the
        block has ``marked``, else as it is."""
        return translation if self.marked is None else marks.escape(translation)


def segment_document(document: Document) -> list[Segment]:
    """One segment per block with text, in reading order, each knowing its block index."""
    return [
        Segment(index=index, text=block.text, kind=block.kind, location=block.location, marked=block.marked)
        for index, block in enumerate(document.blocks)
        if block.text.strip()
    ]


def split_long(text: str, limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """``text`` in pieces of at most ``limit`` (by ``measure``), cut at sentence ends.

    Whole sentences are packed together while they fit; a single sentence
    longer than ``limit`` is cut at the limit (by characters) as a last resort.
    Joining the pieces gives ``text`` back exactly.
    """
    if measure(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in split_sentences(text):
        if current and measure(current + sentence) > limit:
            pieces.append(current)
            current = ""
        if measure(sentence) > limit:
            pieces.extend(_cut_hard(sentence, limit, measure))
        else:
            current += sentence
    if current:
        pieces.append(current)
    return pieces


def _cut_hard(sentence: str, limit: int, measure: Callable[[str], int]) -> list[str]:
    """A sentence with no break in reach, cut into pieces of at most ``limit``."""
    pieces: list[str] = []
    while sentence:
        size = len(sentence)
        while size > 1 and measure(sentence[:size]) > limit:
            size = max(1, size * 3 // 4)
        if size < len(sentence):
            size = _last_break_before(sentence, size)
        pieces.append(sentence[:size])
        sentence = sentence[size:]
    return pieces


def _last_break_before(text: str, size: int) -> int:
    """``size``, moved back to just after a space or comma in its second half if there is one."""
    for position in range(size, size // 2, -1):
        if text[position - 1] in " 、，,":
            return position
    return size


#: Languages written without spaces between words (``desktop.languages.is_cjk`` answers from this set).
UNSPACED_LANGUAGES = frozenset({"ja", "zh-Hans", "zh-Hant"})


def join_pieces(pieces: list[str], target: str) -> str:
    """The translations of a paragraph's pieces as one paragraph in language ``target``."""
    separator = "" if target in UNSPACED_LANGUAGES else " "
    return separator.join(piece.strip() for piece in pieces if piece.strip())


def translations_by_block(document: Document, translations: Mapping[int, str]) -> list[str | None]:
    """A list parallel to ``document.blocks``: the translation of each block, None where there is none.

    This is what ``desktop.documents.writers.write_translated_docx`` takes.
    """
    return [translations.get(index) for index in range(len(document.blocks))]
