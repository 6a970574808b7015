"""The 書き出し… / 破棄 / キャンセル question (``unsaved_result.ask_to_save_first``) answered by the test."""

from __future__ import annotations

import pytest

from desktop.ui.panes import unsaved_result


def answer_unsaved(monkeypatch: pytest.MonkeyPatch, *choices: str) -> list[str]:
    """Patch the question: it answers ``choices`` (SAVE, DISCARD, CANCEL) in turn; the list returned
    records each pane title asked about (a modal dialog would wait forever offscreen)."""
    asked: list[str] = []
    queue = list(choices)

    def ask(_parent, title):
        asked.append(title)
        return queue.pop(0)

    monkeypatch.setattr(unsaved_result, "ask_to_save_first", ask)
    return asked
