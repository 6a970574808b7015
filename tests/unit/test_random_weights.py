"""``benchmarks/random_weights.py``: a model's copy with random weights keeps its shape, tokenizer and template."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from gguf import GGUFReader

from tests.support.gguf_factory import write_tiny_model

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from random_weights import randomized_copy  # noqa: E402

#: llama.cpp's LLAMA_FTYPE_MOSTLY_Q4_K_M, which the copy is quantized to.
Q4_K_M = 15


def test_the_copy_keeps_metadata_and_shapes_and_only_the_weights_change(tmp_path: Path) -> None:
    source = write_tiny_model(tmp_path / "source.gguf")
    target = randomized_copy(source, tmp_path / "random.gguf", seed=1, log=lambda _text: None)
    before, after = GGUFReader(str(source)), GGUFReader(str(target))
    for key in ("tokenizer.chat_template", "tokenizer.ggml.tokens", "llama.embedding_length", "llama.block_count"):
        assert after.fields[key].contents() == before.fields[key].contents()
    assert after.fields["general.file_type"].contents() == Q4_K_M
    assert {t.name: list(t.shape) for t in after.tensors} == {t.name: list(t.shape) for t in before.tensors}
    norms = [t for t in after.tensors if len(t.shape) == 1]
    assert norms and all(np.allclose(np.asarray(t.data, dtype=np.float32), 1.0) for t in norms)
    assert not (tmp_path / "random-f16.gguf").exists()  # the unquantized step is removed


def test_an_existing_copy_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "random.gguf"
    target.write_bytes(b"already here")
    assert randomized_copy(tmp_path / "missing.gguf", target, log=lambda _text: None) == target
    assert target.read_bytes() == b"already here"
