"""The bounded GGUF header reader and the facts it gives, on a good file and on every broken one."""

from __future__ import annotations

import struct
import time
import tracemalloc
from pathlib import Path

import gguf
import pytest

from desktop.library import GGUFFormatError, model_facts, read_gguf_metadata, read_model_facts
from desktop.library.facts import FILE_TYPES, parameter_label
from desktop.library.gguf_meta import TENSOR_TYPES, ArraySummary
from tests.support.broken_models import WELL_FORMED, write_broken_corpus
from tests.support.gguf_factory import write_random_model


@pytest.fixture(scope="module")
def corpus(tiny_model: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_broken_corpus(tmp_path_factory.mktemp("broken"), tiny_model)


def test_reads_the_good_model(tiny_model: Path) -> None:
    meta = read_gguf_metadata(tiny_model)
    assert meta["version"] == 3
    assert meta["metadata"]["general.architecture"] == "llama"
    assert meta["file_size"] == tiny_model.stat().st_size
    assert meta["data_offset"] < meta["file_size"]
    # The parameter count is the sum of the tensor shapes, as the gguf package reads them.
    reader = gguf.GGUFReader(tiny_model)  # our own, trusted file
    assert meta["parameter_count"] == sum(int(t.n_elements) for t in reader.tensors)
    assert meta["tensor_count"] == len(reader.tensors)


def test_facts_of_the_good_model(tiny_model: Path) -> None:
    facts = read_model_facts(tiny_model)
    assert facts["name"] == "tiny-chat"
    assert facts["architecture"] == "llama"
    assert facts["quantization"] == "F32"
    assert facts["context_length"] == 2048
    assert (facts["n_layer"], facts["n_embd"], facts["n_head"], facts["n_head_kv"]) == (2, 64, 4, 4)
    assert facts["chat_template"] is True
    assert facts["chat_template_chars"] > 50
    assert facts["size_bytes"] == tiny_model.stat().st_size
    assert facts["parameters"] == parameter_label(facts["parameter_count"])
    assert not any("im_start" in str(value) for value in facts.values()), "the template text stays out of the facts"


def test_large_vocabulary_is_summarized_not_loaded(tmp_path: Path) -> None:
    path = write_random_model(
        tmp_path / "vocab.gguf", n_embd=16, n_layer=1, n_head=2, n_head_kv=1, n_ff=32,
        n_vocab=5000, context_length=32768, chat_template=None, name="", float16=True,
    )
    meta = read_gguf_metadata(path)
    tokens = meta["metadata"]["tokenizer.ggml.tokens"]
    assert isinstance(tokens, ArraySummary) and tokens.length == 5000
    facts = model_facts(meta, path)
    assert facts["n_vocab"] == 5000
    assert facts["quantization"] == "F16"
    assert facts["chat_template"] is False and facts["chat_template_chars"] == 0
    assert facts["name"] == "vocab", "no general.name: the file stem"
    assert facts["n_head_kv"] == 1


@pytest.mark.parametrize("kind", ["empty", "random_bytes", "bad_magic", "unknown_version", "absurd_tensor_count",
                                  "absurd_kv_count", "absurd_string_length", "absurd_array_length"])
def test_the_issue_corpus_kinds_exist(corpus: dict[str, Path], kind: str) -> None:
    assert corpus[kind].exists()
    assert sum(name.startswith("truncated_at_") for name in corpus) >= 5


def test_every_broken_file_is_refused_fast_with_bounded_memory(corpus: dict[str, Path]) -> None:
    broken = {kind: path for kind, path in corpus.items() if kind not in WELL_FORMED}
    assert len(broken) >= 20
    for kind, path in broken.items():
        tracemalloc.start()
        started = time.monotonic()
        with pytest.raises(GGUFFormatError) as caught:
            read_model_facts(path)
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert caught.value.reason, kind
        assert peak < 8 * 1024 * 1024, f"{kind}: {peak} bytes"
        assert elapsed < 5, kind  # a generous bound: a hang would be caught, not a slow machine


def test_reasons_name_the_problem(corpus: dict[str, Path]) -> None:
    def reason(kind: str) -> str:
        with pytest.raises(GGUFFormatError) as caught:
            read_model_facts(corpus[kind])
        return caught.value.reason

    assert reason("empty") == "empty"
    assert reason("random_bytes") == "bad_magic"
    assert reason("bad_magic") == "bad_magic"
    assert reason("unknown_version") == "unsupported_version"
    assert reason("version_1") == "unsupported_version"
    assert reason("absurd_tensor_count") == "too_many_tensors"
    assert reason("absurd_kv_count") == "too_many_keys"
    assert reason("absurd_string_length") == "string_too_long"
    assert reason("absurd_value_string") == "string_too_long"
    assert reason("absurd_array_length") == "array_too_long"
    assert reason("no_architecture") == "missing_architecture"
    assert reason("duplicate_key") == "duplicate"
    assert reason("tensor_past_end") == "truncated"
    for kind in corpus:
        if kind.startswith("truncated_at_"):
            assert reason(kind) == "truncated", kind


def test_the_hostile_template_file_has_a_sound_header(corpus: dict[str, Path]) -> None:
    facts = read_model_facts(corpus["hostile_template"])
    assert facts["chat_template"] is True


def test_limits_are_the_callers(tiny_model: Path) -> None:
    with pytest.raises(GGUFFormatError) as caught:
        read_gguf_metadata(tiny_model, max_array=100)  # the vocabulary has ~300 tokens
    assert caught.value.reason == "array_too_long"
    with pytest.raises(GGUFFormatError) as caught:
        read_gguf_metadata(tiny_model, max_tensors=3)
    assert caught.value.reason == "too_many_tensors"
    with pytest.raises(GGUFFormatError) as caught:
        read_gguf_metadata(tiny_model, max_string=10)  # the chat template is longer
    assert caught.value.reason == "string_too_long"
    with pytest.raises(GGUFFormatError) as caught:
        read_gguf_metadata(tiny_model, max_header_bytes=1000)
    assert caught.value.reason == "header_too_large"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(GGUFFormatError) as caught:
        read_gguf_metadata(tmp_path / "absent.gguf")
    assert caught.value.reason == "unreadable"
    with pytest.raises(GGUFFormatError):
        read_gguf_metadata(tmp_path)


def test_version_2_is_read(tiny_model: Path, tmp_path: Path) -> None:
    data = bytearray(tiny_model.read_bytes())
    data[4:8] = struct.pack("<I", 2)
    path = tmp_path / "v2.gguf"
    path.write_bytes(bytes(data))
    assert read_gguf_metadata(path)["version"] == 2


def test_type_tables_agree_with_the_gguf_package() -> None:
    for file_type in gguf.LlamaFileType:
        if file_type.value in FILE_TYPES:
            assert file_type.name.removeprefix("MOSTLY_").removeprefix("ALL_") == FILE_TYPES[file_type.value]
    assert FILE_TYPES[15] == "Q4_K_M"
    for quant, (name, block, size) in TENSOR_TYPES.items():
        assert gguf.GGMLQuantizationType(quant).name == name
        assert gguf.GGML_QUANT_SIZES[gguf.GGMLQuantizationType(quant)] == (block, size)


def test_parameter_labels() -> None:
    assert parameter_label(1_543_714_304) == "1.5B"
    assert parameter_label(7_000_000_000) == "7B"
    assert parameter_label(494_032_768) == "494M"
