"""The main window, offscreen: Japanese by default, welcome page, model panel, a pane that streams, state.

Runs the real engine process with the tiny model; its text is noise, so the
tests check what the window promises (lists, loads, streams, stops), not wording.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from desktop.settings import Settings
from desktop.ui.main_window import MODEL_PAGE, MainWindow
from desktop.ui.panes.translate import TranslatePane
from tests.support.recorded_pane import shown_window
from tests.support.seeding import fix_seed

LOAD_TIMEOUT_MS = 60_000


def _discover(qtbot, window: MainWindow) -> list:
    with qtbot.waitSignal(window.model_panel.discovery_finished, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.start()
    return blocker.args[0]


def _sidebar_texts(window: MainWindow) -> list[str]:
    return [window.sidebar.item(row).text() for row in range(window.sidebar.count()) if window.sidebar.item(row).text()]


def test_window_opens_in_japanese(qtbot, japanese, app_context):
    window = shown_window(qtbot, app_context)
    assert window.windowTitle() == "文 Fumi"
    assert _sidebar_texts(window) == ["下書き", "要約", "翻訳", "チェック", "質問", "比較", "モデル"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert any("ファイル" in text for text in menus)
    assert any("ヘルプ" in text for text in menus)
    assert window.status.offline_label.text().endswith("オフライン")
    assert "PC" in window.status.offline_label.toolTip()
    assert window.status.model_label.text() == "モデル未読み込み"


def test_welcome_page_when_no_model_is_found(qtbot, japanese, app_context, monkeypatch):
    window = shown_window(qtbot, app_context)
    assert _discover(qtbot, window) == [] or all(e.problem for e in window.model_panel.entries)
    panel = window.model_panel
    assert window.current_key() == MODEL_PAGE
    assert panel.stack.currentWidget() is panel.welcome
    assert ".gguf" in panel.welcome.findChildren(type(panel.welcome.folder_list))[2].text()
    assert str(app_context.paths.user_models) in panel.welcome.folder_list.text()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(panel.welcome.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].isLocalFile()
    assert Path(opened[0].toLocalFile()) == app_context.paths.user_models


def test_model_panel_lists_and_loads_and_a_translation_streams(qtbot, japanese, app_context, models_dir):
    window = shown_window(qtbot, app_context)
    entries = _discover(qtbot, window)
    panel = window.model_panel
    assert panel.stack.currentWidget() is panel.main_page
    names = [panel.model_list.item(row).text() for row in range(panel.model_list.count())]
    assert len(names) == 2
    assert any(name.startswith("broken") and "読み込めません" in name for name in names)
    usable = next(e for e in entries if not e.problem)
    panel.model_list.setCurrentRow(panel.entries.index(usable))
    assert panel.fact_labels["architecture"].text() == "llama"
    assert panel.fact_labels["ram"].text()  # the estimate against available memory

    progress: list[tuple[int, int]] = []
    app_context.engine.progress.connect(lambda _id, done, total, _label: progress.append((done, total)))
    with qtbot.waitSignal(panel.model_loaded, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(panel.load_button, Qt.MouseButton.LeftButton)
    assert progress and progress[-1][0] == progress[-1][1]
    assert app_context.engine.model_facts is not None
    assert "読み込み済み" in panel.loaded_notice.text()
    assert "モデル:" in window.status.model_label.text()
    assert Settings.load(app_context.paths).get("last_model") == str(usable.path)

    fix_seed(app_context.engine)  # with a random seed the random model now and then ends at once
    app_context.settings.set("max_tokens", 24)  # the tiny model's noise: a few tokens show that it streams
    pane = TranslatePane(app_context)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.controller.use_text("来週の会議は中止です。")
    assert pane.run_button.isEnabled()
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert pane.controller.translate("ja", "en", "desu_masu")
    assert "".join(pane.controller.translations.values()).strip()
    assert "トークン/秒" in window.status.speed_label.text()

    with qtbot.waitSignal(panel.model_unloaded, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(panel.unload_button, Qt.MouseButton.LeftButton)
    assert app_context.engine.model_facts is None
    assert not pane.run_button.isEnabled()


def test_the_last_model_is_offered_at_start(qtbot, japanese, app_context, models_dir, tiny_model):
    app_context.settings.set("last_model", str(models_dir / tiny_model.name))
    window = shown_window(qtbot, app_context)
    _discover(qtbot, window)
    assert window.notice.isVisible() and "前回" in window.notice.text()
    with qtbot.waitSignal(window.model_panel.model_loaded, timeout=LOAD_TIMEOUT_MS):
        window.notice.action_clicked.emit()
    assert not window.notice.isVisible()


def test_window_state_is_kept_apart_from_settings(qtbot, app_context):
    window = shown_window(qtbot, app_context)
    window.resize(1250, 700)
    window.show_page("translate")
    window.close()
    state = json.loads(app_context.paths.state_file.read_text(encoding="utf-8"))
    assert state["page"] == "translate" and state["geometry"]
    if app_context.paths.settings_file.exists():
        settings = json.loads(app_context.paths.settings_file.read_text(encoding="utf-8"))
        assert "geometry" not in settings and "page" not in settings

    again = shown_window(qtbot, app_context)
    assert again.current_key() == "translate"
    # Qt fits a restored width to the (800 px wide offscreen) screen, so only the height is exact here.
    assert again.height() == 700


def test_open_and_save_are_forwarded_to_the_current_pane(qtbot, app_context):
    window = shown_window(qtbot, app_context)
    calls: list[str] = []
    pane = window.pages["draft"]
    pane.open_file = lambda: calls.append("open")
    pane.save_file = lambda: calls.append("save")
    window.show_page("draft")
    window.open_action.trigger()
    window.save_action.trigger()
    assert calls == ["open", "save"]
    window.show_page(MODEL_PAGE)
    assert not window.open_action.isEnabled()


def test_closing_the_window_shuts_the_engine_down(qtbot, app_context):
    app_context.engine.start()
    qtbot.waitUntil(lambda: app_context.engine.state == "idle", timeout=LOAD_TIMEOUT_MS)
    window = shown_window(qtbot, app_context)
    window.close()
    assert app_context.engine.state == "stopped"


def test_a_model_that_will_not_fit_is_loaded_only_after_the_user_agrees(qtbot, app_context, models_dir, monkeypatch):
    from desktop.ui import model_facts

    window = shown_window(qtbot, app_context)
    _discover(qtbot, window)
    panel = window.model_panel
    panel.model_list.setCurrentRow(next(i for i, e in enumerate(panel.entries) if not e.problem))
    too_large = model_facts.Fit(2048, 64 * 2**30, 8 * 2**30, "too_large", "このモデルはメモリに収まりません")
    monkeypatch.setattr(model_facts, "ram_fit", lambda entry, n_ctx, lang=None, parallel=1: too_large)
    asked: list[str] = []
    monkeypatch.setattr(panel, "confirm_too_large", lambda entry, fit: asked.append(fit.message) or False)
    assert panel.load_selected() == ""
    assert asked == ["このモデルはメモリに収まりません"]
    assert app_context.engine.state == "stopped"  # nothing was asked of the engine

    monkeypatch.setattr(panel, "confirm_too_large", lambda entry, fit: True)
    with qtbot.waitSignal(panel.model_loaded, timeout=LOAD_TIMEOUT_MS):
        assert panel.load_selected()


def test_the_welcome_page_gives_way_once_a_model_is_put_in_the_folder(qtbot, app_context, tiny_model):
    window = shown_window(qtbot, app_context)
    _discover(qtbot, window)
    panel = window.model_panel
    assert panel.stack.currentWidget() is panel.welcome
    (app_context.paths.user_models / "mine.gguf").write_bytes(tiny_model.read_bytes())
    with qtbot.waitSignal(panel.discovery_finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(panel.welcome.refresh_button, Qt.MouseButton.LeftButton)
    assert panel.stack.currentWidget() is panel.main_page
    assert panel.model_list.count() == 1


def test_a_chat_template_warning_is_shown_with_the_loaded_model(qtbot, app_context, monkeypatch):
    window = shown_window(qtbot, app_context)
    panel = window.model_panel
    facts = {"name": "no-template", "path": "/x.gguf", "chat_template_warning": "チャットテンプレートがありません"}
    monkeypatch.setattr(type(app_context.engine), "model_facts", property(lambda self: facts))
    app_context.engine.loaded.emit("r-test", facts)
    assert not panel.template_notice.isHidden()
    assert panel.template_notice.text() == "チャットテンプレートがありません"


def test_the_model_pages_memory_estimate_follows_the_parts_at_once_setting(qtbot, app_context, models_dir):
    """設定 → 同時に作成する部分の数 → OK: the モデル page's RAM estimate is redone at once (issue 15),
    not only when another model is chosen."""
    window = shown_window(qtbot, app_context)
    entries = _discover(qtbot, window)
    panel = window.model_panel
    panel.model_list.setCurrentRow(entries.index(next(e for e in entries if not e.problem)))
    app_context.settings.set("parallel", 1)
    panel.update_memory_estimate()
    one_at_a_time = panel.fact_labels["ram"].text()
    dialog = window.open_settings()
    dialog.editors["parallel"].setValue(16)
    dialog.accept()
    assert app_context.settings.get("parallel") == 16
    assert panel.fact_labels["ram"].text() != one_at_a_time
