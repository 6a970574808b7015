"""Writes a template's data as a readable TOML file (tomllib only reads).

Only the shapes a template uses are written: strings, booleans, numbers,
lists of strings, ja/en tables and the ``[[fields]]`` array. Long texts
become multi-line strings so that a person can edit them by hand.
"""

from __future__ import annotations

import json
from typing import Any

_TOP_ORDER = ("id", "pane", "kind", "title", "description", "output", "letterhead", "temperature",
              "reply_tokens", "reply_follows", "draft_mark")
_FIELD_ORDER = ("name", "label", "kind", "required", "default", "choices", "weekday", "help")


def _basic_string(text: str) -> str:
    """A TOML basic string. JSON's escapes are all valid TOML escapes; DEL must be escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _multiline(text: str) -> str:
    """A literal multi-line string when the text allows it (no ``'''``, no control characters)."""
    allowed = all(ch in "\t\n" or (ord(ch) >= 0x20 and ch != "\x7f") for ch in text)
    if "\n" in text and allowed and "'''" not in text and not text.endswith("'"):
        # A newline right after the opening delimiter is trimmed by TOML, so the text starts on its own line.
        return "'''\n" + text + "'''"
    return _basic_string(text)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _basic_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def template_to_toml(data: dict[str, Any]) -> str:
    """TOML text for ``Template.to_dict()`` data."""
    lines = [f"# Fumi template: {data.get('title', {}).get('ja', data['id'])}"]
    for key in _TOP_ORDER:
        if key in data and data[key] not in ("", None, {}):
            lines.append(f"{key} = {_value(data[key])}")
    for key in ("system", "prompt"):
        if data.get(key):
            lines.append("")
            lines.append(f"{key} = {_multiline(data[key])}")
    for item in data.get("fields", []):
        lines.append("")
        lines.append("[[fields]]")
        for key in _FIELD_ORDER:
            if key in item and item[key] not in ([], {}):
                lines.append(f"{key} = {_value(item[key])}")
    return "\n".join(lines) + "\n"
