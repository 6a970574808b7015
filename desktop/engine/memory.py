"""The engine process's peak memory, for the ``done`` event's ``peak_rss_mb``.

Peak resident set size of this process since it started, in MiB (2**20 bytes):
``getrusage(RUSAGE_SELF).ru_maxrss`` on Linux (KiB) and macOS (bytes), the
process's ``PeakWorkingSetSize`` on Windows. ``None`` where neither is available.
A comparison starts one engine process per model, so this is that model's peak.
"""

from __future__ import annotations

import sys

MIB = 1024 * 1024


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process so far, in MiB, rounded to 0.1; ``None`` if unknown."""
    try:
        if sys.platform == "win32":
            return round(_windows_peak_bytes() / MIB, 1)
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak_bytes = peak if sys.platform == "darwin" else peak * 1024
        return round(peak_bytes / MIB, 1)
    except (OSError, ValueError, ImportError, AttributeError):
        return None


def _windows_peak_bytes() -> float:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t), ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t), ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t), ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    process = ctypes.windll.kernel32.GetCurrentProcess()
    if not ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
        raise OSError("GetProcessMemoryInfo failed")
    return float(counters.PeakWorkingSetSize)
