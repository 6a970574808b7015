"""Before a pane's result is replaced by another document's, ask to save it when it is kept nowhere else.

Opening another file (button, Ctrl+O, a drop), using pasted text,
reopening a run or taking a result chosen in 比較 (「この結果を使う」) makes the
要約 and 翻訳 panes start over: the summary or the
translations on screen go. When they are in the history (their run's row,
where the user's edits are written too) nothing is lost. When they are not —
history off, or a result not yet stored — and they were not exported,
``may_replace`` asks what a desktop program asks before closing a changed
document: 保存 (export first), 破棄 (go on without it), キャンセル (the default:
nothing changes). Issue #18: nothing the user typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.history import HistoryStore

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class _Exports(Protocol):
    def save_file(self, path: str | None = None) -> bool: ...


def history_keeps(history: HistoryStore | None, run_id: int | None) -> bool:
    """Whether the result stored as ``run_id`` lives on in ``history`` (on, and the run was stored)."""
    return run_id is not None and history is not None and bool(getattr(history, "enabled", True))


def ask_to_save_first(parent: QWidget | None, pane_title: str) -> str:
    """SAVE, DISCARD or CANCEL (the default, also Esc): what to do with ``pane_title``'s unsaved result."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setObjectName("saveBeforeReplacing")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("UnsavedResult", "Unsaved result"))
    box.setText(translate("UnsavedResult", "The result in 「%1」 has not been saved and is not in the history.")
                .replace("%1", pane_title))
    box.setInformativeText(translate("UnsavedResult", "Save it before it is replaced?"))
    save = box.addButton(translate("UnsavedResult", "Save…"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("UnsavedResult", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(translate("UnsavedResult", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def may_replace(pane: _Exports, pane_title: str, would_lose: bool,
                save: Callable[[], bool] | None = None) -> bool:
    """True when the pane may show something else: nothing would be lost, the user saved, or chose to discard.

    SAVE runs ``save`` (default: the pane's own export, ``save_file()``, with its
    file dialog); if that is cancelled or fails, nothing is replaced.
    """
    if not would_lose:
        return True
    choice = ask_to_save_first(pane if isinstance(pane, QWidget) else None, pane_title)
    if choice == SAVE:
        return bool(save() if save is not None else pane.save_file())
    return choice == DISCARD
