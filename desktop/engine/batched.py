"""Continuous batching over llama.cpp's low-level API: several prompts decoded in one batch.

Promises:
- ``BatchedDecoder`` owns its own llama.cpp context on the loaded model, with
  ``n_cells`` KV cells for up to ``n_seq`` sequences: either one unified cache
  they share (``unified``), or one stream of ``n_cells / (n_seq + 1)`` cells per
  sequence (and one for the shared prefix); ``close()`` frees it at once.
- ``run`` takes token prompts (``SequenceRequest``) and yields ``(index, token)``
  for every generated token and ``(index, FINISH, reason)`` once per request,
  reason "stop" (an end-of-generation token) or "length" (``max_tokens``).
  Requests may finish in any order.
- Every ``llama_decode`` call carries one batch holding several sequence ids:
  the next token of every running sequence, then as much prompt of newly
  admitted sequences as the batch has room for (prompt processing interleaved
  with generation, as llama-server's ``update_slots`` does).
- In a unified cache a request is admitted only when the KV cells it can use up
  (prompt + answer) are free, so a running sequence never runs out of cells;
  with streams, each request must fit one stream. A sequence's cells are
  released (``llama_memory_seq_rm``) as soon as it finishes.
- The prompt prefix all requests share (system prompt, instructions) is
  evaluated once into its own sequence and copied to each new sequence
  (``llama_memory_seq_cp``: in a unified cache the cells are shared; between
  streams the prefix stream is copied).
- Each sequence has its own sampler chain with the sequential path's settings
  (``Llama.generate``: top-k 40, top-p 0.95, min-p 0.05, temperature, seeded
  distribution; greedy at temperature 0), so a request samples as it would alone.
- ``cancel_check`` is asked before every decode; True raises ``Cancelled`` and
  stops every sequence at once.
- ``generation_only_tokens`` / ``generation_only_s``: tokens sampled in, and wall time
  of (from one decode's start to the next's, the consumer's handling included), the
  steps whose batch carried no prompt tokens: aggregate generation speed measured as
  llama-batched-bench's S_TG is (prompt processing left out).
- ``stop(index, reason)``, called by the consumer after it got a token of request
  ``index`` (e.g. the reply loops), ends that request alone: the run goes on with
  ``(index, FINISH, reason)``, its cells are released, and no further token of it comes.
"""

from __future__ import annotations

import ctypes
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import llama_cpp

from desktop.contracts import Cancelled

FINISH = -1
#: A shared prefix shorter than this is not worth a sequence of its own.
MIN_SHARED_PREFIX = 16
TOP_K, TOP_P, MIN_P = 40, 0.95, 0.05


@dataclass
class SequenceRequest:
    """One prompt to continue: its tokens, the answer limit and its sampling settings."""

    tokens: list[int]
    max_tokens: int
    temperature: float = 0.7
    seed: int = 0
    ignore_eos: bool = False

    @property
    def cells(self) -> int:
        """KV cells this request can use up: prompt plus answer."""
        return len(self.tokens) + self.max_tokens


@dataclass
class _Slot:
    index: int
    seq_id: int
    request: SequenceRequest
    sampler: ctypes.c_void_p
    reserved: int
    n_past: int = 0                # tokens of this sequence already in the KV cache
    generated: int = 0
    next_token: int | None = None  # sampled, to be decoded in the next batch
    logits_at: int = -1            # its row in the last batch's outputs, -1 if none


def shared_prefix(prompts: list[list[int]]) -> int:
    """Length of the prefix every prompt shares, leaving each at least one token of its own."""
    if len(prompts) < 2:
        return 0
    first = prompts[0]
    length = min(len(p) for p in prompts) - 1
    for position in range(max(length, 0)):
        token = first[position]
        if any(p[position] != token for p in prompts):
            return position
    return max(length, 0)


class BatchedDecoder:
    """A llama.cpp context for ``n_seq`` sequences sharing ``n_cells`` KV cells (see the module docstring)."""

    def __init__(self, model: ctypes.c_void_p, vocab: ctypes.c_void_p, *, n_cells: int, n_seq: int,
                 n_threads: int, n_batch: int = 512, flash_attn_type: int | None = None,
                 eog_ids: Callable[[], list[int]] = list, unified: bool = True) -> None:
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = n_cells
        params.n_batch = n_batch
        params.n_ubatch = n_batch
        params.n_seq_max = n_seq + 1  # one more for the shared prefix
        params.n_threads = n_threads
        params.n_threads_batch = n_threads
        params.kv_unified = unified
        params.no_perf = True
        if flash_attn_type is not None:
            params.flash_attn_type = flash_attn_type
        self._ctx = llama_cpp.llama_init_from_model(model, params)
        if not self._ctx:
            raise MemoryError("llama.cpp could not make a context for batched decoding")
        self._vocab = vocab
        self._n_vocab = llama_cpp.llama_vocab_n_tokens(vocab)
        self._eog_ids = eog_ids
        self.n_cells = int(llama_cpp.llama_n_ctx(self._ctx))
        self.n_seq = n_seq
        self.unified = unified
        self.n_batch = min(n_batch, int(llama_cpp.llama_n_batch(self._ctx)))  # llama.cpp caps it at n_ctx
        self._memory = llama_cpp.llama_get_memory(self._ctx)
        self._batch = llama_cpp.llama_batch_init(n_batch, 0, 1)
        self.prompt_eval_tokens = 0
        self.generation_only_tokens = 0
        self.generation_only_s = 0.0
        self._stops: dict[int, str] = {}

    def close(self) -> None:
        """Free the context and its batch now. Safe to call twice."""
        if self._ctx:
            llama_cpp.llama_batch_free(self._batch)
            llama_cpp.llama_free(self._ctx)
            self._ctx = None

    # ------------------------------------------------------------ sampling

    def _sampler(self, request: SequenceRequest) -> ctypes.c_void_p:
        chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
        add = llama_cpp.llama_sampler_chain_add
        if request.ignore_eos:
            ids = self._eog_ids()
            biases = (llama_cpp.llama_logit_bias * len(ids))()
            for slot, token in zip(biases, ids):
                slot.token, slot.bias = token, -float("inf")
            add(chain, llama_cpp.llama_sampler_init_logit_bias(self._n_vocab, len(ids), biases))
        if request.temperature <= 0:
            add(chain, llama_cpp.llama_sampler_init_greedy())
        else:
            add(chain, llama_cpp.llama_sampler_init_top_k(TOP_K))
            add(chain, llama_cpp.llama_sampler_init_top_p(TOP_P, 1))
            add(chain, llama_cpp.llama_sampler_init_min_p(MIN_P, 1))
            add(chain, llama_cpp.llama_sampler_init_temp(request.temperature))
            add(chain, llama_cpp.llama_sampler_init_dist(request.seed & 0xFFFFFFFF))
        return chain

    # ------------------------------------------------------------ batches

    def _clear(self) -> None:
        self._batch.n_tokens = 0

    def _add(self, token: int, position: int, seq_id: int, logits: bool) -> int:
        batch = self._batch
        i = batch.n_tokens
        batch.token[i] = token
        batch.pos[i] = position
        batch.n_seq_id[i] = 1
        batch.seq_id[i][0] = seq_id
        batch.logits[i] = logits
        batch.n_tokens = i + 1
        return i

    def _decode(self) -> None:
        status = llama_cpp.llama_decode(self._ctx, self._batch)
        if status != 0:
            raise RuntimeError(f"llama_decode returned {status}")

    def _evaluate_prefix(self, tokens: list[int], seq_id: int, cancel_check: Callable[[], bool]) -> None:
        for start in range(0, len(tokens), self.n_batch):
            if cancel_check():
                raise Cancelled()
            self._clear()
            for offset, token in enumerate(tokens[start:start + self.n_batch]):
                self._add(token, start + offset, seq_id, False)
            self._decode()
        self.prompt_eval_tokens += len(tokens)

    # ------------------------------------------------------------ the loop

    def stop(self, index: int, reason: str) -> None:
        """End request ``index`` of the running ``run`` with ``reason`` before its next token."""
        self._stops[index] = reason

    def run(self, requests: list[SequenceRequest], cancel_check: Callable[[], bool] = lambda: False,
            ) -> Iterator[tuple]:
        """Decode every request; see the module docstring for what is yielded.

        A request that could never fit in ``n_cells`` must have been refused by
        the caller; the decoder assumes every request fits alone.
        """
        llama_cpp.llama_memory_clear(self._memory, True)
        prefix_seq = self.n_seq
        prefix = shared_prefix([r.tokens for r in requests])
        if prefix < MIN_SHARED_PREFIX:
            prefix = 0
        pending = deque(range(len(requests)))
        free_ids = list(range(self.n_seq - 1, -1, -1))
        running: list[_Slot] = []
        used = prefix
        self._stops.clear()
        try:
            if prefix:
                self._evaluate_prefix(requests[0].tokens[:prefix], prefix_seq, cancel_check)
            step: tuple[float, int] | None = None  # (start, tokens sampled) of the last generation-only step
            while pending or running:
                step = self._count_generation_only(step)
                if cancel_check():
                    raise Cancelled()
                while pending and free_ids:
                    request = requests[pending[0]]
                    reserve = request.cells - prefix
                    if self.unified and running and used + reserve > self.n_cells:
                        break
                    index = pending.popleft()
                    slot = _Slot(index, free_ids.pop(), request, self._sampler(request), reserve)
                    if prefix:
                        llama_cpp.llama_memory_seq_cp(self._memory, prefix_seq, slot.seq_id, -1, -1)
                        slot.n_past = prefix
                    used += reserve
                    running.append(slot)
                started = time.perf_counter()
                prompt_tokens = self._fill_batch(running)
                self._decode()
                sampled = 0
                for slot in list(running):
                    if slot.logits_at < 0:
                        continue
                    token = llama_cpp.llama_sampler_sample(slot.sampler, self._ctx, slot.logits_at)
                    sampled += 1
                    finish = None
                    if llama_cpp.llama_vocab_is_eog(self._vocab, token):
                        finish = "stop"
                    else:
                        slot.generated += 1
                        slot.next_token = token
                        yield slot.index, token
                        finish = self._stops.pop(slot.index, None)
                        if finish is None and slot.generated >= slot.request.max_tokens:
                            finish = "length"
                    if finish:
                        running.remove(slot)
                        used -= slot.reserved
                        self._release(slot)
                        free_ids.append(slot.seq_id)
                        yield slot.index, FINISH, finish
                step = None if prompt_tokens else (started, sampled)
            self._count_generation_only(step)
        finally:
            self._stops.clear()
            for slot in running:
                self._release(slot)
            llama_cpp.llama_memory_clear(self._memory, True)

    def _count_generation_only(self, step: tuple[float, int] | None) -> None:
        """Add the last step to the generation-only counts if it carried no prompt; returns None."""
        if step is not None:
            self.generation_only_s += time.perf_counter() - step[0]
            self.generation_only_tokens += step[1]

    def _fill_batch(self, running: list[_Slot]) -> int:
        """Next tokens of generating sequences first, then prompt chunks of new ones; returns the prompt tokens added."""
        self._clear()
        for slot in running:
            slot.logits_at = -1
            if slot.next_token is not None:
                slot.logits_at = self._add(slot.next_token, slot.n_past, slot.seq_id, True)
                slot.n_past += 1
                slot.next_token = None
        added = 0
        for slot in running:
            room = self.n_batch - self._batch.n_tokens
            if room <= 0:
                break
            tokens = slot.request.tokens
            if slot.generated or slot.n_past >= len(tokens):
                continue
            end = min(len(tokens), slot.n_past + room)
            for position in range(slot.n_past, end):
                last = position == len(tokens) - 1
                row = self._add(tokens[position], position, slot.seq_id, last)
                if last:
                    slot.logits_at = row
            self.prompt_eval_tokens += end - slot.n_past
            added += end - slot.n_past
            slot.n_past = end
        return added

    def _release(self, slot: _Slot) -> None:
        llama_cpp.llama_memory_seq_rm(self._memory, slot.seq_id, -1, -1)
        if slot.sampler is not None:
            llama_cpp.llama_sampler_free(slot.sampler)
            slot.sampler = None


def kv_bytes_per_cell(model: ctypes.c_void_p) -> int:
    """Bytes one KV cell takes for ``model`` (f16 keys and values in every layer)."""
    n_layer = llama_cpp.llama_model_n_layer(model)
    n_head = max(1, llama_cpp.llama_model_n_head(model))
    n_head_kv = llama_cpp.llama_model_n_head_kv(model) or n_head
    head_dim = llama_cpp.llama_model_n_embd(model) // n_head
    return int(n_layer * n_head_kv * head_dim * 2 * 2)


def end_of_generation_ids(vocab: ctypes.c_void_p) -> list[int]:
    """Every token id that ends a generation in ``vocab``."""
    n_vocab = llama_cpp.llama_vocab_n_tokens(vocab)
    return [token for token in range(n_vocab) if llama_cpp.llama_vocab_is_eog(vocab, token)]
