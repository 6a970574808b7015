"""Embedding models (multilingual-e5, bge-m3, ruri, ...) run by llama.cpp in the engine process.

``Embedder.load(path)`` opens a GGUF embedding model (its own pooling type,
from the file); ``embed(texts)`` returns one unit-length float vector per
text. Texts longer than ``N_CTX`` tokens are cut to it (the trained context of
e5 and ruri models is 512 tokens). Load failures are ``ModelLoadError``s with
protocol codes, as for chat models.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path

import llama_cpp

from desktop.engine.llm import ModelLoadError
from desktop.engine.protocol import MODEL_CORRUPT, MODEL_MISSING, OUT_OF_MEMORY
from desktop.library import physical_cores
from desktop.messages import message

log = logging.getLogger(__name__)

N_CTX = 512


class Embedder:
    """One loaded embedding model."""

    def __init__(self, llama: llama_cpp.Llama, path: Path) -> None:
        self._llama = llama
        self.path = path
        self.name = path.name

    @classmethod
    def load(cls, path: str | Path, n_threads: int | None = None) -> Embedder:
        path = Path(path)
        if not path.is_file():
            raise ModelLoadError(MODEL_MISSING, message(MODEL_MISSING))
        threads = n_threads or physical_cores()
        try:
            llama = llama_cpp.Llama(str(path), embedding=True, n_ctx=N_CTX, n_batch=N_CTX, n_ubatch=N_CTX,
                                    n_threads=threads, n_threads_batch=threads, verbose=False)
        except MemoryError as exc:
            raise ModelLoadError(OUT_OF_MEMORY, message(OUT_OF_MEMORY)) from exc
        except (ValueError, RuntimeError, OSError) as exc:
            log.warning("llama.cpp could not load the embedding model %s: %s", path.name, type(exc).__name__)
            raise ModelLoadError(MODEL_CORRUPT, message(MODEL_CORRUPT)) from exc
        return cls(llama, path)

    def embed(self, texts: list[str], cancelled: Callable[[], bool] = lambda: False) -> list[list[float]]:
        """One unit-length vector per text, in order; stops early (returning what is done) when cancelled."""
        vectors: list[list[float]] = []
        for text in texts:
            if cancelled():
                break
            vector = self._llama.embed(text or " ", truncate=True)
            if vector and isinstance(vector[0], list):  # a model without pooling: one vector per token
                vector = [sum(column) / len(vector) for column in zip(*vector)]
            norm = math.sqrt(sum(x * x for x in vector)) or 1.0
            vectors.append([x / norm for x in vector])
        return vectors

    def close(self) -> None:
        self._llama.close()
