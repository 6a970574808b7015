"""The splitter: every character exactly once, no part over budget, boundaries respected."""

from __future__ import annotations

import random

import pytest

from desktop.documents.model import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document
from desktop.documents.parts import count_document_tokens, split_by_tokens, split_document, split_sentences


def one_token_per_char(text: str) -> int:
    return len(text)


def bytes_as_tokens(text: str) -> int:
    """A byte-level tokenizer's count (Japanese: three tokens per character), like the tiny model's."""
    return len(text.encode("utf-8"))


def report(chapters: int = 4, paragraphs: int = 6, seed: int = 1) -> Document:
    """A Japanese report with chapters, sections, paragraphs, a list and a table."""
    rng = random.Random(seed)
    sentences = ["市は令和6年度の予算を計上した。", "住民は期限までに申請してください。",
                 "詳しくは担当課にお問い合わせください！", "対象者は約3.5万人です。", "なぜ必要なのか？",
                 "補助の上限は10万円とする。", "This applies to all residents. "]
    blocks = [Block(HEADING, "市政報告書", 1)]
    for chapter in range(1, chapters + 1):
        blocks.append(Block(HEADING, f"第{chapter}章 概要", 1))
        blocks.append(Block(HEADING, "予算", 2))
        for _ in range(paragraphs):
            blocks.append(Block(PARAGRAPH, "".join(rng.choice(sentences) for _ in range(rng.randint(1, 6)))))
        blocks.append(Block(LIST_ITEM, "申請書を提出する。"))
        blocks.append(Block(TABLE_CELL, "金額 100万円", table=chapter, row=1, col=1))
        blocks.append(Block(PARAGRAPH, ""))
    return Document(blocks=blocks)


def check_tiling(document: Document, parts, budget, count) -> None:
    source = document.text()
    assert "".join(part.text for part in parts) == source
    offset = 0
    for number, part in enumerate(parts):
        assert part.index == number
        assert part.start == offset and source[part.start:part.end] == part.text
        assert part.text, "no empty parts"
        assert part.tokens <= budget
        assert count(part.text) <= budget
        offset = part.end
    assert offset == len(source)


@pytest.mark.parametrize("budget", [12, 40, 90, 200, 1000, 100000])
@pytest.mark.parametrize("count", [one_token_per_char, bytes_as_tokens])
def test_every_character_in_exactly_one_part_and_no_part_over_budget(budget, count):
    document = report()
    parts = split_document(document, budget, count)
    check_tiling(document, parts, budget, count)


def test_whole_document_fits_in_one_part():
    document = report(chapters=1)
    parts = split_document(document, 100000, one_token_per_char)
    assert len(parts) == 1 and parts[0].tokens == count_document_tokens(document, one_token_per_char)


def test_parts_end_at_sentence_ends_when_sentences_fit():
    document = report(chapters=3, paragraphs=10, seed=4)
    parts = split_document(document, 60, one_token_per_char)
    for part in parts[:-1]:
        assert part.text.rstrip(" ").endswith(("。", "！", "？", ".", "\n")), part.text


def test_headings_start_parts_when_a_part_is_full_enough():
    blocks = []
    for chapter in range(1, 6):
        blocks.append(Block(HEADING, f"第{chapter}章", 1))
        blocks += [Block(PARAGRAPH, "あいうえおかきくけこ。" * 2) for _ in range(3)]
    document = Document(blocks=blocks)
    # Each chapter is 4 + 3*23 = 73 characters with newlines; a part holds one chapter.
    parts = split_document(document, 100, one_token_per_char)
    assert [part.text.split("\n")[0] for part in parts] == [f"第{n}章" for n in range(1, 6)]
    assert [part.label() for part in parts] == [f"第{n}章" for n in range(1, 6)]


def test_paragraph_boundary_preferred_to_sentence_boundary():
    blocks = [Block(PARAGRAPH, "一文目です。二文目です。"), Block(PARAGRAPH, "三文目です。四文目です。五文目です。")]
    document = Document(blocks=blocks)
    # 13 + 18 = 31 characters: the second paragraph does not fit beside the first.
    parts = split_document(document, 25, one_token_per_char)
    assert [part.text for part in parts] == ["一文目です。二文目です。\n", "三文目です。四文目です。五文目です。"]


def test_heading_kept_with_what_it_heads():
    blocks = [Block(PARAGRAPH, "前の段落です。" * 3), Block(HEADING, "第2章", 1), Block(HEADING, "予算", 2),
              Block(PARAGRAPH, "本文です。" * 3)]
    document = Document(blocks=blocks)
    parts = split_document(document, 30, one_token_per_char)
    assert not any(part.text.endswith(("第2章\n", "予算\n")) for part in parts)
    assert parts[1].text.startswith("第2章\n予算\n")
    assert parts[1].label() == "第2章 > 予算"


def test_one_over_long_sentence_is_split_and_only_that_one():
    long_sentence = "あ" * 95 + "。"
    text = "短い文です。" + long_sentence + "次の文です。"
    document = Document(blocks=[Block(PARAGRAPH, text)])
    parts = split_document(document, 30, one_token_per_char)
    check_tiling(document, parts, 30, one_token_per_char)
    sentence_ends = {6, 6 + len(long_sentence), len(text)}
    long_span = range(6 + 1, 6 + len(long_sentence))
    cuts = [part.end for part in parts[:-1]]
    assert all(cut in sentence_ends or cut in long_span for cut in cuts)
    assert sum(cut in long_span for cut in cuts) >= 3  # 96 characters need at least four pieces
    assert parts[0].text == "短い文です。"


def test_japanese_and_english_sentence_endings():
    text = "今日は晴れ。明日は雨！「本当？」と聞いた。Price is 3.5 yen. Really? OK\n次の行"
    assert split_sentences(text) == ["今日は晴れ。", "明日は雨！", "「本当？」", "と聞いた。", "Price is 3.5 yen. ",
                                     "Really? ", "OK\n", "次の行"]
    assert "".join(split_sentences(text)) == text
    assert split_sentences("閉じ括弧まで。」次。") == ["閉じ括弧まで。」", "次。"]


def test_split_by_tokens_handles_a_budget_below_one_character():
    pieces = split_by_tokens("あいう", 2, bytes_as_tokens)  # each character is 3 "tokens"
    assert pieces == ["あ", "い", "う"]


def test_split_by_tokens_pieces_are_as_long_as_the_budget_allows():
    pieces = split_by_tokens("x" * 1000, 64, one_token_per_char)
    assert [len(piece) for piece in pieces] == [64] * 15 + [40]


def test_parts_carry_block_range_and_pages():
    blocks = [Block(PARAGRAPH, f"{page}ページ目の文です。" * 3, page=page) for page in range(1, 7)]
    document = Document(blocks=blocks, format="pdf")
    parts = split_document(document, 60, one_token_per_char)
    assert parts[0].pages == (1, 1) and parts[0].label() == "p.1"
    assert parts[-1].last_block == 5
    for part in parts:
        meta = part.meta()
        assert meta["start"] == part.start and meta["end"] == part.end
        assert meta["blocks"] == [part.first_block, part.last_block]


def test_no_headings_label_is_paragraph_range():
    document = Document(blocks=[Block(PARAGRAPH, "文です。" * 4) for _ in range(6)])
    parts = split_document(document, 40, one_token_per_char)
    assert parts[0].label("ja") == "段落 1–2"
    assert parts[0].label("en") == "paragraphs 1–2"


def test_tokens_counted_per_block_not_per_step():
    calls: list[str] = []

    def counting(text: str) -> int:
        calls.append(text)
        return len(text)

    document = report(chapters=6, paragraphs=8)
    split_document(document, 10000, counting)
    # every block's text once, the same text once only; the empty last block is not counted
    block_texts = {block.text + "\n" for block in document.blocks[:-1]}
    assert sorted(calls) == sorted(block_texts)


def test_empty_document_has_no_parts():
    assert split_document(Document(blocks=[]), 10, one_token_per_char) == []


def test_full_width_period_ends_a_sentence_but_a_decimal_point_does_not():
    assert split_sentences("全角．ピリオド．次") == ["全角．", "ピリオド．", "次"]
    assert split_sentences("3.5 倍") == ["3.5 倍"]
