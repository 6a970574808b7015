"""Starting this program again as a throwaway child (model probe, document reader) with bounded memory.

``self_command(flag, args)`` is ``python -m desktop FLAG ARGS`` from source and
``Fumi FLAG ARGS`` when frozen; ``child_env()`` makes ``desktop`` importable in
the child and its pipes UTF-8; ``limit_address_space(n)`` caps the calling
process's address space where the OS allows (POSIX ``RLIMIT_AS``; on Windows
the parsers' own limits bound memory).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def self_command(flag: str, args: list[str]) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, flag, *args]
    return [sys.executable, "-m", "desktop", flag, *args]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):
        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def limit_address_space(limit_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = limit_bytes if hard == resource.RLIM_INFINITY else min(hard, limit_bytes)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # e.g. macOS refuses RLIMIT_AS
        pass
