"""``fumi check --ai`` end to end: the real command line, engine process and tiny model (its text is noise)."""

from __future__ import annotations

import json
import subprocess
import sys

from desktop.engine.launch import engine_environment

LONG = ("本市では、令和8年度から、市民の皆さまの意見を踏まえ、地域の防災訓練の内容を見直し、"
        "参加しやすい日程と会場を設けることとしたが、準備の期間が短いが、関係機関と調整を進めている。")


def test_ai_rewrites_come_as_findings_and_are_not_written(tmp_path, tiny_model):
    source = tmp_path / "a.txt"
    source.write_text("確認する事。\n" + LONG + "\n", encoding="utf-8")
    out = tmp_path / "fixed.txt"
    result = subprocess.run([sys.executable, "-m", "desktop", "check", str(source), "--json", "--ai",
                             "--model", str(tiny_model), "--ctx", "2048", "--threads", "1", "--max-tokens", "8",
                             "-o", str(out)],
                            capture_output=True, text=True, encoding="utf-8", env=engine_environment(), timeout=240)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    text = source.read_text(encoding="utf-8")
    for finding in data["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["text"]
    rules = {f["rule"] for f in data["findings"]}
    assert "sentence-length" in rules
    fixed = out.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert fixed.startswith("確認すること。\n" + LONG)
