"""Words that only look like inline marks ("<b>タグ", "{f1}", "</a1>") are words: translated, written and
summarized as text, never parsed as marks (a plain paragraph with "<b>" used to fail the whole job)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop.documents import marks, read_document
from desktop.documents.model import Block, Document
from desktop.documents.segments import translations_by_block
from desktop.documents.writers import write_bilingual_docx, write_translated_docx, write_translated_text
from desktop.engine.protocol import Section
from desktop.jobs import summarize
from desktop.jobs.translate import run
from desktop.jobs.translate_marks import judge_reply
from tests.support.job_events import collect
from tests.support.marks_translator import asked_text, keeping_marks
from tests.support.scripted_model import ScriptedModel

LITERAL = ["<b>タグで囲むと太字になります。", "差込欄は{f1}、リンクの終わりは</a1>と書きます。", "通常の段落です。"]


def echo(messages) -> str:
    return f"EN({asked_text(messages)})"


def keeping_marks_or_words(messages) -> str:
    """``keeping_marks`` for a marked paragraph; a plain one is words, wrapped whole as EN[…]."""
    if "The text contains marks" in messages[0]["content"]:
        return keeping_marks(messages)
    return f"EN[{asked_text(messages)}]"


def translate(document: Document, **options) -> tuple[list[Section], ScriptedModel]:
    model = ScriptedModel(echo)
    events, _stats = collect(run(model, {"document": document.to_dict()}, {"source": "ja", "target": "en", **options}))
    return [e for e in events if isinstance(e, Section)], model


def plain(*texts: str) -> Document:
    return Document(blocks=[Block("paragraph", text) for text in texts])


@pytest.mark.parametrize("parallel", [1, 0], ids=["one_by_one", "together"])
def test_plain_paragraphs_that_look_marked_are_translated_as_text(parallel: int) -> None:
    sections, model = translate(plain(*LITERAL), parallel=parallel)
    assert [s.text for s in sections] == [f"EN({text})" for text in LITERAL]
    assert all(not s.meta["flags"] and "error" not in s.meta for s in sections)
    asked = [call[-1]["content"] for call in model.calls]
    assert all(any(text in content for content in asked) for text in LITERAL)
    assert all("The text contains marks" not in call[0]["content"] for call in model.calls)


def test_a_mark_the_model_invents_in_a_plain_paragraph_goes_but_the_words_that_look_like_one_stay() -> None:
    verdict = judge_reply("<b>タグは太字です。", "The <b> tag is <i>bold</i>.{f2}", marked=False)
    assert verdict.translation == "The <b> tag is bold." and verdict.flags == []
    assert judge_reply("<b>", "{f1}", marked=False).flags == ["empty"]


def test_escaping_gives_the_words_back_exactly() -> None:
    for words in ["<b>", "</a1>", "{f1}", "<\\b>", "C:\\<b>", "{x}", "<\\\\/s1>", "a<b>b</b>c"]:
        escaped = marks.escape(words)
        assert not marks.has_marks(escaped)
        assert marks.unescape(escaped) == words == marks.strip_marks(escaped)
        assert marks.parse(escaped) == [marks.Node("text", text=words)]
    nodes = [marks.Node("text", text="x<b>"), marks.Node("span", "b", children=[marks.Node("text", text="\\")]),
             marks.Node("atom", "f1"), marks.Node("text", text="{f1}")]
    assert marks.parse(marks.render(nodes)) == nodes
    assert marks.strip_marks(marks.render(nodes), {"f1": "«氏名»"}) == "x<b>\\«氏名»{f1}"


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("<b>タグと{f1}の説明です。")
    mixed = document.add_paragraph()
    mixed.add_run("通常の")
    mixed.add_run("太字").bold = True
    mixed.add_run("と<b>の文字です。")
    document.add_paragraph("そのままの段落です。")
    document.save(path)
    return path


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs]


def test_a_docx_with_literal_marks_is_translated_and_written_back_as_text(tmp_path: Path) -> None:
    source = _docx(tmp_path / "literal.docx")
    document = read_document(source)
    assert document.blocks[0].marked is None
    assert marks.has_marks(document.blocks[1].marked) and "<\\b>" in document.blocks[1].marked
    model = ScriptedModel(keeping_marks_or_words)
    events, _ = collect(run(model, {"document": document.to_dict()}, {"source": "ja", "target": "en", "only": [0, 1]}))
    sections = {e.index: e.text for e in events if isinstance(e, Section)}
    assert sections[0] == "EN[<b>タグと{f1}の説明です。]"
    assert not any(e.meta["flags"] for e in events if isinstance(e, Section))

    out = write_translated_docx(source, translations_by_block(document, sections), tmp_path / "en.docx",
                                target_lang="en")
    texts = _texts(out)
    assert texts[0] == "EN[<b>タグと{f1}の説明です。]"
    assert "<b>の文字です。" in texts[1] and "<\\b>" not in texts[1]
    bold = [run.text for run in docx.Document(out).paragraphs[1].runs if run.bold]
    assert bold == ["EN[太字]"]
    assert texts[2] == "そのままの段落です。"

    untouched = write_translated_docx(source, [None, None, None], tmp_path / "same.docx", target_lang="en")
    assert _texts(untouched) == _texts(source)


def test_literal_marks_survive_text_and_bilingual_output(tmp_path: Path) -> None:
    source = tmp_path / "literal.txt"
    source.write_text("\n\n".join(LITERAL) + "\n", encoding="utf-8")
    document = read_document(source)
    sections, _ = translate(document)
    translations = translations_by_block(document, {s.index: s.text for s in sections})
    out = write_translated_text(document, translations, tmp_path / "en.txt")
    assert out.read_text(encoding="utf-8-sig").split("\n\n") == [f"EN({text})" for text in LITERAL[:2]] + [
        f"EN({LITERAL[2]})\n"]
    kept = write_translated_text(document, [None] * len(document.blocks), tmp_path / "same.txt")
    assert kept.read_text(encoding="utf-8-sig") == source.read_text(encoding="utf-8")

    pairs = [(block, f"EN({block.text})") for block in document.blocks]
    table = docx.Document(write_bilingual_docx(pairs, tmp_path / "both.docx", ai_notice=False)).tables[0]
    assert [row.cells[1].text for row in table.rows[1:]] == [f"EN({text})" for text in LITERAL]


def test_a_summary_reads_words_that_look_like_marks_as_they_are() -> None:
    model = ScriptedModel("・要約です。")
    document = Document(blocks=[Block("paragraph", "資料の<a1>欄と{f1}欄、</b>を確認した。")], format="docx")
    events, stats = collect(summarize.run(model, {"document": document.to_dict()}, {"max_tokens": 100}))
    assert stats["one_pass"] is True
    assert "資料の<a1>欄と{f1}欄、</b>を確認した。" in model.calls[0][-1]["content"]
