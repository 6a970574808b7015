"""Bringing the index up to date with the library's folders (incremental).

A file is read again only when its size or modification time changed *and*
its SHA-256 differs from the one indexed (a file copied back with a new time
is not read again). Files gone from the folders, or under a folder no longer
in the library, are removed from the index.

Promises:
- A file that cannot be read is stored as failed with the reader's reason
  (in the user's language) and the update goes on with the next file.
- A file that changes while it is read is left as it was in the index and
  reported as failed for this update; the next update reads it again.
- ``cancelled()`` is checked between files; what was done stays done.
- Only one update runs at a time (``writer_lock``).
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.messages import message

from .passages import passages_of
from .store import Index
from .writer_lock import writer_lock

log = logging.getLogger(__name__)

SUFFIXES = (".docx", ".pdf", ".txt", ".md")
#: A "page" of a file without pages (docx, txt, md), for the speed figures: characters.
CHARS_PER_PAGE = 1000
#: Files listed per folder at most (a runaway share cannot make the scan endless).
MAX_FILES_PER_FOLDER = 100_000

Progress = Callable[[int, int, str], None]


@dataclass
class Failure:
    file: str
    reason: str


@dataclass
class UpdateReport:
    """What one update did; ``pages`` counts what was read (PDF pages, else 1,000 characters each)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    unchanged: int = 0
    pages: int = 0
    passages: int = 0
    cancelled: bool = False

    def as_dict(self) -> dict:
        return {
            "added": self.added, "changed": self.changed, "removed": self.removed,
            "failed": [{"file": f.file, "reason": f.reason} for f in self.failed],
            "unchanged": self.unchanged, "pages": self.pages, "passages": self.passages,
            "cancelled": self.cancelled,
        }


def scan_folder(folder: str, cancelled: Callable[[], bool] = lambda: False) -> list[str]:
    """Every supported file under ``folder`` (absolute paths, sorted); Office lock files and hidden files skipped.

    Folders that cannot be listed are skipped (logged), never fatal.
    """
    found: list[str] = []
    stack = [folder]
    while stack and len(found) < MAX_FILES_PER_FOLDER and not cancelled():
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.startswith((".", "~$")):
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        elif entry.is_file() and entry.name.lower().endswith(SUFFIXES):
                            found.append(os.path.normpath(entry.path))
                    except OSError:
                        continue
        except OSError as exc:
            log.warning("cannot list a library folder (%s)", type(exc).__name__)
    return sorted(found)


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _pages(document) -> int:
    pages = {block.page for block in document.blocks if block.page is not None}
    if pages:
        return len(pages)
    return max(1, math.ceil(sum(len(block.text) for block in document.blocks) / CHARS_PER_PAGE))


def update_index(
    index: Index,
    folders: list[str],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    lang: str | None = None,
) -> UpdateReport:
    """Bring ``index`` up to date with ``folders`` (absolute paths); returns what changed."""
    with writer_lock(index.path, cancelled=cancelled,
                     on_wait=lambda: progress and progress(0, 0, message("knowledge.waiting_writer"))):
        return _update(index, folders, progress or (lambda *_: None), cancelled, lang)


def _update(index: Index, folders: list[str], progress: Progress, cancelled: Callable[[], bool],
            lang: str | None) -> UpdateReport:
    report = UpdateReport()
    progress(0, 0, message("knowledge.scanning"))
    on_disk: dict[str, str] = {}
    for folder in folders:
        for path in scan_folder(folder, cancelled):
            on_disk.setdefault(path, folder)
    if cancelled():
        report.cancelled = True
        return report
    known = {record.path: record for record in index.files()}
    for path, record in known.items():
        if path not in on_disk:
            index.remove(path)
            report.removed.append(path)
    total = len(on_disk)
    for done, (path, folder) in enumerate(sorted(on_disk.items())):
        if cancelled():
            report.cancelled = True
            break
        progress(done, total, os.path.basename(path))
        try:
            _update_file(index, path, folder, known.get(path), report, lang)
        except Exception as exc:  # one bad file never stops the rest
            log.warning("indexing a file failed with %s", type(exc).__name__)
            report.failed.append(Failure(path, message("knowledge.read_failed", kind=type(exc).__name__)))
    else:
        progress(total, total, message("knowledge.done"))
    return report


def read_library_file(path: str, lang: str | None = None):
    """The ``Document`` of one library file; raises ``DocumentError``.

    .docx and .pdf go through the intake's isolated reader (``desktop.reading.read_isolated``:
    a child process bounded in time and memory), since their zip/XML/PDF parsers are where a
    crafted or broken file can hang or crash a process. Plain .txt/.md are decoded in this
    process: no parser of a binary format is involved, the readers' size limit applies, and a
    process per text file would make indexing a large library several times slower.
    """
    if path.lower().endswith((".txt", ".md")):
        from desktop.documents import read_document

        return read_document(path, lang=lang)
    from desktop.reading import read_isolated

    return read_isolated(path, lang=lang)


def _update_file(index: Index, path: str, folder: str, record, report: UpdateReport, lang: str | None) -> None:
    from desktop.documents import DocumentError
    from desktop.messages import describe

    try:
        before = os.stat(path)
    except OSError:
        return  # gone since the scan: the next update removes it
    if record is not None and record.size == before.st_size and record.mtime_ns == before.st_mtime_ns:
        report.unchanged += 1
        return
    digest = _sha256(path)
    if record is not None and record.state == "ok" and record.sha256 == digest:
        index.touch(path, before.st_size, before.st_mtime_ns)
        report.unchanged += 1
        return
    try:
        document = read_library_file(path, lang)
    except DocumentError as exc:
        reason = describe(exc, lang)
        index.store_failure(path, folder, before.st_size, before.st_mtime_ns, reason)
        report.failed.append(Failure(path, reason))
        return
    after = os.stat(path)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        report.failed.append(Failure(path, message("knowledge.changed_while_reading")))
        return
    passages = passages_of(document, path)
    pages = _pages(document)
    index.store_file(path, folder, before.st_size, before.st_mtime_ns, digest,
                     document.title or Path(path).stem, pages, passages)
    (report.changed if record is not None else report.added).append(path)
    report.pages += pages
    report.passages += len(passages)

