"""Fuzzing the readers: random bytes and mutated real files only ever raise ``DocumentError``.

Seeded, so a failure reproduces; a few hundred inputs, a few seconds. Memory is
watched with tracemalloc (Python allocations, which is where a zip bomb or a
runaway decoder would show).
"""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

from desktop.documents import DocumentError, read_document
from tests.support import doc_factory as factory

CASES = Path(__file__).resolve().parents[1] / "data" / "intake"
SUFFIXES = (".txt", ".md", ".docx", ".pdf")
#: Python allocations while reading one small fuzzed file stay under this.
MEMORY_BOUND = 200 * 1024 * 1024


def _mutations(data: bytes, rng: random.Random, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        buffer = bytearray(data)
        kind = rng.choice(("flip", "truncate", "insert", "splice"))
        if kind == "flip":
            for _ in range(rng.randint(1, 20)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        elif kind == "truncate":
            del buffer[rng.randrange(1, len(buffer)):]
        elif kind == "insert":
            at = rng.randrange(len(buffer))
            buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        else:
            start = rng.randrange(len(buffer))
            buffer[start:start] = buffer[rng.randrange(len(buffer)):][:200]
        out.append(bytes(buffer))
    return out


def _seeds(tmp_path: Path) -> dict[str, list[bytes]]:
    docx = factory.make_sample_docx(tmp_path / "sample.docx").read_bytes()
    pdf = factory.make_text_pdf(tmp_path / "sample.pdf").read_bytes()
    txt = factory.make_text_file(tmp_path / "sample.txt", encoding="cp932").read_bytes()
    return {
        ".docx": [docx, (CASES / "footnote.docx").read_bytes(), (CASES / "content_controls.docx").read_bytes()],
        ".pdf": [pdf, (CASES / "pdf_no_text_mapping.pdf").read_bytes()],
        ".txt": [txt, (CASES / "notice_lines.txt").read_bytes(), (CASES / "iso2022jp_mail.txt").read_bytes()],
    }


def _read_only_documented_errors(path: Path) -> None:
    try:
        document = read_document(path)
    except DocumentError as exc:
        assert exc.code.startswith("documents.")
        return
    assert all(block.text.strip() for block in document.blocks)


def test_random_bytes_only_raise_document_errors(tmp_path: Path) -> None:
    rng = random.Random(12)
    tracemalloc.start()
    try:
        for index in range(40):
            suffix = SUFFIXES[index % len(SUFFIXES)]
            path = tmp_path / f"random{index}{suffix}"
            path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000))))
            _read_only_documented_errors(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt"])
def test_mutated_real_files_only_raise_document_errors(tmp_path: Path, suffix: str) -> None:
    rng = random.Random(suffix)
    tracemalloc.start()
    try:
        for number, seed in enumerate(_seeds(tmp_path)[suffix]):
            for index, data in enumerate(_mutations(seed, rng, 20)):
                path = tmp_path / f"mutated{number}_{index}{suffix}"
                path.write_bytes(data)
                _read_only_documented_errors(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND
