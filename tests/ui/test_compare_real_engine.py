"""比較 → 「この結果を使う」 with the REAL engine: the window, its engine and one engine process per compared model.

The tiny model (``tests/support/gguf_factory.py``) is copied under two names;
each model runs in an engine process of its own through llama.cpp, and the
chosen column's text lands in the 翻訳 or 要約 pane. The tiny model's text is
noise, so the test checks where the text goes, not what it says. Between two
models the previous engine process is shut down without blocking the UI
thread: no ``QProcess.waitForFinished`` is called while comparing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.documents.pasted import document_from_pasted_text
from desktop.engine.client import EngineClient
from desktop.ui.main_window import MainWindow
from tests.support.compare_steps import set_up_comparison

pytestmark = pytest.mark.timeout(240)

WAIT_MS = 60_000
SOURCE = "市立図書館は四月一日から開館時間を延長します。\n平日は午後八時まで開館します。"


@pytest.fixture
def window(window_over):
    return window_over(EngineClient())


def _compare_and_use(qtbot, window: MainWindow, blocking_waits: list[int], kind: str, **inputs) -> None:
    compare = set_up_comparison(qtbot, window, kind, timeout_ms=WAIT_MS, **inputs)
    compare.max_tokens_box.setValue(24)
    compare.temperature_box.setValue(1.0)
    before = len(blocking_waits)
    engine_pids: list[int] = []
    make_engine = compare.controller.engine_factory

    def recorded_engine(owner):
        engine = make_engine(owner)
        engine.loaded.connect(lambda *_args: engine_pids.append(engine.pid()))
        return engine

    compare.controller.engine_factory = recorded_engine
    compare.run()
    assert compare.controller.running
    qtbot.waitUntil(lambda: not compare.controller.running, timeout=WAIT_MS)
    assert len(blocking_waits) == before, "the UI thread waited for an engine process to end"
    results = compare.controller.results
    assert [result.model for result in results] == ["alpha.gguf", "beta.gguf"]
    assert all(result.ok for result in results), [(r.error_code, r.error) for r in results]
    assert all(result.n_ctx for result in results)                 # each one was loaded by llama.cpp
    # every compared model's engine process has ended by the time the comparison says it is over
    assert len(engine_pids) == 2 and not any(Path(f"/proc/{pid}").exists() for pid in engine_pids)
    column = next(i for i, result in enumerate(results) if result.text.strip())
    button = compare.columns.columns[column].use_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_translation_compared_on_two_real_models_lands_in_the_translate_pane(
        qtbot, window, asked, blocking_waits) -> None:
    _compare_and_use(qtbot, window, blocking_waits, "translate", text="本日は晴天です。\n\n明日は雨です。")
    translate = window.pages["translate"]
    assert window.current_key() == "translate"
    controller = translate.controller
    assert "本日は晴天です。" in controller.document.text() and "明日は雨です。" in controller.document.text()
    chosen = next(result for result in window.pages["compare"].controller.results if result.text.strip())
    assert len(controller.translations) == 2
    assert sorted(controller.translations.values()) == sorted(chosen.extra["translations"].values())
    assert translate.has_unsaved_output()
    runs = window.context.history.search(pane="translate")
    assert len(runs) == 1 and runs[0].stats["compared"]


def test_a_summary_compared_on_two_real_models_lands_in_the_summarize_pane(
        qtbot, window, asked, blocking_waits) -> None:
    document = document_from_pasted_text(SOURCE).to_dict()
    _compare_and_use(qtbot, window, blocking_waits, "summarize", document=document, name="貼り付けた文章")
    summarize = window.pages["summarize"]
    assert window.current_key() == "summarize"
    chosen = next(result for result in window.pages["compare"].controller.results if result.text.strip())
    assert summarize.summary_view.toPlainText() == chosen.text
    assert "開館時間を延長します" in summarize.source_view.toPlainText()
    assert summarize.has_unsaved_output()
    runs = window.context.history.search(pane="summarize")
    assert len(runs) == 1 and runs[0].output == chosen.text and runs[0].model == chosen.model
