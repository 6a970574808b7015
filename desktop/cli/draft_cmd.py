"""``fumi draft --template ID --field NAME=VALUE|@FILE ... [-o OUT]``: a draft from a template.

The same job as the window's drafting pane. ``@FILE`` reads the value from a
document (.docx .txt .md .pdf, any Japanese text encoding); ``@@text`` is the
literal ``@text``. Everything is checked before the model is loaded: an unknown
template or field, or a missing required field, is exit 2 naming it; an
unreadable file is exit 4. Without ``-o`` the draft streams to stdout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import add_common_options, exitcodes
from desktop.cli.common import CliError, open_engine, read_input_document, run_job, write_result
from desktop.settings import Paths, Settings
from desktop.templates import LENGTHS, MANNERS, TONES, MissingFieldError, Template, TemplateStore, field_values
from desktop.messages import describe


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", required=True, metavar="ID", help="template id (see `fumi templates`)")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=VALUE|@FILE",
                        help="a field's value, or @FILE to read it from a document; repeat for each field")
    parser.add_argument("--length", choices=list(LENGTHS), default="medium", help="length of the draft")
    parser.add_argument("--tone", choices=list(TONES), default="auto", help="desu (です・ます) or dearu (である)")
    parser.add_argument("--manner", choices=list(MANNERS), default="auto", help="polite or concise")
    parser.add_argument("--max-tokens", type=int, metavar="N", help="longest reply, in tokens")
    parser.add_argument("--seed", type=int, metavar="N", help="random seed, for repeatable drafts")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (.docx .txt .md); '-' or none: stdout")
    add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    paths = Paths.default()
    template = _template(args.template, TemplateStore.for_paths(paths))
    fields = _fields(template, args.field)
    try:
        field_values(template, fields)  # check before the model is loaded
    except MissingFieldError as exc:
        raise CliError(exitcodes.USAGE, f"必須の入力項目 {exc.name}（{exc.label}）がありません: --field {exc.name}=...") from None
    out = args.output if args.output and args.output != "-" else None
    if out and Path(out).suffix.lower() not in (".docx", ".txt", ".md"):
        raise CliError(exitcodes.USAGE, f"出力ファイルの拡張子は .docx .txt .md のいずれかにしてください: {out}")

    options = {"length": args.length, "tone": args.tone, "manner": args.manner}
    if args.max_tokens:
        options["max_tokens"] = args.max_tokens
    if args.seed is not None:
        options["seed"] = args.seed
    inputs = {"template": template.to_dict(), "fields": fields}

    session, _facts = open_engine(args)
    with session:
        on_delta = None if out else _print_delta
        result = run_job(session, "draft", inputs, options, on_delta=on_delta)
    if result.stats.get("finish_reason") == "length":
        print("注意: 長さの上限で途中まで出力しました（--length long または --max-tokens で長くできます）。", file=sys.stderr)
    if out is None:
        sys.stdout.write("\n")
        sys.stdout.flush()
        return exitcodes.OK
    _write(result.text, out, template, paths)
    return exitcodes.OK


def _print_delta(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _template(template_id: str, store: TemplateStore) -> Template:
    try:
        return store.get(template_id)
    except KeyError:
        raise CliError(exitcodes.USAGE, f"テンプレート「{template_id}」はありません。使えるもの: {', '.join(store.ids())}") from None


def _fields(template: Template, pairs: list[str]) -> dict[str, str]:
    """{name: value} from ``NAME=VALUE`` / ``NAME=@FILE`` arguments (files read through desktop.documents)."""
    fields: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise CliError(exitcodes.USAGE, f"--field は NAME=VALUE の形で指定してください: {pair}")
        if template.field_named(name) is None:
            known = ", ".join(f.name for f in template.fields)
            raise CliError(exitcodes.USAGE, f"テンプレート「{template.id}」に入力項目 {name} はありません。使えるもの: {known}")
        if value.startswith("@@"):
            value = value[1:]
        elif value.startswith("@"):
            value = _read_file(Path(value[1:]))
        fields[name] = value
    return fields


def _read_file(path: Path) -> str:
    return read_input_document(path).text()


def _write(text: str, out: str, template: Template, paths: Paths) -> None:
    ai_notice = bool(Settings.load(paths).get("ai_notice"))
    letterhead = template.letterhead_path()
    if letterhead is not None and Path(out).suffix.lower() == ".docx":
        from desktop.documents import DocumentError
        from desktop.documents.writers import write_text

        try:
            write_text(Path(out), text, title=template.title_for("ja"), ai_notice=ai_notice, letterhead=letterhead,
                       letterhead_body=template.letterhead_body)
        except DocumentError as exc:
            raise CliError(exitcodes.DOCUMENT_PROBLEM, describe(exc)) from None
        return
    write_result(text, out, title=template.title_for("ja"), ai_notice=ai_notice)
