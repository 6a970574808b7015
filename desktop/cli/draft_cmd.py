"""``fumi draft --template ID --field NAME=VALUE|@FILE ... [--show-prompt] [-o OUT]``: a draft from a template.

The same job as the window's drafting pane. ``@FILE`` reads the value from a
document (.docx .txt .md .pdf, any Japanese text encoding); ``@@text`` is the
literal ``@text``. Everything is checked before the model is loaded: an unknown
template or field, or a missing required field, is exit 2 naming it; an
unreadable file is exit 4. Without ``-o`` the draft streams to stdout.

``--show-prompt`` prints the messages the model would get (each role, then its
text; with ``--json`` one JSON document ``{"template", "messages": [{"role",
"content"}]}``) and exits 0 without loading a model: for template authors and
reviewers. The organisation's name comes from the settings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import CliError, open_engine, read_input_document, report_finish, run_job, write_result
from desktop.cli.console import write_json
from desktop.messages import current_language, message
from desktop.settings import Paths, Settings
from desktop.templates import (
    DEFAULT_LENGTH, LENGTHS, MANNERS, TONES, MissingFieldError, Template, TemplateStore, build_messages, field_values,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", required=True, metavar="ID", help="template id (see `fumi templates`)")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=VALUE|@FILE",
                        help="a field's value, or @FILE to read it from a document; repeat for each field")
    parser.add_argument("--length", choices=list(LENGTHS), default=DEFAULT_LENGTH,
                        help="length of the draft; 'template' (default) keeps the template's own")
    parser.add_argument("--tone", choices=list(TONES), default="auto", help="desu (です・ます) or dearu (である)")
    parser.add_argument("--manner", choices=list(MANNERS), default="auto", help="polite or concise")
    parser.add_argument("--max-tokens", type=int, metavar="N", help="longest reply, in tokens")
    parser.add_argument("--seed", type=int, metavar="N", help="random seed, for repeatable drafts")
    parser.add_argument("--show-prompt", action="store_true",
                        help="print the messages the model would get, without loading it")
    parser.add_argument("--json", action="store_true", help="with --show-prompt: one JSON document on stdout")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (.docx .txt .md); '-' or none: stdout")
    add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    paths = Paths.default()
    template = _template(args.template, TemplateStore.for_paths(paths))
    fields = _fields(template, args.field)
    try:
        field_values(template, fields)  # check before the model is loaded
    except MissingFieldError as exc:
        raise CliError(exitcodes.USAGE, message("cli.missing_field", name=exc.name, label=exc.label)) from None
    organisation = str(Settings.load(paths).get("organisation") or "")
    if args.show_prompt:
        return _show_prompt(template, fields, args, organisation)
    out = args.output if args.output and args.output != "-" else None
    if out and Path(out).suffix.lower() not in (".docx", ".txt", ".md"):
        raise CliError(exitcodes.USAGE, message("cli.output_suffix", suffixes=".docx .txt .md", path=out))

    options = {"length": args.length, "tone": args.tone, "manner": args.manner}
    if args.max_tokens:
        options["max_tokens"] = args.max_tokens
    if args.seed is not None:
        options["seed"] = args.seed
    inputs = {"template": template.to_dict(), "fields": fields, "organisation": organisation}

    session, _facts = open_engine(args)
    with session:
        on_delta = None if out else _print_delta
        result = run_job(session, "draft", inputs, options, on_delta=on_delta)
    report_finish(result.stats, "draft")
    if out is None:
        sys.stdout.write("\n")
        sys.stdout.flush()
        return exitcodes.OK
    _write(result.text, out, template, paths)
    return exitcodes.OK


def _show_prompt(template: Template, fields: dict[str, str], args: argparse.Namespace, organisation: str) -> int:
    messages = build_messages(template, fields, length=args.length, tone=args.tone, manner=args.manner,
                              organisation=organisation)
    if args.json:
        write_json({"template": template.id, "messages": messages}, indent=2)
        return exitcodes.OK
    for item in messages:
        sys.stdout.write(f"--- {item['role']} ---\n{item['content']}\n\n")
    return exitcodes.OK


def _print_delta(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _template(template_id: str, store: TemplateStore) -> Template:
    try:
        return store.get(template_id)
    except KeyError:
        raise CliError(exitcodes.USAGE, message("draft.unknown_template", name=template_id,
                                                known=", ".join(store.ids()))) from None


def _fields(template: Template, pairs: list[str]) -> dict[str, str]:
    """{field id: value} from ``NAME=VALUE`` / ``NAME=@FILE`` arguments; NAME is a field's id or its label.

    Files are read through desktop.documents. An unknown NAME is a usage error
    that lists the template's fields as ``id（label）``.
    """
    fields: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise CliError(exitcodes.USAGE, message("draft.field_form", pair=pair))
        found = template.field_called(name)
        if found is None:
            lang = current_language()
            known = message("list_separator").join(
                message("named", name=f.name, detail=f.label_for(lang)) for f in template.fields)
            raise CliError(exitcodes.USAGE, message("draft.unknown_field", template=template.title_for(lang),
                                                    name=name, known=known))
        if value.startswith("@@"):
            value = value[1:]
        elif value.startswith("@"):
            value = _read_file(Path(value[1:]))
        fields[found.name] = value
    return fields


def _read_file(path: Path) -> str:
    return read_input_document(path).text()


def _write(text: str, out: str, template: Template, paths: Paths) -> None:
    ai_notice = bool(Settings.load(paths).get("ai_notice"))
    letterhead = template.letterhead_path() if Path(out).suffix.lower() == ".docx" else None
    if letterhead is None:
        write_result(text, out, title=template.title_for("ja"), ai_notice=ai_notice)
        return
    from desktop.cli.saving import save_or_rescue
    from desktop.documents.writers import write_text

    path = Path(out)
    save_or_rescue(lambda: write_text(path, text, title=template.title_for("ja"), ai_notice=ai_notice,
                                      letterhead=letterhead, letterhead_body=template.letterhead_body), text, path)
