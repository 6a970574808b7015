"""A comparison written out: Markdown (a figures table, then each model's text) or a Word table.

The Word file has one column per model: the model, then its figures, then its
text, so a reader can put the outputs side by side in the office's usual tool.
Both forms state the settings every model ran with, and carry the
AI-assistance line when ``ai_notice`` is set.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.compare.settings import CompareSettings, ModelResult
from desktop.messages import current_language, message

EXPORT_SUFFIXES = (".md", ".docx")

#: The cell of a figure a model has not got: U+2015, which CP932 consoles can show (U+2014 "—" became 〓).
NO_VALUE = "―"


def figure_rows(results: Sequence[ModelResult], lang: str | None = None) -> list[tuple[str, list[str]]]:
    """(row label, one cell per model) for the figures every export and the pane show."""
    lang = lang or current_language()

    def each(fn) -> list[str]:
        return [fn(r) if r.ok else NO_VALUE for r in results]

    return [
        (message("compare.ttft", lang), each(lambda r: _num(r.ttft_s, "s", 2))),
        (message("compare.tokens_per_s", lang), each(lambda r: _num(r.tokens_per_s, "", 1))),
        (message("compare.total", lang), each(lambda r: _num(r.seconds, "s", 1))),
        (message("compare.load", lang), each(lambda r: _num(r.load_s, "s", 1))),
        (message("compare.peak_memory", lang), each(lambda r: _num(r.peak_rss_mb, " MB", 0))),
        (message("compare.context", lang), each(lambda r: str(r.n_ctx) if r.n_ctx else NO_VALUE)),
        (message("compare.cut", lang), each(lambda r: message("compare.cut_yes" if r.cut else "compare.cut_no", lang))),
    ]


def settings_line(settings: CompareSettings, job_label: str, lang: str | None = None) -> str:
    """One line that states the job and what every model got alike (the context too, when it was one for all)."""
    line = message("compare.settings_line", lang, job=job_label, seed=settings.seed,
                   temperature=settings.temperature, max_tokens=settings.max_tokens)
    return line + (message("compare.context_line", lang, n_ctx=settings.n_ctx) if settings.n_ctx else "")


def to_markdown(results: Sequence[ModelResult], settings: CompareSettings, job_label: str, *,
                ai_notice: bool = True, lang: str | None = None) -> str:
    lang = lang or current_language()
    lines = [f"# {message('compare.title', lang)}", "", settings_line(settings, job_label, lang), ""]
    names = [_cell(r.shown) for r in results]
    lines.append("| | " + " | ".join(names) + " |")
    lines.append("|---" * (len(results) + 1) + "|")
    for label, cells in figure_rows(results, lang):
        lines.append(f"| {label} | " + " | ".join(_cell(c) for c in cells) + " |")
    for result in results:
        lines += ["", f"## {result.shown}", ""]
        if result.ok:
            lines.append(result.text.strip() or message("compare.empty", lang))
        else:
            lines.append(f"> {message('compare.failed_label', lang)}: {result.error}")
    if ai_notice:
        lines += ["", "---", message("compare.ai_notice", lang)]
    return "\n".join(lines) + "\n"


def write_docx(path: Path, results: Sequence[ModelResult], settings: CompareSettings, job_label: str, *,
               ai_notice: bool = True, lang: str | None = None) -> None:
    """The comparison as a .docx with one table (a column per model), written atomically."""
    import io

    from docx import Document
    from docx.shared import Pt

    from desktop.documents.atomic import atomic_write_bytes
    from desktop.documents.docx_fonts import font_choice, set_document_default_fonts
    from desktop.documents.page_setup import use_a4_portrait

    lang = lang or current_language()
    fonts = font_choice("ja")
    document = Document()
    use_a4_portrait(document)
    set_document_default_fonts(document, east_asia=fonts.east_asia, latin=fonts.latin)
    document.add_heading(message("compare.title", lang), level=1)
    document.add_paragraph(settings_line(settings, job_label, lang))
    table = document.add_table(rows=1, cols=len(results) + 1)
    table.style = "Table Grid"
    header = table.rows[0].cells
    for column, result in enumerate(results, start=1):
        header[column].text = result.shown
    for label, cells in figure_rows(results, lang):
        row = table.add_row().cells
        row[0].text = label
        for column, cell in enumerate(cells, start=1):
            row[column].text = cell
    text_row = table.add_row().cells
    text_row[0].text = message("compare.text", lang)
    for column, result in enumerate(results, start=1):
        body = result.text.strip() if result.ok else f"{message('compare.failed_label', lang)}: {result.error}"
        text_row[column].text = _xml_safe(body)
        for paragraph in text_row[column].paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(9)
    if ai_notice:
        document.add_paragraph(message("compare.ai_notice", lang))
    buffer = io.BytesIO()
    document.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())


def write_comparison(path: Path, results: Sequence[ModelResult], settings: CompareSettings, job_label: str, *,
                     ai_notice: bool = True, lang: str | None = None) -> None:
    """Write ``path`` as .md or .docx by its extension; ``ValueError`` for another extension."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        write_docx(path, results, settings, job_label, ai_notice=ai_notice, lang=lang)
    elif suffix == ".md":
        from desktop.documents.atomic import atomic_write_bytes

        text = to_markdown(results, settings, job_label, ai_notice=ai_notice, lang=lang)
        atomic_write_bytes(path, text.encode("utf-8"))
    else:
        raise ValueError(f"unsupported comparison export: {suffix}")


def _num(value: float | None, unit: str, digits: int) -> str:
    if value is None:
        return NO_VALUE
    return f"{value:.{digits}f}{unit}"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (control characters other than tab and line breaks)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
