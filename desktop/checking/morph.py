"""The one door to the morphological analyzer (SudachiPy with the core dictionary).

The dictionary is loaded lazily, once per process, on first use (about 0.1 s
and 70 MB of memory-mapped dictionary); callers never import sudachipy
themselves. Tokens are cached per line, so re-checking a document after an
edit only analyses the lines that changed.

Why Sudachi (README, "Checking"): its normalized form maps spelling variants
(見れる → 見る, 申込み → 申し込み, サーバ → サーバー) and its part-of-speech
tags tell a 補助動詞 (…て下さい) from a main verb (資料を下さい).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

#: Sudachi refuses inputs over ~49 KB of UTF-8; lines longer than this are analysed in pieces.
_MAX_PIECE = 4000
_CACHE_LINES = 20000

_lock = threading.Lock()
_tokenizer = None
_cache: OrderedDict[str, tuple[Token, ...]] = OrderedDict()


@dataclass(frozen=True)
class Token:
    """One morpheme: ``surface`` at ``start``..``end`` (character offsets, end exclusive) of the analysed text.

    ``pos`` is Sudachi's part of speech (6 levels, e.g. ("動詞", "非自立可能", "*", ...)),
    ``lemma`` its dictionary form, ``normalized`` its normalized form, ``reading`` its reading (katakana).
    """

    surface: str
    start: int
    end: int
    pos: tuple[str, ...]
    lemma: str
    normalized: str
    reading: str = ""


def _load():
    global _tokenizer
    if _tokenizer is None:
        from sudachipy import Dictionary, SplitMode

        _tokenizer = (Dictionary(dict="core").tokenizer(mode=SplitMode.C), SplitMode.C)
    return _tokenizer


def _analyse_piece(piece: str) -> tuple[Token, ...]:
    tokenizer, mode = _load()
    out = []
    for m in tokenizer.tokenize(piece, mode):
        surface = m.surface()
        start = m.begin()
        out.append(Token(surface, start, start + len(surface), tuple(m.part_of_speech()),
                         m.dictionary_form(), m.normalized_form(), m.reading_form()))
    return tuple(out)


def _analyse_line(line: str) -> tuple[Token, ...]:
    cached = _cache.get(line)
    if cached is not None:
        _cache.move_to_end(line)
        return cached
    tokens: list[Token] = []
    for base in range(0, len(line), _MAX_PIECE):
        for t in _analyse_piece(line[base:base + _MAX_PIECE]):
            tokens.append(Token(t.surface, t.start + base, t.end + base, t.pos, t.lemma, t.normalized, t.reading))
    result = tuple(tokens)
    _cache[line] = result
    if len(_cache) > _CACHE_LINES:
        _cache.popitem(last=False)
    return result


def tokenize(text: str) -> list[Token]:
    """The morphemes of ``text`` with offsets into ``text``; line breaks are never inside a token."""
    tokens: list[Token] = []
    with _lock:
        position = 0
        for line in text.split("\n"):
            if line.strip():
                for t in _analyse_line(line):
                    tokens.append(Token(t.surface, t.start + position, t.end + position, t.pos, t.lemma, t.normalized,
                                        t.reading))
            position += len(line) + 1
    return tokens


def warm_up() -> None:
    """Load the dictionary now (e.g. off the UI thread before the first check)."""
    with _lock:
        _load()
