"""The command line (DESIGN.md). Names, options, exit codes and JSON keys are a contract.

Each subcommand lives in its own module ``desktop/cli/<name>.py`` with
``add_arguments(parser)`` and ``run(args) -> int``; ``COMMANDS`` lists them.
With no subcommand the window opens.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from desktop import __version__
from desktop.cli import exitcodes

#: subcommand -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "models": ("desktop.cli.models_cmd", "discovered models and their facts"),
    "templates": ("desktop.cli.templates_cmd", "built-in and user templates"),
    "draft": ("desktop.cli.draft_cmd", "draft a document from a template"),
    "summarize": ("desktop.cli.summarize_cmd", "summarize a document"),
    "translate": ("desktop.cli.translate_cmd", "translate a document"),
    "check": ("desktop.cli.check_cmd", "check a document against the rules of official Japanese (公用文)"),
    "generate": ("desktop.cli.generate_cmd", "free prompt, streamed to stdout"),
    "read": ("desktop.cli.read_cmd", "what Fumi reads from a document, block by block"),
    "bench": ("desktop.cli.bench_cmd", "speed through the engine process"),
    "self-test": ("desktop.cli.selftest_cmd", "start the engine, load, generate, exit 0"),
    "index": ("desktop.cli.index_cmd", "add folders to the manuals library and update its index"),
    "search": ("desktop.cli.search_cmd", "ranked passages from the manuals library (no model)"),
    "ask": ("desktop.cli.ask_cmd", "an answer from the manuals library, with its sources"),
    "compare": ("desktop.cli.compare_cmd", "the same job on 2-4 models, side by side"),
}


class _Parser(argparse.ArgumentParser):
    """argparse that exits with the usage code 2 and one line, in the contract's way."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"fumi: error: {message}", file=sys.stderr)
        raise SystemExit(exitcodes.USAGE)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """``--model NAME|PATH --ctx N --threads N --parallel N``, shared by every command that uses a model."""
    parser.add_argument("--model", metavar="NAME|PATH", help="model name or .gguf path")
    parser.add_argument("--ctx", type=int, metavar="N", help="context size in tokens")
    parser.add_argument("--threads", type=int, metavar="N", help="CPU threads")
    parser.add_argument("--parallel", type=int, metavar="N",
                        help="parts of a long summary or translation decoded at once (default: the setting, "
                             "automatic; 1 = one after another); bench measures N at once; other commands ignore it")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="fumi", description="Fumi (文): offline drafting, summarizing and translating.")
    parser.add_argument("--version", action="version", version=f"fumi {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        module = importlib.import_module(module_name)
        module.add_arguments(sub)
        sub.set_defaults(_module=module)
    return parser


def main(argv: list[str]) -> int:
    """Run the command line; returns the exit code."""
    from desktop import offline
    from desktop.cli import console

    offline.install()
    console.install()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.app import run_app

        return run_app()
    from desktop.cli.common import run_guarded
    from desktop.messages import use_language
    from desktop.settings import Settings

    use_language(Settings.load().get("language"))
    try:
        return run_guarded(args._module.run, args)
    finally:
        console.report()
