"""Segmentation: one segment per non-empty block, aligned with document.blocks; long paragraphs split."""

from __future__ import annotations

from desktop.documents.model import Block, Document
from desktop.documents.segments import (
    join_pieces, segment_document, split_long, split_sentences, translations_by_block,
)


def _document() -> Document:
    return Document(blocks=[
        Block("header", "市役所だより", location="ヘッダー"),
        Block("heading", "第1章 概要", level=1),
        Block("paragraph", ""),
        Block("paragraph", "区市町村に通知します。詳細は別紙のとおりです。"),
        Block("list_item", "燃えるごみ"),
        Block("paragraph", "   "),
        Block("table_cell", "品目", table=0, row=0, col=0, location="表1 1行1列"),
        Block("table_cell", "", table=0, row=0, col=1),
        Block("table_cell", "回収日", table=0, row=1, col=0),
        Block("footer", "1ページ"),
    ], format="docx")


def test_one_segment_per_non_empty_block_keeping_block_indexes():
    segments = segment_document(_document())
    assert [s.index for s in segments] == [0, 1, 3, 4, 6, 8, 9]
    assert [s.kind for s in segments] == ["header", "heading", "paragraph", "list_item", "table_cell",
                                          "table_cell", "footer"]
    assert segments[4].location == "表1 1行1列"


def test_translations_go_back_by_block_index_and_empty_blocks_stay_none():
    document = _document()
    translations = {s.index: s.text.upper() + "!" for s in segment_document(document)}
    aligned = translations_by_block(document, translations)
    assert len(aligned) == len(document.blocks)
    assert aligned[2] is None and aligned[5] is None and aligned[7] is None
    assert aligned[6] == "品目!"


def test_a_paragraph_of_mixed_runs_is_one_segment():
    # A docx paragraph "通常 **太字** 斜体" becomes one block with the runs' text joined.
    document = Document(blocks=[Block("paragraph", "通常の文に太字と斜体が混ざる段落です。")])
    assert [s.text for s in segment_document(document)] == ["通常の文に太字と斜体が混ざる段落です。"]


def test_sentences_split_and_join_back_exactly():
    text = "一文目です。二文目です！「三文目。」Then English. And 3.5 more? yes"
    assert split_sentences(text) == ["一文目です。", "二文目です！", "「三文目。」", "Then English. ",
                                     "And 3.5 more? ", "yes"]
    assert "".join(split_sentences(text)) == text


def test_long_paragraphs_are_packed_by_sentences_under_the_limit():
    text = "あいうえお。" * 10
    pieces = split_long(text, 20)
    assert "".join(pieces) == text
    assert all(len(piece) <= 20 for piece in pieces)
    assert pieces[0] == "あいうえお。あいうえお。あいうえお。"
    assert split_long("短い。", 20) == ["短い。"]


def test_a_sentence_longer_than_the_limit_is_cut_at_a_space_if_possible():
    text = "word " * 30
    pieces = split_long(text, 22)
    assert "".join(pieces) == text
    assert all(len(p) <= 22 and p.endswith(" ") for p in pieces)


def test_split_long_measures_with_the_given_function():
    pieces = split_long("ab. cd. ef.", 2, measure=lambda s: s.count("."))
    assert pieces == ["ab. cd. ", "ef."]


def test_join_pieces_uses_spaces_only_for_spaced_languages():
    assert join_pieces(["Hello.", " World. "], "en") == "Hello. World."
    assert join_pieces(["こんにちは。", "世界。"], "ja") == "こんにちは。世界。"


def test_a_real_docx_segments_by_block_and_translations_go_back_into_the_same_structure(tmp_path):
    import docx

    from desktop.documents import read_document
    from desktop.documents.writers import write_translated_docx
    from tests.support.doc_factory import (
        SAMPLE_DOCX_FOOTER, SAMPLE_DOCX_HEADER, SAMPLE_DOCX_MIXED, make_sample_docx,
    )

    source = make_sample_docx(tmp_path / "sample.docx")
    document = read_document(source)
    segments = segment_document(document)
    kinds = {s.kind for s in segments}
    assert {"header", "footer", "heading", "paragraph", "list_item", "table_cell"} <= kinds
    assert SAMPLE_DOCX_MIXED in [s.text for s in segments]          # mixed runs: one segment
    assert [s.text for s in segments if s.kind == "header"][0] == SAMPLE_DOCX_HEADER
    assert [s.text for s in segments if s.kind == "footer"][0] == SAMPLE_DOCX_FOOTER
    cells = [s for s in segments if s.kind == "table_cell"]
    assert [(document.blocks[s.index].row, document.blocks[s.index].col) for s in cells][:3] == [(0, 0), (0, 1), (0, 2)]

    out = tmp_path / "translated.docx"
    write_translated_docx(source, translations_by_block(document, {s.index: f"T{s.index}" for s in segments}),
                          out, target_lang="en")
    before, after = docx.Document(str(source)), docx.Document(str(out))
    assert [p.style.name for p in after.paragraphs] == [p.style.name for p in before.paragraphs]
    assert [[len(r.cells) for r in t.rows] for t in after.tables] == [[len(r.cells) for r in t.rows] for t in before.tables]
    assert after.tables[0].cell(0, 0).text == f"T{cells[0].index}"
    assert after.sections[0].header.paragraphs[0].text.startswith("T")
    mixed_index = next(s.index for s in segments if s.text == SAMPLE_DOCX_MIXED)
    mixed = next(p for p in after.paragraphs if p.text == f"T{mixed_index}")
    assert not any(run.bold for run in mixed.runs)   # a plain translation: the first run's bold does not spread
