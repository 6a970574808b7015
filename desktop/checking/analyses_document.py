"""Checks over the whole document: consistency of style, brackets, years and katakana words.

The form used less often is flagged, with the other as the suggestion, so that
accepting every suggestion leaves one form.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from desktop.checking import morph
from desktop.checking.context import CheckContext
from desktop.checking.findings import Finding
from desktop.checking.rules import Rule

_PLAIN_TO_POLITE = {"である": "です", "であった": "でした", "ではない": "ではありません", "であろう": "でしょう"}
_POLITE_TO_PLAIN = {"です": "である", "でした": "であった", "でしょう": "であろう"}
_PLAIN_FIXABLE = re.compile(r"(である|であった|ではない|であろう)[」）)]*。[」）)]*$")
_POLITE_FIXABLE = re.compile(r"(です|でした|でしょう)[」）)]*。[」）)]*$")
_POLITE_LEMMAS = {"です", "ます", "くださる", "下さる"}
_PLAIN_AUX = {"だ", "た", "ない", "う", "まい", "ぬ", "らしい", "べし"}


@lru_cache(maxsize=50000)
def _ending_style(sentence: str) -> tuple[str, int] | None:
    """("polite" | "plain", offset where the ending starts) for a sentence ending in 。, else None."""
    if not sentence.endswith("。"):
        return None  # headings, list items without 。, and sentences inside brackets or quotes
    tokens = [t for t in morph.tokenize(sentence) if t.pos[0] not in ("補助記号", "空白")]
    if not tokens:
        return None
    tail = tokens[-3:]
    if any(t.lemma in _POLITE_LEMMAS for t in tail):
        return "polite", tail[0].start
    last = tokens[-1]
    if last.pos[0] == "助詞" and last.pos[1] == "終助詞":
        return None  # …か。…ね。: questions and asides are left alone
    if (last.pos[0] == "助動詞" and last.lemma in _PLAIN_AUX) or last.pos[0] in ("動詞", "形容詞"):
        return "plain", tokens[-2].start if len(tokens) > 1 and tokens[-2].pos[0] in ("助動詞", "動詞") else last.start
    return None


def style_mix(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """です・ます and plain style (である, …する, …した) in one document: the endings of the less used style.

    Only sentences that end with 。 count: not headings, list items or table
    cells without it, nor a sentence inside brackets (（…とする。）) or quotes. A tie keeps です・ます in 広報 and である elsewhere. である ⇄ です
    come with a suggestion; other endings need rewording and have none.
    """
    polite, plain = [], []
    for start, end in ctx.sentences:
        style = _ending_style(ctx.text[start:end])
        if style is not None:
            (polite if style[0] == "polite" else plain).append((start + style[1], end))
    if not polite or not plain:
        return []
    prefer_polite = len(polite) > len(plain) or (len(polite) == len(plain) and ctx.profile == "koho")
    spans, fixable, table = (plain, _PLAIN_FIXABLE, _PLAIN_TO_POLITE) if prefer_polite else \
        (polite, _POLITE_FIXABLE, _POLITE_TO_PLAIN)
    message = rule.message(ctx.lang).format(style="です・ます" if prefer_polite else "である")
    out = []
    for s, e in spans:
        sentence_end = e
        m = fixable.search(ctx.text, s, sentence_end)
        if m:
            out.append(ctx.finding(rule, m.start(1), m.end(1), table[m.group(1)], message))
        else:
            stop = ctx.text.rfind("。", s, sentence_end)
            out.append(ctx.finding(rule, s, stop if stop > s else sentence_end, None, message))
    return out


_HALF = {"(": ")", "[": "]"}
_FULL = {"（": "）", "［": "］"}
_TO_FULL = str.maketrans("()[]", "（）［］")
_TO_HALF = str.maketrans("（）［］", "()[]")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def bracket_mix(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """Full-width and half-width round/square brackets in one document: the less used kind.

    Only pairs around Japanese text or next to it count, so (1) in a list or
    (URL) in English text is left alone unless the document mixes them.
    """
    halves = list(re.finditer(r"[(\[][^()\[\]（）［］\n]{0,60}[)\]]", ctx.text))
    fulls = list(re.finditer(r"[（［][^()\[\]（）［］\n]{0,60}[）］]", ctx.text))
    if not halves or not fulls:
        return []
    to_full = len(fulls) >= len(halves)
    minority = halves if to_full else fulls
    table = _TO_FULL if to_full else _TO_HALF
    out = []
    for m in minority:
        out.append(ctx.finding(rule, m.start(), m.end(), m.group(0).translate(table)))
    return out


_WESTERN = re.compile(r"(?<![0-9０-９（(])((?:19|20|１９|２０)[0-9０-９]{2})年(度)?(?!度)(?![（(](?:令和|平成|昭和))")
_ERA = re.compile(r"(?<![（(])(令和|平成|昭和)(元|[0-9０-９]{1,2})年(度)?(?!度)(?![（(][0-9０-９]{4}年)")
_ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}


def _era_of(year: int) -> str | None:
    if year >= 2019:
        return f"令和{'元' if year == 2019 else year - 2018}年"
    if year >= 1989:
        return f"平成{'元' if year == 1989 else year - 1988}年"
    if year >= 1926:
        return f"昭和{'元' if year == 1926 else year - 1925}年"
    return None


def era_mix(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """元号 and 西暦 both used without 併記: the less used kind gets the other written beside it.

    考え方 Ⅰ-4(3)… recommends 併記 (2026年（令和8年）) where both are needed.
    A year followed by the other in brackets, and the one in the brackets, are left alone.
    """
    text = ctx.text
    western = list(_WESTERN.finditer(text))
    eras = list(_ERA.finditer(text))
    if not western or not eras:
        return []
    out = []
    if len(western) <= len(eras):
        for m in western:
            era = _era_of(int(unicodedata.normalize("NFKC", m.group(1))))
            suffix = m.group(2) or ""
            out.append(ctx.finding(rule, m.start(), m.end(), f"{m.group(0)}（{era}{suffix}）" if era else None))
    else:
        for m in eras:
            number = 1 if m.group(2) == "元" else int(unicodedata.normalize("NFKC", m.group(2)))
            suffix = m.group(3) or ""
            out.append(ctx.finding(rule, m.start(), m.end(),
                                   f"{m.group(0)}（{_ERA_START[m.group(1)] + number}年{suffix}）"))
    return out


_KATAKANA = re.compile(r"[ァ-ヴ][ァ-ヴー・]*")
_ALL_KATAKANA = re.compile(r"[ァ-ヴー]+")


@lru_cache(maxsize=50000)
def _katakana_words(line: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, surface, key) of each katakana word of ``line``; words spelled two ways share a key.

    The key is Sudachi's normalized form without a final ー (サーバ, サーバー → サーバ; インタフェース,
    インターフェース → one key), so both the final long vowel and other spellings are compared.
    """
    out = []
    for token in morph.tokenize(line):
        if len(token.surface) >= 2 and _ALL_KATAKANA.fullmatch(token.surface):
            key = token.normalized if _ALL_KATAKANA.fullmatch(token.normalized) else token.surface
            out.append((token.start, token.end, token.surface, key.rstrip("ー")))
    return tuple(out)


def katakana_variants(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """One loanword spelled two ways in one document (サーバ / サーバー, インタフェース / インターフェース).

    The less used spelling is flagged with the other as the suggestion; on a
    tie the spelling with more long-vowel marks is kept (「外来語の表記」(1991)
    and 考え方 Ⅰ-3 write the long vowel).
    """
    words = []
    position = 0
    for line in ctx.text.split("\n"):
        if _KATAKANA.search(line):
            words.extend((start + position, end + position, surface, key)
                         for start, end, surface, key in _katakana_words(line))
        position += len(line) + 1
    spellings: dict[str, Counter] = {}
    for _start, _end, surface, key in words:
        spellings.setdefault(key, Counter())[surface] += 1
    preferred = {key: max(counts, key=lambda w: (counts[w], w.count("ー"), len(w)))
                 for key, counts in spellings.items() if len(counts) > 1}
    return [ctx.finding(rule, start, end, preferred[key]) for start, end, surface, key in words
            if key in preferred and surface != preferred[key]]
