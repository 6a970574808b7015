"""An engine whose window dies stops its work and exits instead of running on for nobody."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.timeout(120), pytest.mark.skipif(os.name != "posix", reason="POSIX process checks")]

ROOT = Path(__file__).resolve().parents[2]

PARENT_SCRIPT = textwrap.dedent("""
    import os, sys
    from desktop.engine.protocol import Delta, Job
    from desktop.engine.session import EngineSession
    session = EngineSession()
    session.load(sys.argv[1], n_ctx=8192)
    job = Job(kind="generate", inputs={"prompt": "x"}, options={"max_tokens": 8000, "ignore_eos": True})
    for n, event in enumerate(session.request(job)):
        if isinstance(event, Delta) and n == 5:
            print(session.pid, flush=True)
            os._exit(9)  # the window dies in the middle of a long generation
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")


def test_engine_exits_when_its_parent_dies_mid_generation(slow_model: Path) -> None:
    parent = subprocess.run(
        [sys.executable, "-c", PARENT_SCRIPT, str(slow_model)],
        cwd=ROOT, capture_output=True, text=True, timeout=90,
    )
    engine_pid = int(parent.stdout.split()[0])
    deadline = time.monotonic() + 15
    while _alive(engine_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(engine_pid)
    if alive:
        os.kill(engine_pid, 9)
    assert not alive, "the engine went on generating after its window died"
