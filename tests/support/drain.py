"""Run a job generator to its end: the events it yielded and the value it returned."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any


def drain(generator: Generator[Any, None, Any]) -> tuple[list[Any], Any]:
    """``(events, returned value)`` of ``generator``."""
    events = []
    while True:
        try:
            events.append(next(generator))
        except StopIteration as stop:
            return events, stop.value
