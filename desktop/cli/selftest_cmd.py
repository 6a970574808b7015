"""``fumi self-test [--model M]``: start the engine, load a model, generate a few tokens, report.

Loads the given model, or the first one the library finds. Prints the model's
facts and the speed on stdout; exit 0 when all of it worked, 3 when there is
no usable model, 5 when the engine failed.
"""

from __future__ import annotations

import argparse
import time

from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import open_engine, run_job
from desktop.messages import message

PROMPT = "こんにちは。自己紹介をしてください。"
MAX_TOKENS = 16
FACT_KEYS = ("name", "file_name", "architecture", "parameters", "quantization", "n_ctx",
             "context_length", "chat_template", "size_bytes", "load_s")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    session, facts = open_engine(args)
    with session:
        result = run_job(session, "generate", {"prompt": PROMPT},
                         {"max_tokens": MAX_TOKENS, "temperature": 0.0, "seed": 0})
    for key in FACT_KEYS:
        print(f"{key}: {facts.get(key)}")
    if facts.get("chat_template_warning"):
        print(f"warning: {facts['chat_template_warning']}")
    stats = result.stats
    print(f"generated_tokens: {stats.get('generated_tokens', 0)}")
    print(f"tokens_per_s: {stats.get('tokens_per_s', 0)}")
    print(f"ttft_s: {stats.get('ttft_s')}")
    print(f"total_s: {time.perf_counter() - started:.2f}")
    print(message("selftest_ok"))
    return exitcodes.OK
