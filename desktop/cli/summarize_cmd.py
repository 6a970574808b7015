"""``fumi summarize FILE``: summarize a document of any length with the local model.

The same job as the window's summarize pane: one pass when the document fits
the context, otherwise part by part and then combined (progress "part i/N",
"combine j/M" on stderr). The summary goes to stdout as it is written, or to
``-o OUT`` (.docx .txt .md). Exit codes: 4 for a document that cannot be read
(one line saying why), 3/5 for model/engine problems, 130 on Ctrl+C.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import (
    CliError, add_temperature_argument, open_engine, parallel_option, read_input_document, report_finish, run_job,
    temperature_option, write_result,
)
from desktop.jobs.defaults import SUMMARIZE_TEMPERATURE
from desktop.messages import message

OUTPUT_SUFFIXES = (".docx", ".txt", ".md")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="document to summarize (.docx .txt .md .pdf)")
    parser.add_argument("--length", choices=("short", "medium", "long"), default="medium",
                        help="how long the summary is (default: medium)")
    parser.add_argument("--style", choices=("bullets", "prose", "three-lines"), default="bullets",
                        help="bullet points, paragraphs, or three lines (default: bullets)")
    parser.add_argument("--focus", metavar="TEXT", default="",
                        help="what to concentrate on, e.g. 住民が行うべきこと")
    parser.add_argument("--lang", choices=("auto", "ja", "en"), default="auto",
                        help="language of the summary (default: that of the document)")
    parser.add_argument("--max-tokens", type=int, metavar="N", help="longest summary, in tokens")
    parser.add_argument("--seed", type=int, metavar="N", help="random seed, for repeatable summaries")
    add_temperature_argument(parser, SUMMARIZE_TEMPERATURE)
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (.docx .txt .md); '-' or none: stdout")
    add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    document = _read(Path(args.file))
    _check_output(args.output)
    options = {
        "length": args.length,
        "style": args.style.replace("-", "_"),
        "focus": args.focus,
        "output_language": args.lang,
        "parallel": parallel_option(args),
    }
    if args.max_tokens:
        if args.max_tokens < 1:
            raise CliError(exitcodes.USAGE, message("summarize.bad_max_tokens"))
        options["max_tokens"] = args.max_tokens
    if args.seed is not None:
        options["seed"] = args.seed
    temperature_option(args, options)
    to_stdout = not args.output or args.output == "-"

    session, _facts = open_engine(args)
    with session:
        result = run_job(session, "summarize", {"document": document.to_dict()}, options,
                         on_delta=_echo if to_stdout else None)

    stats = result.stats
    report_finish(stats, "summary")
    if to_stdout:
        sys.stdout.write("\n")
        sys.stdout.flush()
    else:
        write_result(result.text, args.output, title=_title(document, args.file), ai_notice=_ai_notice())
        print(message("summarize.saved", path=args.output), file=sys.stderr)
    for section in result.sections:
        error = section["meta"].get("error")
        if error:
            print(f"fumi: {section['meta'].get('source', section['index'] + 1)}: {error.get('message')}", file=sys.stderr)
    if stats.get("one_pass"):
        print(message("summarize.done_one_pass"), file=sys.stderr)
    else:
        print(message("summarize.done_in_parts", parts=stats.get("parts", 0), rounds=stats.get("rounds", 0)),
              file=sys.stderr)
    return exitcodes.OK


def _read(path: Path):
    """The document (its warnings on stderr), or ``CliError`` (exit 4) with the reader's one-line reason."""
    return read_input_document(path)


def _check_output(out: str | None) -> None:
    """Refuse an output name we cannot write before any time is spent summarizing."""
    if out and out != "-" and Path(out).suffix.lower() not in OUTPUT_SUFFIXES:
        raise CliError(exitcodes.USAGE, message("summarize.bad_output", suffixes=" ".join(OUTPUT_SUFFIXES), path=out))


def _echo(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _title(document, file_name: str) -> str:
    name = document.title or Path(file_name).stem
    return message("cli.summary_title", name=name)


def _ai_notice() -> bool:
    from desktop.settings import Settings

    return bool(Settings.load().get("ai_notice"))
