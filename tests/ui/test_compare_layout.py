"""The 比較 pane at 1280×720 in Japanese: inputs with room, four columns side by side, the fair settings stated.

The real ``MainWindow`` over ``FakeEngine``s answering with a ``ScriptedModel``
(the wording and the layout are checked here, not the model). Screenshots go
under ``tmp_path`` (``shots``) to look at.
"""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel

WAIT_MS = 30_000
LONG_ANSWER = ("市民の皆様へ。令和八年四月一日から、市立図書館の開館時間を午後八時まで延長します。"
               "詳しくは市のホームページをご覧ください。") * 3


def _window(window_over, two_models, answer: str):
    for name in ("gamma.gguf", "delta.gguf"):
        shutil.copyfile(two_models / "alpha.gguf", two_models / name)
    window = window_over(FakeEngine(ScriptedModel("・窓口の結果です。"), loaded=True))
    window.pages["compare"].controller.engine_factory = (
        lambda owner: FakeEngine(ScriptedModel(lambda _m: answer), parent=owner))
    window.show_page("compare")
    return window


def _ticked(qtbot, window, count: int):
    compare = window.pages["compare"]
    qtbot.waitUntil(lambda: compare.model_list.count() >= 4, timeout=WAIT_MS)
    for row in range(count):
        compare.model_list.item(row).setCheckState(Qt.CheckState.Checked)
    return compare


def _inside(widget, window) -> bool:
    """``widget`` is shown whole, inside the window and inside every parent's visible area."""
    rect = widget.visibleRegion().boundingRect()
    return widget.isVisible() and rect.width() == widget.width() and rect.height() == widget.height()


def test_the_draft_form_has_room_and_four_columns_share_the_width(qtbot, window_over, two_models, shots) -> None:
    window = _window(window_over, two_models, LONG_ANSWER)
    compare = _ticked(qtbot, window, 4)
    qtbot.wait(100)
    window.grab().save(str(shots / "compare_draft_inputs.png"))
    form = compare.form
    assert compare.sides.currentWidget() is compare.inputs
    assert compare.form_area.height() >= 400, compare.form_area.height()
    assert not compare.form_area.horizontalScrollBar().isVisible()
    for child in form.findChildren(type(compare.run_button)) + form.findChildren(type(compare.status)):
        if child.isVisible() and child.text():
            assert _inside(child, window), child.text()
    # the list names models as the columns do: the catalogue's name, else the file name
    assert [compare.model_list.item(row).text() for row in range(4)] == [
        "alpha.gguf", "beta.gguf", "delta.gguf", "gamma.gguf"]

    compare.job_box.setCurrentIndex(3)
    compare.prompt_text.setPlainText("会議の案内を書いてください。")
    compare.seed_box.setValue(7)
    compare.run()
    qtbot.waitUntil(lambda: not compare.controller.running, timeout=WAIT_MS)
    qtbot.wait(100)
    window.grab().save(str(shots / "compare_four_results.png"))
    assert compare.sides.currentWidget() is compare.columns
    columns = compare.columns.columns
    assert [column.title.text() for column in columns] == ["alpha.gguf", "beta.gguf", "delta.gguf", "gamma.gguf"]
    assert not compare.columns.horizontalScrollBar().isVisible()
    for column in columns:
        assert _inside(column.use_button, window) and column.use_button.isEnabled()
        assert column.text.toPlainText() == LONG_ANSWER
    stated = compare.columns.settings_label
    assert stated.isVisible()
    assert "シード 7" in stated.text() and "temperature" in stated.text() and "512 トークン" in stated.text()
    assert compare.export_button.isEnabled()


def test_export_stays_off_after_a_run_that_produced_nothing(qtbot, window_over, two_models) -> None:
    window = _window(window_over, two_models, "")
    compare = _ticked(qtbot, window, 2)
    compare.job_box.setCurrentIndex(3)
    compare.prompt_text.setPlainText("会議の案内を書いてください。")
    compare.run()
    qtbot.waitUntil(lambda: not compare.controller.running, timeout=WAIT_MS)
    assert compare.controller.results and not compare.export_button.isEnabled()
    assert not compare.save_file()


def test_the_take_inputs_button_follows_the_job(qtbot, window_over, two_models) -> None:
    window = _window(window_over, two_models, LONG_ANSWER)
    compare = window.pages["compare"]
    button = compare.take_inputs_button
    for index, pane in ((0, "下書き"), (1, "要約"), (2, "翻訳")):
        compare.job_box.setCurrentIndex(index)
        assert button.text() == f"「{pane}」の入力を使う" and button.isEnabled()
    compare.job_box.setCurrentIndex(2)
    button.click()                                  # 翻訳 has no text yet: said, nothing changes
    assert "「翻訳」" in compare.status.text() and compare.job_box.currentData() == "translate"
    compare.job_box.setCurrentIndex(3)              # no pane gives a free prompt
    assert not button.isEnabled()
