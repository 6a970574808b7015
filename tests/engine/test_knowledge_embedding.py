"""Dense retrieval for real: a tiny random-weight embedding GGUF, run by llama.cpp in the engine process."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.engine import protocol
from desktop.engine.session import EngineSession
from tests.engine.test_knowledge_cli import fumi
from tests.support.gguf_factory import write_tiny_embedding_model


@pytest.fixture(scope="module")
def embedding_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_embedding_model(tmp_path_factory.mktemp("embedding") / "tiny-e5-embedding.gguf")


def test_engine_embeds_texts(embedding_model: Path):
    with EngineSession() as session:
        events = list(session.request(protocol.Embed(path=str(embedding_model), texts=["書庫の鍵", "税", ""])))
    done = events[-1]
    assert isinstance(done, protocol.Done), events
    vectors = done.stats["vectors"]
    assert len(vectors) == 3 and len(vectors[0]) == 64
    assert abs(sum(x * x for x in vectors[0]) - 1.0) < 1e-3
    assert done.stats["model"] == embedding_model.name


def test_index_stores_vectors_and_search_fuses_them(embedding_model: Path, tmp_path: Path, monkeypatch, fumi_home):
    monkeypatch.setenv("FUMI_MODELS", str(embedding_model.parent))
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "規程.txt").write_text("（書庫）\n第7条 書庫の鍵は総務課長が保管する。\n\n（公印）\n第8条 公印は課長が管理する。\n",
                                     encoding="utf-8")
    indexed = fumi("index", str(folder), "--json")
    assert indexed.returncode == 0, indexed.stderr[-2000:]
    assert json.loads(indexed.stdout)["embedded"] == 2
    with sqlite3.connect(fumi_home / "data" / "library.sqlite3") as db:
        assert db.execute("SELECT count(*), min(model) FROM vectors").fetchone() == (2, embedding_model.name)
    searched = fumi("search", "鍵", "--json")
    assert searched.returncode == 0, searched.stderr[-2000:]
    results = json.loads(searched.stdout)["results"]
    assert len(results) == 2 and results[0]["location"].endswith("第7条（書庫）")
