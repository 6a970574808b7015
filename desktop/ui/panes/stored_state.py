"""Reading back what a pane stored (in the history or an autosave): documents and per-segment texts.

Both come from JSON written earlier, perhaps by an older Fumi, so anything
damaged is left out instead of raising.
"""

from __future__ import annotations

from typing import Any

from desktop.documents.model import Document


def document_from(data: Any) -> Document | None:
    """The document stored as ``Document.to_dict()``, or None when there is none (or it is damaged)."""
    if not isinstance(data, dict):
        return None
    try:
        return Document.from_dict(data)
    except (TypeError, ValueError):
        return None


def int_keys(texts: Any) -> dict[int, str]:
    """{"3": "text"} (as JSON keeps it) → {3: "text"}; anything unreadable is left out."""
    if not isinstance(texts, dict):
        return {}
    found: dict[int, str] = {}
    for key, text in texts.items():
        try:
            found[int(key)] = str(text)
        except (TypeError, ValueError):
            continue
    return found
