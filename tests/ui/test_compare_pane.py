"""The 比較 pane with real engine processes: columns fill in, a broken model fails alone, Esc stops."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt

from desktop.ui.panes.compare import ComparePane


@pytest.fixture
def compare_models(tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two copies of the tiny model and a file that only looks like a model."""
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copyfile(tiny_model, folder / "alpha.gguf")
    shutil.copyfile(tiny_model, folder / "beta.gguf")
    (folder / "gamma.gguf").write_bytes(tiny_model.read_bytes()[:2000])
    monkeypatch.setenv("FUMI_MODELS", str(folder))
    return folder


def _pane(qtbot, app_context) -> ComparePane:
    pane = ComparePane(app_context)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.model_list.count() >= 2, timeout=30_000)
    return pane


def _tick(pane: ComparePane, *names: str) -> None:
    for row in range(pane.model_list.count()):
        item = pane.model_list.item(row)
        if any(name in item.toolTip() for name in names):
            item.setCheckState(Qt.CheckState.Checked)


def test_two_models_fill_their_columns_with_figures_and_export(qtbot, app_context, compare_models, tmp_path,
                                                               japanese) -> None:
    pane = _pane(qtbot, app_context)
    pane.resize(1280, 720)
    _tick(pane, "alpha.gguf", "beta.gguf")
    assert pane.run_button.isEnabled()
    pane.set_job("prompt", text="会議の案内を書いてください。")
    pane.max_tokens_box.setValue(16)
    pane.run()
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=60_000)
    results = pane.controller.results
    assert [r.ok for r in results] == [True, True]
    assert all(r.generated_tokens and r.peak_rss_mb for r in results)
    assert results[0].text == results[1].text            # same weights, same seed: a fair run
    first = pane.columns.columns[0]
    assert first.text.toPlainText() == results[0].text
    assert "最初の文字まで" in first.figures.text()
    assert pane.export_button.isEnabled()
    out = tmp_path / "比較.docx"
    assert pane.export_to(out)
    assert Document(str(out)).tables[0].rows[0].cells[1].text == results[0].model
    pane.grab().save(str(tmp_path / "compare_pane.png"))


def test_a_broken_model_fails_in_its_own_column_and_the_next_still_runs(qtbot, app_context, compare_models,
                                                                       blocking_waits) -> None:
    pane = _pane(qtbot, app_context)
    qtbot.waitUntil(lambda: pane.model_list.count() >= 2, timeout=30_000)
    _tick(pane, "alpha.gguf", "beta.gguf")
    broken = str(compare_models / "gamma.gguf")
    models = pane.chosen_models()
    models.insert(0, ("gamma", broken, None))   # listed though the library would hide it
    from desktop.compare.settings import CompareSettings
    from desktop.ui.panes.compare_controller import CompareRequest

    pane.columns.reset([m[0] for m in models[:3]])
    request = CompareRequest(models[:3], "prompt", {"prompt": "テスト"}, {}, "test", CompareSettings(max_tokens=8))
    assert pane.controller.start(request)
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=60_000)
    broken_result, good, _other = pane.controller.results
    assert not broken_result.ok and broken_result.error_code == "model_corrupt"
    assert good.ok and good.generated_tokens == 8
    assert not blocking_waits                    # no engine was waited for on the UI thread


def test_esc_stops_the_running_model_and_skips_the_rest(qtbot, app_context, compare_models, slow_model,
                                                        blocking_waits) -> None:
    shutil.copyfile(slow_model, compare_models / "slow.gguf")
    pane = _pane(qtbot, app_context)
    qtbot.waitUntil(lambda: pane.model_list.count() >= 3, timeout=30_000)
    _tick(pane, "slow.gguf", "alpha.gguf")
    # the slow model first, with a long answer, so Esc lands while it runs
    models = sorted(pane.chosen_models(), key=lambda m: "slow" not in m[1])
    from desktop.compare.settings import CompareSettings
    from desktop.ui.panes.compare_controller import CompareRequest

    pane.columns.reset([m[0] for m in models])
    request = CompareRequest(models, "prompt", {"prompt": "テスト"}, {}, "test", CompareSettings(max_tokens=4000))
    pane.controller.start(request)
    qtbot.waitUntil(lambda: bool(pane.columns.columns[0].text.toPlainText()), timeout=60_000)
    assert pane.columns.columns[1].state.text() == pane.controller.tr("Waiting for its turn")  # not blank
    qtbot.keyClick(pane, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=30_000)
    stopped, skipped = pane.controller.results
    assert stopped.error_code == "cancelled" and stopped.text      # what was written stays
    assert skipped.error_code == "cancelled" and not skipped.text
    assert not skipped.ok                                          # a model never run is no result to export
    assert pane.status.text() == pane.tr("Comparison stopped.")
    assert not blocking_waits


def test_fewer_than_two_models_cannot_start(qtbot, app_context, compare_models) -> None:
    pane = _pane(qtbot, app_context)
    _tick(pane, "alpha.gguf")
    assert not pane.run_button.isEnabled()


def test_the_same_file_name_in_two_folders_gets_its_folder_in_the_column_title(
        qtbot, app_context, tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, japanese,
        shots: Path) -> None:
    folders = [tmp_path / "office", tmp_path / "usb"]
    for folder in folders:
        folder.mkdir()
        shutil.copyfile(tiny_model, folder / "tiny.gguf")
    monkeypatch.setenv("FUMI_MODELS", os.pathsep.join(map(str, folders)))
    pane = _pane(qtbot, app_context)
    _tick(pane, "tiny.gguf")
    pane.set_job("prompt", text="テスト")
    pane.max_tokens_box.setValue(16)
    pane.run()
    titles = [column.title.text() for column in pane.columns.columns]
    assert sorted(titles) == [f"tiny.gguf ({folder})" for folder in folders]
    qtbot.waitUntil(lambda: not pane.controller.running, timeout=60_000)
    assert [r.model for r in pane.controller.results] == ["tiny.gguf", "tiny.gguf"]
    assert [r.shown for r in pane.controller.results] == titles
    pane.resize(1280, 720)
    pane.grab().save(str(shots / "compare_same_name.png"))
