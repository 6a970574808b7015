"""The title and one-line explanation at the top of a pane, styled by fumi.qss."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def pane_header(parent: QWidget, title: str, explanation: str) -> tuple[QLabel, QLabel]:
    """A ``paneTitle`` label and a wrapping ``paneSubtitle`` label; the caller lays them out."""
    heading = QLabel(title, parent)
    heading.setObjectName("paneTitle")
    subtitle = QLabel(explanation, parent)
    subtitle.setObjectName("paneSubtitle")
    subtitle.setWordWrap(True)
    return heading, subtitle
