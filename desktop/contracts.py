"""The contract between jobs and the model: what a job may ask of it, and how either side reports failure.

A neutral module: jobs (``desktop.jobs``) and the model (``desktop.engine.llm``)
both import it, and it imports neither. The engine's real model and the tests'
scripted model (``tests/support/scripted_model.py``) both provide ``ChatModel``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, TypedDict


class ChatMessage(TypedDict):
    """One turn of a conversation: role is "system", "user" or "assistant"."""

    role: str
    content: str


@dataclass(frozen=True)
class ChatRequest:
    """One of several chats handed to ``ChatModel.stream_chat_many``; fields as in ``stream_chat``."""

    messages: list[ChatMessage]
    max_tokens: int
    temperature: float = 0.7
    seed: int | None = None
    ignore_eos: bool = False


@dataclass(frozen=True)
class ChatPiece:
    """What ``stream_chat_many`` yields: text of request ``index``, or that request's end.

    While a request streams, ``text`` is its next piece and ``finish_reason`` is "".
    Each request ends with exactly one piece whose ``finish_reason`` is "stop",
    "length", "repetition" (stopped looping, as ``stream_chat`` does) or "error";
    with "error", ``error`` says why (e.g. ``context_overflow``)
    and the other requests go on.
    """

    index: int
    text: str = ""
    finish_reason: str = ""
    error: JobError | None = None


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

    def stream_chat_many(self, requests: list[ChatRequest], *, parallel: int = 0) -> Iterator[ChatPiece]:
        """Answer several chats, up to ``parallel`` of them decoded at once, as ``ChatPiece``s.

        ``parallel`` 0 chooses from free RAM, the context the requests need and
        their number; 1 answers them one after another exactly as ``stream_chat``
        would. Pieces of different requests interleave and requests may finish in
        any order. A request whose prompt does not fit the context ends alone with
        ``finish_reason`` "error". ``Cancelled`` stops every request at once.
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
