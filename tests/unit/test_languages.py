"""Language codes, names and detection by script."""

from __future__ import annotations

import pytest

from desktop.languages import (
    LANGUAGES, LanguageError, detect_language, language_name, normalize_code, resolve_pair,
)


def test_the_five_languages_have_japanese_and_english_names():
    codes = [language.code for language in LANGUAGES]
    assert codes == ["ja", "en", "zh-Hans", "zh-Hant", "ko"]
    assert language_name("zh-Hant") == "中国語（繁体字）"
    assert language_name("ko", "en") == "Korean"


@pytest.mark.parametrize("typed, code", [
    ("ja", "ja"), ("JA", "ja"), ("jp", "ja"), ("en", "en"), ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"),
    ("zh_tw", "zh-Hant"), ("zh-hant", "zh-Hant"), ("ko", "ko"), ("auto", "auto"), ("fr", None), ("", None),
])
def test_normalize_code(typed, code):
    assert normalize_code(typed) == code


@pytest.mark.parametrize("text, code", [
    ("区市町村の皆様へお知らせします。", "ja"),
    ("ゴミの出し方", "ja"),
    ("東京都", "ja"),                       # kanji only, no Chinese-only forms: Japanese
    ("県駅前広場", "ja"),
    ("The city office is closed on Monday.", "en"),
    ("Meeting at 東京都 office on Monday afternoon", "en"),
    ("这是关于垃圾分类的通知。", "zh-Hans"),
    ("這是關於垃圾分類的通知。", "zh-Hant"),
    ("我是学生", "zh-Hans"),
    ("안녕하세요. 시청 안내입니다.", "ko"),
    ("12345 ---", None),
    ("", None),
])
def test_detect_language_by_script(text, code):
    assert detect_language(text) == code


def test_a_stray_middle_dot_does_not_make_chinese_japanese():
    assert detect_language("这是关于垃圾・分类的通知") == "zh-Hans"


def test_resolve_pair_detects_the_source():
    assert resolve_pair("auto", "en", "お知らせです。") == ("ja", "en")
    assert resolve_pair("zh-TW", "ja", "anything") == ("zh-Hant", "ja")


def test_same_source_and_target_is_refused_with_a_clear_message():
    with pytest.raises(LanguageError, match="同じ言語（日本語）"):
        resolve_pair("auto", "ja", "お知らせです。")


@pytest.mark.parametrize("source, target, words", [
    ("auto", "fr", "翻訳先の言語「fr」"),
    ("xx", "en", "翻訳元の言語「xx」"),
    ("auto", "en", "判定できません"),
])
def test_unknown_or_undetectable_languages_are_refused(source, target, words):
    with pytest.raises(LanguageError, match=words):
        resolve_pair(source, target, "1234")


def test_messages_follow_the_users_language(monkeypatch):
    monkeypatch.setenv("FUMI_LANG", "en")
    with pytest.raises(LanguageError, match=r"same language \(Japanese\)"):
        resolve_pair("auto", "ja", "お知らせです。")
