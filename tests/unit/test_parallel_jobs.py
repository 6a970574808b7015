"""Jobs that hand several requests to the model at once: parts out of order, overflow alone, cancel, the choice of N.

The scripted model answers ``stream_chat_many`` one request after another, in a
finish order the test chooses, so jobs are checked against parts that end out
of document order.
"""

from __future__ import annotations

import re

import pytest

from desktop.contracts import Cancelled, JobError
from desktop.documents.model import Block, Document
from desktop.engine.protocol import CONTEXT_OVERFLOW, Delta, Progress, Section
from desktop.jobs import summarize, translate
from desktop.library.ram import MAX_AUTO_PARALLEL, choose_parallel, estimate_ram
from tests.support.job_events import collect
from tests.support.scripted_model import ScriptedModel
from tests.unit.test_summarize_job import body, kind, report


def run(job, model, inputs, options):
    return collect(job.run(model, inputs, options))


def numbered_part(messages) -> str:
    """A partial summary that says which part it was given (its first characters)."""
    if kind(messages) == "part":
        return "要点:" + body(messages)[:8]
    return "・全体の要約です。"


def test_summary_parts_finish_out_of_order_but_the_summary_reads_them_in_document_order():
    model = ScriptedModel(numbered_part, n_ctx=1200)
    document = report(8)
    plan_parts = run(summarize, ScriptedModel(numbered_part, n_ctx=1200), {"document": document.to_dict()},
                     {"max_tokens": 120})[1]["parts"]
    model.finish_order = list(reversed(range(plan_parts)))
    events, stats = run(summarize, model, {"document": document.to_dict()}, {"max_tokens": 120, "parallel": 4})
    assert model.parallel_calls == [4]
    sections = [e for e in events if isinstance(e, Section)]
    assert [s.index for s in sections] == list(reversed(range(stats["parts"])))
    # every delta of the map step names its part, and adds up to that part's section
    streamed: dict[int, str] = {}
    for event in events:
        if isinstance(event, Delta) and event.part is not None:
            streamed[event.part] = streamed.get(event.part, "") + event.text
    assert streamed == {s.index: s.text for s in sections}
    # the final summary cites the parts in document order
    final = body(model.calls[-1])
    positions = [final.index(f"【出典: {s.meta['source']}】\n{s.text}") for s in sorted(sections, key=lambda s: s.index)]
    assert positions == sorted(positions)
    done = [e.done for e in events if isinstance(e, Progress) and e.label == summarize.PART_LABEL]
    assert done == list(range(stats["parts"] + 1))


def test_a_part_that_overflows_fails_alone_and_is_reported():
    class OnePartTooLong(ScriptedModel):
        def count_chat_tokens(self, messages):
            tokens = super().count_chat_tokens(messages)
            return tokens + 5000 if kind(messages) == "part" and "第3章" in body(messages)[:6] else tokens

    model = OnePartTooLong(numbered_part, n_ctx=1200)
    events, stats = run(summarize, model, {"document": report(8).to_dict()}, {"max_tokens": 120, "parallel": 2})
    failed = [e for e in events if isinstance(e, Section) and e.meta.get("error")]
    assert failed and all(e.meta["error"]["code"] == CONTEXT_OVERFLOW and e.text == "" for e in failed)
    assert stats["failed_parts"] == [e.index for e in failed]
    good = [e for e in events if isinstance(e, Section) and not e.meta.get("error")]
    assert len(good) == stats["parts"] - len(failed) > 0
    assert kind(model.calls[-1]) == "final"
    for section in failed:
        assert section.meta["source"] not in body(model.calls[-1])


def test_cancel_stops_the_map_step():
    model = ScriptedModel(numbered_part, n_ctx=1200, cancel_after=2)
    with pytest.raises(Cancelled):
        run(summarize, model, {"document": report(8).to_dict()}, {"max_tokens": 120, "parallel": 4})


def first_chapters(messages) -> list[int]:
    """The chapter each cited item of a combine (or final) prompt starts at, in prompt order."""
    return [int(n) for n in re.findall(r"【出典: 第(\d+)章", body(messages))]


def long_cited(messages) -> str:
    """Partial and combined summaries long enough to need rounds, each saying where it starts."""
    if kind(messages) == "part":
        return "・" + body(messages)[:4] + "要点" * 40
    if kind(messages) == "combine":
        return f"・第{first_chapters(messages)[0]}章から" + "要点" * 40
    return "・全体"


def test_combine_groups_of_a_round_run_together_and_the_next_round_reads_them_in_document_order():
    model = ScriptedModel(long_cited, n_ctx=1200)
    model.finish_order = list(reversed(range(100)))  # every batch finishes last request first
    events, stats = run(summarize, model, {"document": report(30).to_dict()}, {"max_tokens": 120, "parallel": 3})
    assert stats["rounds"] >= 2
    combines = [call for call in model.calls if kind(call) == "combine"]
    # one stream_chat_many for the map step, then one per round that combines
    assert len(model.parallel_calls) >= 2 and set(model.parallel_calls) == {3}
    assert len(combines) > len(model.parallel_calls) - 1
    for call in combines + [model.calls[-1]]:
        starts = first_chapters(call)
        assert len(starts) >= 2 and starts == sorted(starts)
    # each round: combine progress from 0 to all of its groups, counting groups as they finish
    rounds: list[list[tuple[int, int]]] = []
    for event in events:
        if isinstance(event, Progress) and event.label == summarize.COMBINE_LABEL:
            if event.done == 0:
                rounds.append([])
            rounds[-1].append((event.done, event.total))
    assert len(rounds) == stats["rounds"] - 1
    for progress in rounds:
        done = [d for d, _total in progress]
        assert done[0] == 0 and done == sorted(done) and progress[-1][0] == progress[-1][1]


def test_cancel_stops_a_combine_round():
    parts = run(summarize, ScriptedModel(long_cited, n_ctx=1200), {"document": report(30).to_dict()},
                {"max_tokens": 120})[1]["parts"]
    model = ScriptedModel(long_cited, n_ctx=1200, cancel_after=parts + 1)
    events = []
    with pytest.raises(Cancelled):
        for event in summarize.run(model, {"document": report(30).to_dict()}, {"max_tokens": 120, "parallel": 4}):
            events.append(event)
    assert [kind(call) for call in model.calls] == ["part"] * parts + ["combine"]
    assert len([e for e in events if isinstance(e, Section)]) == parts
    assert not any(isinstance(e, Delta) and e.part is None for e in events)


def test_a_combine_prompt_that_overflows_fails_the_job_as_on_the_one_by_one_path():
    class CombineTooLong(ScriptedModel):
        def count_chat_tokens(self, messages):
            tokens = super().count_chat_tokens(messages)
            return tokens + 5000 if kind(messages) == "combine" and len(self.calls) > 0 else tokens

    for parallel in (1, 3):
        model = CombineTooLong(long_cited, n_ctx=1200)
        with pytest.raises(JobError) as failure:
            run(summarize, model, {"document": report(30).to_dict()}, {"max_tokens": 120, "parallel": parallel})
        assert failure.value.code == CONTEXT_OVERFLOW
        kinds = [kind(call) for call in model.calls]
        assert kinds and set(kinds) == {"part"}


def _document(*texts: str) -> dict:
    return Document(blocks=[Block("paragraph", text) for text in texts]).to_dict()


def echo(messages) -> str:
    return "EN(" + messages[-1]["content"].split("\n")[-1] + ")"


def test_translation_segments_together_stream_with_their_index_and_end_in_any_order():
    model = ScriptedModel(echo)
    model.finish_order = [2, 0, 1]
    events, stats = run(translate, model, {"document": _document("一つ目。", "二つ目。", "三つ目。")},
                        {"target": "en"})
    assert model.parallel_calls == [0]
    sections = [e for e in events if isinstance(e, Section)]
    assert [s.index for s in sections] == [2, 0, 1]
    assert {s.index: s.text for s in sections} == {0: "EN(一つ目。)", 1: "EN(二つ目。)", 2: "EN(三つ目。)"}
    streamed: dict[int, str] = {}
    for event in events:
        if isinstance(event, Delta):
            assert event.part is not None
            streamed[event.part] = streamed.get(event.part, "") + event.text
    assert streamed == {s.index: s.text for s in sections}
    assert stats["segments"] == 3 and "failed_segments" not in stats
    # the previous translation is not known yet when all segments go at once: only source context
    assert "Its translation" not in model.calls[1][-1]["content"]


def test_a_long_segment_streams_its_pieces_in_order_even_when_they_end_out_of_order():
    model = ScriptedModel(echo, n_ctx=600)
    long_text = "。".join(f"文{i}です" for i in range(60)) + "。"
    model.finish_order = [2, 1, 0]
    events, _stats = run(translate, model, {"document": _document(long_text)}, {"target": "en", "parallel": 3})
    assert len(model.calls) > 1
    streamed = "".join(e.text for e in events if isinstance(e, Delta))
    section = next(e for e in events if isinstance(e, Section))
    assert streamed.replace(" ", "") == section.text.replace(" ", "")
    assert section.text.index("文0") < section.text.index("文59")


def test_a_segment_that_overflows_fails_alone():
    class Small(ScriptedModel):
        def count_chat_tokens(self, messages):
            tokens = super().count_chat_tokens(messages)
            return tokens + 10_000 if "二つ目" in messages[-1]["content"].split("\n")[-1] else tokens

    events, stats = run(translate, Small(echo), {"document": _document("一つ目。", "二つ目。", "三つ目。")},
                        {"target": "en", "parallel": 2})
    sections = {e.index: e for e in events if isinstance(e, Section)}
    assert sections[1].meta["error"]["code"] == CONTEXT_OVERFLOW and sections[1].text == ""
    assert sections[0].text == "EN(一つ目。)" and sections[2].text == "EN(三つ目。)"
    assert stats["failed_segments"] == [1]


def test_parallel_1_translates_one_by_one_with_the_fresh_previous_translation():
    model = ScriptedModel(echo)
    run(translate, model, {"document": _document("一つ目。", "二つ目。")}, {"target": "en", "parallel": 1})
    assert model.parallel_calls == []
    assert "Its translation:\nEN(一つ目。)" in model.calls[1][-1]["content"]


# ------------------------------------------------------------------ how many at once

def test_parallel_asked_for_is_kept_up_to_the_number_of_requests():
    assert choose_parallel(4, 10, 4096, 12_288, None) == 4
    assert choose_parallel(8, 3, 4096, 12_288, None) == 3
    assert choose_parallel(1, 30, 4096, 12_288, 10**12) == 1


def test_automatic_parallel_follows_free_ram_and_the_number_of_parts():
    kv = 12_288  # bytes per KV cell of a 0.5B-shaped model
    assert choose_parallel(0, 30, 4096, kv, 16 * 1024**3) == MAX_AUTO_PARALLEL
    assert choose_parallel(0, 3, 4096, kv, 16 * 1024**3) == 3
    assert choose_parallel(0, 30, 4096, kv, 4096 * kv * 2 * 3) == 3   # half the RAM holds three sequences
    assert choose_parallel(0, 30, 4096, kv, 1024) == 1
    assert choose_parallel(0, 1, 4096, kv, 16 * 1024**3) == 1


def test_ram_estimate_grows_with_parallel():
    facts = {"size_bytes": 400_000_000, "n_layer": 24, "n_embd": 896, "n_head": 14, "n_head_kv": 2, "n_vocab": 151936}
    one, eight = estimate_ram(facts, 4096), estimate_ram(facts, 4096, parallel=8)
    kv_one = 24 * 4096 * 2 * (64 + 64) * 2
    assert eight - one >= 8 * kv_one
