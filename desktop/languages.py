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

from desktop.messages import current_language, message

AUTO = "auto"


@dataclass(frozen=True)
class Language:
    """One language: its code, its name in Japanese and in English."""

    code: str

    def name(self, ui_lang: str = "ja") -> str:
        """The language's name for a user interface in ``ui_lang`` ("ja" or "en"): the catalogue's
        ``language.<code>``."""
        return message(f"language.{self.code}", ui_lang)

    @property
    def name_en(self) -> str:
        """The English name (what the translation prompt calls the language)."""
        return self.name("en")


#: Every language Fumi offers, in the order the user sees them.
LANGUAGES: tuple[Language, ...] = (
    Language("ja"), Language("en"), Language("zh-Hans"), Language("zh-Hant"), Language("ko"),
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

#: Characters written one way in simplified and another in traditional Chinese,
#: and in neither way in Japanese (the commonest ones; a few per sentence are
#: enough to tell the three apart).
SIMPLIFIED_ONLY = frozenset(
    "这们说发实对单从众优传办历县华协员图圆场处备头广应总战报权汉济环节网联证错难风级时长为东车书见"
    "气关开间买卖话语读请让认识边进运电业务马鱼鸟龙产经问过动现还样给门结统设计质议论确营养热规则"
    "护险术愿惯紧亲听变师币乡帮价义乐亚仅仓伤伟侧俭债"
)
TRADITIONAL_ONLY = frozenset(
    "這們說國會來對學發經實樣氣關點賣讀讓邊萬與產從眾體傳辦單歷縣區圖圓處廣應總戰權沒濟聯證營險聽變"
    "鄉幫價樂爭亞僅儉"
)
#: Chinese function words that Japanese hardly writes in kanji.
CHINESE_FUNCTION_CHARS = frozenset("了是吗嗎呢吧很你她它么麼")

class LanguageError(ValueError):
    """A language choice that cannot be used; ``message`` is for the user, in their language."""

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
    if point == 0x30FB:  # the middle dot ・ is used in Chinese text too
        return None
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

    Kana make it Japanese (Japanese text is mostly kanji, but kana show up in
    every sentence); hangul makes it Korean; Han without kana is Chinese when
    it has a Chinese-only character form or function word (traditional or
    simplified by the forms that differ), and Japanese otherwise (a kanji-only
    heading such as "東京都" or "区市町村"); Latin letters alone are English.
    """
    scripts = Counter(s for s in map(_script_of, text) if s)
    if not scripts:
        return None
    if scripts["latin"] > 4 * (scripts["kana"] + scripts["han"] + scripts["hangul"]):
        return "en"  # English text with a few CJK names in it
    if scripts["kana"] and scripts["kana"] * 20 >= scripts["han"]:  # not a stray kana in Chinese
        return "ja"
    if scripts["hangul"] and scripts["hangul"] >= scripts["han"] / 2:
        return "ko"
    if scripts["han"]:
        han = [c for c in text if _script_of(c) == "han"]
        simplified = sum(c in SIMPLIFIED_ONLY for c in han)
        traditional = sum(c in TRADITIONAL_ONLY for c in han)
        if traditional > simplified:
            return "zh-Hant"
        if simplified or any(c in CHINESE_FUNCTION_CHARS for c in han):
            return "zh-Hans"
        return "ja"
    if scripts["hangul"]:
        return "ko"
    return "en"


def summary_language(text: str) -> str:
    """The language a summary of ``text`` is written in when the user leaves it "auto":
    "ja" for a Japanese document, "en" for anything else (judged on its first 20,000 characters).

    The summarize job and the summarize pane's preview both decide it here.
    """
    return "ja" if detect_language(text[:20000]) == "ja" else "en"


def resolve_pair(source: str, target: str, text: str) -> tuple[str, str]:
    """The (source, target) codes to translate ``text`` with.

    ``source`` may be "auto" (detected from ``text``). Raises ``LanguageError``
    with a message for the user when a code is unknown, the source cannot be
    detected, or source and target are the same language.
    """
    target_code = normalize_code(target or "")
    if not target_code or target_code == AUTO:
        raise LanguageError(message("translate.bad_target", value=target, known=_known_codes()))
    source_code = normalize_code(source or AUTO)
    if source_code is None:
        raise LanguageError(message("translate.bad_source", value=source, known=_known_codes()))
    if source_code == AUTO:
        source_code = detect_language(text)
        if source_code is None:
            raise LanguageError(message("translate.undetected"))
    if source_code == target_code:
        raise LanguageError(message("translate.same_language", language=language_name(source_code, current_language())))
    return source_code, target_code


def _known_codes() -> str:
    return ", ".join(f"{language.code} ({language.name_en})" for language in LANGUAGES)


def is_cjk(code: str) -> bool:
    """Whether ``code`` is written without spaces between words (Japanese, Chinese)."""
    from desktop.documents.segments import UNSPACED_LANGUAGES

    return code in UNSPACED_LANGUAGES
