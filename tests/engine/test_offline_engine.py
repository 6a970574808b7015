"""No internet socket appears in either process during load + generate + cancel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from desktop.engine.protocol import Delta, Error, Job
from desktop.engine.session import EngineSession

pytestmark = [pytest.mark.timeout(120), pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs /proc")]

ROOT = Path(__file__).resolve().parents[2]


def internet_socket_inodes() -> set[str]:
    inodes = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        path = Path("/proc/net") / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9:
                    inodes.add(fields[9])
    return inodes


def socket_inodes(pid: int) -> set[str]:
    found = set()
    fd_dir = Path(f"/proc/{pid}/fd")
    for fd in fd_dir.iterdir() if fd_dir.exists() else ():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(target[8:-1])
    return found


def test_no_internet_socket_in_either_process(slow_model: Path) -> None:
    seen: set[str] = set()
    stop = threading.Event()
    pids = [os.getpid()]

    def sample() -> None:
        while not stop.is_set():
            inet = internet_socket_inodes()
            for pid in list(pids):
                seen.update(socket_inodes(pid) & inet)
            stop.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        with EngineSession() as session:
            pids.append(session.pid)
            session.load(slow_model, n_ctx=2048)
            job = Job(kind="generate", inputs={"prompt": "テスト"}, options={"max_tokens": 2000, "ignore_eos": True})
            count = 0
            for event in session.request(job):
                if isinstance(event, Delta):
                    count += 1
                    if count == 5:
                        session.cancel(job.id)
                final = event
            assert isinstance(final, Error) and final.code == "cancelled"
    finally:
        stop.set()
        sampler.join()
    assert seen == set()


SESSION_SCRIPT = textwrap.dedent("""
    import sys
    from desktop import offline
    offline.install()
    from desktop.engine.protocol import Delta, Job
    from desktop.engine.session import EngineSession
    with EngineSession() as session:
        session.load(sys.argv[1], n_ctx=1024)
        job = Job(kind="generate", inputs={"prompt": "x"}, options={"max_tokens": 1000, "ignore_eos": True})
        for n, event in enumerate(session.request(job)):
            if n == 10:
                session.cancel(job.id)
        print(type(event).__name__, getattr(event, "code", ""))
""")


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_no_inet_socket_call_under_strace(slow_model: Path, tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    result = subprocess.run(
        ["strace", "-f", "-e", "trace=socket,connect", "-o", str(trace),
         sys.executable, "-c", SESSION_SCRIPT, str(slow_model)],
        cwd=ROOT, capture_output=True, text=True, timeout=100,
    )
    if "ptrace" in result.stderr and result.returncode != 0:
        pytest.skip("ptrace is not permitted here")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Error cancelled" in result.stdout
    calls = trace.read_text()
    assert "AF_INET" not in calls  # AF_INET and AF_INET6
