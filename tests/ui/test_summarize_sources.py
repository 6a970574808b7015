"""The summarize pane with a scripted engine: the final summary's sources are checked and lead to the source.

The model (a ``ScriptedModel`` behind ``FakeEngine``) cites one real range and one
that does not exist (paragraphs 189–218 of a 188-paragraph document). The pane
must show the invented one marked, never as a real source, and a click on the
real one must highlight exactly those paragraphs.
"""

from __future__ import annotations

from desktop.messages import message
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes.summarize import SummarizePane
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel

PARAGRAPHS = 188


def reply(messages) -> str:
    content = messages[-1]["content"]
    if "【出典: 段落" in content:  # the combining prompts list the partial summaries under their sources
        return "・補助金を計上した。【出典: 段落 1–20】\n・説明会を開く。【出典: 段落 189–218】"
    return "・部分の要点です。"


def source_text() -> str:
    return "\n".join(f"{n}番目の段落です。補助金は{n}万円です。" for n in range(1, PARAGRAPHS + 1))


def test_an_invented_source_is_marked_and_a_real_one_highlights_its_paragraphs(qtbot, japanese, tmp_path):
    engine = FakeEngine(ScriptedModel(reply, n_ctx=4096))
    paths = Paths.default().ensure()
    context = AppContext(settings=Settings(paths, {"max_tokens": 512}), paths=paths, engine=engine)
    with qtbot.waitSignal(engine.loaded, timeout=5000):
        engine.load("scripted.gguf", n_ctx=4096)
    pane = SummarizePane(context)
    qtbot.addWidget(pane)
    pane.resize(1280, 720)
    pane.show()
    pane.new_text()
    pane.source_view.setPlainText(source_text())
    assert pane.summarize()
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=20000)

    stats = pane.controller.stats
    assert stats["parts"] > 1 and stats["invalid_citations"] == ["段落 189–218"]
    shown = pane.summary_view.toPlainText()
    assert message("summarize.source_not_found", "ja", label="段落 189–218") in shown
    assert "【出典: 段落 189–218】" not in shown
    assert pane.summary_view.extraSelections()  # the real source is shown as a link

    cursor = pane.summary_view.textCursor()
    cursor.setPosition(shown.index("段落 1–20"))
    pane.summary_view.setTextCursor(cursor)
    text = source_text()
    start, end = pane.highlighted
    assert text[start:end].startswith("1番目の段落です。") and text[start:end].endswith("20番目の段落です。補助金は20万円です。")

    cursor.setPosition(shown.index("出典不明"))
    pane.summary_view.setTextCursor(cursor)
    assert pane.highlighted == (start, end)  # the mark leads nowhere
    pane.grab().save(str(tmp_path / "summarize_sources.png"))
    engine.shutdown()
