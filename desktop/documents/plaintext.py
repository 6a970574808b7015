"""Plain text, Markdown and pasted text: blocks, plus the layout to rebuild the file.

``parse_text`` returns the blocks and a *layout*: one entry per output line,
made of literal pieces (heading markers, list markers, table pipes, blank
lines, code blocks) and slots holding a block's index. Rebuilding the layout
with each slot's translation gives a translated file of the same shape;
``render_layout`` does that. Reader and writer call the same parser, so the
blocks they see are always the same.

Modes:
- "md": ``#`` headings, ``-``/``*``/``+``/``1.`` list items, ``|`` tables,
  ``>`` quotes, fenced code (kept as is, not translated), paragraphs.
- "txt" and "paste": ``#`` headings, Japanese numbered headings (第1章, 1.,
  (1), １．, ア, 【…】) when the line is short and not a sentence, symbol
  bullets (・, -, *, ●, ○, ■, …), ``|`` tables, paragraphs (a new
  paragraph also starts after a line ending in 。！？, at a line indented with
  「　」, and around a line-based item: a "件名：…" label line, or a line much
  shorter than the longest line of its run, which its author ended on purpose
  where wrapped prose would have gone on; a line starting with ①, ⑴, ㈠ or ※
  starts a block of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import locations
from .model import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block


@dataclass
class LayoutLine:
    """One output line: literal strings and block indexes (ints); ``source`` is the original text it stands for."""

    pieces: list[str | int]
    source: list[str] = field(default_factory=list)


@dataclass
class ParsedText:
    blocks: list[Block]
    layout: list[LayoutLine]


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^(\s{0,3}#{1,6}\s+)(.*?)(\s+#+\s*)?$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_LIST = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)(\S.*)$")
_QUOTE = re.compile(r"^(\s*(?:>\s?)+)(.*)$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_TXT_BULLET = re.compile(r"^(\s*[・\-*•●○◆◇■□▪▸►]\s*)(\S.*)$")
#: Lines that start with a circled or bracketed number or ※ are items; the mark stays in the text.
_ITEM_START = re.compile(r"^\s*[①-⑳㉑-㉟⑴-⒇㈠-㈩※]")
#: "件名：…", "日時：…": a short label and a colon make a line an item of its own.
_LABEL_LINE = re.compile(r"^\s*[^\s：:。、]{1,10}[：:]\s*\S")
#: A line shorter than this share of the longest line around it ends where its author ended it.
_SHORT_LINE = 0.7
_NUM = "0-9０-９"
_KANJI_NUM = "一二三四五六七八九十百〇"
_JP_HEADINGS = (
    (re.compile(rf"^第[{_NUM}{_KANJI_NUM}]+[章編部]"), 1),
    (re.compile(rf"^第[{_NUM}{_KANJI_NUM}]+節"), 2),
    (re.compile(rf"^第[{_NUM}{_KANJI_NUM}]+条"), 3),
    (re.compile(rf"^第[{_NUM}{_KANJI_NUM}]+(\s|　|$)"), 1),
    (re.compile(r"^【[^】]{1,30}】$"), 2),
    (re.compile(rf"^[{_NUM}]{{1,3}}(?:[.．、]|\s|　)"), 2),
    (re.compile(rf"^[(（][{_NUM}]{{1,3}}[)）]"), 3),
    (re.compile(r"^[ア-ン](?:[.．、]|\s|　)"), 4),
    (re.compile(r"^[(（][ア-ン][)）]"), 4),
)
_MAX_HEADING_CHARS = 40
_SENTENCE_END = ("。", "！", "？", "」", "』")


def parse_text(text: str, mode: str = "txt", lang: str | None = None) -> ParsedText:
    """Blocks and layout of ``text`` ("\\n" newlines) read as ``mode`` ("md", "txt" or "paste")."""
    return _Parser(text.split("\n"), mode, lang).run()


def render_layout(parsed: ParsedText, translations: list[str | None]) -> str:
    """The text rebuilt with ``translations`` (parallel to ``parsed.blocks``; None keeps the original)."""
    out: list[str] = []
    for line in parsed.layout:
        slots = [piece for piece in line.pieces if isinstance(piece, int)]
        if line.source and all(translations[index] is None for index in slots):
            out.extend(line.source)
            continue
        text = []
        for piece in line.pieces:
            if isinstance(piece, int):
                text.append(_fit(parsed.blocks[piece], translations[piece]))
            else:
                text.append(piece)
        out.append("".join(text))
    return "\n".join(out)


def _fit(block: Block, translation: str | None) -> str:
    """A translation shaped for its place: one line for headings, list items and cells."""
    value = block.text if translation is None else translation.strip()
    if block.kind == TABLE_CELL:
        return value.replace("|", "\\|").replace("\n", "<br>")
    if block.kind in (HEADING, LIST_ITEM):
        return " ".join(value.split("\n"))
    return value


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph joined: no space between CJK text, one space between words."""
    result = ""
    for line in (line.strip() for line in lines):
        if not result:
            result = line
        elif not line:
            continue
        elif _is_cjk(result[-1]) or _is_cjk(line[0]):
            result += line
        else:
            result += " " + line
    return result


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def japanese_heading_level(line: str) -> int:
    """The heading level of a Japanese numbered heading line (第1章, 1., (1), ア, 【…】), 0 if it is not one."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS or stripped[-1] in "。．.、，,":
        return 0
    for pattern, level in _JP_HEADINGS:
        if pattern.match(stripped):
            return level
    return 0


class _Parser:
    def __init__(self, lines: list[str], mode: str, lang: str | None) -> None:
        self.lines = lines
        self.markdown = mode == "md"
        self.lang = lang
        self.blocks: list[Block] = []
        self.layout: list[LayoutLine] = []
        self.paragraphs = 0
        self.tables = 0
        self.i = 0

    def run(self) -> ParsedText:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip():
                self._literal([line])
            elif self.markdown and _FENCE.match(line):
                self._fence()
            elif _ATX.match(line):
                self._atx_heading(line)
            elif self.markdown and _RULE.match(line):
                self._literal([line])
            elif _is_table_line(line):
                self._table()
            elif self.markdown and _MD_LIST.match(line):
                self._list_item(_MD_LIST.match(line))
            elif self.markdown and _QUOTE.match(line):
                self._quote(line)
            elif not self.markdown and japanese_heading_level(line):
                self._plain_heading(line)
            elif not self.markdown and _TXT_BULLET.match(line):
                self._list_item(_TXT_BULLET.match(line))
            else:
                self._paragraph()
        return ParsedText(self.blocks, self.layout)

    # -- helpers -------------------------------------------------------
    def _literal(self, lines: list[str]) -> None:
        self.layout.append(LayoutLine(list(lines) and ["\n".join(lines)], list(lines)))
        self.i += len(lines)

    def _add(self, block: Block) -> int:
        block.line = self.i
        self.blocks.append(block)
        return len(self.blocks) - 1

    def _starts_block(self, line: str) -> bool:
        if not line.strip() or _ATX.match(line) or _is_table_line(line):
            return True
        if self.markdown:
            return bool(_FENCE.match(line) or _RULE.match(line) or _MD_LIST.match(line) or _QUOTE.match(line))
        return bool(japanese_heading_level(line) or _TXT_BULLET.match(line) or line.startswith("　")
                    or _ITEM_START.match(line))

    @staticmethod
    def _ends_line_item(line: str, following: str, longest: int) -> bool:
        """True when ``line`` ends its block in plain text: a sentence end, a label line, a deliberately short line."""
        stripped = line.strip()
        if stripped.endswith(_SENTENCE_END) or _LABEL_LINE.match(line) or _LABEL_LINE.match(following):
            return True
        return len(stripped) < longest * _SHORT_LINE

    def _continues_list_item(self, line: str) -> bool:
        """An indented line that starts nothing of its own continues the list item above it."""
        if not line.strip() or not line[:1].isspace():
            return False
        stripped = line.strip()
        if _ATX.match(stripped) or _is_table_line(line):
            return False
        if self.markdown:
            return not (_MD_LIST.match(line) or _FENCE.match(line) or _QUOTE.match(stripped))
        return not (_TXT_BULLET.match(line) or japanese_heading_level(line))

    # -- block kinds ---------------------------------------------------
    def _fence(self) -> None:
        opener = _FENCE.match(self.lines[self.i]).group(1)
        end = self.i + 1
        while end < len(self.lines) and not self.lines[end].strip().startswith(opener):
            end += 1
        self._literal(self.lines[self.i : min(end + 1, len(self.lines))])

    def _atx_heading(self, line: str) -> None:
        match = _ATX.match(line)
        text = match.group(2).strip()
        if not text:
            self._literal([line])
            return
        level = match.group(1).count("#")
        index = self._add(Block(HEADING, text, level=level, location=locations.heading(text, self.lang)))
        self.layout.append(LayoutLine([match.group(1), index, match.group(3) or ""], [line]))
        self.i += 1

    def _plain_heading(self, line: str) -> None:
        text = line.strip()
        level = japanese_heading_level(line)
        index = self._add(Block(HEADING, text, level=level, location=locations.heading(text, self.lang)))
        indent = line[: len(line) - len(line.lstrip())]
        self.layout.append(LayoutLine([indent, index], [line]))
        self.i += 1

    def _list_item(self, match: re.Match[str]) -> None:
        marker, first = match.group(1), match.group(2)
        indent = len(marker) - len(marker.lstrip())
        end = self.i + 1
        while end < len(self.lines) and self._continues_list_item(self.lines[end]):
            end += 1
        source = self.lines[self.i : end]
        text = join_lines([first, *source[1:]])
        self.paragraphs += 1
        level = min(len(marker[:indent].expandtabs(4)) // 2, 8)
        index = self._add(Block(LIST_ITEM, text, level=level, location=locations.list_item(self.paragraphs, self.lang, self.i)))
        self.layout.append(LayoutLine([marker, index], source))
        self.i = end

    def _quote(self, line: str) -> None:
        match = _QUOTE.match(line)
        if not match.group(2).strip():
            self._literal([line])
            return
        self.paragraphs += 1
        text = match.group(2).strip()
        index = self._add(Block(PARAGRAPH, text, location=locations.paragraph(self.paragraphs, self.lang, self.i)))
        self.layout.append(LayoutLine([match.group(1), index], [line]))
        self.i += 1

    def _paragraph(self) -> None:
        end = self.i + 1
        run_end = end
        while run_end < len(self.lines) and not self._starts_block(self.lines[run_end]):
            run_end += 1
        longest = max(len(line.strip()) for line in self.lines[self.i : run_end])
        while end < run_end:
            previous = self.lines[end - 1]
            if not self.markdown and self._ends_line_item(previous, self.lines[end], longest):
                break
            end += 1
        source = self.lines[self.i : end]
        first = source[0]
        indent = first[: len(first) - len(first.lstrip(" \t　"))]
        self.paragraphs += 1
        text = join_lines(source)
        index = self._add(Block(PARAGRAPH, text, location=locations.paragraph(self.paragraphs, self.lang, self.i)))
        self.layout.append(LayoutLine([indent, index], source))
        self.i = end

    def _table(self) -> None:
        table = self.tables
        self.tables += 1
        row = 0
        while self.i < len(self.lines) and _is_table_line(self.lines[self.i]):
            line = self.lines[self.i]
            if _TABLE_SEPARATOR.match(line):
                self._literal([line])
                continue
            pieces: list[str | int] = []
            for col, (literal, cell) in enumerate(_split_row(line)):
                pieces.append(literal)
                stripped = cell.strip()
                if not stripped:
                    pieces.append(cell)
                    continue
                lead = cell[: len(cell) - len(cell.lstrip())]
                trail = cell[len(cell.rstrip()) :]
                text = stripped.replace("\\|", "|")
                index = self._add(
                    Block(TABLE_CELL, text, table=table, row=row, col=col,
                          location=locations.table_cell(table, row, col, self.lang))
                )
                pieces.extend([lead, index, trail])
            self.layout.append(LayoutLine(pieces, [line]))
            self.i += 1
            row += 1


def _is_table_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 2 and stripped.startswith("|") and stripped.endswith("|")


def _split_row(line: str) -> list[tuple[str, str]]:
    """``| a | b |`` as [(literal before cell, cell text), ...] plus the closing literal as a last pair with an empty cell."""
    parts = re.split(r"(?<!\\)\|", line)
    # parts[0] is the indent before the first pipe, parts[-1] what follows the last pipe.
    pairs = [(parts[0] + "|", parts[1])]
    for cell in parts[2:-1]:
        pairs.append(("|", cell))
    pairs.append(("|" + parts[-1], ""))
    return pairs
