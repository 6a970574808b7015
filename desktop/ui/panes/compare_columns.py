"""The result side of the 比較 pane: one column per model, filled as it runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from desktop.compare.export import figure_rows
from desktop.compare.settings import ModelResult


class ResultColumn(QFrame):
    """One model: its name, state, progress, text as it streams, figures, and 「この結果を使う」."""

    use_requested = Signal(int)

    def __init__(self, index: int, model: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setObjectName("compareColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(model, self)
        self.title.setObjectName("compareModel")
        self.title.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_button = QPushButton(self.tr("Use this result"), self)
        self.use_button.setToolTip(self.tr("Continue with this text in its own pane"))
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(lambda: self.use_requested.emit(self.index))
        layout = QVBoxLayout(self)
        for widget in (self.title, self.state, self.progress):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.figures)
        layout.addWidget(self.use_button)

    def set_state(self, state: str, detail: str) -> None:
        self.state.setText(detail)
        self.progress.setVisible(state in ("loading", "running"))
        if state in ("loading", "running"):
            self.progress.setRange(0, 0)

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def append(self, text: str) -> None:
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(text)

    def show_result(self, result: ModelResult) -> None:
        self.text.setPlainText(result.text if result.ok else (result.text or ""))
        rows = figure_rows([result])
        self.figures.setText("\n".join(f"{label}: {cells[0]}" for label, cells in rows))
        self.use_button.setEnabled(result.ok and bool(result.text.strip()))
        if not result.ok:
            self.state.setText(result.error or "")
            self.state.setStyleSheet("color: #b00020;")


class ResultColumns(QScrollArea):
    """The fair settings in one line over the columns, which share the width (text wraps; four fit
    at 1280 px, never a sideways scrollbar); scrolls down only when the window is very low."""

    use_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget(self)
        outer = QVBoxLayout(self._inner)
        outer.setContentsMargins(0, 4, 0, 0)
        self.settings_label = QLabel(self._inner)
        self.settings_label.setObjectName("compareSettings")
        self.settings_label.setWordWrap(True)
        self.settings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_label.hide()
        outer.addWidget(self.settings_label)
        self._layout = QHBoxLayout()
        self._layout.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._layout, 1)
        self.setWidget(self._inner)
        self.columns: list[ResultColumn] = []
        self.placeholder = QLabel(self.tr("Choose models and a job on the left, then press Compare (Ctrl+Enter)."),
                                  self._inner)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.placeholder)

    def set_settings(self, line: str) -> None:
        """State what every model got alike (``desktop.compare.export.settings_line``)."""
        self.settings_label.setText(line)
        self.settings_label.setVisible(bool(line))

    def reset(self, models: list[str], settings: str = "") -> None:
        """One empty column per model title, under the settings line."""
        self.set_settings(settings)
        for column in self.columns:
            column.deleteLater()
        self.columns = []
        self.placeholder.setVisible(not models)
        for index, model in enumerate(models):
            column = ResultColumn(index, model, self._inner)
            column.setMinimumWidth(0)
            column.use_requested.connect(self.use_requested)
            self._layout.addWidget(column, 1)
            self.columns.append(column)
