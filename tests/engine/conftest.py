"""Fixtures for engine tests: a slower random model (so a stream can be stopped midway) and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.gguf_factory import write_random_model


@pytest.fixture(scope="session")
def slow_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 256-dim, 4-layer random model with an 8k context: a few ms per token, ~14 MB."""
    return write_random_model(
        tmp_path_factory.mktemp("slow") / "slow-chat.gguf", n_embd=256, n_layer=4, n_head=4,
        n_head_kv=4, n_ff=768, n_vocab=0, context_length=8192, float16=False, name="slow-chat",
    )


def broken_files(folder: Path, good: Path) -> dict[str, Path]:
    """Each kind of broken model file, named by its kind."""
    import random

    data = good.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "empty": b"",
        "random_bytes": random.Random(7).randbytes(4096),
        "truncated": data[: len(data) // 2],
        "header_only": data[:64],
        "bad_magic": b"GGUX" + data[4:],
        "bad_version": data[:4] + (99).to_bytes(4, "little") + data[8:],
        "text_file": "これはモデルではありません。\n".encode() * 20,
    }
    paths = {}
    for name, content in files.items():
        path = folder / f"{name}.gguf"
        path.write_bytes(content)
        paths[name] = path
    return paths
