"""The findings report: a .csv for spreadsheets or a .docx to hand round, one row per finding."""

from __future__ import annotations

import csv
import io
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

from desktop.checking.findings import Finding
from desktop.messages import message

#: The report's columns; each header is the catalogue's ``check.column_<column>`` in the report's language.
COLUMNS = ("line", "column", "severity", "rule", "text", "suggestion", "message", "source")
SEVERITIES = ("error", "warning", "info")


def report_rows(text: str, findings: Sequence[Finding], lang: str = "ja") -> list[tuple[str, ...]]:
    """One row per finding: 1-based line and column in ``text``, then the finding's fields."""
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    rows = []
    for f in findings:
        line = bisect_right(line_starts, f.start)
        column = f.start - line_starts[line - 1] + 1
        severity = message(f"check.severity_{f.severity}", lang) if f.severity in SEVERITIES else f.severity
        rows.append((str(line), str(column), severity, f.rule, f.text, f.suggestion or "", f.message, f.source))
    return rows


def write_report(text: str, findings: Sequence[Finding], out_path: str | Path, *, title: str = "",
                 lang: str = "ja") -> Path:
    """Write the report as .csv (UTF-8 with BOM, which Excel opens as Japanese) or .docx (a table).

    Raises ``DocumentError`` ("unwritable", "unsupported").
    """
    from desktop.documents.atomic import atomic_write_bytes
    from desktop.documents.writers import write_text

    out_path = Path(out_path)
    header = tuple(message(f"check.column_{column}", lang) for column in COLUMNS)
    rows = report_rows(text, findings, lang)
    if out_path.suffix.lower() == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        return atomic_write_bytes(out_path, b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"), lang)
    def cell(value: str) -> str:
        return value.replace("|", "｜").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return write_text(out_path, "\n".join(lines), title=title, ai_notice=False, lang=lang)
