"""``ignore_eos`` generates exactly ``max_tokens``, whatever the model would do (benchmarks rely on it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.engine.protocol import Done, Job
from desktop.engine.session import EngineSession

pytestmark = pytest.mark.timeout(120)


def test_ignore_eos_runs_to_max_tokens_for_every_seed(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=1024)
        for seed in range(12):
            job = Job(kind="generate", inputs={"prompt": "x"},
                      options={"max_tokens": 200, "seed": seed, "ignore_eos": True})
            done = list(session.request(job))[-1]
            assert isinstance(done, Done)
            assert done.stats["generated_tokens"] == 200
            assert done.stats["finish_reason"] == "length"
