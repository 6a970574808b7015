"""What this PC has: total and available RAM, physical CPU cores. No third-party modules.

Windows through ctypes (GlobalMemoryStatusEx, GetLogicalProcessorInformation),
Linux through /proc, anything else through os.sysconf / os.cpu_count.
Every function answers something sensible and never raises.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)


class _MemoryStatusEx(ctypes.Structure):
    _fields_ = [
        ("dwLength", ctypes.c_ulong),
        ("dwMemoryLoad", ctypes.c_ulong),
        ("ullTotalPhys", ctypes.c_ulonglong),
        ("ullAvailPhys", ctypes.c_ulonglong),
        ("ullTotalPageFile", ctypes.c_ulonglong),
        ("ullAvailPageFile", ctypes.c_ulonglong),
        ("ullTotalVirtual", ctypes.c_ulonglong),
        ("ullAvailVirtual", ctypes.c_ulonglong),
        ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
    ]


def _windows_memory() -> tuple[int, int] | None:
    """(total, available) physical memory on Windows."""
    status = _MemoryStatusEx()
    status.dwLength = ctypes.sizeof(_MemoryStatusEx)
    try:
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.ullTotalPhys), int(status.ullAvailPhys)
    except (AttributeError, OSError) as exc:
        log.debug("GlobalMemoryStatusEx failed: %s", exc)
    return None


def _meminfo(field: str, meminfo: Path = Path("/proc/meminfo")) -> int | None:
    """A ``/proc/meminfo`` field in bytes (Linux)."""
    try:
        for line in meminfo.read_text(encoding="ascii", errors="replace").splitlines():
            name, _, rest = line.partition(":")
            if name == field:
                return int(rest.split()[0]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _sysconf(name: str) -> int | None:
    try:
        pages = os.sysconf(name)
        page_size = os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
    return pages * page_size if pages > 0 and page_size > 0 else None


def total_ram_bytes() -> int | None:
    """Physical memory of this PC, or None if it cannot be found out."""
    if sys.platform == "win32":
        memory = _windows_memory()
        return memory[0] if memory else None
    return _meminfo("MemTotal") or _sysconf("SC_PHYS_PAGES")


def available_ram_bytes() -> int | None:
    """Memory that can be used now without swapping (Linux MemAvailable; Windows AvailPhys), or None.

    macOS has no cheap equivalent: half of the physical memory is assumed there.
    """
    if sys.platform == "win32":
        memory = _windows_memory()
        return memory[1] if memory else None
    available = _meminfo("MemAvailable") or _sysconf("SC_AVPHYS_PAGES")
    if available:
        return available
    total = total_ram_bytes()
    return total // 2 if total else None


def _linux_physical_cores(cpuinfo: Path = Path("/proc/cpuinfo")) -> int | None:
    """Distinct (physical id, core id) pairs in /proc/cpuinfo; None where they are not listed (e.g. ARM)."""
    try:
        text = cpuinfo.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    cores: set[tuple[str, str]] = set()
    for block in text.split("\n\n"):
        fields = {}
        for line in block.splitlines():
            name, _, value = line.partition(":")
            fields[name.strip()] = value.strip()
        if "core id" in fields:
            cores.add((fields.get("physical id", "0"), fields["core id"]))
    return len(cores) or None


def _windows_physical_cores() -> int | None:
    """Processor-core records from GetLogicalProcessorInformation (one per physical core)."""
    try:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    except AttributeError:
        return None
    record_size = 32 if ctypes.sizeof(ctypes.c_void_p) == 8 else 24
    length = ctypes.c_ulong(0)
    kernel32.GetLogicalProcessorInformation(None, ctypes.byref(length))
    if length.value == 0:
        return None
    buffer = ctypes.create_string_buffer(length.value)
    if not kernel32.GetLogicalProcessorInformation(buffer, ctypes.byref(length)):
        return None
    relation_offset = ctypes.sizeof(ctypes.c_void_p)  # after ProcessorMask (ULONG_PTR)
    cores = 0
    for start in range(0, length.value - record_size + 1, record_size):
        relationship = int.from_bytes(buffer.raw[start + relation_offset : start + relation_offset + 4], "little")
        if relationship == 0:  # RelationProcessorCore
            cores += 1
    return cores or None


def physical_cores() -> int:
    """Physical CPU cores (llama.cpp runs best with one thread per core); at least 1."""
    cores: int | None = None
    try:
        if sys.platform == "win32":
            cores = _windows_physical_cores()
        elif sys.platform.startswith("linux"):
            cores = _linux_physical_cores()
    except (OSError, ValueError) as exc:
        log.debug("cannot count physical cores: %s", exc)
    logical = os.cpu_count() or 1
    if not cores:
        cores = logical // 2 if logical >= 4 else logical
    return max(1, min(cores, logical))
