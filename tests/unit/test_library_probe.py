"""Model headers are read in a separate process: a file that hangs or kills it is listed, never fatal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.library import probe
from desktop.library.probe import probe_files
from tests.support.broken_models import WELL_FORMED, write_broken_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_probe_command_prints_one_json_line_per_file(tiny_model: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model")
    completed = subprocess.run(
        [sys.executable, "-m", "desktop", "--probe", str(tiny_model), str(junk), str(tmp_path / "absent.gguf")],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    lines = [json.loads(line) for line in completed.stdout.splitlines()]
    assert [line["path"] for line in lines] == [str(tiny_model), str(junk), str(tmp_path / "absent.gguf")]
    assert lines[0]["facts"]["architecture"] == "llama"
    assert lines[1]["reason"] == "bad_magic"
    assert lines[2]["reason"] == "unreadable"


def test_probe_files_on_the_broken_corpus(tiny_model: Path, tmp_path: Path) -> None:
    corpus = write_broken_corpus(tmp_path / "corpus", tiny_model)
    paths = [tiny_model, *corpus.values()]
    results = probe_files(paths, timeout_s=30)
    assert [result.path for result in results] == [Path(path) for path in paths]
    by_path = {result.path: result for result in results}
    assert by_path[tiny_model].ok and by_path[tiny_model].facts["name"] == "tiny-chat"
    for kind, path in corpus.items():
        result = by_path[path]
        if kind in WELL_FORMED:
            assert result.ok, kind
        else:
            assert not result.ok and result.reason, kind


FAKE_PROBE = r"""
import json, os, sys, time
for path in sys.argv[1:]:
    if path.endswith("hang.gguf"):
        time.sleep(120)
    if path.endswith("crash.gguf"):
        os.abort()
    print(json.dumps({"path": path, "facts": {"name": os.path.basename(path)}}), flush=True)
"""


def test_a_hanging_or_crashing_file_is_listed_and_the_others_still_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A stand-in probe that hangs on one file and aborts on another, as a crafted file could make it.
    monkeypatch.setattr(probe, "probe_command", lambda paths: [sys.executable, "-c", FAKE_PROBE, *paths])
    names = ["a.gguf", "hang.gguf", "b.gguf", "crash.gguf", "c.gguf"]
    results = probe_files([tmp_path / name for name in names], timeout_s=2)
    assert [result.path.name for result in results] == names
    outcome = {result.path.name: (result.facts or {}).get("name") or result.reason for result in results}
    assert outcome == {
        "a.gguf": "a.gguf", "hang.gguf": "probe_timeout", "b.gguf": "b.gguf",
        "crash.gguf": "probe_crashed", "c.gguf": "c.gguf",
    }


def test_no_files_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(probe, "probe_command", lambda paths: pytest.fail("no process for no files"))
    assert probe_files([]) == []


def test_long_lists_are_split_into_short_command_lines() -> None:
    paths = [f"/models/{'x' * 200}-{i}.gguf" for i in range(300)]
    batches = probe._batches(paths)
    assert len(batches) > 1
    assert [path for batch in batches for path in batch] == paths
    assert all(sum(len(path) + 3 for path in batch) <= probe.MAX_COMMAND_CHARS for batch in batches)


def test_frozen_build_probes_with_the_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert probe.probe_command(["m.gguf"]) == [sys.executable, "--probe", "m.gguf"]


@pytest.mark.skipif(os.name != "posix" or sys.platform == "darwin", reason="RLIMIT_AS is enforced on Linux")
def test_probe_process_limits_its_memory() -> None:
    code = (
        "import resource; from desktop.library.probe import _limit_memory; _limit_memory();"
        "print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert int(completed.stdout) == probe.PROBE_MEMORY_LIMIT_BYTES
