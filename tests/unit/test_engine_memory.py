"""The engine's peak memory figure: MiB rounded to 0.1 on every platform."""

from __future__ import annotations

import sys

from desktop.engine import memory


def test_the_peak_is_mib_rounded_to_a_tenth_here() -> None:
    peak = memory.peak_rss_mb()
    assert peak is not None and peak > 0 and peak == round(peak, 1)


def test_the_windows_peak_is_mib_rounded_to_a_tenth(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(memory, "_windows_peak_bytes", lambda: 512_345_678.0)
    assert memory.peak_rss_mb() == 488.6
