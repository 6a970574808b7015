"""Random-weight GGUF models of real models' shapes, quantized like the real downloads.

Speed depends on a model's shape and quantization, not on its weights, so a
Qwen2.5-0.5B-shaped file with random weights runs as fast as Qwen2.5-0.5B.
Each model is written as float16 by ``tests.support.gguf_factory`` and then
quantized to Q4_K_M with llama.cpp's own quantizer (``llama_model_quantize``,
file type 15), the way the published GGUF files are made. Files are cached in
``benchmarks/.cache/models/``.
"""

from __future__ import annotations

import ctypes
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CACHE = Path(__file__).resolve().parent / ".cache" / "models"

#: llama.cpp's ``LLAMA_FTYPE_MOSTLY_Q4_K_M``.
FTYPE_Q4_K_M = 15


@dataclass(frozen=True)
class ModelShape:
    """The shape of a published model (from its config.json)."""

    name: str
    n_embd: int
    n_layer: int
    n_head: int
    n_head_kv: int
    n_ff: int
    n_vocab: int
    context_length: int
    arch: str = "qwen2"


#: Qwen2.5-0.5B-Instruct and Qwen2.5-1.5B-Instruct (hidden, layers, heads, kv heads, ffn, vocab).
SHAPES = {
    "qwen2.5-0.5b": ModelShape("qwen2.5-0.5b-like", 896, 24, 14, 2, 4864, 151936, 32768),
    "qwen2.5-1.5b": ModelShape("qwen2.5-1.5b-like", 1536, 28, 12, 2, 8960, 151936, 32768),
}


def quantize(source: Path, target: Path, ftype: int = FTYPE_Q4_K_M, threads: int = 0) -> Path:
    """Quantize ``source`` into ``target`` with llama.cpp's quantizer; raises on failure."""
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = ftype
    params.nthread = threads
    partial = target.with_suffix(".part")
    status = llama_cpp.llama_model_quantize(
        str(source).encode(), str(partial).encode(), ctypes.byref(params)
    )
    if status != 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"llama_model_quantize failed ({status}) for {source}")
    partial.replace(target)
    return target


def ensure_model(key: str, cache: Path = CACHE, log=print) -> Path:
    """The Q4_K_M file for ``key`` (see SHAPES), written and quantized on first use."""
    from tests.support.gguf_factory import write_random_model

    shape = SHAPES[key]
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"{shape.name}-Q4_K_M.gguf"
    if target.exists():
        return target
    f16 = cache / f"{shape.name}-f16.gguf"
    log(f"writing {f16.name} (random weights) ...")
    write_random_model(
        f16, n_embd=shape.n_embd, n_layer=shape.n_layer, n_head=shape.n_head,
        n_head_kv=shape.n_head_kv, n_ff=shape.n_ff, n_vocab=shape.n_vocab,
        context_length=shape.context_length, name=shape.name, arch=shape.arch, float16=True,
    )
    log(f"quantizing to {target.name} ...")
    quantize(f16, target)
    f16.unlink()
    return target


if __name__ == "__main__":
    for model_key in sys.argv[1:] or list(SHAPES):
        print(ensure_model(model_key))
