"""Token counts asked for in steps, so that planning code never holds a model.

Code that needs token counts (the summary planner, ``desktop.documents.parts``)
is written as a generator: it yields the list of texts whose counts it needs
next and is sent back their counts (one int per text, in order); its return
value is its answer. Whoever drives it owns the tokenizer:

- the summarize job drives it in place with the model's ``count_tokens``
  (``run_counting``);
- the window drives it with ``count_tokens`` requests to the engine, one
  request per step, answered asynchronously.

Both get the same answer for the same counts. ``TokenCounts`` remembers every
count it was sent, so a text is asked for at most once per plan.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import TypeVar

T = TypeVar("T")

#: Counts tokens of one text with the model's tokenizer.
TokenCounter = Callable[[str], int]
#: A computation that yields texts to count, is sent their counts, and returns a ``T``.
CountSteps = Generator[list[str], list[int], T]


class TokenCounts:
    """The token counts known so far, by text; a step asks only for the texts not known yet."""

    def __init__(self, known: Mapping[str, int] | None = None) -> None:
        self.known: dict[str, int] = dict(known or {})

    def of(self, texts: list[str]) -> CountSteps[list[int]]:
        """The counts of ``texts`` in order (one step, or none when all are known).

        Raises ValueError when the driver sends back a different number of counts.
        """
        missing = list(dict.fromkeys(text for text in texts if text not in self.known))
        if missing:
            counts = yield missing
            if len(counts) != len(missing):
                raise ValueError(f"{len(missing)} texts were to be counted, {len(counts)} counts came back")
            self.known.update(zip(missing, (int(count) for count in counts)))
        return [self.known[text] for text in texts]

    def one(self, text: str) -> CountSteps[int]:
        """The count of ``text`` (one step, or none when it is known)."""
        return (yield from self.of([text]))[0]


def run_counting(steps: CountSteps[T], count: TokenCounter) -> T:
    """Drive ``steps`` to its end with ``count`` (called once per text asked for); its answer."""
    try:
        texts = next(steps)
        while True:
            texts = steps.send([count(text) for text in texts])
    except StopIteration as finished:
        return finished.value
