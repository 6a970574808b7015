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
    """Every test gets its own settings, data and log folders (``FUMI_HOME``), and no model folders from outside."""
    home = tmp_path_factory.mktemp("fumi_home")
    monkeypatch.setenv("FUMI_HOME", str(home))
    monkeypatch.delenv("FUMI_MODELS", raising=False)
    monkeypatch.delenv("FUMI_LIBRARY", raising=False)
    return home


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a tiny GGUF chat model (llama architecture, ChatML-style template)."""
    from tests.support.gguf_factory import write_tiny_model

    return write_tiny_model(tmp_path_factory.mktemp("models") / "tiny-chat.gguf")
