"""Write real GGUF model files with random weights, for tests and benchmarks.

``write_tiny_model`` makes a 64-dimensional, 2-layer llama model with a
byte-level SentencePiece vocabulary: under 1 MB, it loads in milliseconds and
drives the real llama.cpp path (its text is noise). ``write_random_model``
makes a model of any shape (e.g. Qwen2.5-0.5B-shaped) for speed measurements;
it streams tensors to disk one at a time, so memory stays at one tensor.

Chat templates: ``CHATML`` (default), ``GEMMA`` (refuses a system role, as
Gemma's own template does) or ``None`` for a file without a template.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
from gguf import GGMLQuantizationType, GGUFWriter, PoolingType, TokenType

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

GEMMA = (
    "{{ bos_token }}"
    "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
    "{% for message in messages %}"
    "{% if message['role'] == 'assistant' %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}"
    "{{ '<start_of_turn>' + role + '\n' + message['content'] | trim + '<end_of_turn>\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<start_of_turn>model\n' }}{% endif %}"
)

#: Control tokens added after the byte tokens, so ChatML and Gemma turns are real special tokens.
CONTROL_PIECES = ("<|im_start|>", "<|im_end|>", "<start_of_turn>", "<end_of_turn>")

#: A few whole pieces so that common text is not all byte tokens.
PLAIN_PIECES = (
    "▁", "▁the", "▁a", "▁is", "▁of", "▁to", "▁and", "▁Hello", "▁world",
    "user", "assistant", "system", "model",
    "e", "t", "a", "o", "i", "n", "s", "r", "h", "l", "d",
    "の", "は", "です", "ます", "。", "、", "こんにちは", "文書", "要約",
)


def _vocabulary(n_vocab: int | None = None) -> tuple[list[str], list[float], list[int]]:
    """Tokens, scores and types: <unk> <s> </s>, 256 byte tokens, control and plain pieces.

    With ``n_vocab`` larger than the base set, filler pieces (``▁w0``, ``▁w1`` ...) pad it out.
    """
    tokens = ["<unk>", "<s>", "</s>"]
    types = [TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL]
    tokens += [f"<0x{byte:02X}>" for byte in range(256)]
    types += [TokenType.BYTE] * 256
    tokens += list(CONTROL_PIECES)
    types += [TokenType.CONTROL] * len(CONTROL_PIECES)
    tokens += list(PLAIN_PIECES)
    types += [TokenType.NORMAL] * len(PLAIN_PIECES)
    if n_vocab is not None:
        filler = 0
        while len(tokens) < n_vocab:
            tokens.append(f"▁w{filler}")
            types.append(TokenType.NORMAL)
            filler += 1
    scores = [0.0 if kind != TokenType.NORMAL else -float(i) / 1000 for i, kind in enumerate(types)]
    return tokens, scores, [int(kind) for kind in types]


def _tensors(
    rng: np.random.Generator, *, n_embd: int, n_layer: int, n_head: int, n_head_kv: int,
    n_ff: int, n_vocab: int, dtype: type, arch: str,
) -> Iterator[tuple[str, tuple[int, ...], type]]:
    """Names, numpy shapes and dtypes of a llama/qwen2-style model; weights are made later."""
    n_embd_kv = n_embd // n_head * n_head_kv
    yield "token_embd.weight", (n_vocab, n_embd), dtype
    yield "output_norm.weight", (n_embd,), np.float32
    yield "output.weight", (n_vocab, n_embd), dtype
    for layer in range(n_layer):
        prefix = f"blk.{layer}"
        yield f"{prefix}.attn_norm.weight", (n_embd,), np.float32
        yield f"{prefix}.attn_q.weight", (n_embd, n_embd), dtype
        yield f"{prefix}.attn_k.weight", (n_embd_kv, n_embd), dtype
        yield f"{prefix}.attn_v.weight", (n_embd_kv, n_embd), dtype
        if arch == "qwen2":
            yield f"{prefix}.attn_q.bias", (n_embd,), np.float32
            yield f"{prefix}.attn_k.bias", (n_embd_kv,), np.float32
            yield f"{prefix}.attn_v.bias", (n_embd_kv,), np.float32
        yield f"{prefix}.attn_output.weight", (n_embd, n_embd), dtype
        yield f"{prefix}.ffn_norm.weight", (n_embd,), np.float32
        yield f"{prefix}.ffn_gate.weight", (n_ff, n_embd), dtype
        yield f"{prefix}.ffn_up.weight", (n_ff, n_embd), dtype
        yield f"{prefix}.ffn_down.weight", (n_embd, n_ff), dtype


def _weights(rng: np.random.Generator, name: str, shape: tuple[int, ...], dtype: type) -> np.ndarray:
    """Norm weights are 1, biases 0, everything else N(0, 0.02)."""
    if name.endswith("norm.weight"):
        return np.ones(shape, dtype=dtype)
    if name.endswith(".bias"):
        return np.zeros(shape, dtype=dtype)
    return (rng.standard_normal(shape, dtype=np.float32) * 0.02).astype(dtype, copy=False)


def write_random_model(
    path: str | Path,
    *,
    n_embd: int,
    n_layer: int,
    n_head: int,
    n_head_kv: int,
    n_ff: int,
    n_vocab: int,
    context_length: int,
    chat_template: str | None = CHATML,
    name: str = "random-model",
    arch: str = "llama",
    float16: bool = True,
    seed: int = 0,
    pooling: int | None = None,
) -> Path:
    """Write a random-weight GGUF of the given shape and return its path.

    ``pooling`` (a llama.cpp pooling type: 1 mean, 2 cls, 3 last) makes it an
    embedding model: llama.cpp then returns one pooled vector per text.

    ``arch`` is "llama" or "qwen2" (adds the q/k/v biases). Matrices are float16
    when ``float16`` (the file then quantizes like a real f16 export), norms float32.
    Tensors are generated and written one at a time.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    tokens, scores, types = _vocabulary(n_vocab)
    n_vocab = len(tokens)

    writer = GGUFWriter(str(path), arch)
    writer.add_name(name)
    writer.add_context_length(context_length)
    writer.add_embedding_length(n_embd)
    writer.add_block_count(n_layer)
    writer.add_feed_forward_length(n_ff)
    writer.add_head_count(n_head)
    writer.add_head_count_kv(n_head_kv)
    writer.add_rope_dimension_count(n_embd // n_head)
    writer.add_layer_norm_rms_eps(1e-6)
    writer.add_rope_freq_base(10000.0)
    writer.add_file_type(1 if float16 else 0)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_unk_token_id(0)
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)
    if chat_template is not None:
        writer.add_chat_template(chat_template)
    if pooling is not None:
        writer.add_pooling_type(PoolingType(pooling))

    specs = list(_tensors(
        rng, n_embd=n_embd, n_layer=n_layer, n_head=n_head, n_head_kv=n_head_kv,
        n_ff=n_ff, n_vocab=n_vocab, dtype=np.float16 if float16 else np.float32, arch=arch,
    ))
    for tensor_name, shape, dtype in specs:
        nbytes = int(np.prod(shape)) * np.dtype(dtype).itemsize
        raw = GGMLQuantizationType.F16 if dtype == np.float16 else GGMLQuantizationType.F32
        writer.add_tensor_info(tensor_name, shape, np.dtype(dtype), nbytes, raw_dtype=raw)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    for tensor_name, shape, dtype in specs:
        writer.write_tensor_data(_weights(rng, tensor_name, shape, dtype))
    writer.close()
    return path


def write_tiny_model(
    path: str | Path,
    *,
    chat_template: str | None = CHATML,
    arch: str = "llama",
    name: str = "tiny-chat",
) -> Path:
    """A tiny llama model (64-dim, 2 layers, byte-level vocabulary) that loads in milliseconds.

    ``<|im_start|>``/``<|im_end|>``/``<start_of_turn>``/``<end_of_turn>`` are
    CONTROL tokens; ``chat_template=None`` writes a file without a template.
    """
    return write_random_model(
        path, n_embd=64, n_layer=2, n_head=4, n_head_kv=4, n_ff=128, n_vocab=0,
        context_length=2048, chat_template=chat_template, name=name, arch=arch, float16=False,
    )


def write_tiny_embedding_model(path: str | Path, *, name: str = "tiny-e5-embedding") -> Path:
    """A tiny llama-architecture embedding model (mean pooling, no chat template): one vector per text."""
    return write_random_model(
        path, n_embd=64, n_layer=2, n_head=4, n_head_kv=4, n_ff=128, n_vocab=0, context_length=512,
        chat_template=None, name=name, float16=False, pooling=1,
    )
