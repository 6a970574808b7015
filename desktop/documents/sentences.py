"""Cutting text into sentences, for Japanese and English alike.

Shared by summarizing (parts), translating (long paragraphs) and checking
(sentence rules). The pieces always join back to the input exactly.
"""

from __future__ import annotations

import re

# A sentence ends after 。！？． (any number), or after .!? when a space, a closing
# bracket or the end follows, or at a line break; closing brackets and spaces
# after the end mark stay with the sentence.
_SENTENCE_END = re.compile(
    r"(?:[。！？．]+|[.!?]+(?=[\s\"'”’)\]」』）】]|$)|\n)"
    r"[\"'”’)\]」』）】]*"
    r"[ \t\u3000]*\n?"
)


def split_sentences(text: str) -> list[str]:
    """``text`` cut after each sentence end; the pieces join back to ``text`` exactly."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            pieces.append(text[start:match.end()])
            start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces
