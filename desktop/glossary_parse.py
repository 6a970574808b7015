"""Reading glossary rows by the usual TSV/CSV rules, with the line of every problem.

The rules are RFC 4180's, as Excel writes TSV and CSV: a cell that starts with
``"`` is quoted; inside it ``""`` is one quote and the separator and line
breaks are text; the closing ``"`` must be followed by the separator or the
end of the line. A quote elsewhere in a cell is an ordinary character.
An unclosed quote or text after a closing quote is an error naming the line
(where Python's csv module would swallow the rest of the file into one cell),
and so is a cell longer than ``MAX_CELL_CHARS``.
"""

from __future__ import annotations

from collections.abc import Iterator

#: A glossary cell is a term or a short note; anything longer is a separator or quoting mistake.
MAX_CELL_CHARS = 2000


class RowError(Exception):
    """``kind`` is "unclosed_quote", "text_after_quote" or "cell_too_long"; ``line`` counts from 1."""

    def __init__(self, kind: str, line: int) -> None:
        super().__init__(f"{kind} at line {line}")
        self.kind = kind
        self.line = line


def rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line number of the row's start, cells) for every row of ``text`` ("\\n", "\\r\\n" or "\\r" line ends)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    index = 0
    while index < len(lines):
        start = index
        line = lines[index]
        if '"' not in line:
            cells = line.split(delimiter)
            _check_lengths(cells, start + 1)
            index += 1
        else:
            cells, index = _quoted_row(lines, index, delimiter)
        yield start + 1, cells


def _check_lengths(cells: list[str], line: int) -> None:
    if any(len(cell) > MAX_CELL_CHARS for cell in cells):
        raise RowError("cell_too_long", line)


def _quoted_row(lines: list[str], index: int, delimiter: str) -> tuple[list[str], int]:
    """The cells of the row starting at ``lines[index]`` (a quoted cell may span lines) and the next line's index."""
    cells: list[str] = []
    line = lines[index]
    pos = 0
    while True:
        if line.startswith('"', pos):
            quote_line = index + 1
            pos += 1
            pieces: list[str] = []
            while True:
                end = line.find('"', pos)
                if end < 0:
                    pieces.append(line[pos:])
                    index += 1
                    if index >= len(lines) or sum(map(len, pieces)) > MAX_CELL_CHARS:
                        raise RowError("unclosed_quote" if index >= len(lines) else "cell_too_long", quote_line)
                    pieces.append("\n")
                    line, pos = lines[index], 0
                    continue
                pieces.append(line[pos:end])
                if line.startswith('"', end + 1):
                    pieces.append('"')
                    pos = end + 2
                    continue
                pos = end + 1
                break
            cell = "".join(pieces)
            if pos < len(line) and not line.startswith(delimiter, pos):
                raise RowError("text_after_quote", index + 1)
        else:
            end = line.find(delimiter, pos)
            cell = line[pos:] if end < 0 else line[pos:end]
            pos = len(line) if end < 0 else end
        if len(cell) > MAX_CELL_CHARS:
            raise RowError("cell_too_long", index + 1)
        cells.append(cell)
        if pos >= len(line):
            return cells, index + 1
        pos += len(delimiter)
        if pos == len(line):
            cells.append("")
            return cells, index + 1
