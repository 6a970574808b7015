"""The panes of the main window, and how each is found.

``PANES`` lists them in sidebar order: key, English title (translated at run
time) and the "module:Class" that implements it. A pane whose module does not
exist yet is stood in for by the generic ``PromptPane`` with the same title,
so the window always has all three.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext

log = logging.getLogger(__name__)

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
    """The pane registered as ``key``, or a ``PromptPane`` while its module is missing.

    Only a missing pane module falls back; an error inside an existing module
    is raised, so a broken pane is noticed rather than hidden.
    """
    target = next(spec for spec_key, _title, spec in PANES if spec_key == key)
    module_name, _, class_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        log.info("pane %s not available yet; using the generic prompt pane", key)
        from desktop.ui.panes.prompt_pane import PromptPane

        return PromptPane(context, parent, title=pane_title(key))
    return getattr(module, class_name)(context, parent)
