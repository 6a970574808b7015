"""Every built-in template loads, fits its purpose, and renders with sample inputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.templates import TemplateStore, build_messages, builtin_folder

EXPECTED_TITLES = {
    "議事録", "報告書", "通知文", "依頼文", "業務メール", "お礼メール", "挨拶文",
    "プレスリリース", "住民向けQ&A", "校正（公用文の表記）", "企画のリスク洗い出し",
}


def _builtins() -> list:
    return [t for t in TemplateStore(Path("/nonexistent-user-folder")).templates if t.source == "builtin"]


def _sample(field) -> str:
    if field.kind == "choice":
        return field.choices[-1]
    if field.kind == "date":
        return "2025-04-01"
    return f"サンプル（{field.label_for('ja')}）"


def test_builtin_folder_has_no_broken_files() -> None:
    store = TemplateStore(Path("/nonexistent-user-folder"))
    assert store.problems == []
    assert len(list(builtin_folder().glob("*.toml"))) == len(_builtins())


def test_all_expected_builtins_exist() -> None:
    titles = {t.title_for("ja") for t in _builtins()}
    assert EXPECTED_TITLES <= titles
    assert len(_builtins()) >= 11


@pytest.mark.parametrize("template", _builtins(), ids=lambda t: t.id)
def test_builtin_renders_with_sample_inputs(template) -> None:
    assert template.pane == "draft" and template.kind and template.title_for("en") != template.id
    assert template.description_for("ja") and template.description_for("en")
    assert any(f.required for f in template.fields)
    values = {f.name: _sample(f) for f in template.fields}
    messages = build_messages(template, values, length="short", tone="desu")
    text = messages[0]["content"] + messages[1]["content"]
    assert not re.search(r"\{[A-Za-z_][A-Za-z0-9_]*\}", text), "a placeholder was left"
    for item in template.fields:
        expected = "令和7年4月1日" if item.kind == "date" else values[item.name]
        assert expected in text, f"{item.name} does not reach the prompt"


@pytest.mark.parametrize("template", _builtins(), ids=lambda t: t.id)
def test_builtin_requires_its_required_fields(template) -> None:
    from desktop.templates import MissingFieldError

    first_required = next(f for f in template.fields if f.required)
    values = {f.name: _sample(f) for f in template.fields if f.name != first_required.name}
    with pytest.raises(MissingFieldError) as caught:
        build_messages(template, values)
    assert caught.value.name == first_required.name


def test_proofreading_states_the_official_style_rules() -> None:
    proofread = next(t for t in _builtins() if t.id == "proofread")
    for rule in ("「、」", "算用数字", "か所", "か月", "常用漢字", "「等」「など」"):
        assert rule in proofread.system, rule
