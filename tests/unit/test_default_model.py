"""One rule for the model used when none is named (window and command line alike)."""

from __future__ import annotations

from pathlib import Path

from desktop.library.catalog import Catalog, CatalogEntry
from desktop.library.default_choice import choose_default
from desktop.library.discovery import ModelEntry

GIB = 1024**3
FACTS = {"size_bytes": GIB, "n_layer": 28, "n_embd": 1536, "n_head": 12, "n_head_kv": 2, "n_vocab": 151936}


def _catalog() -> Catalog:
    return Catalog([
        CatalogEntry(id="small", name="Small", file="small.gguf"),
        CatalogEntry(id="research", name="Research", file="research.gguf", production_use=False),
        CatalogEntry(id="big", name="Big", file="big.gguf"),
    ])


def _entry(folder: Path, name: str, catalog: Catalog, *, facts=FACTS, problem=None) -> ModelEntry:
    path = folder / name
    path.write_bytes(b"GGUF")
    return ModelEntry(path=path, name=name, size=1, facts=facts, problem=problem, catalog=catalog.match(name))


def test_the_model_last_loaded_in_the_window_comes_first(tmp_path: Path) -> None:
    catalog = _catalog()
    entries = [_entry(tmp_path, "small.gguf", catalog), _entry(tmp_path, "other.gguf", catalog)]
    assert choose_default(entries, str(tmp_path / "other.gguf"), catalog, available=16 * GIB).path.name == "other.gguf"


def test_else_the_catalogs_first_production_model_that_fits(tmp_path: Path) -> None:
    catalog = _catalog()
    big_facts = {**FACTS, "size_bytes": 30 * GIB}
    entries = [
        _entry(tmp_path, "unlisted.gguf", catalog),
        _entry(tmp_path, "research.gguf", catalog),
        _entry(tmp_path, "big.gguf", catalog, facts=big_facts),
        _entry(tmp_path, "small.gguf", catalog),
    ]
    assert choose_default(entries, None, catalog, available=16 * GIB).path.name == "small.gguf"
    # the small model gone: the research-only model is never the recommendation, and big does not fit,
    # so the first listed usable model is used
    assert choose_default(entries[:3], None, catalog, available=16 * GIB).path.name == "research.gguf"


def test_a_last_model_that_is_gone_or_broken_falls_back(tmp_path: Path) -> None:
    catalog = _catalog()
    entries = [_entry(tmp_path, "small.gguf", catalog),
               _entry(tmp_path, "broken.gguf", catalog, facts=None, problem="damaged")]
    assert choose_default(entries, str(tmp_path / "broken.gguf"), catalog, available=16 * GIB).path.name == "small.gguf"
    assert choose_default(entries, str(tmp_path / "missing.gguf"), catalog, available=16 * GIB).path.name == "small.gguf"
    assert choose_default([], None, catalog) is None


def test_an_embedding_model_is_never_the_default_chat_model(tmp_path: Path) -> None:
    catalog = _catalog()
    entries = [_entry(tmp_path, "multilingual-e5-small-q8_0.gguf", catalog),
               _entry(tmp_path, "encoder.gguf", catalog, facts={**FACTS, "architecture": "bert"}),
               _entry(tmp_path, "chat.gguf", catalog)]
    assert choose_default(entries, None, catalog, available=16 * GIB).path.name == "chat.gguf"
    assert choose_default(entries[:2], None, catalog, available=16 * GIB) is None
