"""The translate pane's translation column shows clean text; the marks stay with the controller for the .docx."""

from __future__ import annotations

from desktop.documents.marks import MARK, visible_text
from desktop.documents.model import PARAGRAPH, Block, Document
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes.translate import TranslatePane
from tests.support.fake_engine import FakeEngine
from tests.support.marks_translator import asked_text, keeping_marks
from tests.support.scripted_model import ScriptedModel

MARKED = "詳しくは<a1>市のホームページ</a1>をご覧ください（{f1}ページ）。"


def _document() -> Document:
    return Document(blocks=[
        Block(PARAGRAPH, "詳しくは市のホームページをご覧ください（3ページ）。", marked=MARKED, atoms={"f1": "3"}),
        Block(PARAGRAPH, "問い合わせは市民課まで。"),
    ], format="docx")


def _reply(messages) -> str:
    return keeping_marks(messages) if "<a1>" in asked_text(messages) else "Ask the Citizens Section."


def test_marks_never_show_in_the_translation_column_but_are_kept(qtbot):
    engine = FakeEngine(ScriptedModel(_reply, piece_size=3), loaded=True)  # marks split across deltas
    paths = Paths.default().ensure()
    pane = TranslatePane(AppContext(settings=Settings(paths, {"parallel": 1}), paths=paths, engine=engine))
    qtbot.addWidget(pane)
    pane.controller.set_document(_document())
    row = pane._rows[0]
    seen: list[str] = []
    pane.table.itemChanged.connect(lambda item: seen.append(item.text()) if item.row() == row else None)
    pane.set_languages("ja", "en")
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=20000):
        assert pane.translate_all()

    kept = pane.controller.translations[0]
    assert "<a1>" in kept and "{f1}" in kept                     # for the .docx writer
    shown = pane.table.item(row, pane.TRANSLATION_COLUMN).text()
    assert shown == visible_text(kept, {"f1": "3"}) and "3" in shown
    assert len(seen) > 2 and not any(MARK.search(text) or "<a" in text or "{f" in text for text in seen)
    other = pane.table.item(pane._rows[1], pane.TRANSLATION_COLUMN).text()
    assert other == pane.controller.translations[1] == "Ask the Citizens Section."  # not marked: as written

    # An edit is what the user typed; the row shows it (the writer fits an unmarked text to the paragraph).
    pane.table.item(row, pane.TRANSLATION_COLUMN).setText("See the city's website (page 3).")
    assert pane.controller.translations[0] == "See the city's website (page 3)."


def test_visible_text_while_streaming_hides_a_mark_cut_off_at_the_end():
    assert visible_text("詳しくは<a1>市</a1>を{f1}", {"f1": "3"}) == "詳しくは市を3"
    assert visible_text("詳しくは<a", streaming=True) == "詳しくは"
    assert visible_text("市</a", streaming=True) == "市"
    assert visible_text("（{f", streaming=True) == "（"
    assert visible_text("a < b", streaming=True) == "a < b"


def test_words_that_look_like_marks_show_and_export_as_they_are(qtbot, tmp_path):
    plain = "<b>タグ</b>は太字、{f1}は差込欄です。"
    document = Document(blocks=[
        Block(PARAGRAPH, plain),
        Block(PARAGRAPH, "太字と<b>の説明。", marked="<b>太字</b>と<\\b>の説明。", atoms={}),   # a real mark too
    ], format="docx")

    def reply(messages) -> str:
        asked = asked_text(messages)
        return keeping_marks(messages) if asked.startswith("<b>太字") else f"EN({asked})"

    engine = FakeEngine(ScriptedModel(reply, piece_size=3), loaded=True)
    paths = Paths.default().ensure()
    pane = TranslatePane(AppContext(settings=Settings(paths, {"parallel": 1}), paths=paths, engine=engine))
    qtbot.addWidget(pane)
    pane.controller.set_document(document)
    pane.set_languages("ja", "en")
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=20000):
        assert pane.translate_all()

    shown = [pane.table.item(pane._rows[i], pane.TRANSLATION_COLUMN).text() for i in (0, 1)]
    assert shown == [f"EN({plain})", "EN[太字]EN[と<b>の説明。]"]
    out = tmp_path / "訳.txt"
    assert pane.save_file(str(out), mode="text")
    written = out.read_text(encoding="utf-8-sig")
    assert f"EN({plain})" in written and "EN[太字]EN[と<b>の説明。]" in written
