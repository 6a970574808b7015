"""``fumi models [--json]`` through the real command line, with good and broken files side by side."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.broken_models import WELL_FORMED, write_broken_corpus

ROOT = Path(__file__).resolve().parents[2]
JSON_KEYS = {
    "name", "path", "size_bytes", "architecture", "parameters", "quantization", "context_length",
    "chat_template", "ram_estimate_bytes", "ram_available_bytes", "fits", "catalog", "license", "problem",
}


def fumi(*args: str, models: Path | None, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("FUMI_MODELS", None)
    if models is not None:
        env["FUMI_MODELS"] = str(models)
    if lang:
        env["FUMI_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, encoding="utf-8",
        timeout=120, cwd=ROOT, env=env,
    )


@pytest.fixture(scope="module")
def mixed_folder(tiny_model: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copy(tiny_model, folder / "qwen2.5-1.5b-instruct-q4_k_m.gguf")  # a catalog file name
    corpus = write_broken_corpus(folder / "broken", tiny_model)
    return folder, corpus


def test_json_lists_good_and_broken_files(mixed_folder: tuple[Path, dict[str, Path]]) -> None:
    folder, corpus = mixed_folder
    completed = fumi("models", "--json", models=folder)
    assert completed.returncode == 0, completed.stderr
    document = json.loads(completed.stdout)
    assert str(folder) in document["folders"]
    models = {Path(model["path"]): model for model in document["models"] if folder in Path(model["path"]).parents}
    assert len(models) == len(corpus) + 1
    for model in models.values():
        assert JSON_KEYS <= set(model)

    good = models[folder / "qwen2.5-1.5b-instruct-q4_k_m.gguf"]
    assert good["problem"] is None
    assert good["architecture"] == "llama" and good["quantization"] == "F32" and good["context_length"] == 2048
    assert good["chat_template"] is True
    assert good["ram_estimate_bytes"] > good["size_bytes"]
    assert good["fits"] in {"ok", "tight", "too_large", "unknown"}
    assert good["catalog"]["name"] == "Qwen2.5-1.5B-Instruct" and good["license"] == "Apache-2.0"

    for kind, path in corpus.items():
        if kind not in WELL_FORMED:
            assert models[path]["problem"], kind
            assert models[path]["architecture"] is None, kind


def test_table_in_japanese_and_english(mixed_folder: tuple[Path, dict[str, Path]]) -> None:
    folder, _ = mixed_folder
    japanese = fumi("models", models=folder)
    assert japanese.returncode == 0, japanese.stderr
    assert "名前" in japanese.stdout and "tiny-chat" in japanese.stdout
    assert "ファイルが空です" in japanese.stdout  # the empty file, listed with its problem
    assert str(folder) in japanese.stdout
    english = fumi("models", models=folder, lang="en")
    assert "The file is empty" in english.stdout and "quant" in english.stdout
    assert "Traceback" not in japanese.stderr + english.stderr


def test_no_models_is_not_an_error(tmp_path: Path) -> None:
    if any(ROOT.joinpath("models").rglob("*.gguf")):
        pytest.skip("this checkout's models/ folder holds models")
    completed = fumi("models", models=tmp_path / "empty")
    assert completed.returncode == 0, completed.stderr
    assert ".gguf" in completed.stdout and str(tmp_path / "empty") in completed.stdout
    document = json.loads(fumi("models", "--json", models=tmp_path / "empty").stdout)
    assert document["models"] == [] and str(tmp_path / "empty") in document["folders"]


def test_one_model_by_name_or_exit_3(mixed_folder: tuple[Path, dict[str, Path]]) -> None:
    folder, _ = mixed_folder
    completed = fumi("models", "--json", "--model", "qwen2.5-1.5b-instruct-q4_k_m", "--ctx", "1024", models=folder)
    assert completed.returncode == 0, completed.stderr
    [model] = json.loads(completed.stdout)["models"]
    assert model["name"] == "tiny-chat" and model["n_ctx"] == 1024
    missing = fumi("models", "--model", "no-such-model", models=folder)
    assert missing.returncode == 3
    assert missing.stderr.count("\n") == 1 and "no-such-model" in missing.stderr
