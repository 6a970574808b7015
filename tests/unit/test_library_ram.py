"""RAM estimate, fit verdicts, automatic context, and what the PC has."""

from __future__ import annotations

from pathlib import Path

from desktop.library import (
    available_ram_bytes, choose_context, estimate_ram, estimate_ram_bytes, fit, physical_cores, read_gguf_metadata,
    read_model_facts, total_ram_bytes,
)
from desktop.library import hardware

GiB = 1024**3

#: Qwen2.5-7B-Instruct Q4_K_M as its header describes it.
QWEN_7B = {
    "size_bytes": 4_680_000_000, "n_layer": 28, "n_embd": 3584, "n_head": 28, "n_head_kv": 4,
    "n_vocab": 152064, "context_length": 32768,
}


def test_kv_cache_follows_the_formula() -> None:
    base = estimate_ram_bytes(0, 0, 28, 3584, 28, 4)
    at_4k = estimate_ram_bytes(0, 4096, 28, 3584, 28, 4)
    kv_values = 2 * 28 * 4096 * 3584 * 4 / 28  # 2 · n_layer · n_ctx · n_embd · n_head_kv/n_head
    compute_growth = 4 * 512 * 4096
    assert at_4k - base == kv_values * 2 + compute_growth  # f16: 2 bytes per value
    assert estimate_ram_bytes(0, 4096, 28, 3584, 28, 4, kv_bytes_per_value=1) < at_4k


def test_a_7b_model_estimate_is_plausible() -> None:
    at_4k = estimate_ram(QWEN_7B, 4096)
    assert 4.8 * GiB < at_4k < 6 * GiB  # file 4.4 GiB + KV 224 MiB + buffers
    assert estimate_ram(QWEN_7B, 32768) > at_4k + 1.5 * GiB


def test_estimate_from_a_header(tiny_model: Path) -> None:
    header = read_gguf_metadata(tiny_model)
    from_header = estimate_ram_bytes(file_size=header["file_size"], n_ctx=1024, metadata=header["metadata"])
    assert from_header == estimate_ram(read_model_facts(tiny_model), 1024)


def test_fit_verdicts_and_messages() -> None:
    ok = fit(QWEN_7B, 4096, available=16 * GiB)
    assert ok.verdict == "ok" and ok.fits and "GB" in ok.message
    tight = fit(QWEN_7B, 4096, available=int(5.5 * GiB))
    assert tight.verdict == "tight" and tight.fits
    too_large = fit(QWEN_7B, 4096, available=4 * GiB, lang="en")
    assert too_large.verdict == "too_large" and not too_large.fits
    assert "will not fit" in too_large.message
    assert "メモリに収まりません" in fit(QWEN_7B, 4096, available=4 * GiB, lang="ja").message


def test_automatic_context_is_capped_and_shrinks_to_fit() -> None:
    assert choose_context(QWEN_7B, available=64 * GiB) == 8192, "never the full 32k automatically"
    assert choose_context(QWEN_7B, available=6 * GiB) < 8192
    assert choose_context(QWEN_7B, available=1 * GiB) == 2048, "a floor, even when nothing fits"
    assert choose_context({**QWEN_7B, "context_length": 2048}, available=64 * GiB) == 2048
    assert choose_context(QWEN_7B, 16384, available=1 * GiB) == 16384, "an explicit request is honoured"
    assert choose_context(QWEN_7B, 100_000) == 32768, "but not past the trained context"


def test_this_pc_has_memory_and_cores() -> None:
    total, available = total_ram_bytes(), available_ram_bytes()
    assert total and total > 256 * 1024**2
    assert available and 0 < available <= total
    assert physical_cores() >= 1


def test_physical_cores_from_cpuinfo(tmp_path: Path) -> None:
    # Two sockets, two cores each, hyper-threaded: 8 logical, 4 physical.
    blocks = []
    for cpu in range(8):
        blocks.append(f"processor\t: {cpu}\nphysical id\t: {cpu // 4}\ncore id\t\t: {cpu % 2}\n")
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("\n".join(blocks))
    assert hardware._linux_physical_cores(cpuinfo) == 4
    arm = tmp_path / "arm"
    arm.write_text("processor\t: 0\nBogoMIPS\t: 50\n\nprocessor\t: 1\n")
    assert hardware._linux_physical_cores(arm) is None


def test_meminfo_parsing(tmp_path: Path) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       16303412 kB\nMemFree:         1000000 kB\nMemAvailable:    8000000 kB\n")
    assert hardware._meminfo("MemAvailable", meminfo) == 8_000_000 * 1024
    assert hardware._meminfo("Missing", meminfo) is None
