"""Test documents, made on the spot: .docx, Japanese text files in every encoding, .md, PDFs, broken files.

Every function writes one file and returns its path. ``SAMPLE_DOCX_*``
constants say what ``make_sample_docx`` puts in, so tests can check against them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

SAMPLE_JA_TEXT = (
    "第1章 総則\n"
    "\n"
    "この要綱は、市の事業の実施に関し必要な事項を定めるものとする。\n"
    "住民の皆様への周知は、広報紙及びホームページにより行う。\n"
    "\n"
    "・申請書の提出\n"
    "・審査結果の通知\n"
    "\n"
    "申請から交付までの手続について、担当課は速やかに対応する。\n"
)

SAMPLE_DOCX_HEADER = "市役所 総務課"
SAMPLE_DOCX_FOOTER = "内部資料"
SAMPLE_DOCX_TABLE = [["項目", "金額", "備考"], ["人件費", "1,200万円", "前年比増"]]
SAMPLE_DOCX_BULLETS = ["申請書を提出する", "審査を受ける", "結果を通知する"]
SAMPLE_DOCX_TEXT_BOX = "テキストボックスの文"
SAMPLE_DOCX_MIXED = "【重要】この事業は特に優先します。"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_V = "urn:schemas-microsoft-com:vml"


def make_sample_docx(path: Path) -> Path:
    """A .docx with: headings (1, 2), a mixed-run paragraph with a bold run, empty paragraphs, a
    bullet list, a 2×3 table, a tracked insertion and deletion, a text box (with a VML fallback),
    a header and footer, and a second section whose own header/footer repeat the same text.

    Body order: H1 "1 概要"; mixed paragraph (first run bold); empty; H2 "1.1 背景"; paragraph with tracked
    changes; 3 bullets (the third indented); empty; table; H1 "2 予算"; paragraph with a text
    box; (section break) closing paragraph.
    """
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import parse_xml

    document = docx.Document()
    document.core_properties.title = "テスト報告書"
    section = document.sections[0]
    section.header.paragraphs[0].text = SAMPLE_DOCX_HEADER
    section.footer.paragraphs[0].text = SAMPLE_DOCX_FOOTER

    document.add_heading("1 概要", level=1)
    mixed = document.add_paragraph()
    mixed.add_run("【重要】").bold = True
    mixed.add_run("この事業は")
    mixed.add_run("特に").italic = True
    mixed.add_run("優先します。")
    document.add_paragraph()
    document.add_heading("1.1 背景", level=2)
    tracked = document.add_paragraph("変更前の文")
    tracked._p.append(parse_xml(
        f'<w:ins xmlns:w="{_W}" w:id="1" w:author="t" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:t>と挿入された文</w:t></w:r></w:ins>"
    ))
    tracked._p.append(parse_xml(
        f'<w:del xmlns:w="{_W}" w:id="2" w:author="t" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:delText>削除された文</w:delText></w:r></w:del>"
    ))
    for number, text in enumerate(SAMPLE_DOCX_BULLETS):
        document.add_paragraph(text, style="List Bullet 2" if number == 2 else "List Bullet")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=3)
    table.style = document.styles["Table Grid"]
    for row_index, values in enumerate(SAMPLE_DOCX_TABLE):
        for col_index, value in enumerate(values):
            table.cell(row_index, col_index).text = value
    document.add_heading("2 予算", level=1)
    anchor = document.add_paragraph("予算の概要は次のとおり。")
    anchor._p.append(parse_xml(_text_box_run(SAMPLE_DOCX_TEXT_BOX)))

    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = SAMPLE_DOCX_HEADER
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = SAMPLE_DOCX_FOOTER
    document.add_paragraph("以上")
    document.save(path)
    return path


def _text_box_run(text: str) -> str:
    """A run holding a text box the way Word writes it: a DrawingML choice and a VML fallback."""
    paragraph = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f'<w:r xmlns:w="{_W}" xmlns:mc="{_MC}" xmlns:wps="{_WPS}" xmlns:v="{_V}">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        f"{paragraph}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{paragraph}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def make_text_file(path: Path, text: str = SAMPLE_JA_TEXT, encoding: str = "utf-8", *, newline: str = "\r\n") -> Path:
    """``text`` encoded as ``encoding``: "utf-8", "utf-8-sig", "cp932", "euc-jp",
    "utf-16" (little-endian with BOM), "utf-16-le"/"utf-16-be" (no BOM)."""
    body = text.replace("\n", newline)
    if encoding == "utf-16":
        data = b"\xff\xfe" + body.encode("utf-16-le")
    else:
        data = body.encode(encoding)
    path.write_bytes(data)
    return path


SAMPLE_MARKDOWN = (
    "# お知らせ\n"
    "\n"
    "市民の皆様へのお知らせです。\n"
    "二行目も同じ段落です。\n"
    "\n"
    "## 手続き\n"
    "\n"
    "- 申請書を出す\n"
    "- 窓口に来る\n"
    "  - 本人確認書類を持参\n"
    "1. 番号付きの項目\n"
    "\n"
    "| 項目 | 期限 |\n"
    "|------|------|\n"
    "| 申請 | 4月1日 |\n"
    "\n"
    "```\n"
    "code block stays\n"
    "```\n"
    "\n"
    "> 引用の文\n"
)


def make_markdown(path: Path, text: str = SAMPLE_MARKDOWN) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def make_text_pdf(path: Path, pages: list[list[str]] | None = None) -> Path:
    """A minimal, valid PDF (written by hand) with a Helvetica text layer; one list of lines per page."""
    pages = pages or [["Annual report", "The city budget grew this year."], ["Second page text."]]
    contents = []
    for lines in pages:
        ops = ["BT", "/F1 12 Tf", "16 TL", "72 720 Td"]
        for number, line in enumerate(lines):
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(("T* " if number else "") + f"({escaped}) Tj")
        ops.append("ET")
        contents.append("\n".join(ops).encode("latin-1"))
    return _write_pdf(path, contents, with_font=True)


def make_scanned_pdf(path: Path) -> Path:
    """A PDF whose only page draws a grey rectangle: no text layer, like a scan."""
    return _write_pdf(path, [b"0.5 g 72 72 400 600 re f"], with_font=False)


def _write_pdf(path: Path, contents: list[bytes], *, with_font: bool, cid_font_cmap: bytes | None = None) -> Path:
    count = len(contents)
    font_id = 3 + 2 * count
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(f"{3 + 2 * i} 0 R".encode() for i in range(count))
        + f"] /Count {count} >>".encode(),
    ]
    for index, content in enumerate(contents):
        resources = f"/Resources << /Font << /F1 {font_id} 0 R >> >> " if with_font else "/Resources << >> "
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] {resources}/Contents {4 + 2 * index} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    if with_font and cid_font_cmap is not None:
        base = len(objects) + 1
        objects.append(f"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /Identity-H"
                       f" /DescendantFonts [{base + 1} 0 R] /ToUnicode {base + 2} 0 R >>".encode())
        objects.append(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /HeiseiKakuGo-W5"
                       b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
        objects.append(f"<< /Length {len(cid_font_cmap)} >>\nstream\n".encode() + cid_font_cmap + b"\nendstream")
    elif with_font:
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode() + b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def make_encrypted_pdf(path: Path, password: str = "secret") -> Path:
    """A text PDF that needs ``password`` to open."""
    from pypdf import PdfReader, PdfWriter

    plain = make_text_pdf(path.with_name(path.stem + "-plain.pdf"))
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def make_encrypted_docx(path: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE compound file with EncryptionInfo/EncryptedPackage streams."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    directory = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00") + "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00")
    path.write_bytes(header.ljust(512, b"\xff") + directory.ljust(512, b"\x00") + bytes(range(256)) * 8)
    return path


def make_old_doc(path: Path) -> Path:
    """An old binary Word file (.doc) named .docx: OLE magic and a WordDocument stream."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    path.write_bytes(header.ljust(512, b"\x00") + "WordDocument".encode("utf-16-le").ljust(512, b"\x00"))
    return path


def make_corrupt_docx(path: Path, kind: str = "not_zip") -> Path:
    """A broken .docx: "not_zip" (random bytes), "truncated" (half a real .docx), "bad_xml" (a zip with broken XML)."""
    if kind == "not_zip":
        path.write_bytes(b"This is not a Word file at all.\n" * 20)
    elif kind == "truncated":
        make_sample_docx(path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind == "bad_xml":
        make_sample_docx(path)
        source = path.read_bytes()
        temp = path.with_name(path.stem + "-source.docx")
        temp.write_bytes(source)
        with zipfile.ZipFile(temp) as original, zipfile.ZipFile(path, "w") as broken:
            for item in original.infolist():
                data = original.read(item.filename)
                if item.filename == "word/document.xml":
                    data = data[: len(data) // 2]
                broken.writestr(item, data)
    else:
        raise ValueError(kind)
    return path


def make_empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def make_binary_file(path: Path) -> Path:
    """Bytes of a PNG-like image, whatever the file is named."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)
    return path


def make_mixed_encoding_text(path: Path, *, bad_lines: int = 1, good_lines: int = 400) -> Path:
    """UTF-8 text with ``bad_lines`` lines in CP932 pasted in (what happens when files are concatenated)."""
    good = ("市民の皆様への大切なお知らせです。\n" * good_lines).encode("utf-8")
    bad = ("古いシステムの文書です。\n" * bad_lines).encode("cp932")
    path.write_bytes(good + bad + good)
    return path


def make_japanese_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose text layer holds Japanese: a CID font (Identity-H) with a ToUnicode map.

    Glyph ids are the characters' code points (the print would be nonsense; the
    text layer, which is what Fumi reads, is exact). One list of lines per page;
    characters outside the Basic Multilingual Plane are not supported.
    """
    contents = []
    for lines in pages:
        ops = ["BT", "/F1 10 Tf", "14 TL", "50 800 Td"]
        for number, line in enumerate(lines):
            hexed = line.encode("utf-16-be").hex().upper()
            ops.append(("T* " if number else "") + f"<{hexed}> Tj")
        ops.append("ET")
        contents.append("\n".join(ops).encode("ascii"))
    ranges = [f"<{high:02X}00> <{high:02X}FF> <{high:02X}00>" for high in range(256)]
    blocks = []
    for start in range(0, 256, 100):
        chunk = ranges[start:start + 100]
        blocks.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(blocks) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend").encode("ascii")
    return _write_pdf(path, contents, with_font=True, cid_font_cmap=cmap)
