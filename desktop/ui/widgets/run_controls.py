"""The row under a pane's input: its run button, Stop, a busy bar and a status line."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


@dataclass
class RunControls:
    """The widgets of the row and the layout holding them (the caller adds ``layout`` to its own)."""

    run_button: QPushButton
    stop_button: QPushButton
    busy: QProgressBar
    status_label: QLabel
    layout: QHBoxLayout


def run_controls(parent: QWidget, run_text: str, run_tip: str) -> RunControls:
    """A ``primaryButton`` (``run_text``, tooltip ``run_tip``), Stop (Esc), a ``busyBar`` and a ``paneStatus`` label."""
    run_button = QPushButton(run_text, parent)
    run_button.setObjectName("primaryButton")
    run_button.setToolTip(run_tip)
    stop_button = QPushButton(QCoreApplication.translate("RunControls", "Stop"), parent)
    stop_button.setToolTip(QCoreApplication.translate("RunControls", "Stop (Esc); the text so far is kept"))
    busy = QProgressBar(parent)
    busy.setObjectName("busyBar")
    busy.setRange(0, 0)
    busy.setTextVisible(False)
    busy.setFixedWidth(120)
    status_label = QLabel(parent)
    status_label.setObjectName("paneStatus")
    layout = QHBoxLayout()
    layout.addWidget(run_button)
    layout.addWidget(stop_button)
    layout.addSpacing(8)
    layout.addWidget(busy)
    layout.addWidget(status_label, 1)
    return RunControls(run_button, stop_button, busy, status_label, layout)
