"""The command line's embedding helper: ask the engine process for vectors when an embedding model is present.

``EngineEmbedder`` starts the engine lazily, on the first texts to embed, so
that a library without an embedding model never starts it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.cli import exitcodes
from desktop.cli.common import EXIT_CODES, CliError
from desktop.engine import protocol


class EngineEmbedder:
    """Vectors of texts from the embedding model at ``path``, computed in the engine process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.model = path.name
        self._session: Any = None

    def __call__(self, texts: list[str]) -> list[list[float]]:
        if self._session is None:
            from desktop.engine.session import EngineSession

            self._session = EngineSession()
        for event in self._session.request(protocol.Embed(path=str(self.path), texts=texts)):
            if isinstance(event, protocol.Done):
                return event.stats.get("vectors", [])
            if isinstance(event, protocol.Error):
                raise CliError(EXIT_CODES.get(event.code, exitcodes.ENGINE_FAILURE), event.message)
        return []

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


def library_embedder() -> EngineEmbedder | None:
    """An embedder for the embedding model in the model folders, or None when there is none."""
    from desktop.knowledge.embedding import find_embedding_model
    from desktop.settings import Settings

    path = find_embedding_model(Settings.load())
    return EngineEmbedder(path) if path is not None else None
