"""Edited translations are never lost (scripted engine): re-translation asks or keeps versions, autosave, history."""

from __future__ import annotations

import itertools

import pytest

from desktop.ui.panes import translate_edits
from desktop.ui.panes.translate import TranslatePane
from tests.support.recorded_pane import recorded_pane

SOURCE = "説明会を開きます。\n\n会場は市役所です。\n\n申込みは不要です。"


@pytest.fixture
def pane(qtbot):
    counter = itertools.count(1)
    pane, history = recorded_pane(qtbot, TranslatePane, lambda _messages: f"Version {next(counter)}.", {"parallel": 1})
    pane.set_languages("ja", "en")
    assert pane.controller.use_text(SOURCE)
    yield pane
    history.close()


def _run(qtbot, pane: TranslatePane, start) -> int:
    """Run ``start()`` (which must start a translation); the history run id it made."""
    with qtbot.waitSignal(pane.recorder.recorded, timeout=10000) as recorded:
        assert start()
    qtbot.waitUntil(lambda: not pane.controller.running)
    return recorded.args[0]


def _edit(pane: TranslatePane, row: int, text: str) -> None:
    pane.table.item(row, pane.TRANSLATION_COLUMN).setText(text)  # as the cell editor commits it


def _cells(pane: TranslatePane) -> list[str]:
    return [pane.table.item(row, pane.TRANSLATION_COLUMN).text() for row in range(pane.table.rowCount())]


def test_translating_everything_again_asks_and_keeps_the_edits_by_default(qtbot, pane, monkeypatch):
    _run(qtbot, pane, pane.translate_all)
    first = _cells(pane)
    assert all(first)
    _edit(pane, 1, "The venue is City Hall (checked).")
    asked: list[int] = []
    monkeypatch.setattr(pane, "ask_about_edits", lambda count: asked.append(count) or translate_edits.KEEP)
    _run(qtbot, pane, pane.translate_all)
    assert asked == [1]
    assert pane.context.engine.requests[-1].options["only"] == [0, 2]
    cells = _cells(pane)
    assert cells[1] == "The venue is City Hall (checked)." and cells[0] != first[0] and cells[2] != first[2]

    monkeypatch.setattr(pane, "ask_about_edits", lambda count: translate_edits.CANCEL)
    assert not pane.translate_all()


def test_a_replaced_edit_stays_an_earlier_version_of_its_cell(qtbot, pane, monkeypatch):
    _run(qtbot, pane, pane.translate_all)
    _edit(pane, 1, "My own wording.")
    monkeypatch.setattr(pane, "ask_about_edits", lambda count: translate_edits.REPLACE)
    _run(qtbot, pane, pane.translate_all)
    assert _cells(pane)[1] != "My own wording."
    pane.table.selectRow(1)
    assert pane.version_nav.isVisibleTo(pane) and pane.version_nav.label.text() == "2/2"
    pane.version_nav.back_button.click()
    assert _cells(pane)[1] == "My own wording." and pane.controller.translations[1] == "My own wording."


def test_one_segment_again_keeps_the_edit_as_a_version_without_asking(qtbot, pane, monkeypatch):
    _run(qtbot, pane, pane.translate_all)
    _edit(pane, 0, "Edited first line.")
    monkeypatch.setattr(pane, "ask_about_edits", lambda count: pytest.fail("one segment does not ask"))
    pane.table.selectRow(0)
    _run(qtbot, pane, pane.retranslate_selected)
    assert _cells(pane)[0] != "Edited first line."
    assert pane.show_segment_version(-1) and _cells(pane)[0] == "Edited first line."


def test_edits_and_versions_are_in_the_autosave_and_the_history(qtbot, pane):
    run_id = _run(qtbot, pane, pane.translate_all)
    qtbot.waitUntil(lambda: pane._run_id == run_id, timeout=5000)
    _edit(pane, 2, "No need to apply (edited).")
    qtbot.waitUntil(lambda: pane.context.history.get(run_id).stats.get("edited") is True, timeout=5000)
    run = pane.context.history.get(run_id)
    assert run.stats["translations"]["2"] == "No need to apply (edited)."
    assert "No need to apply (edited)." in run.output

    pane.table.selectRow(2)
    _run(qtbot, pane, pane.retranslate_selected)
    state = pane.autosave_state()
    assert "2" in state["segmentVersions"]

    other = TranslatePane(pane.context)
    qtbot.addWidget(other)
    other.restore_autosave_state(state)
    assert _cells(other) == _cells(pane)
    assert other._run_id is not None and other._run_id == pane._run_id  # later edits go to the same history row
    other.table.selectRow(2)
    assert other.show_segment_version(-1) and _cells(other)[2] == "No need to apply (edited)."


def test_an_edited_cell_is_marked_in_its_row_header(qtbot, japanese, pane, tmp_path):
    _run(qtbot, pane, pane.translate_all)

    def mark(row: int) -> tuple[str, str]:
        item = pane.table.verticalHeaderItem(row)
        return (item.text(), item.toolTip()) if item is not None else (str(row + 1), "")

    assert [mark(row) for row in range(3)] == [("1", ""), ("2", ""), ("3", "")]
    _edit(pane, 1, "My own wording.")
    assert mark(1) == ("2 ✎", "編集済み") and mark(0) == ("1", "") and mark(2) == ("3", "")
    pane.table.selectRow(0)
    pane.grab().save(str(tmp_path / "translate_edited_1280x720.png"))
    pane.table.selectRow(1)

    _run(qtbot, pane, pane.retranslate_selected)  # the model's new translation: not the user's edit
    assert mark(1) == ("2", "")
    assert pane.show_segment_version(-1) and mark(1) == ("2 ✎", "編集済み")  # the edit is back, so is its mark

    other = TranslatePane(pane.context)
    qtbot.addWidget(other)
    other.restore_autosave_state(pane.autosave_state())
    assert other.table.verticalHeaderItem(1).text() == "2 ✎"


def test_an_edited_cell_is_no_longer_named_as_stopped_early(qtbot, pane):
    _run(qtbot, pane, pane.translate_all)
    pane.controller.cut = {0, 1}   # as after replies cut at the length limit
    _edit(pane, 1, "The venue is City Hall.")
    assert pane.controller.cut == {0}
    assert "1" in pane.controller._cut_rows() and "2" not in pane.controller._cut_rows()
