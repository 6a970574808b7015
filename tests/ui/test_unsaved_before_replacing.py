"""Opening another document never silently drops a result kept nowhere else (issue #18), scripted engine.

With the history off, an edited summary or edited translations that were not
exported are asked about (保存 / 破棄 / キャンセル, default キャンセル) before
another file, a drop or pasted text replaces them. With the history on they
live on in their run's row, so nothing is asked.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from desktop.history import HistoryStore
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.history_recorder import HistoryRecorder
from desktop.ui.panes import unsaved_result
from desktop.ui.panes.summarize import SummarizePane
from desktop.ui.panes.translate import TranslatePane
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel
from tests.support.unsaved_answers import answer_unsaved

SUMMARY_SOURCE = "市立図書館は四月一日から開館時間を延長します。\n平日は午後八時まで開館します。"
TRANSLATE_SOURCE = "説明会を開きます。\n\n会場は市役所です。"
EDITED = "・四月一日から開館時間を延長する（課長確認済み）。"


def _context(with_history: bool, reply) -> AppContext:
    paths = Paths.default().ensure()
    engine = FakeEngine(ScriptedModel(reply), loaded=True)
    history = HistoryStore(paths.history_db) if with_history else None
    return AppContext(settings=Settings(paths, {"parallel": 1}), paths=paths, engine=engine, history=history)


@pytest.fixture
def other_file(tmp_path):
    path = tmp_path / "別の文書.txt"
    path.write_text("別の文書です。\n\n二つ目の段落です。", encoding="utf-8")
    return path


def _summary_pane(qtbot, with_history: bool, reply="・開館時間を延長する。") -> SummarizePane:
    context = _context(with_history, reply)
    pane = SummarizePane(context)
    if context.history is not None:
        recorder = HistoryRecorder(context.engine, context.history, pane)
        recorder.run_recorded.connect(pane.note_recorded)
        pane.recorder = recorder
    qtbot.addWidget(pane)
    pane.source_view.setPlainText(SUMMARY_SOURCE)
    assert pane.summarize()
    qtbot.waitUntil(lambda: not pane.controller.running and bool(pane.summary_view.text().strip()), timeout=10000)
    return pane


def test_an_edited_summary_without_history_is_asked_about_and_kept_on_cancel(qtbot, monkeypatch, other_file):
    pane = _summary_pane(qtbot, with_history=False)
    pane.summary_view.setPlainText(EDITED)
    asked = answer_unsaved(monkeypatch, unsaved_result.CANCEL)
    assert not pane.open_file(str(other_file))  # the same path a drop takes (the window calls open_file)
    assert len(asked) == 1
    qtbot.wait(200)
    assert pane.summary_view.text() == EDITED and pane.controller.source_path is None


def test_save_exports_the_summary_then_opens_the_file(qtbot, monkeypatch, other_file, tmp_path):
    pane = _summary_pane(qtbot, with_history=False)
    pane.summary_view.setPlainText(EDITED)
    answer_unsaved(monkeypatch, unsaved_result.SAVE)
    target = tmp_path / "要約.txt"
    monkeypatch.setattr("desktop.ui.panes.summarize.save_file_name", lambda *_args: str(target))
    assert pane.open_file(str(other_file))
    assert EDITED in target.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: pane.controller.source_path == other_file, timeout=10000)


def test_a_cancelled_save_opens_nothing_and_discard_opens(qtbot, monkeypatch, other_file):
    pane = _summary_pane(qtbot, with_history=False)
    pane.summary_view.setPlainText(EDITED)
    answer_unsaved(monkeypatch, unsaved_result.SAVE, unsaved_result.DISCARD)
    monkeypatch.setattr("desktop.ui.panes.summarize.save_file_name", lambda *_args: "")
    assert not pane.open_file(str(other_file))
    assert pane.summary_view.text() == EDITED
    assert pane.open_file(str(other_file))
    qtbot.waitUntil(lambda: pane.controller.source_path == other_file, timeout=10000)
    assert not pane.summary_view.text().strip()


def test_an_exported_summary_or_one_in_the_history_is_not_asked_about(qtbot, monkeypatch, other_file, tmp_path):
    asked = answer_unsaved(monkeypatch)
    pane = _summary_pane(qtbot, with_history=False)
    assert pane.save_file(str(tmp_path / "要約.txt"))
    assert pane.open_file(str(other_file))
    qtbot.waitUntil(lambda: pane.controller.source_path == other_file, timeout=10000)

    kept = _summary_pane(qtbot, with_history=True)
    qtbot.waitUntil(lambda: kept.result.current.run_id is not None, timeout=10000)
    run_id = kept.result.current.run_id
    kept.summary_view.setPlainText(EDITED)
    assert kept.open_file(str(other_file))
    qtbot.waitUntil(lambda: kept.controller.source_path == other_file, timeout=10000)
    assert asked == []
    assert kept._context.history.get(run_id).output == EDITED  # the edit lives on in its history run
    kept._context.history.close()


def _two_versions(qtbot, with_history: bool) -> SummarizePane:
    """A summarize pane showing 「◀ 2/2 ▶」: the first summary (version 1) and the second (shown)."""
    counter = itertools.count(1)
    pane = _summary_pane(qtbot, with_history, lambda _messages: f"・第{next(counter)}版の要約。")
    assert pane.summarize()
    qtbot.waitUntil(lambda: not pane.controller.running and pane.summary_view.text() == "・第2版の要約。",
                    timeout=10000)
    assert len(pane.result.versions) == 2
    return pane


def test_an_earlier_version_kept_nowhere_is_asked_about_though_the_shown_one_was_exported(
        qtbot, monkeypatch, other_file, tmp_path):
    pane = _two_versions(qtbot, with_history=False)
    assert pane.save_file(str(tmp_path / "第2版.txt"))
    asked = answer_unsaved(monkeypatch, unsaved_result.CANCEL, unsaved_result.SAVE)
    assert not pane.open_file(str(other_file))         # キャンセル: both versions stay
    assert len(asked) == 1 and len(pane.result.versions) == 2 and pane.summary_view.text() == "・第2版の要約。"
    first = tmp_path / "第1版.txt"
    exported: list[str] = []

    def export_name(*_args):
        exported.append(pane.summary_view.text())      # the version being exported is the one shown
        return str(first)

    monkeypatch.setattr("desktop.ui.panes.summarize.save_file_name", export_name)
    assert pane.open_file(str(other_file))             # 書き出し…: only version 1 needed exporting
    assert exported == ["・第1版の要約。"] and "・第1版の要約。" in first.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: pane.controller.source_path == other_file, timeout=10000)
    assert len(asked) == 2


def test_versions_exported_or_in_the_history_are_not_asked_about(qtbot, monkeypatch, other_file, tmp_path):
    asked = answer_unsaved(monkeypatch)
    pane = _two_versions(qtbot, with_history=False)
    assert pane.save_file(str(tmp_path / "第2版.txt"))
    assert pane.show_summary_version(-1) and pane.save_file(str(tmp_path / "第1版.txt"))
    assert pane.show_summary_version(1)
    assert pane.open_file(str(other_file))
    qtbot.waitUntil(lambda: pane.controller.source_path == other_file, timeout=10000)

    kept = _two_versions(qtbot, with_history=True)
    qtbot.waitUntil(lambda: all(v.run_id is not None for v in kept.result.versions.versions), timeout=10000)
    assert kept.open_file(str(other_file))
    qtbot.waitUntil(lambda: kept.controller.source_path == other_file, timeout=10000)
    assert asked == []
    kept._context.history.close()


def test_a_cancelled_export_of_an_earlier_version_keeps_every_version(qtbot, monkeypatch, other_file):
    pane = _two_versions(qtbot, with_history=False)
    answer_unsaved(monkeypatch, unsaved_result.SAVE)
    monkeypatch.setattr("desktop.ui.panes.summarize.save_file_name", lambda *_args: "")
    assert not pane.open_file(str(other_file))
    assert len(pane.result.versions) == 2 and pane.summary_view.text() == "・第2版の要約。"
    assert pane.has_unsaved_output()


def _translate_pane(qtbot) -> TranslatePane:
    counter = itertools.count(1)
    pane = TranslatePane(_context(False, lambda _messages: f"Version {next(counter)}."))
    qtbot.addWidget(pane)
    pane.set_languages("ja", "en")
    assert pane.controller.use_text(TRANSLATE_SOURCE)
    assert pane.translate_all()
    qtbot.waitUntil(lambda: not pane.controller.running and len(pane.controller.translations) == 2, timeout=10000)
    return pane


def test_edited_translations_without_history_are_asked_about_before_a_file_or_pasted_text(
        qtbot, monkeypatch, other_file):
    pane = _translate_pane(qtbot)
    pane.table.item(0, pane.TRANSLATION_COLUMN).setText("We will hold a briefing (checked).")
    asked = answer_unsaved(monkeypatch, unsaved_result.CANCEL, unsaved_result.CANCEL, unsaved_result.DISCARD)
    assert not pane.open_file(str(other_file))
    pane.paste_edit.setPlainText("新しい文章です。")
    pane._use_pasted_text()
    qtbot.wait(200)
    assert pane.controller.translations[0] == "We will hold a briefing (checked)."
    assert len(asked) == 2
    pane._use_pasted_text()
    assert pane.controller.translations == {} and len(pane.controller.segments) == 1


def test_each_version_is_suggested_its_own_file_name(qtbot, monkeypatch):
    """Exporting versions in turn must never suggest the previous version's file (an Enter would overwrite it)."""
    pane = _two_versions(qtbot, with_history=False)
    suggested: list[str] = []

    def remember(_parent, _title, name, _filters):
        suggested.append(Path(name).name)
        return ""

    monkeypatch.setattr("desktop.ui.panes.summarize.save_file_name", remember)
    pane.save_file()
    assert pane.show_summary_version(-1)
    pane.save_file()
    assert len(suggested) == 2 and suggested[0] != suggested[1]
    assert suggested[0].endswith("_2.docx") and suggested[1].endswith("_1.docx")
