"""Passages keep the document's shape: 条/項, headings, table rows with their header, pages."""

from __future__ import annotations

from pathlib import Path

from desktop.documents import read_document
from desktop.documents.model import HEADING, PARAGRAPH, TABLE_CELL, Block, Document
from desktop.knowledge.bigrams import index_terms, query_terms
from desktop.knowledge.passages import MAX_CHARS, passages_of
from tests.support.doc_factory import make_japanese_pdf


def test_articles_keep_caption_and_items_together():
    doc = Document(blocks=[
        Block(HEADING, "第2章 旅費の計算", level=1),
        Block(PARAGRAPH, "（旅行雑費）"),
        Block(PARAGRAPH, "第7条 旅行雑費は、定額で支給する。"),
        Block(PARAGRAPH, "２ 旅行雑費の額は、別表第1に定める額とする。"),
        Block(PARAGRAPH, "（宿泊料）第8条 宿泊料は実費を支給する。"),
    ], path="旅費規程.docx")
    passages = passages_of(doc)
    assert [p.location for p in passages] == ["第2章 旅費の計算 > 第7条（旅行雑費）", "第2章 旅費の計算 > 第8条（宿泊料）"]
    assert "２ 旅行雑費の額" in passages[0].text and passages[0].file == "旅費規程.docx"


def test_long_article_is_cut_at_its_items_and_never_over_the_limit():
    items = ["第3条 " + "あ" * 900] + [f"{n} " + "い" * 900 for n in "２３４"]
    doc = Document(blocks=[Block(PARAGRAPH, text) for text in items], path="x.txt")
    passages = passages_of(doc)
    assert [p.location for p in passages] == ["第3条", "第3条第2項", "第3条第3項", "第3条第4項"]
    assert all(len(p.text) <= MAX_CHARS for p in passages)
    huge = Document(blocks=[Block(PARAGRAPH, "う" * 5000 + "。")], path="y.txt")
    assert all(len(p.text) <= MAX_CHARS for p in passages_of(huge))


def test_table_row_stays_whole_with_its_header():
    cells = [["職務の級", "日額"], ["課長級", "2,300円"], ["一般職員", "2,100円"]]
    blocks = [Block(TABLE_CELL, value, table=0, row=r, col=c) for r, row in enumerate(cells) for c, value in enumerate(row)]
    passages = passages_of(Document(blocks=[Block(HEADING, "別表第1", level=2), *blocks], path="t.docx"))
    assert [p.text for p in passages] == ["職務の級: 課長級 | 日額: 2,300円", "職務の級: 一般職員 | 日額: 2,100円"]
    assert passages[0].location == "別表第1 > 表1 2行"


def test_pdf_passages_carry_their_page(tmp_path: Path):
    path = make_japanese_pdf(tmp_path / "手引.pdf", [["1 見積書", "2者以上から見積書を徴取します。"],
                                                     ["3 小口現金", "限度額は3万円とします。"]])
    passages = passages_of(read_document(path))
    assert passages[-1].page == 2 and "(p.2)" in passages[-1].location and "3万円" in passages[-1].text


def test_bigrams_find_one_and_two_character_terms():
    terms = index_terms("固定資産税の納付、書庫の鍵。")
    assert "税" in terms and "鍵" in terms and "資産" in terms
    assert query_terms("税") == ["税"] and query_terms("旅費") == ["旅費"]
    assert query_terms("有休は何日ありますか") == ["有休", "日"]  # particles and 何 dropped
