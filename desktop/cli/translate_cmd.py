"""``fumi translate FILE --to LANG``: translate a document with the local model.

The same job as the window's translate pane. Without ``-o`` (or with ``-o -``)
the translation is printed as plain text, one segment per line. With ``-o``
the output format follows the extension: a .docx made from a .docx keeps the
source's structure (styles, headings, lists, tables, headers, footers); a
.txt or .md made from the same format keeps its lines; ``--bilingual`` writes a
two-column source | translation table (.docx; from a .docx source each cell
keeps its paragraph's links and fields). Every file written carries the
"prepared with AI assistance" line unless the setting turns it off. Progress
goes to stderr, with one "check:" line per segment that needs a look (marks
damaged and translated piece by piece, an empty reply that kept the source,
the length limit, a glossary term not used). Stdout shows plain text: inline
marks are removed, fields show their result.

Exit codes: 2 for an unknown language or the same source and target, 4 for an
unreadable document or glossary, 3/5 for model/engine problems, 130 on Ctrl+C.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import (
    CliError, add_temperature_argument, open_engine, parallel_option, read_input_document, report_cut_segments, run_job,
    temperature_option,
)
from desktop.glossary import GlossaryError, Term, load_glossary
from desktop.documents.segments import segment_document, translations_by_block
from desktop.documents.marks import readable
from desktop.languages import LanguageError, resolve_pair
from desktop.jobs.defaults import TRANSLATE_TEMPERATURE
from desktop.messages import message

REGISTERS = {"desu-masu": "desu_masu", "de-aru": "de_aru"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="document to translate (.docx .txt .md .pdf)")
    parser.add_argument("--to", dest="target", required=True, metavar="LANG",
                        help="target language: ja en zh-Hans zh-Hant ko")
    parser.add_argument("--from", dest="source", default="auto", metavar="auto|LANG",
                        help="source language (default: detected)")
    parser.add_argument("--glossary", metavar="FILE", help="glossary TSV/CSV: source, target[, note]")
    parser.add_argument("--register", choices=sorted(REGISTERS), default="desu-masu",
                        help="Japanese output style: desu-masu (polite) or de-aru (plain)")
    parser.add_argument("--bilingual", action="store_true",
                        help="write source and translation side by side (a two-column .docx table)")
    parser.add_argument("--max-tokens", type=int, metavar="N", help="longest reply per segment, in tokens")
    parser.add_argument("--seed", type=int, metavar="N", help="random seed, for repeatable translations")
    add_temperature_argument(parser, TRANSLATE_TEMPERATURE)
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (.docx .txt .md); '-' or none: stdout")
    add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    source_path = Path(args.file)
    document = read_input_document(source_path)
    try:
        source, target = resolve_pair(args.source, args.target, document.text())
    except LanguageError as exc:
        raise CliError(exitcodes.USAGE, exc.message) from None
    if not segment_document(document):
        raise CliError(exitcodes.DOCUMENT_PROBLEM, message("cli.nothing_to_translate", name=source_path.name))
    terms = _glossary(args.glossary)
    _check_output(args.output, args.bilingual)

    options = {"source": source, "target": target, "register": REGISTERS[args.register],
               "parallel": parallel_option(args)}
    if args.max_tokens:
        options["max_tokens"] = args.max_tokens
    if args.seed is not None:
        options["seed"] = args.seed
    temperature_option(args, options)
    inputs = {"document": document.to_dict(), "glossary": [t.as_pair() for t in terms]}
    session, _facts = open_engine(args)
    with session:
        result = run_job(session, "translate", inputs, options)

    translations = {int(s["index"]): s["text"] for s in result.sections if not s["meta"].get("error")}
    _report_flags(result.sections)
    report_cut_segments(result.sections)
    _write(args, document, translations, source, target)
    return exitcodes.OK


def _glossary(path: str | None) -> list[Term]:
    if not path:
        return []
    try:
        return load_glossary(path)
    except GlossaryError as exc:
        raise CliError(exitcodes.DOCUMENT_PROBLEM, exc.message) from None


def _check_output(out: str | None, bilingual: bool) -> None:
    """Refuse an output name we cannot write before any time is spent translating."""
    if not out or out == "-":
        return
    suffix = Path(out).suffix.lower()
    allowed = (".docx",) if bilingual else (".docx", ".txt", ".md")
    if suffix not in allowed:
        raise CliError(exitcodes.USAGE, message("cli.output_suffix", suffixes=" ".join(allowed), path=out))


def _report_flags(sections: list[dict]) -> None:
    """One stderr line per reason a segment needs a look: damaged marks, an empty reply, the
    length limit, a glossary term not used."""
    for section in sections:
        meta = section.get("meta", {})
        where = meta.get("location") or str(section["index"] + 1)
        error = meta.get("error")
        if error:
            print(f"fumi: {where}: {error.get('message')}", file=sys.stderr)
        for flag in meta.get("flags") or (["truncated"] if meta.get("truncated") else []):
            print(message(f"translate.flag_{flag}", where=where), file=sys.stderr)
        missing = meta.get("missing_terms") or []
        if missing:
            terms = message("list_separator").join(f"{m['source']} → {m['target']}" for m in missing)
            print(message("translate.flag_terms", where=where, terms=terms), file=sys.stderr)


def _write(args: argparse.Namespace, document, translations: dict[int, str], source: str, target: str) -> None:
    ordered = [(s.text, readable(translations.get(s.index, ""), s.marked is not None, document.blocks[s.index].atoms))
               for s in segment_document(document)]
    out = args.output
    if not out or out == "-":
        if args.bilingual:
            sys.stdout.write("".join(f"{src}\n{dst}\n\n" for src, dst in ordered))
        else:
            sys.stdout.write("\n".join(dst for _src, dst in ordered) + "\n")
        sys.stdout.flush()
        return
    from desktop.cli.saving import save_or_rescue
    from desktop.documents import writers
    from desktop.settings import Settings

    out_path = Path(out)
    ai_notice = bool(Settings.load().get("ai_notice"))

    def write() -> None:
        if args.bilingual:
            writers.write_bilingual_docx(ordered, out_path, source_lang=source, target_lang=target,
                                         title=document.title, ai_notice=ai_notice,
                                         source_docx=document.path if document.format == "docx" else None,
                                         translations=translations_by_block(document, translations))
        else:
            writers.write_translation(document, translations_by_block(document, translations), out_path,
                                      target_lang=target, ai_notice=ai_notice)

    save_or_rescue(write, "\n\n".join(dst for _src, dst in ordered), out_path)
    print(message("cli.saved", path=out_path), file=sys.stderr)
