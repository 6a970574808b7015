"""The settings' 「生成する文章の上限」 (``max_tokens``) reaches the draft job, as it does summaries and translations.

The drafting pane over a scripted engine: the job's options carry the setting
as ``longest_reply``, and the model is asked for no more than it, yet a short
length keeps its own smaller budget.
"""

from __future__ import annotations

from desktop.ui.panes.draft import DraftPane
from tests.support.recorded_pane import recorded_pane


def _draft(qtbot, pane: DraftPane, length: str) -> dict:
    """Write a draft at ``length``; the options the job was sent."""
    pane.length_box.setCurrentIndex(pane.length_box.findData(length))
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=10000):
        assert pane.run_draft()
    qtbot.waitUntil(lambda: not pane.controller.running)
    return pane.context.engine.requests[-1].options


def test_the_longest_answer_setting_caps_the_draft(qtbot):
    pane, history = recorded_pane(qtbot, DraftPane, lambda _messages: "本文です。", settings={"max_tokens": 300})
    try:
        assert pane.select_template("minutes")
        pane.form.set_values({"meeting": "地域防災連絡会議", "notes": "・備蓄品を見直す"})
        model = pane.context.engine.model
        assert _draft(qtbot, pane, "long")["longest_reply"] == 300
        assert model.options[-1]["max_tokens"] == 300          # 長め's 2048 capped by the setting
        pane.context.settings.set("max_tokens", 4000)
        assert _draft(qtbot, pane, "short")["longest_reply"] == 4000
        assert model.options[-1]["max_tokens"] == 512          # 短め stays short
    finally:
        history.close()
