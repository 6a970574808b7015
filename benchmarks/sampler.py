"""What DRY costs: generation speed with llama.cpp's DRY sampler off and on, in the engine's own model class.

``python benchmarks/sampler.py MODEL.gguf [--rounds N] [--tokens N] [--threads N] [--multiplier X]``

Alternating rounds, on one loaded model: a 512-token prompt, then ``--tokens``
tokens generated with end-of-generation banned (so every round generates the
same number, as ``llama-bench`` tg does); tokens/s counts tokens after the
first over the time from the first to the last, both in wall time and in
this process's CPU time (with one thread, CPU time barely moves when other
work shares the machine; wall time does). Prints the medians and the
ratio (on / off) as one JSON line. Text from random-weight models is noise
with few repeats; a real model that loops (Gemma 3 270M, a base model) gives
DRY the most matching to do.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.engine.llm import Model  # noqa: E402

_WORDS = ("report", "city", "office", "meeting", "budget", "plan", "residents", "park", "road", "water")


def _prompt(model: Model, round_number: int, target: int = 512) -> list[dict]:
    words = [_WORDS[(round_number + i) % len(_WORDS)] for i in range(target)]
    text = " ".join(words)
    while model.count_chat_tokens([{"role": "user", "content": text}]) > target:
        words = words[: int(len(words) * 0.9)]
        text = " ".join(words)
    return [{"role": "user", "content": f"{round_number} {text}"}]


def generation_speed(model: Model, messages: list[dict], tokens: int) -> tuple[float, float]:
    """(tokens/s of wall time, tokens per CPU second of this process) after the first token."""
    first_wall = first_cpu = last_wall = last_cpu = None
    for _piece in model.stream_chat(messages, max_tokens=tokens, temperature=0.7, seed=1, ignore_eos=True):
        last_wall, last_cpu = time.perf_counter(), time.process_time()
        if first_wall is None:
            first_wall, first_cpu = last_wall, last_cpu
    generated = model.last_stats["generated_tokens"] - 1
    wall, cpu = (last_wall or 0) - (first_wall or 0), (last_cpu or 0) - (first_cpu or 0)
    return (generated / wall if wall > 0 else 0.0), (generated / cpu if cpu > 0 else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--multiplier", type=float, default=0.8, help="DRY multiplier when on (llama.cpp suggests 0.8)")
    args = parser.parse_args()
    model = Model.load(args.model, n_ctx=2048, n_threads=args.threads)
    results: dict[str, list[float]] = {"off": [], "on": [], "off_cpu": [], "on_cpu": []}
    try:
        generation_speed(model, _prompt(model, 99), 8)  # warm-up
        for round_number in range(args.rounds):
            for name, multiplier in (("off", 0.0), ("on", args.multiplier)):
                model.dry_multiplier = multiplier
                model.begin_request()
                wall, cpu = generation_speed(model, _prompt(model, round_number * 2 + (name == "on")), args.tokens)
                results[name].append(round(wall, 2))
                results[name + "_cpu"].append(round(cpu, 2))
                print(f"[sampler] round {round_number + 1} DRY {name}: {wall:.2f} t/s, {cpu:.2f} t/CPU-s",
                      file=sys.stderr, flush=True)
    finally:
        model.close()
    summary = {key: statistics.median(values) for key, values in results.items()}
    print(json.dumps({"model": args.model.name, "threads": args.threads, "tokens": args.tokens,
                      "dry_multiplier": args.multiplier, "tg_off": summary["off"], "tg_on": summary["on"],
                      "ratio": round(summary["on"] / summary["off"], 3) if summary["off"] else None,
                      "tg_cpu_off": summary["off_cpu"], "tg_cpu_on": summary["on_cpu"],
                      "cpu_ratio": round(summary["on_cpu"] / summary["off_cpu"], 3) if summary["off_cpu"] else None,
                      "samples": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
