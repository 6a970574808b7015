"""Dense retrieval's side of the library: which embedding model, what text it sees, filling vectors.

The embedding model is the first ``.gguf`` in the model folders whose file
name names an embedding family (multilingual-e5, bge, ruri, gte, nomic
"embed"). No model: lexical search alone. Vectors are computed in the engine
process; here ``embed`` is any function from texts to vectors (the command
line passes one that asks the engine, tests may pass their own).

e5 models expect "query: " / "passage: " before texts and ruri models
"クエリ: " / "文章: " (their model cards); other models get the text as is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.library.kinds import EMBEDDING_NAME

from .store import Index

#: Passages embedded per request to the engine.
BATCH = 16

EmbedTexts = Callable[[list[str]], list[list[float]]]


def find_embedding_model(settings: Any) -> Path | None:
    """The embedding model in the model folders, or None."""
    from desktop.library.discovery import list_model_files

    for path, _folder in list_model_files(settings):
        if EMBEDDING_NAME.search(path.name):
            return path
    return None


def _prefixes(model: str) -> tuple[str, str]:
    name = model.lower()
    if "ruri" in name:
        return "クエリ: ", "文章: "
    if "e5" in name:
        return "query: ", "passage: "
    return "", ""


def query_text(question: str, model: str) -> str:
    return _prefixes(model)[0] + question


def passage_text(text: str, model: str) -> str:
    return _prefixes(model)[1] + text


def fill_vectors(index: Index, model: str, embed: EmbedTexts, *,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False, label: str = "") -> int:
    """Embed every passage that has no vector from ``model`` yet; returns how many were embedded."""
    total = index.connection.execute(
        "SELECT count(*) FROM passages p LEFT JOIN vectors v ON v.passage_id = p.id AND v.model = ?"
        " WHERE v.passage_id IS NULL", (model,)).fetchone()[0]
    done = 0
    while not cancelled():
        batch = index.passages_without_vectors(model, BATCH)
        if not batch:
            break
        vectors = embed([passage_text(text, model) for _, text in batch])
        if len(vectors) != len(batch):
            break  # cancelled inside the engine
        index.store_vectors(model, [(pid, vector) for (pid, _), vector in zip(batch, vectors)])
        done += len(batch)
        if progress is not None:
            progress(done, total, label)
    return done
