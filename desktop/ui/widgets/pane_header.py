"""What every pane has: the title and one-line explanation at the top (styled by fumi.qss), and the run/stop keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget


def pane_header(parent: QWidget, title: str, explanation: str) -> tuple[QLabel, QLabel]:
    """A ``paneTitle`` label and a wrapping ``paneSubtitle`` label; the caller lays them out."""
    heading = QLabel(title, parent)
    heading.setObjectName("paneTitle")
    subtitle = QLabel(explanation, parent)
    subtitle.setObjectName("paneSubtitle")
    subtitle.setWordWrap(True)
    return heading, subtitle


def run_and_stop_shortcuts(pane: QWidget, run: Callable[[], object], stop: Callable[[], object]) -> None:
    """The panes' usual keys: Ctrl+Enter (either Enter key) runs, Esc stops, while focus is in ``pane``."""
    context = Qt.ShortcutContext.WidgetWithChildrenShortcut
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), pane, run, context)
    QShortcut(QKeySequence(Qt.Key.Key_Escape), pane, stop, context)
