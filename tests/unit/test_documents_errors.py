"""Every file that cannot be read is answered with its reason and a clear message (Japanese by default)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.messages import describe

from desktop.documents import DocumentError, read_document
from tests.support import doc_factory as factory


def _reason_and_message(path: Path, **kwargs: str) -> tuple[str, str]:
    with pytest.raises(DocumentError) as caught:
        read_document(path, **kwargs)
    return caught.value.reason, describe(caught.value, kwargs.get("lang"))


@pytest.mark.parametrize(
    ("make", "name", "reason", "words"),
    [
        (lambda p: p, "missing.docx", "missing", "見つかりません"),
        (factory.make_empty_file, "empty.txt", "empty", "空です"),
        (factory.make_empty_file, "empty.docx", "empty", "空です"),
        (factory.make_binary_file, "picture.txt", "binary", "文字のファイルではありません"),
        (factory.make_binary_file, "picture.md", "binary", "文字のファイルではありません"),
        (factory.make_encrypted_docx, "locked.docx", "encrypted", "パスワードで保護"),
        (factory.make_old_doc, "old.docx", "unsupported", "古い Word 形式"),
        (lambda p: factory.make_corrupt_docx(p, "not_zip"), "notzip.docx", "corrupt", "壊れて"),
        (lambda p: factory.make_corrupt_docx(p, "truncated"), "half.docx", "corrupt", "壊れて"),
        (lambda p: factory.make_corrupt_docx(p, "bad_xml"), "badxml.docx", "corrupt", "壊れて"),
        (factory.make_binary_file, "broken.pdf", "corrupt", "PDF として読み取れません"),
        (factory.make_empty_file, "sheet.xlsx", "unsupported", ".docx、.txt、.md、.pdf"),
        (factory.make_empty_file, "old.doc", "unsupported", "古い Word 形式"),
    ],
)
def test_bad_files_are_named_and_explained(tmp_path: Path, make, name: str, reason: str, words: str) -> None:
    path = tmp_path / name
    make(path)
    got_reason, message = _reason_and_message(path)
    assert got_reason == reason
    assert words in message
    assert name in message or reason == "no_text"


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    path = factory.make_text_file(tmp_path / "blank.txt", "\u3000 \n\n\t\n", encoding="utf-8")
    assert _reason_and_message(path)[0] == "empty"


def test_docx_without_any_text_is_empty(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "blank.docx"
    document = docx.Document()
    document.add_paragraph("")
    document.save(path)
    assert _reason_and_message(path)[0] == "empty"


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    reason, message = _reason_and_message(folder)
    assert reason == "missing"
    assert "フォルダー" in message


def test_too_large_names_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.documents.readers.MAX_TEXT_BYTES", 1024)
    monkeypatch.setattr("desktop.documents.readers.MAX_BINARY_BYTES", 2048)
    text = factory.make_text_file(tmp_path / "big.txt", "あ" * 2000, encoding="utf-8")
    reason, message = _reason_and_message(text)
    assert reason == "too_large"
    assert "1 KB" in message and "5 KB" in message
    pdf = tmp_path / "big.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"0" * 4096)
    reason, message = _reason_and_message(pdf)
    assert reason == "too_large"
    assert "2 KB" in message


def test_default_limits_are_50_mb_and_20_mb() -> None:
    from desktop.documents import errors

    assert errors.MAX_BINARY_BYTES == 50 * 1024 * 1024
    assert errors.MAX_TEXT_BYTES == 20 * 1024 * 1024
    assert errors.format_size(errors.MAX_BINARY_BYTES) == "50 MB"


def test_messages_in_english_by_argument_or_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = factory.make_encrypted_docx(tmp_path / "locked.docx")
    assert "password-protected" in _reason_and_message(path, lang="en")[1]
    monkeypatch.setenv("FUMI_LANG", "en")
    assert "password-protected" in _reason_and_message(path)[1]
    assert "パスワード" in _reason_and_message(path, lang="ja")[1]


def test_uppercase_extensions_are_accepted(tmp_path: Path) -> None:
    path = factory.make_text_file(tmp_path / "NOTE.TXT", "本文です。\n", encoding="cp932")
    assert read_document(path).blocks[0].text == "本文です。"
