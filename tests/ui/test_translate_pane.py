"""The translate pane with pytest-qt: the real engine process and the tiny model.

The tiny model's text is noise, so these tests check what the pane promises
(segments aligned, streaming into the right row, editing, re-translating one
segment, stop keeps what is done, export), not wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument

from desktop.engine.client import EngineClient
from desktop.glossary import Term, default_glossary_path, save_glossary
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes.translate import TranslatePane
from tests.support.seeding import fix_seed



@pytest.fixture
def context(qtbot):
    paths = Paths.default().ensure()
    engine = EngineClient()
    context = AppContext(settings=Settings(paths, {"max_tokens": 16}), paths=paths, engine=engine)
    yield context
    engine.shutdown()


@pytest.fixture
def loaded_context(context, qtbot, tiny_model):
    context.engine.start()
    with qtbot.waitSignal(context.engine.loaded, timeout=30000):
        context.engine.load(str(tiny_model), n_ctx=2048, n_threads=1)
    fix_seed(context.engine)  # the random model then cuts the same segments at the length limit every run
    return context


def _pane(qtbot, context) -> TranslatePane:
    pane = TranslatePane(context)
    qtbot.addWidget(pane)
    pane.resize(1100, 720)
    pane.show()
    return pane


def _wait_idle(qtbot, pane, timeout=60000):
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=timeout)


def test_translate_is_disabled_with_a_hint_until_a_model_is_loaded(qtbot, context):
    pane = _pane(qtbot, context)
    assert pane.controller.use_text("お知らせです。")
    assert not pane.run_button.isEnabled()
    assert pane.notice.isVisible()
    assert "モデル" in pane.notice.text() or "model" in pane.notice.text().lower()
    assert not pane.translate_all()
    assert pane.status_label.text()


def test_a_bad_document_gives_a_clear_message_and_keeps_the_pane(qtbot, context, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip file at all")
    pane = _pane(qtbot, context)
    pane.open_file(str(broken))  # read off the UI thread: the answer comes by signal
    qtbot.waitUntil(lambda: "broken.docx" in pane.notice.text(), timeout=10000)
    assert pane.notice.isVisible() and "broken.docx" in pane.notice.text()
    assert pane.stack.currentIndex() == 0


def test_same_source_and_target_is_refused_before_running(qtbot, loaded_context):
    pane = _pane(qtbot, loaded_context)
    pane.controller.use_text("日本語の文章です。")
    pane.set_languages("auto", "ja")
    assert not pane.translate_all()
    assert "同じ言語" in pane.status_label.text()


def test_a_small_document_translates_into_aligned_rows_and_exports(qtbot, loaded_context, tmp_path, shots):
    save_glossary(default_glossary_path(loaded_context.paths), [Term("区市町村", "municipalities")])
    source = tmp_path / "notice.docx"
    docx = DocxDocument()
    docx.add_heading("お知らせ", level=1)
    docx.add_paragraph("区市町村の皆様へ。")
    docx.add_paragraph("")
    docx.add_paragraph("ごみの出し方が変わります。")
    docx.save(source)

    pane = _pane(qtbot, loaded_context)
    assert pane.open_file(str(source))
    qtbot.waitUntil(lambda: pane.controller.source_path == source, timeout=10000)  # read off the UI thread
    segments = pane.controller.segments
    assert [s.text for s in segments] == ["お知らせ", "区市町村の皆様へ。", "ごみの出し方が変わります。"]
    assert pane.table.rowCount() == 3
    assert pane.target_language() == "en"

    started = []
    pane.controller.segment_started.connect(started.append)
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=60000):
        assert pane.translate_all()
    assert sorted(started) == [s.index for s in segments]  # segments run at once: each starts once, in any order
    for row, segment in enumerate(segments):
        assert pane.table.item(row, 0).text() == segment.text
        assert pane.table.item(row, 1).text() == pane.controller.translations[segment.index]
    # The noise output never contains "municipalities": that row is flagged with the term in its tooltip.
    flagged_row = 1
    assert pane.is_flagged(segments[flagged_row].index)
    assert "区市町村 → municipalities" in pane.table.item(flagged_row, 1).toolTip()
    # The heading has no glossary term (the noise may still be flagged as cut at the length limit).
    assert "区市町村" not in pane.table.item(0, 1).toolTip()
    pane.grab().save(str(shots / "translate_done.png"))

    # Editing a translation keeps it and clears the flag once the term is used.
    pane.table.item(flagged_row, 1).setText("To all municipalities.")
    assert pane.controller.translations[segments[flagged_row].index] == "To all municipalities."
    assert not pane.is_flagged(segments[flagged_row].index)

    out = tmp_path / "notice_en.docx"
    assert pane.save_file(str(out))
    translated = DocxDocument(str(out))
    # The same paragraphs, then the AI-assistance line (on by default for every export).
    assert len(translated.paragraphs) == len(DocxDocument(str(source)).paragraphs) + 1
    assert translated.paragraphs[1].text == "To all municipalities."
    assert "AI" in translated.paragraphs[-1].text
    bilingual = tmp_path / "notice_bilingual.docx"
    assert pane.save_file(str(bilingual), mode="bilingual")
    assert DocxDocument(str(bilingual)).tables

    # The noise never ends on its own: segments cut at the length limit are counted and named in the status.
    assert pane.controller.cut
    # A failed export keeps every translation in the pane.
    blocked = tmp_path / "blocked.docx"
    blocked.mkdir()
    assert not pane.save_file(str(blocked))
    assert pane.controller.translations[segments[flagged_row].index] == "To all municipalities."


def test_one_segment_is_translated_again_on_its_own(qtbot, loaded_context):
    pane = _pane(qtbot, loaded_context)
    pane.controller.use_text("一つ目です。\n\n二つ目です。\n\n三つ目です。")
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=60000):
        pane.translate_all()
    first, second, third = (pane.controller.translations[s.index] for s in pane.controller.segments)
    pane.table.item(0, 1).setText("First, edited.")
    pane.table.selectRow(1)
    assert pane.retranslate_button.isEnabled()
    started = []
    pane.controller.segment_started.connect(started.append)
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=60000):
        assert pane.retranslate_selected()
    assert started == [pane.controller.segments[1].index]
    assert pane.table.item(0, 1).text() == "First, edited."
    assert pane.table.item(2, 1).text() == third


def test_stop_keeps_the_segments_already_translated(qtbot, loaded_context, shots):
    pane = _pane(qtbot, loaded_context)
    pane.controller.use_text("\n\n".join(f"これは {n} 番目の段落です。" for n in range(60)))
    pane.controller.segment_finished.connect(lambda *_: pane.controller.stop())
    with qtbot.waitSignal(pane.controller.runner.failed, timeout=60000) as failed:
        pane.translate_all()
    assert failed.args[0] == "cancelled"
    done = pane.controller.translations
    assert 1 <= len(done) < 60
    for row, segment in enumerate(pane.controller.segments):     # no half-streamed text is left behind
        assert pane.table.item(row, 1).text() == done.get(segment.index, "")
    assert "翻訳済み" in pane.status_label.text() or "kept" in pane.status_label.text()
    pane.grab().save(str(shots / "translate_stopped.png"))


def test_glossary_editor_imports_edits_and_saves_the_user_glossary(qtbot, context, tmp_path):
    from desktop.glossary import load_glossary
    from desktop.ui.glossary_editor import GlossaryEditor

    path = default_glossary_path(context.paths)
    save_glossary(path, [Term("住民票", "resident record")])
    editor = GlossaryEditor(path)
    qtbot.addWidget(editor)
    assert [t.source for t in editor.terms()] == ["住民票"]
    shift_jis = tmp_path / "office.csv"
    shift_jis.write_bytes("原語,訳語,メモ\n区市町村,municipalities,都\n住民票,certificate of residence,\n".encode("cp932"))
    assert editor.import_file(str(shift_jis))
    assert editor.terms() == [Term("住民票", "certificate of residence"), Term("区市町村", "municipalities", "都")]
    editor.add_row()
    editor.table.item(2, 0).setText("市民課")
    editor.table.item(2, 1).setText("Citizens Division")
    editor.filter_edit.setText("市民")
    assert editor.table.isRowHidden(0) and not editor.table.isRowHidden(2)
    assert editor.save()
    assert load_glossary(path)[-1] == Term("市民課", "Citizens Division")
    exported = tmp_path / "out.csv"
    assert editor.export_file(str(exported))
    assert load_glossary(exported) == load_glossary(path)


def test_a_segment_cut_at_the_length_limit_or_with_damaged_marks_is_marked_in_its_row(qtbot, context, shots):
    pane = _pane(qtbot, context)
    assert pane.open_file(str(Path(__file__).resolve().parents[1] / "data" / "translation" / "sym_checkboxes.docx"))
    qtbot.waitUntil(lambda: len(pane.controller.segments) == 2, timeout=10000)   # read off the UI thread
    first, second = (s.index for s in pane.controller.segments)
    pane.controller._on_section(first, "Attendance: {sym1}present {sym2}absent",
                                {"flags": ["truncated"], "missing_terms": []})
    pane.controller._on_section(second, "I agree", {"flags": [], "missing_terms": []})
    assert pane.is_flagged(first) and not pane.is_flagged(second)
    tip = pane._translation_item(first).toolTip()
    assert "length limit" in tip or "上限" in tip
    pane.controller._on_section(second, "I agree", {"flags": ["marks"], "missing_terms": []})
    assert pane.is_flagged(second)
    pane.resize(1280, 720)
    pane.grab().save(str(shots / "translate_flags.png"))
    # Editing the text by hand clears the reason to look.
    pane.table.item(0, 1).setText("Attendance: {sym1}present {sym2}absent.")
    assert not pane.is_flagged(first)


def test_opening_or_dropping_a_document_while_translating_is_refused_with_a_message(qtbot, japanese, loaded_context,
                                                                                   tmp_path):
    from desktop.documents import document_from_text

    pane = _pane(qtbot, loaded_context)
    pane.controller.use_text("\n\n".join(f"これは {n} 番目の段落です。" for n in range(40)))
    other = tmp_path / "別の文書.txt"
    other.write_text("別の文書です。", encoding="utf-8")
    pane.translate_all()
    assert pane.controller.running
    assert not pane.open_file(str(other))  # Ctrl+O and a drop on the window come here
    assert pane.status_label.text() == "翻訳中は別の文書を開けません。停止してから開いてください。"
    pane._files_dropped([str(other)])  # a drop on the pane
    pane.controller._on_document_read(str(other), document_from_text("別の文書です。"))  # read before the run began
    assert pane.controller.running and len(pane.controller.segments) == 40
    pane.controller.stop()
    _wait_idle(qtbot, pane)
    assert pane.controller.source_path is None and len(pane.controller.segments) == 40
