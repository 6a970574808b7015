"""The summarize pane with pytest-qt, the real engine process and the tiny model at a 512-token context.

The tiny model's text is noise, so these tests check what the pane promises:
the plan before starting (tokens, parts), progress, partial summaries as they
are made, the final summary, stop keeps what is done, the way back to the
source, export, and clear messages for bad documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.engine.client import EngineClient
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.job_runner import CANCELLED
from desktop.ui.panes.summarize import SummarizePane
from tests.support.seeding import fix_seed

SENTENCES = ("市は子育て支援に12億円を計上した。", "住民は申請書を窓口に提出してください。",
             "説明会は5月10日に市民会館で開催します。", "対象は約3,500世帯です。")


def long_report(chapters: int = 4, paragraphs: int = 5) -> str:
    lines = []
    for chapter in range(1, chapters + 1):
        lines += [f"第{chapter}章 事業の概要", ""]
        for number in range(paragraphs):
            lines += ["".join(SENTENCES[(chapter + number + k) % 4] for k in range(4)), ""]
    return "\n".join(lines)


@pytest.fixture
def context(qtbot):
    paths = Paths.default().ensure()
    engine = EngineClient()
    context = AppContext(settings=Settings(paths, {"max_tokens": 8}), paths=paths, engine=engine)
    yield context
    engine.shutdown()


@pytest.fixture
def loaded_context(context, qtbot, tiny_model):
    context.engine.start()
    with qtbot.waitSignal(context.engine.loaded, timeout=30000):
        context.engine.load(str(tiny_model), n_ctx=512, n_threads=1)
    fix_seed(context.engine)  # with a random seed the random model now and then ends before its length limit
    return context


def _pane(qtbot, context) -> SummarizePane:
    pane = SummarizePane(context)
    qtbot.addWidget(pane)
    pane.resize(1200, 760)
    pane.show()
    return pane


def _open_report(pane, tmp_path, qtbot, **kwargs) -> Path:
    path = tmp_path / "報告書.txt"
    path.write_text(long_report(**kwargs), encoding="utf-8")
    assert pane.open_file(str(path))
    qtbot.waitUntil(lambda: pane.controller.plan is not None, timeout=90000)
    return path


def test_summarize_is_disabled_with_a_hint_until_a_model_is_loaded(qtbot, context, tmp_path):
    pane = _pane(qtbot, context)
    path = tmp_path / "a.txt"
    path.write_text("お知らせです。", encoding="utf-8")
    assert pane.open_file(str(path))  # read off the UI thread
    qtbot.waitUntil(lambda: pane.controller.source_path == path, timeout=10000)
    assert not pane.run_button.isEnabled()
    assert pane.notice.isVisible()
    assert not pane.summarize()


def test_a_bad_document_gives_a_clear_message_and_keeps_what_was_open(qtbot, context, tmp_path):
    pane = _pane(qtbot, context)
    good = tmp_path / "a.txt"
    good.write_text("残る文書です。", encoding="utf-8")
    assert pane.open_file(str(good))
    qtbot.waitUntil(lambda: pane.controller.source_path == good, timeout=10000)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip file at all")
    pane.open_file(str(broken))  # read off the UI thread: the answer comes by signal
    qtbot.waitUntil(lambda: "broken.docx" in pane.notice.text(), timeout=10000)
    assert pane.notice.isVisible() and "broken.docx" in pane.notice.text()
    assert pane.source_view.toPlainText() == "残る文書です。"
    assert pane.controller.source_path == good


def test_long_document_in_parts_with_progress_sections_and_result(qtbot, japanese, loaded_context, tmp_path, shots):
    pane = _pane(qtbot, loaded_context)
    _open_report(pane, tmp_path, qtbot)
    plan = pane.controller.plan
    assert plan["parts"] > 3 and not plan["one_pass"]
    assert str(plan["parts"]) in pane.plan_label.text() and f"{plan['source_tokens']:,}" in pane.plan_label.text()

    seen_totals: list[int] = []
    pane.controller.progress.connect(lambda done, total, label: seen_totals.append(total) if label == "summarize.part" else None)
    assert pane.summarize()
    assert pane.stop_button.isEnabled() and not pane.run_button.isEnabled()
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=240000)

    assert pane.parts_list.count() == plan["parts"]
    assert set(seen_totals) == {plan["parts"]}
    assert pane.controller.stats["parts"] == plan["parts"]
    # Qt's text document stores a bare "\r" (random weights emit one now and then) as a line break
    shown_as = pane.controller.summary.replace("\r\n", "\n").replace("\r", "\n")
    assert pane.summary_view.toPlainText() == shown_as and pane.controller.summary
    assert "部分に分けて" in pane.plan_label.text() and "経過" in pane.progress_label.text()

    # Choosing a partial summary highlights where it came from.
    index, _text, meta = pane.controller.sections[2]
    pane.parts_list.setCurrentRow(2)
    assert pane.highlighted == (meta["start"], meta["end"])
    assert pane.source_view.extraSelections()
    pane.grab().save(str(shots / "summarize.png"))

    # A point of the final summary citing a source finds it too.
    pane.summary_view.setPlainText(f"・要点です。【出典: {meta['source']}】")
    pane.parts_list.setCurrentRow(-1)
    pane.summary_view.moveCursor(pane.summary_view.textCursor().MoveOperation.End)
    same = [m for _i, _t, m in pane.controller.sections if m["source"] == meta["source"]]
    assert pane.highlighted == (same[0]["start"], same[-1]["end"])
    assert pane.highlighted[0] <= meta["start"] < meta["end"] <= pane.highlighted[1]

    out = tmp_path / "要約.docx"
    assert pane.save_file(str(out))
    assert out.is_file() and out.stat().st_size > 0
    md = tmp_path / "要約.md"
    assert pane.save_file(str(md)) and "要点です" in md.read_text(encoding="utf-8")


def test_stop_keeps_the_partial_summaries_made_so_far(qtbot, loaded_context, tmp_path):
    pane = _pane(qtbot, loaded_context)
    _open_report(pane, tmp_path, qtbot, chapters=12, paragraphs=8)
    assert pane.summarize()
    qtbot.waitUntil(lambda: len(pane.controller.sections) >= 2, timeout=60000)
    pane.controller.stop()
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=30000)
    finished = [pane.parts_list.item(row) for row in range(pane.parts_list.count())
                if pane.parts_list.item(row).data(Qt.ItemDataRole.UserRole) is not None]
    assert len(finished) >= 2 and len(finished) < pane.controller.plan["parts"]
    assert len(pane.controller.sections) == len(finished)
    assert pane.run_button.isEnabled()
    out = tmp_path / "途中.txt"
    assert pane.save_file(str(out))  # the partial summaries are exported when there is no final one
    assert "【出典:" in out.read_text(encoding="utf-8")


def test_a_stop_keeps_the_parts_written_part_way_on_screen_and_in_the_export(qtbot, context, tmp_path):
    """Several parts are written at once: a stop before any finished must not wipe what is on screen."""
    pane = _pane(qtbot, context)
    controller = pane.controller
    controller._on_part_delta(0, "・一つ目の部分の途中")
    controller._on_part_delta(2, "・三つ目の部分の途中")
    controller._on_part_delta(1, "")
    assert pane.parts_list.count() == 3
    controller._on_part_delta(0, "。続きの文章がまだまだ長く書かれていて一行には収まらないほどです")
    streaming = pane.parts_list.item(0).text()
    assert "\n" not in streaming and streaming.startswith("1. …") and streaming.endswith("収まらないほどです")
    controller._on_failed(CANCELLED, "")
    pane._set_running(False)
    rows = [pane.parts_list.item(row).text() for row in range(pane.parts_list.count())]
    assert rows == ["1. （途中で停止）\n・一つ目の部分の途中。続きの文章がまだまだ長く書かれていて一行には収まらないほどです",
                    "3. （途中で停止）\n・三つ目の部分の途中"]
    assert "途中まで書かれた 2 件" in pane.status_label.text()
    assert "部分要約 2 件のうち、できあがったのは 0 件" in pane.status_label.text()  # no plan: the parts seen
    out = tmp_path / "途中.txt"
    assert pane.save_file(str(out))
    text = out.read_text(encoding="utf-8")
    assert text.index("【部分 1（途中で停止）】\n・一つ目の部分の途中") < text.index("【部分 3（途中で停止）】")


def test_pasted_short_text_goes_in_one_pass(qtbot, japanese, loaded_context, shots):
    pane = _pane(qtbot, loaded_context)
    pane.new_text()
    pane.source_view.setPlainText("説明会のお知らせ\n説明会は5月10日に開催します。")
    assert pane.summarize()
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=60000)
    assert pane.controller.stats.get("one_pass") is True
    assert pane.source_view.toPlainText() == "説明会のお知らせ\n説明会は5月10日に開催します。"  # kept as typed
    assert pane.parts_list.count() == 0
    assert pane.summary_view.toPlainText()
    assert "一度で要約" in pane.plan_label.text() or "一度で要約" in pane.parts_title.text()
    # a short limit and a model that never ends: the summary was cut, and the pane says how to get the rest
    assert pane.controller.stats.get("finish_reason") == "length"
    limit = loaded_context.settings.get("max_tokens")
    assert f"長さの上限（{limit} トークン）" in pane.status_label.text() and "生成する文章の上限" in pane.status_label.text()
    assert not pane.summary_view.toPlainText().endswith("\ufffd")
    pane.grab().save(str(shots / "summarize_one_pass.png"))


def test_export_saves_control_characters_and_a_failed_export_keeps_the_summary(qtbot, context, tmp_path):
    pane = _pane(qtbot, context)
    text = "・件名：お知らせ\x0b（再送）\n・本文です。\x0c次のページ。"   # Word's text export (intake case)
    pane.summary_view.setPlainText(text)
    assert pane.save_file(str(tmp_path / "要約.docx"))
    blocked = tmp_path / "blocked.docx"
    blocked.mkdir()                                       # a folder where the file should go
    assert not pane.save_file(str(blocked))
    assert pane.summary_view.toPlainText() == text


def test_opening_a_document_while_summarizing_is_refused_with_a_message(qtbot, japanese, loaded_context, tmp_path):
    from desktop.documents import document_from_text

    pane = _pane(qtbot, loaded_context)
    report = _open_report(pane, tmp_path, qtbot, chapters=12, paragraphs=8)
    other = tmp_path / "別の文書.txt"
    other.write_text("別の文書です。", encoding="utf-8")
    assert pane.summarize()
    assert not pane.open_file(str(other))  # Ctrl+O and drops come here
    assert pane.status_label.text() == "要約中は別の文書を開けません。停止してから開いてください。"
    pane.controller._on_document_read(str(other), document_from_text("別の文書です。"))  # read before the run began
    assert pane.controller.running and pane.controller.source_path == report
    pane.controller.stop()
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=30000)
    assert pane.controller.source_path == report
