"""What every rule sees while one text is checked: the text, its words, its sentences, the time left."""

from __future__ import annotations

import time
from bisect import bisect_left
from functools import cached_property

from desktop.checking import morph
from desktop.checking.findings import Finding
from desktop.checking.rules import Rule
from desktop.documents.sentences import split_sentences


class CheckTimeout(Exception):
    """The check ran past its deadline."""


class CheckContext:
    """One check of ``text`` under ``profile``; messages in ``lang``; rules stop at ``deadline`` (monotonic s)."""

    def __init__(self, text: str, profile: str, lang: str, deadline: float) -> None:
        self.text = text
        self.profile = profile
        self.lang = lang
        self.deadline = deadline
        self.notes: list[str] = []

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise CheckTimeout
        return left

    @cached_property
    def tokens(self) -> list[morph.Token]:
        return morph.tokenize(self.text)

    @cached_property
    def word_starts(self) -> frozenset[int]:
        return frozenset(t.start for t in self.tokens)

    @cached_property
    def word_ends(self) -> frozenset[int]:
        return frozenset(t.end for t in self.tokens)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence with its trailing spaces and line break trimmed; empty ones left out."""
        spans = []
        position = 0
        for piece in split_sentences(self.text):
            stripped = piece.rstrip(" \t\u3000\n")
            lead = len(stripped) - len(stripped.lstrip(" \t\u3000"))
            if stripped.strip():
                spans.append((position + lead, position + len(stripped)))
            position += len(piece)
        return spans

    def tokens_in(self, start: int, end: int) -> list[morph.Token]:
        """The words that start inside ``start``..``end``."""
        starts = self._token_starts
        return self.tokens[bisect_left(starts, start):bisect_left(starts, end)]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def finding(self, rule: Rule, start: int, end: int, suggestion: str | None,
                message: str | None = None) -> Finding:
        return Finding(rule.id, start, end, self.text[start:end], suggestion, message or rule.message(self.lang),
                       rule.severity, rule.source)
