"""The ask job answers only from the passages, with checked citations; 'not found' without the model."""

from __future__ import annotations

from desktop.engine.protocol import Delta, Section
from desktop.jobs.ask import run
from desktop.knowledge.citations import check_citations
from tests.support.scripted_model import ScriptedModel

PASSAGES = [
    {"file": "/lib/旅費規程.docx", "location": "第7条（旅行雑費）", "text": "旅行雑費は定額で支給する。"},
    {"file": "/lib/旅費規程.docx", "location": "別表第1 > 表1 3行", "text": "職務の級: 課長級 | 日額: 2,300円"},
]


def _events(model, inputs):
    events = list(run(model, inputs, {"max_tokens": 200}))
    return "".join(e.text for e in events if isinstance(e, Delta)), [e for e in events if isinstance(e, Section)]


def test_citations_are_tied_to_passages_and_invented_ones_removed():
    reply = "日額は2,300円です【出典: 2】。定額です【出典: 旅費規程.docx, 第7条（旅行雑費）】。根拠【出典: 給与条例, 第9条】"
    model = ScriptedModel(reply)
    streamed, sections = _events(model, {"question": "課長の日当は", "passages": PASSAGES, "found": True})
    assert streamed == reply
    checked = sections[-1]
    assert checked.meta == {"sources": [1, 0], "invalid": 1}
    assert "【出典: 旅費規程.docx, 別表第1 > 表1 3行】" in checked.text
    assert "給与条例" not in checked.text and "削除" in checked.text
    prompt = model.calls[0][-1]["content"]
    assert "[1] 旅費規程.docx, 第7条（旅行雑費）" in prompt and "課長の日当は" in prompt


def test_nothing_relevant_is_said_plainly_without_asking_the_model():
    model = ScriptedModel("作り話")
    streamed, sections = _events(model, {"question": "退職金は", "passages": PASSAGES, "found": False})
    assert "見つかりませんでした" in streamed and not model.calls
    assert sections[-1].meta["sources"] == []


def test_passages_that_do_not_fit_the_context_are_left_out():
    model = ScriptedModel("短い【出典: 1】", n_ctx=700)
    long = [{"file": "a.txt", "location": f"第{n}条", "text": "あ" * 200} for n in range(1, 6)]
    run_events = list(run(model, {"question": "質問", "passages": long, "found": True}, {"max_tokens": 64}))
    assert run_events and "[3]" not in model.calls[0][-1]["content"]


def test_check_citations_accepts_a_unique_location():
    checked = check_citations("定額【出典: 第7条（旅行雑費）】", PASSAGES)
    assert checked.sources == [0] and checked.invalid == 0
