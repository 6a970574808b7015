"""The real engine process, driven through ``EngineSession``: load, stream, cancel, crash, broken files."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from desktop.engine.protocol import (
    CANCELLED, ENGINE_CRASHED, MODEL_CORRUPT, MODEL_MISSING, CountTokens, Delta, Done, Error, Job,
    Unload,
)
from desktop.engine.session import EngineError, EngineSession
from tests.engine.conftest import broken_files

pytestmark = pytest.mark.timeout(120)


def generate(session: EngineSession, prompt: str = "こんにちは", **options) -> list:
    options.setdefault("max_tokens", 16)
    return list(session.request(Job(kind="generate", inputs={"prompt": prompt}, options=options)))


def test_load_stream_and_stats(tiny_model: Path) -> None:
    with EngineSession() as session:
        progress = []
        facts = session.load(tiny_model, n_ctx=512, on_progress=progress.append)
        assert facts["architecture"] == "llama" and facts["n_ctx"] == 512
        assert facts["chat_template"] is True and facts["chat_template_warning"] == ""
        assert facts["size_bytes"] == tiny_model.stat().st_size
        assert progress and progress[-1].done == progress[-1].total
        events = generate(session, max_tokens=12, seed=3)
        deltas = [e for e in events if isinstance(e, Delta)]
        done = events[-1]
        assert isinstance(done, Done) and deltas
        assert done.stats["generated_tokens"] == 12 and done.stats["finish_reason"] == "length"
        for key in ("prompt_tokens", "seconds", "tokens_per_s", "ttft_s"):
            assert key in done.stats
        count = list(session.request(CountTokens(text="hello world")))
        assert isinstance(count[-1], Done) and count[-1].stats["tokens"] > 0


def test_regenerate_reuses_the_prompt_cache(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=512)
        first = generate(session, "同じ質問です", seed=1)[-1].stats
        again = generate(session, "同じ質問です", seed=1)[-1].stats
        assert first["prompt_eval_tokens"] == first["prompt_tokens"]
        assert again["prompt_eval_tokens"] == 1  # only the last prompt token, for fresh logits


def test_utf8_is_never_broken_in_the_stream(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=512)
        events = generate(session, max_tokens=32, temperature=1.5, seed=5)
        for event in events:
            if isinstance(event, Delta):
                event.text.encode("utf-8")  # a lone surrogate or half character would fail here


def test_cancel_mid_stream_ends_with_cancelled(slow_model: Path) -> None:
    with EngineSession() as session:
        session.load(slow_model, n_ctx=4096)
        request = Job(kind="generate", inputs={"prompt": "長い文章"}, options={"max_tokens": 4000, "ignore_eos": True})
        seen = 0
        final = None
        for event in session.request(request):
            if isinstance(event, Delta):
                seen += 1
                if seen == 3:
                    session.cancel(request.id)
            else:
                final = event
        assert isinstance(final, Error) and final.code == CANCELLED
        assert seen < 200
        after = generate(session, max_tokens=4)
        assert isinstance(after[-1], Done)


def test_kill_mid_stream_reports_engine_crashed(slow_model: Path) -> None:
    session = EngineSession()
    try:
        session.load(slow_model, n_ctx=4096)
        request = Job(kind="generate", inputs={"prompt": "x"}, options={"max_tokens": 4000, "ignore_eos": True})
        events = []
        for event in session.request(request):
            events.append(event)
            if len(events) == 3:
                os.kill(session.pid, signal.SIGKILL)
        assert isinstance(events[-1], Error) and events[-1].code == ENGINE_CRASHED
        assert any(isinstance(e, Delta) for e in events)
    finally:
        session.close()


def test_loading_a_second_model_frees_the_first(tiny_model: Path, tmp_path: Path) -> None:
    from tests.support.gguf_factory import write_tiny_model

    other = write_tiny_model(tmp_path / "other.gguf", name="other-model")
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=256)
        maps_before = _mapped(session.pid, tiny_model)
        facts = session.load(other, n_ctx=256)
        assert facts["name"] == "other-model"
        assert maps_before and not _mapped(session.pid, tiny_model)
        assert _mapped(session.pid, other)
        assert isinstance(list(session.request(Unload()))[-1], Done)
        assert not _mapped(session.pid, other)
        no_model = generate(session)
        assert isinstance(no_model[-1], Error) and no_model[-1].code == MODEL_MISSING


def _mapped(pid: int, path: Path) -> bool:
    """Whether the process has ``path`` memory-mapped (Linux); True elsewhere to skip the check."""
    maps = Path(f"/proc/{pid}/maps")
    if not maps.exists():
        pytest.skip("needs /proc")
    return str(path.resolve()) in maps.read_text()


def test_broken_files_are_model_corrupt(tiny_model: Path, tmp_path: Path) -> None:
    with EngineSession() as session:
        for kind, path in broken_files(tmp_path, tiny_model).items():
            with pytest.raises(EngineError) as caught:
                session.load(path)
            assert caught.value.code == MODEL_CORRUPT, kind
            assert "壊れている" in caught.value.text
        with pytest.raises(EngineError) as missing:
            session.load(tmp_path / "absent.gguf")
        assert missing.value.code == MODEL_MISSING
        assert session.load(tiny_model, n_ctx=256)["name"] == "tiny-chat"  # still alive


def test_english_messages(tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUMI_LANG", "en")
    with EngineSession() as session:
        with pytest.raises(EngineError) as caught:
            session.load(broken_files(tmp_path, tiny_model)["empty"])
        assert "damaged" in caught.value.text


def test_bad_lines_and_eof(tiny_model: Path) -> None:
    session = EngineSession()
    session._process.stdin.write(b"this is not json\n")
    session._process.stdin.flush()
    event = session._read_event()
    assert isinstance(event, Error) and event.code == "bad_input"
    session._process.stdin.close()
    assert session._process.wait(30) == 0  # EOF: clean exit
    session.close()


def test_prompt_too_long_is_context_overflow_and_max_tokens_is_capped(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=256)
        too_long = generate(session, "the " * 400)
        assert isinstance(too_long[-1], Error) and too_long[-1].code == "context_overflow"
        fits = generate(session, "the " * 50, max_tokens=10_000)
        done = fits[-1]
        assert isinstance(done, Done)
        assert done.stats["prompt_tokens"] + done.stats["generated_tokens"] <= 256
