"""``fumi index`` / ``fumi search`` / ``fumi ask`` through the real engine process and the tiny model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RULE = "（書庫）\n第7条 書庫の鍵は総務課長が保管する。\n\n（公印）\n第8条 公印の使用は午後5時15分までとする。\n"


def fumi(*args: str, timeout: float = 240, encoding: str = "utf-8") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          encoding=encoding, timeout=timeout, cwd=Path(__file__).resolve().parents[2], env=env)


def test_index_search_and_ask(tiny_model: Path, tmp_path: Path):
    folder = tmp_path / "規程集"
    folder.mkdir()
    (folder / "文書管理規程.txt").write_bytes(RULE.encode("cp932"))
    (folder / "壊れた.pdf").write_bytes(b"%PDF-1.4 broken")

    indexed = fumi("index", str(folder), "--json")
    assert indexed.returncode == 0, indexed.stderr
    report = json.loads(indexed.stdout)
    assert len(report["added"]) == 1 and report["failed"][0]["reason"] and report["files"] == 2
    assert "1/2" in indexed.stderr  # progress on stderr

    searched = fumi("search", "鍵", "--top", "3", "--json")
    assert searched.returncode == 0, searched.stderr
    results = json.loads(searched.stdout)["results"]
    assert set(results[0]) >= {"file", "location", "text", "score"} and "第7条" in results[0]["location"]

    on_cp932 = fumi("search", "鍵", encoding="cp932")  # a Japanese Windows console or redirect
    assert on_cp932.returncode == 0, on_cp932.stderr
    assert "第7条" in on_cp932.stdout

    asked = fumi("ask", "書庫の鍵は誰が保管しますか", "--json", "--model", str(tiny_model),
                 "--threads", "1", "--max-tokens", "8")
    assert asked.returncode == 0, asked.stderr[-2000:]
    answer = json.loads(asked.stdout)
    assert answer["found"] is True and answer["sources"][0]["location"].endswith("第7条（書庫）")

    unknown = fumi("ask", "退職金の計算方法", "--json")  # no model needed to say "not found"
    assert unknown.returncode == 0 and json.loads(unknown.stdout)["found"] is False

    too_long = fumi("ask", "あ" * 10_000)
    assert too_long.returncode == 2 and "長すぎ" in too_long.stderr
