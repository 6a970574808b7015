"""``fumi generate`` and ``fumi self-test`` end to end: the real command line, engine and tiny model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine.launch import engine_environment
from tests.support.seeding import FIXED_SEED

pytestmark = pytest.mark.timeout(240)


def fumi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env=engine_environment(), timeout=200)


def test_generate_streams_to_stdout(tiny_model: Path) -> None:
    result = fumi("generate", "--model", str(tiny_model), "--prompt", "こんにちは", "--max-tokens", "8",
                  "--seed", "1")  # fixed: a random seed now and then let the random model end at once
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "Traceback" not in result.stderr


def test_self_test_with_a_model(tiny_model: Path) -> None:
    result = fumi("self-test", "--model", str(tiny_model), "--ctx", "256")
    assert result.returncode == 0, result.stderr
    assert "architecture: llama" in result.stdout and "tokens_per_s:" in result.stdout


def test_self_test_finds_the_first_model(tiny_model: Path, fumi_home: Path) -> None:
    folder = fumi_home / "data" / "models"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / tiny_model.name).write_bytes(tiny_model.read_bytes())
    result = fumi("self-test", "--ctx", "256")
    assert result.returncode == 0, result.stderr
    assert "tiny-chat" in result.stdout


@pytest.mark.parametrize("args, code", [
    (["self-test"], 3),                                          # no model anywhere
    (["generate", "--model", "no-such-model", "--prompt", "x"], 3),
    (["generate", "--prompt", "x", "--max-tokens", "many"], 2),  # usage
    (["generate"], 2),                                           # --prompt is required
])
def test_exit_codes(args: list[str], code: int) -> None:
    result = fumi(*args)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_corrupt_model_is_exit_3_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF\x03\x00\x00\x00" + b"\x00" * 40)
    result = fumi("generate", "--model", str(bad), "--prompt", "x")
    assert result.returncode == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("fumi:")]
    assert len(errors) == 1 and "壊れている" in errors[0]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signal")
def test_ctrl_c_cancels_and_exits_130(slow_model: Path) -> None:
    import signal

    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "generate", "--model", str(slow_model), "--prompt", "長い",
         "--max-tokens", "5000", "--seed", str(FIXED_SEED)],  # unseeded, the random model now and then ends at once
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=engine_environment(),
    )
    process.stdout.read(8)  # the reply has started streaming
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "停止しました" in err.decode("utf-8") and b"Traceback" not in err


def test_the_command_line_names_the_model_it_uses(tiny_model: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "desktop", "generate", "--model", str(tiny_model), "--prompt", "x",
                             "--max-tokens", "2"], capture_output=True, text=True, encoding="utf-8",
                            env=engine_environment(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"使用するモデル: {tiny_model.name}（{tiny_model.parent}）" in result.stderr


def test_without_model_the_command_line_uses_the_model_last_loaded_in_the_window(
        tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from desktop.settings import Paths, Settings

    folder = tmp_path / "models"
    folder.mkdir()
    for name in ("aaa-first.gguf", "zzz-chosen.gguf"):
        shutil.copyfile(tiny_model, folder / name)
    monkeypatch.setenv("FUMI_MODELS", str(folder))
    settings = Settings.load(Paths.default().ensure())
    settings.set("last_model", str(folder / "zzz-chosen.gguf"))   # what the model panel saves on load
    settings.save()
    result = subprocess.run([sys.executable, "-m", "desktop", "generate", "--prompt", "x", "--max-tokens", "2"],
                            capture_output=True, text=True, encoding="utf-8", env=engine_environment(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert "使用するモデル: zzz-chosen.gguf" in result.stderr
