"""Render every page of the real Fumi window at one screen size and report what does not fit.

Run as ``python -m tests.support.layout_shots OUT_DIR LABEL`` in a child process
whose environment sets the screen (``QT_QPA_PLATFORM=offscreen:configfile=…``)
and the scaling (``QT_SCALE_FACTOR``): both must be set before the
QApplication exists, so the test cannot do this in its own process. The window
fills the screen's available area, as staff use it. Each page, the settings
dialog and each menu are saved as ``OUT_DIR/LABEL_<name>.png``; the last line
printed is a JSON object ``{"problems": [...], "facts": {...}}``.

The engine is the scripted stand-in (``FakeEngine``) with a long model name,
so that loading a model can be checked against the screen width.
Nothing here is part of Fumi; Fumi has no test hooks.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

LONG_NAME = "Qwen2.5-3B-Instruct-abliterated-japanese-merged-Q4_K_M-imatrix-2026-11-final.gguf"
SOURCE = "\n\n".join(["市立図書館は四月一日から開館時間を延長します。", "平日は午後八時まで開館します。",
                      "土曜日と日曜日は午後六時までです。", "詳しくは図書館へお問い合わせください。",
                      "駐車場は五十台分あります。", "以上です。"])


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def outside(widget: QWidget, window: QWidget) -> bool:
    """True when ``widget`` (visible) reaches past ``window``'s edges."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return not window.rect().contains(QRect(top_left, widget.size()))


def in_scroll_area(widget: QWidget, page: QWidget) -> bool:
    """True inside a scroll area of ``page``: scrolled out of view is not cut off."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def wait_until(app: QApplication, done, seconds: float = 20.0) -> None:
    """Turn the event loop until ``done()`` (the scripted engine answers one event per turn)."""
    import time

    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def _two_summaries(app: QApplication, pane) -> None:
    pane.new_text()
    pane.source_view.setPlainText(SOURCE)
    for edit in ("・要点です。（課長が確認）", None):
        pane.summarize()
        wait_until(app, lambda: not pane.controller.running)
        if edit:
            pane.summary_view.setPlainText(edit)


def _two_translations(app: QApplication, pane) -> None:
    pane.translate_all()
    wait_until(app, lambda: not pane.controller.running)
    pane.table.item(1, pane.TRANSLATION_COLUMN).setText("Edited by hand.")
    pane.table.selectRow(1)
    pane.retranslate_selected()
    wait_until(app, lambda: not pane.controller.running)
    pane.table.selectRow(1)


def _two_drafts(app: QApplication, pane) -> None:
    pane.form.set_values({"meeting": "地域防災連絡会議", "notes": "・備蓄品を見直す"})
    for again in (False, True):
        pane.run_draft(again=again)
        wait_until(app, lambda: not pane.controller.running)


def main(out_dir: str, label: str) -> None:
    from desktop.app import apply_look
    from desktop.i18n import install_translators
    from desktop.settings import Paths, Settings
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings_dialog import SettingsDialog
    from tests.support.fake_engine import FakeEngine
    from tests.support.scripted_model import ScriptedModel

    app = QApplication([sys.argv[0]])
    paths = Paths.default().ensure()
    settings = Settings.load(paths)
    translators = install_translators(app, "ja", paths.cache)
    apply_look(app, settings)
    out = Path(out_dir)
    problems: list[str] = []
    facts: dict = {}

    engine = FakeEngine(ScriptedModel("・要点です。"), facts={"name": LONG_NAME, "path": "/models/" + LONG_NAME})
    window = MainWindow(AppContext(settings=settings, paths=paths, engine=engine, history=None))
    screen = app.primaryScreen().availableGeometry()
    facts["screen"] = [screen.width(), screen.height()]
    window.setGeometry(screen)
    window.show()
    settle(app)

    def shot(name: str, widget: QWidget) -> None:
        settle(app)
        widget.grab().save(str(out / f"{label}_{name}.png"))

    def check_page(key: str) -> None:
        page = window.pages[key]
        for widget in page.findChildren(QWidget):
            if isinstance(widget, (QAbstractButton, QComboBox, QLineEdit)) and widget.isVisible() \
                    and not in_scroll_area(widget, page) and outside(widget, window):
                problems.append(f"{key}: {type(widget).__name__} '{getattr(widget, 'text', lambda: '')()}' "
                                "is outside the window")

    # the draft pane with the minutes template (the required メモ field)
    window.show_page("draft")
    draft = window.pages["draft"]
    draft.select_template("minutes")
    settle(app)
    if draft.form_area.horizontalScrollBar().isVisible():
        problems.append("draft: the field column scrolls sideways")
    notes = draft.form.widgets["notes"].editor
    line = notes.fontMetrics().lineSpacing()
    facts["notes_height_lines"] = round(notes.viewport().height() / line, 1)
    if notes.viewport().height() <= 2 * line:
        problems.append(f"draft: the メモ field is {notes.viewport().height()} px tall, two lines or less")
    shown = notes.visibleRegion().boundingRect().height()
    facts["notes_visible_lines"] = round(shown / line, 1)
    if shown <= 2 * line:
        problems.append(f"draft: {shown} px of the メモ field are in view, two lines or less")
    shot("draft", window)
    check_page("draft")

    for key in [k for k in window.pages if k != "draft"]:
        window.show_page(key)
        shot(key, window)
        check_page(key)

    # the translate table before translating: rows as tall as their text
    window.show_page("translate")
    translate = window.pages["translate"]
    translate.controller.use_text(SOURCE)
    settle(app, 20)
    table = translate.table
    heights = [table.rowHeight(row) for row in range(table.rowCount())]
    facts["translate_rows"] = heights
    if table.rowCount() and max(heights) > 4 * table.fontMetrics().lineSpacing():
        problems.append(f"translate: one-line rows are up to {max(heights)} px tall")
    shot("translate_loaded", window)

    # loading a model never widens the window past the screen
    window.show_page("models")
    width_before = window.width()
    engine.start()
    engine.load("/models/" + LONG_NAME)
    settle(app, 30)
    window.show_page("draft")
    settle(app)
    facts["window_after_load"] = [width_before, window.width(), window.minimumSizeHint().width()]
    if window.width() > min(width_before, screen.width()) or window.minimumSizeHint().width() > screen.width():
        problems.append(f"window: {window.width()} px wide after loading a model (before {width_before}, "
                        f"minimum {window.minimumSizeHint().width()}), screen {screen.width()}")
    label_rect = window.status.offline_label
    if not label_rect.isVisible() or outside(label_rect, window) or label_rect.width() < label_rect.sizeHint().width():
        problems.append("status bar: オフライン is cut or hidden")
    shot("draft_model_loaded", window)
    window.show_page("models")
    shot("models_loaded", window)

    # results with earlier versions: the 「◀ 2/2 ▶」 and コピー controls in view beside each result
    for key, run in (("summarize", _two_summaries), ("translate", _two_translations), ("draft", _two_drafts)):
        window.show_page(key)
        run(app, window.pages[key])
        shot(key + "_versions", window)
        check_page(key)
        nav = window.pages[key].version_nav
        if not nav.isVisible() or outside(nav, window):
            problems.append(f"{key}: the version buttons are hidden or outside the window")
        window.pages[key].mark_exported()  # closing must not stop at the "unsaved output" question

    # the settings dialog fits without scrolling
    dialog = SettingsDialog(settings, window)
    dialog.show()
    settle(app)
    from PySide6.QtWidgets import QScrollArea

    for area in dialog.findChildren(QScrollArea):
        if area.verticalScrollBar().isVisible() or area.horizontalScrollBar().isVisible():
            problems.append("settings: the dialog scrolls")
    if dialog.frameGeometry().height() > screen.height() or dialog.frameGeometry().width() > screen.width():
        problems.append(f"settings: {dialog.width()}×{dialog.height()} does not fit the screen")
    shot("settings", dialog)
    dialog.close()

    # menus: saved to look at. Qt's style-sheet style cuts a label (「バージョ…」) even when the item's
    # geometry has room, so no number here tells; the menu padding in fumi.qss is what fixed it.
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is None:
            continue
        menu.popup(window.mapToGlobal(window.rect().topLeft()))
        shot("menu_" + action.text().replace("&", "").split("(")[0], menu)
        menu.close()

    print(json.dumps({"problems": problems, "facts": facts}, ensure_ascii=False), flush=True)
    window.close()
    engine.shutdown()
    app._fumi_translators = translators


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
