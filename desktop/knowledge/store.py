"""The library's index: one SQLite file in the user data folder (WAL journal).

Tables: ``files`` (every file seen: size, mtime, SHA-256, state and, for a
file that failed, the reason), ``passages`` (text and location), ``passage_terms`` (an
FTS5 table of the passages' bigram terms, rowid = passage id) and ``vectors``
(float32 embeddings as BLOBs, with the embedding model's name).

Promises:
- ``open_index`` gives a working index or builds a new one: a file that is
  not a database, fails ``PRAGMA quick_check`` or has another
  ``SCHEMA_VERSION`` is moved aside (``.broken-<time>``) and rebuilt, and
  ``Index.notice`` holds the message saying so.
- Each file's update is one transaction (``BEGIN IMMEDIATE``): readers always
  see a file's passages whole, old or new. WAL lets windows read while one
  writes; ``busy_timeout`` makes a second writer wait, never corrupt.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop.messages import message

from .bigrams import fts_document
from .passages import Passage

log = logging.getLogger(__name__)

#: Raise when the tables or the way text is cut into terms change: older files are rebuilt.
SCHEMA_VERSION = 3
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    folder TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,            -- 'ok' or 'failed'
    reason TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    pages INTEGER NOT NULL DEFAULT 0,
    indexed_at REAL NOT NULL
);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    location TEXT NOT NULL,
    heading TEXT NOT NULL,
    page INTEGER,
    text TEXT NOT NULL
);
CREATE INDEX passages_file ON passages(file_id);
CREATE VIRTUAL TABLE passage_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE term_stats USING fts5vocab(passage_terms, row);
CREATE TABLE vectors (
    passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    vector BLOB NOT NULL
);
"""


_VECTOR_CACHE: dict[tuple[str, str], tuple[tuple, np.ndarray, np.ndarray]] = {}
_VECTOR_CACHE_LOCK = threading.Lock()


@dataclass
class FileRecord:
    """What the index remembers of one file."""

    id: int
    path: str
    folder: str
    size: int
    mtime_ns: int
    sha256: str
    state: str
    reason: str
    title: str
    pages: int
    indexed_at: float


@dataclass
class StoredPassage:
    id: int
    file: str
    location: str
    heading: str
    page: int | None
    text: str


class Index:
    """An open index. Not shared between threads: open one per thread."""

    def __init__(self, connection: sqlite3.Connection, path: Path, notice: str = "") -> None:
        self.connection = connection
        self.path = path
        self.notice = notice

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading

    def files(self) -> list[FileRecord]:
        rows = self.connection.execute(
            "SELECT id, path, folder, size, mtime_ns, sha256, state, reason, title, pages, indexed_at"
            " FROM files ORDER BY path").fetchall()
        return [FileRecord(*row) for row in rows]

    def file(self, path: str) -> FileRecord | None:
        row = self.connection.execute(
            "SELECT id, path, folder, size, mtime_ns, sha256, state, reason, title, pages, indexed_at"
            " FROM files WHERE path = ?", (path,)).fetchone()
        return FileRecord(*row) if row else None

    def passage_count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM passages").fetchone()[0]

    def passages(self, ids: Iterable[int]) -> dict[int, StoredPassage]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.connection.execute(
            "SELECT p.id, f.path, p.location, p.heading, p.page, p.text FROM passages p"
            f" JOIN files f ON f.id = p.file_id WHERE p.id IN ({marks})", ids).fetchall()
        return {row[0]: StoredPassage(*row) for row in rows}

    def get_meta(self, key: str, default: str = "") -> str:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    # ------------------------------------------------------------------ writing

    def set_meta(self, key: str, value: str) -> None:
        with self.connection:
            self.connection.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def store_file(self, path: str, folder: str, size: int, mtime_ns: int, sha256: str,
                   title: str, pages: int, passages: list[Passage]) -> int:
        """Replace what the index holds for ``path`` with ``passages``, in one transaction."""
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            self._forget(path)
            cursor = db.execute(
                "INSERT INTO files(path, folder, size, mtime_ns, sha256, state, reason, title, pages, indexed_at)"
                " VALUES (?, ?, ?, ?, ?, 'ok', '', ?, ?, ?)",
                (path, folder, size, mtime_ns, sha256, title, pages, time.time()))
            file_id = cursor.lastrowid
            for order, passage in enumerate(passages):
                cursor = db.execute(
                    "INSERT INTO passages(file_id, ord, location, heading, page, text) VALUES (?, ?, ?, ?, ?, ?)",
                    (file_id, order, passage.location, passage.heading, passage.page, passage.text))
                indexed = f"{Path(path).stem}\n{passage.heading}\n{passage.location}\n{passage.text}"
                db.execute("INSERT INTO passage_terms(rowid, terms) VALUES (?, ?)",
                           (cursor.lastrowid, fts_document(indexed)))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return file_id

    def store_failure(self, path: str, folder: str, size: int, mtime_ns: int, reason: str) -> None:
        """Remember that ``path`` could not be read, and why (its old passages are removed)."""
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            self._forget(path)
            db.execute(
                "INSERT INTO files(path, folder, size, mtime_ns, sha256, state, reason, indexed_at)"
                " VALUES (?, ?, ?, ?, '', 'failed', ?, ?)", (path, folder, size, mtime_ns, reason, time.time()))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        """The file changed its time but not its content: remember the new size and time."""
        with self.connection:
            self.connection.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, path))

    def remove(self, path: str) -> None:
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            self._forget(path)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _forget(self, path: str) -> None:
        db = self.connection
        row = db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
        if row is None:
            return
        ids = [r[0] for r in db.execute("SELECT id FROM passages WHERE file_id = ?", (row[0],))]
        db.executemany("DELETE FROM passage_terms WHERE rowid = ?", [(i,) for i in ids])
        db.executemany("DELETE FROM vectors WHERE passage_id = ?", [(i,) for i in ids])
        db.execute("DELETE FROM passages WHERE file_id = ?", (row[0],))
        db.execute("DELETE FROM files WHERE id = ?", (row[0],))

    # ------------------------------------------------------------------ vectors

    def passages_without_vectors(self, model: str, limit: int = 64) -> list[tuple[int, str]]:
        rows = self.connection.execute(
            "SELECT p.id, p.heading || '\n' || p.text FROM passages p LEFT JOIN vectors v"
            " ON v.passage_id = p.id AND v.model = ? WHERE v.passage_id IS NULL ORDER BY p.id LIMIT ?",
            (model, limit)).fetchall()
        return [(row[0], row[1]) for row in rows]

    def store_vectors(self, model: str, items: list[tuple[int, list[float]]]) -> None:
        with self.connection:
            self.connection.executemany(
                "INSERT OR REPLACE INTO vectors(passage_id, model, vector) SELECT ?, ?, ?"
                " WHERE EXISTS (SELECT 1 FROM passages WHERE id = ?)",
                [(pid, model, np.asarray(vec, dtype=np.float32).tobytes(), pid) for pid, vec in items])

    def vectors(self, model: str) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, matrix of unit-length rows) of every vector made by ``model``.

        Kept in memory per index file and model until the set of vectors changes
        (a cheap count/max query decides), so searches do not read every vector again.
        """
        key = self.connection.execute(
            "SELECT count(*), coalesce(max(passage_id), 0), coalesce(sum(passage_id), 0) FROM vectors WHERE model = ?",
            (model,)).fetchone()
        cache_key = (str(self.path), model)
        with _VECTOR_CACHE_LOCK:
            cached = _VECTOR_CACHE.get(cache_key)
            if cached is not None and cached[0] == key:
                return cached[1], cached[2]
        rows = self.connection.execute("SELECT passage_id, vector FROM vectors WHERE model = ?", (model,)).fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        matrix = np.vstack([np.frombuffer(row[1], dtype=np.float32) for row in rows])
        matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        with _VECTOR_CACHE_LOCK:
            _VECTOR_CACHE.clear()  # one library's vectors at a time: memory stays bounded
            _VECTOR_CACHE[cache_key] = (key, ids, matrix)
        return ids, matrix


def default_index_path() -> Path:
    from desktop.settings import Paths

    return Paths.default().library_index


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                 check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _check(connection: sqlite3.Connection) -> str:
    """"" when the file is a current, healthy index; else why it is not ("old", "corrupt")."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        return "old" if tables else "empty"
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or row[0] != str(SCHEMA_VERSION):
        return "old"
    if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        return "corrupt"
    connection.execute("SELECT count(*) FROM passage_terms WHERE passage_terms MATCH 'x'").fetchone()
    return ""


def _create(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            connection.execute("ROLLBACK")
            return  # another process created it meanwhile
        for statement in _SCHEMA.split(";\n"):
            if statement.strip():
                connection.execute(statement)
        connection.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def open_index(path: Path | None = None) -> Index:
    """The index at ``path`` (default: ``library.sqlite3`` in the user data folder), rebuilt if unusable."""
    path = Path(path) if path is not None else default_index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    notice = ""
    try:
        connection = _connect(path)
        problem = _check(connection)
    except sqlite3.DatabaseError as exc:
        log.warning("library index unreadable (%s); rebuilding", type(exc).__name__)
        problem = "corrupt"
        connection = None
    if problem in ("old", "corrupt"):
        if connection is not None:
            connection.close()
        _move_aside(path)
        notice = message(f"knowledge.index_{problem}")
        connection = _connect(path)
    if problem:
        _create(connection)
    return Index(connection, path, notice)


def _move_aside(path: Path) -> None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            try:
                source.replace(path.with_name(f"{path.name}.broken-{stamp}{suffix}"))
            except OSError:
                source.unlink(missing_ok=True)
