"""The contract between jobs and the model: what a job may ask of it, and how either side reports failure.

A neutral module: jobs (``desktop.jobs``) and the model (``desktop.engine.llm``)
both import it, and it imports neither. The engine's real model and the tests'
scripted model (``tests/support/scripted_model.py``) both provide ``ChatModel``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, TypedDict


class ChatMessage(TypedDict):
    """One turn of a conversation: role is "system", "user" or "assistant"."""

    role: str
    content: str


class ChatModel(Protocol):
    """The model as a job sees it."""

    @property
    def n_ctx(self) -> int:
        """The context size the model was loaded with, in tokens."""

    def count_tokens(self, text: str) -> int:
        """Tokens of plain ``text`` (no special tokens are recognised in it)."""

    def count_chat_tokens(self, messages: list[ChatMessage]) -> int:
        """Tokens of the whole formatted prompt for ``messages``, generation prompt included."""

    def stream_chat(
        self,
        messages: list[ChatMessage],
        *,
        max_tokens: int,
        temperature: float = 0.7,
        assistant_prefix: str = "",
        seed: int | None = None,
        ignore_eos: bool = False,
    ) -> Iterator[str]:
        """Yield the reply to ``messages`` piece by piece.

        ``ignore_eos`` keeps generating until ``max_tokens`` even where the model
        would end (benchmarks generate a fixed number of tokens, as llama-bench does).

        ``assistant_prefix`` is text the reply already starts with (to continue
        an answer cut at the length limit); it is not yielded again.
        Raises ``Cancelled`` as soon as the request is cancelled, and
        ``JobError(CONTEXT_OVERFLOW, ...)`` if the prompt does not fit.
        After the iterator ends, ``last_finish_reason`` is "stop", "length", or
        "repetition" (the reply looped and was stopped: the engine's repetition guard).
        """

    @property
    def last_finish_reason(self) -> str:
        """Why the last ``stream_chat`` ended: "stop" (the model finished), "length" or "repetition"."""


class JobError(Exception):
    """A job cannot go on; ``code`` is a protocol error code, ``message`` is for the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Cancelled(Exception):
    """The user stopped the request. What was already sent stays with the receiver."""
