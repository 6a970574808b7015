"""The window's supporting parts: translations, logging, streaming view, pane registry, discovery."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop import i18n
from desktop.logsetup import setup_logging
from desktop.resources import resource_path
from desktop.ui import panes
from desktop.ui.widgets import StreamingTextView


def test_every_ui_translation_is_finished():
    text = (resource_path("i18n") / "ui_ja.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and "<translation></translation>" not in text


def test_ts_files_are_compiled_into_the_cache_and_rebuilt_when_stale(tmp_path):
    resources = tmp_path / "resources"
    (resources / "i18n").mkdir(parents=True)
    ts = resources / "i18n" / "demo_ja.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ja_JP">'
        "<context><name>Demo</name><message><source>Hello</source><translation>こんにちは</translation>"
        "</message></context></TS>",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    [qm] = i18n.compiled_translations("ja", cache, resources)
    assert qm == cache / "demo_ja.qm" and qm.stat().st_size > 0
    first = qm.stat().st_mtime
    assert i18n.compiled_translations("ja", cache, resources) == [qm] and qm.stat().st_mtime == first
    long_ago = time.time() - 3600
    os.utime(qm, (long_ago, long_ago))  # now the .ts is newer than its .qm
    i18n.compiled_translations("ja", cache, resources)
    assert qm.stat().st_mtime > long_ago + 60


def test_prebuilt_qm_files_are_preferred(tmp_path):
    prebuilt = tmp_path / "resources" / "i18n" / "qm"
    prebuilt.mkdir(parents=True)
    (prebuilt / "ui_ja.qm").write_bytes(b"")
    assert i18n.compiled_translations("ja", tmp_path / "cache", tmp_path / "resources") == [prebuilt / "ui_ja.qm"]


def test_lrelease_is_found():
    assert i18n.find_lrelease() is not None


def test_installed_translators_translate_the_ui(qapp, tmp_path):
    translators = i18n.install_translators(qapp, "ja", tmp_path)
    try:
        assert QCoreApplication.translate("Panes", "Draft") == "下書き"
        assert QCoreApplication.translate("StatusBar", "Offline") == "オフライン"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert i18n.install_translators(qapp, "en", tmp_path) == []


def test_logging_goes_to_the_file_without_a_console(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)
    log_file = tmp_path / "logs" / "fumi.log"
    handler = setup_logging(log_file)
    try:
        logging.getLogger("desktop.test").warning("a line for the log 文")
        handler.flush()
        assert "a line for the log 文" in log_file.read_text(encoding="utf-8")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_streaming_view_batches_deltas_and_keeps_them_in_order(qtbot):
    view = StreamingTextView()
    qtbot.addWidget(view)
    pieces = [f"{index}、" for index in range(200)]
    for piece in pieces:
        view.append_delta(piece)
    assert view.toPlainText() == ""  # nothing painted per delta
    assert view.text() == "".join(pieces)
    qtbot.waitUntil(lambda: view.toPlainText() == "".join(pieces), timeout=2000)
    view.append_delta("終")
    view.flush()
    assert view.toPlainText().endswith("199、終")
    view.clear()
    assert view.text() == ""


def test_a_missing_pane_module_is_an_error_not_a_stand_in(monkeypatch, app_context):
    monkeypatch.setattr(panes, "PANES", [("draft", "Draft", "desktop.ui.panes.no_such_pane:NoSuchPane")])
    with pytest.raises(ModuleNotFoundError):
        panes.create_pane("draft", app_context)

def test_an_error_inside_a_pane_module_is_not_hidden(monkeypatch, app_context, tmp_path):
    broken = tmp_path / "fumi_broken_pane.py"
    broken.write_text("import no_such_dependency_here\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(panes, "PANES", [("draft", "Draft", "fumi_broken_pane:BrokenPane")])
    with pytest.raises(ModuleNotFoundError):
        panes.create_pane("draft", app_context)


def test_discovery_runs_off_the_ui_thread_and_reports_by_signal(qtbot, monkeypatch, app_context):
    import threading

    import desktop.library as library
    from desktop.ui.model_discovery import ModelDiscovery

    threads: list[str] = []

    def fake_discover(settings):
        threads.append(threading.current_thread().name)
        return ["entry"]

    monkeypatch.setattr(library, "discover_models", fake_discover)
    discovery = ModelDiscovery(app_context.settings)
    with qtbot.waitSignal(discovery.finished, timeout=10_000) as blocker:
        discovery.start()
    assert blocker.args == [["entry"]]
    assert threads and threads[0] != threading.main_thread().name
    assert not discovery.running


def test_the_icon_and_style_exist():
    assert Path(resource_path("icons", "fumi.svg")).is_file()
    assert "#sidebar" in resource_path("styles", "fumi.qss").read_text(encoding="utf-8")


def test_uncaught_exceptions_are_logged_and_shown(tmp_path, monkeypatch):
    import desktop.logsetup as logsetup

    log_file = tmp_path / "fumi.log"
    handler = setup_logging(log_file)
    shown: list[str] = []
    monkeypatch.setattr(logsetup, "_show_error_dialog", lambda exc, details, path: shown.append(str(exc)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    import threading

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logsetup.install_excepthook(log_file)
    try:
        raise ValueError("boom in a slot")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    handler.flush()
    logging.getLogger().removeHandler(handler)
    handler.close()
    assert shown == ["boom in a slot"]
    text = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in text and "ValueError: boom in a slot" in text


def test_many_signal_emits_do_not_abort_the_program():
    """PySide6 6.12.0 on Python 3.11 leaks a reference to True per emit and aborts; the pinned version must not."""
    import subprocess

    code = (
        "import desktop.ui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class Source(QObject):\n"
        "    delta = Signal(str, str)\n"
        "source = Source()\n"
        "for _ in range(50000):\n"
        "    source.delta.emit('r1', 'x')\n"
        "print('survived')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        cwd=str(Path(__file__).resolve().parents[2]),
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout


def test_without_a_display_the_window_says_so_in_one_line():
    """On a Linux machine with no display, ``fumi`` explains instead of aborting inside Qt."""
    import os
    import subprocess

    from desktop.app import has_display

    assert has_display({}, "win32") and has_display({"DISPLAY": ":0"}, "linux")
    assert not has_display({}, "linux")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True,
                            timeout=60, cwd=str(Path(__file__).resolve().parents[2]))
    if not sys.platform.startswith("linux"):
        return
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "画面" in result.stderr
