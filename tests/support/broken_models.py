"""A corpus of broken and hostile model files, made from a good one (issue 9, item 4).

``write_broken_corpus(folder, good_model_path)`` writes each kind next to the
others and returns ``{kind: path}``. Every file except ``hostile_template``
has a broken header or is cut short, and must be answered with
``model_corrupt`` (``GGUFFormatError`` in the library) within seconds.
``hostile_template`` is a well-formed model whose chat template tries to
escape the Jinja sandbox and run a shell command that would create
``hostile_marker_path(folder)``; that file must never appear.
"""

from __future__ import annotations

import random
import struct
from pathlib import Path

MARKER_NAME = "HOSTILE_TEMPLATE_RAN.txt"
#: Kinds whose header is well-formed (so they reach the chat-template code).
WELL_FORMED = frozenset({"hostile_template"})

HUGE = 1 << 62


def hostile_marker_path(folder: str | Path) -> Path:
    """The file the hostile template tries to create; it must never exist."""
    return Path(folder).resolve() / MARKER_NAME


def hostile_template(marker: Path) -> str:
    """A chat template that tries three classic sandbox escapes, each creating ``marker``.

    In jinja2's sandbox each one raises ``SecurityError`` (or renders nothing);
    in a plain ``jinja2.Environment`` they run a shell command.
    """
    command = f'echo pwned > "{marker}"'
    return (
        "{{ cycler.__init__.__globals__.os.popen('" + command + "').read() }}"
        "{{ lipsum.__globals__['os'].popen('" + command + "').read() }}"
        "{% for cls in ''.__class__.__mro__[1].__subclasses__() %}"
        "{% if cls.__name__ == 'catch_warnings' %}"
        "{{ cls()._module.__builtins__['__import__']('os').popen('" + command + "').read() }}"
        "{% endif %}{% endfor %}"
        "{% for message in messages %}{{ message['content'] }}{% endfor %}"
    )


# ---- minimal GGUF building blocks, for headers no writer would produce


def _string(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack("<Q", len(data)) + data


def _kv_string(key: str, value: str) -> bytes:
    return _string(key) + struct.pack("<I", 8) + _string(value)


def _kv_u32(key: str, value: int) -> bytes:
    return _string(key) + struct.pack("<I", 4) + struct.pack("<I", value)


def _header(tensor_count: int, kv_count: int, version: int = 3) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", version, tensor_count, kv_count)


def _crafted(kvs: list[bytes], *, tensor_count: int | None = None, kv_count: int | None = None, tail: bytes = b"") -> bytes:
    body = b"".join(kvs)
    return _header(0 if tensor_count is None else tensor_count, len(kvs) if kv_count is None else kv_count) + body + tail


def _patch(data: bytes, offset: int, packed: bytes) -> bytes:
    return data[:offset] + packed + data[offset + len(packed):]


def _header_end(good: Path) -> int:
    """Where the tensor data starts in our own (trusted) good file."""
    from gguf import GGUFReader

    return int(GGUFReader(good).data_offset)


def write_broken_corpus(folder: str | Path, good_model_path: str | Path) -> dict[str, Path]:
    """Write every kind of broken/hostile model file into ``folder``; returns ``{kind: path}``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    good_path = Path(good_model_path)
    good = good_path.read_bytes()
    header_end = _header_end(good_path)
    arch = _kv_string("general.architecture", "llama")

    files: dict[str, bytes] = {
        "empty": b"",
        "random_bytes": random.Random(1234).randbytes(64 * 1024),
        "text_file": "これはモデルではありません。\n".encode("utf-8") * 100,
        "bad_magic": b"GGUX" + good[4:],
        "unknown_version": _patch(good, 4, struct.pack("<I", 99)),
        "version_1": _patch(good, 4, struct.pack("<I", 1)),
        "big_endian": _patch(good, 4, struct.pack(">I", 3)),
        "absurd_tensor_count": _patch(good, 8, struct.pack("<Q", HUGE)),
        "absurd_kv_count": _patch(good, 16, struct.pack("<Q", HUGE)),
        "many_tensors_claimed": _patch(good, 8, struct.pack("<Q", 10_000_000)),
        "absurd_string_length": _patch(good, 24, struct.pack("<Q", HUGE)),  # the first key's length
        "absurd_value_string": _crafted(
            [arch, _string("general.name") + struct.pack("<IQ", 8, HUGE) + b"x" * 64]
        ),
        "absurd_array_length": _crafted(
            [arch, _string("tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, HUGE) + _string("a") * 8]
        ),
        "array_longer_than_file": _crafted(
            [arch, _string("tokenizer.ggml.scores") + struct.pack("<IIQ", 9, 6, 3_000_000) + b"\0" * 1024]
        ),
        "nested_arrays": _crafted(
            [arch, _string("x.nested") + struct.pack("<II", 9, 9) + struct.pack("<Q", 1)
             + struct.pack("<IQ", 9, 1) + struct.pack("<IQ", 9, 1) + struct.pack("<IQ", 4, 1) + b"\0" * 4]
        ),
        "unknown_value_type": _crafted([arch, _string("x.odd") + struct.pack("<I", 77) + b"\0" * 16]),
        "absurd_tensor_dims": _crafted(
            [arch, _kv_u32("general.alignment", 32)], tensor_count=1,
            tail=_string("t") + struct.pack("<I", 2) + struct.pack("<QQ", 1 << 40, 1 << 40) + struct.pack("<IQ", 0, 0) + b"\0" * 64,
        ),
        "too_many_dims": _crafted(
            [arch], tensor_count=1,
            tail=_string("t") + struct.pack("<I", 1000) + b"\0" * 256,
        ),
        "tensor_past_end": _crafted(
            [arch], tensor_count=1,
            tail=_string("t") + struct.pack("<I", 1) + struct.pack("<Q", 1024) + struct.pack("<IQ", 0, 1 << 30) + b"\0" * 64,
        ),
        "duplicate_key": _crafted([arch, arch]),
        "no_architecture": _crafted([_kv_string("general.name", "nameless")]),
    }
    for offset in sorted({2, 7, 20, 40, 200, header_end // 2, header_end - 3, header_end + (len(good) - header_end) // 2, len(good) - 1}):
        if 0 < offset < len(good):
            files[f"truncated_at_{offset}"] = good[:offset]

    written = {kind: folder / f"{kind}.gguf" for kind in files}
    for kind, data in files.items():
        written[kind].write_bytes(data)

    from tests.support.gguf_factory import write_tiny_model

    written["hostile_template"] = write_tiny_model(
        folder / "hostile_template.gguf", chat_template=hostile_template(hostile_marker_path(folder)), name="hostile"
    )
    return written
