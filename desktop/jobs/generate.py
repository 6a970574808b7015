"""The free-prompt job: one user prompt, the reply streamed back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.engine.protocol import Delta, Message
from desktop.contracts import ChatMessage, ChatModel

DEFAULT_MAX_TOKENS = 512


def run(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    """inputs: ``prompt`` (required), ``system`` (optional).
    options: ``max_tokens``, ``temperature``, ``seed``, ``assistant_prefix``, ``ignore_eos``."""
    messages: list[ChatMessage] = []
    if inputs.get("system"):
        messages.append({"role": "system", "content": str(inputs["system"])})
    messages.append({"role": "user", "content": str(inputs.get("prompt", ""))})
    for piece in model.stream_chat(
        messages,
        max_tokens=int(options.get("max_tokens", DEFAULT_MAX_TOKENS)),
        temperature=float(options.get("temperature", 0.7)),
        assistant_prefix=str(options.get("assistant_prefix", "")),
        seed=options.get("seed"),
        ignore_eos=bool(options.get("ignore_eos", False)),
    ):
        yield Delta(text=piece)
    return {"finish_reason": model.last_finish_reason}
