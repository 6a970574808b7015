"""What a user (and the RAM estimate) needs to know about a model, from its GGUF header.

``model_facts`` turns the output of ``read_gguf_metadata`` into a flat,
JSON-safe dict: name, architecture, parameters, quantization, trained context,
the shape numbers the KV-cache estimate needs, whether there is a chat
template (and its length, never its text), and the size on disk.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from desktop.library.gguf_meta import ArraySummary, GGUFFormatError, read_gguf_metadata

#: llama.cpp's ``general.file_type`` values (LLAMA_FTYPE_MOSTLY_*), as users see them in file names.
FILE_TYPES: dict[int, str] = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1",
    10: "Q2_K", 11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M",
    16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S",
    22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M",
    28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0",
    37: "TQ2_0", 38: "MXFP4_MOE",
}

#: Bumped whenever the facts' shape changes, so cached facts from an older Fumi are re-read.
FACTS_VERSION = 1


def parameter_label(count: int) -> str:
    """``1543714304`` -> ``"1.5B"``; ``494032768`` -> ``"494M"``."""
    if count >= 1_000_000_000:
        return f"{count / 1e9:.1f}B".replace(".0B", "B")
    if count >= 1_000_000:
        return f"{count / 1e6:.0f}M"
    if count >= 1_000:
        return f"{count / 1e3:.0f}K"
    return str(count)


def _int(value: Any) -> int | None:
    """An integer metadata value; for per-layer arrays, the largest; otherwise None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, list) and value and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return max(value)
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _quantization(meta: dict[str, Any]) -> str:
    file_type = _int(meta["metadata"].get("general.file_type"))
    if file_type is not None and file_type in FILE_TYPES:
        return FILE_TYPES[file_type]
    types = meta.get("tensor_types") or {}
    if types:  # the most common tensor type is the best guess
        return max(types.items(), key=lambda item: item[1])[0]
    return "unknown"


def shape_from_metadata(kv: dict[str, Any]) -> dict[str, int]:
    """The numbers the RAM estimate needs, from GGUF key/values (0 where the file does not say)."""
    arch = _str(kv.get("general.architecture")) or ""

    def arch_int(key: str) -> int:
        return _int(kv.get(f"{arch}.{key}")) or 0

    tokens = kv.get("tokenizer.ggml.tokens")
    n_vocab = tokens.length if isinstance(tokens, ArraySummary) else len(tokens) if isinstance(tokens, list) else 0
    n_head = arch_int("attention.head_count")
    return {
        "context_length": arch_int("context_length"),
        "n_layer": arch_int("block_count"),
        "n_embd": arch_int("embedding_length"),
        "n_head": n_head,
        "n_head_kv": arch_int("attention.head_count_kv") or n_head,
        "key_length": arch_int("attention.key_length"),
        "value_length": arch_int("attention.value_length"),
        "n_vocab": n_vocab,
    }


def model_facts(meta: dict[str, Any], path: str | os.PathLike[str]) -> dict[str, Any]:
    """Flat, JSON-safe facts about a model from its parsed header.

    Raises ``GGUFFormatError("missing_architecture")`` when the file does not say
    what kind of model it is (llama.cpp could not load it either).
    """
    path = Path(path)
    kv = meta["metadata"]
    arch = _str(kv.get("general.architecture"))
    if arch is None:
        raise GGUFFormatError("missing_architecture", "general.architecture is not set")

    template = kv.get("tokenizer.chat_template")
    template_chars = len(template) if isinstance(template, str) else 0
    count = int(meta.get("parameter_count") or 0)
    return {
        "name": _str(kv.get("general.name")) or path.stem,
        "file_name": path.name,
        "path": str(path),
        "size_bytes": int(meta.get("file_size") or 0),
        "architecture": arch,
        "parameter_count": count,
        "parameters": _str(kv.get("general.size_label")) or (parameter_label(count) if count else ""),
        "quantization": _quantization(meta),
        **shape_from_metadata(kv),
        "chat_template": template_chars > 0,
        "chat_template_chars": template_chars,
        "gguf_version": meta.get("version"),
        "split_count": _int(kv.get("split.count")) or 1,
        "split_index": _int(kv.get("split.no")) or 0,
        "facts_version": FACTS_VERSION,
    }


def read_model_facts(path: str | os.PathLike[str], **limits: int) -> dict[str, Any]:
    """``model_facts(read_gguf_metadata(path), path)``; raises ``GGUFFormatError``. Run it outside the UI process."""
    return model_facts(read_gguf_metadata(path, **limits), path)
