"""The translation job with a scripted model: streaming, alignment, context, glossary, re-translation."""

from __future__ import annotations

import pytest

from desktop.documents.model import Block, Document
from desktop.engine.protocol import BAD_INPUT, Delta, Progress, Section
from desktop.contracts import Cancelled, JobError
from desktop.jobs.translate import clean_translation, run
from tests.support.job_events import collect
from tests.support.scripted_model import ScriptedModel

GLOSSARY = [["区市町村", "municipalities"], ["住民票", "certificate of residence"], ["市町村", "towns"]]


def _document(*texts: str) -> dict:
    return Document(blocks=[Block("paragraph", text) for text in texts]).to_dict()


def _text_to_translate(messages) -> str:
    return messages[-1]["content"].split("\n")[-1]


def _echo_upper(messages) -> str:
    """A 'translation' that shows which text it was given."""
    return "EN(" + _text_to_translate(messages) + ")"


def _collect(model, inputs, options):
    return collect(run(model, inputs, options))


def test_each_segment_streams_then_ends_with_a_section_at_its_block_index():
    model = ScriptedModel(_echo_upper)
    events, stats = _collect(model, {"document": _document("一つ目。", "", "二つ目。")}, {"target": "en"})
    sections = [e for e in events if isinstance(e, Section)]
    assert [(s.index, s.text) for s in sections] == [(0, "EN(一つ目。)"), (2, "EN(二つ目。)")]
    assert sections[0].meta == {"source": "一つ目。", "kind": "paragraph", "location": "",
                                "missing_terms": [], "truncated": False, "flags": []}
    first_section = events.index(sections[0])
    assert "".join(e.text for e in events[:first_section] if isinstance(e, Delta)) == "EN(一つ目。)"
    progress = [(e.done, e.total, e.label) for e in events if isinstance(e, Progress)]
    assert progress == [(0, 2, "translate.segment"), (1, 2, "translate.segment"), (2, 2, "translate.segment")]
    assert stats == {"segments": 2, "flagged": 0, "source_language": "ja", "target_language": "en"}


def test_prompt_asks_for_only_the_translation_and_names_the_languages():
    model = ScriptedModel("Hello")
    _collect(model, {"document": _document("こんにちは。")}, {"target": "en"})
    system, user = model.calls[0]
    assert system["role"] == "system" and "from Japanese into English" in system["content"]
    assert "ONLY the translation" in system["content"]
    assert user["content"] == "こんにちは。"        # first and only segment: no context


def test_neighbouring_segments_and_the_previous_translation_are_context():
    model = ScriptedModel(_echo_upper)
    _collect(model, {"document": _document("前の段落。", "この段落。", "次の段落。")}, {"target": "en", "parallel": 1})
    middle = model.calls[1][-1]["content"]
    assert "Previous paragraph (context only, do not translate):\n前の段落。" in middle
    assert "Its translation:\nEN(前の段落。)" in middle
    assert "Next paragraph (context only, do not translate):\n次の段落。" in middle
    assert middle.endswith("Translate into English:\nこの段落。")


def test_only_the_glossary_terms_in_a_segment_go_into_its_prompt():
    model = ScriptedModel("The municipalities will send the certificate of residence.")
    document = _document("区市町村から住民票を送ります。", "天気は晴れです。")
    _collect(model, {"document": document, "glossary": GLOSSARY}, {"target": "en"})
    first_system, second_system = model.calls[0][0]["content"], model.calls[1][0]["content"]
    assert "- 区市町村 → municipalities" in first_system
    assert "- 住民票 → certificate of residence" in first_system
    assert "市町村 → towns" not in first_system.replace("区市町村 →", "")   # inside a longer term: left out
    assert "→" not in second_system


def test_a_required_term_missing_from_the_output_is_flagged_on_that_segment():
    replies = iter(["The cities will send the certificate of residence.", "It is sunny."])
    model = ScriptedModel(lambda messages: next(replies))
    document = _document("区市町村から住民票を送ります。", "天気は晴れです。")
    events, stats = _collect(model, {"document": document, "glossary": GLOSSARY}, {"target": "en"})
    sections = [e for e in events if isinstance(e, Section)]
    assert sections[0].meta["missing_terms"] == [{"source": "区市町村", "target": "municipalities"}]
    assert sections[1].meta["missing_terms"] == []
    assert stats["flagged"] == 1


def test_only_retranslates_the_named_blocks_with_known_translations_as_context():
    model = ScriptedModel(_echo_upper)
    document = _document("一。", "二。", "三。")
    events, _ = _collect(model, {"document": document, "translations": {"0": "One (edited)."}},
                         {"target": "en", "only": [1]})
    assert [(e.index, e.text) for e in events if isinstance(e, Section)] == [(1, "EN(二。)")]
    assert len(model.calls) == 1
    assert "Its translation:\nOne (edited)." in model.calls[0][-1]["content"]
    assert "Next paragraph (context only, do not translate):\n三。" in model.calls[0][-1]["content"]


@pytest.mark.parametrize("register, words", [("desu_masu", "です・ます"), ("de-aru", "である")])
def test_japanese_output_register_is_in_the_instructions(register, words):
    model = ScriptedModel("お知らせ")
    _collect(model, {"document": _document("Notice")}, {"target": "ja", "register": register})
    assert words in model.calls[0][0]["content"]
    assert "from English into Japanese" in model.calls[0][0]["content"]


@pytest.mark.parametrize("inputs, options, words", [
    ({"document": _document("日本語です。")}, {"target": "ja"}, "同じ言語"),
    ({"document": _document("日本語です。")}, {"target": "xx"}, "対応していません"),
    ({"document": _document("", "  ")}, {"target": "en"}, "翻訳する文章がありません"),
    ({}, {"target": "en"}, "文書が渡されていません"),
    ({"document": _document("日本語です。")}, {"target": "en", "register": "odd"}, "文体"),
    ({"document": _document("日本語です。")}, {"target": "en", "only": [7]}, "再翻訳する段落"),
])
def test_bad_requests_are_refused_before_the_model_is_asked(inputs, options, words):
    model = ScriptedModel("x")
    with pytest.raises(JobError, match=words) as caught:
        _collect(model, inputs, options)
    assert caught.value.code == BAD_INPUT
    assert model.calls == []


def test_a_long_paragraph_is_translated_in_pieces_and_joined_back():
    model = ScriptedModel(lambda messages: "S.", n_ctx=600)   # pieces of at most 50 tokens (chars here)
    long_paragraph = "これは長い段落の一文です。" * 12
    events, _ = _collect(model, {"document": _document(long_paragraph)}, {"target": "en", "max_tokens": 8})
    section = next(e for e in events if isinstance(e, Section))
    assert len(model.calls) > 1
    assert section.text == " ".join(["S."] * len(model.calls))
    assert all(len(_text_to_translate(call)) <= 50 for call in model.calls)


def test_the_length_limit_is_reported_as_truncated():
    model = ScriptedModel("A very long translation indeed")
    events, _ = _collect(model, {"document": _document("短い。")}, {"target": "en", "max_tokens": 5})
    section = next(e for e in events if isinstance(e, Section))
    assert section.text == "A ver" and section.meta["truncated"] is True
    assert section.meta["flags"] == ["truncated"]


def test_stopping_keeps_the_segments_already_sent():
    model = ScriptedModel("done", cancel_after=1)
    generator = run(model, {"document": _document("一。", "二。")}, {"target": "en"})
    seen = []
    with pytest.raises(Cancelled):
        for event in generator:
            seen.append(event)
    assert [e.index for e in seen if isinstance(e, Section)] == [0]


@pytest.mark.parametrize("output, source, clean", [
    ("Translation: Hello.", "こんにちは。", "Hello."),
    ("訳文：こんにちは。", "Hello.", "こんにちは。"),
    ("Here is the translation:\nHello.", "こんにちは。", "Hello."),
    ("\"Hello.\"", "こんにちは。", "Hello."),
    ("「はい」", "「yes」", "「はい」"),              # the source was quoted too: kept
    ("  Hello.  ", "x", "Hello."),
    ("He\x00llo\x1b.\r\nNext", "x", "Hello.\nNext"),       # control characters never reach a document
])
def test_labels_and_stray_quotes_are_stripped(output, source, clean):
    assert clean_translation(output, source) == clean


def test_every_streamed_delta_names_the_segment_it_belongs_to():
    model = ScriptedModel(_echo_upper)
    events, _stats = _collect(model, {"document": _document("一つ目。", "", "二つ目。")}, {"target": "en"})
    deltas = [e for e in events if isinstance(e, Delta)]
    sections = [e for e in events if isinstance(e, Section)]
    assert deltas and all(d.part is not None for d in deltas)
    for section in sections:
        streamed = "".join(d.text for d in deltas if d.part == section.index)
        assert streamed.strip() == "EN(" + section.meta["source"] + ")"


@pytest.mark.parametrize("parallel", [1, 2])
def test_a_segment_without_letters_or_digits_is_copied_not_sent_to_the_model(parallel):
    rule = "―" * 240  # longer than the repetition guard lets a symbol-only reply run
    model = ScriptedModel(_echo_upper)
    long_vowels = "ー" * 60  # a rule typed with the - key in a Japanese input method
    events, stats = _collect(model, {"document": _document("第1章", rule, "＊＊＊", "本文です。", long_vowels, "ー。")},
                             {"target": "en", "parallel": parallel})
    sections = {e.index: e for e in events if isinstance(e, Section)}
    assert sections[1].text == rule and sections[2].text == "＊＊＊" and sections[4].text == long_vowels
    assert sections[1].meta["flags"] == [] and sections[1].meta["truncated"] is False
    assert sections[3].text == "EN(本文です。)"
    sent = [_text_to_translate(call) for call in model.calls]
    assert sent == ["第1章", "本文です。"]
    assert stats["segments"] == 6 and stats["flagged"] == 0
