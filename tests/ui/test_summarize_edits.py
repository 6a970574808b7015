"""An edited summary is never lost: it goes to its history run before a new summary replaces it."""

from __future__ import annotations

from desktop.history import HistoryStore
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.history_recorder import HistoryRecorder
from desktop.ui.panes.summarize import SummarizePane
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel


def test_an_edited_summary_is_written_to_its_history_run(qtbot):
    paths = Paths.default().ensure()
    engine = FakeEngine(ScriptedModel("・開館時間を延長する。"), loaded=True)
    history = HistoryStore(paths.history_db)
    pane = SummarizePane(AppContext(settings=Settings(paths, {}), paths=paths, engine=engine, history=history))
    recorder = HistoryRecorder(engine, history, pane)
    recorder.run_recorded.connect(pane.note_recorded)
    qtbot.addWidget(pane)
    pane.source_view.setPlainText("市立図書館は四月一日から開館時間を延長します。\n平日は午後八時まで開館します。")
    with qtbot.waitSignal(recorder.recorded, timeout=10000) as blocker:
        assert pane.summarize()
    run_id = blocker.args[0]
    qtbot.waitUntil(lambda: not pane.controller.running)
    assert not pane.keep_summary_edit()  # nothing edited yet
    pane.summary_view.setPlainText("・四月一日から開館時間を延長する（課長確認済み）。")
    with qtbot.waitSignal(recorder.recorded, timeout=10000):
        assert pane.summarize()  # the edit is kept before the new summary replaces it
    run = history.get(run_id)
    assert run.output == "・四月一日から開館時間を延長する（課長確認済み）。" and run.stats["edited"] is True
    history.close()
