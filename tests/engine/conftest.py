"""Helpers for engine tests: broken model files. (The slow random model is ``slow_model`` in tests/conftest.py.)"""

from __future__ import annotations

from pathlib import Path


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

