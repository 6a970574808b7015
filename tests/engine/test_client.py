"""``EngineClient`` over QProcess, with the real worker: signals, cancel, crash and recovery."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from desktop.engine.client import EngineClient

pytestmark = pytest.mark.timeout(120)


class Recorder:
    """Collects the client's signals."""

    def __init__(self, client: EngineClient) -> None:
        self.deltas: dict[str, list[str]] = {}
        self.finals: dict[str, tuple] = {}
        self.states: list[str] = []
        client.delta.connect(lambda rid, text: self.deltas.setdefault(rid, []).append(text))
        client.loaded.connect(lambda rid, facts: self.finals.__setitem__(rid, ("loaded", facts)))
        client.done.connect(lambda rid, stats: self.finals.__setitem__(rid, ("done", stats)))
        client.error.connect(lambda rid, code, text: self.finals.__setitem__(rid, ("error", code, text)))
        client.state_changed.connect(self.states.append)


@pytest.fixture
def client(qtbot):
    engine = EngineClient()
    recorder = Recorder(engine)
    engine.start()
    yield engine, recorder
    engine.shutdown()


def wait_final(qtbot, recorder: Recorder, request_id: str, timeout: int = 60000) -> tuple:
    qtbot.waitUntil(lambda: request_id in recorder.finals, timeout=timeout)
    return recorder.finals[request_id]


def test_load_and_stream(qtbot, client, tiny_model: Path) -> None:
    engine, recorder = client
    load_id = engine.load(str(tiny_model), n_ctx=512)
    assert wait_final(qtbot, recorder, load_id)[0] == "loaded"
    assert engine.model_facts["name"] == "tiny-chat"
    # a fixed seed: with a random one the random model now and then ended before 8 tokens
    job_id = engine.run_job("generate", {"prompt": "こんにちは"}, {"max_tokens": 8, "seed": 1})
    kind, stats = wait_final(qtbot, recorder, job_id)
    assert kind == "done" and stats["generated_tokens"] == 8
    assert "".join(recorder.deltas[job_id])
    count_id = engine.count_tokens("hello")
    assert wait_final(qtbot, recorder, count_id)[1]["tokens"] > 0
    assert {"loading", "busy", "idle"} <= set(recorder.states)
    qtbot.waitUntil(lambda: engine.state == "idle")


def test_cancel_mid_stream(qtbot, client, slow_model: Path) -> None:
    engine, recorder = client
    assert wait_final(qtbot, recorder, engine.load(str(slow_model), n_ctx=4096))[0] == "loaded"
    job_id = engine.run_job("generate", {"prompt": "x"}, {"max_tokens": 4000, "ignore_eos": True})
    qtbot.waitUntil(lambda: len(recorder.deltas.get(job_id, [])) >= 3, timeout=30000)
    engine.cancel(job_id)
    final = wait_final(qtbot, recorder, job_id, timeout=10000)
    assert final[:2] == ("error", "cancelled")
    assert len(recorder.deltas[job_id]) < 1000


def test_killed_worker_is_reported_and_replaced(qtbot, client, slow_model: Path, tiny_model: Path) -> None:
    engine, recorder = client
    assert wait_final(qtbot, recorder, engine.load(str(slow_model), n_ctx=4096))[0] == "loaded"
    job_id = engine.run_job("generate", {"prompt": "x"}, {"max_tokens": 4000, "ignore_eos": True})
    qtbot.waitUntil(lambda: len(recorder.deltas.get(job_id, [])) >= 3, timeout=30000)
    streamed = list(recorder.deltas[job_id])
    first_pid = engine.pid()
    os.kill(first_pid, signal.SIGKILL)
    final = wait_final(qtbot, recorder, job_id)
    assert final[:2] == ("error", "engine_crashed")
    assert recorder.deltas[job_id][: len(streamed)] == streamed  # nothing retracted
    assert engine.model_facts is None  # not silently reloaded
    qtbot.waitUntil(lambda: engine.state == "idle" and engine.pid() not in (0, first_pid), timeout=30000)
    # the next request works on the fresh worker
    assert wait_final(qtbot, recorder, engine.load(str(tiny_model), n_ctx=256))[0] == "loaded"
    again = engine.run_job("generate", {"prompt": "x"}, {"max_tokens": 4})
    assert wait_final(qtbot, recorder, again)[0] == "done"


def test_broken_file_is_model_corrupt(qtbot, client, tmp_path: Path) -> None:
    engine, recorder = client
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + os.urandom(200))
    final = wait_final(qtbot, recorder, engine.load(str(bad)))
    assert final[:2] == ("error", "model_corrupt") and final[2]
    assert engine.model_facts is None


def test_requests_before_start_are_sent_once_started(qtbot, tiny_model: Path) -> None:
    engine = EngineClient()
    recorder = Recorder(engine)
    try:
        load_id = engine.load(str(tiny_model), n_ctx=256)  # starts the worker itself
        assert wait_final(qtbot, recorder, load_id)[0] == "loaded"
    finally:
        engine.shutdown()
    assert engine.state == "stopped"


def test_shutdown_later_returns_at_once_and_reports_the_end(qtbot, client, slow_model: Path, blocking_waits) -> None:
    engine, recorder = client
    assert wait_final(qtbot, recorder, engine.load(str(slow_model), n_ctx=4096))[0] == "loaded"
    job_id = engine.run_job("generate", {"prompt": "x"}, {"max_tokens": 4000, "ignore_eos": True})
    qtbot.waitUntil(lambda: len(recorder.deltas.get(job_id, [])) >= 3, timeout=30000)
    pid = engine.pid()
    engine.shutdown_later()
    assert engine.state != "stopped" and not blocking_waits     # asked, not waited for
    qtbot.waitUntil(lambda: engine.state == "stopped", timeout=10000)
    assert wait_final(qtbot, recorder, job_id)[0] == "error"   # the job in flight was ended
    assert not Path(f"/proc/{pid}").exists() and engine.pid() == 0
    qtbot.wait(300)
    assert engine.state == "stopped" and engine.model_facts is None   # and no fresh worker followed


def test_shutdown_later_while_starting_stops_it_once_started(qtbot, blocking_waits) -> None:
    engine = EngineClient()
    engine.start()
    engine.shutdown_later()
    qtbot.waitUntil(lambda: engine.state == "stopped", timeout=10000)
    qtbot.wait(300)
    assert engine.state == "stopped" and not blocking_waits
