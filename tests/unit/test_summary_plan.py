"""The summary planner in ``desktop.documents``: numbers in (budgets, token counts), a plan out; no model."""

from __future__ import annotations

import json

import pytest

from desktop.documents.model import HEADING, PARAGRAPH, Block, Document
from desktop.documents.parts import block_texts, split_document
from desktop.documents.summary_plan import (
    PromptOverheads, SummaryBudget, margin, plan_summary_steps, summary_budget,
)
from desktop.documents.token_steps import TokenCounts, run_counting


def chars(text: str) -> int:
    return len(text)


def report(chapters: int = 6) -> Document:
    blocks = []
    for chapter in range(1, chapters + 1):
        blocks.append(Block(HEADING, f"第{chapter}章 予算", 1))
        blocks += [Block(PARAGRAPH, f"第{chapter}章の本文です。市は補助金を計上した。" * 3) for _ in range(3)]
    return Document(blocks=blocks)


def overheads(full: int, compact: int) -> list[PromptOverheads]:
    return [PromptOverheads(False, full, full, full), PromptOverheads(True, compact, compact, compact)]


def plan(document: Document, budget: SummaryBudget, count=chars):
    return run_counting(plan_summary_steps(document, budget), count)


def test_the_budget_arithmetic():
    budget = summary_budget(1200, 120, overheads(300, 100))
    assert margin(1200) == 8 + 1200 // 32 == 45
    assert budget.n_ctx == 1200 and budget.answer_tokens == 120
    full, compact = budget.prompts
    assert (full.compact, compact.compact) == (False, True)
    assert full.one_pass_room == 1200 - 300 - 120 - 45
    assert full.combine_budget == 1200 - 300 - 120 - 45
    assert full.partial_tokens == min(120, full.combine_budget // 4)
    assert full.part_budget == 1200 - 300 - full.partial_tokens - 45
    # the answer is at most a third of the context, and at least 8 tokens
    assert summary_budget(300, 5000, overheads(10, 10)).answer_tokens == 100
    assert summary_budget(300, 1, overheads(10, 10)).answer_tokens == 8


def test_the_budget_survives_json():
    budget = summary_budget(2048, 256, overheads(400, 150))
    assert SummaryBudget.from_dict(json.loads(json.dumps(budget.to_dict()))) == budget


def test_a_document_that_fits_goes_in_one_pass_with_the_full_prompts():
    document = report(1)
    result = plan(document, summary_budget(4096, 256, overheads(300, 100)))
    assert result.one_pass and result.part_count == 1 and not result.prompt.compact
    assert result.source_tokens == len(document.text())


def test_a_long_document_is_split_with_the_chosen_part_budget():
    document = report(12)
    budget = summary_budget(1200, 120, overheads(300, 100))
    result = plan(document, budget)
    assert not result.one_pass and not result.prompt.compact and result.part_count > 3
    assert result.parts == split_document(document, budget.prompts[0].part_budget, chars)
    assert "".join(part.text for part in result.parts) == document.text()


def test_the_compact_prompts_when_the_full_ones_leave_too_little_room():
    result = plan(report(12), summary_budget(600, 16, overheads(420, 60)))
    assert result.prompt.compact and result.part_count > 3


def test_no_plan_when_the_context_is_too_small():
    assert plan(report(12), summary_budget(200, 64, overheads(150, 140))) is None


def test_counts_are_asked_for_in_steps_and_each_text_once():
    document = report(3)
    document.blocks.append(Block(PARAGRAPH, "あ" * 300 + "。"))  # one sentence longer than a part
    budget = summary_budget(1200, 120, overheads(300, 100))
    texts = block_texts(document)
    known = TokenCounts({text: chars(text) for text in texts if text})
    steps = plan_summary_steps(document, budget, known)
    asked: list[list[str]] = []
    try:
        batch = next(steps)
        while True:
            asked.append(batch)
            batch = steps.send([chars(text) for text in batch])
    except StopIteration as finished:
        result = finished.value
    flat = [text for batch in asked for text in batch]
    assert not set(flat) & set(texts)  # the blocks' counts were known: never asked again
    assert len(flat) == len(set(flat))
    assert result == plan(document, budget)  # the same plan as with a counter at hand
    assert max(part.tokens for part in result.parts) <= budget.prompts[0].part_budget


def test_a_driver_that_answers_the_wrong_number_of_counts_is_refused():
    steps = TokenCounts().of(["a", "b"])
    next(steps)
    with pytest.raises(ValueError):
        steps.send([1])
