"""A real model's GGUF file with its weights replaced by random ones: a model that writes its whole budget.

Gemma 3 270M, the only real model here, loops: the repetition guard stops most of
its partial summaries after a few dozen tokens, so a summary's time is mostly
prompt processing, and which path writes more depends on where each loop starts
(README, "Parallel decoding: measured"). A model that writes full partial summaries
spends far more of a summary generating. ``randomized_copy`` makes one of the same
shape, tokenizer and chat template (if the file has one; Gemma 3 270M's has none, and Fumi
uses its built-in Gemma format for both): every metadata key is copied as it is, every
tensor gets random values of its shape (matrices N(0, 0.02) in float16, norm
vectors 1.0 in float32), and the file is quantized to Q4_K_M with llama.cpp's own
quantizer (``models.quantize``). At temperature 1 its replies are random tokens that
seldom end or repeat, so nearly all run to their token limit and both paths of a job
do (nearly) the same work; at 0.3 it falls into repeats as often as the real model.

Usage: ``python benchmarks/random_weights.py SOURCE.gguf TARGET.gguf [--seed N]``
(``benchmarks/parallel.py --job-model gemma-random`` makes its copy in ``.cache/models/``).
Speed depends on shape and quantization, not weights (``models.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from models import quantize  # noqa: E402

#: Standard deviation of the random matrices (the usual initialisation scale).
WEIGHT_STD = 0.02


def randomized_copy(source: Path, target: Path, seed: int = 0, log=print) -> Path:
    """Write ``target``: ``source`` with random weights, quantized to Q4_K_M; kept if it exists."""
    from gguf import GGUFReader, GGUFValueType, GGUFWriter

    if target.exists():
        return target
    reader = GGUFReader(str(source))
    arch = reader.fields["general.architecture"].contents()
    f16 = target.with_name(target.stem + "-f16.gguf")
    writer = GGUFWriter(str(f16), arch)
    for name, field in reader.fields.items():
        if name.startswith("GGUF.") or name in ("general.architecture", "general.file_type"):
            continue
        kind = field.types[0]
        sub_kind = field.types[-1] if kind == GGUFValueType.ARRAY else None
        writer.add_key_value(name, field.contents(), kind, sub_kind)
    rng = np.random.default_rng(seed)
    for tensor in reader.tensors:
        shape = tuple(int(n) for n in reversed(tensor.shape))  # numpy order: outermost first
        if len(shape) == 1:
            values = np.ones(shape, dtype=np.float32)
        else:
            values = rng.normal(0.0, WEIGHT_STD, size=shape).astype(np.float16)
        writer.add_tensor(tensor.name, values)
    log(f"writing {f16.name} (random weights, {len(reader.tensors)} tensors) ...")
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    log(f"quantizing to {target.name} ...")
    try:
        quantize(f16, target)
    finally:
        f16.unlink(missing_ok=True)
    return target


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the real model's .gguf file")
    parser.add_argument("target", type=Path, help="the copy to write (kept as it is if it exists)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not args.source.is_file():
        parser.error(f"no such file: {args.source}")
    print(randomized_copy(args.source, args.target, seed=args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
