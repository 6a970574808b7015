"""Parallel decoding (issue 15): Fumi against llama-batched-bench, and long jobs default vs ``--parallel 1``.

One run measures, on the Qwen2.5-0.5B-shaped Q4_K_M model of ``models.py``:

1. ``llama-batched-bench`` (built from the llama.cpp inside the installed
   llama-cpp-python's sdist, like ``llama-bench`` in ``run.py``) with
   ``-npp 128 -ntg 64 -npl 1,N``, flash attention on, one KV stream per sequence
   (its default, as Fumi uses), same threads: S_TG, aggregate generated tokens/s;
2. ``fumi bench --parallel K --json`` for K = 1, 2, 4, N (each in a fresh engine
   process): ``parallel_tg_tokens_per_s`` and the engine's peak RSS (VmHWM);
3. ``fumi summarize`` of a 20,000-character Japanese text, default (automatic)
   against ``--parallel 1``: wall time of the whole command;
4. ``fumi translate`` of a 30-paragraph .docx, default against ``--parallel 1``.

Usage: ``python benchmarks/parallel.py [--threads 2] [--n 8] [--batched-bench PATH]
[--skip-jobs]``; writes ``benchmarks/parallel-results.json`` (git-ignored) and prints a table.
Timings vary with other load on the machine: ``uptime`` is recorded before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

from llama_bench_build import ensure_llama_bench  # noqa: E402
from models import ensure_model  # noqa: E402
from tests.engine.test_summarize_cli import SENTENCES  # noqa: E402

RESULTS = HERE / "parallel-results.json"


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def batched_bench(exe: Path, model: Path, threads: int, n: int) -> dict[int, float]:
    """S_TG (aggregate generated tokens/s) per number of sequences."""
    command = [str(exe), "-m", str(model), "-t", str(threads), "-c", str(256 * n), "-b", "512",
               "-ub", "512", "-fa", "on", "-npp", "128", "-ntg", "64", "-npl", f"1,{n}",
               "--output-format", "jsonl"]
    log(" ".join(command))
    output = subprocess.run(command, capture_output=True, text=True, check=True)
    speeds = {}
    for line in (output.stdout + output.stderr).splitlines():
        if line.startswith("{") and '"speed_tg"' in line:
            record = json.loads(line)
            speeds[int(record["pl"])] = round(float(record["speed_tg"]), 2)
    return speeds


def fumi(*arguments: str) -> tuple[float, subprocess.CompletedProcess]:
    command = [sys.executable, "-m", "desktop", *arguments]
    log(" ".join(command[2:]))
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"fumi {' '.join(arguments)} exited {result.returncode}: {result.stderr[-2000:]}")
    return seconds, result


def fumi_bench(model: Path, threads: int, parallel: int) -> dict:
    _seconds, result = fumi("bench", "--model", str(model), "--threads", str(threads), "--ctx", "2048",
                            "--prompt-tokens", "8", "--gen-tokens", "2", "--parallel", str(parallel), "--json")
    return json.loads(result.stdout)


def japanese_text(characters: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    lines: list[str] = []
    total = 0
    while total < characters:
        if len(lines) % 24 == 0:
            lines += [f"第{len(lines) // 24 + 1}章 事業の概要", ""]
        paragraph = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 7)))
        lines += [paragraph, ""]
        total += len(paragraph)
    return "\n".join(lines)[:characters]


def write_docx(path: Path, paragraphs: int, sentences: int) -> Path:
    import docx

    document = docx.Document()
    rng = random.Random(9)
    for number in range(paragraphs):
        document.add_paragraph(f"{number + 1}. " + "".join(rng.choice(SENTENCES) for _ in range(sentences)))
    document.save(str(path))
    return path


def job_times(model: Path, args: argparse.Namespace, folder: Path) -> dict:
    common = ["--model", str(model), "--threads", str(args.threads), "--ctx", str(args.ctx)]
    text = folder / "report.txt"
    text.write_text(japanese_text(args.summary_chars), encoding="utf-8")
    source = write_docx(folder / "notice.docx", 30, args.sentences)
    results: dict = {"summary_characters": len(text.read_text(encoding="utf-8")), "ctx": args.ctx,
                     "translate_paragraphs": 30, "translate_sentences_each": args.sentences,
                     "translate_max_tokens": args.translate_max_tokens}
    for label, extra in (("default", []), ("parallel_1", ["--parallel", "1"])):
        seconds, run = fumi("summarize", str(text), "--length", "short", "-o", str(folder / f"s-{label}.md"),
                            *common, *extra)
        results[f"summary_{label}_s"] = round(seconds, 1)
        results[f"summary_{label}_log"] = run.stderr.strip().splitlines()[-1]
    for label, extra in (("default", []), ("parallel_1", ["--parallel", "1"])):
        seconds, _run = fumi("translate", str(source), "--to", "en", "--max-tokens", str(args.translate_max_tokens),
                             "-o", str(folder / f"t-{label}.docx"), *common, *extra)
        results[f"translate_{label}_s"] = round(seconds, 1)
    results["summary_speedup"] = round(results["summary_parallel_1_s"] / results["summary_default_s"], 2)
    results["translate_speedup"] = round(results["translate_parallel_1_s"] / results["translate_default_s"], 2)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--n", type=int, default=8)
    parser.add_argument("--batched-bench", type=Path, help="a llama-batched-bench already built from the same sources")
    parser.add_argument("--skip-jobs", action="store_true", help="only the generation speeds")
    parser.add_argument("--fumi-parallel", default="1,2,4,8", help="the N values of fumi bench --parallel")
    parser.add_argument("--summary-chars", type=int, default=20_000)
    parser.add_argument("--ctx", type=int, default=2048, help="context of the summary and translation runs")
    parser.add_argument("--sentences", type=int, default=2, help="sentences per .docx paragraph")
    parser.add_argument("--translate-max-tokens", type=int, default=64)
    args = parser.parse_args()
    results: dict = {"threads": args.threads, "n": args.n, "load_before": load_average(),
                     "command": " ".join(sys.argv)}
    model = ensure_model("qwen2.5-0.5b")
    exe = args.batched_bench or ensure_llama_bench(target="llama-batched-bench")
    results["llama_batched_bench_tg"] = batched_bench(exe, model, args.threads, args.n)
    results["fumi"] = {}
    for parallel in sorted({int(k) for k in args.fumi_parallel.split(",")} | {1, args.n}):
        bench = fumi_bench(model, args.threads, parallel)
        results["fumi"][parallel] = {"parallel_tg_tokens_per_s": bench["parallel_tg_tokens_per_s"],
                                     "peak_rss_mb": bench["parallel_engine_peak_rss_mb"]}
    ours, theirs = results["fumi"][args.n]["parallel_tg_tokens_per_s"], results["llama_batched_bench_tg"].get(args.n)
    single = results["fumi"][1]["parallel_tg_tokens_per_s"]
    results["vs_batched_bench"] = round(ours / theirs, 3) if theirs else None
    results["vs_single_stream"] = round(ours / single, 3) if single else None
    if not args.skip_jobs:
        with tempfile.TemporaryDirectory() as folder:
            results["jobs"] = job_times(model, args, Path(folder))
    results["load_after"] = load_average()
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
