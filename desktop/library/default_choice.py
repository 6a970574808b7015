"""Which model is used when none is named: one rule for the window and the command line.

1. The model last loaded in the window (the ``last_model`` setting), while it is
   still found and usable.
2. Else the catalog's recommendation: the first model in ``models/catalog.toml``
   order that is present, usable, allowed for production use, and fits the
   PC's available memory at the default context.
3. Else the first present catalog model that is usable, then the first usable file.

Embedding models (``desktop.library.kinds``) are never chosen.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.library.catalog import Catalog

if TYPE_CHECKING:
    from desktop.library.discovery import ModelEntry

#: The context at which the recommendation must fit (the window's default context size).
RECOMMEND_AT_CTX = 4096


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def choose_default(entries: Sequence[ModelEntry], last_model: str | None, catalog: Catalog,
                   *, available: int | None = None) -> ModelEntry | None:
    """The entry to use by default, by the rule above; None when no entry is usable.

    ``available`` (bytes) is the memory to fit in; default: available right now.
    """
    from desktop.library.ram import fit

    from desktop.library.kinds import is_embedding_model

    usable = [entry for entry in entries if entry.usable and entry.facts is not None
              and not is_embedding_model(entry.path.name, entry.facts)]
    if last_model:
        for entry in usable:
            if _same_file(entry.path, last_model):
                return entry
    order = {id(item): index for index, item in enumerate(catalog.entries)}
    listed = sorted((entry for entry in usable if entry.catalog is not None),
                    key=lambda entry: order.get(id(entry.catalog), len(order)))
    for entry in listed:
        if entry.catalog.production_use and fit(entry.facts, RECOMMEND_AT_CTX, available=available).fits:
            return entry
    if listed:
        return listed[0]
    return usable[0] if usable else None
