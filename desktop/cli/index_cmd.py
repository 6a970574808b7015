"""``fumi index FOLDER...``: add folders to the manuals library and bring its index up to date.

Reports files added, changed, removed and failed (with the reason); progress
on stderr. ``--json`` prints one document: {"added", "changed", "removed",
"failed": [{"file", "reason"}], "unchanged", "pages", "passages", "files",
"notice"}. Exit 2 for a folder that does not exist, 130 on Ctrl+C (what was
indexed stays indexed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import exitcodes
from desktop.cli.common import CliError
from desktop.cli.console import write_json
from desktop.messages import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", metavar="FOLDER", nargs="*", help="folders of rules and manuals to add")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")


def _progress(done: int, total: int, label: str) -> None:
    print(f"{label} {done}/{total}" if total else label, file=sys.stderr, flush=True)


def _fill_vectors(index) -> int:
    """Vectors for new passages when an embedding model is in the model folders (else 0)."""
    from desktop.cli.embedding import library_embedder
    from desktop.knowledge.embedding import fill_vectors

    embedder = library_embedder()
    if embedder is None:
        return 0
    try:
        return fill_vectors(index, embedder.model, embedder, progress=_progress, label=message("knowledge.embedding"))
    finally:
        embedder.close()


def run(args: argparse.Namespace) -> int:
    from desktop.knowledge import LibraryBusy, add_user_folders, library_folders, open_index, update_index
    from desktop.settings import Settings

    for folder in args.folders:
        if not Path(folder).is_dir():
            raise CliError(exitcodes.USAGE, message("knowledge.no_folder", name=folder))
    settings = Settings.load()
    if add_user_folders(settings, args.folders):
        settings.save()
    with open_index(settings.paths.library_index) as index:
        if index.notice:
            print(f"fumi: {index.notice}", file=sys.stderr)
        try:
            report = update_index(index, library_folders(settings), progress=_progress)
        except LibraryBusy:
            raise CliError(exitcodes.ENGINE_FAILURE, message("knowledge.busy")) from None
        embedded = _fill_vectors(index)
        files = len(index.files())
        result = {**report.as_dict(), "files": files, "notice": index.notice, "embedded": embedded}
    if args.json:
        write_json(result)
    else:
        print(message("knowledge.index_summary", added=len(report.added), changed=len(report.changed),
                      removed=len(report.removed), failed=len(report.failed), files=files))
        for failure in report.failed:
            print("  " + message("knowledge.index_failed_file", file=failure.file, reason=failure.reason))
    return exitcodes.OK
