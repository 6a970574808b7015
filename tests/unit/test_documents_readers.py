"""Reading .docx, .txt (every Japanese encoding), .md, .pdf and pasted text into the Document model."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.messages import describe, warning_texts

from desktop.documents import Document, DocumentError, document_from_text, read_document
from desktop.documents.model import FOOTER, HEADER, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL
from tests.support import doc_factory as factory


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return factory.make_sample_docx(tmp_path_factory.mktemp("docx") / "sample.docx")


# -- .docx -------------------------------------------------------------------
def test_docx_blocks_come_in_document_order_with_kinds(sample_docx: Path) -> None:
    document = read_document(sample_docx)
    table = [cell for row in factory.SAMPLE_DOCX_TABLE for cell in row]
    assert [(b.kind, b.text) for b in document.blocks] == [
        (HEADER, factory.SAMPLE_DOCX_HEADER),
        (HEADING, "1 概要"),
        (PARAGRAPH, factory.SAMPLE_DOCX_MIXED),
        (HEADING, "1.1 背景"),
        (PARAGRAPH, "変更前の文と挿入された文"),
        *[(LIST_ITEM, text) for text in factory.SAMPLE_DOCX_BULLETS],
        *[(TABLE_CELL, text) for text in table],
        (HEADING, "2 予算"),
        (PARAGRAPH, "予算の概要は次のとおり。"),
        (PARAGRAPH, factory.SAMPLE_DOCX_TEXT_BOX),
        (PARAGRAPH, "以上"),
        (FOOTER, factory.SAMPLE_DOCX_FOOTER),
    ]
    assert document.format == "docx"
    assert document.title == "テスト報告書"


def test_docx_headings_lists_and_table_coordinates(sample_docx: Path) -> None:
    blocks = read_document(sample_docx).blocks
    headings = [(b.text, b.level, b.location) for b in blocks if b.kind == HEADING]
    assert headings == [("1 概要", 1, "見出し: 1 概要"), ("1.1 背景", 2, "見出し: 1.1 背景"), ("2 予算", 1, "見出し: 2 予算")]
    assert [b.level for b in blocks if b.kind == LIST_ITEM] == [0, 0, 1]
    cells = [(b.table, b.row, b.col, b.location) for b in blocks if b.kind == TABLE_CELL]
    assert cells[0] == (0, 0, 0, "表1 1行1列")
    assert cells[-1] == (0, 1, 2, "表1 2行3列")
    assert len(cells) == 6


def test_docx_skips_empty_paragraphs_deletions_and_duplicate_headers(sample_docx: Path) -> None:
    blocks = read_document(sample_docx).blocks
    assert all(block.text.strip() for block in blocks)
    assert not any("削除された文" in block.text for block in blocks)
    # The second section repeats header and footer text in parts of its own: read once.
    assert [b.location for b in blocks if b.kind in (HEADER, FOOTER)] == ["ヘッダー", "フッター"]
    # The text box has a DrawingML choice and a VML fallback: read once.
    assert sum(factory.SAMPLE_DOCX_TEXT_BOX in b.text for b in blocks) == 1
    assert next(b for b in blocks if b.text == factory.SAMPLE_DOCX_TEXT_BOX).location == "テキストボックス"


def test_docx_paragraph_locations_count_paragraphs(sample_docx: Path) -> None:
    blocks = read_document(sample_docx).blocks
    assert next(b for b in blocks if b.text == factory.SAMPLE_DOCX_MIXED).location == "段落 1"
    assert next(b for b in blocks if b.kind == LIST_ITEM).location == "箇条書き（段落 3）"
    assert read_document(sample_docx, lang="en").blocks[1].location == "Heading: 1 概要"


def test_docx_japanese_style_names_outline_levels_and_merged_cells(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    document = docx.Document()
    document.styles.add_style("見出し 2", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("日本語スタイルの見出し", style="見出し 2")
    outlined = document.add_paragraph("アウトラインレベルの見出し")
    outlined._p.get_or_add_pPr().append(
        parse_xml('<w:outlineLvl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="2"/>')
    )
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "横結合"
    table.cell(0, 2).text = "右上"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "縦結合"
    table.cell(1, 1).text = "中央"
    path = tmp_path / "styles.DOCX"
    document.save(path)

    blocks = read_document(path).blocks
    assert [(b.kind, b.level) for b in blocks[:2]] == [(HEADING, 2), (HEADING, 3)]
    cells = [(b.text, b.row, b.col) for b in blocks if b.kind == TABLE_CELL]
    assert cells == [("横結合", 0, 0), ("右上", 0, 2), ("縦結合", 1, 0), ("中央", 1, 1)]


def test_document_survives_the_pipe_as_json(sample_docx: Path) -> None:
    document = read_document(sample_docx)
    assert Document.from_dict(document.to_dict()) == document


# -- .txt --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp932", "cp932"),
        ("euc-jp", "euc-jp"),
        ("utf-16", "utf-16-le"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_text_files_in_every_japanese_encoding(tmp_path: Path, encoding: str, detected: str) -> None:
    path = factory.make_text_file(tmp_path / f"{encoding}.txt", encoding=encoding)
    document = read_document(path)
    assert document.encoding == detected
    assert document.format == "txt"
    assert not document.warnings
    assert [(b.kind, b.text) for b in document.blocks] == [
        (HEADING, "第1章 総則"),
        (PARAGRAPH, "この要綱は、市の事業の実施に関し必要な事項を定めるものとする。"),
        (PARAGRAPH, "住民の皆様への周知は、広報紙及びホームページにより行う。"),
        (LIST_ITEM, "申請書の提出"),
        (LIST_ITEM, "審査結果の通知"),
        (PARAGRAPH, "申請から交付までの手続について、担当課は速やかに対応する。"),
    ]
    assert document.blocks[1].location == "段落 1（3行目）"
    assert document.blocks[1].line == 2


def test_cp932_only_characters_are_read(tmp_path: Path) -> None:
    path = factory.make_text_file(tmp_path / "nec.txt", "①から⑤まで、㈱と髙橋さん。\n", encoding="cp932")
    document = read_document(path)
    assert document.encoding == "cp932"
    assert document.blocks[0].text == "①から⑤まで、㈱と髙橋さん。"


def test_short_shift_jis_text_is_not_mistaken_for_euc(tmp_path: Path) -> None:
    path = factory.make_text_file(tmp_path / "short.txt", "会議録\n", encoding="cp932")
    assert read_document(path).blocks[0].text == "会議録"


def test_mixed_encodings_are_read_with_a_warning(tmp_path: Path) -> None:
    document = read_document(factory.make_mixed_encoding_text(tmp_path / "mixed.txt"))
    assert document.encoding == "utf-8"
    assert len(document.warnings) == 1
    assert "置き換えました" in warning_texts(document.warnings)[0]
    assert "市民の皆様への大切なお知らせです。" in document.text()


def test_hopelessly_mixed_encodings_are_corrupt(tmp_path: Path) -> None:
    path = factory.make_mixed_encoding_text(tmp_path / "mixed.txt", bad_lines=100, good_lines=5)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.reason == "corrupt"
    assert "文字コード" in describe(caught.value)


# -- .md ---------------------------------------------------------------------
def test_markdown_headings_lists_tables_and_code(tmp_path: Path) -> None:
    document = read_document(factory.make_markdown(tmp_path / "notice.md"))
    assert document.format == "md"
    assert [(b.kind, b.level, b.text) for b in document.blocks] == [
        (HEADING, 1, "お知らせ"),
        (PARAGRAPH, 0, "市民の皆様へのお知らせです。二行目も同じ段落です。"),
        (HEADING, 2, "手続き"),
        (LIST_ITEM, 0, "申請書を出す"),
        (LIST_ITEM, 0, "窓口に来る"),
        (LIST_ITEM, 1, "本人確認書類を持参"),
        (LIST_ITEM, 0, "番号付きの項目"),
        (TABLE_CELL, 0, "項目"),
        (TABLE_CELL, 0, "期限"),
        (TABLE_CELL, 0, "申請"),
        (TABLE_CELL, 0, "4月1日"),
        (PARAGRAPH, 0, "引用の文"),
    ]
    cells = [(b.row, b.col) for b in document.blocks if b.kind == TABLE_CELL]
    assert cells == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert "code block stays" not in document.text()


# -- pasted text ---------------------------------------------------------------
def test_pasted_text_recognises_japanese_and_markdown_headings() -> None:
    text = (
        "# 件名\n第2章 予算\n１．目的\n(1) 対象者\nア 市民\n【留意事項】\n"
        "1. この行は長い文なので見出しではなく、段落として扱われるべきものです。\n"
        "・箇条書き\n本文です。\n"
    )
    document = document_from_text(text)
    assert document.format == "paste"
    assert [(b.kind, b.level) for b in document.blocks] == [
        (HEADING, 1), (HEADING, 1), (HEADING, 2), (HEADING, 3), (HEADING, 4), (HEADING, 2),
        (PARAGRAPH, 0), (LIST_ITEM, 0), (PARAGRAPH, 0),
    ]
    assert document.blocks[0].text == "件名"
    assert document.blocks[1].text == "第2章 予算"


def test_pasted_text_splits_on_blank_lines_and_sentence_ends() -> None:
    document = document_from_text("一つ目の段落。\n二つ目の段落。\r\n\r\nThird paragraph\nwraps here.\n")
    assert [b.text for b in document.blocks] == ["一つ目の段落。", "二つ目の段落。", "Third paragraph wraps here."]


def test_empty_paste_gives_no_blocks() -> None:
    assert document_from_text(" \n\n").blocks == []


# -- .pdf --------------------------------------------------------------------
def test_pdf_text_per_page(tmp_path: Path) -> None:
    path = factory.make_text_pdf(tmp_path / "report.pdf", [["First page line."], ["Second page.", "", "Another paragraph."]])
    document = read_document(path)
    assert document.format == "pdf"
    assert [(b.page, b.location, b.text) for b in document.blocks] == [
        (1, "p.1", "First page line."),
        (2, "p.2", "Second page."),
        (2, "p.2", "Another paragraph."),
    ]


def test_pdf_without_text_layer_says_so(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        read_document(factory.make_scanned_pdf(tmp_path / "scan.pdf"))
    assert caught.value.reason == "no_text"
    assert describe(caught.value) == (
        "この PDF には文字情報がありません（スキャン画像の可能性があります）。"
        "OCR 済みの PDF か Word ファイルをご利用ください。"
    )


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        read_document(factory.make_encrypted_pdf(tmp_path / "secret.pdf"))
    assert caught.value.reason == "encrypted"


def test_pdf_restricted_only_by_owner_password_opens(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = factory.make_text_pdf(tmp_path / "plain.pdf", [["Readable text."]])
    writer = PdfWriter()
    writer.add_page(PdfReader(plain).pages[0])
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "restricted.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert read_document(path).blocks[0].text == "Readable text."


def test_utf8_cut_mid_character_is_not_read_as_mojibake(tmp_path: Path) -> None:
    data = ("市民の皆様への大切なお知らせです。\n" * 50).encode("utf-8")
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:-2])
    document = read_document(path)
    assert document.encoding == "utf-8"
    assert document.blocks[0].text == "市民の皆様への大切なお知らせです。"
    assert len(document.warnings) == 1
