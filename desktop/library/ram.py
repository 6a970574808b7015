"""Will this model fit in memory at this context size, and which context size to choose.

The estimate is deliberately simple and a little generous:
weights (the file size; llama.cpp maps the file) + KV cache
(``n_layer · n_ctx · n_head_kv · (key_length + value_length)`` values of
``kv_bytes_per_value`` bytes, which is ``2 · n_layer · n_ctx · n_embd ·
n_head_kv/n_head`` for the usual head size) + a compute buffer (logits and
attention for a 512-token batch) + a fixed overhead for the runtime.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.library.facts import shape_from_metadata
from desktop.library.hardware import available_ram_bytes
from desktop.library.sizes import format_bytes
from desktop.messages import message as catalogue_message

#: llama.cpp's default micro-batch: the compute buffer scales with it.
N_UBATCH = 512
#: Python, llama.cpp's own allocations, the engine process.
RUNTIME_OVERHEAD_BYTES = 256 * 1024 * 1024
#: Without a known vocabulary size, assume a common one.
DEFAULT_VOCAB = 32000

#: Automatic context: never more than this (RAM and speed on office PCs), never less than the floor.
AUTO_CONTEXT_CAP = 8192
AUTO_CONTEXT_FLOOR = 2048
#: Assumed trained context of a file whose metadata does not say (llama.cpp's own default context).
UNKNOWN_TRAINED_CONTEXT = 4096
#: "ok" while the estimate stays under this share of available memory; "tight" up to all of it.
COMFORT_SHARE = 0.8

OK, TIGHT, TOO_LARGE, UNKNOWN = "ok", "tight", "too_large", "unknown"

#: Automatic parallel decoding: at most this many sequences at once. llama-batched-bench on a
#: 2-core PC (0.5B shape, Q4_K_M): 1.37x one sequence's generation speed at 4, 1.85x at 8 (issue 15).
#: 16, not 8: a summary of 11 parts (Gemma 3 270M, 2 threads, temperature 0) spent 57 s in its map
#: step with all 11 at once against 63 s with 8, because parts 9-11 waited for free slots and then
#: ran nearly alone (README, "Parallel decoding: measured"). Larger models are memory-bound well
#: beyond 8 sequences, and the RAM bound below still applies.
MAX_AUTO_PARALLEL = 16
#: The share of available memory the KV cache of parallel decoding may take.
PARALLEL_RAM_SHARE = 0.5


def estimate_ram_bytes(
    file_size: int,
    n_ctx: int,
    n_layer: int = 0,
    n_embd: int = 0,
    n_head: int = 0,
    n_head_kv: int = 0,
    kv_bytes_per_value: float = 2,
    *,
    key_length: int = 0,
    value_length: int = 0,
    n_vocab: int = 0,
    metadata: dict[str, Any] | None = None,
    parallel: int = 1,
) -> int:
    """Bytes needed to run a model of this shape at ``n_ctx`` tokens of context (an estimate).

    ``metadata`` (a GGUF header's key/values, as ``read_gguf_metadata`` returns them)
    fills in whichever shape numbers are not given. ``parallel`` > 1 adds the
    second context parallel decoding makes: ``parallel · n_ctx`` more KV cells
    and its compute buffer (``desktop/engine/batched.py``).
    """
    if metadata is not None:
        shape = shape_from_metadata(metadata)
        n_layer = n_layer or shape["n_layer"]
        n_embd = n_embd or shape["n_embd"]
        n_head = n_head or shape["n_head"]
        n_head_kv = n_head_kv or shape["n_head_kv"]
        key_length = key_length or shape["key_length"]
        value_length = value_length or shape["value_length"]
        n_vocab = n_vocab or shape["n_vocab"]
    head_dim = n_embd // n_head if n_head > 0 else 0
    per_token_kv = (n_head_kv or n_head) * ((key_length or head_dim) + (value_length or head_dim))
    kv_cache = n_layer * n_ctx * per_token_kv * kv_bytes_per_value
    compute = 4 * N_UBATCH * ((n_vocab or DEFAULT_VOCAB) + n_ctx)
    if parallel > 1:
        kv_cache += parallel * kv_cache
        compute += 4 * N_UBATCH * ((n_vocab or DEFAULT_VOCAB) + parallel * n_ctx)
    return int(file_size + kv_cache + compute + RUNTIME_OVERHEAD_BYTES)


def estimate_ram(facts: dict[str, Any], n_ctx: int, parallel: int = 1) -> int:
    """``estimate_ram_bytes`` from a model's facts (see ``desktop.library.facts``)."""
    return estimate_ram_bytes(
        int(facts.get("size_bytes") or 0),
        n_ctx,
        int(facts.get("n_layer") or 0),
        int(facts.get("n_embd") or 0),
        int(facts.get("n_head") or 0),
        int(facts.get("n_head_kv") or facts.get("n_head") or 0),
        key_length=int(facts.get("key_length") or 0),
        value_length=int(facts.get("value_length") or 0),
        n_vocab=int(facts.get("n_vocab") or 0),
        parallel=parallel,
    )


def choose_parallel(requested: int, n_requests: int, cells_per_request: int, kv_bytes_per_cell: int,
                    available: int | None) -> int:
    """How many sequences to decode at once.

    ``requested`` > 0 (``--parallel N``, the setting) is honoured up to the number
    of requests. 0 means automatic: as many as there are requests, at most
    ``MAX_AUTO_PARALLEL``, and no more than the KV cache of that many sequences
    (``cells_per_request`` cells of ``kv_bytes_per_cell`` bytes each) fits in
    ``PARALLEL_RAM_SHARE`` of the ``available`` memory. Always at least 1.
    """
    n_requests = max(1, n_requests)
    if requested > 0:
        return max(1, min(requested, n_requests))
    wanted = min(MAX_AUTO_PARALLEL, n_requests)
    per_sequence = max(1, cells_per_request) * max(1, kv_bytes_per_cell)
    if available:
        wanted = min(wanted, int(available * PARALLEL_RAM_SHARE // per_sequence))
    return max(1, wanted)


@dataclass(frozen=True)
class RamFit:
    """The estimate against available memory: ``verdict`` is "ok", "tight", "too_large" or "unknown"."""

    n_ctx: int
    estimate_bytes: int
    available_bytes: int | None
    verdict: str
    message: str

    @property
    def fits(self) -> bool:
        """False only when the model will not fit (tight or unknown still load, with a warning)."""
        return self.verdict != TOO_LARGE


def verdict_for(estimate: int, available: int | None) -> str:
    if not available:
        return UNKNOWN
    if estimate <= available * COMFORT_SHARE:
        return OK
    return TIGHT if estimate <= available else TOO_LARGE


def fit(facts: dict[str, Any], n_ctx: int, *, available: int | None = None, lang: str | None = None,
        parallel: int = 1) -> RamFit:
    """How a model fits at ``n_ctx`` decoding ``parallel`` sequences at once, with a sentence for
    the user in ``lang`` ("ja" default). ``parallel`` 0 is the automatic choice for a long
    document (``choose_parallel`` with as many parts as it allows).

    ``available`` defaults to the memory available right now.
    """
    if available is None:
        available = available_ram_bytes()
    if parallel <= 0:  # automatic: what a long document would get, from the memory left comfortably free
        base = estimate_ram(facts, n_ctx)
        spare = max(1, int(available * COMFORT_SHARE) - base) if available else None
        per_cell = max(1, (estimate_ram(facts, 2 * n_ctx) - base) // max(1, n_ctx))
        parallel = choose_parallel(0, MAX_AUTO_PARALLEL, n_ctx, per_cell, spare)
    estimate = estimate_ram(facts, n_ctx, parallel)
    verdict = verdict_for(estimate, available)
    message = catalogue_message(f"library.ram_{verdict}", lang, estimate=format_bytes(estimate),
                                available=format_bytes(available))
    return RamFit(n_ctx, estimate, available, verdict, message)


def choose_context(facts: dict[str, Any], requested: int = 0, *, available: int | None = None) -> int:
    """The context size to load with: the one place that decides it (the worker loads with it,
    ``fumi models`` and the model page show it).

    ``requested`` > 0 is honoured up to the model's trained context. 0 means automatic:
    the trained context capped at ``AUTO_CONTEXT_CAP`` (never the full 32k–128k), halved while
    the estimate would not fit comfortably in available memory, down to ``AUTO_CONTEXT_FLOOR``.
    """
    trained = int(facts.get("context_length") or 0) or UNKNOWN_TRAINED_CONTEXT
    if requested > 0:
        return max(256, min(requested, trained))
    n_ctx = min(trained, AUTO_CONTEXT_CAP)
    if available is None:
        available = available_ram_bytes()
    if available:
        while n_ctx > AUTO_CONTEXT_FLOOR and estimate_ram(facts, n_ctx) > available * COMFORT_SHARE:
            n_ctx //= 2
    return max(min(n_ctx, trained), min(AUTO_CONTEXT_FLOOR, trained))
