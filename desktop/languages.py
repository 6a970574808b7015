"""The languages Fumi translates between: codes, names, and detection by script.

Codes are BCP 47 style: ``ja``, ``en``, ``zh-Hans`` (simplified Chinese),
``zh-Hant`` (traditional Chinese), ``ko``. ``normalize_code`` accepts the
usual spellings people type (``zh-CN``, ``zh_tw``, ``EN``, ``jp``) and returns
the canonical code. Detection looks only at the characters' scripts: it needs
no model and no data files, and is right for the documents a city office
handles (kana means Japanese, hangul Korean, Han without kana Chinese).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

AUTO = "auto"


@dataclass(frozen=True)
class Language:
    """One language: its code, its name in Japanese and in English."""

    code: str
    name_ja: str
    name_en: str

    def name(self, ui_lang: str = "ja") -> str:
        """The language's name for a user interface in ``ui_lang`` ("ja" or "en")."""
        return self.name_ja if ui_lang == "ja" else self.name_en


#: Every language Fumi offers, in the order the user sees them.
LANGUAGES: tuple[Language, ...] = (
    Language("ja", "日本語", "Japanese"),
    Language("en", "英語", "English"),
    Language("zh-Hans", "中国語（簡体字）", "Chinese (Simplified)"),
    Language("zh-Hant", "中国語（繁体字）", "Chinese (Traditional)"),
    Language("ko", "韓国語", "Korean"),
)
LANGUAGES_BY_CODE = {language.code: language for language in LANGUAGES}

#: Other spellings of the codes (lower case, "_" read as "-").
_ALIASES = {
    "jp": "ja", "jpn": "ja", "japanese": "ja",
    "eng": "en", "english": "en", "en-us": "en", "en-gb": "en",
    "zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh-hans": "zh-Hans", "chinese": "zh-Hans",
    "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant", "zh-hant": "zh-Hant",
    "kor": "ko", "ko-kr": "ko", "korean": "ko",
}

#: Characters written one way in simplified and another in traditional Chinese
#: (the commonest ones; a few per sentence are enough to tell them apart).
SIMPLIFIED_ONLY = frozenset(
    "这们说国会时来对个学发经问过动实现还样给门长为东车书见气关开间点买卖话语读请让认识边进运电业务"
    "马鱼鸟龙万与产从众优体传办单历县区华协员图圆场处备头广应总战报权机汉没济环节网联证错难风级"
    "们结统设计质议论确营养热规则护险术愿惯紧亲这听变师币乡帮价义乐争云亚仅仓们众伤伟侧俭债"
)
TRADITIONAL_ONLY = frozenset(
    "這們說國會時來對個學發經問過動實現還樣給門長為東車書見氣關開間點買賣話語讀請讓認識邊進運電業務"
    "馬魚鳥龍萬與產從眾優體傳辦單歷縣區華協員圖圓場處備頭廣應總戰報權機漢沒濟環節網聯證錯難風級"
    "結統設計質議論確營養熱規則護險術願慣緊親聽變師幣鄉幫價義樂爭雲亞僅倉傷偉側儉債"
)
#: Shinjitai: forms used only in Japanese (neither simplified nor traditional
#: Chinese writes them so), plus kokuji. Han text with these is Japanese.
JAPANESE_ONLY_HAN = frozenset(
    "働込畑峠枠県駅円図売読広応総戦関気発経実単処歴様帰転鉄労営覚払沢浜塩隣辺辻栃匂"
    "拡渋桜様恵歩毎黒徳揺摂斎暦"
)


class LanguageError(ValueError):
    """A language choice that cannot be used; ``message`` is for the user (Japanese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalize_code(code: str) -> str | None:
    """The canonical code for ``code`` ("auto" stays "auto"), or None if Fumi does not know it."""
    key = code.strip().replace("_", "-").lower()
    if key == AUTO:
        return AUTO
    for language in LANGUAGES:
        if language.code.lower() == key:
            return language.code
    return _ALIASES.get(key)


def language_name(code: str, ui_lang: str = "ja") -> str:
    """The name of ``code`` for the user; an unknown code is returned as it is."""
    language = LANGUAGES_BY_CODE.get(normalize_code(code) or "")
    return language.name(ui_lang) if language else code


def _script_of(char: str) -> str | None:
    """"kana", "hangul", "han", "latin" or None (digits, punctuation, other scripts)."""
    point = ord(char)
    if 0x3040 <= point <= 0x30FF or 0x31F0 <= point <= 0x31FF or 0xFF66 <= point <= 0xFF9D:
        return "kana"
    if 0xAC00 <= point <= 0xD7AF or 0x1100 <= point <= 0x11FF or 0x3130 <= point <= 0x318F:
        return "hangul"
    if 0x4E00 <= point <= 0x9FFF or 0x3400 <= point <= 0x4DBF or 0xF900 <= point <= 0xFAFF:
        return "han"
    if char.isalpha() and unicodedata.name(char, "").startswith(("LATIN", "FULLWIDTH LATIN")):
        return "latin"
    return None


def detect_language(text: str) -> str | None:
    """The language ``text`` is written in, judged by its scripts; None if it has no letters.

    Any kana makes it Japanese (Japanese text is mostly kanji, but kana show up
    in every sentence); hangul makes it Korean; Han without kana is Chinese,
    traditional or simplified by the characters that differ, unless it uses
    Japanese-only character forms (e.g. a kanji-only heading "県駅前広場");
    Latin letters alone are English.
    """
    scripts = Counter(s for s in map(_script_of, text) if s)
    if not scripts:
        return None
    if scripts["kana"] and scripts["kana"] * 20 >= scripts["han"]:
        return "ja"
    if scripts["hangul"] and scripts["hangul"] >= scripts["han"] / 2:
        return "ko"
    if scripts["han"]:
        if scripts["kana"]:
            return "ja"
        han = [c for c in text if _script_of(c) == "han"]
        if any(c in JAPANESE_ONLY_HAN for c in han):
            return "ja"
        simplified = sum(c in SIMPLIFIED_ONLY for c in han)
        traditional = sum(c in TRADITIONAL_ONLY for c in han)
        return "zh-Hant" if traditional > simplified else "zh-Hans"
    if scripts["hangul"]:
        return "ko"
    return "en"


def resolve_pair(source: str, target: str, text: str) -> tuple[str, str]:
    """The (source, target) codes to translate ``text`` with.

    ``source`` may be "auto" (detected from ``text``). Raises ``LanguageError``
    with a message for the user when a code is unknown, the source cannot be
    detected, or source and target are the same language.
    """
    target_code = normalize_code(target or "")
    if not target_code or target_code == AUTO:
        raise LanguageError(f"翻訳先の言語「{target}」には対応していません。対応している言語: {_known_codes()}")
    source_code = normalize_code(source or AUTO)
    if source_code is None:
        raise LanguageError(f"翻訳元の言語「{source}」には対応していません。対応している言語: {_known_codes()}")
    if source_code == AUTO:
        source_code = detect_language(text)
        if source_code is None:
            raise LanguageError("原文の言語を判定できませんでした。翻訳元の言語を指定してください。")
    if source_code == target_code:
        raise LanguageError(
            f"翻訳元と翻訳先が同じ言語（{language_name(source_code)}）です。別の翻訳先を選んでください。"
        )
    return source_code, target_code


def _known_codes() -> str:
    return ", ".join(f"{language.code}（{language.name_ja}）" for language in LANGUAGES)


def is_cjk(code: str) -> bool:
    """Whether ``code`` is written without spaces between words (Japanese, Chinese)."""
    return code in ("ja", "zh-Hans", "zh-Hant")
