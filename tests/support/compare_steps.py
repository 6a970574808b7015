"""Steps the 比較 pane's window tests share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def set_up_comparison(qtbot, window: Any, kind: str, *, timeout_ms: int, **inputs: Any) -> Any:
    """Show the 比較 pane, tick its first two models and give it the job; returns the pane (not yet run)."""
    compare = window.pages["compare"]
    window.show_page("compare")
    qtbot.waitUntil(lambda: compare.model_list.count() >= 2, timeout=timeout_ms)
    for row in range(2):
        compare.model_list.item(row).setCheckState(Qt.CheckState.Checked)
    compare.set_job(kind, **inputs)
    return compare
