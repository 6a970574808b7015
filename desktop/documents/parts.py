"""Split a document into parts that each fit a token budget, at structure boundaries.

The source text is ``Document.text()`` (block texts joined by newlines). The
parts tile it exactly: part ``i`` is ``source[start:end]``, the parts follow
each other without gap or overlap, and joining their texts gives the source
back, character for character. The newline after a block belongs to the part
holding that block.

Where a part ends is chosen in this order of preference:

1. before a heading,
2. between blocks (paragraphs, list items, table cells),
3. between sentences (Japanese 。！？, and .!? followed by a space, and line breaks),
4. inside a sentence only when that sentence alone is over the budget
   (then it is cut into pieces of at most the budget).

A heading is kept with the text it heads: the boundary right after a heading
is used only when there is no other.

Tokens are counted once per block with the model's tokenizer (and once per
sentence for blocks over the budget); a part's size is the sum of its pieces,
so the document is never re-counted while packing. This module holds no model:
the ``*_steps`` functions ask for counts in steps (``desktop.documents.token_steps``),
and ``split_document``/``count_document_tokens`` run them with a counter function.

Each part knows where it came from (heading path, block range, pages) so that
a summary point can be traced back to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import HEADING, Document
from .sentences import split_sentences
from .token_steps import CountSteps, TokenCounter, TokenCounts, run_counting

# How strong the boundary before a piece is (a higher value is a better place to cut).
NO_BOUNDARY = 0   # inside a sentence too long for the budget, or right after a heading
SENTENCE = 1
BLOCK = 2
HEADING_START = 3

#: The least a part must be filled (as a share of the budget) before a boundary
#: of that strength is used instead of a weaker one further on.
MIN_FILL = {HEADING_START: 0.4, BLOCK: 0.5, SENTENCE: 0.0, NO_BOUNDARY: 0.0}

def split_by_tokens(text: str, budget: int, count_tokens: TokenCounter) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``budget`` tokens each (see ``split_by_tokens_steps``)."""
    return run_counting(split_by_tokens_steps(text, budget, TokenCounts()), count_tokens)


def split_by_tokens_steps(text: str, budget: int, counts: TokenCounts) -> CountSteps[list[str]]:
    """``text`` cut into consecutive pieces of at most ``budget`` tokens each.

    Used only for a sentence that alone is over the budget. Each piece's length
    is found by binary search within a window sized from the text's average
    characters per token (so long texts are not re-counted whole); a single
    character always makes a piece, so this ends even for a tiny budget.
    """
    chars_per_token = len(text) / max((yield from counts.one(text)), 1)
    window = max(1, int(budget * chars_per_token * 2) + 8)
    pieces: list[str] = []
    start = 0
    while start < len(text):
        low, high = 1, min(window, len(text) - start)
        while low < high:
            middle = (low + high + 1) // 2
            if (yield from counts.one(text[start:start + middle])) <= budget:
                low = middle
            else:
                high = middle - 1
        pieces.append(text[start:start + low])
        start += low
    return pieces


@dataclass
class Piece:
    """The smallest unit the packer moves: a whole block, a sentence, or part of a long sentence."""

    text: str
    tokens: int
    block: int
    boundary: int
    heading_path: tuple[str, ...]
    page: int | None = None


@dataclass
class Part:
    """One part of the source, ready to be summarized on its own.

    ``start``/``end`` are character offsets into ``Document.text()``;
    ``first_block``/``last_block`` are indices into ``Document.blocks``;
    ``heading_paths`` lists, in order, the heading paths the part passes through
    (empty when the document has no headings); ``pages`` the first and last
    page when the format knows pages.
    """

    index: int
    text: str
    tokens: int
    start: int
    end: int
    first_block: int
    last_block: int
    heading_paths: list[tuple[str, ...]] = field(default_factory=list)
    pages: tuple[int, int] | None = None

    def label(self, lang: str = "ja") -> str:
        """Where the part came from, for a person: 「第2章 > 予算」, 「段落 3–17」, 「p.4–5」."""
        paths = [path for path in self.heading_paths if path]
        # A heading followed at once by its subheading names one place, not two.
        paths = [path for path, after in zip(paths, paths[1:] + [()]) if after[:len(path)] != path]
        if paths:
            first, last = paths[0], paths[-1]
            label = " > ".join(first)
            if last != first:
                label += " 〜 " + (last[-1] if last[0] == first[0] else " > ".join(last))
            return label
        if self.pages is not None:
            first, last = self.pages
            return f"p.{first}" if first == last else f"p.{first}–{last}"
        first, last = self.first_block + 1, self.last_block + 1
        word = "段落" if lang == "ja" else ("paragraph" if first == last else "paragraphs")
        return f"{word} {first}" if first == last else f"{word} {first}–{last}"

    def meta(self, lang: str = "ja") -> dict[str, Any]:
        """Plain-JSON facts about the part, for a ``section`` event (the protocol's ``SectionMeta``)."""
        return {
            "source": self.label(lang),
            "part": self.index + 1,
            "blocks": [self.first_block, self.last_block],
            "start": self.start,
            "end": self.end,
            "heading_path": list(self.heading_paths[0]) if self.heading_paths else [],
            "pages": list(self.pages) if self.pages else None,
        }


def block_texts(document: Document) -> list[str]:
    """The text of each block as it stands in ``Document.text()`` (with its newline), in order.

    These are the texts whose counts plan a document: ask for them first.
    """
    last = len(document.blocks) - 1
    return [block.text + ("\n" if number < last else "") for number, block in enumerate(document.blocks)]


def document_pieces_steps(document: Document, budget: int, counts: TokenCounts) -> CountSteps[list[Piece]]:
    """The document as pieces of at most ``budget`` tokens each, in order, joining back to its text.

    A block that fits is one piece; a longer block is split into sentences, and
    a sentence still over the budget into pieces of the budget. Counts are asked
    for all blocks at once, then for all sentences of the long blocks at once.
    """
    texts = block_texts(document)
    block_tokens = yield from counts.of([text for text in texts if text])
    tokens_of = dict(zip([text for text in texts if text], block_tokens))
    long_blocks = [split_sentences(text) for text in texts if text and tokens_of[text] > budget]
    yield from counts.of([sentence for sentences in long_blocks for sentence in sentences])

    pieces: list[Piece] = []
    path: list[tuple[int, str]] = []  # (level, heading text) of the headings in force
    for number, (block, text) in enumerate(zip(document.blocks, texts)):
        if block.kind == HEADING:
            level = max(block.level, 1)
            while path and path[-1][0] >= level:
                path.pop()
            if block.text.strip():
                path.append((level, block.text.strip()))
        heading_path = tuple(text for _, text in path)
        if number and document.blocks[number - 1].kind == HEADING:
            first_boundary = NO_BOUNDARY  # keep a heading with what it heads
        else:
            first_boundary = HEADING_START if block.kind == HEADING else BLOCK
        if not text:
            continue
        tokens = tokens_of[text]
        if tokens <= budget:
            pieces.append(Piece(text, tokens, number, first_boundary, heading_path, block.page))
            continue
        boundary = first_boundary
        for sentence in split_sentences(text):
            sentence_tokens = yield from counts.one(sentence)
            if sentence_tokens <= budget:
                pieces.append(Piece(sentence, sentence_tokens, number, boundary, heading_path, block.page))
            else:
                cuts = yield from split_by_tokens_steps(sentence, budget, counts)
                for cut_number, cut in enumerate(cuts):
                    cut_boundary = boundary if cut_number == 0 else NO_BOUNDARY
                    cut_tokens = yield from counts.one(cut)
                    pieces.append(Piece(cut, cut_tokens, number, cut_boundary, heading_path, block.page))
            boundary = SENTENCE
    return pieces


def _choose_cut(pending: list[Piece], next_boundary: int, budget: int) -> int:
    """How many of ``pending`` pieces to close the part with (1..len), preferring strong boundaries.

    The cut before piece ``k`` has the strength of ``pending[k].boundary`` (or
    ``next_boundary`` for ``k == len(pending)``); the latest cut of the
    strongest kind that leaves the part filled at least ``MIN_FILL`` wins.
    """
    prefix = [0]
    for piece in pending:
        prefix.append(prefix[-1] + piece.tokens)
    strengths = [piece.boundary for piece in pending[1:]] + [next_boundary]
    for strength in (HEADING_START, BLOCK, SENTENCE, NO_BOUNDARY):
        for k in range(len(pending), 0, -1):
            if strengths[k - 1] >= strength and prefix[k] >= MIN_FILL[strength] * budget:
                return k
    return len(pending)


def pack(pieces: list[Piece], budget: int) -> list[list[Piece]]:
    """Group consecutive ``pieces`` into parts of at most ``budget`` tokens (summed)."""
    groups: list[list[Piece]] = []
    pending: list[Piece] = []
    pending_tokens = 0
    for piece in pieces:
        while pending and pending_tokens + piece.tokens > budget:
            cut = _choose_cut(pending, piece.boundary, budget)
            groups.append(pending[:cut])
            pending = pending[cut:]
            pending_tokens = sum(p.tokens for p in pending)
        pending.append(piece)
        pending_tokens += piece.tokens
    if pending:
        groups.append(pending)
    return groups


def split_document(document: Document, budget: int, count_tokens: TokenCounter) -> list[Part]:
    """``split_document_steps`` with each text counted by ``count_tokens`` (a counter function)."""
    return run_counting(split_document_steps(document, budget, TokenCounts()), count_tokens)


def split_document_steps(document: Document, budget: int, counts: TokenCounts) -> CountSteps[list[Part]]:
    """The document's text cut into ``Part``s of at most ``budget`` tokens, at the best boundaries.

    Promises: ``"".join(p.text for p in parts) == document.text()``; each part's
    ``start``/``end`` locate its text in the source; each part's token count (the
    sum of its pieces' counts) is at most ``budget``. An empty document gives no parts.
    Raises ValueError for a budget under one token.
    """
    if budget < 1:
        raise ValueError("budget must be at least one token")
    parts: list[Part] = []
    offset = 0
    for group in pack((yield from document_pieces_steps(document, budget, counts)), budget):
        text = "".join(piece.text for piece in group)
        paths: list[tuple[str, ...]] = []
        for piece in group:
            if not paths or paths[-1] != piece.heading_path:
                paths.append(piece.heading_path)
        pages = [piece.page for piece in group if piece.page is not None]
        parts.append(Part(
            index=len(parts),
            text=text,
            tokens=sum(piece.tokens for piece in group),
            start=offset,
            end=offset + len(text),
            first_block=group[0].block,
            last_block=group[-1].block,
            heading_paths=paths if any(paths) else [],
            pages=(min(pages), max(pages)) if pages else None,
        ))
        offset += len(text)
    return parts


def count_document_tokens(document: Document, count_tokens: TokenCounter) -> int:
    """The document's tokens, counted block by block with ``count_tokens`` (see ``document_tokens_steps``)."""
    return run_counting(document_tokens_steps(document, TokenCounts()), count_tokens)


def document_tokens_steps(document: Document, counts: TokenCounts) -> CountSteps[int]:
    """The document's tokens: the sum of its blocks' counts (``block_texts``), as ``split_document`` counts."""
    return sum((yield from counts.of([text for text in block_texts(document) if text])))
