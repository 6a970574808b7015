"""``fumi summarize`` through the real engine process and the tiny model.

A 100,000-character Japanese document at a 512-token context goes in many
parts with progress on stderr; a short one goes in one pass; an unreadable
file exits 4 with one line.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

SENTENCES = (
    "市は令和6年度の予算として、子育て支援に12億円を計上した。",
    "住民は申請書を窓口に提出してください。",
    "説明会は5月10日に市民会館で開催します。",
    "対象となる世帯は約3,500世帯です。",
    "詳しくは福祉課にお問い合わせください。",
)


def long_japanese_text(characters: int = 100_000) -> str:
    rng = random.Random(5)
    lines: list[str] = []
    total = 0
    chapter = 0
    while total < characters:
        if len(lines) % 30 == 0:
            chapter += 1
            lines += [f"第{chapter}章 事業の概要", ""]
        paragraph = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 8)))
        lines += [paragraph, ""]
        total += len(paragraph)
    return "\n".join(lines)


def fumi(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, cwd=Path(__file__).resolve().parents[2])


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_long_japanese_document_in_many_parts(tiny_model: Path, tmp_path: Path):
    source = tmp_path / "報告書.txt"
    source.write_text(long_japanese_text(), encoding="utf-8")
    out = tmp_path / "要約.md"
    # One thread: on a busy shared machine two threads spin-wait on each other (5x slower).
    result = fumi("summarize", str(source), "--model", str(tiny_model), "--ctx", "512", "--threads", "1",
                  "--max-tokens", "8", "--seed", "1", "-o", str(out), timeout=540)  # fixed: the summary is never empty
    assert result.returncode == 0, result.stderr[-2000:]
    parts = re.findall(r"^部分の要約 (\d+)/(\d+)$", result.stderr, re.MULTILINE)
    total = int(parts[0][1])
    assert total >= 100  # ~250,000 tokens of text at a 512-token context
    assert [int(done) for done, _ in parts] == list(range(total + 1))
    assert "まとめ" in result.stderr and "全体の要約 1/1" in result.stderr
    assert f"{total} 分割" in result.stderr
    assert out.is_file() and out.read_text(encoding="utf-8").strip()


def test_short_document_in_one_pass_to_stdout(tiny_model: Path, tmp_path: Path):
    source = tmp_path / "通知.txt"
    source.write_text("説明会のお知らせ\n\n説明会は5月10日に市民会館で開催します。", encoding="utf-8")
    result = fumi("summarize", str(source), "--model", str(tiny_model), "--ctx", "2048",
                  "--threads", "1", "--max-tokens", "8", "--style", "three-lines", "--focus", "日付", "--length", "short",
                  "--seed", "1")  # a fixed seed: a random one now and then let the random model end at once
    assert result.returncode == 0, result.stderr[-2000:]
    assert "部分の要約" not in result.stderr
    assert "全体の要約 1/1" in result.stderr and "一度で要約しました" in result.stderr
    assert result.stdout.strip()


@pytest.mark.parametrize("name, content", [
    ("空.txt", b""),
    ("壊れた.docx", b"PK\x03\x04 not really a zip"),
    ("ない.txt", None),
])
def test_unreadable_file_exits_4_with_one_line(tmp_path: Path, name: str, content: bytes | None):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = fumi("summarize", str(path), "--model", "none.gguf")
    assert result.returncode == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("fumi: ")
