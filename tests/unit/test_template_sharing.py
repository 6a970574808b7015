"""Shared templates are untrusted (issue #19): the letterhead never leads out of the template's folder,
everything a template brings is bounded, and a template travels as one file (.toml or .zip)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest

from desktop.cli import build_parser
from desktop.cli.common import run_guarded
from desktop.documents.writers import write_text
from desktop.settings import Paths
from desktop.templates import TemplateError, TemplateStore, limits
from desktop.templates.sharing import MAX_PACKAGE_BYTES, read_package

TEMPLATE = '''id = "weekly"
title = "週報"
letterhead = "{letterhead}"
prompt = "週報を書いてください。{{notes}}"

[[fields]]
name = "notes"
label = "メモ"
kind = "text"
required = true
'''


def make_letterhead(path: Path, body: str = "〇〇市総務部総務課　文書番号欄", header: str = "〇〇市役所") -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = header
    document.sections[0].left_margin = docx.shared.Twips(1701)
    if body:
        document.add_paragraph(body)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def write_template(folder: Path, letterhead: str, name: str = "weekly.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(TEMPLATE.format(letterhead=letterhead.replace("\\", "\\\\")), encoding="utf-8")
    return path


def store_for(tmp_path: Path) -> TemplateStore:
    return TemplateStore(tmp_path / "user")


# -------------------------------------------------------------- ways out of the folder

OUTSIDE = {
    "relative-parent": "../secret.docx",
    "relative-subfolder": "sub/secret.docx",
    "relative-backslash": "..\\secret.docx",
    "absolute-posix": "/etc/secret.docx",
    "absolute-drive": "C:\\Users\\someone\\secret.docx",
    "drive-relative": "C:secret.docx",
    "unc": "\\\\fileserver\\share\\secret.docx",
    "dot-dot": "..",
}


@pytest.mark.parametrize("value", OUTSIDE.values(), ids=OUTSIDE.keys())
def test_a_letterhead_path_is_refused_on_import_naming_the_line(tmp_path: Path, value: str) -> None:
    make_letterhead(tmp_path / "secret.docx")
    shared = write_template(tmp_path / "shared", value)
    with pytest.raises(TemplateError) as caught:
        store_for(tmp_path).read_package(shared)
    assert caught.value.line == 3 and "3 行目" in caught.value.message and "letterhead" in caught.value.message


@pytest.mark.parametrize("value", OUTSIDE.values(), ids=OUTSIDE.keys())
def test_a_letterhead_path_in_a_template_placed_in_the_folder_is_refused(tmp_path: Path, value: str) -> None:
    make_letterhead(tmp_path / "secret.docx")
    write_template(tmp_path / "user", value)
    store = store_for(tmp_path)
    assert "weekly" not in store.ids()
    assert any("3 行目" in text and "letterhead" in text for _path, text in store.problems)


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_symlink_out_of_the_folder_is_refused_on_import_and_in_the_folder(tmp_path: Path) -> None:
    secret = make_letterhead(tmp_path / "elsewhere" / "secret.docx")
    shared = write_template(tmp_path / "shared", "lh.docx")
    (tmp_path / "shared" / "lh.docx").symlink_to(secret)
    with pytest.raises(TemplateError) as caught:
        store_for(tmp_path).read_package(shared)
    assert "3 行目" in caught.value.message and "外" in caught.value.message

    write_template(tmp_path / "user", "lh.docx")
    (tmp_path / "user" / "lh.docx").symlink_to(secret)
    store = store_for(tmp_path)
    assert "weekly" not in store.ids() and "外" in store.problems[0][1]


def test_a_bare_letterhead_beside_the_template_is_accepted(tmp_path: Path) -> None:
    make_letterhead(tmp_path / "shared" / "lh.docx")
    package = store_for(tmp_path).read_package(write_template(tmp_path / "shared", "lh.docx"))
    assert package.has_letterhead and "〇〇市総務部総務課" in package.letterhead_text


# -------------------------------------------------------------------------- preview

def test_the_preview_names_title_fields_and_the_letterheads_first_page(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("1ページ目の本文")
    document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    document.add_paragraph("2ページ目の本文")
    (tmp_path / "shared").mkdir()
    document.save(tmp_path / "shared" / "lh.docx")
    package = read_package(write_template(tmp_path / "shared", "lh.docx"))
    lines = "\n".join(package.preview_lines("ja"))
    assert "週報（weekly）" in lines and "メモ（notes）" in lines and "1ページ目の本文" in lines
    assert "2ページ目" not in lines

    plain = write_template(tmp_path / "plain", "").read_text(encoding="utf-8").replace('letterhead = ""\n', "")
    (tmp_path / "plain" / "weekly.toml").write_text(plain, encoding="utf-8")
    assert "レターヘッド: なし" in "\n".join(read_package(tmp_path / "plain" / "weekly.toml").preview_lines("ja"))


# --------------------------------------------------------------------------- limits

def _template_with(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "big.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _fields(count: int, choices: int = 0) -> str:
    items = []
    for n in range(count):
        extra = f'kind = "choice"\nchoices = [{", ".join(repr(f"c{c}") for c in range(choices))}]\n' if choices else ""
        items.append(f'[[fields]]\nname = "f{n}"\n{extra}')
    return "\n".join(items)


def test_each_limit_is_a_clear_message(tmp_path: Path) -> None:
    head = 'id = "big"\ntitle = "大"\n'
    cases = {
        "大きすぎます": head + 'prompt = "x"\n# ' + "あ" * limits.MAX_TEMPLATE_BYTES + "\n",
        "入力項目が多すぎます": head + 'prompt = "x"\n' + _fields(limits.MAX_FIELDS + 1),
        "「prompt」が長すぎます": head + 'prompt = "' + "あ" * (limits.MAX_TEXT_CHARS + 1) + '"\n',
        "選択肢が多すぎます": head + 'prompt = "x"\n' + _fields(1, choices=limits.MAX_CHOICES + 1),
    }
    for expected, text in cases.items():
        with pytest.raises(TemplateError) as caught:
            read_package(_template_with(tmp_path, text))
        assert expected in caught.value.message, expected
        assert "上限" in caught.value.message

    folder = tmp_path / "huge"
    write_template(folder, "lh.docx")
    with (folder / "lh.docx").open("wb") as handle:
        handle.truncate(limits.MAX_LETTERHEAD_BYTES + 1)
    with pytest.raises(TemplateError) as caught:
        read_package(folder / "weekly.toml")
    assert "レターヘッド" in caught.value.message and "大きすぎます" in caught.value.message


def test_a_zip_is_inflated_under_a_running_cap_and_holds_only_the_fixed_layout(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("template.toml", b"#" * (limits.MAX_TEMPLATE_BYTES + 10))
    assert bomb.stat().st_size < MAX_PACKAGE_BYTES
    with pytest.raises(TemplateError, match="大きすぎます"):
        read_package(bomb)

    extra = tmp_path / "extra.zip"
    with zipfile.ZipFile(extra, "w") as archive:
        archive.writestr("template.toml", TEMPLATE.format(letterhead="").replace('letterhead = ""\n', ""))
        archive.writestr("../evil.docx", b"x")
    with pytest.raises(TemplateError, match="evil.docx"):
        read_package(extra)

    not_zip = tmp_path / "broken.zip"
    not_zip.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(TemplateError, match="読めません"):
        read_package(not_zip)


# -------------------------------------------------------------- export → import

def test_export_then_import_keeps_the_letterhead_and_nothing_else(tmp_path: Path) -> None:
    author = TemplateStore(tmp_path / "author")
    folder = tmp_path / "author"
    letterhead = make_letterhead(folder / "lh.docx")
    write_template(folder, "lh.docx")
    (folder / "notes-for-me.docx").write_bytes(b"private")  # beside it, never shipped
    author.reload()
    shared = author.export(author.get("weekly"), tmp_path / "outbox" / "weekly.toml")
    assert shared.suffix == ".zip" and list((tmp_path / "outbox").iterdir()) == [shared]
    with zipfile.ZipFile(shared) as archive:
        assert sorted(archive.namelist()) == ["letterhead.docx", "template.toml"]

    colleague = TemplateStore(tmp_path / "colleague")
    package = colleague.read_package(shared)
    assert package.letterhead == letterhead.read_bytes()
    saved = colleague.install(package)
    assert sorted(p.name for p in (tmp_path / "colleague").iterdir()) == [
        "letterheads-accepted.json", "weekly-letterhead.docx", "weekly.toml"]
    assert saved.letterhead_path().read_bytes() == letterhead.read_bytes()
    assert saved.letterhead_body  # seen in the preview and accepted
    original = author.get("weekly")
    assert (saved.prompt, saved.title, [f.to_dict() for f in saved.fields]) == (
        original.prompt, original.title, [f.to_dict() for f in original.fields])

    # a letterhead changed after the import is no longer trusted with its body
    make_letterhead(saved.letterhead_path(), body="差し替えられた本文")
    assert not TemplateStore(tmp_path / "colleague").get("weekly").letterhead_body


def test_a_letterhead_gives_headers_page_setup_and_styles_and_its_body_only_once_seen(tmp_path: Path) -> None:
    letterhead = make_letterhead(tmp_path / "lh.docx", body="機密の本文")
    unseen = write_text(tmp_path / "a.docx", "下書き", letterhead=letterhead, ai_notice=False)
    seen = write_text(tmp_path / "b.docx", "下書き", letterhead=letterhead, ai_notice=False, letterhead_body=True)
    for path, body_kept in ((unseen, False), (seen, True)):
        document = docx.Document(path)
        texts = [p.text for p in document.paragraphs]
        assert ("機密の本文" in texts) is body_kept and "下書き" in texts
        assert document.sections[0].header.paragraphs[0].text == "〇〇市役所"
        assert document.sections[0].left_margin == docx.shared.Twips(1701)


# ----------------------------------------------------------------------- the CLI

def _fumi(*argv: str) -> int:
    args = build_parser().parse_args(list(argv))
    return run_guarded(args._module.run, args)


def test_cli_import_needs_yes_for_a_letterhead_and_export_writes_one_file(tmp_path: Path, capsys) -> None:
    make_letterhead(tmp_path / "shared" / "lh.docx")
    shared = write_template(tmp_path / "shared", "lh.docx")
    user = Paths.default().user_templates

    assert _fumi("templates", "--import", str(shared)) == 2
    out, err = capsys.readouterr()
    assert "〇〇市総務部総務課" in out and "--yes" in err and not (user / "weekly.toml").exists()

    assert _fumi("templates", "--import", str(shared), "--yes") == 0
    assert "取り込みました" in capsys.readouterr().out and (user / "weekly-letterhead.docx").is_file()

    assert _fumi("templates", "--export", "weekly", str(tmp_path / "out" / "weekly")) == 0
    assert (tmp_path / "out" / "weekly.zip").is_file() and "weekly.zip" in capsys.readouterr().out
    assert _fumi("templates", "--export", "nothing", str(tmp_path / "x.toml")) == 2

    bad = write_template(tmp_path / "bad", "../lh.docx")
    assert _fumi("templates", "--import", str(bad), "--yes") == 4
    assert "3 行目" in capsys.readouterr().err


def test_a_letterhead_that_inflates_too_far_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    from desktop.templates.sharing import MAX_LETTERHEAD_XML_BYTES

    folder = tmp_path / "shared"
    letterhead = make_letterhead(folder / "lh.docx")
    with zipfile.ZipFile(letterhead, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/bloat.xml", b" " * (MAX_LETTERHEAD_XML_BYTES + 1))
    assert letterhead.stat().st_size < 100_000
    with pytest.raises(TemplateError, match="大きすぎます"):
        read_package(write_template(folder, "lh.docx"))
