"""A translated .docx keeps its inline structure: the translation case files (issue #21), end to end.

Each case file in tests/data/translation/ and the .docx files of tests/data/intake/ (copied from the shared cases) is translated by the real job with a
scripted model, written back by the real writer, and its structure compared with the source's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.documents import marks, read_document
from desktop.documents.segments import translations_by_block
from desktop.documents.writers import write_translated_docx
from desktop.engine.protocol import Section
from desktop.jobs.translate import run
from tests.support.marks_translator import (
    damaging_marks, keeping_marks, language_tags, structure,
)
from tests.support.scripted_model import ScriptedModel

DATA = Path(__file__).resolve().parent.parent / "data"
#: The .docx cases shared with the "intake" helper (their reading side) live in tests/data/intake.
INTAKE = {"content_controls.docx", "footnote.docx", "ruby_first.docx"}
CASES = [
    "hyperlinks.docx", "footer_page_fields.docx", "mergefields.docx", "toc_pageref.docx", "page_breaks.docx",
    "tabs_ptab.docx", "split_runs_lang.docx", "sym_checkboxes.docx", "hidden_superscript_first_run.docx",
    "empty_reply.docx", "content_controls.docx", "footnote.docx", "ruby_first.docx",
]


def case(name: str) -> Path:
    """A case file copied from the shared cases: tests/data/translation/ or tests/data/intake/."""
    return DATA / ("intake" if name in INTAKE else "translation") / name


def translate(tmp_path: Path, name: str, reply) -> tuple[list[Section], Path]:
    source = case(name)
    document = read_document(source)
    model = ScriptedModel(reply)
    events = list(run(model, {"document": document.to_dict()}, {"source": "ja", "target": "en"}))
    sections = [event for event in events if isinstance(event, Section)]
    translations = translations_by_block(document, {s.index: s.text for s in sections})
    out = write_translated_docx(source, translations, tmp_path / f"en_{name}", target_lang="en")
    return sections, out


def assert_same_structure(before: list, after: list) -> None:
    """Every atom and span of the source is in the same paragraph of the output, in order, with words."""
    assert [part for part, _ in after] == [part for part, _ in before]
    for (_, was), (_, now) in zip(before, after):
        assert [target for target, _ in now["links"]] == [target for target, _ in was["links"]]
        assert all(words for _, words in now["links"]), now["links"]
        assert [instruction for instruction, _ in now["fields"]] == [instruction for instruction, _ in was["fields"]]
        assert [bool(result) for _, result in now["fields"]] == [bool(result) for _, result in was["fields"]]
        assert now["breaks"] == was["breaks"]
        assert [name for name, _ in now["bookmarks"]] == [name for name, _ in was["bookmarks"]]
        assert [bool(words) for _, words in now["bookmarks"]] == [bool(words) for _, words in was["bookmarks"]]
        assert [(char, bool(words)) for char, words in now["symbols"]] == [
            (char, bool(words)) for char, words in was["symbols"]]
        assert (now["tabs"], now["notes"]) == (was["tabs"], was["notes"])


@pytest.mark.parametrize("name", CASES)
def test_marks_returned_intact_keep_every_atom_and_span(tmp_path: Path, name: str) -> None:
    sections, out = translate(tmp_path, name, keeping_marks)
    assert_same_structure(structure(case(name)), structure(out))
    assert all(not s.meta["flags"] for s in sections if name != "empty_reply.docx")


def test_links_keep_their_target_and_carry_the_translation_of_their_own_words(tmp_path: Path) -> None:
    _, out = translate(tmp_path, "hyperlinks.docx", keeping_marks)
    links = [link for _, p in structure(out) for link in p["links"]]
    assert links == [
        ("https://www.city.example.lg.jp/kosodate/", "EN[市のホームページ]"),
        ("https://www.city.example.lg.jp/files/shinsei.pdf", "EN[申請書様式（PDF）]"),
        ("https://www.city.example.lg.jp/toiawase/", "EN[https://www.city.example.lg.jp/toiawase/]"),
        ("#tetsuzuki", "EN[第3節]"),
    ]
    bookmarks = [mark for _, p in structure(out) for mark in p["bookmarks"]]
    assert bookmarks == [("tetsuzuki", "EN[第3節\u3000手続きの流れ]")]


def test_fields_stay_whole_and_only_the_words_around_them_are_translated(tmp_path: Path) -> None:
    _, out = translate(tmp_path, "footer_page_fields.docx", keeping_marks)
    footer = [p for part, p in structure(out) if "footer" in part]
    assert [p["fields"] for p in footer] == [[("PAGE", "1"), ("NUMPAGES", "3")], [("PAGE", "1")],
                                            [("PAGE \\* MERGEFORMAT", "1")]]
    read = read_document(out)
    assert [b.text for b in read.blocks if b.kind == "footer"] == [
        "EN[ページ ]1EN[ / ]3", "1EN[ 頁（総務課）]", "EN[－ ]1EN[ －]"]


def test_merge_fields_and_the_table_of_contents_keep_their_fields(tmp_path: Path) -> None:
    _, out = translate(tmp_path, "mergefields.docx", keeping_marks)
    texts = [b.text for b in read_document(out).blocks]
    assert "«氏名»EN[\u3000様]" in texts
    assert "EN[このたびは、]«申請名»EN[の申請をいただき、ありがとうございました。]" in texts
    _, out = translate(tmp_path, "toc_pageref.docx", keeping_marks)
    toc = [p for _, p in structure(out) if any(i.startswith("PAGEREF") for i, _ in p["fields"])]
    assert [p["links"][0][1] for p in toc] == ["EN[第1章\u3000事業の概要]2", "EN[第2章\u3000実施体制]3",
                                              "EN[第3章\u3000予算]4"]


def test_symbols_stay_before_their_option_and_breaks_between_their_words(tmp_path: Path) -> None:
    _, out = translate(tmp_path, "sym_checkboxes.docx", keeping_marks)
    assert [s for _, p in structure(out) for s in p["symbols"]] == [
        ("F0A8", "EN[出席\u3000]"), ("F0A8", "EN[欠席]"), ("F0A8", "EN[同意します]")]
    _, out = translate(tmp_path, "page_breaks.docx", keeping_marks)
    texts = [b.text for b in read_document(out).blocks]
    assert texts[2] == "EN[前半の説明です。]EN[後半の説明です。]"
    assert [p["breaks"] for _, p in structure(out)][:4] == [["page"], ["page"], ["page"], ["column"]]


def test_hidden_and_superscript_stay_on_their_own_words(tmp_path: Path) -> None:
    _, out = translate(tmp_path, "hidden_superscript_first_run.docx", keeping_marks)
    formats = [p["formats"] for _, p in structure(out)]
    assert formats[:2] == [[("vanish", "EN[【記入例】]")], [("vertAlign", "EN[※]")]]


def test_translated_runs_carry_the_target_language(tmp_path: Path) -> None:
    _, out = translate(tmp_path, "split_runs_lang.docx", keeping_marks)
    assert {lang for lang, _ in language_tags(out)} == {"en-US"}
    assert 'w:hint="eastAsia"' not in out.read_bytes().decode("latin-1")


def test_content_controls_at_every_level_and_ruby_are_written_back(tmp_path: Path) -> None:
    _, out = translate(tmp_path, "content_controls.docx", keeping_marks)
    texts = [b.text for b in read_document(out).blocks]
    assert "EN[行の入力欄]" in texts and "EN[担当は ]EN[山田課長]EN[ です。]" in texts
    assert out.read_bytes().count(b"<w:sdt>") == (case("content_controls.docx")).read_bytes().count(b"<w:sdt>")
    _, out = translate(tmp_path, "ruby_first.docx", keeping_marks)
    assert [b.text for b in read_document(out).blocks] == ["EN[本日は晴れです。]"]
    assert b"w:ruby" not in out.read_bytes()


@pytest.mark.parametrize("how", ["drop", "extra", "swap"])
@pytest.mark.parametrize("name", CASES)
def test_damaged_marks_keep_every_atom_and_flag_the_paragraph(tmp_path: Path, name: str, how: str) -> None:
    document = read_document(case(name))
    sections, out = translate(tmp_path, name, damaging_marks(how))
    assert_same_structure(structure(case(name)), structure(out))
    marked = {i for i, block in enumerate(document.blocks) if block.marked and marks.has_marks(block.marked)}
    assert {s.index for s in sections if "marks" in s.meta["flags"]} == marked


def test_damaged_marks_still_put_each_piece_in_its_place(tmp_path: Path) -> None:
    _, out = translate(tmp_path, "sym_checkboxes.docx", damaging_marks("drop"))
    assert [(char, words.strip()) for _, p in structure(out) for char, words in p["symbols"]][:2] == [
        ("F0A8", "EN[出席\u3000]"), ("F0A8", "EN[欠席]")]
    _, out = translate(tmp_path, "hyperlinks.docx", damaging_marks("drop"))
    assert [link for _, p in structure(out) for link in p["links"]][0] == (
        "https://www.city.example.lg.jp/kosodate/", "EN[市のホームページ]")
    assert read_document(out).blocks[1].text == "EN[詳しくは] EN[市のホームページ] EN[をご覧ください。]"


@pytest.mark.parametrize("reply", ["", "Translation:", "訳文：", "{f1}"])
def test_an_empty_or_label_only_reply_keeps_the_source_and_flags_it(tmp_path: Path, reply: str) -> None:
    sections, out = translate(tmp_path, "empty_reply.docx",
                              lambda messages: reply if messages[-1]["content"].endswith(("記", "以上")) else "Done.")
    flagged = {s.meta["source"]: (s.text, s.meta["flags"]) for s in sections}
    assert flagged["記"] == ("記", ["empty"]) and flagged["以上"] == ("以上", ["empty"])
    assert [b.text for b in read_document(out).blocks] == ["Done.", "記", "Done.", "以上"]


def test_footnotes_are_read_and_translated_in_place(tmp_path: Path) -> None:
    document = read_document(case("footnote.docx"))
    note = next(b for b in document.blocks if b.location == "脚注 1")
    assert note.text.startswith("脚注：この金額は")
    _, out = translate(tmp_path, "footnote.docx", keeping_marks)
    notes = [p for part, p in structure(out) if part == "word/footnotes.xml"]
    assert len(notes) == len([p for part, p in structure(case("footnote.docx")) if part == "word/footnotes.xml"])
    translated = read_document(out)
    assert [b.text for b in translated.blocks if b.location == "脚注 1"] == [
        "EN[脚注：この金額は令和六年度予算の見込み額であり、確定額ではない。]"]
    assert structure(out)[0][1]["notes"] == 1          # the reference in the body is still there


def test_the_bilingual_export_keeps_links_and_fields_in_both_columns(tmp_path: Path) -> None:
    from desktop.documents.writers import write_bilingual_docx

    for name in ("hyperlinks.docx", "footer_page_fields.docx"):
        source = case(name)
        document = read_document(source)
        sections, _ = translate(tmp_path, name, keeping_marks)
        translations = translations_by_block(document, {s.index: s.text for s in sections})
        out = write_bilingual_docx([], tmp_path / f"bi_{name}", source_lang="ja", target_lang="en",
                                   source_docx=source, translations=translations)
        cells = [p for _, p in structure(out)][2:-1]        # after the label row, before the AI line
        left, right = cells[0::2], cells[1::2]
        assert len(left) == len(document.blocks)
        for was, now in zip(left, right):
            assert [target for target, _ in now["links"]] == [target for target, _ in was["links"]]
            assert [i for i, _ in now["fields"]] == [i for i, _ in was["fields"]]
        links = [link for p in right for link in p["links"]]
        fields = [field for p in left + right for field in p["fields"]]
        if name == "hyperlinks.docx":
            assert ("https://www.city.example.lg.jp/kosodate/", "EN[市のホームページ]") in links
        else:
            assert fields.count(("PAGE", "1")) == 4 and fields.count(("NUMPAGES", "3")) == 2
        assert "AI" in read_document(out).blocks[-1].text       # the AI-assistance line, on by default


def test_the_prompt_explains_only_the_marks_the_paragraph_has(tmp_path: Path) -> None:
    model = ScriptedModel(keeping_marks)
    document = read_document(case("sym_checkboxes.docx"))
    list(run(model, {"document": document.to_dict()}, {"source": "ja", "target": "en"}))
    system, user = model.calls[0][0]["content"], model.calls[0][1]["content"]
    assert "{sym1}" in system and "{sym2}" in system and "check box" in system
    assert "<a1>" not in system and "{f1}" not in system
    assert user.endswith("出欠：{sym1}出席\u3000{sym2}欠席")
    assert "The text contains marks" not in model.calls[1][0]["content"]   # 同意します: its box is outside the text


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def test_an_inline_picture_keeps_its_place_between_the_words(tmp_path: Path) -> None:
    import io

    import docx

    source = tmp_path / "picture.docx"
    document = docx.Document()
    p = document.add_paragraph("地図")
    p.add_run().add_picture(io.BytesIO(_png()))
    p.add_run("のとおり、会場は市役所です。")
    document.save(str(source))
    read = read_document(source)
    assert read.blocks[0].marked == "地図{img1}のとおり、会場は市役所です。"
    model = ScriptedModel(lambda messages: "As the map {img1} shows, the venue is City Hall.")
    events = list(run(model, {"document": read.to_dict()}, {"source": "ja", "target": "en"}))
    text = next(e.text for e in events if isinstance(e, Section))
    out = write_translated_docx(source, [text], tmp_path / "en.docx", target_lang="en")
    body = docx.Document(str(out)).paragraphs[0]
    runs = [("picture" if r._r.xpath(".//w:drawing") else r.text) for r in body.runs]
    assert runs == ["As the map ", "picture", " shows, the venue is City Hall."]
    assert docx.Document(str(out)).inline_shapes[0].width > 0
