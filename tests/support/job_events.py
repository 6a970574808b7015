"""Running a job generator to its end in a test: its events, and the stats it returns."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any


def collect(generator: Generator[Any, None, Any]) -> tuple[list[Any], Any]:
    """Every event ``generator`` yields, in order, and the value it returns (a job's stats)."""
    events = []
    while True:
        try:
            events.append(next(generator))
        except StopIteration as stop:
            return events, stop.value
