"""Drive the real Fumi window in a child process, the way a person would, for the whole-program tests.

Run as ``python -m tests.support.window_driver SCENARIO MODEL`` with ``FUMI_HOME``
set. It starts Fumi through its real start-up (``desktop.app.run_app``: offline
guard, logging, translations, history, autosave, engine process) and, once the
window is up, works through it with the panes' public methods:

- ``crash``: type a text into the summarize pane, wait until it is autosaved,
  start a long summary, print ``GENERATING`` at the first streamed text and
  keep going — the test kills this process there;
- ``offline``: a draft, a summary and a translation, one after the other; each
  result is printed as a JSON line ``{"pane", "output"}``; then the window is
  closed normally.

Nothing here is part of Fumi; Fumi has no test hooks.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.support.seeding import fix_seed

CRASH_TEXT = "令和7年度 道路補修計画について\n市内の主要道路の補修を三年計画で進める。\n第一期は駅前通り。"
SOURCE_TEXT = "市立図書館は四月一日から開館時間を延長します。\n平日は午後八時まで開館します。\n土曜日と日曜日は午後六時までです。"
TIMEOUT_S = 120


def wait_until(predicate: Callable[[], bool], timeout_s: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def say(line: str) -> None:
    print(line, flush=True)


def main_window():
    from desktop.ui.main_window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def load_model(window, model: str) -> None:
    engine = window.context.engine
    loaded: list[str] = []
    engine.loaded.connect(lambda _id, _facts: loaded.append("yes"))
    engine.load(model, n_ctx=2048)
    wait_until(lambda: bool(loaded))
    fix_seed(engine)  # with a random seed the random model now and then ends at once: no result, no stream


def run_pane(pane, start: Callable[[], bool]) -> None:
    controller = pane.controller
    assert start(), "the pane did not start"
    wait_until(lambda: not controller.running)


def crash(window, model: str) -> None:
    load_model(window, model)
    window.context.settings.set("max_tokens", 4000)
    window.show_page("summarize")
    pane = window.pages["summarize"]
    pane.new_text()
    pane.source_view.setPlainText(CRASH_TEXT)
    store = window.autosave.store
    wait_until(lambda: CRASH_TEXT in (store.load("summarize") and json.loads(store.load("summarize")).get(
        "sourceText", "") or ""))
    engine = window.context.engine
    started: list[str] = []
    engine.delta.connect(lambda _id, _text: (not started) and (started.append("yes"), say("GENERATING")))
    assert pane.summarize(), "the summary did not start"
    wait_until(lambda: False, timeout_s=600)  # killed here


def offline(window, model: str) -> None:
    load_model(window, model)
    window.context.settings.set("max_tokens", 24)

    draft = window.pages["draft"]
    window.show_page("draft")
    assert draft.select_template("notice")
    draft.form.set_values({name: "図書館の開館時間の延長" for name in draft.form.widgets})
    run_pane(draft, draft.run_draft)
    say(json.dumps({"pane": "draft", "output": draft.output.text()}, ensure_ascii=False))

    summarize = window.pages["summarize"]
    window.show_page("summarize")
    summarize.new_text()
    summarize.source_view.setPlainText(SOURCE_TEXT)
    run_pane(summarize, summarize.summarize)
    say(json.dumps({"pane": "summarize", "output": summarize.summary_view.toPlainText()}, ensure_ascii=False))

    translate = window.pages["translate"]
    window.show_page("translate")
    translate.paste_edit.setPlainText(SOURCE_TEXT)
    translate._use_pasted_text()  # the "use this text" button
    translate.set_languages("ja", "en")
    run_pane(translate, translate.translate_all)
    say(json.dumps({"pane": "translate", "output": translate.controller.translated_text()}, ensure_ascii=False))

    say("DONE")
    for key in ("draft", "summarize", "translate"):  # the test has the outputs: no "unsaved output?" question
        window.autosave.mark_exported(key)
    window.close()


SCENARIOS = {"crash": crash, "offline": offline}


def main(argv: list[str]) -> int:
    scenario, model = SCENARIOS[argv[0]], argv[1]
    app = QApplication([sys.argv[0]])

    def drive() -> None:
        window = main_window()
        if window is None or not window.autosave.running:  # not up yet: the window starts itself first
            QTimer.singleShot(50, drive)
            return
        try:
            scenario(window, model)
        except Exception as exc:  # reported to the test, which fails with it
            say(f"FAILED {type(exc).__name__}: {exc}")
            app.exit(3)

    QTimer.singleShot(0, drive)
    from desktop.app import run_app

    return run_app([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
