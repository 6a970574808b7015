"""The library's folders: those IT sets for everyone, and the user's own.

IT's: the environment variable ``FUMI_LIBRARY`` (folders separated by
``os.pathsep``, e.g. set machine-wide by group policy, as ``FUMI_MODELS`` is
for models) and the setting ``shared_library_folders`` (in settings IT
deploys). The user's own: the setting ``library_folders`` (added in the 質問
pane or with ``fumi index FOLDER``). A folder is listed once, by its absolute
path, IT's first; only the user's own can be removed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def _absolute(folder: str) -> str:
    return os.path.normpath(os.path.abspath(os.path.expanduser(folder)))


def library_folders(settings: Any) -> list[str]:
    """Every folder of the library, shared (IT) first, without repeats."""
    candidates = [part for part in os.environ.get("FUMI_LIBRARY", "").split(os.pathsep) if part.strip()]
    candidates += list(settings.get("shared_library_folders")) + list(settings.get("library_folders"))
    result: list[str] = []
    for folder in candidates:
        path = _absolute(folder)
        if path not in result:
            result.append(path)
    return result


def user_folders(settings: Any) -> list[str]:
    """The user's own folders (absolute): the ones the user may remove."""
    return [_absolute(folder) for folder in settings.get("library_folders")]


def add_user_folders(settings: Any, folders: list[str | Path]) -> list[str]:
    """Add ``folders`` to the user's own (not saved: the caller saves); returns those newly added."""
    known = library_folders(settings)
    mine = list(settings.get("library_folders"))
    added = []
    for folder in folders:
        path = _absolute(str(folder))
        if path not in known:
            mine.append(path)
            known.append(path)
            added.append(path)
    settings.set("library_folders", mine)
    return added


def remove_user_folder(settings: Any, folder: str) -> bool:
    """Remove one of the user's own folders (IT's cannot be removed); True if it was there."""
    path = _absolute(folder)
    mine = [f for f in settings.get("library_folders") if _absolute(f) != path]
    removed = len(mine) != len(settings.get("library_folders"))
    settings.set("library_folders", mine)
    return removed


def in_folder(path: str, folder: str) -> bool:
    """Whether the file ``path`` lies inside ``folder`` (both absolute)."""
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives on Windows
        return False
