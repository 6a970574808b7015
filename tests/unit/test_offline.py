"""The offline guard refuses internet sockets (checked in a child process: the guard cannot be removed)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import os, socket
    from desktop import offline
    offline.install()
    offline.install()  # idempotent
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    refused = []
    for attempt in (
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM),
        lambda: socket.getaddrinfo("example.com", 80),
        lambda: socket.create_connection(("127.0.0.1", 9)),
    ):
        try:
            attempt()
        except offline.OfflineError as exc:
            refused.append(str(exc))
    a, b = socket.socketpair(socket.AF_UNIX)  # local sockets stay allowed
    a.close(); b.close()
    print(len(refused))
    print(refused[0])
""")


def test_guard_refuses_internet_sockets_and_allows_local_ones() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    count, first = result.stdout.splitlines()[:2]
    assert count == "4"
    assert "offline" in first
