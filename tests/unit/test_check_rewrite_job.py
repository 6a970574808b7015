"""The AI pass of 文書チェック: which sentences go to the model, and rewrites coming back as suggestions."""

from __future__ import annotations

import pytest

from desktop.checking import Checker, apply_findings
from desktop.checking.ai_pass import AI_RULE_ID, rewrite_candidates, rewrite_findings
from desktop.contracts import JobError
from desktop.engine.protocol import Section
from desktop.jobs import job_for
from tests.support.scripted_model import ScriptedModel

LONG = ("本市では、令和8年度から、市民の皆さまの意見を踏まえ、地域の防災訓練の内容を見直し、"
        "参加しやすい日程と会場を設けることとしたが、準備の期間が短いが、関係機関と調整を進めている。")
TEXT = "資料を確認する。\n" + LONG + "\n以上です。"


def test_only_sentences_the_rules_cannot_fix_are_sent() -> None:
    findings = Checker().check(TEXT, "tsuchi").findings
    candidates = rewrite_candidates(TEXT, findings)
    assert [c["text"] for c in candidates] == [LONG]
    assert {"sentence-length", "too-many-commas", "adversative-ga"} <= set(candidates[0]["reasons"])
    assert TEXT[candidates[0]["start"]:candidates[0]["end"]] == LONG


def test_rewrites_are_suggestions_never_applied_by_the_job() -> None:
    rewrite = "本市では、令和8年度から防災訓練の内容を見直します。関係機関と調整を進めています。"
    model = ScriptedModel(f"-----\n「{rewrite}」\n-----")
    candidates = rewrite_candidates(TEXT, Checker().check(TEXT, "tsuchi").findings)
    events = list(job_for("check_rewrite")(model, {"sentences": candidates}, {}))
    sections = [e for e in events if isinstance(e, Section)]
    assert [s.text for s in sections] == [rewrite]
    assert LONG in model.calls[0][-1]["content"]
    findings = rewrite_findings(TEXT, [{"text": s.text, "meta": s.meta} for s in sections])
    assert [(f.rule, f.text, f.suggestion) for f in findings] == [(AI_RULE_ID, LONG, rewrite)]
    assert apply_findings(TEXT, findings) == TEXT.replace(LONG, rewrite)


def test_a_rewrite_for_text_that_changed_is_dropped() -> None:
    section = {"text": "短い文。", "meta": {"start": 9, "end": 9 + len(LONG), "source": LONG}}
    assert rewrite_findings(TEXT, [section])
    assert rewrite_findings("別の文章です。" + TEXT, [section]) == []


@pytest.mark.parametrize("inputs", [{}, {"sentences": []}, {"sentences": [{"text": " "}]}])
def test_bad_inputs_are_refused(inputs) -> None:
    with pytest.raises(JobError):
        list(job_for("check_rewrite")(ScriptedModel("x"), inputs, {}))
