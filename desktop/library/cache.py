"""A small JSON cache of per-file results, keyed by path and invalidated when the file changes.

Discovery uses it so that facts and SHA-256 digests of unchanged model files
are not recomputed on every start. A damaged cache file is simply ignored.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from desktop.settings import atomic_write_text

log = logging.getLogger(__name__)


def file_key(path: Path) -> list[int] | None:
    """What identifies this version of the file: size, mtime, inode and ctime (None if unreadable).

    ctime and the inode change when a file is replaced or rewritten, even if
    someone sets the mtime back, so a swapped file is not mistaken for the old one.
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_ctime_ns]


class FileCache:
    """Values remembered per file; a value is returned only while ``file_key`` of the file is unchanged."""

    def __init__(self, cache_file: Path, *, version: int = 1) -> None:
        self.cache_file = cache_file
        self.version = version
        self._entries: dict[str, Any] | None = None
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._entries is None:
            self._entries = {}
            try:
                stored = json.loads(self.cache_file.read_text(encoding="utf-8"))
                if isinstance(stored, dict) and stored.get("version") == self.version:
                    entries = stored.get("entries")
                    if isinstance(entries, dict):
                        self._entries = entries
            except FileNotFoundError:
                pass
            except (OSError, ValueError) as exc:
                log.warning("ignoring unreadable cache %s: %s", self.cache_file.name, exc)
        return self._entries

    @staticmethod
    def _name(path: Path) -> str:
        return os.path.normcase(os.path.abspath(path))

    def get(self, path: Path) -> Any | None:
        entry = self._load().get(self._name(path))
        key = file_key(path)
        if not isinstance(entry, dict) or key is None or entry.get("key") != key:
            return None
        return entry.get("value")

    def put(self, path: Path, value: Any, key: list[int] | None = None) -> None:
        """Remember ``value`` for ``path`` as it is now (or as it was at ``key``, taken before the work)."""
        key = key or file_key(path)
        if key is None:
            return
        self._load()[self._name(path)] = {"key": key, "value": value}
        self._dirty = True

    def save(self) -> None:
        """Write the cache if anything changed; failures are logged, never raised."""
        if not self._dirty or self._entries is None:
            return
        existing = {name: entry for name, entry in self._entries.items() if os.path.exists(name)}
        try:
            atomic_write_text(self.cache_file, json.dumps({"version": self.version, "entries": existing}))
            self._dirty = False
        except OSError as exc:
            log.warning("cannot write cache %s: %s", self.cache_file.name, exc)
