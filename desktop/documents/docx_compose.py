"""Building a .docx from Markdown-ish text (what the model writes), with real East Asian fonts.

Line by line: ``#``…``######`` headings become Heading 1–6, ``-``/``*``/``・``
bullets become List Bullet (List Bullet 2/3 when indented), ``| a | b |``
lines (or ``｜a｜b｜``) become a table (separator lines skipped), ``**bold**`` becomes a bold
run, every other line its own paragraph. A blank line becomes one empty
paragraph (runs of blank lines collapse to one) so the author's spacing
survives. Every run gets ``w:eastAsia`` and ascii/hAnsi fonts; so do the
document defaults and the Normal, Title and Heading styles.
"""

from __future__ import annotations

import re
from typing import Any

from docx.enum.text import WD_BREAK
from docx.shared import Pt

from .docx_fonts import FontChoice, set_document_default_fonts, set_run_fonts, set_style_fonts
from .page_setup import use_a4_portrait
from .textsafe import PAGE_BREAK, for_docx

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+・•])\s+(.*)$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def prepare_document(document: Any, fonts: FontChoice, *, fresh: bool) -> None:
    """Fonts on the defaults and the styles the composer uses; for a fresh document (not a
    letterhead or the user's file) also body size 10.5 pt and an A4 portrait page (``page_setup``)."""
    set_document_default_fonts(document, east_asia=fonts.east_asia, latin=fonts.latin)
    names = ["Title"] + [f"Heading {level}" for level in range(1, 7)]
    for name in names:
        style = _style(document, name)
        if style is not None:
            set_style_fonts(style, east_asia=fonts.heading_east_asia, latin=fonts.heading_latin)
    if fresh:
        use_a4_portrait(document)
        normal = _style(document, "Normal")
        if normal is not None:
            normal.font.size = Pt(10.5)


def add_markdown(document: Any, text: str, fonts: FontChoice) -> None:
    """Append ``text`` (Markdown-ish) to ``document`` as paragraphs, lists and tables."""
    lines = [_ascii_table_row(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")]
    index = 0
    previous_blank = False
    while index < len(lines):
        line = lines[index]
        if _is_table_line(line):
            rows = []
            while index < len(lines) and _is_table_line(lines[index]):
                if not _TABLE_SEPARATOR.match(lines[index]):
                    rows.append(_cells(lines[index]))
                index += 1
            add_table(document, rows, fonts)
            previous_blank = False
            continue
        index += 1
        if not line.strip():
            if not previous_blank:
                document.add_paragraph()
            previous_blank = True
            continue
        previous_blank = False
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        if heading:
            add_heading(document, heading.group(2), len(heading.group(1)), fonts)
        elif bullet and bullet.group(2).strip():
            depth = min(len(bullet.group(1).expandtabs(4)) // 2, 2)
            name = "List Bullet" if depth == 0 else f"List Bullet {depth + 1}"
            style = _style(document, name) or _style(document, "List Bullet")
            if style is None:
                paragraph = document.add_paragraph()
                add_runs(paragraph, "・" + bullet.group(2), fonts)
            else:
                paragraph = document.add_paragraph(style=style)
                add_runs(paragraph, bullet.group(2), fonts)
        else:
            add_runs(document.add_paragraph(), line.rstrip(), fonts)


def add_heading(document: Any, text: str, level: int, fonts: FontChoice) -> Any:
    """A heading paragraph (style "Heading N", or bold text when the base document lacks it)."""
    style = _style(document, "Title" if level == 0 else f"Heading {level}")
    if style is None:
        paragraph = document.add_paragraph()
        add_runs(paragraph, text, fonts, heading=True, bold=True)
    else:
        paragraph = document.add_paragraph(style=style)
        add_runs(paragraph, text, fonts, heading=True)
    return paragraph


def add_table(document: Any, rows: list[list[str]], fonts: FontChoice, *, bold_first_row: bool = True) -> Any:
    """A grid table filled cell by cell (text with line breaks stays in one cell)."""
    width = max((len(row) for row in rows), default=1)
    table = document.add_table(rows=0, cols=width)
    grid = _style(document, "Table Grid")
    if grid is not None:
        table.style = grid
    for row_number, values in enumerate(rows):
        cells = table.add_row().cells
        for col, value in enumerate(values):
            paragraph = cells[col].paragraphs[0]
            add_runs(paragraph, value, fonts, bold=bold_first_row and row_number == 0)
    return table


def add_runs(paragraph: Any, text: str, fonts: FontChoice, *, heading: bool = False, bold: bool = False) -> None:
    """Runs for ``text`` with ``**bold**`` honoured, "\\n" as line breaks and a form feed as a page break;
    fonts set on every run. Characters XML cannot hold are mapped or dropped (``textsafe.for_docx``)."""
    east_asia = fonts.heading_east_asia if heading else fonts.east_asia
    latin = fonts.heading_latin if heading else fonts.latin
    for line_number, line in enumerate(for_docx(text).split("\n")):
        if line_number:
            _break(paragraph, WD_BREAK.LINE, east_asia, latin)
        for page_number, piece in enumerate(line.split(PAGE_BREAK)):
            if page_number:
                _break(paragraph, WD_BREAK.PAGE, east_asia, latin)
            position = 0
            for match in _BOLD.finditer(piece):
                _run(paragraph, piece[position : match.start()], east_asia, latin, bold)
                _run(paragraph, match.group(1), east_asia, latin, True)
                position = match.end()
            _run(paragraph, piece[position:], east_asia, latin, bold)


def _break(paragraph: Any, kind: Any, east_asia: str, latin: str) -> None:
    run = paragraph.add_run()
    run.add_break(kind)
    set_run_fonts(run._r, east_asia=east_asia, latin=latin)


def _run(paragraph: Any, text: str, east_asia: str, latin: str, bold: bool) -> None:
    if not text:
        return
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    set_run_fonts(run._r, east_asia=east_asia, latin=latin)


def _style(document: Any, name: str) -> Any | None:
    try:
        return document.styles[name]
    except KeyError:
        return None


def _ascii_table_row(line: str) -> str:
    """A row written with full-width bars (｜a｜b｜), which models sometimes write for Japanese
    text, as the Markdown row ``| a | b |``; any other line unchanged."""
    stripped = line.strip()
    if len(stripped) >= 2 and stripped[0] == "｜" and stripped[-1] == "｜":
        return stripped.replace("｜", "|")
    return line


def _is_table_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 2 and stripped.startswith("|") and stripped.endswith("|")


def _cells(line: str) -> list[str]:
    parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [part.strip().replace("\\|", "|").replace("<br>", "\n") for part in parts]
