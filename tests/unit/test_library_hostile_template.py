"""The corpus's hostile chat template really is hostile, and Fumi's chat formatting does not run it."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from desktop.library import read_gguf_metadata
from tests.support.broken_models import hostile_marker_path, write_broken_corpus

CONVERSATION = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "こんにちは"}]


@pytest.fixture
def hostile(tmp_path: Path, tiny_model: Path) -> tuple[str, Path]:
    corpus = write_broken_corpus(tmp_path, tiny_model)
    template = read_gguf_metadata(corpus["hostile_template"])["metadata"]["tokenizer.chat_template"]
    return template, hostile_marker_path(tmp_path)


def test_outside_a_sandbox_the_template_would_run_a_command(hostile: tuple[str, Path]) -> None:
    template, marker = hostile
    # Proves the corpus file is a real test: an unsandboxed renderer (CVE-2024-34359) runs its command.
    jinja2.Environment().from_string(template).render(messages=CONVERSATION)
    assert marker.exists()


def test_fumis_chat_formatting_does_not_run_it(hostile: tuple[str, Path]) -> None:
    chat = pytest.importorskip("desktop.engine.chat")
    template, marker = hostile
    try:
        formatted = chat.ChatFormat(template, architecture="llama")
        formatted.render(CONVERSATION)
    except chat.ChatTemplateError:
        pass  # refusing the template is a correct answer too
    assert not marker.exists()
