"""The history store: record, search, reopen, delete, retention, no-history, erasure."""

import os
import stat

import pytest

from desktop.history import HistoryStore, Run, SECONDS_PER_DAY


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path, clock) -> HistoryStore:
    store = HistoryStore(tmp_path / "history.sqlite3", clock=clock)
    yield store
    store.close()


def test_record_and_reopen_keeps_every_field(store):
    run = Run(pane="draft", template="minutes", title="議事録", model="qwen",
              inputs={"fields": {"notes": "会議メモ {x}"}}, output="本日の会議は…",
              stats={"seconds": 1.5, "tokens_per_s": 12.0})
    run_id = store.record(run)
    again = store.get(run_id)
    assert again.inputs == run.inputs and again.output == run.output
    assert again.stats == run.stats and again.pane == "draft" and again.template == "minutes"
    assert again.created_at > 0


def test_search_matches_inputs_and_output_newest_first(store, clock):
    store.record(Run(pane="draft", output="予算の説明", inputs={}))
    clock.now += 10
    store.record(Run(pane="summarize", output="別の話", inputs={"text": "予算書"}))
    clock.now += 10
    store.record(Run(pane="translate", output="unrelated", inputs={}))
    found = store.search("予算")
    assert [run.pane for run in found] == ["summarize", "draft"]
    assert [run.pane for run in store.search("予算", pane="draft")] == ["draft"]
    assert store.search("100%") == []  # LIKE wildcards in the query are literal


def test_delete_one_and_all(store):
    first = store.record(Run(pane="draft", output="一"))
    store.record(Run(pane="draft", output="二"))
    store.delete(first)
    assert store.get(first) is None and store.count() == 1
    store.delete_all()
    assert store.count() == 0


def test_deleted_text_is_gone_from_the_file(tmp_path, clock):
    path = tmp_path / "h.sqlite3"
    store = HistoryStore(path, clock=clock)
    secret = "極秘の人事案件ZQXJ" * 50
    run_id = store.record(Run(pane="draft", output=secret))
    store.delete(run_id)
    assert secret.encode("utf-8")[:30] not in path.read_bytes()
    store.record(Run(pane="draft", output=secret))
    store.delete_all()
    store.close()
    assert secret.encode("utf-8")[:30] not in path.read_bytes()


def test_retention_removes_old_runs(tmp_path, clock):
    store = HistoryStore(tmp_path / "h.sqlite3", clock=clock, retention_days=30)
    store.record(Run(pane="draft", output="old"))
    clock.now += 31 * SECONDS_PER_DAY
    store.record(Run(pane="draft", output="new"))
    assert [run.output for run in store.search()] == ["new"]
    store.close()


def test_history_off_records_nothing(tmp_path, clock):
    store = HistoryStore(tmp_path / "h.sqlite3", clock=clock, enabled=False)
    assert store.record(Run(pane="draft", output="x")) is None
    assert store.count() == 0
    store.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_history_file_is_private(store):
    mode = stat.S_IMODE(store.path.stat().st_mode)
    assert mode & 0o077 == 0


def test_an_edit_replaces_the_output_and_the_given_stats(store):
    run_id = store.record(Run(pane="translate", title="t", output="A\n\nB",
                              stats={"seconds": 2.0, "translations": {"0": "A", "1": "B"}}))
    assert store.update_output(run_id, "A\n\nB (edited)", {"translations": {"0": "A", "1": "B (edited)"}})
    run = store.get(run_id)
    assert run.output == "A\n\nB (edited)" and run.stats["edited"] is True and run.stats["seconds"] == 2.0
    assert run.stats["translations"]["1"] == "B (edited)"
    assert not store.update_output(run_id + 1, "gone")
