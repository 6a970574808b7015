"""Every registered pane offers what the window, autosave and the history ask of it (``Pane`` protocol)."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from desktop.engine.client import EngineClient
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes import PANES, create_pane
from desktop.ui.panes.protocol import (
    Autosaves, MarksExported, OpensFiles, Pane, Reopens, SavesFiles, TracksOutput,
)


def test_each_pane_is_a_full_pane(qtbot):
    engine = EngineClient()
    context = AppContext(settings=Settings(Paths.default().ensure(), {}), paths=Paths.default(), engine=engine)
    for key, _title, _spec in PANES:
        pane = create_pane(key, context)
        qtbot.addWidget(pane)
        assert isinstance(pane, Pane), key
    # panes start background reads (library state, checks) when built: let them end before the panes go
    QThreadPool.globalInstance().waitForDone(10_000)


def test_a_plain_widget_offers_nothing(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    for ability in (OpensFiles, SavesFiles, Autosaves, TracksOutput, MarksExported, Reopens):
        assert not isinstance(widget, ability)
