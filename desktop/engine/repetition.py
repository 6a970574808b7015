"""A guard that stops a reply caught in a loop: the same sentence over and over, or one phrase repeated.

Small and base models (Gemma 3 270M, for one) often repeat one sentence until
the token limit. ``RepetitionGuard.feed(text)`` takes the reply as it streams
and answers True once it loops:
- the same sentence (ended by 。．.!?！？ or a line break; compared without
  spaces) comes ``SENTENCE_REPEATS`` times in a row, or as part of the same
  cycle of sentences repeated that many times over (A B C A B C A B C), when it
  has at least ``MIN_SENTENCE_CHARS`` letters, digits or kana/kanji. "以上。",
  list bullets and table rules never count, and neither does a sentence that
  recurs with other text between (a Q&A whose answers all end with the same
  contact line); or
- the reply ends in one stretch of 1–``MAX_PHRASE_CHARS`` characters repeated
  at least ``PHRASE_REPEATS`` times and ``MIN_LOOP_CHARS`` characters long
  (a loop without sentence ends: "ありがとうございますありがとうございます…"); or
- the reply ends in such a stretch without a letter or digit ("---" lines, "・・・")
  at least ``MIN_SYMBOL_LOOP_CHARS`` characters long: far longer than the table rules
  and separators a real reply holds (Gemma 3 270M wrote 1,191 characters of "---"
  lines as one partial summary of a combine round, until its token limit).
The cost is well under a millisecond per token (20–90 µs per character measured on a
busy 2-core machine, where a token takes 20 ms or more): sentences are checked when one ends,
the phrase loop every ``PHRASE_CHECK_EVERY`` new characters on the last
``PHRASE_WINDOW`` characters only.
"""

from __future__ import annotations

import re

SENTENCE_REPEATS = 3
MAX_CYCLE_SENTENCES = 12
MIN_SENTENCE_CHARS = 8
MAX_PHRASE_CHARS = 60
PHRASE_REPEATS = 4
MIN_LOOP_CHARS = 48
MIN_SYMBOL_LOOP_CHARS = 200
PHRASE_CHECK_EVERY = 24
PHRASE_WINDOW = 4 * MAX_PHRASE_CHARS + 16
PENDING_LIMIT = 4000  # an unfinished "sentence" longer than this is compared by its end only

_SENTENCE_END = re.compile(r"[。．.!?！？\n]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w")
_PHRASE_LOOP = re.compile(r"(.{1,%d}?)\1{%d,}$" % (MAX_PHRASE_CHARS, PHRASE_REPEATS - 1), re.DOTALL)


class RepetitionGuard:
    """Feed it the reply piece by piece; ``feed`` returns True when the reply is looping."""

    def __init__(self) -> None:
        self._pending = ""
        self._sentences: list[str] = []          # the reply's sentences so far (keys), empty ones left out
        self._positions: dict[str, list[int]] = {}
        self._tail = ""
        self._since_check = 0

    def feed(self, text: str) -> bool:
        """Add ``text`` (the next piece of the reply); True when the reply now loops."""
        self._tail = (self._tail + text)[-PHRASE_WINDOW:]
        self._since_check += len(text)
        self._pending = (self._pending + text)[-PENDING_LIMIT:]
        if _SENTENCE_END.search(text):
            *finished, self._pending = _SENTENCE_END.split(self._pending)
            for sentence in finished:
                key = _SPACES.sub("", sentence)
                if key and self._add_sentence(key):
                    return True
        if self._since_check >= PHRASE_CHECK_EVERY:
            self._since_check = 0
            match = _PHRASE_LOOP.search(self._tail)
            if match and len(match.group(0)) >= (MIN_LOOP_CHARS if _WORD.search(match.group(1))
                                                 else MIN_SYMBOL_LOOP_CHARS):
                return True
        return False

    def _add_sentence(self, key: str) -> bool:
        """Record one finished sentence; True when it closes the same cycle ``SENTENCE_REPEATS`` times over."""
        position = len(self._sentences)
        self._sentences.append(key)
        if len(_WORD.findall(key)) < MIN_SENTENCE_CHARS:
            return False
        seen = self._positions.setdefault(key, [])
        seen.append(position)
        if len(seen) < SENTENCE_REPEATS:
            return False
        starts = seen[-SENTENCE_REPEATS:]
        period = starts[1] - starts[0]
        if any(b - a != period for a, b in zip(starts, starts[1:])) or period > MAX_CYCLE_SENTENCES:
            return False
        cycle = self._sentences[starts[0]:starts[1]]
        return all(self._sentences[start:start + period] == cycle for start in starts[1:-1])
