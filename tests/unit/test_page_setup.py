"""Every .docx Fumi writes from scratch is A4 portrait; one written over the user's file or a letterhead keeps its page."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from desktop.checking.report import write_report
from desktop.compare.export import write_comparison
from desktop.compare.settings import CompareSettings, ModelResult
from desktop.documents.page_setup import A4_HEIGHT_MM, A4_WIDTH_MM, MARGIN_LEFT_RIGHT_MM, MARGIN_TOP_BOTTOM_MM
from desktop.documents.writers import write_bilingual_docx, write_text, write_translated_docx

#: python-docx's own default page, which must not reach a city office's printer.
LETTER = (Mm(215.9), Mm(279.4))


def _mm(length) -> float:
    """A length read back in mm, to 0.1 mm (Word stores pages in twips, so EMU values come back rounded)."""
    return round(length.mm, 1)


def _page(path: Path) -> tuple[float, float]:
    section = Document(str(path)).sections[-1]
    return _mm(section.page_width), _mm(section.page_height)


def _assert_a4(path: Path) -> None:
    sections = Document(str(path)).sections
    for section in sections:
        assert (_mm(section.page_width), _mm(section.page_height)) == (A4_WIDTH_MM, A4_HEIGHT_MM)
        assert _mm(section.top_margin) == _mm(section.bottom_margin) == MARGIN_TOP_BOTTOM_MM
        assert _mm(section.left_margin) == _mm(section.right_margin) == MARGIN_LEFT_RIGHT_MM


def _own_page_docx(path: Path, width_mm: float = 182, height_mm: float = 257) -> Path:
    """A user's .docx on B5 (not A4, not Letter), with one paragraph."""
    document = Document()
    document.sections[0].page_width, document.sections[0].page_height = Mm(width_mm), Mm(height_mm)
    document.add_paragraph("市役所の様式です。")
    document.save(str(path))
    return path


def test_python_docx_starts_from_letter_so_the_setting_matters():
    section = Document().sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (_mm(LETTER[0]), _mm(LETTER[1]))


@pytest.mark.parametrize("kind", ["summary", "draft", "ask answer"])
def test_text_written_from_scratch_is_a4_portrait(tmp_path, kind):
    _assert_a4(write_text(tmp_path / f"{kind}.docx", "# 見出し\n\n本文です。", title=kind))


def test_bilingual_table_is_a4_portrait(tmp_path):
    _assert_a4(write_bilingual_docx([("原文です。", "The source.")], tmp_path / "both.docx"))


def test_compare_table_is_a4_portrait(tmp_path):
    out = tmp_path / "比較.docx"
    write_comparison(out, [ModelResult(model="qwen", text="本文", seconds=1.0)], CompareSettings(), "要約", lang="ja")
    _assert_a4(out)


def test_check_report_is_a4_portrait(tmp_path):
    _assert_a4(write_report("本文です。", [], tmp_path / "report.docx", title="点検結果"))


def test_a_letterhead_keeps_its_own_page(tmp_path):
    letterhead = _own_page_docx(tmp_path / "letterhead.docx")
    out = write_text(tmp_path / "out.docx", "本文です。", letterhead=letterhead)
    assert _page(out) == (182, 257)


def test_a_translation_written_over_the_users_document_keeps_its_page(tmp_path):
    source = _own_page_docx(tmp_path / "source.docx")
    out = write_translated_docx(source, ["This is the city's form."], tmp_path / "en.docx", target_lang="en")
    assert _page(out) == (182, 257)
