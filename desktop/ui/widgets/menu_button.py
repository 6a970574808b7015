"""A button that opens a menu, looking like the panes' other buttons, its arrow clear of the label.

A ``QPushButton`` with a menu is sized for its label plus the menu arrow
(``QPushButton.sizeHint`` adds ``PM_MenuButtonIndicator``) and, under fumi.qss,
draws the arrow in its right padding. A ``QToolButton`` with ``InstantPopup``
(what the panes used before) draws the arrow on the corner of its label and
is not styled like the buttons beside it.
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
    menu = QMenu(button)
    for label, slot in actions:
        menu.addAction(label, slot)
    button.setMenu(menu)
    return button
