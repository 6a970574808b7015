"""Layout defects seen in screenshots at 1280×720, checked where geometry or pixels can tell.

- 比較 with no usable model: the list's place says where model files go (the folders the
  library searches) and opens the user's models folder; 再検索 lists a model put there.
- Columns side by side (下書き, 要約, チェック, 質問, 比較, モデル) are ``COLUMN_GAP`` apart: no frame
  touches or covers the next (the チェック editor covered the findings list's border).
- Every button with a menu is made by ``menu_button`` and its arrow is drawn clear of its label.

The real ``MainWindow`` (1280×720, Japanese, Fumi's style sheet) over a ``FakeEngine``.
Screenshots go under ``tmp_path`` (``shots``).
"""

from __future__ import annotations

import shutil

from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QSplitter, QWidget

from desktop.ui.widgets import COLUMN_GAP, menu_button
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel

WAIT_MS = 30_000
COLUMN_PAGES = ("draft", "summarize", "check", "ask", "compare", "models")
#: px of clear space between a label and its menu arrow (the old QToolButtons had 2: the arrow touched 「…」)
ARROW_GAP = 6


def _window(window_over):
    return window_over(FakeEngine(ScriptedModel("・要点です。"), loaded=True))


def _in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def test_compare_says_where_model_files_go_when_none_is_found(qtbot, window_over, fumi_look, tiny_model, shots,
                                                              monkeypatch) -> None:
    monkeypatch.delenv("FUMI_MODELS")            # no model anywhere
    window = _window(window_over)
    window.show_page("compare")
    compare = window.pages["compare"]
    chooser, hint = compare.models, compare.models.hint
    qtbot.waitUntil(lambda: chooser.currentWidget() is chooser.hint_area, timeout=WAIT_MS)
    qtbot.wait(50)
    window.grab().save(str(shots / "compare_no_models.png"))
    user_models = window.context.paths.user_models
    assert hint.isVisible() and not compare.model_list.isVisible()
    assert "情報システム担当者" in hint.lead.text() and ".gguf" in hint.lead.text()
    assert str(user_models) in hint.folder_list.text()
    for label in hint.findChildren(QLabel):      # wrapped, never cut: as tall as its text at its width
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert not chooser.hint_area.horizontalScrollBar().isVisible()
    card = chooser.hint_area.widget()
    for button in (hint.open_button, hint.refresh_button):
        assert button.text() in ("モデルフォルダーを開く", "再検索")
        assert card.rect().contains(QRect(button.mapTo(card, button.rect().topLeft()), button.size()))

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(hint.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(user_models)]

    shutil.copyfile(tiny_model, user_models / "tiny-chat.gguf")   # IT puts one there; 再検索 lists it
    qtbot.mouseClick(hint.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: chooser.currentWidget() is compare.model_list, timeout=WAIT_MS)
    assert compare.model_list.count() == 1 and compare.model_list.isVisible() and not hint.isVisible()


def test_columns_are_the_same_gap_apart_and_no_frame_covers_another(qtbot, window_over, fumi_look, shots) -> None:
    window = _window(window_over)
    for key in COLUMN_PAGES:
        window.show_page(key)
        qtbot.wait(20)
        window.grab().save(str(shots / f"columns_{key}.png"))
        page = window.pages[key]
        splitters = [s for s in page.findChildren(QSplitter)
                     if s.orientation() == Qt.Orientation.Horizontal and s.isVisible()]
        assert splitters, key
        for splitter in splitters:
            assert splitter.handleWidth() == COLUMN_GAP, key
            shown = [splitter.widget(i) for i in range(splitter.count()) if splitter.widget(i).isVisible()]
            for left, right in zip(shown, shown[1:]):
                assert right.geometry().left() - left.geometry().right() - 1 == COLUMN_GAP, (key, left, right)
    check = window.pages["check"]
    window.show_page("check")
    editor, findings = _in_window(check.editor, window), _in_window(check.list, window)
    assert not editor.intersects(findings)
    assert findings.left() - editor.right() - 1 >= COLUMN_GAP
    summarize = window.pages["summarize"]
    window.show_page("summarize")
    for other in (summarize.parts_list, summarize.summary_view):
        assert _in_window(other, window).left() - _in_window(summarize.source_view, window).right() - 1 >= COLUMN_GAP
    ask = window.pages["ask"]
    window.show_page("ask")
    for other in (ask.sources_list, ask.passage_view):
        assert _in_window(other, window).left() - _in_window(ask.output, window).right() - 1 >= COLUMN_GAP


def _ink_columns(image, base) -> set[int]:
    """x of every column where ``image`` differs from ``base`` (same size)."""
    return {x for x in range(image.width()) for y in range(image.height()) if image.pixel(x, y) != base.pixel(x, y)}


def _grab_like(button: QPushButton, probe: QPushButton):
    probe.setEnabled(button.isEnabled())
    probe.resize(button.size())
    return probe.grab().toImage()


def test_every_menu_button_draws_its_arrow_clear_of_its_label(qtbot, window_over, fumi_look, shots) -> None:
    window = _window(window_over)
    window.pages["translate"].controller.use_text("市立図書館は四月一日から開館時間を延長します。")
    qtbot.waitUntil(lambda: window.pages["translate"].table.rowCount() > 0, timeout=WAIT_MS)  # 書き出し… shows
    found, shown = [], []
    for key, page in window.pages.items():
        window.show_page(key)
        qtbot.wait(20)
        for button in page.findChildren(QAbstractButton):
            if getattr(button, "menu", lambda: None)() is None:
                continue
            found.append(button.text())
            assert isinstance(button, QPushButton), (key, button.text())   # made by menu_button, as the others
            if not button.isVisible():
                continue
            shown.append(button.text())
            assert button.width() >= button.sizeHint().width(), (key, button.text())
            parent = button.parentWidget()
            whole = button.grab().toImage()
            arrow_only = _grab_like(button, menu_button(parent, ""))
            nothing = _grab_like(button, QPushButton("", parent))
            button.grab().save(str(shots / f"menu_button_{key}_{len(found)}.png"))
            text = _ink_columns(whole, arrow_only)
            arrow = _ink_columns(arrow_only, nothing)
            assert text and arrow, (key, button.text())
            assert min(arrow) - max(text) > ARROW_GAP, (key, button.text(), max(text), min(arrow))
    # チェック: ルール and 書き出す…; 翻訳: 書き出し…; 質問: フォルダー
    assert {"ルール", "フォルダー"} <= set(found) and len(shown) >= 4, (found, shown)
