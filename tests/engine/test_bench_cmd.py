"""``fumi bench --json`` through the real engine process, on the tiny model (small sizes: fast).

Checks the contract's keys and that the numbers are real measurements; never a timing threshold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REQUIRED_KEYS = {"load_s", "pp_tokens_per_s", "tg_tokens_per_s", "ttft_s", "ttft_regenerate_s", "threads", "model"}


def run_fumi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_bench_json_has_the_contract_keys(tiny_model: Path) -> None:
    done = run_fumi("bench", "--model", str(tiny_model), "--threads", "1", "--ctx", "512",
                    "--prompt-tokens", "64", "--gen-tokens", "8", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert REQUIRED_KEYS <= set(result)
    assert result["model"] == "tiny-chat"
    assert result["threads"] == 1
    for key in ("pp_tokens_per_s", "tg_tokens_per_s"):
        assert result[key] > 0, key
    assert result["ttft_s"] > 0 and result["ttft_regenerate_s"] > 0
    assert result["prompt_tokens"] == 64  # the prompt is fitted to the exact count
    assert result["regenerate_prompt_eval_tokens"] <= 1, "a regenerate re-evaluated the prompt"


def test_bench_refuses_a_context_too_small(tiny_model: Path) -> None:
    done = run_fumi("bench", "--model", str(tiny_model), "--ctx", "128", "--prompt-tokens", "512", "--json")
    assert done.returncode == 2
    assert "--ctx" in done.stderr
    assert done.stdout == ""


@pytest.mark.slow
def test_bench_parallel_adds_the_aggregate_generation_speed(tiny_model: Path) -> None:
    done = run_fumi("bench", "--model", str(tiny_model), "--threads", "1", "--ctx", "1024",
                    "--prompt-tokens", "16", "--gen-tokens", "4", "--parallel", "3", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert REQUIRED_KEYS <= set(result)
    assert result["parallel"] == 3 and result["parallel_tg_tokens_per_s"] > 0
    assert result["parallel_stream_tokens_per_s"] > 0
    assert result["parallel_generated_tokens"] == 3 * 64
    assert result["parallel_prompt_tokens"] == 3 * 128  # as llama-batched-bench -npp 128


def test_bench_parallel_below_1_is_a_usage_error(tiny_model: Path) -> None:
    done = run_fumi("bench", "--model", str(tiny_model), "--parallel", "0", "--json")
    assert done.returncode == 2 and "--parallel" in done.stderr


def test_a_prompt_shorter_than_the_chat_template_is_said_to_be_longer(tiny_model: Path) -> None:
    done = run_fumi("bench", "--model", str(tiny_model), "--threads", "1", "--ctx", "256",
                    "--prompt-tokens", "8", "--gen-tokens", "2", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["prompt_tokens"] > 8
    assert f"shortest prompt with this chat template is {result['prompt_tokens']} tokens, not 8" in done.stderr
