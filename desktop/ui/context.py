"""What every pane and panel is given: settings, folders, the engine, the history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.settings import Paths, Settings

if TYPE_CHECKING:  # the client is a QObject; importing it here is only for type checkers
    from desktop.engine.client import EngineClient
    from desktop.history import HistoryStore


@dataclass
class AppContext:
    """The shared services of one window.

    A pane is constructed as ``Pane(context, parent=None)`` and reaches the
    model only through ``context.engine`` (signals, never blocking calls).
    ``history`` is the store of past runs, or None when history is off or not
    available.
    """

    settings: Settings
    paths: Paths
    engine: EngineClient
    history: HistoryStore | None = None
