"""``fumi search QUERY``: ranked passages from the manuals library, with no model.

``--json``: {"results": [{"file", "location", "text", "score"}], "found"}.
Passages are at most about 1,500 characters. Exit 2 for an empty or too long
query (over ``MAX_QUESTION_CHARS`` characters).
"""

from __future__ import annotations

import argparse

from desktop.cli import exitcodes
from desktop.cli.common import SEPARATOR, CliError
from desktop.cli.console import write_json
from desktop.messages import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="what to look for")
    parser.add_argument("--top", type=int, default=5, metavar="N", help="how many passages (default 5)")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")


def check_question(text: str, top: int) -> str:
    """The question stripped, or ``CliError`` (exit 2) for an empty or too long one, or a bad ``--top``."""
    from desktop.knowledge.search import MAX_QUESTION_CHARS

    text = text.strip()
    if not text:
        raise CliError(exitcodes.USAGE, message("knowledge.question_empty"))
    if len(text) > MAX_QUESTION_CHARS:
        raise CliError(exitcodes.USAGE, message("knowledge.question_too_long", length=len(text),
                                                limit=MAX_QUESTION_CHARS))
    if top < 1 or top > 100:
        raise CliError(exitcodes.USAGE, message("cli.top_range"))
    return text


def search_library(query: str, top: int):
    """The library's ranked passages, fused with dense ones when an embedding model is present;
    ``CliError`` (exit 4) when the library is empty."""
    from desktop.cli.embedding import library_embedder
    from desktop.knowledge.embedding import query_text
    from desktop.knowledge.retrieve import LibraryEmpty, retrieve

    embedder = library_embedder()

    def embed(question: str) -> tuple[str, list[float]]:
        return embedder.model, embedder([query_text(question, embedder.model)])[0]

    try:
        return retrieve(query, top, embed=embed if embedder is not None else None)
    except LibraryEmpty:
        raise CliError(exitcodes.DOCUMENT_PROBLEM, message("knowledge.empty_library")) from None
    finally:
        if embedder is not None:
            embedder.close()


def run(args: argparse.Namespace) -> int:
    query = check_question(args.query, args.top)
    result = search_library(query, args.top)
    if args.json:
        write_json({"results": [hit.as_dict() for hit in result.hits], "found": result.found})
        return exitcodes.OK
    for rank, hit in enumerate(result.hits, start=1):
        print(f"[{rank}] {hit.file} {SEPARATOR} {hit.location}  ({hit.score:.3f})")
        print(hit.text)
        print()
    if not result.found:
        print(message("knowledge.not_found"))
    return exitcodes.OK
