"""Built-in templates to official practice (issue #20): the organisation's name everywhere, each template's
own length, no app instruction that contradicts a template, table markup the Word export reads."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import docx
import pytest

from desktop.cli import build_parser
from desktop.cli.common import run_guarded
from desktop.documents.writers import write_text
from desktop.jobs import job_for
from desktop.settings import Paths, Settings
from desktop.templates import DEFAULT_LENGTH, LENGTHS, TemplateStore, build_messages, japanese_date, reply_budget
from desktop.templates.render import ORGANISATION_UNSET
from tests.support.scripted_model import ScriptedModel

STORE = TemplateStore(Path("/nonexistent"))
BUILTINS = [t for t in STORE.templates if t.source == "builtin"]
ORGANISATION = "八王子市"
#: What the app used to add and which contradicted templates (the review, problem 3).
CONTRADICTIONS = ("全体で800字程度", "「1 見出し」", "全角の縦線", "「項目｜内容」")


def _sample_fields(template) -> dict[str, str]:
    values = {}
    for item in template.fields:
        if item.kind == "choice":
            values[item.name] = item.default or item.choices[0]
        elif item.kind == "date":
            values[item.name] = "2025-04-04"
        else:
            values[item.name] = f"（{item.label_for('ja')}の例）"
    return values


def test_the_new_documents_are_built_in() -> None:
    titles = {t.title_for("ja") for t in BUILTINS}
    for wanted in ("起案文（伺い文）", "回答文（照会・依頼への回答）", "会議開催通知", "事務連絡",
                   "住民の声への回答・おわび", "議会答弁案"):
        assert wanted in titles


@pytest.mark.parametrize("template", BUILTINS, ids=[t.id for t in BUILTINS])
def test_each_template_renders_with_the_organisation_and_its_own_length_only(template) -> None:
    system, user = build_messages(template, _sample_fields(template), organisation=ORGANISATION)
    assert ORGANISATION in system["content"] and "市役所の職員" not in system["content"]
    assert "{" not in system["content"].replace("{{", "")  # every placeholder filled
    own = template.system
    assert len(re.findall(r"^分量は", own, flags=re.MULTILINE)) == 1, "a template states its own length once"
    assert DEFAULT_LENGTH == "template" and not LENGTHS[DEFAULT_LENGTH].instruction
    for other in LENGTHS.values():
        if other.instruction:
            assert other.instruction not in system["content"]
    for phrase in CONTRADICTIONS:
        assert phrase not in system["content"], phrase
    if template.output == "table":  # the app asks for the same markup as the template
        assert "| --- |" not in system["content"] and "|---|" in system["content"]


def test_an_explicit_length_says_it_overrides_the_template() -> None:
    minutes = STORE.get("minutes")
    system, _ = build_messages(minutes, _sample_fields(minutes), length="long")
    assert LENGTHS["long"].instruction in system["content"] and "テンプレートの指定に代えて" in system["content"]


def test_without_an_organisation_a_blank_is_written() -> None:
    notice = STORE.get("notice")
    system, user = build_messages(notice, _sample_fields(notice))
    assert ORGANISATION_UNSET in system["content"] and ORGANISATION_UNSET in user["content"]


def test_budgets_follow_the_template_and_the_text_to_proofread() -> None:
    assert reply_budget(STORE.get("greeting"), "template") >= 2048  # 5 minutes ≈ 1,500 characters
    assert reply_budget(STORE.get("resident-qa"), "template") > reply_budget(STORE.get("notice"), "template")
    proofread = STORE.get("proofread")
    assert reply_budget(proofread, "template", follow_tokens=3000) > 3000
    assert reply_budget(proofread, "short", follow_tokens=3000) == LENGTHS["short"].max_tokens


@pytest.mark.parametrize("template", [t for t in BUILTINS if t.output == "table"], ids=lambda t: t.id)
def test_the_word_export_reads_the_table_markup_the_template_asks_for(template, tmp_path: Path) -> None:
    system, _ = build_messages(template, _sample_fields(template))
    asked = [line for line in system["content"].splitlines() if line.startswith("|")]
    assert len(asked) == 2, "a header row and a separator row"
    columns = [cell.strip() for cell in asked[0].strip("|").split("|")]
    row = "| " + " | ".join(f"値{n}" for n in range(len(columns))) + " |"
    draft = "\n".join(["リスクの一覧", *asked, row, "", "優先して対応すべきもの"])
    document = docx.Document(write_text(tmp_path / "risk.docx", draft, ai_notice=False))
    assert len(document.tables) == 1
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == columns and len(table.rows) == 2
    assert [c.text for c in table.rows[1].cells][0] == "値0"
    assert not any("|" in p.text for p in document.paragraphs)


def test_full_width_table_rows_are_read_too(tmp_path: Path) -> None:
    document = docx.Document(write_text(tmp_path / "t.docx", "｜項目｜内容｜\n｜日時｜4月4日｜", ai_notice=False))
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [["項目", "内容"], ["日時", "4月4日"]]


def test_dates_carry_the_weekday_where_asked_and_the_showa_era() -> None:
    assert japanese_date("2025-04-04", weekday=True) == "令和7年4月4日（金）"
    assert japanese_date(dt.date(1981, 6, 1)) == "昭和56年6月1日"
    assert japanese_date(dt.date(1926, 12, 25)) == "昭和元年12月25日"
    assert japanese_date(dt.date(1926, 12, 24)) == "1926年12月24日"
    request = STORE.get("request")
    _, user = build_messages(request, {**_sample_fields(request), "deadline": "2025-04-04"})
    assert "回答・提出の期限: 令和7年4月4日（金）" in user["content"]


def test_a_draft_only_template_marks_every_draft() -> None:
    template = STORE.get("assembly-answer")
    generator = job_for("draft")(ScriptedModel("答弁の本文"), {"template": template.to_dict(),
                                                             "fields": _sample_fields(template)}, {})
    text = "".join(event.text for event in generator)
    assert text.startswith(template.draft_mark) and "案" in template.draft_mark and text.endswith("答弁の本文")


def test_notice_follows_the_order_of_an_official_document() -> None:
    system = STORE.get("notice").system
    order = [system.index(word) for word in ("文書番号", "宛先", "発信者", "件名", "下記のとおり", "「記」", "以上", "問合せ先")]
    assert order == sorted(order) and "様" in system and "殿" not in system


def _fumi(*argv: str) -> int:
    args = build_parser().parse_args(list(argv))
    return run_guarded(args._module.run, args)


def test_show_prompt_prints_the_messages_without_a_model(capsys) -> None:
    settings = Settings.load(Paths.default().ensure())
    settings.set("organisation", ORGANISATION)
    settings.save()
    assert _fumi("draft", "--template", "notice", "--field", "subject=停電", "--field", "content=作業",
                 "--model", "/nonexistent/model.gguf", "--show-prompt") == 0
    out = capsys.readouterr().out
    assert "--- system ---" in out and "--- user ---" in out and f"発信者: {ORGANISATION} 〇〇部長" in out
    assert _fumi("draft", "--template", "notice", "--field", "subject=停電", "--field", "content=作業",
                 "--show-prompt", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["template"] == "notice" and [m["role"] for m in data["messages"]] == ["system", "user"]
