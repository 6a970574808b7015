"""A stand-in for the real model, for tests that check wording or job plans.

It provides ``desktop.contracts.ChatModel``. Its replies come from a function
of the messages (or a fixed text); its token count is one token per character
unless told otherwise, so that budgets in tests are easy to reason about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from desktop.engine.protocol import CONTEXT_OVERFLOW
from desktop.contracts import Cancelled, ChatMessage, ChatPiece, ChatRequest, JobError

Reply = str | Callable[[list[ChatMessage]], str]


class ScriptedModel:
    """Answers every chat with ``reply`` (a text, or a function of the messages).

    ``calls`` records the messages of every ``stream_chat``; ``cancel_after``
    raises ``Cancelled`` after that many calls have started, to test stopping.
    ``stream_chat_many`` answers the requests one after another (``parallel`` is
    recorded in ``parallel_calls``); ``finish_order`` (request indexes) makes it
    finish them in that order instead, to test jobs against out-of-order parts.
    """

    def __init__(
        self,
        reply: Reply = "OK",
        *,
        n_ctx: int = 4096,
        chars_per_token: int = 1,
        piece_size: int = 4,
        cancel_after: int | None = None,
    ) -> None:
        self._reply = reply
        self._n_ctx = n_ctx
        self._chars_per_token = chars_per_token
        self._piece_size = piece_size
        self._cancel_after = cancel_after
        self._finish_reason = "stop"
        self.calls: list[list[ChatMessage]] = []
        self.options: list[dict] = []
        self.parallel_calls: list[int] = []
        self.finish_order: list[int] | None = None

    @property
    def n_ctx(self) -> int:
        return self._n_ctx

    @property
    def last_finish_reason(self) -> str:
        return self._finish_reason

    def count_tokens(self, text: str) -> int:
        return -(-len(text) // self._chars_per_token)

    def count_chat_tokens(self, messages: list[ChatMessage]) -> int:
        overhead_per_message = 4
        return sum(self.count_tokens(m["content"]) + overhead_per_message for m in messages) + 2

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
        if self._cancel_after is not None and len(self.calls) >= self._cancel_after:
            raise Cancelled()
        if self.count_chat_tokens(messages) + max_tokens > self._n_ctx:
            raise JobError(CONTEXT_OVERFLOW, "prompt too long for the scripted model")
        self.calls.append([dict(m) for m in messages])
        self.options.append({"max_tokens": max_tokens, "temperature": temperature,
                             "assistant_prefix": assistant_prefix, "seed": seed})
        text = self._reply(messages) if callable(self._reply) else self._reply
        limit = max_tokens * self._chars_per_token
        self._finish_reason = "length" if len(text) > limit else "stop"
        text = text[:limit]
        for start in range(0, len(text), self._piece_size):
            yield text[start:start + self._piece_size]

    def stream_chat_many(self, requests: list[ChatRequest], *, parallel: int = 0) -> Iterator[ChatPiece]:
        self.parallel_calls.append(parallel)
        order = self.finish_order or list(range(len(requests)))
        order = [i for i in order if i < len(requests)] + [i for i in range(len(requests)) if i not in order]
        for index in order:
            request = requests[index]
            try:
                pieces = list(self.stream_chat(request.messages, max_tokens=request.max_tokens,
                                               temperature=request.temperature, seed=request.seed,
                                               ignore_eos=request.ignore_eos))
            except JobError as exc:
                yield ChatPiece(index, finish_reason="error", error=exc)
                continue
            for text in pieces:
                yield ChatPiece(index, text)
            yield ChatPiece(index, finish_reason=self._finish_reason)
