"""Search the user's library as the command line and the window do: settings → index → ranked passages.

``retrieve`` opens the index in the user data folder, and, when ``embed`` is
given (a function from the question to ``(model name, vector)`` computed by
the engine), fuses dense results with the lexical ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .search import Searcher, SearchResult
from .store import open_index


class LibraryEmpty(Exception):
    """The library has no passages yet (no folder added, or nothing readable in them)."""


Embed = Callable[[str], tuple[str, list[float]]]


def retrieve(question: str, top: int = 5, *, embed: Embed | None = None,
             index_path: Path | None = None) -> SearchResult:
    """The ``top`` passages for ``question``; raises ``LibraryEmpty`` when there is nothing to search."""
    from desktop.settings import Paths

    with open_index(index_path or Paths.default().library_index) as index:
        if index.passage_count() == 0:
            raise LibraryEmpty()
        model, vector = embed(question) if embed is not None else ("", None)
        return Searcher(index).search(question, top, vector=vector, model=model)
