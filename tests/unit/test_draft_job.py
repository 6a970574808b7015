"""The draft job with a scripted model: the prompt carries the fields, options shape the request."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.engine.protocol import BAD_INPUT, CONTEXT_OVERFLOW, Delta
from desktop.jobs import job_for
from desktop.contracts import JobError
from desktop.templates import TemplateStore
from tests.support.job_events import collect
from tests.support.scripted_model import ScriptedModel


def _minutes() -> dict:
    return TemplateStore(Path("/nonexistent")).get("minutes").to_dict()


def _run(model, inputs, options=None):
    """All events and the job's return value."""
    return collect(job_for("draft")(model, inputs, options or {}))


def test_prompt_contains_the_fields_and_the_draft_streams() -> None:
    model = ScriptedModel("令和7年度第1回会議の議事録です。")
    events, result = _run(model, {"template": _minutes(), "fields": {
        "meeting": "防災連絡会議", "notes": "避難所の備蓄を見直す。{x} はそのまま。", "date": "令和7年4月1日（火）午後2時〜3時"}})
    assert all(isinstance(e, Delta) for e in events)
    assert "".join(e.text for e in events) == "令和7年度第1回会議の議事録です。"
    assert result == {"finish_reason": "stop"}
    system, user = model.calls[0]
    assert system["role"] == "system" and "議事録" in system["content"]
    assert "防災連絡会議" in user["content"] and "避難所の備蓄を見直す。{x} はそのまま。" in user["content"]
    assert "日時: 令和7年4月1日（火）午後2時〜3時" in user["content"]
    assert model.options[0]["temperature"] == pytest.approx(0.3)  # the template's own


def test_length_and_tone_map_to_budget_and_instructions() -> None:
    model = ScriptedModel("x")
    _run(model, {"template": _minutes(), "fields": {"meeting": "m", "notes": "n"}},
         {"length": "short", "tone": "dearu", "manner": "concise"})
    _run(model, {"template": _minutes(), "fields": {"meeting": "m", "notes": "n"}}, {"length": "long", "tone": "desu"})
    assert model.options[0]["max_tokens"] == 512 and model.options[1]["max_tokens"] == 2048
    assert "「である」調" in model.calls[0][0]["content"] and "簡潔" in model.calls[0][0]["content"]
    assert "「です・ます」調" in model.calls[1][0]["content"]


def test_max_tokens_and_temperature_options_win() -> None:
    model = ScriptedModel("x")
    _run(model, {"template": _minutes(), "fields": {"meeting": "m", "notes": "n"}},
         {"max_tokens": 50, "temperature": 0.9, "seed": 7})
    assert model.options[0] == {"max_tokens": 50, "temperature": 0.9, "assistant_prefix": "", "seed": 7}


def test_the_longest_reply_setting_caps_every_budget_without_raising_a_short_one() -> None:
    model = ScriptedModel("x")
    inputs = {"template": _minutes(), "fields": {"meeting": "m", "notes": "n"}}
    _run(model, inputs, {"length": "long", "longest_reply": 600})      # long's 2048 capped
    _run(model, inputs, {"length": "short", "longest_reply": 1024})    # short's 512 kept
    _run(model, inputs, {"max_tokens": 3000, "longest_reply": 700})
    assert [options["max_tokens"] for options in model.options] == [600, 512, 700]


def test_cut_at_the_length_limit_then_continued() -> None:
    model = ScriptedModel("あ" * 100)
    inputs = {"template": _minutes(), "fields": {"meeting": "m", "notes": "n"}}
    events, result = _run(model, inputs, {"max_tokens": 10})
    assert result["finish_reason"] == "length"
    so_far = "".join(e.text for e in events)
    _run(model, inputs, {"max_tokens": 10, "continue_from": so_far})
    assert model.options[1]["assistant_prefix"] == so_far
    assert model.calls[1] == model.calls[0]  # same messages: the cached prompt is reused


def test_regenerate_sends_identical_messages() -> None:
    model = ScriptedModel("x")
    inputs = {"template": _minutes(), "fields": {"meeting": "m", "notes": "n"}}
    _run(model, inputs, {"length": "medium"})
    _run(model, inputs, {"length": "medium"})
    assert model.calls[0] == model.calls[1]


def test_missing_required_field_is_bad_input() -> None:
    with pytest.raises(JobError) as caught:
        _run(ScriptedModel(), {"template": _minutes(), "fields": {"meeting": "m"}})
    assert caught.value.code == BAD_INPUT and "メモ・文字起こし" in caught.value.message


def test_broken_template_is_bad_input() -> None:
    data = _minutes()
    data["prompt"] = "{nothing}"
    with pytest.raises(JobError) as caught:
        _run(ScriptedModel(), {"template": data, "fields": {}})
    assert caught.value.code == BAD_INPUT and "{nothing}" in caught.value.message


def test_too_long_document_says_to_shorten_or_summarize() -> None:
    model = ScriptedModel("x", n_ctx=2048)
    with pytest.raises(JobError) as caught:
        _run(model, {"template": _minutes(), "fields": {"meeting": "m", "notes": "長" * 5000}})
    assert caught.value.code == CONTEXT_OVERFLOW
    assert "メモ・文字起こし" in caught.value.message and "要約" in caught.value.message
    assert model.calls == []


SHORT_FIELDS = {"meeting": "定例会", "notes": "短いメモです。"}


@pytest.mark.parametrize("notes", ["短いメモです。", "長" * 300])
def test_short_fields_with_a_long_template_blame_the_context_not_a_field(notes: str) -> None:
    # the minutes template's own prompt is about 830 tokens here (1 token a character): with the fields
    # shorter than that, only a larger context helps; the message says how many tokens and where to raise it
    model = ScriptedModel("x", n_ctx=860)
    with pytest.raises(JobError) as caught:
        _run(model, {"template": _minutes(), "fields": {**SHORT_FIELDS, "notes": notes}})
    text = caught.value.message
    assert caught.value.code == CONTEXT_OVERFLOW and model.calls == []
    assert "メモ・文字起こし" not in text and "長すぎ" not in text
    assert "コンテキスト長（860トークン）" in text and "「設定」" in text and "--ctx" in text
    needed = int(text.split("約")[1].split("トークン")[0])
    assert needed > 860 + 2000                       # the prompt plus the template's answer budget (2048)
    assert f"--ctx {-(-needed // 1024) * 1024}" in text


def test_the_context_advice_stays_within_what_the_model_was_trained_for() -> None:
    model = ScriptedModel("x", n_ctx=860)
    model.facts = {"context_length": 2048}           # as the engine's model states it
    with pytest.raises(JobError) as caught:
        _run(model, {"template": _minutes(), "fields": SHORT_FIELDS})
    assert "最大2048トークン" in caught.value.message and "「長さ」を短く" in caught.value.message
    model.facts = {"context_length": 860}
    with pytest.raises(JobError) as caught:
        _run(model, {"template": _minutes(), "fields": SHORT_FIELDS})
    assert "指示だけで" in caught.value.message and "「長さ」" not in caught.value.message
    model.facts = {"context_length": 32768}
    with pytest.raises(JobError) as caught:
        _run(model, {"template": _minutes(), "fields": SHORT_FIELDS}, {"max_tokens": 100})
    assert "--ctx 1024" in caught.value.message       # 834 + a 100-token answer: rounded up to 1024


def test_the_context_advice_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUMI_LANG", "en")
    with pytest.raises(JobError) as caught:
        _run(ScriptedModel("x", n_ctx=860), {"template": _minutes(), "fields": SHORT_FIELDS})
    assert "context size" in caught.value.message.lower() and "Settings" in caught.value.message
    assert "--ctx" in caught.value.message


def test_reply_budget_shrinks_to_fit_the_context() -> None:
    model = ScriptedModel("x", n_ctx=2048)
    _run(model, {"template": _minutes(), "fields": {"meeting": "m", "notes": "長" * 1000}}, {"length": "long"})
    budget = model.options[0]["max_tokens"]
    assert 64 <= budget < 2048
    assert model.count_chat_tokens(model.calls[0]) + budget <= 2048
