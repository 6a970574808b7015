"""A reply's tokens turned into text as they stream: whole UTF-8 characters, and whether the reply loops.

Both ways of generating use this, so a reply ends the same whether it was decoded
alone (``llm.Model.stream_chat``) or in a batch (``chat_many``): ``ReplyText.feed``
gives the text to show and True once the reply loops (``repetition.RepetitionGuard``,
fed exactly the text shown); the caller then ends that reply with the finish reason
"repetition". No llama_cpp here.
"""

from __future__ import annotations

import codecs

from desktop.engine.repetition import RepetitionGuard

#: The finish reason of a reply stopped because it loops.
REPETITION = "repetition"


class Utf8Stream:
    """Turns bytes arriving in pieces into text, holding back an incomplete character.

    Invalid bytes inside the stream become U+FFFD, but a U+FFFD at the end of
    what has arrived is held back until other text follows. ``flush`` drops what
    is held (an incomplete character, or broken bytes, where the token limit or
    Stop cut the reply), so a reply never ends in U+FFFD; only a reply that is
    nothing but broken bytes is shown as it is.
    """

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._held = ""
        self._shown = False

    def feed(self, data: bytes) -> str:
        text = self._held + self._decoder.decode(data)
        shown = text.rstrip("\ufffd")
        self._held = text[len(shown):]
        self._shown = self._shown or bool(shown)
        return shown

    def flush(self) -> str:
        self._decoder.reset()
        held, self._held = self._held, ""
        return "" if self._shown else held


class ReplyText:
    """One reply's bytes in, its text out, and a loop check on that text.

    ``ignore_eos`` replies (fixed-length benchmark runs) are never checked: they must
    run to their token limit.
    """

    def __init__(self, *, ignore_eos: bool = False) -> None:
        self._bytes = Utf8Stream()
        self._guard = None if ignore_eos else RepetitionGuard()

    def feed(self, data: bytes) -> tuple[str, bool]:
        """(text to show now, True when the reply now loops and must end with ``REPETITION``)."""
        text = self._bytes.feed(data)
        return text, bool(text) and self._guard is not None and self._guard.feed(text)

    def flush(self) -> str:
        """What is left to show when the reply ends (see ``Utf8Stream.flush``)."""
        return self._bytes.flush()
