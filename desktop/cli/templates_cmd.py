"""``fumi templates [--json]``: the built-in and user templates, with their fields.

Plain output is one line per template (id, kind, title, source) followed by its
fields; ``--json`` prints one JSON list on stdout, each template as::

    {"id", "title": {"ja", "en"}, "description": {"ja", "en"}, "kind", "pane", "output",
     "source": "builtin" | "user", "path",
     "fields": [{"name", "label": {"ja", "en"}, "kind", "required", "default", "choices"?, "help"?}]}

User template files that cannot be read are named on stderr; the others are still listed.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli import exitcodes
from desktop.settings import Paths
from desktop.templates import Template, TemplateStore


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")


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
    for _path, message in store.problems:
        print(f"読み込めないテンプレート: {message}", file=sys.stderr)
    if args.json:
        json.dump([template_summary(t) for t in store.templates], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return exitcodes.OK
    for template in store.templates:
        source = "組み込み" if template.source == "builtin" else "ユーザー"
        print(f"{template.id}\t[{template.kind}] {template.title_for('ja')} / {template.title_for('en')}\t({source})")
        for item in template.fields:
            mark = "*" if item.required else " "
            extra = f" ({' | '.join(item.choices)})" if item.choices else ""
            print(f"    {mark} {item.name}\t{item.kind}\t{item.label_for('ja')}{extra}")
    return exitcodes.OK
