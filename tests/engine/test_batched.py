"""Several requests decoded at once on the tiny real model: equal outputs, order, overflow, cancel, KV reuse.

In-process tests drive ``Model.stream_chat_many`` and ``BatchedDecoder`` on the
real llama.cpp path; the last ones go through the engine process with the
summarize job. No test looks at timings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.contracts import Cancelled, ChatRequest
from desktop.engine import batched
from desktop.engine.llm import Model
from desktop.engine.protocol import CANCELLED, CONTEXT_OVERFLOW, Delta, Done, Error, Job, Progress, Section
from desktop.engine.session import EngineSession
from tests.engine.test_summarize_cli import long_japanese_text

pytestmark = pytest.mark.timeout(180)

SYSTEM = {"role": "system", "content": "You summarize one part of a city office document in Japanese, briefly and exactly."}


def requests(count: int, *, lengths: list[int] | None = None, temperature: float = 0.0) -> list[ChatRequest]:
    lengths = lengths or [12 + 3 * i for i in range(count)]
    return [ChatRequest([SYSTEM, {"role": "user", "content": f"第{i}部: " + "市の事業について。" * (1 + i)}],
                        max_tokens=lengths[i], temperature=temperature, seed=7)
            for i in range(count)]


def collect(model: Model, chats: list[ChatRequest], parallel: int) -> tuple[dict[int, str], list, list[int]]:
    texts: dict[int, str] = {}
    ends = []
    order = []
    for piece in model.stream_chat_many(chats, parallel=parallel):
        if piece.finish_reason:
            ends.append(piece)
            order.append(piece.index)
        else:
            texts[piece.index] = texts.get(piece.index, "") + piece.text
    return texts, ends, order


@pytest.fixture(scope="module")
def model(tiny_model: Path):
    loaded = Model.load(tiny_model, n_ctx=512)
    yield loaded
    loaded.close()


def test_one_sequence_in_the_batched_decoder_equals_the_sequential_path(model: Model) -> None:
    """Per-sequence KV cells, positions and sampling are exact: alone in a batch, a request decodes
    bit for bit as ``stream_chat`` does (even in a larger KV cache)."""
    llama = model._llama
    decoder = batched.BatchedDecoder(llama._model.model, model._vocab, n_cells=2048, n_seq=4,
                                     n_threads=int(llama.context_params.n_threads),
                                     flash_attn_type=int(llama.context_params.flash_attn_type))
    try:
        for chat in requests(4, lengths=[40] * 4):
            alone = "".join(model.stream_chat(chat.messages, max_tokens=40, temperature=0))
            prompt = batched.SequenceRequest(model.chat_tokens(chat.messages), 40, 0.0, 1)
            tokens = [event[1] for event in decoder.run([prompt]) if len(event) == 2]
            assert b"".join(model._piece(t) for t in tokens).decode("utf-8", "replace") == alone
    finally:
        decoder.close()


def test_each_output_equals_the_sequential_one_at_temperature_0(model: Model) -> None:
    """Several sequences in one batch: equal here. llama.cpp's float results depend on the batch's
    composition (llama.cpp PR 6950), so on near-tied logits a token can differ (README, "Parallel")."""
    chats = requests(5)
    sequential = ["".join(model.stream_chat(c.messages, max_tokens=c.max_tokens, temperature=0)) for c in chats]
    model.begin_request()
    texts, ends, _order = collect(model, chats, parallel=3)
    assert [texts.get(i, "") for i in range(5)] == sequential
    assert sorted(end.index for end in ends) == list(range(5))
    # the shared system prompt was evaluated once, not five times
    assert model.usage["prompt_eval_tokens"] < model.usage["prompt_tokens"]
    assert model.usage["generated_tokens"] == sum(c.max_tokens for c in chats)
    # once every prompt is in, the decode steps carry generation only: counted apart (S_TG)
    assert 0 < model.usage["generation_only_tokens"] < model.usage["generated_tokens"]
    assert model.request_stats(1.0)["batch_tg_tokens_per_s"] > 0


def test_parallel_1_is_the_sequential_path(model: Model) -> None:
    chats = requests(3)
    texts, ends, order = collect(model, chats, parallel=1)
    assert order == [0, 1, 2]
    assert texts[1] == "".join(model.stream_chat(chats[1].messages, max_tokens=chats[1].max_tokens, temperature=0))


def test_requests_finish_in_any_order_each_exactly_once(model: Model) -> None:
    chats = requests(4, lengths=[30, 4, 18, 2])
    _texts, ends, order = collect(model, chats, parallel=4)
    assert order == [3, 1, 2, 0]  # the shortest answers end first
    assert [end.finish_reason for end in ends] == ["length"] * 4


def test_an_overflowing_request_fails_alone(model: Model) -> None:
    chats = requests(3)
    chats.insert(1, ChatRequest([{"role": "user", "content": "長い" * 2000}], max_tokens=8, temperature=0))
    texts, ends, _order = collect(model, chats, parallel=4)
    failed = [end for end in ends if end.finish_reason == "error"]
    assert [end.index for end in failed] == [1] and failed[0].error.code == CONTEXT_OVERFLOW
    assert 1 not in texts and all(texts.get(i) for i in (0, 2, 3))
    assert sorted(end.index for end in ends) == [0, 1, 2, 3]


def test_cancel_stops_every_sequence_and_the_model_goes_on(model: Model) -> None:
    seen = []
    model.cancel_check = lambda: len(seen) >= 6
    try:
        with pytest.raises(Cancelled):
            for piece in model.stream_chat_many(requests(4, lengths=[200] * 4), parallel=4):
                seen.append(piece)
        assert not any(piece.finish_reason for piece in seen)
    finally:
        model.cancel_check = lambda: False
    texts, ends, _order = collect(model, requests(2), parallel=2)
    assert len(ends) == 2 and all(texts.values())


def test_cells_are_released_as_sequences_finish(model: Model) -> None:
    """KV cells for a few requests at a time, five requests: they only fit if cells come back."""
    prompts = [batched.SequenceRequest(model.chat_tokens(c.messages), 0, 0.0, 1) for c in requests(5)]
    for prompt in prompts:
        prompt.max_tokens = 300 - len(prompt.tokens)  # 300 cells each
    llama = model._llama
    decoder = batched.BatchedDecoder(llama._model.model, model._vocab, n_cells=600, n_seq=5, n_threads=1,
                                     unified=True)
    prefix = batched.shared_prefix([p.tokens for p in prompts])
    fit_at_once = (decoder.n_cells - prefix) // (300 - prefix)  # llama.cpp rounds n_cells up to 256s
    try:
        tokens: dict[int, list[int]] = {}
        running, most = set(), 0
        for event in decoder.run(prompts):
            if len(event) == 3:
                running.discard(event[0])
            else:
                running.add(event[0])
                tokens.setdefault(event[0], []).append(event[1])
            most = max(most, len(running))
    finally:
        decoder.close()
    assert fit_at_once < 5 and most <= fit_at_once
    assert [len(tokens[i]) for i in range(5)] == [p.max_tokens for p in prompts]


def tokens(events: list[tuple], index: int) -> list[int]:
    """The tokens ``BatchedDecoder.run`` yielded for request ``index``."""
    return [e[1] for e in events if e[0] == index and len(e) == 2]


def test_a_stopped_sequence_ends_alone_and_the_others_go_on(model: Model) -> None:
    """``stop`` (what ``chat_many`` calls when a reply loops) ends one request with the reason given."""
    prompts = [batched.SequenceRequest(model.chat_tokens(c.messages), 20, 0.0, 1) for c in requests(3)]
    llama = model._llama
    decoder = batched.BatchedDecoder(llama._model.model, model._vocab, n_cells=1024, n_seq=3,
                                     n_threads=int(llama.context_params.n_threads), unified=False)
    try:
        free = list(decoder.run(prompts))
        stopped = []
        for event in decoder.run(prompts):
            stopped.append(event)
            if event[0] == 1 and len(event) == 2 and sum(1 for e in stopped if e[0] == 1) == 3:
                decoder.stop(1, "repetition")
    finally:
        decoder.close()
    ends = [e for e in stopped if len(e) == 3]
    assert ends[0] == (1, batched.FINISH, "repetition") and tokens(stopped, 1) == tokens(free, 1)[:3]
    assert sorted(e[2] for e in ends[1:]) == ["length", "length"]
    assert tokens(stopped, 0) == tokens(free, 0) and tokens(stopped, 2) == tokens(free, 2)


def test_shared_prefix_leaves_each_prompt_a_token_of_its_own() -> None:
    assert batched.shared_prefix([[1, 2, 3], [1, 2, 3]]) == 2
    assert batched.shared_prefix([[1, 2, 3, 4], [1, 2, 5]]) == 2
    assert batched.shared_prefix([[1, 2]]) == 0


def test_combine_groups_together_equal_one_by_one_at_temperature_0(model: Model) -> None:
    """A reduce round of the summary on the real model: groups combined at once give the same texts
    as one by one, in group order, a group of one passed on as it is."""
    from desktop.jobs import prompts_summarize as prompts
    from desktop.jobs import summarize as job
    from tests.support.job_events import collect as run_job

    request = prompts.SummaryRequest(length="short", style="bullets", focus="", lang="en")
    items = [prompts.cited_item(f"Part {i}", f"- budget {i * 10} yen", "en") for i in range(1, 8)]
    groups = [items[0:2], items[2:4], items[4:5], items[5:7]]
    plan = job.Plan("en", True, 0, 32, False, [], partial_tokens=12, combine_budget=200)
    merged = {}
    for parallel in (1, 3):
        events, merged[parallel] = run_job(job._combine_round(model, groups, plan, request,
                                                              {"temperature": 0, "seed": 1, "parallel": parallel}))
        assert [e.done for e in events] == [0, 1, 2, 3, 4]
    assert merged[3] == merged[1] and merged[1][2] is None and all(merged[1][i] for i in (0, 1, 3))


# ------------------------------------------------------------------ through the engine process

def summarize(session: EngineSession, parallel: int, cancel_after: int | None = None) -> list:
    job = Job(kind="summarize", inputs={"text": long_japanese_text(1000)},
              options={"length": "short", "temperature": 0, "seed": 1, "max_tokens": 24, "parallel": parallel})
    events = []
    part_deltas = 0
    for event in session.request(job):
        events.append(event)
        if isinstance(event, Delta) and event.part is not None:
            part_deltas += 1
            if cancel_after is not None and part_deltas == cancel_after:
                session.cancel(job.id)
    return events


def test_summary_parts_at_once_stream_with_their_index(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=512)
        together = summarize(session, parallel=4)
        alone = summarize(session, parallel=1)
    for events in (together, alone):
        assert isinstance(events[-1], Done), events[-1]
    parts_together = {e.index: e.text for e in together if isinstance(e, Section)}
    parts_alone = {e.index: e.text for e in alone if isinstance(e, Section)}
    # every part summarized once; texts may differ where batching changes a near-tied logit (README)
    assert len(parts_together) >= 3 and sorted(parts_together) == sorted(parts_alone)
    assert [e.index for e in alone if isinstance(e, Section)] == sorted(parts_alone)
    streamed: dict[int, str] = {}
    for event in together:
        if isinstance(event, Delta) and event.part is not None:
            streamed[event.part] = streamed.get(event.part, "") + event.text
    assert {i: text.strip() for i, text in streamed.items()} == {i: t for i, t in parts_together.items() if t}
    assert "".join(e.text for e in together if isinstance(e, Delta) and e.part is None)


def test_summary_combine_rounds_at_once_through_the_engine(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=512)
        together = summarize(session, parallel=4)
        alone = summarize(session, parallel=1)
    rounds = {}
    for name, events in (("together", together), ("alone", alone)):
        assert isinstance(events[-1], Done), events[-1]
        assert events[-1].stats["rounds"] >= 3
        rounds[name] = [(e.done, e.total) for e in events if isinstance(e, Progress) and e.label == "summarize.combine"]
    # the same rounds of the same groups, each counted from 0 to all
    assert sorted(rounds["together"]) == sorted(rounds["alone"])
    assert [total for _done, total in rounds["together"] if _done == 0] == [
        total for _done, total in rounds["alone"] if _done == 0]


def test_cancel_stops_all_parts_through_the_engine(tiny_model: Path) -> None:
    with EngineSession() as session:
        session.load(tiny_model, n_ctx=512)
        events = summarize(session, parallel=4, cancel_after=3)
        assert isinstance(events[-1], Error) and events[-1].code == CANCELLED
        assert not any(isinstance(e, Section) for e in events)
        again = summarize(session, parallel=2)
        assert isinstance(again[-1], Done)
