"""Broken and hostile model files through the real engine (issue 9, item 4).

The corpus (``tests/support/broken_models.py``): empty, random bytes, truncated
at several offsets, bad magic, unknown versions, absurd tensor/key counts,
absurd string and array lengths, ... — each must be answered ``model_corrupt``
within seconds, with the engine still usable after. The hostile chat template
tries to escape the Jinja sandbox and create a marker file: the model loads
with a template warning, generates with a default format, and the marker
never appears. ``fumi models --json`` listing the corpus as unreadable beside
a good model is tested in tests/unit/test_models_cmd.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.engine.client import EngineClient
from desktop.engine.launch import engine_environment
from desktop.engine.protocol import MODEL_CORRUPT, Done, Job
from desktop.engine.session import EngineError, EngineSession
from tests.engine.test_client import Recorder, wait_final
from tests.support.broken_models import WELL_FORMED, hostile_marker_path, write_broken_corpus

pytestmark = pytest.mark.timeout(30)


@pytest.fixture(scope="module")
def corpus(tiny_model: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_broken_corpus(tmp_path_factory.mktemp("corpus"), tiny_model)


def broken(corpus: dict[str, Path]) -> dict[str, Path]:
    return {kind: path for kind, path in corpus.items() if kind not in WELL_FORMED}


def test_the_corpus_covers_every_kind(corpus: dict[str, Path]) -> None:
    kinds = set(corpus)
    for wanted in ("empty", "random_bytes", "bad_magic", "unknown_version", "absurd_tensor_count",
                   "absurd_kv_count", "absurd_string_length", "absurd_array_length", "hostile_template"):
        assert wanted in kinds
    assert sum(kind.startswith("truncated_at_") for kind in kinds) >= 3


def test_every_broken_file_is_model_corrupt_through_the_session(corpus: dict[str, Path], tiny_model: Path) -> None:
    with EngineSession() as session:
        for kind, path in broken(corpus).items():
            with pytest.raises(EngineError) as caught:
                session.load(path, n_ctx=256)
            assert caught.value.code == MODEL_CORRUPT, kind
            assert "壊れている" in caught.value.text, kind
        assert session.load(tiny_model, n_ctx=256)["name"] == "tiny-chat"  # still alive
        events = list(session.request(Job(kind="generate", inputs={"prompt": "x"}, options={"max_tokens": 4})))
        assert isinstance(events[-1], Done)


def test_hostile_template_never_runs_its_command(corpus: dict[str, Path]) -> None:
    marker = hostile_marker_path(corpus["hostile_template"].parent)
    with EngineSession() as session:
        facts = session.load(corpus["hostile_template"], n_ctx=256)
        assert facts["chat_template"] is True
        assert "チャットテンプレート" in facts["chat_template_warning"]  # a default format is used instead
        job = Job(kind="generate", inputs={"prompt": "こんにちは", "system": "簡潔に"}, options={"max_tokens": 8})
        assert isinstance(list(session.request(job))[-1], Done)
    assert not marker.exists()


def test_corpus_through_the_client_with_a_window_open(qtbot, corpus: dict[str, Path], tiny_model: Path) -> None:
    window = QLabel("Fumi")
    qtbot.addWidget(window)
    window.show()
    engine = EngineClient()
    recorder = Recorder(engine)
    try:
        engine.start()
        ids = {kind: engine.load(str(path), n_ctx=256) for kind, path in corpus.items()}
        for kind, request_id in ids.items():
            final = wait_final(qtbot, recorder, request_id, timeout=20000)
            if kind in WELL_FORMED:
                assert final[0] == "loaded" and final[1]["chat_template_warning"], kind
            else:
                assert final[:2] == ("error", MODEL_CORRUPT) and final[2], kind
        assert not hostile_marker_path(corpus["hostile_template"].parent).exists()
        assert wait_final(qtbot, recorder, engine.load(str(tiny_model), n_ctx=256))[0] == "loaded"
        job_id = engine.run_job("generate", {"prompt": "x"}, {"max_tokens": 4})
        assert wait_final(qtbot, recorder, job_id)[0] == "done"
        assert "engine_crashed" not in {final[1] for final in recorder.finals.values() if final[0] == "error"}
        assert window.isVisible()  # the window lived through it all
    finally:
        engine.shutdown()


@pytest.mark.parametrize("kind", ["empty", "absurd_kv_count", "absurd_string_length", "truncated_at_200"])
def test_cli_exit_3_with_one_line(corpus: dict[str, Path], kind: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "generate", "--model", str(corpus[kind]), "--prompt", "x"],
        capture_output=True, text=True, encoding="utf-8", env=engine_environment(), timeout=25,
    )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("fumi:")]
    assert len(errors) == 1 and "壊れている" in errors[0]


def test_cli_hostile_template_warns_and_runs_nothing(corpus: dict[str, Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "generate", "--model", str(corpus["hostile_template"]),
         "--prompt", "こんにちは", "--max-tokens", "4"],
        capture_output=True, text=True, encoding="utf-8", env=engine_environment(), timeout=25,
    )
    assert result.returncode == 0, result.stderr
    assert "チャットテンプレート" in result.stderr and "Traceback" not in result.stderr
    assert not hostile_marker_path(corpus["hostile_template"].parent).exists()


def test_llama_cpp_alone_also_refuses_every_broken_file(corpus: dict[str, Path]) -> None:
    """The second line of defence: were the header check ever to let a file through,
    llama.cpp's own loader (``llm.Model.load``) answers ``model_corrupt`` too, without hanging."""
    script = (
        "import sys\n"
        "from desktop.engine.llm import Model, ModelLoadError\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        Model.load(path, n_ctx=256).close()\n"
        "        print('loaded', path, flush=True)\n"
        "    except ModelLoadError as exc:\n"
        "        print(exc.code, path, flush=True)\n"
    )
    paths = [str(path) for path in broken(corpus).values()]
    result = subprocess.run([sys.executable, "-c", script, *paths], capture_output=True, text=True,
                            encoding="utf-8", env=engine_environment(), timeout=25)
    assert result.returncode == 0, result.stderr[-2000:]
    answers = dict(line.split(" ", 1)[::-1] for line in result.stdout.splitlines())
    assert answers == {path: MODEL_CORRUPT for path in paths}
