"""Whole .docx documents: symbols, tabs, imported parts, endnotes, and targets the translation writer can use."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from desktop.documents import marks, read_document
from desktop.documents.writers import write_translated_docx
from desktop.messages import warning_texts

CASES = Path(__file__).resolve().parents[1] / "data" / "intake"


def _docx_with(path: Path, *paragraph_xml: str) -> Path:
    document = docx.Document()
    body = document.element.body
    for xml in paragraph_xml:
        body.insert(len(body) - 1, parse_xml(xml))
    document.save(path)
    return path


def test_symbols_and_tabs_are_kept(tmp_path: Path) -> None:
    path = _docx_with(
        tmp_path / "sym.docx",
        f'<w:p {nsdecls("w")}><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t xml:space="preserve"> 確認済み</w:t>'
        f'<w:tab/><w:t>担当</w:t><w:sym w:font="Symbol" w:char="F0AE"/><w:t>総務課</w:t></w:r></w:p>',
    )
    assert read_document(path).blocks[0].text == "✓ 確認済み\t担当→総務課"


def test_alt_chunk_is_reported(tmp_path: Path) -> None:
    path = _docx_with(tmp_path / "chunk.docx", f'<w:p {nsdecls("w")}><w:r><w:t>本文</w:t></w:r></w:p>',
                      f'<w:altChunk {nsdecls("w", "r")} r:id="rId99"/>')
    document = read_document(path)
    assert [w["code"] for w in document.warnings] == ["documents.alt_chunk"]
    assert "1 か所" in warning_texts(document.warnings)[0]


def test_translated_copy_reaches_footnotes_and_row_controls(tmp_path: Path) -> None:
    for name in ("footnote.docx", "content_controls.docx"):
        source = CASES / name
        blocks = read_document(source).blocks
        # A paragraph with an inline control is translated with its mark, so the control keeps its own words.
        translations = [f"T{i}" if not b.marked else marks.compose(b.marked, [f"T{i}", f"C{i}", ""])
                        for i, b in enumerate(blocks)]
        out = write_translated_docx(source, translations, tmp_path / name, target_lang="en")
        assert [b.text for b in read_document(out).blocks] == [marks.strip_marks(t) for t in translations]


def test_endnotes_are_read_after_the_citing_paragraph(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "endnote.docx"
    with zipfile.ZipFile(CASES / "footnote.docx") as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename).decode("utf-8")
            data = data.replace("footnote", "endnote").replace("Footnote", "Endnote")
            target.writestr(info.filename.replace("footnotes", "endnotes"), data)
    blocks = read_document(path).blocks
    assert [(b.kind, b.location, b.part, b.note) for b in blocks[:2]] == [
        ("paragraph", "段落 1", "", None), ("endnote", "文末脚注 1", "/word/endnotes.xml", 1),
    ]
