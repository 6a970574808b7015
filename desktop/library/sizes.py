"""Sizes of files and memory, as a person reads them."""

from __future__ import annotations


def format_bytes(size: int | None) -> str:
    """``4_683_000_000`` -> ``"4.4 GB"`` (binary units, as Windows shows them); ``None`` -> ``"?"``."""
    if size is None:
        return "?"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
