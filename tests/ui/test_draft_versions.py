"""Nothing typed is lost in the drafting pane, and 再作成 runs what the form shows (scripted engine).

A new run keeps the draft on screen, with the user's edits, as an earlier
version (「◀ 1/2 ▶」); edits go to the autosave and to the run's history row;
再作成 sends the form as it is now, and the very same request when nothing changed.
"""

from __future__ import annotations

import itertools

import pytest

from desktop.ui.panes.draft import DraftPane
from desktop.ui.panes.result_versions import ResultVersions
from tests.support.recorded_pane import recorded_pane


@pytest.fixture
def pane(qtbot):
    counter = itertools.count(1)
    pane, history = recorded_pane(qtbot, DraftPane, lambda _messages: f"第{next(counter)}案の本文です。")
    assert pane.select_template("minutes")
    pane.form.set_values({"meeting": "地域防災連絡会議", "notes": "・備蓄品を見直す"})
    yield pane
    history.close()


def _write(qtbot, pane: DraftPane, again: bool = False) -> None:
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=10000):
        assert pane.regenerate_draft() if again else pane.run_draft()
    qtbot.waitUntil(lambda: not pane.controller.running)


def test_rewrite_keeps_the_edited_draft_as_an_earlier_version(qtbot, pane):
    _write(qtbot, pane)
    assert pane.output.text() == "第1案の本文です。"
    assert not pane.version_nav.isVisibleTo(pane)
    pane.output.setPlainText("第1案の本文です。課長の修正を入れた。")

    _write(qtbot, pane, again=True)
    assert pane.output.text() == "第2案の本文です。"
    assert pane.version_nav.isVisibleTo(pane) and pane.version_nav.label.text() == "2/2"

    pane.version_nav.back_button.click()
    assert pane.output.text() == "第1案の本文です。課長の修正を入れた。"
    assert pane.version_nav.label.text() == "1/2" and not pane.version_nav.back_button.isEnabled()
    pane.version_nav.forward_button.click()
    assert pane.output.text() == "第2案の本文です。"

    state = pane.autosave_state()
    assert [v["text"] for v in state["versions"]["versions"]] == ["第1案の本文です。課長の修正を入れた。", "第2案の本文です。"]
    pane.output.clear()
    pane.restore_autosave_state(state)
    assert pane.output.text() == "第2案の本文です。" and len(pane.versions) == 2


def test_edits_are_written_to_the_runs_history_row(qtbot, pane):
    _write(qtbot, pane)
    qtbot.waitUntil(lambda: pane.versions.current.run_id is not None, timeout=5000)
    run_id = pane.versions.current.run_id
    pane.output.setPlainText("直した本文。")
    assert pane.keep_edit_in_history()   # also happens 1.5 s after the last keystroke
    run = pane.context.history.get(run_id)
    assert run.output == "直した本文。" and run.stats["edited"] is True


def test_rewrite_sends_what_the_form_shows_now(qtbot, pane):
    _write(qtbot, pane)
    first = pane.context.engine.requests[-1]
    _write(qtbot, pane, again=True)
    same = pane.context.engine.requests[-1]
    assert (same.inputs, same.options) == (first.inputs, first.options)  # unchanged: the cached prompt is reused

    pane.form.set_values({"meeting": "防災会議（第2回）"})
    pane.length_box.setCurrentIndex(pane.length_box.findData("short"))
    _write(qtbot, pane, again=True)
    changed = pane.context.engine.requests[-1]
    assert changed.inputs["fields"]["meeting"] == "防災会議（第2回）"
    assert changed.options["length"] == "short"


def test_versions_drop_the_oldest_and_survive_damaged_state():
    versions = ResultVersions()
    versions.keep_text("手で書いた")
    versions.begin("手で書いた、直した")
    versions.generated("生成")
    assert [v.text for v in versions.versions] == ["手で書いた、直した", "生成"]
    versions.restore({"versions": [{"text": 3}, "junk"], "index": 9})
    assert [v.text for v in versions.versions] == ["3"] and versions.index == 0
    versions.restore(None)
    assert len(versions) == 0 and versions.current is None


def test_the_missing_field_message_clears_once_the_field_is_filled(qtbot, pane):
    pane.form.set_values({"meeting": ""})
    assert not pane.run_draft()
    assert "会議名" in pane.status_label.text() or "Meeting" in pane.status_label.text()
    pane.form.widgets["meeting"].setText("防災会議")
    assert pane.status_label.text() == ""


def test_dialogs_start_in_documents_then_in_the_last_folder_used(qtbot, pane, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui import file_dialogs

    monkeypatch.setattr(file_dialogs, "_last_folder", "")
    starts: list[str] = []
    chosen = tmp_path / "出力" / "議事録.txt"
    chosen.parent.mkdir()

    def fake_save(_parent, _caption, start, _filter):
        starts.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    _write(qtbot, pane)
    assert pane.save_file()
    assert "第1案の本文です。" in chosen.read_text(encoding="utf-8")
    assert starts[0].startswith(file_dialogs.documents_folder())
    assert pane.save_file()
    assert starts[1].startswith(str(chosen.parent))
    assert file_dialogs.last_folder() == str(chosen.parent)
