"""The command line never fails on its own output: a CP932 console or redirect (Japanese Windows).

Reproduced with ``PYTHONIOENCODING=cp932`` subprocesses: 𠮷, 〜 as U+301C, an
emoji and U+FFFD have no CP932 bytes; before, each ended the run with exit 5.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.cli import console

ROOT = Path(__file__).resolve().parents[2]
NOT_IN_CP932 = "𠮷野家〜😀\ufffd"   # Python's cp932 writes 〜 (U+301C) as ～ (0x8160); the others have no bytes


def _run(args: list[str], *, encoding: str = "cp932") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING=encoding, PYTHONUTF8="0")
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, timeout=120)


def test_stdout_and_stderr_replace_what_cp932_cannot_hold_and_say_so() -> None:
    code = ("from desktop.cli import console; console.install(); "
            f"print({NOT_IN_CP932!r}); import sys; print({NOT_IN_CP932!r}, file=sys.stderr); console.report()")
    result = _run(["-c", code])
    assert result.returncode == 0, result.stderr.decode("cp932", "replace")
    assert result.stdout.decode("cp932").strip() == "〓野家～〓〓"
    stderr = result.stderr.decode("cp932")
    assert "〓野家～〓〓" in stderr and "-o" in stderr and "cp932" in stderr.lower()


def test_fumi_on_a_cp932_redirect_exits_0(fumi_home: Path) -> None:
    user = fumi_home / "data" / "templates"
    user.mkdir(parents=True)
    (user / "mine.toml").write_text(f'id = "mine"\ntitle = "{NOT_IN_CP932}のお知らせ"\nprompt = "{{a}}"\n'
                                    '[[fields]]\nname = "a"\n', encoding="utf-8")
    result = _run(["-m", "desktop", "templates"])
    assert result.returncode == 0, result.stderr.decode("cp932", "replace")
    assert "〓野家～〓〓のお知らせ" in result.stdout.decode("cp932")
    assert "-o" in result.stderr.decode("cp932")


def test_a_utf8_console_is_left_alone(fumi_home: Path) -> None:
    code = f"from desktop.cli import console; console.install(); print({NOT_IN_CP932!r}); console.report()"
    result = _run(["-c", code], encoding="utf-8")
    assert result.stdout.decode("utf-8").strip() == NOT_IN_CP932 and not result.stderr


def test_json_on_a_cp932_redirect_stays_lossless(fumi_home: Path) -> None:
    user = fumi_home / "data" / "templates"
    user.mkdir(parents=True)
    title = f"{NOT_IN_CP932}のお知らせ"
    (user / "mine.toml").write_text(f'id = "mine"\ntitle = "{title}"\nprompt = "{{a}}"\n'
                                    '[[fields]]\nname = "a"\n', encoding="utf-8")
    result = _run(["-m", "desktop", "templates", "--json"])
    assert result.returncode == 0, result.stderr.decode("cp932", "replace")
    out = result.stdout.decode("cp932")
    assert "〓" not in out
    mine = next(entry for entry in json.loads(out) if entry["id"] == "mine")
    assert mine["title"]["ja"] == title


def test_json_keeps_readable_characters_where_the_encoding_holds_them() -> None:
    for text, escaped in (("会議のお知らせ", False), ("〜の件", True), ("𠮷", True)):
        stream = io.TextIOWrapper(io.BytesIO(), encoding="cp932", errors=console.HANDLER)
        console.write_json({"title": text}, stream=stream)
        stream.flush()
        written = stream.buffer.getvalue().decode("cp932")
        assert json.loads(written) == {"title": text}
        assert (text not in written) is escaped


def test_every_command_prints_json_through_the_one_lossless_writer() -> None:
    for module in (ROOT / "desktop" / "cli").glob("*.py"):
        if module.name != "console.py":
            source = module.read_text(encoding="utf-8")
            assert "ensure_ascii" not in source and "json.dump(" not in source, module.name
