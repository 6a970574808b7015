"""``count_tokens`` through the real engine process and the tiny model: one text, a list, the summary's budgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.documents.model import HEADING, PARAGRAPH, Block, Document
from desktop.documents.parts import block_texts
from desktop.documents.summary_plan import SummaryBudget, plan_summary_steps
from desktop.documents.token_steps import TokenCounts
from desktop.engine.protocol import BAD_INPUT, CountTokens, Done, Error, Job
from desktop.engine.session import EngineSession

pytestmark = pytest.mark.timeout(180)

TEXTS = ["hello world", "市は子育て支援に12億円を計上した。", "", "改行\n", "hello world"]


def answer(session: EngineSession, **fields) -> Done | Error:
    final = list(session.request(CountTokens(**fields)))[-1]
    assert isinstance(final, (Done, Error))
    return final


def report() -> Document:
    blocks = []
    for chapter in range(1, 5):
        blocks.append(Block(HEADING, f"第{chapter}章 事業の概要", 1))
        blocks += [Block(PARAGRAPH, "市は子育て支援に12億円を計上した。住民は申請書を窓口に提出してください。" * 2)
                   for _ in range(4)]
    return Document(blocks=blocks)


def test_one_text_is_answered_as_before_and_a_list_text_by_text(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=512)
        single = {text: answer(session, text=text).stats for text in TEXTS}
        assert all(set(stats) == {"tokens"} for stats in single.values())  # the first form, unchanged
        assert single["hello world"]["tokens"] > 0 and single[""]["tokens"] == 0

        listed = answer(session, texts=TEXTS).stats
        assert listed["counts"] == [single[text]["tokens"] for text in TEXTS]
        assert listed["tokens"] == 0  # ``text`` was not given: it counts ""
        both = answer(session, text="hello world", texts=[]).stats
        assert both == {"tokens": single["hello world"]["tokens"], "counts": []}


def test_the_summary_budget_plans_the_parts_the_job_makes(tiny_model: Path) -> None:
    options = {"length": "short", "style": "bullets", "output_language": "ja", "max_tokens": 8}
    document = report()
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=512)
        texts = [text for text in block_texts(document) if text]
        first = answer(session, texts=texts, summary=options).stats
        budget = SummaryBudget.from_dict(first["summary_budget"])
        assert budget.n_ctx == 512 and budget.answer_tokens == 8
        assert [prompt.compact for prompt in budget.prompts] == [False, True]
        assert 0 < budget.prompts[-1].part_budget < 512  # the full prompts alone leave no room at 512

        # The window's way: count what the planner asks for, one request per step.
        steps = plan_summary_steps(document, budget, TokenCounts(dict(zip(texts, first["counts"]))))
        try:
            asked = next(steps)
            while True:
                asked = steps.send(answer(session, texts=asked).stats["counts"])
        except StopIteration as finished:
            plan = finished.value
        assert plan is not None and not plan.one_pass and plan.part_count > 3

        job = list(session.request(Job(kind="summarize", inputs={"document": document.to_dict()}, options=options)))
        stats = job[-1].stats
        assert isinstance(job[-1], Done)
        assert stats["parts"] == plan.part_count and stats["source_tokens"] == plan.source_tokens


def test_bad_summary_options_are_refused_and_the_model_stays(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=512)
        for summary in ({"output_language": "auto"}, {"output_language": "ja", "length": "huge"}):
            refused = answer(session, texts=["a"], summary=summary)
            assert isinstance(refused, Error) and refused.code == BAD_INPUT and refused.message
        assert answer(session, text="still loaded").stats["tokens"] > 0
