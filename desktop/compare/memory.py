"""May the window's loaded model stay loaded while a comparison runs? Only when the RAM estimate says both fit.

The comparison loads each model in an engine process of its own, beside the
window's engine. ``both_fit`` keeps the window's model only when every compared
model, at the context it will be loaded with (``choose_context``), fits
comfortably (``verdict_for`` "ok": under ``COMFORT_SHARE`` of the memory) in what
is left. What is left is the available memory minus the loaded model's file:
llama.cpp maps the weights, and the operating system counts mapped file pages
as available although the loaded model is using them. An unknown model (no
facts), or memory that cannot be measured, never counts as fitting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.library.ram import OK, choose_context, estimate_ram, verdict_for


def both_fit(loaded: dict[str, Any], compared: Sequence[dict[str, Any] | None], requested_ctx: int | None,
             available: int | None) -> bool:
    """True when ``loaded`` (the facts of the model in memory) may stay beside each of ``compared``.

    ``requested_ctx`` is the context the comparison asks for (None or 0: automatic);
    ``available`` the memory available now, in bytes (None: unknown).
    """
    if not available:
        return False
    room = available - int(loaded.get("size_bytes") or 0)
    if room <= 0:
        return False
    for facts in compared:
        if not facts:
            return False
        n_ctx = choose_context(facts, requested_ctx or 0, available=room)
        if verdict_for(estimate_ram(facts, n_ctx), room) != OK:
            return False
    return True
