"""llama.cpp's DRY sampler in the engine's model: off by default, and when on the usual promises still hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.engine import llm

pytestmark = pytest.mark.timeout(120)


def test_dry_is_off_by_default_and_generation_with_it_keeps_every_promise(tiny_model: Path) -> None:
    model = llm.Model.load(tiny_model, n_ctx=512, n_threads=1)
    try:
        assert model.dry_multiplier == llm.DRY_MULTIPLIER == 0.0
        model.dry_multiplier = 0.8
        messages = [{"role": "user", "content": "議事録を書いてください。"}]
        fixed = "".join(model.stream_chat(messages, max_tokens=40, seed=3, ignore_eos=True))
        assert model.last_stats["generated_tokens"] == 40 and model.last_finish_reason == "length"
        assert "_init_sampler" not in vars(model._llama)      # the next request builds its chain afresh
        again = "".join(model.stream_chat(messages, max_tokens=40, seed=3, ignore_eos=True))
        assert again == fixed                                 # seeded: the same text
        greedy = "".join(model.stream_chat(messages, max_tokens=20, temperature=0.0))
        assert model.last_stats["generated_tokens"] <= 20 and not greedy.endswith("\ufffd")
    finally:
        model.close()
