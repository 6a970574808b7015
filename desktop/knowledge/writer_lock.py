"""One writer at a time for the library index, across windows and command lines.

SQLite already keeps the file consistent under concurrent writers (each file's
update is one transaction). This lock keeps two updates from doing the same
work twice: a second window or ``fumi index`` waits for the first to finish
(polling ``cancelled``) or gives up after ``timeout_s`` with ``LibraryBusy``.
The lock is an OS file lock (``fcntl.flock`` / ``msvcrt.locking``) on a file
beside the index, so it is released when the holder's process ends, even by a crash.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class LibraryBusy(Exception):
    """Another process is updating the library."""


def _try_lock(handle) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(handle) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def writer_lock(index_path: Path, *, timeout_s: float = 600.0,
                cancelled: Callable[[], bool] = lambda: False,
                on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the library's writer lock for the ``with`` block; ``LibraryBusy`` after ``timeout_s``."""
    lock_path = Path(index_path).with_name(Path(index_path).name + ".lock")
    handle = open(lock_path, "a+b")
    try:
        deadline = time.monotonic() + timeout_s
        told = False
        while not _try_lock(handle):
            if not told and on_wait is not None:
                on_wait()
                told = True
            if cancelled() or time.monotonic() > deadline:
                raise LibraryBusy()
            time.sleep(0.2)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()
