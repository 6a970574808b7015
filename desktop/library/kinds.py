"""What a model file is for: chat (drafting, summarizing, ...) or embeddings (the manuals library).

An embedding model is recognised by its file name naming an embedding family
(multilingual-e5, bge, ruri, gte, nomic "embed"), or by an encoder
architecture in its header (bert and its kin). It is never the default chat model.
"""

from __future__ import annotations

import re
from typing import Any

EMBEDDING_NAME = re.compile(r"e5|bge|ruri|gte|embed", re.IGNORECASE)
EMBEDDING_ARCHITECTURES = frozenset({"bert", "nomic-bert", "jina-bert-v2", "xlm-roberta", "modern-bert"})


def is_embedding_model(file_name: str, facts: dict[str, Any] | None = None) -> bool:
    """True when the file is an embedding model rather than a chat model."""
    architecture = str((facts or {}).get("architecture") or "").lower()
    return bool(EMBEDDING_NAME.search(file_name)) or architecture in EMBEDDING_ARCHITECTURES
