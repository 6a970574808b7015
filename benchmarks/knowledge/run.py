"""Retrieval quality and speed of the manuals library (issue #14). Lexical search only (no model).

    python3 -m benchmarks.knowledge.run [--docs 500] [--passages 10000] [--json]

Quality: the corpus of ``corpus.py`` and the questions of ``questions.py``
(the first set, and the "late" set written after the method); top-5 hit rate
by kind, where an answerable question needs ``found`` and the passage in the
top 5, and an unanswerable one needs ``found`` false. Speed: indexing throughput (pages/s; a page is a PDF
page or 1,000 characters), search latency (median and p95 of the questions)
with the index grown to ``--passages`` passages by synthetic 例規 .txt files (read in
process), the speed of mixed formats (.docx and .pdf read in a child process each), and
the peak memory (RSS) of a fresh process indexing a folder of ``--docs`` documents (POSIX only). Quality is
measured again with the synthetic rules in the same index, as distractors.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.knowledge.corpus import write_corpus
from benchmarks.knowledge.questions import LATE_QUESTIONS, QUESTIONS
from desktop.knowledge import Searcher, open_index, update_index

WORDS = ("申請", "承認", "所属長", "保存", "期間", "支給", "旅費", "契約", "検査", "報告", "職員", "手続",
         "管理", "届出", "様式", "決裁", "会計", "予算", "公表", "審査", "記録", "提出", "交付", "通知")


def quality(searcher: Searcher, questions: list[dict]) -> dict:
    by_kind: dict[str, list[bool]] = {}
    misses = []
    for item in questions:
        result = searcher.search(item["q"], 5)
        if item["kind"] == "none":
            hit = not result.found
        else:
            hit = result.found and any(item["file"] in h.file and item["expect"] in h.text for h in result.hits)
        by_kind.setdefault(item["kind"], []).append(hit)
        if not hit:
            misses.append(item["q"])
    rates = {kind: round(sum(v) / len(v), 3) for kind, v in by_kind.items()}
    total = [hit for v in by_kind.values() for hit in v]
    return {"hit_rate_by_kind": rates, "hit_rate": round(sum(total) / len(total), 3),
            "questions": len(total), "misses": misses}


def synthetic_rules(folder: Path, count: int, articles: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        lines = [f"架空市第{n}号規程", ""]
        for a in range(1, articles + 1):
            body = "".join(rng.choice(WORDS) + rng.choice(("は", "の", "を", "に", "、")) for _ in range(40))
            lines += [f"（{rng.choice(WORDS)}）", f"第{a}条 {body}。", ""]
        (folder / f"規程{n:04d}.txt").write_text("\n".join(lines), encoding="utf-8")


def _indexing_memory(folder: Path, index_path: Path) -> float:
    """Peak RSS (MB) of a fresh process that indexes ``folder``; run before any other child process."""
    import subprocess

    code = ("import sys; from desktop.knowledge import open_index, update_index; "
            "ix = open_index(sys.argv[2]); update_index(ix, [sys.argv[1]]); ix.close()")
    subprocess.run([sys.executable, "-c", code, str(folder), str(index_path)], check=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(peak / 1024, 1)  # Linux reports kB


def _mixed_formats(work: Path, copies: int = 10) -> dict:
    """Indexing speed of the corpus copied ``copies`` times: .docx and .pdf go through the isolated reader."""
    import shutil

    for n in range(copies):
        shutil.copytree(work / "corpus", work / "mixed" / f"copy{n}")
    with open_index(work / "mixed.sqlite3") as index:
        started = time.perf_counter()
        report = update_index(index, [str(work / "mixed")])
        seconds = time.perf_counter() - started
    return {"files": len(report.added), "pages": report.pages, "seconds": round(seconds, 1),
            "pages_per_s": round(report.pages / seconds, 1), "files_per_s": round(len(report.added) / seconds, 1)}


def _dense_latency(index, searcher: Searcher, dim: int = 384) -> dict:
    """Fused search time with random ``dim``-dimensional vectors on every passage (e5-small's size)."""
    import numpy as np

    rng = np.random.default_rng(0)
    ids = [row[0] for row in index.connection.execute("SELECT id FROM passages")]
    for start in range(0, len(ids), 1000):
        chunk = ids[start:start + 1000]
        index.store_vectors("bench-e5", [(pid, rng.standard_normal(dim).tolist()) for pid in chunk])
    times = []
    for item in QUESTIONS[:20]:
        t = time.perf_counter()
        searcher.search(item["q"], 5, vector=rng.standard_normal(dim).tolist(), model="bench-e5")
        times.append((time.perf_counter() - t) * 1000)
    return {"fused_search_ms_cold": round(times[0], 1),  # the first search reads every vector
            "fused_search_ms_median": round(statistics.median(times[1:]), 1)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fumi-knowledge-"))
    results: dict = {}

    write_corpus(work / "corpus")
    with open_index(work / "quality.sqlite3") as index:
        update_index(index, [str(work / "corpus")])
        results["quality"] = quality(Searcher(index), QUESTIONS)
        results["quality_late_questions"] = quality(Searcher(index), LATE_QUESTIONS)

    synthetic_rules(work / "many", args.docs, max(1, args.passages // args.docs))
    memory_mb = _indexing_memory(work / "many", work / "memory.sqlite3")
    with open_index(work / "speed.sqlite3") as index:
        started = time.perf_counter()
        report = update_index(index, [str(work / "many"), str(work / "corpus")])
        seconds = time.perf_counter() - started
        searcher = Searcher(index)
        searcher.search("準備", 5)
        results["quality_among_synthetic_rules"] = {
            "first": quality(searcher, QUESTIONS)["hit_rate"], "late": quality(searcher, LATE_QUESTIONS)["hit_rate"]}
        latencies = []
        for item in QUESTIONS + LATE_QUESTIONS:
            t = time.perf_counter()
            searcher.search(item["q"], 5)
            latencies.append((time.perf_counter() - t) * 1000)
        latencies.sort()
        dense = _dense_latency(index, searcher)
        results["speed"] = {
            "documents": len(report.added), "pages": report.pages, "passages": index.passage_count(),
            "index_seconds": round(seconds, 1), "pages_per_s": round(report.pages / seconds, 1),
            "search_ms_median": round(statistics.median(latencies), 1),
            "search_ms_p95": round(latencies[int(len(latencies) * 0.95) - 1], 1),
            **dense,
            "indexing_peak_rss_mb": memory_mb,
        }
    results["mixed_formats"] = _mixed_formats(work)
    print(json.dumps(results, ensure_ascii=False, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
