"""Telling text from noise: letters of unrelated scripts mixed letter by letter.

Mojibake (UTF-8 read as CP932: 縺ｦ縺ｯ) and PDF text layers without a character
mapping (glyph numbers read as code points: ـᐪᴒᮠᩤϸਝ) share one sign: the script
changes from one letter to the next. Real text changes script at word
boundaries (PDFファイル, 한국어 안내), and Japanese changes between kanji and kana
all the time, which is not counted.

``noise_share(text)`` is the share of letters that start such an odd change;
``NOISE_SHARE`` is the share above which text is treated as unreadable. The
threshold was set on the intake cases: real Japanese, English and multilingual
notices stay under 0.1; mojibake and glyph-number text are over 0.25.
"""

from __future__ import annotations

import unicodedata

#: Above this share of odd script changes per letter, text is noise.
NOISE_SHARE = 0.12
#: Fewer letters than this are too few to judge.
MIN_LETTERS = 12

_NATURAL_PAIRS = {frozenset({"han", "kana"})}
#: Half-width katakana beside kanji or kana is legitimate in old documents but typical of mojibake: half weight.
_HALF_WEIGHT = {frozenset({"halfkana", "han"}), frozenset({"halfkana", "kana"})}


def script_of(ch: str) -> str:
    """A coarse script name for one letter: "han", "kana", "halfkana", "latin", or the Unicode script word."""
    code = ord(ch)
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or code == 0x30FC:
        return "kana"
    if 0xFF66 <= code <= 0xFF9F:
        return "halfkana"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF:
        return "han"
    if code < 0x250 or 0xFF21 <= code <= 0xFF5A or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0].lower() if name else "unknown"


def noise_share(text: str, limit: int = 200_000) -> float:
    """Odd script changes per letter in (the first ``limit`` characters of) ``text``; 0.0 when too short to judge."""
    letters = 0
    odd = 0.0
    previous = ""
    for ch in text[:limit]:
        if not ch.isalpha():
            if not ch.isspace() and ord(ch) < 0x3000:
                continue  # punctuation and digits inside a word keep the word going
            previous = ""
            continue
        letters += 1
        script = script_of(ch)
        pair = frozenset({script, previous})
        if previous and script != previous and pair not in _NATURAL_PAIRS:
            odd += 0.5 if pair in _HALF_WEIGHT else 1.0
        previous = script
    if letters < MIN_LETTERS:
        return 0.0
    return odd / letters


def is_noise(text: str) -> bool:
    """True when ``text`` reads as letters of unrelated scripts mixed together."""
    return noise_share(text) > NOISE_SHARE
