"""``fumi models [--json]``: the model files Fumi finds, what they are, and whether they fit in memory.

Plain output is a table (name, architecture, parameters, quantization, trained
context, size, estimated RAM, chat template, problem). ``--json`` prints one
document::

    {"folders": [...], "models": [{"name", "path", "size_bytes", "architecture", "parameters",
      "quantization", "context_length", "chat_template", "ram_estimate_bytes",
      "ram_available_bytes", "fits", "catalog", "license", "problem"}, ...]}

``fits`` is "ok", "tight", "too_large", "unknown" or null (no facts); ``catalog``
is the catalog entry (or null); ``problem`` a sentence in the user's language (or
null). Broken files are listed with their problem and never stop the listing;
the exit code is 0 even then, and when no model is found (a line says where to
put one). ``--ctx N`` estimates RAM at N tokens (default: the context Fumi would
choose); ``--model NAME|PATH`` lists only that model.
"""

from __future__ import annotations

import argparse
import unicodedata
from typing import Any

from desktop.cli import add_common_options, exitcodes
from desktop.cli.console import write_json
from desktop.library import ModelEntry, choose_context, discover_models, fit, format_bytes, model_folders
from desktop.library.discovery import language_of
from desktop.messages import message
from desktop.settings import Settings

#: The table's columns, as codes ``cli.models.<column>`` of the catalogue.
COLUMNS = ("name", "arch", "params", "quant", "ctx", "size", "ram", "template", "problem")
#: The memory verdicts of ``fit`` (codes ``cli.models.fit_<verdict>``).
VERDICTS = ("ok", "tight", "too_large", "unknown")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    add_common_options(parser)


def model_record(entry: ModelEntry, requested_ctx: int = 0) -> dict[str, Any]:
    """The JSON shape of one model in ``fumi models --json``."""
    facts = entry.facts or {}
    record: dict[str, Any] = {
        "name": entry.name,
        "path": str(entry.path),
        "size_bytes": entry.size,
        "architecture": facts.get("architecture"),
        "parameters": facts.get("parameters") or None,
        "parameter_count": facts.get("parameter_count"),
        "quantization": facts.get("quantization"),
        "context_length": facts.get("context_length"),
        "chat_template": facts.get("chat_template") if facts else None,
        "n_ctx": None,
        "ram_estimate_bytes": None,
        "ram_available_bytes": None,
        "fits": None,
        "ram_message": None,
        "catalog": entry.catalog.as_dict() if entry.catalog else None,
        "license": entry.catalog.license if entry.catalog else None,
        "production_use": entry.catalog.production_use if entry.catalog else None,
        "checksum": entry.checksum,
        "problem": entry.problem,
        "problem_code": entry.problem_code,
    }
    if facts and not entry.problem:
        n_ctx = choose_context(facts, requested_ctx)
        ram = fit(facts, n_ctx)
        record.update(
            n_ctx=n_ctx, ram_estimate_bytes=ram.estimate_bytes, ram_available_bytes=ram.available_bytes,
            fits=ram.verdict, ram_message=ram.message,
        )
    return record


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _table(rows: list[tuple[str, ...]]) -> str:
    """Columns padded to their widest cell (wide characters count double); the last column is free."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _row(record: dict[str, Any], lang: str) -> tuple[str, ...]:
    yes, no = message("cli.models.yes", lang), message("cli.models.no", lang)
    ram = ""
    if record["ram_estimate_bytes"]:
        verdict = record["fits"] or "unknown"
        ram = format_bytes(record["ram_estimate_bytes"])
        if verdict in VERDICTS:
            ram += " " + message(f"cli.models.fit_{verdict}", lang)
    template = "" if record["chat_template"] is None else (yes if record["chat_template"] else no)
    return (
        record["name"], record["architecture"] or "", record["parameters"] or "",
        record["quantization"] or "", str(record["context_length"] or ""),
        format_bytes(record["size_bytes"]), ram, template, record["problem"] or "",
    )


def run(args: argparse.Namespace) -> int:
    settings = Settings.load()
    lang = language_of(settings)
    folders = model_folders(settings)
    entries = discover_models(settings)
    if args.model:
        from desktop.cli.common import resolve_model

        wanted = resolve_model(args.model)  # exit 3 with one line when it does not exist or is refused
        entries = [entry for entry in entries if entry.path.resolve() == wanted.resolve()]
    records = [model_record(entry, args.ctx or 0) for entry in entries]

    if args.json:
        document = {"folders": [str(folder) for folder in folders], "models": records}
        write_json(document, indent=2)
        return exitcodes.OK

    if not records:
        print(message("library.no_models", lang, folders=", ".join(str(folder) for folder in folders)))
        return exitcodes.OK
    headers = tuple(message(f"cli.models.{column}", lang) for column in COLUMNS)
    print(_table([headers] + [_row(record, lang) for record in records]))
    for record in records:
        if record["catalog"] and not record["production_use"]:
            note = record["catalog"]["license_note"] or record["license"]
            print(f"* {record['name']}: {note}")
    print(message("cli.models.folders", lang) + " " + ", ".join(str(folder) for folder in folders))
    return exitcodes.OK
