"""What the command line does with a result: a failed save keeps it (exit 4), a cut is said on stderr.

The real command line, engine process and tiny model (random weights: it never
ends on its own, so every reply runs to ``--max-tokens``: a length cut).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine.launch import engine_environment

pytestmark = pytest.mark.timeout(300)

ROOT = Path(__file__).resolve().parents[2]
CONTROL_CHARS = "件名：お知らせ\x0b（再送）\n\n本文です。\x0c次のページ。\n"
MINUTES = "令和6年度 第3回 地域福祉推進会議 議事録\n\n事務局より資料1に基づき説明があった。\n\n委員から意見があった。\n"


def fumi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=engine_environment(), timeout=240)


def _draft(tiny_model: Path, out: Path, notes: str = "会議のメモ") -> subprocess.CompletedProcess:
    # the shortest built-in: the tiny model's byte-level vocabulary spends ~3 tokens per kana; a fixed seed:
    # with a random one the random model now and then ends at once, leaving no text to keep
    return fumi("draft", "--template", "thanks-email", "--field", "recipient=佐藤様", "--field", f"occasion={notes}",
                "--model", str(tiny_model), "--ctx", "2048", "--max-tokens", "8", "--seed", "1", "-o", str(out))


def test_control_characters_are_saved_as_docx(tiny_model: Path, tmp_path: Path) -> None:
    source = tmp_path / "control_chars.txt"
    source.write_text(CONTROL_CHARS, encoding="utf-8")
    out = tmp_path / "議事録.docx"
    result = _draft(tiny_model, out, notes="@" + str(source))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def test_a_failed_save_keeps_the_text_beside_the_target_and_exits_4(tiny_model: Path, tmp_path: Path) -> None:
    out = tmp_path / "議事録.docx"
    out.mkdir()                                    # a folder where the file should go: the save fails
    result = _draft(tiny_model, out)
    assert result.returncode == 4, result.stderr
    kept = tmp_path / "議事録.unsaved.txt"
    assert kept.exists() and kept.read_text(encoding="utf-8-sig").strip()
    assert "議事録.unsaved.txt" in result.stderr and "Traceback" not in result.stderr


def test_when_nothing_beside_can_be_written_the_text_goes_to_stdout(tiny_model: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = _draft(tiny_model, blocker / "議事録.docx")
    assert result.returncode == 4, result.stderr
    assert result.stdout.strip()                   # the draft itself
    assert "標準出力" in result.stderr


def test_a_summary_cut_at_the_length_limit_is_said_with_how_to_get_the_rest(tiny_model: Path, tmp_path: Path) -> None:
    source = tmp_path / "minutes_for_length_cut.txt"
    source.write_text(MINUTES, encoding="utf-8")
    # one token, and a fixed seed: with a random seed the random model now and then chose end-of-text first
    result = fumi("summarize", str(source), "--model", str(tiny_model), "--ctx", "1024", "--max-tokens", "1",
                  "--seed", "1")
    assert result.returncode == 0, result.stderr
    assert "長さの上限" in result.stderr and "--max-tokens" in result.stderr
    assert not result.stdout.rstrip("\n").endswith("\ufffd")


def test_a_translation_cut_names_its_segments(tiny_model: Path, tmp_path: Path) -> None:
    source = tmp_path / "notice.txt"
    source.write_text("説明会を開催します。\n\n申請書を提出してください。\n", encoding="utf-8")
    result = fumi("translate", str(source), "--to", "en", "--model", str(tiny_model), "--ctx", "1024",
                  "--max-tokens", "1", "--seed", "1")
    assert result.returncode == 0, result.stderr
    assert "2 か所の訳文が長さの上限で途中まで" in result.stderr


def test_the_same_seed_gives_the_same_summary_and_translation(tiny_model: Path, tmp_path: Path) -> None:
    source = tmp_path / "minutes_for_seed.txt"
    source.write_text(MINUTES, encoding="utf-8")
    common = ("--model", str(tiny_model), "--ctx", "1024", "--max-tokens", "8", "--seed", "5")
    summaries = [fumi("summarize", str(source), *common) for _ in range(2)]
    translations = [fumi("translate", str(source), "--to", "en", *common) for _ in range(2)]
    for first, second in (summaries, translations):
        assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
        assert first.stdout == second.stdout and first.stdout.strip()
