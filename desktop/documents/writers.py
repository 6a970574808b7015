"""Writing results: new documents from text, and translations in the source's own shape.

All writers write atomically (``atomic.atomic_write_bytes``): a failed write
leaves any existing file as it was and raises ``DocumentError("unwritable")``.

Text files: .txt is UTF-8 *with* a BOM and CRLF line ends — what Windows
Notepad, Excel and older Japanese editors (which guess Shift_JIS for a file
without a BOM) all open correctly; .md is UTF-8 without a BOM and LF line
ends, as Markdown tools expect.

Public functions:
- ``write_text(path, text, *, title="", ai_notice=True, lang="ja", letterhead=None)``
- ``write_translated_docx(source_path, translations, out_path, *, target_lang, ai_notice=False, lang=None)``
- ``write_bilingual_docx(pairs, out_path, *, source_label=None, target_label=None, ...)``
- ``write_translated_text(source_doc, translations, out_path, *, target_lang=None, ai_notice=False, lang=None)``
- ``write_translation(source_doc, translations, out_path, *, target_lang, ai_notice=False, lang=None)`` — picks one of the above by extension.
- ``ai_notice_text(lang)``
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from .atomic import atomic_write_bytes
from .bilingual import add_structured_rows
from .docx_compose import add_heading, add_markdown, add_runs, add_table, prepare_document
from .docx_fonts import font_choice, is_cjk, set_document_default_fonts
from .docx_runs import MarkedParagraph
from .docx_walk import walk_docx
from .errors import document_error, resolve_lang
from .marks import in_marked_form, readable
from .model import FOOTER, HEADER, HEADING, LIST_ITEM, TABLE_CELL, Block, Document, DocumentError
from .plaintext import parse_text, render_layout
from .readers import _read_checked, decode_text_file, open_docx_bytes
from .textsafe import for_markdown, for_txt

#: The note on the use of AI. It states only what the app knows: that generative AI was used.
#: It never claims a check by a person, which the app cannot know happened (issue #20).
_AI_NOTICES = {
    "ja": "※この文書の作成に当たっては、生成AIを利用しています。",
    "en": "* Generative AI was used in preparing this document.",
    "zh-Hans": "※本文件在编写过程中使用了生成式人工智能（AI）。",
    "zh-Hant": "※本文件在撰寫過程中使用了生成式人工智慧（AI）。",
    "ko": "※이 문서는 작성 과정에서 생성형 AI를 활용했습니다.",
}
_TEXT_SUFFIXES = (".txt", ".md")


def _only_document_errors(write: Callable[..., Path]) -> Callable[..., Path]:
    """A writer that fails only with ``DocumentError``: anything else (a library's ValueError on
    text it cannot hold, for one) becomes ``unwritable``, so callers keep the text and say why."""
    signature = inspect.signature(write)

    @functools.wraps(write)
    def guarded(*args: Any, **kwargs: Any) -> Path:
        try:
            return write(*args, **kwargs)
        except DocumentError:
            raise
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, MemoryError) as exc:
            bound = signature.bind_partial(*args, **kwargs).arguments
            out = bound.get("out_path") or bound.get("path")
            raise document_error("unwritable", out, bound.get("lang"),
                                 detail=f"{type(exc).__name__}: {exc}") from exc

    return guarded


def ai_notice_text(lang: str | None = "ja") -> str:
    """The note on the use of AI in ``lang`` (ja, en, zh-Hans, zh-Hant, ko; others: English)."""
    if lang in _AI_NOTICES:
        return _AI_NOTICES[lang]
    return _AI_NOTICES["ja"] if not lang else _AI_NOTICES["en"]


# -- new documents ---------------------------------------------------------
@_only_document_errors
def write_text(
    path: str | Path,
    text: str,
    *,
    title: str = "",
    ai_notice: bool = True,
    lang: str = "ja",
    letterhead: str | Path | None = None,
    letterhead_body: bool = False,
) -> Path:
    """Write ``text`` (Markdown-ish) as .docx, .txt or .md, chosen by ``path``'s extension.

    .docx: headings, bullets, tables and bold from the Markdown-ish text, East
    Asian fonts on every run; ``letterhead`` is a .docx whose headers, footers,
    page setup and styles are used. Its body text is kept (before the text) only
    with ``letterhead_body``, i.e. once the user has seen it; otherwise it is
    dropped. ``ai_notice`` adds the 'prepared with AI' line (in ``lang``) at the end.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        data = _compose_docx(text, title=title, ai_notice=ai_notice, lang=lang, letterhead=letterhead,
                             letterhead_body=letterhead_body)
    elif suffix in _TEXT_SUFFIXES:
        parts = []
        if title:
            parts.append(f"# {title}" if suffix == ".md" else title)
        parts.append(text.strip("\n"))
        if ai_notice:
            parts.append(ai_notice_text(lang))
        data = _encode_text("\n\n".join(parts) + "\n", suffix)
    else:
        raise document_error("unsupported", path, lang, suffix=suffix or "?")
    return atomic_write_bytes(path, data, lang)


def _compose_docx(text: str, *, title: str, ai_notice: bool, lang: str, letterhead: str | Path | None,
                  letterhead_body: bool = False) -> bytes:
    import docx

    fonts = font_choice(lang)
    if letterhead:
        base = Path(letterhead)
        document = open_docx_bytes(base, _read_checked(base, ".docx", lang), lang)
        if not letterhead_body:
            _drop_body(document)
    else:
        document = docx.Document()
    prepare_document(document, fonts, fresh=letterhead is None)
    if title:
        add_heading(document, title, 0, fonts)
    add_markdown(document, text, fonts)
    if ai_notice:
        add_runs(document.add_paragraph(), ai_notice_text(lang), fonts)
    return _docx_bytes(document)


def _drop_body(document) -> None:
    """Remove a base document's body content; its final section properties (page setup, and the
    links to its headers and footers) stay."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)



@_only_document_errors
def write_bilingual_docx(
    pairs: Iterable[tuple[str | Block, str | None]],
    out_path: str | Path,
    *,
    source_label: str | None = None,
    target_label: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    title: str = "",
    ai_notice: bool = True,
    lang: str | None = None,
    source_docx: str | Path | None = None,
    translations: Sequence[str | None] | None = None,
) -> Path:
    """A .docx with one two-column table: source | translation, one row per pair (None: left blank).

    The first row holds the labels (default 原文 / 訳文, or Source / Translation
    when ``lang`` is English). Fonts follow each column's language. Given
    ``source_docx`` and ``translations`` (parallel to its blocks, possibly
    marked), the rows are built from the source's paragraphs instead of
    ``pairs``, so links and fields are in both columns (``bilingual``).
    A translation in ``pairs`` is plain words, or, beside a ``Block``, in that
    block's form (marked text when ``Block.marked``: its marks are removed).
    """
    import docx

    ui_lang = resolve_lang(lang)
    source_label = source_label or ("原文" if ui_lang == "ja" else "Source")
    target_label = target_label or ("訳文" if ui_lang == "ja" else "Translation")
    body_fonts = font_choice(source_lang or "ja")
    target_fonts = font_choice(target_lang or source_lang or "ja")
    document = docx.Document()
    prepare_document(document, body_fonts, fresh=True)
    if title:
        add_heading(document, title, 0, body_fonts)
    rows = [[source_label, target_label]]
    for source, target in pairs:
        if isinstance(source, Block):
            rows.append([source.text, readable(target or "", _is_marked(source), source.atoms)])
        else:
            rows.append([str(source), target or ""])
    table = add_table(document, rows[:1], body_fonts)
    if source_docx is not None and translations is not None:
        path = Path(source_docx)
        source_document = open_docx_bytes(path, _read_checked(path, ".docx", lang), lang)
        add_structured_rows(document, table, source_document, translations, target_lang or "en")
        rows = rows[:1]
    for source_text, target_text in rows[1:]:
        cells = table.add_row().cells
        add_runs(cells[0].paragraphs[0], source_text, body_fonts)
        add_runs(cells[1].paragraphs[0], target_text, target_fonts)
    if ai_notice:
        add_runs(document.add_paragraph(), ai_notice_text(target_lang or ui_lang), target_fonts)
    return atomic_write_bytes(out_path, _docx_bytes(document), lang)


# -- translations in the source's shape ------------------------------------
@_only_document_errors
def write_translated_docx(
    source_path: str | Path,
    translations: Sequence[str | None],
    out_path: str | Path,
    *,
    target_lang: str,
    ai_notice: bool = False,
    lang: str | None = None,
) -> Path:
    """The source .docx with each block's text replaced by its translation; everything else kept.

    ``translations`` is parallel to ``read_document(source_path).blocks``; None
    (or the original text) leaves a paragraph untouched. A translation may
    carry the block's inline marks (``Block.marked``, see ``marks``): its words
    go into runs that copy the source runs' formatting, and every link, field,
    bookmark, tab, break, symbol, note reference and picture keeps its place
    (``docx_runs.MarkedParagraph.write``). Translated runs carry ``w:lang``
    and fonts for ``target_lang``; for CJK targets the document defaults get
    the East Asian font too. ``ai_notice`` appends the notice paragraph in
    ``target_lang`` after the last paragraph of the body.
    """
    source_path = Path(source_path)
    document = open_docx_bytes(source_path, _read_checked(source_path, ".docx", lang), lang)
    pairs = list(walk_docx(document, lang))
    if len(pairs) != len(translations):
        raise document_error("unaligned", source_path, lang, got=len(translations), expected=len(pairs))
    if is_cjk(target_lang):
        set_document_default_fonts(document, east_asia=font_choice(target_lang).east_asia)
    for (block, targets), translation in zip(pairs, translations):
        if translation is None or translation.strip() in (block.text, block.marked):
            continue
        marked = in_marked_form(translation.strip(), _is_marked(block))
        for paragraph in targets:
            MarkedParagraph(paragraph).write(marked, target_lang)
    if ai_notice:
        add_runs(document.add_paragraph(), ai_notice_text(target_lang), font_choice(target_lang))
    return atomic_write_bytes(out_path, _docx_bytes(document), lang)


@_only_document_errors
def write_translated_text(
    source_doc: Document | str | Path,
    translations: Sequence[str | None],
    out_path: str | Path,
    *,
    target_lang: str | None = None,
    ai_notice: bool = False,
    lang: str | None = None,
) -> Path:
    """A translated .txt/.md in the source's shape (heading and list markers, table pipes, blank lines, code).

    The source file is parsed again exactly as the reader did; each block's
    lines are replaced by its translation (None keeps the original lines).
    When there is no source file to follow (pasted text, a .docx or .pdf
    source, or a file that changed), the blocks are written out plainly:
    Markdown headings/lists/tables for .md, plain lines for .txt.
    """
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in _TEXT_SUFFIXES:
        raise document_error("unsupported", out_path, lang, suffix=suffix or "?")
    if not isinstance(source_doc, Document):
        from .readers import read_document

        source_doc = read_document(source_doc, lang=lang)
    translations = plain_translations(source_doc.blocks, translations)
    text = _text_in_source_shape(source_doc, translations, lang)
    if text is None:
        if len(source_doc.blocks) != len(translations):
            raise document_error("unaligned", source_doc.path or out_path, lang,
                                 got=len(translations), expected=len(source_doc.blocks))
        text = render_blocks(source_doc.blocks, translations, markdown=suffix == ".md")
    text = text.rstrip("\n")
    if ai_notice:
        text += "\n\n" + ai_notice_text(target_lang or resolve_lang(lang))
    return atomic_write_bytes(out_path, _encode_text(text + "\n", suffix), lang)


def _text_in_source_shape(source_doc: Document, translations: Sequence[str | None], lang: str | None) -> str | None:
    if source_doc.format not in ("txt", "md") or not source_doc.path:
        return None
    path = Path(source_doc.path)
    try:
        decoded = decode_text_file(path, _read_checked(path, path.suffix.lower(), lang), lang)
    except Exception:  # noqa: BLE001 - the source went away or changed: fall back to the blocks
        return None
    parsed = parse_text(decoded.text, source_doc.format, lang)
    if len(parsed.blocks) != len(translations) or [b.text for b in parsed.blocks] != [b.text for b in source_doc.blocks]:
        return None
    return render_layout(parsed, list(translations))


def render_blocks(blocks: Sequence[Block], translations: Sequence[str | None], *, markdown: bool) -> str:
    """Blocks (with their translations; None: original) as Markdown or plain text, one paragraph per block."""
    chunks: list[str] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == TABLE_CELL:
            end = index
            while end < len(blocks) and blocks[end].kind == TABLE_CELL and blocks[end].table == block.table:
                end += 1
            chunks.append(_table_text(blocks[index:end], translations[index:end], markdown))
            index = end
            continue
        text = _chosen(block, translations[index])
        if block.kind == HEADING and markdown:
            text = "#" * max(1, min(block.level, 6)) + " " + " ".join(text.split("\n"))
        elif block.kind == LIST_ITEM:
            text = "  " * block.level + ("- " if markdown else "・") + text
        chunks.append(text)
        index += 1
    out: list[str] = []
    for position, chunk in enumerate(chunks):
        tight = position and blocks_are_list_neighbours(chunks[position - 1], chunk, markdown)
        out.append(("\n" if tight else "\n\n") + chunk if position else chunk)
    return "".join(out)


def blocks_are_list_neighbours(previous: str, current: str, markdown: bool) -> bool:
    marker = "- " if markdown else "・"
    return previous.lstrip().startswith(marker) and current.lstrip().startswith(marker)


def _chosen(block: Block, translation: str | None) -> str:
    return block.text if translation is None else translation.strip()


def _table_text(cells: Sequence[Block], translations: Sequence[str | None], markdown: bool) -> str:
    rows: dict[int, dict[int, str]] = {}
    for cell, translation in zip(cells, translations):
        text = _chosen(cell, translation)
        row = rows.setdefault(cell.row or 0, {})
        col = cell.col or 0
        row[col] = f"{row[col]} {text}" if col in row else text
    width = max((max(row) for row in rows.values()), default=0) + 1
    lines = []
    for number, row_index in enumerate(sorted(rows)):
        values = [rows[row_index].get(col, "") for col in range(width)]
        if markdown:
            values = [value.replace("|", "\\|").replace("\n", "<br>") for value in values]
            lines.append("| " + " | ".join(values) + " |")
            if number == 0:
                lines.append("|" + "---|" * width)
        else:
            lines.append("\t".join(value.replace("\n", " ") for value in values))
    return "\n".join(lines)


@_only_document_errors
def write_translation(
    source_doc: Document,
    translations: Sequence[str | None],
    out_path: str | Path,
    *,
    target_lang: str,
    ai_notice: bool = False,
    lang: str | None = None,
) -> Path:
    """Write a translation in the format of ``out_path``: a .docx source to .docx keeps its structure;
    any other source to .docx is composed from the blocks; .txt/.md follow ``write_translated_text``."""
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix == ".docx" and source_doc.format == "docx" and source_doc.path:
        return write_translated_docx(source_doc.path, translations, out_path, target_lang=target_lang,
                                     ai_notice=ai_notice, lang=lang)
    if suffix == ".docx":
        if len(source_doc.blocks) != len(translations):
            raise document_error("unaligned", source_doc.path or out_path, lang,
                                 got=len(translations), expected=len(source_doc.blocks))
        plain = plain_translations(source_doc.blocks, translations)
        markdown = render_blocks(_body_blocks(source_doc.blocks), _body_translations(source_doc.blocks, plain),
                                 markdown=True)
        return write_text(out_path, markdown, ai_notice=ai_notice, lang=target_lang)
    return write_translated_text(source_doc, translations, out_path, target_lang=target_lang,
                                 ai_notice=ai_notice, lang=lang)


def plain_translations(blocks: Sequence[Block], translations: Sequence[str | None]) -> list[str | None]:
    """``translations`` without inline marks; an atom becomes what it shows (a field's result, a tab).

    Only a marked block's translation is marked text; any other is words as
    they are, even where they look like a mark ("<b>タグ").
    """
    return [None if t is None else readable(t, _is_marked(block), block.atoms)
            for block, t in zip(blocks, translations)] + list(translations[len(blocks):])


def _is_marked(block: Block) -> bool:
    """Whether ``block``'s translations are marked text (see ``Block.marked``)."""
    return block.atoms is not None or bool(block.marked)


def _body_blocks(blocks: Sequence[Block]) -> list[Block]:
    return [block for block in blocks if block.kind not in (HEADER, FOOTER)]


def _body_translations(blocks: Sequence[Block], translations: Sequence[str | None]) -> list[str | None]:
    return [t for block, t in zip(blocks, translations) if block.kind not in (HEADER, FOOTER)]


# -- bytes -----------------------------------------------------------------
def _docx_bytes(document: Any) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _encode_text(text: str, suffix: str) -> bytes:
    if suffix == ".txt":
        return b"\xef\xbb\xbf" + for_txt(text).replace("\n", "\r\n").encode("utf-8")
    return for_markdown(text).encode("utf-8")
