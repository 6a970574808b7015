"""``fumi compare`` as IT's scripts run it: a subprocess, tiny real models and a broken one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = {"model", "text", "seconds", "ttft_s", "tokens_per_s", "finish_reason", "peak_rss_mb", "error"}


def fumi(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "compare", *args], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


@pytest.fixture()
def two_models(tiny_model: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The tiny model under two file names: the same weights, so fair runs give the same text."""
    first, second = tmp_path / "first.gguf", tmp_path / "second.gguf"
    shutil.copyfile(tiny_model, first)
    shutil.copyfile(tiny_model, second)
    return first, second


def test_json_has_the_contract_keys_and_states_the_settings(two_models: tuple[Path, Path]) -> None:
    first, second = two_models
    result = fumi("--model", str(first), "--model", str(second), "--prompt", "会議の案内を書いてください。",
                  "--max-tokens", "12", "--seed", "7", "--temperature", "0.8", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["settings"]["seed"] == 7
    assert report["settings"]["temperature"] == 0.8
    assert report["settings"]["max_tokens"] == 12
    assert [r["model"] for r in report["results"]] == ["first.gguf", "second.gguf"]
    for entry in report["results"]:
        assert CONTRACT_KEYS <= set(entry)
        assert entry["error"] is None
        assert entry["finish_reason"] == "length"   # random weights never end: cut at 12 tokens
        assert entry["ttft_s"] > 0 and entry["seconds"] > 0 and entry["tokens_per_s"] > 0
        assert entry["peak_rss_mb"] > 0
    # fair runs: the same weights with the same seed and temperature give the same text
    assert report["results"][0]["text"] == report["results"][1]["text"]
    assert "[1/2] first.gguf" in result.stderr and "[2/2] second.gguf" in result.stderr


def test_a_broken_or_missing_model_fails_in_its_own_column(two_models: tuple[Path, Path], tmp_path: Path) -> None:
    first, _second = two_models
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(first.read_bytes()[:1000])
    result = fumi("--model", str(broken), "--model", str(first), "--model", "no-such-model",
                  "--prompt", "テスト", "--max-tokens", "4", "--json")
    assert result.returncode == 0, result.stderr
    broken_result, good, missing = json.loads(result.stdout)["results"]
    assert broken_result["error"] and broken_result["error_code"] == "model_corrupt" and broken_result["text"] == ""
    assert good["error"] is None and good["generated_tokens"] == 4
    assert missing["error"] and missing["error_code"] == "model_missing"
    assert "broken.gguf" in result.stderr


def test_when_no_model_runs_the_exit_code_is_3(tmp_path: Path) -> None:
    result = fumi("--model", "no-such-a", "--model", "no-such-b", "--prompt", "テスト", "--json")
    assert result.returncode == 3
    assert all(r["error"] for r in json.loads(result.stdout)["results"])


def test_exports_a_word_table_and_markdown(two_models: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = two_models
    docx_out = tmp_path / "比較.docx"
    result = fumi("--model", str(first), "--model", str(second), "--translate", "本日は晴天です。", "--to", "en",
                  "--max-tokens", "6", "-o", str(docx_out))
    assert result.returncode == 0, result.stderr
    table = Document(str(docx_out)).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["", "first.gguf", "second.gguf"]
    labels = [row.cells[0].text for row in table.rows]
    assert "最初の文字まで" in labels and "最大メモリ" in labels and "出力" in labels
    md_out = tmp_path / "compare.md"
    result = fumi("--model", str(first), "--model", str(second), "--prompt", "テスト", "--max-tokens", "4",
                  "-o", str(md_out))
    assert result.returncode == 0, result.stderr
    markdown = md_out.read_text(encoding="utf-8")
    assert "| | first.gguf | second.gguf |" in markdown and "シード 42" in markdown
    assert "## first.gguf" in markdown and "## second.gguf" in markdown


def test_models_are_named_as_the_library_resolves_them_and_the_context_used_is_reported(
        two_models: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = two_models
    monkeypatch.setenv("FUMI_MODELS", str(first.parent))
    # one model by path, the other by its stem: both are shown by file name
    result = fumi("--model", str(first), "--model", "second", "--prompt", "テスト", "--max-tokens", "4",
                  "--ctx", "1024", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [r["model"] for r in report["results"]] == ["first.gguf", "second.gguf"]
    assert [r["n_ctx"] for r in report["results"]] == [1024, 1024]
    assert report["settings"]["n_ctx"] == 1024
    # a file listed in the catalogue of recommended models is shown by the catalogue's name
    listed = first.parent / "qwen2.5-1.5b-instruct-q4_k_m.gguf"
    shutil.copyfile(first, listed)
    result = fumi("--model", str(listed), "--model", "second.gguf", "--prompt", "テスト", "--max-tokens", "2",
                  "--json")
    assert [r["model"] for r in json.loads(result.stdout)["results"]] == ["Qwen2.5-1.5B-Instruct", "second.gguf"]
    # without --ctx the engine chooses; the settings say what it chose
    result = fumi("--model", str(first), "--model", str(second), "--prompt", "テスト", "--max-tokens", "2", "--json")
    report = json.loads(result.stdout)
    chosen = report["results"][0]["n_ctx"]
    assert isinstance(chosen, int) and chosen > 0 and report["settings"]["n_ctx"] == chosen


def test_a_draft_takes_fields_by_label_and_is_labelled_with_the_template_title(two_models: tuple[Path, Path]) -> None:
    first, second = two_models
    result = fumi("--model", str(first), "--model", str(second), "--template", "thanks-email",
                  "--field", "宛先=山田様", "--field", "occasion=視察の受け入れ", "--max-tokens", "4", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["settings"]["job"] == "下書き（お礼メール）"
    assert all(r["error"] is None for r in report["results"])


def test_an_unknown_field_names_the_known_fields_in_japanese(two_models: tuple[Path, Path]) -> None:
    first, second = two_models
    result = fumi("--model", str(first), "--model", str(second), "--template", "thanks-email",
                  "--field", "相手=山田様")
    assert result.returncode == 2
    assert "入力項目「相手」はありません" in result.stderr
    assert "recipient（宛先）" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_required_field_and_a_zero_length_are_told_in_the_users_language() -> None:
    result = fumi("--model", "a", "--model", "b", "--template", "report", "--field", "件名=窓口")
    assert result.returncode == 2
    assert "必須の入力項目 notes（メモ）がありません: --field notes=..." in result.stderr
    result = fumi("--model", "a", "--model", "b", "--prompt", "x", "--max-tokens", "0")
    assert result.returncode == 2 and "--max-tokens は 1 以上にしてください。" in result.stderr


@pytest.mark.parametrize("args", [
    ["--model", "a", "--prompt", "x"],                                   # one model
    ["--model", "a", "--model", "b", "--model", "c", "--model", "d", "--model", "e", "--prompt", "x"],
    ["--model", "a", "--model", "b"],                                    # no job
    ["--model", "a", "--model", "b", "--prompt", "x", "--summarize", "f.txt"],  # two jobs
    ["--model", "a", "--model", "b", "--prompt", "x", "-o", "out.pdf"],
])
def test_usage_errors_exit_2_before_any_model_loads(args: list[str]) -> None:
    result = fumi(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "option", "job"), [
    (["--prompt", "x", "--field", "a=b"], "--field", "--prompt"),
    (["--prompt", "x", "--to", "en"], "--to", "--prompt"),
    (["--summarize", "f.txt", "--to", "en"], "--to", "--summarize"),
    (["--template", "notice", "--to", "en"], "--to", "--template"),
    (["--translate", "x", "--field", "a=b"], "--field", "--translate"),
])
def test_an_option_the_chosen_job_does_not_use_is_a_usage_error(args: list[str], option: str, job: str) -> None:
    result = fumi("--model", "a", "--model", "b", *args)
    assert result.returncode == 2, result.stderr
    assert f"{option} は {job} の比較では使いません" in result.stderr and "Traceback" not in result.stderr


def test_an_unreadable_document_to_summarize_exits_4(two_models: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = two_models
    result = fumi("--model", str(first), "--model", str(second), "--summarize", str(tmp_path / "missing.docx"))
    assert result.returncode == 4


def test_the_same_file_name_in_two_folders_is_told_apart_by_its_folder(tiny_model: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "office" / "tiny.gguf", tmp_path / "usb" / "tiny.gguf"
    for path in (first, second):
        path.parent.mkdir()
        shutil.copyfile(tiny_model, path)
    out = tmp_path / "比較.md"
    result = fumi("--model", str(first), "--model", str(second), "--prompt", "テスト", "--max-tokens", "2", "--json")
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)["results"]
    assert [e["model"] for e in entries] == ["tiny.gguf", "tiny.gguf"]          # the name stays the name
    assert [e["folder"] for e in entries] == [str(first.parent), str(second.parent)]
    assert [e["title"] for e in entries] == [f"tiny.gguf ({first.parent})", f"tiny.gguf ({second.parent})"]
    assert f"[1/2] tiny.gguf ({first.parent})" in result.stderr
    result = fumi("--model", str(first), "--model", str(second), "--prompt", "テスト", "--max-tokens", "2",
                  "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"## tiny.gguf ({second.parent})" in out.read_text(encoding="utf-8")
