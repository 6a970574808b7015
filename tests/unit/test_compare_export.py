"""A comparison's exports and figures, from results made by hand (no engine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from desktop.compare.export import figure_rows, to_markdown, write_comparison
from desktop.compare.settings import CompareSettings, ModelResult, apply_settings
from desktop.engine.memory import peak_rss_mb


def _results() -> list[ModelResult]:
    good = ModelResult(model="qwen", text="本日の会議は｜終了しました。\x0b", seconds=3.21, load_s=1.0, ttft_s=0.52,
                       tokens_per_s=12.34, generated_tokens=40, finish_reason="length", peak_rss_mb=1536.4)
    failed = ModelResult(model="gemma", error="メモリが足りません。", error_code="model_too_large")
    return [good, failed]


def test_every_model_gets_the_same_seed_temperature_and_length() -> None:
    settings = CompareSettings(seed=3, temperature=0.1, max_tokens=99)
    assert apply_settings({"length": "short", "seed": 1}, settings) == {
        "length": "short", "seed": 3, "temperature": 0.1, "max_tokens": 99}


def test_figures_show_a_dash_for_a_failed_model_and_say_when_output_was_cut() -> None:
    rows = dict(figure_rows(_results(), "ja"))
    assert rows["最初の文字まで"] == ["0.52s", "―"]
    assert rows["生成速度（トークン/秒）"] == ["12.3", "―"]
    assert rows["最大メモリ"] == ["1536 MB", "―"]
    assert rows["長さの上限で途中まで"] == ["はい", "―"]


def test_markdown_states_the_settings_and_keeps_each_text_and_failure() -> None:
    text = to_markdown(_results(), CompareSettings(seed=5), "自由な指示", lang="ja")
    assert "シード 5" in text and "自由な指示" in text
    assert "| | qwen | gemma |" in text
    assert "本日の会議は｜終了しました。" in text
    assert "> 失敗: メモリが足りません。" in text
    assert "生成 AI" in text


def test_word_export_is_one_table_with_a_column_per_model(tmp_path: Path) -> None:
    out = tmp_path / "比較.docx"
    write_comparison(out, _results(), CompareSettings(), "下書き（議事録）", lang="ja")
    table = Document(str(out)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["", "qwen", "gemma"]
    texts = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}
    assert texts["出力"][0].startswith("本日の会議は")   # the vertical tab XML cannot hold is dropped
    assert texts["出力"][1] == "失敗: メモリが足りません。"


def test_an_unknown_export_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_comparison(tmp_path / "x.pdf", _results(), CompareSettings(), "x")


def test_peak_memory_of_this_process_is_known_here() -> None:
    peak = peak_rss_mb()
    assert peak is not None and peak > 10


def test_two_models_of_the_same_name_are_titled_with_their_folders(tmp_path: Path) -> None:
    from desktop.compare.settings import model_titles

    first, second, other = "/office/models/tiny.gguf", "/usb/models/tiny.gguf", "/office/models/qwen.gguf"
    titles = model_titles([("tiny.gguf", first), ("tiny.gguf", second), ("qwen.gguf", other)])
    assert titles[0] == f"tiny.gguf ({Path(first).parent})" and titles[1] == f"tiny.gguf ({Path(second).parent})"
    assert titles[2] == "qwen.gguf"                  # a name found once is shown alone
    results = [ModelResult(model="tiny.gguf", path=path, title=title, text="本文")
               for path, title in zip((first, second), titles)]
    text = to_markdown(results, CompareSettings(), "自由な指示", lang="ja")
    assert f"| | {titles[0]} | {titles[1]} |" in text and f"## {titles[1]}" in text
    out = tmp_path / "比較.docx"
    write_comparison(out, results, CompareSettings(), "自由な指示", lang="ja")
    assert [cell.text for cell in Document(str(out)).tables[0].rows[0].cells[1:]] == titles[:2]
    entry = results[1].to_dict()
    assert entry["model"] == "tiny.gguf" and entry["title"] == titles[1]    # the name stays; the title is added
    assert entry["folder"] == str(Path(second).parent) and entry["path"] == second
