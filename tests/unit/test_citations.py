"""Source pointers in a summary are checked against the document; invented ones never pass as real."""

from __future__ import annotations

from desktop.documents.model import HEADING, PARAGRAPH, Block, Document
from desktop.engine.protocol import Delta
from desktop.jobs import summarize
from desktop.jobs.citations import CitationChecker, SourceIndex
from desktop.messages import message
from tests.support.job_events import collect
from tests.support.scripted_model import ScriptedModel


def paragraphs(count: int) -> Document:
    return Document(blocks=[Block(PARAGRAPH, f"{n}番目の段落です。補助金は{n}万円です。") for n in range(1, count + 1)])


def chaptered() -> Document:
    blocks = []
    for chapter in (1, 2):
        blocks.append(Block(HEADING, f"第{chapter}章", 1))
        blocks.append(Block(HEADING, "予算", 2))
        blocks.append(Block(PARAGRAPH, f"第{chapter}章の予算は{chapter}億円です。"))
        blocks.append(Block(HEADING, "日程", 2))
        blocks.append(Block(PARAGRAPH, f"第{chapter}章の日程は5月です。"))
    return Document(blocks=blocks)


def run_job(model, inputs, options):
    return collect(summarize.run(model, inputs, options))


def test_index_resolves_paragraphs_pages_and_headings_and_nothing_else():
    document = chaptered()
    index = SourceIndex(document)
    text = document.text()
    ref = index.resolve("段落 3–5")
    assert ref["blocks"] == [2, 4] and text[ref["start"]:ref["end"]] == "\n".join(b.text for b in document.blocks[2:5])
    assert index.resolve("段落 11") is None and index.resolve("paragraphs 0–2") is None
    assert index.resolve("第2章 > 予算")["blocks"] == [6, 7]
    assert index.resolve("第1章")["blocks"] == [0, 4]
    assert index.resolve("第1章 〜 第2章")["blocks"] == [0, 9]
    assert index.resolve("第3章") is None and index.resolve("p.4") is None


def test_checker_keeps_real_pointers_and_marks_invented_ones_even_when_split_across_pieces():
    index = SourceIndex(paragraphs(188))
    checker = CitationChecker(index, "ja")
    text = "・要点A【出典: 段落 1–20】\n・要点B【出典: 段落 189–218】\n・配列[0]はそのまま。"
    out = "".join(checker.feed(text[i:i + 3]) for i in range(0, len(text), 3)) + checker.finish()
    assert "【出典: 段落 1–20】" in out
    assert "段落 189–218】" not in out and message("summarize.source_not_found", "ja", label="段落 189–218") in out
    assert "配列[0]はそのまま。" in out
    assert [ref["label"] for ref in checker.found] == ["段落 1–20"] and checker.invalid == ["段落 189–218"]


def test_final_summary_citing_a_part_that_does_not_exist_is_marked_and_real_ones_carry_their_range():
    document = paragraphs(188)

    def reply(messages):
        content = messages[-1]["content"]
        if "文書全体の要約" in content or "部分要約" in content:
            return "・補助金を計上した。【出典: 段落 1–20】\n・説明会を開く。【出典: 段落 189–218】"
        if "各部分の要約" in content:
            return "・まとめた要点"
        return "・部分の要点です。"

    model = ScriptedModel(reply, n_ctx=2048)
    events, stats = run_job(model, {"document": document.to_dict()}, {"length": "short"})
    assert stats["parts"] > 1
    final = "".join(e.text for e in events if isinstance(e, Delta))
    assert "段落 189–218】" not in final and "出典不明" in final
    assert stats["invalid_citations"] == ["段落 189–218"]
    (ref,) = stats["citations"]
    assert ref["label"] == "段落 1–20" and ref["blocks"] == [0, 19]
    assert document.text()[ref["start"]:ref["end"]].startswith("1番目の段落です。")
    assert document.text()[ref["start"]:ref["end"]].endswith("20番目の段落です。補助金は20万円です。")


def test_english_summary_pointers_are_checked_too():
    model = ScriptedModel("- Budget rose. [Source: 第2章 > 予算]\n- Made up. [Source: chapter 9]", n_ctx=4096)
    events, stats = run_job(model, {"document": chaptered().to_dict()}, {"output_language": "en"})
    final = "".join(e.text for e in events if isinstance(e, Delta))
    assert stats["one_pass"] and "[Source: 第2章 > 予算]" in final
    assert "[Source: chapter 9]" not in final and message("summarize.source_not_found", "en", label="chapter 9") in final
    assert [ref["blocks"] for ref in stats["citations"]] == [[6, 7]]
