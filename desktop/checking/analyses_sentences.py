"""Checks within one sentence that need counting or the morphological analysis, not one pattern.

Each takes ``(rule, ctx, params)`` and returns findings; ``ANALYSES`` in
``desktop.checking.analyses`` names them for the rule files.
"""

from __future__ import annotations

from functools import lru_cache

from desktop.checking import morph
from desktop.checking.context import CheckContext
from desktop.checking.findings import Finding
from desktop.checking.rules import Rule

_COMMA = "、，,"


def sentence_length(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """Sentences longer than ``limit`` characters (spaces not counted). 「公用文作成の考え方」(2022) Ⅲ「文の書き方」: about 50–60 characters."""
    limit = int(params.get("limit", 80))
    out = []
    for start, end in ctx.sentences:
        body = ctx.text[start:end]
        length = sum(1 for ch in body if not ch.isspace())
        if length > limit:
            message = rule.message(ctx.lang).format(length=length, limit=limit)
            out.append(ctx.finding(rule, start, end, None, message))
    return out


def comma_count(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """Sentences with more than ``limit`` 読点; the finding covers the first comma past the limit."""
    limit = int(params.get("limit", 3))
    out = []
    for start, end in ctx.sentences:
        positions = [i for i in range(start, end) if ctx.text[i] in _COMMA]
        if len(positions) > limit:
            at = positions[limit]
            message = rule.message(ctx.lang).format(count=len(positions), limit=limit)
            out.append(ctx.finding(rule, at, at + 1, None, message))
    return out


@lru_cache(maxsize=4096)
def _is_ichidan_or_kuru(verb: str) -> bool:
    """Whether ``verb`` (a dictionary form) is 一段 or カ変: only those take られる (帰る is 五段: 帰れる is right)."""
    tokens = morph.tokenize(verb)
    return len(tokens) == 1 and tokens[0].pos[4].startswith(("上一段", "下一段", "カ行変格"))


def ra_nuki(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """ら抜き言葉: a 一段 or カ変 verb whose potential lost its ら (見れる → 見られる).

    Sudachi gives such a word as one verb whose normalized form is the plain
    verb (見れる → 見る); the suggestion puts ら back after the verb's stem.
    """
    out = []
    for token in ctx.tokens:
        if token.pos[0] != "動詞" or token.lemma == token.normalized or not token.lemma.endswith("れる"):
            continue
        plain = token.normalized
        if not (plain.endswith("る") and token.lemma == plain[:-1] + "れる"):
            continue
        stem = plain[:-1]
        if not token.surface.startswith(stem + "れ") or not _is_ichidan_or_kuru(plain):
            continue
        out.append(ctx.finding(rule, token.start, token.end, stem + "ら" + token.surface[len(stem):]))
    tokens = ctx.tokens
    for verb, aux in zip(tokens, tokens[1:]):
        # 一段・カ変 verb + the れる that only follows 五段 verbs: 着け|れる → 着けられる
        if (verb.pos[0] == "動詞" and verb.pos[4].startswith(("上一段", "下一段", "カ行変格"))
                and verb.pos[5].startswith(("未然形", "連用形")) and aux.pos[0] == "助動詞" and aux.lemma == "れる"
                and verb.end == aux.start):
            out.append(ctx.finding(rule, verb.start, aux.end, verb.surface + "ら" + aux.surface))
    return out


_PARTICLES = frozenset("のをにがはでとへもや")
_PARTICLE_LIKE = ("助詞", "助動詞", "接続詞")


def doubled_particle(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """The same particle twice in a row (会議のの資料); the second one is removed.

    Both must be one-character words of the analysis, so 「ものの」 (もの＋の) is left alone.
    """
    out = []
    tokens = ctx.tokens
    for previous, token in zip(tokens, tokens[1:]):
        if (token.surface == previous.surface and token.surface in _PARTICLES and previous.end == token.start
                and token.pos[0] in _PARTICLE_LIKE and previous.pos[0] in _PARTICLE_LIKE):
            out.append(ctx.finding(rule, previous.start, token.end, previous.surface))
    return out


def adversative_ga(rule: Rule, ctx: CheckContext, params: dict) -> list[Finding]:
    """逆接の接続助詞「が」 twice or more in one sentence; the finding is the second 「が」."""
    out = []
    for start, end in ctx.sentences:
        seen = 0
        for token in ctx.tokens_in(start, end):
            if token.surface == "が" and token.pos[:2] == ("助詞", "接続助詞"):
                seen += 1
                if seen == 2:
                    out.append(ctx.finding(rule, token.start, token.end, None))
    return out
