"""Writing .docx/.txt/.md: East Asian fonts, the AI notice, letterheads, atomic writes, and translations
that keep the source's structure."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from desktop.messages import describe
from docx.oxml.ns import qn

from desktop.documents import DocumentError, read_document
from desktop.documents.model import FOOTER, HEADER, HEADING, LIST_ITEM, TABLE_CELL
from desktop.documents.writers import (
    ai_notice_text,
    write_bilingual_docx,
    write_text,
    write_translated_docx,
    write_translated_text,
    write_translation,
)
from tests.support import doc_factory as factory

NOTICE_JA = "※この文書の作成に当たっては、生成AIを利用しています。"
DRAFT = "# 報告\n\n本文の **重要な** 点です。\n\n- 一つ目\n  - 二つ目\n\n| 項目 | 金額 |\n|---|---|\n| 人件費 | 100 |\n"


def _runs(document: docx.document.Document) -> list:
    return list(document.element.body.iter(qn("w:r")))


def _east_asia(run_or_rpr_parent) -> str | None:
    fonts = run_or_rpr_parent.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


# -- write_text ----------------------------------------------------------------
def test_docx_from_text_has_structure_fonts_and_notice(tmp_path: Path) -> None:
    path = write_text(tmp_path / "out.docx", DRAFT, title="月次報告")
    blocks = read_document(path).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (HEADING, "月次報告"), (HEADING, "報告"), ("paragraph", "本文の 重要な 点です。"),
        (LIST_ITEM, "一つ目"), (LIST_ITEM, "二つ目"),
        (TABLE_CELL, "項目"), (TABLE_CELL, "金額"), (TABLE_CELL, "人件費"), (TABLE_CELL, "100"),
        ("paragraph", NOTICE_JA),
    ]
    document = docx.Document(path)
    runs = _runs(document)
    assert runs and all(_east_asia(run) in ("游明朝", "游ゴシック") for run in runs)
    assert all(run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:ascii")) for run in runs)
    assert _east_asia(document.styles["Normal"].element) == "游明朝"
    by_text = {p.text: p for p in document.paragraphs}
    assert [r.text for r in by_text["本文の 重要な 点です。"].runs if r.bold] == ["重要な"]
    assert by_text["一つ目"].style.name == "List Bullet"
    assert by_text["二つ目"].style.name == "List Bullet 2"


def test_ai_notice_can_be_left_out_and_speaks_english(tmp_path: Path) -> None:
    plain = read_document(write_text(tmp_path / "plain.docx", "本文", ai_notice=False)).text()
    assert NOTICE_JA not in plain
    english = read_document(write_text(tmp_path / "en.docx", "Body", lang="en")).text()
    assert ai_notice_text("en") in english
    assert english.endswith("Generative AI was used in preparing this document.")
    for lang in ("ja", "en", "zh-Hans", "zh-Hant", "ko"):  # states the use of AI, never a check it cannot know
        assert not any(word in ai_notice_text(lang) for word in ("確認", "checked", "确认", "確認", "확인"))


def test_letterhead_keeps_its_header_and_its_body_only_when_seen(tmp_path: Path) -> None:
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = "○○市役所"
    base.add_paragraph("レターヘッドの本文")
    base_path = tmp_path / "letterhead.docx"
    base.save(base_path)
    blocks = read_document(write_text(tmp_path / "out.docx", "追加した本文", letterhead=base_path)).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (HEADER, "○○市役所"), ("paragraph", "追加した本文"), ("paragraph", NOTICE_JA),
    ]
    blocks = read_document(write_text(tmp_path / "seen.docx", "追加した本文", letterhead=base_path,
                                      letterhead_body=True)).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (HEADER, "○○市役所"), ("paragraph", "レターヘッドの本文"), ("paragraph", "追加した本文"), ("paragraph", NOTICE_JA),
    ]


def test_broken_letterhead_is_a_document_error(tmp_path: Path) -> None:
    broken = factory.make_corrupt_docx(tmp_path / "broken.docx")
    with pytest.raises(DocumentError) as caught:
        write_text(tmp_path / "out.docx", "本文", letterhead=broken)
    assert caught.value.reason == "corrupt"
    assert not (tmp_path / "out.docx").exists()


def test_txt_is_utf8_with_bom_and_crlf_md_is_plain_utf8(tmp_path: Path) -> None:
    txt = write_text(tmp_path / "out.txt", "一行目\n二行目", title="件名").read_bytes()
    assert txt.startswith(b"\xef\xbb\xbf")
    assert txt.decode("utf-8-sig") == f"件名\r\n\r\n一行目\r\n二行目\r\n\r\n{NOTICE_JA}\r\n"
    md = write_text(tmp_path / "out.md", "本文", title="件名", ai_notice=False).read_bytes()
    assert md.decode("utf-8") == "# 件名\n\n本文\n"


def test_unknown_extension_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        write_text(tmp_path / "out.pdf", "本文")
    assert caught.value.reason == "unsupported"


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"previous good copy")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(DocumentError) as caught:
        write_text(target, "新しい本文")
    assert caught.value.reason == "unwritable"
    assert "元のファイルはそのまま" in describe(caught.value)
    assert target.read_bytes() == b"previous good copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_unwritable_place_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    with pytest.raises(DocumentError) as caught:
        write_text(blocker / "out.txt", "本文")
    assert caught.value.reason == "unwritable"
    assert "out.txt" in describe(caught.value)


# -- translated .docx ----------------------------------------------------------
def _structure(path: Path) -> dict:
    document = docx.Document(path)
    return {
        "paragraph_styles": [p.style.name for p in document.paragraphs],
        "tables": [(len(t.rows), [len(r.cells) for r in t.rows], t.style.name if t.style else None) for t in document.tables],
        "cell_styles": [p.style.name for t in document.tables for c in t._cells for p in c.paragraphs],
        "headers": [len(s.header.paragraphs) for s in document.sections],
        "footers": [len(s.footer.paragraphs) for s in document.sections],
        "sections": len(document.sections),
    }


@pytest.fixture()
def sample_docx(tmp_path: Path) -> Path:
    return factory.make_sample_docx(tmp_path / "sample.docx")


def test_translated_docx_keeps_structure_and_replaces_text(sample_docx: Path, tmp_path: Path) -> None:
    source = read_document(sample_docx)
    translations = [f"EN {index}: {block.kind}" for index, block in enumerate(source.blocks)]
    out = write_translated_docx(sample_docx, translations, tmp_path / "en.docx", target_lang="en")
    assert _structure(out) == _structure(sample_docx)
    result = read_document(out)
    assert [b.text for b in result.blocks] == translations
    assert [(b.kind, b.level, b.style, b.table, b.row, b.col) for b in result.blocks] == [
        (b.kind, b.level, b.style, b.table, b.row, b.col) for b in source.blocks
    ]
    translated = docx.Document(out)
    # The header text repeats in both sections' own header parts: both are translated.
    header_texts = [s.header.paragraphs[0].text for s in translated.sections]
    assert header_texts == [translations[0], translations[0]]
    # The text box's VML fallback copy is translated too.
    assert factory.SAMPLE_DOCX_TEXT_BOX not in translated.element.xml


def test_translated_paragraph_puts_each_format_back_on_its_words(sample_docx: Path, tmp_path: Path) -> None:
    source = read_document(sample_docx)
    mixed = next(i for i, b in enumerate(source.blocks) if b.text == factory.SAMPLE_DOCX_MIXED)
    assert source.blocks[mixed].marked == "<b>【重要】</b>この事業は<i>特に</i>優先します。"
    translations: list[str | None] = [None] * len(source.blocks)
    translations[mixed] = "<b>[Important]</b> This project has <i>particular</i> priority."
    out = write_translated_docx(sample_docx, translations, tmp_path / "en.docx", target_lang="en")
    paragraph = next(p for p in docx.Document(out).paragraphs if p.text.startswith("[Important]"))
    text_runs = [run for run in paragraph.runs if run.text]
    assert [(run.text, run.bold, run.italic) for run in text_runs] == [
        ("[Important]", True, None), (" This project has ", None, None), ("particular", None, True),
        (" priority.", None, None)]
    # None keeps every other paragraph exactly as it was.
    assert [b.text for i, b in enumerate(read_document(out).blocks) if i != mixed] == [
        b.text for i, b in enumerate(source.blocks) if i != mixed
    ]


def test_translated_docx_sets_east_asian_font_for_cjk_targets(sample_docx: Path, tmp_path: Path) -> None:
    source = read_document(sample_docx)
    out = write_translated_docx(sample_docx, ["訳" + b.text for b in source.blocks], tmp_path / "zh.docx", target_lang="zh-Hans")
    document = docx.Document(out)
    runs_with_text = [r for r in _runs(document) if r.find(qn("w:t")) is not None]
    assert runs_with_text
    assert all(_east_asia(run) == "Microsoft YaHei" for run in runs_with_text)
    assert _east_asia(document.styles["Normal"].element) == "Microsoft YaHei"


def test_translated_docx_keeps_non_text_runs(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("前半")
    paragraph._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:fldChar w:fldCharType="begin"/></w:r>'
    ))
    paragraph.add_run("後半")
    source = tmp_path / "field.docx"
    document.save(source)
    out = write_translated_docx(source, ["First and second half"], tmp_path / "out.docx", target_lang="en")
    p = docx.Document(out).paragraphs[0]._p
    assert len(p.findall(f".//{qn('w:fldChar')}")) == 1
    assert docx.Document(out).paragraphs[0].text == "First and second half"


def test_translation_count_must_match(sample_docx: Path, tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        write_translated_docx(sample_docx, ["only one"], tmp_path / "out.docx", target_lang="en")
    assert caught.value.reason == "corrupt"
    assert not (tmp_path / "out.docx").exists()


def test_bilingual_docx_is_a_two_column_table(tmp_path: Path) -> None:
    pairs = [("市民の皆様へ", "To all residents"), ("申請方法", None)]
    out = write_bilingual_docx(pairs, tmp_path / "both.docx", source_label="日本語", target_label="English",
                               target_lang="en")
    document = docx.Document(out)
    assert len(document.tables) == 1
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows == [["日本語", "English"], ["市民の皆様へ", "To all residents"], ["申請方法", ""]]
    assert all(_east_asia(run) for run in _runs(document))
    assert ai_notice_text("en") in read_document(out).text()


# -- translated .txt / .md -------------------------------------------------------
def test_translated_markdown_keeps_its_shape(tmp_path: Path) -> None:
    source = read_document(factory.make_markdown(tmp_path / "notice.md"))
    translations: list[str | None] = [f"T{index}" for index in range(len(source.blocks))]
    translations[1] = None
    out = write_translated_text(source, translations, tmp_path / "notice.en.md")
    assert out.read_text(encoding="utf-8") == (
        "# T0\n\n市民の皆様へのお知らせです。\n二行目も同じ段落です。\n\n## T2\n\n- T3\n- T4\n  - T5\n1. T6\n\n"
        "| T7 | T8 |\n|------|------|\n| T9 | T10 |\n\n```\ncode block stays\n```\n\n> T11\n"
    )


def test_translated_cp932_text_keeps_lines_and_is_written_as_utf8(tmp_path: Path) -> None:
    path = factory.make_text_file(tmp_path / "sjis.txt", encoding="cp932")
    source = read_document(path)
    out = write_translated_text(source, [f"Line {i}" for i in range(len(source.blocks))], tmp_path / "en.txt",
                                target_lang="en", ai_notice=True)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").split("\r\n") == [
        "Line 0", "", "Line 1", "Line 2", "", "・Line 3", "・Line 4", "", "Line 5", "", ai_notice_text("en"), "",
    ]


def test_pasted_text_translation_is_written_from_blocks(tmp_path: Path) -> None:
    from desktop.documents import document_from_text

    source = document_from_text("# 件名\n\n本文です。\n\n・項目\n")
    out = write_translated_text(source, ["Subject", "Body.", "Item"], tmp_path / "out.md")
    assert out.read_text(encoding="utf-8") == "# Subject\n\nBody.\n\n- Item\n"


def test_write_translation_picks_the_writer_by_extension(sample_docx: Path, tmp_path: Path) -> None:
    docx_source = read_document(sample_docx)
    out = write_translation(docx_source, [None] * len(docx_source.blocks), tmp_path / "same.docx", target_lang="en")
    assert _structure(out) == _structure(sample_docx)
    md_source = read_document(factory.make_markdown(tmp_path / "notice.md"))
    composed = write_translation(md_source, [f"T{i}" for i in range(len(md_source.blocks))], tmp_path / "md.docx",
                                 target_lang="en")
    kinds = [b.kind for b in read_document(composed).blocks]
    assert kinds[:3] == [HEADING, "paragraph", HEADING]
    assert TABLE_CELL in kinds and FOOTER not in kinds


def test_a_translation_without_marks_takes_the_paragraphs_main_format(sample_docx: Path, tmp_path: Path) -> None:
    source = read_document(sample_docx)
    mixed = next(i for i, b in enumerate(source.blocks) if b.text == factory.SAMPLE_DOCX_MIXED)
    translations: list[str | None] = [None] * len(source.blocks)
    translations[mixed] = "[Important] This project has priority."
    out = write_translated_docx(sample_docx, translations, tmp_path / "en.docx", target_lang="en")
    paragraph = next(p for p in docx.Document(out).paragraphs if p.text.startswith("[Important]"))
    assert [(run.text, run.bold) for run in paragraph.runs if run.text] == [
        ("[Important] This project has priority.", None)]
