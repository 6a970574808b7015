"""``fumi templates [--json]``: the built-in and user templates, with their fields;
``--import FILE [--yes]`` and ``--export ID OUT`` share one template as one file.

Plain output is one line per template (id, kind, title, source) followed by its
fields; ``--json`` prints one JSON list on stdout, each template as::

    {"id", "title": {"ja", "en"}, "description": {"ja", "en"}, "kind", "pane", "output",
     "source": "builtin" | "user", "path",
     "fields": [{"name", "label": {"ja", "en"}, "kind", "required", "default", "choices"?, "help"?}]}

User template files that cannot be read are named on stderr; the others are still listed.

``--import FILE`` reads a shared .toml or .zip with bounds and prints its preview
(title, fields, the letterhead's first page of text or "none"). A template with
a letterhead, or one whose id you already have, is only installed with
``--yes``; without it the exit code is 2 and nothing is written. A file that is
not a valid template is exit 4, naming the line. ``--export ID OUT`` writes
.toml, or .zip when the template has a letterhead, and prints the path written.
"""

from __future__ import annotations

import argparse
import sys

from pathlib import Path

from desktop.cli import exitcodes
from desktop.cli.common import CliError
from desktop.cli.console import write_json
from desktop.messages import current_language, message
from desktop.settings import Paths
from desktop.templates import Template, TemplateError, TemplateStore


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--import", dest="import_file", metavar="FILE", help="import a shared template (.toml or .zip)")
    action.add_argument("--export", nargs=2, metavar=("ID", "OUT"), help="export a template as one file to share")
    parser.add_argument("--yes", action="store_true", help="with --import: install a template with a letterhead, "
                                                           "or replace one with the same id")


def template_summary(template: Template) -> dict:
    """The JSON shape of one template in ``fumi templates --json``."""
    data = template.to_dict()
    return {
        "id": template.id,
        "title": {"ja": template.title_for("ja"), "en": template.title_for("en")},
        "description": {"ja": template.description_for("ja"), "en": template.description_for("en")},
        "kind": template.kind,
        "pane": template.pane,
        "output": template.output,
        "source": template.source,
        "path": str(template.path) if template.path else "",
        "fields": data["fields"],
    }


def run(args: argparse.Namespace) -> int:
    store = TemplateStore.for_paths(Paths.default())
    if args.import_file:
        return _import(store, Path(args.import_file), yes=args.yes, as_json=args.json)
    if args.export:
        return _export(store, *args.export, as_json=args.json)
    for _path, problem in store.problems:
        print(message("cli.template_unreadable", message=problem), file=sys.stderr)
    if args.json:
        write_json([template_summary(t) for t in store.templates], indent=2)
        return exitcodes.OK
    for template in store.templates:
        source = message("cli.template_builtin" if template.source == "builtin" else "cli.template_own")
        print(f"{template.id}\t[{template.kind}] {template.title_for('ja')} / {template.title_for('en')}\t({source})")
        for item in template.fields:
            mark = "*" if item.required else " "
            extra = f" ({' | '.join(item.choices)})" if item.choices else ""
            print(f"    {mark} {item.name}\t{item.kind}\t{item.label_for(current_language())}{extra}")
    return exitcodes.OK


def _import(store: TemplateStore, source: Path, *, yes: bool, as_json: bool) -> int:
    try:
        package = store.read_package(source)
    except TemplateError as exc:
        raise CliError(exitcodes.DOCUMENT_PROBLEM, exc.message) from None
    template = package.template
    exists = template.id in store.ids()
    if not as_json:
        print("\n".join(package.preview_lines(current_language())))
    if (package.has_letterhead or exists) and not yes:
        code = "templates.exists" if exists else "templates.needs_yes"
        raise CliError(exitcodes.USAGE, message(code, id=template.id))
    try:
        saved = store.install(package, overwrite=True)
    except TemplateError as exc:
        raise CliError(exitcodes.DOCUMENT_PROBLEM, exc.message) from None
    if as_json:
        _print_json({"imported": saved.id, "path": str(saved.path), "letterhead": package.has_letterhead,
                     "letterhead_text": package.letterhead_text, "replaced": exists})
    else:
        print(message("templates.imported", title=saved.title_for(current_language()), id=saved.id))
    return exitcodes.OK


def _export(store: TemplateStore, template_id: str, out: str, *, as_json: bool) -> int:
    try:
        template = store.get(template_id)
    except KeyError:
        raise CliError(exitcodes.USAGE, message("templates.unknown_id", id=template_id,
                                                known=", ".join(store.ids()))) from None
    try:
        written = store.export(template, Path(out))
    except OSError as exc:
        raise CliError(exitcodes.DOCUMENT_PROBLEM, message("output_unwritable", name=out) + f" ({exc})") from None
    if as_json:
        _print_json({"exported": template.id, "path": str(written), "letterhead": template.letterhead_path() is not None})
    else:
        print(message("templates.exported", path=written))
    return exitcodes.OK


def _print_json(data: object) -> None:
    write_json(data, indent=2)
