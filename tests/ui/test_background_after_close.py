"""Background work that ends after the window (or the pane that asked) is gone is dropped quietly.

Model discovery, document reading and the check pane's calls run on a thread
pool; a result that comes after its receiver was closed or deleted must not
touch deleted widgets ("QListWidget already deleted") nor fail on the pool
thread ("Signal source has been deleted"). pytest-qt fails a test on either.
"""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from desktop.ui import model_panel
from desktop.ui.document_loader import DocumentLoader
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.check_background import BackgroundCalls

POOL_TIMEOUT_MS = 60_000


def _window_looking_for_models(app_context) -> MainWindow:
    window = MainWindow(app_context)
    window.show()
    window.start()
    assert window.model_panel.discovery.running
    return window


def test_deleting_the_window_while_models_are_looked_for(qtbot, app_context, models_dir):
    window = _window_looking_for_models(app_context)
    shiboken6.delete(window)
    assert QThreadPool.globalInstance().waitForDone(POOL_TIMEOUT_MS)
    qtbot.wait(100)   # the result is delivered now, to nobody


def test_a_closed_window_takes_no_model_list_even_when_deleted_while_it_comes(qtbot, app_context, models_dir,
                                                                             monkeypatch):
    window = _window_looking_for_models(app_context)
    heard: list[list] = []
    window.model_panel.discovery_finished.connect(heard.append)
    window.close()
    fill = model_panel.ModelPanel._fill_list

    def deleted_meanwhile(panel) -> None:   # as when garbage collection frees the window during the delivery
        shiboken6.delete(window)
        fill(panel)

    monkeypatch.setattr(model_panel.ModelPanel, "_fill_list", deleted_meanwhile)
    assert QThreadPool.globalInstance().waitForDone(POOL_TIMEOUT_MS)
    qtbot.wait(100)
    assert heard == []
    if shiboken6.isValid(window):
        shiboken6.delete(window)


def test_a_document_read_for_a_closed_pane_is_dropped(qtbot, tmp_path):
    source = tmp_path / "お知らせ.txt"
    source.write_text("説明会のお知らせです。", encoding="utf-8")
    pane = QWidget()
    loader = DocumentLoader(pane)
    heard: list[str] = []
    loader.loaded.connect(lambda _path, text: heard.append(text))
    loader.load(source)
    shiboken6.delete(pane)
    assert QThreadPool.globalInstance().waitForDone(POOL_TIMEOUT_MS)
    qtbot.wait(100)
    assert heard == []

    kept = DocumentLoader()
    with qtbot.waitSignal(kept.loaded, timeout=POOL_TIMEOUT_MS) as blocker:
        kept.load(source)
    assert blocker.args == [str(source), "説明会のお知らせです。"]


def test_a_check_call_for_a_closed_pane_is_dropped(qtbot):
    pane = QWidget()
    calls = BackgroundCalls(pane)
    heard: list[tuple] = []
    calls.done.connect(lambda token, result, error: heard.append((token, result, error)))
    release = threading.Event()
    calls.submit(lambda: release.wait(10) and "結果")
    release.set()
    shiboken6.delete(pane)   # waits for the running call, whose result then has no receiver
    qtbot.wait(100)
    assert heard == []


def test_a_shared_template_read_for_a_closed_preview_is_dropped(qtbot, tmp_path):
    from desktop.settings import Paths
    from desktop.templates import TemplateStore
    from desktop.ui.template_import_dialog import TemplateImportDialog
    from tests.unit.test_template_sharing import make_letterhead, write_template

    make_letterhead(tmp_path / "shared" / "lh.docx", body="〇〇市総務部総務課")
    store = TemplateStore.for_paths(Paths.default().ensure())
    dialog = TemplateImportDialog(store, write_template(tmp_path / "shared", "lh.docx"), "ja")
    shiboken6.delete(dialog)
    assert QThreadPool.globalInstance().waitForDone(POOL_TIMEOUT_MS)
    qtbot.wait(100)
