"""The summarize job's plan (one pass, map, combine in rounds) and its prompts, with a scripted model."""

from __future__ import annotations

import pytest

from desktop.documents.model import HEADING, PARAGRAPH, Block, Document
from desktop.engine.protocol import BAD_INPUT, CONTEXT_OVERFLOW, Delta, Progress, Section
from desktop.documents.pasted import document_from_pasted_text
from desktop.documents.summary_plan import plan_summary_steps
from desktop.documents.token_steps import run_counting
from desktop.jobs import summarize
from desktop.contracts import Cancelled, JobError
from tests.support.job_events import collect
from tests.support.scripted_model import ScriptedModel

RULE = "-----\n"


def body(messages) -> str:
    """The material between the two rules of a prompt (the document part, or the partial summaries)."""
    content = messages[-1]["content"]
    start = content.index(RULE) + len(RULE)
    return content[start:content.rindex("\n-----")]


def kind(messages) -> str:
    content = messages[-1]["content"]
    if "文書全体の要約" in content or "summary of the whole document" in content:
        return "final"
    if "各部分の要約" in content or "Merge them" in content:
        return "combine"
    if "長い文書の一部" in content or "one part of a long document" in content or "次の部分の要点" in content:
        return "part"
    if "部分要約" in content or "Merge these" in content:
        return "combine_compact"
    return "one_pass"


def reply(messages) -> str:
    return {"part": "・部分の要点です。", "combine": "・まとめた要点【出典: 第1章】"}.get(kind(messages), "・全体の要約です。")


def run_job(model, inputs, options):
    return collect(summarize.run(model, inputs, options))


def report(chapters: int, paragraphs: int = 4) -> Document:
    blocks = []
    for chapter in range(1, chapters + 1):
        blocks.append(Block(HEADING, f"第{chapter}章 予算", 1))
        for number in range(paragraphs):
            blocks.append(Block(PARAGRAPH, f"第{chapter}章の{number}段落目。市は補助金を{chapter * 10 + number}万円計上した。" * 3))
    return Document(blocks=blocks, format="docx")


def test_short_document_goes_in_one_pass():
    model = ScriptedModel(reply, n_ctx=4096)
    document = report(1, 2)
    events, stats = run_job(model, {"document": document.to_dict()}, {"max_tokens": 200})
    assert len(model.calls) == 1 and kind(model.calls[0]) == "one_pass"
    assert body(model.calls[0]) == document.text()
    assert "".join(e.text for e in events if isinstance(e, Delta) and e.part is None) == "・全体の要約です。"
    assert not any(isinstance(e, Section) for e in events)
    assert stats["one_pass"] is True and stats["parts"] == 1 and stats["rounds"] == 0
    assert stats["source_tokens"] == len(document.text())


def test_pasted_text_works_like_a_document():
    model = ScriptedModel(reply, n_ctx=4096)
    events, stats = run_job(model, {"text": "一行目。\n二行目。"}, {"max_tokens": 100})
    assert body(model.calls[0]) == "一行目。\n二行目。"
    assert stats["one_pass"]


def test_long_document_is_read_part_by_part_exactly_once():
    model = ScriptedModel(reply, n_ctx=1200)
    document = report(8)
    events, stats = run_job(model, {"document": document.to_dict()}, {"max_tokens": 120})
    part_calls = [call for call in model.calls if kind(call) == "part"]
    assert len(part_calls) == stats["parts"] > 3
    # Every character of the source was read once, in order, in the map step.
    assert "".join(body(call) for call in part_calls) == document.text()
    sections = [e for e in events if isinstance(e, Section)]
    assert [s.index for s in sections] == list(range(stats["parts"]))
    assert all(s.text == "・部分の要点です。" for s in sections)
    assert all(s.meta["source"].startswith("第") and s.meta["part"] == s.index + 1 for s in sections)
    assert [s.meta["start"] for s in sections][0] == 0 and sections[-1].meta["end"] == len(document.text())
    # The final pass sees every partial summary with its source, and asks for citations.
    final = model.calls[-1]
    assert kind(final) == "final"
    for section in sections:
        assert f"【出典: {section.meta['source']}】" in body(final)
    assert "【出典: …】" in final[-1]["content"]
    assert "".join(e.text for e in events if isinstance(e, Delta) and e.part is None) == "・全体の要約です。"
    progress = [(e.done, e.total, e.label) for e in events if isinstance(e, Progress)]
    assert progress[0] == (0, stats["parts"], "summarize.part")
    assert (stats["parts"], stats["parts"], "summarize.part") in progress
    assert progress[-1] == (1, 1, "summarize.summary")
    assert stats["rounds"] == 1 and stats["one_pass"] is False


def test_partial_summaries_that_do_not_fit_are_combined_in_rounds():
    long_partial = "・" + "要点" * 40
    model = ScriptedModel(lambda m: long_partial if kind(m) in ("part", "combine") else "・全体", n_ctx=1200)
    document = report(30)
    events, stats = run_job(model, {"document": document.to_dict()}, {"max_tokens": 120})
    kinds = [kind(call) for call in model.calls]
    assert kinds.count("part") == stats["parts"]
    assert kinds.count("combine") >= 2 and kinds[-1] == "final"
    assert stats["rounds"] >= 2
    # The map step comes first and reads each part once; combining never re-reads the source.
    assert kinds[:stats["parts"]] == ["part"] * stats["parts"]
    assert "".join(body(call) for call in model.calls[:stats["parts"]]) == document.text()
    labels = [e.label for e in events if isinstance(e, Progress)]
    assert "summarize.combine" in labels
    # Every prompt fitted the context (the scripted model refuses otherwise) with room for its answer.
    for call, options in zip(model.calls, model.options):
        assert model.count_chat_tokens(call) + options["max_tokens"] <= model.n_ctx


def test_cancel_midway_keeps_the_finished_sections():
    model = ScriptedModel(reply, n_ctx=1200, cancel_after=3)
    events = []
    with pytest.raises(Cancelled):
        for event in summarize.run(model, {"document": report(8).to_dict()}, {"max_tokens": 120}):
            events.append(event)
    sections = [e for e in events if isinstance(e, Section)]
    assert [s.index for s in sections] == [0, 1, 2]


def test_the_plan_comes_from_counts_and_budgets_without_generating():
    """What the pane's preview does: the budgets for the options, then the plan from token counts."""
    model = ScriptedModel(reply, n_ctx=1200)
    document = report(8)
    options = {"max_tokens": 120, "output_language": "ja"}
    budget = summarize.budget_for_options(model, options)
    plan = run_counting(plan_summary_steps(document, budget), model.count_tokens)
    assert model.calls == []
    assert plan.part_count > 3 and plan.source_tokens == len(document.text())
    _, stats = run_job(model, {"document": document.to_dict()}, options)
    assert stats["parts"] == plan.part_count and stats["source_tokens"] == plan.source_tokens


def test_a_budget_needs_a_language_the_caller_decided():
    with pytest.raises(JobError) as caught:
        summarize.budget_for_options(ScriptedModel(reply, n_ctx=1200), {"output_language": "auto"})
    assert caught.value.code == BAD_INPUT


def test_small_context_uses_the_compact_prompts():
    model = ScriptedModel(reply, n_ctx=512)
    document = report(6)
    events, stats = run_job(model, {"document": document.to_dict()}, {"max_tokens": 16})
    assert stats["parts"] > 5
    part_calls = [call for call in model.calls if kind(call) == "part"]
    assert len(part_calls) == stats["parts"]
    assert "".join(body(call) for call in part_calls) == document.text()


def test_options_reach_the_prompts():
    model = ScriptedModel(reply, n_ctx=4096)
    run_job(model, {"text": "市は予算を計上した。"}, {"length": "short", "style": "three-lines",
                                                  "focus": "予算の数字", "max_tokens": 100})
    prompt = model.calls[0][-1]["content"]
    assert "予算の数字" in prompt and "3行" in prompt
    assert "書かれていないこと" in prompt
    assert model.options[0]["temperature"] == summarize.DEFAULT_TEMPERATURE


def test_english_output_uses_the_english_prompts():
    model = ScriptedModel(reply, n_ctx=4096)
    _, stats = run_job(model, {"text": "市は予算を計上した。"}, {"output_language": "en", "max_tokens": 100})
    assert stats["output_language"] == "en"
    assert "Write in English" in model.calls[0][-1]["content"]
    assert "Never add facts" in model.calls[0][0]["content"]


def test_auto_language_follows_the_document():
    model = ScriptedModel(reply, n_ctx=4096)
    _, stats = run_job(model, {"text": "The city council approved the budget."}, {"max_tokens": 100})
    assert stats["output_language"] == "en"
    _, stats = run_job(model, {"text": "市議会は予算を承認した。"}, {"max_tokens": 100})
    assert stats["output_language"] == "ja"


@pytest.mark.parametrize("inputs, options", [
    ({"text": "  \n "}, {}),
    ({"text": "本文。"}, {"length": "huge"}),
    ({"text": "本文。"}, {"style": "poem"}),
    ({"text": "本文。"}, {"output_language": "fr"}),
])
def test_bad_input_is_refused_with_a_japanese_message(inputs, options):
    with pytest.raises(JobError) as caught:
        run_job(ScriptedModel(reply), inputs, options)
    assert caught.value.code == BAD_INPUT
    assert any("\u3040" <= ch <= "\u30ff" for ch in caught.value.message)


def test_context_too_small_is_a_clear_error():
    with pytest.raises(JobError) as caught:
        run_job(ScriptedModel(reply, n_ctx=128), {"document": report(3).to_dict()}, {"max_tokens": 16})
    assert caught.value.code == CONTEXT_OVERFLOW
    assert "コンテキスト" in caught.value.message


def test_pasted_text_keeps_every_character_and_finds_headings():
    text = "第1章 総則\n本文です。\n# 見出し\n\n(1) 細目\n続きの行"
    document = document_from_pasted_text(text)
    assert document.text() == text
    assert [b.kind for b in document.blocks][:3] == ["heading", "paragraph", "heading"]
