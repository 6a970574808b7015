"""The JSON-lines protocol: every message survives a round trip; bad lines are refused."""

from __future__ import annotations

import pytest

from desktop.engine import protocol
from desktop.engine.protocol import (
    Cancel, CountTokens, Delta, Done, Error, Job, Load, Loaded, Progress, ProtocolError, Section,
    Shutdown, Unload,
)

EXAMPLES = [
    Load(path="C:/モデル/qwen.gguf", n_ctx=2048, n_threads=4, options={"force": True}, id="r1"),
    Job(kind="generate", inputs={"prompt": "議事録を要約してください"}, options={"max_tokens": 8}, id="r2"),
    Cancel(target="r2", id="r3"),
    CountTokens(text="こんにちは", id="r4"),
    Unload(id="r5"),
    Shutdown(id="r6"),
    Loaded(facts={"name": "tiny", "n_ctx": 512}, id="r1"),
    Progress(done=1, total=3, label="読み込み中", id="r1"),
    Delta(text="文\n", id="r2"),
    Section(index=2, text="第2段落", meta={"source": 2}, id="r2"),
    Done(stats={"tokens_per_s": 12.5}, id="r2"),
    Error(code=protocol.CANCELLED, message="中止しました。", id="r2"),
]


@pytest.mark.parametrize("message", EXAMPLES, ids=lambda m: m.TYPE)
def test_round_trip(message: protocol.Message) -> None:
    line = protocol.encode(message)
    assert line.endswith("\n") and line.count("\n") == 1
    assert protocol.decode(line) == message
    assert protocol.decode(line.encode("utf-8")) == message


def test_japanese_is_not_escaped() -> None:
    assert "こんにちは" in protocol.encode(CountTokens(text="こんにちは"))


@pytest.mark.parametrize("line", [
    "", "not json", "[1, 2]", '"text"', '{"type": "nope"}', '{"id": "x"}',
    '{"type": "load", "path": "a", "bogus": 1}', b"\xff\xfe{",
])
def test_bad_lines_are_refused(line: str | bytes) -> None:
    with pytest.raises(ProtocolError):
        protocol.decode(line)


def test_a_delta_names_its_part_and_old_lines_without_it_still_decode() -> None:
    delta = protocol.Delta(text="訳", part=3, id="r1")
    assert protocol.decode(protocol.encode(delta)) == delta
    assert protocol.decode('{"type":"delta","text":"x","id":"r2"}').part is None
