"""A button that opens a menu, looking like the panes' other buttons, its arrow clear of the label.

fumi.qss gives ``QPushButton[menuButton="true"]`` a right padding that holds the
menu arrow, and puts the arrow there (``::menu-indicator``); the label is laid
out inside the padding, so the size hint is text + arrow and the two never meet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QMenu, QPushButton, QWidget


def menu_button(parent: QWidget, text: str, actions: Iterable[tuple[str, Callable[[], object]]] = ()) -> QPushButton:
    """A ``QPushButton`` labelled ``text`` whose click opens a menu of ``(label, slot)`` ``actions``.

    The menu is ``button.menu()`` (its actions in order: ``button.menu().actions()``); more can be
    added, or it can be filled on ``aboutToShow``.
    """
    button = QPushButton(text, parent)
    button.setProperty("menuButton", True)
    menu = QMenu(button)
    for label, slot in actions:
        menu.addAction(label, slot)
    button.setMenu(menu)
    return button
