"""The history of past runs, kept in SQLite in the user data folder.

Every run — pane, template, inputs, output, model, timings, date — is one row.
Staff can search it, reopen a run, delete one run or all of them. Deleted text
is really gone: ``secure_delete`` overwrites freed pages, and deleting
everything ends with ``VACUUM``. Rows older than the retention period are
removed when the store opens and after each new run. With history turned off,
nothing is recorded.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SECONDS_PER_DAY = 86400

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at REAL NOT NULL,
    pane TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    template TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    inputs TEXT NOT NULL DEFAULT '{}',
    output TEXT NOT NULL DEFAULT '',
    stats TEXT NOT NULL DEFAULT '{}',
    options TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS runs_created ON runs(created_at);
"""


@dataclass
class Run:
    """One past run. ``inputs`` and ``options`` are what the pane needs to reopen it; ``stats`` holds timings."""

    pane: str
    output: str
    inputs: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    template: str = ""
    model: str = ""
    stats: dict[str, Any] = field(default_factory=dict)
    created_at: float = 0.0
    id: int | None = None
    options: dict[str, Any] = field(default_factory=dict)


class HistoryStore:
    """Past runs in one SQLite file, readable only by the user where the OS allows.

    ``clock`` gives the current time in seconds (injected by tests).
    """

    def __init__(
        self,
        path: Path,
        *,
        enabled: bool = True,
        retention_days: int = 30,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.enabled = enabled
        self.retention_days = retention_days
        self._clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path))
        self._db.execute("PRAGMA secure_delete = ON")
        self._db.executescript(_SCHEMA)
        _add_missing_columns(self._db)
        self._db.commit()
        if os.name == "posix":
            self.path.chmod(0o600)
        self.purge_expired()

    def close(self) -> None:
        self._db.close()

    def record(self, run: Run) -> int | None:
        """Store ``run`` and return its id; returns None (and stores nothing) when history is off."""
        if not self.enabled:
            return None
        created = run.created_at or self._clock()
        cursor = self._db.execute(
            "INSERT INTO runs (created_at, pane, title, template, model, inputs, output, stats, options)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (created, run.pane, run.title, run.template, run.model,
             json.dumps(run.inputs, ensure_ascii=False), run.output,
             json.dumps(run.stats, ensure_ascii=False), json.dumps(run.options, ensure_ascii=False)),
        )
        self._db.commit()
        self.purge_expired()
        return int(cursor.lastrowid)

    def get(self, run_id: int) -> Run | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM runs WHERE id = ?", (run_id,)).fetchone()
        return _run_from_row(row) if row else None

    def search(self, text: str = "", *, pane: str | None = None, limit: int = 200) -> list[Run]:
        """Newest first; ``text`` matches title, template, inputs or output (case-insensitive)."""
        clauses, params = [], []
        if text:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append(
                "(title LIKE ? ESCAPE '\\' OR template LIKE ? ESCAPE '\\'"
                " OR inputs LIKE ? ESCAPE '\\' OR output LIKE ? ESCAPE '\\')"
            )
            params += [pattern] * 4
        if pane:
            clauses.append("pane = ?")
            params.append(pane)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM runs {where} ORDER BY created_at DESC, id DESC LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [_run_from_row(row) for row in rows]

    def update_output(self, run_id: int, output: str, stats: dict[str, Any] | None = None) -> bool:
        """The user edited run ``run_id``'s result: keep ``output`` as its text (``stats["edited"]`` is set).

        ``stats`` replaces those keys of the run's stats (e.g. a translation's
        ``translations`` by block). False when history is off or the run is
        gone (deleted, expired).
        """
        run = self.get(run_id) if self.enabled else None
        if run is None:
            return False
        stats = {**run.stats, **(stats or {}), "edited": True}
        self._db.execute("UPDATE runs SET output = ?, stats = ? WHERE id = ?",
                         (output, json.dumps(stats, ensure_ascii=False), run_id))
        self._db.commit()
        return True

    def delete(self, run_id: int) -> None:
        self._db.execute("DELETE FROM runs WHERE id = ?", (run_id,))
        self._db.commit()

    def delete_all(self) -> None:
        """Remove every run and rewrite the file so that no deleted text remains in it."""
        self._db.execute("DELETE FROM runs")
        self._db.commit()
        self._db.execute("VACUUM")

    def purge_expired(self) -> int:
        """Delete runs older than the retention period; returns how many went."""
        cutoff = self._clock() - self.retention_days * SECONDS_PER_DAY
        cursor = self._db.execute("DELETE FROM runs WHERE created_at < ?", (cutoff,))
        self._db.commit()
        return cursor.rowcount

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM runs").fetchone()[0])


_COLUMNS = "id, created_at, pane, title, template, model, inputs, output, stats, options"


def _add_missing_columns(db: sqlite3.Connection) -> None:
    """Bring a history file written by an older Fumi up to the current columns."""
    present = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
    if "options" not in present:
        db.execute("ALTER TABLE runs ADD COLUMN options TEXT NOT NULL DEFAULT '{}'")


def _run_from_row(row: tuple) -> Run:
    run_id, created_at, pane, title, template, model, inputs, output, stats, options = row
    return Run(
        id=run_id, created_at=created_at, pane=pane, title=title, template=template,
        model=model, inputs=json.loads(inputs), output=output, stats=json.loads(stats),
        options=json.loads(options),
    )
