"""Offline, whole program: the real window does a draft, a summary and a translation, and no
internet socket is ever created, neither in the window's process nor in the engine's.

The window runs in a child process started through Fumi's real start-up
(``tests/support/window_driver.py``, scenario ``offline``). While it works, this
test samples the sockets of that process and of every process it started
(/proc), every few milliseconds; under strace (when it is installed and
allowed) every socket call of both processes is checked as well. The runs also
land in the history, so this checks the recorder inside the real window too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.history import HistoryStore
from desktop.settings import Paths
from tests.engine.test_offline_engine import internet_socket_inodes, socket_inodes
from tests.ui.test_autosave_recovery import descendants

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.timeout(300),
              pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs /proc")]


def _driver(model: Path, home: Path, prefix: list[str] | None = None) -> subprocess.Popen:
    env = {**os.environ, "FUMI_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "FUMI_MODELS": str(model.parent)}
    return subprocess.Popen(
        [*(prefix or []), sys.executable, "-m", "tests.support.window_driver", "offline", str(model)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _results(stdout: str) -> dict[str, str]:
    lines = stdout.splitlines()
    assert "DONE" in lines, stdout[-3000:]
    return {item["pane"]: item["output"] for item in map(json.loads, (l for l in lines if l.startswith("{")))}


def test_draft_summary_and_translation_without_a_network_socket(fumi_home, tiny_model):
    seen: set[str] = set()
    sampled: set[int] = set()
    stop = threading.Event()
    child = _driver(tiny_model, fumi_home)

    def sample() -> None:
        while not stop.is_set():
            pids = [child.pid, *descendants(child.pid)]
            sampled.update(pids)
            inet = internet_socket_inodes()
            for pid in pids:
                seen.update(socket_inodes(pid) & inet)
            stop.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = child.communicate(timeout=240)
    finally:
        stop.set()
        sampler.join()
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, stderr[-3000:]
    results = _results(stdout)
    assert set(results) == {"draft", "summarize", "translate"}
    assert all(results.values()), results
    assert len(sampled) >= 2  # the window and the engine were both watched
    assert seen == set()

    paths = Paths.default()
    log_text = paths.log_file.read_text(encoding="utf-8", errors="replace")
    assert "refused a network call" not in log_text
    history = HistoryStore(paths.history_db)
    assert {run.pane for run in history.search()} == {"draft", "summarize", "translate"}
    history.close()
    assert not (paths.autosave / "session.running").exists()  # it closed cleanly


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_no_inet_socket_call_in_the_whole_program_under_strace(fumi_home, tiny_model, tmp_path):
    trace = tmp_path / "trace.txt"
    child = _driver(tiny_model, fumi_home, ["strace", "-f", "-e", "trace=socket,connect", "-o", str(trace)])
    stdout, stderr = child.communicate(timeout=240)
    if "ptrace" in stderr and child.returncode != 0:
        pytest.skip("ptrace is not permitted here")
    assert child.returncode == 0, stderr[-3000:]
    assert set(_results(stdout)) == {"draft", "summarize", "translate"}
    calls = trace.read_text()
    assert "AF_INET" not in calls  # AF_INET and AF_INET6
