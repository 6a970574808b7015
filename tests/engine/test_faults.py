"""Engine faults through the real worker (issue 9, item 3).

The engine killed mid-generation; the model file removed or overwritten while
loaded; a context far too large for the PC's memory; a request longer than the
context. Each ends with a clear message (Japanese by default), keeps what was
already streamed, and leaves Fumi usable. From the command line: exit 5 for
the engine, 3 for the model, 4 for an input too long, one ``fumi:`` line on
stderr and never a traceback.

Nothing here really exhausts memory: a context beyond the PC's RAM is refused
by estimate; the one test that lets llama.cpp try a real allocation runs the
worker under ``RLIMIT_AS``.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine.client import EngineClient
from desktop.engine.launch import engine_environment
from desktop.engine.protocol import (
    CONTEXT_OVERFLOW, ENGINE_CRASHED, MODEL_CORRUPT, MODEL_MISSING, MODEL_TOO_LARGE, OUT_OF_MEMORY,
    Done, Error, Job,
)
from desktop.engine.session import EngineError, EngineSession
from tests.engine.test_client import Recorder, wait_final
from tests.support.gguf_factory import write_random_model

pytestmark = pytest.mark.timeout(60)

HUGE_CONTEXT = 1 << 26  # 67M tokens: a KV cache of well over 100 GB for even the tiniest model


def generate(session: EngineSession, prompt: str = "こんにちは", **options) -> list:
    options.setdefault("max_tokens", 8)
    return list(session.request(Job(kind="generate", inputs={"prompt": prompt}, options=options)))


@pytest.fixture(scope="module")
def huge_context_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny model whose header claims a trained context of 67M tokens (so huge n_ctx values are allowed)."""
    return write_random_model(
        tmp_path_factory.mktemp("hugectx") / "huge-context.gguf", n_embd=64, n_layer=2, n_head=4,
        n_head_kv=4, n_ff=128, n_vocab=0, context_length=HUGE_CONTEXT, float16=False, name="huge-context",
    )


@pytest.fixture
def client(qtbot):
    engine = EngineClient()
    recorder = Recorder(engine)
    engine.start()
    yield engine, recorder
    engine.shutdown()


def fumi(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env=engine_environment(), timeout=timeout)


def assert_one_error_line(stderr: str, *needles: str) -> str:
    """stderr holds exactly one ``fumi:`` line (containing ``needles``), only progress lines besides, no traceback."""
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("fumi:")]
    assert len(errors) == 1, stderr
    # besides the error: the line naming the model used, and load progress
    others = [line for line in lines if not line.startswith(("fumi:", "使用するモデル:", "Using the model"))]
    assert all(re.search(r" \d+/\d+$", line) for line in others), stderr
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


# ---------------------------------------------------------------- (a) the engine killed mid-generation
# EngineSession: tests/engine/test_worker.py::test_kill_mid_stream_reports_engine_crashed
# EngineClient:  tests/engine/test_client.py::test_killed_worker_is_reported_and_replaced


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found


def _kill_the_worker_mid_generation(model: Path) -> tuple[int, bytes, str]:
    """Run ``fumi generate``, SIGKILL its engine once the reply streams; (exit code, stdout, stderr)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "generate", "--model", str(model), "--prompt", "長い文章",
         "--max-tokens", "5000", "--seed", "2"],  # with this seed the random model writes on (see below)
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=engine_environment(),
    )
    try:
        first = process.stdout.read(4)  # the reply has started streaming
        for worker in _children(process.pid):
            os.kill(worker, signal.SIGKILL)
        rest, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, first + rest, err.decode("utf-8")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker through /proc")
def test_cli_engine_killed_mid_generation_exits_5_and_keeps_the_streamed_text(slow_model: Path) -> None:
    for _attempt in range(3):  # the random model may end its reply before the kill lands: try again
        code, out, err = _kill_the_worker_mid_generation(slow_model)
        if code != 0:
            break
    assert code == 5
    assert out.decode("utf-8", errors="replace").strip()  # what was streamed stays
    assert_one_error_line(err, "予期せず停止しました")


# ---------------------------------------------------------------- (b) the model file removed or replaced


@pytest.fixture
def model_copy(tiny_model: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy-of-tiny.gguf"
    shutil.copy(tiny_model, copy)
    return copy


def test_model_file_overwritten_in_place_is_refused_then_model_corrupt(model_copy: Path, tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(model_copy, n_ctx=256)
        assert isinstance(generate(session)[-1], Done)
        size = model_copy.stat().st_size
        with model_copy.open("r+b") as file:  # in place: the same inode, the mapped pages change
            file.write(os.urandom(size))
        refused = generate(session)[-1]
        assert isinstance(refused, Error) and refused.code == MODEL_CORRUPT
        assert "変更されました" in refused.message
        after = generate(session)[-1]  # the model was freed, not used on
        assert isinstance(after, Error) and after.code == MODEL_MISSING
        with pytest.raises(EngineError) as reload:
            session.load(model_copy, n_ctx=256)
        assert reload.value.code == MODEL_CORRUPT and "壊れている" in reload.value.text
        session.load(tiny_model, n_ctx=256)
        assert isinstance(generate(session)[-1], Done)


def test_model_file_removed_or_replaced_between_requests(model_copy: Path, tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(model_copy, n_ctx=256)
        model_copy.unlink()
        removed = generate(session)[-1]
        assert isinstance(removed, Error) and removed.code == MODEL_MISSING and "削除されました" in removed.message

        shutil.copy(tiny_model, model_copy)
        session.load(model_copy, n_ctx=256)
        replacement = model_copy.with_suffix(".new")
        replacement.write_bytes(os.urandom(4096))
        os.replace(replacement, model_copy)  # a different file under the same name
        replaced = generate(session)[-1]
        assert isinstance(replaced, Error) and replaced.code == MODEL_CORRUPT
        with pytest.raises(EngineError) as reload:
            session.load(model_copy, n_ctx=256)
        assert reload.value.code == MODEL_CORRUPT


def test_model_file_truncated_mid_generation_through_the_client(qtbot, client, slow_model: Path,
                                                                 tiny_model: Path, tmp_path: Path) -> None:
    engine, recorder = client
    victim = tmp_path / "victim.gguf"
    shutil.copy(slow_model, victim)
    assert wait_final(qtbot, recorder, engine.load(str(victim), n_ctx=4096), timeout=30000)[0] == "loaded"
    # this prompt and seed make the random model write long past the truncation (no early end)
    job_id = engine.run_job("generate", {"prompt": "長い文章"}, {"max_tokens": 4000, "seed": 2})
    qtbot.waitUntil(lambda: len(recorder.deltas.get(job_id, [])) >= 3, timeout=30000)
    streamed = list(recorder.deltas[job_id])
    victim.write_bytes(os.urandom(1000))  # truncates the mapped file under the running generation
    final = wait_final(qtbot, recorder, job_id, timeout=30000)
    # On Linux the next read of a vanished page kills the worker (SIGBUS): engine_crashed.
    # Either way the request ends, and nothing streamed is taken back.
    assert final[0] == "done" or final[1] in (ENGINE_CRASHED, MODEL_CORRUPT), final
    assert final[0] == "done" or final[2]
    assert recorder.deltas[job_id][: len(streamed)] == streamed
    qtbot.waitUntil(lambda: engine.state in ("idle", "stopped") and engine.pid() != 0, timeout=30000)
    reload = wait_final(qtbot, recorder, engine.load(str(victim), n_ctx=256), timeout=30000)
    assert reload[:2] == ("error", MODEL_CORRUPT) and "壊れている" in reload[2]
    assert wait_final(qtbot, recorder, engine.load(str(tiny_model), n_ctx=256), timeout=30000)[0] == "loaded"
    again = engine.run_job("generate", {"prompt": "x"}, {"max_tokens": 4})
    assert wait_final(qtbot, recorder, again, timeout=30000)[0] == "done"


def test_client_forgets_the_model_when_its_file_changed(qtbot, client, model_copy: Path) -> None:
    engine, recorder = client
    assert wait_final(qtbot, recorder, engine.load(str(model_copy), n_ctx=256), timeout=30000)[0] == "loaded"
    with model_copy.open("r+b") as file:
        file.seek(100)
        file.write(b"\xff" * 16)
    final = wait_final(qtbot, recorder, engine.run_job("generate", {"prompt": "x"}, {"max_tokens": 4}),
                       timeout=30000)
    assert final[:2] == ("error", MODEL_CORRUPT) and "読み込み直して" in final[2]
    assert engine.model_facts is None


# ---------------------------------------------------------------- (c) out of memory at load


def test_context_far_too_large_is_refused_by_estimate(huge_context_model: Path, tiny_model: Path) -> None:
    with EngineSession() as session:
        with pytest.raises(EngineError) as caught:
            session.load(huge_context_model, n_ctx=HUGE_CONTEXT)
        assert caught.value.code == MODEL_TOO_LARGE
        assert "メモリが足りません" in caught.value.text and "GB" in caught.value.text
        # "force" skips the check against free memory, never the one against the PC's whole memory
        with pytest.raises(EngineError) as forced:
            session.load(huge_context_model, n_ctx=HUGE_CONTEXT, options={"force": True})
        assert forced.value.code == MODEL_TOO_LARGE
        assert session.load(tiny_model, n_ctx=256)["n_ctx"] == 256
        assert isinstance(generate(session)[-1], Done)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX")
def test_failed_allocation_in_llama_cpp_is_out_of_memory(huge_context_model: Path, tiny_model: Path) -> None:
    """A context under the PC's RAM but over the worker's address-space limit: llama.cpp really tries."""
    limit = 3 << 30
    command = [
        sys.executable, "-c",
        f"import resource, sys; resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}));"
        " from desktop.engine.worker import main; sys.exit(main())",
    ]
    with EngineSession(command=command) as session:
        with pytest.raises(EngineError) as caught:
            session.load(huge_context_model, n_ctx=1 << 22, options={"force": True})  # ~10 GB of KV cache
        # out_of_memory from llama.cpp; model_too_large on a CI machine with less RAM than the estimate
        assert caught.value.code in (OUT_OF_MEMORY, MODEL_TOO_LARGE)
        assert "メモリが足りな" in caught.value.text
        assert session.load(tiny_model, n_ctx=256)["n_ctx"] == 256
        assert isinstance(generate(session)[-1], Done)


def test_context_far_too_large_through_the_client(qtbot, client, huge_context_model: Path, tiny_model: Path) -> None:
    engine, recorder = client
    final = wait_final(qtbot, recorder, engine.load(str(huge_context_model), n_ctx=HUGE_CONTEXT), timeout=30000)
    assert final[:2] == ("error", MODEL_TOO_LARGE) and "メモリが足りません" in final[2]
    assert engine.model_facts is None
    assert wait_final(qtbot, recorder, engine.load(str(tiny_model), n_ctx=256), timeout=30000)[0] == "loaded"


def test_cli_context_far_too_large_exits_3(huge_context_model: Path) -> None:
    result = fumi("generate", "--model", str(huge_context_model), "--ctx", str(HUGE_CONTEXT), "--prompt", "x")
    assert result.returncode == 3
    assert_one_error_line(result.stderr, "メモリが足りません")


# ---------------------------------------------------------------- (d) a request longer than the context
# EngineSession: tests/engine/test_worker.py::test_prompt_too_long_is_context_overflow_and_max_tokens_is_capped


def test_context_overflow_through_the_client(qtbot, client, tiny_model: Path) -> None:
    engine, recorder = client
    assert wait_final(qtbot, recorder, engine.load(str(tiny_model), n_ctx=256), timeout=30000)[0] == "loaded"
    too_long = engine.run_job("generate", {"prompt": "the " * 400}, {"max_tokens": 8})
    final = wait_final(qtbot, recorder, too_long, timeout=30000)
    assert final[:2] == ("error", CONTEXT_OVERFLOW)
    assert "長すぎ" in final[2] and "256" in final[2]
    assert engine.model_facts is not None  # the model stays loaded
    fits = engine.run_job("generate", {"prompt": "短い"}, {"max_tokens": 4})
    assert wait_final(qtbot, recorder, fits, timeout=30000)[0] == "done"


def test_cli_context_overflow_exits_4(tiny_model: Path) -> None:
    result = fumi("generate", "--model", str(tiny_model), "--ctx", "256", "--prompt", "the " * 400,
                  "--max-tokens", "8")
    assert result.returncode == 4  # the input is the problem (DESIGN.md: 4 input document problem)
    assert_one_error_line(result.stderr, "長すぎ")


def test_cli_model_problems_exit_3(tmp_path: Path) -> None:
    result = fumi("generate", "--model", str(tmp_path / "gone.gguf"), "--prompt", "x")
    assert result.returncode == 3
    assert_one_error_line(result.stderr)


def test_bad_request_sizes_are_bad_input(tiny_model: Path) -> None:
    with EngineSession() as session:
        with pytest.raises(EngineError) as caught:
            session.load(tiny_model, n_ctx="many")  # type: ignore[arg-type]
        assert caught.value.code == "bad_input"
        assert session.load(tiny_model, n_ctx=256)["n_ctx"] == 256

