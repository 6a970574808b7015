"""The recommended-model catalog, and the SHA-256 pin that refuses any other file under a listed name."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from desktop.library import (
    CatalogError, ModelNotFound, ModelRefused, checksum, discover_models, find_model, load_catalog,
)
from desktop.library import discovery
from desktop.library.catalog import Catalog, default_catalog_path, parse_catalog
from desktop.settings import Paths, Settings

EXPECTED_MODELS = {
    "Qwen2.5-1.5B-Instruct", "Qwen2.5-3B-Instruct", "Qwen2.5-7B-Instruct",
    "gemma-2-2b-jpn-it", "Llama-3.1-Swallow-8B-Instruct", "TinySwallow-1.5B-Instruct",
}


def test_the_shipped_catalog_lists_the_recommended_models() -> None:
    catalog = load_catalog(default_catalog_path())
    assert {entry.name for entry in catalog.entries} == EXPECTED_MODELS
    for entry in catalog.entries:
        assert entry.file.lower().endswith(".gguf"), entry.name
        assert entry.size_bytes > 500_000_000, entry.name
        assert entry.license and entry.license_url, entry.name
        assert entry.ram_class in {"8GB", "16GB"}, entry.name
        assert any("\u3040" <= ch <= "\u30ff" for ch in entry.description), f"{entry.name}: Japanese description"
        assert entry.sha256 == "", "IT fills the digests in"
        if not entry.production_use:
            assert entry.license_note, f"{entry.name}: say why production use is not allowed"
    not_for_production = {entry.name for entry in catalog.entries if not entry.production_use}
    assert not_for_production == {"Qwen2.5-3B-Instruct", "TinySwallow-1.5B-Instruct"}


def test_lookup_is_by_file_name_or_alias_ignoring_case() -> None:
    catalog = load_catalog(default_catalog_path())
    assert catalog.match("QWEN2.5-1.5B-INSTRUCT-Q4_K_M.GGUF").name == "Qwen2.5-1.5B-Instruct"
    assert catalog.match("Llama-3.1-Swallow-8B-Instruct-v0.5-Q4_K_M.gguf").name == "Llama-3.1-Swallow-8B-Instruct"
    assert catalog.match("something-else.gguf") is None


@pytest.mark.parametrize("text, complaint", [
    ("[[model]\nfile = 'x.gguf'", "TOML"),
    ("[[model]]\nname = 'no file'", "file"),
    ("[[model]]\nfile = 'x.gguf'\nsha256 = 'abc'", "sha256"),
    ("[[model]]\nfile = 'x.gguf'\nproduction_use = 'no'", "production_use"),
    ("model = 3", "array"),
])
def test_a_malformed_catalog_says_what_is_wrong(text: str, complaint: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text)
    assert complaint in str(caught.value)


def test_a_missing_catalog_is_empty(tmp_path: Path) -> None:
    assert load_catalog(tmp_path / "absent.toml").entries == []


def pinned_catalog(file_name: str, digest: str) -> Catalog:
    return parse_catalog(f"[[model]]\nname = 'Pinned'\nfile = '{file_name}'\nlicense = 'Apache-2.0'\nsha256 = '{digest}'\n")


@pytest.fixture
def model_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model: Path) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copy(tiny_model, folder / "pinned.gguf")
    monkeypatch.setenv("FUMI_MODELS", str(folder))
    return folder


def entry_for(entries, path: Path):
    return next(entry for entry in entries if entry.path == path)


def test_a_matching_digest_is_verified_and_remembered(model_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = model_folder / "pinned.gguf"
    catalog = pinned_catalog("PINNED.gguf", hashlib.sha256(model.read_bytes()).hexdigest().upper())
    settings = Settings(Paths.default())
    entry = entry_for(discover_models(settings, catalog=catalog), model)
    assert entry.checksum == checksum.VERIFIED and entry.usable and entry.catalog.name == "Pinned"

    monkeypatch.setattr(checksum, "sha256_file", lambda path: pytest.fail("the digest must come from the cache"))
    assert entry_for(discover_models(settings, catalog=catalog), model).checksum == checksum.VERIFIED
    assert find_model("pinned", settings, catalog=catalog) == model


def test_a_different_file_under_a_pinned_name_is_refused(model_folder: Path) -> None:
    model = model_folder / "pinned.gguf"
    catalog = pinned_catalog("pinned.gguf", hashlib.sha256(model.read_bytes()).hexdigest())
    settings = Settings(Paths.default())
    assert entry_for(discover_models(settings, catalog=catalog), model).usable

    data = bytearray(model.read_bytes())
    data[-1] ^= 0xFF  # one weight changed: the header still reads fine
    model.write_bytes(bytes(data))
    entry = entry_for(discover_models(settings, catalog=catalog), model)
    assert entry.checksum == checksum.MISMATCH and entry.problem_code == "checksum_mismatch"
    assert "SHA-256" in entry.problem
    assert entry.facts is not None, "the facts are still shown beside the refusal"
    with pytest.raises(ModelRefused):
        find_model(str(model), settings, catalog=catalog)
    with pytest.raises(ModelNotFound):  # callers that only know ModelNotFound stop too
        find_model("pinned", settings, catalog=catalog)


def test_no_digest_means_no_hashing(model_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checksum, "sha256_file", lambda path: pytest.fail("nothing to compare with"))
    catalog = pinned_catalog("pinned.gguf", "")
    entry = entry_for(discover_models(Settings(Paths.default()), catalog=catalog), model_folder / "pinned.gguf")
    assert entry.checksum == checksum.NO_DIGEST and entry.usable


def test_an_unreadable_catalog_refuses_every_model(model_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_catalog(path=None):
        raise CatalogError("not valid TOML: line 3")

    monkeypatch.setattr(discovery, "load_catalog", broken_catalog)
    settings = Settings(Paths.default())
    entry = entry_for(discover_models(settings), model_folder / "pinned.gguf")
    assert entry.problem_code == "catalog_unreadable" and "line 3" in entry.problem
    with pytest.raises(ModelRefused):
        find_model(str(model_folder / "pinned.gguf"), settings)


def test_sha256_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    data = b"fumi" * 3_000_000  # more than one chunk
    path.write_bytes(data)
    assert checksum.sha256_file(path) == hashlib.sha256(data).hexdigest()
