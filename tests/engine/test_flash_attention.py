"""Flash attention is on by default; a model llama.cpp cannot give a context with it still loads without it."""

from __future__ import annotations

from pathlib import Path

import llama_cpp

from desktop.engine import llm


def test_loads_with_flash_attention(tiny_model: Path) -> None:
    model = llm.Model.load(tiny_model, n_ctx=256)
    try:
        assert model._llama.context_params.flash_attn_type == llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED
    finally:
        model.close()


def test_falls_back_without_flash_attention(tiny_model: Path, monkeypatch) -> None:
    real = llama_cpp.Llama
    tried: list[bool] = []

    def refusing_flash(*args, flash_attn: bool = False, **kwargs):
        tried.append(flash_attn)
        if flash_attn:
            raise ValueError("Failed to create llama_context")
        return real(*args, flash_attn=flash_attn, **kwargs)

    monkeypatch.setattr(llm.llama_cpp, "Llama", refusing_flash)
    model = llm.Model.load(tiny_model, n_ctx=256)
    try:
        assert tried == [True, False]
        assert "".join(model.stream_chat([{"role": "user", "content": "x"}], max_tokens=4, seed=1)) is not None
    finally:
        model.close()
