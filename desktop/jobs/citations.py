"""Source pointers in a summary: how they are written, and checked against the document.

The summarize job asks the model to end each point with 【出典: label】
(``[Source: label]`` in English), where a label is one the job gave it (a
part's label, see ``desktop.documents.parts.Part.label``) or, in a one-pass summary, a
heading of the document. The model writes these itself, so it can invent one
("段落 189–218" of a 188-paragraph document). ``CitationChecker`` reads the
final summary as it streams: every pointer is resolved to the blocks it names
(``SourceIndex.resolve``); a pointer that names nothing in the document is
replaced by a visible mark (``summarize.source_not_found`` in the catalogue),
never passed on as if it were real. What was found travels as data
(``SourceRef``: label, blocks, character range), so that the window never
parses model text to find the source again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.documents.model import HEADING, Document
from desktop.engine.protocol import SourceRef
from desktop.messages import message

#: How a source label is cited, per output language.
CITE = {"ja": "【出典: {label}】", "en": "[Source: {label}]"}
_OPENINGS = ("【出典:", "【出典：", "[Source:")
_CLOSING = {"【": "】", "[": "]"}
#: Longest citation kept back from the stream while waiting for its closing bracket (characters).
MAX_CITATION_CHARS = 200

_PARAGRAPHS = re.compile(r"^(?:段落|paragraphs?)\s*(\d+)(?:\s*[–\-−〜~ー]\s*(\d+))?$", re.IGNORECASE)
_PAGES = re.compile(r"^(?:p\.|pp\.|ページ)\s*(\d+)(?:\s*[–\-−〜~]\s*(\d+))?$", re.IGNORECASE)
_SPAN = re.compile(r"\s*[〜~]\s*")
_LIST = re.compile(r"[、,;；]\s*")


class SourceIndex:
    """What a document's source pointers may name: its parts' labels, paragraph numbers, pages, headings.

    Paragraph numbers count blocks from 1 (as ``Part.label`` writes them);
    character offsets are into ``Document.text()``.
    """

    def __init__(self, document: Document) -> None:
        self._blocks = document.blocks
        self._starts: list[int] = []
        offset = 0
        for block in self._blocks:
            self._starts.append(offset)
            offset += len(block.text) + 1
        self._labels: dict[str, tuple[int, int]] = {}

    def add_label(self, label: str, first_block: int, last_block: int) -> None:
        """Make ``label`` name these blocks (widened when parts share a label)."""
        label = label.strip()
        if label in self._labels:
            first, last = self._labels[label]
            first_block, last_block = min(first, first_block), max(last, last_block)
        self._labels[label] = (first_block, last_block)

    def ref(self, label: str, first_block: int, last_block: int) -> SourceRef:
        """The pointer for blocks ``first_block``..``last_block`` (inclusive), with their character range."""
        start = self._starts[first_block]
        end = self._starts[last_block] + len(self._blocks[last_block].text)
        return SourceRef(label=label, blocks=[first_block, last_block], start=start, end=end)

    def resolve(self, label: str) -> SourceRef | None:
        """The blocks ``label`` names, or None when the document has no such place."""
        label = label.strip()
        found = self._blocks_of(label)
        if found is None:
            ends = _SPAN.split(label)
            if len(ends) == 2 and all(ends):
                first, last = self._blocks_of(ends[0]), self._blocks_of(ends[1])
                if first is not None and last is not None and first[0] <= last[1]:
                    found = (first[0], last[1])
        return None if found is None else self.ref(label, *found)

    def _blocks_of(self, label: str) -> tuple[int, int] | None:
        if label in self._labels:
            return self._labels[label]
        if not self._blocks:
            return None
        match = _PARAGRAPHS.match(label)
        if match:
            first = int(match.group(1))
            last = int(match.group(2) or first)
            return (first - 1, last - 1) if 1 <= first <= last <= len(self._blocks) else None
        match = _PAGES.match(label)
        if match:
            first = int(match.group(1))
            last = int(match.group(2) or first)
            inside = [i for i, block in enumerate(self._blocks) if block.page is not None and first <= block.page <= last]
            return (inside[0], inside[-1]) if inside and first <= last else None
        return self._heading(label)

    def _heading(self, label: str) -> tuple[int, int] | None:
        """A heading path "第2章 > 予算" (or its last heading alone): from that heading to the next of its rank."""
        path = [piece.strip() for piece in label.split(">") if piece.strip()]
        if not path:
            return None
        candidates = [i for i, block in enumerate(self._blocks)
                      if block.kind == HEADING and block.text.strip() == path[-1]]
        if len(path) > 1:
            above = set(path[:-1])
            candidates = [i for i in candidates
                          if above <= {b.text.strip() for b in self._blocks[:i] if b.kind == HEADING}] or candidates
        if not candidates:
            return None
        first = candidates[0]
        level = self._blocks[first].level
        last = len(self._blocks) - 1
        for i in range(first + 1, len(self._blocks)):
            block = self._blocks[i]
            if block.kind == HEADING and block.level <= level:
                last = i - 1
                break
        return first, last


class CitationChecker:
    """Passes streamed text through, holding each source pointer back until it can be checked.

    ``feed`` returns the text to send on now; ``finish`` the rest. A pointer the
    index resolves is sent as the model wrote it and listed in ``found``; one
    it cannot resolve is replaced by the catalogue's mark and listed in
    ``invalid``. Text that only looks like the start of a pointer is sent
    unchanged once it is clear that it is not one.
    """

    def __init__(self, index: SourceIndex, lang: str) -> None:
        self._index = index
        self._lang = lang
        self._held = ""
        self.found: list[SourceRef] = []
        self.invalid: list[str] = []

    def feed(self, piece: str) -> str:
        out: list[str] = []
        text = self._held + piece
        self._held = ""
        while text:
            at = _next_opening(text)
            if at < 0:
                out.append(text)
                break
            out.append(text[:at])
            text = text[at:]
            if not _may_open(text):
                out.append(text[0])
                text = text[1:]
                continue
            closing = _CLOSING[text[0]]
            end = text.find(closing)
            if end < 0:
                if "\n" in text or len(text) > MAX_CITATION_CHARS:
                    out.append(text[0])
                    text = text[1:]
                    continue
                self._held = text
                break
            out.append(self._checked(text[:end + 1]))
            text = text[end + 1:]
        return "".join(out)

    def finish(self) -> str:
        """What was held back at the end of the stream (an unfinished pointer is sent as written)."""
        rest, self._held = self._held, ""
        return rest

    def _checked(self, marker: str) -> str:
        opening = next((o for o in _OPENINGS if marker.startswith(o)), None)
        if opening is None:
            return marker
        label = marker[len(opening):-1].strip()
        whole = self._index.resolve(label)
        if whole is not None:
            self.found.append(whole)
            return marker
        pieces = [piece.strip() for piece in _LIST.split(label) if piece.strip()]
        refs = [self._index.resolve(piece) for piece in pieces] if len(pieces) > 1 else []
        kept = [ref for ref in refs if ref is not None]
        self.found.extend(kept)
        if kept and len(kept) == len(refs):
            return marker
        self.invalid.append(label)
        mark = message("summarize.source_not_found", self._lang, label=label)
        if not kept:
            return mark
        joiner = "、" if self._lang == "ja" else ", "
        return CITE[self._lang].format(label=joiner.join(ref["label"] for ref in kept)) + mark


def _next_opening(text: str) -> int:
    positions = [at for at in (text.find("【"), text.find("[")) if at >= 0]
    return min(positions) if positions else -1


def _may_open(text: str) -> bool:
    """True while ``text`` (starting at a bracket) is, or may still become, a pointer's opening."""
    return any(text.startswith(opening) or opening.startswith(text) for opening in _OPENINGS)


def refs_by_label(refs: Iterable[SourceRef]) -> list[SourceRef]:
    """One pointer per label, in the order first cited."""
    seen: dict[str, SourceRef] = {}
    for ref in refs:
        seen.setdefault(ref["label"], ref)
    return list(seen.values())
