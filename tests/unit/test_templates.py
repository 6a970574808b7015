"""The template model: parsing, validation messages that name the line or field, safe substitution, the store."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from desktop.templates import (
    MissingFieldError, Template, TemplateError, TemplateStore, build_messages, field_values,
    japanese_date, parse_template, placeholders, substitute,
)

GOOD = textwrap.dedent('''\
    id = "weekly"
    kind = "文書"
    title = { ja = "週報", en = "Weekly report" }
    description = { ja = "一週間の業務をまとめます。" }
    output = "sections"
    system = "あなたは職員です。部署は {section} です。"
    prompt = """
    今週の業務: {work}
    区分: {category}
    """

    [[fields]]
    name = "section"
    label = { ja = "部署", en = "Section" }
    default = "総務課"

    [[fields]]
    name = "work"
    label = { ja = "業務", en = "Work" }
    kind = "text"
    required = true

    [[fields]]
    name = "category"
    label = { ja = "区分" }
    kind = "choice"
    choices = ["定例", "臨時"]
    default = "定例"
''')


def test_parses_a_good_template() -> None:
    template = parse_template(GOOD)
    assert template.id == "weekly"
    assert template.title_for("en") == "Weekly report"
    assert template.description_for("en") == "一週間の業務をまとめます。"  # falls back to ja
    assert [f.name for f in template.fields] == ["section", "work", "category"]
    assert template.fields[1].required and template.fields[1].kind == "text"
    assert template.field_named("category").choices == ["定例", "臨時"]
    assert template.output == "sections"


def test_toml_round_trip_keeps_everything() -> None:
    template = parse_template(GOOD)
    again = parse_template(template.to_toml())
    assert again.to_dict() == template.to_dict()


def test_toml_round_trip_of_awkward_text() -> None:
    template = parse_template(GOOD)
    template.prompt = "引用 ''' と \"\"\" と \\ と \t タブ\n{work}\n最後は'"
    template.system = "一行だけ {{そのまま}}"
    again = parse_template(template.to_toml())
    assert again.prompt == template.prompt
    assert again.system == template.system


@pytest.mark.parametrize(("text", "line"), [
    ('id = "a"\ntitle = { ja = "x" }\nprompt = "p\n', 3),          # unterminated string
    ('id = "a"\n\ntitle = = "x"\nprompt = "p"\n', 3),
    ('id = "a"\ntitle = { ja = "x" }\nprompt = "p"\n[[fields]]\nname = "n"\nname = "m"\n', 6),  # duplicate key
])
def test_toml_syntax_errors_name_the_line(text: str, line: int) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(text)
    assert caught.value.line == line
    assert f"{line} 行目" in caught.value.message


def _broken(replace_from: str, replace_to: str) -> TemplateError:
    assert replace_from in GOOD
    with pytest.raises(TemplateError) as caught:
        parse_template(GOOD.replace(replace_from, replace_to, 1))
    return caught.value


def test_missing_id_is_named() -> None:
    error = _broken('id = "weekly"\n', "")
    assert "「id」がありません" in error.message


def test_bad_id_is_named_with_its_line() -> None:
    error = _broken('id = "weekly"', 'id = "Weekly Report"')
    assert error.line == 1 and "「id」" in error.message


def test_missing_title_is_named() -> None:
    error = _broken('title = { ja = "週報", en = "Weekly report" }\n', "")
    assert "「title」" in error.message


def test_unknown_placeholder_is_named() -> None:
    error = _broken("区分: {category}", "区分: {categroy}")
    assert "{categroy}" in error.message
    assert error.line == 9


def test_unknown_placeholder_in_system_is_named() -> None:
    error = _broken("部署は {section}", "部署は {office}")
    assert "{office}" in error.message and "system" in error.message


def test_duplicate_field_names_are_named_with_the_line() -> None:
    error = _broken('name = "category"', 'name = "work"')
    assert "「work」が重複" in error.message
    assert error.line == 23


def test_bad_field_kind_names_the_field() -> None:
    error = _broken('kind = "text"', 'kind = "paragraph"')
    assert "入力項目「work」" in error.message and "paragraph" in error.message


def test_choice_without_choices_names_the_field() -> None:
    error = _broken('choices = ["定例", "臨時"]\n', "")
    assert "入力項目「category」" in error.message and "choices" in error.message


def test_choice_default_must_be_a_choice() -> None:
    error = _broken('default = "定例"', 'default = "随時"')
    assert "随時" in error.message


def test_unknown_top_level_key_is_named() -> None:
    error = _broken("output =", "outptu =")
    assert "「outptu」" in error.message and error.line == 5


def test_unknown_field_key_is_named() -> None:
    error = _broken("required = true", "requird = true")
    assert "requird" in error.message and "入力項目「work」" in error.message


def test_empty_prompt_is_refused() -> None:
    with pytest.raises(TemplateError, match="prompt"):
        parse_template('id = "a"\ntitle = "x"\nprompt = "  "\n')


def test_literal_braces_in_template_need_doubling() -> None:
    template = parse_template('id = "a"\ntitle = "x"\nprompt = "JSON は {{\\"a\\": 1}} の形"\n')
    assert build_messages(template, {})[1]["content"] == 'JSON は {"a": 1} の形'
    assert placeholders(template.prompt) == []


# ------------------------------------------------------------ substitution

def test_substitution_keeps_user_braces_exactly() -> None:
    template = parse_template(GOOD)
    tricky = "予算 {x} と {{ と }} と {section} と {work} と {0} と }{"
    messages = build_messages(template, {"work": tricky, "section": "{work}"})
    user = messages[1]["content"]
    assert tricky in user
    assert "部署は {work} です" in messages[0]["content"]


def test_substitute_is_a_single_pass() -> None:
    assert substitute("{a}-{b}", {"a": "{b}", "b": "B"}) == "{b}-B"
    assert substitute("{{a}}", {"a": "X"}) == "{a}"
    assert substitute("{ a } {1} {a-b}", {"a": "X"}) == "{ a } {1} {a-b}"


def test_defaults_and_not_given() -> None:
    template = parse_template(GOOD)
    values = field_values(template, {"work": "会議の準備\n\n"})
    assert values == {"section": "総務課", "work": "会議の準備", "category": "定例"}


def test_missing_required_field_names_it() -> None:
    template = parse_template(GOOD)
    with pytest.raises(MissingFieldError) as caught:
        build_messages(template, {"work": "   "})
    assert caught.value.name == "work" and "業務" in str(caught.value)


def test_tone_length_and_shape_reach_the_system_message() -> None:
    template = parse_template(GOOD)
    system = build_messages(template, {"work": "w"}, length="short", tone="dearu", manner="concise")[0]["content"]
    assert "「である」調" in system and "簡潔" in system and "400字" in system and "見出し" in system
    system = build_messages(template, {"work": "w"}, length="long", tone="desu", manner="polite")[0]["content"]
    assert "「です・ます」調" in system and "丁寧" in system and "1600字" in system


def test_same_inputs_give_identical_messages() -> None:
    template = parse_template(GOOD)
    assert build_messages(template, {"work": "a"}) == build_messages(template, {"work": "a"})


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-04-01", "令和7年4月1日"),
    ("2019/5/1", "令和元年5月1日"),
    ("2019-04-30", "平成31年4月30日"),
    ("令和6年1月5日", "令和6年1月5日"),
    (dt.date(2026, 12, 24), "令和8年12月24日"),
])
def test_japanese_date(value, expected: str) -> None:
    assert japanese_date(value) == expected


def test_date_default_today() -> None:
    template = parse_template(GOOD.replace('default = "総務課"', 'kind = "date"\ndefault = "today"'))
    values = field_values(template, {"work": "w"}, today=dt.date(2025, 6, 2))
    assert values["section"] == "令和7年6月2日"


# ------------------------------------------------------------------ store

def test_store_saves_reloads_exports_imports_and_deletes(tmp_path: Path) -> None:
    user = tmp_path / "user"
    store = TemplateStore(user)
    builtin_count = len(store.templates)
    template = parse_template(GOOD)
    store.save_user(template)
    assert (user / "weekly.toml").is_file()

    fresh = TemplateStore(user)  # as after a restart
    saved = fresh.get("weekly")
    assert saved.source == "user" and not saved.read_only
    assert saved.to_dict() == template.to_dict()
    assert len(fresh.templates) == builtin_count + 1

    shared = fresh.export(saved, tmp_path / "shared" / "weekly")
    assert shared.suffix == ".toml"
    fresh.delete_user("weekly")
    assert "weekly" not in TemplateStore(user).ids()

    imported = fresh.import_file(shared)
    assert imported.id == "weekly" and "weekly" in TemplateStore(user).ids()
    with pytest.raises(FileExistsError):
        fresh.import_file(shared)


def test_store_refuses_builtin_ids_and_deleting_builtins(tmp_path: Path) -> None:
    store = TemplateStore(tmp_path)
    minutes = store.get("minutes")
    assert minutes.read_only
    with pytest.raises(TemplateError, match="組み込み"):
        store.save_user(minutes)
    with pytest.raises(TemplateError):
        store.delete_user("minutes")


def test_import_of_a_broken_file_names_the_problem(tmp_path: Path) -> None:
    broken = tmp_path / "team.toml"
    broken.write_text(GOOD.replace("{category}", "{kategorie}"), encoding="utf-8")
    store = TemplateStore(tmp_path / "user")
    with pytest.raises(TemplateError) as caught:
        store.import_file(broken)
    assert "team.toml" in caught.value.message and "{kategorie}" in caught.value.message
    assert store.ids().count("weekly") == 0


def test_a_broken_user_file_does_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("id = \n", encoding="utf-8")
    (tmp_path / "good.toml").write_text(GOOD, encoding="utf-8")
    store = TemplateStore(tmp_path)
    assert "weekly" in store.ids()
    assert len(store.problems) == 1 and "bad.toml" in store.problems[0][1] and "1 行目" in store.problems[0][1]


def test_list_is_grouped_by_kind(tmp_path: Path) -> None:
    kinds = [t.kind for t in TemplateStore(tmp_path).templates]
    groups = [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k]
    assert groups == ["文書", "メール", "広報・広聴", "挨拶・式辞", "校正・点検"]


def test_from_dict_checks_like_parse() -> None:
    data = parse_template(GOOD).to_dict()
    data["fields"][0]["kind"] = "nope"
    with pytest.raises(TemplateError, match="section"):
        Template.from_dict(data)
