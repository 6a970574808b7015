"""A new summary never silently replaces an edited one (scripted engine).

The summary on screen, with the user's edits, stays an earlier version
(「◀ 1/2 ▶」, one click back); its edits go to its history run and to the
autosave; コピー copies the summary as shown.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes.summarize import SummarizePane
from tests.support.fake_engine import FakeEngine
from tests.support.recorded_pane import recorded_pane
from tests.support.scripted_model import ScriptedModel

SOURCE = "市立図書館は四月一日から開館時間を延長します。\n平日は午後八時まで開館します。"


@pytest.fixture
def pane(qtbot):
    counter = itertools.count(1)
    pane, history = recorded_pane(qtbot, SummarizePane, lambda _messages: f"・第{next(counter)}版の要約。")
    pane.source_view.setPlainText(SOURCE)
    yield pane
    history.close()


def _summarize(qtbot, pane: SummarizePane) -> None:
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=10000):
        assert pane.summarize()
    qtbot.waitUntil(lambda: not pane.controller.running)


def _kept(pane: SummarizePane, run_id: int) -> str:
    """The summary text the history holds for ``run_id``."""
    return pane._context.history.get(run_id).output


def test_a_new_summary_keeps_the_edited_one_as_an_earlier_version(qtbot, pane):
    _summarize(qtbot, pane)
    assert pane.summary_view.text() == "・第1版の要約。"
    assert not pane.version_nav.isVisibleTo(pane)
    qtbot.waitUntil(lambda: pane.result.current.run_id is not None, timeout=5000)
    first_run = pane.result.current.run_id
    pane.summary_view.setPlainText("・第1版の要約。課長が直した。")

    _summarize(qtbot, pane)
    assert pane.summary_view.text() == "・第2版の要約。"
    assert pane.version_nav.isVisibleTo(pane) and pane.version_nav.label.text() == "2/2"
    assert _kept(pane, first_run) == "・第1版の要約。課長が直した。"

    pane.version_nav.back_button.click()
    assert pane.summary_view.text() == "・第1版の要約。課長が直した。"
    assert pane.version_nav.label.text() == "1/2" and not pane.version_nav.back_button.isEnabled()
    pane.version_nav.forward_button.click()
    assert pane.summary_view.text() == "・第2版の要約。"


def test_edits_and_versions_survive_an_autosave_restore(qtbot, pane):
    _summarize(qtbot, pane)
    pane.summary_view.setPlainText("・手で直した要約。")
    _summarize(qtbot, pane)
    pane.summary_view.setPlainText("・第2版の要約。さらに直した。")
    state = pane.autosave_state()
    assert [v["text"] for v in state["versions"]["versions"]] == ["・手で直した要約。", "・第2版の要約。さらに直した。"]

    other = SummarizePane(pane._context)
    qtbot.addWidget(other)
    other.restore_autosave_state(state)
    assert other.summary_view.text() == "・第2版の要約。さらに直した。"
    assert len(other.result.versions) == 2 and other.version_nav.label.text() == "2/2"
    assert other.result.show(-1) and other.summary_view.text() == "・手で直した要約。"


def test_opening_another_file_starts_afresh_and_keeps_the_edit_in_history(qtbot, pane, tmp_path):
    _summarize(qtbot, pane)
    qtbot.waitUntil(lambda: pane.result.current.run_id is not None, timeout=5000)
    run_id = pane.result.current.run_id
    pane.summary_view.setPlainText("・直した要約。")
    other = tmp_path / "別の文書.txt"
    other.write_text("別の文書です。\n内容は異なります。", encoding="utf-8")
    with qtbot.waitSignal(pane.controller.document_changed, timeout=10000):
        assert pane.open_file(str(other))
    assert pane.summary_view.text() == "" and len(pane.result.versions) == 0
    assert _kept(pane, run_id) == "・直した要約。"


def test_copy_button_copies_the_summary_on_screen(qtbot, pane):
    assert not pane.copy_button.isEnabled()
    _summarize(qtbot, pane)
    pane.summary_view.setPlainText("・コピーする要約。")
    assert pane.copy_button.isEnabled()
    pane.copy_button.click()
    assert QGuiApplication.clipboard().text() == "・コピーする要約。"
    assert not pane.has_unsaved_output()


def test_a_summary_that_does_not_start_leaves_the_one_on_screen(qtbot, pane, monkeypatch):
    _summarize(qtbot, pane)
    pane.summary_view.setPlainText("・直した要約。")
    monkeypatch.setattr(pane.controller, "summarize", lambda _options: False)
    assert not pane.summarize()
    assert pane.summary_view.text() == "・直した要約。" and len(pane.result.versions) == 1


def test_a_run_that_writes_nothing_leaves_the_edited_summary_on_screen(qtbot):
    from desktop.contracts import JobError

    paths = Paths.default().ensure()
    calls = itertools.count(1)

    def reply(_messages):
        if next(calls) > 1:
            raise JobError("context_overflow", "長すぎます。")
        return "・第1版の要約。"

    engine = FakeEngine(ScriptedModel(reply), loaded=True)
    pane = SummarizePane(AppContext(settings=Settings(paths, {}), paths=paths, engine=engine, history=None))
    qtbot.addWidget(pane)
    pane.show()
    pane.source_view.setPlainText(SOURCE)
    _summarize(qtbot, pane)
    pane.summary_view.setPlainText("・第1版の要約。課長が直した。")
    assert pane.summarize()                 # the engine rejects this one before any word
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=10000)
    assert pane.summary_view.text() == "・第1版の要約。課長が直した。"
    assert len(pane.result.versions) == 1
