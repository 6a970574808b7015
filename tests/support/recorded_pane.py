"""A pane over a scripted engine with a real history that records its runs (the versions tests' setup)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.history import HistoryStore
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.history_recorder import HistoryRecorder
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel


def recorded_pane(qtbot, pane_class: type, reply: Callable[[Any], str],
                  settings: dict[str, Any] | None = None) -> tuple[Any, HistoryStore]:
    """``pane_class`` shown at 1280×720 over a ``FakeEngine`` answering ``reply(messages)``, its runs
    recorded in a fresh ``HistoryStore`` (``pane.recorder``); the caller closes the history."""
    paths = Paths.default().ensure()
    engine = FakeEngine(ScriptedModel(reply), loaded=True)
    history = HistoryStore(paths.history_db)
    pane = pane_class(AppContext(settings=Settings(paths, dict(settings or {})), paths=paths, engine=engine,
                                 history=history))
    pane.recorder = HistoryRecorder(engine, history, pane)
    pane.recorder.run_recorded.connect(pane.note_recorded)
    qtbot.addWidget(pane)
    pane.resize(1280, 720)
    pane.show()
    return pane, history


def shown_window(qtbot, context: AppContext):
    """The real ``MainWindow`` over ``context``, shown, after the panes' deferred first updates ran."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(20)  # let the panes' deferred first updates run while the window is alive
    return window
