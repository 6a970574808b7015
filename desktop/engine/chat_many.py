"""``Model.stream_chat_many``: several chats answered at once through ``batched.BatchedDecoder``.

Promises (the contract is ``desktop.contracts.ChatModel.stream_chat_many``):
- Each request is formatted and checked alone: one whose prompt leaves no room
  in the model's context (``n_ctx``, per sequence) ends with a ``context_overflow``
  error piece and the others go on.
- The number of sequences decoded at once is ``parallel``, or when 0 is chosen by
  ``desktop.library.ram.choose_parallel`` from available RAM, the KV cells the
  longest request needs, and the number of requests.
- One sequence (``parallel`` 1, or a single request) is today's path: the
  requests go through ``Model.stream_chat`` one after another.
- Several sequences get a context of their own for this call, freed when the call
  ends, cancelled or not: one KV stream per sequence (and one for the shared
  prefix), each big enough for the largest request. Separate streams, not one
  unified cache: a token attends over its own sequence's cells only, where a
  unified cache would make every token scan the masked cells of all sequences.
- Text comes out as whole UTF-8 characters per request, and a request whose reply
  loops ends alone with finish reason "repetition", by the same rule and code as
  ``Model.stream_chat`` (``reply_text.ReplyText``); ``model.usage`` adds up
  prompt and generated tokens of all requests; its ``generation_s`` is wall time
  from the first generated token to the end (aggregate speed), and
  ``generation_only_tokens`` / ``generation_only_s`` count the decode steps that
  carried no prompt (``BatchedDecoder``: S_TG as llama-batched-bench measures it).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterator
from typing import Any

from desktop.contracts import ChatPiece, ChatRequest, JobError
from desktop.engine import batched
from desktop.engine.protocol import CONTEXT_OVERFLOW
from desktop.engine.reply_text import REPETITION, ReplyText
from desktop.messages import message

log = logging.getLogger(__name__)


def stream_chat_many(model: Any, requests: list[ChatRequest], parallel: int = 0) -> Iterator[ChatPiece]:
    """See the module docstring; ``model`` is a loaded ``desktop.engine.llm.Model``."""
    prompts: dict[int, batched.SequenceRequest] = {}
    for index, request in enumerate(requests):
        model._check_cancel()
        tokens = model.chat_tokens(request.messages)
        room = model.n_ctx - len(tokens)
        if room <= 0:
            error = JobError(CONTEXT_OVERFLOW, message(CONTEXT_OVERFLOW, tokens=len(tokens), limit=model.n_ctx))
            yield ChatPiece(index, finish_reason="error", error=error)
            continue
        prompts[index] = batched.SequenceRequest(
            tokens, max(1, min(int(request.max_tokens), room)), float(request.temperature),
            request.seed if request.seed is not None else random.getrandbits(31), request.ignore_eos)
    if not prompts:
        return
    n_seq = choose_sequences(model, list(prompts.values()), parallel)
    log.info("%d requests, %d at once", len(prompts), n_seq)
    if n_seq == 1:
        yield from _one_by_one(model, requests, prompts)
    else:
        yield from _batched(model, prompts, n_seq)


def choose_sequences(model: Any, prompts: list[batched.SequenceRequest], parallel: int) -> int:
    """How many of ``prompts`` to decode at once (see ``ram.choose_parallel``)."""
    from desktop.library import available_ram_bytes
    from desktop.library.ram import choose_parallel

    cells = max(p.cells for p in prompts)
    per_cell = batched.kv_bytes_per_cell(model._llama._model.model)
    available = available_ram_bytes() if parallel <= 0 else None
    return choose_parallel(parallel, len(prompts), cells, per_cell, available)


def _one_by_one(model: Any, requests: list[ChatRequest], prompts: dict[int, batched.SequenceRequest],
                ) -> Iterator[ChatPiece]:
    for index, prompt in prompts.items():
        request = requests[index]
        for text in model.stream_chat(request.messages, max_tokens=prompt.max_tokens,
                                      temperature=request.temperature, seed=prompt.seed,
                                      ignore_eos=request.ignore_eos):
            yield ChatPiece(index, text)
        yield ChatPiece(index, finish_reason=model.last_finish_reason)


def _batched(model: Any, prompts: dict[int, batched.SequenceRequest], n_seq: int) -> Iterator[ChatPiece]:
    order = list(prompts)
    sequences = [prompts[index] for index in order]
    llama = model._llama
    decoder = batched.BatchedDecoder(
        llama._model.model, model._vocab, n_cells=(n_seq + 1) * max(p.cells for p in sequences), n_seq=n_seq,
        unified=False,
        n_threads=int(llama.context_params.n_threads), n_batch=int(llama.n_batch),
        flash_attn_type=int(llama.context_params.flash_attn_type),
        eog_ids=lambda: batched.end_of_generation_ids(model._vocab),
    )
    usage = model.usage
    usage["prompt_tokens"] += sum(len(p.tokens) for p in sequences)
    streams = {index: ReplyText(ignore_eos=prompts[index].ignore_eos) for index in order}
    started = time.perf_counter()
    first_token_at: float | None = None
    try:
        for event in decoder.run(sequences, model.cancel_check):
            index = order[event[0]]
            if len(event) == 3:
                tail = streams[index].flush()
                if tail:
                    yield ChatPiece(index, tail)
                usage["finish_reason"] = event[2]
                yield ChatPiece(index, finish_reason=event[2])
                continue
            if first_token_at is None:
                first_token_at = time.perf_counter()
                if usage["ttft_s"] is None:
                    usage["ttft_s"] = first_token_at - started
            usage["generated_tokens"] += 1
            text, looping = streams[index].feed(model._piece(event[1]))
            if text:
                yield ChatPiece(index, text)
            if looping:
                decoder.stop(event[0], REPETITION)
    finally:
        usage["prompt_eval_tokens"] += decoder.prompt_eval_tokens
        usage["generation_only_tokens"] += decoder.generation_only_tokens
        usage["generation_only_s"] += decoder.generation_only_s
        if first_token_at is not None:
            usage["generation_s"] += time.perf_counter() - first_token_at
        decoder.close()
