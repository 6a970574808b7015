"""Running the data rules: regular expressions, literal tables and word (morpheme) entries.

Patterns run with the ``regex`` package's timeout, so a pattern that would
backtrack without end stops at the check's deadline instead of hanging.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from desktop.checking.context import CheckContext, CheckTimeout
from desktop.checking.findings import Finding
from desktop.checking.rules import Rule

#: Named transforms a pattern rule may use instead of a template (``transform = "nfkc"``).
TRANSFORMS = {
    "nfkc": lambda s: unicodedata.normalize("NFKC", s),
    "punctuation": lambda s: s.translate(str.maketrans("，．", "、。")),
}


def run_pattern(rule: Rule, ctx: CheckContext) -> list[Finding]:
    out = []
    transform = TRANSFORMS.get(rule.params.get("transform", "")) if rule.params else None
    try:
        for match in rule.pattern.finditer(ctx.text, timeout=ctx.remaining()):
            if match.end() == match.start():
                continue
            if transform is not None:
                suggestion = transform(match.group(0))
            elif rule.suggestion is not None:
                suggestion = match.expand(rule.suggestion)
            else:
                suggestion = None
            out.append(ctx.finding(rule, match.start(), match.end(), suggestion))
    except TimeoutError:
        raise CheckTimeout from None
    return out


@lru_cache(maxsize=256)
def _table_regex(entries: tuple[tuple[str, str], ...]):
    finds = sorted({find for find, _ in entries}, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(f) for f in finds))


def run_table(rule: Rule, ctx: CheckContext) -> list[Finding]:
    replacements = dict(rule.entries)
    out = []
    try:
        for match in _table_regex(rule.entries).finditer(ctx.text, timeout=ctx.remaining()):
            if rule.boundary and (match.start() not in ctx.word_starts or match.end() not in ctx.word_ends):
                continue
            out.append(ctx.finding(rule, match.start(), match.end(), replacements[match.group(0)]))
    except TimeoutError:
        raise CheckTimeout from None
    return out


def _matches(condition: str, token) -> bool:
    """``condition`` is "POS" (a prefix of the dot-joined part of speech), "POS:surface", ":surface",
    or "^" (no word before: the start of a line or a sentence)."""
    if condition == "^":
        return token is None or token.pos[1] == "句点"
    if token is None:
        return False
    pos, _, surface = condition.partition(":")
    if surface and token.surface != surface:
        return False
    return not pos or ".".join(token.pos).startswith(pos)


_KANJI = regex.compile(r"\p{Han}")


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in katakana)


def _word_suggestion(entry: dict, token) -> str | None:
    """The suggestion for ``token`` if ``entry`` matches it, else None.

    ``lemma`` entries match a dictionary form (one or a list); with ``reading = true`` the
    suggestion is the token's own reading in hiragana (下さい → ください, 来 → き/く/こ as conjugated).
    """
    if "lemma" in entry:
        lemmas = entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]]
        if token.lemma not in lemmas or not _KANJI.search(token.surface):
            return None
        if entry.get("reading"):
            return _hiragana(token.reading) if token.reading else None
        if not token.surface.startswith(entry.get("surface", "")):
            return None
        return entry["suggestion"] + token.surface[len(entry.get("surface", "")):]
    if token.surface != entry["surface"]:
        return None
    return entry.get("suggestion")


_word_indexes: dict[int, tuple[object, dict[str, list[dict]], dict[str, list[dict]]]] = {}


def _word_index(rule: Rule) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The rule's entries by surface and by lemma, built once per rule."""
    cached = _word_indexes.get(id(rule.entries))
    if cached is not None and cached[0] is rule.entries:
        return cached[1], cached[2]
    by_surface: dict[str, list[dict]] = {}
    by_lemma: dict[str, list[dict]] = {}
    for entry in rule.entries:
        if "lemma" in entry:
            for lemma in entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]]:
                by_lemma.setdefault(lemma, []).append(entry)
        else:
            by_surface.setdefault(entry["surface"], []).append(entry)
    _word_indexes[id(rule.entries)] = (rule.entries, by_surface, by_lemma)
    return by_surface, by_lemma


def run_words(rule: Rule, ctx: CheckContext) -> list[Finding]:
    by_surface, by_lemma = _word_index(rule)
    tokens = ctx.tokens
    out = []
    for index, token in enumerate(tokens):
        candidates = by_surface.get(token.surface, []) + by_lemma.get(token.lemma, [])
        for entry in candidates:
            suggestion = _word_suggestion(entry, token)
            if suggestion is None:
                continue
            if "pos" in entry and not _matches(entry["pos"], token):
                continue
            previous = tokens[index - 1] if index and tokens[index - 1].end == token.start else None
            following = tokens[index + 1] if index + 1 < len(tokens) and tokens[index + 1].start == token.end else None
            after = entry.get("after")
            if after and not any(_matches(c, previous) for c in after):
                continue
            if previous is not None and any(_matches(c, previous) for c in entry.get("not_after", [])):
                continue
            before = entry.get("before")
            if before and not any(_matches(c, following) for c in before):
                continue
            if following is not None and any(_matches(c, following) for c in entry.get("not_before", [])):
                continue
            out.append(ctx.finding(rule, token.start, token.end, suggestion))
            break
    return out
