"""The panes of the main window, and how each is found.

``PANES`` lists them in sidebar order: key, English title (translated at run
time) and the "module:Class" that implements it. Every pane has its own
module; a missing one is an error of the installation, raised, not hidden.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext

#: (key, English title, "module:Class"), in sidebar order.
PANES: list[tuple[str, str, str]] = [
    ("draft", "Draft", "desktop.ui.panes.draft:DraftPane"),
    ("summarize", "Summarize", "desktop.ui.panes.summarize:SummarizePane"),
    ("translate", "Translate", "desktop.ui.panes.translate:TranslatePane"),
    ("check", "Check", "desktop.ui.panes.check_pane:CheckPane"),
    ("ask", "Ask", "desktop.ui.panes.ask:AskPane"),
    ("compare", "Compare", "desktop.ui.panes.compare:ComparePane"),
]


def pane_title(key: str) -> str:
    """The pane's title in the user's language."""
    titles = {
        "draft": QCoreApplication.translate("Panes", "Draft"),
        "summarize": QCoreApplication.translate("Panes", "Summarize"),
        "translate": QCoreApplication.translate("Panes", "Translate"),
        "check": QCoreApplication.translate("Panes", "Check"),
        "ask": QCoreApplication.translate("Panes", "Ask"),
        "compare": QCoreApplication.translate("Panes", "Compare"),
    }
    return titles.get(key, key)


def create_pane(key: str, context: AppContext, parent: QWidget | None = None) -> QWidget:
    """The pane registered as ``key``, made for ``context``.

    Raises KeyError for a key not in ``PANES`` and ImportError when its module cannot be
    imported: a broken or missing pane is noticed rather than hidden.
    """
    target = dict((spec_key, spec) for spec_key, _title, spec in PANES)[key]
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)(context, parent)
