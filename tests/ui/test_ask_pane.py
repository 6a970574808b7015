"""The 質問 pane: library in the background, search without a model, answer with the real engine, sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.ui.panes.ask import AskPane
from tests.support.seeding import fix_seed

RULE = ("（書庫）\n第7条 書庫の鍵は総務課長が保管する。\n２ 貸出しは書庫鍵貸出簿により管理する。\n\n"
        "（公印）\n第8条 公印は課長が管理する。\n")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "規程集"
    folder.mkdir()
    (folder / "文書管理規程.txt").write_bytes(RULE.encode("cp932"))
    (folder / "壊れた.docx").write_bytes(b"PK\x03\x04 broken")
    return folder


def _indexed_pane(qtbot, app_context, library: Path) -> AskPane:
    pane = AskPane(app_context)
    qtbot.addWidget(pane)
    pane.resize(1280, 720)
    pane.show()
    qtbot.waitExposed(pane)
    with qtbot.waitSignal(pane.controller.indexing_changed, timeout=30_000,
                          check_params_cb=lambda running: running is False):
        pane.controller.add_folder(str(library))
    qtbot.waitUntil(lambda: "1" in pane.library_label.text() and not pane.failed_button.isHidden(), timeout=10_000)
    return pane


def test_library_state_and_not_found_without_a_model(qtbot, app_context, library: Path):
    pane = _indexed_pane(qtbot, app_context, library)
    assert str(library) in app_context.settings.get("library_folders")
    assert "1" in pane.failed_button.text()
    pane.question_edit.setPlainText("退職金の計算方法")
    pane.question_edit.setFocus()
    qtbot.keyClick(pane.question_edit, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "見つかりませんでした" in pane.output.text(), timeout=10_000)
    pane.question_edit.setPlainText("あ" * 10_000)
    assert not pane.controller.ask(pane.question_edit.toPlainText())
    assert "長すぎます" in pane.status_label.text()
    pane.controller.shutdown()


def test_answer_streams_and_sources_open_highlighted(qtbot, app_context, library: Path, tiny_model: Path,
                                                     japanese, tmp_path: Path):
    pane = _indexed_pane(qtbot, app_context, library)
    with qtbot.waitSignal(app_context.engine.loaded, timeout=60_000):
        app_context.engine.load(str(tiny_model), n_ctx=2048, n_threads=1)
    fix_seed(app_context.engine)  # with a random seed the random model now and then ends at once
    pane.question_edit.setPlainText("書庫の鍵は誰が保管しますか")
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=60_000):
        pane.controller.ask(pane.question_edit.toPlainText())
    assert pane.output.text().strip()
    assert pane.sources_list.count() >= 1 and "第7条" in pane.sources_list.item(0).text()
    pane.sources_list.setCurrentRow(0)
    assert "fff3b0" in pane.passage_view.toHtml().lower() and "<b>" not in pane.passage_view.toPlainText()
    assert "書庫" in pane.passage_view.toPlainText()
    assert "文書管理規程.txt" in pane.answer_with_sources()
    pane.grab().save(str(tmp_path / "ask_pane.png"))
    pane.controller.shutdown()


def test_with_an_embedding_model_the_library_gets_vectors_and_questions_use_them(
        qtbot, app_context, library: Path, tmp_path: Path, monkeypatch):
    import sqlite3

    from tests.support.gguf_factory import write_tiny_embedding_model

    models = tmp_path / "models"
    write_tiny_embedding_model(models / "tiny-e5-embedding.gguf")
    monkeypatch.setenv("FUMI_MODELS", str(models))
    pane = AskPane(app_context)
    qtbot.addWidget(pane)
    qtbot.waitUntil(lambda: pane.controller._question_embedder is not None, timeout=10_000)
    with qtbot.waitSignal(pane.controller.indexing_changed, timeout=60_000,
                          check_params_cb=lambda running: running is False):
        pane.controller.add_folder(str(library))
    with sqlite3.connect(app_context.paths.library_index) as db:
        passages = db.execute("SELECT count(*) FROM passages").fetchone()[0]
        assert passages and db.execute("SELECT count(*) FROM vectors").fetchone()[0] == passages
    with qtbot.waitSignal(pane.controller.sources_changed, timeout=30_000,
                          check_params_cb=lambda sources: bool(sources)):
        pane.controller.ask("書庫の鍵")
    assert "第7条" in pane.sources_list.item(0).text()
    pane.controller.shutdown()


def test_opening_or_dropping_a_file_adds_its_folder_to_the_library(qtbot, app_context, library: Path):
    pane = AskPane(app_context)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.controller.indexing_changed, timeout=30_000,
                          check_params_cb=lambda running: running is False):
        assert pane.open_file(str(library / "文書管理規程.txt"))
    assert str(library) in app_context.settings.get("library_folders")
