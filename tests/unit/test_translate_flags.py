"""``fumi translate`` names every segment that needs a look on stderr, in the user's language."""

from __future__ import annotations

import pytest

from desktop.cli.translate_cmd import _report_flags


@pytest.mark.parametrize("lang, words", [
    ("ja", ["表1 1行1列: 訳文が長さの上限で途切れています", "段落 2: 書式・リンク・フィールド", "段落 3: モデルの返答に訳文がなかった",
            "段落 3: 用語集の訳語が使われていません（区市町村 → municipalities）"]),
    ("en", ["Table 1: the translation stopped at the length limit", "Paragraph 2: the marks for formatting",
            "Paragraph 3: the model's reply had no translation", "Paragraph 3: a glossary term is not used"]),
])
def test_each_reason_to_look_is_one_stderr_line(capsys, monkeypatch, lang, words):
    monkeypatch.setenv("FUMI_LANG", lang)
    where = ["表1 1行1列", "段落 2", "段落 3"] if lang == "ja" else ["Table 1", "Paragraph 2", "Paragraph 3"]
    _report_flags([
        {"index": 0, "meta": {"location": where[0], "flags": ["truncated"], "truncated": True}},
        {"index": 1, "meta": {"location": where[1], "flags": ["marks"]}},
        {"index": 2, "meta": {"location": where[2], "flags": ["empty"],
                              "missing_terms": [{"source": "区市町村", "target": "municipalities"}]}},
        {"index": 3, "meta": {"location": "x", "flags": []}},
    ])
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 4
    for line, expected in zip(lines, words):
        assert expected in line
