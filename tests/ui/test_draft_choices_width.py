"""下書き at 1280×720 in Japanese: 長さ / 文体 / 書きぶり show their longest choice whole (no 「テンプレートどお…」)."""

from __future__ import annotations

from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel


def test_the_draft_choices_are_as_wide_as_their_longest_item(qtbot, window_over, shots) -> None:
    window = window_over(FakeEngine(ScriptedModel("・結果です。"), loaded=True))
    window.show_page("draft")
    qtbot.wait(100)
    window.grab().save(str(shots / "draft_choices.png"))
    draft = window.pages["draft"]
    for box in (draft.length_box, draft.tone_box, draft.manner_box):
        longest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        assert box.isVisible() and box.width() >= longest + 20, (box.itemText(0), box.width(), longest)
        assert box.visibleRegion().boundingRect().width() == box.width()
