"""``fumi templates`` and ``fumi draft`` as a script would run them: a subprocess and the tiny model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def fumi(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=ROOT, env=dict(os.environ),
        capture_output=True, text=True, encoding="utf-8", timeout=timeout,
    )


def test_templates_json_lists_builtins_with_their_fields() -> None:
    result = fumi("templates", "--json")
    assert result.returncode == 0, result.stderr
    templates = {t["id"]: t for t in json.loads(result.stdout)}
    assert len(templates) >= 11
    minutes = templates["minutes"]
    assert minutes["title"] == {"ja": "議事録", "en": "Meeting minutes"}
    assert minutes["source"] == "builtin" and minutes["kind"] == "文書"
    notes = next(f for f in minutes["fields"] if f["name"] == "notes")
    assert notes["kind"] == "document" and notes["required"] is True and "label" in notes and "default" in notes


def test_templates_plain_lists_user_templates_too() -> None:
    user = Path(os.environ["FUMI_HOME"]) / "data" / "templates"
    user.mkdir(parents=True)
    (user / "mine.toml").write_text('id = "mine"\ntitle = "わたしの"\nprompt = "{a}"\n[[fields]]\nname = "a"\n',
                                    encoding="utf-8")
    result = fumi("templates")
    assert result.returncode == 0, result.stderr
    assert "minutes" in result.stdout and "mine" in result.stdout and "わたしの" in result.stdout


def test_missing_required_field_is_exit_2_naming_it() -> None:
    result = fumi("draft", "--template", "minutes", "--field", "meeting=会議")
    assert result.returncode == 2
    assert "notes" in result.stderr and "Traceback" not in result.stderr


def test_unknown_template_is_exit_2_listing_ids() -> None:
    result = fumi("draft", "--template", "no-such", "--field", "a=b")
    assert result.returncode == 2
    assert "minutes" in result.stderr and "proofread" in result.stderr


def test_unknown_field_is_exit_2() -> None:
    result = fumi("draft", "--template", "minutes", "--field", "agenda=x")
    assert result.returncode == 2 and "agenda" in result.stderr


def test_unreadable_field_file_is_exit_4(tmp_path: Path) -> None:
    result = fumi("draft", "--template", "minutes", "--field", "meeting=会議",
                  "--field", f"notes=@{tmp_path / 'missing.txt'}")
    assert result.returncode == 4 and "missing.txt" in result.stderr


def test_draft_streams_to_stdout_and_writes_a_file(tiny_model: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes("会議のメモ\n予算 {x} を確認\n".encode("cp932"))
    # the shortest built-in: the tiny test model's byte-level vocabulary spends ~3 tokens per kana
    common = ["--template", "thanks-email", "--field", "recipient=佐藤先生", "--field", f"occasion=@{notes}",
              "--model", str(tiny_model), "--ctx", "2048", "--threads", "1", "--max-tokens", "12",
              "--length", "short", "--tone", "dearu", "--seed", "1"]
    streamed = fumi("draft", *common)
    assert streamed.returncode == 0, streamed.stderr
    assert streamed.stdout.strip()

    out = tmp_path / "minutes.txt"
    written = fumi("draft", *common, "-o", str(out))
    assert written.returncode == 0, written.stderr
    assert out.is_file() and out.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("value", ["@@literal", "a=b=c"])
def test_field_values_are_taken_as_written(value: str) -> None:
    from desktop.cli.draft_cmd import _fields
    from desktop.templates import TemplateStore

    template = TemplateStore(Path("/nonexistent")).get("minutes")
    fields = _fields(template, [f"meeting={value}"])
    assert fields["meeting"] == ("@literal" if value == "@@literal" else value)


def test_a_long_template_in_a_small_context_names_the_context_and_ctx_not_a_field(tmp_path: Path) -> None:
    from tests.support.gguf_factory import write_random_model

    model = write_random_model(tmp_path / "long-context.gguf", n_embd=64, n_layer=2, n_head=4, n_head_kv=4,
                               n_ff=128, n_vocab=0, context_length=32768, float16=False, name="long-context")
    args = ("draft", "--model", str(model), "--template", "minutes", "--field", "meeting=定例会",
            "--field", "notes=短いメモです。", "--ctx", "2048")
    result = fumi(*args)
    assert result.returncode == 4, result.stderr
    said = result.stderr.strip().splitlines()[-1]
    assert "コンテキスト長（2048トークン）" in said and "--ctx" in said
    assert "メモ・文字起こし" not in said and "長すぎ" not in said
    suggested = int(said.split("--ctx ")[1].split("）")[0])
    # with the context it advises, the same draft runs
    result = fumi(*args[:-1], str(suggested), "--max-tokens", "4")
    assert result.returncode == 0, result.stderr
