"""``fumi bench [--model M] [--threads N] [--ctx N] [--parallel N] [--json]``: the model's speed on this PC.

Runs through the real engine process, as the window does (see ``desktop.bench``):
load time, prompt processing of a 512-token prompt, generation of 128 tokens as
received, time to first token, and time to first token of a regenerate (KV
cache reuse). IT uses it to compare candidate models on their own PCs.
``--parallel N`` adds ``parallel`` and ``parallel_tg_tokens_per_s``: aggregate
generated tokens/s of N independent sequences decoded at once, each with a
128-token prompt and 64 generated tokens, as llama-batched-bench measures them
(plus ``parallel_engine_peak_rss_mb``, the engine's peak memory).
``--json`` prints one JSON object on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import CliError, open_engine
from desktop.cli.console import write_json
from desktop.messages import message

#: The keys of the text report, in order; each line's label is the catalogue's ``cli.bench.<key>``.
REPORT_LINES = (
    "model", "quantization", "threads", "n_ctx", "load_s", "pp_tokens_per_s", "tg_tokens_per_s", "ttft_s",
    "ttft_regenerate_s", "engine_rss_mb", "parallel", "parallel_tg_tokens_per_s",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_options(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--prompt-tokens", type=int, default=512, metavar="N",
                        help="length of the prompt-processing test (default 512)")
    parser.add_argument("--gen-tokens", type=int, default=128, metavar="N",
                        help="tokens to generate (default 128)")


def run(args: argparse.Namespace) -> int:
    from desktop.bench import BenchError, run_bench, run_parallel_bench
    from desktop.cli.common import EXIT_CODES

    if args.prompt_tokens < 8 or args.gen_tokens < 2:
        raise CliError(exitcodes.USAGE, message("cli.bench.sizes_too_small"))
    if args.parallel is not None and args.parallel < 1:
        raise CliError(exitcodes.USAGE, message("cli.parallel_too_low"))
    session, facts = open_engine(args)
    with session:
        needed = args.prompt_tokens + args.gen_tokens + 8
        if facts.get("n_ctx") and facts["n_ctx"] < needed:
            raise CliError(exitcodes.USAGE, message("cli.bench.ctx_too_small", needed=needed))
        try:
            result = run_bench(
                session, facts, prompt_tokens=args.prompt_tokens, gen_tokens=args.gen_tokens,
                on_step=lambda step: print(f"bench: {step}", file=sys.stderr, flush=True),
            )
            if args.parallel:
                noun = "sequence" if args.parallel == 1 else "sequences"
                print(f"bench: {args.parallel} {noun} at once", file=sys.stderr, flush=True)
                result.update(run_parallel_bench(session, args.parallel))
        except BenchError as exc:
            raise CliError(EXIT_CODES.get(exc.code, exitcodes.ENGINE_FAILURE), exc.text) from None
    if args.json:
        write_json(result)
    else:
        for key in REPORT_LINES:
            print(f"{message('cli.bench.' + key)}: {result.get(key)}")
    return exitcodes.OK
