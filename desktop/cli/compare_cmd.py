"""``fumi compare --model A --model B ... (JOB) [--json] [-o OUT]``: one job on 2–4 models, side by side.

JOB is one of ``--template ID --field NAME=VALUE|@FILE ...``, ``--prompt TEXT``,
``--summarize FILE`` or ``--translate TEXT --to LANG``. Every model runs in
turn in a fresh engine process (load, run, unload) with the same seed,
temperature and maximum length, which the output states. A model that cannot
be found, loaded or run is reported in its own result; the others still run.
Progress goes to stderr. ``--json`` prints
``{"settings": {...}, "results": [{"model", "text", "seconds", "ttft_s",
"tokens_per_s", "finish_reason", "peak_rss_mb", "error", ...}]}``.
``-o`` writes .docx (a table) or .md. Exit 0 when at least one model ran,
3 when none could, 2 for usage, 4 for an unreadable document.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import exitcodes
from desktop.cli.common import CliError, read_input_document
from desktop.cli.console import write_json
from desktop.compare.settings import (
    DEFAULT_MAX_TOKENS, DEFAULT_SEED, DEFAULT_TEMPERATURE, MAX_MODELS, MIN_MODELS, CompareSettings, ModelResult,
)
from desktop.messages import current_language, message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", action="append", default=[], metavar="NAME|PATH",
                        help=f"a model to compare; give {MIN_MODELS} to {MAX_MODELS}")
    parser.add_argument("--template", metavar="ID", help="compare drafts from this template")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=VALUE|@FILE",
                        help="a template field's value (with --template)")
    parser.add_argument("--prompt", metavar="TEXT", help="compare replies to a free prompt")
    parser.add_argument("--summarize", metavar="FILE", help="compare summaries of a document")
    parser.add_argument("--translate", metavar="TEXT", help="compare translations of a short text")
    parser.add_argument("--to", dest="target", metavar="LANG", help="target language for --translate (default en)")
    parser.add_argument("--max-tokens", type=int, default=DEFAULT_MAX_TOKENS, metavar="N",
                        help=f"longest reply of every model, in tokens (default {DEFAULT_MAX_TOKENS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="N", help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--temperature", type=float, default=DEFAULT_TEMPERATURE, metavar="T",
                        help=f"sampling temperature for every model (default {DEFAULT_TEMPERATURE})")
    parser.add_argument("--ctx", type=int, metavar="N", help="context size in tokens")
    parser.add_argument("--threads", type=int, metavar="N", help="CPU threads")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument("-o", "--output", metavar="OUT", help="write the comparison (.docx or .md)")


def run(args: argparse.Namespace) -> int:
    from desktop.compare.export import EXPORT_SUFFIXES
    from desktop.compare.runner import run_comparison

    if not MIN_MODELS <= len(args.model) <= MAX_MODELS:
        raise CliError(exitcodes.USAGE, message("compare.too_few_models"))
    if args.max_tokens < 1:
        raise CliError(exitcodes.USAGE, message("cli.max_tokens_too_low"))
    if args.output and args.output != "-" and Path(args.output).suffix.lower() not in EXPORT_SUFFIXES:
        raise CliError(exitcodes.USAGE, message("compare.bad_output", name=args.output))
    job, job_label = _job(args)
    settings = CompareSettings(seed=args.seed, temperature=args.temperature, max_tokens=args.max_tokens,
                               n_ctx=args.ctx, n_threads=args.threads)
    models = [_resolve(name) for name in args.model]
    count = len(models)

    def on_status(index: int, name: str, code: str, _event: object) -> None:
        if code in ("compare.loading", "compare.done"):
            print(message(code, number=index + 1, count=count, model=name), file=sys.stderr, flush=True)

    results = run_comparison(models, job, settings, on_status=on_status)
    for index, result in enumerate(results):
        if not result.ok:
            print(message("compare.failed", number=index + 1, count=count, model=result.shown,
                          error=" ".join(str(result.error).split())), file=sys.stderr)
    _report(args, results, settings, job_label)
    if not any(result.ok for result in results):
        print(f"fumi: {message('compare.all_failed')}", file=sys.stderr)
        return exitcodes.MODEL_PROBLEM
    return exitcodes.OK


def _resolve(name: str) -> tuple[str, Path | None]:
    """(shown name, model file) for ``--model``; the file is None when it cannot be found.

    The shown name is the one the library resolves ``name`` to, however it was
    typed (a path, a file name, a stem, a model name): the catalogue's name for
    a listed file, else the file's name.
    """
    from desktop.compare.settings import model_label
    from desktop.library import ModelNotFound, find_model
    from desktop.library.catalog import CatalogError, load_catalog
    from desktop.settings import Settings

    try:
        path = Path(find_model(name, Settings.load()))
    except ModelNotFound:
        return name, None
    try:
        listed = load_catalog().match(path.name)
    except CatalogError:
        listed = None
    return model_label(path.name, listed.name if listed is not None else None), path


def _job(args: argparse.Namespace):
    """The one job the arguments name, and its label for the output."""
    from desktop.compare.runner import CompareJob

    given = [kind for kind, value in (("draft", args.template), ("prompt", args.prompt),
                                      ("summarize", args.summarize), ("translate", args.translate)) if value]
    if len(given) != 1:
        raise CliError(exitcodes.USAGE, message("compare.one_job"))
    kind = given[0]
    _refuse_unused_options(args, kind)
    if kind == "prompt":
        return CompareJob("prompt", {"prompt": args.prompt}, {}), message("compare.job_prompt")
    if kind == "draft":
        job, template = _draft_job(args)
        return job, message("compare.job_draft", template=template.title_for(current_language()))
    if kind == "summarize":
        document = read_input_document(Path(args.summarize))
        return (CompareJob("summarize", {"document": document.to_dict()}, {}),
                message("compare.job_summarize", file=Path(args.summarize).name))
    from desktop.languages import language_name

    job = _translate_job(args)
    return job, message("compare.job_translate", target=language_name(job.options["target"], current_language()))


_JOB_OPTIONS = {"draft": "--template", "prompt": "--prompt", "summarize": "--summarize", "translate": "--translate"}


def _refuse_unused_options(args: argparse.Namespace, kind: str) -> None:
    """Usage error (exit 2) for an option the chosen job would ignore: --field only with
    --template, --to only with --translate."""
    unused = [option for option, given, job in (("--field", bool(args.field), "draft"),
                                                ("--to", args.target is not None, "translate"))
              if given and job != kind]
    if unused:
        raise CliError(exitcodes.USAGE, message("compare.unused_option", option=unused[0],
                                                job=_JOB_OPTIONS[kind],
                                                needs=_JOB_OPTIONS["draft" if unused[0] == "--field" else "translate"]))


def _draft_job(args: argparse.Namespace):
    """The draft job and its template (usage errors name an unknown template or field, or a missing field)."""
    from desktop.cli.draft_cmd import _fields, _template
    from desktop.compare.runner import CompareJob
    from desktop.settings import Paths, Settings
    from desktop.templates import MissingFieldError, TemplateStore, field_values

    paths = Paths.default()
    template = _template(args.template, TemplateStore.for_paths(paths))
    fields = _fields(template, args.field)
    try:
        field_values(template, fields)
    except MissingFieldError as exc:
        raise CliError(exitcodes.USAGE, message("cli.missing_field", name=exc.name, label=exc.label)) from None
    organisation = str(Settings.load(paths).get("organisation") or "")
    return CompareJob("draft", {"template": template.to_dict(), "fields": fields, "organisation": organisation},
                      {}), template


def _translate_job(args: argparse.Namespace):
    from desktop.compare.runner import CompareJob
    from desktop.documents.pasted import document_from_pasted_text
    from desktop.languages import LanguageError, resolve_pair

    text = args.translate
    try:
        source, target = resolve_pair("auto", args.target or "en", text)
    except LanguageError as exc:
        raise CliError(exitcodes.USAGE, exc.message) from None
    document = document_from_pasted_text(text)
    return CompareJob("translate", {"document": document.to_dict(), "glossary": []},
                      {"source": source, "target": target})


def _report(args: argparse.Namespace, results: list[ModelResult], settings: CompareSettings, job_label: str) -> None:
    from desktop.compare.export import to_markdown, write_comparison
    from desktop.settings import Settings

    ai_notice = bool(Settings.load().get("ai_notice"))
    if args.output and args.output != "-":
        from desktop.documents import DocumentError

        try:
            write_comparison(Path(args.output), results, settings.with_context(results), job_label,
                             ai_notice=ai_notice)
        except DocumentError as exc:
            from desktop.messages import describe

            raise CliError(exitcodes.DOCUMENT_PROBLEM, describe(exc)) from None
        print(message("compare.saved", name=args.output), file=sys.stderr)
    if args.json:
        document = {"settings": {**settings.with_context(results).to_dict(), "job": job_label},
                    "results": [result.to_dict() for result in results]}
        write_json(document, indent=2)
    elif not args.output or args.output == "-":
        sys.stdout.write(to_markdown(results, settings.with_context(results), job_label, ai_notice=False))
    sys.stdout.flush()
