"""``fumi generate --prompt TEXT [--max-tokens N]``: a free prompt, the reply streamed to stdout."""

from __future__ import annotations

import argparse
import sys

from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import (
    CliError, add_temperature_argument, open_engine, report_finish, run_job, temperature_option,
)
from desktop.jobs.defaults import GENERATE_TEMPERATURE
from desktop.messages import message

DEFAULT_MAX_TOKENS = 512


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_options(parser)
    parser.add_argument("--prompt", required=True, help="the prompt (text)")
    parser.add_argument("--max-tokens", type=int, default=DEFAULT_MAX_TOKENS, metavar="N",
                        help=f"longest reply in tokens (default {DEFAULT_MAX_TOKENS})")
    parser.add_argument("--seed", type=int, metavar="N", help="random seed, for a repeatable reply")
    add_temperature_argument(parser, GENERATE_TEMPERATURE)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    if args.max_tokens < 1:
        raise CliError(exitcodes.USAGE, message("cli.max_tokens_too_low"))
    if not args.prompt.strip():
        raise CliError(exitcodes.USAGE, message("cli.prompt_empty"))
    session, _facts = open_engine(args)
    with session:
        options = {"max_tokens": args.max_tokens}
        if args.seed is not None:
            options["seed"] = args.seed
        temperature_option(args, options)
        result = run_job(session, "generate", {"prompt": args.prompt}, options, on_delta=_write)
    if not result.text.endswith("\n"):
        _write("\n")
    stats = result.stats
    print(f"{stats.get('generated_tokens', 0)} tokens, {stats.get('tokens_per_s', 0)} tokens/s",
          file=sys.stderr)
    report_finish(stats, "generate")
    return exitcodes.OK
