"""The free-prompt job: one user prompt, the reply streamed back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.engine.protocol import Delta, Message
from desktop.contracts import ChatMessage, ChatModel, ChatRequest, JobError
from desktop.jobs.defaults import GENERATE_TEMPERATURE

DEFAULT_MAX_TOKENS = 512


def run(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    """inputs: ``prompt`` (required), ``system`` (optional); or ``prompts`` (a list of prompts).
    options: ``max_tokens``, ``temperature``, ``seed``, ``assistant_prefix``, ``ignore_eos``;
    ``parallel`` (with ``prompts``: sequences decoded at once, 0 automatic).

    With ``prompts`` every reply streams as ``Delta`` events carrying the prompt's
    ``index``; replies may interleave. A prompt too long for the context fails the job.
    """
    if isinstance(inputs.get("prompts"), list):
        return (yield from _run_many(model, inputs, options))
    messages: list[ChatMessage] = []
    if inputs.get("system"):
        messages.append({"role": "system", "content": str(inputs["system"])})
    messages.append({"role": "user", "content": str(inputs.get("prompt", ""))})
    for piece in model.stream_chat(
        messages,
        max_tokens=int(options.get("max_tokens", DEFAULT_MAX_TOKENS)),
        temperature=float(options.get("temperature", GENERATE_TEMPERATURE)),
        assistant_prefix=str(options.get("assistant_prefix", "")),
        seed=options.get("seed"),
        ignore_eos=bool(options.get("ignore_eos", False)),
    ):
        yield Delta(text=piece)
    return {"finish_reason": model.last_finish_reason}


def _run_many(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    system = [{"role": "system", "content": str(inputs["system"])}] if inputs.get("system") else []
    requests = [
        ChatRequest(system + [{"role": "user", "content": str(prompt)}],
                    max_tokens=int(options.get("max_tokens", DEFAULT_MAX_TOKENS)),
                    temperature=float(options.get("temperature", GENERATE_TEMPERATURE)), seed=options.get("seed"),
                    ignore_eos=bool(options.get("ignore_eos", False)))
        for prompt in inputs["prompts"]
    ]
    reasons: list[str] = [""] * len(requests)
    for piece in model.stream_chat_many(requests, parallel=int(options.get("parallel") or 0)):
        if piece.error is not None:
            raise JobError(piece.error.code, piece.error.message)
        if piece.finish_reason:
            reasons[piece.index] = piece.finish_reason
        elif piece.text:
            yield Delta(text=piece.text, part=piece.index)
    return {"finish_reasons": reasons}
