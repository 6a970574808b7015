"""Where models are looked for, how they are listed, and how a name finds a file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop.library import ModelNotFound, default_model, discover_models, find_model, model_folders
from desktop.library import discovery
from desktop.library.catalog import Catalog, bundled_models_folder
from desktop.settings import Paths, Settings


def make_settings(**values) -> Settings:
    return Settings(Paths.default(), values)


def only_under(entries, folder: Path):
    """Entries below ``folder`` (the repository's own models/ folder may hold a developer's models)."""
    return [entry for entry in entries if folder in entry.path.parents]


def test_folder_order_settings_beside_executable_user_data_then_env(tmp_path: Path, monkeypatch) -> None:
    first, second, env_a, env_b = (tmp_path / name for name in ("first", "second", "env_a", "env_b"))
    monkeypatch.setenv("FUMI_MODELS", os.pathsep.join([str(env_a), "", str(env_b)]))
    settings = make_settings(model_folders=[str(first), str(second)])
    assert model_folders(settings) == [
        first, second, bundled_models_folder(), settings.paths.user_models, env_a, env_b,
    ]


def test_the_same_folder_twice_is_searched_once(tmp_path: Path, monkeypatch, tiny_model: Path) -> None:
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copy(tiny_model, folder / "m.gguf")
    monkeypatch.setenv("FUMI_MODELS", str(folder))
    settings = make_settings(model_folders=[str(folder), str(folder / ".." / "models")])
    assert model_folders(settings).count(folder) == 1
    assert len(only_under(discover_models(settings, probe=False), folder)) == 1


def test_recursive_search_any_case_skipping_hidden_and_other_files(tmp_path: Path, monkeypatch, tiny_model: Path) -> None:
    root = tmp_path / "models"
    (root / "team" / "ja").mkdir(parents=True)
    (root / ".trash").mkdir()
    shutil.copy(tiny_model, root / "top.gguf")
    shutil.copy(tiny_model, root / "team" / "ja" / "deep.GGUF")
    shutil.copy(tiny_model, root / ".trash" / "old.gguf")
    (root / "notes.txt").write_text("not a model")
    monkeypatch.setenv("FUMI_MODELS", str(root))
    names = sorted(entry.path.name for entry in only_under(discover_models(make_settings(), probe=False), root))
    assert names == ["deep.GGUF", "top.gguf"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_link_to_a_listed_file_is_listed_once(tmp_path: Path, monkeypatch, tiny_model: Path) -> None:
    root = tmp_path / "models"
    root.mkdir()
    shutil.copy(tiny_model, root / "a.gguf")
    try:
        os.symlink(root / "a.gguf", root / "b.gguf")
    except OSError:
        pytest.skip("symlinks not permitted")
    monkeypatch.setenv("FUMI_MODELS", str(root))
    assert len(only_under(discover_models(make_settings(), probe=False), root)) == 1


def test_good_and_broken_files_are_listed_side_by_side(tmp_path: Path, monkeypatch, tiny_model: Path) -> None:
    root = tmp_path / "models"
    root.mkdir()
    shutil.copy(tiny_model, root / "good.gguf")
    (root / "empty.gguf").write_bytes(b"")
    (root / "cut.gguf").write_bytes(tiny_model.read_bytes()[:5000])
    monkeypatch.setenv("FUMI_MODELS", str(root))
    entries = {entry.path.name: entry for entry in only_under(discover_models(make_settings()), root)}
    assert set(entries) == {"good.gguf", "empty.gguf", "cut.gguf"}
    good = entries["good.gguf"]
    assert good.usable and good.facts["architecture"] == "llama" and good.name == "tiny-chat"
    assert entries["empty.gguf"].problem_code == "empty"
    assert entries["cut.gguf"].problem_code == "truncated"
    assert "切れています" in entries["cut.gguf"].problem  # Japanese by default
    english = {e.path.name: e for e in only_under(discover_models(make_settings(language="en")), root)}
    assert "cut short" in english["cut.gguf"].problem


def test_facts_are_cached_until_the_file_changes(tmp_path: Path, monkeypatch, tiny_model: Path) -> None:
    root = tmp_path / "models"
    root.mkdir()
    model = root / "m.gguf"
    shutil.copy(tiny_model, model)
    monkeypatch.setenv("FUMI_MODELS", str(root))
    settings = make_settings()
    assert only_under(discover_models(settings), root)[0].facts

    real_probe = discovery.probe_files
    monkeypatch.setattr(discovery, "probe_files", lambda *a, **k: pytest.fail("cached facts must be used"))
    assert only_under(discover_models(settings), root)[0].facts["name"] == "tiny-chat"

    model.write_bytes(b"GGUF")  # replaced: must be read again
    monkeypatch.setattr(discovery, "probe_files", real_probe)
    assert only_under(discover_models(settings), root)[0].problem_code == "truncated"


def test_find_model_by_path_file_name_stem_model_name_or_part(tmp_path: Path, monkeypatch, tiny_model: Path) -> None:
    root = tmp_path / "models"
    root.mkdir()
    model = root / "Qwen2.5-1.5B-Instruct-Q4_K_M.gguf"
    shutil.copy(tiny_model, model)
    monkeypatch.setenv("FUMI_MODELS", str(root))
    settings = make_settings()
    assert find_model(str(model), settings) == model
    assert find_model("qwen2.5-1.5b-instruct-q4_k_m.gguf", settings) == model
    assert find_model("QWEN2.5-1.5B-INSTRUCT-Q4_K_M", settings) == model
    assert find_model("Tiny-Chat", settings) == model  # general.name inside the file
    assert find_model("1.5b-instruct", settings) == model  # a unique part of the name


def test_find_model_explains_what_exists(tmp_path: Path, monkeypatch, tiny_model: Path) -> None:
    root = tmp_path / "models"
    root.mkdir()
    shutil.copy(tiny_model, root / "alpha-q4.gguf")
    shutil.copy(tiny_model, root / "beta-q4.gguf")
    monkeypatch.setenv("FUMI_MODELS", str(root))
    settings = make_settings()
    with pytest.raises(ModelNotFound) as caught:
        find_model("gamma", settings)
    assert "alpha-q4.gguf" in caught.value.message and "gamma" in caught.value.message
    with pytest.raises(ModelNotFound) as caught:
        find_model("q4", settings)  # matches both
    assert "alpha-q4.gguf" in caught.value.message and "beta-q4.gguf" in caught.value.message


def test_find_model_with_no_models_names_the_folders(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(discovery, "bundled_models_folder", lambda: tmp_path / "beside_exe")
    settings = make_settings(language="en")
    with pytest.raises(ModelNotFound) as caught:
        find_model("anything", settings)
    assert str(settings.paths.user_models) in caught.value.message
    with pytest.raises(ModelNotFound):
        default_model(settings)


def test_default_model_is_the_last_one_used_or_the_first_usable(tmp_path: Path, monkeypatch, tiny_model: Path) -> None:
    monkeypatch.setattr(discovery, "bundled_models_folder", lambda: tmp_path / "beside_exe")
    root = tmp_path / "models"
    root.mkdir()
    (root / "a-broken.gguf").write_bytes(b"junk")
    shutil.copy(tiny_model, root / "b-good.gguf")
    shutil.copy(tiny_model, root / "c-good.gguf")
    monkeypatch.setenv("FUMI_MODELS", str(root))
    assert default_model(make_settings(), catalog=Catalog([])) == root / "b-good.gguf"
    chosen = make_settings(last_model=str(root / "c-good.gguf"))
    assert default_model(chosen, catalog=Catalog([])) == root / "c-good.gguf"
