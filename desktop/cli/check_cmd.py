"""``fumi check FILE``: 公用文 findings with character offsets; ``-o`` writes the corrected document.

With ``--json`` one JSON document goes to stdout::

    {"file", "profile", "findings": [{"rule", "start", "end", "text", "suggestion",
                                      "message", "severity", "source"}]}

``start``/``end`` are character offsets (end exclusive) into the text Fumi
reads: for .txt/.md the decoded file with "\\n" line ends, for .docx/.pdf the
blocks one per line (``desktop.checking.document_io``). ``--ai`` adds the
model's rewrites of sentences the rules cannot fix (rule ``ai-rewrite``);
``-o`` applies only the rules' suggestions, never the AI's.

Exit codes: 0 when the check ran, whatever it found; 2 usage; 4 unreadable
document; 3/5 model or engine problems with ``--ai``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.console import write_json
from desktop.checking import PROFILES, apply_findings, resolve_profile
from desktop.checking.configured import configured_checker, problem_text
from desktop.checking.document_io import checked_text, corrected_blocks, write_corrected
from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import CliError, read_input_document
from desktop.documents import DocumentError
from desktop.messages import current_language, describe, message

OUTPUT_SUFFIXES = (".docx", ".txt", ".md")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="document to check (.docx .txt .md .pdf)")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument("--profile", metavar="NAME", default="auto",
                        help=f"kind of document: auto (default, chosen from the text), {', '.join(PROFILES)}")
    parser.add_argument("--rules", metavar="FILE", action="append", default=[],
                        help="an extra rule file (TOML), e.g. the office's word list; may be repeated")
    parser.add_argument("--ai", action="store_true",
                        help="also ask the model to rewrite sentences the rules cannot fix")
    parser.add_argument("--max-tokens", type=int, metavar="N", help="with --ai: longest rewrite per sentence, in tokens")
    parser.add_argument("-o", "--output", metavar="OUT", help="write the corrected document (.docx .txt .md)")
    add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    lang = current_language()
    if args.output and args.output != "-" and Path(args.output).suffix.lower() not in OUTPUT_SUFFIXES:
        raise CliError(exitcodes.USAGE, message("check.output_suffix", path=args.output))
    document = read_input_document(args.file)
    try:
        text = checked_text(args.file, document)
    except DocumentError as exc:
        raise CliError(exitcodes.DOCUMENT_PROBLEM, describe(exc)) from None
    try:
        profile = resolve_profile(args.profile, text)
    except KeyError:
        raise CliError(exitcodes.USAGE, message("check.unknown_profile", name=args.profile,
                                                choices=", ".join(["auto", *PROFILES]))) from None
    checker = configured_checker(args.rules)
    result = checker.check(text, profile, lang)
    _report_problems(result.problems)
    findings = list(result.findings)
    if args.ai:
        findings += _ai_findings(args, text, findings, lang)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    if args.output and args.output != "-":
        _write_output(document, text, result.findings, Path(args.output))
    if args.json:
        write_json({"file": str(args.file), "profile": profile, "findings": [f.as_json() for f in findings]})
    elif args.output == "-":
        sys.stdout.write(apply_findings(text, result.findings))
    else:
        _print_findings(text, findings, profile, lang)
    sys.stdout.flush()
    return exitcodes.OK


def _report_problems(problems: list) -> None:
    for problem in problems:
        print(f"fumi: {problem_text(problem)}", file=sys.stderr)


def _print_findings(text: str, findings: list, profile: str, lang: str) -> None:
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    from bisect import bisect_right

    for f in findings:
        line = bisect_right(line_starts, f.start)
        column = f.start - line_starts[line - 1] + 1
        fix = f" → {f.suggestion}" if f.suggestion is not None else ""
        print(f"{line}:{column}\t{f.severity}\t{f.rule}\t「{f.text}」{fix}\t{f.message}\t{f.source}")
    print(message("check.summary", count=len(findings), profile=PROFILES[profile].name(lang)), file=sys.stderr)


def _write_output(document, text: str, findings: list, out: Path) -> None:
    fixed = apply_findings(text, findings)
    blocks = corrected_blocks(document, findings) if document.format == "docx" else None
    try:
        write_corrected(document, fixed, out, blocks)
    except DocumentError as exc:
        raise CliError(exitcodes.DOCUMENT_PROBLEM, describe(exc)) from None
    print(message("check.saved", path=str(out)), file=sys.stderr)


def _ai_findings(args: argparse.Namespace, text: str, findings: list, lang: str) -> list:
    from desktop.checking.ai_pass import rewrite_candidates, rewrite_findings
    from desktop.cli.common import open_engine, run_job

    candidates = rewrite_candidates(text, findings)
    if not candidates:
        return []
    session, _facts = open_engine(args)
    with session:
        options = {"max_tokens": args.max_tokens} if args.max_tokens else {}
        result = run_job(session, "check_rewrite", {"sentences": candidates}, options)
    return rewrite_findings(text, result.sections, lang)


