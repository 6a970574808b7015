"""Short labels that lead a person back to where a block came from ("表1 2行3列", "p.4").

Numbers in labels count from 1, as people count.
"""

from __future__ import annotations

from .errors import resolve_lang

_HEADING_CHARS = 40


def heading(text: str, lang: str | None = None) -> str:
    short = text if len(text) <= _HEADING_CHARS else text[: _HEADING_CHARS - 1] + "…"
    return f"見出し: {short}" if resolve_lang(lang) == "ja" else f"Heading: {short}"


def paragraph(number: int, lang: str | None = None, line: int | None = None) -> str:
    if resolve_lang(lang) == "ja":
        return f"段落 {number}" + (f"（{line + 1}行目）" if line is not None else "")
    return f"Paragraph {number}" + (f" (line {line + 1})" if line is not None else "")


def list_item(number: int, lang: str | None = None, line: int | None = None) -> str:
    if resolve_lang(lang) == "ja":
        return f"箇条書き（段落 {number}" + (f"、{line + 1}行目）" if line is not None else "）")
    return f"List item (paragraph {number}" + (f", line {line + 1})" if line is not None else ")")


def table_cell(table: int, row: int, col: int, lang: str | None = None) -> str:
    """``table``, ``row``, ``col`` are 0-based; the label counts from 1."""
    if resolve_lang(lang) == "ja":
        return f"表{table + 1} {row + 1}行{col + 1}列"
    return f"Table {table + 1}, row {row + 1}, column {col + 1}"


def header(lang: str | None = None) -> str:
    return "ヘッダー" if resolve_lang(lang) == "ja" else "Header"


def footer(lang: str | None = None) -> str:
    return "フッター" if resolve_lang(lang) == "ja" else "Footer"


def text_box(lang: str | None = None) -> str:
    return "テキストボックス" if resolve_lang(lang) == "ja" else "Text box"


def page(number: int, lang: str | None = None) -> str:
    return f"p.{number}"


def note(kind: str, number: int | None, lang: str | None = None) -> str:
    """"脚注 1" / "文末脚注 1" ("Footnote 1" / "Endnote 1"); ``number`` is the note's w:id."""
    shown = "" if number is None else f" {number}"
    if resolve_lang(lang) == "ja":
        return ("脚注" if kind == "footnote" else "文末脚注") + shown
    return ("Footnote" if kind == "footnote" else "Endnote") + shown
