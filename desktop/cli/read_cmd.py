"""``fumi read FILE [--json]``: what Fumi reads from a document, block by block.

Reads through the same isolated reader as the window and the other commands
(``desktop.reading.read_isolated``). Text output: one block per paragraph,
each preceded by its location in brackets; warnings on stderr. ``--json``
prints one document: ``{"format", "encoding", "blocks": [{"kind", "text",
"location"}], "warnings": [...]}`` (warnings as sentences in the user's
language). Exit 0, or 4 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli import exitcodes
from desktop.cli.common import read_input_document
from desktop.cli.console import write_json
from desktop.messages import warning_texts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=".docx, .txt, .md or .pdf")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")


def run(args: argparse.Namespace) -> int:
    document = read_input_document(args.file, show_warnings=False)
    warnings = warning_texts(document.warnings)
    if args.json:
        payload = {
            "format": document.format,
            "encoding": document.encoding,
            "blocks": [{"kind": b.kind, "text": b.text, "location": b.location} for b in document.blocks],
            "warnings": warnings,
        }
        write_json(payload)
    else:
        for warning in warnings:
            print(f"fumi: {warning}", file=sys.stderr)
        for block in document.blocks:
            sys.stdout.write(f"[{block.location or block.kind}] {block.text}\n")
    sys.stdout.flush()
    return exitcodes.OK
