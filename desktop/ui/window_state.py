"""Window state (geometry, last page): kept in ``state.json``, apart from the user's settings.

State is what the window remembers by itself; losing it costs nothing, so a
missing or broken file simply gives an empty state.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from desktop.settings import atomic_write_text

log = logging.getLogger(__name__)


def load_state(path: Path) -> dict[str, Any]:
    """The saved state, or ``{}`` when there is none or it is unreadable."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.info("window state unreadable, starting fresh: %s", exc)
        return {}
    return state if isinstance(state, dict) else {}


def save_state(path: Path, state: dict[str, Any]) -> None:
    """Write ``state`` atomically; a failure is logged, never raised (closing must not fail)."""
    try:
        atomic_write_text(path, json.dumps(state, ensure_ascii=False, indent=2))
    except OSError as exc:
        log.warning("could not save window state: %s", exc)
