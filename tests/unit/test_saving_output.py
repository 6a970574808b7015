"""Saving never loses work: characters a format cannot hold, long names, symbolic links.

The control characters are those of the intake case ``control_chars.txt``
(Word's text export: a vertical tab for a manual line break, a form feed for a
page break), which made the .docx writer fail with "unexpected error".
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest

from desktop.documents import DocumentError
from desktop.documents.textsafe import for_docx, for_markdown, for_txt, for_xml
from desktop.documents.writers import write_bilingual_docx, write_text, write_translated_docx

CONTROL_CHARS = "件名：お知らせ\x0b（再送）\n\n本文です。\x0c次のページ。\n"
HOSTILE = CONTROL_CHARS + "NUL\x00 BEL\x07 ESC\x1b DEL\x7f C1\x90 lone\ud800 nonchar\ufffe end"


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_the_rules_of_each_format() -> None:
    assert for_docx("a\x0bb\x0cc\x00d") == "a\nb\x0ccd"
    assert for_xml("a\x0cb") == "a\nb"
    assert for_txt("a\x0cb\r\nc\x85d\u2028e") == "a\x0cb\nc\nd\ne"
    assert for_markdown("a\x0cb\u2029c") == "a\n\nb\n\nc"
    assert for_txt("x\ud83dy") == "x\ufffdy"
    assert for_txt("tab\tkept") == "tab\tkept"


def test_docx_maps_vertical_tab_to_line_break_and_form_feed_to_page_break(tmp_path: Path) -> None:
    out = write_text(tmp_path / "通知.docx", CONTROL_CHARS, ai_notice=False)
    xml = _document_xml(out)
    assert '<w:br w:type="page"/>' in xml
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "件名：お知らせ\n（再送）" in texts
    assert any(t.startswith("本文です。") and t.endswith("次のページ。") for t in texts)


@pytest.mark.parametrize("suffix", [".docx", ".txt", ".md"])
def test_every_text_writer_saves_any_character(tmp_path: Path, suffix: str) -> None:
    out = write_text(tmp_path / f"out{suffix}", HOSTILE, title="題\x0b名", ai_notice=True)
    data = _document_xml(out).encode("utf-8") if suffix == ".docx" else out.read_bytes()
    assert b"\x00" not in data and b"\x07" not in data and b"\x1b" not in data
    text = data.decode("utf-8-sig")
    assert "end" in text and "\ufffd" in text


def test_bilingual_and_translated_docx_save_control_characters(tmp_path: Path) -> None:
    bilingual = write_bilingual_docx([(HOSTILE, HOSTILE)], tmp_path / "対訳.docx")
    assert "次のページ" in _document_xml(bilingual)
    source = tmp_path / "source.docx"
    document = docx.Document()
    document.add_paragraph("元の段落")
    document.save(str(source))
    out = write_translated_docx(source, [HOSTILE], tmp_path / "訳.docx", target_lang="en")
    assert "次のページ" in docx.Document(str(out)).paragraphs[0].text


def test_a_failure_inside_a_writer_is_a_document_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.documents import writers

    def broken(*_args, **_kwargs):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(writers, "add_markdown", broken)
    with pytest.raises(DocumentError) as caught:
        write_text(tmp_path / "x.docx", "text")
    assert caught.value.code == "documents.unwritable" and caught.value.params["name"] == "x.docx"
    assert "ValueError" in caught.value.params["detail"]


def test_a_name_at_the_platform_limit_is_written(tmp_path: Path) -> None:
    name = "あ" * 83 + ".md"                  # 252 bytes: the old temp name pushed it past 255
    assert len(name.encode("utf-8")) == 252
    out = write_text(tmp_path / name, "本文", ai_notice=False)
    assert out.read_text(encoding="utf-8").startswith("本文")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]   # no temp file left


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need a privilege on Windows")
def test_a_symbolic_link_stays_a_link_and_its_file_is_replaced(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "report.txt"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to(real)
    write_text(link, "新しい本文", ai_notice=False)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "新しい本文" in real.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.txt"]


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need a privilege on Windows")
def test_a_link_to_a_file_not_there_yet_creates_it(tmp_path: Path) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "target.md")
    write_text(link, "本文", ai_notice=False)
    assert link.is_symlink() and (tmp_path / "target.md").read_text(encoding="utf-8").startswith("本文")
