"""「この結果を使う」 through the real window: a chosen result lands in its pane, with its inputs, in the history.

The window is the real ``MainWindow`` with its panes; the engines (the
window's and one per compared model) are ``FakeEngine``s answering with a
``ScriptedModel``, each model with its own text, so the test can tell which
column was chosen. Dialogs are replaced by answers (``QMessageBox.question``,
``unsaved_result.ask_to_save_first``): a modal dialog would wait forever offscreen.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt

from desktop.documents.pasted import document_from_pasted_text
from desktop.ui.main_window import MainWindow
from desktop.ui.panes import unsaved_result
from tests.support.compare_steps import set_up_comparison
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel
from tests.support.unsaved_answers import answer_unsaved

WAIT_MS = 30_000
SOURCE = "市立図書館は四月一日から開館時間を延長します。\n平日は午後八時まで開館します。"


@pytest.fixture
def window(window_over):
    window = window_over(FakeEngine(ScriptedModel("・窓口の要約です。"), loaded=True))
    counter = itertools.count(1)

    def model_engine(owner):
        number = next(counter)
        return FakeEngine(ScriptedModel(lambda _m: f"・モデル{number}の結果です。"), parent=owner)

    window.pages["compare"].controller.engine_factory = model_engine
    return window


def _compare(qtbot, window: MainWindow, kind: str, **inputs) -> None:
    compare = set_up_comparison(qtbot, window, kind, timeout_ms=WAIT_MS, **inputs)
    compare.run()
    qtbot.waitUntil(lambda: not compare.controller.running, timeout=WAIT_MS)
    assert all(result.ok for result in compare.controller.results)


def _use(qtbot, window: MainWindow, column: int) -> None:
    button = window.pages["compare"].columns.columns[column].use_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_chosen_summary_lands_in_the_summarize_pane_with_its_source(qtbot, window, asked, tmp_path) -> None:
    document = document_from_pasted_text(SOURCE).to_dict()
    _compare(qtbot, window, "summarize", document=document, name="貼り付けた文章")
    # named as the command line names them: the catalogue's name, else the file name
    assert [column.title.text() for column in window.pages["compare"].columns.columns] == ["alpha.gguf", "beta.gguf"]
    _use(qtbot, window, 1)
    summarize = window.pages["summarize"]
    assert window.current_key() == "summarize"
    assert summarize.summary_view.toPlainText() == "・モデル2の結果です。"
    assert "開館時間を延長します" in summarize.source_view.toPlainText()
    assert not summarize.summary_view.isReadOnly() and summarize.export_button.isEnabled()
    assert summarize.has_unsaved_output()           # a new result: closing would ask
    runs = window.context.history.search(pane="summarize")
    assert len(runs) == 1 and runs[0].output == "・モデル2の結果です。" and runs[0].stats["compared"]
    assert runs[0].model == "beta.gguf"
    out = tmp_path / "要約.md"
    assert summarize.save_file(str(out))
    assert "モデル2" in out.read_text(encoding="utf-8")
    # edits follow the result into the history, as with a summary the pane made
    summarize.summary_view.setPlainText("・モデル2の結果です（確認済み）。")
    assert summarize.keep_summary_edit()
    assert window.context.history.get(runs[0].id).output == "・モデル2の結果です（確認済み）。"
    assert len(asked) == 1                           # nothing unsaved was there: no question


def test_an_unsaved_summary_is_asked_about_as_before_opening_a_file(qtbot, window, asked, monkeypatch,
                                                                     tmp_path) -> None:
    window.context.history.enabled = False  # history off: the summary on screen is kept nowhere else
    document = document_from_pasted_text(SOURCE).to_dict()
    _compare(qtbot, window, "summarize", document=document, name="貼り付けた文章")
    _use(qtbot, window, 0)
    summarize = window.pages["summarize"]
    summarize.summary_view.setPlainText("職員が書き直した要約")
    window.show_page("compare")
    titles = answer_unsaved(monkeypatch, unsaved_result.CANCEL, unsaved_result.SAVE, unsaved_result.DISCARD)
    _use(qtbot, window, 1)                           # キャンセル: the pane as it was, still in 比較
    assert titles == ["要約"]
    assert summarize.summary_view.toPlainText() == "職員が書き直した要約"
    assert window.current_key() == "compare"
    assert "渡しませんでした" in window.pages["compare"].status.text()
    target = tmp_path / "書き直した要約.txt"
    monkeypatch.setattr("desktop.ui.panes.summarize.save_file_name", lambda *_args: str(target))
    _use(qtbot, window, 1)                           # 書き出し…: exported first, then replaced
    assert "職員が書き直した要約" in target.read_text(encoding="utf-8")
    assert summarize.summary_view.toPlainText() == "・モデル2の結果です。"
    assert window.current_key() == "summarize"
    window.show_page("compare")
    _use(qtbot, window, 0)                           # 破棄: replaced without exporting
    assert summarize.summary_view.toPlainText() == "・モデル1の結果です。"
    assert len(titles) == 3 and len(asked) == 1      # never the old Yes/No question


def test_an_edited_summary_in_the_history_is_replaced_without_a_question(qtbot, window, monkeypatch) -> None:
    document = document_from_pasted_text(SOURCE).to_dict()
    _compare(qtbot, window, "summarize", document=document, name="貼り付けた文章")
    _use(qtbot, window, 0)
    summarize = window.pages["summarize"]
    run_id = summarize.result.current.run_id
    summarize.summary_view.setPlainText("職員が書き直した要約")
    window.show_page("compare")
    titles = answer_unsaved(monkeypatch)
    _use(qtbot, window, 1)
    assert titles == [] and summarize.summary_view.toPlainText() == "・モデル2の結果です。"
    assert window.context.history.get(run_id).output == "職員が書き直した要約"  # the edit lives on there


def test_unsaved_translations_are_asked_about_and_kept_on_cancel(qtbot, window, monkeypatch) -> None:
    window.context.history.enabled = False
    _compare(qtbot, window, "translate", text="本日は晴天です。\n\n明日は雨です。")
    _use(qtbot, window, 0)
    translate = window.pages["translate"]
    translate.table.item(0, translate.TRANSLATION_COLUMN).setText("It is sunny today (checked).")
    window.show_page("compare")
    titles = answer_unsaved(monkeypatch, unsaved_result.CANCEL, unsaved_result.DISCARD)
    _use(qtbot, window, 1)
    assert titles == ["翻訳"] and window.current_key() == "compare"
    assert translate.controller.translations[0] == "It is sunny today (checked)."
    _use(qtbot, window, 1)
    assert window.current_key() == "translate"
    assert all(text == "・モデル2の結果です。" for text in translate.controller.translations.values())


def test_a_chosen_translation_lands_in_the_translate_pane_segment_by_segment(qtbot, window, asked) -> None:
    _compare(qtbot, window, "translate", text="本日は晴天です。\n\n明日は雨です。")
    _use(qtbot, window, 0)
    translate = window.pages["translate"]
    assert window.current_key() == "translate"
    c = translate.controller
    assert "本日は晴天です。" in c.document.text()
    assert len(c.translations) == 2 and all(text == "・モデル1の結果です。" for text in c.translations.values())
    assert translate.has_unsaved_output()
    runs = window.context.history.search(pane="translate")
    assert len(runs) == 1 and runs[0].stats["translations"]


def test_a_chosen_draft_becomes_the_newest_version_and_keeps_the_one_on_screen(qtbot, window, asked) -> None:
    draft = window.pages["draft"]
    window.show_page("draft")
    assert draft.select_template("thanks-email")
    draft.output.setPlainText("職員が書いた下書き")
    _compare(qtbot, window, "draft", template_id="thanks-email",
             fields={"recipient": "山田様", "occasion": "視察の受け入れ"})
    _use(qtbot, window, 1)
    assert window.current_key() == "draft"
    assert draft.output.text() == "・モデル2の結果です。"
    assert draft.form.values()["recipient"] == "山田様"
    assert draft.show_version(-1) and draft.output.text() == "職員が書いた下書き"
    assert len(asked) == 1                            # kept as an earlier version: nothing to ask
    assert window.context.history.search(pane="draft")[0].template == "thanks-email"


def test_a_free_prompt_result_goes_to_the_draft_pane(qtbot, window, asked) -> None:
    _compare(qtbot, window, "prompt", text="会議の案内を書いてください。")
    _use(qtbot, window, 0)
    assert window.current_key() == "draft"
    assert window.pages["draft"].output.text() == "・モデル1の結果です。"
    assert window.context.history.search(pane="generate")[0].inputs["prompt"] == "会議の案内を書いてください。"
