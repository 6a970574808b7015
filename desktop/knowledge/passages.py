"""Cutting a ``Document`` into passages that keep its shape.

A passage is what retrieval returns and what an answer cites. Rules (issue #14):
- 例規 (rules and regulations) are cut at 条 (article): an article with its
  caption （見出し） and all its 項 is one passage when it fits; a longer one is
  cut at its 項 (paragraphs numbered ２, ３ ...), each piece labelled 第○条第○項.
- Other text is cut at headings, and under one heading at paragraphs; a
  paragraph longer than the limit is cut at sentence ends.
- A table row stays whole and carries the table's header row ("見出し: 値" pairs).
- Each passage carries its file, a location (heading path or 第○条, 表 and row,
  and the page for PDFs) and its text; at most ``MAX_CHARS`` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.documents.model import FOOTER, HEADER, HEADING, TABLE_CELL, Block, Document

#: Longest passage, in characters (issue #14: "at most about 1,500 characters").
MAX_CHARS = 1500
#: Paragraphs under one heading are joined up to this size: small enough to rank precisely.
TARGET_CHARS = 700

_NUM = "0-9０-９一二三四五六七八九十百千〇"
_ARTICLE = re.compile(rf"^\s*(?:([（(][^）)]{{1,30}}[）)])\s*)?(第[{_NUM}]+条(?:の[{_NUM}]+)?)")
_CAPTION = re.compile(r"^\s*[（(][^）)]{1,30}[）)]\s*$")
_CHAPTER = re.compile(rf"^\s*第[{_NUM}]+[章編部節款]")
_ITEM = re.compile(r"^\s*([２-９2-9]|[１1][０-９0-9])[\s　]")
_NUMBERED = re.compile(r"^\s*(?:[0-9０-９]{1,3}(?:[.．、]|\s|　)|第[0-9０-９一二三四五六七八九十]+[章節]|[(（][0-9０-９]{1,2}[)）])")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


@dataclass
class Passage:
    """One retrievable piece of a document: ``location`` is for people, ``heading`` is indexed with the text."""

    file: str
    location: str
    text: str
    heading: str = ""
    page: int | None = None


@dataclass
class _Unit:
    """A run of text that belongs together before it is sized into passages."""

    text: str
    label: str          # 第○条 / 表1 2行 / "" (then the heading path is the location)
    heading: str
    page: int | None
    joinable: bool      # plain paragraphs may join their neighbours under the same heading


def passages_of(document: Document, file: str | None = None) -> list[Passage]:
    """The passages of ``document`` in reading order; ``file`` names it (default: its path)."""
    name = file if file is not None else document.path
    units = list(_units(document.blocks))
    return [passage for passage in _sized(units, name) if passage.text.strip()]


def _units(blocks: list[Block]):
    headings: list[tuple[int, str]] = []
    article: _Unit | None = None
    caption = ""
    tables: dict[int, dict[int, dict[int, str]]] = {}
    table_context: dict[int, tuple[str, int | None]] = {}

    def heading_path() -> str:
        return " > ".join(text for _, text in headings)

    def flush_article():
        nonlocal article
        if article is not None:
            yield article
            article = None

    for block in blocks:
        text = block.text.strip()
        if not text or block.kind in (HEADER, FOOTER):
            continue
        if block.kind == TABLE_CELL and block.table is not None:
            yield from flush_article()
            rows = tables.setdefault(block.table, {})
            row = rows.setdefault(block.row or 0, {})
            col = block.col or 0
            row[col] = (row[col] + " " + text) if col in row else text
            table_context.setdefault(block.table, (heading_path(), block.page))
            continue
        article_match = _ARTICLE.match(text)
        is_heading = (block.kind == HEADING or _looks_like_pdf_heading(block, text)) and not article_match
        if is_heading or (_CHAPTER.match(text) and len(text) <= 40):
            yield from flush_article()
            caption = ""
            level = block.level if block.kind == HEADING and block.level else (1 if "章" in text[:6] or "編" in text[:6] else 2)
            headings = [(lvl, t) for lvl, t in headings if lvl < level]
            headings.append((level, text))
            continue
        if _CAPTION.match(text):
            yield from flush_article()
            caption = text
            continue
        if article_match:
            yield from flush_article()
            caption = caption.strip() or (article_match.group(1) or "")
            label = article_match.group(2) + caption
            body = text if article_match.group(1) or not caption else caption + "\n" + text
            article = _Unit(body, label, heading_path(), block.page, False)
            caption = ""
            continue
        if article is not None:
            article.text += "\n" + text
            continue
        if caption:
            text = caption + "\n" + text
            caption = ""
        yield _Unit(text, "", heading_path(), block.page, True)
    yield from flush_article()
    for table_index in sorted(tables):
        yield from _table_units(table_index, tables[table_index], *table_context[table_index])


def _looks_like_pdf_heading(block: Block, text: str) -> bool:
    """PDF text has no heading styles: a short numbered line that is not a sentence is taken as one."""
    return (block.page is not None and len(text) <= 30 and not text.endswith(("。", "．", "、"))
            and bool(_NUMBERED.match(text)))


def _table_units(index: int, rows: dict[int, dict[int, str]], heading: str, page: int | None):
    """One unit per data row, each with the header row's names in front of its cells."""
    numbers = sorted(rows)
    header = rows[numbers[0]] if numbers else {}
    if len(numbers) == 1:
        yield _Unit(" | ".join(header[c] for c in sorted(header)), f"表{index + 1}", heading, page, False)
        return
    for number in numbers[1:]:
        cells = rows[number]
        parts = []
        for col in sorted(cells):
            name = header.get(col, "")
            parts.append(f"{name}: {cells[col]}" if name and name != cells[col] else cells[col])
        yield _Unit(" | ".join(parts), f"表{index + 1} {number + 1}行", heading, page, False)


def _location(unit: _Unit) -> str:
    location = " > ".join(part for part in (unit.heading, unit.label) if part)
    if unit.page is not None:
        location = f"{location} (p.{unit.page})" if location else f"p.{unit.page}"
    return location


def _sized(units: list[_Unit], file: str):
    """Join small neighbouring paragraphs; cut long units at 項 or sentence ends."""
    pending: _Unit | None = None
    for unit in units:
        if (pending is not None and unit.joinable and pending.joinable and unit.heading == pending.heading
                and unit.page == pending.page
                and len(pending.text) + len(unit.text) < TARGET_CHARS):
            pending.text += "\n" + unit.text
            continue
        if pending is not None:
            yield from _cut(pending, file)
        pending = _Unit(unit.text, unit.label, unit.heading, unit.page, unit.joinable)
    if pending is not None:
        yield from _cut(pending, file)


def _cut(unit: _Unit, file: str):
    if len(unit.text) <= MAX_CHARS:
        yield Passage(file, _location(unit), unit.text, unit.heading, unit.page)
        return
    lines = unit.text.split("\n")
    if unit.label.startswith("第") and any(_ITEM.match(line) for line in lines[1:]):
        for number, piece in enumerate(_split_items(lines), start=1):
            label = unit.label if number == 1 else f"{_ARTICLE.match(unit.label).group(2)}第{number}項"
            sub = _Unit(piece, label, unit.heading, unit.page, False)
            yield from _cut_sentences(sub, file)
        return
    yield from _cut_sentences(unit, file)


def _split_items(lines: list[str]) -> list[str]:
    items: list[list[str]] = [[]]
    for line in lines:
        if _ITEM.match(line) and items[-1]:
            items.append([])
        items[-1].append(line)
    return ["\n".join(item) for item in items]


def _cut_sentences(unit: _Unit, file: str):
    if len(unit.text) <= MAX_CHARS:
        yield Passage(file, _location(unit), unit.text, unit.heading, unit.page)
        return
    sentences = [s for s in _SENTENCE_END.split(unit.text) if s]
    piece = ""
    for sentence in sentences:
        while len(sentence) > MAX_CHARS:
            if piece:
                yield Passage(file, _location(unit), piece, unit.heading, unit.page)
                piece = ""
            yield Passage(file, _location(unit), sentence[:MAX_CHARS], unit.heading, unit.page)
            sentence = sentence[MAX_CHARS:]
        if len(piece) + len(sentence) > MAX_CHARS:
            yield Passage(file, _location(unit), piece, unit.heading, unit.page)
            piece = ""
        piece += sentence
    if piece:
        yield Passage(file, _location(unit), piece, unit.heading, unit.page)
