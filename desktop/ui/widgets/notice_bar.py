"""An inline message bar (information, warning or error) with an optional action button.

Used instead of modal pop-ups for things the user may act on later: a model
to reload, a template warning, why the run button is disabled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

LEVELS = ("info", "success", "warning", "error")


class NoticeBar(QFrame):
    """A one-line (wrapping) notice; ``action_clicked`` when its button is pressed."""

    action_clicked = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, *, closable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._action = QPushButton(self)
        self._action.setObjectName("noticeAction")
        self._action.clicked.connect(self.action_clicked)
        self._action.hide()
        self._close = QToolButton(self)
        self._close.setObjectName("noticeClose")
        self._close.setText("×")
        self._close.setToolTip(self.tr("Close"))
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self._dismiss)
        self._close.setVisible(closable)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._action)
        layout.addWidget(self._close)
        self.set_level("info")
        self.hide()

    def show_notice(self, text: str, level: str = "info", action: str = "") -> None:
        """Show ``text``; ``action`` (if given) labels the button."""
        self.set_level(level)
        self._label.setText(text)
        self._action.setText(action)
        self._action.setVisible(bool(action))
        self.show()

    def set_level(self, level: str) -> None:
        self.setProperty("level", level if level in LEVELS else "info")
        self.style().unpolish(self)
        self.style().polish(self)

    def text(self) -> str:
        return self._label.text()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
