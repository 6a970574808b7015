"""The intake cases (tests/data/intake, copied from ../shared/cases/intake): each file read right.

Each test names its case file; README.md there says what Fumi did before and what it must do.
The write-back side (translated .docx) and the cut-output report are other issues' tests.
"""

from __future__ import annotations

import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from desktop.documents import DocumentError, read_document
from desktop.documents import safezip
from desktop.glossary import GlossaryError, load_glossary, parse_glossary
from desktop.messages import describe, warning_texts

CASES = Path(__file__).resolve().parents[1] / "data" / "intake"


def case(name: str) -> Path:
    return CASES / name


def test_utf8_one_nul_is_utf8_with_the_nul_dropped_and_a_warning() -> None:
    document = read_document(case("utf8_one_nul.txt"))
    assert document.encoding == "utf-8"
    assert [b.text for b in document.blocks] == ["お知らせ", "来週の会議は中止です。"]
    assert [w["code"] for w in document.warnings] == ["documents.nul_dropped"]
    assert "NUL" in warning_texts(document.warnings)[0]


def test_iso2022jp_mail_is_decoded() -> None:
    document = read_document(case("iso2022jp_mail.txt"))
    assert document.encoding == "iso-2022-jp"
    assert "\x1b" not in document.text()
    assert document.text() == "件名：防災訓練のお知らせ\n集合場所は市役所です。"


def test_notice_lines_keep_one_block_per_line() -> None:
    document = read_document(case("notice_lines.txt"))
    assert [b.text for b in document.blocks] == [
        "件名：防災訓練のお知らせ", "日時：10月1日（火）午前10時", "場所：市役所本庁舎",
        "持ち物：筆記用具", "①集合は9時50分", "②雨天決行",
    ]


def test_content_controls_at_every_level_are_read() -> None:
    document = read_document(case("content_controls.docx"))
    texts = [b.text for b in document.blocks]
    assert texts == ["ブロックの入力欄：件名は防災訓練", "担当は 山田課長 です。", "表ごと入力欄",
                     "行の入力欄", "セル内の入力欄", "終わり。"]
    row_block = document.blocks[3]
    assert (row_block.kind, row_block.table, row_block.row) == ("table_cell", 1, 0)


def test_footnote_is_read_after_its_paragraph_and_comments_are_reported() -> None:
    document = read_document(case("footnote.docx"))
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert kinds[0] == ("paragraph", "事業費は五千万円である。")
    assert kinds[1] == ("footnote", "脚注：この金額は令和六年度予算の見込み額であり、確定額ではない。")
    assert document.blocks[1].location == "脚注 1"
    assert (document.blocks[1].part, document.blocks[1].note) == ("/word/footnotes.xml", 1)
    assert kinds[2] == ("paragraph", "実施時期は来年度とする。")
    assert [w["code"] for w in document.warnings] == ["documents.has_comments"]
    assert "コメントが 1 件" in warning_texts(document.warnings)[0]


def test_ruby_reads_the_base_text_only() -> None:
    document = read_document(case("ruby_first.docx"))
    assert document.text() == "本日は晴れです。"


def test_pdf_without_text_mapping_is_refused_like_a_scan() -> None:
    with pytest.raises(DocumentError) as caught:
        read_document(case("pdf_no_text_mapping.pdf"))
    assert caught.value.reason == "no_text"
    assert caught.value.code == "documents.no_text_mapping"
    assert "pdf_no_text_mapping.pdf" in describe(caught.value)


def test_zip_member_lying_about_its_size_is_refused_with_bounded_memory() -> None:
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as caught:
            read_document(case("zip_member_lying_size.docx"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.reason in ("corrupt", "too_large")
    assert peak < 150 * 1024 * 1024  # it inflates to over 1 GB if trusted


def test_a_docx_that_really_inflates_past_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safezip, "MAX_XML_BYTES", 4 * 1024 * 1024)
    path = tmp_path / "bomb.docx"
    shutil.copy(case("ruby_first.docx"), path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/padding.xml", b"<a>" + b" " * (16 * 1024 * 1024) + b"</a>")
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.code == "documents.unpacks_too_large"
    assert "4 MB" in describe(caught.value)


def test_control_chars_are_read_as_line_and_paragraph_breaks() -> None:
    document = read_document(case("control_chars.txt"))
    text = document.text()
    assert "\v" not in text and "\f" not in text
    assert [b.text for b in document.blocks] == ["件名：お知らせ", "（再送）", "本文です。", "次のページ。"]


def test_glossary_with_an_unmatched_quote_names_the_line() -> None:
    with pytest.raises(GlossaryError) as caught:
        load_glossary(case("glossary_unmatched_quote.tsv"))
    assert caught.value.code == "glossary.unclosed_quote"
    assert caught.value.params["line"] == 3
    assert "3 行目" in caught.value.message
    assert case("glossary_source.txt").read_text(encoding="utf-8").startswith("本日は")


def test_glossary_in_excel_unicode_text_is_read() -> None:
    terms = load_glossary(case("glossary_utf16_bom.tsv"))
    assert [t.as_pair() for t in terms] == [["避難所", "shelter"]]


def test_minutes_for_length_cut_read_with_headings() -> None:
    document = read_document(case("minutes_for_length_cut.txt"))
    headings = [b.text for b in document.blocks if b.kind == "heading"]
    assert headings[:2] == ["1. 開会", "2. 避難所の運営について"]


def test_glossary_quoting_rules() -> None:
    text = '原語\t訳語\n"a\tb"\tc\n"say ""hi"""\tx\n"two\nlines"\ty\nq"uote\tz\n'
    assert [t.as_pair() for t in parse_glossary(text)] == [
        ["a\tb", "c"], ['say "hi"', "x"], ["two\nlines", "y"], ['q"uote', "z"],
    ]
    with pytest.raises(GlossaryError) as caught:
        parse_glossary('a\tb\n"c" d\te\n', name="g.tsv")
    assert caught.value.code == "glossary.text_after_quote" and caught.value.params["line"] == 2
    with pytest.raises(GlossaryError) as caught:
        parse_glossary("a\tb\nc\t" + "x" * 5000 + "\n", name="g.tsv")
    assert caught.value.code == "glossary.cell_too_long" and caught.value.params["line"] == 2
