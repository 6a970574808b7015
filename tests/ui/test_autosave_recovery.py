"""Nothing lost: autosave of the panes' text, the offer to restore after a crash, the question before closing.

The controller is checked on a pane of named text widgets (what it keeps when a
pane says nothing itself) and on a pane that keeps its own state. The crash itself — the real window
process killed mid-generation — is in ``test_crash_recovery_of_the_real_window``
(``tests/support/crash_session.py`` runs the first half in a child process).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.autosave import AutosaveStore
from desktop.ui import autosave_controller
from desktop.ui.autosave_controller import AutosaveController

ROOT = Path(__file__).resolve().parents[2]


class TextPane(QWidget):
    """A pane of one named editor: the controller keeps ``{objectName: text}`` for it."""

    def __init__(self) -> None:
        super().__init__()
        self.prompt_edit = QPlainTextEdit(self)
        self.prompt_edit.setObjectName("promptEdit")
        QVBoxLayout(self).addWidget(self.prompt_edit)


class StatefulPane(QWidget):
    """A pane that says itself what to keep (as a pane with a document and a table would)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows = ["", ""]
        self.unsaved = False

    def autosave_state(self) -> dict:
        return {"rows": list(self.rows)}

    def restore_autosave_state(self, state: dict) -> None:
        self.rows = list(state["rows"])

    def has_unsaved_output(self) -> bool:
        return self.unsaved


@pytest.fixture
def store(app_context) -> AutosaveStore:
    return AutosaveStore(app_context.paths.autosave)


def _answer_next_dialog(button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` on the next modal dialog, as the user would; its text goes into ``seen``."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()
    QTimer.singleShot(0, click)


def test_text_is_autosaved_within_two_seconds_and_offered_back_after_a_crash(qtbot, japanese, app_context, store):
    prompt = TextPane()
    table = StatefulPane()
    qtbot.addWidget(prompt)
    qtbot.addWidget(table)
    controller = AutosaveController(store, {"draft": prompt, "translate": table},
                                    titles={"draft": "下書き", "translate": "翻訳"})
    assert controller.start() == []  # a first start: nothing to offer
    assert controller.running and store.previous_session_crashed()

    prompt.prompt_edit.setPlainText("来週の会議の案内文。\n出席者は十名。")
    table.rows = ["第一段落", ""]
    qtbot.waitUntil(lambda: store.load("draft") is not None and store.load("translate") is not None, timeout=2500)
    saved = json.loads(store.load("draft"))
    assert saved["promptEdit"] == "来週の会議の案内文。\n出席者は十名。"
    assert json.loads(store.load("translate")) == {"rows": ["第一段落", ""]}
    assert controller.save_changes() == []  # nothing changed: nothing written
    if os.name == "posix":
        assert stat.S_IMODE((store.folder / "draft.txt").stat().st_mode) == 0o600
        assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700

    # The window dies here (no finish). The next start offers the text back.
    controller.timer.stop()
    new_prompt = TextPane()
    new_table = StatefulPane()
    qtbot.addWidget(new_prompt)
    again = AutosaveController(AutosaveStore(store.folder), {"draft": new_prompt, "translate": new_table},
                               titles={"draft": "下書き", "translate": "翻訳"})
    seen: list[str] = []
    _answer_next_dialog("復元", seen)
    assert again.start(new_prompt) == ["draft", "translate"]
    assert seen == ["前回は正常に終了しませんでした。作業中の文章を復元しますか？"]
    assert new_prompt.prompt_edit.toPlainText() == "来週の会議の案内文。\n出席者は十名。"
    assert new_table.rows == ["第一段落", ""]

    # A clean exit removes the copies: nothing is offered at the next start.
    again.finish()
    assert store.recoverable() == {} and not store.previous_session_crashed()
    third = AutosaveController(AutosaveStore(store.folder), {"draft": TextPane()})
    assert third.start() == []
    third.finish()


def test_discard_throws_the_saved_text_away(qtbot, japanese, app_context, store):
    store.begin_session()  # a session that never ended
    store.save("draft", json.dumps({"promptEdit": "消えてよい文章"}, ensure_ascii=False))
    store.save("unknown", "a pane this version does not have")
    pane = TextPane()
    qtbot.addWidget(pane)
    controller = AutosaveController(store, {"draft": pane})
    seen: list[str] = []
    _answer_next_dialog("破棄", seen)
    assert controller.start(pane) == []
    assert seen and pane.prompt_edit.toPlainText() == ""
    assert store.recoverable() == {}
    controller.finish()


def test_a_crash_with_only_empty_editors_offers_nothing(qtbot, app_context, store, monkeypatch):
    store.begin_session()
    store.save("draft", json.dumps({"promptEdit": "   ", "streamingText": ""}))
    asked: list[list[str]] = []
    monkeypatch.setattr(autosave_controller, "ask_to_restore", lambda parent, titles: asked.append(titles) or True)
    pane = TextPane()
    qtbot.addWidget(pane)
    controller = AutosaveController(store, {"draft": pane})
    assert controller.start() == [] and asked == []
    controller.finish()


def test_unsaved_output_is_asked_about_before_closing(qtbot, japanese, app_context, store):
    pane = QWidget()
    output = QPlainTextEdit(pane)
    output.setObjectName("resultText")
    output.setReadOnly(True)
    QVBoxLayout(pane).addWidget(output)
    stateful = StatefulPane()
    qtbot.addWidget(pane)
    qtbot.addWidget(stateful)
    controller = AutosaveController(store, {"summarize": pane, "translate": stateful},
                                    titles={"summarize": "要約", "translate": "翻訳"})
    assert controller.confirm_close() is True  # nothing to lose: no question

    output.setPlainText("要約の結果")
    stateful.unsaved = True
    assert controller.unsaved_panes() == ["summarize", "translate"]
    seen: list[str] = []
    _answer_next_dialog("キャンセル", seen)
    assert controller.confirm_close(pane) is False
    assert seen == ["書き出していない結果があります。終了しますか？"]
    _answer_next_dialog("書き出さずに終了", seen)
    assert controller.confirm_close(pane) is True

    controller.mark_exported("summarize")  # saved to a file: no longer unsaved, until the next result
    stateful.unsaved = False
    assert controller.unsaved_panes() == []
    output.setPlainText("新しい要約")
    assert controller.unsaved_panes() == ["summarize"]


def test_screenshot_of_the_recovery_question(qtbot, japanese, shots):
    box, _restore = autosave_controller.build_recovery_box(None, ["下書き", "翻訳"])
    qtbot.addWidget(box)
    box.show()
    qtbot.wait(50)
    assert box.grab().save(str(shots / "history_recovery.png"))
    unsaved, _quit = autosave_controller.build_unsaved_box(None, ["要約"])
    qtbot.addWidget(unsaved)
    unsaved.show()
    qtbot.wait(50)
    assert unsaved.grab().save(str(shots / "history_unsaved.png"))


# ---------------------------------------------------------------------- the real window, killed


def descendants(pid: int) -> list[int]:
    """Every process started by ``pid`` (children, their children, ...), from /proc; a process
    that ends while it is read is left out."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").glob("*"))
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            queue += children
    return found


@pytest.mark.timeout(240)
@pytest.mark.skipif(not Path("/proc/self/task").exists() or not hasattr(signal, "SIGKILL"),
                    reason="needs /proc and SIGKILL")
def test_crash_recovery_of_the_real_window(qtbot, japanese, app_context, fumi_home, slow_model):
    from desktop.history import HistoryStore
    from desktop.ui.main_window import MainWindow
    from tests.support.window_driver import CRASH_TEXT

    env = {**os.environ, "FUMI_HOME": str(fumi_home), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.window_driver", "crash", str(slow_model)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = child.stdout.readline().strip()
        if line != "GENERATING":
            child.kill()
            pytest.fail(f"the window did not start generating: {line!r}\n{child.stderr.read()[-3000:]}")
        engine_pids = descendants(child.pid)
        child.send_signal(signal.SIGKILL)  # the window dies mid-generation, no clean exit
        child.wait(timeout=30)
        for pid in engine_pids:  # the engine would follow on its own; do not wait for it
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    history = HistoryStore(app_context.paths.history_db)
    assert history.count() == 0  # it was killed before the summary was done
    history.close()

    # The next start offers the text back, and restores it.
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    _answer_next_dialog("復元", seen)
    window.start()
    assert seen == ["前回は正常に終了しませんでした。作業中の文章を復元しますか？"]
    assert window.pages["summarize"].source_view.toPlainText() == CRASH_TEXT
    window.close()
    assert not AutosaveStore(app_context.paths.autosave).previous_session_crashed()


def test_quitting_the_window_with_an_unsaved_result_asks_first(qtbot, japanese, app_context):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    pane = window.pages["summarize"]
    pane.summary_view.setPlainText("まだ保存していない要約")
    window.history_recorder.result_made.emit("summarize")  # as when a summary is done
    seen: list[str] = []
    _answer_next_dialog("キャンセル", seen)
    assert window.request_close() is False and window.isVisible()
    assert seen == ["書き出していない結果があります。終了しますか？"]
    assert window.autosave.store.previous_session_crashed()  # still running: the session goes on
    _answer_next_dialog("書き出さずに終了", seen)
    assert window.request_close() is True and not window.isVisible()
    assert not window.autosave.store.previous_session_crashed()  # a clean exit
