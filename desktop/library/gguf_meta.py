"""A small, bounded reader for the header of a GGUF model file.

Model files come from outside and may be broken or crafted. This reader never
trusts a length: every count and size is checked against a limit and against
what is left of the file before anything is read or allocated, so a hostile
header ends in ``GGUFFormatError`` quickly, with memory bounded, instead of a
hang. It reads the key/values and tensor infos only (the header), never the
weights; big arrays such as the vocabulary are skipped and only their length
is kept. (``gguf.GGUFReader`` is not used on untrusted files: it can hang or
exhaust memory on crafted length fields.)

The format (little-endian, versions 2 and 3): magic ``GGUF``, uint32 version,
uint64 tensor count, uint64 key/value count, the key/values, the tensor infos
(name, dims, type, offset), then the aligned tensor data.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)

#: GGUF value types: id -> (name, struct format or None for string/array).
VALUE_TYPES: dict[int, tuple[str, str | None]] = {
    0: ("UINT8", "<B"),
    1: ("INT8", "<b"),
    2: ("UINT16", "<H"),
    3: ("INT16", "<h"),
    4: ("UINT32", "<I"),
    5: ("INT32", "<i"),
    6: ("FLOAT32", "<f"),
    7: ("BOOL", "<?"),
    8: ("STRING", None),
    9: ("ARRAY", None),
    10: ("UINT64", "<Q"),
    11: ("INT64", "<q"),
    12: ("FLOAT64", "<d"),
}
STRING = 8
ARRAY = 9

#: ggml tensor types: id -> (name, elements per block, bytes per block). Unknown ids are tolerated.
TENSOR_TYPES: dict[int, tuple[str, int, int]] = {
    0: ("F32", 1, 4), 1: ("F16", 1, 2), 2: ("Q4_0", 32, 18), 3: ("Q4_1", 32, 20),
    6: ("Q5_0", 32, 22), 7: ("Q5_1", 32, 24), 8: ("Q8_0", 32, 34), 9: ("Q8_1", 32, 40),
    10: ("Q2_K", 256, 84), 11: ("Q3_K", 256, 110), 12: ("Q4_K", 256, 144), 13: ("Q5_K", 256, 176),
    14: ("Q6_K", 256, 210), 15: ("Q8_K", 256, 292), 16: ("IQ2_XXS", 256, 66), 17: ("IQ2_XS", 256, 74),
    18: ("IQ3_XXS", 256, 98), 19: ("IQ1_S", 256, 50), 20: ("IQ4_NL", 32, 18), 21: ("IQ3_S", 256, 110),
    22: ("IQ2_S", 256, 82), 23: ("IQ4_XS", 256, 136), 24: ("I8", 1, 1), 25: ("I16", 1, 2),
    26: ("I32", 1, 4), 27: ("I64", 1, 8), 28: ("F64", 1, 8), 29: ("IQ1_M", 256, 56),
    30: ("BF16", 1, 2), 34: ("TQ1_0", 256, 54), 35: ("TQ2_0", 256, 66), 39: ("MXFP4", 32, 17),
}

MAX_DIMS = 4  # ggml's GGML_MAX_DIMS
MAX_KEY_BYTES = 65535  # the spec's limit on key length
MAX_TENSOR_NAME_BYTES = 1024
MAX_DIM = 1 << 40
MAX_ELEMENTS = 1 << 62
KEEP_ARRAY_ITEMS = 1024  # arrays up to this length are returned whole; longer ones as ArraySummary
MAX_ARRAY_DEPTH = 2

# Smallest possible encodings, used to reject counts the rest of the file cannot hold.
_MIN_KV_BYTES = 8 + 4 + 1
_MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8


class GGUFFormatError(ValueError):
    """The file is not a GGUF model Fumi can read. ``reason`` is a short code, ``detail`` says where.

    Reasons: ``empty``, ``not_a_file``, ``unreadable``, ``bad_magic``, ``unsupported_version``,
    ``too_many_tensors``, ``too_many_keys``, ``string_too_long``, ``array_too_long``,
    ``header_too_large``, ``truncated``, ``bad_value_type``, ``bad_tensor``, ``duplicate``,
    ``missing_architecture``.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True)
class ArraySummary:
    """A long array (e.g. the vocabulary) that was skipped: its element type and length only."""

    element_type: int
    length: int


class _BoundedReader:
    """Reads a file front to back, refusing to go past its end or past a byte budget."""

    def __init__(self, handle: BinaryIO, file_size: int, budget: int) -> None:
        self._handle = handle
        self.file_size = file_size
        self._budget = budget
        self.pos = 0

    def remaining(self) -> int:
        return self.file_size - self.pos

    def _claim(self, n: int, what: str) -> None:
        if n < 0 or n > self.remaining():
            raise GGUFFormatError("truncated", f"{what} needs {n} bytes at offset {self.pos}, file has {self.remaining()} left")
        if self.pos + n > self._budget:
            raise GGUFFormatError("header_too_large", f"{what} goes past the {self._budget} byte header limit")

    def read(self, n: int, what: str) -> bytes:
        self._claim(n, what)
        data = self._handle.read(n)
        if len(data) != n:
            raise GGUFFormatError("truncated", f"{what} at offset {self.pos}")
        self.pos += n
        return data

    def peek(self, n: int) -> bytes:
        """Up to ``n`` bytes from the current position, without moving it."""
        data = self._handle.read(n)
        self._handle.seek(self.pos)
        return data

    def skip(self, n: int, what: str) -> None:
        self._claim(n, what)
        self._handle.seek(n, os.SEEK_CUR)
        self.pos += n

    def unpack(self, fmt: str, what: str) -> Any:
        return struct.unpack(fmt, self.read(struct.calcsize(fmt), what))[0]

    def u32(self, what: str) -> int:
        return self.unpack("<I", what)

    def u64(self, what: str) -> int:
        return self.unpack("<Q", what)


@dataclass
class _Limits:
    max_kv: int
    max_string: int
    max_array: int
    max_tensors: int


def read_gguf_metadata(
    path: str | os.PathLike[str],
    *,
    max_kv: int = 65536,
    max_string: int = 4 * 1024 * 1024,
    max_array: int = 4 * 1024 * 1024,
    max_tensors: int = 65536,
    max_header_bytes: int = 96 * 1024 * 1024,
) -> dict[str, Any]:
    """Read a GGUF file's header safely; raise ``GGUFFormatError`` if it is not a well-formed one.

    Returns ``{"version", "tensor_count", "kv_count", "metadata": {key: value},
    "parameter_count", "tensor_types": {type name: count}, "data_offset", "file_size"}``.
    Strings are decoded as UTF-8 (bad bytes replaced); arrays longer than
    ``KEEP_ARRAY_ITEMS`` become ``ArraySummary``. The tensor data is not read,
    but its extent is checked against the file size, so a cut-off file is caught.
    Reads at most ``max_header_bytes`` and keeps memory to a few MB.
    """
    path = Path(path)
    try:
        file_size = path.stat().st_size
        if not path.is_file():
            raise GGUFFormatError("not_a_file", str(path))
        handle = open(path, "rb", buffering=1024 * 1024)
    except OSError as exc:
        raise GGUFFormatError("unreadable", f"{exc.strerror or exc}") from None
    limits = _Limits(max_kv, max_string, max_array, max_tensors)
    with handle:
        reader = _BoundedReader(handle, file_size, max_header_bytes)
        return _parse(reader, limits)


def _parse(reader: _BoundedReader, limits: _Limits) -> dict[str, Any]:
    if reader.file_size == 0:
        raise GGUFFormatError("empty", "the file is 0 bytes")
    head = reader.peek(4)
    if head != MAGIC[: len(head)]:
        raise GGUFFormatError("bad_magic", f"starts with {head!r}, not {MAGIC!r}")
    reader.read(4, "magic")
    version = reader.u32("version")
    if version not in SUPPORTED_VERSIONS:
        swapped = struct.unpack(">I", struct.pack("<I", version))[0]
        detail = "big-endian file" if swapped in SUPPORTED_VERSIONS else f"version {version}"
        raise GGUFFormatError("unsupported_version", detail)

    tensor_count = reader.u64("tensor count")
    kv_count = reader.u64("key/value count")
    if tensor_count > limits.max_tensors:
        raise GGUFFormatError("too_many_tensors", f"{tensor_count} tensors (limit {limits.max_tensors})")
    if kv_count > limits.max_kv:
        raise GGUFFormatError("too_many_keys", f"{kv_count} key/values (limit {limits.max_kv})")
    if tensor_count * _MIN_TENSOR_INFO_BYTES + kv_count * _MIN_KV_BYTES > reader.remaining():
        raise GGUFFormatError(
            "truncated", f"{tensor_count} tensors and {kv_count} key/values cannot fit in {reader.remaining()} bytes"
        )

    metadata: dict[str, Any] = {}
    for index in range(kv_count):
        key = _read_string(reader, MAX_KEY_BYTES, f"key #{index}")
        if key in metadata:
            raise GGUFFormatError("duplicate", f"key {key!r} appears twice")
        value_type = reader.u32(f"type of {key!r}")
        metadata[key] = _read_value(reader, value_type, limits, key, depth=0)

    parameter_count, tensor_types, data_end = _read_tensor_infos(reader, tensor_count, limits)
    alignment = metadata.get("general.alignment", 32)
    if not isinstance(alignment, int) or isinstance(alignment, bool) or alignment <= 0 or alignment & (alignment - 1):
        raise GGUFFormatError("bad_value_type", f"general.alignment {alignment!r} is not a power of two")
    data_offset = (reader.pos + alignment - 1) // alignment * alignment
    if data_offset + data_end > reader.file_size:
        raise GGUFFormatError(
            "truncated", f"tensor data needs {data_offset + data_end} bytes, the file has {reader.file_size}"
        )
    return {
        "version": version,
        "tensor_count": tensor_count,
        "kv_count": kv_count,
        "metadata": metadata,
        "parameter_count": parameter_count,
        "tensor_types": tensor_types,
        "data_offset": data_offset,
        "file_size": reader.file_size,
    }


def _read_string(reader: _BoundedReader, limit: int, what: str) -> str:
    length = reader.u64(f"length of {what}")
    if length > limit:
        raise GGUFFormatError("string_too_long", f"{what} claims {length} bytes (limit {limit})")
    return reader.read(length, what).decode("utf-8", errors="replace")


def _read_value(reader: _BoundedReader, value_type: int, limits: _Limits, key: str, depth: int) -> Any:
    if value_type not in VALUE_TYPES:
        raise GGUFFormatError("bad_value_type", f"{key!r} has unknown type {value_type}")
    if value_type == STRING:
        return _read_string(reader, limits.max_string, repr(key))
    if value_type == ARRAY:
        return _read_array(reader, limits, key, depth)
    fmt = VALUE_TYPES[value_type][1]
    assert fmt is not None
    return reader.unpack(fmt, repr(key))


def _read_array(reader: _BoundedReader, limits: _Limits, key: str, depth: int) -> Any:
    if depth >= MAX_ARRAY_DEPTH:
        raise GGUFFormatError("bad_value_type", f"{key!r} nests arrays too deeply")
    element_type = reader.u32(f"element type of {key!r}")
    if element_type not in VALUE_TYPES:
        raise GGUFFormatError("bad_value_type", f"{key!r} has arrays of unknown type {element_type}")
    count = reader.u64(f"length of {key!r}")
    fmt = VALUE_TYPES[element_type][1]
    min_item = struct.calcsize(fmt) if fmt else (8 if element_type == STRING else 12)
    if count > limits.max_array:
        raise GGUFFormatError("array_too_long", f"{key!r} claims {count} items (limit {limits.max_array})")
    if count * min_item > reader.remaining():
        raise GGUFFormatError("truncated", f"{key!r} claims {count} items, more than the file holds")

    if fmt is not None:
        size = struct.calcsize(fmt)
        if count <= KEEP_ARRAY_ITEMS:
            data = reader.read(size * count, repr(key))
            return list(struct.unpack(f"<{count}{fmt[1]}", data))
        reader.skip(size * count, repr(key))
        return ArraySummary(element_type, count)

    keep = count <= KEEP_ARRAY_ITEMS
    items: list[Any] = []
    for index in range(count):
        if element_type == STRING:
            what = f"{key!r}[{index}]"
            if keep:
                items.append(_read_string(reader, limits.max_string, what))
            else:
                length = reader.u64(f"length of {what}")
                if length > limits.max_string:
                    raise GGUFFormatError("string_too_long", f"{what} claims {length} bytes")
                reader.skip(length, what)
        else:
            item = _read_array(reader, limits, f"{key}[{index}]", depth + 1)
            if keep:
                items.append(item)
    return items if keep else ArraySummary(element_type, count)


def _read_tensor_infos(
    reader: _BoundedReader, tensor_count: int, limits: _Limits
) -> tuple[int, dict[str, int], int]:
    """Parameter count, tensor-type histogram, and the end of the tensor data (relative to its start)."""
    names: set[str] = set()
    parameters = 0
    types: dict[str, int] = {}
    data_end = 0
    for index in range(tensor_count):
        name = _read_string(reader, MAX_TENSOR_NAME_BYTES, f"tensor #{index} name")
        if name in names:
            raise GGUFFormatError("duplicate", f"tensor {name!r} appears twice")
        names.add(name)
        n_dims = reader.u32(f"dimensions of {name!r}")
        if n_dims > MAX_DIMS:
            raise GGUFFormatError("bad_tensor", f"{name!r} has {n_dims} dimensions")
        elements = 1
        first_dim = 1
        for axis in range(n_dims):
            dim = reader.u64(f"dimension {axis} of {name!r}")
            if dim > MAX_DIM:
                raise GGUFFormatError("bad_tensor", f"{name!r} has dimension {dim}")
            if axis == 0:
                first_dim = dim
            elements *= dim
            if elements > MAX_ELEMENTS:
                raise GGUFFormatError("bad_tensor", f"{name!r} has too many elements")
        tensor_type = reader.u32(f"type of {name!r}")
        offset = reader.u64(f"offset of {name!r}")
        parameters += elements
        type_info = TENSOR_TYPES.get(tensor_type)
        type_name = type_info[0] if type_info else f"type{tensor_type}"
        types[type_name] = types.get(type_name, 0) + 1
        if type_info:
            _, block, block_bytes = type_info
            if first_dim % block:
                raise GGUFFormatError("bad_tensor", f"{name!r}: {first_dim} is not a multiple of {block}")
            data_end = max(data_end, offset + elements // block * block_bytes)
        else:
            data_end = max(data_end, offset)
    return parameters, types, data_end
