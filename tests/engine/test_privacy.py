"""Privacy (issue 9, item 7): the user's text never reaches a log, and no stray temporary files.

A whole session — load, generate, count tokens, and the failures most likely to
quote their input (a prompt longer than the context, a request line that is not
protocol, an option the job cannot read) — runs with a distinctive secret in
every text, with the worker logging at DEBUG. The secret must then appear in no
file under FUMI_HOME (the log file included) and in no line the worker wrote to
its stderr. The engine is given a private temporary folder, which must stay empty.
History and autosave file modes are tested in test_history.py / test_autosave.py.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine.launch import engine_environment
from desktop.engine.protocol import CountTokens, Done, Error, Job
from desktop.settings import Paths

pytestmark = pytest.mark.timeout(60)

SECRET = "極秘ZQX-4711"
SECRET_BYTES = (SECRET.encode("utf-8"), SECRET.encode("utf-8").hex().encode())


def files_holding_the_secret(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(needle in data for needle in SECRET_BYTES):
                found.append(path)
    return found


def engine_env(temp_folder: Path) -> dict[str, str]:
    """The engine's environment, logging everything, with its own temporary folder."""
    env = engine_environment()
    env["FUMI_ENGINE_LOG"] = "DEBUG"
    for name in ("TMPDIR", "TEMP", "TMP"):
        env[name] = str(temp_folder)
    return env


def secret_requests() -> list:
    """Requests that carry the secret, including ones that fail."""
    return [
        Job(kind="generate", inputs={"prompt": f"{SECRET} の件について", "system": SECRET}, options={"max_tokens": 8}),
        CountTokens(text=SECRET),
        Job(kind="generate", inputs={"prompt": (SECRET + " ") * 200}, options={"max_tokens": 8}),  # context_overflow
        Job(kind="generate", inputs={"prompt": "x"}, options={"max_tokens": SECRET}),  # int() fails, quoting it
        Job(kind=SECRET, inputs={"prompt": SECRET}, options={}),  # unknown job kind
    ]


NOT_PROTOCOL = f"{SECRET} this line is not JSON\n".encode()


@pytest.fixture
def file_log(fumi_home: Path):
    """The window's logging (desktop.logsetup) writing to FUMI_HOME's log file, removed afterwards."""
    from desktop.logsetup import setup_logging

    paths = Paths.default()
    root = logging.getLogger()
    level = root.level
    handler = setup_logging(paths.log_file, level=logging.DEBUG)
    assert handler is not None
    yield paths.log_file
    root.removeHandler(handler)
    handler.close()
    root.setLevel(level)


def test_client_session_logs_no_user_text(qtbot, tiny_model: Path, fumi_home: Path, file_log: Path,
                                          tmp_path: Path) -> None:
    from desktop.engine.client import EngineClient
    from tests.engine.test_client import Recorder, wait_final

    temp_folder = tmp_path / "engine-temp"
    temp_folder.mkdir()
    engine = EngineClient(env=engine_env(temp_folder))
    recorder = Recorder(engine)
    try:
        engine.start()
        assert wait_final(qtbot, recorder, engine.load(str(tiny_model), n_ctx=256), timeout=30000)[0] == "loaded"
        first = engine.run_job("generate", {"prompt": f"{SECRET} の件について", "system": SECRET}, {"max_tokens": 8})
        assert wait_final(qtbot, recorder, first, timeout=30000)[0] == "done"
        assert wait_final(qtbot, recorder, engine.count_tokens(SECRET), timeout=30000)[0] == "done"
        overflow = engine.run_job("generate", {"prompt": (SECRET + " ") * 200}, {"max_tokens": 8})
        assert wait_final(qtbot, recorder, overflow, timeout=30000)[:2] == ("error", "context_overflow")
        internal = engine.run_job("generate", {"prompt": "x"}, {"max_tokens": SECRET})
        assert wait_final(qtbot, recorder, internal, timeout=30000)[:2] == ("error", "internal")
        engine._process.write(NOT_PROTOCOL)
        last = engine.run_job("generate", {"prompt": SECRET}, {"max_tokens": 4})
        assert wait_final(qtbot, recorder, last, timeout=30000)[0] == "done"
    finally:
        engine.shutdown()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert files_holding_the_secret(fumi_home) == []
    log_text = file_log.read_text(encoding="utf-8")
    assert "desktop.engine.worker" in log_text and "tiny-chat" in log_text  # the worker's log did arrive
    assert "failed with ValueError" in log_text  # the failure is logged, by type
    assert "bad request line" in log_text
    assert "CrashExit" not in log_text
    assert list(temp_folder.iterdir()) == []


def test_session_stderr_holds_no_user_text(tiny_model: Path, fumi_home: Path, tmp_path: Path,
                                           caplog: pytest.LogCaptureFixture) -> None:
    from desktop.engine.session import EngineSession

    temp_folder = tmp_path / "engine-temp"
    temp_folder.mkdir()
    caplog.set_level(logging.DEBUG)
    with EngineSession(env=engine_env(temp_folder)) as session:
        session.load(tiny_model, n_ctx=256)
        finals = [list(session.request(request))[-1] for request in secret_requests()]
        session._process.stdin.write(NOT_PROTOCOL)
        session._process.stdin.flush()
        assert isinstance(session._read_event(), Error)
    assert [type(final).__name__ for final in finals] == ["Done", "Done", "Error", "Error", "Error"]
    assert isinstance(finals[0], Done)
    worker_lines = [record.getMessage() for record in caplog.records if record.name == "desktop.engine.worker"]
    assert any("loaded" in line for line in worker_lines)  # the worker's stderr was read
    assert not [line for line in worker_lines if SECRET in line]
    assert SECRET not in caplog.text
    assert files_holding_the_secret(fumi_home) == []
    assert list(temp_folder.iterdir()) == []


def test_command_line_leaves_no_user_text_and_no_temp_files(tiny_model: Path, fumi_home: Path,
                                                            tmp_path: Path) -> None:
    temp_folder = tmp_path / "cli-temp"
    temp_folder.mkdir()
    env = engine_env(temp_folder)
    env["FUMI_HOME"] = str(fumi_home)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "generate", "--model", str(tiny_model), "--ctx", "256",
         "--prompt", f"{SECRET} の件について", "--max-tokens", "8"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stderr  # progress and stats only; the reply goes to stdout
    assert files_holding_the_secret(fumi_home) == []
    assert list(temp_folder.iterdir()) == []
