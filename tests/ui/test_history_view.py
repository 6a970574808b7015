"""The history in the window: runs recorded from the real engine, and the history view.

The recorder is checked once end-to-end (tiny model, real engine process) and
otherwise against an engine stand-in that emits the same signals, so the
rules (what the output is, stopped runs, planning requests, history off,
large inputs) are checked quickly and exactly.
"""

from __future__ import annotations

import os
import stat
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.history import HistoryStore, Run
from desktop.ui.history_recorder import MAX_STORED_INPUT_CHARS, HistoryRecorder
from desktop.ui.history_view import HistoryView, RunViewer, reopen_run_in
from tests.support.fake_engine import FakeEngine

LOAD_TIMEOUT_MS = 60_000


@pytest.fixture
def store(app_context):
    store = HistoryStore(app_context.paths.history_db)
    yield store
    store.close()


def test_a_real_generate_is_recorded_with_its_output_model_and_timing(qtbot, app_context, store, tiny_model):
    engine = app_context.engine
    recorder = HistoryRecorder(engine, store)
    with qtbot.waitSignal(engine.loaded, timeout=LOAD_TIMEOUT_MS):
        engine.load(str(tiny_model), n_ctx=512)
    streamed: list[str] = []
    engine.delta.connect(lambda _id, text: streamed.append(text))
    with qtbot.waitSignal(recorder.recorded, timeout=LOAD_TIMEOUT_MS) as blocker:
        engine.run_job("generate", {"prompt": "会議の案内を書いてください\n二行目"}, {"max_tokens": 12, "seed": 1})
    run = store.get(blocker.args[0])
    assert run.pane == "generate"
    assert run.output == "".join(streamed) and run.output
    assert run.inputs == {"prompt": "会議の案内を書いてください\n二行目"}
    assert run.options == {"max_tokens": 12, "seed": 1}
    assert run.title == "会議の案内を書いてください"
    assert run.model == engine.model_facts["name"]
    assert run.stats["seconds"] >= 0
    if os.name == "posix":  # the history file is the user's alone
        assert stat.S_IMODE(app_context.paths.history_db.stat().st_mode) == 0o600


def test_recorder_rules_for_each_kind(qtbot, store):
    engine = FakeEngine(facts={"name": "tiny-chat"}, loaded=True)
    recorder = HistoryRecorder(engine, store)
    results: list[str] = []
    recorder.result_made.connect(results.append)
    template = {"id": "minutes", "title": {"ja": "議事録", "en": "Minutes"}}

    engine.job_started.emit("r1", "draft", {"template": template, "fields": {"notes": "メモ"}},
                            {"continue_from": "前半。"})
    engine.delta.emit("r1", "後半")
    engine.delta.emit("r2", "ほかの依頼の文字")  # another request's text is not mixed in
    engine.done.emit("r1", {"tokens": 2})

    document = {"title": "", "path": "C:/文書/予算.docx", "blocks": [{"kind": "paragraph", "text": "本文"}]}
    engine.job_started.emit("r3", "translate", {"document": document}, {"target": "en"})
    engine.section.emit("r3", 2, "Second.", {})
    engine.section.emit("r3", 0, "First.", {})
    engine.error.emit("r3", "cancelled", "止めました")  # stopped: what was translated is kept

    engine.job_started.emit("r5", "generate", {"prompt": "x"}, {})
    engine.error.emit("r5", "engine_crashed", "")       # nothing written: nothing to keep

    engine.job_started.emit("r6", "summarize", {"document": document}, {})
    engine.section.emit("r6", 0, "部分要約", {"source": "p.1"})
    engine.delta.emit("r6", "全体の要約")
    engine.done.emit("r6", {})

    runs = {run.pane: run for run in store.search()}
    assert set(runs) == {"draft", "translate", "summarize"}
    assert runs["draft"].output == "前半。後半" and runs["draft"].template == "minutes"
    assert runs["draft"].title == "議事録"
    assert runs["translate"].output == "First.\n\nSecond." and runs["translate"].stats["stopped"] == "cancelled"
    assert runs["translate"].title == "予算.docx"
    assert runs["summarize"].output == "全体の要約" and runs["summarize"].stats["partials"] == ["部分要約"]

    store.enabled = False  # history off: nothing more is kept
    engine.job_started.emit("r7", "generate", {"prompt": "秘密"}, {})
    engine.delta.emit("r7", "秘密の答え")
    engine.done.emit("r7", {})
    assert store.search("秘密") == []
    assert results == ["draft", "translate", "summarize", "generate"]  # history off or on: a result was made
    recorder.deleteLater()


def test_a_very_large_document_is_kept_trimmed_but_the_output_whole(qtbot, store):
    engine = FakeEngine(facts={"name": "tiny-chat"}, loaded=True)
    recorder = HistoryRecorder(engine, store)  # noqa: F841 - kept alive for the signals
    blocks = [{"kind": "paragraph", "text": "長い文書の段落です。" * 100} for _ in range(2200)]
    document = {"title": "大きな報告書", "path": "", "blocks": blocks}
    engine.job_started.emit("r1", "summarize", {"document": document}, {"length": "short"})
    engine.delta.emit("r1", "要約" * 5000)
    engine.done.emit("r1", {})
    run = store.search()[0]
    assert run.output == "要約" * 5000
    assert run.inputs["omitted"] == ["document"] and "document" not in run.inputs
    assert run.inputs["preview"].startswith("長い文書の段落です。") and run.inputs["document_title"] == "大きな報告書"
    assert len(str(run.inputs)) < MAX_STORED_INPUT_CHARS
    assert run.title == "大きな報告書"


def _fill(store: HistoryStore) -> list[int]:
    now = time.time()
    return [
        store.record(Run(pane="draft", title="議事録", template="minutes", output="第1回 予算会議の議事録\n本文",
                         inputs={"fields": {"notes": "予算"}}, created_at=now - 30, model="tiny")),
        store.record(Run(pane="summarize", title="報告書.docx", output="要約：道路の補修について",
                         created_at=now - 20)),
        store.record(Run(pane="translate", title="お知らせ", output="Notice about the library",
                         created_at=now - 10)),
    ]


def _rows(view: HistoryView) -> list[list[str]]:
    return [[view.list.topLevelItem(row).text(col) for col in range(4)]
            for row in range(view.list.topLevelItemCount())]


def test_history_view_lists_searches_reopens_and_deletes(qtbot, japanese, store, monkeypatch):
    ids = _fill(store)
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.show()
    rows = _rows(view)
    assert [row[1] for row in rows] == ["翻訳", "要約", "下書き"]  # newest first, pane in Japanese
    assert rows[2][2] == "議事録" and rows[2][3] == "第1回 予算会議の議事録"
    assert "30日間" in view.note.text()
    assert view.preview.toPlainText() == "Notice about the library"  # the newest is selected

    view.search.setText("予算")  # as typed (QTest cannot type Japanese)
    qtbot.waitUntil(lambda: len(_rows(view)) == 1, timeout=3000)
    assert view.preview.toPlainText().startswith("第1回 予算会議")

    reopened: list[Run] = []
    view.reopen_requested.connect(reopened.append)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert [run.id for run in reopened] == [ids[0]] and reopened[0].inputs == {"fields": {"notes": "予算"}}

    # Delete asks first; "No" keeps the run.
    answers = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **kw: answers.pop(0)))
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert store.get(ids[0]) is not None
    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert store.get(ids[0]) is None and _rows(view) == []
    assert view.preview.placeholderText() == "検索に一致する履歴はありません。"

    view.search.clear()
    view.refresh()
    assert len(_rows(view)) == 2
    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.delete_all_button, Qt.MouseButton.LeftButton)
    assert store.count() == 0 and _rows(view) == [] and not view.delete_all_button.isEnabled()
    assert b"Notice about the library" not in store.path.read_bytes()  # VACUUM: really gone


def test_history_view_says_when_history_is_off_or_missing(qtbot, japanese, store):
    store.enabled = False
    view = HistoryView(store)
    qtbot.addWidget(view)
    assert "オフ" in view.note.text()
    settings_asked: list[bool] = []
    view.settings_requested.connect(lambda: settings_asked.append(True))
    view.note.linkActivated.emit("settings")
    assert settings_asked == [True]

    missing = HistoryView(None)
    qtbot.addWidget(missing)
    assert "開けませんでした" in missing.note.text()
    assert not missing.delete_all_button.isEnabled() and not missing.open_button.isEnabled()


def test_reopen_goes_to_a_pane_that_can_take_it_else_read_only(qtbot, japanese):
    class ReopeningPane:
        def __init__(self) -> None:
            self.runs: list[Run] = []

        def reopen_run(self, run: Run) -> None:
            self.runs.append(run)

    run = Run(pane="draft", title="議事録", output="本文です", model="tiny", stats={"seconds": 2.0})
    pane = ReopeningPane()
    assert reopen_run_in(pane, run) and pane.runs == [run]
    assert not reopen_run_in(object(), run)
    viewer = RunViewer(run)
    qtbot.addWidget(viewer)
    assert viewer.text.toPlainText() == "本文です" and viewer.text.isReadOnly()
    assert viewer.windowTitle() == "下書き: 議事録"


def test_a_title_that_looks_like_markup_is_shown_as_words(qtbot, store):
    store.record(Run(pane="summarize", title="<b>タグ</b>の説明.docx", output="要約"))
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.select_run(view.runs[0].id)
    viewer = RunViewer(view.runs[0])
    qtbot.addWidget(viewer)
    for label in (view.details, viewer.findChild(type(view.details))):
        assert label.textFormat() == Qt.TextFormat.PlainText and "<b>タグ</b>の説明.docx" in label.text()


def test_screenshot_of_the_history_view(qtbot, japanese, store, tmp_path, shots):
    _fill(store)
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.show()
    view.select_run(view.runs[2].id)
    qtbot.wait(50)
    assert view.grab().save(str(shots / "history_view.png"))


def test_the_window_opens_the_history_with_ctrl_h_and_reopens_a_run(qtbot, japanese, app_context, store):
    from desktop.ui.main_window import MainWindow

    app_context.history = store
    run_id = _fill(store)[1]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    assert window.history_action.shortcut().toString() == "Ctrl+H"
    assert any("履歴" in action.text() for action in window.menuBar().actions())
    window.history_action.trigger()
    view = window.history_view
    assert view is not None and view.isVisible() and len(_rows(view)) == 3
    assert view.select_run(run_id)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "summarize"
    pane = window.pages["summarize"]
    if not callable(getattr(pane, "reopen_run", None)):  # shown read-only instead
        viewers = [w for w in window.findChildren(RunViewer) if w.isVisible()]
        assert viewers and viewers[0].text.toPlainText() == "要約：道路の補修について"
