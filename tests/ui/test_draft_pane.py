"""The drafting pane end to end with pytest-qt: the real engine process and a random-weight model.

The model's text is noise, so these tests check what the pane promises: the
draft streams in, Esc stops and keeps it, 再作成 sends the same request again,
続きを書く continues a draft cut at the length limit, a file opens into a
document field, and the export is a real .docx with Japanese fonts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from docx.oxml.ns import qn
from PySide6.QtCore import Qt

from desktop.engine.client import EngineClient
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.draft_form import DocumentField
from desktop.ui.panes.draft import DraftPane
from tests.support.seeding import fix_seed

NOTES = "・避難所の備蓄品を見直す\n・次回の会議は6月に開く\n・予算は {budget} のまま"


@pytest.fixture
def context(qtbot):
    paths = Paths.default().ensure()
    engine = EngineClient()
    context = AppContext(settings=Settings(paths, {"max_tokens": 600}), paths=paths, engine=engine)
    yield context
    engine.shutdown()


def _load(qtbot, context: AppContext, model: Path, n_ctx: int) -> None:
    context.engine.start()
    with qtbot.waitSignal(context.engine.loaded, timeout=60000):
        context.engine.load(str(model), n_ctx=n_ctx, n_threads=1)
    fix_seed(context.engine)  # with a random seed the random model now and then ends at once


def _pane(qtbot, context: AppContext) -> DraftPane:
    pane = DraftPane(context)
    qtbot.addWidget(pane)
    pane.resize(1280, 800)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    return pane


def _fill_minutes(pane: DraftPane) -> None:
    assert pane.select_template("minutes")
    pane.form.set_values({"meeting": "地域防災連絡会議", "notes": NOTES})


def test_without_a_model_running_is_disabled_with_a_hint(qtbot, context):
    pane = _pane(qtbot, context)
    _fill_minutes(pane)
    assert not pane.run_button.isEnabled()
    assert pane.notice.isVisible()
    assert not pane.run_draft()
    assert pane.status_label.text()


def test_template_list_is_grouped_and_searchable(qtbot, context):
    pane = _pane(qtbot, context)
    groups = [pane.template_list.topLevelItem(i).text(0) for i in range(pane.template_list.topLevelItemCount())]
    assert groups == ["文書", "メール", "広報・広聴", "挨拶・式辞", "校正・点検"]
    pane.search.setText("メール")
    visible = [item.data(0, Qt.ItemDataRole.UserRole) for item in pane._template_items() if not item.isHidden()]
    assert set(visible) == {"business-email", "thanks-email"}
    pane.search.setText("")
    assert all(not item.isHidden() for item in pane._template_items())


def test_form_is_generated_from_the_fields(qtbot, context, japanese):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    from desktop.ui.draft_form import DateField

    pane = _pane(qtbot, context)
    pane.select_template("request")
    widgets = pane.form.widgets
    assert isinstance(widgets["subject"], QLineEdit)
    assert isinstance(widgets["request"], QPlainTextEdit)
    assert isinstance(widgets["relation"], QComboBox) and widgets["relation"].count() == 3
    assert isinstance(widgets["deadline"], DateField) and widgets["deadline"].value() == ""
    assert widgets["date"].value()  # 発信日 defaults to today
    assert widgets["date"].date_edit.displayFormat() == "yyyy年M月d日"
    pane.select_template("minutes")
    assert isinstance(pane.form.widgets["notes"], DocumentField)


def test_missing_required_field_is_named_before_running(qtbot, context, tiny_model):
    _load(qtbot, context, tiny_model, 2048)
    pane = _pane(qtbot, context)
    pane.select_template("minutes")
    pane.form.set_values({"meeting": "会議"})
    assert not pane.run_draft()
    assert "メモ・文字起こし" in pane.status_label.text()


def test_draft_streams_stops_regenerates_continues_and_exports(qtbot, context, slow_model, tmp_path, shots):
    _load(qtbot, context, slow_model, 4096)
    pane = _pane(qtbot, context)
    _fill_minutes(pane)
    pane.length_box.setCurrentIndex(pane.length_box.findData("short"))  # a short reply keeps the test quick
    assert pane.run_button.isEnabled()

    # run with Ctrl+Enter from inside the form; the draft streams in
    pane.form.widgets["meeting"].setFocus()
    qtbot.keyClick(pane.form.widgets["meeting"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    if not pane.controller.running:  # offscreen focus can be unreliable; the button does the same
        pane.run_draft()
    assert pane.controller.running and pane.busy.isVisible() and pane.output.isReadOnly()
    qtbot.waitUntil(lambda: len(pane.output.toPlainText()) > 5, timeout=60000)

    # Esc stops; what came stays
    cancels = []
    context.engine.cancel = _spy(context.engine.cancel, cancels)
    qtbot.keyClick(pane.form.widgets["meeting"], Qt.Key.Key_Escape)
    if not cancels:  # offscreen focus can be unreliable; the 停止 button does the same
        pane.stop_button.click()
    assert cancels
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=60000)
    kept = pane.output.toPlainText()
    assert kept.strip()
    assert not pane.output.isReadOnly() and not pane.busy.isVisible()
    assert pane.continue_button.isEnabled()  # 続きを書く works after a manual stop, not only after a length cut
    first_request = pane.controller.last_request
    pane.grab().save(str(shots / "draft_pane_stopped.png"))

    # 再作成: exactly the same request again, output replaced
    assert pane.regenerate_button.isEnabled()
    sent = []
    context.engine.run_job = _spy(context.engine.run_job, sent)
    pane.regenerate_button.click()
    assert sent[0][1] == first_request[0] and sent[0][2] == first_request[1]
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=120000)
    assert pane.output.toPlainText().strip()

    # a draft cut at the length limit can be continued, with the text so far as the prefix
    options_for = pane.controller.options_for  # a tiny reply budget: the run is cut at the length limit
    pane.controller.options_for = lambda *args: {**options_for(*args), "max_tokens": 16}
    pane.run_draft()
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=60000)
    assert pane.controller.last_finish_reason == "length"
    assert pane.continue_button.isEnabled()
    before = pane.output.toPlainText()
    sent.clear()
    pane.continue_button.click()
    assert sent[0][2]["continue_from"] == before
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=60000)
    assert pane.output.toPlainText().startswith(before)
    assert len(pane.output.toPlainText()) > len(before)

    # the editor is editable after the run; the export is a real .docx with East Asian fonts
    pane.output.setPlainText("議事録\n令和7年度 第1回 地域防災連絡会議\n避難所の備蓄品を見直すこととした。")
    target = tmp_path / "議事録.docx"
    assert pane.save_file(str(target))
    document = DocxDocument(str(target))
    paragraphs = [p.text for p in document.paragraphs]
    assert any("避難所の備蓄品を見直す" in text for text in paragraphs)
    assert any("AI" in text for text in paragraphs), "the AI notice line is on by default"
    runs = [run for p in document.paragraphs for run in p.runs if run.text.strip()]
    assert runs and all(_east_asian_font(run) for run in runs)

    pane.ai_notice_box.setChecked(False)
    plain = tmp_path / "draft.txt"
    assert pane.save_file(str(plain))
    assert "避難所の備蓄品を見直す" in plain.read_text(encoding="utf-8")


def test_open_file_fills_the_document_field(qtbot, context, tmp_path):
    source = tmp_path / "メモ.txt"
    source.write_bytes("会議のメモです。\r\n予算を確認する。\r\n".encode("cp932"))
    pane = _pane(qtbot, context)
    pane.select_template("minutes")
    assert pane.open_file(str(source))
    field = pane.form.widgets["notes"]
    qtbot.waitUntil(lambda: "予算を確認する" in field.value(), timeout=10000)
    assert "メモ.txt" in field.source_label.text()
    assert f"{len(field.value())}" in field.source_label.text().replace(",", "")


def test_unreadable_file_gives_a_message(qtbot, context, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    broken = tmp_path / "壊れた.docx"
    broken.write_bytes(b"not a zip")
    pane = _pane(qtbot, context)
    pane.select_template("minutes")
    pane.open_file(str(broken))
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "壊れた.docx" in warnings[0]
    assert pane.form.widgets["notes"].value() == ""


def _spy(function, calls: list):
    def wrapper(*args):
        calls.append(args)
        return function(*args)

    return wrapper


def _east_asian_font(run) -> bool:
    """True if the run (or its style chain) names an East Asian font (w:eastAsia on w:rFonts)."""
    fonts = run._element.find(qn("w:rPr"))
    if fonts is not None:
        r_fonts = fonts.find(qn("w:rFonts"))
        if r_fonts is not None and r_fonts.get(qn("w:eastAsia")):
            return True
    style = run._parent.style if hasattr(run._parent, "style") else None
    while style is not None:
        r_pr = style.element.find(qn("w:rPr"))
        if r_pr is not None and r_pr.find(qn("w:rFonts")) is not None and r_pr.find(qn("w:rFonts")).get(qn("w:eastAsia")):
            return True
        style = style.base_style
    return False


def test_export_saves_control_characters_and_a_failed_export_keeps_the_text(qtbot, context, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    pane = _pane(qtbot, context)
    text = "件名：お知らせ\x0b（再送）\n\n本文です。\x0c次のページ。"   # Word's text export (intake case)
    pane.output.setPlainText(text)
    assert pane.save_file(str(tmp_path / "通知.docx")) and not warnings
    blocked = tmp_path / "blocked.docx"
    blocked.mkdir()                                       # a folder where the file should go
    assert not pane.save_file(str(blocked))
    assert warnings and "blocked.docx" in warnings[0]
    assert pane.output.toPlainText() == text
    assert pane._suggested_name() == pane._suggested_name().strip() and "/" not in pane._suggested_name()


def test_a_long_template_in_a_small_context_says_to_raise_the_context_not_to_shorten_a_field(
        qtbot, context, tmp_path, shots, japanese):
    # trained for 32k tokens but loaded with 2048: the minutes template's prompt (about 2,100 tokens with
    # this byte-level vocabulary) and its answer need more, however short the fields are
    from tests.support.gguf_factory import write_random_model

    model = write_random_model(tmp_path / "long-context.gguf", n_embd=64, n_layer=2, n_head=4, n_head_kv=4,
                               n_ff=128, n_vocab=0, context_length=32768, float16=False, name="long-context")
    _load(qtbot, context, model, 2048)
    pane = _pane(qtbot, context)
    assert pane.select_template("minutes")
    pane.form.set_values({"meeting": "定例会", "notes": "短いメモです。"})
    assert pane.run_draft()
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=60000)
    said = pane.status_label.text()
    assert "コンテキスト長（2048トークン）" in said and "「設定」" in said and "--ctx" in said
    assert "メモ・文字起こし" not in said and "長すぎ" not in said
    assert pane.form.values()["notes"] == "短いメモです。"          # nothing typed is lost
    qtbot.wait(200)
    pane.grab().save(str(shots / "draft_context_too_small.png"))


def test_switching_templates_keeps_what_was_typed_in_each(qtbot, context):
    pane = _pane(qtbot, context)
    assert pane.select_template("request")
    pane.form.set_values({"subject": "備蓄品の調査について", "request": "在庫数を報告してください。",
                          "relation": "庁内の部署", "deadline": "2026-12-10"})
    assert pane.select_template("minutes")
    pane.form.set_values({"meeting": "地域防災連絡会議"})
    assert pane.select_template("report")
    assert pane.form.values()["subject"] == "備蓄品の調査について"  # the same field id keeps its value
    pane.form.set_values({"subject": "備蓄品の調査結果"})

    assert pane.select_template("request")  # back: everything typed comes back; the newer subject wins
    values = pane.form.values()
    assert values["request"] == "在庫数を報告してください。" and values["relation"] == "庁内の部署"
    assert values["deadline"] == "2026-12-10" and values["subject"] == "備蓄品の調査結果"

    state = pane.autosave_state()  # the autosave keeps every template's fields, not only the one shown
    fresh = _pane(qtbot, context)
    fresh.restore_autosave_state(state)
    assert fresh.template.id == "request" and fresh.form.values()["request"] == "在庫数を報告してください。"
    assert fresh.select_template("minutes") and fresh.form.values()["meeting"] == "地域防災連絡会議"
