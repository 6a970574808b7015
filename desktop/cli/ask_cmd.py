"""``fumi ask QUESTION``: an answer from the manuals library, with its sources.

Retrieval runs here (no model); when its scores say the library does not
answer the question, the answer says so and no model is loaded. Otherwise the
engine's ``ask`` job answers from the top passages only. ``--json``:
{"answer", "found", "sources": [{"file", "location", "text"}]} where sources
are the passages the answer cites (all passages given when it cites none).
``-o OUT`` writes the answer and its sources (.docx .txt .md). Exit 2 for an
empty or too long question, 4 for an empty library, 3/5 for model/engine problems.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import SEPARATOR, open_engine, run_job, write_result
from desktop.cli.console import write_json
from desktop.cli.search_cmd import check_question, search_library
from desktop.messages import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", metavar="QUESTION", help="the question")
    parser.add_argument("--top", type=int, default=5, metavar="N", help="passages given to the model (default 5)")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument("--max-tokens", type=int, metavar="N", help="longest answer, in tokens")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (.docx .txt .md); '-' or none: stdout")
    add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    question = check_question(args.question, args.top)
    result = search_library(question, args.top)
    passages = [{"file": h.file, "location": h.location, "text": h.text} for h in result.hits]
    if result.found and passages:
        options = {"max_tokens": args.max_tokens} if args.max_tokens else {}
        session, _facts = open_engine(args)
        with session:
            job = run_job(session, "ask", {"question": question, "passages": passages, "found": True}, options)
        checked = job.sections[-1] if job.sections else {"text": job.text, "meta": {"sources": []}}
        answer = checked["text"]
        cited = [passages[i] for i in checked["meta"].get("sources", []) if 0 <= i < len(passages)]
        sources = cited or passages
        found = True
    else:
        answer, sources, found = message("knowledge.not_found"), [], False
    if args.json and (not args.output or args.output == "-"):
        write_json({"answer": answer, "found": found, "sources": sources})
        return exitcodes.OK
    text = answer
    if sources:
        text += f"\n\n{message('knowledge.sources_heading')}\n" + "\n".join(
            f"- {s['file']} {SEPARATOR} {s['location']}" for s in sources)
    write_result(text, args.output, title=question[:40])
    if args.output and args.output != "-":
        print(message("cli.saved", path=args.output), file=sys.stderr)
    return exitcodes.OK
