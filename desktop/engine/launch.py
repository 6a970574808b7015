"""How to start the engine process: its command line and its environment."""

from __future__ import annotations

import os
import sys

from desktop.messages import current_language


def engine_command() -> list[str]:
    """The command that starts the engine: this program again, with ``--engine``.

    From source: ``python -m desktop --engine``; in a frozen build the executable itself.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, "--engine"]
    return [sys.executable, "-m", "desktop", "--engine"]


def engine_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The engine's environment: ours (FUMI_HOME passes through), the user's language, offline."""
    env = dict(os.environ if base is None else base)
    env["FUMI_LANG"] = env.get("FUMI_LANG") or current_language()
    env["HF_HUB_OFFLINE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUNBUFFERED"] = "1"
    if not getattr(sys, "frozen", False):
        # From source, the engine must import this very checkout even when started elsewhere.
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        paths = [root] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != root]
        env["PYTHONPATH"] = os.pathsep.join(paths)
    return env
