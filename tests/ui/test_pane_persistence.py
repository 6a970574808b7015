"""The three panes and the window's helpers: history reopen, autosave, unsaved output, drops, small screens.

One test runs the real engine process with the tiny model: a draft, a
summary and a translation are made, recorded by the window's recorder and
reopened through the history view. The model's text is noise, so the tests
compare what the pane shows with what was recorded, never with fixed text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop.autosave import AutosaveStore
from desktop.documents import document_from_text
from desktop.history import HistoryStore, Run
from desktop.ui import autosave_controller
from desktop.ui.autosave_controller import AutosaveController
from desktop.ui.history_recorder import HistoryRecorder
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.draft import DraftPane
from desktop.ui.panes.summarize import SummarizePane
from desktop.ui.panes.translate import TranslatePane
from tests.support.fake_engine import FakeEngine
from tests.support.recorded_pane import shown_window
from tests.support.seeding import fix_seed

LOAD_TIMEOUT_MS = 60_000
RUN_TIMEOUT_MS = 120_000
NOTES = "・避難所の備蓄品を見直す\n・次回の会議は6月に開く"
SOURCE = "市立図書館は四月一日から開館時間を延長します。\n平日は午後八時まで開館します。"
PARAGRAPHS = "市立図書館は開館時間を延長します。\n\n平日は午後八時まで開館します。\n\n土曜日は午後六時までです。"


@pytest.fixture
def history(app_context):
    store = HistoryStore(app_context.paths.history_db)
    app_context.history = store
    yield store
    store.close()


@pytest.fixture(autouse=True)
def never_block_on_close(monkeypatch):
    """A window left with results by a failing test closes without a modal question (which would hang)."""
    monkeypatch.setattr(autosave_controller, "ask_to_quit_unsaved", lambda parent, titles: True)


def _run_until_recorded(qtbot, recorder, start, controller, tries: int = 5) -> int:
    """Start a run and return the id it was recorded under.

    A random-weight model now and then writes only blanks (or stops at once),
    which is rightly not recorded: then the run is made again.
    """
    recorded: list[int] = []
    recorder.recorded.connect(recorded.append)
    try:
        for _ in range(tries):
            assert start()
            qtbot.waitUntil(lambda: not controller.running, timeout=RUN_TIMEOUT_MS)
            qtbot.wait(10)
            if recorded:
                return recorded[-1]
    finally:
        recorder.recorded.disconnect(recorded.append)
    raise AssertionError("no run produced text")


def as_qt_stores(text: str) -> str:
    """``text`` as a text box gives it back (Qt turns some line and paragraph separators into "\\n")."""
    box = QPlainTextEdit()
    box.setPlainText(text)
    return box.toPlainText()


def _close_quietly(window: MainWindow) -> None:
    for key in ("draft", "summarize", "translate"):
        window.autosave.mark_exported(key)
    window.close()


def _reopen_through_history(qtbot, window: MainWindow, run_id: int) -> None:
    view = window.open_history()
    assert view.select_run(run_id)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    view.close()


def _translations_shown(pane: TranslatePane) -> dict[int, str]:
    return {index: pane.table.item(row, pane.TRANSLATION_COLUMN).text() for index, row in pane._rows.items()}


# ---------------------------------------------------------------------- history: record, then reopen
@pytest.mark.timeout(300)
def test_runs_recorded_from_each_pane_reopen_through_the_history_view(qtbot, japanese, app_context, history,
                                                                     tiny_model):
    window = shown_window(qtbot, app_context)
    engine = app_context.engine
    with qtbot.waitSignal(engine.loaded, timeout=LOAD_TIMEOUT_MS):
        engine.load(str(tiny_model), n_ctx=2048, n_threads=1)
    fix_seed(engine)  # with a random seed the random model now and then ends at once: nothing to keep
    recorder = window.history_recorder

    # A draft.
    draft = window.pages["draft"]
    window.show_page("draft")
    # the shortest built-in: the tiny test model's byte-level vocabulary spends ~3 tokens per kana
    assert draft.select_template("thanks-email")
    draft.form.set_values({"recipient": "地域防災連絡会議の皆様", "occasion": NOTES})
    draft.length_box.setCurrentIndex(draft.length_box.findData("short"))
    draft_run = history.get(_run_until_recorded(qtbot, recorder, draft.run_draft, draft.controller))
    assert draft_run.pane == "draft" and as_qt_stores(draft_run.output) == draft.output.text()
    assert draft.has_unsaved_output()

    # A summary of pasted text.
    summarize = window.pages["summarize"]
    window.show_page("summarize")
    summarize.new_text()
    summarize.source_view.setPlainText(SOURCE)
    summarize.style_combo.setCurrentIndex(summarize.style_combo.findData("prose"))
    summary_run = history.get(_run_until_recorded(qtbot, recorder, summarize.summarize, summarize.controller))
    assert summary_run.pane == "summarize"
    assert as_qt_stores(summary_run.output).strip() == summarize.summary_view.toPlainText().strip()
    assert summarize.has_unsaved_output()

    # A translation of three paragraphs.
    translate = window.pages["translate"]
    window.show_page("translate")
    translate.paste_edit.setPlainText(PARAGRAPHS)
    translate._use_pasted_text()
    translate.set_languages("ja", "en")
    translate_run = history.get(_run_until_recorded(qtbot, recorder, translate.translate_all, translate.controller))
    translated = dict(translate.controller.translations)
    assert translate_run.stats["translations"] == {str(k): v for k, v in translated.items()}
    assert translate.has_unsaved_output()

    # The panes move on to other work...
    draft.select_template("notice")
    draft.output.clear()
    summarize.new_text()
    summarize.summary_view.clear()
    translate.controller.use_text("別の文書です。")
    assert translate.controller.translations == {}

    # ...and each run comes back through the history view, in its own pane.
    _reopen_through_history(qtbot, window, draft_run.id)
    assert window.current_key() == "draft"
    assert draft.template.id == "thanks-email"
    assert draft.form.values()["recipient"] == "地域防災連絡会議の皆様" and draft.form.values()["occasion"] == NOTES
    assert draft.length_box.currentData() == "short"
    assert draft.output.toPlainText() == as_qt_stores(draft_run.output)
    assert not draft.has_unsaved_output()  # it is in the history already
    assert draft.regenerate_button.isEnabled()  # the same request can be written again

    _reopen_through_history(qtbot, window, summary_run.id)
    assert window.current_key() == "summarize"
    assert summarize.source_view.toPlainText() == SOURCE
    assert summarize.summary_view.toPlainText() == as_qt_stores(summary_run.output)
    assert summarize.style_combo.currentData() == "prose"
    assert not summarize.has_unsaved_output()

    _reopen_through_history(qtbot, window, translate_run.id)
    assert window.current_key() == "translate"
    assert translate.stack.currentIndex() == 1
    assert [s.text for s in translate.controller.segments] == [p for p in PARAGRAPHS.split("\n\n")]
    assert translate.controller.translations == translated
    shown = _translations_shown(translate)
    assert all(shown[index] == text for index, text in translated.items())
    assert translate.target_language() == "en" and not translate.has_unsaved_output()
    _close_quietly(window)


def test_a_large_summary_source_is_noted_and_an_old_translation_is_split_back(qtbot, japanese, app_context):
    summarize = SummarizePane(app_context)
    qtbot.addWidget(summarize)
    trimmed = Run(pane="summarize", output="要約です", inputs={
        "omitted": ["document"], "preview": "長い文書…", "document_title": "", "document_path": "C:/文書/年報.docx"})
    assert summarize.reopen_run(trimmed)
    assert summarize.source_view.toPlainText() == ""
    assert "年報.docx" in summarize.document_label.text() and "大きすぎ" in summarize.document_label.text()
    assert summarize.summary_view.toPlainText() == "要約です"

    translate = TranslatePane(app_context)
    qtbot.addWidget(translate)
    document = document_from_text("一つ目。\n\n二つ目。").to_dict()
    old = Run(pane="translate", output="First.\n\nSecond.", inputs={"document": document},
              options={"source": "ja", "target": "en"})  # recorded before stats["translations"] existed
    assert translate.reopen_run(old)
    assert sorted(translate.controller.translations.values()) == ["First.", "Second."]
    partial = Run(pane="translate", output="First.", inputs={"document": document}, options={})
    assert not translate.reopen_run(partial)  # which segment it was cannot be told: shown read-only instead
    assert not translate.reopen_run(Run(pane="translate", output="x", inputs={"omitted": ["document"]}))


# ---------------------------------------------------------------------- the recorder's additions
def test_the_recorder_skips_test_runs_and_keeps_translations_and_part_sources(qtbot, app_context, history):
    engine = FakeEngine(facts={"name": "tiny-chat"}, loaded=True)
    recorder = HistoryRecorder(engine, history)
    results: list[str] = []
    recorder.result_made.connect(results.append)
    engine.job_started.emit("t1", "draft", {"template": {"id": "mine"}, "fields": {}}, {"history": False})
    engine.delta.emit("t1", "試しの文")
    engine.done.emit("t1", {})
    assert history.count() == 0 and results == []  # a template editor's test run is not a draft

    document = {"title": "", "path": "", "blocks": [{"kind": "paragraph", "text": "甲"}] * 3}
    engine.job_started.emit("t2", "translate", {"document": document, "translations": {"0": "A (edited)"}},
                            {"only": [2]})
    engine.section.emit("t2", 2, "C", {})
    engine.done.emit("t2", {})
    engine.job_started.emit("t3", "summarize", {"document": document}, {})
    engine.section.emit("t3", 0, "部分", {"source": "第1章", "start": 0, "end": 5, "part": 1})
    engine.delta.emit("t3", "全体")
    engine.done.emit("t3", {})
    runs = {run.pane: run for run in history.search()}
    assert runs["translate"].stats["translations"] == {"0": "A (edited)", "2": "C"}
    assert runs["summarize"].stats["partials"] == ["部分"] and "parts" not in runs["summarize"].stats
    assert runs["summarize"].stats["part_meta"] == [{"source": "第1章", "start": 0, "end": 5, "part": 1}]
    recorder.deleteLater()


def test_a_template_editor_test_run_is_not_recorded(qtbot, app_context, history, tiny_model):
    from desktop.templates import TemplateStore
    from desktop.ui.template_editor import TemplateEditorDialog

    engine = app_context.engine
    recorder = HistoryRecorder(engine, history)  # noqa: F841 - kept alive for the signals
    with qtbot.waitSignal(engine.loaded, timeout=LOAD_TIMEOUT_MS):
        engine.load(str(tiny_model), n_ctx=2048, n_threads=1)
    dialog = TemplateEditorDialog(TemplateStore.for_paths(app_context.paths), engine, None, start_id="thanks-email")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(engine.done, timeout=RUN_TIMEOUT_MS):
        assert dialog.test_run()
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=RUN_TIMEOUT_MS)
    assert history.count() == 0


# ---------------------------------------------------------------------- autosave
def _typed_draft(pane: DraftPane) -> None:
    assert pane.select_template("minutes")
    pane.form.set_values({"meeting": "地域防災連絡会議", "notes": NOTES})
    pane.tone_box.setCurrentIndex(pane.tone_box.findData("dearu"))
    pane.output.setPlainText("第1回 地域防災連絡会議 議事録\n本文")


def _typed_summary(pane: SummarizePane) -> None:
    pane.new_text()
    pane.source_view.setPlainText(SOURCE)
    pane.length_combo.setCurrentIndex(pane.length_combo.findData("long"))
    pane.focus_edit.setText("開館時間")
    pane.summary_view.setPlainText("・開館時間を延長する")


def _typed_translation(pane: TranslatePane) -> None:
    pane.paste_edit.setPlainText(PARAGRAPHS)
    pane._use_pasted_text()
    pane.set_languages("ja", "fr") if pane.target_combo.findData("fr") >= 0 else pane.set_languages("ja", "en")
    first, _second, third = [s.index for s in pane.controller.segments]
    pane.controller.set_translation(first, "The library opens longer.")
    pane.controller.set_translation(third, "Until six on Saturdays.")


@pytest.mark.parametrize("pane_class, type_into", [
    (DraftPane, _typed_draft), (SummarizePane, _typed_summary), (TranslatePane, _typed_translation)])
def test_autosave_state_round_trip(qtbot, app_context, pane_class, type_into):
    empty = pane_class(app_context)
    qtbot.addWidget(empty)
    assert empty.autosave_state() == {}  # nothing typed: nothing to offer after a crash
    typed = pane_class(app_context)
    qtbot.addWidget(typed)
    type_into(typed)
    state = typed.autosave_state()
    assert json.loads(json.dumps(state, ensure_ascii=False)) == state  # stored as JSON
    fresh = pane_class(app_context)
    qtbot.addWidget(fresh)
    fresh.restore_autosave_state(json.loads(json.dumps(state, ensure_ascii=False)))
    assert fresh.autosave_state() == state


def test_every_pane_gets_its_typed_text_back_after_a_crash(qtbot, japanese, app_context):
    store = AutosaveStore(app_context.paths.autosave)
    panes = {"draft": DraftPane(app_context), "summarize": SummarizePane(app_context),
             "translate": TranslatePane(app_context)}
    for pane in panes.values():
        qtbot.addWidget(pane)
    controller = AutosaveController(store, panes)
    assert controller.start() == []
    _typed_draft(panes["draft"])
    _typed_summary(panes["summarize"])
    _typed_translation(panes["translate"])
    assert sorted(controller.save_changes()) == ["draft", "summarize", "translate"]
    controller.timer.stop()  # the window dies here

    again = {"draft": DraftPane(app_context), "summarize": SummarizePane(app_context),
             "translate": TranslatePane(app_context)}
    for pane in again.values():
        qtbot.addWidget(pane)
    recovery = AutosaveController(AutosaveStore(store.folder), again)
    _answer_restore = autosave_controller.ask_to_restore
    try:
        autosave_controller.ask_to_restore = lambda parent, titles: True  # the user chooses 復元
        assert sorted(recovery.start()) == ["draft", "summarize", "translate"]
    finally:
        autosave_controller.ask_to_restore = _answer_restore
    draft, summarize, translate = again["draft"], again["summarize"], again["translate"]
    assert draft.template.id == "minutes" and draft.form.values()["notes"] == NOTES
    assert draft.tone_box.currentData() == "dearu"
    assert draft.output.toPlainText() == "第1回 地域防災連絡会議 議事録\n本文"
    assert summarize.source_view.toPlainText() == SOURCE and summarize.focus_edit.text() == "開館時間"
    assert summarize.length_combo.currentData() == "long"
    assert summarize.summary_view.toPlainText() == "・開館時間を延長する"
    assert sorted(translate.controller.translations.values()) == ["The library opens longer.",
                                                                   "Until six on Saturdays."]
    assert translate.stack.currentIndex() == 1
    assert all(pane.has_unsaved_output() for pane in again.values())  # restored results are not saved anywhere
    recovery.finish()


def test_a_document_read_from_a_file_is_kept_whole(qtbot, app_context, tmp_path):
    path = tmp_path / "お知らせ.txt"
    path.write_text(SOURCE, encoding="utf-8")
    pane = SummarizePane(app_context)
    qtbot.addWidget(pane)
    assert pane.open_file(str(path))
    qtbot.waitUntil(lambda: pane.controller.source_path == path, timeout=10000)  # read off the UI thread
    state = pane.autosave_state()
    assert state["sourcePath"] == str(path) and state["document"]["blocks"]
    path.unlink()  # gone by the time of the recovery: the text is still there
    fresh = SummarizePane(app_context)
    qtbot.addWidget(fresh)
    fresh.restore_autosave_state(state)
    assert fresh.source_view.toPlainText() == SOURCE and fresh.controller.source_path == path


# ---------------------------------------------------------------------- unsaved output and closing
def test_the_window_asks_on_close_only_while_a_result_is_unsaved(qtbot, japanese, app_context, tmp_path,
                                                                 monkeypatch, never_block_on_close):
    asked: list[list[str]] = []
    monkeypatch.setattr(autosave_controller, "ask_to_quit_unsaved",
                        lambda parent, titles: asked.append(titles) or False)
    window = shown_window(qtbot, app_context)
    window.start()
    draft = window.pages["draft"]
    translate = window.pages["translate"]
    assert not any(window.pages[key].has_unsaved_output() for key in ("draft", "summarize", "translate"))
    assert window.request_close() is True and asked == []  # nothing made: no question
    window.show()
    window.start()

    draft.output.setPlainText("下書きの本文")  # as a finished run leaves it
    assert draft.has_unsaved_output()
    assert window.request_close() is False and asked == [["下書き"]]
    assert draft.save_file(str(tmp_path / "下書き.docx"))
    assert not draft.has_unsaved_output()
    draft.output.appendPlainText("追記")  # changed after the export
    assert draft.has_unsaved_output()
    draft.copy_output()  # copied: the text is somewhere else now
    assert not draft.has_unsaved_output()

    _typed_translation(translate)
    assert window.autosave.unsaved_panes() == ["translate"]
    assert translate.save_file(str(tmp_path / "訳.txt"), mode="text")
    assert not translate.has_unsaved_output()
    summarize = window.pages["summarize"]
    summarize.summary_view.setPlainText("要約")
    assert summarize.has_unsaved_output()
    assert summarize.save_file(str(tmp_path / "要約.md"))
    assert not summarize.has_unsaved_output()

    asked.clear()
    assert window.request_close() is True and asked == []


# ---------------------------------------------------------------------- files dropped on the window
def _drop(widget, path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(widget.width() / 2, widget.height() / 2)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_a_file_dropped_anywhere_on_the_window_opens_in_the_current_pane(qtbot, japanese, app_context, tmp_path):
    text_file = tmp_path / "お知らせ.txt"
    text_file.write_text(SOURCE, encoding="utf-8")
    window = shown_window(qtbot, app_context)

    window.show_page("summarize")
    summarize = window.pages["summarize"]
    drop = _drop(summarize.summary_view.viewport(), text_file)  # a text box: not its file name as text
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: summarize.controller.source_path == text_file, timeout=10_000)  # read off the UI thread
    assert summarize.controller.source_path == text_file and summarize.source_view.toPlainText() == SOURCE
    assert summarize.summary_view.toPlainText() == ""

    window.show_page("translate")
    translate = window.pages["translate"]
    _drop(window.sidebar.viewport(), text_file)  # the sidebar is part of the window too
    qtbot.waitUntil(lambda: translate.controller.source_path == text_file, timeout=10_000)
    assert translate.controller.source_path == text_file and translate.stack.currentIndex() == 1

    window.show_page("draft")
    draft = window.pages["draft"]
    assert draft.select_template("minutes")
    _drop(draft.output.viewport(), text_file)  # into the template's document field, read in the background
    qtbot.waitUntil(lambda: draft.form.values()["notes"] == SOURCE, timeout=10_000)
    assert draft.output.toPlainText() == ""

    sheet = tmp_path / "予算.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not read")
    _drop(draft.template_list.viewport(), sheet)
    assert window.notice.isVisible()
    assert "予算.xlsx" in window.notice.text() and "開けません" in window.notice.text()
    _close_quietly(window)


# ---------------------------------------------------------------------- small screens
def test_the_window_fits_a_1280_by_720_laptop(qtbot, japanese, app_context, shots):
    window = shown_window(qtbot, app_context)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 640, hint
    window.resize(1280, 720)
    window.pages["draft"].select_template("minutes")
    for key in ("draft", "summarize", "translate"):
        window.show_page(key)
        qtbot.wait(30)
        assert window.grab().save(str(shots / f"fit_{key}.png"))
    window.resize(hint.width(), max(hint.height(), 640))
    window.show_page("draft")
    qtbot.wait(30)
    assert window.grab().save(str(shots / "fit_minimum_draft.png"))
    _close_quietly(window)
