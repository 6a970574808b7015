"""Autosave of every pane's editable text, and recovery after a crash.

Each pane's text is one file ``<key>.txt`` in the autosave folder, written
atomically; the copy before it is kept as ``<key>.prev.txt``, so a write cut
off half-way still leaves a good copy. A session marker file exists while Fumi
runs; if it is still there at the next start, that session did not end
cleanly and its autosaved texts are offered back.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from desktop.settings import atomic_write_text

SESSION_MARKER = "session.running"
_RETRY_DELAYS_S = (0.05, 0.1, 0.2, 0.4, 0.8)  # antivirus may hold a file briefly on Windows
_KEY_PATTERN = re.compile(r"^[a-z0-9_\-]+$")


class AutosaveStore:
    """Texts autosaved under ``folder``, keyed by pane (``[a-z0-9_-]+``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            self.folder.chmod(0o700)

    def _file(self, key: str, previous: bool = False) -> Path:
        if not _KEY_PATTERN.match(key):
            raise ValueError(f"bad autosave key: {key!r}")
        return self.folder / (f"{key}.prev.txt" if previous else f"{key}.txt")

    def save(self, key: str, text: str) -> None:
        """Write ``text`` for ``key``, keeping the previous good copy; retries while the file is held."""
        current, previous = self._file(key), self._file(key, previous=True)
        for attempt, delay in enumerate((0.0, *_RETRY_DELAYS_S)):
            time.sleep(delay)
            try:
                if current.exists():
                    os.replace(current, previous)
                atomic_write_text(current, text)
                return
            except PermissionError:
                if attempt == len(_RETRY_DELAYS_S):
                    raise

    def load(self, key: str) -> str | None:
        """The newest readable copy for ``key`` (falling back to the previous one), or None."""
        for path in (self._file(key), self._file(key, previous=True)):
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        return None

    def keys(self) -> list[str]:
        names = {p.name.removesuffix(".prev.txt").removesuffix(".txt") for p in self.folder.glob("*.txt")}
        return sorted(name for name in names if _KEY_PATTERN.match(name))

    def recoverable(self) -> dict[str, str]:
        """Every key with non-empty saved text."""
        found = {key: self.load(key) for key in self.keys()}
        return {key: text for key, text in found.items() if text and text.strip()}

    def discard(self, key: str) -> None:
        for path in (self._file(key), self._file(key, previous=True)):
            path.unlink(missing_ok=True)

    def discard_all(self) -> None:
        for key in self.keys():
            self.discard(key)

    # -- the session marker

    def previous_session_crashed(self) -> bool:
        """True if the last session left its marker behind (it did not close cleanly)."""
        return (self.folder / SESSION_MARKER).exists()

    def begin_session(self) -> None:
        atomic_write_text(self.folder / SESSION_MARKER, str(os.getpid()))

    def end_session(self) -> None:
        """A clean exit: the marker goes, and so do the autosaved texts (the user was asked first)."""
        self.discard_all()
        (self.folder / SESSION_MARKER).unlink(missing_ok=True)
