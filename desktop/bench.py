"""Measure a model's speed through the real engine process, as the window would see it.

Used by ``fumi bench`` and by ``benchmarks/run.py``. Every number is taken on
the client side of the pipe (what the user waits for), except ``load_s``,
which the engine reports for llama.cpp's load alone.

The steps, on one loaded model:

1. warm-up: a short generation (llama.cpp's first decode is slower), which
   also tells how many tokens the chat template adds around a message;
2. prompt processing: a fresh prompt of ``prompt_tokens`` chat tokens with
   ``max_tokens=1``; time from sending the request to its ``done`` event;
3. time to first token and generation: another fresh prompt of the same
   length, ``gen_tokens`` tokens streamed back; generation speed counts the
   tokens after the first over the time between the first and last ``delta``;
4. regenerate: the same prompt again. The engine keeps the prompt in its KV
   cache, so the first token should come almost at once.

Prompts start with a different word each time so that the KV cache shares
nothing but the chat template's first tokens between steps 2 and 3.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.engine import protocol

#: Ordinary words for bench prompts (any tokenizer splits them into a few tokens each).
_WORDS = (
    "report", "city", "office", "meeting", "budget", "plan", "residents", "park", "road", "water",
    "school", "library", "safety", "review", "notice", "request", "project", "summary", "health",
    "council", "schedule", "traffic", "service", "energy", "garden", "station", "housing", "culture",
)


class BenchError(Exception):
    """A bench step ended with an ``error`` event (``code`` is the protocol code)."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code = code
        self.text = text


@dataclass
class Timed:
    """One request as the client saw it."""

    sent_at: float
    first_delta_at: float | None = None
    last_delta_at: float | None = None
    done_at: float | None = None
    deltas: int = 0
    stats: dict[str, Any] = field(default_factory=dict)


def prompt_text(words: int, salt: int) -> str:
    """``words`` ordinary words, starting with a word unique to ``salt``."""
    body = [_WORDS[(salt * 7 + i * 11 + i // len(_WORDS)) % len(_WORDS)] for i in range(words)]
    return f"Run {salt}: " + " ".join(body)


def timed_request(session: Any, request: protocol.Message) -> Timed:
    """Send ``request`` through ``session`` and time its events; error events raise BenchError."""
    timed = Timed(sent_at=time.perf_counter())
    for event in session.request(request):
        now = time.perf_counter()
        if isinstance(event, protocol.Delta):
            if timed.first_delta_at is None:
                timed.first_delta_at = now
            timed.last_delta_at = now
            timed.deltas += 1
        elif isinstance(event, protocol.Done):
            timed.done_at = now
            timed.stats = dict(event.stats)
        elif isinstance(event, protocol.Error):
            raise BenchError(event.code, event.message)
    return timed


def count_tokens(session: Any, text: str) -> int:
    """Tokens of plain ``text`` with the loaded model (a ``count_tokens`` request)."""
    return int(timed_request(session, protocol.CountTokens(text=text)).stats.get("tokens", 0))


def generate(session: Any, prompt: str, max_tokens: int, *, seed: int = 0) -> Timed:
    """A ``generate`` job: ``prompt`` as the user message, ``max_tokens`` at most."""
    job = protocol.Job(kind="generate", inputs={"prompt": prompt},
                       options={"max_tokens": max_tokens, "temperature": 0.7, "seed": seed})
    return timed_request(session, job)


#: One-token endings tried to bring a fitted prompt up to its exact length, at most ``MAX_FILLERS`` of them.
FILLERS = (" a", ".", "a")
MAX_FILLERS = 16


def fit_prompt(session: Any, text_tokens: int, salt: int, *, slack: int = 2) -> str:
    """A prompt text of exactly ``text_tokens`` plain tokens: whole words to within ``slack`` (or
    the most words that fit), then one-token endings (``FILLERS``) up to the count where they
    add one token each; fewer tokens only where they do not."""
    words = max(1, text_tokens // 2)
    for _ in range(12):
        count = count_tokens(session, prompt_text(words, salt))
        if text_tokens - slack <= count <= text_tokens:
            break
        per_word = max(count / words, 0.5)
        step = int((text_tokens - count) / per_word) or (1 if count < text_tokens else -1)
        words = max(1, words + step)
    text = prompt_text(words, salt)
    count = count_tokens(session, text)
    while words > 1 and count > text_tokens:
        words -= 1
        text = prompt_text(words, salt)
        count = count_tokens(session, text)
    for _ in range(MAX_FILLERS):
        if count >= text_tokens:
            break
        for filler in FILLERS:
            longer = count_tokens(session, text + filler)
            if longer == count + 1:
                text, count = text + filler, longer
                break
        else:
            break
    return text


def process_rss_mb(pid: int, field: str = "VmRSS") -> float | None:
    """Resident memory of process ``pid`` in MB (Linux /proc; None elsewhere); ``field``
    "VmHWM" gives the peak since the process started."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def run_bench(
    session: Any,
    facts: dict[str, Any],
    *,
    prompt_tokens: int = 512,
    gen_tokens: int = 128,
    on_step: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run the steps above on the loaded model; returns the result dictionary (see ``fumi bench``)."""
    say = on_step or (lambda text: None)

    say("warm-up")
    warm_text = prompt_text(8, salt=0)
    warm = generate(session, warm_text, 4, seed=1)
    template_tokens = max(0, int(warm.stats.get("prompt_tokens", 0)) - count_tokens(session, warm_text))
    text_tokens = max(1, prompt_tokens - template_tokens)

    say(f"prompt processing ({prompt_tokens} tokens)")
    pp_prompt = fit_prompt(session, text_tokens, salt=1)
    pp = generate(session, pp_prompt, 1, seed=2)
    pp_seconds = (pp.done_at or time.perf_counter()) - pp.sent_at
    pp_prompt_tokens = int(pp.stats.get("prompt_tokens", 0))
    pp_evaluated = int(pp.stats.get("prompt_eval_tokens") or pp_prompt_tokens)
    if pp_prompt_tokens > prompt_tokens:
        say(f"the shortest prompt with this chat template is {pp_prompt_tokens} tokens, not {prompt_tokens}")

    say(f"generation ({gen_tokens} tokens)")
    tg_prompt = fit_prompt(session, text_tokens, salt=2)
    cold = generate(session, tg_prompt, gen_tokens, seed=3)
    say("regenerate (same prompt)")
    warm_again = generate(session, tg_prompt, gen_tokens, seed=4)

    tg_rates = [rate for rate in (_generation_rate(cold), _generation_rate(warm_again)) if rate]
    engine_pid = getattr(session, "pid", None)
    return {
        "model": facts.get("name") or Path(str(facts.get("path", ""))).stem,
        "model_file": facts.get("file_name") or facts.get("file"),
        "model_size_bytes": facts.get("size_bytes"),
        "quantization": facts.get("quantization"),
        "threads": facts.get("n_threads"),
        "n_ctx": facts.get("n_ctx"),
        "load_s": facts.get("load_s"),
        "prompt_tokens": pp_prompt_tokens,
        "pp_tokens_per_s": round(pp_evaluated / pp_seconds, 2) if pp_seconds > 0 else 0.0,
        "pp_seconds": round(pp_seconds, 3),
        "generated_tokens": int(cold.stats.get("generated_tokens", 0)),
        "tg_tokens_per_s": round(sum(tg_rates) / len(tg_rates), 2) if tg_rates else 0.0,
        "tg_tokens_per_s_engine": cold.stats.get("tokens_per_s"),
        "ttft_s": _round(_ttft(cold)),
        "ttft_regenerate_s": _round(_ttft(warm_again)),
        "regenerate_prompt_eval_tokens": warm_again.stats.get("prompt_eval_tokens"),
        "engine_rss_mb": _round(process_rss_mb(engine_pid), 1) if engine_pid else None,
        "platform": sys.platform,
        "cpu_count": os.cpu_count(),
    }


#: The parallel step's shape, as llama-batched-bench's ``-npp 128 -ntg 64``.
PARALLEL_PROMPT_TOKENS = 128
PARALLEL_GEN_TOKENS = 64


def run_parallel_bench(session: Any, parallel: int, *, prompt_tokens: int = PARALLEL_PROMPT_TOKENS,
                       gen_tokens: int = PARALLEL_GEN_TOKENS) -> dict[str, Any]:
    """Aggregate generation speed of ``parallel`` independent sequences decoded at once.

    Each sequence has its own prompt of ``prompt_tokens`` chat tokens (different
    from the first word on, so nothing but the chat template's first tokens is
    shared) and generates exactly ``gen_tokens`` (end-of-generation is masked).
    ``parallel_tg_tokens_per_s`` is the generation phase as llama-batched-bench's
    S_TG counts it: with several sequences, the engine's ``batch_tg_tokens_per_s``
    (tokens of the decode steps that carried no prompt, over those steps' wall time,
    sampling and streaming included); with one, all generated tokens but the first
    over the time from the first to the last ``delta`` the client received.
    ``parallel_stream_tokens_per_s`` is that client-side figure for every N: with
    several sequences it also holds the prompt processing of the sequences admitted
    after the first token. ``parallel`` 1 is Fumi's single stream on the same work.
    """
    warm_text = prompt_text(8, salt=0)
    warm = generate(session, warm_text, 2, seed=1)
    template_tokens = max(0, int(warm.stats.get("prompt_tokens", 0)) - count_tokens(session, warm_text))
    text_tokens = max(1, prompt_tokens - template_tokens)
    prompts = [fit_prompt(session, text_tokens, salt=100 + i) for i in range(parallel)]
    job = protocol.Job(kind="generate", inputs={"prompts": prompts},
                       options={"max_tokens": gen_tokens, "temperature": 0.7, "seed": 5,
                                "ignore_eos": True, "parallel": parallel})
    timed = timed_request(session, job)
    generated = int(timed.stats.get("generated_tokens", 0))
    span = ((timed.last_delta_at or 0) - (timed.first_delta_at or 0))
    engine_pid = getattr(session, "pid", None)
    streamed = round((generated - 1) / span, 2) if span > 0 and generated > 1 else 0.0
    return {
        "parallel": parallel,
        "parallel_tg_tokens_per_s": float(timed.stats.get("batch_tg_tokens_per_s") or streamed),
        "parallel_stream_tokens_per_s": streamed,
        "parallel_generated_tokens": generated,
        "parallel_prompt_tokens": int(timed.stats.get("prompt_tokens", 0)),
        "parallel_seconds": round((timed.done_at or time.perf_counter()) - timed.sent_at, 3),
        "parallel_engine_peak_rss_mb": _round(process_rss_mb(engine_pid, "VmHWM"), 1) if engine_pid else None,
    }


def _ttft(timed: Timed) -> float | None:
    return None if timed.first_delta_at is None else timed.first_delta_at - timed.sent_at


def _generation_rate(timed: Timed) -> float | None:
    """Tokens after the first, over the time from the first to the last delta the client received."""
    generated = int(timed.stats.get("generated_tokens", 0))
    if timed.first_delta_at is None or timed.last_delta_at is None or generated < 2:
        return None
    span = timed.last_delta_at - timed.first_delta_at
    return (generated - 1) / span if span > 0 else None


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)
