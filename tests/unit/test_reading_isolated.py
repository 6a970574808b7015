"""Documents read in a limited child process (desktop.reading) and ``fumi read``: same readers, same answers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from desktop import reading
from desktop.cli import main as cli_main
from desktop.documents import DocumentError, read_document
from desktop.messages import describe

CASES = Path(__file__).resolve().parents[1] / "data" / "intake"


def test_child_reads_what_the_in_process_reader_reads() -> None:
    path = CASES / "footnote.docx"
    assert reading.read_isolated(path).to_dict() == read_document(path).to_dict()


def test_child_passes_errors_with_code_and_params() -> None:
    with pytest.raises(DocumentError) as caught:
        reading.read_isolated(CASES / "pdf_no_text_mapping.pdf")
    assert (caught.value.reason, caught.value.code) == ("no_text", "documents.no_text_mapping")
    assert caught.value.params["name"] == "pdf_no_text_mapping.pdf"


def test_a_reader_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "reader_command",
                        lambda path, lang: [sys.executable, "-c", "import time; time.sleep(30)"])
    with pytest.raises(DocumentError) as caught:
        reading.read_isolated("slow.docx", timeout_s=1)
    assert caught.value.code == "documents.took_too_long"
    assert "slow.docx" in describe(caught.value)


def test_a_reader_that_dies_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "reader_command", lambda path, lang: [sys.executable, "-c", "import os; os._exit(9)"])
    with pytest.raises(DocumentError) as caught:
        reading.read_isolated("crash.docx")
    assert caught.value.code == "documents.reader_crashed"


def test_fumi_read_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["read", str(CASES / "utf8_one_nul.txt"), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"format", "encoding", "blocks", "warnings"}
    assert payload["format"] == "txt" and payload["encoding"] == "utf-8"
    assert payload["blocks"][0] == {"kind": "paragraph", "text": "お知らせ", "location": "段落 1（1行目）"}
    assert len(payload["warnings"]) == 1 and "NUL" in payload["warnings"][0]


def test_fumi_read_text_and_exit_4(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["read", str(CASES / "footnote.docx")]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1] == "[脚注 1] 脚注：この金額は令和六年度予算の見込み額であり、確定額ではない。"
    assert "コメント" in captured.err
    assert cli_main(["read", str(CASES / "zip_member_lying_size.docx")]) == 4
    assert "zip_member_lying_size.docx" in capsys.readouterr().err


@pytest.mark.skipif(sys.maxsize < 2**32, reason="the layout checked is 64-bit Windows'")
def test_windows_job_limit_structure_has_the_documented_size() -> None:
    import ctypes

    from desktop.child_process import _job_limit_structure

    assert ctypes.sizeof(_job_limit_structure()) == 144


def test_reader_process_cannot_grow_past_its_limit() -> None:
    import subprocess

    from desktop.child_process import child_env

    probe = ("from desktop.child_process import limit_address_space as l; l(512 * 1024 * 1024)\n"
             "try:\n    b = bytearray(1024 * 1024 * 1024)\nexcept MemoryError:\n    print('refused')\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=child_env(), timeout=60)
    if sys.platform in ("linux", "win32"):
        assert done.stdout.strip() == "refused"
